"""Fit typed_reach (Settings.typed_reach): how far below the best sentence's score a sentence
holding the asked-for kind of fact (a figure, a date, a name) may be and still answer. The same
reach decides abstention: a number or date question with no such sentence within it is "not
covered" ("no passage states the number asked for").

    .venv/bin/python evals/fit_typed_reach.py --real-corpus DIR --real-index DIR

For each candidate reach, `cocom eval` runs the main seed set and the real sets (evals/real/,
pages present). A question is right when it is not among the report's failures: an answerable
one answered with its key facts and a citation, an unanswerable one abstained on. The reach is
chosen by 5-fold cross-validation grouped by article (evals/calibrate_abstention.group_of; an
unanswerable question, with no source article, is a group of its own): each fold is scored at
the reach with the best balanced rate (mean of answerable-right and abstained rates) on the
other folds (ties: the smaller reach, the stricter). Writes evals/typed_reach_cv.json."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evals"))

from calibrate_abstention import fold_of, group_of  # noqa: E402
from fit_select_reach import wrong_at  # noqa: E402

from rag.evaluation.cases import load_cases  # noqa: E402
from rag.evaluation.real_corpus import PAST_FIRST_RUN  # noqa: E402

REACHES = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4)


def balanced(rows: list, reach: float) -> float:
    """Mean of the answerable-right and abstained rates of `rows` at `reach`."""
    rates = []
    for answerable in (True, False):
        part = [r for r in rows if r[2] == answerable]
        if part:
            rates.append(sum(r[3][reach] for r in part) / len(part))
    return sum(rates) / len(rates)


def rate(rows: list, pick) -> dict:
    out = {}
    for answerable, key in ((True, "answerable"), (False, "abstention")):
        part = [r for r in rows if r[2] == answerable]
        out[key] = round(sum(pick(r) for r in part) / len(part), 3) if part else None
    return out


def collect(setting: str, values: tuple, sets: list) -> list:
    """(set, group, answerable, {value: right}) of every question, `cocom eval` run once per
    value with the environment variable `setting` (e.g. "COCOM_TYPED_REACH") set to it."""
    rows = []
    for name, path, corpus, index in sets:
        wrong = {v: wrong_at(setting, v, path, corpus, index) for v in values}
        for c in load_cases(path):
            if c.type == "comment-trap":
                continue  # abstention on what a reader wrote is another rule's
            rows.append(
                (name, group_of(c), c.answerable, {v: c.id not in wrong[v] for v in values})
            )
        print(name, "done", file=sys.stderr)
    return rows


def cross_validate(rows: list, values: tuple, names: list, tie) -> dict:
    """Each fold scored at the value with the best balanced rate on the other folds; `tie(v)`
    orders equally good values (the larger wins)."""
    folds = [fold_of(g) for _, g, _, _ in rows]
    cv = [False] * len(rows)
    chosen = {}
    for k in sorted(set(folds)):
        train = [r for r, f in zip(rows, folds, strict=True) if f != k]
        best = max(values, key=lambda x: (balanced(train, x), tie(x)))
        chosen[k] = best
        for i, f in enumerate(folds):
            if f == k:
                cv[i] = rows[i][3][best]
    index_of = {id(r): i for i, r in enumerate(rows)}
    return {
        "objective": "balanced: mean of answerable-right and abstained rates",
        "per_value": {
            n: {
                str(x): rate([r for r in rows if r[0] == n], lambda r, x=x: r[3][x]) for x in values
            }
            for n in names
        },
        "fold_choice": chosen,
        "cross_validated": {
            n: rate([r for r in rows if r[0] == n], lambda r: cv[index_of[id(r)]]) for n in names
        },
        "fitted_on_all": max(values, key=lambda x: (balanced(rows, x), tie(x))),
    }


def sets_of(real: list, real_corpus: Path, real_index: Path) -> list:
    return [("main", ROOT / "evals" / "questions.jsonl", None, None)] + [
        (s, ROOT / "evals" / "real" / f"{s}.jsonl", real_corpus, real_index) for s in real
    ]


def fit_main(setting: str, values: tuple, tie, out_name: str) -> int:
    """A fit script's command line: `setting` (its COCOM_* variable) over `values` on the main
    and real sets, cross-validated, written to evals/OUT_NAME. `tie(v)` orders equal values."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--real-corpus", type=Path, required=True)
    ap.add_argument("--real-index", type=Path, required=True)
    ap.add_argument("--real", nargs="*", default=list(PAST_FIRST_RUN))
    args = ap.parse_args()
    sets = sets_of(args.real, args.real_corpus, args.real_index)
    rows = collect(setting, values, sets)
    out = cross_validate(rows, values, [n for n, *_ in sets], tie=tie)
    print(json.dumps(out, indent=1))
    (ROOT / "evals" / out_name).write_text(json.dumps(out, indent=1) + "\n")
    return 0


def main() -> int:
    # ties: the smaller reach, the stricter
    return fit_main("COCOM_TYPED_REACH", REACHES, lambda x: -x, "typed_reach_cv.json")


if __name__ == "__main__":
    sys.exit(main())
