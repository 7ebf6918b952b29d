"""What kind of fact a question asks for, and what kind of fact a sentence holds.

The answerer prefers sentences whose fact type matches the question: a proportion for "what share", a number for "how many",
a person for "who", a date for "when", an organisation for "which CCG"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexical import QUESTION_WORDS, STOP_WORDS, normalize_token, tokenize

_QUESTION_STEMS = frozenset(normalize_token(w) for w in QUESTION_WORDS)

MONEY_Q = re.compile(
    r"\bhow much (?:[\w'’-]+\s){0,3}?(?:money|funding|cash|budgets?|savings|income)\b|"
    r"\bwhat (?:salary|salaries|price|cost|fee|fees|pay)\b|"
    r"\bhow much\b[^?]*\b(?:paid|pay|earn|earns|cost|costs|worth|spend|spent)\b|"
    # "How big is Surrey Downs CCG's budget?" asks for a sum too, not "53%"
    r"\b(?:how (?:big|large)|what size)\b[^?]*\b(?:money|funding|budgets?|savings|income|pot)\b|"
    # "What is the contract value …?", "What primary care budget will X control?", "What was
    # X's total LES budget?": a sum (not "value for money", nor a budget's pressures or plans)
    r"\bwhat\s+(?:is\s+|was\s+|were\s+|are\s+|will\s+be\s+)?(?:the\s+)?"
    r"(?:(?!(?:would|will|did|does|do|could|should|can|might|must|has|have|had|make|makes|made)\b)"
    r"[\w'’-]+\s+){0,5}?(?:value|budget|worth|payment)\b"
    r"(?!\s+(?:for\s+money|pressures?|plans?|setting|did|does|do|had|has|have)\b)",
    re.I,
)
AS_SHARE = re.compile(r"\bas an? (?:percentage|proportion|share|fraction)\b", re.I)
SHARE_Q = re.compile(
    r"\bwhat (percentage|proportion|share|fraction|per ?cent)\b|\bhow many per ?cent\b", re.I
)
NUMBER_Q = re.compile(
    r"\b(how (many|much)|what (percentage|proportion|share|fraction|number|per ?cent|sum|amount)|"
    r"how large|how big|what size|what value|what figure|how many people|what (level|range))\b",
    re.I,
)
WHO_Q = re.compile(
    r"\b(who|whom|whose|which (person|people|leaders?|doctors?|gps?|experts?|officials?))\b"
    r"(?! (?:budget|contract|practice|fund|service|premise|list|income|pay|surger)\w*)",  # "which GP budgets"
    re.I,
)
# "Who is the chair …?", "Who chairs …?", "Who will lead …?": the holder of a role
WHO_ROLE = re.compile(
    r"^\s*(?i:who(?:\s+is|\s+was|'s|’s)\s+(?:the|a|an)\b|who\s+(?:runs|leads|chairs|co-chairs|heads)\b"
    r"|who\s+(?:will|would|is\s+to|is\s+going\s+to)\s+(?:run|lead|chair|co-chair|head)\b)"
)
# … or "Who is Dr Kell?": a person either way
WHO_HOLDS = re.compile(rf"{WHO_ROLE.pattern}|^\s*(?i:who(?:\s+is|\s+was|'s|’s))\s+[A-Z]")
WHEN_Q = re.compile(
    r"\b(when|what (?:(?:exact|precise|specific) )?(dates?|years?|months?|days?|time)|by when|"
    r"which (years?|months?|dates?)|how soon|deadline)\b(?!-)",
    re.I,
)
# "which Hampshire CCG", not "what do CCGs …": a word before the kind of organisation is no verb
_NO_MODIFIER = (
    r"do|does|did|is|are|was|were|will|would|can|could|should|has|have|had|the|a|an|of|must|may|"
    r"might"
)
_MODIFIER = rf"(?!(?:{_NO_MODIFIER})\b)[\w'’-]+\s"
# … or several plain lower-case words ("which private health care provider"), not a verb
# ("what prompted West Hampshire CCG"), a possessive ("which area's move to council-led …")
# or a preposition
_PLAIN = rf"(?!(?:{_NO_MODIFIER}|to|for|in|on|at|by|with|from|into)\b)(?-i:[a-z]+)(?<!ed)(?<!ing)\s"
_MODIFIERS = rf"(?:{_MODIFIER}|(?:{_PLAIN}){{2,3}})?"
# kinds of organisation whose names say what they are ("… CCG", "… NHS Foundation Trust")
_NAMED_KINDS = (
    r"ccgs?|trusts?|councils?|lmcs?|authorit(?:y|ies)|compan(?:y|ies)|firms?|federations?|"
    r"providers?|partnerships?|clubs?"
)
# (not "What CCG incentive …?", "Which CCG scheme …?": a thing of a CCG's, not a CCG; only
# nouns that are never the verb after it: "Which CCGs plan to …?" asks for CCGs)
_NOT_ORG_HEAD = (
    r"(?!\s+(?:incentives?|schemes?|polic(?:y|ies)|services|funding|decisions?|rules|"
    r"programmes?|proposals?|documents?|payments?|deadlines?|premiums?|guidance|frameworks?|"
    r"money)\b)"
)
ORG_Q = re.compile(
    rf"\b(which|what) ({_MODIFIERS})(organisations?|organizations?|body|bodies|group|think tank|"
    rf"{_NAMED_KINDS})\b{_NOT_ORG_HEAD}",
    re.I,
)
# "which CCG chair", "which LMC's medical secretary", "which NHS England director": someone who
# holds a role, named by the role's title after up to three words of its organisation
ROLE_Q = re.compile(
    r"\bwhich\s+(?:[\w'’-]+\s+){0,3}?(?:chair(?:man|woman|person)?|co-chair|chief executive|"
    r"chief officer|accountable officer|clinical lead|president|director|secretary|"
    r"spokes(?:man|woman|person)|minister|leader|partner|officials?|MPs?)\b(?!\s+(?:of\s+)?(?:role|post|job|seat))",
    re.I,
)
LIST_Q = re.compile(
    r"\b(list|what are (the|some)|which (areas|powers|responsibilities|recommendations)|"
    r"compare|comparison|both|differ|difference|across|in each|all the|and (what|which|how)|"
    r"what other|name (the|all)|the articles|the coverage|which (ccgs|organisations|people|areas|bodies|groups))\b",
    re.I,
)

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMBER = re.compile(
    rf"£?\d[\d,./]*%?m?\b|\b(?:(?:{_TENS})(?:-(?:{_UNITS}))?|eleven|twelve|thirteen|fourteen|"
    rf"fifteen|sixteen|seventeen|eighteen|nineteen|{_UNITS}|ten|third|half|quarter|two-thirds)\b",
    re.I,
)
_WORD_VALUES = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
} | {w: 20 + 10 * i for i, w in enumerate(_TENS.split("|"))}


def number_value(figure: str) -> str:
    """A figure's value, whatever its wording: "Sixty-four" and "64" are "64", "£1.5 million"
    and "£1.5m" are "1.5"."""
    words = figure.lower().split("-")
    if all(w in _WORD_VALUES for w in words):
        return str(sum(_WORD_VALUES[w] for w in words))
    return re.sub(r"[^\d.]", "", figure).rstrip(".") or figure.lower()


_SMALL = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
_PARTS = r"(?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
# a proportion in figures or in words: "71%", "40pc", "60 per cent", "a third", "two-fifths",
# "four in five", "nine out of 10"
SHARE = re.compile(
    rf"\d(?:[\d.]*)\s?%|\d(?:[\d.]*)\s?pc\b|\bper ?cent\b|\b(?:{_SMALL}[- ])?{_PARTS}\b"
    rf"|\b{_SMALL} (?:in|out of) (?:{_SMALL}|a hundred)\b",
    re.I,
)
MONTHS = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
DATE = re.compile(
    rf"\b({MONTHS}|\d{{1,2}}(st|nd|rd|th)? {MONTHS}|(19|20)\d\d(/\d\d)?|next (year|week|month)|"
    r"last (year|week|month)|yesterday|tomorrow|this (month|year)|over the next \w+ years)\b"
)
# "How much more (less, higher) …?" is answered by a share as well as a sum
HOW_MUCH_MORE = re.compile(r"\bhow\s+much\s+(?:more|less|higher|lower|bigger|smaller)\b", re.I)
# "How soon …?" is answered by a time span as well as a date: "within 28 days", "in six weeks"
HOW_SOON = re.compile(r"\bhow\s+(?:soon|quickly)\b", re.I)
DURATION = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)\s+"
    r"(?:working\s+|calendar\s+)?(?:days?|weeks?|months?|years?)\b",
    re.I,
)
MONEY = re.compile(r"£\s?\d[\d,.]*(?:m|bn|k)?\b|\b\d[\d,.]*\s?(?:million|billion|bn|pounds)\b")
YEAR = re.compile(r"^(?:19|20)\d\d(?:/\d\d)?$")
PERSON = re.compile(
    r"\b(Dr|Professor|Prof|Mr|Mrs|Ms)\.? [A-Z]|\b[A-Z][a-z]+ [A-Z][a-z]+, [a-z]|^(But |And )?(He|She) (said|added|warned)"
)
ORG = re.compile(
    r"\b(NHS [A-Z][\w ]*?CCG|[A-Z][a-z]+ LMC|NHS England|GPC|BMA|King's Fund|King’s Fund|NHS Alliance|NHS Future Forum|"
    r"(?:[A-Z][\w'’&-]+ )+(?:County Council|Council|Trust|Authority|Foundation|Partnership|Federation|Ltd|plc))\b"
)

_QWORDS = {
    "What",
    "Which",
    "Who",
    "Whom",
    "Whose",
    "When",
    "Where",
    "Why",
    "How",
    "Is",
    "Are",
    "Was",
    "Were",
    "Do",
    "Does",
    "Did",
    "Can",
    "Could",
    "Will",
    "Would",
    "Should",
    "Has",
    "Have",
    "Had",
    "According",
    "In",
    "On",
    "At",
    "For",
    "The",
    "A",
    "An",
    "And",
    "But",
    "If",
    "My",
    "Our",
    "Tell",
    "Give",
    "Name",
    "List",
    "Describe",
    "Explain",
    "Summarise",
    "Summarize",
    "Please",
    "I",
    "It",
    "Me",
    "To",
    "Of",
    "By",
    "So",
    "Any",
    "Some",
}
ENTITY = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’-]*)*")


WHY_Q = re.compile(
    r"^\s*(?:why|how come|for what reasons?)\b|\bwhat (?:are|were) the reasons?\b", re.I
)
FOCUS = re.compile(
    r"\b(?i:how many|(?:what|who) (?:is|was|are|were) the|what's the|who's the)\s+(?P<focus>[a-z][a-z-]*(?:\s[a-z][a-z-]*){0,1})\b"
)
# "Which hospital trust …?", "Which Hampshire CCG …?": a kind of organisation whose name says
# what it is, so the answer's name holds the kind ("… NHS Foundation Trust", "… CCG")
ORG_FOCUS = re.compile(
    rf"\b(?:which|what)\s+(?P<focus>{_MODIFIERS}(?:{_NAMED_KINDS}))\b",
    re.I,
)


# who or what the question asks an answer of: "…, according to the Pulse editorial?",
# "…, in the editor's view?" — it picks the source, it is not what the answer sentence says
# what writes rather than speaks: "What does the (Pulse) editorial say about …?" asks for that
# article's account, as "according to the editorial" does
_WRITER = (
    r"the\s+(?:[A-Z][\w'’]*\s+)?(?:editor|editorial|leader|author|writer|columnist|column|"
    r"article|piece|report|analysis)\b"
)
WRITER = re.compile(rf"^\s*{_WRITER}\s*$", re.I)
_WRITES = (
    r"(?:say|says|think|thinks|argue|argues|claim|claims|warn|warns|suggest|suggests|believe|"
    r"believes|describe|describes|call|calls|predict|predicts)"
)
SOURCE = re.compile(
    rf"(?:(?<=\bdoes )|(?<=\bdid )|(?<=\bdo )){_WRITER}(?=\s+{_WRITES}\b)"
    r"|(?:,\s*|\s+)(?:according to|in the (?:view|opinion|words) of|as reported by)\s+[^,?]+"
    r"|(?:,\s*|\s+)in (?:the )?[\w'’ ]{0,40}?['’]s?\s(?:view|opinion|eyes)\b"
    r"|^\s*(?:according to|in the (?:view|opinion) of)\s+[^,?]+,\s*"
    # "In the editorial, what …?", "What …, in the Pulse editorial?"
    rf"|^\s*in\s+{_WRITER}\s*,\s*|,\s*in\s+{_WRITER}(?=\s*\??\s*$)",
    re.I,
)


def content_of(question: str) -> str:
    """The question without its source qualifier: "Why are GPs disillusioned, according to the
    Pulse editorial?" -> "Why are GPs disillusioned?"."""
    out = SOURCE.sub("", question).strip()
    if out != question.strip():
        # "What does the editor say is coming?" -> "What is coming?", not "What does  say …"
        out = re.sub(rf"\b(?:does|did|do)\s+{_WRITES}\s+(?:that\s+)?", "", out, flags=re.I)
        out = re.sub(r"\s{2,}", " ", out)
    return out if len(tokenize(out)) >= 1 else question


