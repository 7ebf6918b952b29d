"""RAGAS's non-LLM context metrics, reimplemented to their published definitions (ragas 0.4,
`NonLLMContextPrecisionWithReference`, `NonLLMContextRecall`), so our retrieval numbers can be
cross-checked against a peer's without an LLM:

- similarity(a, b) = 1 - normalized Levenshtein distance (rapidfuzz);
- context precision = average precision over the retrieved contexts, a context counting as
  relevant when its best similarity to a reference context is >= 0.5;
- context recall = share of reference contexts whose best similarity to a retrieved context
  is > 0.5.
Reference contexts are the article paragraphs that hold a case's gold passages."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

THRESHOLD = 0.5


def similarity(a: str, b: str) -> float:
    return 1.0 - Levenshtein.normalized_distance(a, b)


def context_precision(retrieved: list[str], references: list[str]) -> float:
    verdicts = [
        int(max((similarity(rc, ref) for ref in references), default=0.0) >= THRESHOLD)
        for rc in retrieved
    ]
    denominator = sum(verdicts) + 1e-10
    numerator = sum(sum(verdicts[: i + 1]) / (i + 1) * verdicts[i] for i in range(len(verdicts)))
    return numerator / denominator


def context_recall(retrieved: list[str], references: list[str]) -> float:
    if not references:
        return float("nan")
    hits = [
        max((similarity(rc, ref) for rc in retrieved), default=0.0) > THRESHOLD
        for ref in references
    ]
    return sum(hits) / len(hits)


def reference_paragraphs(case, articles: dict) -> list[str]:
    out = []
    for s in case.sources:
        a = articles.get(s["article"])
        if a is None or not s.get("passage"):
            continue
        para = next((b for b in a.blocks if s["passage"] in b), None)
        if para and para not in out:
            out.append(para)
    return out


def exact_passage_recall(retrieved: list[str], case) -> float:
    """Ours: share of gold passages that occur verbatim in a retrieved passage."""
    passages = [s["passage"] for s in case.sources if s.get("passage")]
    if not passages:
        return float("nan")
    return sum(any(p in r for r in retrieved) for p in passages) / len(passages)
