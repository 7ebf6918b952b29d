"""'Who runs X?' and 'Who is the landlord of X?' are answered by an organisation as often as by a
person: "Private provider Ashby Care CIC runs Dene Community practice". Articles written for
this test, indexed with the real model."""

import pytest

PAGE = """Two Wexley practices to close

Four practices in Wexley are to close after the CCG decided not to renew their contracts; one said talks with its landlord had failed.

Private provider Ashby Care CIC runs Dene Community practice in central Wexley, which looks after 7,000 patients.

The branch at Fenby was a small surgery rented from Homewell, a housing association, and is used by a handful of patients.
"""


@pytest.mark.integration
def test_who_runs_and_who_is_the_landlord_may_be_organisations(written):
    p = written({"echo-wexley.txt": PAGE})
    runs = "Who runs Dene Community practice in Wexley?"
    landlord = "Who is the landlord of the Fenby branch surgery?"
    ans = p.ask(runs)
    assert not ans.abstained and "Ashby Care CIC" in ans.answer
    ans = p.ask(landlord)
    assert not ans.abstained and "Homewell" in ans.answer
    p.answerer.disabled = frozenset({"org_holds"})  # without the rule: nobody holds the role
    assert p.ask(runs).abstained and p.ask(landlord).abstained
