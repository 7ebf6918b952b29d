"""Attribution questions answered from the quote index instead of from passages.

- "Who said X?"                 -> the quote closest to X by meaning and words, with its speaker;
- "What did NAME say about T?"  -> NAME's quotes ranked by T;
- "Did NAME say X?"             -> yes with the exact quote (no, when it says the opposite);
                                   no, it was someone else (who); or not found in these articles.
Anything else returns None and goes down the ordinary answering path."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexical import tokenize
from .models import Citation, Quote
from .qtypes import LIKENESS_NOUNS, LIKENS, WRITER, holds
from .sentences import split_sentences

_SPEECH_Q = (
    r"say|said|says|tell|told|warn|warned|claim|claimed|argue|argued|describe|described|call|called|"
    r"compare|compared|liken|likened|think|thinks|believe|believes|suggest|suggested|advise|advised|"
    r"add|added|insist|insisted|state|stated|predict|predicted|brand|branded|complain|complained"
)
# "Did X write that …?": what X wrote (never "Who wrote …?", a byline or a reported work's author)
_WRITE_Q = r"write|wrote|writes"
WHO_SAID = re.compile(
    rf"^\s*who\s+(?:was it that\s+|first\s+|actually\s+)?(?:{_SPEECH_Q})\b\s*(?P<claim>.*?)\??\s*$",
    re.I,
)
WHAT_SAID = re.compile(
    rf"^\s*what\s+(?:did|does|has|have|do)\s+(?P<name>.+?)\s+(?P<verb>{_SPEECH_Q})\b(?:\s+(?:about|on|of|regarding))?\s*(?P<topic>.*?)\??\s*$",
    re.I,
)
VERIFY = re.compile(
    rf"^\s*(?:did|does|has|is it true that)\s+(?P<name>.+?)\s+(?:really\s+|actually\s+|ever\s+)?(?:{_SPEECH_Q}|{_WRITE_Q})\b\s*(?:that\s+)?(?P<claim>.+?)\??\s*$",
    re.I,
)
# "What analogy did the Essex LMC chair use for the CCG?", "What did Dr Balmer compare the CCG
# to?": what someone said, drawn as a likeness ("It's like being in a yacht club …")
ANALOGY_USED = re.compile(
    rf"^\s*what\s+(?:{LIKENESS_NOUNS})\s+(?:did|does|has|have|do)"
    r"\s+(?P<name>.+?)\s+(?:use|draw|make|offer|give|employ|reach for)\b"
    r"(?:\s+(?:for|about|of|on|to describe))?\s*(?P<topic>.*?)\??\s*$",
    re.I,
)
COMPARED_TO = re.compile(
    rf"^\s*what\s+(?:did|does|has|have|do)\s+(?P<name>.+?)\s+(?:{LIKENS})\s+"
    r"(?P<topic>.+?)\s+(?:to|with)\s*\??\s*$",
    re.I,
)
_NAME = re.compile(r"[A-Z]")
NO_QUOTE_ON_TOPIC = "no quote by that person on that topic"
NO_LIKENESS = "no quote by that person draws a comparison"
_ADDRESSEE = re.compile(
    r"^(?:(?:the\s+)?[A-Z][\w'’]*|him|her|them|us|me|reporters|journalists)(?:\s+(?:about|that))?\s+"
)
ROLE_Q = re.compile(
    r"^\s*(?i:who\s+is|who's|what\s+is|what's|what\s+does)\s+(?P<name>(?:(?:Dr|Professor|Prof|Mr|Mrs|Ms)\.?\s)?"
    r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3}?)(?:['’]s)?\s*(?:role|position|job|title|do)?\s*\??\s*$"
)
WHO_ROLE = re.compile(r"^\s*who\s+(?:is|was|runs|leads|chairs|co-chairs|heads|is the|'s)\b", re.I)
# "Who wrote the article …?" asks for a byline; "the official who wrote to patients" does not
AUTHOR_Q = re.compile(
    r"^\s*who\s+(?:wrote|authored|penned|is the author)\b(?!\s+to\b)|\bauthor of\b"
    r"|\bwritten by\b",
    re.I,
)
# "Who wrote the King's Fund's report on general practice?" asks after a work an article reports
# on (its author is named in the text, if anywhere), not after an article's byline
REPORTED_WORK = re.compile(
    r"\b(?:reports?|books?|study|studies|papers?|letters?|reviews?|guidance|documents?|"
    r"strateg(?:y|ies)|surveys?|white papers?|plans?|proposals?|submissions?|bids?)\b",
    re.I,
)


_ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")


# "What did X say about T?": X's quotes closest to T, at most this many. Three rather than two:
# on 1,314 questions (main + 17 real sets) 3 more answered right (the asked words in X's third
# quote), none lost; the 725 seed questions: none changed right or wrong.
WHAT_SAID_QUOTES = 3


def acronyms(text: str) -> set[str]:
    """The acronyms a text uses, plural "s" dropped: "APMS contracts", "DESs" -> {APMS, DES}."""
    return {a[:-1] if a.endswith("s") else a for a in _ACRONYM.findall(text)}


@dataclass
class Intent:
    kind: str  # who | what | verify
    name: str = ""
    text: str = ""
    likeness: bool = False  # "What analogy did X use …?": only a quote that draws one answers


def parse_intent(question: str) -> Intent | None:
    q = question.strip()
    if (m := AUTHOR_Q.search(q)) and not _writes_reported_work(q[m.end() :]):
        return Intent("author", text=q)
    if m := ROLE_Q.match(q):
        return Intent("role", name=m.group("name"))
    if WHO_ROLE.match(q) and not WHO_SAID.match(q):
        return Intent("holder", text=q)
    if m := WHO_SAID.match(q):
        return Intent("who", text=m.group("claim"))
    if (m := VERIFY.match(q)) and _NAME.search(m.group("name")):
        return Intent("verify", name=m.group("name"), text=m.group("claim"))
    if (m := ANALOGY_USED.match(q) or COMPARED_TO.match(q)) and _NAME.search(m.group("name")):
        return Intent("what", name=m.group("name"), text=m.group("topic"), likeness=True)
    if (
        (m := WHAT_SAID.match(q))
        and _NAME.search(m.group("name"))
        and not WRITER.match(m.group("name"))  # the editorial's account: a source, not a speaker
    ):
        # a follow-up's carried-over context "(Who chairs Essex LMC?)" is not the topic
        topic = re.sub(r"\s*\([^()]*\)\s*$", "", m.group("topic")).rstrip(" ?")
        if m.group("verb").lower() in ("tell", "told"):
            # "What did X tell Pulse had been discussed?": Pulse is who was told, not the topic
            topic = _ADDRESSEE.sub("", topic)
        return Intent("what", name=m.group("name"), text=topic)
    return None


def _writes_reported_work(rest: str) -> bool:
    """Whether what was written ("the King's Fund's major report", up to "about", "on", …) is
    a work an article reports on rather than the article: "the article about Basildon's plans"
    is an article."""
    written = re.split(r"\b(?:about|on|into|that|which|for|in)\b|[?,]", rest, maxsplit=1)[0]
    return bool(REPORTED_WORK.search(written))


@dataclass
class Attributed:
    text: str
    quotes: list[Quote]
    citations: list[Citation]
    abstained: bool
    confidence: float
    notes: list[str]


UNATTRIBUTED_NOTE = "quote found, but the article does not say who said it"


def describe(q: Quote) -> str:
    if not q.speaker:
        return "an unnamed speaker"
    return f"{q.speaker}, {q.role}," if q.role else q.speaker


def render_quote(q: Quote, text: str = "") -> str:
    """What a quote says, with who said it; `text` a verbatim part of the quote to give alone."""
    text = text or q.text
    if not q.speaker:  # never put an unattributed quote in anyone's mouth
        what = f"‘{text}’" if q.kind == "direct" else f"that {text.rstrip('.')}"
        return f"Unattributed: “{q.title}” quotes {what}, but does not say who said it."
    who = describe(q)
    who = who[:1].upper() + who[1:]  # a sentence opens with a capital: "Papers seen by Pulse"
    if q.kind == "direct":
        return f"{who} said: ‘{text}’"
    return f"{who} said that {text.rstrip('.')}."


def _likeness(text: str) -> str:
    """The sentence of a quote that draws a likeness: "It’s like being in a yacht club …"."""
    return next((s for s in split_sentences(text) if holds(s, "analogy")), text)


# a clause that says the opposite of one without it: "would not put the core contract at risk"
NEGATION = re.compile(
    r"\b(?:not|no|never|none|nothing|neither|nor|cannot|without)\b|n['’]t\b", re.I
)
_CLAUSE_BREAK = re.compile(r"\s*(?:[;:–—]|,?\s+but\s+|,?\s+however\s*,?\s+)\s*", re.I)


def contradicts(claim: str, quote: str) -> bool:
    """Whether every clause of the quote that shares two or more words with a claim says the
    opposite of it: "Does Dr Yoxall think the core contract is at risk?" is answered "… but
    that would not put the core contract at risk". A "no" in another clause ("There is no
    suggestion … – some of the enhanced services could be transferred") says nothing of the
    claim, and clauses of both polarities ("We don't need a contract to do this. GPs and
    practices already work together …") decide nothing."""
    wanted = set(tokenize(claim))
    clauses = [c for s in split_sentences(quote) for c in _CLAUSE_BREAK.split(s)]
    on_claim = [c for c in clauses if len(wanted & set(tokenize(c))) >= 2]
    negated = bool(NEGATION.search(claim))
    return bool(on_claim) and all(bool(NEGATION.search(c)) != negated for c in on_claim)


# "What did NAME say about T?": a quote or sentence must be about T at all. On the eval and
# holdout questions, quotes on the asked topic scored 0.36-0.95 against T (the lowest a
# paraphrase: "if everyone refused" for "if everybody says no"); quotes by the right person on
# another topic ("Chris Ham … about Scotland") scored 0.01-0.29
TOPIC_THRESHOLD = 0.30
# words a question puts in quotation marks: "Did X say ‘…’?", "… as “…”?" (an apostrophe in a
# word, "Dudley's", opens no span)
_QUOTED_SPAN = re.compile(r"(?<!\w)[‘“'\"]([^‘’“”\"]+?)[’”'\"](?!\w)")
VERBATIM_MIN_WORDS = 3


_NOT_NAME_WORDS = frozenset(
    "dr mr mrs ms miss professor prof sir dame lord cllr councillor the of and for nhs ccg ccgs "
    "icb icbs lmc clinical commissioning group board council trust surgery practice".split()
)


def _same_body(said_by: str, asked: str) -> bool:
    """Whether a quoted body is the one asked of, named more or less fully ("NHS England"
    quoted, "NHS England (London)" asked of)."""
    a, b = set(_plain(said_by).split()), set(_plain(asked).split())
    return bool(a) and (a <= b or b <= a) and not said_by[:1].islower()


def _shares_name(a: str, b: str) -> bool:
    """Whether two names have a word of a name in common ("Dr Richard Probert" and "Richard
    Probert of Culverhay Surgery", "Lincolnshire West CCG" and "NHS Lincolnshire West Clinical
    Commissioning Group"): they may be one speaker."""
    return bool((set(_plain(a).split()) & set(_plain(b).split())) - _NOT_NAME_WORDS)


def _plain(text: str) -> str:
    """Lower case, curly quotes straightened, punctuation and spacing evened out."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(re.sub(r"[^\w'£%]+", " ", text).split())


class Attributor:
    """Answers attribution intents from an Index's quote index."""

    def __init__(
        self,
        index,
        who_threshold: float = 0.45,
        verify_threshold: float = 0.45,
        other_speaker_threshold: float = 0.8,
        topic_threshold: float = TOPIC_THRESHOLD,
    ) -> None:
        self.index = index
        self.quotes = index.quotes
        self.who_threshold = who_threshold
        self.verify_threshold = verify_threshold
        # "No, someone else said it" names a different person: it needs a quote that nearly
        # paraphrases the claim, not one on the same topic
        self.other_speaker_threshold = other_speaker_threshold
        self.topic_threshold = topic_threshold
        self._chunk_of: dict[tuple[str, int], object] = {}
        self._everywhere: set[str] | None = None
        self._plain_texts: list[str] | None = None  # each quote's text, evened out (_plain)

    def common_acronyms(self) -> set[str]:
        """The acronyms every article uses ("GP", "NHS"): naming them picks out no topic."""
        if self._everywhere is None:
            found = [acronyms(a.text) for a in self.index.articles.values()]
            self._everywhere = set.intersection(*found) if found else set()
        return self._everywhere

    def chunk_for(self, q: Quote):
        for c in self.index.chunks_of(q.article_id):
            if c.start <= q.start < c.end:
                return c
        return None

    def _passage_text(self, i: int) -> str:
        q = self.quotes.quotes[i]
        chunk = self.chunk_for(q)
        return chunk.text if chunk is not None else q.text

    def naming_chunk(self, q: Quote, quoted):
        """The passage that names the speaker of a quote whose own passage only says "He said":
        the attribution rests on it, so it is cited too."""
        if quoted is None or not q.speaker:
            return None
        if q.evidence_start >= 0:  # the span the extractor named the speaker from
            if quoted.start <= q.evidence_start < quoted.end:
                return None
            return next(
                (
                    c
                    for c in self.index.chunks_of(q.article_id)
                    if c.start <= q.evidence_start < c.end
                ),
                None,
            )
        words = [w for w in re.split(r"\W+", q.speaker) if len(w) > 2]
        key = words[-1] if words else q.speaker
        if key in quoted.text:
            return None
        before = [
            c
            for c in self.index.chunks_of(q.article_id)
            if c.start < quoted.start and key in c.text
        ]
        return before[-1] if before else None

    def _cite(self, quotes: list[Quote]) -> tuple[list[Citation], dict[int, list[int]]]:
        cites: list[Citation] = []
        number: dict[int, list[int]] = {}
        by_chunk: dict[str, int] = {}

        def add(c, highlight: str) -> int:
            if c.id not in by_chunk:
                by_chunk[c.id] = len(cites) + 1
                cites.append(Citation.of_chunk(by_chunk[c.id], c, highlight))
            return by_chunk[c.id]

        for i, q in enumerate(quotes):
            c = self.chunk_for(q)
            if c is None:
                continue
            naming = self.naming_chunk(q, c)
            number[i] = ([add(naming, q.speaker)] if naming is not None else []) + [add(c, q.text)]
        return cites, number

    def _answer(
        self, lines: list[str], quotes: list[Quote], confidence: float, notes=None, abstained=False
    ) -> Attributed:
        cites, number = self._cite(quotes)
        text = " ".join(
            (line + " " + "".join(f"[{n}]" for n in number[i])) if i in number else line
            for i, line in enumerate(lines)
        )
        return Attributed(text, quotes, cites, abstained, confidence, notes or [])

    def answer(self, intent: Intent, qvec, embed) -> Attributed | None:
        pool = self.quotes.attributable
        if intent.kind == "who":
            claim_vec = embed(intent.text) if intent.text else qvec
            ranked = self.quotes.rank(claim_vec, intent.text, pool, limit=1)
            if not ranked or ranked[0][1] < self.who_threshold:
                return None
            best = self.quotes.quotes[ranked[0][0]]
            notes = [] if best.speaker else [UNATTRIBUTED_NOTE]
            return self._answer([render_quote(best)], [best], ranked[0][1], notes)

        if intent.kind == "role":
            return self.role(intent)
        if intent.kind == "holder":
            return self.holder(intent)
        canonical = self.quotes.find_speaker(intent.name)
        if canonical is None and intent.kind == "verify":
            # nobody quoted by that name, but the words in quotation marks are someone else's
            named = [i for i in self._verbatim(intent.text, pool) if self.quotes.quotes[i].speaker]
            if named and not any(
                _shares_name(self.quotes.quotes[i].speaker, intent.name) for i in named
            ):
                q = self.quotes.quotes[named[0]]
                line = (
                    f"No — the articles attribute that to {describe(q).rstrip(',')}, "
                    f"not {intent.name}. {render_quote(q)}"
                )
                return self._answer([line], [q], 1.0)
        if canonical is None:
            return None  # nobody quoted by that name: the passages may still answer, or abstain
        if intent.kind == "what":
            mine = self.quotes.attributable_by.get(canonical, [])
            topic_vec = embed(intent.text) if intent.text else qvec
            ranked = self.quotes.rank(topic_vec, intent.text or intent.name, mine)
            named = acronyms(intent.text) - self.common_acronyms()
            if named:
                # "… say about APMS contracts?": a quote about contracts in general is not one
                # about APMS; the acronym must be in the quote's passage (not so of "GPs",
                # which every article uses)
                ranked = [(i, s) for i, s in ranked if named <= acronyms(self._passage_text(i))]
            if intent.likeness:
                ranked = [(i, s) for i, s in ranked if holds(self.quotes.quotes[i].text, "analogy")]
                if not ranked:
                    return Attributed(
                        f"Not found: the articles in this collection don't record {canonical} "
                        "drawing a comparison" + (f" about {intent.text}." if intent.text else "."),
                        [],
                        [],
                        True,
                        0.0,
                        [NO_LIKENESS],
                    )
            if intent.text and (not ranked or ranked[0][1] < self.topic_threshold):
                return Attributed(
                    f"Not found: the articles in this collection don't record {canonical} "
                    f"saying anything about {intent.text}.",
                    [],
                    [],
                    True,
                    ranked[0][1] if ranked else 0.0,
                    [NO_QUOTE_ON_TOPIC],
                )
            chosen = _distinct([self.quotes.quotes[i] for i, _ in ranked], limit=WHAT_SAID_QUOTES)
            if intent.likeness:
                # the sentence of the quote that draws the likeness, verbatim
                lines = [render_quote(q, _likeness(q.text)) for q in chosen]
            else:
                lines = [render_quote(q) for q in chosen]
            return self._answer(lines, chosen, ranked[0][1] if ranked else 0.0)

        # verify
        claim_vec = embed(intent.text)
        ranked = self.quotes.rank(claim_vec, intent.text, pool, limit=1)
        best_i, best_s = ranked[0] if ranked else (None, 0.0)
        mine = self.quotes.attributable_by.get(canonical, [])
        # the claim's own words in quotation marks, found word for word in a quote: that quote,
        # however little the rest of the question ("… describe the situation as") resembles it
        verbatim = self._verbatim(intent.text, pool)
        if verbatim:
            speaker = {i: self.quotes.quotes[i].speaker for i in verbatim}
            own_words = [i for i in verbatim if i in set(mine) or _same_body(speaker[i], canonical)]
            if own_words:
                # their words, word for word (the fullest of their quotes holding them: a
                # fragment "‘dead in the water’" shows less of what they said)
                q = max((self.quotes.quotes[i] for i in own_words), key=lambda q: len(q.text))
                return self._answer([f"Yes. {render_quote(q)}"], [q], 1.0)
            named = [i for i in verbatim if speaker[i]]
            if not named:
                best_i, best_s = verbatim[0], 1.0  # unattributed: "Not confirmed" below
            elif not any(_shares_name(speaker[i], canonical) for i in named):
                best_i, best_s = named[0], 1.0  # someone else's words: "No — …" below
            # else a speaker who may be the one asked of ("Chaand Nagpaul", "Dr Chaand
            # Nagpaul"): the ranking below decides, as for any claim
        best = self.quotes.quotes[best_i] if best_i is not None else None
        own = self.quotes.rank(claim_vec, intent.text, mine, limit=1) if mine else []
        if own and own[0][1] >= self.verify_threshold and own[0][1] >= best_s - 0.05:
            q = self.quotes.quotes[own[0][0]]
            verdict = "No." if contradicts(intent.text, q.text) else "Yes."
            return self._answer([f"{verdict} {render_quote(q)}"], [q], own[0][1])
        if (
            best is not None
            and best_s >= self.other_speaker_threshold
            and best.speaker
            and best.speaker != canonical
        ):
            lines = [
                f"No — the articles attribute that to {describe(best).rstrip(',')}, not {canonical}. "
                f"{render_quote(best)}"
            ]
            return self._answer(lines, [best], best_s)
        if best is not None and not best.speaker and best_s >= self.verify_threshold:
            lines = [f"Not confirmed — the quote is unattributed. {render_quote(best)}"]
            return self._answer(lines, [best], best_s, [UNATTRIBUTED_NOTE])
        return Attributed(
            f"Not found: the articles in this collection don't record {canonical} saying that.",
            [],
            [],
            True,
            best_s,
            ["no quote close enough to the claim"],
        )

    def _verbatim(self, claim: str, pool) -> list[int]:
        """The quotes (of `pool`) holding, word for word, a span of three words or more that
        the claim puts in quotation marks."""
        spans = [
            _plain(m.group(1))
            for m in _QUOTED_SPAN.finditer(claim)
            if len(m.group(1).split()) >= VERBATIM_MIN_WORDS
        ]
        if not spans:
            return []
        if self._plain_texts is None:  # once per index, not per question
            self._plain_texts = [_plain(q.text) for q in self.quotes.quotes]
        return [i for i in pool if any(sp in self._plain_texts[i] for sp in spans)]

    def role(self, intent: Intent) -> Attributed | None:
        canonical = self.quotes.find_speaker(intent.name)
        speaker = next((s for s in self.quotes.speakers() if s.name == canonical), None)
        if speaker is None or not speaker.role:
            return None  # not a known speaker: let the passages answer
        surname = canonical.split()[-1]
        for c in (c for a in speaker.articles for c in self.index.chunks_of(a)):
            if speaker.role in c.text and surname in c.text:
                words = naming_words(c.text, canonical, speaker.role)
                cite = Citation.of_chunk(1, c, words or speaker.role)
                # the article's own words beside the plain answer: a journalist checks the
                # role as written ("Walsall LMC medical secretary Dr Uzma Ahmad")
                shown = f": “{words}”" if words else ""
                return Attributed(
                    f"{canonical} is {_article(speaker.role)}{shown}. [1]",
                    [],
                    [cite],
                    False,
                    1.0,
                    ["answered from the speaker index"],
                )
        return None

    def holder(self, intent: Intent, min_share: float = 0.6) -> Attributed | None:
        """ "Who chairs Essex LMC?" -> the speaker whose role matches, if one clearly does."""
        speaker, share = self.quotes.by_role(intent.text, self.index.article_terms())
        if speaker is None or share < min_share:
            return None
        return self.role(Intent("role", name=speaker.name))

    def author(self, hits) -> Attributed:
        """Who wrote the article the question is about: only what its byline states."""
        top = next((h for h in hits if h.chunk.kind == "article"), None)
        if top is None:
            return Attributed(
                "The articles in this collection don't cover that.", [], [], True, 0.0, []
            )
        art = self.index.articles[top.chunk.article_id]
        author = art.metadata.get("author")
        if not author:
            return Attributed(
                f"“{art.title}” does not name its author.",
                [],
                [],
                True,
                0.0,
                ["no byline in the article"],
            )
        byline = art.byline or author
        chunk = next((c for c in self.index.chunks_of(art.id) if byline in c.text), top.chunk)
        cite = Citation.of_chunk(1, chunk, byline)
        return Attributed(
            f"“{art.title}” was written by {author} ({byline}) [1]",
            [],
            [cite],
            False,
            1.0,
            ["answered from the article's byline"],
        )


_TITLE_BEFORE = re.compile(
    r"(?:\b(?:Dr|Professor|Prof|Mr|Mrs|Ms|Miss|Dame|Sir|Lord|Baroness|Cllr|Councillor)\.?\s)$"
)


def naming_words(text: str, name: str, role: str, reach: int = 60) -> str:
    """The words of `text` that name `name` with `role`, verbatim: "Walsall LMC medical secretary
    Dr Uzma Ahmad", "James Armitage, Chair of the Grove Park Surgery Patients Group". Empty when
    the two are not said together (within `reach` characters)."""
    parts = name.split()
    forms = [" ".join(parts[i:]) for i in range(len(parts) - 1)] or [name]
    best = ""
    for r in re.finditer(re.escape(role), text):
        for form in forms:
            for m in re.finditer(rf"(?<![\w’'-]){re.escape(form)}(?![\w-])", text):
                gap = max(r.start(), m.start()) - min(r.end(), m.end())
                if gap > reach:
                    continue
                lo, hi = min(r.start(), m.start()), max(r.end(), m.end())
                if m.start() == lo and (t := _TITLE_BEFORE.search(text, 0, lo)):
                    lo = t.start()
                span = text[lo:hi]
                if re.search(r"[.!?]\s|\n", span):
                    continue  # never across a sentence
                if not best or len(span) < len(best):
                    best = span
            if best:
                break  # the fullest form of the name that is said with the role
    return best


def _article(role: str) -> str:
    if re.match(r"^(?:[A-Z]|the\b|a\b|an\b)", role):
        return role
    return ("the " if re.search(r"\b(?:of|at)\b", role) else "") + role


def _distinct(quotes: list[Quote], limit: int) -> list[Quote]:
    """The first `limit` quotes, dropping one contained in a quote already kept (a partial quote
    inside its reported statement)."""
    out: list[Quote] = []
    for q in quotes:
        if len(out) >= limit:
            break
        if any(
            q.article_id == o.article_id
            and (o.start <= q.start and q.end <= o.end or q.start <= o.start and o.end <= q.end)
            for o in out
        ):
            continue
        out.append(q)
    return out
