"""Run eval cases through the one answering chain and score them."""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass, field

from ..models import Answer
from ..rewrite import search_text
from . import metrics as M
from .cases import Case

COMMENT_LABEL = "anonymous reader comment"


@dataclass
class CaseResult:
    case: Case
    answer: dict
    ranked_articles: list[str]
    scores: dict = field(default_factory=dict)
    correct: bool = False
    why: str = ""


def _speaker_ok(case: Case, ans: Answer) -> bool | None:
    if not case.speaker:
        return None
    surname = case.speaker.split()[-1].lower()
    if ans.quotes:
        return ans.quotes[0].speaker.lower().endswith(surname)
    return surname in ans.answer.lower() and not ans.abstained


def comment_as_reporting(ans: Answer, comment_texts: list[str]) -> bool:
    """True when an answer carries reader-comment text without labelling it as a comment."""
    body = M.normalize(M.strip_citations(ans.answer))
    for c in ans.citations:
        if c.kind == "comment" and COMMENT_LABEL not in ans.answer.lower():
            return True
    for text in comment_texts:
        for sentence in M.answer_sentences(text) or [(text, [])]:
            s = M.normalize(sentence[0])
            if len(s) > 25 and s in body and COMMENT_LABEL not in ans.answer.lower():
                return True
    return False


def score_case(case: Case, ans: Answer, ranked: list[str], comment_texts: list[str]) -> CaseResult:
    r = CaseResult(case, ans.to_dict(), ranked)
    s = r.scores
    passages = {c.n: c.text for c in ans.citations}
    s["abstained"] = ans.abstained
    s["comment_as_reporting"] = comment_as_reporting(ans, comment_texts)
    s["latency_ms"] = ans.timings_ms.get("total", 0.0)
    s["retrieve_ms"] = ans.timings_ms.get("retrieve", 0.0)
    s["answer_ms"] = ans.timings_ms.get("answer", 0.0)
    if case.answerable:
        rel = case.source_articles
        for k in (1, 3, 5, 10):
            s[f"recall@{k}"] = M.recall_at_k(ranked, rel, k)
        s["mrr"] = M.mrr(ranked, rel)
        s["ndcg@10"] = M.ndcg_at_k(ranked, rel, 10)
        s["key_fact"] = (
            M.key_fact_match(case.must_include, ans.answer) if not ans.abstained else 0.0
        )
        s["f1"] = (
            M.best_f1(M.strip_citations(ans.answer), case.answers) if not ans.abstained else 0.0
        )
        bad, total = M.hallucinated_numbers(ans.answer, list(passages.values()))
        s["numbers"], s["hallucinated_numbers"] = total, bad
        if not ans.abstained:
            s["citation_recall"], s["citation_precision"], _ = M.citation_scores(
                ans.answer, passages
            )
        cited_articles = {c.article_id for c in ans.citations}
        s["cited_source"] = bool(cited_articles & rel) if rel else True
        sp = _speaker_ok(case, ans)
        if sp is not None:
            s["speaker_ok"] = sp
        fails = []
        if ans.abstained:
            fails.append("abstained")
        if s["key_fact"] < 1:
            fails.append("key fact missing")
        if not s["cited_source"]:
            fails.append("no citation to a source article")
        if sp is False:
            fails.append("wrong or missing speaker")
        r.correct = not fails
        r.why = "; ".join(fails)
    else:
        r.correct = ans.abstained and not s["comment_as_reporting"]
        r.why = (
            ""
            if r.correct
            else (
                "answered instead of abstaining"
                if not ans.abstained
                else "comment presented as reporting"
            )
        )
    return r


class CocomSystem:
    """cocom through its one chain; retrieval for the retrieval metrics from the same retriever."""

    name = "cocom"

    def __init__(self, pipeline, k: int | None = None, use_llm: bool = True) -> None:
        self.pipeline = pipeline.load()
        self.k = k or pipeline.settings.k
        self.use_llm = use_llm
        self.name = "cocom" if use_llm or pipeline.llm is None else "cocom (extractive)"

    def ask(self, case: Case) -> Answer:
        if not self.use_llm:
            return self.pipeline.ask(case.question, list(case.history), k=self.k, use_llm=False)
        return self.pipeline.chain.invoke(
            {"question": case.question, "history": list(case.history), "k": self.k}
        )

    def retrieve(self, standalone: str, k: int) -> list[tuple[str, str]]:
        return [
            (h.chunk.article_id, h.chunk.text)
            for h in self.pipeline.retriever.search(standalone, k=k)
        ]


