"""People and organisations named in an article, with roles, so that "He said:" can be
resolved to "Dr Brian Balmer, chair of Essex LMC" and "Dr Nagpaul" merged with
"GPC chair Dr Chaand Nagpaul".

Patterns, not a trained NER model: news copy names people in a few fixed shapes (an honorific
and a name; a name followed by ", role,"; a role before the name), and these shapes are exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .intervals import Intervals

TITLES = r"(?:Dr|Professor|Prof|Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Baroness|Cllr|Councillor|Coun|Judge)"
# titles used with a first name alone: "Dame Barbara" is Dame Barbara Hakin, not a Ms Barbara
FIRST_NAME_TITLES = frozenset({"Sir", "Dame"})
# a capitalised word, "O’Brien", "McLean" and "Smith-Jones" too, but never a possessive's "’s"
_CAP = r"(?:Ma?c(?=[A-Z]))?[A-Z][a-z]*(?:['’](?![sS]\b)[A-Z]?[a-z]+)*(?:-[A-Z][a-z]+(?:['’](?![sS]\b)[A-Z]?[a-z]+)*)?"
# a name after an honorific: one to three capitalised words
TITLED = re.compile(rf"\b(?P<title>{TITLES})\.?\s+(?P<name>{_CAP}(?:\s{_CAP}){{0,2}})")
SPEECH_AFTER = (
    r"(?:said|says|told|tells|warned|added|agreed|claims|argued|believes|explained|commented|"
    r"announced|continued|stressed|admitted|wrote|writes|noted|suggested|urged|called|"
    r"emphasised|emphasized|pointed out|acknowledged|conceded|replied|responded|remarked|"
    r"asserted|concluded|insisted|stated|described)"
)
# an untitled full name that is then described or quoted: "Nick Goodwin, senior fellow ..."
UNTITLED = re.compile(
    rf"(?<![\w’'])(?P<name>{_CAP}\s{_CAP})(?=,\s(?:a\s|an\s|the\s)?[a-z]|,\s(?:the\s)?(?:MP|MEP|MSP)\b|\s(?:also\s|has\s|had\s|later\s)?(?:said|says|told|warned|added|agreed|claims|argued|believes|announced|explained|continued|wrote|writes|insists|insisted|stressed|stated|commented|admitted|urged|emphasised|emphasized|pointed\sout|acknowledged|conceded|replied|responded|remarked|asserted|concluded)\b|\s(?:is|was)\s(?:the|a|an)\s[a-z]"
    # "Jo Bloggs (Lab, Dene North) said": a party and a seat in brackets; "Jo Bloggs of Mill
    # Lane, Ashby, said": the street and town a resident lives in
    rf"|\s\([A-Z][^()\n]{{1,60}}\)\s(?:also\s|has\s)?{SPEECH_AFTER}\b"
    rf"|\sof\s{_CAP}(?:\s{_CAP}){{0,3}},\s(?:{_CAP}(?:\s{_CAP}){{0,2}},\s)?{SPEECH_AFTER}\b)"
)
ROLE_WORD = (
    r"(?:co-|deputy |vice |vice-|chief |medical |senior |joint |general |honorary )*"
    r"(?:chair(?:man|woman)?|chief executive|secretary|director|president|editor|leader|"
    r"spokes(?:man|woman|person)|fellow|officer|head of [a-z ]+?|partner|minister|clinical lead|lead|"
    r"negotiator|adviser|advisor|member|manager|commissioner|researcher|analyst|economist)"
)
# "Ian Dodge, National Director for Commissioning Strategy at NHS England, said": a name, an
# appositive in any case (no sentence break, no quotation mark), then a speech verb
APPOSITIVE_NAME = re.compile(
    rf"(?<![\w’'])(?P<name>{_CAP}\s{_CAP}(?:\s{_CAP})?),\s"
    rf"(?P<role>(?:[^.;:“”‘’\"\n]|[’'](?=s\b)){{3,160}}?),\s{SPEECH_AFTER}\b"
)
# a name described as a person's, whatever follows: an age in apposition ("Andy Livingstone, 56,
# is upset …", "Jo Bloggs, aged 72, of Kelso") or a relative "who" ("One GP to raise concerns
# is Steve Kite, who works in Hertfordshire")
DESCRIBED_NAME = re.compile(
    rf"(?<![\w’'])(?P<name>{_CAP}\s{_CAP}(?:\s{_CAP})?),\s(?:(?:aged\s)?\d{{1,3}},|who)\s"
)
# an elected member's post before the name ("MP Tim Farron has warmly welcomed the news"): a
# person whatever follows, so a later "he said" is not carried back past them to someone else
MEMBER_NAME = re.compile(rf"\b(?P<post>MP|MEP|MSP)\s(?P<name>{_CAP}\s{_CAP})(?![\w’'-])")
# "Jane Holloway, Director of Nursing, East Ridings CCG said": a name, a role, then the
# organisation with no comma before the speech verb (checked to be an organisation's name)
APPOSITIVE_ORG_NAME = re.compile(
    rf"(?<![\w’'])(?P<name>{_CAP}\s{_CAP}(?:\s{_CAP})?),\s"
    rf"(?P<role>(?P<post>[^,.;:“”‘’\"\n]{{3,80}}?),\s(?P<org>(?:[^,.;:“”‘’\"\n]|[’'](?=s\b)){{2,80}}?))"
    rf"\s{SPEECH_AFTER}\b"
)
# "Deb Williams, Managing Partner for Clapham Road Surgery said:": a name, a role with no
# closing comma, then a speech verb that introduces the quote (the colon); the role holds a
# role word and no one else's title ("Jo Bloggs, whose GP Dr Smith said:" names Dr Smith)
APPOSITIVE_COLON = re.compile(
    rf"(?<![\w’'])(?P<name>{_CAP}\s{_CAP}(?:\s{_CAP})?),\s"
    rf"(?P<role>(?P<post>(?:[^,.;:“”‘’\"\n]|[’'](?=s\b)){{3,100}}?))\s{SPEECH_AFTER}:"
)
# "has", "has also", "had": between a name and its speech verb ("… secretary Jo Bloggs has called
# on …", "… MP Sam Patel has also said")
_HAS = r"(?:(?:has|had|have|also)\s)*"
# a long role, then an untitled name that speaks or is joined to another: "Director of primary
# and community integration for NHS Nene CCG Julie Curtis said", "director of commissioning
# policy Ben Dyson and …" (a name right after "in"/"for"/"of" is a place or a body, not a person)
PRE_ROLE_NAME = re.compile(
    rf"(?P<role>(?i:\b{ROLE_WORD})\b[^.;:“”‘’\"\n,]{{0,90}}?)"
    rf"(?<!\b(?:in|of|at|to|on|by))(?<!\b(?:for|the))(?<!\bfrom)(?<!\bacross)\s"
    rf"(?P<name>{_CAP}\s{_CAP})(?=\s{_HAS}{SPEECH_AFTER}\b|\s+and\s|,\s{SPEECH_AFTER}\b)"
)
# a role word, then an untitled name whatever follows it but more of a name: "challenged health
# secretary Matt Hancock to intervene", "North MP Ian Austin has raised …"
OBJECT_ROLE_NAME = re.compile(
    rf"(?:(?i:\b{ROLE_WORD})|\b(?:MP|MEP|MSP))\s(?P<name>{_CAP}\s{_CAP})(?![\w’'-]|\s+[A-Z(])"
)
# a role at an NHS body whose name runs into the speaker's, then "said:" and the quote: "Director
# of primary care at NHS Dene County and Fells Jo Bloggs said:" (the last two capitalised words
# before the verb are the name; PRE_ROLE_NAME stops at the body's "and")
ROLE_AT_NHS_NAME = re.compile(
    rf"(?i:\b{ROLE_WORD})\b[^.;:“”‘’\"\n,]{{0,60}}?\s(?:at|for|of)\s(?:the\s)?NHS"
    rf"(?:\s(?:and\s)?[A-Z][\w’'-]*){{1,5}}?\s(?P<name>{_CAP}\s{_CAP})(?=\s{SPEECH_AFTER}:)"
)
# a speaker-header line on its own: "Su Long, Bolton CCG chief officer" or "Ms Jane Long,
# director of X", above the paragraphs that quote them (a reaction piece's layout)
HEADER_LINE = re.compile(
    rf"^(?P<title>{TITLES}\.?\s+)?(?P<name>{_CAP}(?:\s{_CAP}){{1,2}}),\s+"
    r"(?P<role>[^.!?:;“”‘\"\n]{3,110}?)\s*$",
    re.M,
)
# a sentence that opens on an untitled name and the body they come from, in two or more
# capitalised words: "Jo Bloggs from Healthwatch Dene dialled into the meeting" (not "Greater
# Manchester from April")
FROM_BODY_NAME = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>{_CAP}\s{_CAP})(?=\sfrom\s(?:the\s)?[A-Z][\w&’'-]*\s[A-Z])",
    re.M,
)
# words that open a sentence: a name after them is not part of a longer proper noun
OPENERS = frozenset(
    {
        "But",
        "And",
        "However",
        "Meanwhile",
        "Also",
        "Now",
        "Then",
        "So",
        "Yet",
        "While",
        "As",
        "Speaking",
        "Responding",
        "Asked",
        "Commenting",
        "Writing",
        "Last",
        "This",
        "In",
        "On",
    }
)

# ", chair of Essex LMC," or ", GP at the X health centre," after a name
# The role stays inside its sentence and clause ("Councillor X, leader of Y Council has raised
# fears …" ends at "has"; never at the comma of the next sentence's "He, said")
POST_ROLE = re.compile(
    r"^,\s(?P<role>(?:a |an |the )?(?!said\b|says\b|told\b|warned\b|added\b|who\b|which\b)(?:[a-z]|GP\s)"
    r"(?:(?!(?<!\bSt)\.\s|\s(?:who|which|that|has|have|had|is|was|will)\s)[^,;:\n]){2,120}?)"
    r"(?:,|\s(?:said|told|warned|added)\b|\s(?=(?:has|have|had|is|was|will)\s))"
)
# a role appositive ending its sentence, a role word in it: "…,’ says Dr X, a partner at the Y
# Group in Cumbria."
POST_ROLE_FINAL = re.compile(
    rf"^,\s(?P<role>(?:a|an|the)\s(?=[a-z]|GP\s)[^,;:\n.“”‘’\"]{{0,60}}?\b{ROLE_WORD}\b[^,;:\n.“”‘’\"]{{0,80}}?)"
    r"(?=\.(?:\s|$))"
)
# "Nigel Praities is the editor of Pulse." — a role stated with "is"
COPULA_ROLE = re.compile(r"^\s(?:is|was)\s(?P<role>(?:the|a|an)\s[a-z][^,;:.]{2,80}?)(?=[.,;]|$)")
# "Its chief officer, Mrs Helen Ward," — a lower-case role in apposition before the name
APPOSITIVE_PRE_ROLE = re.compile(
    rf"(?:^|[\s(])(?:[Ii]ts |[Tt]heir |[Tt]he )?(?P<role>[a-z][\w\s-]{{0,40}}?{ROLE_WORD}),\s$"
)
ORG_WORDS = {
    "Trust",
    "Fund",
    "Council",
    "Group",
    "Forum",
    "Alliance",
    "Association",
    "College",
    "Committee",
    "Board",
    "CCG",
    "LMC",
    "NHS",
    "Institute",
    "Commission",
    "Department",
    "Service",
    "Foundation",
    "Society",
    "University",
    "Hospital",
    "England",
    "Wales",
    "Scotland",
    "Pulse",
    "Federation",
    "Partnership",
    "Practice",
    "Surgery",
    "Centre",
    "Agency",
    "Office",
    "Healthwatch",
}
# the last word of a street's name: "Eastcote Road", "Mill Lane" is an address, never a person
ADDRESS_WORDS = frozenset(
    "Road Street Lane Avenue Drive Close Crescent Terrace Boulevard Square Place Row Walk "
    "Gardens Grove Parade Mews Wharf".split()
)
# a place, then a comma: what follows in apposition is the wider place ("in Lewes, East Sussex")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|of|from|outside)\s+[A-Z][\w’'-]*(?:[\s-][A-Z][\w’'-]*){0,2},\s$"
)
# words that open a sentence or a noun phrase, never a body's name
_NOT_A_NAME = (
    r"(?!(?:The|A|An|This|That|These|Those|Its|Their|Our|In|On|At|By|For|From|With|But|And|"
    r"However|Yesterday|Today|Last|Next|Each|Every|Some|All|Both)\b)"
)
# a capitalised word that may name a place after "NHS England", never a role or an office word
_PLACE_WORD = (
    r"(?!(?:Chief|Executive|Director|Chair|Chairman|Medical|Clinical|National|Regional|Head|"
    r"Deputy|Board|Primary|Commissioning|Policy|Team|Lead|Officer|President|Secretary|Manager|"
    r"Spokesman|Spokeswoman|Spokesperson|Area|Local|Specialised|Improvement|Said|Has|And|The|"
    r"Dr|Mr|Mrs|Ms|Professor|Sir|Dame)\b)[A-Z][a-z]+"
)
_BODY_KIND = r"(?:Integrated\sCare\sBoard|Clinical\sCommissioning\sGroup)"
_FOR_PLACE = r"\sfor(?:\s(?:the\s|and\s(?:the\s)?|of\s)?[A-Z][\w'’-]*){1,6}\b"
# a place list opening a commissioner's name is part of it, never cut at its comma: "Bristol,
# North Somerset and South Gloucestershire Clinical Commissioning Group", "Buckinghamshire,
# Oxfordshire and Berkshire ICB" (not a place after a preposition: "In Bristol, X CCG said")
_PLACE_LIST = (
    rf"(?:(?<!\b[IiAaOo][nt]\s)(?<!\b[Ff]rom\s)"
    rf"(?:(?:{_NOT_A_NAME}[A-Z][\w'’-]*\s(?:and\s)?){{0,3}}{_NOT_A_NAME}[A-Z][\w'’-]*,\s(?:and\s)?){{1,3}})?"
)
ORG = re.compile(
    r"\b(?:"
    # a commissioner's name spelt out: "Staffordshire and Stoke-on-Trent Integrated Care Board",
    # "the Integrated Care Board for Hampshire and the Isle of Wight", "NHS Leeds Clinical
    # Commissioning Group"
    # (the kind alone, "the Integrated Care Board", names no one body)
    rf"{_PLACE_LIST}(?:{_NOT_A_NAME}[A-Z][\w'’-]*\s(?:and\s)?){{1,4}}{_BODY_KIND}\b(?:{_FOR_PLACE})?|"
    rf"{_BODY_KIND}{_FOR_PLACE}|"
    r"NHS\s(?:(?!CCG\b)[A-Z][\w'’]*\s(?:and\s)?){0,4}CCG|"
    # (a clause's opening word is no part of the name: "While NHS Dene CCG has said …")
    r"(?!(?:The|A|An|This|That|Its|Their|His|Her|My|Each|Every|Our|Your|No|One|Which|Any|Some|Many|Most|All|Only|Every|"
    r"While|Whilst|Although|Though|Because|Unless|Whereas|But|And|However|Meanwhile|Yet)\b)"
    rf"{_PLACE_LIST}"
    r"(?:(?!(?:CCG|ICB|PCT)\b)[A-Z][\w'’]*\s(?:and\s)?){1,4}(?:CCG|ICB|PCT)(?:\b|(?=s\b))|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}\sLMC|"
    # an LMC spelt out: "Nottinghamshire Local Medical Committee"
    r"(?!(?:The|A|An|This|That|Its|Their|Each|Every|One|Any)\b)[A-Z][a-z]+(?:\s(?:and\s)?[A-Z][a-z]+){0,2}"
    r"\sLocal\sMedical\sCommittee\b(?!s)|"
    # "NHS England Thames Valley", "NHS England North": a regional office, by its place words
    # only (capitalised role words, "NHS England Chief Executive", and a name after the place
    # words, "NHS England North Jo Bloggs", end it at "NHS England")
    rf"NHS England(?:\s{_PLACE_WORD}){{1,3}}(?![\w-]|\s[A-Z]|['’](?!s\b))|"
    r"NHS England|NHS Alliance|NHS Future Forum|NHS Clinical Commissioners|"
    # "NHS Warrington", "NHS London", "NHS Commissioning Board": a body, not a plan or an app
    r"NHS(?:\s(?!(?:Plan|Act|Constitution|Long|Five|Forward|View|App|Choices|Pensions?|"
    r"Standard|Contract|Outcomes|Framework|Review|Digital|Number|Health|Property)\b)"
    r"[A-Z][a-z][\w'’]*){1,3}\b(?!\s(?:Plan|Act|Constitution|Framework|Review|App)\b)|"
    r"King['’]s Fund|the BMA|the GPC|the DH|[A-Z][a-z]+\sCounty Council|[Tt]he (?!(?:CCGs?|ICBs?|PCTs?|LMCs?|NHS|GPs?|DESs?|QOF|APMS|GMS|PMS|UK|US|OBC)\b)[A-Z]{2,6}\b|"
    # "Humber Teaching NHS Foundation Trust": "NHS" may stand among the name's words
    r"(?:the\s)?(?:[A-Z][a-z]+\s){1,3}(?:NHS\s(?:[A-Z][a-z]+\s){0,2})?"
    r"(?:Trust|Fund|College|Council|Association|Commission|Institute|Foundation|Society|Unit)\b"
    r"(?:\sof(?:\s(?:the\s)?[A-Z][a-z]+){1,3}\b)?|"
    # a local Healthwatch, by its place: "Brighton and Hove Healthwatch", "Healthwatch Kent"
    rf"(?:{_NOT_A_NAME}(?!Local\b)[A-Z][a-z]+\s(?:and\s)?){{1,3}}Healthwatch\b|"
    r"Healthwatch(?:\s(?:and\s)?[A-Z][a-z]+){1,3}\b|"
    # "the Durham, Darlington and Tees area team": NHS England's local office, by its places
    rf"(?:{_NOT_A_NAME}[A-Z][a-z][\w'’-]*,?\s(?:and\s)?){{1,4}}area\steam\b(?!s)"
    r")"
)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str  # the text of the mention, e.g. "Dr Nagpaul"
    title: str
    name: str  # "Chaand Nagpaul" or "Nagpaul"
    role: str

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class Person:
    name: str  # canonical: the fullest form, with title: "Dr Chaand Nagpaul"
    role: str = ""
    organisation: str = ""
    variants: set | None = None

    def describe(self) -> str:
        return f"{self.name}, {self.role}," if self.role else self.name


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Spans inside curly quotation marks (names there are not antecedents)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "\n":  # a paragraph closes any quotation left open
            depth = 0
        elif ch in "‘“" and (i == 0 or not text[i - 1].isalnum()):
            if depth == 0:
                start = i
            depth += 1
        elif ch in "’”" and not (i + 1 < len(text) and text[i + 1].isalnum()) and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i))
    return out


_LEADING_WORDS = re.compile(
    r"^(?:(?:But|And|However|Meanwhile|Also|Now|Then|So|Yet|While)\b,?\s+)+"
)


def _clean_role(role: str) -> str:
    role = _LEADING_WORDS.sub("", role.strip().rstrip(","))
    role = re.sub(r"^(?:the|a|an)\s+", "", role)
    role = re.split(r"\s+and\s+(?:author|former|also)\b", role)[0]
    return role


# words that open a sentence before a name-like pair ("But Jane", "NHS England"): no first name
_SENTENCE_OPENERS = frozenset("The But And NHS He She It They A GPC CCG According".split())
_NOT_FIRST = _SENTENCE_OPENERS | frozenset("In On At This That We Our Its If When For".split())


ROLE_NOUNS = frozenset(
    {
        "chair",
        "chairman",
        "chairwoman",
        "co-chair",
        "executive",
        "director",
        "officer",
        "secretary",
        "president",
        "leader",
        "lead",
        "editor",
        "fellow",
        "manager",
        "commissioner",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "adviser",
        "advisor",
        "head",
        "member",
        "gp",
        "partner",
        "founder",
        "economist",
        "analyst",
        "researcher",
        "professor",
        # public offices named before a name: "Felixstowe Mayor Nick Barber said", "Altrincham
        # and Sale West MP Graham Brady said"
        "mayor",
        "mp",
        "mep",
        "msp",
        "ceo",
        "trustee",
    }
)


# occupations written before a name like a title: "Solicitor Rowan Smith", "Campaigner Jo Bloggs"
OCCUPATIONS = frozenset({"solicitor", "barrister", "lawyer", "campaigner", "patient", "resident"})


def not_a_name(name: str) -> bool:
    words = name.split()
    return words[0] in _NOT_FIRST or bool(set(words) & ORG_WORDS) or words[-1] in ADDRESS_WORDS


# a capitalised participle opening a sentence ("Commenting", "Speaking"), never a first name
_PARTICIPLE = re.compile(r"[A-Z][a-z]{3,}ing")


def _inside_proper_noun(text: str, start: int, name: str = "") -> bool:
    """Whether the capitalised words at `start` end a longer proper noun: "NHS Clinical
    Commissioners", "Royal College …". A sentence opener ("But Jane Long said") does not count,
    nor the same `name` just before it: a photo's name label run into its caption ("Jo Bloggs
    Jo Bloggs, one of the patients …") is the name twice, not one longer name."""
    if name and re.search(rf"(?<![\w’'-]){re.escape(name)}\s+$", text[max(0, start - 60) : start]):
        return False
    if re.search(r"\b(?:of|the|for)\s+$", text[max(0, start - 5) : start]):
        return True  # "the Royal College of General Practitioners"
    m = re.search(r"([A-Z][\w&'’]*)\s+$", text[max(0, start - 40) : start])
    if not m:
        return False
    word = m.group(1)
    if word.lower() in ROLE_NOUNS:
        return False  # "NHS England Chief Executive Simon Stevens": a role, then the name
    j = start - len(m.group(0))  # the text before the word, without the spaces ending it
    while j > 0 and text[j - 1] == " ":
        j -= 1
    at_sentence_start = j == 0 or text[j - 1] in ".!?\n:;"
    return not (word in OPENERS or (at_sentence_start and word[1:].islower()))


