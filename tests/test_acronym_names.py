"""A name in the question given by its acronym ("Esk Valley CCG") is named by an article that
spells the acronym out once ("Esk Valley Clinical Commissioning Group (CCG)"), and "Who runs X
that did Y?" asks for the holder of a role at X. Articles written for this test."""

import pytest

from rag.acronyms import defined_acronyms, name_terms

MERCURY = """Two surgeries closed by court order

Two doctors' surgeries in Dunmouth, with more than 3,000 registered patients, closed yesterday after a court order.

Dr Priya Natt, chief executive of the Hartmoor and Esk Valley Clinical Commissioning Group (CCG), assured patients that their care remained a priority.

Patients have been told to register with the Quayside practice, which has agreed to take them on.
"""

COURIER = """Practice merger approved in Tenbury

Two practices in Tenbury will merge in the summer, the local medical committee has confirmed.

Dr Sam Okoro, chair of Tenbury LMC, said the merged practice would keep both sites open.
"""


@pytest.mark.unit
def test_an_article_defines_the_acronyms_it_spells_out():
    assert defined_acronyms(
        "the Hartmoor and Esk Valley Clinical Commissioning Group (CCG) said"
    ) == {"ccg": ["Clinical", "Commissioning", "Group"]}
    assert defined_acronyms("the Local Medical Committees (LMCs) met") == {
        "lmc": ["Local", "Medical", "Committees"]
    }
    # letters that are not the initials of the words before them define nothing
    assert defined_acronyms("the board of NHS England (CQC) and the group (ICB)") == {}


@pytest.mark.unit
def test_a_role_holds_the_acronyms_its_names_spell():
    terms = name_terms(
        "chief executive of the Hartmoor and Esk Valley Clinical Commissioning Group"
    )
    assert {"ccg", "chief", "esk", "valley"} <= terms
    assert "icb" not in terms


@pytest.mark.integration
def test_a_ccg_named_by_acronym_is_known_and_its_chief_executive_answers(written):
    p = written({"mercury-dunmouth.txt": MERCURY, "courier-tenbury.txt": COURIER})
    a = p.answerer
    assert a.known_entity("Esk Valley CCG")
    # the words must still meet in one article: none names a "Tenbury Valley CCG"
    assert not a.known_entity("Tenbury Valley CCG")
    q = "Who runs the Esk Valley CCG that reassured Dunmouth patients?"
    ans = p.ask(q)
    assert not ans.abstained and "Dr Priya Natt" in ans.answer, ans.notes
    a.disabled = frozenset({"acronyms"})
    assert not a.known_entity("Esk Valley CCG")
    a.disabled = frozenset({"role_of_first"})
    assert p.ask(q).abstained


@pytest.mark.integration
def test_a_role_holder_is_of_the_organisation_the_question_names(written):
    p = written({"mercury-dunmouth.txt": MERCURY, "courier-tenbury.txt": COURIER})
    ans = p.ask("Who chairs Tenbury LMC?")
    assert not ans.abstained and "Dr Sam Okoro" in ans.answer
    # the chair of Tenbury LMC is no chair of a Dunmouth LMC
    wrong = p.ask("Who chairs Dunmouth LMC?")
    assert "Sam Okoro" not in wrong.answer


@pytest.mark.integration
def test_a_role_of_a_body_is_matched_by_its_name_not_its_kind(written):
    p = written({"courier-tenbury.txt": COURIER})
    # "chair of Tenbury LMC" chairs the "Tenbury LMC Board": the kind's words may differ
    ans = p.ask("Who chairs the Tenbury LMC Board?")
    assert not ans.abstained and "Dr Sam Okoro" in ans.answer


HERALD = """Board to re-run surgery contract procurement

NHS Westshire ICB will re-run the procurement of the Harbour Surgery contract after a panel found its process unfair.

ICB chief executive Dr Jo Pike said: “We accept the panel's findings in full and will start again in the spring.”
"""


@pytest.mark.integration
def test_a_role_holder_whose_body_the_article_names_elsewhere_answers(written):
    p = written({"herald-westshire.txt": HERALD, "courier-tenbury.txt": COURIER})
    # "ICB chief executive" names no ICB; the article quoting her is about NHS Westshire ICB
    ans = p.ask("Who is the chief executive of NHS Westshire ICB?")
    assert not ans.abstained and "Dr Jo Pike" in ans.answer, ans.notes
    # nor is she the chief executive of a body her article never names
    assert "Jo Pike" not in p.ask("Who is the chief executive of NHS Tenbury ICB?").answer
