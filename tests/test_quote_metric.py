"""The quote metric's speaker comparison: one organisation written two standard ways is one
speaker; another organisation is not."""

import pytest

from rag.evaluation.quote_pointers import same_speaker
from rag.models import Quote

pytestmark = pytest.mark.unit


def _quote(speaker: str, kind: str = "organisation") -> Quote:
    return Quote(
        "We will consult patients.",
        speaker,
        "",
        "",
        "a",
        "A",
        0,
        0,
        10,
        "direct",
        speaker_type=kind,
    )


def test_a_commissioner_spelt_out_is_the_same_as_its_short_name():
    gold = "organisation:Bristol, North Somerset and South Gloucestershire CCG"
    spelt = "Bristol, North Somerset and South Gloucestershire Clinical Commissioning Group"
    assert same_speaker(gold, _quote(spelt))
    assert same_speaker("organisation:Westbay ICB", _quote("Westbay Integrated Care Board"))


def test_another_commissioner_or_a_person_is_still_wrong():
    gold = "organisation:Bristol, North Somerset and South Gloucestershire CCG"
    assert not same_speaker(
        gold, _quote("Bath and North East Somerset Clinical Commissioning Group")
    )
    assert not same_speaker(gold, _quote("Bristol Clinical Commissioning Group", kind="person"))
