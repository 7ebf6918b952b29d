"""Hostile corpus files that must cost bounded memory and time, and never take the build down."""

import subprocess
import sys
import textwrap

import pytest

from rag.corpus import load_corpus
from rag.errors import ArticleError
from rag.frontmatter import load_front_matter
from rag.index import build_index

from .conftest import CORPUS

pytestmark = pytest.mark.unit


def billion_laughs(levels: int = 9) -> str:
    """The classic alias bomb: each level is nine aliases of the level before; `title` names the
    last, which expands to 9**levels strings once turned into text (a few hundred bytes)."""
    lines = ['a: &a "lol"']
    names = "abcdefghijklmnop"
    for i in range(1, levels):
        prev, cur = names[i - 1], names[i]
        lines.append(f"{cur}: &{cur} [{', '.join('*' + prev for _ in range(9))}]")
    lines.append(f"title: *{names[levels - 1]}")
    return "---\n" + "\n".join(lines) + "\n---\nBody of the bomb.\n\nMore text here.\n"


def test_billion_laughs_is_small_and_refused_with_one_line(corpus_dir):
    bomb = billion_laughs()
    assert len(bomb) < 600
    (corpus_dir / "bomb.md").write_text(bomb)
    corpus = load_corpus(corpus_dir, max_bytes=5_000_000)
    reasons = {s.file: s.reason for s in corpus.skipped}
    assert "alias" in reasons["bomb.md"] and "\n" not in reasons["bomb.md"]
    assert len(corpus.articles) == len(list(CORPUS.glob("*.*")))  # every real article kept


def test_billion_laughs_in_a_memory_capped_process(corpus_dir):
    """Without bounds the bomb needs gigabytes: run the corpus load under a 1.5 GB address-space
    cap, so a regression fails here instead of taking the machine's memory."""
    (corpus_dir / "bomb.md").write_text(billion_laughs())
    code = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
        from pathlib import Path
        from rag.corpus import load_corpus
        c = load_corpus(Path({str(corpus_dir)!r}), max_bytes=5_000_000)
        print(len(c.articles), [s.file for s in c.skipped])
        """
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-500:]
    assert "['bomb.md']" in run.stdout


def test_build_goes_on_past_the_bomb(settings, fake_embedder):
    (settings.corpus_dir / "bomb.md").write_text(billion_laughs())
    report = build_index(settings, fake_embedder, progress=False)
    assert [s.file for s in report.skipped] == ["bomb.md"]
    assert report.articles == len(list(CORPUS.glob("*.*")))


@pytest.mark.parametrize(
    ("yaml_text", "reason"),
    [
        ("a: &x hello\ntitle: *x", "alias"),
        ("title: &x hello", "anchors"),
        ("title: " + "[" * 50 + "]" * 50, "nested"),
        ("title: [a, b]", "plain text"),
        ("author: {name: x}", "plain text"),
        ("title: " + "x" * 3000, "over 2000 characters"),
        ("title: t\n" + "k: " + "v" * 20_000, "over 16 KB"),
        ("x: [" + ",".join("1" * 2500) + "]", "values"),
    ],
)
def test_front_matter_bounds(yaml_text, reason):
    with pytest.raises(ArticleError) as err:
        load_front_matter(yaml_text, "x", ("author",))
    assert reason in err.value.reason


def test_ordinary_front_matter_still_loads():
    meta = load_front_matter(
        "title: A plan\nauthor: Jo Bloggs\ndate: 2014-05-01\ntags: [a, b]", "x", ("author", "date")
    )
    assert (
        meta["title"] == "A plan" and meta["author"] == "Jo Bloggs" and meta["tags"] == ["a", "b"]
    )


def test_nul_and_control_bytes_after_the_first_8_kb_are_stripped(corpus_dir):
    body = "GPs in Leeds voted on a federation after a row over funding, the LMC said. " * 120
    raw = "Leeds federation vote\n\n" + body + "\n\nThe CCG\x00 will\x07 fund\x1b it.\n"
    assert raw.index("\x00") > 8192
    (corpus_dir / "nul-late.txt").write_text(raw)
    corpus = load_corpus(corpus_dir, max_bytes=5_000_000)
    article = next(a for a in corpus.articles if a.id == "nul-late")
    assert "The CCG will fund it." in article.text
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in article.text)


def test_a_file_name_with_a_newline_is_escaped_in_every_message(corpus_dir, caplog):
    import logging

    (corpus_dir / "evil\nWARNING forged line.txt").write_text("")
    with caplog.at_level(logging.WARNING):
        corpus = load_corpus(corpus_dir, max_bytes=5_000_000)
    (skipped,) = corpus.skipped
    assert skipped.file == "'evil\\nWARNING forged line.txt'" and "\n" not in skipped.file
    assert all("\n" not in r.getMessage() for r in caplog.records)


def test_undecodable_bytes_are_reported_as_not_decodable(corpus_dir):
    # 0x81, 0x8d, 0x8f, 0x90 and 0x9d are neither UTF-8 here nor defined in cp1252
    (corpus_dir / "undecodable.txt").write_bytes(
        b"Title line\n\nSome text \x81\x8d\x8f\x90\x9d about the CCG.\n\nMore.\n"
    )
    (corpus_dir / "cp1252.txt").write_bytes(
        "Caf\u00e9 plan agreed\n\nThe \u00a35m plan \u2013 agreed by the CCG board on Friday.\n\nMore.\n".encode(
            "cp1252"
        )
    )
    corpus = load_corpus(corpus_dir, max_bytes=5_000_000)
    reasons = {s.file: s.reason for s in corpus.skipped}
    assert reasons == {"undecodable.txt": "not decodable as UTF-8 or cp1252 (save it as UTF-8)"}
    cp = next(a for a in corpus.articles if a.id == "cp1252")
    assert "£5m plan – agreed" in cp.text
