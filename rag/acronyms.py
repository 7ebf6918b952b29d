"""Acronyms an article defines: "the Great Yarmouth and Waveney Clinical Commissioning Group
(CCG)" defines CCG as the words whose initials it spells. A question's "Waveney CCG" then names
what the article calls "Waveney Clinical Commissioning Group (CCG)". Learnt from each article's
own text, so any outlet's acronyms are covered without a list of them."""

from __future__ import annotations

import re

from .lexical import tokenize

# up to eight capitalised words (with "and", "of", "for", "&" between them), then "(ACRONYM)"
_DEFINED = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|the|&)\s+)?){1,8})\(([A-Z]{2,6})s?\)")
_JOINERS = {"and", "of", "for", "the", "&"}


def defined_acronyms(text: str) -> dict[str, list[str]]:
    """Each acronym the text defines, lower-cased, with the words it stands for in order:
    {"ccg": ["Clinical", "Commissioning", "Group"]}. An acronym whose letters are not the
    initials of the words just before it ("NHS England (NHSE)" aside, "the board (CCG)") is
    not a definition."""
    out: dict[str, list[str]] = {}
    for m in _DEFINED.finditer(text):
        acronym = m.group(2)
        words = [w for w in m.group(1).split() if w.lower() not in _JOINERS]
        if len(words) < len(acronym):
            continue
        tail = words[-len(acronym) :]
        if "".join(w[0] for w in tail).upper() == acronym:
            out.setdefault(acronym.lower(), tail)
    return out


def name_terms(text: str) -> set[str]:
    """A text's words, and the acronyms its capitalised names spell ("chief executive of the
    Waveney Clinical Commissioning Group" holds "ccg" and "wccg")."""
    out = set(tokenize(text))
    for run in re.findall(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+", text):
        words = run.split()
        out.update("".join(w[0] for w in words[i:]).lower() for i in range(len(words) - 1))
    return out
