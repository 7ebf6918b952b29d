"""A persistent embedding cache for benchmarks: vectors stored by (model, text) hash in shards
under a folder, so a 100k-chunk synthetic corpus is embedded once, not on every `cocom bench`.
Shards are written atomically every `flush_every` new vectors; an interrupted run keeps what it
had finished. The index itself never depends on this cache."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

from .embeddings import Embedder, InputType


class CachedEmbedder(Embedder):
    def __init__(self, inner: Embedder, folder: Path, flush_every: int = 4096) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dimension = inner.dimension
        self.folder = Path(folder) / hashlib.sha256(inner.model_id.encode()).hexdigest()[:12]
        self.flush_every = flush_every
        self.hits = 0
        self.misses = 0
        self._known: dict[str, np.ndarray] = {}
        self._pending: dict[str, np.ndarray] = {}
        self._loaded = False

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        for shard in sorted(self.folder.glob("shard-*.npz")):
            try:
                with np.load(shard) as data:
                    self._known.update(zip(data["keys"].tolist(), data["vectors"], strict=True))
            except (OSError, ValueError, KeyError):
                continue  # a damaged shard only costs re-embedding its texts

    def embed_batch(self, texts: list[str], input_type: InputType) -> np.ndarray:
        if input_type == "query":
            return self.inner.embed_batch(texts, input_type)
        self._load()
        keys = [self.key(t) for t in texts]
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        missing = []
        for i, k in enumerate(keys):
            v = self._known.get(k)
            if v is None:
                missing.append(i)
            else:
                out[i] = v
        if missing:
            fresh = self.inner.embed_batch([texts[i] for i in missing], input_type)
            for i, v in zip(missing, fresh, strict=True):
                out[i] = v
                self._known[keys[i]] = v
                self._pending[keys[i]] = v
            if len(self._pending) >= self.flush_every:
                self.flush()
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        return out

    def embed_query_vector(self, text: str) -> np.ndarray:
        return self.inner.embed_query_vector(text)

    def flush(self) -> None:
        if not self._pending:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        n = len(list(self.folder.glob("shard-*.npz")))
        path = self.folder / f"shard-{n:05d}-{os.getpid()}.npz"
        tmp = self.folder / f"partial-{path.name}"  # not matched by shard-*.npz
        np.savez(
            tmp,
            keys=np.array(list(self._pending)),
            vectors=np.stack(list(self._pending.values())).astype(np.float32),
        )
        os.replace(tmp, path)
        self._pending.clear()

    def warm_up(self) -> None:
        self.inner.warm_up()
