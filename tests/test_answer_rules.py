"""Answer-selection rules, each on sentences of our own: quotations not cut off, the same speaker
going on, superlatives singling out only in identity questions."""

import pytest

from rag.answer import leaves_quote_open

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "sentence",
    [
        "Councillor Ann Lee said: “This decision is a grave concern for the town.",
        "Dr Mo Khan said: ‘We don’t know where patients will go.",
        'The chair said: "It came without warning.',
    ],
)
def test_a_sentence_that_opens_a_quote_and_does_not_close_it_leaves_it_open(sentence):
    assert leaves_quote_open(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Councillor Ann Lee said: “This decision is a grave concern.”",
        "Dr Mo Khan said: ‘We don’t know.’",
        "The federation called it ‘valuable’ work, and the CCG agreed.",
        "The practice’s list is closing on 31 March.",
    ],
)
def test_closed_quotes_and_apostrophes_leave_nothing_open(sentence):
    assert not leaves_quote_open(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He added: ‘It was inevitable that this would happen.’",
        "She said the plans would recreate the old trusts.",
        "‘It is a vote of confidence in the practices,’ he said.",
    ],
)
def test_the_same_speaker_going_on_is_read_as_such(sentence):
    from rag.answer import GOES_ON

    assert GOES_ON.match(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["He was appointed in March.", "The chair said it would go ahead.", "She is the LMC chair."],
)
def test_other_sentences_are_not_a_speaker_going_on(sentence):
    from rag.answer import GOES_ON

    assert not GOES_ON.match(sentence)


def test_a_superlative_singles_out_only_in_an_identity_question():
    from types import SimpleNamespace

    from rag.answer import ExtractiveAnswerer
    from rag.qtypes import analyse

    me = SimpleNamespace(on=lambda rule: True)
    cands = [SimpleNamespace(text="Some 26 groups chose level one, the greater involvement level.")]
    count = analyse("How many CCGs chose only the lowest level of co-commissioning?")
    which = analyse("Which CCG has the largest delegated budget?")
    assert ExtractiveAnswerer._singled_out(me, count, cands) == (cands, "")
    answering, missing = ExtractiveAnswerer._singled_out(me, which, cands)
    assert answering == [] and missing == "which is the largest"


@pytest.mark.parametrize(
    "question",
    [
        "When will the surgery close?",
        "On what date will the two surgery sites close?",
        "In which month is the practice due to hand back its contract?",
    ],
)
def test_a_question_about_what_will_happen_is_not_answered_by_a_past_day(question):
    from rag.qtypes import analyse, holds

    q = analyse(question)
    assert not holds("The merger was approved at a board meeting yesterday.", q.wants, question)
    assert holds("The sites will close on 30 June and in July.", q.wants, question)


def test_a_question_about_what_happened_is_answered_by_a_past_day():
    from rag.qtypes import analyse, holds

    question = "On what date did the board approve the merger?"
    q = analyse(question)
    assert holds("The merger was approved at a board meeting yesterday.", q.wants, question)


def test_a_company_or_firm_need_not_say_so_in_its_name():
    from types import SimpleNamespace

    from rag.answer import _names_kind
    from rag.qtypes import analyse

    won = SimpleNamespace(text="Wexley Medicare Ltd had been awarded the seven-year contract.")
    won.referred = []
    for question in ("Which company was awarded the contract?", "Which firm won the contract?"):
        assert _names_kind(won, analyse(question))
    # a kind that names carry still has to be named
    assert not _names_kind(won, analyse("Which hospital trust was awarded the contract?"))


def test_how_soon_is_answered_by_a_time_span():
    from rag.qtypes import analyse, holds

    question = "How soon after learning of a conflict must a board member declare it?"
    q = analyse(question)
    assert holds("Members must declare it within 28 days of becoming aware.", q.wants, question)
    assert not holds("Members must declare it to the board.", q.wants, question)
    # "when" asks for a date: a span is no answer to it
    assert not holds("The review took 28 days.", "date", "When did the review end?")


