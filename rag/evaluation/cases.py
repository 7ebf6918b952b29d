"""Eval cases are data: one JSON object a line, validated here with messages naming the line."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError

TYPES = {
    "fact",
    "number",
    "date",
    "who",
    "what-said",
    "verify-quote",
    "multi-article",
    "follow-up",
    "unanswerable",
    "comment-trap",
}
ANSWERABLE = TYPES - {"unanswerable", "comment-trap"}


@dataclass(frozen=True)
class Case:
    id: str
    question: str
    type: str
    answers: tuple[str, ...] = ()
    must_include: tuple[str, ...] = ()
    sources: tuple[dict, ...] = ()
    history: tuple[dict, ...] = ()
    speaker: str = ""
    verdict: str = ""
    comment_fact: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def answerable(self) -> bool:
        return self.type in ANSWERABLE

    @property
    def source_articles(self) -> set[str]:
        return {s["article"] for s in self.sources}


def load_cases(path: Path) -> list[Case]:
    try:
        lines = Path(path).read_text().splitlines()
    except OSError as exc:
        raise UserError(f"cannot read questions file {path}: {exc.strerror or exc}") from exc
    cases, seen = [], set()
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
        for key in ("id", "question", "type"):
            if not isinstance(d.get(key), str) or not d[key].strip():
                raise UserError(f"{path}:{n}: missing or empty {key!r}")
        if d["type"] not in TYPES:
            raise UserError(f"{path}:{n}: type {d['type']!r} is not one of {sorted(TYPES)}")
        if d["id"] in seen:
            raise UserError(f"{path}:{n}: duplicate id {d['id']!r}")
        seen.add(d["id"])
        history = d.get("history", ())
        if not history and d.get("context"):
            # "context": the earlier questions of the conversation, the user's turns only
            context = d["context"]
            if not isinstance(context, list) or not all(isinstance(c, str) for c in context):
                raise UserError(f"{path}:{n}: 'context' must be a list of earlier questions")
            history = [{"role": "user", "content": c} for c in context]
        known = {
            "context",
            "id",
            "question",
            "type",
            "answers",
            "must_include",
            "sources",
            "history",
            "speaker",
            "verdict",
            "comment_fact",
        }
        cases.append(
            Case(
                id=d["id"],
                question=d["question"],
                type=d["type"],
                answers=tuple(d.get("answers", ())),
                must_include=tuple(d.get("must_include", ())),
                sources=tuple(d.get("sources", ())),
                history=tuple(history),
                speaker=d.get("speaker", ""),
                verdict=d.get("verdict", ""),
                comment_fact=d.get("comment_fact", ""),
                extra={k: v for k, v in d.items() if k not in known},
            )
        )
    if not cases:
        raise UserError(f"{path}: no cases")
    return cases
