"""Benchmarks that print numbers (never timed tests). `cocom bench index` times a full build
split into parse / chunk / embed / write, with the model loaded beforehand."""

from __future__ import annotations

import json
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


def query_floor_ms(embedder, questions: list[str]) -> float:
    """The physical floor: median time of one query embedding, bypassing the query cache."""
    import statistics

    times = []
    for q in questions[:50]:
        t = time.perf_counter()
        embedder.embed_batch([q + " (floor)"], "query")
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(p * len(xs)))], 2) if xs else 0.0


def bench_ask(settings: Settings, embedder, questions: Path) -> dict:
    """Warm `ask` latency over the eval questions, models loaded once, with the stage split,
    against the physical floor of one query embedding."""
    from .chain import Pipeline
    from .evaluation.cases import load_cases

    pipeline = Pipeline(settings, embedder).warm_up()
    cases = load_cases(questions)
    floor_ms = query_floor_ms(embedder, [c.question for c in cases])
    total, retrieve, answer = [], [], []
    for c in cases:
        a = pipeline.ask(c.question, list(c.history))
        total.append(a.timings_ms["total"])
        retrieve.append(a.timings_ms["retrieve"])
        answer.append(a.timings_ms["answer"])
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


_LAUNCH = """import json, os, subprocess, sys, time
t = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(p.pid, 0)
print(json.dumps({"seconds": time.perf_counter() - t, "max_rss_kib": usage.ru_maxrss,
                  "code": os.waitstatus_to_exitcode(status)}))
"""


