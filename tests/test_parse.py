"""The parser on the five real seed pages and on .md / .html fixtures."""

import re

import pytest

from rag.chunking import chunk_article
from rag.corpus import load_corpus
from rag.errors import ArticleError
from rag.furniture import is_furniture
from rag.parse import parse_html, parse_markdown, parse_page_text

from .conftest import CORPUS, FIXTURES

pytestmark = pytest.mark.unit

TITLES = {
    "GP commissioners consider diverting funding to APMS contracts under 'frightening' proposals",
    "Third of CCGs have requested powers to police GP contracts",
    "GP funding to be pooled with secondary care under radical CCG plans",
    "New APMS deals could drive GPs from GMS contracts",
    "A tectonic shift in general practice",
}

FURNITURE_SNIPPETS = [
    "cookie",
    "intended for health professionals",
    "At the heart of general practice",
    "80x101px",
    "Read the latest issue",
    "The waiting game",
    "GPs go forth",
    "Report this comment",
    "Have your say",
    "results per page",
    "Disqus",
    "registered with us",
    "Sign in",
    "rules for commenting",
    "Readers' comments",
]


@pytest.fixture(scope="module")
def seeds():
    corpus = load_corpus(CORPUS, max_bytes=5_000_000)
    assert not corpus.skipped
    return {a.id: a for a in corpus.articles}


def test_five_titles_and_28_comments(seeds):
    assert {a.title for a in seeds.values()} == TITLES
    assert sorted(len(a.comments) for a in seeds.values()) == [0, 0, 8, 10, 10]


def test_no_furniture_or_comment_text_in_article_chunks(seeds):
    for a in seeds.values():
        comment_lines = {
            ln.strip() for c in a.comments for ln in c.split("\n") if len(ln.strip()) > 15
        }
        for chunk in chunk_article(a, size=600, overlap=1):
            if chunk.kind != "article":
                continue
            for snippet in FURNITURE_SNIPPETS:
                assert snippet.lower() not in chunk.text.lower(), (a.id, snippet)
            for line in comment_lines:
                assert line not in chunk.text, (a.id, line)


def test_every_comment_chunk_is_comment_text(seeds):
    for a in seeds.values():
        for chunk in chunk_article(a, size=600, overlap=1):
            if chunk.kind == "comment":
                assert chunk.text in a.comments[chunk.paragraph]
                assert chunk.text not in a.text
                assert "Report this comment" not in chunk.text


def test_offsets_point_into_cleaned_text(seeds):
    for a in seeds.values():
        for chunk in chunk_article(a, size=600, overlap=1):
            source = a.text if chunk.kind == "article" else a.comments[chunk.paragraph]
            assert source[chunk.start : chunk.end] == chunk.text


def test_multi_paragraph_comment_kept_whole(seeds):
    a = seeds["basildon-apms-frightening-proposals"]
    illusion = next(c for c in a.comments if c.startswith("CCGs led by GPs is an illusion."))
    assert "trojan horse" in illusion and illusion.count("\n\n") == 4


def test_bullet_list_stays_in_body(seeds):
    a = seeds["third-of-ccgs-police-gp-contracts"]
    bullets = next(p for p in a.paragraphs if p.startswith("• 37%"))
    assert bullets.count("\n• ") == 3 and "74% want to take on commissioning" in bullets


def test_repeated_caption_dropped_but_quote_kept(seeds):
    a = seeds["apms-deals-drive-gps-from-gms"]
    caption = "Dr Michael Dixon: 'If GPs are remunerated"
    assert not any(p.startswith(caption) for p in a.blocks)
    assert sum("If GPs are remunerated sufficiently" in p for p in a.blocks) == 1


def test_sign_off_becomes_byline_not_paragraph(seeds):
    a = seeds["tectonic-shift-editorial"]
    assert a.byline == "Nigel Praities is the editor of Pulse."
    assert a.metadata == {"author": "Nigel Praities", "publication": "Pulse"}
    assert all("Praities" not in p for p in a.paragraphs)


def test_no_invented_metadata(seeds):
    for a in seeds.values():
        assert "date" not in a.metadata and "url" not in a.metadata


def test_exclusive_label_removed_from_standfirst(seeds):
    a = seeds["basildon-apms-frightening-proposals"]
    assert a.standfirst.startswith("A CCG is considering using directed enhanced service")


