"""The sentence after the best match joins the answer when it holds words of the question the
best match lacks ("How many … in the South?": "However, just four in the South …" after the
national figure). Articles written for this test, indexed with the real model."""

import pytest

GAZETTE = """Most CCGs to take on GP commissioning

NHS England has approved 110 clinical commissioning groups to take on delegated commissioning of GP services from April.

However, the South West had just four.

The approved clinical commissioning groups will hold GP budgets worth £2bn between them.

NHS England said further clinical commissioning groups could be approved for delegated commissioning next year.

The remaining groups will keep joint arrangements with NHS England for at least another year.
"""

ECHO = """Surgery merger approved by commissioners

Two practices in Tenbury will merge in the summer, the clinical commissioning group has confirmed.

The merged practice will have 14 GPs and will look after patients from both sites.
"""


@pytest.mark.integration
def test_the_next_sentence_joins_when_it_holds_what_the_best_match_lacks(written):
    p = written({"gazette-ccgs.txt": GAZETTE, "echo-tenbury.txt": ECHO})
    p.answerer.abstain_threshold = 0.0
    q = "How many clinical commissioning groups in the South West did NHS England approve for delegated commissioning?"
    ans = p.ask(q)
    assert "110 clinical commissioning groups" in ans.answer and "just four" in ans.answer, (
        ans.answer
    )
    p.answerer.disabled = frozenset({"next_adds"})
    assert "just four" not in p.ask(q).answer
