"""Site furniture: the lines a scraped news page carries that are not the article.

Rules are patterns of the kind of line (a cookie notice, a masthead tagline, a sign-in prompt),
never positions in a particular file, so a new page from the same sites is cleaned the same way.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Whole lines that are never article text.
FURNITURE_LINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, _I)
    for p in (
        r"^cookie (policy|settings|notice).*$",
        r"^.*\bcookies?\b.*\b(policy|consent|browsing experience|agree|accept)\b.*$",
        r"^this (site|website) is (intended )?(for|only for) health ?care professionals( only)?\.?$",
        r"^this (site|website) is intended for health professionals only\.?$",
        r"^at the heart of [\w\s]+ since \d{4}\.?$",  # masthead tagline
        r"^[\w\s-]{0,40}\b\d{2,4}x\d{2,4}px\b[\w\s-]{0,20}$",  # image alt: 'pulse june2020 80x101px'
        r"^read the latest issue( online)?\.?$",
        r"^(have you registered with us yet\??|register now\b.*|already registered\??)$",
        r"^(sign in|log ?in|sign up|subscribe( now)?|register)\.?$",
        r"^before commenting,? please read our rules\b.*$",
        r"^if you see a comment you find offensive\b.*$",
        r"^.*\bflag (it )?as inappropriate\b.*$",
        r"^comments powered by disqus\.?$",
        r"^have your say\.?$",
        r"^unsuitable or offensive\?\s*report this comment\.?$",
        r"^(report|flag) this comment\.?$",
        r"^view results\b.*\bper page.*$",
        r"^(share|tweet|email|print)( this( article)?)?\.?$",
        r"^(related (articles|stories)|most read|most commented|advertisement)\.?$",
    )
)

# A line after which the next short heading is the magazine's current-issue teaser.
ISSUE_TEASER_AFTER = re.compile(r"^read the latest issue( online)?\.?$", _I)

# The heading that opens the reader-comment section.
COMMENTS_HEADING = re.compile(
    r"^(readers'?|reader)?\s*comments?\s*(\(\d+\))?:?$|^\d+\s+comments?$|^comments\s*\(\d+\)$",
    _I,
)

# "Nigel Praities is the editor of Pulse." — a sign-off naming the author.
SIGN_OFF = re.compile(
    r"^(?P<name>(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s)?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,3})"
    r" is (?:the |a |an )?(?P<role>[a-z][\w\s-]{2,60}?) (?:of|at|for) (?P<org>[A-Z][\w\s&'’-]{1,60})\.?$"
)
BYLINE = re.compile(r"^by\s+(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,3})\s*$", _I)

BULLET = re.compile(r"^\s*[•●▪◦·*\-–]\s+")


def is_furniture(line: str) -> bool:
    stripped = line.strip().strip("\u00a0")
    if len(stripped) > 300:  # furniture is short; a long line is prose
        return False
    return any(p.match(stripped) for p in FURNITURE_LINES)
