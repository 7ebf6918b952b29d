"""Who said what: extraction, speaker resolution, merging, comments never named."""

from pathlib import Path

import pytest

from rag.corpus import load_corpus
from rag.evaluation.quote_score import load_gold, score_quotes
from rag.models import COMMENT_SPEAKER
from rag.parse import parse_page_text
from rag.quote_index import QuoteIndex, build_quotes
from rag.quotes import comment_quotes, extract_quotes

from .conftest import CORPUS, FIXTURES, ROOT

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(CORPUS, max_bytes=5_000_000).articles


@pytest.fixture(scope="module")
def quotes(seeds):
    return build_quotes(seeds)


def _by(quotes, fragment):
    return next(q for q in quotes if fragment in q.text)


def test_every_quote_is_verbatim_at_its_offsets(seeds, quotes):
    texts = {a.id: a.text for a in seeds}
    assert quotes
    for q in quotes:
        assert texts[q.article_id][q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("corpus", "gold"),
    [
        (CORPUS, ROOT / "evals" / "quotes_gold.jsonl"),
        (FIXTURES / "holdout", FIXTURES / "holdout_gold.jsonl"),
        (FIXTURES / "holdout2", FIXTURES / "holdout2_gold.jsonl"),
    ],
)
def test_gold_recall_and_speaker_accuracy(corpus, gold):
    articles = load_corpus(Path(corpus), max_bytes=5_000_000).articles
    result = score_quotes(build_quotes(articles), {a.id: a for a in articles}, load_gold(gold))
    assert result["quote_recall"] >= 0.95, result["missed"]
    assert result["speaker_accuracy"] >= 0.95, result["wrong_speaker"]
    assert result["verbatim"] == 1.0


def test_pronoun_resolved_to_the_named_speaker(quotes):
    q = _by(quotes, "These plans are frightening and extreme")
    assert (q.speaker, q.role, q.kind) == ("Dr Brian Balmer", "chair of Essex LMC", "direct")
    assert _by(quotes, "You don't rip up the existing GP contract").speaker == "Professor Chris Ham"


def test_quote_only_paragraph_continues_previous_speaker(quotes):
    assert _by(quotes, "It also mentioned it is permissive").speaker == "Dr Chaand Nagpaul"
    assert _by(quotes, "We have already seen that happen in the US").speaker == "Nick Goodwin"
    assert _by(quotes, "If GPs are remunerated sufficiently").speaker == "Dr Michael Dixon"


def test_split_quote_around_he_said():
    a = parse_page_text(
        "A headline about Leeds\n\nGPs in Leeds met on Monday to discuss it all.\n\n"
        "Dr Jo Bloggs, chair of Leeds LMC, spoke first.\n\n"
        "‘We were not consulted,’ he said. ‘Nobody asked us anything at all.’\n",
        "leeds",
    )
    qs = extract_quotes(a)
    assert {q.text: q.speaker for q in qs if q.kind == "direct"} == {
        "We were not consulted": "Dr Jo Bloggs",
        "Nobody asked us anything at all.": "Dr Jo Bloggs",
    }


def test_organisations_as_speakers(quotes):
    assert (
        _by(quotes, "At a meeting of our Clinical Executive Group").speaker
        == "NHS Basildon and Brentwood CCG"
    )
    assert _by(quotes, "The plan to introduce OBC contracts").speaker == "NHS Somerset CCG"
    assert _by(quotes, "absolute, unmitigated disaster").speaker == "BMA"


def test_name_variants_merged_across_articles(seeds, quotes):
    index = QuoteIndex(quotes, None, {a.id: a for a in seeds})
    nagpaul = [s for s in index.speakers() if "Nagpaul" in s.name]
    assert len(nagpaul) == 1
    assert nagpaul[0].name == "Dr Chaand Nagpaul" and nagpaul[0].role == "GPC chair"
    assert len(nagpaul[0].articles) == 2
    for form in ("Nagpaul", "Dr Nagpaul", "Chaand Nagpaul", "the GPC chair"):
        assert index.find_speaker(form) == "Dr Chaand Nagpaul"
    assert index.find_speaker("Somerset CCG spokesperson") == "NHS Somerset CCG"
    assert index.find_speaker("Jeremy Hunt") is None
    # a role before the full name ("Gosport council leader Peter Chegwyn")
    assert index.find_speaker("Doncaster practice leader Chaand Nagpaul") == "Dr Chaand Nagpaul"
    assert index.find_speaker("Doncaster practice leader Jo Nagpaul") is None
    # a role in other words or order names its holder; an organisation alone names nobody
    assert index.find_speaker("the Essex LMC chair") == "Dr Brian Balmer"
    assert index.find_speaker("the GPC deputy chair") == "Dr Richard Vautrey"
    assert index.find_speaker("the King's Fund senior fellow") == "Nick Goodwin"
    assert index.find_speaker("the King's Fund") is None


def test_comments_are_never_named(seeds, quotes):
    comment_text = [c for a in seeds for c in a.comments]
    assert not any(q.text in c for q in quotes for c in comment_text if len(q.text) > 30)
    for a in seeds:
        for q in comment_quotes(a):
            assert q.speaker == COMMENT_SPEAKER and q.kind == "comment" and q.role == ""
    # a comment that names someone still does not get them as its speaker
    named = next(c for a in seeds for c in a.comments if c.startswith("Dr Nagpaul."))
    assert all(
        q.speaker == COMMENT_SPEAKER for a in seeds for q in comment_quotes(a) if q.text == named
    )


@pytest.mark.unit
def test_a_speaker_named_in_lower_case_opens_the_sentence_with_a_capital():
    from rag.attribution import render_quote
    from rag.models import Quote

    q = Quote("It is voluntary.", "papers seen by Pulse", "", "", "a", "T", 0, 0, 1, "direct")
    assert render_quote(q) == "Papers seen by Pulse said: ‘It is voluntary.’"


def test_a_quote_saying_the_opposite_of_a_claim_is_no_yes():
    from rag.attribution import contradicts

    quote = (
        "We’ve had very early conversations with the CCG and the area team about whether there "
        "are elements of the contract that could be included, but that would not put the core "
        "contract at risk."
    )
    assert contradicts("the core contract is at risk", quote)
    assert not contradicts("the core contract is not at risk", quote)
    # a "no" in another clause says nothing of the claim
    other = (
        "There is no suggestion that the core contract would be involved – some of the enhanced "
        "services could reasonably be transferred into this new contracting model."
    )
    assert not contradicts("some enhanced services could be transferred", other)
    # clauses of both polarities on the claim decide nothing
    both = "We don't need a contract to do this. GPs and practices already work together."
    assert not contradicts("GPs do not need a contract to work together", both)


def test_mc_and_mac_surnames_are_whole_names():
    a = parse_page_text(
        "Fears over shares in GP firm\n\nRuss McLean, chair of the patients' group, said the "
        "firm was worrying.\n\nMr McLean said: “Of course I'm concerned, because the firm is "
        "non-profit.”\n\nDr Ann MacDonald told the meeting: “We will look again at the shares.”\n",
        "mc",
    )
    speakers = {q.text[:12]: q.speaker for q in extract_quotes(a)}
    assert speakers["Of course I'"] == "Russ McLean"
    assert speakers["We will look"] == "Dr Ann MacDonald"
