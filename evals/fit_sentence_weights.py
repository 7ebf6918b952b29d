"""Fit the sentence-scoring weights (rag/data/sentence_weights.json) and
record how well they generalise to other articles.

    .venv/bin/python evals/fit_sentence_weights.py [--splits dev unseen unseen2 ...] [--write]

A sentence's score is  w_s * sentence similarity + w_p * passage similarity + w_l * lexical
overlap + w_t * [holds the asked-for kind of fact]. For every answerable question of the seed
sets (evals/questions.jsonl, evals/holdout*.jsonl, asked of corpus/) and of the real sets named
by --splits (asked of the seeds plus those splits' pages), the candidates are computed by the
same code as `cocom ask`, and each is labelled by whether it holds one of the question's key
facts (`must_include`). The weights are chosen on a grid (w_s + w_p + w_l = 1, so the score
keeps its scale for the thresholds built on it) to maximise how often the best-scored sentence
holds a key fact, ties broken by the top three.

Cross-validation: 5 folds grouped by article (evals/calibrate_abstention.group_of), so every
question is scored with weights chosen on other articles' questions. The report gives, per set,
the rate of the current weights, of the cross-validated ones, and the weights fitted on all
(evals/sentence_weights_cv.json); --write puts those into rag/data/sentence_weights.json.
Adopt them only when the answers improve too: `cocom eval` on the main set (its floors) and on
the real sets (see docs/real-evals.md)."""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evals"))

from calibrate_abstention import fold_of, group_of  # noqa: E402

from rag import runtime  # noqa: E402
from rag.answer import sentence_weights  # noqa: E402
from rag.attribution import parse_intent  # noqa: E402
from rag.chain import Pipeline  # noqa: E402
from rag.evaluation.cases import load_cases  # noqa: E402
from rag.evaluation.real_corpus import real_pipeline  # noqa: E402
from rag.qtypes import analyse  # noqa: E402
from rag.rewrite import rewrite, search_text  # noqa: E402
from rag.settings import Settings  # noqa: E402

TOP = 3  # an answer shows up to three sentences


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


def rows_of(pipeline: Pipeline, cases, set_name: str) -> list[dict]:
    """Per answerable case: the candidates' features and whether each holds a key fact."""
    ans = pipeline.answerer
    out = []
    for c in cases:
        if not c.answerable or not c.must_include:
            continue
        standalone = search_text(rewrite(c.question, list(c.history)))
        if parse_intent(standalone):
            continue  # attribution questions are answered from the quote index
        info = analyse(standalone)
        qvec = pipeline.embedder.embed_query_vector(standalone)
        hits = pipeline.retriever.search(standalone, query_vector=qvec)
        cands = [
            x
            for x in ans.candidates(info, qvec, hits, pipeline.content_vector(info, standalone))
            if x.chunk.kind == "article"
        ]
        if not cands:
            continue
        keys = [_norm(k) for k in c.must_include]
        out.append(
            {
                "id": c.id,
                "set": set_name,
                "group": group_of(c),
                "X": np.array(
                    [[x.sentence_sim, x.passage_sim, x.overlap, float(x.typed)] for x in cands]
                ),
                "y": np.array([any(k in _norm(x.text) for k in keys) for x in cands]),
            }
        )
    return out


def grid() -> list[tuple[float, float, float, float]]:
    step = np.round(np.arange(0.0, 1.0001, 0.05), 2)
    out = []
    for ws, wp in itertools.product(step, step):
        wl = round(1.0 - ws - wp, 2)
        if wl < -1e-9:
            continue
        for wt in (0.0, 0.04, 0.08, 0.12, 0.16, 0.2, 0.25, 0.3, 0.4, 0.5):
            out.append((float(ws), float(wp), float(wl), wt))
    return out


def hits(rows: list[dict], w) -> tuple[np.ndarray, np.ndarray]:
    """Per row: the best-scored candidate holds a key fact; one of the top three does."""
    w = np.asarray(w)
    h1, h3 = [], []
    for r in rows:
        order = np.argsort(-(r["X"] @ w), kind="stable")
        h1.append(bool(r["y"][order[0]]))
        h3.append(bool(r["y"][order[:TOP]].any()))
    return np.array(h1), np.array(h3)


