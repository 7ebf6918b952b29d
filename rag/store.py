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


HNSW_SEARCH_EF = 256


def create_collection(client, name: str):
    # embedding_function=None: vectors always come from cocom's own embedder; Chroma's
    # default function would try to download a model.
    # search_ef well above the candidates asked for (Settings.candidates, 30): Chroma's default
    # (10) gave approximate neighbours that changed once the index was synced to disk, so a
    # question's passages, and an eval's numbers, could differ between the first and later runs
    return client.create_collection(
        name=name,
        metadata={"hnsw:space": "cosine", "hnsw:search_ef": HNSW_SEARCH_EF},
        embedding_function=None,
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
    """Read side: a langchain-chroma `Chroma` over an existing collection (the LangChain
    vector-store interface), plus the raw collection for the ranked-ids hot path."""

    def __init__(self, client, name: str, embedder) -> None:
        from langchain_chroma import Chroma

        # raises if missing; kept for the hot path, which needs ids and distances only
        self.collection = client.get_collection(name=name, embedding_function=None)
        self.size = self.collection.count()  # a generation never changes once written
        self.langchain = Chroma(
            client=client,
            collection_name=name,
            embedding_function=embedder,
            create_collection_if_not_exists=False,
        )

    def query(self, vector: np.ndarray, n: int) -> list[tuple[str, float]]:
        """Top-n chunk ids with cosine similarity (1 - cosine distance), of every kind.
        Two costs dominate on 2 cores and are avoided: Chroma's metadata filter (about 30 ms
        per 10k chunks, against 3 ms without; `Index.dense` keeps the kinds itself) and
        fetching the documents (5-10 ms; cocom has every chunk's text already)."""
        n = min(n, self.size)
        if n <= 0:
            return []
        res = self.collection.query(
            query_embeddings=[vector.tolist()], n_results=n, include=["distances"]
        )
        return [
            (cid, 1.0 - float(d)) for cid, d in zip(res["ids"][0], res["distances"][0], strict=True)
        ]
