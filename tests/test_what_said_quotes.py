"""'What did X say about T?': up to three of X's quotes on T, not two (a journalist checking
what someone said wants each thing they said on it). Article written for this test, indexed
with the real model."""

import pytest

PAGE = """Practice closure angers patients

Patients of the Elm Row Surgery in Dene have been told the practice will close in June.

Practice manager Jo Bloggs said: “The closure of the surgery is a blow to every patient we have looked after for forty years.”

She added: “The closure leaves the village with no doctor of its own, and the bus to town runs twice a day.”

Ms Bloggs said: “We asked the board to delay the closure until the new health centre opens, and it refused.”

The board said the building no longer met the standards for a surgery.
"""


@pytest.mark.integration
def test_what_x_said_on_a_topic_brings_up_to_three_of_their_quotes(written):
    p = written({"echo-elm-row.txt": PAGE})
    ans = p.ask("What did Jo Bloggs say about the closure of the surgery?")
    assert not ans.abstained
    said = [
        "blow to every patient",
        "no doctor of its own",
        "delay the closure until the new health centre opens",
    ]
    assert all(s in ans.answer for s in said), ans.answer
