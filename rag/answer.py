"""The default answerer: extractive, deterministic, no LLM.

From the retrieved passages it picks the sentences that answer the question, scored by
    0.50 · cosine(question, sentence)            (precomputed sentence vectors)
  + 0.20 · cosine(question, passage)             (context of the sentence)
  + 0.30 · idf-weighted share of question terms in the sentence
  + 0.08 if the sentence holds the asked-for kind of fact (number, person, date, organisation),
keeps 1–3 of them (up to 5 for lists and comparisons), drops near-duplicates, names the speaker
of a sentence that opens with "He/She", and ends each sentence with its citation [n]. Quotes are
never altered. When the evidence is weak it abstains instead of guessing."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .lexical import tokenize
from .models import Chunk, Citation, Hit
from .people import antecedent, name_pronoun, resolve_people
from .qtypes import QuestionInfo, holds

NOT_COVERED = "The articles in this collection don't cover that."
W_SENTENCE, W_PASSAGE, W_LEXICAL, W_TYPE = 0.50, 0.20, 0.30, 0.08


@dataclass
class Candidate:
    hit_rank: int
    chunk: Chunk
    start: int
    end: int
    text: str
    sentence_sim: float
    passage_sim: float
    overlap: float
    typed: bool
    score: float = 0.0


@dataclass
class Drafted:
    text: str
    citations: list[Citation]
    confidence: float
    abstained: bool
    notes: list[str]


class ExtractiveAnswerer:
    def __init__(self, index, abstain_threshold: float, max_sentences: int = 3, list_sentences: int = 5) -> None:
        self.index = index
        self.abstain_threshold = abstain_threshold
        self.max_sentences = max_sentences
        self.list_sentences = list_sentences
        self._idf: dict[str, float] | None = None
        self._people: dict[str, tuple] = {}

    # --- statistics --------------------------------------------------------------------------

    def idf(self) -> dict[str, float]:
        if self._idf is None:
            df: dict[str, int] = {}
            for c in self.index.chunks:
                for t in set(tokenize(c.title + " " + c.text)):
                    df[t] = df.get(t, 0) + 1
            n = len(self.index.chunks)
            self._idf = {t: math.log(1 + n / d) for t, d in df.items()}
        return self._idf

    def known(self, term: str) -> bool:
        return term in self.idf()

    def people(self, article_id: str):
        if article_id not in self._people:
            self._people[article_id] = resolve_people(self.index.articles[article_id].text)
        return self._people[article_id]

    # --- scoring -----------------------------------------------------------------------------

    def candidates(self, info: QuestionInfo, qvec: np.ndarray, hits: list[Hit]) -> list[Candidate]:
        idf = self.idf()
        q_terms = set(info.terms)
        q_weight = sum(idf.get(t, 1.0) for t in q_terms) or 1.0
        out: list[Candidate] = []
        chunk_pos = {c.id: i for i, c in enumerate(self.index.chunks)}
        for rank, hit in enumerate(hits):
            ci = chunk_pos[hit.chunk.id]
            passage_sim = float(np.dot(self.index.embeddings[ci], qvec))
            for si, start, end in self.index.sentences_of[ci]:
                text = hit.chunk.text[start:end]
                s_terms = set(tokenize(text))
                overlap = sum(idf.get(t, 1.0) for t in q_terms & s_terms) / q_weight
                out.append(Candidate(
                    rank, hit.chunk, start, end, text,
                    float(np.dot(self.index.sentence_vectors[si], qvec)), passage_sim, overlap,
                    holds(text, info.wants),
                ))
        for c in out:
            c.score = (W_SENTENCE * c.sentence_sim + W_PASSAGE * c.passage_sim
                       + W_LEXICAL * c.overlap + (W_TYPE if c.typed else 0.0))
        out.sort(key=lambda c: (-c.score, c.hit_rank, c.start))
        return out

    # --- selection ---------------------------------------------------------------------------

    @staticmethod
    def _similar(a: str, b: str) -> bool:
        ta, tb = set(tokenize(a)), set(tokenize(b))
        return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) > 0.6

    def select(self, info: QuestionInfo, cands: list[Candidate]) -> list[Candidate]:
        if not cands:
            return []
        limit = self.list_sentences if info.is_list else self.max_sentences
        top = cands[0].score
        floor = top - (0.12 if info.is_list else 0.06)
        chosen: list[Candidate] = []
        for c in cands:
            if len(chosen) >= limit or c.score < floor:
                break
            if any(self._similar(c.text, o.text) or (c.chunk.id == o.chunk.id and c.start < o.end and o.start < c.end) for o in chosen):
                continue
            chosen.append(c)
        if info.wants != "any" and not any(c.typed for c in chosen):
            typed = next((c for c in cands[:10] if c.typed and c.score >= top - 0.15), None)
            if typed is not None:
                chosen = [typed] + chosen[: limit - 1]
        # keep reading order within a passage, passages in order of first use
        return chosen

    def render(self, chosen: list[Candidate]) -> tuple[str, list[Citation]]:
        numbers: dict[str, int] = {}
        citations: list[Citation] = []
        parts = []
        for c in chosen:
            if c.chunk.id not in numbers:
                numbers[c.chunk.id] = len(numbers) + 1
                citations.append(Citation(
                    n=numbers[c.chunk.id], article_id=c.chunk.article_id, title=c.chunk.title,
                    kind=c.chunk.kind, text=c.chunk.text, chunk_id=c.chunk.id,
                    paragraph=c.chunk.paragraph, highlight=c.text,
                ))
            text = c.text
            if c.chunk.kind == "comment":
                text = f"An anonymous reader comment (opinion, not reporting) says: “{text}”"
            else:
                _, resolved = self.people(c.chunk.article_id)
                person = antecedent(resolved, c.chunk.start + c.start)
                if person is not None:
                    text = name_pronoun(text, person) or text
            parts.append(f"{text} [{numbers[c.chunk.id]}]")
        return " ".join(parts), citations

    def answer(self, info: QuestionInfo, qvec: np.ndarray, hits: list[Hit],
               comment_hits: list[Hit] = ()) -> Drafted:
        notes: list[str] = []
        if not info.terms:
            return Drafted(NOT_COVERED, [], 0.0, True, ["the question has no words to search for"])
        unknown = [e for e in info.entities if any(not self.known(t) for t in tokenize(e))]
        cands = self.candidates(info, qvec, hits)
        confidence = max((c.score for c in cands if c.chunk.kind == "article"), default=0.0)
        if unknown:
            notes.append("the articles never mention " + ", ".join(repr(u) for u in unknown))
        if unknown or confidence < self.abstain_threshold:
            text = NOT_COVERED
            comment = self._comment_only(info, qvec, list(comment_hits) + [h for h in hits if h.chunk.kind == "comment"])
            if comment is not None and not unknown:
                body, cites = self.render([comment])
                return Drafted(f"{NOT_COVERED} {body}", cites, confidence, True,
                               notes + ["only an anonymous reader comment mentions this"])
            return Drafted(text, [], confidence, True, notes)
        body, cites = self.render(self.select(info, cands))
        return Drafted(body, cites, confidence, False, notes)

    def _comment_only(self, info: QuestionInfo, qvec: np.ndarray, hits: list[Hit]) -> Candidate | None:
        comment_hits = [h for h in hits if h.chunk.kind == "comment"]
        cands = self.candidates(info, qvec, comment_hits)
        if cands and cands[0].score >= self.abstain_threshold:
            return cands[0]
        return None
