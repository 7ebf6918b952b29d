""" "What did X say about T?" when none of X's quotes is on T: a sentence reporting X's view on T
answers, also when it reports it without a speech verb ("does not think", "is concerned").
Articles written for this test."""

import pytest

HERALD = """Doubts over promised Fenby surgery

Councillors have questioned whether a promised GP surgery for the new Fenby estate will ever be built.

Independent councillor Ann Pike, who represents Fenby, does not think the new surgery will open, because the health money has gone to a super-surgery in the town centre.

Cllr Pike said: “The bus service to the town centre has been cut twice this year and that is a disgrace.”

The CCG said it had no plans for a surgery on the estate.
"""


@pytest.mark.integration
def test_a_view_reported_without_a_speech_verb_answers(written):
    p = written({"herald-fenby-surgery.txt": HERALD})
    ans = p.ask("What did Ann Pike say about the promised surgery in Fenby?")
    assert not ans.abstained, ans.notes
    assert "does not think the new surgery will open" in ans.answer
