"""Turn scored runs into report.json, report.md and PNG charts, and check the floors."""

from __future__ import annotations

import json
import platform
from pathlib import Path

DEFINITIONS = {
    "accuracy": "share of all cases judged correct: answerable -> not abstained, every key fact present, a source article cited (and the right speaker when one is expected); unanswerable and comment traps -> abstained and no comment presented as reporting",
    "answerable_correct": "the same, over answerable cases only (the 'right fact, cited to the right article' target)",
    "recall@k": "share of a case's supporting articles among the articles of the first k retrieved passages (k = 1, 3, 5, 10)",
    "mrr": "mean of 1 / rank of the first passage from a supporting article",
    "ndcg@10": "binary-relevance nDCG over the first 10 passages, each supporting article counted once",
    "passage_recall": "share of gold passages found verbatim in the passages the system answered from",
    "key_fact": "share of a case's key facts present in the answer (normalized text; numbers compared as values)",
    "f1": "SQuAD token F1 between the answer (citations stripped) and the best gold answer; low for extractive answers, which are whole sentences",
    "hallucinated_number_rate": "numbers in answers that occur in none of the cited passages, over all numbers in answers",
    "citation_recall": "ALCE citation recall without NLI: share of answer sentences whose cited passages together contain the sentence's key content (quoted spans verbatim, all its numbers, >= 60% of its content words)",
    "citation_precision": "ALCE citation precision: share of citations that support their sentence alone or are needed for the joint support",
    "abstain_precision": "of the cases the system abstained on, the share that were unanswerable or comment traps",
    "abstain_recall": "of the unanswerable and comment-trap cases, the share abstained on",
    "false_abstain_rate": "of the answerable cases, the share abstained on",
    "speaker_accuracy": "on cases naming an expected speaker (who / what-said / verify-quote): share answered with that speaker",
    "comment_as_reporting": "answers that carry reader-comment text without labelling it an anonymous reader comment (must be 0)",
    "ragas_context_precision": "RAGAS non-LLM context precision (Levenshtein similarity >= 0.5 to a gold paragraph), average precision over the passages answered from",
    "ragas_context_recall": "RAGAS non-LLM context recall: share of gold paragraphs matched (> 0.5) by a passage answered from",
    "ragas_agreement": "share of cases where RAGAS context recall and our exact passage recall agree on 'all gold passages retrieved'",
    "latency_p50_ms / p95": "wall time of one answer, warm, models loaded once (the only metric that varies run to run)",
}

HEADLINE = [
    "accuracy",
    "answerable_correct",
    "key_fact",
    "f1",
    "recall@1",
    "recall@5",
    "mrr",
    "ndcg@10",
    "passage_recall",
    "citation_recall",
    "citation_precision",
    "hallucinated_number_rate",
    "abstain_precision",
    "abstain_recall",
    "false_abstain_rate",
    "speaker_accuracy",
    "comment_as_reporting",
    "ragas_context_precision",
    "ragas_context_recall",
    "ragas_agreement",
    "latency_p50_ms",
    "latency_p95_ms",
]


def abstention_curve(results) -> list[dict]:
    """Answer and abstain rates as the P(answerable) threshold moves, on this run's answers
    from the passage path (attribution answers and rule-based abstentions held fixed)."""
    rows = []
    for r in results:
        notes = " ".join(r.answer.get("notes", []))
        if "quote index" in notes or "byline" in notes or "speaker index" in notes:
            continue
        ruled = "never mention" in notes or "no passage states" in notes or "no words" in notes
        rows.append((r.case.answerable, r.answer.get("confidence", 0.0), ruled))
    curve = []
    for i in range(1, 20):
        t = i / 20
        ans = [(c >= t and not ruled) for y, c, ruled in rows if y]
        unans = [(c < t or ruled) for y, c, ruled in rows if not y]
        curve.append(
            {
                "threshold": t,
                "answer_rate_answerable": round(sum(ans) / len(ans), 4) if ans else None,
                "abstain_rate_unanswerable": round(sum(unans) / len(unans), 4) if unans else None,
            }
        )
    return curve


def failures(results) -> list[dict]:
    out = []
    for r in results:
        if r.correct:
            continue
        out.append(
            {
                "id": r.case.id,
                "type": r.case.type,
                "question": r.case.question,
                "expected": list(r.case.answers) or ["(abstain)"],
                "must_include": list(r.case.must_include),
                "speaker": r.case.speaker,
                "got": r.answer["answer"],
                "abstained": r.answer["abstained"],
                "why": r.why,
            }
        )
    return out


def check_floors(metrics: dict, floors: dict) -> dict:
    out = {}
    for name, spec in floors.items():
        value = metrics.get(name)
        if "min" in spec:
            ok = value is not None and value >= spec["min"]
            out[name] = {"min": spec["min"], "value": value, "ok": ok}
        else:
            ok = value is not None and value <= spec["max"]
            out[name] = {"max": spec["max"], "value": value, "ok": ok}
    return out


def environment() -> dict:
    import os

    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "system": platform.system(),
    }


