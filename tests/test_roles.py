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


def test_a_role_before_a_titled_name_keeps_its_body_and_lower_case_modifiers():
    text = "Wessex LMC executive secretary Dr Ann Cole said the closures were dire."
    assert _roles(text) == [("Ann Cole", "Wessex LMC executive secretary")]


def test_a_role_before_an_untitled_name_keeps_its_party_body_and_modifiers():
    text = "Green shadow health secretary Ria Vale has called for a halt."
    assert ("Ria Vale", "Green shadow health secretary") in _roles(text)
    text = "Dene Valley CCG chief executive Tom Orr said the plan was sound."
    assert _roles(text) == [("Tom Orr", "Dene Valley CCG chief executive")]


def test_a_pre_name_role_never_takes_in_a_verb_a_clause_opener_or_another_name():
    # a verb before the role
    text = "The report criticised health secretary Dr Kay Lamb for the delay."
    assert _roles(text) == [("Kay Lamb", "health secretary")]
    # a time after a preposition opens the clause, not the body's name
    text = "Before Easter NHS England regional director Dr Ivo Finch wrote to practices."
    assert _roles(text) == [("Ivo Finch", "NHS England regional director")]
    # someone else's name, joined by "and"
    text = "Jo Bloggs and Dene LMC chair Dr Sam Wren said so."
    assert ("Sam Wren", "Dene LMC chair") in _roles(text)
    # a comma ends the role's clause
    text = "In a letter to the board, clinical chair Dr Una Pike said no."
    assert _roles(text) == [("Una Pike", "clinical chair")]


def test_an_objects_full_name_after_a_role_gives_mr_x_his_full_name():
    from rag.people import resolve_people

    text = (
        "The MP challenged health and social care secretary Ben Marsh to step in.\n\n"
        "Mr Marsh gave no commitment."
    )
    people, _ = resolve_people(text)
    assert [(p.name, p.role) for p in people.people] == [
        ("Ben Marsh", "health and social care secretary")
    ]
    # an all-capitals place before "MP"
    text = "WESTBAY South MP Ali Kerr has raised concerns.\n\nMr Kerr said it was wrong."
    people, _ = resolve_people(text)
    assert [(p.name, p.role) for p in people.people] == [("Ali Kerr", "WESTBAY South MP")]
