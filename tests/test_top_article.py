"""Every passage of the best passage's article is a candidate: the answer may sit in a passage
of that page that ranks below other pages' passages on the question's words (here, with one
passage retrieved, below none at all). Articles written for this test, indexed with the real
model."""

import pytest

LONG = """Fenby surgery partners hand back their GP contract

The partners at Fenby Surgery have handed back their GP contract to the integrated care board after failing to recruit enough doctors to keep the surgery open.

The integrated care board said it would look for a new provider to take on the contract.

Local councillors said they would press the board to keep a surgery in the village, and a public meeting is planned for next month at the village hall.

Fenby Surgery, whose partners handed back the contract, has 12,480 patients registered.
"""

OTHER = """Arden surgery to stay open

Arden Surgery will stay open after two new partners joined, the practice has said.
"""


@pytest.mark.integration
def test_the_answer_may_sit_in_a_lower_passage_of_the_best_passages_article(written):
    p = written({"echo-fenby.txt": LONG, "echo-arden.txt": OTHER})
    q = (
        "How many patients are registered at Fenby Surgery, whose partners handed back their GP "
        "contract to the integrated care board after failing to recruit enough doctors?"
    )
    ans = p.ask(q, k=1)
    assert not ans.abstained and "12,480" in ans.answer
    assert {c.article_id for c in ans.citations} == {"echo-fenby"}
    p.answerer.disabled = frozenset({"top_article"})  # without the rule: not found
    assert "12,480" not in p.ask(q, k=1).answer
