"""Index build, incremental updates, atomic swap, refusal of mismatched indexes, the lock."""

from dataclasses import replace

import numpy as np
import pytest

from rag import index as index_mod
from rag.embeddings import HashingEmbedder
from rag.errors import IndexLockedError, IndexMismatchError, IndexMissingError, NoArticlesError
from rag.index import BuildLock, Index, build_index, index_is_stale

pytestmark = pytest.mark.unit


def _ids(ix, article_id=None):
    return {c.id for c in ix.chunks if article_id is None or c.article_id == article_id}


def test_build_counts_and_manifest(settings, fake_embedder):
    report = build_index(settings, fake_embedder, progress=False)
    assert (report.articles, report.comments) == (5, 28)
    ix = Index.open(settings, fake_embedder)
    m = ix.manifest
    assert m["embedding"] == {"model": "fake/hashing-bow", "dimension": 384, "normalized": True}
    assert m["chunker"]["chunk_size"] == settings.chunk_size
    assert set(m["files"]) == set(ix.articles) and all(
        len(f["sha256"]) == 64 for f in m["files"].values()
    )
    assert m["counts"]["chunks"] == len(ix.chunks) == report.chunks
    assert m["counts"]["comment_chunks"] >= 28
    assert {"chromadb", "sentence-transformers", "langchain-core", "bm25s"} <= set(m["versions"])
    assert len(_ids(ix)) == len(ix.chunks)  # ids unique


def test_rebuild_is_idempotent_and_second_run_is_a_no_op(settings, fake_embedder):
    first = build_index(settings, fake_embedder, progress=False)
    ids = _ids(Index.open(settings, fake_embedder))
    again = build_index(settings, fake_embedder, progress=False)
    assert again.up_to_date and again.generation == first.generation
    rebuilt = build_index(settings, fake_embedder, rebuild=True, progress=False)
    assert rebuilt.generation != first.generation and rebuilt.embedded == len(ids)
    assert _ids(Index.open(settings, fake_embedder)) == ids  # content-hash ids: no duplicates
    # the generation a running server may still read is kept; older ones are removed
    assert {p.name for p in settings.index_dir.glob("gen-*")} == {
        first.generation,
        rebuilt.generation,
    }


def test_edit_one_article_changes_only_its_chunks(settings, fake_embedder):
    build_index(settings, fake_embedder, progress=False)
    before = Index.open(settings, fake_embedder)
    path = settings.corpus_dir / "somerset-pooled-budgets.txt"
    path.write_text(
        path.read_text().replace("£200m efficiency savings", "£300m efficiency savings")
    )
    assert index_is_stale(settings) == "somerset-pooled-budgets.txt changed"
    report = build_index(settings, fake_embedder, progress=False)
    assert report.changed == ["somerset-pooled-budgets"] and report.unchanged == 4
    assert report.embedded == 1  # only the edited passage is embedded again
    after = Index.open(settings, fake_embedder)
    for aid in before.articles:
        if aid != "somerset-pooled-budgets":
            assert _ids(before, aid) == _ids(after, aid)
    changed = _ids(before, "somerset-pooled-budgets") ^ _ids(after, "somerset-pooled-budgets")
    assert len(changed) == 2  # one old chunk out, one new in
    assert any("£300m" in c.text for c in after.chunks)
    assert not any("£200m efficiency" in c.text for c in after.chunks)


def test_remove_and_add_articles(settings, fake_embedder):
    build_index(settings, fake_embedder, progress=False)
    (settings.corpus_dir / "tectonic-shift-editorial.txt").unlink()
    (settings.corpus_dir / "leeds.txt").write_text(
        "Leeds practices vote on federation\n\nGPs in Leeds voted on a federation.\n\nMore.\n"
    )
    report = build_index(settings, fake_embedder, progress=False)
    assert report.removed == ["tectonic-shift-editorial"] and report.added == ["leeds"]
    ix = Index.open(settings, fake_embedder)
    assert "tectonic-shift-editorial" not in ix.articles
    assert not any(c.article_id == "tectonic-shift-editorial" for c in ix.chunks)
    hits = ix.dense(fake_embedder.embed_query_vector("tectonic earthquake"), 50, ("article",))
    assert all(c.article_id != "tectonic-shift-editorial" for c, _ in hits)


def test_failure_mid_build_leaves_previous_index_usable(settings, fake_embedder, monkeypatch):
    build_index(settings, fake_embedder, progress=False)
    good = Index.open(settings, fake_embedder)
    query = fake_embedder.embed_query_vector("Somerset pooled budget")
    expected = [c.id for c, _ in good.dense(query, 5, ("article",))]

    (settings.corpus_dir / "somerset-pooled-budgets.txt").write_text(
        "Changed title\n\nSomething else entirely happened here today.\n\nMore.\n"
    )

    def boom(*a, **k):
        raise RuntimeError("disk full (injected)")

    monkeypatch.setattr(index_mod.store, "write_vectors", boom)
    with pytest.raises(RuntimeError, match="injected"):
        build_index(settings, fake_embedder, progress=False)
    assert len(list(settings.index_dir.glob("gen-*"))) == 1  # the half-written one is gone
    reopened = Index.open(settings, fake_embedder)
    assert [c.id for c, _ in reopened.dense(query, 5, ("article",))] == expected
    monkeypatch.undo()
    report = build_index(settings, fake_embedder, progress=False)
    assert report.changed == ["somerset-pooled-budgets"]