# lower-case words that modify a role before a name: "executive secretary", "shadow health
# secretary", "clinical chair" (never a verb: a role stops at the first word not listed)
ROLE_MODIFIERS = frozenset(
    "executive shadow health social care clinical medical deputy chief vice acting interim joint "
    "assistant associate national regional local senior general managing honorary primary "
    "public nursing finance financial operating strategy strategic commissioning policy "
    "programme digital quality lay non-executive co- former new area practice "
    "transformation workforce engagement communications development research education "
    "accountable responsible principal board committee council scrutiny parish county borough "
    "city trust group network federation partnership patient participation forum "
    "panel".split()
)
# capitalised words that open a clause or name a time, never a body's: "On Monday NHS England
# chief executive …" starts its role at "NHS"
_ROLE_STOPS = (
    OPENERS
    | _SENTENCE_OPENERS - {"NHS", "GPC", "CCG"}
    | frozenset(
        "The A An This That These Those Its Their His Her Our Your My Yesterday Today Tomorrow "
        "Last Next When Where After Before Since Until Under Over Despite During Following With "
        "Without From By For To At Of Former Monday Tuesday Wednesday Thursday Friday Saturday "
        "Sunday January February March April May June July August September October November "
        "December Commenting Speaking Responding Writing Asked Said".split()
    )
)
# words before a time or a place: the capitalised word after one opens no body's name
_TIME_PREPOSITIONS = frozenset(
    "in on at before after since by during over until from following ahead last this".split()
)
_ROLE_TOKEN = re.compile(r"(?P<tok>[^\s]+)\s+$")
_BODY_WORD = re.compile(r"[A-Z][\w&’'-]*")