def best_weights(rows: list[dict], candidates) -> tuple:
    """The seed articles and the real ones count alike (the seeds have more questions, and the
    weights are for articles nobody tuned for)."""
    seed = np.array([r["set"] == "seed" for r in rows])

    def key(w):
        h1, h3 = hits(rows, w)
        both = [m for m in (seed, ~seed) if m.any()]
        return (sum(h1[m].mean() for m in both), sum(h3[m].mean() for m in both))

    return max(candidates, key=key)


def real_rows(splits: list[str], embedder) -> list[dict]:
    """Rows of the real sets named by `splits`, asked of the seeds plus those splits' pages."""
    with open(ROOT / "evals" / "real" / "sources.tsv") as f:
        files = {r["file"] for r in csv.DictReader(f, delimiter="\t") if r["split"] in splits}
    work = Path(tempfile.mkdtemp(prefix="cocom-fit-"))
    try:
        p = real_pipeline(ROOT, work, embedder, files)
        if p is None:
            raise SystemExit("needs evals/real/pages/ (see evals/real/README.md)")
        names = {"dev": "dev.jsonl", "unseen": "unseen1.jsonl"}
        out = []
        for s in splits:
            path = ROOT / "evals" / "real" / names.get(s, f"{s}.jsonl")
            out += rows_of(p, load_cases(path), f"real-{s}")
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--splits", nargs="*", default=["dev", "unseen", "unseen2", "unseen3", "unseen4"]
    )
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    runtime.setup()
    pipeline = Pipeline(Settings.from_env()).load()
    rows = []
    for path in [
        ROOT / "evals" / "questions.jsonl",
        *sorted((ROOT / "evals").glob("holdout*.jsonl")),
    ]:
        rows += rows_of(pipeline, load_cases(path), "seed")
    rows += real_rows(args.splits, pipeline.embedder)

    current = tuple(sentence_weights())
    candidates = grid()
    folds = np.array([fold_of(r["group"]) for r in rows])
    cv1 = np.zeros(len(rows), bool)
    cv3 = np.zeros(len(rows), bool)
    chosen = {}
    for k in sorted(set(folds)):
        train = [r for r, f in zip(rows, folds, strict=True) if f != k]
        test_idx = np.flatnonzero(folds == k)
        w = best_weights(train, candidates)
        chosen[int(k)] = w
        h1, h3 = hits([rows[i] for i in test_idx], w)
        cv1[test_idx], cv3[test_idx] = h1, h3
    final = best_weights(rows, candidates)
    cur1, cur3 = hits(rows, current)

    def by_set(a1, a3):
        out = {}
        for s in sorted({r["set"] for r in rows}):
            m = np.array([r["set"] == s for r in rows])
            out[s] = {
                "n": int(m.sum()),
                "top1": round(float(a1[m].mean()), 3),
                "top3": round(float(a3[m].mean()), 3),
            }
        return out

    report = {
        "questions": len(rows),
        "current_weights": current,
        "current": by_set(cur1, cur3),
        "cross_validated": by_set(cv1, cv3),
        "fold_weights": chosen,
        "fitted_on_all": final,
    }
    print(json.dumps(report, indent=1))
    (ROOT / "evals" / "sentence_weights_cv.json").write_text(json.dumps(report, indent=1) + "\n")
    if args.write:
        (ROOT / "rag" / "data" / "sentence_weights.json").write_text(
            json.dumps(
                {
                    "sentence": final[0],
                    "passage": final[1],
                    "lexical": final[2],
                    "typed": final[3],
                    "fitted_on": len(rows),
                    "sets": sorted({r["set"] for r in rows}),
                    "cross_validation": "5 folds grouped by article",
                    "cross_validated": report["cross_validated"],
                },
                indent=2,
            )
            + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
