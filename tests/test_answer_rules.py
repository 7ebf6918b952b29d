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
