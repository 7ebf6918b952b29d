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
    COMMENT_BY,
    COMMENTS_HEADING,
    ISSUE_TEASER_AFTER,
    SIGN_OFF,
    is_furniture,
)
from .ingest_signals import in_site_lines
from .models import Article
from .page_layout import clean_body, pick_title, take_head_meta, take_meta
from .page_meta import meta_line, sign_off
from .people import ORG

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


# a paragraph on a line of its own runs past any hard-wrapped line (72-80 characters)
_PROSE_LINE_WORDS = 20
_SUBHEAD_WORDS = 6


def _split_prose_lines(block: _Block) -> list[_Block]:
    """Pages saved one paragraph a line, with no blank line between: a block whose every line
    ends a sentence, or is a short subheading ("Long-term plans"), and most of whose sentence
    lines are longer than any hard-wrapped line is that many paragraphs. (The last line may be cut
    short: a page cut off in mid-sentence, "‘We’re no longer in dispute with".)"""
    lines = block.lines
    if len(lines) < 2 or block.is_bullets:
        return [block]
    body = [(ln.text, bool(_TERMINAL.search(ln.text.rstrip("’'\"”")))) for ln in lines[:-1]]
    if not all(ends or _subheading(text) for text, ends in body):
        return [block]
    long_ends = sum(ends and len(text.split()) >= _PROSE_LINE_WORDS for text, ends in body)
    if not long_ends or long_ends * 2 < sum(ends for _, ends in body):
        return [block]
    return [_Block([ln]) for ln in block.lines]


def _subheading(text: str) -> bool:
    """A short line that ends no sentence and opens on a capital: "Contract extended"."""
    words = text.split()
    return 0 < len(words) <= _SUBHEAD_WORDS and text[:1].isupper() and not _TERMINAL.search(text)


# a block that ends mid-sentence: no full stop, colon, comma or closing quotation mark or bracket
_ENDS_SENTENCE = re.compile(r"[.!?:;,…'’\"”)\]]\s*$")
# the next block goes on with it: an all-lower-case first word (not a list item's "b." or "ii)")
_GOES_ON = re.compile(r"^[a-z]+\b(?![.)])")
_NEAR_BREAK = 40  # characters each side of a break that an organisation's name may span
# a fragment that breaks off in a name: a few words (a long paragraph with no full stop at its
# end, "… for the NHS" / "Arden & GEM’s specialists …", is a whole paragraph, not a fragment)
_FRAGMENT_WORDS = 12


def _broken_across(before: str, after: str) -> bool:
    """Whether `after` goes on with the sentence `before` leaves unfinished: it opens on a
    lower-case word ("… access primary care" / "following its closure."), or one organisation's
    name runs across the break after a few words ("A spokesman for NHS" / "England said: …")."""
    if not before or _ENDS_SENTENCE.search(before) or BULLET.match(after):
        return False
    if _GOES_ON.match(after):
        return True
    if len(before.split()) > _FRAGMENT_WORDS:
        return False
    tail, head = before[-_NEAR_BREAK:], after[:_NEAR_BREAK]
    return any(m.start() < len(tail) < m.end() for m in ORG.finditer(f"{tail} {head}"))


def _join_broken(blocks: list[_Block]) -> list[_Block]:
    """Pages copied with a paragraph break in mid-sentence: the two halves, one paragraph."""
    out: list[_Block] = []
    for b in blocks:
        if (
            out
            and not out[-1].is_bullets
            and not b.is_bullets
            and _broken_across(out[-1].text, b.text)
        ):
            out[-1] = _Block(out[-1].lines + b.lines)
        else:
            out.append(b)
    return out


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
    has_separators = any(
        _REPORT_COMMENT.match(ln.text) or COMMENT_BY.match(ln.text) for ln in lines
    )
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
        if _REPORT_COMMENT.match(ln.text) or COMMENT_BY.match(ln.text):
            close()
        elif has_bullets and BULLET.match(ln.text) and ln.indent <= 3:
            close()
            current = [[BULLET.sub("", ln.text, count=1).strip()]]
        elif not ln.text:
            if not has_separators and not has_bullets:
                close()  # no markers: each block is one comment
            elif current is not None and current[-1]:
                current.append([])
        elif is_furniture(ln.text) or meta_line(ln.text):
            continue  # a comment's date line ("10 February 2015 at 9:14 am") is not its text
        else:
            if current is None:
                current = [[]]
            current[-1].append(ln.text.strip())
    close()
    return ["\n\n".join("\n".join(p) for p in c) for c in comments]


def _is_furniture_line(text: str, site_lines: frozenset[str]) -> bool:
    return (
        is_furniture(text)
        or (BULLET.match(text) is not None and is_furniture(BULLET.sub("", text, count=1)))
        or in_site_lines(text, site_lines)
    )


