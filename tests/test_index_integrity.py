"""`cocom index` checks the generation it keeps: a damaged index is rebuilt, never called up to
date; partial generations left by a killed build are removed."""

import logging
import os

import pytest

from rag.index import Index, build_index, current_generation, read_manifest

pytestmark = pytest.mark.unit


def _damage_sqlite(path, where):
    """Overwrite 16 KB of the file with random bytes, from `where` (a fraction of its size)."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(int(size * where) // 4096 * 4096)
        fh.write(os.urandom(16384))


def _works(settings, emb):
    ix = Index.open(settings, emb)
    assert ix.vectors.query(emb.embed_batch(["pooled budgets"], "query")[0], 3)
    return ix


def _damaged_then_rebuilt(settings, emb, caplog):
    with caplog.at_level(logging.WARNING):
        report = build_index(settings, emb, progress=False)
    assert not report.up_to_date and report.damaged
    assert any("damaged" in r.message and "rebuilding" in r.message for r in caplog.records)
    assert report.embedded == report.chunks  # nothing of the damaged generation is reused
    _works(settings, emb)
    again = build_index(settings, emb, progress=False)
    assert again.up_to_date and not again.damaged
    return report


@pytest.mark.parametrize("where", [0.0, 0.3, 0.6, 0.9])
def test_overwritten_chroma_sqlite_is_rebuilt(settings, fake_embedder, caplog, where):
    build_index(settings, fake_embedder, progress=False)
    gen = current_generation(settings.index_dir)
    _damage_sqlite(gen / "chroma" / "chroma.sqlite3", where)
    report = _damaged_then_rebuilt(settings, fake_embedder, caplog)
    assert "chroma.sqlite3" in report.damaged
    assert not gen.exists()  # the damaged generation is not kept as a fallback


@pytest.mark.parametrize("name", ["embeddings.npy", "chunks.jsonl", "quotes.jsonl", "bm25"])
def test_truncated_generation_file_is_rebuilt(settings, fake_embedder, caplog, name):
    build_index(settings, fake_embedder, progress=False)
    gen = current_generation(settings.index_dir)
    path = gen / name
    if path.is_dir():
        path = sorted(p for p in path.rglob("*") if p.is_file() and p.stat().st_size > 10)[0]
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    report = _damaged_then_rebuilt(settings, fake_embedder, caplog)
    assert path.name in report.damaged


def test_same_size_change_is_caught_by_the_hash(settings, fake_embedder, caplog):
    build_index(settings, fake_embedder, progress=False)
    gen = current_generation(settings.index_dir)
    path = gen / "chunks.jsonl"
    text = path.read_text()
    path.write_text(text.replace("CCG", "XYZ", 1))
    report = _damaged_then_rebuilt(settings, fake_embedder, caplog)
    assert "changed since it was built" in report.damaged


def test_an_intact_index_is_up_to_date_and_records_its_files(settings, fake_embedder):
    build_index(settings, fake_embedder, progress=False)
    _works(settings, fake_embedder)  # opening and querying does not count as damage
    report = build_index(settings, fake_embedder, progress=False)
    assert report.up_to_date and not report.damaged
    manifest = read_manifest(current_generation(settings.index_dir))
    assert {"chunks.jsonl", "embeddings.npy", "articles.json"} <= set(manifest["integrity"])


def test_partial_generations_are_removed_at_the_next_build(settings, fake_embedder):
    build_index(settings, fake_embedder, progress=False)
    live = current_generation(settings.index_dir)
    partial = settings.index_dir / "gen-1-999999"
    (partial / "chroma").mkdir(parents=True)
    (partial / "chunks.jsonl").write_text("{}\n")
    report = build_index(settings, fake_embedder, progress=False)
    assert report.up_to_date
    assert not partial.exists() and live.exists()
