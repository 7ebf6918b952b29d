"""Turn one article file into an `Article`: .txt scraped pages, .md with YAML front matter,
.html via trafilatura. Everything funnels into `parse_page_text`, which removes site furniture
(see furniture.py), finds the title, standfirst and byline, keeps bullet lists in the body and
splits reader comments off into anonymous records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import ArticleError
from .frontmatter import load_front_matter
from .furniture import (
    BULLET,
    BYLINE,
    COMMENTS_HEADING,
    ISSUE_TEASER_AFTER,
    SIGN_OFF,
    is_furniture,
)
from .models import Article

_REPORT_COMMENT = re.compile(r"^\s*(unsuitable or offensive\?\s*)?report this comment\.?\s*$", re.I)
_LABEL = re.compile(r"^(Exclusive|Analysis|Breaking|Updated|Revealed)\s+(?=[A-Z0-9£‘'\"“])")
_TERMINAL = re.compile(r"[.!:;,]$|[.!]['’\"”]$")
MAX_TITLE_WORDS = 25


@dataclass
class _Line:
    text: str
    indent: int


@dataclass
class _Block:
    lines: list[_Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        if any(BULLET.match(ln.text) for ln in self.lines):
            return "\n".join(BULLET.sub("• ", ln.text.strip(), count=1) for ln in self.lines)
        return " ".join(ln.text.strip() for ln in self.lines)

    @property
    def is_bullets(self) -> bool:
        return any(BULLET.match(ln.text) for ln in self.lines)


def _clean_line(raw: str) -> _Line:
    line = raw.replace("\t", "    ").rstrip().rstrip("\u00a0").rstrip()
    stripped = line.lstrip(" \u00a0")
    return _Line(stripped, len(line) - len(stripped))


def _blocks(lines: list[_Line]) -> list[_Block]:
    blocks, cur = [], _Block()
    for ln in lines:
        if not ln.text:
            if cur.lines:
                blocks.append(cur)
                cur = _Block()
        else:
            cur.lines.append(ln)
    if cur.lines:
        blocks.append(cur)
    return blocks


def _heading_like(block: _Block) -> bool:
    if len(block.lines) != 1 or block.is_bullets:
        return False
    text = block.lines[0].text
    return 0 < len(text.split()) <= MAX_TITLE_WORDS and not _TERMINAL.search(text)


def _drop_repeated_lines(lines: list[_Line]) -> list[_Line]:
    """An image caption shows twice in a row on these pages; drop both copies."""
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        if lines[i].text and i + 1 < len(lines) and lines[i + 1].text == lines[i].text:
            j = i
            while j < len(lines) and lines[j].text == lines[i].text:
                j += 1
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


def _split_comments(lines: list[_Line]) -> list[str]:
    """One record per reader comment; multi-paragraph comments stay whole."""
    has_separators = any(_REPORT_COMMENT.match(ln.text) for ln in lines)
    has_bullets = any(BULLET.match(ln.text) and ln.indent <= 3 for ln in lines)
    comments: list[list[list[str]]] = []  # comment -> paragraphs -> lines
    current: list[list[str]] | None = None

    def close() -> None:
        nonlocal current
        if current:
            paras = [p for p in current if p]
            if paras:
                comments.append(paras)
        current = None

    for ln in lines:
        if _REPORT_COMMENT.match(ln.text):
            close()
        elif has_bullets and BULLET.match(ln.text) and ln.indent <= 3:
            close()
            current = [[BULLET.sub("", ln.text, count=1).strip()]]
        elif not ln.text:
            if not has_separators and not has_bullets:
                close()  # no markers: each block is one comment
            elif current is not None and current[-1]:
                current.append([])
        elif is_furniture(ln.text):
            continue
        else:
            if current is None:
                current = [[]]
            current[-1].append(ln.text.strip())
    close()
    return ["\n\n".join("\n".join(p) for p in c) for c in comments]


def parse_page_text(
    raw: str, article_id: str, *, title: str = "", metadata: dict | None = None
) -> Article:
    """Clean the text of a scraped news page into an Article.

    `title`, when given (front matter, HTML metadata), wins over the detected one."""
    metadata = dict(metadata or {})
    lines = [_clean_line(x) for x in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]

    split_at = next(
        (i for i, ln in enumerate(lines) if ln.text and COMMENTS_HEADING.match(ln.text)), None
    )
    body_lines = lines if split_at is None else lines[:split_at]
    comments = [] if split_at is None else _split_comments(lines[split_at + 1 :])

    kept: list[_Line] = []
    drop_teaser = False
    for ln in _drop_repeated_lines(body_lines):
        if ln.text and ISSUE_TEASER_AFTER.match(ln.text):
            drop_teaser = True
            continue
        if ln.text and is_furniture(ln.text):
            continue
        kept.append(ln)
    blocks = _blocks(kept)
    if drop_teaser and len(blocks) >= 2 and _heading_like(blocks[0]) and _heading_like(blocks[1]):
        blocks = blocks[1:]  # the current-issue teaser above the real headline

    if title:
        if blocks and blocks[0].text.strip() == title.strip():
            blocks = blocks[1:]
    else:
        if not blocks or not _heading_like(blocks[0]):
            raise ArticleError(
                article_id, "no detectable title (the first line of text should be the headline)"
            )
        title = blocks.pop(0).text

    byline = ""
    if blocks and len(blocks[0].lines) == 1 and (m := BYLINE.match(blocks[0].text)):
        byline = blocks.pop(0).text
        metadata.setdefault("author", m.group("name"))
    if blocks and len(blocks[-1].lines) == 1 and (m := SIGN_OFF.match(blocks[-1].text)):
        byline = byline or blocks[-1].text
        blocks.pop()
        metadata.setdefault("author", m.group("name"))
        metadata.setdefault("publication", m.group("org").strip())

    texts = [b.text for b in blocks]
    if not texts:
        raise ArticleError(article_id, "no article text left after removing site furniture")
    standfirst = ""
    if not blocks[0].is_bullets and len(texts) > 1:
        standfirst = texts.pop(0)
    first = standfirst or texts[0]
    unlabelled = _LABEL.sub("", first, count=1)
    if standfirst:
        standfirst = unlabelled
    else:
        texts[0] = unlabelled

    return Article(
        id=article_id,
        title=title.strip(),
        standfirst=standfirst,
        byline=byline,
        paragraphs=tuple(texts),
        comments=tuple(comments),
        metadata={k: v for k, v in metadata.items() if v not in (None, "")},
    )


# --- markdown -----------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(\n|\Z)", re.S)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
METADATA_KEYS = ("publication", "author", "date", "url")


def parse_markdown(raw: str, article_id: str) -> Article:
    meta: dict = {}
    m = _FRONT_MATTER.match(raw)
    if m:
        meta = load_front_matter(m.group(1), article_id, METADATA_KEYS)  # safe and bounded
        raw = raw[m.end() :]
    lines = []
    for line in raw.split("\n"):
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        lines.append(_MD_HEADING.sub("", line))
    metadata = {k: str(meta[k]) for k in METADATA_KEYS if meta.get(k) not in (None, "")}
    return parse_page_text(
        "\n".join(lines), article_id, title=str(meta.get("title") or ""), metadata=metadata
    )


# --- html ---------------------------------------------------------------------------------


def parse_html(raw: str, article_id: str) -> Article:
    import trafilatura  # heavy-ish import, only when an HTML file is met

    extracted = trafilatura.bare_extraction(
        raw, include_comments=True, with_metadata=True, include_tables=False
    )
    doc = extracted.as_dict() if extracted is not None else None
    if not doc or not (doc.get("text") or "").strip():
        raise ArticleError(article_id, "no main text found in the HTML page")
    metadata = {
        "publication": doc.get("sitename") or "",
        "author": doc.get("author") or "",
        "date": doc.get("date") or "",
        "url": doc.get("url") or "",
    }
    body = doc["text"]
    comments_text = (doc.get("comments") or "").strip()
    if comments_text:
        # trafilatura gives one comment paragraph a line; each becomes an anonymous record
        body += "\n\nReaders' comments\n\n" + "\n\n".join(
            "• " + c.strip() for c in comments_text.split("\n") if c.strip()
        )
    return parse_page_text(
        body.replace("\n", "\n\n"), article_id, title=doc.get("title") or "", metadata=metadata
    )
