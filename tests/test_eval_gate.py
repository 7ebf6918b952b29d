"""The CI gate: the eval suite with the default answerer must stay above its floors, and a
deliberate regression must visibly lower the metrics (so the metrics can fail)."""

import json

import pytest

from rag.chain import Pipeline
from rag.evaluation.suite import DEFAULT_FLOORS, run_suite

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture(scope="module")
def full(real_index, real_embedder):
    settings, _ = real_index
    return run_suite(settings, pipeline=Pipeline(settings, real_embedder), progress=False)


def test_metrics_at_or_above_floors(full):
    report, _ = full
    below = {n: f for n, f in report["floors"].items() if not f["ok"]}
    assert set(report["floors"]) == set(json.loads(DEFAULT_FLOORS.read_text())["floors"])
    assert not below, f"metrics below their floors: {below}"


def test_report_shape_and_baseline(full, tmp_path):
    from rag.evaluation import report as R

    report, results = full
    assert report["cases"] >= 100
    assert {
        "accuracy",
        "recall@1",
        "recall@10",
        "mrr",
        "ndcg@10",
        "key_fact",
        "f1",
        "hallucinated_number_rate",
        "citation_recall",
        "citation_precision",
        "abstain_precision",
        "abstain_recall",
        "false_abstain_rate",
        "speaker_accuracy",
        "comment_as_reporting",
        "latency_p50_ms",
        "latency_p95_ms",
    } <= set(report["metrics"])
    assert {
        "fact",
        "number",
        "who",
        "unanswerable",
        "comment-trap",
        "follow-up",
        "multi-article",
    } <= set(report["by_type"])
    base = report["baseline"]["metrics"]
    assert report["metrics"]["accuracy"] > base["accuracy"]
    assert base["comment_as_reporting"] > 0  # the vanilla recipe does present comments as reporting
    R.write(report, results, tmp_path)
    for name in (
        "report.json",
        "report.md",
        "metrics_by_type.png",
        "latency.png",
        "abstention_curve.png",
    ):
        assert (tmp_path / name).stat().st_size > 0
    md = (tmp_path / "report.md").read_text()
    assert "## Metric definitions" in md and "## Failing cases" in md


def test_deterministic_run_to_run(full, real_index, real_embedder):
    settings, _ = real_index
    again, _ = run_suite(
        settings, pipeline=Pipeline(settings, real_embedder), progress=False, baseline=False
    )
    first = {
        k: v for k, v in full[0]["metrics"].items() if "latency" not in k and not k.endswith("_ms")
    }
    second = {
        k: v for k, v in again["metrics"].items() if "latency" not in k and not k.endswith("_ms")
    }
    assert first == second


def test_deliberate_regressions_lower_the_metrics(full, real_index, real_embedder):
    settings, _ = real_index
    good = full[0]["metrics"]
    k1, _ = run_suite(
        settings, k=1, pipeline=Pipeline(settings, real_embedder), progress=False, baseline=False
    )
    assert k1["metrics"]["passage_recall"] < good["passage_recall"] - 0.1
    assert k1["metrics"]["answerable_correct"] < good["answerable_correct"]

    no_bm25 = Pipeline(settings, real_embedder).load()
    no_bm25.retriever.use_lexical = False
    nb, _ = run_suite(settings, pipeline=no_bm25, progress=False, baseline=False)
    assert nb["metrics"]["recall@1"] < good["recall@1"]
    assert nb["metrics"]["accuracy"] < good["accuracy"]
