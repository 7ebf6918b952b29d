"""Definite mentions of organisations: "the CCG" means the CCG the article last named.

A passage that says "The CCG would fund this through combining budgets …" never names the
CCG, so a question about "Basildon's CCG" cannot find it by its words. `referents` gives the
organisations such mentions refer to, read from the text before them, so that the index can
search the passage under those names as well."""

from __future__ import annotations

import re
from bisect import bisect_left

_KINDS = r"CCG|ICB|LMC|County Council|Council|Trust|Federation|Partnership|Authority"
# "NHS Basildon and Brentwood CCG", "Somerset CCG", "Essex LMC", "Somerset County Council"
_WORD = r"(?!(?:The|A|An|This|That|Its|Their|But|And|However|Under|In|For)\b)[A-Z][\w'’&-]+ "
NAMED = re.compile(rf"\b(?:{_WORD}(?:and |of )?)+?(?P<kind>{_KINDS})\b")
# "the CCG", "The council", "the trust's" — one organisation, not "the CCGs"; and "a CCG"
# before any CCG is named: a news lede's "A CCG is considering …" is about the CCG named later
DEFINITE = re.compile(rf"\b(?P<det>[Tt]he|[Aa]n?) (?P<kind>{_KINDS})\b(?!s\b)", re.I)


def _kind(word: str) -> str:
    return word.lower().replace("county ", "")


class Named:
    """Every organisation an article names, by kind, found once: `referents` then costs a
    binary search per mention instead of a scan of the whole article per paragraph."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_kind: dict[str, tuple[list[int], list[str]]] = {}
        for n in NAMED.finditer(text):
            starts, names = self.by_kind.setdefault(_kind(n.group("kind")), ([], []))
            starts.append(n.start())
            names.append(n.group(0))


def referents(text: str, start: int, end: int, named: Named | None = None) -> list[str]:
    """The named organisations that "the <kind>" mentions in text[start:end] refer to: for
    each, the last organisation of that kind named before the mention ("a <kind>" before any is
    named: the first one named after it). A mention whose organisation is named earlier in the
    same stretch adds nothing. `named`: `Named(text)`, when many stretches of one text are asked
    about."""
    out: list[str] = []
    mentions = list(DEFINITE.finditer(text, start, end))
    if not mentions:
        return out
    if named is None or named.text is not text:
        named = Named(text)
    for m in mentions:
        starts, names = named.by_kind.get(_kind(m.group("kind")), ([], []))
        i = bisect_left(starts, m.start())  # names[:i] start before the mention
        name = ""
        if m.group("det").lower() == "the":
            if i and starts[i - 1] < start:
                name = names[i - 1]
        elif names and not i:
            name = names[0]  # the lede's "a CCG" is the one the article goes on to name
        if name and name not in out:
            out.append(name)
    return out
