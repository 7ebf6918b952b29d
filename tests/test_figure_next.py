"""A figure stated in the sentence after the one naming what is asked about answers with it:
"Dr X, a single-handed GP in Y, will close … She told the paper that her 2,400 patients would
…". Articles written for this test, indexed with the real model."""

import pytest

from rag.qtypes import analyse, holds

ECHO = """Single-handed GP to retire as no buyer is found for her practice

Dr Ann Hale, a single-handed GP in Wexley, will close her practice at the end of March after deciding to retire from general practice after 31 years.

She told the Wexley Echo on Friday that her 2,400 patients had been sent letters.

The local commissioners said they were writing to every household with a list of nearby surgeries.
"""

GAZETTE = """Surgery merger approved by commissioners

Two practices in Tenbury will merge in the summer, the clinical commissioning group has confirmed.

The merged practice will have 14 GPs and will look after patients from both sites.
"""


@pytest.mark.unit
def test_a_practices_list_size_counts_its_patients():
    q = analyse("Roughly how many patients are registered with the Foundry practice?")
    assert holds(
        "It has a list size of around 30,000 and runs three sites.", q.wants, "", q.counted
    )
    assert holds("Its patient list of 4,500 will be dispersed.", q.wants, "", q.counted)
    # a list of other things is not a list of patients
    assert not holds("A list of 12 practices was published.", q.wants, "", q.counted)


@pytest.mark.integration
def test_the_figure_in_the_next_sentence_answers(written):
    p = written({"echo-hale.txt": ECHO, "gazette-tenbury.txt": GAZETTE})
    q = "How many patients does single-handed GP Dr Ann Hale have at her practice in Wexley that will close?"
    ans = p.ask(q)
    assert not ans.abstained and "2,400 patients" in ans.answer
    # the sentence naming her comes first, so the reader sees whose patients they are
    assert ans.answer.index("Dr Ann Hale") < ans.answer.index("2,400")
    p.answerer.disabled = frozenset({"figure_next"})  # without the rule: not covered
    assert p.ask(q).abstained
