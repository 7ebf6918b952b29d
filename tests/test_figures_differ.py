"""Two articles giving different figures for the same thing: both are given, said to differ.
Two articles written for this test, indexed with the real model."""

import pytest

from rag.answer import _near_but_not_equal
from rag.qtypes import facts, number_value

HSJ = """Sixty-four CCGs approved for delegated commissioning

NHS England has approved 64 clinical commissioning groups to take on delegated commissioning of GP services from April, it said today.

The CCGs will hold GP contracts and manage their member practices' budgets from the new financial year.
"""

PULSE = """Full list of CCGs taking over GP contracts revealed

NHS England chief executive Simon Stevens said that 65 CCGs had been approved to take on delegated commissioning of GP services from April.

He told a conference in London that more CCGs would follow in the next round of applications.
"""


@pytest.mark.unit
def test_figure_values_and_closeness():
    assert number_value("Sixty-four") == number_value("64") == "64"
    assert number_value("£1.5m") == "1.5"
    assert _near_but_not_equal("64", "65")
    assert not _near_but_not_equal("52", "64")  # another wave, not a disagreement
    assert not _near_but_not_equal("64", "64")
    assert facts("In 2015-16, 63 CCGs took forward full delegation.", "number", ("ccg",)) == ["63"]


@pytest.mark.integration
def test_two_articles_that_differ_are_both_given(tmp_path, real_embedder):
    from rag.chain import Pipeline
    from rag.index import build_index
    from rag.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hsj-64.txt").write_text(HSJ)
    (corpus / "pulse-65.txt").write_text(PULSE)
    s = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    build_index(s, real_embedder, progress=False)
    p = Pipeline(s, real_embedder).load()
    ans = p.ask("How many CCGs were approved to take on delegated commissioning of GP services?")
    assert ans.answer.startswith("The articles differ:")
    assert "64" in ans.answer and "65" in ans.answer
    assert {c.article_id for c in ans.citations} == {"hsj-64", "pulse-65"}
    # one article's figure alone is no disagreement
    p.answerer.disabled = frozenset({"figures_differ"})
    assert not p.ask(
        "How many CCGs were approved to take on delegated commissioning of GP services?"
    ).answer.startswith("The articles differ:")
