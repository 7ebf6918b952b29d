"""Fit dense_weight (Settings.dense_weight): in weighted fusion, the share of a passage's
cosine similarity against its max-normalised BM25 score.

    .venv/bin/python evals/fit_dense_weight.py --real-corpus DIR --real-index DIR

For each candidate weight, `cocom eval` runs the main seed set and the real sets (evals/real/,
pages present); the weight is chosen by 5-fold cross-validation grouped by article, on the
balanced rate (mean of answerable-right and abstained rates), as evals/fit_typed_reach.py does.
Ties: the larger weight (the nearer to the dense-first default). Writes
evals/dense_weight_cv.json."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "evals"))

from fit_typed_reach import fit_main  # noqa: E402

WEIGHTS = (0.1, 0.2, 0.3, 0.4, 0.6)


def main() -> int:
    # ties: the larger weight, the nearer to the dense-first default
    return fit_main("COCOM_DENSE_WEIGHT", WEIGHTS, lambda x: x, "dense_weight_cv.json")


if __name__ == "__main__":
    sys.exit(main())
