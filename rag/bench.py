"""Benchmarks that print numbers (never timed tests). `cocom bench index` times a full build
split into parse / chunk / embed / write, with the model loaded beforehand."""

from __future__ import annotations

import tempfile
import time
from dataclasses import replace
from pathlib import Path

from .settings import Settings


def bench_index(settings: Settings, embedder) -> dict:
    t = time.perf_counter()
    embedder.warm_up()
    load_s = time.perf_counter() - t
    from .index import build_index

    with tempfile.TemporaryDirectory(prefix="cocom-bench-") as tmp:
        s = replace(settings, index_dir=Path(tmp) / "index")
        report = build_index(s, embedder, rebuild=True, progress=False)
    timings = report.timings
    embed_s = timings.get("embed", 0.0)
    total = report.seconds
    return {
        "model_load_s": round(load_s, 3),
        "articles": report.articles,
        "chunks": report.chunks,
        "index_build_s": round(total, 3),
        "parse_s": round(timings.get("parse", 0.0), 4),
        "chunk_s": round(timings.get("chunk", 0.0), 4),
        "embed_only_s": round(embed_s, 3),
        "write_s": round(timings.get("write", 0.0), 3),
        "index_build_ratio": round(total / embed_s, 3) if embed_s else None,
        "chunks_per_s": round(report.chunks / embed_s, 1) if embed_s else None,
    }


def print_table(title: str, rows: dict) -> None:
    print(title)
    width = max(len(k) for k in rows)
    for key, value in rows.items():
        print(f"  {key:<{width}}  {value}")
