"""Paragraph- and sentence-aware chunking.

A chunk never crosses a paragraph (or comment) boundary and never cuts a sentence; a long
paragraph becomes several chunks of whole sentences up to `chunk_size` characters, the next
starting with the last `overlap` sentences of the previous. Chunk ids are content hashes, so
re-indexing the same text upserts instead of duplicating."""

from __future__ import annotations

import hashlib

from .mentions import Named, referents
from .models import Article, Chunk, Kind
from .sentences import Span, split_spans

CHUNKER_VERSION = "para-sent-2"  # 2: definite mentions ("the CCG") carry their referent


def chunk_id(article_id: str, kind: str, title: str, text: str, context: str = "") -> str:
    key = f"{article_id}\x1f{kind}\x1f{title}\x1f{text}" + (f"\x1f{context}" if context else "")
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _windows(spans: list[Span], size: int, overlap: int) -> list[tuple[int, int]]:
    """Group consecutive sentences into windows of at most `size` characters."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        j = i + 1
        while j < len(spans) and spans[j].end - spans[i].start <= size:
            j += 1
        out.append((i, j))
        if j >= len(spans):
            break
        i = max(i + 1, j - overlap)
    return out


def _chunks_of(text: str, base: int, **kw) -> list[tuple[int, int, str]]:
    spans = split_spans(text) or ([Span(0, len(text), text)] if text.strip() else [])
    pieces = []
    for a, b in _windows(spans, kw["size"], kw["overlap"]):
        s, e = spans[a].start, spans[b - 1].end
        pieces.append((base + s, base + e, text[s:e]))
    return pieces


def chunk_article(article: Article, *, size: int, overlap: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    seen: set[str] = set()

    def add(kind: Kind, paragraph: int, start: int, end: int, text: str, context: str = "") -> None:
        cid = chunk_id(article.id, kind, article.title, text, context)
        if cid in seen:  # the same passage twice in one article is indexed once
            return
        seen.add(cid)
        chunks.append(
            Chunk(cid, article.id, article.title, kind, paragraph, start, end, text, context)
        )

    text = article.text  # joined once: every offset points into it
    named = Named(text)
    for p, (block, base) in enumerate(zip(article.blocks, article.block_starts(), strict=True)):
        for s, e, t in _chunks_of(block, base, size=size, overlap=overlap):
            add("article", p, s, e, t, "; ".join(referents(text, s, e, named)))
    for c, comment in enumerate(article.comments):
        for s, e, t in _chunks_of(comment, 0, size=size, overlap=overlap):
            add("comment", c, s, e, t)
    return chunks


def embedding_text(chunk: Chunk) -> str:
    """What the embedder and BM25 see: the passage with its headline and the organisations
    it mentions only as "the CCG", for context."""
    context = f"{chunk.context}\n" if chunk.context else ""
    return f"{chunk.title}\n{context}{chunk.text}"
