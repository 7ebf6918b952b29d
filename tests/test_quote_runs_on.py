"""A quotation introduced by "X said:" and still open after its first paragraph (the news
layout that opens each paragraph of a long quote with a new mark and closes only the last) brings
its next paragraph into the answer: the fact asked about is often the quote's second sentence.
Articles written for this test, indexed with the real model."""

import pytest

GAZETTE = """Patients moved to two practices after surgery closes

Patients of the Mill Street Surgery will be moved to two nearby practices after the surgery closed on Friday.

Jo Bloggs, managing partner for Riverside Surgery, said:

“We were one of two practices which offered help when the commissioners asked who had room for more patients.

“We have the staff and the rooms to look after every patient sent to us without cutting appointments for our own.”

Ms Bloggs said Riverside Surgery would take on the Mill Street patients in stages over the summer.

Ms Bloggs added that Mill Street patients taken on by Riverside could keep their repeat prescriptions.

The other practice, Castle Gate Medical Centre, will take the remaining patients.
"""


@pytest.mark.integration
def test_an_open_quotation_brings_its_next_sentence(written):
    p = written({"gazette-mill-street.txt": GAZETTE})
    p.answerer.abstain_threshold = 0.0
    q = "What did Riverside Surgery's managing partner say?"
    ans = p.ask(q)
    assert "offered help" in ans.answer and "without cutting appointments" in ans.answer, ans.answer
    assert ans.answer.index("offered help") < ans.answer.index("without cutting appointments")
    p.answerer.disabled = frozenset({"quote_runs_on"})
    assert "without cutting appointments" not in p.ask(q).answer
