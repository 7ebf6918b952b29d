"""Synthetic corpora for the scale benchmark.

The real articles are copied in unchanged (so the eval questions keep their gold articles),
then generated articles are added until the index would hold `n_chunks` chunks. A generated
sentence splices two real sentences: the first part of one and the second part of another,
cut at word boundaries. The vocabulary, topics, names and sentence shapes are the real
corpus's, which makes the distractors hard, but no generated sentence repeats a real sentence
in full. Quotation marks are dropped so no half-quote is invented. Each generated article has
a spliced title, 5–9 paragraphs of 1–3 sentences drawn from a pool of spliced sentences
(reused across articles, as wire copy is) and 0–3 reader comments. Generation is
deterministic for a seed, so an embedding cache stays valid between runs."""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

from .chunking import chunk_article
from .corpus import load_corpus
from .parse import parse_markdown
from .sentences import split_sentences
from .settings import Settings

_QUOTES = re.compile(r"[\"“”]|(?<!\w)['‘’]|['‘’](?!\w)")


def _splice(rng: random.Random, pool: list[list[str]]) -> str:
    a, b = rng.choice(pool), rng.choice(pool)
    head = a[: rng.randint(max(2, len(a) // 3), max(2, 2 * len(a) // 3))]
    tail = b[rng.randint(max(1, len(b) // 3), max(1, 2 * len(b) // 3)) :]
    text = " ".join(head + tail).rstrip(",;:")
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _words(sentences: list[str]) -> list[list[str]]:
    out = []
    for s in sentences:
        words = _QUOTES.sub("", s).split()
        if len(words) >= 6:
            out.append(words)
    return out


def make_corpus(real_dir: Path, out_dir: Path, n_chunks: int, settings: Settings, seed: int = 7):
    """Write the real articles plus generated ones into `out_dir` (replaced); return
    (articles, chunks) counted with the index's own parser and chunker."""
    real = load_corpus(real_dir, max_bytes=settings.max_file_bytes)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    for name in real.files.values():
        shutil.copy2(real_dir / name, out_dir / name)

    def chunks_of(article) -> int:
        return len(
            chunk_article(
                article, size=settings.chunk_size, overlap=settings.chunk_overlap_sentences
            )
        )

    total = sum(chunks_of(a) for a in real.articles)
    body = _words([s for a in real.articles for p in a.paragraphs for s in split_sentences(p)])
    comments = _words([s for a in real.articles for c in a.comments for s in split_sentences(c)])
    titles = _words([a.title + "." for a in real.articles]) or body
    rng = random.Random(seed)
    # a fixed pool of spliced sentences, reused across articles as wire copy is: it keeps the
    # sentence vectors to embed at about a third of the chunk count
    body = [_splice(rng, body) for _ in range(max(2000, n_chunks // 3))]
    comments = [_splice(rng, comments) for _ in range(max(500, n_chunks // 20))] if comments else []
    n = 0
    while total < n_chunks:
        n += 1
        article_id = f"synthetic-{seed}-{n:06d}"
        paragraphs = [
            " ".join(rng.choice(body) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(5, 9))
        ]
        text = (
            f"---\ntitle: {json.dumps(_splice(rng, titles).rstrip('.'))}\npublication: Synthetic\n"
            f"date: 2015-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n---\n\n"
            + "\n\n".join(paragraphs)
        )
        n_comments = rng.randint(0, 3) if comments else 0
        if n_comments:
            text += f"\n\nReaders' comments ({n_comments})\n\n" + "\n\n".join(
                "  • " + " ".join(rng.choice(comments) for _ in range(rng.randint(1, 2)))
                for _ in range(n_comments)
            )
        total += chunks_of(parse_markdown(text + "\n", article_id))
        (out_dir / f"{article_id}.md").write_text(text + "\n", encoding="utf-8")
    return len(real.articles) + n, total
