"""The ONNX backends against the torch (sentence-transformers) reference on the real corpus."""

from __future__ import annotations

import numpy as np
import pytest

from rag.settings import MODEL_ID, Settings

from .conftest import MODEL_CACHE

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def texts():
    from rag.chunking import chunk_article
    from rag.corpus import load_corpus

    from .conftest import CORPUS

    corpus = load_corpus(CORPUS, max_bytes=5_000_000)
    return [c.text for a in corpus.articles for c in chunk_article(a, size=600, overlap=1)]


@pytest.fixture(scope="module")
def reference(texts):
    from rag.embeddings import make_embedder

    return make_embedder(Settings(embed_backend="torch")).embed_batch(texts, "document")


def test_onnx_gives_the_torch_vectors(texts, reference):
    from rag.embeddings import make_embedder

    onnx = make_embedder(Settings(embed_backend="onnx", cache_dir=MODEL_CACHE))
    vectors = onnx.embed_batch(texts, "document")
    cos = (vectors * reference).sum(axis=1)
    assert onnx.model_id == MODEL_ID  # same vectors, so indexes are interchangeable
    assert cos.min() > 0.9999, cos.min()
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # a batch and single texts agree (padding must not leak into the mean)
    single = np.stack([onnx.embed_batch([t], "query")[0] for t in texts[:5]])
    assert np.abs(single - vectors[:5]).max() < 1e-4


def test_int8_is_close_but_kept_apart(texts, reference, settings):
    from rag.embeddings import make_embedder
    from rag.errors import IndexMismatchError
    from rag.index import Index, build_index

    int8 = make_embedder(Settings(embed_backend="onnx-int8", cache_dir=MODEL_CACHE))
    cos = (int8.embed_batch(texts, "document") * reference).sum(axis=1)
    assert 0.85 < cos.mean() < 0.9999
    assert int8.model_id != MODEL_ID
    # an index built with int8 vectors is refused by the float model, with the fix named
    build_index(settings, int8, progress=False)
    onnx = make_embedder(Settings(embed_backend="onnx", cache_dir=MODEL_CACHE))
    with pytest.raises(IndexMismatchError, match="--rebuild"):
        Index.open(settings, onnx)


def test_unwritable_cache_is_a_clear_error(tmp_path):
    from rag.embeddings import make_embedder
    from rag.errors import CocomError

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    emb = make_embedder(Settings(embed_backend="onnx", cache_dir=blocker))
    with pytest.raises(CocomError, match="COCOM_CACHE_DIR"):
        emb.embed_batch(["x"], "query")
