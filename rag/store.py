"""Where an index generation keeps its vectors: an embedded Chroma `PersistentClient`
(default) or a Chroma server through `chromadb.HttpClient` (`--chroma-url`). The rest of a
generation (chunks, BM25, manifest) is plain files beside it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from .errors import CocomError, UserError


def _chroma_settings():
    import chromadb.config

    return chromadb.config.Settings(anonymized_telemetry=False, allow_reset=False)


def open_client(chroma_url: str, path: Path | None):
    import chromadb

    if chroma_url:
        u = urlparse(chroma_url)
        if u.scheme not in {"http", "https"} or not u.hostname:
            raise UserError(f"--chroma-url must look like http://HOST:PORT; it is {chroma_url!r}")
        try:
            return chromadb.HttpClient(
                host=u.hostname,
                port=u.port or (443 if u.scheme == "https" else 8000),
                ssl=u.scheme == "https",
                settings=_chroma_settings(),
            )
        except Exception as exc:  # connection refused, wrong server, ...
            raise CocomError(
                f"cannot reach the Chroma server at {chroma_url} ({exc}) — start it with "
                "`chroma run --path DIR --host HOST --port PORT` or drop --chroma-url"
            ) from exc
    assert path is not None
    return chromadb.PersistentClient(path=str(path), settings=_chroma_settings())


def create_collection(client, name: str):
    # embedding_function=None: vectors always come from cocom's own embedder; Chroma's
    # default function would try to download a model.
    return client.create_collection(
        name=name, metadata={"hnsw:space": "cosine"}, embedding_function=None
    )


def write_vectors(
    collection, ids: list[str], vectors: np.ndarray, texts: list[str], metas: list[dict]
) -> None:
    batch = min(2000, collection._client.get_max_batch_size())
    for i in range(0, len(ids), batch):
        collection.upsert(
            ids=ids[i : i + batch],
            embeddings=vectors[i : i + batch],
            documents=texts[i : i + batch],
            metadatas=metas[i : i + batch],
        )


class VectorStore:
    """Read side: a langchain-chroma `Chroma` over an existing collection."""

    def __init__(self, client, name: str, embedder) -> None:
        from langchain_chroma import Chroma

        client.get_collection(name=name, embedding_function=None)  # raises if missing
        self.langchain = Chroma(
            client=client,
            collection_name=name,
            embedding_function=embedder,
            create_collection_if_not_exists=False,
        )

    def query(self, vector: np.ndarray, n: int, kinds: tuple[str, ...]) -> list[tuple[str, float]]:
        """Top-n chunk ids with cosine similarity (1 - cosine distance)."""
        where = {"kind": kinds[0]} if len(kinds) == 1 else {"kind": {"$in": list(kinds)}}
        pairs = self.langchain.similarity_search_by_vector_with_relevance_scores(
            vector.tolist(), k=n, filter=where
        )
        return [(doc.id, 1.0 - float(dist)) for doc, dist in pairs]
