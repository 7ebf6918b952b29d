"""The corpus the real-article sets are asked of: the seed articles plus every page in
evals/real/pages/ (kept outside git, see evals/real/README.md), as a user's growing corpus
would hold them, indexed in a work folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..settings import Settings

# the real question sets (evals/real/SET.jsonl) past their first run: the only ones fits, the
# ablation and calibration may use (a set awaiting its first run is added here after it)
PAST_FIRST_RUN = ("dev", *(f"unseen{i}" for i in range(1, 20)))


def real_pages(root: Path) -> list[Path]:
    return sorted((root / "evals" / "real" / "pages").glob("*.txt"))


def indexed_pipeline(corpus: Path, work: Path, embedder, cache_dir: Path):
    """A loaded Pipeline over `corpus`, its index built in `work`."""
    from ..chain import Pipeline
    from ..index import build_index

    s = Settings(corpus_dir=corpus, index_dir=work / "index", cache_dir=cache_dir)
    build_index(s, embedder, progress=False)
    return Pipeline(s, embedder).load()


def real_pipeline(root: Path, work: Path, embedder, files: set[str] | None = None):
    """A Pipeline over the seeds and every real page (or those named in `files`), built in
    `work`; None without pages."""
    pages = [p for p in real_pages(root) if files is None or p.name in files]
    if not pages:
        return None
    corpus = work / "real-corpus"
    corpus.mkdir(parents=True)
    for p in [*(root / "corpus").iterdir(), *pages]:
        shutil.copy(p, corpus / p.name)
    return indexed_pipeline(corpus, work / "real", embedder, root / ".cache")
