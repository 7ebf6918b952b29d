"""Numbered labels ("level one") and the series the articles number."""

import pytest

from rag.labels import asked_labels, holds_label, labels, series

pytestmark = pytest.mark.unit

ARTICLES = [
    "Some 28% wanted ‘level two’ responsibilities and 6% wanted the lowest ‘level one’.",
    "Level three from April, two-year contracts, 40,000 to 70,000 people, as ‘80% of contacts’.",
    "There is a deadline of June 20 and 60% said so; type 2 is elsewhere.",
]


def test_labels_read_number_words_digits_and_quotes():
    found = {(x.head, x.value) for x in labels(ARTICLES[0] + " Level 3 and Phase 2")}
    assert found == {("level", 2), ("level", 1), ("level", 3), ("phase", 2)}


def test_figures_dates_compounds_and_stop_words_are_no_labels():
    assert labels("term two-year, covering 40,000, as ‘80% of, June 20, and 60%, Some 28") == []


def test_a_series_needs_two_values_of_one_head():
    known = series(ARTICLES)
    assert known == {"level": {1, 2, 3}}  # "type 2" is used with one number only


def test_asked_labels_only_for_a_known_series():
    known = series(ARTICLES)
    asked = asked_labels("When will level four begin for type 2 areas?", known)
    assert [(a.text, a.value) for a in asked] == [("level four", 4)]
    assert asked_labels("Does Somerset create one accountable care organisation?", known) == []


def test_holds_label_is_about_the_same_member():
    asked = asked_labels("When will level one begin?", series(ARTICLES))
    assert holds_label(ARTICLES[0], asked)
    assert not holds_label("level two from 1 March and level three from April", asked)
