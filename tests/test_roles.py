"""Roles read from an article's own words stay inside their clause."""

import pytest

from rag.people import find_mentions

pytestmark = pytest.mark.unit


def _roles(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.role) for m in find_mentions(text)]


def test_a_role_without_its_closing_comma_ends_at_the_verb_not_in_the_next_sentence():
    text = (
        "Councillor Anna Pike, leader of Westbay Borough Council has raised fears over where "
        "patients will register.\n\nShe, said: “We were not asked.”"
    )
    assert _roles(text) == [("Anna Pike", "leader of Westbay Borough Council")]


def test_a_role_keeps_an_abbreviated_place_and_ends_at_its_comma():
    assert _roles("Dr Jo Bloggs, chair of the St. Helens LMC, said so.") == [
        ("Jo Bloggs", "chair of the St. Helens LMC")
    ]
    # a relative clause is no part of the role
    assert _roles("Dr Jo Bloggs, a GP in Leeds who has worked there, said so.") == [
        ("Jo Bloggs", "")
    ]


def test_a_role_answer_shows_the_articles_own_words_naming_the_person():
    from rag.attribution import naming_words

    text = "Walsall LMC medical secretary Dr Uzma Ahmad said the cut came without warning."
    assert naming_words(text, "Dr Uzma Ahmad", "Walsall LMC medical secretary") == (
        "Walsall LMC medical secretary Dr Uzma Ahmad"
    )
    text = "Dr Julian Povey, chair of Shropshire CCG, said there was capacity."
    assert naming_words(text, "Dr Julian Povey", "chair of Shropshire CCG") == (
        "Dr Julian Povey, chair of Shropshire CCG"
    )
    # said apart, in two sentences: no words name them together
    text = "Dr Julian Povey spoke first. The chair of Shropshire CCG left."
    assert naming_words(text, "Dr Julian Povey", "chair of Shropshire CCG") == ""


def test_a_commissioner_named_with_a_place_list_is_never_cut_at_its_comma():
    from rag.people import ORG

    text = (
        "A spokesman for Bristol, North Somerset and South Gloucestershire Clinical "
        "Commissioning Group said it would consult."
    )
    assert [m.group(0) for m in ORG.finditer(text)] == [
        "Bristol, North Somerset and South Gloucestershire Clinical Commissioning Group"
    ]
    # a place opening the sentence is no part of the name
    text = "In Bristol, North Somerset Clinical Commissioning Group said it would consult."
    assert [m.group(0) for m in ORG.finditer(text)] == [
        "North Somerset Clinical Commissioning Group"
    ]


def test_a_commissioner_acronym_after_a_place_list_keeps_the_list():
    from rag.people import ORG

    text = "Buckinghamshire, Oxfordshire and Berkshire ICB said the figures were incomplete."
    assert [m.group(0) for m in ORG.finditer(text)] == [
        "Buckinghamshire, Oxfordshire and Berkshire ICB"
    ]
    text = "Last year, Bradford CCG said it would consult."
    assert [m.group(0) for m in ORG.finditer(text)] == ["Bradford CCG"]
