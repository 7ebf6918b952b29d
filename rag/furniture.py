"""Site furniture: the lines a scraped news page carries that are not the article.

The kinds of furniture line (a cookie notice, a share bar, a photo credit, a sign-in prompt) are
one reviewed list of data, `rag/data/furniture.yaml`, each rule with the examples it must remove
and the prose it must keep. Rules are patterns of a kind of line, never positions in a particular
file or one site's headlines, so a new page from any site is cleaned the same way. The signals
that need no list (stop-word density, repetition, name-only captions) are in ingest_signals.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

_I = re.IGNORECASE


@dataclass(frozen=True)
class FurnitureRule:
    kind: str
    pattern: re.Pattern[str]
    search: bool = False  # False: the whole line must match; True: found anywhere in a short line
    max_words: int = 0  # for search rules: only lines of at most this many words
    examples: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()

    def matches(self, line: str) -> bool:
        if self.search:
            return len(line.split()) <= self.max_words and bool(self.pattern.search(line))
        return bool(self.pattern.match(line))


@lru_cache(maxsize=1)
def furniture_rules() -> tuple[FurnitureRule, ...]:
    """The reviewed list, read once from the package data."""
    raw = yaml.safe_load(resources.files("rag.data").joinpath("furniture.yaml").read_text("utf-8"))
    rules = []
    for entry in raw:
        search = entry.get("match", "line") == "search"
        rules.append(
            FurnitureRule(
                kind=entry["kind"],
                pattern=re.compile(entry["pattern"], _I),
                search=search,
                max_words=int(entry.get("max_words", 0)),
                examples=tuple(entry.get("examples", ())),
                keep=tuple(entry.get("keep", ())),
            )
        )
    return tuple(rules)


# A line after which the next short heading is the magazine's current-issue teaser.
ISSUE_TEASER_AFTER = re.compile(r"^read the latest issue( online)?\.?$", _I)

# The heading that opens the reader-comment section.
COMMENTS_HEADING = re.compile(
    r"^(readers'?|reader)?\s*comments?\s*(\(\d+\))?:?$|^\d+\s+comments?$|^comments\s*\(\d+\)$",
    _I,
)

# "1. Chris Reader says:": a numbered reader comment opens (blog and press-release comments).
COMMENT_BY = re.compile(r"^(\d+\.\s+)?[A-Z][\w'’.-]*(\s[A-Z][\w'’.-]*){0,3} says:$")

# "Nigel Praities is the editor of Pulse." — a sign-off naming the author.
SIGN_OFF = re.compile(
    r"^(?P<name>(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s)?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,3})"
    r" is (?:the |a |an )?(?P<role>[a-z][\w\s-]{2,60}?) (?:of|at|for) (?P<org>[A-Z][\w\s&'’-]{1,60})\.?$"
)
BYLINE = re.compile(r"^by\s+(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,3})\s*$", _I)

BULLET = re.compile(r"^\s*[•●▪◦·*\-–]\s+")


def furniture_kind(line: str) -> str | None:
    """The kind of furniture the line is (the first rule it matches), or None for text."""
    stripped = line.strip().strip("\u00a0")
    if len(stripped) > 300:  # furniture is short; a long line is prose
        return None
    return next((r.kind for r in furniture_rules() if r.matches(stripped)), None)


def is_furniture(line: str) -> bool:
    return furniture_kind(line) is not None
