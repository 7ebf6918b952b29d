"""General signals that tell furniture from article text on any site, in the spirit of jusText:
stop-word density, sentence punctuation, name-only lines, captions restating a quote, lines
repeated within a page and lines repeated across several pages of a corpus. None of them
names a site or a phrase; the phrase rules are the reviewed list in rag/data/furniture.yaml."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .lexical import STOP_WORDS
from .page_meta import NAME_RE

_WORD = re.compile(r"[\w'’-]+")
_TERMINAL = re.compile(r"[.!?:;…]\s*['’\"”)\]]*\s*$")
_QUOTED = re.compile(r"[‘“\"']([^‘’“”\"]{12,}?)[’”\"']")
_SAID_TAIL = re.compile(r",\s+(?:[A-Z][\w.'’-]*\s){1,5}(?:said|says|added|warned|told \w+)$")
CAPTION_MAX_WORDS = 60
_QUOTE_OPEN = re.compile(r"^\s*[‘“\"']")

SHORT_LINE_WORDS = 15  # "a short line": at most this many words
SITE_LINE_MIN_PAGES = 3  # a line in this many pages of a corpus is the site's, not an article's
SITE_LINE_MAX_WORDS = 25


# English function words (the search index's stop words and a few modal ones): their share of a
# paragraph's words tells prose (about 0.4 and up) from menus, tag lists, captions and name
# lines (near 0)
FUNCTION_WORDS = STOP_WORDS | frozenset({"also", "may", "might", "must"})


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def stop_word_density(text: str) -> float:
    ws = words(text)
    return sum(w.lower() in FUNCTION_WORDS for w in ws) / len(ws) if ws else 0.0


def ends_like_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def is_short(text: str) -> bool:
    return len(words(text)) <= SHORT_LINE_WORDS


def is_name_only(text: str) -> bool:
    """ "Dr Ann Lowe", "Gavin Ralston": a line that is a person's name and nothing else."""
    text = text.strip()
    return len(text.split()) <= 6 and bool(NAME_RE.match(text))


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each word occurs in the texts, for named_elsewhere in one pass over a page."""
    return Counter(w for t in texts for w in words(t))


def named_elsewhere(name: str, counts: Counter[str]) -> bool:
    """The name's surname occurs in the page besides in this line (`counts`: the whole page,
    this line included)."""
    surname = words(name)[-1]
    return counts[surname] > words(name).count(surname)


def trigrams(texts: Iterable[str]) -> set[tuple[str, ...]]:
    """Every run of three words in the texts, for is_caption in one pass over a page."""
    out: set[tuple[str, ...]] = set()
    for t in texts:
        ws = [w.lower() for w in words(t)]
        out.update(tuple(ws[i : i + 3]) for i in range(len(ws) - 2))
    return out


def _quoted_in(quote: str, body: set[tuple[str, ...]]) -> bool:
    ws = [w.lower() for w in words(quote)]
    return len(ws) >= 3 and all(tuple(ws[i : i + 3]) in body for i in range(len(ws) - 2))


def is_caption(text: str, body: set[tuple[str, ...]]) -> bool:
    """A line that captions a photo: no full stop, and either it restates a quote printed in
    the article ("... ‘well placed to help’, Gavin Ralston said") or it ends "..., NAME said".
    `body`: trigrams() of the article's prose."""
    text = text.strip()
    if ends_like_sentence(text) or not 4 <= len(words(text)) <= CAPTION_MAX_WORDS:
        return False
    if _SAID_TAIL.search(text):
        return True
    return any(_quoted_in(q, body) for q in _QUOTED.findall(text))


# A notice the site addresses to its reader about the site itself: "you"/"your" and the medium
# (browser, cookies, log-in, the website) in one line that quotes and reports nobody
_YOU = re.compile(r"\b(you|your|you'(ll|re|ve|d)|you’(ll|re|ve|d))\b", re.I)
_MEDIUM = re.compile(
    r"\b(browsers?|cookies?|javascript|(our|this) (web)?site|websites?|log ?in|logged in|"
    r"sign ?in|signed in|newsletters?|subscri(be|ption))\b",
    re.I,
)
_REPORTS = re.compile(r"\b(said|says|told|tells|added|according to)\b", re.I)
SITE_NOTICE_MAX_WORDS = 45


def is_site_notice(text: str) -> bool:
    """ "For the best experience using our website we recommend you upgrade your browser.",
    "We'll assume we have your consent to use cookies ...": a line the site says to its reader
    about the site. News prose about browsers or websites does not address "you"; a quote that
    does is attributed or quoted, and such lines are left alone."""
    text = text.strip()
    if len(words(text)) > SITE_NOTICE_MAX_WORDS or _REPORTS.search(text) or _QUOTE_OPEN.match(text):
        return False
    return bool(_YOU.search(text) and _MEDIUM.search(text))


# A photo caption in HSJ style: a one-line summary of what someone said, in the past tense and
# with no full stop ("Ian Dodge said 51 more CCGs will be approved"); sub-headings use the
# present tense ("..., says Dr Drage") or no verb
_PAST_REPORT = re.compile(r"\b(said|called for|told|warned|claimed|insisted|argued|urged|added)\b")
REPORTED_CAPTION_WORDS = (6, 25)


def is_reported_caption(text: str) -> bool:
    text = text.strip()
    lo, hi = REPORTED_CAPTION_WORDS
    return (
        "\n" not in text
        and not ends_like_sentence(text)
        and lo <= len(words(text)) <= hi
        and bool(_PAST_REPORT.search(text))
        and not _QUOTE_OPEN.match(text)
    )


def is_speaker_label(index: int, texts: list[str]) -> bool:
    """A name line directly above a quote paragraph labels the speaker (reaction pieces)."""
    return index + 1 < len(texts) and bool(_QUOTE_OPEN.match(texts[index + 1]))


def is_menu(lines: list[str]) -> bool:
    """A block of three or more very short lines with hardly a function word: a menu or a tag
    list, not prose and not a bullet list (bullets are checked by the caller)."""
    return (
        len(lines) >= 3
        and all(len(words(ln)) <= 4 and not ends_like_sentence(ln) for ln in lines)
        and stop_word_density(" ".join(lines)) < 0.2
    )


def repeated_short_lines(texts: list[str]) -> set[str]:
    """Short lines printed more than once on one page (a caption under each copy of a photo,
    a share bar above and below the story)."""
    counts = Counter(t.strip() for t in texts if t.strip() and is_short(t))
    return {t for t, n in counts.items() if n > 1}


def _normal(line: str) -> str:
    return " ".join(line.split()).strip("\u00a0")


def repeated_across_pages(pages: Iterable[str]) -> frozenset[str]:
    """Lines found in SITE_LINE_MIN_PAGES or more pages: a site's banners, menus and footers.
    Long lines and lines quoting someone are left out (two reports may quote one statement)."""
    seen: Counter[str] = Counter()
    for text in pages:
        lines = {_normal(ln) for ln in text.splitlines()}
        seen.update(
            ln
            for ln in lines
            if ln
            and len(ln.split()) <= SITE_LINE_MAX_WORDS
            and not _QUOTED.search(ln)
            and not re.search(r"\b(said|says|told)\b", ln)
        )
    return frozenset(ln for ln, n in seen.items() if n >= SITE_LINE_MIN_PAGES)


def in_site_lines(line: str, site_lines: frozenset[str]) -> bool:
    return bool(site_lines) and _normal(line) in site_lines
