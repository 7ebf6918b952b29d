"""Numbered labels and the series they form: "level one", "level two", "level three".

A sentence about level two does not answer a question about level one, however close the two
are in meaning; and when the articles number a series but never the member asked about
("level four"), they do not cover it. A series is a head word the articles use with two or more
numbers; a head used with one number ("term two-year") is no series, so "type 2 diabetes" or
"one accountable care organisation" are left alone."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .lexical import tokenize
from .qtypes import MONTHS

_NUMBER_WORDS = "one two three four five six seven eight nine ten".split()
VALUES = {w: i for i, w in enumerate(_NUMBER_WORDS, 1)}
# head, an optional opening quote, then a number word or a small number that is not part of a
# larger figure ("40,000"), a share ("80%") or a compound ("two-year")
_LABEL = re.compile(
    r"\b(?P<head>[A-Za-z][a-z]+)\s+[‘'\"“]?(?P<value>"
    + "|".join(_NUMBER_WORDS)
    + r"|\d{1,2})\b(?![,.]?\d|%|[-–]\w)",
    re.I,
)
_MONTH = re.compile(rf"^{MONTHS}$", re.I)


@dataclass(frozen=True)
class Label:
    head: str  # the head's stem: "level"
    value: int
    text: str  # as written: "level four"


def labels(text: str) -> list[Label]:
    out = []
    for m in _LABEL.finditer(text):
        head = tokenize(m.group("head"))
        if not head or _MONTH.match(m.group("head")):  # "and 60", "June 20"
            continue
        raw = m.group("value").lower()
        value = VALUES.get(raw) or int(raw)
        out.append(Label(head[0], value, f"{m.group('head')} {m.group('value')}"))
    return out


def series(texts: Iterable[str]) -> dict[str, set[int]]:
    """The heads numbered with two or more values across `texts`, and their values."""
    seen: dict[str, set[int]] = {}
    for text in texts:
        for label in labels(text):
            seen.setdefault(label.head, set()).add(label.value)
    return {head: values for head, values in seen.items() if len(values) >= 2}


def asked_labels(question: str, known: dict[str, set[int]]) -> list[Label]:
    """The question's labels whose head is a series in the articles."""
    return [label for label in labels(question) if label.head in known]


def holds_label(text: str, asked: list[Label]) -> bool:
    """Whether `text` names one of the asked labels."""
    pairs = {(a.head, a.value) for a in asked}
    return any((x.head, x.value) in pairs for x in labels(text))