@pytest.mark.parametrize(
    "line",
    [
        "Cookie policy notice",
        "This site is intended for health professionals only",
        "At the heart of general practice since 1960",
        "pulse june2020 80x101px",
        "Unsuitable or offensive? Report this comment",
        "View results 10 results per page20 results per page",
        "comments powered by Disqus",
        "Have you registered with us yet?",
        "Register now to enjoy more articles and free email bulletins",
    ],
)
def test_furniture_rules(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The CCG would fund this through combining budgets currently used for DESs.",
        "GPs go forth to sign in new patients at 80 practices.",
        "NHS Somerset CCG has already signed up the majority of practices.",
    ],
)
def test_prose_is_not_furniture(line):
    assert not is_furniture(line)


def test_teaser_rule_generalises_to_a_new_page():
    page = (
        "This site is intended for health professionals only\n\nAt the heart of general practice since 1960\n\n"
        "pulse may2021 80x101px\nRead the latest issue online\n\nSummer of discontent\n\n"
        "Practices in Leeds vote to leave federation\n\n"
        "GPs in Leeds have voted to leave their federation after a row over funding.\n\n"
        "The vote was held on Monday, the LMC said.\n\nReaders' comments (1)\n\n"
        "  • Good riddance.\n\n    Unsuitable or offensive? Report this comment\n\nHave your say\n"
    )
    a = parse_page_text(page, "leeds")
    assert a.title == "Practices in Leeds vote to leave federation"
    assert a.standfirst.startswith("GPs in Leeds have voted")
    assert a.paragraphs == ("The vote was held on Monday, the LMC said.",)
    assert a.comments == ("Good riddance.",)


def test_markdown_front_matter():
    a = parse_markdown((FIXTURES / "front-matter.md").read_text(), "hampshire")
    assert a.title == "Hampshire CCG seeks control of QOF funding"
    assert a.metadata == {
        "publication": "Pulse",
        "author": "A. Writer",
        "date": "2014-06-10",
        "url": "https://example.org/hampshire-qof",
    }
    assert not any(b.startswith("#") or b == a.title for b in a.blocks)
    bullets = next(b for b in a.blocks if b.startswith("• "))
    assert (
        "local incentives" in bullets
        and "federation of practices" in bullets
        and "**" not in bullets
    )
    assert a.comments == ("This is a great idea.", "Absolutely not.\nHands off our QOF.")


def test_html_via_trafilatura():
    a = parse_html((FIXTURES / "page.html").read_text(), "kent")
    assert a.title == "Practices in Kent offered federation deal"
    assert a.metadata.get("author") == "Jane Reporter"
    assert a.metadata.get("date") == "2014-09-03"
    text = a.text
    assert "£3m over two years" in text and "40 practices" in text
    assert "cookies" not in text.lower() and "Home" not in text and "Have your say" not in text


def test_comment_heading_variants_split_comments():
    page = "Title of a page\n\nA first paragraph that says something.\n\nSecond paragraph here.\n\nComments (2)\n\nFirst comment.\n\nSecond comment.\n"
    a = parse_page_text(page, "x")
    assert a.comments == ("First comment.", "Second comment.")
    assert all("comment" not in b.lower() for b in a.blocks)


def test_label_pattern_only_strips_labels():
    a = parse_page_text("A title\n\nExclusive deals are rare, he said.\n\nBody.\n", "x")
    assert a.standfirst == "Exclusive deals are rare, he said."
    assert re.match(r"^A title$", a.title)


def test_date_lines_run_into_a_caption_below_the_headline_are_metadata():
    page = (
        "Merger of two Fareham surgeries approved\n\n"
        "A DECISION to merge two GP practices has been met with concern.\n\n"
        "Tuesday, 14th April 2020, 9:30 am\nUpdated Tuesday, 14th April 2020, 9:41 am\n"
        "The Westway Surgery in Fareham\n\n"
        "The Westway Surgery will merge with Brook Lane Practice, the CCG said on Monday.\n\n"
        "Patients do not need to do anything, the practices said.\n"
    )
    a = parse_page_text(page, "fareham")
    assert a.metadata.get("date") == "2020-04-14"
    assert not any("9:30 am" in p or "Updated" in p for p in a.paragraphs)
    assert any(p.startswith("The Westway Surgery will merge") for p in a.paragraphs)


def test_a_headline_written_as_a_sentence_is_still_the_headline():
    from rag.parse import parse_page_text

    page = (
        "Contract Changes at Elm Row Surgery.\n\nMinutes:\n\n"
        "The panel received a report from the clinical commissioning group on the contractual "
        "changes and the possible dispersal of the Elm Row Surgery list, and asked questions.\n"
    )
    a = parse_page_text(page, "council-minutes")
    assert a.title == "Contract Changes at Elm Row Surgery."
    assert "possible dispersal" in a.text