def _fmt(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def to_markdown(report: dict) -> str:
    m, b = report["metrics"], report["baseline"]["metrics"] if report.get("baseline") else {}
    lines = [
        "# cocom evaluation report",
        "",
        f"- questions: `{report['questions']}` ({report['cases']} cases); answerer: `{report['llm']}`; k = {report['k']}",
        f"- index: {report['index']['articles']} articles, {report['index']['chunks']} passages, model `{report['index']['model']}`",
        f"- machine: {report['environment']}",
        "- every number except latency is deterministic: the same code and data give the same report",
        "",
        "## Headline, cocom vs the vanilla LangChain baseline",
        "",
        "| metric | cocom | baseline | ratio |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name in HEADLINE:
        ratio = report["baseline"]["ratios"].get(name) if report.get("baseline") else None
        lines.append(f"| {name} | {_fmt(m.get(name))} | {_fmt(b.get(name))} | {_fmt(ratio)} |")
    lines += ["", "## By question type", ""]
    types = list(report["by_type"])
    cols = [
        "cases",
        "accuracy",
        "key_fact",
        "recall@5",
        "citation_recall",
        "abstain_recall",
        "speaker_accuracy",
        "latency_p50_ms",
    ]
    lines.append("| type | " + " | ".join(cols) + " | baseline accuracy |")
    lines.append("| --- | " + " | ".join("---:" for _ in cols) + " | ---: |")
    for t in types:
        row = report["by_type"][t]
        base = (
            report["baseline"]["by_type"].get(t, {}).get("accuracy")
            if report.get("baseline")
            else None
        )
        lines.append(
            f"| {t} | " + " | ".join(_fmt(row.get(c)) for c in cols) + f" | {_fmt(base)} |"
        )
    if report.get("extractive"):
        e = report["extractive"]["metrics"]
        g = report.get("grounding", {})
        lines += [
            "",
            f"## Model answers (`{report['llm']}`) vs the extractive answerer",
            "",
            f"Grounding guard: {g.get('answers_from_model', 0)} model answers, "
            f"{g.get('sentences', 0)} sentences, {g.get('dropped', 0)} dropped, "
            f"{g.get('fallbacks', 0)} fell back to the extractive answer.",
            "",
            "| metric | model | extractive |",
            "| --- | ---: | ---: |",
        ]
        for name in HEADLINE:
            lines.append(f"| {name} | {_fmt(m.get(name))} | {_fmt(e.get(name))} |")
    a = report.get("attribution") or {}
    if a:
        lines += [
            "",
            "## Quote attribution (hand-labelled gold file)",
            "",
            f"- gold quotes: {a['gold']}, extracted: {a['extracted']}",
            f"- quote recall {_fmt(a['quote_recall'])}, speaker accuracy {_fmt(a['speaker_accuracy'])}, "
            f"precision {_fmt(a['precision'])}, verbatim {_fmt(a['verbatim'])}",
        ]
    if report.get("floors"):
        lines += [
            "",
            "## CI floors",
            "",
            "| metric | floor | value | ok |",
            "| --- | ---: | ---: | --- |",
        ]
        for name, f in report["floors"].items():
            bound = f"≥ {f['min']}" if "min" in f else f"≤ {f['max']}"
            lines.append(
                f"| {name} | {bound} | {_fmt(f['value'])} | {'yes' if f['ok'] else '**NO**'} |"
            )
    lines += [
        "",
        "## Charts",
        "",
        "![metrics by type](metrics_by_type.png)",
        "",
        "![latency](latency.png)",
        "",
        "![abstention threshold curve](abstention_curve.png)",
        "",
    ]
    lines += ["## Metric definitions", ""]
    lines += [f"- **{k}**: {v}" for k, v in DEFINITIONS.items()]
    fails = report["failures"]
    lines += ["", f"## Failing cases ({len(fails)})", ""]
    for f in fails:
        lines += [
            f"### {f['id']} ({f['type']}): {f['why']}",
            "",
            f"- question: {f['question']}",
            f"- expected: {' | '.join(f['expected'])}"
            + (f" (key facts: {', '.join(f['must_include'])})" if f["must_include"] else ""),
            f"- got: {f['got']}",
            "",
        ]
    return "\n".join(lines) + "\n"


def charts(report: dict, results, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    types = list(report["by_type"])
    acc = [report["by_type"][t]["accuracy"] or 0 for t in types]
    base = (
        [report["baseline"]["by_type"].get(t, {}).get("accuracy") or 0 for t in types]
        if report.get("baseline")
        else None
    )
    fig, ax = plt.subplots(figsize=(8, 4))
    x = range(len(types))
    ax.bar([i - 0.2 for i in x], acc, width=0.4, label="cocom")
    if base:
        ax.bar([i + 0.2 for i in x], base, width=0.4, label="baseline")
    ax.set_xticks(list(x))
    ax.set_xticklabels(types, rotation=30, ha="right")
    ax.set_ylim(0, 1)
    ax.set_ylabel("accuracy")
    ax.set_title("Accuracy by question type")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "metrics_by_type.png", dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.hist([r.scores["latency_ms"] for r in results], bins=30)
    ax.set_xlabel("ms per answer (warm)")
    ax.set_ylabel("cases")
    ax.set_title(
        f"Latency: p50 {report['metrics']['latency_p50_ms']} ms, p95 {report['metrics']['latency_p95_ms']} ms"
    )
    fig.tight_layout()
    fig.savefig(out / "latency.png", dpi=110)
    plt.close(fig)

    curve = report["abstention_curve"]
    fig, ax = plt.subplots(figsize=(6, 4))
    ts = [c["threshold"] for c in curve]
    ax.plot(ts, [c["answer_rate_answerable"] for c in curve], label="answerable: answered")
    ax.plot(ts, [c["abstain_rate_unanswerable"] for c in curve], label="unanswerable: abstained")
    ax.axvline(
        report["abstain_threshold"],
        color="grey",
        linestyle="--",
        label=f"threshold {report['abstain_threshold']}",
    )
    ax.set_xlabel("P(answerable) threshold")
    ax.set_ylabel("rate on this run")
    ax.set_title("Abstention threshold curve")
    ax.legend(loc="lower left")
    fig.tight_layout()
    fig.savefig(out / "abstention_curve.png", dpi=110)
    plt.close(fig)


def write(report: dict, results, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    (out / "report.md").write_text(to_markdown(report))
    charts(report, results, out)
