"""Metrics, all computable without an LLM. Each function is small and documented with its
definition, because evaluators must be able to trust what the numbers mean."""

from __future__ import annotations

import math
import re
import string
from collections import Counter

_NUM = re.compile(r"(?<![\w.])£?(\d+(?:,\d{3})*(?:\.\d+)?)(%|m\b|bn\b|k\b)?")
_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twenty": 20,
    "hundred": 100,
}


def normalize(text: str) -> str:
    """Lower case; curly quotes and dashes folded; 'per cent' -> '%'; spaces collapsed."""
    t = text.lower()
    t = t.translate(
        str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
    )
    t = re.sub(r"\s*per ?cent\b", "%", t)
    return re.sub(r"\s+", " ", t).strip()


def numbers(text: str) -> set[float]:
    """Numbers in a text as values: '40,000' -> 40000, '£200m' -> 200000000, '15%' -> 15."""
    out = set()
    for m in _NUM.finditer(normalize(text)):
        v = float(m.group(1).replace(",", ""))
        unit = m.group(2) or ""
        out.add(v * {"m": 1e6, "bn": 1e9, "k": 1e3}.get(unit, 1))
    return out


def fact_present(fact: str, answer: str) -> bool:
    """A key fact matches when its normalized text is in the normalized answer, or when it is a
    number that the answer states as the same value (numbers compared as numbers)."""
    nf, na = normalize(fact), normalize(answer)
    if nf in na:
        return True
    fact_nums = numbers(fact)
    if fact_nums and fact_nums <= numbers(answer):
        rest = _NUM.sub(" ", nf).strip(" %£")
        return not rest or rest in na
    words = nf.split()
    if len(words) == 1 and words[0] in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[words[0]]) in numbers(answer)
    return False


def key_fact_match(must_include: tuple[str, ...], answer: str) -> float:
    """Share of the case's key facts present in the answer."""
    if not must_include:
        return 1.0
    return sum(fact_present(f, answer) for f in must_include) / len(must_include)


def _tokens(text: str) -> list[str]:
    t = normalize(text)
    t = "".join(ch for ch in t if ch not in string.punctuation or ch in "%£")
    t = re.sub(r"\b(a|an|the)\b", " ", t)
    return t.split()


def token_f1(prediction: str, gold: str) -> float:
    """SQuAD-style token F1 between an answer and one gold answer."""
    p, g = _tokens(prediction), _tokens(gold)
    if not p or not g:
        return float(p == g)
    common = Counter(p) & Counter(g)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision, recall = same / len(p), same / len(g)
    return 2 * precision * recall / (precision + recall)


def best_f1(prediction: str, golds: tuple[str, ...]) -> float:
    return max((token_f1(prediction, g) for g in golds), default=0.0)


def strip_citations(answer: str) -> str:
    return re.sub(r"\s*\[\d+\]", "", answer)


def hallucinated_numbers(answer: str, cited_texts: list[str]) -> tuple[int, int]:
    """(numbers in the answer that occur in no cited passage, numbers in the answer)."""
    found = numbers(strip_citations(answer))
    support = set().union(*(numbers(t) for t in cited_texts)) if cited_texts else set()
    return len(found - support), len(found)


# --- retrieval ------------------------------------------------------------------------------


def recall_at_k(ranked_articles: list[str], relevant: set[str], k: int) -> float:
    """Share of the relevant articles found among the first k retrieved passages."""
    if not relevant:
        return 0.0
    return len(set(ranked_articles[:k]) & relevant) / len(relevant)


def mrr(ranked_articles: list[str], relevant: set[str]) -> float:
    """1 / rank of the first passage from a relevant article (0 if none)."""
    for i, a in enumerate(ranked_articles, 1):
        if a in relevant:
            return 1.0 / i
    return 0.0


def ndcg_at_k(ranked_articles: list[str], relevant: set[str], k: int = 10) -> float:
    """Binary-relevance nDCG@k; a relevant article counts once (its best-ranked passage)."""
    seen, dcg = set(), 0.0
    for i, a in enumerate(ranked_articles[:k], 1):
        if a in relevant and a not in seen:
            seen.add(a)
            dcg += 1.0 / math.log2(i + 1)
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, min(len(relevant), k) + 1))
    return dcg / ideal if ideal else 0.0


# --- citations (ALCE-style, without an NLI model) -------------------------------------------

_QUOTED = re.compile(r"[‘“'\"]([^‘’“”'\"]{12,}?)[’”'\"](?=[\s,.;:!?)]|$)")
_CITED = re.compile(r"\[(\d+)\]")


def answer_sentences(answer: str) -> list[tuple[str, list[int]]]:
    """Split an answer into its cited units: the text before each run of [n] markers."""
    parts, pos = [], 0
    for m in re.finditer(r"((?:\s*\[\d+\])+)", answer):
        text = answer[pos : m.start()].strip()
        if text:
            parts.append((text, [int(n) for n in _CITED.findall(m.group(1))]))
        pos = m.end()
    tail = answer[pos:].strip()
    if tail:
        parts.append((tail, []))
    return parts


def content_terms(text: str) -> set[str]:
    from ..lexical import tokenize

    return set(tokenize(text))


def supports(passage: str, sentence: str) -> bool:
    """A passage supports a sentence when it contains the sentence's key content: every quoted
    span verbatim, every number, and at least 60% of the sentence's content words."""
    for span in _QUOTED.findall(sentence):
        if span.strip() and span.strip() not in passage:
            return False
    if not numbers(sentence) <= numbers(passage):
        return False
    terms = content_terms(sentence)
    if not terms:
        return True
    return len(terms & content_terms(passage)) / len(terms) >= 0.6


def citation_scores(answer: str, passages: dict[int, str]) -> tuple[float, float, int]:
    """ALCE citation recall (share of sentences fully supported by their cited passages taken
    together) and precision (share of citations that support, or help support, their sentence).
    Returns (recall, precision, sentences)."""
    units = answer_sentences(answer)
    if not units:
        return 0.0, 0.0, 0
    supported, relevant, total_cites = 0, 0, 0
    for text, cites in units:
        cited = [passages[n] for n in cites if n in passages]
        joint = "\n".join(cited)
        ok = bool(cited) and supports(joint, text)
        supported += ok
        for n in cites:
            total_cites += 1
            p = passages.get(n)
            if p is None:
                continue
            alone = supports(p, text)
            others = "\n".join(passages[m] for m in cites if m != n and m in passages)
            if alone or (ok and not (others and supports(others, text))):
                relevant += 1
    recall = supported / len(units)
    precision = relevant / total_cites if total_cites else 0.0
    return recall, precision, len(units)