def source_of(question: str) -> str:
    """The source qualifier itself: "according to the Pulse editorial", or ""."""
    return " ".join(m.group(0).strip(" ,") for m in SOURCE.finditer(question))


# "Which CCG has the largest budget?" asks for the extreme one: a sentence that says which is
# largest (or biggest) answers, not one that only mentions a budget. Words of one class say the
# same extreme ("the highest level" is "the maximum 'level three'").
_EXTREMES = (
    ("largest", "biggest", "greatest"),
    ("smallest",),
    ("highest", "maximum", "top"),
    ("lowest", "minimum", "bottom"),
    ("best",),
    ("worst",),
    ("earliest", "first"),
    ("most",),
    ("least", "fewest"),
)
_EXTREME_STEMS = tuple(tuple(t for w in c for t in tokenize(w)) for c in _EXTREMES)
_EXTREME = re.compile(r"\b(" + "|".join(w for c in _EXTREMES for w in c) + r")\b", re.I)


# "most", "least", "first" and "top" also quantify or order ("most GPs", "approve it first")
_NOT_ASKED = frozenset({"most", "least", "first", "top"})


def extremes(question: str) -> list[tuple[str, ...]]:
    """The classes of superlative a question asks by: "the largest …" -> [largest class]."""
    said = {m.group(1).lower() for m in _EXTREME.finditer(question)} - _NOT_ASKED
    return [c for c in _EXTREMES if said & set(c)]