def test_index_built_with_another_model_is_refused(settings, fake_embedder):
    build_index(settings, fake_embedder, progress=False)
    other = HashingEmbedder(dimension=128)
    other.model_id = "another/model"
    with pytest.raises(IndexMismatchError, match=r"embedding model .*cocom index --rebuild"):
        Index.open(settings, other)
    with pytest.raises(IndexMismatchError, match="cocom index --rebuild"):
        build_index(settings, other, progress=False)
    assert build_index(settings, other, rebuild=True, progress=False).chunks > 0


def test_other_chunker_settings_are_refused(settings, fake_embedder):
    build_index(settings, fake_embedder, progress=False)
    with pytest.raises(IndexMismatchError, match="chunker settings"):
        Index.open(replace(settings, chunk_size=300), fake_embedder)


def test_missing_index_says_how_to_build(settings, fake_embedder):
    with pytest.raises(IndexMissingError, match="run `cocom index`"):
        Index.open(settings, fake_embedder)


def test_second_build_is_refused_while_one_runs(settings, fake_embedder):
    with BuildLock(settings.index_dir):
        with pytest.raises(IndexLockedError, match="already running"):
            build_index(settings, fake_embedder, progress=False)
    build_index(settings, fake_embedder, progress=False)  # free again afterwards


def test_no_articles_is_an_error(tmp_path, fake_embedder, settings):
    empty = tmp_path / "empty-corpus"
    empty.mkdir()
    (empty / "bad.txt").write_text("")
    with pytest.raises(NoArticlesError, match="no article could be indexed"):
        build_index(replace(settings, corpus_dir=empty), fake_embedder, progress=False)


def test_comments_are_excluded_unless_asked(settings, fake_embedder):
    build_index(settings, fake_embedder, progress=False)
    ix = Index.open(settings, fake_embedder)
    q = "CCGs led by GPs is an illusion window dressing managers"
    assert all(
        c.kind == "article"
        for c, _ in ix.dense(fake_embedder.embed_query_vector(q), 10, ("article",))
    )
    assert all(c.kind == "article" for c, _ in ix.lexical(q, 10, ("article",)))
    top, _ = ix.lexical(q, 1, ("article", "comment"))[0]
    assert top.kind == "comment"


def test_dense_matches_brute_force(settings, fake_embedder):
    build_index(settings, fake_embedder, progress=False)
    ix = Index.open(settings, fake_embedder)
    emb = np.asarray(ix.embeddings)
    mask = ix.kind_mask(("article",))
    for q in ["APMS contract Basildon", "QOF Somerset pooled", "performance management GPC"]:
        v = fake_embedder.embed_query_vector(q)
        sims = np.where(mask, emb @ v, -9)
        expected = [ix.chunks[i].id for i in np.argsort(-sims)[:5]]
        assert [c.id for c, _ in ix.dense(v, 5, ("article",))] == expected


def test_an_added_copy_never_displaces_the_indexed_original(settings, fake_embedder):
    build_index(settings, fake_embedder, progress=False)
    original = settings.corpus_dir / "somerset-pooled-budgets.txt"
    (settings.corpus_dir / "aaa-copy.txt").write_bytes(original.read_bytes())  # sorts first
    report = build_index(settings, fake_embedder, progress=False)
    assert [s.to_dict() for s in report.skipped] == [
        {"file": "aaa-copy.txt", "reason": "exact duplicate of somerset-pooled-budgets.txt"}
    ]
    assert (
        report.embedded == 0
        and "somerset-pooled-budgets" in Index.open(settings, fake_embedder).articles
    )
    assert index_is_stale(settings) == ""  # the skipped copy is recorded: no stale warning
    assert build_index(settings, fake_embedder, progress=False).up_to_date


@pytest.mark.parametrize("kinds", [("article",), ("comment",), ("article", "comment")])
def test_dense_search_of_a_kind_matches_exact_cosine(settings, fake_embedder, kinds):
    """Chroma is asked without a metadata filter; the kinds are kept afterwards, and when too
    few of the asked-for kind are near the query the exact search takes over. Either way the
    result is the true top-n of that kind."""
    import numpy as np

    build_index(settings, fake_embedder, progress=False)
    ix = Index.open(settings, fake_embedder)
    for question in ("Somerset pooled budget", "frightening yacht club", "GP contract APMS"):
        q = fake_embedder.embed_query_vector(question)
        got = ix.dense(q, 10, kinds)
        scores = np.asarray(ix.embeddings @ q)
        exact = sorted(
            (float(scores[i]) for i, c in enumerate(ix.chunks) if c.kind in kinds), reverse=True
        )
        assert all(c.kind in kinds for c, _ in got)
        # compared by score: chunks with equal cosine may come in either order
        assert np.allclose([s for _, s in got], exact[:10], atol=1e-5), (question, kinds)


def test_chroma_searches_well_beyond_the_candidates_asked_for(settings, fake_embedder):
    """Chroma's default search_ef (10) is below the 30 candidates retrieval asks for: its
    approximate neighbours changed once the index was synced to disk, and with them answers."""
    build_index(settings, fake_embedder, progress=False)
    idx = Index.open(settings, fake_embedder)
    meta = idx.vectors.collection.metadata
    assert meta["hnsw:search_ef"] >= 4 * settings.candidates
