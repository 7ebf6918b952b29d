"""Two questions in one: "When were ICSs due to replace CCGs, and when were the ICBs actually
established?", "How many CCGs went into joint commissioning, and do the two reports agree?".

Each part is asked on its own and the answers are joined, each with its own citations: one
best sentence cannot answer two things that two articles (or two paragraphs) state apart.
A question splits only where a clause opening with a question word or an auxiliary follows
", and" / "; and" / "and also" — "Who chairs Basildon and Brentwood CCG?" and "What did the
CCG and the LMC agree?" stay whole — or where it compares two named things explicitly ("… at X
compared with Y?"), when it is asked of each."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .models import Answer, Citation

_WH = (
    r"how|what|when|which|who|whom|whose|where|why|did|does|do|is|was|were|are|has|have|had|"
    r"will|would|can|could"
)
_PREP = r"(?:in|on|at|by|for|from|under|with|to|of|since|until)\s+"
SPLIT = re.compile(rf"\s*(?:,|;)\s*and\s+(?:also\s+)?(?=(?:{_PREP})?(?:{_WH})\b)", re.I)
MIN_PART_WORDS = 3


# Two named things asked the same of: "How many patients were at X in Shrewsbury compared with
# Y in Calderdale?", "Which closure would displace more patients: X or Y?". Only an explicit
# comparison splits ("compared with", "versus"; "or" beside a comparative): "What did NHS England
# and the BMA agree?" asks one thing of both. The second thing runs from the connector to a comma
# or the end; the first from what introduces it (a preposition, or a colon) to the connector.
# Each part asks the question of one of them.
_COMPARED = re.compile(r"\s+(?:compared\s+(?:with|to)|versus|vs\.?|as\s+against)\s+", re.I)
_OR = re.compile(r"\s+or\s+(?=(?:the\s+)?[A-Z])")
_COMPARATIVE = re.compile(r"\b(?:more|fewer|less|bigger|larger|smaller|higher|lower)\b", re.I)
_INTRO = re.compile(
    r"(?:\b(?:at|of|by|in|for|from|on|with|to|between)\s+|:\s+)(?=(?:the\s+)?[A-Z])"
)


# "and" joins two things asked the same of only in an explicit comparison ("Compare X and Y")
# or when each is placed ("X in Shrewsbury and Y in Bedford"); "between X and Y" is one relation
_AND = re.compile(r"\s+and\s+(?:on\s+|at\s+|of\s+|in\s+|for\s+)?(?=(?:the\s+)?[A-Z])")
_COMPARE = re.compile(r"^\s*Compare\b")
_PLACED = re.compile(r"\b(?:in|at)\s+[A-Z]")


def split_comparison(question: str) -> list[str]:
    """The question asked of each of two named things; one part when it compares none."""
    q = question.strip()
    conns = list(_COMPARED.finditer(q))
    if not conns and _COMPARATIVE.search(q):
        conns = list(_OR.finditer(q))
    paired = not conns
    if paired:
        conns = list(_AND.finditer(q))
    if len(conns) != 1:
        return [question]
    conn = conns[0]
    intros = [m for m in _INTRO.finditer(q, 0, conn.start())]
    raw = re.split(r"[,;?]|\s+when\s+|\s+before\s+|\s+after\s+", q[conn.end() :])[0]
    second = raw.strip().rstrip(".!")
    intro = (intros[0] if not paired else intros[-1]) if intros else None
    if (
        paired
        and len(intros) > 1
        and _PLACED.match(q, intros[-1].start())
        and _PLACED.search(second)
    ):
        intro = intros[-2]  # "of X in Haringey and Y in Newcastle": each keeps its place
    if intro is None:
        return [question]
    head, first = q[: intro.end()].rstrip(), q[intro.end() : conn.start()].strip()
    tail = q[conn.end() + len(raw) :].strip(" ?.!")
    if not first or not second or "," in first or len(head.split()) < MIN_PART_WORDS:
        return [question]
    if paired and not (_COMPARE.match(q) or (_PLACED.search(first) and _PLACED.search(second))):
        return [question]
    if paired and (
        head.lower().endswith("between") or (len(first.split()) < 2 and not _COMPARE.match(q))
    ):
        return [question]
    if paired and tail and not tail.startswith((",", ";")):
        return [f"{head} {first} {tail}?", f"{head} {second} {tail}?"]
    return [f"{head} {first}?", f"{head} {second}?"]


# two names joined by "and", each maybe after the same preposition: "the Ketton and Byers Green
# branch closures", "for Wickwar and for St Nicolas in Guildford"
_NAME = r"(?:[A-Z][\w'’/-]*\s(?:(?:and|of|upon|on)\s)?){0,3}[A-Z][\w'’/-]*"
_PAIR = re.compile(
    rf"(?<![\w'’-])(?P<a>{_NAME})\s+and\s+(?P<prep>(?:for|in|at|of|on)\s+)?(?:the\s+)?"
    rf"(?P<b>{_NAME})(?![\w'’-])"
)


def split_pair(question: str, named_apart: Callable[[str, str], bool]) -> list[str]:
    """The question asked of each of two names it joins by "and" ("Why did Lewes Road Surgery
    and Goodwood Court Surgery each shut?") when no article names both (`named_apart`): a pair
    some article names together ("Basildon and Brentwood CCG", "NHS England and the BMA")
    stays one question."""
    pairs = [
        m
        for m in _PAIR.finditer(question)
        if m.start() > 0 and named_apart(m.group("a"), m.group("b"))
    ]
    if len(pairs) != 1:
        return [question]
    m = pairs[0]
    a, b = m.group("a"), m.group("b")
    head, tail = question[: m.start()], question[m.end() :]
    if m.group("prep"):
        # "for X and for Y in Guildford": what follows the second is the second's
        return [f"{head}{a}?", f"{head}{b}{tail}"]
    return [f"{head}{a}{tail}", f"{head}{b}{tail}"]


def split_compound(question: str) -> list[str]:
    """The question's parts, each a question; one part when it asks one thing."""
    parts = [p.strip(" ,;") for p in SPLIT.split(question.strip())]
    if len(parts) == 1:
        return split_comparison(question)
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
