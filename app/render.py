"""HTML for the chat UI, built from escaped text only.

Everything that comes from the corpus or from a user goes through `html.escape`, and the only
tags emitted are our own (div, details, summary, mark, b, span, p, h3): markup, links and images
inside articles or questions show as text and never run or load."""

from __future__ import annotations

from html import escape

from rag.chain import is_cut_note
from rag.injection import instruction_spans
from rag.models import Answer, Article, Citation

COMMENT_LABEL = "anonymous reader comment — opinion, not reporting"
INSTRUCTION_LABEL = "instruction-like text — never used as evidence"


def _flagged(text: str) -> str:
    """Escaped text with its instruction-like sentences marked (see rag.injection)."""
    out, pos = [], 0
    for a, b in instruction_spans(text):
        out.append(escape(text[pos:a]))
        out.append(
            f"<span class='cocom-instruction' title='{INSTRUCTION_LABEL}'>⚠ {escape(text[a:b])}"
            f" <i>({INSTRUCTION_LABEL})</i></span>"
        )
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def _highlight(passage: str, sentence: str) -> str:
    if sentence and sentence in passage:
        i = passage.index(sentence)
        return (
            escape(passage[:i])
            + "<mark>"
            + escape(sentence)
            + "</mark>"
            + escape(passage[i + len(sentence) :])
        )
    return escape(passage)


def paragraph_of(citation: Citation, articles: dict[str, Article]) -> str:
    """The whole paragraph (or comment) a cited passage comes from."""
    article = articles.get(citation.article_id)
    if article is None:
        return citation.text
    blocks = article.comments if citation.kind == "comment" else article.blocks
    if 0 <= citation.paragraph < len(blocks):
        return blocks[citation.paragraph]
    return citation.text


def sources_html(answer: Answer | None, articles: dict[str, Article]) -> str:
    if answer is None:
        return "<div class='cocom-sources'><p>Sources for each answer appear here.</p></div>"
    parts = ["<div class='cocom-sources'>"]
    if answer.abstained:
        parts.append(
            "<div class='cocom-abstain'><b>Not covered.</b> The articles in this collection "
            "don't answer this; nothing below is an answer.</div>"
        )
    if answer.grounding is not None:
        g = answer.grounding
        state = (
            "fell back to the extractive answer" + (f" ({g['reason']})" if g.get("reason") else "")
            if g["fallback"]
            else f"{g['sentences'] - g['dropped']} of {g['sentences']} sentences kept"
        )
        cls = "cocom-abstain" if g["fallback"] else "cocom-rewrite"
        parts.append(
            f"<p class='{cls}'>Model answer checked against its passages: {escape(state)}.</p>"
        )
    if answer.standalone_question != answer.question:
        parts.append(
            f"<p class='cocom-rewrite'>Understood as: <i>{escape(answer.standalone_question)}</i></p>"
        )
    for c in answer.citations:
        label = (
            f" <span class='cocom-comment'>({COMMENT_LABEL})</span>" if c.kind == "comment" else ""
        )
        parts.append(
            f"<div class='cocom-cite' data-n='{c.n}'>"
            f"<p><b>[{c.n}]</b> {escape(c.title)}{label}</p>"
            f"<p class='cocom-passage'>{_highlight(c.text, c.highlight)}</p>"
            f"<details><summary>Whole paragraph in the article</summary>"
            f"<p>{_highlight(paragraph_of(c, articles), c.highlight)}</p></details></div>"
        )
    if not answer.citations and not answer.abstained:
        parts.append("<p>No sources.</p>")
    parts.append("</div>")
    return "".join(parts)


def answer_text(answer: Answer) -> str:
    """The chat message: plain text (the chatbot renders it with markdown off and HTML sanitized)."""
    text = answer.answer
    if answer.abstained:
        text = "⚠ " + text
    g = answer.grounding
    if g and g.get("fallback") and g.get("reason"):
        text = f"⚠ Model answer not used: {g['reason']}. Extractive answer:\n\n{text}"
    cut = [n for n in answer.notes if is_cut_note(n)]
    if cut:
        text += f"\n\n(note: {cut[0]})"
    return text


def article_html(article: Article) -> str:
    meta = article.metadata
    bits = [f"<h3>{escape(article.title)}</h3>"]
    facts = [
        f"{k}: {escape(str(meta[k]))}" for k in ("publication", "author", "date") if meta.get(k)
    ]
    if facts:
        bits.append(f"<p class='cocom-meta'>{' · '.join(facts)}</p>")
    if article.standfirst:
        bits.append(f"<p><b>{escape(article.standfirst)}</b></p>")
    for p in article.paragraphs:
        bits.append("<p>" + _flagged(p) + "</p>")
    if article.byline:
        bits.append(f"<p><i>{escape(article.byline)}</i></p>")
    if article.comments:
        bits.append(f"<h3>Reader comments ({len(article.comments)}) — {COMMENT_LABEL}</h3>")
        for i, c in enumerate(article.comments, 1):
            bits.append(
                f"<div class='cocom-comment-box'><p><b>Comment {i}</b> "
                f"<span class='cocom-comment'>({COMMENT_LABEL})</span></p>"
                f"<p>{_flagged(c)}</p></div>"
            )
    return "<div class='cocom-article'>" + "".join(bits) + "</div>"


CSS = """
.cocom-abstain {background:#fff4d6;border-left:4px solid #d99a00;padding:8px;margin-bottom:8px}
.cocom-cite {border:1px solid #ddd;border-radius:6px;padding:6px 8px;margin-bottom:8px}
.cocom-cite mark {background:#fff08a}
.cocom-comment {color:#8a4b00;font-style:italic}
.cocom-comment-box {border-left:3px solid #d9b38c;padding-left:8px;margin:6px 0}
.cocom-rewrite {color:#555}
.cocom-meta {color:#666}
.cocom-instruction {background:#fde2e2;color:#8a0000}
"""
