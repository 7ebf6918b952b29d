import pytest

from rag.sentences import split_sentences, split_spans

pytestmark = pytest.mark.unit

HARD_CASES = [
    ("Dr Brian Balmer warned. He said no.", ["Dr Brian Balmer warned.", "He said no."]),
    ("Mr Goodwin agreed. Mrs Smith did not.", ["Mr Goodwin agreed.", "Mrs Smith did not."]),
    ("Prof. Chris Ham spoke. It went well.", ["Prof. Chris Ham spoke.", "It went well."]),
    (
        "Experts (i.e. GPs) and others, e.g. nurses. Next.",
        ["Experts (i.e. GPs) and others, e.g. nurses.", "Next."],
    ),
    ("Some 15% agreed. Others did not.", ["Some 15% agreed.", "Others did not."]),
    ("It saves £200m. That is a lot.", ["It saves £200m.", "That is a lot."]),
    ("A pilot by 2015/16. Then more.", ["A pilot by 2015/16.", "Then more."]),
    ("It covers 40,000 people. Or 70,000.", ["It covers 40,000 people.", "Or 70,000."]),
    ("It grew 2.5 times. J. Smith said so.", ["It grew 2.5 times.", "J. Smith said so."]),
    (
        "He said: ‘These plans are frightening. The CCG wants control.’ Then he left.",
        ["He said: ‘These plans are frightening. The CCG wants control.’", "Then he left."],
    ),
    (
        "'It's pointless. Create an environment,' he said. Next one.",
        ["'It's pointless. Create an environment,' he said.", "Next one."],
    ),
    ("He asked “Why? Nobody knows.” and left.", ["He asked “Why? Nobody knows.” and left."]),
    ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
    ("Line one\n• item two", ["Line one", "• item two"]),
    ("area teams.Their plans came.", ["area teams.", "Their plans came."]),
]


@pytest.mark.parametrize(("text", "expected"), HARD_CASES)
def test_hard_cases(text, expected):
    assert split_sentences(text) == expected


def test_spans_are_exact_offsets():
    text = "  Dr Nagpaul said: ‘No. Never.’  He added more.  "
    for span in split_spans(text):
        assert text[span.start : span.end] == span.text
    assert [s.text for s in split_spans(text)] == [
        "Dr Nagpaul said: ‘No. Never.’",
        "He added more.",
    ]
