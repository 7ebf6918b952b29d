"""The Gradio app: `build_app(pipeline) -> gr.Blocks`. Nothing runs at import; `cocom serve`
builds the pipeline, warms it up, builds the app and launches it.

Tabs: Ask (streamed, cited answers with a source panel), Who said what (quote table and an
attribution check), Articles (the cleaned corpus). API endpoints for gradio_client:
`/ask` (answer + structured citations as JSON), `/quotes`, `/check`."""

from __future__ import annotations

import json
import logging
import re
from html import escape, unescape

import gradio as gr

from rag.chain import Pipeline, is_history
from rag.errors import CocomError
from rag.quote_index import speaker_label

from .auth import ThrottledAuth
from .render import CSS, answer_text, article_html, sources_html

log = logging.getLogger(__name__)
MAX_QUESTION = 2000
MAX_HISTORY_JSON = 64_000  # /ask history; the pipeline keeps the last 20 turns anyway
MAX_UPLOAD = "1mb"  # the UI takes no files; Gradio's upload route is capped all the same
STREAM_WORDS = 6
GP_EXAMPLES = [
    "Can my CCG move me onto an APMS contract?",
    "What share of CCGs want to performance manage the GP contract?",
    "Will Somerset's pooled budget affect the core GP contract?",
]
JOURNALIST_EXAMPLES = [
    "Who said the plans were like being in a yacht club?",
    "Did Chaand Nagpaul say that the plans were frightening and extreme?",
    "What did Dr Yoxall say about outcomes-based commissioning?",
]
SORRY = "Sorry — something went wrong answering that. Please try again or rephrase the question."


def _received(message: object) -> object:
    """A question as received, bounded: longer than the limit still (so the pipeline cuts it
    and says so), but never megabytes."""
    return message[: 10 * MAX_QUESTION] if isinstance(message, str) else message


def _history(chat: list) -> list[dict]:
    """Chatbot messages -> the pipeline's history format (text only)."""
    out = []
    for m in chat or []:
        role = m.get("role") if isinstance(m, dict) else None
        content = m.get("content") if isinstance(m, dict) else None
        if isinstance(content, list):
            content = " ".join(c.get("text", "") for c in content if isinstance(c, dict))
        if role in {"user", "assistant"} and isinstance(content, str):
            out.append({"role": role, "content": unescape(content).removeprefix("⚠ ")})
    return out


