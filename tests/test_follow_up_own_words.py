"""A follow-up's sentences are scored against its own words: the previous question it carries
along picks the passages, not the sentence that answers. Articles written for this test,
indexed with the real model."""

import pytest

PAGE = """Services to come to an end at Ash Road Surgery

Dene Clinical Commissioning Group (CCG), the organisation that plans and pays for health services in Bedworth, has decided to close Ash Road Surgery in Bedworth when its contract ends.

The CCG said the decision followed a review of every GP contract in the area and a public consultation.

Ash Road Surgery has a current patient list size of 2,635 people, the CCG said.
"""

HISTORY = [
    {"role": "user", "content": "Which Bedworth GP surgery is Dene CCG closing?"},
    {"role": "assistant", "content": "Ash Road Surgery, when its contract ends."},
]


@pytest.mark.integration
def test_a_follow_up_is_answered_by_the_sentence_matching_its_own_words(written):
    p = written({"dene-ash-road.txt": PAGE})
    q = "And how many patients are on its list?"
    ans = p.ask(q, HISTORY)
    assert not ans.abstained and "2,635" in ans.answer
    p.answerer.disabled = frozenset({"own_words"})
    assert "2,635" not in p.ask(q, HISTORY).answer
