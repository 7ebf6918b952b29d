"""Ablation of the answerer's hand-made rules: each rule of rag.answer.RULES switched off on its
own, scored on the seed sets (the five seed articles: evals/questions.jsonl and every
evals/holdout*.jsonl) and on real articles from other outlets (evals/real/dev.jsonl and every
unseen set that has had its first run), with the seeds and every real page in the corpus.

    .venv/bin/python evals/ablation.py [--rules a,b] [--out reports/ablation.json]

A rule helps where switching it off loses cases. The real-page sets need evals/real/pages/
(see evals/real/README.md); a set awaiting its first run is never run here."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import runtime  # noqa: E402
from rag.answer import RULES  # noqa: E402
from rag.chain import Pipeline  # noqa: E402
from rag.evaluation.real_corpus import (  # noqa: E402
    PAST_FIRST_RUN,
    indexed_pipeline,
    real_pipeline,
)
from rag.evaluation.suite import run_suite  # noqa: E402
from rag.settings import Settings  # noqa: E402

SEED_SETS = [ROOT / "evals" / "questions.jsonl", *sorted((ROOT / "evals").glob("holdout*.jsonl"))]
REAL = ROOT / "evals" / "real"
# every real set that has had its first run (a set awaiting its first run is never run here)
REAL_SETS = {f"real ({', '.join(PAST_FIRST_RUN)})": [REAL / f"{s}.jsonl" for s in PAST_FIRST_RUN]}


def counts(pipeline: Pipeline, files: list[Path]) -> dict:
    out = {"answerable": 0, "answered": 0, "unanswerable": 0, "abstained": 0, "right": []}
    for f in files:
        _, results = run_suite(
            pipeline.settings,
            questions=f,
            pipeline=pipeline,
            progress=False,
            baseline=False,
            floors=None,
            quote_gold=None,
        )
        for r in results:
            if r.correct:
                out["right"].append(f"{f.stem}:{r.case.id}")
            if r.case.answerable:
                out["answerable"] += 1
                out["answered"] += bool(r.correct)
            else:
                out["unanswerable"] += 1
                out["abstained"] += bool(r.correct)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rules", default=",".join(RULES), help="comma-separated rule names")
    ap.add_argument("--out", type=Path, default=ROOT / "reports" / "ablation.json")
    args = ap.parse_args()
    runtime.setup()
    from rag.embeddings import make_embedder

    embedder = make_embedder(Settings(cache_dir=ROOT / ".cache"))
    work = Path(tempfile.mkdtemp(prefix="cocom-ablation-"))
    try:
        seeds = indexed_pipeline(ROOT / "corpus", work / "seeds", embedder, ROOT / ".cache")
        groups = {"seed sets": (seeds, SEED_SETS)}
        real = real_pipeline(ROOT, work, embedder)
        if real is not None:
            for name, files in REAL_SETS.items():
                groups[name] = (real, files)
        else:
            print("no evals/real/pages/: real sets skipped (see evals/real/README.md)")
        table: dict[str, dict] = {}
        for rule in ["(none)", *args.rules.split(",")]:
            row = {}
            for name, (p, files) in groups.items():
                p.answerer.disabled = frozenset() if rule == "(none)" else frozenset({rule})
                row[name] = counts(p, files)
            table[rule] = row
            print(_line(rule, row, table["(none)"]), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(table, indent=1))
    print(f"written {args.out}")
    return 0


def _line(rule: str, row: dict, base: dict) -> str:
    cells = []
    for name, c in row.items():
        b = base[name]
        if rule == "(none)":
            cells.append(
                f"{name}: {c['answered']}/{c['answerable']} ans, "
                f"{c['abstained']}/{c['unanswerable']} abst"
            )
        else:
            cells.append(
                f"{name}: {c['answered'] - b['answered']:+d} ans {c['abstained'] - b['abstained']:+d} abst"
            )
    line = f"{rule:18} | " + " | ".join(cells)
    if rule != "(none)":
        for name, c in row.items():
            won = sorted(set(c["right"]) - set(base[name]["right"]))
            lost = sorted(set(base[name]["right"]) - set(c["right"]))
            if name != "seed sets" and (won or lost):
                line += f"\n    {name}: right without it {won}; wrong without it {lost}"
    return line


if __name__ == "__main__":
    sys.exit(main())
