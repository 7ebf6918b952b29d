"""The benchmark plumbing (numbers are printed by `cocom bench`, never asserted on time): the
synthetic scale corpus, the embedding cache between runs, and the promised JSON keys."""

from __future__ import annotations

import json

import pytest

from .conftest import CORPUS, ROOT

pytestmark = pytest.mark.unit


def test_synthetic_corpus_keeps_the_real_articles_and_repeats_no_real_sentence(tmp_path, settings):
    from rag.corpus import load_corpus
    from rag.sentences import split_sentences
    from rag.synthetic import make_corpus

    out = tmp_path / "syn"
    articles, chunks = make_corpus(CORPUS, out, 600, settings)
    assert 600 <= chunks < 640
    for real in CORPUS.iterdir():
        assert (out / real.name).read_bytes() == real.read_bytes()
    corpus = load_corpus(out, max_bytes=5_000_000)
    assert len(corpus.articles) == articles and not corpus.skipped
    real = load_corpus(CORPUS, max_bytes=5_000_000)
    real_sentences = {s for a in real.articles for p in a.paragraphs for s in split_sentences(p)}
    synthetic = [a for a in corpus.articles if a.id.startswith("synthetic-")]
    generated = {s for a in synthetic for p in a.paragraphs for s in split_sentences(p)}
    assert generated and not generated & real_sentences
    # deterministic for a seed: the embedding cache stays valid between runs
    again = tmp_path / "again"
    make_corpus(CORPUS, again, 600, settings)
    assert sorted(p.read_bytes() for p in out.iterdir()) == sorted(
        p.read_bytes() for p in again.iterdir()
    )


def test_embedding_cache_serves_a_second_run_and_survives_a_damaged_shard(tmp_path, fake_embedder):
    from rag.embed_cache import CachedEmbedder

    texts = [f"passage number {i} about pooled budgets" for i in range(50)]
    first = CachedEmbedder(fake_embedder, tmp_path, flush_every=20)
    a = first.embed_batch(texts, "document")
    first.flush()
    assert (first.hits, first.misses) == (0, 50)
    second = CachedEmbedder(fake_embedder, tmp_path)
    b = second.embed_batch(texts, "document")
    assert (second.hits, second.misses) == (50, 0)
    assert (a == b).all()
    shards = sorted(second.folder.glob("shard-*.npz"))
    shards[0].write_bytes(b"not an npz")
    third = CachedEmbedder(fake_embedder, tmp_path)
    c = third.embed_batch(texts, "document")
    assert third.misses > 0 and (c == a).all()


def test_scale_bench_reports_each_size_and_reuses_vectors(tmp_path, settings, fake_embedder):
    from rag.bench import bench_scale

    questions = tmp_path / "q.jsonl"
    lines = (ROOT / "evals" / "questions.jsonl").read_text().splitlines()[:6]
    questions.write_text("\n".join(lines) + "\n")
    run = bench_scale(
        settings, fake_embedder, questions, (300,), tmp_path / "bench", progress=False
    )
    row = run["300"]
    assert row["chunks"] >= 300 and row["vectors_embedded_now"] > 0
    for key in ("ask_p50_ms", "ask_p95_ms", "ask_p50_ratio", "recall@5", "accuracy"):
        assert row[key] is not None, key
    again = bench_scale(
        settings, fake_embedder, questions, (300,), tmp_path / "bench", progress=False
    )
    assert again["300"]["vectors_embedded_now"] == 0
    assert again["300"]["vectors_from_cache"] > 0
    assert "cache" in again["note"]
    assert not (tmp_path / "bench" / "scale-300").exists()  # big indexes are not left behind


def test_bench_json_has_the_promised_keys(settings, fake_embedder, capsys, monkeypatch):
    from rag import bench
    from rag.cli import main
    from rag.index import build_index

    build_index(settings, fake_embedder, progress=False)
    monkeypatch.setattr("rag.cli._embedder", lambda s: fake_embedder)
    out = settings.index_dir.parent / "bench.json"
    assert main(["bench", "ask", "--json", "--out", str(out)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(out.read_text())
    for key in (*bench.FLAT, "scale", "concurrency", "machine"):
        assert key in printed, key
    assert printed["ask_p50_ms"] > 0 and printed["floor_query_embed_ms"] > 0
    assert printed["ask_p50_ratio"] == printed["ask"]["ask_p50_ratio"]
