"""Who said what: every direct quote and reported statement in an article, with its speaker.

Direct quotes are spans inside quotation marks (‘…’, “…”, '…', "…") that are attributed by a
speech verb, or that carry on a speaker's words. Reported statements are "X said (that) …",
"X warned that …", "…, he added.", "Papers seen by Pulse say …", "…, claims X".

Speaker resolution, in order: a person or organisation next to the speech verb in the same
sentence; "he"/"she" -> the most recent named person before it; "the CCG"/"it" -> the most
recent named CCG or organisation; a quote-only paragraph or sentence continues the previous
speaker. Names are merged across articles ("Dr Nagpaul" = "GPC chair Dr Chaand Nagpaul"), the
fullest form is canonical. Every quote's text is an exact slice of `Article.text`."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .intervals import Intervals
from .models import COMMENT_SPEAKER, Article, Quote
from .people import ORG as ORG_PATTERN
from .people import PeopleIndex, find_mentions
from .sentences import split_spans

SPEECH = (
    r"said|says|say|saying|told(?:\s(?:Pulse|the\s\w+))?|tells|warned|warns|added|adds|stated|states|"
    r"claims|claimed|believes|believe|believed|argued|argues|insisted|explained|agreed|agrees|"
    r"fears?|described|describes|called|calls|according\sto"
)
SPEECH_RE = re.compile(rf"\b(?:{SPEECH})\b", re.I)
NOT_SPEECH = re.compile(r"\bhaving said that\b|\bthat said\b", re.I)
REPORTING = re.compile(
    r"\s*(?:in a statement\s*|in a letter\s*|last week\s*)?,?\s*(?:that\s+|:\s+)?"
)
GROUP = re.compile(
    r"\b(?:local leaders|GP leaders|policy experts|LMC leaders|commissioning leaders|"
    r"local GP leaders|[Pp]apers seen by Pulse|King['’]s Fund experts)\b"
)
PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
ORG_REF = re.compile(r"^(?:But\s|And\s|However,\s)?(?:[Tt]he CCG|[Ii]t|[Tt]hey|[Ii]ts\s[\w\s]+?)\b")
OPEN = "‘“"
CLOSE = "’”"
MIN_QUOTE_WORDS = 3
ATTRIBUTION_GAP = 40  # characters between a quote's end and a trailing "he said"


@dataclass
class _Speaker:
    name: str
    role: str = ""
    organisation: str = ""
    is_person: bool = False


def _is_apostrophe(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return True  # It’s, King's
    if prev == "s" and nxt == " ":
        # "GPs’ contracts": a plural possessive when another closing mark follows in the paragraph
        rest = text[i + 1 :]
        close = min((rest.find(c) for c in CLOSE + "'" if rest.find(c) >= 0), default=-1)
        opening = min((rest.find(c) for c in OPEN if rest.find(c) >= 0), default=-1)
        return close >= 0 and (opening < 0 or close < opening)
    return False


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of quoted passages in one paragraph, quotation marks excluded.
    An opening mark never closed runs to the end of the paragraph (journalistic convention
    for a quote that carries on into the next paragraph)."""
    spans: list[tuple[int, int]] = []
    depth, start, mark = 0, 0, ""
    for i, ch in enumerate(text):
        if ch not in OPEN + CLOSE + "'\"" or _is_apostrophe(text, i):
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if depth == 0:
            if ch in OPEN or (ch in "'\"" and not prev.isalnum() and not nxt.isspace()):
                depth, start, mark = 1, i + 1, ch
        elif ch in OPEN and mark in OPEN:
            depth += 1
        elif (ch in CLOSE and mark in OPEN) or (
            ch == mark and mark in "'\"" and not prev.isspace()
        ):
            depth -= 1
            if depth == 0:
                spans.append((start, i))
    if depth > 0 and len(text.rstrip()) > start:
        spans.append((start, len(text.rstrip())))
    return spans


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace()):
        a += 1
    while b > a and (text[b - 1].isspace()):
        b -= 1
    return a, b


