"""Where the article sits on a scraped page: which line is the headline, which lines around it
state the date and byline, and which body blocks are furniture by general signals (captions,
credits, name-only photo labels, menus, lines repeated on the page, trailing link lists).

Works on the parser's blocks (anything with `.lines` of `.text`, `.text` and `.is_bullets`), so
parse.py only calls in. Precision first: a block is dropped only when a signal says so."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Protocol

from .furniture import furniture_kind
from .ingest_signals import (
    ends_like_sentence,
    is_caption,
    is_menu,
    is_name_only,
    is_reported_caption,
    is_short,
    is_site_notice,
    is_speaker_label,
    named_elsewhere,
    repeated_short_lines,
    stop_word_density,
    trigrams,
    word_counts,
    words,
)
from .lexical import tokenize
from .page_meta import Meta, meta_line, parse_date, sign_off

HEADLINE_MIN_WORDS = 4  # a shorter heading-like line above the headline is a label or menu
BODY_MIN_WORDS = 30  # a block this long, punctuated as prose, is article text: the head ends


class BlockLike(Protocol):
    lines: list
    text: str
    is_bullets: bool


def _single(block: BlockLike) -> bool:
    return len(block.lines) == 1 and not block.is_bullets


def _is_body_prose(block: BlockLike) -> bool:
    t = block.text
    return (
        len(words(t)) >= BODY_MIN_WORDS and ends_like_sentence(t) and stop_word_density(t) >= 0.25
    )


def block_meta(block: BlockLike) -> Meta | None:
    """What a block of date and byline lines states: one line ("By Jane Doe | 3 June 2015"),
    or up to three lines each of which is such a line ("by Jane Doe" above "3 June 2015")."""
    if _single(block):
        return meta_line(block.text)
    if (head := citation_block(block)) is not None:
        return head
    if block.is_bullets or len(block.lines) > 3:
        return None
    metas = [meta_line(ln.text) for ln in block.lines]
    if not all(metas):
        # "by" above "15 August 2012": one statement over two lines
        return meta_line(" ".join(ln.text.strip() for ln in block.lines))
    return Meta(
        date=next((m.date for m in metas if m.date), ""),
        byline=next((m.byline for m in metas if m.byline), ""),
        author=next((m.author for m in metas if m.byline), ""),
    )


_NUMBERED = re.compile(r"^\s*\d{1,2}\.\s+")
CITATION_BLOCK_LINES = 8


def citation_block(block: BlockLike) -> Meta | None:
    """A journal's head: its citation line ("BMJ 2015; 350 doi: (Published 20 February 2015)
    Cite this as: ...") over the numbered author list and affiliations ("1. Adrian O’Dowd",
    "1. London"). The date is kept, the first listed author is the byline."""
    lines = [ln.text.strip() for ln in block.lines]
    if not 1 < len(lines) <= CITATION_BLOCK_LINES:
        return None
    head = meta_line(lines[0])
    if head is None or not head.date or head.byline:
        return None
    rest = [_NUMBERED.sub("", ln) for ln in lines[1:]]
    if not all(
        _NUMBERED.match(ln) and len(words(r)) <= 5 for ln, r in zip(lines[1:], rest, strict=True)
    ):
        return None
    author = next((r for r in rest if is_name_only(r)), "")
    return Meta(date=head.date, byline=author, author=author)


def repeated_phrase(text: str) -> bool:
    """Whether a line is one phrase said over and over ("GP Practice GP Practice GP Practice",
    "Menu Menu"): site furniture, never a headline."""
    w = text.split()
    return any(
        len(w) % n == 0 and len(w) > n and w == w[:n] * (len(w) // n)
        for n in range(1, len(w) // 2 + 1)
    )


def pick_title(
    blocks: Sequence[BlockLike], heading_like: Callable[[BlockLike], bool]
) -> int | None:
    """Index of the headline: the first heading-like block of four or more words that is not a
    date or byline line, a menu or a label; else the last short heading-like block before the
    body begins. None when there is none before the first paragraph of prose."""
    fallback = None
    for i, b in enumerate(blocks):
        if _is_body_prose(b):
            break
        if block_meta(b) or is_menu([ln.text for ln in b.lines]) or not heading_like(b):
            continue
        if repeated_phrase(b.text):
            continue  # "GP Practice GP Practice GP Practice": a logo's words, not a headline
        if len(words(b.text)) >= HEADLINE_MIN_WORDS:
            return i
        fallback = i
    return fallback


def take_meta(blocks: list, meta: dict) -> list:
    """Drop date and byline lines (and a date label with the date on the next line) from
    `blocks`, recording the first date and byline found in `meta` (keys date, byline, author)."""
    out = []
    for b in blocks:
        m = block_meta(b)
        if m is None:
            out.append(b)
            continue
        if m.date:
            meta.setdefault("date", m.date)
        if m.byline:
            meta.setdefault("byline", m.byline)
            meta.setdefault("author", m.author)
    return out


_ISO_PREFIX = re.compile(r"^date\s*:?\s*(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\s+(?=\S)", re.I)
HEAD_BLOCKS = 3  # how far below the headline a date prefix or a repeated headline is looked for


def take_head_meta(blocks: list, title: str, meta: dict) -> list:
    """Just below the headline: a machine date prefixed to a line ("date 2022-01-19 Last month
    …", the prefix goes, the text stays) and the headline printed again with the byline and
    date run on ("HEADLINE By Jane Doe 3 June 2015": the line goes, its date and byline kept)."""
    out = []
    for i, b in enumerate(blocks):
        if (
            i < HEAD_BLOCKS
            and len(b.lines) > 1
            and (m := _ISO_PREFIX.match(b.lines[0].text.strip()))
        ):
            # "date 2020-11-25 HEADLINE" atop the body's lines (bulleted or not): the date
            # kept, the headline printed again dropped
            meta.setdefault("date", parse_date(m.group("iso")) or "")
            b.lines[0].text = b.lines[0].text.strip()[m.end() :]
            if b.lines[0].text.strip() == title.strip():
                del b.lines[0]
            # a date label left with no date ("- Published") goes with it
            label = meta_line(b.lines[0].text.strip().lstrip("-•* ")) if b.lines else None
            if label is not None and label.label_only and len(b.lines) > 1:
                del b.lines[0]
        if i < HEAD_BLOCKS and not b.is_bullets and len(b.lines) > 1:
            rest = _Lines(b.lines[1:])
            if b.lines[0].text.strip() == title.strip() and block_meta(rest):
                take_meta([rest], meta)  # the headline above its byline and date lines
                continue
            lead = _leading_meta_lines(b.lines) if block_meta(b) is None else 0
            if 0 < lead < len(b.lines):
                # "Monday, 30th March 2020, 4:00 pm" / "Updated …" run on into a photo caption:
                # the dates are kept as metadata, the caption line stays for the body's checks
                take_meta([_Lines([ln]) for ln in b.lines[:lead]], meta)
                del b.lines[:lead]
        if i >= HEAD_BLOCKS or not _single(b):
            out.append(b)
            continue
        line = b.lines[0]
        if m := _ISO_PREFIX.match(line.text):
            meta.setdefault("date", parse_date(m.group("iso")) or "")
            line.text = line.text[m.end() :]
        rest = line.text[len(title) :].strip() if line.text.startswith(title.strip()) else ""
        if rest and meta_line(rest):
            take_meta([_Lines([_Text(rest)])], meta)
            continue
        out.append(b)
    return out


def _leading_meta_lines(lines: list) -> int:
    """How many of a block's first lines are each a date or byline line on its own."""
    n = 0
    while n < len(lines) and (m := meta_line(lines[n].text)) and not m.label_only:
        n += 1
    return n


class _Text:
    def __init__(self, text: str) -> None:
        self.text = text


class _Lines:
    """Some lines of a block, as a block (for block_meta)."""

    def __init__(self, lines: list) -> None:
        self.lines, self.is_bullets = lines, False
        self.text = " ".join(ln.text.strip() for ln in lines)


def clean_body(blocks: list, title: str) -> list:
    """Drop the body blocks that general signals mark as furniture."""
    texts = [b.text.strip() for b in blocks]
    repeated = repeated_short_lines(texts)
    counts = word_counts(texts)
    prose_texts = [
        t for b, t in zip(blocks, texts, strict=True) if not _single(b) or ends_like_sentence(t)
    ]
    body = trigrams(prose_texts)
    again = next(
        (
            i
            for i, t in enumerate(texts[: HEAD_BLOCKS + 1])
            if t == title.strip() or _title_with_label(t, title)
        ),
        None,
    )
    if again:
        # "NHS" above the headline printed again: the site's label, not the article
        banner = [
            _single(b) and is_short(t) and not ends_like_sentence(t)
            for b, t in zip(blocks[:again], texts[:again], strict=True)
        ]
        if all(banner):
            blocks, texts = blocks[again:], texts[again:]
    bullet_lists = Counter(t for b, t in zip(blocks, texts, strict=True) if b.is_bullets)
    keep = []
    seen: set[str] = set()
    for i, b in enumerate(blocks):
        t = texts[i]
        if t == title.strip() or _title_with_label(t, title):
            continue  # the headline printed again below the page title (with a photo credit)
        if b.is_bullets and bullet_lists[t] > 1:
            continue  # a list printed twice on one page is its menu (header and mobile copies)
        if t in seen and not is_short(t):
            continue  # a paragraph printed twice on the page (a teaser above the story) is kept once
        seen.add(t)
        if b.is_bullets:
            keep.append(b)
            continue
        lines = [ln.text for ln in b.lines]
        if is_menu(lines):
            continue
        if _single(b):
            if t in repeated or is_site_notice(t):
                continue
            before = keep[-1].text if keep else None
            after = texts[i + 1] if i + 1 < len(texts) else None
            if len(keep) == 1 and after and _alt_text_below_standfirst(t, after, texts, title):
                continue
            if _reported_caption(t, before, after):
                continue
            if is_name_only(t) and named_elsewhere(t, counts):
                if not is_speaker_label(i, texts):
                    continue
            if is_caption(t, [body]) or restates_a_sentence(t, texts, i):
                if keep and keep[-1] is blocks[i - 1] and _alt_text(keep[-1]):
                    keep.pop()  # the photo's alt text printed just above its caption
                continue
        keep.append(b)
    return _drop_trailing_links(keep)


RESTATED_MIN_WORDS = 6
TITLE_LABEL_WORDS = 3


ALT_TEXT_NOVEL = 0.75


def _alt_text_below_standfirst(text: str, after: str, texts: list[str], title: str) -> bool:
    """ "Sign reading Westminster" between the standfirst and the story: a short unpunctuated
    line whose words (three quarters of them) the article uses nowhere else. It describes the
    photo, not the story; a sub-heading there ("Key features") shares the story's words."""
    if not (is_short(text) and not ends_like_sentence(text) and ends_like_sentence(after)):
        return False
    terms = tokenize(text)
    if len(terms) < 2:
        return False
    rest = set(tokenize(" ".join([title, *(t for t in texts if t != text)])))
    return sum(t not in rest for t in terms) / len(terms) >= ALT_TEXT_NOVEL


def _title_with_label(text: str, title: str) -> bool:
    """ "HEADLINE Getty": the headline again with a credit or label of a few words after it."""
    title = title.strip()
    if not title or not text.startswith(title) or text == title:
        return False
    rest = text[len(title) :].strip()
    return len(words(rest)) <= TITLE_LABEL_WORDS and not ends_like_sentence(rest)


def _reported_caption(text: str, before: str | None, after: str | None) -> bool:
    """An unpunctuated past-tense summary line between two paragraphs of prose: a photo
    caption. With no paragraph after it, the line may be one the page cut off, so it is kept."""
    return (
        is_reported_caption(text)
        and text[:1].isupper()
        and before is not None
        and after is not None
        and all(ends_like_sentence(t) or len(words(t)) >= PROSE_WORDS for t in (before, after))
    )


PROSE_WORDS = 20


def restates_a_sentence(text: str, texts: list[str], index: int) -> bool:
    """A photo caption copying the opening of a sentence printed elsewhere on the page: an
    unpunctuated line of six or more words found word for word in another, longer paragraph."""
    if ends_like_sentence(text) or not RESTATED_MIN_WORDS <= len(words(text)) <= SHORT_CAPTION:
        return False
    ws = words(text)
    return any(
        j != index and len(other) > len(text) and words(other)[: len(ws)] == ws
        for j, other in enumerate(texts)
    )


SHORT_CAPTION = 25


def _alt_text(block: BlockLike) -> bool:
    t = block.text
    return _single(block) and is_short(t) and not ends_like_sentence(t) and "," not in t


# a paragraph the page cut off inside a quotation: an opening mark with no closing mark after it
# (a word's apostrophe, "GP’s", is no closing mark) before the text stops
_CUT_IN_QUOTE = re.compile(r"(?:^|[\s:(])[‘“'\"](?=\w)(?:[^’”'\"]|(?<=\w)[’'](?=\w))*$")


# a paragraph the page cut off in the attribution after a whole quote: "“This will mean hard
# choices,” she sai"
_CUT_AFTER_QUOTE = re.compile(
    r"^[‘“'\"](?=\w)(?:[^’”'\"\n]|(?<=\w)[’'](?=\w)){10,}[,.!?][’”'\"]\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}$"
)


# a paragraph the page cut off after a whole sentence: "… according to the CCG. T"
_CUT_AFTER_SENTENCE = re.compile(
    r"^(?:\S+\s+){7,}?\S*[A-Za-z0-9][.!?][’”'\")]?\s+[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}$"
)


def _drop_trailing_links(blocks: list) -> list:
    """After the last paragraph of text come related-story links, tags and buttons: short lines
    without sentence punctuation. A sign-off ("NAME is ... editor") is kept for the caller, and so
    is a paragraph cut off inside a quote ("Dr X added: ‘The service has been cut with no"),
    in the attribution after one ("“It will be hard,” she sai") or after a whole sentence ("This
    move will help, according to the CCG. T"), which no link or tag is."""
    end = len(blocks)
    while end > 0:
        b = blocks[end - 1]
        t = b.text
        if not _single(b) or ends_like_sentence(t) or sign_off(t) or not is_short(t):
            break
        if (
            _CUT_IN_QUOTE.search(t.strip())
            or _CUT_AFTER_SENTENCE.search(t.strip())
            or _CUT_AFTER_QUOTE.match(t.strip())
        ):
            break
        end -= 1
    return blocks[:end] if end > 0 else blocks


def is_leftover_furniture(text: str) -> str | None:
    """For review: the kind of furniture a kept paragraph still looks like, or None."""
    if kind := furniture_kind(text):
        return kind
    if meta_line(text):
        return "date/byline"
    return None