def pre_name_role(text: str, start: int) -> str:
    """The role written just before the name at text[start:], with the body and lower-case
    modifiers before its role word: "Birmingham LMC executive secretary", "Labour shadow health
    secretary", "DUDLEY North MP" ("" when no role word ends there)."""
    lo = max(text.rfind("\n", 0, start) + 1, start - 160)
    core = re.search(rf"(?i:\b{ROLE_WORD}|\bmayor)\s+$|\b(?:MP|MEP|MSP)\s+$", text[lo:start])
    if core is None:
        return ""
    word = core.group(0).strip()
    return f"{role_lead(text, lo + core.start(), word)} {word}".strip()


def role_lead(text: str, start: int, role: str) -> str:
    """The words before a `role` at text[start:] that belong to it in its clause: the body
    ("NHS England", "Birmingham LMC") and lower-case modifiers ("executive", "shadow health").
    They never reach past a comma, a verb, a clause's opening word or another person's title."""
    lo = max(text.rfind("\n", 0, start) + 1, start - 160)
    words: list[str] = [role.split()[0]]
    rest = text[lo:start]
    while True:
        m = _ROLE_TOKEN.search(rest)
        if m is None:
            break
        tok = m.group("tok")
        left = rest[: m.start()]
        if tok in ROLE_MODIFIERS:
            pass
        elif tok == "and" and words[0] in ROLE_MODIFIERS:
            # "health and social care secretary"
            prev = _ROLE_TOKEN.search(left)
            if prev is None or prev.group("tok") not in ROLE_MODIFIERS:
                break
        elif _BODY_WORD.fullmatch(tok.removesuffix("’s").removesuffix("'s")):
            if tok in _ROLE_STOPS or re.fullmatch(TITLES, tok) or _PARTICIPLE.fullmatch(tok):
                break
            prev = _ROLE_TOKEN.search(left)
            if (
                prev
                and prev.group("tok").lower() in _TIME_PREPOSITIONS
                and tok not in ORG_WORDS
                and not tok.isupper()
            ):
                break  # "Before Christmas NHS England …", "In Dudley the …": a time or place
            if prev and re.fullmatch(rf"{TITLES}\.?", prev.group("tok")):
                break  # "Dr Smith’s deputy": someone else's name
            bare = tok.removesuffix("’s").removesuffix("'s")
            if (
                bare != tok
                and prev
                and _BODY_WORD.fullmatch(prev.group("tok"))
                and not {bare, prev.group("tok")} & ORG_WORDS
            ):
                break  # "Jo Bloggs’s chief of staff": a person's, not a body's
        elif tok in {"of", "and", "for"} and _BODY_WORD.fullmatch(words[0]):
            # "Royal College of GPs chair", "Bath and North East Somerset council leader" (not
            # "Jo Bloggs and NHS England chief executive": two capitalised words without a body
            # word are a name)
            run = re.search(r"((?:[A-Z][\w&’'-]*\s+)+)$", left)
            if run is None:
                break
            caps = run.group(1).split()
            if tok == "and" and len(caps) > 1 and not set(caps) & ORG_WORDS:
                break
        else:
            break
        words.insert(0, tok)
        rest = left
    while words and words[0] in {"of", "and", "for"}:
        words.pop(0)
    return " ".join(words[:-1])