def test_how_much_more_is_answered_by_a_share_as_well_as_a_sum():
    from rag.qtypes import analyse, holds

    question = "How much more per patient was the new provider paid than the old one?"
    q = analyse(question)
    assert holds("It was paid 14% more per patient than the old provider.", q.wants, question)
    assert holds("It was paid £12 more per patient.", q.wants, question)
    # "How much …?" alone asks for a sum
    assert not holds("It was paid 14% of the budget.", "money", "How much was it paid?")


def test_a_count_of_years_or_of_another_clause_does_not_count_the_asked_things():
    from rag.qtypes import analyse, holds

    question = "How many patients are registered with the Elm Row practice?"
    q = analyse(question)
    said = "The practice has served the village for more than 30 years but residents must travel."
    assert not holds(said, q.wants, question, q.counted)
    assert not holds("It opened 12 miles away, patients say.", q.wants, question, q.counted)
    assert holds("The practice, with 3,000 patients, will close.", q.wants, question, q.counted)
    assert holds("It has 4,500 registered patients.", q.wants, question, q.counted)


def test_a_share_written_pc_is_a_share():
    from rag.qtypes import analyse, holds

    question = "What share of the refit bill did the owners offer to pay?"
    q = analyse(question)
    assert holds("The owners offered to pay around 40pc of the refit.", q.wants, question)
    assert not holds("Parking costs 40p an hour.", q.wants, question)


def test_a_thing_of_an_organisation_is_not_an_organisation():
    from rag.qtypes import wanted_kind

    assert wanted_kind("What CCG incentive did the LMC members vote to oppose?") == "any"
    assert wanted_kind("Which CCG scheme was scrapped last year?") == "any"
    assert wanted_kind("Which CCG took over the contract?") == "organisation"


def test_the_name_of_a_person_is_a_first_name_and_surname_not_any_two_capitals():
    from rag.qtypes import holds

    question = "What is the name of the GP who would have run the Elm Row Surgery alone?"
    assert not holds("A GP surgery in Dene is to close.", "name", question)
    assert not holds("NHS England will run it.", "name", question)
    assert holds("The partner, Mary O'Brien, will retire.", "name", question)
    assert holds("Dr Ann Hale will be the only GP left.", "name", question)


def test_which_practice_asks_for_a_practice_by_its_name():
    from rag.qtypes import analyse, holds

    question = "Which Dene practice took over the Elm Row patients?"
    q = analyse(question)
    assert q.wants == "name"
    assert analyse("Which CCG wants practices on APMS contracts?").wants == "organisation"
    assert analyse("Which practice manager said that?").wants != "name"
    # a practice goes by its own name as often as not; a commissioner or a council is no answer
    assert holds("Patients will move to Jupiter House Horden.", q.wants, question)
    assert not holds("NHS Dene CCG decided where they would go.", q.wants, question)
    assert not holds("The patients were told in a letter.", q.wants, question)


def test_a_name_the_question_gives_or_a_kind_of_place_is_no_answer():
    from rag.qtypes import holds

    question = "Which practices will the Elm Row Surgery patients be told to join?"
    # the question's own practice, however the article spells it, is not where they go
    assert not holds("I write about changes at the Elm Row Medical Practice.", "name", question)
    assert not holds("Your GP services will change.", "name", question)
    assert not holds("They have been allocated a new GP Practice.", "name", question)
    assert holds("They will join the Castle Hill Surgery.", "name", question)
    # a place after the name is no word of the name's own
    assert not holds("The Elm Row Surgery in Dene shut.", "name", question)


def test_what_exact_date_asks_for_a_date():
    from rag.qtypes import wanted_kind

    assert wanted_kind("On what exact date will the Elm Row Surgery shut?") == "date"


def test_a_count_of_years_answers_how_many_years():
    from rag.qtypes import analyse, holds

    question = "Over how many years must the CCG make its savings?"
    q = analyse(question)
    said = "It must save £200m over the next five years, the board heard."
    assert holds(said, q.wants, question, q.counted)


def test_a_month_after_a_possessive_is_no_part_of_the_name():
    from rag.qtypes import entities

    found = entities("What did Dene LMCs' September 2015 update say about premises?")
    assert "Dene LMCs'" in found and "September" in found
    assert entities("What did Dr May's report find?") == ["Dr May's"]