def _lower_first(name: str) -> str:
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


class _ArticleSpeakers:
    """Mentions of people, organisations and groups in one article, by offset."""

    def __init__(self, article: Article, people: PeopleIndex) -> None:
        self.items: list[tuple[int, int, _Speaker]] = []
        text = article.text
        for m in find_mentions(text):
            p = people.add(m)
            self.items.append((m.start, m.end, _Speaker(p.name, p.role, p.organisation, True)))
        taken = Intervals((a, b) for a, b, _ in self.items)
        for m in list(ORG_PATTERN.finditer(text)) + list(GROUP.finditer(text)):
            if taken.contains(m.start()):
                continue
            name = re.sub(r"^[Tt]he\s", "", m.group(0))
            is_org = bool(ORG_PATTERN.fullmatch(m.group(0)))
            self.items.append(
                (
                    m.start(),
                    m.end(),
                    _Speaker(
                        _lower_first(name) if not is_org else name, "", name if is_org else ""
                    ),
                )
            )
        self.items.sort(key=lambda x: x[0])
        # an organisation inside a person's role appositive ("Nick Goodwin, senior fellow at the
        # King's Fund, said") is not a separate speaker
        self.roles: list[tuple[int, int]] = []
        for a, b, s in self.items:
            if s.is_person and s.role:
                k = text.find(s.role, b, b + len(s.role) + 4)
                if k >= 0:
                    self.roles.append((b, k + len(s.role)))
                k = text.rfind(s.role, max(0, a - len(s.role) - 4), a)
                if k >= 0:
                    self.roles.append((k, a))

        # lookups by offset in O(log n), so an article's work stays linear in its length
        self._in_roles = Intervals(self.roles)
        self._starts = [a for a, _, _ in self.items]
        self._role_order = sorted(range(len(self.roles)), key=lambda i: self.roles[i][0])
        self._role_starts = [self.roles[i][0] for i in self._role_order]
        self._before = {
            name: (
                [a for a, _, s in self.items if keep(s)],
                [s for _, _, s in self.items if keep(s)],
            )
            for name, keep in (
                ("person", lambda s: s.is_person),
                ("org", lambda s: bool(s.organisation)),
                ("ccg", lambda s: bool(s.organisation) and s.name.endswith("CCG")),
            )
        }

    def _in_role(self, pos: int) -> bool:
        return self._in_roles.contains(pos)

    def roles_within(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The role spans starting in [lo, hi], in the order they were found."""
        i, j = bisect_left(self._role_starts, lo), bisect_right(self._role_starts, hi)
        return [self.roles[k] for k in sorted(self._role_order[i:j])]

    def between(self, lo: int, hi: int) -> list[tuple[int, int, _Speaker]]:
        out = []
        for k in range(bisect_left(self._starts, lo), bisect_right(self._starts, hi)):
            x = self.items[k]
            if x[1] <= hi and not (not x[2].is_person and self._in_role(x[0])):
                out.append(x)
        return out

    def _last_before(self, kind: str, pos: int) -> _Speaker | None:
        starts, speakers = self._before[kind]
        i = bisect_left(starts, pos)
        return speakers[i - 1] if i else None

    def person_before(self, pos: int) -> _Speaker | None:
        return self._last_before("person", pos)

    def org_before(self, pos: int, ccg_only: bool) -> _Speaker | None:
        return self._last_before("ccg" if ccg_only else "org", pos)


class _Extractor:
    def __init__(self, article: Article, people: PeopleIndex) -> None:
        self.article = article
        self.text = article.text
        self.speakers = _ArticleSpeakers(article, people)
        self.last: _Speaker | None = None
        self.quotes: list[Quote] = []

    def _near(self, end: int, hi: int, start: int, lo: int) -> bool:
        """A mention speaks through a verb when it is the clause's subject or sits next to the
        verb (a role appositive in between does not count)."""
        gap = self.text[end:hi]
        head = self.text[lo:start]
        for a, b in self.speakers.roles_within(lo, hi):
            if a >= end and b <= hi:
                gap = gap.replace(self.text[a:b], "")
            if a >= lo and b <= start:
                head = head.replace(self.text[a:b], "")
        gap = re.sub(
            r",\s*(?:who|which)\s[^,]{0,80},", ",", gap
        )  # ", who runs a practice in Exeter,"
        head = head.strip(" ,")
        if re.search(r"\d", gap):  # "… from NHS England and 60% said": the figure is the subject
            return False
        return len(gap.strip(" ,")) <= 25 or head in {"", "But", "And", "However", "•"}

    def subject(self, lo: int, hi: int) -> _Speaker | None:
        """Who speaks in text[lo:hi], the words before a speech verb."""
        seg = self.text[lo:hi]
        m = re.search(r",?\s*(?:which|who)\s*$", seg)
        found = [x for x in self.speakers.between(lo, hi) if m or self._near(x[1], hi, x[0], lo)]
        if m and found:
            return found[-1][2]
        pron = [
            (lo + x.start(), "p")
            for x in PRONOUN.finditer(seg)
            if self._near(lo + x.end(), hi, lo + x.start(), lo)
        ]
        persons = [(a, s) for a, _, s in found if s.is_person]
        if pron or persons:
            best = max(pron + [(a, s) for a, s in persons], key=lambda x: x[0])
            return self.speakers.person_before(best[0]) if best[1] == "p" else best[1]
        if found:
            return found[-1][2]
        ref = ORG_REF.match(seg.lstrip())
        if ref:
            word = ref.group(0).split()[-1].lower()
            if word in {"it", "they"} and self.last is not None and not self.last.is_person:
                return self.last
            return self.speakers.org_before(lo, ccg_only="ccg" in ref.group(0).lower())
        return None

    def after(self, lo: int, hi: int) -> _Speaker | None:
        """Who speaks in the words after a trailing verb ("…, claims Dr David Geddes")."""
        found = self.speakers.between(lo, hi)
        persons = [s for _, _, s in found if s.is_person]
        return persons[0] if persons else (found[0][2] if found else None)

    def add(self, a: int, b: int, sp: _Speaker, kind: str, paragraph: int) -> None:
        a, b = _trim(self.text, a, b)
        while b > a and self.text[b - 1] in ",;:":
            b -= 1
        if b <= a:
            return
        self.quotes.append(
            Quote(
                self.text[a:b],
                sp.name,
                sp.role,
                sp.organisation,
                self.article.id,
                self.article.title,
                paragraph,
                a,
                b,
                kind,
            )
        )

    def paragraph(self, p: int, block: str, base: int) -> None:
        qspans = _quote_spans(block)

        def quoted(pos: int) -> bool:
            return any(a <= pos < b for a, b in qspans)

        for sent in split_spans(block):
            s0, s1 = base + sent.start, base + sent.end
            inner = [(base + a, base + b) for a, b in qspans if sent.start <= a - 1 < sent.end]
            masked = NOT_SPEECH.sub(lambda m: "#" * len(m.group(0)), sent.text)
            verbs = [
                (s0 + v.start(), s0 + v.end())
                for v in SPEECH_RE.finditer(masked)
                if not quoted(sent.start + v.start())
            ]
            for qa, qb in inner:
                self.direct(p, qa, qb, s0, s1, verbs, block, base)
            self.reported(p, s0, s1, verbs, inner)

    def direct(
        self, p: int, qa: int, qb: int, s0: int, s1: int, verbs: list, block: str, base: int
    ) -> None:
        words = len(self.text[qa:qb].split())
        lead = self.text[s0 : qa - 1].strip()
        starts_sentence = lead in {"", "•"}
        sp = None
        trailing = [v for v in verbs if v[0] >= qb and v[0] - qb <= ATTRIBUTION_GAP]
        before = [v for v in verbs if v[1] <= qa]
        if trailing:
            va, vb = trailing[0]
            sp = self.subject(qb, va) or self.after(vb, min(s1, vb + 120))
        if sp is None and before:
            va, vb = before[-1]
            prev = [v for v in before if v[1] <= va]
            lo = prev[-1][1] if prev else s0
            sp = self.subject(lo, va)
        if sp is None and before:
            agent = re.match(r"\s*by\s", self.text[qb + 1 : qb + 6])
            if agent:  # "described as ‘…’ by local leaders"
                sp = self.after(qb + 1, min(s1, qb + 60))
        if sp is None and starts_sentence:
            sp = self.last  # a quote-only sentence or paragraph carries on the previous speaker
        if sp is None or (words < MIN_QUOTE_WORDS and not (before or trailing)):
            return
        if words < 2:
            return
        self.add(qa, qb, sp, "direct", p)
        self.last = sp

    def reported(self, p: int, s0: int, s1: int, verbs: list, inner: list) -> None:
        for i, (va, vb) in enumerate(verbs):
            verb = self.text[va:vb]
            if verb.startswith(("describ", "call")):
                continue
            if verb.lower().startswith("according"):
                # "According to Dr Collins, fewer than a third of practices had attended …"
                comma = self.text.find(",", vb, s1)
                sp = self.after(vb, comma) if comma > 0 else None
                if sp is not None and len(self.text[comma + 1 : s1].split()) >= 3:
                    self.add(comma + 1, s1, sp, "reported", p)
                    self.last = sp
                continue
            if any(qa - 1 <= vb + 2 and qa >= vb for qa, _ in inner) and not self.text[
                vb:
            ].lstrip().startswith("that"):
                continue  # "said: ‘…’" is a direct quote
            tail = self.text[vb:s1]
            head = self.text[s0:va]
            m = re.search(r",\s*(?:[\w’'-]+\s){0,4}$", head)
            if m and (
                re.match(r",\s*(?:which|who|while|and|but|whereas)\b", head[m.start() :])
                or re.match(r"\s*(?:that\b|:)", tail)
                or not (head[m.start() :].strip(" ,") or self.speakers.between(vb, s1))
            ):
                m = None
            if m and len(tail.split()) <= 16 and m.start() > 15:
                # trailing attribution: "CLAUSE, he added." / "CLAUSE, claims Dr X …"
                sp = self.subject(s0 + m.start(), va) or self.after(vb, s1)
                a, b = s0, s0 + m.start()
            else:
                prev_end = verbs[i - 1][1] if i else s0
                sp = self.subject(prev_end, va)
                r = REPORTING.match(tail)
                a = vb + (r.end() if r else 0)
                nxt = verbs[i + 1][0] if i + 1 < len(verbs) else s1
                cut = re.search(r",\s*while\s|:\s*[‘“'\"]", self.text[a:nxt])
                b = a + cut.start() if cut else s1
            if sp is None:
                continue
            body = self.text[a:b].strip()
            if len(body.split()) < 3:
                continue
            covered = sum(max(0, min(b, qb) - max(a, qa)) for qa, qb in inner)
            if covered >= 0.85 * (b - a):
                continue  # the whole statement is a direct quote, already recorded
            self.add(a, b, sp, "reported", p)
            self.last = sp


def extract_quotes(article: Article, people: PeopleIndex | None = None) -> list[Quote]:
    ex = _Extractor(article, people or PeopleIndex())
    for p, (block, base) in enumerate(zip(article.blocks, article.block_starts(), strict=True)):
        if article.byline and p == len(article.blocks) - 1 and block == article.byline:
            continue
        ex.paragraph(p, block, base)
    return ex.quotes


def comment_quotes(article: Article) -> list[Quote]:
    """Reader comments as quote records: never named, kind 'comment'."""
    return [
        Quote(c, COMMENT_SPEAKER, "", "", article.id, article.title, i, 0, len(c), "comment")
        for i, c in enumerate(article.comments)
    ]
