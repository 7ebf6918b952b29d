"""A sentence that opens a list ("… the following options:") brings the list's items, bulleted
or lettered, into the answer. Articles written for this test, indexed with the real model."""

import pytest

COUNCIL = """Future of Millbrook branch surgery

The scrutiny panel heard a report on the branch surgery in Millbrook, which has 1,900 patients.

The commissioners have set out the following options for the branch surgery:

• closing the branch and moving its patients to the main site in Harford

• keeping the branch open two days a week

• handing the branch to a neighbouring practice

The panel will meet again in March to hear the outcome of a public consultation.
"""

MINUTES = """Primary care committee minutes

The committee considered an options appraisal which recommended the following three options;

a.

Dispersal of the practice list

b.

Procurement of the practice as a main site

c.

Procurement of the practice as a branch site

Members asked for a further report on the costs of each option.
"""


@pytest.mark.integration
def test_a_sentence_opening_a_list_brings_its_items(written):
    p = written({"council-millbrook.txt": COUNCIL, "minutes-options.txt": MINUTES})
    p.answerer.abstain_threshold = 0.0
    ans = p.ask("What options have the commissioners set out for the Millbrook branch surgery?")
    for item in ("closing the branch", "two days a week", "neighbouring practice"):
        assert item in ans.answer, ans.answer
    # lettered items whose letters stand apart: the items, not the bare letters
    ans = p.ask("Which three options did the options appraisal recommend?")
    for item in ("Dispersal of the practice list", "main site", "branch site"):
        assert item in ans.answer, ans.answer
    p.answerer.disabled = frozenset({"list_items"})
    assert (
        "branch site"
        not in p.ask("Which three options did the options appraisal recommend?").answer
    )