def states_extreme(text: str, classes: list[tuple[str, ...]]) -> bool:
    """Whether a sentence says each asked extreme, in words of its class."""
    said = {m.group(1).lower() for m in _EXTREME.finditer(text)}
    return all(said & set(c) for c in classes)


@dataclass(frozen=True)
class QuestionInfo:
    wants: str  # money | share | number | person | date | organisation | analogy | any
    is_list: bool
    terms: tuple[str, ...]
    entities: tuple[str, ...]
    focus: tuple[str, ...] = ()  # the asked-for attribute: "staff" in "how many staff …"
    asks_why: bool = False
    question: str = ""  # the text analysed: a fact it already names is not an answer
    content: str = ""  # the question without "according to …": what a sentence must answer
    source: str = ""  # "according to the editor": whose account is asked for
    counted: tuple[str, ...] = ()  # "how many GP practices …": what a count must be of
    own: str = ""  # a follow-up's own words, without the previous question carried along

    @property
    def own_entities(self) -> tuple[str, ...]:
        """The names a follow-up itself asks about; those of the previous question it carries
        along are context, which the user may have worded differently from the articles."""
        if not self.own or self.own == self.question:
            return self.entities
        return tuple(e for e in self.entities if e in self.own)


# "What analogy did he use?", "What did he compare the CCG to?": a likeness, not any statement
LIKENESS_NOUNS = r"analogy|analogies|comparison|metaphor|simile|image"
LIKENS = r"compare|compared|compares|liken|likened|likens"
ANALOGY_Q = re.compile(
    rf"\bwhat (?:{LIKENESS_NOUNS})\b|^\s*what\b[^?]*\b(?:{LIKENS})\b[^?]*\bto\s*\?",
    re.I,
)
# "It's like being in a yacht club …", "as if", "akin to": a sentence that draws a likeness
ANALOGY = re.compile(
    r"(?:['’]s|\bis|\bare|\bwas|\bwere|\bfeels?|\blooks?|\bseems?)\s+(?:just\s+|rather\s+)?"
    r"like\b|\bas if\b|\bas though\b|\bakin to\b|\bthe equivalent of\b"
    r"|\b(?:compared?|likened?)\s+(?:\w+\s+){0,3}?(?:to|with)\b",
    re.I,
)
_WH = re.compile(r"\b(?:what|which|who|whom|whose|when|where|why|how)\b", re.I)
# pattern, fact kind; the first that matches at the question's own wh-word wins
# "What was the name of the GP …?", "What will the merged practice be called?": a name
NAME_Q = re.compile(
    r"\bwhat\s+(?:is|was|were|will\s+be)\s+the\s+names?\s+of\b|\b(?:under\s+)?what\s+name\b|"
    r"\bwhat\s+(?:is|was|will|would)\s+[^?]{0,60}?\bbe\s+called\b",
    re.I,
)
# "Which practice took over the list?", "Which four Halifax surgeries …?": a practice's name
PRACTICE_Q = re.compile(
    r"\b(?i:which)\s+(?:(?:[A-Z][\w'’-]*|\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"local|other|nearby|neighbouring|new)\s+){0,3}"
    r"(?i:practices?|surger(?:y|ies)|health\s+cent(?:re|er)s?)\b"
    r"(?!\s+(?i:manager|staff|list|building|premises|contract|hour|time)s?\b)"
)
_KINDS = (
    (NAME_Q, "name"),  # a name the question does not already give
    (PRACTICE_Q, "name"),
    (MONEY_Q, "money"),  # a sum: "£200m", not any figure
    (SHARE_Q, "share"),  # a proportion: "6%", "two-thirds", not any figure
    (NUMBER_Q, "number"),
    (WHEN_Q, "date"),
    (ROLE_Q, "person"),  # "Which CCG chair said …?": a person, not the CCG
    (ORG_Q, "organisation"),
    (WHO_Q, "person"),
    (ANALOGY_Q, "analogy"),
)


