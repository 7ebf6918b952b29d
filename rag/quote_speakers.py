"""Who may speak in an article: the people, organisations, groups and practices it names, by
offset, with the lookups speaker resolution needs (the person last named as a subject, the
organisation last named, the one body of a kind, a surname alone after the full name), and what
makes a document, not a person, the subject of a speech verb."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .intervals import Intervals
from .lexical import STOP_WORDS
from .models import Article
from .people import (
    OCCUPATIONS,
    ROLE_NOUNS,
    ROLE_WORD,
    TITLES,
    Mention,
    PeopleIndex,
    find_mentions,
)
from .people import ORG as ORG_PATTERN

GROUP = re.compile(
    r"\b(?:local leaders|GP leaders|policy experts|LMC leaders|commissioning leaders|"
    r"local GP leaders|[Pp]apers seen by Pulse|King['’]s Fund experts)\b"
)
# a general practice by its name: "Riverside Surgery", "Old Mill Medical Centre", "Kelso Medical
# Group" (not a role, "Practice Manager", nor a term, "Best Practice", "GP Practice")
_PRACTICE_KIND = (
    r"(?:Surgery|Medical\sPractice|Practice|Medical\sCentre|Health\sCentre|Medical\sGroup)"
)
PRACTICE = re.compile(
    r"(?<![\w’'-])(?:(?!(?:The|A|An|This|That|These|Those|Its|Their|Our|In|On|At|By|For|From|With|"
    r"But|And|However|Each|Every|Some|All|Both|GP|GPs|General|Primary|Best|Good|Local|Family|"
    r"Medical|Health|New|NHS|Group|Dental|Private|Single|Small|Large|Rural|Urban|Clinical|Nursing|"
    r"Advanced|Professional|Current|Future|Standard|Dispensing|Training|Teaching|Code|Joint|Sole)\b)"
    rf"(?![\w-]*[’']s\s)[A-Z][\w’'-]*\s){{1,3}}?(?:(?![\w-]*[’']s\s)[A-Z][\w’'-]*\s)?{_PRACTICE_KIND}\b(?!\s[A-Z]|[’']s?\s+[A-Z])"
)
KIND_SPELT = {
    "integrated care board": "icb",
    "clinical commissioning group": "ccg",
    "local medical committee": "lmc",
}


def kind_of(name: str) -> str:
    """An organisation's name as its kind ends it: "Bury Clinical Commissioning Group" ->
    "bury ccg", "Integrated Care Board for Hampshire" -> "integrated care board" -> "icb"."""
    name = re.sub(r"\sfor\s.*$", "", name.lower())
    for spelt, short in KIND_SPELT.items():
        name = name.replace(spelt, short)
    return name


SPOKES_FOR = re.compile(
    r"\bspokes(?:man|woman|person)\s+(?:for|from|at)\s+(?:the\s+)?"
    r"(?P<org>(?!(?:Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Sir|Dame|Lord|Cllr|Councillor)\b)"
    r"[A-Z][\w&'’-]*(?:\s(?:of\s|and\s|for\s|&\s)?[A-Z][\w&'’-]*){0,5})"
)
# a lower-case noun after a capitalised word makes it a modifier ("the GP practice"); a verb,
# a preposition or a conjunction does not ("for Provide told Pulse", "for Virgin Care said")
_MODIFIES = re.compile(
    r"\s+(?!(?:said|says|told|tells|added|adds|confirmed|confirms|explained|stated|insisted|"
    r"warned|is|was|has|had|will|would|and|or|but|to|in|on|at|for|that|which|who)\b)[a-z]"
)
# what a document says is no person's quote: "The letter said: ‘…’", "The report, written by
# Professor X, says", "Dr X’s letter said", "the motion, which added", "It states" after "the
# agreement". Such quotes stay unattributed (method "document") and end any continuation.
DOC_NOUN = (
    r"(?:letter|report|guidance|agreement|document|(?:white\s|green\s)?paper|policy|motion|"
    r"consultation|contract|survey|minutes|framework|bill|proposals?|review|analysis|memo|e-?mail|"
    r"circular|strategy|plan|briefing|study|specification|website|blog|article|editorial|"
    r"resolution|legislation|regulations|guide|handbook|leaflet|notice|tweet|submission|manifesto|"
    r"fact\s?sheet|bulletin|newsletter|announcement|advert|assessment|business\scase|papers|slides|"
    r"presentation|agenda|directions|protocol|charter|toolkit|template|standards?)"
)
_DET = r"(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Nn]ew)"
MODIFIERS = r"(?:(?!(?:of|for|from|by|to|at|in|on|with|and|or|who|which|that)\b)[\w’'-]+\s+){0,3}?"
DOC_SUBJECT = re.compile(
    # (or a capitalised determiner mid-sentence: a run-in subheading before it, "GP commissioning
    # An NHS England letter says")
    rf"(?:^|[,;(]\s*|\b(?:[Aa]nd|[Bb]ut|[Ww]hile|However,?|Meanwhile,?|[Nn]ow)\s+|(?<=[a-z]\s)(?=(?:The|An?)\s))"
    # (a title in quotation marks may stand before the noun: "the ‘Enhanced services’ fact sheet")
    rf"(?:{_DET}|(?:[A-Z][\w’'-]*\s){{0,3}}[A-Z][\w’'-]*[’']s)\s+(?:‘[^‘’“”\n]{{1,80}}’\s+)?"
    rf"{MODIFIERS}{DOC_NOUN}s?\b"
    r"(?P<rest>[^.;:“”‘\"]*)$"
)
# what may stand between the document and its verb: "from X", "signed by X", ", seen by HSJ,",
# "inviting CCGs to apply"
DOC_REST = re.compile(
    r"^\s*(?:(?:from|by|of|to|for|on|signed\sby|written\sby|(?:commissioned|carried\sout|conducted|"
    r"prepared|produced|led)\sby|(?:sent|published|issued|circulated)(?:\s(?:by|to|on|in|at))?|"
    r"seen\sby|dated|[a-z]{3,}ing)\s[^,]{0,80}?)?\s*(?:,[^,]{1,150},)?\s*"
    r"(?:,?\s*(?:which|that)|also|further|itself|then|now|too)?\s*,?\s*$"
)
DOC_WHICH = re.compile(rf"\b{_DET}\s+{MODIFIERS}{DOC_NOUN}s?\s*,?\s*(?:which|that)\s*$")
DOC_MENTION = re.compile(rf"\b{_DET}\s+{MODIFIERS}{DOC_NOUN}s?\b")
# "X said", "X has also said": the mention before its own speech verb ("…, replacing Dr A,
# said Dr B": Dr A, before a comma, is still an object)
_SPEAKS_AFTER = re.compile(
    r"[ \t]+(?:has[ \t]+|had[ \t]+|also[ \t]+){0,2}"
    r"(?:said|says|added|adds|warned|explained|told|insisted|argued|stressed|claimed|claims)\b"
)
# "…, said Dr X." / "…, added Ms Y,": a speech verb just before the mention, which ends the clause
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|added|adds|warned|explained|insisted|argued|stressed|claimed|claims|"
    r"[Aa]ccording[ \t]+to)[ \t]+$"  # ("According to Dr X, senior partner, it is …")
)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?]|$)")


# verbs in the past that take a person as object and do not end in "-ed": "told chair Dr X"
_VERB_BEFORE_OBJECT = frozenset("told met gave sent wrote thanked".split())
# "-ed" words that describe a role rather than act on its holder: "elected chair Dr X"
_ADJECTIVAL_PARTICIPLES = frozenset(
    "elected appointed named retired qualified registered based unnamed designated "
    "re-elected respected experienced interested concerned dedicated".split()
)


@dataclass
class Speaker:
    name: str
    role: str = ""
    organisation: str = ""
    is_person: bool = False
    start: int = -1  # the mention that names them
    end: int = -1
    practice: bool = False  # a general practice, by its name ("Riverside Surgery")
    joint: bool = False  # two people who speak together ("Jo Bloggs and Dr Sam Hale")

    @property
    def kind(self) -> str:
        if self.is_person:
            return "person"
        return "organisation" if self.organisation else "group"

    @property
    def is_document(self) -> bool:
        return self is DOCUMENT

    @property
    def title(self) -> str:
        return self.name.split()[0] if " " in self.name else ""


DOCUMENT = Speaker("")  # the speaker of what a letter, report or agreement says: no one


def joint(first: Speaker, second: Speaker) -> Speaker:
    """Two practices named together ("X Surgery and Y Practice said"): one speaker, as written."""
    name = f"{first.name} and {second.name}"
    return Speaker(name, "", name, False, first.start, second.end, True)


_LEAD = re.compile(r"^[\s,;(]*(?:(?:[Aa]nd|[Bb]ut|[Ww]hile|However,?|Meanwhile,?|[Nn]ow)\s+)?")


def document_subject(seg: str) -> tuple[int, int] | None:
    """Where the words before a speech verb name a document as their subject ("The letter
    from X", "the motion, which"): its (start, end) in `seg`, or None."""
    seg = seg.rstrip()
    m = DOC_WHICH.search(seg)
    if m:
        noun = DOC_MENTION.match(seg, m.start())
        return m.start(), noun.end() if noun else m.end()
    m = DOC_SUBJECT.search(seg)
    if m and DOC_REST.match(m.group("rest")):
        start = m.start() + _LEAD.match(m.group(0)).end()
        return start, len(seg) if m.group("rest").strip(" ,") else m.start("rest")
    return None


# a capitalised word where a surname alone may stand ("Stevens explained"): what may follow it
_WORD_AT = re.compile(r"(?<![\w’'.-])[A-Z][\w’'-]*")
_CUT = re.compile(r"[’'-]")  # inside such a word: where a shorter word may end
_PLAIN_WORD = re.compile(r"[A-Z](?:[\w’'-]*\w)?")
_NAME_NEXT = re.compile(r"\s[A-Z]")


def _surname_pattern(word: str) -> re.Pattern:
    return re.compile(rf"(?<![\w’'.-]){re.escape(word)}\b(?!\s[A-Z])")


def words_at(text: str, words: set[str]) -> dict[str, list[tuple[int, int]]]:
    """For each of `words`, the (start, end) of its matches of `_surname_pattern(word)` in
    `text`, in order, found in one pass over the text instead of one per word."""
    found: dict[str, list[tuple[int, int]]] = {w: [] for w in words}
    plain = {w for w in words if _PLAIN_WORD.fullmatch(w)}
    for w in words - plain:  # not a capitalised word: its own pass
        found[w] = [m.span() for m in _surname_pattern(w).finditer(text)]
    longest = max(map(len, plain), default=0)
    if not longest:
        return found
    for m in _WORD_AT.finditer(text):
        # every match starts such a word and ends where a ’ ' - follows or the word ends
        a, e = m.span()
        cuts = [c.start() for c in _CUT.finditer(text, a, min(e, a + longest + 1))]
        for k in cuts + ([e] if e - a <= longest else []):
            if k - a <= longest and text[a:k] in plain and not _NAME_NEXT.match(text, k):
                found[text[a:k]].append((a, k))
    return found


# the speech verb a given name alone must stand before to name someone ("Helen said:")
_GIVEN_SPEAKS = r"(?:also\s+)?(?:said|says|added|adds|told|tells|explained|commented)\b"


# the first words of a body's name before a speech verb: "Healthwatch said:", "Virgin Care told"
_SHORT_BODY = re.compile(
    rf"(?<![\w’'.-])(?P<short>[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){{0,2}})(?=\s+{_GIVEN_SPEAKS})"
)
# a one-word name owning what only a company has: "Centara’s CEO", "Centara's subsidiary"
_COMPANY_OWNS = re.compile(
    r"(?<![\w’'.-])(?P<name>[A-Z][a-z]{3,}[\w-]*)['’]s\s+(?:CEO|chief\s+executive|board|"
    r"subsidiar(?:y|ies)|shareholders|founder|parent\s+company|takeover|acquisition)\b"
)
# a body named with its kind after the name: "the Doctors for Dene union", "the Save Dene
# Surgery campaign group" (the name is the capitalised words)
_NAME_THEN_KIND = re.compile(
    r"\b[Tt]he\s+(?P<name>[A-Z][\w’'-]*(?:\s(?:(?:in|of|for|our)\s)?[A-Z][\w’'-]*){0,4})\s+"
    r"(?:union|trade\s+union|charity|campaign(?:ing)?\s+group|pressure\s+group|think\s+tank)\b"
)
# a body named by its initials alone: "PPG", "LMCs"
_ACRONYM = re.compile(r"[A-Z]{2,6}s?")


# initials before "spokesman": "A DMSL spokesman said"
_INITIALS_SPOKES = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?P<acronym>[A-Z]{3,7})\s+spokes(?:man|woman|person)\b"
)


