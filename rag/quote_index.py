"""The quote index: every quote of every article, one speaker index across articles, and the
lookups behind `cocom quotes`, `cocom speakers` and the attribution answers."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from .acronyms import name_terms
from .injection import is_instruction
from .lexical import tokenize
from .models import Article, Quote
from .people import ORG_WORDS, TITLES, PeopleIndex
from .qtypes import entities, entity_terms
from .quotes import ATTRIBUTED, extract_quotes


def build_quotes(articles: list[Article], min_confidence: float = ATTRIBUTED) -> list[Quote]:
    """All quotes, speakers merged across articles ("Dr Nagpaul" in one article, "GPC chair
    Dr Chaand Nagpaul" in another: one speaker, the fullest name). A quote whose speaker is
    less certain than `min_confidence` is unattributed, and so it is in every view."""
    people = PeopleIndex()
    # an instruction planted in an article is never evidence, quoted or not
    quotes = [
        q
        for a in articles
        for q in extract_quotes(a, people, min_confidence)
        if not is_instruction(q.text)
    ]
    # a later article may have given a fuller name or a role: re-label with the final forms
    out = []
    for q in quotes:
        p = (
            people.find(q.speaker)
            if q.speaker_type == "person"
            and (re.match(rf"^{TITLES}\b", q.speaker) or " " in q.speaker)
            else None
        )
        if p is not None and _bare(p.name).split()[-1] == _bare(q.speaker).split()[-1]:
            q = replace(
                q,
                speaker=p.name,
                role=p.role or q.role,
                organisation=p.organisation or q.organisation,
            )
        out.append(q)
    return out


UNATTRIBUTED_LABEL = "(unattributed)"


def speaker_label(speaker: str, role: str = "") -> str:
    """How a quote's speaker is shown everywhere (CLI, UI): an unattributed quote says so."""
    if not speaker:
        return UNATTRIBUTED_LABEL
    return speaker + (f", {role}" if role else "")


def _bare(name: str) -> str:
    return re.sub(rf"^{TITLES}\.?\s+", "", name)


_PIECE = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘“'\"])")


def _is_person_name(name: str) -> bool:
    words = name.split()
    if re.match(rf"^{TITLES}\b", name):
        return True
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() for w in words)
        and not (set(words) & ORG_WORDS)
    )


def quote_pieces(q: Quote) -> list[str]:
    """A quote and, when it holds several sentences, each of them: a long quote is matched by
    its best sentence, so one line of it is found as well as the whole."""
    parts = [p for p in _PIECE.split(q.text) if len(p.split()) >= 3]
    return [q.text] + (parts if len(parts) > 1 else [])


_MORE_ROLES = r"fellow|head|editor|deputy|co-chair|president"
_ROLE_GLUE = frozenset({"the", "of", "at", "for"})


# the words of a body's kind, not of its name ("NHS", "CCG", "Integrated Care Board")
_BODY_TERMS = frozenset(
    tokenize(" ".join(ORG_WORDS) + " ICB PCT Integrated Care Clinical Commissioning Primary")
)


def _role_terms(text: str) -> set[str]:
    """A role's words, whatever their order: "Essex LMC chair" = "chair of Essex LMC"."""
    text = re.sub(r"chair(?:man|woman)\b", "chair", text.lower())
    return set(re.findall(r"[\w’']+", re.sub(r"['’]s\b", "", text))) - _ROLE_GLUE


_ROLE_WORDS = (
    r"spokes(?:person|man|woman)|chair(?:man|woman)?|chief executive|secretary|director|"
    r"statement|spokespeople|leader|representative|official|officer"
)


@dataclass
class Speaker:
    name: str
    role: str
    organisation: str
    quotes: int
    articles: list[str]

    def to_dict(self) -> dict:
        return {
            "speaker": self.name,
            "role": self.role,
            "organisation": self.organisation,
            "quotes": self.quotes,
            "articles": self.articles,
        }


