"""Follow-up questions made standalone before retrieval.

"What did he say about it?" after a turn about Dr Brian Balmer becomes "What did Dr Brian Balmer
say about it? (following: <the previous question>)". Person pronouns are replaced by the most
recently named person; any other reference to earlier turns (it, those contracts, there, …)
carries the previous question along as context. Deterministic, no LLM."""

from __future__ import annotations

import re

from .lexical import tokenize
from .people import ORG, find_mentions
from .qtypes import wanted_kind

PERSON_PRONOUN = re.compile(r"\b(he|she|him|his|her|hers)\b", re.I)
OTHER_ANAPHORA = re.compile(
    r"\b(it|its|they|them|their|this|that|these|those|there|the same|such|the plans?|the scheme|"
    r"the (ccg|organisation|proposals?|contracts?|deal|article|report|analysis))\b",
    re.I,
)
ELLIPTICAL_START = re.compile(
    r"^\s*(and|what about|how about|what of|also|same for|why|so)\b", re.I
)


WHAT_ABOUT = re.compile(
    r"^\s*(?:and\s+)?(?:what|how)\s+(?:about|of)\s+(?P<x>[^?]+?)\s*\??\s*$", re.I
)
# the last phrase a question asks about: "... find about CCGs and the GMS contract?"
LAST_OBJECT = re.compile(
    r"^(?P<head>.*\b(?:about|on|regarding|for|with|of|over|in))\s+(?P<obj>[^?]+?)\s*\??\s*$", re.I
)


def swap_topic(question: str, previous: str) -> str | None:
    """ "And what about premises budgets?" after "What did the analysis find about the GMS
    contract?" asks the previous question of a new object: "What did the analysis find about
    premises budgets?". None when the question is not of that form or the previous question has
    no object phrase to replace."""
    m = WHAT_ABOUT.match(question)
    if not m or not previous:
        return None
    prev = LAST_OBJECT.match(previous.strip())
    if not prev:
        return None
    return f"{prev.group('head')} {m.group('x').strip()}?"


# references to the organisation a "Which CCG …?" turn was answered with
ORG_ANAPHORA = re.compile(
    r"\b(?P<there>there)\b|\b(?P<its>its)\b|\b(?P<the>the (?:ccg|organisation))\b(?!s)|"
    r"\b(?P<aux>does|did|is|was|will|would|can|could|has|had|should|might|may)\s+(?P<it>it)\b",
    re.I,
)


def answered_org(previous: str, last_answer: str) -> str | None:
    """The organisation the last turn named in answer to "Which CCG …?", or that opened the
    answer to "Who …?" ("NHS Basildon and Brentwood CCG wants to pilot it."); None otherwise."""
    kind = wanted_kind(previous)
    if kind not in ("organisation", "person"):
        return None
    first = last_answer.split(". ")[0]
    for m in ORG.finditer(first):
        if m.group(0) not in previous:
            opens = not first[: m.start()].strip()
            return m.group(0) if kind == "organisation" or opens else None
    return None


def name_org(question: str, org: str) -> str:
    """ "How would it pay for the model?" -> "How would NHS Basildon and Brentwood CCG pay …";
    "When do they start there?" -> "… start in NHS Somerset CCG?" """

    def sub(m: re.Match) -> str:
        if m.group("there"):
            return f"in {org}"
        if m.group("its"):
            return f"{org}'s"
        if m.group("the"):
            return org
        return f"{m.group('aux')} {org}"

    return ORG_ANAPHORA.sub(sub, question)


def _turns(history: list[dict] | None) -> list[tuple[str, str]]:
    out = []
    for turn in history or []:
        if isinstance(turn, dict) and isinstance(turn.get("content"), str):
            out.append((str(turn.get("role", "user")), turn["content"]))
    return out


def last_person(turns: list[tuple[str, str]]) -> str | None:
    for _, text in reversed(turns):
        mentions = find_mentions(text)
        if mentions:
            m = mentions[-1] if _ == "user" else mentions[0]
            return f"{m.title} {m.name}".strip()
    return None


def needs_context(question: str) -> bool:
    return bool(
        PERSON_PRONOUN.search(question)
        or OTHER_ANAPHORA.search(question)
        or ELLIPTICAL_START.match(question)
        or len(tokenize(question)) <= 2
    )


MARK = "(following: "


def search_text(standalone: str) -> str:
    """The rewritten question as searched: without the marker word."""
    return standalone.replace(MARK, "(")


def rewrite(question: str, history: list[dict] | None) -> str:
    turns = _turns(history)
    if not turns or not needs_context(question):
        return question
    previous = next((t for r, t in reversed(turns) if r == "user"), "")
    swapped = swap_topic(question, previous)
    if swapped:
        return swapped
    out = question
    last_answer = next((t for r, t in reversed(turns) if r == "assistant"), "")
    org = answered_org(previous, last_answer)
    if org and ORG_ANAPHORA.search(question):
        # "Which CCG …?" answered: "it", "its", "there" are that CCG. Named in place, the
        # question stands alone; the previous question's words would only pull the search
        # back to the passage already given
        out = name_org(question, org)
        if not OTHER_ANAPHORA.search(ORG_ANAPHORA.sub("", question)):
            return out
    person = last_person(turns)
    named = False
    if person and PERSON_PRONOUN.search(out):

        def sub(m: re.Match) -> str:
            word = m.group(0).lower()
            return f"{person}'s" if word in {"his", "hers"} else person

        # "her" is ambiguous (object or possessive): treat it as the person
        out = PERSON_PRONOUN.sub(sub, out)
        named = True
    elliptical = OTHER_ANAPHORA.search(question) or ELLIPTICAL_START.match(question)
    if previous and (elliptical or (not named and len(tokenize(question)) <= 2)):
        # what the last answer was about ("there" -> "NHS Somerset CCG") goes along too
        named_orgs = [m.group(0) for m in ORG.finditer(last_answer.split(". ")[0])]
        extra = [o for o in dict.fromkeys(named_orgs) if o not in previous and o not in out][:2]
        context = previous.strip() + (" — " + ", ".join(extra) if extra else "")
        out = f"{out.rstrip()} {MARK}{context})"
    return out