def build_app(pipeline: Pipeline) -> gr.Blocks:
    pipeline.load()
    index = pipeline.index
    articles = index.articles
    quotes = index.quotes
    speaker_names = ["(all)"] + sorted(s.name for s in quotes.speakers())
    article_choices = [("(all)", "")] + [(a.title, a.id) for a in articles.values()]

    def ask(message: str, include_comments: bool, history: list[dict]):
        message = _received(message)  # the pipeline cuts it to MAX_QUESTION, with a note
        return pipeline.chain.invoke(
            {"question": message, "history": history, "include_comments": bool(include_comments)}
        )

    def respond(message, chat, include_comments):
        chat = list(chat or [])
        history = _history(chat)
        # the chatbot renders HTML: escape, so markup in a question or an article shows as text
        chat.append({"role": "user", "content": escape((message or "")[:MAX_QUESTION])})
        chat.append({"role": "assistant", "content": ""})
        use_llm = pipeline.llm is not None  # `cocom serve --llm SPEC`: the model, guarded
        try:
            answer = None
            for text, final in pipeline.stream(
                _received(message),
                history,
                include_comments=bool(include_comments),
                use_llm=use_llm,
            ):
                if final is None:  # a checked sentence of a model's answer
                    chat[-1] = {"role": "assistant", "content": escape(text)}
                    yield chat, sources_html(None, articles), ""
                answer = final or answer
        except CocomError as exc:
            chat[-1] = {"role": "assistant", "content": escape(f"⚠ {exc}")}
            yield chat, sources_html(None, articles), ""
            return
        except Exception:  # never show a traceback to a user
            log.exception("answering failed")
            chat[-1] = {"role": "assistant", "content": SORRY}
            yield chat, sources_html(None, articles), ""
            return
        text = escape(answer_text(answer))
        panel = sources_html(answer, articles)
        words = text.split(" ")
        for i in range(0, len(words), STREAM_WORDS):
            chat[-1] = {"role": "assistant", "content": " ".join(words[: i + STREAM_WORDS])}
            yield chat, panel, ""

    def api_ask(question: str, history_json: str = "[]", include_comments: bool = False) -> dict:
        history_json = history_json or "[]"
        if not isinstance(history_json, str) or len(history_json) > MAX_HISTORY_JSON:
            return {
                "error": f"history must be a JSON text of at most {MAX_HISTORY_JSON} characters; "
                "send only the last few turns"
            }
        try:
            history = json.loads(history_json)
            if not is_history(history):
                raise ValueError
        except (ValueError, RecursionError):  # RecursionError: nesting thousands deep
            return {"error": 'history must be a JSON list of {"role", "content"}'}
        try:
            return ask(question, include_comments, history).to_dict()
        except CocomError as exc:
            return {"error": str(exc)}
        except Exception:
            log.exception("api ask failed")
            return {"error": SORRY}

    def quote_rows(speaker: str, article: str, search: str) -> list[list[str]]:
        sp = None if speaker in (None, "", "(all)") else speaker
        found = quotes.filter(sp, article or None, (search or "").strip()[:200] or None)
        # the same attribution `cocom quotes` prints: an unattributed quote says so, and every
        # named one shows the words that name its speaker
        return [
            [
                speaker_label(q.speaker),
                q.role,
                q.text,
                q.kind,
                q.evidence,
                articles[q.article_id].title,
            ]
            for q in found
        ]

    def api_quotes(speaker: str = "", article: str = "", search: str = "") -> list[dict]:
        keys = ["speaker", "role", "text", "kind", "evidence", "title"]
        return [dict(zip(keys, row, strict=True)) for row in quote_rows(speaker, article, search)]

    def check(claim: str):
        claim = (claim or "").strip()[:MAX_QUESTION]
        if not claim:
            return (
                "<p>Type a check such as <i>Did Dr Nagpaul say the plans were frightening?</i></p>"
            )
        if not re.match(r"^\s*(did|does|has|is it true that)\b", claim, re.I):
            claim = "Did " + claim
        try:
            answer = pipeline.ask(claim)
        except CocomError as exc:
            return f"<p>{escape(str(exc))}</p>"
        except Exception:
            log.exception("attribution check failed")
            return f"<p>{SORRY}</p>"
        verdict = "not found"
        if answer.answer.startswith("Yes"):
            verdict = "yes"
        elif answer.answer.startswith("No"):
            verdict = "no — someone else said it"
        return (
            f"<div class='cocom-verdict'><p><b>Verdict: {escape(verdict)}</b></p>"
            f"<p>{escape(answer.answer)}</p></div>" + sources_html(answer, articles)
        )

    def api_check(claim: str) -> dict:
        claim = claim.strip()[:MAX_QUESTION] if isinstance(claim, str) else ""
        if not re.sub(r"(?i)^(?:did|does|has)\b", "", claim).strip(" ?"):
            return {
                "error": "give a claim to check, e.g. 'Did Dr Nagpaul say the plans were "
                "frightening?'"
            }
        try:
            answer = pipeline.ask(
                claim if re.match(r"^\s*(did|does|has)\b", claim, re.I) else f"Did {claim}"
            )
        except CocomError as exc:
            return {"error": str(exc)}
        return answer.to_dict()

    def show_article(article_id: str) -> str:
        a = articles.get(article_id)
        return article_html(a) if a else "<p>Choose an article.</p>"

    with gr.Blocks(title="cocom — co-commissioning news, cited") as demo:
        gr.Markdown(
            "## cocom\nQuestions about NHS primary-care co-commissioning, answered from news "
            "articles. Every sentence cites its passage; when the articles don't cover a question, "
            "cocom says so. Reader comments are anonymous opinion and are always labelled."
        )
        with gr.Tab("Ask"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(
                        label="Answers",
                        height=460,
                        sanitize_html=True,
                        render_markdown=False,
                        elem_id="cocom-chat",
                    )
                    box = gr.Textbox(
                        label="Your question",
                        placeholder="Ask about the articles…",
                        max_length=MAX_QUESTION,
                        lines=1,
                        elem_id="cocom-question",
                    )
                    with gr.Row():
                        send = gr.Button("Ask", variant="primary", elem_id="cocom-send")
                        clear = gr.Button("New conversation")
                    include_comments = gr.Checkbox(
                        label="Include reader comments (always labelled as anonymous reader comments)",
                        value=False,
                    )
                    gr.Examples(GP_EXAMPLES, inputs=box, label="A GP might ask")
                    gr.Examples(JOURNALIST_EXAMPLES, inputs=box, label="A journalist might ask")
                with gr.Column(scale=2):
                    sources = gr.HTML(
                        sources_html(None, articles), label="Sources", elem_id="cocom-sources"
                    )
            events = dict(
                fn=respond,
                inputs=[box, chat, include_comments],
                outputs=[chat, sources, box],
                show_progress="minimal",
            )
            box.submit(api_name="chat", **events)
            send.click(api_name=False, **events)
            clear.click(
                lambda: ([], sources_html(None, articles)), outputs=[chat, sources], api_name=False
            )

        with gr.Tab("Who said what"):
            with gr.Row():
                speaker = gr.Dropdown(speaker_names, value="(all)", label="Speaker")
                article = gr.Dropdown(article_choices, value="", label="Article")
                search = gr.Textbox(label="Quote contains", max_length=200)
            table = gr.Dataframe(
                headers=["Speaker", "Role", "Quote", "Kind", "Named by", "Article"],
                value=quote_rows("(all)", "", ""),
                wrap=True,
                interactive=False,
                column_widths=["13%", "14%", "38%", "6%", "15%", "14%"],
                elem_id="cocom-quotes",
            )
            for comp in (speaker, article, search):
                comp.change(quote_rows, [speaker, article, search], table, api_name=False)
            gr.Markdown("### Check an attribution")
            claim = gr.Textbox(
                label="Did NAME say …?",
                max_length=MAX_QUESTION,
                placeholder="Did Chaand Nagpaul say the plans were frightening and extreme?",
            )
            check_btn = gr.Button("Check")
            verdict = gr.HTML()
            check_btn.click(check, claim, verdict, api_name=False)
            claim.submit(check, claim, verdict, api_name=False)

        with gr.Tab("Articles"):
            pick = gr.Dropdown([(a.title, a.id) for a in articles.values()], label="Article")
            body = gr.HTML("<p>Choose an article.</p>")
            pick.change(show_article, pick, body, api_name=False)

        gr.api(api_ask, api_name="ask")
        gr.api(api_quotes, api_name="quotes")
        gr.api(api_check, api_name="check")
    return demo


def launch(demo: gr.Blocks, *, host: str, port: int, auth=None, block: bool = True):
    demo.queue(default_concurrency_limit=4, max_size=64)
    return demo.launch(
        server_name=host,
        server_port=port,
        auth=ThrottledAuth(auth) if auth else None,
        max_file_size=MAX_UPLOAD,
        share=False,
        show_error=False,
        prevent_thread_lock=not block,
        css=CSS,
        quiet=True,
        footer_links=["api"],
    )