def bench_cold_start(settings: Settings, question: str) -> dict:
    """Process start -> first answer printed, for `cocom ask` in a fresh process; its peak RSS."""
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "COCOM_INDEX_DIR": str(settings.index_dir),
        "COCOM_CORPUS_DIR": str(settings.corpus_dir),
    }
    times, peaks = [], []
    for _ in range(2):
        # started from a small launcher: a child forked straight from this (large) benchmark
        # process would report this process's size as its own peak RSS
        run = subprocess.run(
            [sys.executable, "-c", _LAUNCH, sys.executable, "-m", "rag.cli", "ask", question],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(run.stdout)
        if result["code"] != 0:
            raise RuntimeError(f"cocom ask exited with {result['code']} during the benchmark")
        times.append(result["seconds"])
        peaks.append(result["max_rss_kib"])
    return {
        "cold_start_s": round(min(times), 2),
        "peak_rss_mb": round(max(peaks) / 1024, 1),
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


TITLES = {
    "floors": "physical floors (one query embedding, Chroma alone, BM25 alone, batch embedding)",
    "index": "index build (full rebuild, model already loaded)",
    "ask": "warm ask latency over the eval questions (models loaded once)",
    "ui": "chat UI: request -> first streamed update, over HTTP (warm)",
    "concurrency": "simultaneous /ask requests to a live server (3 rounds each)",
    "cold": "cold start: process start -> first answer (cocom ask)",
    "backends": "embedding backends: torch vs ONNX vs ONNX int8",
    "scale": "synthetic corpora at scale",
    "ingest": "one long article (1, 2, 4 MB, .txt and .html): seconds per MB of ingest work",
}
# the flat keys `cocom bench --json` promises, and the section each comes from
FLAT = {
    "floor_query_embed_ms": "floors",
    "ask_p50_ms": "ask",
    "ask_p95_ms": "ask",
    "ask_p50_ratio": "ask",
    "index_build_s": "index",
    "embed_only_s": "index",
    "index_build_ratio": "index",
    "cold_start_s": "cold",
    "peak_rss_mb": "cold",
}


def machine() -> dict:
    import os
    import platform

    mem_gb = None
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        mem_gb = round(pages / 2**30, 1)
    except (ValueError, OSError):
        pass
    return {
        "cpus": os.cpu_count(),
        "memory_gb": mem_gb,
        "processor": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "system": platform.platform(terse=True),
    }


def summary(results: dict) -> dict:
    """The sections plus the flat top-level keys (null when that benchmark did not run)."""
    flat: dict = {}
    for key, section in FLAT.items():
        flat[key] = results.get(section, {}).get(key)
    if flat["floor_query_embed_ms"] is None and "ask" in results:
        flat["floor_query_embed_ms"] = results["ask"].get("floor_query_embed_ms")
    flat["scale"] = results.get("scale")
    flat["concurrency"] = results.get("concurrency")
    rest = {k: v for k, v in results.items() if k not in ("scale", "concurrency")}
    return {**flat, **rest}


def print_table(title: str, rows: dict, indent: str = "  ") -> None:
    print(title)
    width = max((len(k) for k in rows), default=0)
    for key, value in rows.items():
        if isinstance(value, dict):
            print_table(f"{indent}{key}:", value, indent + "  ")
        else:
            print(f"{indent}{key:<{width}}  {value}")


def print_results(results: dict) -> None:
    print_table("machine", results["machine"])
    for name, title in TITLES.items():
        section = results.get(name)
        if section:
            print()
            print_table(title, section)


def bench_floors(settings: Settings, embedder) -> dict:
    """The physical floors: one query embedding, a Chroma top-k query alone, BM25 alone, and
    raw batch embedding throughput, on the live index."""
    import statistics

    from .chain import Pipeline

    pipeline = Pipeline(settings, embedder).load()
    ix = pipeline.index
    texts = [c.text for c in ix.chunks]
    queries = [c.text[:80] + " (floor)" for c in ix.chunks[:50]]
    embed_ms, chroma_ms, bm25_ms = [], [], []
    for q in queries:
        t = time.perf_counter()
        vec = embedder.embed_batch([q], "query")[0]
        embed_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        ix.vectors.query(vec, settings.candidates)
        chroma_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        ix.bm25.scores(q)
        bm25_ms.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter()
    embedder.embed_batch(texts, "document")
    batch_s = time.perf_counter() - t
    return {
        "floor_query_embed_ms": round(statistics.median(embed_ms), 2),
        "chroma_query_ms": round(statistics.median(chroma_ms), 2),
        "bm25_query_ms": round(statistics.median(bm25_ms), 3),
        "batch_embed_texts_per_s": round(len(texts) / batch_s, 1),
        "chunks": len(texts),
        "note": "medians of 50; the Chroma query is top-"
        f"{settings.candidates} without a metadata filter, as the retriever asks",
    }


def bench_backends(settings: Settings, questions: Path) -> dict:
    """torch (sentence-transformers), ONNX and ONNX int8: load time, one query, batch
    throughput, agreement with torch, and the eval metrics with an index built by each."""
    from .chain import Pipeline
    from .embeddings import make_embedder
    from .evaluation.cases import load_cases
    from .evaluation.runner import CocomSystem, run_cases, summarize
    from .index import build_index

    cases = load_cases(questions)
    out, reference, texts = {}, None, None
    for backend in ("torch", "onnx", "onnx-int8"):
        s = replace(settings, embed_backend=backend)
        emb = make_embedder(s)
        t = time.perf_counter()
        emb.warm_up()
        load_s = time.perf_counter() - t
        with tempfile.TemporaryDirectory(prefix="cocom-bench-") as tmp:
            s = replace(s, index_dir=Path(tmp) / "index", chroma_url="")
            build_index(s, emb, rebuild=True, progress=False)
            pipeline = Pipeline(s, emb).warm_up()
            if texts is None:
                texts = [c.text for c in pipeline.index.chunks]
            t = time.perf_counter()
            vectors = emb.embed_batch(texts, "document")
            batch_s = time.perf_counter() - t
            reference = vectors if reference is None else reference
            q_ms = query_floor_ms(emb, [c.question for c in cases])
            m = summarize(
                run_cases(CocomSystem(pipeline), cases, pipeline.index.articles, progress=False)
            )
        out[backend] = {
            "model_id": emb.model_id,
            "load_s": round(load_s, 2),
            "query_embed_ms": round(q_ms, 2),
            "batch_texts_per_s": round(len(texts) / batch_s, 1),
            "cosine_to_torch_mean": round(float((vectors * reference).sum(axis=1).mean()), 4),
            "cosine_to_torch_min": round(float((vectors * reference).sum(axis=1).min()), 4),
            "accuracy": m["accuracy"],
            "answerable_correct": m["answerable_correct"],
            "recall@5": m["recall@5"],
            "ask_p50_ms": m["latency_p50_ms"],
        }
    out["chosen"] = settings.embed_backend
    return out


def bench_scale(
    settings: Settings,
    embedder,
    questions: Path,
    sizes: tuple[int, ...],
    work_dir: Path,
    progress: bool = True,
) -> dict:
    """Synthetic corpora of `sizes` chunks (see synthetic.py): build time, warm ask p50/p95,
    its ratio to the query-embedding floor, and recall@5 / accuracy of the eval questions.
    Document vectors are cached in `work_dir`/embeddings between runs (said in the output)."""
    import shutil

    from .chain import Pipeline
    from .embed_cache import CachedEmbedder
    from .evaluation.cases import load_cases
    from .evaluation.runner import CocomSystem, run_cases, summarize
    from .index import build_index
    from .synthetic import make_corpus

    cases = load_cases(questions)
    cached = CachedEmbedder(embedder, work_dir / "embeddings")
    out: dict = {"embedding_cache": str(cached.folder)}
    for n in sizes:
        root = work_dir / f"scale-{n}"
        s = replace(settings, corpus_dir=root / "corpus", index_dir=root / "index", chroma_url="")
        t = time.perf_counter()
        make_corpus(settings.corpus_dir, s.corpus_dir, n, settings)
        generate_s = time.perf_counter() - t
        hits, misses = cached.hits, cached.misses
        report = build_index(s, cached, rebuild=True, progress=progress)
        cached.flush()
        embedder.clear_query_cache()  # every question is embedded afresh at each size
        pipeline = Pipeline(s, embedder).warm_up()
        floor_ms = query_floor_ms(embedder, [c.question for c in cases])
        m = summarize(
            run_cases(CocomSystem(pipeline), cases, pipeline.index.articles, progress=False)
        )
        out[str(n)] = {
            "chunks": report.chunks,
            "articles": report.articles,
            "generate_s": round(generate_s, 1),
            "index_build_s": round(report.seconds, 1),
            "embed_s": round(report.timings.get("embed", 0.0), 1),
            "vectors_from_cache": cached.hits - hits,
            "vectors_embedded_now": cached.misses - misses,
            "ask_p50_ms": m["latency_p50_ms"],
            "ask_p95_ms": m["latency_p95_ms"],
            "retrieve_p50_ms": m["retrieve_p50_ms"],
            "answer_p50_ms": m["answer_p50_ms"],
            "floor_query_embed_ms": round(floor_ms, 2),
            "ask_p50_ratio": round(m["latency_p50_ms"] / floor_ms, 2),
            "recall@5": m["recall@5"],
            "accuracy": m["accuracy"],
            "answerable_correct": m["answerable_correct"],
            "abstain_recall": m["abstain_recall"],
        }
        pipeline = None  # let this size's index go before the next, larger one is built
        shutil.rmtree(root, ignore_errors=True)  # the vectors stay cached; the index is rebuilt
    out["note"] = (
        "synthetic articles recombine real sentences with names and figures swapped (see "
        "rag/synthetic.py); the five real articles "
        "are kept in, so the eval questions keep their gold articles. Document vectors come "
        f"from the embedding cache when present ({cached.folder}); build times then exclude "
        "most embedding work."
    )
    return out


# --- ingest: work per article must grow linearly with its length ---------------------------


def synthetic_article(megabytes: float, kind: str, corpus_dir: Path) -> str:
    """A news page of about `megabytes` MB built from the real articles' paragraphs, each made
    distinct by a running number: .txt with many paragraphs, or .html with as many sibling
    <p> elements."""
    from .corpus import load_corpus

    corpus = load_corpus(corpus_dir, max_bytes=5 * 1024 * 1024)
    paragraphs = [p for a in corpus.articles for p in a.paragraphs if len(p) > 40]
    want = int(megabytes * 1024 * 1024)
    out, size, i = [], 0, 0
    while size < want:
        p = f"{paragraphs[i % len(paragraphs)]} (Item {i}.)"
        out.append(p)
        size += len(p.encode()) + (9 if kind == "html" else 2)
        i += 1
    title = "Long synthetic article about co-commissioning"
    if kind == "html":
        from html import escape

        body = "".join(f"<p>{escape(p)}</p>" for p in out)
        return (
            f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>"
        )
    return title + "\n\n" + "\n\n".join(out) + "\n"


def bench_ingest(settings: Settings, sizes_mb: tuple[float, ...] = (1, 2, 4)) -> dict:
    """Seconds per MB to parse, chunk (with definite mentions) and extract quotes and
    sentences from one article of 1, 2 and 4 MB, as .txt and as .html. Linear work keeps the
    seconds per MB flat as the article grows."""
    from .chunking import chunk_article
    from .corpus import PARSERS
    from .index import _sentence_rows
    from .quote_index import build_quotes

    out: dict = {}
    for kind in ("txt", "html"):
        rows: dict = {}
        for mb in sizes_mb:
            raw = synthetic_article(mb, kind, settings.corpus_dir)
            t0 = time.perf_counter()
            article = PARSERS["." + kind](raw, f"synthetic-{kind}-{mb}")
            t1 = time.perf_counter()
            chunks = chunk_article(
                article, size=settings.chunk_size, overlap=settings.chunk_overlap_sentences
            )
            t2 = time.perf_counter()
            build_quotes([article])
            t3 = time.perf_counter()
            _sentence_rows(chunks)
            t4 = time.perf_counter()
            real_mb = len(raw.encode()) / (1024 * 1024)
            rows[f"{mb:g} MB"] = {
                "paragraphs": len(article.paragraphs),
                "parse_s": round(t1 - t0, 2),
                "chunk_s": round(t2 - t1, 2),
                "quotes_s": round(t3 - t2, 2),
                "sentences_s": round(t4 - t3, 2),
                "s_per_mb": round((t4 - t0) / real_mb, 2),
            }
        per_mb = [r["s_per_mb"] for r in rows.values()]
        rows["growth"] = round(per_mb[-1] / per_mb[0], 2) if per_mb[0] else None
        out[kind] = rows
    out["note"] = "growth = s/MB at the largest size over s/MB at the smallest; ~1 is linear"
    return out
