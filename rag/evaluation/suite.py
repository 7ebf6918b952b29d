"""`cocom eval`: run the questions through cocom and the vanilla baseline, score both, score the
quote gold file, and build the report. Library entry point for the CLI and the CI gate test."""

from __future__ import annotations

import json
import time
from pathlib import Path

from ..settings import Settings
from . import report as R
from .baseline import VanillaBaseline
from .cases import load_cases
from .quote_score import load_gold, score_quotes
from .runner import BaselineSystem, CocomSystem, by_type, run_cases, summarize

EVALS = Path(__file__).resolve().parents[2] / "evals"
DEFAULT_QUESTIONS = EVALS / "questions.jsonl"
DEFAULT_GOLD = EVALS / "quotes_gold.jsonl"
DEFAULT_FLOORS = EVALS / "floors.json"


def run_suite(
    settings: Settings,
    *,
    questions: Path = DEFAULT_QUESTIONS,
    k: int | None = None,
    baseline: bool = True,
    progress: bool = True,
    pipeline=None,
    floors: Path | None = DEFAULT_FLOORS,
    quote_gold: Path | None = DEFAULT_GOLD,
) -> tuple[dict, list]:
    from ..chain import Pipeline

    t0 = time.perf_counter()
    cases = load_cases(questions)
    pipeline = (pipeline or Pipeline(settings)).load()
    articles = pipeline.index.articles
    results = run_cases(CocomSystem(pipeline, k), cases, articles, progress=progress)
    metrics = summarize(results)
    report: dict = {
        "questions": str(questions),
        "cases": len(cases),
        "k": k or settings.k,
        "llm": settings.llm,
        "abstain_threshold": pipeline.answerer.abstain_threshold,
        "index": {
            "articles": len(articles),
            "chunks": len(pipeline.index.chunks),
            "model": pipeline.index.manifest["embedding"]["model"],
        },
        "environment": R.environment(),
        "metrics": metrics,
        "by_type": by_type(results),
    }
    if pipeline.llm is not None:
        # the model's answers side by side with the extractive ones, on the same retrieval
        ext = run_cases(CocomSystem(pipeline, k, use_llm=False), cases, articles, progress=progress)
        em = summarize(ext)
        report["extractive"] = {"metrics": em, "by_type": by_type(ext)}
        g = [r.answer.get("grounding") for r in results if r.answer.get("grounding")]
        report["grounding"] = {
            "answers_from_model": len(g),
            "sentences": sum(x["sentences"] for x in g),
            "dropped": sum(x["dropped"] for x in g),
            "fallbacks": sum(x["fallback"] for x in g),
        }
    if baseline:
        base = BaselineSystem(VanillaBaseline(settings.corpus_dir, pipeline.embedder))
        base_results = run_cases(base, cases, articles, progress=progress)
        bm = summarize(base_results)
        report["baseline"] = {
            "recipe": "RecursiveCharacterTextSplitter(1000, 200) on raw files + Chroma + MiniLM, top-4, answer = top passage",
            "metrics": bm,
            "by_type": by_type(base_results),
            "ratios": {
                n: round(metrics[n] / bm[n], 3)
                for n in metrics
                if isinstance(metrics.get(n), float) and isinstance(bm.get(n), float) and bm[n]
            },
        }
    if quote_gold and Path(quote_gold).exists():
        qs = score_quotes(pipeline.index.quotes.quotes, articles, load_gold(quote_gold))
        report["attribution"] = {
            k: v for k, v in qs.items() if k not in ("missed", "wrong_speaker")
        }
        report["attribution"]["missed"] = len(qs["missed"])
        metrics["quote_recall"] = qs["quote_recall"]
        metrics["quote_speaker_accuracy"] = qs["speaker_accuracy"]
    report["abstention_curve"] = R.abstention_curve(results)
    report["failures"] = R.failures(results)
    if floors and Path(floors).exists():
        report["floors"] = R.check_floors(metrics, json.loads(Path(floors).read_text())["floors"])
    report["seconds"] = round(time.perf_counter() - t0, 1)
    return report, results