# "When Walton Surgery closes, about how many …?", "If the merger fails, what …?": a clause
# setting the scene, whose "when" is not what is asked (not "When did …, and how many …?")
_LEADING_CLAUSE = re.compile(
    r"^\s*(?:when|if|once|after|before|while)\s+"
    r"(?!(?:did|does|do|is|was|were|are|will|would|has|have|had|can|could|should)\b)"
    r"[^?,]{3,}?,\s*(?=[^?]*\b(?:what|which|who|whom|whose|when|where|why|how)\b)",
    re.I,
)


def wanted_kind(question: str) -> str:
    """The kind of fact asked for, read at the question's wh-word: "What happened in the US when
    funding was squeezed?" asks what happened, not when; "In which month …" asks for a date.
    A question with no wh-word ("Deadline for submitting the plans?") is read anywhere."""
    lead = _LEADING_CLAUSE.match(question)
    wh = _WH.search(question, lead.end() if lead else 0)
    for pattern, kind in _KINDS:
        for m in pattern.finditer(question):
            # at the wh-word or the word after it ("by when", "which month", "what deadline")
            if wh is None or wh.start() - 8 <= m.start() <= wh.end() + 1:
                return kind
    return "any"


def analyse(question: str, own: str = "") -> QuestionInfo:
    """`own`: a follow-up's own words, when `question` carries the previous one along."""
    wants = wanted_kind(question)
    terms = tuple(t for t in tokenize(question) if t not in _QUESTION_STEMS)
    if wants == "number" and AS_SHARE.search(question):
        wants = "share"  # "How many CCGs, as a percentage, …?"
    m = FOCUS.search(question)
    if m is not None and _verb_after_how_many(question, m):
        m = None  # "how many didn't understand …", "how many were approved": no thing named
    if m is None and wants == "organisation":
        m = ORG_FOCUS.search(question)
    focus = _asked_terms(m.group("focus")) if m else ()
    return QuestionInfo(
        wants,
        bool(LIST_Q.search(question)),
        terms,
        tuple(entities(question)),
        focus,
        asks_why=bool(WHY_Q.search(question)),
        question=question,
        content=content_of(question),
        source=source_of(question),
        counted=_counted(question) if wants == "number" else (),
        own=own or question,
    )


