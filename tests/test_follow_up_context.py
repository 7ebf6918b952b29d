"""A follow-up carries the previous question along as context; the names in that context are
the user's words, which may not be the articles' ("Suffolk Coastal PCT" for "Suffolk Coastal
Primary Care Trust"), so only the names the follow-up itself asks about can make it "not
covered". Articles written for this test, indexed with the real model."""

import pytest

PAGE = """Village branch surgery to be axed

Suffolk Coastal Primary Care Trust board approved plans to close the Westleton Village Hall branch surgery, which is run by Leiston GPs.

The GPs will continue to run a more modern branch surgery at Yoxford.

Patients were told about the change in a letter last month.
"""

HISTORY = [
    {
        "role": "user",
        "content": "Which village branch surgery did Suffolk Coastal PCT agree to close?",
    },
    {
        "role": "assistant",
        "content": "Westleton Village Hall branch surgery, run by the Leiston GPs.",
    },
]


@pytest.mark.integration
def test_a_name_only_in_the_previous_question_does_not_make_a_follow_up_not_covered(written):
    p = written({"eadt-westleton.txt": PAGE})
    ans = p.ask("And where will the Leiston GPs keep running a branch surgery?", HISTORY)
    assert not ans.abstained and "Yoxford" in ans.answer
    # a name the follow-up itself asks about, which no article uses, still does
    miss = p.ask("And where will the Dunwich GPs keep running a branch surgery?", HISTORY)
    assert miss.abstained
