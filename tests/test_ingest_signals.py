"""Dates, bylines and the general furniture signals on their own, and across a folder."""

import json

import pytest

from rag.cli import main
from rag.corpus import load_corpus
from rag.ingest_signals import (
    is_caption,
    is_name_only,
    is_reported_caption,
    is_site_notice,
    repeated_across_pages,
    stop_word_density,
    trigrams,
)
from rag.page_meta import meta_line, parse_date, sign_off
from rag.parse import parse_page_text

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "line, iso",
    [
        ("26 May 2015", "2015-05-26"),
        ("Posted date: 26 May 2015", "2015-05-26"),
        ("Published: 3 June 2015 10:32", "2015-06-03"),
        ("Tuesday 26 May 2015", "2015-05-26"),
        ("May 26, 2015", "2015-05-26"),
        ("05 Mar 2015", "2015-03-05"),
        ("26/05/2015", "2015-05-26"),
        ("Last updated: 2015-05-26", "2015-05-26"),
    ],
)
def test_date_lines(line, iso):
    assert parse_date(line) == iso
    assert meta_line(line).date == iso


@pytest.mark.parametrize(
    "line", ["The plans were agreed on 26 May 2015", "31 CCGs applied in May 2015.", "2015/16"]
)
def test_prose_with_a_date_is_not_a_date_line(line):
    assert meta_line(line) is None


def test_byline_forms():
    m = meta_line("By Jane Doe | 26 May 2015 | 3 min read")
    assert (m.byline, m.author, m.date) == ("By Jane Doe", "Jane Doe", "2015-05-26")
    m = meta_line("By Jane Doe, 26 May 2015")
    assert (m.byline, m.date) == ("By Jane Doe", "2015-05-26")
    assert meta_line("By Dr Jane Doe and Tom Rowe").author == "Dr Jane Doe"
    assert meta_line("By the end of the year") is None
    assert sign_off("Jane Doe is HSJ's primary care correspondent.").author == "Jane Doe"
    assert sign_off("Dr Yoxall is a GP in Somerset.") is None


def test_nothing_invented_when_the_page_states_nothing():
    a = parse_page_text("A headline about CCG plans\n\nThe CCG met on Monday, it said.\n", "x")
    assert a.byline == "" and "date" not in a.metadata and "author" not in a.metadata


def test_headline_is_not_a_banner_label_or_menu():
    page = (
        "Your browser is no longer supported\n\nNews\n\nHome\nAbout\nContact\n\n"
        "Practices in Eastmere vote to federate\n\n"
        "Forty practices in Eastmere have voted to form a federation, the LMC said on Monday.\n"
    )
    assert parse_page_text(page, "x").title == "Practices in Eastmere vote to federate"


def test_signals():
    assert stop_word_density("Home News Opinion Jobs Events") == 0.0
    assert stop_word_density("The CCG said that it would not be able to fund the plan.") > 0.4
    assert is_name_only("Dr Ann Lowe") and not is_name_only("Dr Ann Lowe, chair, Northshire CCG")
    assert is_caption("Care will be ‘closer to home’, Dr Ann Lowe said", set())
    body = trigrams(["She said it would be closer to home than ever."])
    assert is_caption("Care will be ‘closer to home than ever’", body)
    assert not is_caption("Care will be ‘nearer to home than ever’", body)
    assert not is_caption("Conflicts of interest", trigrams(["Conflicts of interest were raised."]))


def test_lines_repeated_across_three_pages_are_site_furniture(tmp_path):
    banner = "Northshire Gazette: local news you can trust"
    for i in range(3):
        (tmp_path / f"p{i}.txt").write_text(
            f"{banner}\n\nHeadline number {i} about the CCG\n\n"
            f"Story {i}: the CCG agreed the plan for {i + 10} practices on Monday, it said.\n"
        )
    assert banner in repeated_across_pages(p.read_text() for p in tmp_path.glob("*.txt"))
    corpus = load_corpus(tmp_path, max_bytes=100_000)
    assert sorted(a.title for a in corpus.articles) == [
        f"Headline number {i} about the CCG" for i in range(3)
    ]
    # two pages are not a site
    assert banner not in repeated_across_pages(
        (tmp_path / f"p{i}.txt").read_text() for i in range(2)
    )


