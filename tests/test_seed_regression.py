"""The five seed pages parse exactly as before the general ingestion rules (issue 21): the same
title, standfirst, byline, paragraphs, comments and metadata, pinned by a digest per article.
A change to any of them fails here; if it is intended, say why in the commit that updates it."""

import hashlib
import json

import pytest

from rag.corpus import load_corpus

from .conftest import CORPUS

pytestmark = pytest.mark.unit

# article id -> (paragraph count, first 16 hex digits of the sha256 of its parsed fields)
SEEDS = {
    "apms-deals-drive-gps-from-gms": (16, "2069ee48940273a5"),
    "basildon-apms-frightening-proposals": (18, "925fb2d398920558"),
    "somerset-pooled-budgets": (15, "b01abb035002bb80"),
    "tectonic-shift-editorial": (11, "ceb48e4653fbc41c"),
    "third-of-ccgs-police-gp-contracts": (16, "22d4049adcb72134"),
}
FIELDS = ("title", "standfirst", "byline", "paragraphs", "comments", "metadata")


def _digest(article) -> str:
    d = article.to_dict()
    key = json.dumps({f: d[f] for f in FIELDS}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def test_seed_articles_parse_exactly_as_before():
    corpus = load_corpus(CORPUS, max_bytes=5_000_000)
    assert not corpus.skipped
    got = {a.id: (len(a.paragraphs), _digest(a)) for a in corpus.articles}
    assert got == SEEDS
    assert sum(len(a.comments) for a in corpus.articles) == 28
