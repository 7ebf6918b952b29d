"""Pages in six house styles, written for these tests (no real page text), each with a sidecar
JSON of what the parser must find: title, date, byline, author, paragraph count (standfirst
included), comment count, furniture that must not survive (`furniture`: substrings no block may
contain; `whole_lines`: lines no block may be) and lines that must be kept (`kept`)."""

import json

import pytest

from rag.parse import parse_page_text

from .conftest import FIXTURES

pytestmark = pytest.mark.unit

STYLES = FIXTURES / "house_styles"
PAGES = sorted(STYLES.glob("*.txt"))


def test_six_house_styles_at_least():
    assert len(PAGES) >= 6
    assert all(p.with_suffix(".json").exists() for p in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_house_style(page):
    want = json.loads(page.with_suffix(".json").read_text())
    a = parse_page_text(page.read_text(), page.stem)
    assert a.title == want["title"]
    assert a.metadata.get("date", "") == want["date"]
    assert a.metadata.get("author", "") == want["author"]
    assert a.byline == want["byline"]
    blocks = [a.title, *a.blocks, *a.comments]
    for snippet in want["furniture"]:
        assert not any(snippet in b for b in blocks), snippet
    for line in want.get("whole_lines", ()):
        assert line not in blocks, line
    for line in want.get("kept", ()):
        assert line in a.paragraphs, line
    assert len(a.paragraphs) + (1 if a.standfirst else 0) == want["paragraphs"], a.blocks
    assert len(a.comments) == want["comments"], a.comments