_AUXILIARIES = frozenset(
    "did do does didn doesn don is are was were isn aren wasn weren have has had haven hasn "
    "hadn will would won wouldn can could couldn should shouldn may might must".split()
)


def _verb_after_how_many(question: str, m: re.Match) -> bool:
    """Whether "how many" is followed by a verb rather than the thing counted."""
    first = m.group("focus").split()[0].lower()
    return first in _AUXILIARIES or question[m.start("focus") + len(first) :][:1] in "'’"


COUNTED = re.compile(r"\bhow many\s+(?P<what>[\w'’-]+(?:\s[\w'’-]+){0,3})", re.I)
# where the counted noun phrase ends: "How many small London practices had closed", "How many
# patients in Leeds", "By how many did Jeremy Hunt …" (no noun at all)
_PHRASE_ENDS = frozenset(
    "in at of on for from with by to that which who across under only also still now currently "
    "ever already really then".split()
)


# words a count of the same things goes by: "how many patients" is answered by "70,000 people"
_COUNT_SYNONYMS = (
    frozenset({"patient", "peopl", "person", "popul", "resid"}),
    frozenset({"gp", "doctor"}),
    frozenset({"practic", "surgeri"}),
)


def _counted(question: str) -> tuple[str, ...]:
    """What "how many" counts, with the other words for it: "How many GP practices are …" ->
    ("gp", "practic", "doctor", "surgeri"); the whole noun phrase ("small London practices"),
    so a count of its head noun ("eight practices") counts it."""
    m = COUNTED.search(question)
    words: list[str] = []
    verb: tuple[str, ...] = ()
    for w in m.group("what").split() if m else ():
        low = w.lower()
        if low in _AUXILIARIES or low in _PHRASE_ENDS:
            break
        if not words and low.endswith("ed") and _FOLLOWS_VERB.match(m.group("what"), len(w)):
            break  # "how many planned to pay …": a verb, no thing named
        if words and low.endswith(("ed", "ing")):
            # "How many practices closed …": the count may stand before the verb alone ("… and
            # 138 closed in 2018"), so the verb goes along, marked (see facts)
            verb = tuple(VERB_MARK + t for t in tokenize(w))
            break
        words.append(w)
    asked = _asked_terms(" ".join(words))
    return tuple(dict.fromkeys(t for a in asked for t in (a, *count_synonyms(a)))) + verb


# what follows a verb, not a noun it qualifies: "planned to", "voted for", "applied by"
_FOLLOWS_VERB = re.compile(r"\s+(?:to|for|by|in|on|at|that|their|its|the|a|an|with)\b", re.I)
# in `counted`, the verb of "How many practices closed": it counts only right after a number
VERB_MARK = "verb:"


def count_synonyms(term: str) -> list[str]:
    """Other words for the things a count is of: "patient" -> ["peopl", "person", …]."""
    return [t for group in _COUNT_SYNONYMS if term in group for t in sorted(group) if t != term]


def other_words(term: str) -> list[str]:
    """Words the articles may use instead: for things counted ("patient": "peopl") and for an
    extreme ("highest": "maximum")."""
    extreme = [t for c in _EXTREME_STEMS if term in c for t in c if t != term]
    return count_synonyms(term) + extreme


def _asked_terms(text: str) -> tuple[str, ...]:
    """A question phrase's terms, less question words ("share", "number", …)."""
    return tuple(t for t in tokenize(text) if t not in _QUESTION_STEMS)


_QNUM = re.compile(r"\b(?:19|20)\d\d(?:/\d\d)?\b|£?\d[\d,.]*(?:%|m\b|\b)")


# words capitalised only because they open the question: prepositions, conjunctions and
# adverbs ("Besides performance management, what …?", "Apart from QOF, …", "Currently, …")
_OPENERS = frozenset(
    "About After Also Although Among Apart As Aside Before Besides Between Beyond Briefly "
    "Broadly Despite During Either Except Excluding Following Given Including Instead Like "
    "Meanwhile Neither Now Other Otherwise Overall Rather Regarding Since Still Then Though "
    "Thus Today Under Unlike Until While Whilst With Within Without Yet".split()
)


