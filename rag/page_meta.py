"""Dates and bylines as pages state them: "26 May 2015", "Posted date: 26 May 2015",
"By Jane Doe | 3 June 2015", "Jane Doe is the health editor of the Courier.".

A date becomes ISO (2015-05-26, or 2015-05 when the page gives only a month) only when the line
says it; a byline keeps the page's words. Nothing is guessed: a line that is not wholly a date,
a byline, a label or a reading time is text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .furniture import furniture_kind

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:\s*,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s*(?:bst|gmt|utc))?)?"
_DATE_FORMS = (
    _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})",
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})",
    r"(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})",
    r"(?P<day>\d{1,2})[/.](?P<mnum>\d{1,2})[/.](?P<year>(?:19|20)\d{2})",  # UK order
    _MONTH + r"\s+(?P<year>(?:19|20)\d{2})",
)
_LABEL = (
    r"(?:(?:posted|published|first published|last updated|updated|last modified|date|"
    r"date published|date posted|posted date|posted time|published time|publication date|release date|issued|"
    r"press release date|asked|answered|tabled|submitted)(?:\s+on)?\s*:?\s*)"
)
_DATE_LINE = tuple(re.compile(rf"^{_LABEL}?{form}{_TIME}\s*\.?$", re.I) for form in _DATE_FORMS)
DATE_LABEL = re.compile(rf"^{_LABEL}$", re.I)

_TITLE = r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Cllr|Councillor|Sir|Dame|Lord|Baroness)\.?\s)?"
_NAME = _TITLE + r"[A-Z][\w'’.-]+(?:\s(?:[A-Z][\w'’.-]+|de|van|von|da|di|le))*?\s[A-Z][\w'’-]+"
NAME_RE = re.compile(rf"^{_NAME}$")
_NAMES = rf"{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
_BYLINE = re.compile(
    rf"^(?i:by:?|words by|written by|posted by|authors?\s*:|reporting by)\s+(?P<names>{_NAMES})"
    r"(?P<role>,\s*[\w'’&() -]{2,80})?\s*$"
)
_SIGN_OFFS = (
    # "Jane Doe is the health editor of the Courier." / "... is HSJ's primary care correspondent."
    re.compile(
        rf"^(?P<name>{_NAME}) is (?:the |a |an )?[^.]{{0,80}}?\b(?:editor|correspondent|reporter|"
        r"journalist|writer|columnist)\b[^.]{0,80}\.?$"
    ),
    # "Helen Marsh is a senior fellow in policy at the Westbury Institute."
    re.compile(
        rf"^(?P<name>{_NAME}) is (?:the |a |an )?[a-z][\w\s,-]{{2,80}}? (?:at|of|for|with) "
        r"(?:the )?[A-Z][\w\s&'’,-]{1,80}\.?$"
    ),
)
_SEPARATORS = re.compile(r"\s+(?:\||•|·|—|–|-)\s+|\s*\|\s*")
_BY_THEN_DATE = re.compile(r"^(?P<by>.+?),\s*(?P<date>[^,]+)$")
_READING_TIME = re.compile(r"^\d{1,3}\s*(?:min(?:ute)?s?)(?:\s+read)?$", re.I)
# "07:47 GMT", "10.32am": a time beside the date; "@ccginsider": the author's handle; "Jump to
# comments": a link beside them
_TIME_PART = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s*(?:bst|gmt|utc))?$", re.I)
_HANDLE = re.compile(r"\s+@\w+")
_JUMP = re.compile(r"\s*\b(?:jump|skip|go) to comments?\s*$", re.I)
_LABEL_INSIDE = re.compile(r"\s+(?=(?:published|posted)\s*:)", re.I)
# "by 15 August 2012": a byline whose name the page left out, before the date
_BY_DATE = re.compile(r"^by\s+(?=\d)", re.I)
# "Updated on 14 December 2022, 2420 views": a counter after the date is not text either
_COUNTER = re.compile(r"\s*[,|•·]?\s*\d[\d,]*\s+(?:views?|reads?|shares?)\s*$", re.I)
# "(asked on 22nd June 2022)": a labelled date in brackets
_BRACKETED = re.compile(r"^\((?P<inner>[^()]{4,60})\)$")
# "BMJ 2015; 350 doi: (Published 20 February 2015) Cite this as: BMJ 2015;350:h975": a journal's
# citation line states the publication date and nothing of the article
_CITATION = re.compile(
    r"^(?=.*\b(?:doi|cite this as)\b).{0,120}?\((?:published|posted)(?:\s+online)?:?\s*"
    r"(?P<date>[^()]{6,30})\).{0,120}$",
    re.I,
)


def parse_date(text: str) -> str | None:
    """The ISO date a line consists of (with an optional label and time), or None."""
    text = text.strip()
    for form in _DATE_LINE:
        if m := form.match(text):
            g = m.groupdict()
            month = int(g["mnum"]) if g.get("mnum") else _MONTHS[g["month"].lower()]
            if not 1 <= month <= 12:
                return None
            if not g.get("day"):
                return f"{g['year']}-{month:02d}"
            day = int(g["day"])
            return f"{g['year']}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
    return None


@dataclass(frozen=True)
class Meta:
    """What one line of page furniture states about the article."""

    date: str = ""
    byline: str = ""  # the page's own words: "By Jane Doe"
    author: str = ""  # the first name in it: "Jane Doe"
    label_only: bool = False  # "Posted date" on its own, the date follows on the next line


def byline_of(text: str) -> Meta | None:
    if m := _BYLINE.match(text.strip()):
        first = re.split(r"\s*(?:,|\band\b|&)\s*", m.group("names"))[0]
        return Meta(byline=text.strip(), author=first)
    return None


def sign_off(text: str) -> Meta | None:
    """ "NAME is ... editor" or "NAME is a ROLE at ORG." closing (or opening) an article."""
    text = text.strip()
    if len(text.split()) > 30:
        return None
    for form in _SIGN_OFFS:
        if m := form.match(text):
            return Meta(byline=text, author=m.group("name"))
    return None


_ON_THE = re.compile(r"\s+on(?:\s+the)?$", re.I)


def _byline_then_date(part: str) -> tuple[Meta, str] | None:
    """ "by Jane Doe 25 October 2017", "By Jane Doe on the 9 February 2022": a byline and a
    date with nothing between them (the date is the last two to five words)."""
    ws = part.split()
    for n in range(2, 6):
        if len(ws) <= n + 1:
            break
        iso = parse_date(" ".join(ws[-n:]))
        if iso and (b := byline_of(_ON_THE.sub("", " ".join(ws[:-n])))):
            return b, iso
    return None


def meta_line(text: str) -> Meta | None:
    """The date and byline a short line states, when the whole line is such furniture:
    "26 May 2015", "Posted date", "By Jane Doe | 26 May 2015 | 3 min read"."""
    text = text.strip()
    if not text or len(text) > 160:
        return None
    if DATE_LABEL.match(text):
        return Meta(label_only=True)
    if (m := _CITATION.match(text)) and (iso := parse_date(m.group("date"))):
        return Meta(date=iso)
    date = byline = author = ""
    text = _JUMP.sub("", _HANDLE.sub("", _COUNTER.sub("", text)))
    text = _BY_DATE.sub("", text)
    parts = [q for p in _SEPARATORS.split(text) for q in _LABEL_INSIDE.split(p)]
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if m := _BRACKETED.match(part):
            part = m.group("inner").strip()
        if iso := parse_date(part):
            date = date or iso
        elif (m := _BY_THEN_DATE.match(part)) and (
            (b := byline_of(m.group("by"))) and (iso := parse_date(m.group("date")))
        ):
            byline, author, date = byline or b.byline, author or b.author, date or iso
        elif b := byline_of(part):
            byline, author = byline or b.byline, author or b.author
        elif found := _byline_then_date(part):
            b, iso = found
            byline, author, date = byline or b.byline, author or b.author, date or iso
        elif date and furniture_kind(part):
            continue  # "(asked on 22 June 2022) - View Source": a link label beside the date
        elif not (_READING_TIME.match(part) or (date and _TIME_PART.match(part))):
            return None
    if not (date or byline):
        return None
    return Meta(date=date, byline=byline, author=author)
