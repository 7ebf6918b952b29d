"""Synthetic corpora for the scale benchmark.

The real articles are copied in unchanged (so the eval questions keep their gold articles),
then generated articles are added until the index would hold `n_chunks` chunks. Generated
articles recombine whole sentences of the real articles (body sentences into the body, comment
sentences into comments), each with its proper names and figures swapped: "NHS Basildon and
Brentwood CCG" becomes "NHS Ashcombe and Norford CCG", "Dr Brian Balmer" becomes "Dr Brian
Thornley", "6%" becomes "4%". That is what a newsroom's archive looks like around a story:
the same vocabulary and kinds of facts about other places and people. Sentences without a name
or figure to swap are left out, so no real sentence is ever repeated verbatim. Sentences come
from a pool of about n_chunks/3 (reused across articles, as wire copy is), which keeps the
number of distinct sentences to embed proportionate. Deterministic for a seed, so an embedding
cache stays valid between runs."""

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

# capitalised words that are ordinary words or institutions, not names to swap
_KEEP = frozenset(
    """The A An And But Or If In On At Of For To By With From As He She It They We I You His Her
    Their Its This That These Those There Here What Which Who When Why How Dr Mr Mrs Ms Professor
    Prof Sir NHS England English UK British Britain Government Department Health Care Clinical
    Commissioning Group Groups Council County Trust Fund Secretary Chair Chairman Chief Executive
    January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday Local Medical Committee Committees General
    Practice Practitioners Primary Secondary Social Services Board Governing Pulse Exclusive
    Read Readers Unsuitable Report Comment Comments""".split()
)
_NAME = re.compile(r"(?<=[\s(-])([A-Z][a-z]{2,}(?:['’]s)?)\b")
_FIGURE = re.compile(r"\d+")
_PARTS = (
    "Ash Brad Carl Dun El Fair Glen Hart Ken Lang Mar Nor Old Pen Red Stan Thorn Wal West York "
    "Bel Cran Dal Hol Kings Lin Mill Oak Rock Sand"
).split()
_ENDS = "bury combe field ford ham ley mouth ton wick worth dale well brook gate".split()


def _fake_name(rng: random.Random) -> str:
    return rng.choice(_PARTS) + rng.choice(_ENDS)


def _swap(sentence: str, rng: random.Random) -> str | None:
    """The sentence with its names and figures swapped, or None when it has neither."""
    names: dict[str, str] = {}

    def name(m: re.Match) -> str:
        word = m.group(1)
        base = re.sub(r"['’]s$", "", word)
        if base in _KEEP:
            return word
        names.setdefault(base, _fake_name(rng))
        return names[base] + word[len(base) :]

    out = _NAME.sub(name, sentence)  # not a sentence's first word: "These", "Third", ...
    figures = 0

    def figure(m: re.Match) -> str:
        nonlocal figures
        figures += 1
        digits = m.group(0)
        first = str(rng.randint(1, 9)) if len(digits) > 1 or digits != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    out = _FIGURE.sub(figure, out)
    return out if (names or figures) and out != sentence else None


def _pool(sentences: list[str], size: int, rng: random.Random) -> list[str]:
    swappable = [s for s in sentences if len(s.split()) >= 6]
    out: list[str] = []
    attempts = 0
    while len(out) < size and swappable and attempts < size * 20:
        attempts += 1
        swapped = _swap(rng.choice(swappable), rng)
        if swapped is not None:
            out.append(swapped)
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
    rng = random.Random(seed)
    body = _pool(
        [s for a in real.articles for p in a.paragraphs for s in split_sentences(p)],
        max(2000, n_chunks // 3),
        rng,
    )
    comments = _pool(
        [s for a in real.articles for c in a.comments for s in split_sentences(c)],
        max(500, n_chunks // 20),
        rng,
    )
    titles = [a.title for a in real.articles]
    n = 0
    while total < n_chunks:
        n += 1
        article_id = f"synthetic-{seed}-{n:06d}"
        title = _swap(rng.choice(titles), rng) or f"{_fake_name(rng)} CCG plans"
        paragraphs = [
            " ".join(rng.choice(body) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(5, 9))
        ]
        text = (
            f"---\ntitle: {json.dumps(title)}\npublication: Synthetic\n"
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
