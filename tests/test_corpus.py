"""Bad input: each broken file gets one specific reason; everything else is still indexed."""

import os

import pytest

from rag.corpus import load_corpus

pytestmark = pytest.mark.unit

GOOD = (
    "Leeds practices vote on federation\n\nGPs in Leeds have voted on a federation after a long row "
    "over funding, the LMC said on Monday.\n\nThe result will be announced next week by the CCG.\n"
)


def _load(corpus_dir, **kw):
    return load_corpus(corpus_dir, max_bytes=kw.pop("max_bytes", 5_000_000), **kw)


def _reasons(corpus):
    return {s.file: s.reason for s in corpus.skipped}


def test_each_bad_input_is_reported_and_the_rest_indexed(corpus_dir, tmp_path):
    (corpus_dir / "empty.txt").write_text("")
    (corpus_dir / "blank.md").write_text("  \n\n ")
    (corpus_dir / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 20)
    (corpus_dir / "notitle.txt").write_text("This is only a sentence that ends with a full stop.\n")
    (corpus_dir / "zz-copy.txt").write_bytes(
        (corpus_dir / "somerset-pooled-budgets.txt").read_bytes()
    )
    near = (
        (corpus_dir / "third-of-ccgs-police-gp-contracts.txt")
        .read_text()
        .replace("145 CCGs", "146 CCGs")
    )
    (corpus_dir / "zz-near.txt").write_text(near)
    (corpus_dir / "huge.txt").write_text("Big title\n\n" + "word " * 1_200_000)
    (corpus_dir / "slides.pdf").write_bytes(b"%PDF-1.4")
    outside = tmp_path / "outside.txt"
    outside.write_text(GOOD)
    os.symlink(outside, corpus_dir / "escape.txt")
    (corpus_dir / "badyaml.md").write_text("---\ntitle: [unclosed\n---\nBody text here.\n")

    corpus = _load(corpus_dir)
    reasons = _reasons(corpus)
    assert reasons["empty.txt"] == "file is empty"
    assert reasons["blank.md"] == "file is empty"
    assert reasons["binary.txt"] == "binary file, not text"
    assert reasons["notitle.txt"].startswith("no detectable title")
    assert reasons["zz-copy.txt"] == "exact duplicate of somerset-pooled-budgets.txt"
    assert reasons["zz-near.txt"].startswith(
        "near-duplicate of third-of-ccgs-police-gp-contracts.txt"
    )
    assert reasons["huge.txt"].startswith("file is 6.0 MB, over the 5 MB limit")
    assert reasons["slides.pdf"].startswith("unsupported file type '.pdf'")
    assert reasons["escape.txt"].startswith("symlink points outside the corpus folder")
    assert reasons["badyaml.md"].startswith("front matter is not valid YAML")
    assert len(corpus.skipped) == 10
    assert len(corpus.articles) == 5


def test_non_utf8_text_is_read_as_cp1252(corpus_dir):
    (corpus_dir / "legacy.txt").write_bytes(
        "Café owners – and GPs – meet\n\nThe £5m deal was ‘agreed’ on Friday by the CCG board.\n\nMore text.\n".encode(
            "cp1252"
        )
    )
    corpus = _load(corpus_dir)
    legacy = next(a for a in corpus.articles if a.id == "legacy")
    assert legacy.title == "Café owners – and GPs – meet"
    assert "£5m deal was ‘agreed’" in legacy.standfirst


def test_symlink_inside_corpus_is_fine(corpus_dir):
    (corpus_dir / "sub").mkdir()
    (corpus_dir / "sub" / "leeds.txt").write_text(GOOD)
    os.symlink(corpus_dir / "sub" / "leeds.txt", corpus_dir / "alias.txt")
    corpus = _load(corpus_dir)
    ids = {a.id for a in corpus.articles}
    # a link inside the corpus is allowed; being the same bytes, one copy is indexed
    assert len(ids & {"alias", "leeds"}) == 1
    assert [s.reason for s in corpus.skipped] == [
        "exact duplicate of " + ("alias.txt" if "alias" in ids else "leeds.txt")
    ]


def test_same_id_twice_is_reported(corpus_dir):
    (corpus_dir / "leeds.txt").write_text(GOOD)
    (corpus_dir / "leeds.md").write_text(
        GOOD.replace("Monday", "Tuesday").replace("next week", "soon")
    )
    reasons = _reasons(_load(corpus_dir))
    assert reasons["leeds.txt"] == "article id 'leeds' is already used by leeds.md"


def test_hidden_files_and_readmes_are_not_articles(corpus_dir):
    (corpus_dir / ".gitkeep").write_text("")
    (corpus_dir / "README.md").write_text("# How to add articles\n\nPut files here.\n")
    corpus = _load(corpus_dir)
    assert not corpus.skipped and len(corpus.articles) == 5


def test_near_duplicate_index_agrees_with_comparing_every_pair():
    import random

    from rag.corpus import NearDuplicates, _jaccard

    rng = random.Random(3)
    base = [set(rng.sample(range(400), rng.randint(5, 60))) for _ in range(30)]
    sets = []
    for _ in range(300):  # variants of a few bases: many near and many far pairs
        s = set(rng.choice(base))
        for x in rng.sample(sorted(s), rng.randint(0, max(1, len(s) // 8))):
            s.discard(x)
        s |= {rng.randint(0, 400) for _ in range(rng.randint(0, 4))}
        sets.append(s or {1})
    frequency = {}
    for s in sets:
        for x in s:
            frequency[x] = frequency.get(x, 0) + 1
    for threshold, freq in [
        (0.5, None),
        (0.8, None),
        (0.9, None),
        (0.8, frequency),
        (0.9, frequency),
    ]:
        index, kept = NearDuplicates(threshold, freq), []
        for i, s in enumerate(sets):
            brute = next((j for j in kept if _jaccard(s, sets[j]) >= threshold), None)
            found = index.find(s)
            assert (int(found[0]) if found else None) == brute, (threshold, i)
            if found is None:
                index.add(str(i), s)
                kept.append(i)