def parse_page_text(
    raw: str,
    article_id: str,
    *,
    title: str = "",
    metadata: dict | None = None,
    site_lines: frozenset[str] = frozenset(),
) -> Article:
    """Clean the text of a scraped news page into an Article.

    `title`, when given (front matter, HTML metadata), wins over the detected one.
    `site_lines` are lines seen on several pages of the corpus (ingest_signals)."""
    metadata = dict(metadata or {})
    lines = [_clean_line(x) for x in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]

    split_at = next(
        (i for i, ln in enumerate(lines) if ln.text and COMMENTS_HEADING.match(ln.text)), None
    )
    first_by = next(
        (i for i, ln in enumerate(lines) if ln.text and COMMENT_BY.match(ln.text)), None
    )
    if first_by is not None and (split_at is None or first_by < split_at):
        split_at = first_by - 1  # the "NAME says:" line itself opens the first comment
    body_lines = lines if split_at is None else lines[: max(split_at, 0)]
    comments = [] if split_at is None else _split_comments(lines[split_at + 1 :])

    kept: list[_Line] = []
    teaser_after: int | None = None  # kept lines before the current-issue teaser
    for ln in _drop_repeated_lines(body_lines):
        if ln.text and ISSUE_TEASER_AFTER.match(ln.text):
            teaser_after = len(kept)
            continue
        if ln.text and _is_furniture_line(ln.text, site_lines):
            continue
        kept.append(ln)
    teaser = None
    if teaser_after is not None:
        teaser = next((ln for ln in kept[teaser_after:] if ln.text), None)
    blocks = [part for b in _blocks(kept) for part in _split_prose_lines(b)]
    at = next((i for i, b in enumerate(blocks) if b.lines[0] is teaser), None)
    if at is not None and at + 1 < len(blocks):
        if _heading_like(blocks[at]) and _heading_like(blocks[at + 1]):
            del blocks[at]  # the current-issue teaser printed after "Read the latest issue"

    found: dict = {}  # date and byline stated on the page (page_layout.take_meta)
    if title:
        if blocks and blocks[0].text.strip() == title.strip():
            blocks = blocks[1:]
    else:
        at = pick_title(blocks, _heading_like)
        if at is None and blocks and _heading_like(_Block([_Line(blocks[0].text.rstrip(". "), 0)])):
            # a headline written as a sentence ("Substantial Variation - Barnburgh Surgery
            # Contractual Changes."): the page's first line, one short line of its own above
            # a body
            at = 0 if len(blocks) > 1 and len(blocks[0].lines) == 1 else None
        if at is None and blocks and len(blocks[0].lines) > 1:
            # the headline with no blank line under it ("Sandiway surgery to close …" then the
            # first paragraph): the first line is the headline when it reads as one
            first = _Block([blocks[0].lines[0]])
            if _heading_like(first) and not blocks[0].is_bullets:
                blocks = [first, *_split_prose_lines(_Block(blocks[0].lines[1:])), *blocks[1:]]
                at = 0
        if at is None:
            raise ArticleError(
                article_id, "no detectable title (the first line of text should be the headline)"
            )
        take_meta(blocks[:at], found)  # a date or byline above the headline; the rest is banner
        title = blocks[at].text
        blocks = blocks[at + 1 :]
    blocks = clean_body(take_meta(take_head_meta(blocks, title, found), found), title)
    blocks = _join_broken(blocks)

    byline = found.get("byline", "")
    if byline:
        metadata.setdefault("author", found["author"])
    if found.get("date"):
        metadata.setdefault("date", found["date"])
    if blocks and len(blocks[0].lines) == 1 and (m := BYLINE.match(blocks[0].text)):
        byline = blocks.pop(0).text
        metadata.setdefault("author", m.group("name"))
    if blocks and len(blocks[-1].lines) == 1 and (m := SIGN_OFF.match(blocks[-1].text)):
        byline = byline or blocks[-1].text
        blocks.pop()
        metadata.setdefault("author", m.group("name"))
        metadata.setdefault("publication", m.group("org").strip())
    elif blocks and len(blocks[-1].lines) == 1 and (so := sign_off(blocks[-1].text)):
        byline = byline or so.byline
        blocks.pop()
        metadata.setdefault("author", so.author)

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


def parse_markdown(
    raw: str, article_id: str, *, site_lines: frozenset[str] = frozenset()
) -> Article:
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
        "\n".join(lines),
        article_id,
        title=str(meta.get("title") or ""),
        metadata=metadata,
        site_lines=site_lines,
    )


# --- html ---------------------------------------------------------------------------------


# trafilatura's extraction grows faster than linearly with the number of elements (a 5 MB page
# of 190k paragraphs: 143 s); news pages are a few hundred KB, so a page over this size is read
# by the linear block-text reader below instead
LARGE_HTML_CHARS = 1_000_000


def parse_html(raw: str, article_id: str, *, site_lines: frozenset[str] = frozenset()) -> Article:
    if len(raw) > LARGE_HTML_CHARS:
        title, body = html_blocks(raw)
        return parse_page_text(body, article_id, title=title, site_lines=site_lines)
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
        body.replace("\n", "\n\n"),
        article_id,
        title=doc.get("title") or "",
        metadata=metadata,
        site_lines=site_lines,
    )


def html_blocks(raw: str) -> tuple[str, str]:
    """(title, text with one block element a paragraph): a single linear pass of the standard
    library's HTML parser, leaving out scripts, styles and page chrome (nav, header, footer,
    aside, form)."""
    from html.parser import HTMLParser

    blocks = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "br", "tr"}
    skip = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template"}

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.title: list[str] = []
            self.h1: list[str] = []
            self.depth = 0  # inside skipped elements
            self.where = ""

        def handle_starttag(self, tag, attrs):
            if tag in skip:
                self.depth += 1
            elif tag in blocks:
                self.parts.append("\n\n")
            if tag in ("title", "h1"):
                self.where = tag

        def handle_endtag(self, tag):
            if tag in skip and self.depth:
                self.depth -= 1
            elif tag in blocks:
                self.parts.append("\n\n")
            if tag == self.where:
                self.where = ""

        def handle_data(self, data):
            if self.where == "title":
                self.title.append(data)
            elif not self.depth:
                self.parts.append(data)
                if self.where == "h1":
                    self.h1.append(data)

    r = Reader()
    r.feed(raw)
    r.close()
    title = " ".join("".join(r.h1 or r.title).split())
    text = "".join(r.parts)
    paragraphs = (" ".join(p.split()) for p in text.split("\n\n"))
    return title, "\n\n".join(p for p in paragraphs if p)
