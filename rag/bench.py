"""Benchmarks that print numbers (never timed tests). `cocom bench index` times a full build
split into parse / chunk / embed / write, with the model loaded beforehand."""

from __future__ import annotations

import tempfile
import time
from contextlib import contextmanager
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
        "note": "embed = passages + sentences + quote pieces, all with the same model",
    }


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(p * len(xs)))], 2) if xs else 0.0


def bench_ask(settings: Settings, embedder, questions: Path) -> dict:
    """Warm `ask` latency over the eval questions, models loaded once, with the stage split,
    against the physical floor of one query embedding."""
    import statistics

    from .chain import Pipeline
    from .evaluation.cases import load_cases

    pipeline = Pipeline(settings, embedder).warm_up()
    cases = load_cases(questions)
    floor = []
    for c in cases[:50]:
        t = time.perf_counter()
        embedder.embed_batch([c.question + " (floor)"], "query")
        floor.append((time.perf_counter() - t) * 1000)
    total, retrieve, answer = [], [], []
    for c in cases:
        a = pipeline.ask(c.question, list(c.history))
        total.append(a.timings_ms["total"])
        retrieve.append(a.timings_ms["retrieve"])
        answer.append(a.timings_ms["answer"])
    floor_ms = statistics.median(floor)
    return {
        "questions": len(cases),
        "floor_query_embed_ms": round(floor_ms, 2),
        "ask_p50_ms": _pct(total, 0.5),
        "ask_p95_ms": _pct(total, 0.95),
        "retrieve_p50_ms": _pct(retrieve, 0.5),
        "answer_p50_ms": _pct(answer, 0.5),
        "ask_p50_ratio": round(_pct(total, 0.5) / floor_ms, 2),
        "note": "first embedding of each question (the query cache is not hit)",
    }


def bench_first_token(settings: Settings, embedder, questions: list[str]) -> dict:
    """Time from sending a chat message to the first streamed update, over HTTP, warm."""
    from gradio_client import Client

    with _live_server(settings, embedder) as url:
        client = Client(url, verbose=False)
        client.predict(questions[0], [], False, api_name="/chat")  # warm the route
        firsts, totals = [], []
        for q in questions:
            t = time.perf_counter()
            job = client.submit(q, [], False, api_name="/chat")
            first = None
            for _ in job:
                if first is None:
                    first = (time.perf_counter() - t) * 1000
            firsts.append(first or 0.0)
            totals.append((time.perf_counter() - t) * 1000)
    return {
        "requests": len(questions),
        "first_token_p50_ms": _pct(firsts, 0.5),
        "first_token_p95_ms": _pct(firsts, 0.95),
        "full_answer_p50_ms": _pct(totals, 0.5),
    }


def bench_cold_start(settings: Settings, question: str) -> dict:
    """Process start -> first answer printed, for `cocom ask` in a fresh process; its peak RSS."""
    import os
    import resource
    import subprocess
    import sys

    env = {
        **os.environ,
        "COCOM_INDEX_DIR": str(settings.index_dir),
        "COCOM_CORPUS_DIR": str(settings.corpus_dir),
    }
    times = []
    for _ in range(2):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "rag.cli", "ask", question],
            env=env,
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - t)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "cold_start_s": round(min(times), 2),
        "peak_rss_mb": round(peak_kib / 1024, 1),
        "note": "best of 2 fresh processes (the OS file cache is warm after the first)",
    }


def bench_concurrency(
    settings: Settings, embedder, questions: list[str], levels=(1, 8, 32)
) -> dict:
    """1, 8 and 32 simultaneous /ask requests to a live server: throughput, p95, errors."""
    import concurrent.futures as cf

    from gradio_client import Client

    out = {}
    with _live_server(settings, embedder) as url:
        clients = [Client(url, verbose=False) for _ in range(max(levels))]

        def one(i: int) -> tuple[float, bool]:
            t = time.perf_counter()
            try:
                r = clients[i % len(clients)].predict(
                    questions[i % len(questions)], "[]", False, api_name="/ask"
                )
                ok = "error" not in r
            except Exception:
                ok = False
            return time.perf_counter() - t, ok

        for n in levels:
            t = time.perf_counter()
            with cf.ThreadPoolExecutor(max_workers=n) as pool:
                results = list(pool.map(one, range(n * 3)))
            wall = time.perf_counter() - t
            lat = [r[0] * 1000 for r in results]
            out[str(n)] = {
                "requests": len(results),
                "throughput_rps": round(len(results) / wall, 1),
                "p95_ms": _pct(lat, 0.95),
                "errors": sum(not r[1] for r in results),
            }
    return out


@contextmanager
def _live_server(settings: Settings, embedder):
    """A warmed-up chat UI on a free localhost port for the duration of a benchmark."""
    import socket

    from app.ui import build_app, launch

    from .chain import Pipeline

    demo = build_app(Pipeline(settings, embedder).warm_up())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    launch(demo, host="127.0.0.1", port=port, block=False)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


def print_table(title: str, rows: dict) -> None:
    print(title)
    width = max(len(k) for k in rows)
    for key, value in rows.items():
        print(f"  {key:<{width}}  {value}")
