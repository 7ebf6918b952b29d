"""The one answering path: (question, history) -> Answer, as a LangChain runnable.

The CLI, the chat UI and the eval runner all call `Pipeline.chain` (or `Pipeline.ask`, the same
function), so what is measured is what users get. Heavy state (model, index) loads on first
use, never at import or construction."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, replace

from langchain_core.runnables import Runnable, RunnableLambda

from .answer import NOT_COVERED, ExtractiveAnswerer
from .attribution import NO_QUOTE_ON_TOPIC, Attributor, parse_intent
from .compound import join_answers, split_compound, split_pair
from .errors import UserError
from .lexical import tokenize
from .models import Answer
from .qtypes import analyse
from .rewrite import MARK, rewrite, search_text
from .settings import Settings

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_question(question: object, max_chars: int) -> tuple[str, list[str]]:
    if not isinstance(question, str):
        raise UserError("the question must be text")
    notes = []
    q = _CONTROL.sub(" ", question)
    q = re.sub(r"\s+", " ", q).strip()
    if not q:
        raise UserError("the question is empty — type a question about the articles")
    if len(q) > max_chars:
        q = q[:max_chars].rstrip()
        notes.append(CUT_NOTE.format(max_chars))
    return q, notes


MAX_HISTORY_TURNS = 20  # earlier turns never change how a follow-up is read
MAX_TURN_CHARS = 4000
CUT_NOTE = "the question was cut to its first {} characters"


def is_turn(t: object) -> bool:
    """A well-formed conversation turn: {"role": "user"|"assistant", "content": str}."""
    return (
        isinstance(t, dict)
        and t.get("role") in {"user", "assistant"}
        and isinstance(t.get("content"), str)
    )


def is_history(history: object) -> bool:
    return isinstance(history, list) and all(is_turn(t) for t in history)


def bound_history(history: object) -> list[dict]:
    """The last MAX_HISTORY_TURNS well-formed turns, each cut to MAX_TURN_CHARS: a history is
    context for a follow-up, and no size or shape of it may exhaust time or memory."""
    if not isinstance(history, list):
        return []
    turns = [
        {"role": t["role"], "content": t["content"][:MAX_TURN_CHARS]}
        for t in history[-4 * MAX_HISTORY_TURNS :]
        if is_turn(t)
    ]
    return turns[-MAX_HISTORY_TURNS:]


def is_cut_note(note: str) -> bool:
    return note.startswith(CUT_NOTE.split("{")[0])


def interleave(first: list, second: list, k: int) -> list:
    """The first k distinct passages taking turns from two rankings, the first ranking first."""
    out, seen = [], set()
    for pair in zip(first, second, strict=False):
        for h in pair:
            if h.chunk.id not in seen and len(out) < k:
                seen.add(h.chunk.id)
                out.append(h)
    for h in first[len(second) :] + second[len(first) :]:
        if h.chunk.id not in seen and len(out) < k:
            seen.add(h.chunk.id)
            out.append(h)
    return out


class Pipeline:
    def __init__(self, settings: Settings | None = None, embedder=None) -> None:
        self.settings = settings or Settings.from_env()
        self._embedder = embedder
        self._lock = threading.Lock()
        self.index = None
        self.retriever = None
        self.answerer = None
        self.llm = None

    # --- lazy state ------------------------------------------------------------------------

    @property
    def embedder(self):
        if self._embedder is None:
            from .embeddings import make_embedder

            self._embedder = make_embedder(self.settings)
        return self._embedder

    def load(self) -> Pipeline:
        with self._lock:
            if self.index is None:
                from .index import Index
                from .retriever import HybridRetriever

                index = Index.open(self.settings, self.embedder)
                self.embedder.warm_up()  # load the model here, not inside the first answer
                self.retriever = HybridRetriever(
                    index=index,
                    embedder=self.embedder,
                    k=self.settings.k,
                    fusion=self.settings.fusion,
                    dense_weight=self.settings.dense_weight,
                    rrf_k=self.settings.rrf_k,
                    candidates=self.settings.candidates,
                )
                self.answerer = ExtractiveAnswerer(
                    index,
                    select_reach=self.settings.select_reach,
                    typed_reach=self.settings.typed_reach,
                )
                self.attributor = Attributor(index)
                from .llm import LLMAnswerer, parse_spec

                spec = parse_spec(self.settings.llm)
                self.llm = (
                    None
                    if spec.kind == "extractive"
                    else LLMAnswerer(spec, index.quotes, self.settings.llamacpp_server)
                )
                if self.llm is not None:
                    self.llm.warm_up()
                self.index = index
        return self

    def warm_up(self) -> Pipeline:
        self.load()
        # the model's server was started by load(); one extractive answer warms the rest
        self.ask("warm up question about CCG co-commissioning", use_llm=False)
        return self

    # --- the chain ---------------------------------------------------------------------------

    def ask(
        self,
        question: str,
        history: list[dict] | None = None,
        *,
        k: int | None = None,
        include_comments: bool = False,
        use_llm: bool = True,
    ) -> Answer:
        answer = None
        for _, final in self.stream(
            question, history, k=k, include_comments=include_comments, use_llm=use_llm
        ):
            answer = final or answer
        return answer

    def stream(
        self,
        question: str,
        history: list[dict] | None = None,
        *,
        k: int | None = None,
        include_comments: bool = False,
        use_llm: bool = True,
    ):
        """Yield (text so far, None) while an LLM answer is checked sentence by sentence, then
        (final text, Answer). The extractive answer arrives in one piece."""
        self.load()
        t0 = time.perf_counter()
        q, notes = clean_question(question, self.settings.max_question_chars)
        history = bound_history(history)
        standalone = rewrite(q, history)
        parts = split_compound(q)
        if len(parts) == 1 and self.answerer.on("named_apart"):
            parts = split_pair(q, self.answerer.named_apart)
        if len(parts) > 1 and (self.llm is None or not use_llm):
            # two questions in one: each asked on its own. When a part finds nothing (it may
            # lean on the other: "…, and how many had implemented a local scheme?"), the
            # question is answered whole, as it was asked. (Asking the second part as a
            # follow-up of the first answered fewer on the real sets.)
            answers = [
                self.ask(p, history, k=k, include_comments=include_comments, use_llm=False)
                for p in parts
            ]
            if not any(a.abstained for a in answers):
                ans = join_answers(q, standalone, parts, answers)
                ans.notes = notes + ans.notes
                yield ans.answer, ans
                return
        searched = search_text(standalone)
        own = standalone.split(MARK)[0].strip()
        follow_up = own != standalone.strip()  # the previous question carried along
        info = analyse(searched, own=own)
        t1 = time.perf_counter()
        qvec = self.embedder.embed_query_vector(searched)
        stages: dict = {"embed_query": (time.perf_counter() - t1) * 1000}
        intent = parse_intent(searched)
        not_quoted = None
        if intent is not None:
            if intent.kind == "author":
                hits = self.retriever.search(searched, k=3, query_vector=qvec)
                attributed = self.attributor.author(hits)
            else:
                attributed = self.attributor.answer(intent, qvec, self.embedder.embed_query_vector)
            if attributed is not None and NO_QUOTE_ON_TOPIC in attributed.notes:
                # none of their quotes is on the topic: a passage may still report their view
                # ("… but its argument that the plans will fragment care …")
                not_quoted, attributed = attributed, None
            if attributed is not None:
                t3 = time.perf_counter()
                notes = notes + [f"answered from the quote index ({intent.kind})"]
                ans = self._result(q, standalone, attributed, notes, (t0, t1, t3, t3), stages)
                yield ans.answer, ans
                return
        kinds = ("article", "comment") if include_comments else ("article",)
        hits = self.retriever.search(searched, k=k, query_vector=qvec, timings=stages, kinds=kinds)
        if follow_up:
            # a follow-up searched with the previous question along ("How many locality areas
            # does it have? (Which CCG …?)"): the previous question's words can crowd out the
            # passages on what is asked now, so its own words are searched too, and the two
            # rankings interleaved
            mine = self.retriever.search(own, k=k, kinds=kinds)
            hits = interleave(hits, mine, k or self.retriever.k)
        if sources := self.answerer.source_articles(info.source):
            # "…, according to the editorial": that article's own best passages go first; over
            # the whole collection they may rank below others on the same words
            within = self.retriever.search(
                searched, k=k, query_vector=qvec, kinds=kinds, articles=sources
            )
            hits = interleave(within, hits, k or self.retriever.k)
        elif naming := self.answerer.naming_articles(info):
            # "What did Dr Aneel Bilkhu compare …?": the passages of the articles naming him,
            # which may rank below others on the question's other words
            within = self.retriever.search(
                searched, k=k, query_vector=qvec, kinds=kinds, articles=naming
            )
            hits = interleave(hits, within, k or self.retriever.k)

        if hits and self.answerer.on("top_article"):
            # the best passage's article is read further, its own best passages joining the
            # candidates: a page's answer may sit in a passage of it that ranks below other
            # articles' on the question's words
            top = hits[0].chunk.article_id
            seen = {h.chunk.id for h in hits}
            within = self.retriever.search(
                searched,
                k=self.retriever.k,  # its best passages: a long page's every one is noise
                query_vector=qvec,
                kinds=("article",),
                articles={top},
            )
            hits = hits + [h for h in within if h.chunk.id not in seen]

        # reader comments are searched separately so that a fact only a comment states can be
        # flagged as such; they reach an answer only labelled as anonymous reader comments
        # (searched only when the answer abstains: a whole search saved on every other question)
        def comment_hits() -> list:
            if include_comments:
                return []
            return self.retriever.search(searched, k=3, query_vector=qvec, kinds=("comment",))

        t3 = time.perf_counter()
        content_vec = self.content_vector(info, searched)
        if follow_up and content_vec is None and self.answerer.on("own_words"):
            # a follow-up's sentences are scored against its own words: the previous question
            # it carries along picks the passages, not the sentence that answers
            content_vec = self.embedder.embed_query_vector(own)
        # "What did West Hampshire LMC say …?" with nobody of that name quoted: a passage may
        # still report what they said, but only one that names them
        speaker = intent.name if intent is not None and intent.kind in ("what", "verify") else ""
        topic = intent.text if speaker and intent.kind == "what" else ""
        if topic and self.answerer.authored_by(speaker):
            # "What does Nigel Praities say …?" of a writer: his article is his account
            named = set(tokenize(speaker))
            terms = tuple(t for t in info.terms if t not in named)
            info = replace(info, source=speaker, content=topic, terms=terms)
            speaker = topic = ""
        drafted = self.answerer.answer(
            info,
            qvec,
            hits,
            comment_hits,
            content_vec,
            must_name=speaker,
            topic_vec=self.embedder.embed_query_vector(topic) if topic else None,
            reported=not_quoted is not None,
            topic=topic,
        )
        if drafted.abstained and not_quoted is not None:
            drafted = not_quoted  # "Not found: … don't record X saying anything about T."
            notes = notes + ["answered from the quote index (what)"]
        if self.llm is None or not use_llm or drafted.abstained:
            t4 = time.perf_counter()
            ans = self._result(q, standalone, drafted, notes, (t0, t1, t3, t4), stages)
            yield ans.answer, ans
            return
        draft = None
        for text, d in self.llm.stream(searched, hits, history):
            draft = d or draft
            if d is None:
                yield text, None
        t4 = time.perf_counter()
        grounding = {**draft.guarded.counts, "fallback": draft.fallback, "reason": draft.reason}
        if draft.fallback:
            notes = notes + [f"{draft.reason}; showing the extractive answer"]
            ans = self._result(q, standalone, drafted, notes, (t0, t1, t3, t4), stages)
        else:
            body = _Body(draft.text, False, draft.citations, [], drafted.confidence)
            ans = self._result(q, standalone, body, notes, (t0, t1, t3, t4), stages)
        ans.grounding = grounding
        yield ans.answer, ans

    def content_vector(self, info, searched: str):
        """The vector sentences are scored against when the question names a source ("…,
        according to the editorial"): the rest of the question. None when there is no source."""
        if info.content == searched:
            return None
        return self.embedder.embed_query_vector(info.content)

    @staticmethod
    def _result(q: str, standalone: str, body, notes: list[str], t: tuple, stages: dict) -> Answer:
        """An Answer from a drafted or attributed body; `t` = (start, rewritten, retrieved,
        answered). `retrieve` includes the query embedding; `embed_query`, `dense` and `bm25`
        split it."""
        t0, t1, t3, t4 = t

        def ms(a: float, b: float) -> float:
            return round((b - a) * 1000, 2)

        return Answer(
            question=q,
            standalone_question=standalone,
            answer=body.text,
            abstained=body.abstained,
            citations=body.citations,
            quotes=list(getattr(body, "quotes", [])),
            timings_ms={
                "rewrite": ms(t0, t1),
                "retrieve": ms(t1, t3),
                **{name: round(v, 2) for name, v in stages.items()},
                "answer": ms(t3, t4),
                "total": ms(t0, t4),
            },
            notes=notes + body.notes,
            confidence=body.confidence,
        )

    @property
    def chain(self) -> Runnable:
        """`chain.invoke({"question": ..., "history": [...], "k": ..., "include_comments": ...})`"""
        return RunnableLambda(
            lambda inp: self.ask(
                inp["question"],
                inp.get("history"),
                k=inp.get("k"),
                include_comments=bool(inp.get("include_comments", False)),
            ),
            name="cocom",
        )


@dataclass
class _Body:
    text: str
    abstained: bool
    citations: list
    notes: list
    confidence: float


__all__ = ["Pipeline", "NOT_COVERED", "clean_question"]
