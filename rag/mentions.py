"""Definite mentions of organisations: "the CCG" means the CCG the article last named.

A passage that says "The CCG would fund this through combining budgets …" never names the
CCG, so a question about "Basildon's CCG" cannot find it by its words. `referents` gives the
organisations such mentions refer to, read from the text before them, so that the index can
search the passage under those names as well."""

from __future__ import annotations

import re

_KINDS = r"CCG|LMC|County Council|Council|Trust|Federation|Partnership|Authority"
# "NHS Basildon and Brentwood CCG", "Somerset CCG", "Essex LMC", "Somerset County Council"
_WORD = r"(?!(?:The|A|An|This|That|Its|Their|But|And|However|Under|In|For)\b)[A-Z][\w'’&-]+ "
NAMED = re.compile(rf"\b(?:{_WORD}(?:and |of )?)+?(?P<kind>{_KINDS})\b")
# "the CCG", "The council", "the trust's" — one organisation, not "the CCGs"; and "a CCG"
# before any CCG is named: a news lede's "A CCG is considering …" is about the CCG named later
DEFINITE = re.compile(rf"\b(?P<det>[Tt]he|[Aa]n?) (?P<kind>{_KINDS})\b(?!s\b)", re.I)


def _kind(word: str) -> str:
    return word.lower().replace("county ", "")


def referents(text: str, start: int, end: int) -> list[str]:
    """The named organisations that "the <kind>" mentions in text[start:end] refer to: for
    each, the last organisation of that kind named before the mention ("a <kind>" before any is
    named: the first one named after it). A mention whose organisation is named earlier in the
    same stretch adds nothing."""
    out: list[str] = []
    mentions = list(DEFINITE.finditer(text, start, end))
    every = list(NAMED.finditer(text)) if mentions else []
    for m in mentions:
        kind = _kind(m.group("kind"))
        named = [n for n in every if _kind(n.group("kind")) == kind]
        before = [n for n in named if n.start() < m.start()]
        name = ""
        if m.group("det").lower() == "the":
            if before and before[-1].start() < start:
                name = before[-1].group(0)
        elif named and not before:
            name = named[0].group(0)  # the lede's "a CCG" is the one the article goes on to name
        if name and name not in out:
            out.append(name)
    return out
