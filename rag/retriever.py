"""Hybrid retrieval as a LangChain `BaseRetriever`: dense (Chroma) + BM25, fused.

Fusion is reciprocal rank fusion by default (`fusion="rrf"`); `fusion="weighted"` sums the
cosine similarity and the max-normalised BM25 score. Both were measured on the eval questions
(see README, "Retrieval"). Reader comments are excluded unless `include_comments`."""

from __future__ import annotations

import time
from collections.abc import Set as AbstractSet
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from .errors import UserError
from .models import Hit


class HybridRetriever(BaseRetriever):
    index: Any
    embedder: Any
    k: int = 5
    fusion: str = "rrf"
    rrf_k: int = 60
    candidates: int = 30
    dense_weight: float = 0.1  # Settings.dense_weight, fitted
    include_comments: bool = False
    use_dense: bool = True
    use_lexical: bool = True

    model_config = ConfigDict(arbitrary_types_allowed=True)

    def search(
        self,
        query: str,
        k: int | None = None,
        include_comments: bool | None = None,
        query_vector: np.ndarray | None = None,
        timings: dict | None = None,
        kinds: tuple[str, ...] | None = None,
        articles: AbstractSet[str] = frozenset(),
    ) -> list[Hit]:
        """`articles`: search only these articles' passages ("…, according to the editorial")."""
        k = self.k if k is None else k
        if k <= 0:
            raise UserError(f"k must be greater than 0. Currently, k is {k}")
        if kinds is None:
            comments = self.include_comments if include_comments is None else include_comments
            kinds = ("article", "comment") if comments else ("article",)
        n = max(self.candidates, k)
        t = time.perf_counter()
        dense: list = []
        if self.use_dense:
            vec = (
                query_vector
                if query_vector is not None
                else self.embedder.embed_query_vector(query)
            )
            t_embed = time.perf_counter()
            dense = self.index.dense(vec, n, kinds, articles)
        else:
            t_embed = t
        t_dense = time.perf_counter()
        lexical = self.index.lexical(query, n, kinds, articles) if self.use_lexical else []
        t_lex = time.perf_counter()
        if timings is not None:
            if query_vector is None:
                timings["embed_query"] = (t_embed - t) * 1000
            timings["dense"] = (t_dense - t_embed) * 1000
            timings["bm25"] = (t_lex - t_dense) * 1000
        return self.fuse(dense, lexical)[:k]

    def fuse(self, dense: list, lexical: list) -> list[Hit]:
        d_score = {c.id: s for c, s in dense}
        l_score = {c.id: s for c, s in lexical}
        chunks = {c.id: c for c, _ in dense + lexical}
        if self.fusion == "rrf":
            fused: dict[str, float] = {}
            for ranked in (dense, lexical):
                for rank, (c, _) in enumerate(ranked):
                    fused[c.id] = fused.get(c.id, 0.0) + 1.0 / (self.rrf_k + rank + 1)
        else:
            top_l = max(l_score.values(), default=0.0) or 1.0
            fused = {
                cid: self.dense_weight * d_score.get(cid, 0.0)
                + (1 - self.dense_weight) * l_score.get(cid, 0.0) / top_l
                for cid in chunks
            }
        order = sorted(fused, key=lambda cid: (-fused[cid], cid))
        return [Hit(chunks[c], fused[c], d_score.get(c), l_score.get(c)) for c in order]

    def _get_relevant_documents(
        self,
        query: str,
        *,
        run_manager: CallbackManagerForRetrieverRun,
        k: int | None = None,
        include_comments: bool | None = None,
    ) -> list[Document]:
        return [
            Document(
                page_content=h.chunk.text,
                id=h.chunk.id,
                metadata={**h.chunk.metadata(), "score": h.score, "chunk_id": h.chunk.id},
            )
            for h in self.search(query, k=k, include_comments=include_comments)
        ]