def _opener(word: str) -> bool:
    """A question's first word that is no name: a closed-class word, or an -ly adverb, -ing
    or -ed form standing alone ("Currently", "Looking at …", "Extrapolated across England");
    "Reading CCG" stays a name."""
    return (
        word in _OPENERS
        or word.lower() in STOP_WORDS
        or (word[1:].islower() and word.endswith(("ly", "ing", "ed")))
    )


# the first words of English complex prepositions ("ahead of", "because of", "instead of"): a
# closed class, like the stop words
_COMPLEX_PREPOSITION = frozenset(
    "ahead because instead out outside inside regardless irrespective short upwards".split()
)


_OPENER_LINK = re.compile(r"^(?P<opener>[A-Z][a-z]+)\s+(?:of|and)\s+(?P<rest>[A-Z].*)$")


def entities(question: str) -> list[str]:
    """Capitalised names, acronyms, years and figures in a question (not the question words)."""
    out = [m.group(0) for m in _QNUM.finditer(question)]
    for m in ENTITY.finditer(question):
        words = [w for w in m.group(0).split() if w not in _QWORDS]
        if m.start() == len(question) - len(question.lstrip()):
            if len(words) == 1:
                words = [w for w in words if not _opener(w)]
            elif (link := _OPENER_LINK.match(" ".join(words))) and (
                _opener(w := link.group("opener")) or w.lower() in _COMPLEX_PREPOSITION
            ):
                # "Ahead of April 2018, …": the capital is the sentence's, the name is April
                words = link.group("rest").split()
            elif len(words) > 1 and (words[0] in _OPENERS or words[0].lower() in STOP_WORDS):
                # "Among CCGs that …": a preposition capitalised by the question ("Reading
                # CCG", whose first word only looks like one, stays a name)
                words = words[1:]
        # "Wessex LMCs' September 2015 update": the month dates the possessor's update and is
        # no part of its name
        cut = next(
            (
                i
                for i in range(1, len(words))
                if re.search(r"(?:['’]s|s['’])$", words[i - 1]) and re.fullmatch(MONTHS, words[i])
            ),
            None,
        )
        if cut is not None:
            out.append(" ".join(words[:cut]))
            words = words[cut:]
        if words:
            out.append(" ".join(words))
    return out


def entity_terms(entity: str) -> list[str]:
    """The searchable terms of an entity's capitalised words and figures ("UK-wide" -> "uk")."""
    parts = [
        p for p in re.split(r"[\s-]+", entity) if p[:1].isupper() or p[:1].isdigit() or p[:1] == "£"
    ]
    return [t for p in parts for t in tokenize(p)]


# a name: two or more capitalised words ("Wyre Forest Health Partnership", "Securing
# Excellence in Primary Care"), or a title and a surname ("Dr Lobo")
NAME_FACT = re.compile(
    r"\b(?:(?:Dr|Mr|Mrs|Ms|Professor)\.?\s[A-Z][\w'’-]+|[A-Z][\w'’&-]*(?:\s(?:(?:of|and|in|for|the|&)\s)?[A-Z][\w'’&-]*)+)"
)
# what a name is asked of: a practice's name ends in a practice's word, a GP's is a person's
_NAME_OF_PRACTICE = re.compile(r"\b(?:practices?|surger(?:y|ies)|health\s+cent(?:re|er)s?)\b", re.I)
_NAME_OF_PERSON = re.compile(
    r"\b(?:GP|doctor|partner|chair(?:man|woman)?|manager)\b(?!\s+(?:practice|surgery))", re.I
)
_PRACTICE_WORD = re.compile(r"\b(?:Practice|Surgery|Centre|Center|Group|Partnership)\b")
_NOT_PRACTICE = re.compile(
    r"\b(?:NHS|CCGs?|ICBs?|LMCs?|PCTs?|Council|Trust|Board|Committee|England|Healthwatch|"
    r"Department|Government|Parliament|Ltd|plc|CQC|BMA|GMC)\b"
)
_TITLED_NAME = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Professor)\.?\s")
# the words of a name that say what kind of place it is, not which one: "The GP", "Your GP",
# "GP Practice", "In London" name no practice; "Caxton House Medical Practice" is the question's
# own "Caxton House" when the question asks where its patients will go
_NAME_KIND_WORDS = frozenset(
    tokenize(
        "the a an one your our their this that in at of and for gp gps practice practices "
        "surgery surgeries medical centre center health clinic group partnership partners "
        "doctors board committee january february march april may june july august september "
        "october november december"
    )
)
# a first name and a surname, each a capital and lower-case letters ("Jo Bloggs"; not "A GP",
# "NHS England")
_PERSON_NAME = re.compile(r"^[A-Z][a-z][\w’'-]*\s[A-Z](?=[\w’'-]*[a-z])[\w’'-]+$")

