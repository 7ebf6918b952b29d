"""The real model, real Chroma, the real CLI."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from .conftest import CORPUS, ROOT

pytestmark = pytest.mark.integration

TITLES = {
    "GP commissioners consider diverting funding to APMS contracts under 'frightening' proposals",
    "Third of CCGs have requested powers to police GP contracts",
    "GP funding to be pooled with secondary care under radical CCG plans",
    "New APMS deals could drive GPs from GMS contracts",
    "A tectonic shift in general practice",
}


def test_chroma_top_k_equals_brute_force_cosine(real_index, real_embedder):
    _, ix = real_index
    emb = np.asarray(ix.embeddings)
    assert np.allclose(np.linalg.norm(emb, axis=1), 1.0, atol=1e-4)
    mask = ix.kind_mask(("article",))
    for q in [
        "Can my CCG move me onto an APMS contract?",
        "How many CCGs want to performance manage GP contracts?",
        "What is happening to QOF funding in Somerset?",
    ]:
        v = real_embedder.embed_query_vector(q)
        sims = np.where(mask, emb @ v, -9)
        expected = [ix.chunks[i].id for i in np.argsort(-sims)[:8]]
        got = ix.dense(v, 8, ("article",))
        assert [c.id for c, _ in got] == expected
        assert np.allclose([s for _, s in got], np.sort(sims)[::-1][:8], atol=1e-4)


def _cocom(*args, env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "rag.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_index_and_articles_json(tmp_path):
    env = {"COCOM_INDEX_DIR": str(tmp_path / "idx"), "COCOM_CORPUS_DIR": str(CORPUS)}
    out = _cocom("index", "--json", env_extra=env)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert {k: report[k] for k in ("articles", "comments", "skipped")} == {
        "articles": 5,
        "comments": 28,
        "skipped": [],
    }
    assert report["chunks"] > 50 and report["seconds"] > 0
    arts = json.loads(_cocom("articles", "--json", env_extra=env).stdout)
    assert {a["title"] for a in arts} == TITLES
    assert sum(a["comments"] for a in arts) == 28
    assert set(arts[0]) >= {"article_id", "title", "paragraphs", "comments"}


def test_cli_bad_file_is_reported_and_exit_zero(tmp_path):
    import shutil

    corpus = tmp_path / "c"
    shutil.copytree(CORPUS, corpus)
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary")
    env = {"COCOM_INDEX_DIR": str(tmp_path / "idx"), "COCOM_CORPUS_DIR": str(corpus)}
    out = _cocom("index", "--json", env_extra=env)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["skipped"] == [
        {"file": "broken.txt", "reason": "binary file, not text"}
    ]
    assert "broken.txt: binary file, not text" in out.stderr


def test_cli_no_articles_exits_non_zero(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("")
    out = _cocom(
        "index", env_extra={"COCOM_INDEX_DIR": str(tmp_path / "i"), "COCOM_CORPUS_DIR": str(corpus)}
    )
    assert out.returncode == 1 and "no article could be indexed" in out.stderr
