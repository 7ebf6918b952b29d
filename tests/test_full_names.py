"""A person asked for is given by the full name the article uses elsewhere: committee minutes
name "Dr Howard Mulkis" once and "Dr. Mulkis" after. Articles written for this test."""

import pytest

MINUTES = """Health scrutiny committee, 4 March

Present: Cllr Ann Pike (Chair), Dr Howard Mulkis (senior partner, Oak Lane Surgery), Ms Rita Vane (NHS Dunmoor CCG).

Item 5: branch surgery closure

Dr. Mulkis introduced the report on the proposed closure of the branch surgery in Fenby.

Ms Vane said the CCG would write to every patient of the branch before any decision was taken.
"""


@pytest.mark.integration
def test_a_person_asked_for_is_given_their_full_name(written):
    p = written({"dunmoor-scrutiny-minutes.txt": MINUTES})
    ans = p.ask("Who introduced the Fenby branch closure report to the scrutiny committee?")
    assert not ans.abstained, ans.notes
    assert "Dr. Mulkis [Howard Mulkis] introduced" in ans.answer
    p.answerer.disabled = frozenset({"full_name"})
    ans = p.ask("Who introduced the Fenby branch closure report to the scrutiny committee?")
    assert "Howard Mulkis" not in ans.answer


@pytest.mark.unit
def test_a_full_name_is_added_only_where_the_sentence_lacks_it():
    from types import SimpleNamespace

    from rag.answer import ExtractiveAnswerer
    from rag.people import resolve_people

    a = ExtractiveAnswerer.__new__(ExtractiveAnswerer)
    a._people = {"m": resolve_people(MINUTES)}
    a.index = SimpleNamespace(articles={})
    assert a._full_names("m", "Dr. Mulkis spoke.") == "Dr. Mulkis [Howard Mulkis] spoke."
    # already given in full, or a name the article never gives in full: unchanged
    assert (
        a._full_names("m", "Dr Howard Mulkis and Dr. Mulkis.") == "Dr Howard Mulkis and Dr. Mulkis."
    )
    assert a._full_names("m", "Mr Olsen spoke.") == "Mr Olsen spoke."


@pytest.mark.unit
def test_no_full_name_is_guessed_between_two_of_one_surname():
    from types import SimpleNamespace

    from rag.answer import ExtractiveAnswerer
    from rag.people import resolve_people

    text = MINUTES + "\nDr Sarah Mulkis, his daughter, also spoke.\n"
    a = ExtractiveAnswerer.__new__(ExtractiveAnswerer)
    a._people = {"m": resolve_people(text)}
    a.index = SimpleNamespace(articles={})
    assert a._full_names("m", "Dr. Mulkis spoke.") == "Dr. Mulkis spoke."