class QuoteIndex:
    def __init__(
        self,
        quotes: list[Quote],
        vectors: np.ndarray | None,
        articles: dict[str, Article],
        owners: list[int] | None = None,
    ) -> None:
        self.quotes = quotes
        self.vectors = vectors  # one row per piece; owners[i] is the quote of piece i
        self.owners = np.asarray(owners if owners is not None else range(len(quotes)), dtype=int)
        self.articles = articles
        postings: dict[str, list[int]] = {}
        for i, q in enumerate(quotes):
            for t in set(tokenize(q.text)):
                postings.setdefault(t, []).append(i)
        self._postings = {t: np.asarray(rows, dtype=int) for t, rows in postings.items()}
        df = {t: len(rows) for t, rows in postings.items()}
        n = max(1, len(quotes))
        self._idf = {t: float(np.log(1 + n / d)) for t, d in df.items()}
        # a word no quote contains says nothing about which quote is meant: a typical weight
        self._idf_unknown = float(np.median(list(self._idf.values()))) if self._idf else 1.0
        self._speakers: list[Speaker] | None = None
        self._of_article: dict[str, list[Quote]] = {}
        for q in quotes:
            self._of_article.setdefault(q.article_id, []).append(q)

        self._names = sorted({q.speaker for q in quotes if q.speaker})
        # quotes a question can be about (direct or reported, attributed or not), and of them
        # the attributed ones by speaker: an unattributed quote is never put in anyone's mouth
        self.attributable = [i for i, q in enumerate(quotes) if q.kind in ("direct", "reported")]
        self.attributable_by: dict[str, list[int]] = {}
        for i in self.attributable:
            if quotes[i].speaker:
                self.attributable_by.setdefault(quotes[i].speaker, []).append(i)

    def of_article(self, article_id: str) -> list[Quote]:
        return self._of_article.get(article_id, [])

    def speakers(self) -> list[Speaker]:
        if self._speakers is None:  # the quotes never change after loading
            self._speakers = self._count_speakers()
        return self._speakers

    def _count_speakers(self) -> list[Speaker]:
        by: dict[str, Speaker] = {}
        for q in self.quotes:
            if not q.speaker:
                continue  # unattributed: nobody's
            s = by.setdefault(q.speaker, Speaker(q.speaker, q.role, q.organisation, 0, []))
            s.quotes += 1
            if q.role and len(q.role) > len(s.role):
                s.role, s.organisation = q.role, q.organisation
            if q.article_id not in s.articles:
                s.articles.append(q.article_id)
        return sorted(by.values(), key=lambda s: (-s.quotes, s.name))

    def find_speaker(self, name: str) -> str | None:
        """The canonical speaker for any form of a name ("Nagpaul", "Chaand Nagpaul", "the BMA")."""
        q = _bare(name.strip()).removeprefix("the ").strip().lower()
        # "the GPC chair" is the person whose role that is, not the GPC; "the King's Fund"
        # (no role word) is not its chief executive
        asks_role = bool(re.search(rf"\b(?:{_ROLE_WORDS}|{_MORE_ROLES})\b", q))
        by_role = [s for s in self.speakers() if s.role and q and s.role.lower().startswith(q)]
        if asks_role and len(by_role) == 1:
            return by_role[0].name
        # "the Essex LMC chair" is the "chair of Essex LMC": the same words in another order
        words = _role_terms(q)
        if asks_role and len(words) >= 2:
            same = [s for s in self.speakers() if s.role and _role_terms(s.role) == words]
            within = [s for s in self.speakers() if s.role and words <= _role_terms(s.role)]
            for found in (same, within):
                if len(found) == 1:
                    return found[0].name
        q = re.sub(r"['’]s\b", "", q)
        q = re.sub(rf"\b(?:{_ROLE_WORDS})\b", " ", q).strip()
        if not q:
            return None
        names = self._names
        for n in names:
            if n.lower() == q or _bare(n).lower() == q:
                return n
        words = q.split()
        for n in names:  # a person by surname: "Nagpaul", "Chaand Nagpaul"
            if not _is_person_name(n):
                continue
            bare = _bare(n).lower().split()
            if words[-1] == bare[-1] and (len(words) == 1 or words[0] == bare[0] or len(bare) == 1):
                return n
            if len(bare) >= 2 and words[-len(bare) :] == bare:
                return n  # a role before the full name: "Gosport council leader Peter Chegwyn"
        qt = set(re.findall(r"[a-z0-9]+", q))
        for n in names:  # "Somerset CCG" -> "NHS Somerset CCG"; one word must match a name exactly
            if len(qt) >= 2 and qt <= set(re.findall(r"[a-z0-9]+", n.lower())):
                return n
        return None

    def by_role(
        self, question: str, article_terms: dict[str, set[str]] | None = None
    ) -> tuple[Speaker | None, float]:
        """The speaker whose role best matches a question ("Who chairs Essex LMC?"): the share of
        the role's terms found in the question. `article_terms`: each article's words (the
        Index's), where a role's organisation may be named instead."""
        q = set(tokenize(question))
        # "Who chairs Swale CCG's committee?": the role must be of what the question names
        # ("head of primary care" in an article on Warrington is no role of Swale CCG's),
        # by its own name's words, said in the role or in the speaker's article ("ICB chief
        # executive X" in an article on NHS Sussex ICB is of "NHS Sussex ICB")
        of = {t for e in entities(question) for t in entity_terms(e)} - _BODY_TERMS
        best, score = None, 0.0
        for s in self.speakers():
            r = set(tokenize(s.role))
            if len(r) < 2 or not s.role:
                continue
            said = name_terms(f"{s.role} {s.organisation}")
            if not of <= said and not of <= said.union(
                *((article_terms or {}).get(aid, set()) for aid in s.articles)
            ):
                continue
            share = len(r & q) / len(r)
            if share > score:
                best, score = s, share
        return best, score

    def filter(
        self,
        speaker: str | None = None,
        article: str | None = None,
        search: str | None = None,
        kinds: tuple[str, ...] = ("direct", "reported"),
    ) -> list[Quote]:
        out = [q for q in self.quotes if q.kind in kinds]
        if speaker:
            canonical = self.find_speaker(speaker)
            out = [q for q in out if q.speaker == canonical] if canonical else []
        if article:
            out = [q for q in out if q.article_id == article]
        if search:
            s = search.lower()
            terms = set(tokenize(search))
            out = [
                q for q in out if s in q.text.lower() or (terms and terms <= set(tokenize(q.text)))
            ]
        return out

    def rank(
        self,
        qvec: np.ndarray | None,
        text: str,
        candidates: list[int] | None = None,
        limit: int | None = None,
    ) -> list[tuple[int, float]]:
        """Quotes ranked by meaning (best cosine over the quote and its sentences) and words
        (idf-weighted share of the text's terms they contain: rare words such as "yacht" count
        for more than "co-commissioning")."""
        n = len(self.quotes)
        idx = np.arange(n) if candidates is None else np.asarray(candidates, dtype=int)
        terms = set(tokenize(text))
        best = np.full(n, -1.0)
        if self.vectors is not None and qvec is not None and len(self.vectors):
            np.maximum.at(best, self.owners, self.vectors @ qvec)
        weight = {t: self._idf.get(t, self._idf_unknown) for t in terms}
        total = sum(weight.values()) or 1.0
        lex = np.zeros(n)
        for t in terms:  # through the postings: no loop over every quote
            rows = self._postings.get(t)
            if rows is not None:
                lex[rows] += weight[t]
        score = 0.5 * np.where(best > -1, best, 0.0) + 0.5 * lex / total
        order = idx[np.argsort(-score[idx], kind="stable")][:limit]
        return [(int(i), float(score[i])) for i in order]