class BaselineSystem:
    name = "baseline"

    def __init__(self, baseline) -> None:
        self.baseline = baseline
        self.k = baseline.k

    def ask(self, case: Case) -> Answer:
        return self.baseline.ask(case.question)

    def retrieve(self, standalone: str, k: int) -> list[tuple[str, str]]:
        return [
            (d.metadata["article_id"], d.page_content)
            for d in self.baseline.search(standalone, k=k)
        ]


def run_cases(
    system, cases: list[Case], articles: dict, *, progress: bool = True
) -> list[CaseResult]:
    from tqdm import tqdm

    from . import ragas_check as R

    comment_texts = [c for a in articles.values() for c in a.comments]
    results = []
    for case in tqdm(
        cases, desc=f"eval {system.name}", unit="q", file=sys.stderr, disable=not progress
    ):
        ans = system.ask(case)
        ranked = system.retrieve(search_text(ans.standalone_question), 10)
        r = score_case(case, ans, [a for a, _ in ranked], comment_texts)
        if case.answerable and case.sources:
            top = [t for _, t in ranked[: system.k]]
            refs = R.reference_paragraphs(case, articles)
            if refs:
                r.scores["ragas_context_precision"] = R.context_precision(top, refs)
                r.scores["ragas_context_recall"] = R.context_recall(top, refs)
                r.scores["passage_recall"] = R.exact_passage_recall(top, case)
        results.append(r)
    return results


def _mean(xs):
    xs = [float(x) for x in xs]
    return round(statistics.fmean(xs), 4) if xs else None


def summarize(results: list[CaseResult]) -> dict:
    ans = [r for r in results if r.case.answerable]
    unans = [r for r in results if not r.case.answerable]
    abst = [r for r in results if r.scores["abstained"]]
    lat = sorted(r.scores["latency_ms"] for r in results)

    def pct(p):
        return round(lat[min(len(lat) - 1, int(p * len(lat)))], 2) if lat else None

    def m(key, rows=ans):
        return _mean(r.scores[key] for r in rows if key in r.scores)

    hall = sum(r.scores.get("hallucinated_numbers", 0) for r in ans)
    nums = sum(r.scores.get("numbers", 0) for r in ans)
    speaker_rows = [r for r in results if "speaker_ok" in r.scores]
    true_abst = [r for r in abst if not r.case.answerable]
    return {
        "cases": len(results),
        "accuracy": _mean(r.correct for r in results),
        "answerable_correct": _mean(r.correct for r in ans),
        "recall@1": m("recall@1"),
        "recall@3": m("recall@3"),
        "recall@5": m("recall@5"),
        "recall@10": m("recall@10"),
        "mrr": m("mrr"),
        "ndcg@10": m("ndcg@10"),
        "key_fact": m("key_fact"),
        "f1": m("f1"),
        "hallucinated_number_rate": round(hall / nums, 4) if nums else 0.0,
        "citation_recall": m("citation_recall"),
        "citation_precision": m("citation_precision"),
        "abstain_precision": round(len(true_abst) / len(abst), 4) if abst else None,
        "abstain_recall": _mean(r.scores["abstained"] for r in unans),
        "false_abstain_rate": _mean(r.scores["abstained"] for r in ans),
        "speaker_accuracy": _mean(r.scores["speaker_ok"] for r in speaker_rows),
        "comment_as_reporting": sum(r.scores["comment_as_reporting"] for r in results),
        "passage_recall": m("passage_recall"),
        "ragas_context_precision": m("ragas_context_precision"),
        "ragas_context_recall": m("ragas_context_recall"),
        "ragas_agreement": _agreement(ans),
        "latency_p50_ms": pct(0.5),
        "latency_p95_ms": pct(0.95),
        "retrieve_p50_ms": _median(r.scores["retrieve_ms"] for r in results),
        "answer_p50_ms": _median(r.scores["answer_ms"] for r in results),
    }


def _agreement(rows) -> float | None:
    """Share of cases where RAGAS's fuzzy context recall and our exact passage recall agree on
    whether every gold passage was retrieved."""
    pairs = [
        (r.scores["ragas_context_recall"] >= 1.0, r.scores["passage_recall"] >= 1.0)
        for r in rows
        if "ragas_context_recall" in r.scores
    ]
    return round(sum(a == b for a, b in pairs) / len(pairs), 4) if pairs else None


def _median(xs):
    xs = list(xs)
    return round(statistics.median(xs), 2) if xs else None


def by_type(results: list[CaseResult]) -> dict:
    out = {}
    for t in sorted({r.case.type for r in results}):
        out[t] = summarize([r for r in results if r.case.type == t])
    return out
