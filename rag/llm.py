"""Optional LLM answers, always behind the grounding guard (rag/guard.py).

Specs (`--llm`, env COCOM_LLM, a UI setting):
    extractive                 the default answerer, no model
    llamacpp:PATH.gguf         a local GGUF model, served out of process by llama-cpp-python's
                               OpenAI-compatible server (rag/model_server.py) and read with ChatOpenAI
    openai:MODEL@BASE_URL      any OpenAI-compatible server (ChatOpenAI); key from OPENAI_API_KEY
    ollama:MODEL[@URL]         an Ollama server (ChatOllama)
Each integration is an optional extra; a missing one is reported with its install command.

The model sees the same passages the extractive answerer would use, numbered and fenced as data.
Its answer is checked sentence by sentence; unsupported sentences are dropped, and when nothing
survives (or more was dropped than kept) the extractive answer is used instead. So is it when the
model fails (its process crashed, its server is unreachable): the draft says why, and nothing
else of the answer is lost."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from .errors import CocomError, UserError
from .gguf import check_gguf
from .guard import Guarded, check_sentence, guard, move_markers, neutralise
from .model_server import ModelError
from .models import Citation, Hit

log = logging.getLogger(__name__)

INSTALL = {
    "llamacpp": "pip install 'cocom[llamacpp]'   (llama-cpp-python compiles from source: ~6 min)",
    "openai": "pip install 'cocom[openai]'",
    "ollama": "pip install 'cocom[ollama]'",
}
NOT_COVERED = "The articles in this collection don't cover that."


@dataclass(frozen=True)
class LLMSpec:
    kind: str
    model: str = ""
    url: str = ""

    def __str__(self) -> str:
        if self.kind == "extractive":
            return "extractive"
        return f"{self.kind}:{self.model}" + (f"@{self.url}" if self.url else "")


def parse_spec(spec: str | None) -> LLMSpec:
    spec = (spec or "extractive").strip()
    if spec == "extractive":
        return LLMSpec("extractive")
    kind, _, rest = spec.partition(":")
    if kind == "llamacpp" and rest:
        if not os.path.isfile(rest):
            raise UserError(f"--llm {spec}: no GGUF file at {rest}")
        check_gguf(rest)  # a truncated or foreign file is reported before any question
        return LLMSpec("llamacpp", rest)
    if kind == "openai" and "@" in rest:
        model, _, url = rest.partition("@")
        if model and url.startswith(("http://", "https://")):
            return LLMSpec("openai", model, url)
    if kind == "ollama" and rest:
        model, _, url = rest.partition("@")
        return LLMSpec("ollama", model, url or "http://127.0.0.1:11434")
    raise UserError(
        f"--llm {spec!r} is not a model spec; use extractive, llamacpp:PATH.gguf, "
        "openai:MODEL@BASE_URL or ollama:MODEL[@URL]"
    )


def chat_model(spec: LLMSpec, max_tokens: int = 160):
    try:
        if spec.kind in ("openai", "llamacpp"):
            # a llamacpp: model is served by its own process (rag/model_server.py) at spec.url
            from langchain_openai import ChatOpenAI

            # langchain-openai sends `max_completion_tokens`; many OpenAI-compatible servers
            # (llama-cpp-python's among them) only read `max_tokens`, so send both
            return ChatOpenAI(
                model=spec.model if spec.kind == "openai" else "local",
                base_url=spec.url,
                temperature=0.0,
                max_tokens=max_tokens,
                extra_body={"max_tokens": max_tokens},
                api_key=os.environ.get("OPENAI_API_KEY", "none"),
                timeout=120,
                max_retries=0,
            )
        if spec.kind == "ollama":
            from langchain_ollama import ChatOllama

            return ChatOllama(
                model=spec.model, base_url=spec.url, temperature=0.0, num_predict=max_tokens
            )
    except ImportError as exc:
        raise UserError(
            f"--llm {spec}: the {spec.kind} integration is not installed — {INSTALL[spec.kind]}"
        ) from exc
    raise UserError(f"--llm {spec}: unknown kind")


def prompt_template() -> str:
    return resources.files("rag.data").joinpath("prompt.md").read_text()


def build_prompt(
    question: str, hits: list[Hit], history: list[dict] | None
) -> tuple[str, dict[int, str], dict[int, Hit]]:
    passages: dict[int, str] = {}
    numbered: dict[int, Hit] = {}
    lines = []
    for n, h in enumerate(hits, 1):
        text = neutralise(h.chunk.text)
        passages[n] = text
        numbered[n] = h
        label = " (anonymous reader comment, opinion)" if h.chunk.kind == "comment" else ""
        lines.append(f"[{n}] ({h.chunk.title}){label}\n{text}")
    turns = ""
    for t in (history or [])[-4:]:
        if isinstance(t, dict) and isinstance(t.get("content"), str):
            turns += f"{'User' if t.get('role') == 'user' else 'Assistant'}: {t['content'][:500]}\n"
    prompt = prompt_template().format(passages="\n\n".join(lines), history=turns, question=question)
    return prompt, passages, numbered


@dataclass
class LLMDraft:
    text: str
    citations: list[Citation]
    guarded: Guarded
    fallback: bool
    raw: str
    reason: str = ""  # why the extractive answer is shown instead ("" when the model's is)


class LLMAnswerer:
    def __init__(self, spec: LLMSpec, quotes=None, server_command: str = "") -> None:
        self.spec = spec
        self.quotes = quotes
        self._model = None
        self.server = None
        self._url = ""  # where the local model's server listens
        if spec.kind == "llamacpp":
            from .model_server import ModelServer

            self.server = ModelServer(spec.model, server_command)

    @property
    def model(self):
        if self.server is not None:
            # (re)started on demand; a restarted server listens on a new port
            url = self.server.ensure_running()
            if self._model is None or self._url != url:
                self._model = chat_model(LLMSpec("llamacpp", self.spec.model, url))
                self._url = url
        elif self._model is None:
            self._model = chat_model(self.spec)
        return self._model

    def warm_up(self) -> None:
        """Build the chat model now (and start a local model's server), so a missing
        integration or a model file that cannot load is reported before any question."""
        _ = self.model

    def close(self) -> None:
        if self.server is not None:
            self.server.close()

    def failure(self, exc: BaseException) -> str:
        """What went wrong, for the user: how a local model's process ended, or the error."""
        death = self.server.death() if self.server is not None else ""
        if death and not isinstance(exc, ModelError):
            return f"{death} while answering"
        if isinstance(exc, CocomError):
            return str(exc)
        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
        return (
            f"the model {self.spec} failed ({type(exc).__name__}{': ' + detail if detail else ''})"
        )

    def stream_raw(self, prompt: str) -> Iterator[str]:
        finished = False
        for chunk in self.model.stream(prompt):
            meta = getattr(chunk, "response_metadata", None) or {}
            finished = finished or bool(meta.get("finish_reason"))
            text = getattr(chunk, "content", chunk)
            if isinstance(text, str) and text:
                yield text
        if self.server is not None and not finished:
            # a server that dies mid-answer can end the stream quietly: ask how it ended
            death = self.server.wait_for_death(2.0)
            if death:
                raise ModelError(f"{death} while answering")

    def stream(
        self, question: str, hits: list[Hit], history=None
    ) -> Iterator[tuple[str, LLMDraft | None]]:
        """Yield the guarded answer as it grows, one checked sentence at a time, then the draft.
        A model that fails part-way gives a fallback draft naming the failure."""
        try:
            yield from self._stream(question, hits, history)
        except Exception as exc:  # the model is optional: its failure must not end the answer
            reason = self.failure(exc)
            log.warning("%s; showing the extractive answer", reason)
            yield "", LLMDraft("", [], Guarded([], []), True, "", reason)

    def _stream(
        self, question: str, hits: list[Hit], history=None
    ) -> Iterator[tuple[str, LLMDraft | None]]:
        from .sentences import split_spans

        prompt, passages, numbered = build_prompt(question, hits, history)
        raw = ""
        kept, dropped = [], []
        for piece in self.stream_raw(prompt):
            raw += piece
            spans = split_spans(move_markers(raw))
            complete = spans[:-1]  # the last one may still be growing
            for span in complete[len(kept) + len(dropped) :]:
                verdict = check_sentence(span.text, passages, self.quotes)
                if isinstance(verdict, str):
                    dropped.append((span.text, verdict))
                else:
                    kept.append(verdict)
                    yield self._render(kept, numbered)[0], None
        final = guard(raw, passages, self.quotes)
        yield from self._finish(final, numbered, raw)

    def answer(self, question: str, hits: list[Hit], history=None) -> LLMDraft:
        draft = None
        for _, d in self.stream(question, hits, history):
            draft = d or draft
        return draft

    def _finish(self, g: Guarded, numbered: dict[int, Hit], raw: str):
        fallback = (
            not g.sentences
            or len(g.dropped) > len(g.sentences)
            or raw.strip().startswith(NOT_COVERED)
        )
        text, cites = self._render(g.sentences, numbered)
        reason = ""
        if raw.strip().startswith(NOT_COVERED):
            reason = "the model found no answer in the passages"
        elif fallback:
            reason = "the model's answer was not grounded enough"
        yield text, LLMDraft(text, cites, g, fallback, raw, reason)

    @staticmethod
    def _render(
        kept: list[tuple[str, list[int]]], numbered: dict[int, Hit]
    ) -> tuple[str, list[Citation]]:
        """Renumber citations in order of first use and build the answer text."""
        order: dict[int, int] = {}
        cites: list[Citation] = []
        parts = []
        for text, ns in kept:
            marks = []
            for n in ns:
                if n not in order:
                    order[n] = len(order) + 1
                    c = numbered[n].chunk
                    cites.append(Citation.of_chunk(order[n], c))
                marks.append(f"[{order[n]}]")
            body = re.sub(r"\s+([.!?])$", r"\1", text.strip())
            if body[-1:] in ".!?":
                parts.append(f"{body[:-1]} {''.join(marks)}{body[-1]}")
            else:
                parts.append(f"{body} {''.join(marks)}")
        return " ".join(parts), cites
