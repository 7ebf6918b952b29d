"""Score who-said-what like a newsroom tool, against pointer gold: one JSON line per quote,
{"article": stem, "quote_start": "first words of the quote", "speaker": S}, where S is a
person's full name ("Jane Long"; a title is optional), "organisation:NAME" for an organisation
or its unnamed spokesperson, or "" (also written "unattributed") when the page does not say who
(a document, a motion, a group: nobody may be named).

- quote recall: share of gold quotes found (an extracted direct quote in the same article whose
  text holds the quote's first words, or is held by them);
- speaker-correct: share of gold quotes found with the gold speaker; speaker accuracy is the
  same among the quotes found;
- wrong speaker: a quote given a person or organisation that is not the gold one. An
  unattributed quote (speaker "") is a miss for a named gold speaker, never a wrong speaker.

The gold holds only a few words of each quote, so it can be kept for pages whose text cannot."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..models import Quote
from ..people import TITLES
from ..quote_speakers import KIND_SPELT

_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "…": "...", "–": "-", "—": "-"})


def _norm_text(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_MARKS)).strip().lower()


def _bare(name: str) -> list[str]:
    name = re.sub(rf"^(?:{TITLES})\.?\s+", "", name.strip())
    return [w for w in re.findall(r"[\w’'-]+", name.lower())]


def _org_words(name: str) -> set[str]:
    """An organisation's words, its kind short as the extractor writes it ("… Clinical
    Commissioning Group" is "… CCG")."""
    name = name.lower()
    for spelt, short in KIND_SPELT.items():
        name = name.replace(spelt, short)
    return set(re.findall(r"[a-z0-9]+", name)) - {"the", "nhs", "a", "for", "of"}


def same_speaker(gold: str, q: Quote) -> bool:
    if not gold:
        return q.speaker == "" or q.speaker_type == "group"
    if gold.startswith("organisation:"):
        want = _org_words(gold.split(":", 1)[1])
        # "patient participation groups (PPG)": the body by its spelt-out words or by its
        # acronym, either of which may be the gold's
        spelt = re.fullmatch(r"(.+?)\s+\(([A-Z]{2,6}s?)\)", q.speaker)
        names = [q.speaker] if not spelt else [q.speaker, spelt.group(1), spelt.group(2)]
        return (
            q.speaker_type == "organisation"
            and bool(want)
            and any(want <= got or got <= want for got in map(_org_words, names))
        )
    if q.speaker_type != "person":
        return False
    want, got = _bare(gold), _bare(q.speaker)
    # "Dr Bikhu" for "Aneel Bikhu" names the same person; a different first name does not
    return bool(got) and got[-1] == want[-1] and (len(got) == 1 or got[0] == want[0])


def load_pointer_gold(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        missing = {"article", "quote_start", "speaker"} - set(row)
        if missing:
            raise ValueError(f"{path}:{n}: missing {sorted(missing)}")
        if row["speaker"].strip().lower() == "unattributed":
            row = {**row, "speaker": ""}  # the gold's word for "nobody may be named"
        rows.append(row)
    return rows


def score_pointers(quotes: list[Quote], gold: list[dict]) -> dict:
    by_article: dict[str, list[Quote]] = {}
    for q in quotes:
        if q.kind == "direct":
            by_article.setdefault(q.article_id, []).append(q)
    found = correct = 0
    missed, wrong, unattributed = [], [], []
    matched: set[int] = set()
    for g in gold:
        start = _norm_text(g["quote_start"])
        cands = [
            q
            for q in by_article.get(g["article"], [])
            if start in _norm_text(q.text)
            or (len(q.text.split()) >= 3 and _norm_text(q.text) in start)
        ]
        if not cands:
            missed.append(g)
            continue
        found += 1
        # the quote holding the gold's first words, before a shorter one they merely contain
        # (a 3-word 'no longer in dispute' quoted earlier is not '‘We’re no longer in dispute
        # with …' cut off at the end)
        whole = [c for c in cands if start in _norm_text(c.text)]
        q = min(whole or cands, key=lambda c: len(c.text))
        matched.update(id(c) for c in cands)
        if same_speaker(g["speaker"], q):
            correct += 1
        elif q.speaker:
            wrong.append({**g, "got": q.speaker, "evidence": q.evidence})
        else:
            unattributed.append(g)
    named_extra = [
        {"article": q.article_id, "text": q.text[:60], "speaker": q.speaker}
        for q in quotes
        if q.kind == "direct"
        and q.speaker
        and id(q) not in matched
        and q.article_id in {g["article"] for g in gold}
    ]
    n = len(gold)
    return {
        "gold": n,
        "quote_recall": round(found / n, 4) if n else None,
        "speaker_correct": round(correct / n, 4) if n else None,
        "speaker_accuracy": round(correct / found, 4) if found else None,
        "wrong_speaker": len(wrong),
        "unattributed": len(unattributed),
        "missed": missed,
        "wrong": wrong,
        "unattributed_quotes": unattributed,
        "named_not_in_gold": named_extra,
    }
