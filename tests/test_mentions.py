"""Definite mentions ("the CCG") carry the organisation they refer to into the index."""

import pytest

from rag.chunking import chunk_article, embedding_text
from rag.lexical import BM25Index
from rag.mentions import referents
from rag.models import Article

pytestmark = pytest.mark.unit

ARTICLE = Article(
    "wessex-plans",
    "Commissioners weigh new contracts",
    "A CCG wants practices to share a budget.",
    "",
    (
        "NHS Wessex Vale CCG has published its plans, and Dorchester LMC has responded.",
        "The CCG would pay for this by merging two enhanced service budgets.",
        "The LMC said it had not been consulted.",
        "A national survey found that a CCG board rarely has a GP majority.",
        "Meanwhile NHS Tamar CCG said the CCG plans there were on hold.",
    ),
)


def _span(article: Article, block: int) -> tuple[int, int]:
    start = article.block_starts()[block]
    return start, start + len(article.blocks[block])


def test_the_ccg_refers_to_the_last_ccg_named_before_it():
    assert referents(ARTICLE.text, *_span(ARTICLE, 2)) == ["NHS Wessex Vale CCG"]
    assert referents(ARTICLE.text, *_span(ARTICLE, 3)) == ["Dorchester LMC"]


def test_a_ledes_indefinite_mention_is_the_organisation_named_later():
    assert referents(ARTICLE.text, *_span(ARTICLE, 0)) == ["NHS Wessex Vale CCG"]


def test_generic_and_already_named_mentions_add_nothing():
    # "a CCG board" after CCGs were named is any CCG; "the CCG" named in its own passage
    assert referents(ARTICLE.text, *_span(ARTICLE, 4)) == []
    assert referents(ARTICLE.text, *_span(ARTICLE, 5)) == []
    assert referents("The CCG met on Monday.", 0, 22) == []  # nothing named: nothing added


def test_chunks_are_searchable_by_the_name_they_only_imply():
    chunks = chunk_article(ARTICLE, size=400, overlap=0)
    funding = next(c for c in chunks if c.text.startswith("The CCG would pay"))
    assert funding.context == "NHS Wessex Vale CCG"
    assert funding.context in embedding_text(funding) and funding.context not in funding.text
    bm25 = BM25Index.build([embedding_text(c) for c in chunks])
    scores = bm25.scores("How would Wessex Vale pay for it?")
    assert chunks[int(scores.argmax())].id == funding.id


def test_a_chunks_id_changes_with_its_context():
    other = Article(
        ARTICLE.id, ARTICLE.title, "", "", ("NHS Exe CCG met.",) + ARTICLE.paragraphs[1:]
    )
    a = next(c for c in chunk_article(ARTICLE, size=400, overlap=0) if c.text.startswith("The CCG"))
    b = next(c for c in chunk_article(other, size=400, overlap=0) if c.text.startswith("The CCG"))
    assert a.text == b.text and a.context != b.context and a.id != b.id