# initials after "NHS": "the NHS CB", where the article spells out "NHS Commissioning Board"
_NHS_INITIALS = re.compile(r"\bNHS\s(?P<acronym>[A-Z]{2,4})(?![\w-]|['’](?!s\b)|\s[A-Z][a-z])")


def _spelt_pattern(acronym: str) -> str:
    """The words an acronym may be spelt with ("D… M… S… L…" for "DMSL"), "and", "of", "for"
    or "&" allowed between them."""
    letters = acronym.rstrip("s").lower()
    return r"(?<![\w’'-])" + r"\s+(?:(?:and|of|for|&)\s+)?".join(
        rf"[{c}{c.upper()}][\w’'-]*" for c in letters
    )


def _lower_first(name: str) -> str:
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


# a number or quantity before a plural body's name: "three other X CCGs", "Five CCGs"
_COUNTED = re.compile(
    r"\b(?i:\d+|one|two|three|four|five|six|seven|eight|nine|ten|other|several|some|all|both|"
    r"many|most|few|neighbouring)\s+(?:other\s+)?(?:\S+\s?)?$"
)


class ArticleSpeakers:
    """Mentions of people, organisations and groups in one article, by offset."""

    def __init__(self, article: Article, people: PeopleIndex) -> None:
        self.items: list[tuple[int, int, Speaker]] = []
        self.text = text = article.text
        self.title = article.title
        here: dict[str, object] = {}  # surname -> the person named in full in this article
        for m in find_mentions(text):
            # "Ms Roughton" is the Rosamond Roughton named earlier in this article, not a
            # Rosamund Roughton of another article
            local = here.get(m.surname) if len(m.name.split()) == 1 else None
            p = local if local is not None else people.add(m)
            if len(m.name.split()) > 1:
                here[m.surname] = p
            self.items.append(
                (m.start, m.end, Speaker(p.name, p.role, p.organisation, True, m.start, m.end))
            )
        self._surnames(text, people)
        self._given_names(text, people)
        taken = Intervals((a, b) for a, b, _ in self.items)
        # a practice's name that overlaps no one and nothing else named is an organisation
        practices = [
            m
            for m in PRACTICE.finditer(text)
            if not taken.contains(m.start())
            and not any(
                x.start() < m.end() and m.start() < x.end()
                for x in ORG_PATTERN.finditer(text, max(0, m.start() - 80), m.end() + 80)
            )
        ]
        person_starts = sorted(a for a, _, sp in self.items if sp.is_person)
        for m in list(ORG_PATTERN.finditer(text)) + list(GROUP.finditer(text)) + practices:
            if taken.contains(m.start()):
                continue
            a, b, found = m.start(), m.end(), m.group(0)
            k = bisect_right(person_starts, a)
            if k < len(person_starts) and person_starts[k] < b:
                # "… at NHS Gloucestershire Helen Goodey said": the body ends where she starts
                b = person_starts[k]
                found = text[a:b].rstrip()
                b = a + len(found)
                if not ORG_PATTERN.fullmatch(found):
                    continue
            plural = text[b : b + 1] == "s" and not text[b + 1 : b + 2].isalnum()
            if text[b : b + 1].isalnum() and not plural:
                continue  # the match ends inside a word
            name = re.sub(r"^[Tt]he\s", "", found)
            practice = bool(PRACTICE.fullmatch(found))
            is_org = practice or bool(ORG_PATTERN.fullmatch(found))
            if is_org:
                name = re.sub(r"['’]s$", "", name)  # "NHS London’s letter": NHS London
            if plural and _COUNTED.search(text, max(0, a - 24), a + len(found.split()[0]) + 1):
                continue  # "three other East Kent CCGs", "Five CCGs": several bodies, not one
            if plural:
                # "Lancashire and Cumbria LMCs" is that body of LMCs; "the LMCs" names several
                # bodies, none of them alone: a group
                b, name = b + 1, name + "s"
                is_org = is_org and " " in name
                practice = False
            self.items.append(
                (
                    a,
                    b,
                    Speaker(
                        _lower_first(name) if not is_org else name,
                        "",
                        name if is_org else "",
                        False,
                        a,
                        b,
                        practice,
                    ),
                )
            )
        self._plural_bodies()
        self._short_bodies(text)
        self._companies(text)
        self._named_by_kind(text)
        self._spelt_acronyms(text)
        self._initialled_bodies(text)
        # "A spokesperson for Provide told Pulse": the principal of a spokesperson is an
        # organisation, whatever its name, when no one or nothing found already lies in it
        # (not a person: "a spokesman for Health Secretary X")
        for m in SPOKES_FOR.finditer(text):
            a, b = m.span("org")
            name = m.group("org")
            if any(x < b and a < y for x, y, _ in self.items):
                continue
            if re.search(rf"(?i:\b{ROLE_WORD})\b", name) or _MODIFIES.match(text, b):
                continue  # "a spokesperson for the GP practice": "GP" only describes it
            if name.isupper() and " " not in name:
                continue  # "a spokesperson for the CCG": a kind, resolved as "the CCG" is
            self.items.append((a, b, Speaker(name, "", name, False, a, b)))
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
        self._role_order = sorted(range(len(self.roles)), key=lambda i: self.roles[i][0])
        self._role_starts = [self.roles[i][0] for i in self._role_order]

    def _plural_bodies(self) -> None:
        """ "The LMCs" is the one body of LMCs the article names ("Lancashire and Cumbria
        LMCs"), when it names exactly one; else it stays a group."""
        named: dict[str, dict[str, Speaker]] = {}
        for _, _, sp in self.items:
            if sp.organisation and not sp.is_person and sp.name.endswith("s") and " " in sp.name:
                named.setdefault(sp.name.split()[-1], {})[sp.name] = sp
        for k, (a, b, sp) in enumerate(self.items):
            if sp.organisation or sp.is_person or " " in sp.name:
                continue
            bodies = named.get(sp.name, {})
            if len(bodies) == 1:
                body = next(iter(bodies.values()))
                self.items[k] = (a, b, Speaker(body.name, "", body.organisation, False, a, b))

    @property
    def items(self) -> list[tuple[int, int, Speaker]]:
        """Mentions (start, end, speaker), by start."""
        return self._items

    @items.setter
    def items(self, items: list[tuple[int, int, Speaker]]) -> None:
        self._items = items
        self._starts: list[int] | None = None  # the lookups below, built when first asked
        self._longest = 0
        self._before: dict[str, list[tuple[int, Speaker]]] = {}

    def starts(self) -> list[int]:
        """The items' starts (sorted, as the items are once the article is read)."""
        if self._starts is None:
            self._starts = [a for a, _, _ in self._items]
            self._longest = max((b - a for a, b, _ in self._items), default=0)
        return self._starts

    def starting_in(self, lo: int, hi: int) -> range:
        """Indexes of the items starting in [lo, hi), in order."""
        starts = self.starts()
        return range(bisect_left(starts, lo), bisect_left(starts, hi))

    def overlapping(self, lo: int, hi: int) -> range:
        """Indexes of every item that may overlap [lo, hi) (a superset: check the ends)."""
        starts = self.starts()
        return range(bisect_left(starts, lo - self._longest), bisect_left(starts, hi))

    def roles_within(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The role spans starting in [lo, hi], in the order they were found."""
        i, j = bisect_left(self._role_starts, lo), bisect_right(self._role_starts, hi)
        return [self.roles[k] for k in sorted(self._role_order[i:j])]

    def last_before(self, kind: str, keep, pos: int) -> tuple[int, Speaker] | None:
        """(start, speaker) of the last item starting before `pos` whose speaker `keep`
        accepts; `kind` names the filter (its list is built once)."""
        if kind not in self._before:
            self._before[kind] = [(a, s) for a, _, s in self._items if keep(a, s)]
        kept = self._before[kind]
        i = bisect_left(kept, pos, key=lambda x: x[0])
        return kept[i - 1] if i else None

    def only_of_kind(self, kind: str) -> Speaker | None:
        """ "The CCG said" before the article names any CCG: the one body of that kind (`kind`:
        "ccg", "lmc") the article names anywhere, headline included; two or more, or none: None."""
        if not kind:
            return None
        kind = kind.lower()
        found = {
            kind_of(s.name): s
            for _, _, s in self._items
            if s.organisation and not s.is_person and kind_of(s.name).endswith(kind)
        }
        for m in ORG_PATTERN.finditer(self.title):
            name = re.sub(r"['’]s$", "", re.sub(r"^[Tt]he\s", "", m.group(0)))
            if kind_of(name).endswith(kind):
                found.setdefault(kind_of(name), Speaker(name, "", name, False))
        return next(iter(found.values())) if len(found) == 1 else None

    def only_practice(self, plural: bool = False) -> Speaker | None:
        """ "The practice said": the one practice the article names in full; two or more, or
        none: None. "The practices said" (`plural`): the two practices the article names, as
        one speaker, when it names them joined by "and"; any other number: None."""
        found = {s.name: s for _, _, s in self._items if s.practice}
        if not plural:
            return next(iter(found.values())) if len(found) == 1 else None
        if len(found) != 2:
            return None
        ordered = sorted(found.values(), key=lambda s: s.start)
        starts = self.starts()
        for _, b, s in self._items:
            if s.name == ordered[0].name:
                k = bisect_left(starts, b)
                nxt = self._items[k : k + 1]
                if (
                    nxt
                    and nxt[0][2].name == ordered[1].name
                    and re.fullmatch(r"\s+and\s+", self.text[b : nxt[0][0]])
                ):
                    return joint(s, nxt[0][2])
        return None

    def _spelt_acronyms(self, text: str) -> None:
        """ "the PPG said" after "the surgeries' patient participation groups": a body named by
        an acronym is the words the article spells it with ("patient participation groups
        (PPG)"), when it spells it one way only."""
        spelt_as: dict[str, str | None] = {}  # an acronym -> its one spelling, if any
        for k, (a, b, sp) in enumerate(self.items):
            if not sp.organisation or sp.is_person or not _ACRONYM.fullmatch(sp.name):
                continue
            if sp.name not in spelt_as:
                spelt_as[sp.name] = self._spelling(text, sp.name)
            if spelt_as[sp.name] is not None:
                name = f"{spelt_as[sp.name]} ({sp.name})"
                self.items[k] = (a, b, Speaker(name, "", name, False, a, b))

    def _initialled_bodies(self, text: str) -> None:
        """ "A DMSL spokesman said" where the article spells out "Danum Medical Services
        Limited": initials just before "spokesman" are the body whose capitalised words the
        article spells them with, when it spells them one way only."""
        taken = Intervals((a, b) for a, b, _ in self.items)
        initials = [(m, "") for m in _INITIALS_SPOKES.finditer(text)]
        # ("the NHS CB said": "NHS" and the initials of the rest of a body's name)
        initials += [(m, "NHS ") for m in _NHS_INITIALS.finditer(text)]
        for m, lead in initials:
            acronym, at = m.group("acronym"), m.start("acronym")
            if taken.contains(at):
                continue
            if not lead and acronym.startswith("NHS") and len(acronym) > 4:
                lead, acronym = "NHS ", acronym[3:]  # "A NHSCB spokeswoman": NHS C… B…
            spelt = {
                x.group(0)
                for x in re.finditer(re.escape(lead) + _spelt_pattern(acronym), text)
                if all(w[0].isupper() for w in re.split(r"\s+(?:(?:and|of|for|&)\s+)?", x.group(0)))
            }
            # (not a kind of body: "Clinical Commissioning Group" ends "NHS Dene Clinical
            # Commissioning Group", a name it is only the tail of)
            if len(spelt) == 1 and not any(
                x.group(0).lower() in KIND_SPELT
                or re.search(
                    r"(?<![\w’'-])(?!(?:The|A|An)\s)[A-Z][\w’'-]*,?\s+$",
                    text[max(0, x.start() - 40) : x.start()],
                )
                for x in re.finditer(re.escape(next(iter(spelt))), text)
            ):
                name = spelt.pop() if lead else f"{spelt.pop()} ({acronym})"
                at = m.start() if m.re is _NHS_INITIALS else at
                self.items.append(
                    (at, m.end("acronym"), Speaker(name, "", name, False, at, m.end("acronym")))
                )
        self.items.sort(key=lambda x: x[0])

    @staticmethod
    def _spelling(text: str, acronym: str) -> str | None:
        """The one way the article spells `acronym` out ("patient participation groups" for
        "PPG"), or None: none, or several."""
        spelt = {
            m.group(0)
            for m in re.finditer(_spelt_pattern(acronym), text)
            if len(m.group(0).split()) > 1
            and all(
                len(w) > 2 and w.lower() not in STOP_WORDS  # ("by mid-March for a" is no BMA)
                for w in re.split(r"\s+(?:(?:and|of|for|&)\s+)?", m.group(0))
            )
        }
        return spelt.pop() if len(spelt) == 1 else None

    def _short_bodies(self, text: str) -> None:
        """ "Healthwatch said:" after "Healthwatch Brighton and Hove": the first words of an
        organisation's name, just before a speech verb, name the one organisation named in full
        before them whose name opens with those words (a sentence's "But", "It" or "The" opens
        no body's name, so it matches none)."""
        first: dict[str, tuple[int, Speaker]] = {}  # a name -> where it is first named
        for a, _, s in self.items:
            if s.organisation and not s.is_person and " " in s.name and s.name not in first:
                first[s.name] = (a, s)
        # "CQC said the practice …" where the article also names "the CQC": a body's initials
        # alone, before a speech verb, are that body wherever the article names it so
        initials = {
            s.name: s
            for _, _, s in self.items
            if s.organisation and not s.is_person and _ACRONYM.fullmatch(s.name)
        }
        if not first and not initials:
            return
        taken = Intervals((a, b) for a, b, _ in self.items)
        for m in _SHORT_BODY.finditer(text):
            short, at = m.group("short"), m.start("short")
            if taken.contains(at):
                continue
            bodies = {
                name: s
                for name, (a, s) in first.items()
                if a < at and name.startswith(short + " ") and name != short
            }
            if not bodies and short in initials:
                bodies = {short: initials[short]}
            if len(bodies) == 1:
                body = next(iter(bodies.values()))
                b = m.end("short")
                self.items.append((at, b, Speaker(body.name, "", body.organisation, False, at, b)))
        self.items.sort(key=lambda x: x[0])

    def _companies(self, text: str) -> None:
        """ "Centara said that …" where the article also writes "Centara’s CEO": a one-word
        name that owns a chief executive, a board or a subsidiary is a company wherever the
        article names it, unless a person the article names has that name or surname."""
        names = {m.group("name") for m in _COMPANY_OWNS.finditer(text)}
        people = {w for _, _, sp in self.items if sp.is_person for w in sp.name.split()}
        names = {
            n for n in names - people if not re.fullmatch(TITLES, n) and n.lower() not in STOP_WORDS
        }
        if not names:
            return
        taken = Intervals((a, b) for a, b, _ in self.items)
        for m in re.finditer(rf"(?<![\w’'.-])(?:{'|'.join(map(re.escape, names))})(?![\w-])", text):
            if taken.contains(m.start()):
                continue
            name = m.group(0)
            self.items.append((m.start(), m.end(), Speaker(name, "", name, False, *m.span())))
        self.items.sort(key=lambda x: x[0])

    def _named_by_kind(self, text: str) -> None:
        """ "the Doctors for Dene union warned": the words before the kind name a body, when
        nothing found already lies in them."""
        added = False
        for m in _NAME_THEN_KIND.finditer(text):
            a, b = m.span("name")
            if any(x < b and a < y for x, y, _ in self.items):
                continue
            name = m.group("name")
            self.items.append((a, b, Speaker(name, "", name, False, a, b)))
            added = True
        if added:
            self.items.sort(key=lambda x: x[0])

    def _surnames(self, text: str, people: PeopleIndex) -> None:
        """ "Stevens explained" after "Simon Stevens" earlier in the article: a surname alone
        names the person given in full before it (only when one person has that surname)."""
        full = {}
        for _, _, s in self.items:
            words = re.sub(r"^[A-Z][a-z]+\.?\s(?=\S+\s)", "", s.name).split()
            if len(words) >= 2:
                full.setdefault(words[-1], set()).add(s.name)
        taken = Intervals((a, b) for a, b, _ in self.items)
        first_at: dict[str, int] = {}
        for a, _, s in self.items:
            first_at[s.name] = min(a, first_at.get(s.name, a))
        found = words_at(text, {surname for surname, names in full.items() if len(names) == 1})
        for surname, names in full.items():
            if len(names) != 1:
                continue
            first = first_at[next(iter(names))]
            for start, end in found[surname]:
                if start <= first or taken.contains(start):
                    continue
                mention = Mention(start, end, surname, "", surname, "")
                p = people.add(mention)
                self.items.append(
                    (start, end, Speaker(p.name, p.role, p.organisation, True, start, end))
                )
        self.items.sort(key=lambda x: x[0])

    def _given_names(self, text: str, people: PeopleIndex) -> None:
        """ "Commenting Helen said:" after "Helen Brody, MP for …": a given name alone, just
        before a speech verb, names the one person given in full before it with that given
        name, when no one else in the article has it as a given name or a surname."""
        given: dict[str, set[str]] = {}
        surnames: set[str] = set()
        first_at: dict[str, int] = {}
        for a, _, s in self.items:
            if not s.is_person:
                continue
            words = re.sub(rf"^{TITLES}\.?\s+", "", s.name).split()
            surnames.add(words[-1])
            if len(words) >= 2:
                given.setdefault(words[0], set()).add(s.name)
                first_at[s.name] = min(a, first_at.get(s.name, a))
        taken = Intervals((a, b) for a, b, _ in self.items)
        for word, names in given.items():
            if len(names) != 1 or word in surnames or not _PLAIN_WORD.fullmatch(word):
                continue
            name = next(iter(names))
            for m in re.finditer(rf"(?<![\w’'.-]){re.escape(word)}(?=\s+{_GIVEN_SPEAKS})", text):
                if m.start() <= first_at[name] or taken.contains(m.start()):
                    continue
                p = people.find(name)
                if p is None:
                    continue
                self.items.append(
                    (m.start(), m.end(), Speaker(p.name, p.role, p.organisation, True, *m.span()))
                )
        self.items.sort(key=lambda x: x[0])

    def _in_role(self, pos: int) -> bool:
        return self._in_roles.contains(pos)

    def between(self, lo: int, hi: int) -> list[tuple[int, int, Speaker]]:
        out = []
        for k in self.starting_in(lo, hi + 1):
            x = self._items[k]
            if x[1] <= hi and not (not x[2].is_person and self._in_role(x[0])):
                out.append(x)
        return out

    def person_before(self, pos: int) -> Speaker | None:
        """The antecedent of "he"/"she" at `pos`: the person named last in a subject's place.
        "Simon Stevens, who replaced Sir David Nicholson …, said" — Sir David, after the verb
        "replaced", is an object, so "he" is Simon Stevens."""
        found = self.last_before(
            "subject", lambda a, s: s.is_person and not self.is_object(a, s.end), pos
        )
        return found[1] if found else None

    def is_object(self, a: int, b: int = -1) -> bool:
        """Whether the mention at text[a:b] follows a lower-case verb or preposition ("replaced
        X", "by X", "told X") rather than opening its clause or following a role ("chair X").
        A mention its speech verb follows ("director of policy X said") or one closing the
        clause after it ("…, said Dr X.") is the one who speaks, whatever stands before it."""
        if b > a and (
            _SPEAKS_AFTER.match(self.text, b)
            or (
                _SPEECH_BEFORE.search(self.text[max(0, a - 20) : a])
                and _CLAUSE_END.match(self.text, b)
            )
        ):
            return False
        # a role written before the name after a verb in the past: "challenged health
        # secretary Matt Hancock" is an object as "challenged Matt Hancock" is (not after a
        # preposition, "with GPC chair Dr X calling it …", nor an adjective, "newly elected")
        pre = [k for k, y in self.roles_within(max(0, a - 200), a) if y == a]
        if pre:
            verb = re.search(
                r"(?<![\w-])([a-z]+)[ \t]+$", self.text[max(0, min(pre) - 40) : min(pre)]
            )
            if verb and (
                verb.group(1) in _VERB_BEFORE_OBJECT
                or verb.group(1).endswith("ed")
                and verb.group(1) not in _ADJECTIVAL_PARTICIPLES
                and not re.search(
                    r"\b(?:newly|recently|the|a|an)[ \t]+[a-z]+[ \t]+$",
                    self.text[max(0, min(pre) - 40) : min(pre)],
                )
            ):
                return True
        m = re.search(r"([A-Za-z’'-]+)[ \t]+(?:the[ \t]+)?$", self.text[max(0, a - 40) : a])
        if not m:
            return False
        word = m.group(1)
        # (a role in the plural, "GP partners Dr A, Dr B and Dr C", is a role too)
        role = word in ROLE_NOUNS or word.removesuffix("s") in ROLE_NOUNS
        # (so is a title written in lower case, "Conservative councillor Jo Bloggs", or an
        # occupation, "local campaigner Jo Bloggs")
        role = role or word in OCCUPATIONS or re.fullmatch(TITLES, word.capitalize()) is not None
        # (nor is a name after "is": "One GP to raise concerns is Steve Kite, who …")
        return word.islower() and not role and word not in {"and", "but", "as", "is", "was"}

    def org_before(self, pos: int, kind: str = "") -> Speaker | None:
        """The organisation named last before `pos`; `kind` ("CCG", "LMC") one of that kind. A
        practice is never "it" or "they" by being named last: several often are, each in passing."""
        kind = kind.lower()
        found = self.last_before(
            "org:" + kind,
            lambda a, s: (
                bool(s.organisation)
                and not s.practice
                and (not kind or kind_of(s.name).endswith(kind))
            ),
            pos,
        )
        return found[1] if found else None
