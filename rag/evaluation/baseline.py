"""The vanilla LangChain recipe, scored side by side with cocom: the raw article files split by
`RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)`, embedded with the same
MiniLM into an in-memory Chroma, top-4 similarity search, and the answer is the top passage
(cited [1]). No cleaning, no comment handling, no abstention: what a first tutorial builds."""

from __future__ import annotations

import time
from pathlib import Path

from ..corpus import candidate_files
from ..models import Answer, Citation


class _Uncached:
    """The same model without cocom's query cache, so the baseline pays for its own embeddings."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts):
        return self.embedder.embed_batch(list(texts), "document").tolist()

    def embed_query(self, text):
        return self.embedder.embed_batch([text], "query")[0].tolist()


class VanillaBaseline:
    def __init__(self, corpus_dir: Path, embedder, k: int = 4) -> None:
        from langchain_chroma import Chroma
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        from ..store import _chroma_settings

        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        texts, metas = [], []
        for path in candidate_files(corpus_dir):
            try:
                raw = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            for piece in splitter.split_text(raw):
                texts.append(piece)
                metas.append({"article_id": path.stem, "title": path.stem})
        import chromadb

        client = chromadb.EphemeralClient(settings=_chroma_settings())
        name = f"baseline-{time.time_ns()}"
        self.store = Chroma.from_texts(
            texts, _Uncached(embedder), metadatas=metas, client=client, collection_name=name
        )
        self.k = k
        self.embedder = embedder

    def search(self, question: str, k: int | None = None) -> list:
        return self.store.similarity_search(question, k=k or self.k)

    def ask(self, question: str, history=None) -> Answer:
        t = time.perf_counter()
        docs = self.search(question)
        top = docs[0]
        cite = Citation(
            1,
            top.metadata["article_id"],
            top.metadata["title"],
            "article",
            top.page_content,
            top.id or "",
            0,
            top.page_content,
        )
        ms = (time.perf_counter() - t) * 1000
        return Answer(
            question,
            question,
            f"{top.page_content} [1]",
            False,
            [cite],
            timings_ms={"retrieve": round(ms, 2), "answer": 0.0, "total": round(ms, 2)},
        )