_TYPED = {
    "name": NAME_FACT,
    "money": MONEY,
    "share": SHARE,
    "number": NUMBER,
    "date": DATE,
    "person": PERSON,
    "organisation": ORG,
    "analogy": ANALOGY,
}
_TITLED = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*")


_YEAR_RANGE_END = re.compile(r"(?:19|20)\d{2}\s*[-/–]\s*$")  # the "16" of "2015-16"


def facts(
    sentence: str, wants: str, counted: tuple[str, ...] = (), headline: str = ""
) -> list[str]:
    """The facts of the asked-for kind that a sentence states. A count is not a year ("how many"
    is not answered by "2015/16"), a day ("1 March") or a label ("level two"), and a count of
    `counted` things is followed by them ("145 CCGs", "a third of CCGs", "four locality areas")
    or, for a bare share ("Some 28% wanted …"), counted in the `headline` of its article, which
    says what the article counts ("Third of CCGs have …"). A titled name is taken whole ("Dr
    Brian Balmer")."""
    pattern = _TYPED.get(wants)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(sentence):
        text = m.group(0)
        if wants == "number" and (
            YEAR.match(text)
            or _is_label_or_day(sentence, m)
            or _YEAR_RANGE_END.search(sentence, 0, m.start())
        ):
            continue
        if wants == "date" and _names_a_thing(sentence, m):
            continue
        if (
            wants == "number"
            and counted
            and not set(counted) & set(_next_terms(sentence, m))
            and not (
                # "… and 138 closed": a count (not a share) right before the asked verb
                {VERB_MARK + t for t in _next_terms(sentence, m)[:1]} & set(counted)
                and not SHARE.match(sentence, m.start())
            )
            and not (_bare_share(sentence, m) and _counts(headline, counted))
            and not (_PATIENT in counted and _LIST_SIZE.search(sentence, 0, m.start()))
        ):
            continue
        if wants == "person" and m.group(0)[-1:].isupper():
            name = _TITLED.match(sentence, m.end() - 1)
            text = sentence[m.start() : name.end()] if name else text
        out.append(text)
    return out


# a practice's list is its registered patients: "has a list size of around 30,000", "a patient
# list of 4,500" count patients ("a list of 12 practices" does not)
_PATIENT = "patient"
_LIST_SIZE = re.compile(
    r"\b(?:list\s+size|patient\s+list)(?:\s+(?:of|is|was|stands at))?"
    r"(?:\s+(?:around|about|some|roughly|nearly|almost|over|under|more than|fewer than|just"
    r"(?:\s+(?:over|under))?))?\s+$",
    re.I,
)


def _bare_share(sentence: str, m: re.Match) -> bool:
    """Whether a number is a share that names no group of its own: "Some 28% wanted …",
    "Two-thirds (66%) said …", not "37% of CCGs" or "145 CCGs"."""
    share = SHARE.match(sentence, m.start())
    return share is not None and not re.match(
        r"[\s)]*of\b", sentence[max(m.end(), share.end()) :], re.I
    )


def _counts(text: str, counted: tuple[str, ...]) -> bool:
    """Whether a text counts the `counted` things: "Third of CCGs have …" counts CCGs."""
    return any(set(counted) & set(_next_terms(text, m)) for m in NUMBER.finditer(text))


# what a number counts ends where its clause does ("for more than 30 years but residents …"
# counts years, not residents) and is never a span of time or distance
_CLAUSE_BREAK = re.compile(r"[,;:–—]|\s(?:but|while|whereas|although|though|yet)\s", re.I)
_UNIT = re.compile(
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|miles?|km|kilometres?|metres?)\b", re.I
)


def _next_terms(sentence: str, m: re.Match, n: int = 4) -> list[str]:
    """The first n terms after a match ("145 CCGs in June" -> ["ccg", "june"]), and the
    acronym of the words after it ("64 clinical commissioning groups" -> "ccg"), within the
    number's own clause; after a span of time or distance ("30 years") only its unit."""
    rest = sentence[m.end() :]
    if unit := _UNIT.match(rest.lstrip()):
        return tokenize(unit.group(0))  # "five years" counts years, and nothing after them
    cut = _CLAUSE_BREAK.search(rest)
    following = (rest[: cut.start()] if cut else rest).split()[:n]
    words = [w for w in following if w[:1].isalpha()]
    acronyms = ["".join(w[0] for w in words[:k]).lower() for k in (2, 3, 4) if len(words) >= k]
    return tokenize(" ".join(following)) + [normalize_token(a) for a in acronyms]


def _is_label_or_day(sentence: str, m: re.Match) -> bool:
    """Whether a number is part of a date ("1 March", "June 20") or a label ("level two")."""
    after = sentence[m.start() : m.end() + 12]
    before = sentence[max(0, m.start() - 12) : m.end()]
    return bool(
        re.match(rf"\d{{1,2}} {MONTHS}\b", after)
        or re.search(rf"\b{MONTHS} \d{{1,2}}$", before)
        or re.search(r"(?i)\b(?:level|tier|phase|wave|band|stage|step) \w+$", before)
    )