def _appositive_names(text: str) -> list[re.Match]:
    """Names with a role appositive before their speech verb, by start: "X, ROLE, said" and
    "X, ROLE, ORGANISATION said" (a role word, then an organisation's name alone)."""
    out = {m.start(): m for m in APPOSITIVE_NAME.finditer(text)}
    for m in APPOSITIVE_ORG_NAME.finditer(text):
        if m.start() in out or not ORG.fullmatch(re.sub(r"^the\s", "", m.group("org"))):
            continue
        if not re.search(rf"(?i:\b{ROLE_WORD})\b", m.group("post")):
            continue
        out[m.start()] = m
    for m in APPOSITIVE_COLON.finditer(text):
        if m.start() in out or not re.search(rf"(?i:\b{ROLE_WORD})\b", m.group("post")):
            continue
        if TITLED.search(m.group("post")) or re.search(
            r"\b(?:who|whose|which|that)\b", m.group("post")
        ):
            continue
        ends = re.search(rf"\s(?P<word>[a-z]+)\s(?P<other>{_CAP}\s{_CAP})$", m.group("post"))
        if (
            ends
            and ends.group("word") not in {"of", "for", "at", "from", "with", "in", "to", "and"}
            and not not_a_name(ends.group("other"))
        ):
            # "At County Hall, Durham City, practice manager Tracey Martin said:": the role
            # ends on someone else's name, who speaks; the words before it are a place
            continue
        out[m.start()] = m
    kept: list[re.Match] = []
    for k in sorted(out):  # the first of two that overlap
        if not kept or k >= kept[-1].end():
            kept.append(out[k])
    return kept


