"""Work per article grows linearly with its length (numbers: `cocom bench ingest`), and an
up-to-date `cocom index` parses no file again."""

import random

import pytest

from rag import corpus as corpus_mod
from rag.index import build_index
from rag.intervals import Intervals

pytestmark = pytest.mark.unit


def test_intervals_agree_with_a_scan():
    rng = random.Random(7)
    pairs = [(a, a + rng.randint(1, 40)) for a in (rng.randint(0, 1000) for _ in range(200))]
    ix = Intervals(pairs)
    for pos in range(-5, 1100):
        assert ix.contains(pos) == any(a <= pos < b for a, b in pairs)
        assert ix.contains(pos, open_start=True) == any(a < pos < b for a, b in pairs)
    assert not Intervals([]).contains(3)


def test_organisations_are_found_once_per_article_not_once_per_paragraph(monkeypatch):
    """`referents` used to scan the whole article for every paragraph (quadratic)."""
    from rag import mentions
    from rag.chunking import chunk_article
    from rag.models import Article

    calls = []
    real = mentions.NAMED

    class Counting:
        def finditer(self, *a, **kw):
            calls.append(1)
            return real.finditer(*a, **kw)

    monkeypatch.setattr(mentions, "NAMED", Counting())
    paragraphs = tuple(
        f"Somerset CCG met on day {i}." if i % 2 == 0 else f"The CCG pooled budgets on day {i}."
        for i in range(200)
    )
    chunks = chunk_article(Article("a", "T", paragraphs=paragraphs), size=600, overlap=1)
    assert len(chunks) == 200 and chunks[5].context == "Somerset CCG" and not chunks[4].context
    assert len(calls) == 1


def test_ingest_bench_reports_seconds_per_mb(settings):
    from rag.bench import bench_ingest

    out = bench_ingest(settings, (0.02, 0.04))
    for kind in ("txt", "html"):
        rows = out[kind]
        assert set(rows) == {"0.02 MB", "0.04 MB", "growth"}
        assert rows["0.04 MB"]["paragraphs"] > rows["0.02 MB"]["paragraphs"] > 10
        assert all(r["s_per_mb"] > 0 for k, r in rows.items() if k != "growth")


def _count_parses(monkeypatch):
    calls = []
    for suffix, fn in list(corpus_mod.PARSERS.items()):

        def counted(text, article_id, _fn=fn, **kw):
            calls.append(article_id)
            return _fn(text, article_id, **kw)

        monkeypatch.setitem(corpus_mod.PARSERS, suffix, counted)
    return calls


def test_up_to_date_index_parses_nothing_and_a_change_parses_one_file(
    settings, fake_embedder, monkeypatch
):
    build_index(settings, fake_embedder, progress=False)
    calls = _count_parses(monkeypatch)
    report = build_index(settings, fake_embedder, progress=False)
    assert report.up_to_date and calls == []
    path = settings.corpus_dir / "somerset-pooled-budgets.txt"
    path.write_text(path.read_text() + "\nA new closing paragraph about the CCG board.\n")
    report = build_index(settings, fake_embedder, progress=False)
    assert report.changed == ["somerset-pooled-budgets"] and calls == ["somerset-pooled-budgets"]


def test_a_different_parser_parses_everything_again(settings, fake_embedder, monkeypatch):
    build_index(settings, fake_embedder, progress=False)
    calls = _count_parses(monkeypatch)
    monkeypatch.setattr("rag.corpus.parser_fingerprint", lambda *a: "another-parser")
    report = build_index(settings, fake_embedder, progress=False)
    assert len(calls) == 5
    # what the new parser made is what the index then holds, though no file changed
    assert not report.up_to_date
    assert build_index(settings, fake_embedder, progress=False).up_to_date


def test_lines_repeated_across_the_folder_are_part_of_the_parse_fingerprint():
    from rag.corpus import parser_fingerprint

    banner = frozenset({"Sign up to our newsletter"})
    assert parser_fingerprint(banner) != parser_fingerprint() == parser_fingerprint(frozenset())


def test_an_unchanged_file_that_cannot_be_parsed_is_not_parsed_again(
    settings, fake_embedder, monkeypatch
):
    (settings.corpus_dir / "empty-page.html").write_text(
        "<html><body><nav>Home</nav></body></html>"
    )
    first = build_index(settings, fake_embedder, progress=False)
    assert [s.file for s in first.skipped] == ["empty-page.html"]
    calls = _count_parses(monkeypatch)
    again = build_index(settings, fake_embedder, progress=False)
    assert again.up_to_date and calls == []
    assert [(s.file, s.reason) for s in again.skipped] == [
        (s.file, s.reason) for s in first.skipped
    ]


def test_a_very_large_html_page_is_read_block_by_block(monkeypatch):
    from rag import parse

    monkeypatch.setattr(parse, "LARGE_HTML_CHARS", 200)
    page = (
        "<html><head><title>Site | Page</title><script>var x = 1;</script></head><body>"
        "<nav>Home News Sign in</nav><h1>CCGs to take on GP contracts</h1>"
        + "".join(
            f"<p>Paragraph {i} says the CCG will commission GP services from April.</p>"
            for i in range(12)
        )
        + "<footer>Copyright 2015</footer></body></html>"
    )
    article = parse.parse_html(page, "big")
    assert article.title == "CCGs to take on GP contracts"
    text = article.text
    assert "Paragraph 11 says" in text and "var x" not in text
    assert "Sign in" not in text and "Copyright" not in text
