"""A figure asked of one financial year ("the 2024/25 contract") is not another year's: an
article that dates its figures by financial years must name the one asked about ("2017/2018"
is "2017/18"); an article naming none may still answer. Articles written for this test, indexed
with the real model."""

import pytest

OLD = """PMS review letters sent to practices

In 2014/15 the out of hours opt-out adjustment used by area teams is £4.02 per weighted patient, the letters to Dene practices say.
"""

NEW = """Delegated commissioning grows

In 2017/2018, 174 CCGs agreed to have delegated commissioning arrangements, 60 more than in 2016/17.
"""


@pytest.mark.integration
def test_a_figure_of_another_financial_year_is_no_answer(written):
    # another page names 2017/18, as a collection's pages do
    plans = (
        "Plans for 2017/18\n\nThe CCG published its plans for 2017/18 in March. The payment "
        "for 2024/25 has not been agreed.\n"
    )
    p = written({"echo-pms.txt": OLD, "echo-delegated.txt": NEW, "echo-plans.txt": plans})
    q = "What is the payment per weighted patient in the 2024/25 contract?"
    assert p.ask(q).abstained
    ans = p.ask("How many CCGs had delegated commissioning arrangements in 2017/18?")
    assert not ans.abstained and "174" in ans.answer
    p.answerer.disabled = frozenset({"financial_year"})
    assert not p.ask(q).abstained  # without the rule: 2014/15's figure answers