def find_mentions(text: str) -> list[Mention]:
    quoted = Intervals(_quoted_ranges(text))

    def in_quote(pos: int) -> bool:
        return quoted.contains(pos, open_start=True)

    found: dict[int, Mention] = {}
    for m in TITLED.finditer(text):
        name = m.group("name")
        # "Dr Brian Balmer" but not "Dr Nagpaul said There" — drop trailing sentence words
        if in_quote(m.start()):
            continue
        role = pre_name_role(text, m.start())
        if not role:
            app = APPOSITIVE_PRE_ROLE.search(text[max(0, m.start() - 60) : m.start()])
            if app:
                role = app.group("role")
        post = POST_ROLE.match(text[m.end() : m.end() + 200]) or POST_ROLE_FINAL.match(
            text[m.end() : m.end() + 200]
        )
        if post:
            role = post.group("role")
        found[m.start()] = Mention(
            m.start(), m.end(), m.group(0), m.group("title"), name, _clean_role(role)
        )
    for m in HEADER_LINE.finditer(text):
        # a header line names its person whether or not it carries a title; a TITLED mention at
        # the same place gets the header's role
        if not_a_name(m.group("name")) or len(m.group(0).split()) > 16:
            continue
        start = m.start("title") if m.group("title") else m.start("name")
        title = (m.group("title") or "").strip().rstrip(".")
        found[start] = Mention(
            start,
            m.end("name"),
            text[start : m.end("name")],
            title,
            m.group("name"),
            _clean_role(m.group("role")),
        )
    # a mention added below lies within its match, and matches never overlap: the names found
    # so far are all a later match can start inside
    named = Intervals((f.start, f.end) for f in found.values())
    # a role appositive ("…, director of primary care in North Somerset and South
    # Gloucestershire, said") names no one: the place names in it are no people
    roles: list[tuple[int, int]] = []
    for m in _appositive_names(text):
        if in_quote(m.start()) or named.contains(m.start()):
            continue
        if not_a_name(m.group("name")) or _inside_proper_noun(text, m.start(), m.group("name")):
            continue
        roles.append(m.span("role"))
        found[m.start()] = Mention(
            m.start(),
            m.end("name"),
            m.group("name"),
            "",
            m.group("name"),
            _clean_role(m.group("role")),
        )

    def free(m: re.Match) -> bool:
        """Whether a match's untitled name is outside quotation marks, not named yet (by the
        latest `named`) and a name at all."""
        at = m.start("name")
        return not (in_quote(at) or named.contains(at) or not_a_name(m.group("name")))

    def untitled(m: re.Match, role: str = "") -> None:
        at, name = m.start("name"), m.group("name")
        found[at] = Mention(at, m.end("name"), name, "", name, _clean_role(role))

    named = Intervals([(f.start, f.end) for f in found.values()] + roles)
    for m in DESCRIBED_NAME.finditer(text):
        if free(m) and not _inside_proper_noun(text, m.start("name"), m.group("name")):
            untitled(m)
    named = Intervals([(f.start, f.end) for f in found.values()] + roles)
    for m in MEMBER_NAME.finditer(text):
        if free(m):
            untitled(m, pre_name_role(text, m.start("name")) or m.group("post"))
    named = Intervals([(f.start, f.end) for f in found.values()] + roles)
    titled_surnames = {f.name.split()[-1] for f in found.values() if f.title and f.name}
    for m in PRE_ROLE_NAME.finditer(text):
        if not free(m):
            continue
        at = m.start("name")
        before = re.search(r"([A-Z][\w&'’]*)\s+$", text[max(0, at - 30) : at])
        body = before.group(1) if before else ""
        if (
            before
            and (body not in ORG_WORDS and body[:-1] not in ORG_WORDS or body == "NHS")
            # (unless the article gives the surname a title elsewhere: "… Place at NHS
            # Gloucestershire Helen Goodey said" is Ms Goodey, after the body's name)
            and m.group("name").split()[-1] not in titled_surnames
        ):
            continue  # "co-chair of NHS Clinical Commissioners": the end of a body's name
        untitled(m, f"{role_lead(text, m.start('role'), m.group('role'))} {m.group('role')}")
    named = Intervals([(f.start, f.end) for f in found.values()] + roles)
    for m in OBJECT_ROLE_NAME.finditer(text):
        # "challenged health secretary Matt Hancock to …", "DUDLEY North MP Ian Austin has
        # raised …": the one full name of someone the article calls "Mr Hancock" elsewhere
        if free(m) and m.group("name").split()[-1] in titled_surnames:
            untitled(m, pre_name_role(text, m.start("name")))
    named = Intervals([(f.start, f.end) for f in found.values()] + roles)
    for m in ROLE_AT_NHS_NAME.finditer(text):
        if free(m):
            role = text[m.start() : m.start("name")].strip()
            untitled(m, f"{role_lead(text, m.start(), role)} {role}")
    named = Intervals([(f.start, f.end) for f in found.values()] + roles)
    for m in FROM_BODY_NAME.finditer(text):
        words = m.group("name").split()
        if in_quote(m.start()) or named.contains(m.start()) or not_a_name(m.group("name")):
            continue
        if any(w.lower() in ROLE_NOUNS for w in words):
            continue  # "Chief Executive from …" is a role, not a name
        found[m.start()] = Mention(m.start(), m.end(), m.group("name"), "", m.group("name"), "")
    named = Intervals([(f.start, f.end) for f in found.values()] + roles)
    for m in UNTITLED.finditer(text):
        if in_quote(m.start()) or named.contains(m.start()):
            continue
        if _inside_proper_noun(text, m.start(), m.group("name")):
            continue  # "NHS Clinical Commissioners, said": the end of an organisation's name
        first, last = m.group("name").split()[0], m.group("name").split()[-1]
        if first in _SENTENCE_OPENERS or _PARTICIPLE.fullmatch(first):
            continue  # "Commenting Helen said": a participle, then a first name
        if (
            last in ORG_WORDS
            or first in ORG_WORDS
            or last in ADDRESS_WORDS
            or re.search(r"\b(?:the|of)\s$", text[max(0, m.start() - 5) : m.start()])
        ):
            continue  # "the Nuffield Trust" is an organisation, not a person
        if _PLACE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "The X Centre in Lewes, East Sussex, said": the county, not a person
        post = POST_ROLE.match(text[m.end() : m.end() + 200]) or COPULA_ROLE.match(
            text[m.end() : m.end() + 200]
        )
        role = post.group("role") if post else ""
        found[m.start()] = Mention(
            m.start(), m.end(), m.group(0), "", m.group("name"), _clean_role(role)
        )
    return [_occupation_apart(found[k]) for k in sorted(found)]


