"""A reader comment is shown beside "the articles don't cover that" only when it would pass the
bar an article sentence is held to: a comment holding no date is no answer to "When …?", however
close its words are. Articles written for this test, indexed with the real model."""

import pytest

PAGE = """# Wexley practices to merge in the spring

Two practices in Wexley will merge in the spring, the CCG has confirmed.

The merged practice will look after 11,000 patients from two sites.

## Readers' comments (2)

- The CCG approved the Wexley practice merger without asking a single patient in Wexley what they thought of the merger.

- {second}
"""
DATED = "The CCG approved the Wexley practice merger on 3 March 2015, and patients heard in June."
UNDATED = "Patients only found out much later that the merger had gone through at all."


@pytest.mark.integration
@pytest.mark.parametrize("second", [DATED, UNDATED])
def test_a_comment_holding_no_date_is_not_shown_for_a_when_question(written, second):
    p = written({"echo-wexley.md": PAGE.format(second=second)})
    # in a one-page collection the comments' words are close enough only when trusted outright:
    # what is tested is the bar each comment must pass besides
    p.answerer.p_answerable = lambda evidence: 1.0
    ans = p.ask("When did the CCG approve the Wexley practice merger?")
    assert ans.abstained and "without asking" not in ans.answer
    if second == DATED:
        assert "anonymous reader comment" in ans.answer and "3 March 2015" in ans.answer
    else:
        assert not ans.citations and "reader comment" not in ans.answer
