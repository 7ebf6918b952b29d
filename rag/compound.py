"""Two questions in one: "When were ICSs due to replace CCGs, and when were the ICBs actually
established?", "How many CCGs went into joint commissioning, and do the two reports agree?".

Each part is asked on its own and the answers are joined, each with its own citations: one
best sentence cannot answer two things that two articles (or two paragraphs) state apart.
A question splits only where a clause opening with a question word or an auxiliary follows
", and" / "; and" / "and also" — "Who chairs Basildon and Brentwood CCG?" and "What did the
CCG and the LMC agree?" stay whole."""

from __future__ import annotations

import re
from dataclasses import replace

from .models import Answer, Citation

_WH = (
    r"how|what|when|which|who|whom|whose|where|why|did|does|do|is|was|were|are|has|have|had|"
    r"will|would|can|could"
)
_PREP = r"(?:in|on|at|by|for|from|under|with|to|of|since|until)\s+"
SPLIT = re.compile(rf"\s*(?:,|;)\s*and\s+(?:also\s+)?(?=(?:{_PREP})?(?:{_WH})\b)", re.I)
MIN_PART_WORDS = 3


def split_compound(question: str) -> list[str]:
    """The question's parts, each a question; one part when it asks one thing."""
    parts = [p.strip(" ,;") for p in SPLIT.split(question.strip())]
    if len(parts) != 2 or any(len(p.split()) < MIN_PART_WORDS for p in parts):
        return [question]
    first, second = parts
    first = first.rstrip("?") + "?"
    second = second[0].upper() + second[1:]
    return [first, second if second.endswith("?") else second + "?"]


_CITE = re.compile(r"\[(\d+)\]")


def _renumber(text: str, offset: int) -> str:
    return _CITE.sub(lambda m: f"[{int(m.group(1)) + offset}]", text)


def join_answers(question: str, standalone: str, parts: list[str], answers: list[Answer]) -> Answer:
    """One answer from the parts' answers (each answered, none abstaining): each part's text in
    turn, its citations numbered on from the previous part's."""
    texts: list[str] = []
    citations: list[Citation] = []
    notes: list[str] = []
    for ans in answers:
        offset = len(citations)
        texts.append(_renumber(ans.answer, offset))
        citations += [replace(c, n=c.n + offset) for c in ans.citations]
        notes += [n for n in ans.notes if n not in notes]
    timings = {
        k: round(sum(a.timings_ms.get(k, 0.0) for a in answers), 2) for k in answers[0].timings_ms
    }
    return Answer(
        question=question,
        standalone_question=standalone,
        answer="\n\n".join(texts),
        abstained=False,
        citations=citations,
        quotes=[q for a in answers for q in a.quotes],
        timings_ms=timings,
        notes=[f"asked as {len(parts)} questions: " + " | ".join(parts), *notes],
        confidence=min(a.confidence for a in answers),
    )