def _occupation_apart(m: Mention) -> Mention:
    """ "Solicitor Rowan Smith, who represented …": a capitalised occupation before an untitled
    two-word name is their role, not their first name."""
    words = m.name.split()
    if m.title or len(words) != 3 or words[0].lower() not in ROLE_NOUNS | OCCUPATIONS:
        return m
    name = " ".join(words[1:])
    start = m.end - len(name)
    return Mention(start, m.end, name, "", name, m.role or words[0].lower())


def _organisation_of(role: str) -> str:
    m = ORG.search(role) or re.search(
        r"\b(?:of|at)\s(?:the\s)?([A-Z][\w'’]*(?:\s[A-Z][\w'’]*)*)", role
    )
    if not m:
        m2 = re.match(r"^((?:[A-Z][\w&]*(?:['’]s)?\s?){1,4})", role)
        words = m2.group(1).split() if m2 else []
        # (a role's own capitalised words are no body: "Practice manager", "Shadow health
        # secretary", "Conservative MP")
        while words and words[-1].lower() in ROLE_NOUNS - {"gp"}:
            words.pop()
        if (
            words
            and words[0].lower() in ROLE_MODIFIERS
            and (len(words) == 1 or words[0] not in ORG_WORDS)
        ):
            return ""
        return " ".join(words).removesuffix("’s").removesuffix("'s")
    org = m.group(1) if m.lastindex else m.group(0)
    return org.removeprefix("the ").strip()


