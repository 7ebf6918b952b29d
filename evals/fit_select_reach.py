"""Fit SELECT_REACH (rag.answer): how far below the best sentence another may score and still
join the answer (up to its three sentences).

    .venv/bin/python evals/fit_select_reach.py --real-corpus DIR --real-index DIR

For each candidate reach, `cocom eval` runs the main seed set and every real set but the newest
first-run one (evals/real/*.jsonl with pages present), and a question counts as answered right
when it is answerable and not among the report's failures. The reach is then chosen by 5-fold
cross-validation grouped by article (evals/calibrate_abstention.group_of): each fold's questions
are scored at the reach that answers most of the other folds' questions right (ties: the
smaller reach, i.e. shorter answers). Prints the per-set rates and the cross-validated ones."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evals"))

from calibrate_abstention import fold_of, group_of  # noqa: E402

from rag.evaluation.cases import load_cases  # noqa: E402

REACHES = (0.1, 0.15, 0.2, 0.3, 0.5)


def wrong_at(
    setting: str, value: float, questions: Path, corpus: Path | None, index: Path | None
) -> set[str]:
    """Ids of the questions `cocom eval` gets wrong with the setting (its COCOM_* environment
    variable, e.g. "COCOM_SELECT_REACH") at `value`."""
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "rag.cli", "eval", "--no-baseline", "--report", out]
        cmd += ["--questions", str(questions)]
        if corpus is not None:
            cmd += ["--corpus", str(corpus), "--index", str(index)]
        env = {**os.environ, setting: str(value)}
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
        report = json.loads((Path(out) / "report.json").read_text())
        return {f["id"] for f in report["failures"]}


def run(reach: float, questions: Path, corpus: Path | None, index: Path | None) -> set[str]:
    """Ids of the questions `cocom eval` gets wrong at this reach."""
    return wrong_at("COCOM_SELECT_REACH", reach, questions, corpus, index)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--real-corpus", type=Path, required=True)
    ap.add_argument("--real-index", type=Path, required=True)
    ap.add_argument(
        "--real", nargs="*", default=["dev", "unseen1", "unseen2", "unseen3", "unseen4"]
    )
    args = ap.parse_args()
    sets = [("main", ROOT / "evals" / "questions.jsonl", None, None)] + [
        (s, ROOT / "evals" / "real" / f"{s}.jsonl", args.real_corpus, args.real_index)
        for s in args.real
    ]
    rows = []  # (set, group, {reach: right})
    for name, path, corpus, index in sets:
        wrong = {r: run(r, path, corpus, index) for r in REACHES}
        for c in load_cases(path):
            if c.answerable:
                rows.append((name, group_of(c), {r: c.id not in wrong[r] for r in REACHES}))
    folds = [fold_of(g) for _, g, _ in rows]
    cv = [False] * len(rows)
    chosen = {}
    for k in sorted(set(folds)):
        train = [r for r, f in zip(rows, folds, strict=True) if f != k]
        best = max(REACHES, key=lambda x: (sum(r[2][x] for r in train), -x))
        chosen[k] = best
        for i, f in enumerate(folds):
            if f == k:
                cv[i] = rows[i][2][best]
    names = [n for n, *_ in sets]
    out = {
        "per_reach": {
            n: {
                str(x): round(
                    sum(r[2][x] for r in rows if r[0] == n) / max(1, sum(r[0] == n for r in rows)),
                    3,
                )
                for x in REACHES
            }
            for n in names
        },
        "fold_choice": chosen,
        "cross_validated": {
            n: round(
                sum(cv[i] for i, r in enumerate(rows) if r[0] == n)
                / max(1, sum(r[0] == n for r in rows)),
                3,
            )
            for n in names
        },
        "fitted_on_all": max(REACHES, key=lambda x: (sum(r[2][x] for r in rows), -x)),
    }
    print(json.dumps(out, indent=1))
    (ROOT / "evals" / "select_reach_cv.json").write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
