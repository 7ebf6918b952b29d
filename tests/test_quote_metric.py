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


def test_a_gold_quote_is_matched_to_the_quote_holding_its_first_words_not_a_fragment_inside_them():
    from dataclasses import replace

    from rag.evaluation.quote_pointers import score_pointers

    early = replace(_quote("BMA", kind="organisation"), article_id="a", text="no longer in dispute")
    late = replace(
        _quote("", kind=""), article_id="a", text="We are no longer in dispute with", start=500
    )
    gold = [
        {
            "article": "a",
            "quote_start": "We are no longer in dispute with",
            "speaker": "Dr Ann Hale",
        }
    ]
    got = score_pointers([early, late], gold)
    # the cut-off quote is unattributed: a miss, not the BMA's earlier words given a wrong speaker
    assert got["wrong_speaker"] == 0 and got["unattributed"] == 1


def test_gold_written_unattributed_means_nobody_may_be_named(tmp_path):
    from dataclasses import replace

    from rag.evaluation.quote_pointers import load_pointer_gold, score_pointers

    path = tmp_path / "gold.jsonl"
    path.write_text(
        '{"article": "a", "quote_start": "We will consult", "speaker": "unattributed"}\n'
        '{"article": "b", "quote_start": "We will consult", "speaker": "unattributed"}\n',
        encoding="utf-8",
    )
    gold = load_pointer_gold(path)
    nobody = replace(_quote("", kind=""), article_id="a")
    somebody = replace(_quote("Dr Ann Hale", kind="person"), article_id="b")
    got = score_pointers([nobody, somebody], gold)
    # left unattributed is right; naming anybody is a wrong speaker, never a person "unattributed"
    assert got["speaker_correct"] == 0.5 and got["wrong_speaker"] == 1


def test_a_body_spelt_out_with_its_acronym_matches_either_form():
    spelt = _quote("patient participation groups (PPG)")
    assert same_speaker("organisation:Vida Healthcare patient participation groups", spelt)
    assert same_speaker("organisation:PPG", spelt)
    assert not same_speaker("organisation:Vida Healthcare", spelt)
