"""Typed records exchanged between the pipeline stages: Article -> Chunk -> Hit -> Answer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Kind = Literal["article", "comment"]

COMMENT_SPEAKER = "anonymous reader comment"


@dataclass(frozen=True)
class Article:
    """One cleaned article. `blocks` (standfirst, paragraphs, then the byline if any) joined by
    blank lines is `text`, the cleaned body every offset points into. Comments are anonymous
    and kept separate."""

    id: str
    title: str
    standfirst: str = ""
    byline: str = ""
    paragraphs: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()
    metadata: dict = field(default_factory=dict)

    @property
    def blocks(self) -> tuple[str, ...]:
        head = (self.standfirst,) if self.standfirst else ()
        tail = (self.byline,) if self.byline else ()
        return head + self.paragraphs + tail

    @property
    def text(self) -> str:
        return "\n\n".join(self.blocks)

    def block_starts(self) -> list[int]:
        starts, pos = [], 0
        for block in self.blocks:
            starts.append(pos)
            pos += len(block) + 2
        return starts

    def to_dict(self) -> dict:
        d = asdict(self)
        d["paragraphs"] = list(self.paragraphs)
        d["comments"] = list(self.comments)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Article:
        return cls(
            id=d["id"],
            title=d["title"],
            standfirst=d.get("standfirst", ""),
            byline=d.get("byline", ""),
            paragraphs=tuple(d.get("paragraphs", ())),
            comments=tuple(d.get("comments", ())),
            metadata=dict(d.get("metadata", {})),
        )


@dataclass(frozen=True)
class Chunk:
    """A passage to index. For kind 'article', `paragraph` indexes `Article.blocks` and
    start/end are offsets into `Article.text`; for 'comment', `paragraph` is the comment
    number and offsets point into that comment's text."""

    id: str
    article_id: str
    title: str
    kind: Kind
    paragraph: int
    start: int
    end: int
    text: str
    # organisations the passage mentions only as "the CCG" ("NHS Somerset CCG"); searched, not shown
    context: str = ""

    def metadata(self) -> dict:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "kind": self.kind,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "context": self.context,
        }

    @classmethod
    def from_record(cls, id: str, text: str, meta: dict) -> Chunk:
        return cls(
            id=id,
            text=text,
            article_id=meta["article_id"],
            title=meta["title"],
            kind=meta["kind"],
            paragraph=int(meta["paragraph"]),
            start=int(meta["start"]),
            end=int(meta["end"]),
            context=meta.get("context", ""),
        )


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float
    dense: float | None = None
    lexical: float | None = None


@dataclass(frozen=True)
class Citation:
    n: int
    article_id: str
    title: str
    kind: Kind
    text: str
    chunk_id: str
    paragraph: int = 0
    highlight: str = ""

    @classmethod
    def of_chunk(cls, n: int, chunk: Chunk, highlight: str = "") -> Citation:
        """Citation number `n` of a passage, with the words of it that answer."""
        return cls(
            n,
            chunk.article_id,
            chunk.title,
            chunk.kind,
            chunk.text,
            chunk.id,
            chunk.paragraph,
            highlight,
        )

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "article_id": self.article_id,
            "title": self.title,
            "kind": self.kind,
            "text": self.text,
            "chunk_id": self.chunk_id,
            "paragraph": self.paragraph,
            "highlight": self.highlight,
        }


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str
    role: str
    organisation: str
    article_id: str
    title: str
    paragraph: int
    start: int
    end: int
    kind: Literal["direct", "reported", "comment"]
    # who the speaker is: "person", "organisation" (or its unnamed spokesperson), "group"
    # ("GP leaders", "papers seen by Pulse"); "" when the quote is unattributed (speaker "")
    speaker_type: str = "person"
    confidence: float = 1.0  # how sure the attribution is; an unattributed quote has < 0.5
    evidence: str = ""  # the text that names the speaker ("Dr Jo Bloggs, chair of Leeds LMC")
    evidence_start: int = -1  # its offsets in Article.text (-1: none)
    evidence_end: int = -1
    method: str = ""  # how the speaker was found: verb, pronoun, header, continuation, …

    @property
    def attributed(self) -> bool:
        return bool(self.speaker)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Answer:
    question: str
    standalone_question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timings_ms: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    confidence: float = 0.0
    grounding: dict | None = None  # LLM answers: {"sentences", "dropped", "fallback"}

    def to_dict(self) -> dict:
        extra = {"grounding": self.grounding} if self.grounding is not None else {}
        return extra | {
            "question": self.question,
            "standalone_question": self.standalone_question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
            "quotes": [q.to_dict() for q in self.quotes],
            "timings_ms": self.timings_ms,
            "notes": self.notes,
            "confidence": round(self.confidence, 4),
        }
