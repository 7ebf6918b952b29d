"""Two questions in one are asked part by part, and the answers joined with their citations."""

import pytest

from rag.compound import join_answers, split_compound
from rag.models import Answer, Citation

pytestmark = pytest.mark.unit


def test_split_at_a_second_question_clause():
    assert split_compound(
        "When were ICSs due to replace CCGs, and when were the ICBs actually established?"
    ) == ["When were ICSs due to replace CCGs?", "When were the ICBs actually established?"]
    assert split_compound("How many CCGs applied; and did the LMC object") == [
        "How many CCGs applied?",
        "Did the LMC object?",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "Who chairs Basildon and Brentwood CCG?",
        "What did the CCG and the LMC agree, and why?",  # "why" alone is no question
        "How many practices merged and which ones closed?",  # no comma: may be one question
    ],
)
def test_one_question_stays_whole(question):
    assert split_compound(question) == [question]


def _answer(q, text, n_cites, abstained=False):
    cites = [
        Citation(n=i + 1, article_id=f"a{i}", title="T", kind="article", text="x", chunk_id=f"c{i}")
        for i in range(n_cites)
    ]
    return Answer(q, q, text, abstained, cites, timings_ms={"total": 2.0}, confidence=0.8)


def test_join_numbers_the_second_part_s_citations_on():
    a = _answer("Q1?", "First fact. [1] Second. [2]", 2)
    b = _answer("Q2?", "Other fact. [1]", 1)
    got = join_answers("Q1, and Q2?", "Q1, and Q2?", ["Q1?", "Q2?"], [a, b])
    assert got.answer == "First fact. [1] Second. [2]\n\nOther fact. [3]"
    assert [c.n for c in got.citations] == [1, 2, 3]
    assert not got.abstained and got.timings_ms["total"] == 4.0
    assert got.notes[0].startswith("asked as 2 questions")


def test_a_comparison_of_two_named_things_is_asked_of_each():
    assert split_compound(
        "How many patients were at Elm Row Surgery in Leeds compared with Oak Lane Practice "
        "in Hull, both run under APMS contracts?"
    ) == [
        "How many patients were at Elm Row Surgery in Leeds?",
        "How many patients were at Oak Lane Practice in Hull?",
    ]
    assert split_compound(
        "Which merger would move more patients: the Elm Row merger or Oak Lane Practice?"
    ) == [
        "Which merger would move more patients: the Elm Row merger?",
        "Which merger would move more patients: Oak Lane Practice?",
    ]


def test_two_placed_things_or_an_explicit_compare_are_asked_of_each():
    assert split_compound(
        "How many patients were on the lists of Elm Row Surgery in Leeds and the Oak Lane "
        "practice in Hull when they closed?"
    ) == [
        "How many patients were on the lists of Elm Row Surgery in Leeds when they closed?",
        "How many patients were on the lists of the Oak Lane practice in Hull when they closed?",
    ]
    assert split_compound("Compare the funding decisions of the ICBs in Kent and Surrey.") == [
        "Compare the funding decisions of the ICBs in Kent?",
        "Compare the funding decisions of the ICBs in Surrey?",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "What did the CCG in Leeds and the LMC in Hull agree?",  # one thing asked of both
        "What was agreed between Elm Row Surgery in Leeds and Oak Lane in Hull?",  # a relation
        "How many patients do Elm Row Surgery and Oak Lane Practice have?",  # not placed
        "What did NHS England and the BMA agree?",  # one thing asked of both
        "How many CCGs in London and Manchester applied?",  # no explicit comparison
        "Did the CCG or the LMC want more funding for Leeds?",  # nothing introduces the first
        "Is APMS more expensive than GMS?",
    ],
)
def test_no_explicit_comparison_stays_whole(question):
    assert split_compound(question) == [question]
