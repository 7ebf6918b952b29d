"""Sentence splitting for news prose, with character offsets.

A rule-based splitter, because the hard cases of this corpus are few and known: titles
("Dr", "Prof."), Latin abbreviations ("i.e.", "e.g."), initials, money and percentages,
and quotations that hold several sentences (a quotation is never split). It trades recall on
exotic abbreviations for being exact, fast and dependency-free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    """dr mr mrs ms mx prof st sr jr rev hon gen col capt lt sgt no nos vs cf approx est
    fig figs vol jan feb apr jun jul aug sep sept oct nov dec inc ltd co corp dept univ""".split()
)
OPEN_QUOTES = "‘“"
CLOSE_QUOTES = "’”"
TERMINATORS = ".!?"
# what may follow a terminator for it to end the sentence: an opening quote or bracket,
# an upper-case letter or a digit
_NEXT_START = re.compile(r"[\s\u00a0]+(?=[\"'‘“(\[A-Z0-9£])")
_GLUED_START = re.compile(r"(?=[A-Z][a-z])")  # "teams.Their" — a missing space


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _quote_delta(text: str, i: int) -> int:
    """+1 when the character at i opens a quotation, -1 when it closes one, else 0."""
    ch = text[i]
    if ch in OPEN_QUOTES:
        return 1
    if ch in CLOSE_QUOTES:
        return 0 if _is_apostrophe(text, i) else -1
    if ch in "'\"":
        if _is_apostrophe(text, i):
            return 0
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isspace() or before in "([—–-:" or i == 0:
            return 1 if not after.isspace() else 0
        return -1
    return 0


_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))


class _Periods:
    """The word before each period of a text, for periods asked about in increasing order.
    Each walk back stops at the period asked about before, so a word of many periods
    ("x.x.x.x…") is read once, not once per period."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.last = -1  # the period asked about before
        self.last_start = 0  # where its word starts

    def word_start(self, i: int) -> tuple[int, bool]:
        """(start of the word before the period at `i`, whether that word holds a period)."""
        text, last = self.text, self.last
        j = i
        while j > last + 1 and not text[j - 1].isspace() and text[j - 1] not in "(\"'‘“":
            j -= 1
        if j == last + 1 and last >= 0 and not text[last].isspace() and text[last] not in "(\"'‘“":
            j = self.last_start  # the word goes on back through the period before
        self.last, self.last_start = i, j
        if j <= last:  # the word holds that period
            return j, True
        return j, "." in text[j:i]


def _abbreviation_before(text: str, i: int, periods: _Periods) -> bool:
    """True when the period at i ends an abbreviation, an initial or a number. `periods`:
    `_Periods(text)`, asked about periods in increasing order."""
    j, dotted = periods.word_start(i)
    if dotted:
        return j < i  # i.e  e.g  U.S
    if i - j > _LONGEST_ABBREVIATION:
        return False  # too long for an abbreviation or an initial (lower() never shortens)
    word = text[j:i]
    if not word:
        return False
    if word.lower().rstrip(".") in ABBREVIATIONS:
        return True
    if "." in word:  # i.e  e.g  U.S
        return True
    return len(word) == 1 and word.isupper()  # an initial: "J. Smith"


def split_spans(text: str) -> list[Span]:
    """Split one paragraph into sentences; spans are offsets into `text`."""
    spans: list[Span] = []
    depth = 0
    start = 0
    i = 0
    n = len(text)
    periods = _Periods(text)

    def emit(end: int) -> None:
        piece = text[start:end]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            spans.append(Span(start + left, start + right, piece[left:right]))

    while i < n:
        ch = text[i]
        if ch == "\n":
            emit(i)
            depth = 0
            start = i + 1
            i += 1
            continue
        depth = max(0, depth + _quote_delta(text, i))
        if ch in TERMINATORS:
            if ch == "." and _abbreviation_before(text, i, periods):
                i += 1
                continue
            j = i + 1
            while j < n and text[j] in TERMINATORS:
                j += 1
            d = depth
            while j < n and (text[j] in CLOSE_QUOTES + "'\")]"):
                d = max(0, d + (_quote_delta(text, j) if text[j] in CLOSE_QUOTES + "'\"" else 0))
                j += 1
            if d == 0:
                m = _NEXT_START.match(text, j)
                glued = (
                    ch == "."
                    and j == i + 1
                    and i >= 2
                    and text[i - 2 : i].isalpha()
                    and text[i - 2 : i].islower()
                    and _GLUED_START.match(text, j)
                )
                if m or glued:
                    emit(j)
                    depth = 0
                    start = j
                    i = j
                    continue
            depth = d
            i = j
            continue
        i += 1
    emit(n)
    return spans


def split_sentences(text: str) -> list[str]:
    return [s.text for s in split_spans(text)]
