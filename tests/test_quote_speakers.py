"""Who speaks, in sentence shapes news sites use: each test on an invented sentence, one per
layout; precision first (an uncertain speaker stays unattributed)."""

import pytest

from rag.parse import parse_page_text
from rag.quotes import extract_quotes

pytestmark = pytest.mark.unit


def _speakers(*paragraphs: str) -> dict[str, str]:
    page = "A headline about the practices\n\n" + "\n\n".join(paragraphs) + "\n"
    return {q.text: q.speaker for q in extract_quotes(parse_page_text(page, "page"))}


def test_place_names_in_a_long_role_are_not_the_speaker():
    got = _speakers(
        "Maria Quell, Westshire Health’s director of primary care in Bristol, North Dene, "
        "Dene and South Gloucestershire, said Westshire Health had a “high degree of faith” "
        "in local GPs, and anticipated continued good results “because the scheme is sound”."
    )
    assert got["high degree of faith"] == "Maria Quell"
    assert got["because the scheme is sound"] == "Maria Quell"