def test_check_ingest_lists_each_file(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(
        "Practices in Eastmere vote to federate\n\nBy Jane Doe\n\n3 March 2015\n\n"
        "Forty practices in Eastmere have voted to form a federation, the LMC said.\n\n"
        "Sponsored by Acme Health Ltd\n\nSome more text about the vote, which was close.\n"
    )
    (tmp_path / "bad.txt").write_text("only a sentence with a full stop.\n")
    assert main(["check-ingest", str(tmp_path), "--json"]) == 0
    rows = {r["file"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["a.txt"]["title"] == "Practices in Eastmere vote to federate"
    assert rows["a.txt"]["date"] == "2015-03-03" and rows["a.txt"]["byline"] == "By Jane Doe"
    assert rows["a.txt"]["paragraphs"] == 2
    assert rows["bad.txt"]["skipped"].startswith("no detectable title")
    assert main(["check-ingest", str(tmp_path / "missing")]) == 2


def test_issue_teaser_is_the_line_after_read_the_latest_issue_not_the_first_line():
    page = (
        "Practices vote to federate\n\nRead the latest issue online\n\nSummer issue\n\n"
        "Practices vote to federate\n\nForty practices have voted to form a federation, it said.\n"
    )
    a = parse_page_text(page, "x")
    assert a.title == "Practices vote to federate"
    assert "Summer issue" not in a.blocks


@pytest.mark.parametrize(
    "line, byline, iso",
    [
        ("by Ana Kowalczyk 3 March 2019", "by Ana Kowalczyk", "2019-03-03"),
        ("By Tom Rowe on the 9 June 2021", "By Tom Rowe", "2021-06-09"),
        ("By Tom Rowe on Tuesday 8 June 2021", "By Tom Rowe", "2021-06-08"),
        ("Updated on Friday, 2 July 2021, 318 views", "", "2021-07-02"),
        ("(tabled on 4th May 2020) - View Source", "", "2020-05-04"),
    ],
)
def test_byline_and_date_run_together_or_with_a_counter_or_link(line, byline, iso):
    m = meta_line(line)
    assert (m.byline, m.date) == (byline, iso)


@pytest.mark.parametrize(
    "line",
    [
        "By 3 June 2015 the CCG will have decided",
        "by the end of 3 June 2015",
        "The board met on 9 June 2021, 318 views were logged",
        "(Read more) - 3 June 2015",
    ],
)
def test_prose_about_dates_is_not_a_byline_and_date(line):
    assert meta_line(line) is None


def test_byline_and_date_on_two_lines_of_one_block():
    page = (
        "Westvale practices to pool back-office staff\n\nby Ana Kowalczyk\n3 March 2019\n\n"
        "Six practices in Westvale will share one back-office team from April, the CCG said.\n\n"
        "The LMC welcomed the move but warned about the cost of new software.\n"
    )
    a = parse_page_text(page, "x")
    assert (a.byline, a.metadata["date"]) == ("by Ana Kowalczyk", "2019-03-03")
    assert a.standfirst.startswith("Six practices")


def test_a_short_headline_printed_twice_wins_over_a_longer_label_below():
    page = (
        "Care Board Budgets\n\nCare Board Budgets\n\n(tabled on 4th May 2020) - View Source\n\n"
        "Question to the Department of Health:\n\n"
        "To ask the Secretary of State what budgets care boards will hold in their first year, "
        "and how those budgets will be set for each area of the country.\n"
    )
    a = parse_page_text(page, "x")
    assert a.title == "Care Board Budgets" and a.metadata["date"] == "2020-05-04"


def test_machine_date_prefix_goes_and_the_text_stays():
    page = (
        "Westvale practices to pool back-office staff\n\n"
        " date 2019-03-03 Six practices in Westvale will share one back-office team, the CCG said.\n\n"
        "The LMC welcomed the move but warned about the cost of new software.\n"
    )
    a = parse_page_text(page, "x")
    assert a.metadata["date"] == "2019-03-03"
    assert (
        a.standfirst == "Six practices in Westvale will share one back-office team, the CCG said."
    )


def test_headline_repeated_with_byline_and_date_below_it():
    title = "Westvale practices to pool back-office staff"
    for head in (
        f"{title} By Ana Kowalczyk 3 March 2019",
        f"{title}\nBy Ana Kowalczyk\n3 March 2019",
    ):
        page = (
            f"{title}\n\n{head}\n\n"
            "Six practices in Westvale will share one back-office team from April, the CCG said.\n\n"
            "The LMC welcomed the move but warned about the cost of new software.\n"
        )
        a = parse_page_text(page, "x")
        assert (a.byline, a.metadata["date"]) == ("By Ana Kowalczyk", "2019-03-03")
        assert a.standfirst.startswith("Six practices") and len(a.paragraphs) == 1


def test_prose_opening_with_the_headline_words_is_kept():
    page = (
        "Practices to merge\n\n"
        "Practices to merge in Westvale include two that lost their partners this year, the CCG said.\n\n"
        "The LMC welcomed the move.\n"
    )
    assert parse_page_text(page, "x").standfirst.startswith("Practices to merge in Westvale")


def test_caption_copying_a_sentence_opening_goes_with_its_alt_text():
    page = (
        "Westvale practices to pool back-office staff\n\n"
        "Six practices in Westvale will share one back-office team from April, the CCG said.\n\n"
        "Receptionist at a desk\n\n"
        "Practices will keep their own phone lines during the first year\n\n"
        "The LMC welcomed the move but warned about the cost of new software.\n\n"
        "Practices will keep their own phone lines during the first year, according to the plan.\n\n"
        "Practice managers will meet every month\n\n"
        "Practice managers will meet every month to review the shared rota, the CCG added.\n"
    )
    a = parse_page_text(page, "x")
    assert "Receptionist at a desk" not in a.paragraphs
    assert "Practices will keep their own phone lines during the first year" not in a.paragraphs
    assert "Practice managers will meet every month" not in a.paragraphs
    assert len(a.paragraphs) == 3


def test_subheading_and_prose_that_only_share_words_are_kept():
    page = (
        "Westvale practices to pool back-office staff\n\n"
        "Six practices in Westvale will share one back-office team from April, the CCG said.\n\n"
        "Phone lines and rotas\n\n"
        "Each practice will keep its phone lines and rotas for the first year.\n\n"
        "Each practice will keep its phone lines\n"
        "and its rotas for a year, the plan says, so patients notice nothing.\n"
    )
    a = parse_page_text(page, "x")
    assert "Phone lines and rotas" in a.paragraphs


def test_a_paragraph_printed_twice_is_kept_once():
    para = (
        "Six practices in Westvale will share one back-office team from April, the CCG said, "
        "after a year of talks with the LMC."
    )
    page = (
        f"Westvale practices to pool back-office staff\n\n{para}\n\n"
        "The LMC welcomed the move but warned about the cost of new software.\n\n"
        f"{para}\n\nThe first meeting of the practice managers is in March.\n"
    )
    a = parse_page_text(page, "x")
    assert [a.standfirst, *a.paragraphs].count(para) == 1 and len(a.paragraphs) == 2


# --- banners after the headline, photo captions in the past tense, menus, journal heads ------


@pytest.mark.parametrize(
    "line",
    [
        "To get the most from this website, we suggest you move to a newer browser.",
        "We will take it that you accept cookies, so you need not sign in on each visit.",
        "You are reading this site as a guest: log in to see every story.",
    ],
)
def test_site_notice(line):
    assert is_site_notice(line)


@pytest.mark.parametrize(
    "line",
    [
        "Patients can now book appointments through the practice website or the NHS App.",
        "“You can log in to the new website to see your records,” Dr Ann Lowe said.",
        "The CCG's website will publish its committee papers, she added.",
        "You will recall the discussions last year about joint commissioning.",
    ],
)
def test_not_a_site_notice(line):
    assert not is_site_notice(line)


def test_reported_caption():
    assert is_reported_caption("Dr Ann Lowe said 40 more practices will join the scheme")
    assert is_reported_caption("Cllr Aldous called for councils to ‘hold the purse strings’")
    assert not is_reported_caption("Dr Ann Lowe said 40 more practices will join the scheme.")
    assert not is_reported_caption("Practices offered transition deals")
    assert not is_reported_caption("Pooling will only work with trust, says Dr Ann Lowe")


PAGE = """Northshire CCG to take on GP contracts

Northshire CCG will take over the commissioning of GP services from April, its board has agreed.

Dr Ann Lowe said 40 more practices will join the scheme

The CCG's chair, Dr Ann Lowe, told the board that every practice had been consulted on the move.

To get the most from this website, we suggest you move to a newer browser.

The board voted by nine votes to two in favour of the plans, which NHS England must still approve.

Mr Raj Patel said the vote had been close and that the board would meet again in the"""


def test_page_drops_caption_and_notice_keeps_a_cut_off_last_line():
    a = parse_page_text(PAGE, "p")
    assert not any("40 more practices" in p for p in a.paragraphs)
    assert not any("browser" in p for p in a.paragraphs)
    assert a.paragraphs[-1].startswith("Mr Raj Patel said")  # the page may have cut it off
    assert any(p.startswith("The CCG's chair") for p in a.paragraphs)


MENU_TWICE = """Why APMS contracts are back

  • Who we are
  • Our services
  • Blog
    • Blog index
  • Contact

No products in the basket.

  • Who we are
  • Our services
  • Blog
    • Blog index
  • Contact

Commissioners have offered more APMS contracts this year than in the previous five years, the figures show.

The contracts run for five years and can be held by companies as well as GP partners.

The new sites are:

  • Northshire Road Surgery
  • Eastgate Health Centre
  • Millbrook Practice"""


def test_a_list_printed_twice_is_a_menu_a_list_printed_once_is_kept():
    a = parse_page_text(MENU_TWICE, "m")
    text = "\n".join(a.blocks)
    assert "Who we are" not in text and "basket" not in text
    assert "Eastgate Health Centre" in text


JOURNAL = """Northshire CCG first to take over GP contracts

Northshire CCG first to take over GP contracts

Northshire Med J 2015; 12 doi: (Published 3 March 2015) Cite this as: NMJ 2015;12:h101
  1. Helen Marsh
  1. 1Northshire

Northshire CCG has become the first in the region to take over the commissioning of GP contracts.

Its chair said the change would let the CCG plan care outside hospital as a whole."""


def test_journal_citation_head_gives_date_and_author():
    a = parse_page_text(JOURNAL, "j")
    assert a.metadata["date"] == "2015-03-03"
    assert a.byline == "Helen Marsh"
    assert not any("Cite this" in b or "1Northshire" in b for b in a.blocks)
    assert a.standfirst.startswith("Northshire CCG has become")


@pytest.mark.parametrize(
    "line, date, byline",
    [
        (
            "By: Jane Doe @janedoe Published: Tuesday, September 16, 2014 - 07:47 GMT Jump to Comments",
            "2014-09-16",
            "By: Jane Doe",
        ),
        ("by 15 August 2012", "2012-08-15", ""),
    ],
)
def test_more_date_and_byline_lines(line, date, byline):
    m = meta_line(line)
    assert (m.date, m.byline) == (date, byline)


BLOG = """Northshire CCG takes on GP contracts

NHS

Northshire CCG takes on GP contracts Getty

by
15 August 2014

Northshire CCG will take over the commissioning of GP services from April, its board has agreed.

Northshire Road Surgery. Image: Google Street View

The board voted by nine votes to two in favour of the plans, which NHS England must still approve.

JaneDoe/iStock / Getty Images Plus via Getty Images

Practices will keep their contracts, but the CCG will manage them from the new financial year."""


def test_site_label_headline_with_credit_two_line_date_and_photo_credits():
    a = parse_page_text(BLOG, "b")
    assert a.metadata["date"] == "2014-08-15"
    assert a.standfirst.startswith("Northshire CCG will take over")
    text = "\n".join(a.blocks)
    for furniture in ("NHS\n", "Getty", "Image:", "iStock", "15 August"):
        assert furniture not in text, furniture
    assert len(a.paragraphs) == 2


ALT = """Council and CCG pool £48m for care outside hospital

Northshire County Council and Northshire CCG will pool £48m for community care from April.

Stethoscope on a desk beside a laptop

The pooled fund will pay for district nurses, care homes and rapid response teams, the council said.

Key services

The CCG said GP practices would help design the services the fund pays for."""

HEADING = """Council and CCG pool £48m for care outside hospital

Northshire County Council and Northshire CCG will pool £48m for community care from April.

Community care services

The pooled fund will pay for district nurses, care homes and community services, the council said."""


def test_photo_alt_text_below_the_standfirst_goes_a_sub_heading_stays():
    a = parse_page_text(ALT, "alt")
    assert "Stethoscope on a desk beside a laptop" not in a.blocks
    assert "Key services" in a.blocks  # a sub-heading further down is not looked at
    b = parse_page_text(HEADING, "heading")
    assert "Community care services" in b.blocks  # its words are the story's