class PeopleIndex:
    """People across one or many articles, merged by surname and compatible names."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        # by surname (a merge never changes it), so adding and finding do not scan everyone
        self._by_surname: dict[str, list[Person]] = {}
        # ("Dame", "Barbara") -> the people named "Dame Barbara <surname …>", by id
        self._by_first: dict[tuple[str, str], dict[int, Person]] = {}

    def _first_name_key(self, name: str) -> tuple[str, str] | None:
        for title in FIRST_NAME_TITLES:
            if name.startswith(f"{title} "):
                bare = self._bare(name).split()
                return (title, bare[0]) if len(bare) > 1 else None
        return None

    def _rename(self, p: Person, name: str | None) -> None:
        """Give `p` its (new) `name`, or index it under its name when `name` is None."""
        if name is not None:
            old = self._first_name_key(p.name)
            if old is not None:
                del self._by_first[old][id(p)]
            p.name = name
        key = self._first_name_key(p.name)
        if key is not None:
            self._by_first.setdefault(key, {})[id(p)] = p

    def _by_first_name(self, title: str, first: str) -> Person | None:
        """ "Dame Barbara" -> the Dame Barbara Hakin named before, if exactly one."""
        found = self._by_first.get((title, first), {})
        return next(iter(found.values())) if len(found) == 1 else None

    def add(self, mention: Mention) -> Person:
        if mention.title in FIRST_NAME_TITLES and len(mention.name.split()) == 1:
            p = self._by_first_name(mention.title, mention.name)
            if p is not None:
                p.variants.add(mention.surface)
                return p
        for p in self._by_surname.get(mention.surname.lower(), ()):
            if self._same(p, mention):
                full = f"{mention.title} {mention.name}".strip()
                words, known = len(mention.name.split()), len(self._bare(p.name).split())
                if words > known or (words == known and mention.title and p.name == mention.name):
                    self._rename(p, full)  # fuller, or the same name with its title
                if mention.role and len(mention.role) > len(p.role):
                    p.role = mention.role
                    p.organisation = _organisation_of(mention.role)
                p.variants.add(mention.surface)
                return p
        person = Person(
            name=f"{mention.title} {mention.name}".strip(),
            role=mention.role,
            organisation=_organisation_of(mention.role) if mention.role else "",
            variants={mention.surface},
        )
        self.people.append(person)
        self._rename(person, None)
        surname = self._bare(person.name).split()[-1].lower()
        self._by_surname.setdefault(surname, []).append(person)
        return person

    @staticmethod
    def _bare(name: str) -> str:
        return re.sub(rf"^{TITLES}\.?\s+", "", name)

    def _same(self, p: Person, m: Mention) -> bool:
        bare = self._bare(p.name).split()
        if bare[-1] != m.surname:
            return False
        words = m.name.split()
        if len(words) > 1 and len(bare) > 1 and words[0] != bare[0]:
            return False  # different first names
        return True

    def with_surname(self, surname: str) -> list[Person]:
        """Everyone the article names with that surname."""
        return list(self._by_surname.get(surname.lower(), ()))

    def find(self, name: str) -> Person | None:
        """Look a person up by any form of their name ("Nagpaul", "Dr Chaand Nagpaul")."""
        title = re.match(rf"^({TITLES})\.?\s+(\w+)$", name.strip())
        if title and title.group(1) in FIRST_NAME_TITLES:
            p = self._by_first_name(title.group(1), title.group(2))
            if p is not None:
                return p
        q = self._bare(name.strip()).lower().split()
        if not q:
            return None
        for p in self._by_surname.get(q[-1], ()):
            bare = self._bare(p.name).lower().split()
            if q[-1] == bare[-1] and (len(q) == 1 or q[0] == bare[0] or len(bare) == 1):
                return p
        return None


def resolve_people(
    text: str, people: PeopleIndex | None = None
) -> tuple[PeopleIndex, list[tuple[Mention, Person]]]:
    people = people or PeopleIndex()
    return people, [(m, people.add(m)) for m in find_mentions(text)]


_PRONOUN_START = re.compile(
    r"^(?P<lead>(?:But|And|However,|Meanwhile,)\s)?(?P<pron>He|She|he|she)\b"
)


def antecedent(resolved: list[tuple[Mention, Person]], offset: int) -> Person | None:
    """The most recent person named before `offset`."""
    best = None
    for m, p in resolved:
        if m.start < offset:
            best = p
        else:
            break
    return best


def name_pronoun(sentence: str, person: Person) -> str | None:
    """Rewrite a sentence that opens with he/she to name the person; None if it does not."""
    m = _PRONOUN_START.match(sentence)
    if not m:
        return None
    lead = m.group("lead") or ""
    rest = sentence[m.end() :]
    if rest.startswith(" said:") or rest.startswith(" added:") or rest.startswith(" warned:"):
        return f"{lead}{person.describe()}{rest}"
    return f"{lead}{person.name}{rest}"
