"""Every surface of the UI bounds what it accepts: history depth and size, question length
(with the note), empty checks, uploads, and login attempts."""

import json

import pytest

from app.auth import ThrottledAuth
from rag.chain import MAX_HISTORY_TURNS, MAX_TURN_CHARS, bound_history

from .conftest import CORPUS, live_app


@pytest.mark.unit
def test_history_is_bounded_in_turns_size_and_shape():
    junk = [None, 3, {"role": "system", "content": "x"}, {"role": "user", "content": ["x"]}]
    turns = [{"role": "user", "content": "q" * 10_000}] * 500 + junk
    out = bound_history(turns)
    assert len(out) == MAX_HISTORY_TURNS
    assert all(len(t["content"]) == MAX_TURN_CHARS for t in out)
    assert bound_history("not a list") == [] and bound_history(None) == []


@pytest.mark.unit
def test_wrong_passwords_are_throttled_and_a_right_one_still_works():
    now = [0.0]
    slept = []

    def sleep(s):
        slept.append(s)
        now[0] += s

    auth = ThrottledAuth([("ann", "secret")], clock=lambda: now[0], sleep=sleep)
    for _ in range(12):
        assert auth("ann", "guess") is False
    assert sum(slept) >= 60  # 50 wrong passwords no longer take 0.4 s
    assert sorted(slept) == slept and slept[-1] <= 30
    assert auth("ann", "secret") is True
    assert auth("ann", "guess") is False and auth("ann", "secret") is True
    before = len(slept)
    for i in range(6):  # made-up names share one count
        assert auth(f"name{i}", "x") is False
    assert len(slept) > before


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from gradio_client import Client

    from rag.chain import Pipeline
    from rag.embeddings import HashingEmbedder
    from rag.index import build_index
    from rag.settings import Settings

    s = Settings(corpus_dir=CORPUS, index_dir=tmp_path_factory.mktemp("ui") / "index")
    emb = HashingEmbedder()
    build_index(s, emb, progress=False)
    with live_app(Pipeline(s, emb).load()) as url:
        c = Client(url, verbose=False)
        c.base = url.rstrip("/")
        yield c


@pytest.mark.integration
def test_deeply_nested_or_huge_history_gets_the_documented_error(client):
    deep = "[" * 100_000 + "]" * 100_000
    for history in (deep, json.dumps([{"role": "user", "content": "x" * 100_000}])):
        r = client.predict("Which CCG plans to pool budgets?", history, False, api_name="/ask")
        assert set(r) == {"error"} and "history" in r["error"]
    r = client.predict("Which CCG?", '[{"role": 1}]', False, api_name="/ask")
    assert set(r) == {"error"}


@pytest.mark.integration
def test_a_long_question_carries_the_truncation_note_on_ask_and_chat(client):
    long_q = "Which CCG plans to pool budgets with the county council? " + "x " * 1500
    r = client.predict(long_q, "[]", False, api_name="/ask")
    assert any("cut to its first 2000 characters" in n for n in r["notes"])
    chat, _, _ = client.predict(long_q, [], False, api_name="/chat")
    content = chat[-1]["content"]  # gradio_client gives a list of {"type", "text"} parts
    text = content if isinstance(content, str) else " ".join(p["text"] for p in content)
    assert "cut to its first 2000 characters" in text


@pytest.mark.integration
@pytest.mark.parametrize("claim", ["", "   ", None, "Did", "did ?"])
def test_check_refuses_an_empty_claim(client, claim):
    r = client.predict(claim, api_name="/check")
    assert set(r) == {"error"} and "claim" in r["error"]


@pytest.mark.integration
def test_uploads_are_capped(client):
    import httpx

    r = httpx.post(
        client.base + "/gradio_api/upload",
        files={"files": ("big.bin", b"x" * 2_000_000)},
        timeout=30,
    )
    assert r.status_code == 413