def test_a_paragraph_broken_in_mid_sentence_is_joined_again():
    page = (
        "Surgery to close in the spring\n\n"
        "Patients at the Orchard Surgery will be moved to other practices.\n\n"
        "A spokeswoman for NHS\n\n"
        "England said: “We will make sure every patient can see a doctor near"
        " home\n\n"
        "after the surgery closes.”\n\n"
        "Staff costs\n\n"
        "The board said the money was short and the building needed a new roof\n\n"
        "Westshire Health Trust will decide in May.\n\n"
        "List options\n\n"
        "a. Procure a new provider for the practice\n\n"
        "b. Disperse the list to the practices nearby.\n"
    )
    paragraphs = parse_page_text(page, "broken").paragraphs
    assert (
        "A spokeswoman for NHS England said: “We will make sure every patient can see a doctor"
        " near home after the surgery closes.”"
    ) in paragraphs
    # a heading, a long paragraph that only lacks its full stop, and list items stay apart
    assert "Staff costs" in paragraphs
    assert "The board said the money was short and the building needed a new roof" in paragraphs
    assert "Westshire Health Trust will decide in May." in paragraphs
    assert "b. Disperse the list to the practices nearby." in paragraphs


def test_a_page_saved_a_paragraph_a_line_with_subheadings_keeps_its_paragraphs():
    # no blank lines; a short subheading and a short sentence among the long lines
    page = (
        "Practices win a reprieve\n\n"
        "Four practices whose contracts were due to end in March have been given one more year "
        "while the board finishes its review of every contract in the area.\n"
        "Next steps\n"
        "The board will meet again in June.\n"
        "A spokeswoman for the board said: ‘We have listened to patients and we will keep "
        "these surgeries open while we look at the options with them.’\n"
    )
    article = parse_page_text(page, "reprieve")
    assert article.standfirst.startswith("Four practices whose contracts")
    assert article.paragraphs[0] == "The board will meet again in June."  # the subheading apart
    assert article.paragraphs[1].startswith("A spokeswoman for the board said")


def test_hard_wrapped_lines_stay_one_paragraph():
    page = (
        "A headline about the review\n\n"
        "The board said on Tuesday that it would review the contracts of four\n"
        "practices. The review, which starts in May, will look at the money paid\n"
        "for each patient and at the services that are paid for twice.\n"
    )
    paragraphs = parse_page_text(page, "wrapped").paragraphs
    assert len(paragraphs) == 1


def test_a_phrase_repeated_on_one_line_is_no_headline():
    from rag.page_layout import repeated_phrase

    page = (
        "Practice news\n\nHealth Centre Health Centre Health Centre\n\nPractice news\n\n"
        "The partners are pleased to say that the merger of the Elm Row and Castle Hill "
        "surgeries has been approved by the commissioners, and the new practice opens in May.\n"
    )
    a = parse_page_text(page, "elm-row")
    assert a.title == "Practice news"
    assert repeated_phrase("Menu Menu") and not repeated_phrase("Walsall Walsall CCG")


def test_a_date_prefixed_headline_atop_bulleted_lines_is_metadata():
    page = (
        "New surgery planned for Elm Row\n\n"
        " date 2021-03-04 New surgery planned for Elm Row\n"
        "- Published\n"
        "A new surgery for 6,000 patients is planned at Elm Row, the CCG said on Tuesday.\n"
        "The practice will open next spring if the council approves the plans.\n"
    )
    a = parse_page_text(page, "elm-row")
    assert a.metadata.get("date") == "2021-03-04"
    assert "date 2021" not in a.text and "Published" not in a.text
    assert a.text.startswith("A new surgery for 6,000 patients")


def test_a_headline_with_no_blank_line_under_it_is_still_the_headline():
    page = (
        "Elm Row surgery to close despite campaign to save it\n"
        "THE fate of a surgery in Dene has been sealed following a meeting of the CCG's primary "
        "care commissioning committee on Tuesday.\n"
        "The surgery has served the village for more than 60 years and has 4,000 patients on "
        "its list, most of them elderly.\n"
    )
    a = parse_page_text(page, "elm-row")
    assert a.title == "Elm Row surgery to close despite campaign to save it"
    assert a.blocks[0].startswith("THE fate of a surgery in Dene")
    # a first line that reads as a sentence is no headline: still an error
    with pytest.raises(ArticleError):
        parse_page_text(
            "The fate of a surgery in Dene has been sealed, the committee said on Tuesday.\n"
            "The surgery has served the village for more than 60 years and has 4,000 patients.\n",
            "x",
        )
