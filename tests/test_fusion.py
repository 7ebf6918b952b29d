"""Weighted fusion of the dense and BM25 rankings: Settings.dense_weight decides which wins."""

from __future__ import annotations

import pytest

from rag.errors import UserError
from rag.models import Chunk
from rag.retriever import HybridRetriever
from rag.settings import Settings

pytestmark = pytest.mark.unit


def _chunk(cid: str) -> Chunk:
    return Chunk(cid, "a", "A headline", "article", 0, 0, 10, f"passage {cid}")


def _order(weight: float) -> list[str]:
    r = HybridRetriever(index=None, embedder=None, fusion="weighted", dense_weight=weight)
    near, shared = _chunk("near-in-meaning"), _chunk("same-words")
    # one passage close in meaning with few of the words, one with the words and less close
    dense = [(near, 0.80), (shared, 0.55)]
    lexical = [(shared, 12.0), (near, 3.0)]
    return [h.chunk.id for h in r.fuse(dense, lexical)]


def test_the_dense_weight_decides_between_meaning_and_words():
    assert _order(0.9)[0] == "near-in-meaning"
    assert _order(0.3)[0] == "same-words"


def test_the_pipeline_fuses_with_the_settings_dense_weight(settings, fake_embedder):
    from dataclasses import replace

    from rag.chain import Pipeline
    from rag.index import build_index

    build_index(settings, fake_embedder)
    p = Pipeline(replace(settings, dense_weight=0.25), fake_embedder).load()
    assert p.retriever.dense_weight == 0.25


@pytest.mark.parametrize("weight", [-0.1, 1.5])
def test_a_dense_weight_outside_0_to_1_is_refused(weight):
    with pytest.raises(UserError, match="dense_weight must be between 0 and 1"):
        Settings(dense_weight=weight)