def _names_a_thing(sentence: str, m: re.Match) -> bool:
    """Whether a year is part of a name, not a time: "the 2004 GP contract" says which
    contract, not when anything happens (it still answers "Which year's contract …?")."""
    return bool(
        YEAR.match(m.group(0))
        and re.search(r"\bthe\s$", sentence[max(0, m.start() - 4) : m.start()], re.I)
        and re.match(r"\s[A-Za-z]", sentence[m.end() : m.end() + 2])
    )


# "When will …?" asks about what is still to come, which no "last week" dates
# "When will …?", "On what date will …?", "In which month is it due to …?"
FUTURE_Q = re.compile(
    r"\b(?:when|(?:what|which)\s+(?:exact\s+)?(?:date|day|month|year))\s+"
    r"(?:will|would|shall|(?:is|are)\b[^?]*?\b(?:going\s+to|due|expected)\b)",
    re.I,
)
PAST_DATE = re.compile(r"^(?:last (?:year|week|month)|yesterday)$", re.I)
# "On what date …?" asks for a day, "In which month …?" a month, "By what year …?" a year:
# "last week" or "2015/16" answers "when", not "on what date"
_GRAIN_Q = (
    ("day", re.compile(r"\b(?:what|which)\s+(?:exact\s+)?(?:date|day)\b(?![-\w])", re.I)),
    ("month", re.compile(r"\b(?:what|which)\s+month\b", re.I)),
    ("year", re.compile(r"\b(?:what|which)\s+year\b", re.I)),
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_GRAIN = {
    "day": re.compile(
        rf"\b{_DAY} {MONTHS}\b|\b{MONTHS} {_DAY}\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
        r"|\b(?:yesterday|today|tomorrow)\b"
    ),
    "month": re.compile(rf"\b{MONTHS}\b|\b(?:this|next|last) month\b"),
    "year": re.compile(r"\b(?:19|20)\d\d(?:/\d\d)?\b|\b(?:this|next|last) year\b"),
}


def date_grain(question: str) -> str:
    """How precise a date the question asks for: "day", "month", "year", or "" (any)."""
    return next((grain for grain, pattern in _GRAIN_Q if pattern.search(question)), "")


def holds(
    sentence: str,
    wants: str,
    question: str = "",
    counted: tuple[str, ...] = (),
    headline: str = "",
) -> bool:
    """Whether the sentence states a fact of the asked-for kind that the question does not
    already name: "Which CCGs has NHS England refused …?" is not answered by "NHS England";
    nor "When will West Hampshire take over QOF funding?" by "Pulse reported last week"; nor
    "On what date did it submit its plans?" by anything less than a day ("12th June")."""
    asked = question.lower()
    future = wants == "date" and bool(FUTURE_Q.search(question))
    found = facts(sentence, wants, counted, headline)
    if wants == "money" and HOW_MUCH_MORE.search(question):
        found += facts(sentence, "share")  # "How much more …?": "14% more per patient"
    if wants == "date" and HOW_SOON.search(question):
        found += [m.group(0) for m in DURATION.finditer(sentence)]  # "within 28 days"
    if wants == "date" and (grain := date_grain(question)):
        found = [m.group(0) for m in _GRAIN[grain].finditer(sentence)]
    if wants == "name":
        asked_of = re.split(r"\bname\s+of\b|\bwhat\s+name\b|\bcalled\b", question, maxsplit=1)[-1]
        # the thing named, not a clause about it ("the GP who retired from Ash Surgery")
        asked_of = re.split(r"\b(?:who|whom|whose|that|which|when|where)\b", asked_of)[0]
        if _NAME_OF_PERSON.search(asked_of) and not _NAME_OF_PRACTICE.search(asked_of):
            found = [f for f in found if _TITLED_NAME.match(f) or _PERSON_NAME.match(f)]
        elif _NAME_OF_PRACTICE.search(asked_of):
            # a practice goes by its own name as often as not ("Jupiter House Horden", "Carol
            # Brown (Dersingham)"): two capitalised words or more (not a place, "Devon", nor
            # "Patients in Dene") that are no commissioner, council or titled person
            found = [
                f
                for f in found
                if _PRACTICE_WORD.search(f)
                or (
                    len(f.split()) > 1
                    and all(w[:1].isupper() for w in f.split())
                    and not (_NOT_PRACTICE.search(f) or _TITLED_NAME.match(f))
                )
            ]
    if wants == "name":
        # a name is new when it has a word of its own that the question does not use
        given = set(tokenize(question))
        found = [
            f
            for f in found
            if set(tokenize(re.split(r"\s(?:in|at)\s", f)[0])) - _NAME_KIND_WORDS - given
        ]
    for fact in found:
        if future and PAST_DATE.match(fact):
            continue
        key = fact.lower().split()[-1] if wants == "person" and " " in fact else fact.lower()
        if not asked or key not in asked:
            return True
    return False
