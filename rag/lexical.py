"""BM25 over the same chunks as the vector store, with bm25s (sparse matrices, fast).

The tokenizer lower-cases, keeps numbers with their signs ("15%", "£200m", "2015/16"),
drops English stop words and stems words with the Snowball English stemmer, so "CCGs"
matches "CCG" and "combining" matches "combine"."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")

_TOKEN = re.compile(r"£?\d+(?:[.,/]\d+)*%?m?|[a-z]+(?:['’][a-z]+)?")
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said say says""".split()
)
# words that shape a question but are not its content ("what percentage", "according to")
QUESTION_WORDS = frozenset(
    """percentage percent proportion share fraction much many according article articles editorial
    coverage due kind type sort number figure amount size tell explain describe mention mentioned
    report reported reports happen happened happening meant supposed""".split()
)


@lru_cache(maxsize=65536)
def normalize_token(tok: str) -> str:
    tok = tok.replace("’", "'")
    if tok.endswith("'s"):
        tok = tok[:-2]
    if not tok[:1].isalpha():
        return tok
    if len(tok) >= 3 and tok.endswith("s") and not tok.endswith("ss"):
        tok = tok[:-1]  # acronym plurals the stemmer leaves alone: "gps" -> "gp", "ccgs" -> "ccg"
    return _STEMMER.stemWord(tok)


_NEGATION = ("n't", "n’t")


def tokenize(text: str) -> list[str]:
    return [
        normalize_token(t)
        for t in _TOKEN.findall(text.lower())
        if t not in STOP_WORDS
        and (len(t) > 1 or t.isdigit())
        and not t.endswith(_NEGATION)  # "didn't", "doesn’t": grammar, not a word to find
    ]


class BM25Index:
    def __init__(self, retriever) -> None:
        self._bm25 = retriever

    @classmethod
    def build(cls, texts: list[str]) -> BM25Index:
        import bm25s

        retriever = bm25s.BM25()
        retriever.index([tokenize(t) or ["\x00empty"] for t in texts], show_progress=False)
        return cls(retriever)

    def save(self, path: Path) -> None:
        self._bm25.save(str(path), show_progress=False)

    @classmethod
    def load(cls, path: Path) -> BM25Index:
        import bm25s

        return cls(bm25s.BM25.load(str(path), show_progress=False, verbosity=0))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk, in index order (zeros when no query term is known)."""
        tokens = tokenize(query)
        vocab = self._bm25.vocab_dict
        known = [t for t in tokens if t in vocab]
        n = self._bm25.scores["num_docs"]
        if not known:
            return np.zeros(n, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)
