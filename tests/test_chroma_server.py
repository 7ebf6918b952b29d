"""Chroma server mode (`--chroma-url`): a real `chroma run` on a free localhost port."""

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from rag.chain import Pipeline
from rag.errors import CocomError
from rag.evaluation.cases import load_cases
from rag.index import Index, build_index

from .conftest import ROOT, free_port, wait_for_http

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    proc = subprocess.Popen(
        [
            str(chroma),
            "run",
            "--path",
            str(tmp_path_factory.mktemp("chroma")),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_for_http(f"{url}/api/v2/heartbeat", 60):
            pytest.fail("chroma run did not start in 60 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_server_mode_answers_like_embedded_mode(chroma_url, real_index, real_embedder, tmp_path):
    embedded_settings, _ = real_index
    server_settings = replace(
        embedded_settings, index_dir=tmp_path / "index", chroma_url=chroma_url
    )
    build_index(server_settings, real_embedder, progress=False)
    assert Index.open(server_settings, real_embedder).manifest["chroma"]["mode"] == "server"
    embedded = Pipeline(embedded_settings, real_embedder).load()
    server = Pipeline(server_settings, real_embedder).load()
    for case in load_cases(ROOT / "evals" / "questions.jsonl"):
        a = embedded.ask(case.question, list(case.history))
        b = server.ask(case.question, list(case.history))
        assert (a.answer, [c.chunk_id for c in a.citations]) == (
            b.answer,
            [c.chunk_id for c in b.citations],
        ), case.id


def test_rebuilds_do_not_leak_collections(chroma_url, real_index, real_embedder, tmp_path):
    import chromadb

    settings = replace(
        real_index[0], index_dir=tmp_path / "index", chroma_url=chroma_url, collection="leak"
    )
    for _ in range(3):
        build_index(settings, real_embedder, rebuild=True, progress=False)
    host, port = chroma_url.removeprefix("http://").split(":")
    names = [c.name for c in chromadb.HttpClient(host=host, port=int(port)).list_collections()]
    assert len([n for n in names if n.startswith("leak-")]) == 2  # the live one and the previous


def test_unreachable_server_is_a_clear_error(chroma_url, real_index, real_embedder, tmp_path):
    down = f"http://127.0.0.1:{free_port()}"
    settings = replace(real_index[0], index_dir=tmp_path / "index", chroma_url=down)
    with pytest.raises(CocomError, match="cannot reach the Chroma server"):
        build_index(settings, real_embedder, progress=False)
    # an index built against a server that has since gone away says so, not "damaged"
    built = replace(settings, chroma_url=chroma_url)
    build_index(built, real_embedder, progress=False)
    with pytest.raises(CocomError, match="cannot reach the Chroma server"):
        Index.open(replace(built, chroma_url=down), real_embedder)
    with pytest.raises(CocomError, match="pass --chroma-url"):
        Index.open(replace(built, chroma_url=""), real_embedder)
    with pytest.raises(CocomError, match="drop --chroma-url"):
        Index.open(replace(real_index[0], chroma_url=chroma_url), real_embedder)
