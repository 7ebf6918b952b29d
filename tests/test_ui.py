"""The chat UI: safe rendering (unit), the API over a live server, and a real browser."""

import json
from pathlib import Path

import pytest

from app.render import article_html, sources_html
from rag.models import Answer, Article, Citation

from .conftest import live_app

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EVIL = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def _article():
    return Article(
        "a",
        "Title <b>bold</b>",
        "Stand",
        "",
        ("Para with [a link](http://x) and <img src=y>",),
        ("A <script>alert(1)</script> comment",),
        {"date": "2014-06-01"},
    )


@pytest.mark.unit
def test_sources_and_articles_render_as_text():
    a = _article()
    cite = Citation(1, "a", a.title, "comment", a.comments[0], "c1", 0, "<script>alert(1)</script>")
    ans = Answer(EVIL, EVIL, "x [1]", False, [cite])
    html = sources_html(ans, {"a": a})
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert "anonymous reader comment" in html
    page = article_html(a)
    assert "<img" not in page and "<script>" not in page and "<a " not in page
    assert "2014-06-01" in page and "anonymous reader comment" in page


@pytest.mark.unit
def test_model_fallback_is_marked():
    ans = Answer(
        "q", "q", "x [1]", False, [], grounding={"sentences": 4, "dropped": 4, "fallback": True}
    )
    assert "fell back to the extractive answer" in sources_html(ans, {})
    ok = Answer(
        "q", "q", "x [1]", False, [], grounding={"sentences": 3, "dropped": 1, "fallback": False}
    )
    assert "2 of 3 sentences kept" in sources_html(ok, {})


@pytest.mark.unit
def test_abstention_looks_distinct():
    ans = Answer("q", "q", "The articles in this collection don't cover that.", True, [])
    assert "cocom-abstain" in sources_html(ans, {})


@pytest.fixture(scope="module")
def server(real_index, real_embedder):
    from rag.chain import Pipeline

    settings, _ = real_index
    with live_app(Pipeline(settings, real_embedder).warm_up()) as url:
        yield url


@pytest.fixture(scope="module")
def client(server):
    from gradio_client import Client

    return Client(server, verbose=False)


@pytest.mark.integration
def test_api_question_gets_a_cited_answer(client):
    r = client.predict(
        "What share of CCGs want to take over QOF management?", "[]", False, api_name="/ask"
    )
    assert "20%" in r["answer"] and r["citations"] and r["citations"][0]["kind"] == "article"
    assert not r["abstained"]


@pytest.mark.integration
def test_api_follow_up(client):
    hist = json.dumps(
        [
            {"role": "user", "content": "Who is the GPC chair?"},
            {
                "role": "assistant",
                "content": "GPC chair Dr Chaand Nagpaul said the GPC was not supportive. [1]",
            },
        ]
    )
    r = client.predict("What deadline did he mention?", hist, False, api_name="/ask")
    assert "Nagpaul" in r["standalone_question"] and "June 20" in r["answer"]


@pytest.mark.integration
def test_api_abstention_quotes_and_check(client):
    assert client.predict("What is the capital of France?", "[]", False, api_name="/ask")[
        "abstained"
    ]
    rows = client.predict("Nagpaul", "", "national contract", api_name="/quotes")
    assert rows and all(r["speaker"] == "Dr Chaand Nagpaul" for r in rows)
    r = client.predict(
        "Chaand Nagpaul say that the plans were frightening and extreme?", api_name="/check"
    )
    assert r["answer"].startswith("No") and "Brian Balmer" in r["answer"]


@pytest.mark.integration
def test_chat_endpoint_streams(client):
    job = client.submit("Which CCG is planning to pool GP funding?", [], False, api_name="/chat")
    outputs = list(job)
    assert len(outputs) >= 2  # streamed in several updates
    content = outputs[-1][0][-1]["content"]
    text = (
        content if isinstance(content, str) else " ".join(part.get("text", "") for part in content)
    )
    assert "Somerset" in text and "[1]" in text


@pytest.mark.integration
@pytest.mark.slow
def test_browser_shows_cited_answer_and_runs_no_injected_markup(server):
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), (
        "Chromium is missing: run `make test` (it installs Debian's chromium)"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto(server, wait_until="load")
        page.wait_for_selector("#cocom-question textarea", timeout=60000)
        page.fill("#cocom-question textarea", "Who said the plans were like being in a yacht club?")
        page.click("#cocom-send")
        page.wait_for_selector(".cocom-cite", timeout=60000)
        page.wait_for_function(
            "document.querySelector('#cocom-chat').innerText.includes('[2]')", timeout=60000
        )
        assert page.locator(".cocom-cite").count() >= 1
        assert "Dr Brian Balmer" in page.inner_text("#cocom-chat")
        assert page.locator(".cocom-cite mark").count() >= 1
        page.screenshot(path=str(ARTIFACTS / "ui-answer.png"))

        page.fill("#cocom-question textarea", f"What about {EVIL}?")
        page.click("#cocom-send")
        page.wait_for_function(
            "document.querySelector('#cocom-chat').innerText.includes('onerror')", timeout=60000
        )
        page.wait_for_timeout(1000)
        assert page.evaluate("window.__pwned === undefined")
        assert page.locator("#cocom-chat img[src='x']").count() == 0
        page.screenshot(path=str(ARTIFACTS / "ui-injection.png"))
        browser.close()
