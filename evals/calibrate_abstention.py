"""Fit the abstention model on the eval questions and record how well it generalises.

    .venv/bin/python evals/calibrate_abstention.py [--questions FILE ...] [--real]

For every non-attribution case it computes the answerer's evidence features (the same code path
as `cocom ask`), fits a logistic regression P(answerable | rag.answer.FEATURES) with numpy,
reports cross-validated rates (5 folds grouped by article: every case about one article, and
every case about the same set of articles, falls in one fold, so a case is always scored by a
model fitted on other articles' questions; a case with no source article is a group of its
own). With --real, the real sets past their first run (--real-sets; rag.evaluation.real_corpus.PAST_FIRST_RUN) are added,
asked of the seed articles plus every page in evals/real/pages/ (a set awaiting its first run is
never used). Writes the weights to rag/data/abstention.json and the threshold curve to
evals/abstention_curve.json / .png. Hard rules (unknown names or figures; a number/date question
with no number/date in the evidence) apply on top of the model and are reported separately."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import runtime  # noqa: E402
from rag.answer import FEATURES  # noqa: E402
from rag.attribution import parse_intent  # noqa: E402
from rag.chain import Pipeline  # noqa: E402
from rag.evaluation.cases import load_cases  # noqa: E402
from rag.evaluation.real_corpus import PAST_FIRST_RUN  # noqa: E402
from rag.qtypes import analyse  # noqa: E402
from rag.rewrite import rewrite, search_text  # noqa: E402
from rag.settings import Settings  # noqa: E402


def features(pipeline: Pipeline, cases):
    rows = []
    ans = pipeline.answerer
    for c in cases:
        standalone = search_text(rewrite(c.question, list(c.history)))
        if parse_intent(standalone):
            continue
        info = analyse(standalone)
        qvec = pipeline.embedder.embed_query_vector(standalone)
        hits = pipeline.retriever.search(standalone, query_vector=qvec)
        content_vec = pipeline.content_vector(info, standalone)
        cands = [
            x for x in ans.candidates(info, qvec, hits, content_vec) if x.chunk.kind == "article"
        ]
        ev = ans.evidence(info, cands)
        rule = bool(
            ev["typed_missing"]
            or ev["focus_unknown"]
            or any(not ans.known_entity(e) for e in info.entities)
        )
        rows.append(
            {
                "id": c.id,
                "group": group_of(c),
                "type": c.type,
                "y": int(c.answerable),
                "rule": rule,
                **{f: float(ev[f]) for f in FEATURES},
            }
        )
    return rows


def real_rows(seed_pipeline: Pipeline, sets: list[str]) -> list[dict]:
    """Feature rows of the real sets (evals/real/SET.jsonl), asked of the seeds plus every real
    page."""
    import shutil
    import tempfile

    from rag.evaluation.real_corpus import real_pipeline

    work = Path(tempfile.mkdtemp(prefix="cocom-calibrate-"))
    try:
        p = real_pipeline(ROOT, work, seed_pipeline.embedder)
        if p is None:
            raise SystemExit("--real needs evals/real/pages/ (see evals/real/README.md)")
        rows = []
        for name in sets:
            cases = load_cases(ROOT / "evals" / "real" / f"{name}.jsonl")
            rows += [{**r, "set": f"real-{name}"} for r in features(p, cases)]
        return rows
    finally:
        shutil.rmtree(work, ignore_errors=True)


def fit(X: np.ndarray, y: np.ndarray, l2: float = 0.01, steps: int = 20000, lr: float = 0.5):
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(X @ w + b)))
        g = p - y
        w -= lr * (X.T @ g / len(y) + l2 * w)
        b -= lr * g.mean()
    return w, b


def fold_of(group: str, k: int = 5) -> int:
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % k


def group_of(case) -> str:
    """The articles a case is about (its own id when it names none): the unit of a fold."""
    arts = sorted({s["article"] for s in case.sources})
    return "+".join(arts) if arts else f"case:{case.id}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--questions", type=Path, nargs="+", default=[ROOT / "evals" / "questions.jsonl"]
    )
    ap.add_argument("--index", type=Path, default=None)
    ap.add_argument("--real", action="store_true", help="add the real sets (see above)")
    ap.add_argument(
        "--real-sets",
        nargs="*",
        default=list(PAST_FIRST_RUN),
        help="the real sets --real adds: those past their first run",
    )
    args = ap.parse_args()
    runtime.setup()
    settings = Settings.from_env(index_dir=args.index)
    pipeline = Pipeline(settings).load()
    rows = []
    for path in args.questions:
        rows += [{**r, "set": path.stem} for r in features(pipeline, load_cases(path))]
    if args.real:
        rows += real_rows(pipeline, args.real_sets)
    sets = sorted({r["set"] for r in rows})
    fit_rows = [r for r in rows if not r["rule"]]
    X = np.array([[r[f] for f in FEATURES] for r in fit_rows])
    y = np.array([r["y"] for r in fit_rows], dtype=float)

    # cross-validated predictions: each case scored by a model that never saw it
    cv = np.zeros(len(fit_rows))
    folds = [fold_of(r["group"]) for r in fit_rows]
    for k in sorted(set(folds)):
        test = np.array([f == k for f in folds])
        w, b = fit(X[~test], y[~test])
        cv[test] = 1 / (1 + np.exp(-(X[test] @ w + b)))
    w, b = fit(X, y)
    full = 1 / (1 + np.exp(-(X @ w + b)))

    def rates(p, t, y=y):
        answered = p >= t
        return {
            "threshold": round(float(t), 2),
            "answer_rate_answerable": round(float(answered[y == 1].mean()), 4),
            "abstain_rate_unanswerable": round(float((~answered)[y == 0].mean()), 4)
            if (y == 0).any()
            else None,
        }

    curve = [rates(cv, t) for t in np.arange(0.05, 0.96, 0.05)]
    # the threshold that best separates the two on cross-validated predictions (Youden's J),
    # among those that still answer at least 90% of answerable questions (answering correctly
    # is the first target; ties go to the lower threshold, i.e. answering more)
    ok = [c for c in curve if c["answer_rate_answerable"] >= 0.9] or curve
    best = max(
        ok,
        key=lambda c: (
            c["answer_rate_answerable"] + c["abstain_rate_unanswerable"],
            -c["threshold"],
        ),
    )
    threshold = best["threshold"]
    rule_rows = [r for r in rows if r["rule"]]
    report = {
        "cases": len(rows),
        "fitted_on": len(fit_rows),
        "decided_by_rules": {
            "answerable": sum(r["y"] for r in rule_rows),
            "unanswerable": sum(1 - r["y"] for r in rule_rows),
        },
        "weights": {f: round(float(v), 4) for f, v in zip(FEATURES, w, strict=True)},
        "bias": round(float(b), 4),
        "threshold": threshold,
        "cross_validated_at_threshold": rates(cv, threshold),
        "cross_validated_by_set": {
            name: rates(cv[mask], threshold, y[mask])
            for name in sets
            if (mask := np.array([r["set"] == name for r in fit_rows])).any()
        },
        "in_sample_at_threshold": rates(full, threshold),
        "curve_cross_validated": curve,
    }
    (ROOT / "rag" / "data" / "abstention.json").write_text(
        json.dumps(
            {
                "bias": report["bias"],
                "weights": report["weights"],
                "threshold": threshold,
                "fitted_on": len(fit_rows),
                "questions": [p.name for p in args.questions]
                + ([f"real/{s}.jsonl" for s in args.real_sets] if args.real else []),
                "cross_validation": "5 folds grouped by article",
                "cross_validated_at_threshold": report["cross_validated_at_threshold"],
            },
            indent=2,
        )
        + "\n"
    )
    (ROOT / "evals" / "abstention_curve.json").write_text(json.dumps(report, indent=2) + "\n")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        ts = [c["threshold"] for c in curve]
        fig, ax = plt.subplots(figsize=(6, 4))
        ax.plot(ts, [c["answer_rate_answerable"] for c in curve], label="answerable: answered")
        ax.plot(
            ts, [c["abstain_rate_unanswerable"] for c in curve], label="unanswerable: abstained"
        )
        ax.axvline(threshold, color="grey", linestyle="--", label=f"threshold {threshold}")
        ax.set_xlabel("P(answerable) threshold")
        ax.set_ylabel("rate (cross-validated)")
        ax.set_title("Abstention threshold curve")
        ax.legend(loc="lower left")
        fig.tight_layout()
        fig.savefig(ROOT / "evals" / "abstention_curve.png", dpi=110)
    except ImportError:
        pass
    print(json.dumps({k: v for k, v in report.items() if k != "curve_cross_validated"}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
