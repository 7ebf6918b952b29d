"""The one settings object. Defaults here; environment variables (COCOM_*) override them;
CLI flags override both by building a new object with `dataclasses.replace`."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

from .errors import UserError

MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
EMBED_BACKENDS = ("onnx", "onnx-int8", "torch")


def _env_overrides() -> dict[str, object]:
    out: dict[str, object] = {}
    for f in fields(Settings):
        raw = os.environ.get(f"COCOM_{f.name.upper()}")
        if raw is None or raw == "":
            continue
        kind = type(f.default) if f.default is not None else str
        try:
            if kind is bool:
                out[f.name] = raw.strip().lower() in {"1", "true", "yes", "on"}
            elif kind is Path:
                out[f.name] = Path(raw)
            else:
                out[f.name] = kind(raw)
        except ValueError as exc:
            raise UserError(
                f"COCOM_{f.name.upper()}={raw!r} is not a valid {kind.__name__}"
            ) from exc
    return out


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path("index")
    chroma_url: str = ""
    llm: str = "extractive"
    # the command that serves a llamacpp: model out of process ({python} {model} {host} {port});
    # empty: llama-cpp-python's own OpenAI-compatible server (rag/model_server.py)
    llamacpp_server: str = ""
    collection: str = "cocom"
    # chunking
    chunk_size: int = 600
    chunk_overlap_sentences: int = 1
    # retrieval
    # passages the answer is drawn from: on the eval questions 7 and 8 answer best (5 and 6
    # miss passages, 9 and 10 let near-miss questions find something to answer with)
    k: int = 7
    fusion: str = "weighted"
    # weighted fusion: the share of the cosine similarity against the max-normalised BM25 score.
    # Fitted by evals/fit_dense_weight.py, cross-validated by article on the main and nine real
    # sets: four folds of five chose 0.1 (one 0.3) of 0.1-0.6; 0.1, 0.2 and 0.3 are within a
    # question or two of each other, and all answer about 10 more than the old hand-set 0.6
    dense_weight: float = 0.1
    rrf_k: int = 60
    candidates: int = 30
    # bad input
    max_file_bytes: int = 5 * 1024 * 1024
    near_duplicate: float = 0.9
    # answering
    max_question_chars: int = 2000
    # how far below the best sentence's score another may be and still join the answer (up to
    # three sentences); fitted by evals/fit_select_reach.py, cross-validated by article
    select_reach: float = 0.5
    # how far below the best sentence's score one stating the asked-for kind of fact (a figure,
    # a date, a name) may be and still answer; with none within it, a number or date question
    # is not covered. Fitted by evals/fit_typed_reach.py, cross-validated by article
    typed_reach: float = 0.1
    # who said what: a quote whose speaker confidence is below this is unattributed everywhere
    # (cocom quotes, answers, the UI); 0.5 keeps every rule-found speaker (see rag/quotes.py)
    quote_min_confidence: float = 0.5
    # embedding model: onnx (default), onnx-int8 or torch; exports are cached in cache_dir
    embed_backend: str = "onnx"
    embed_batch_size: int = 64
    cache_dir: Path = Path(".cache")

    def __post_init__(self) -> None:
        for name in ("chunk_size", "k", "candidates", "rrf_k", "embed_batch_size"):
            value = getattr(self, name)
            if value <= 0:
                raise UserError(f"{name} must be greater than 0; it is {value}")
        if self.embed_backend not in EMBED_BACKENDS:
            raise UserError(
                f"embed_backend must be one of {', '.join(EMBED_BACKENDS)}; "
                f"it is {self.embed_backend!r}"
            )
        for name in ("select_reach", "typed_reach"):
            if not 0.0 <= getattr(self, name) <= 2.0:
                raise UserError(f"{name} must be between 0 and 2; it is {getattr(self, name)}")
        if not 0.0 < self.quote_min_confidence <= 1.0:
            raise UserError(
                f"quote_min_confidence must be above 0 and at most 1; it is {self.quote_min_confidence}"
            )
        if not 0.0 <= self.dense_weight <= 1.0:
            raise UserError(f"dense_weight must be between 0 and 1; it is {self.dense_weight}")
        if self.fusion not in {"rrf", "weighted"}:
            raise UserError(f"fusion must be 'rrf' or 'weighted'; it is {self.fusion!r}")

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values = _env_overrides()
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes: object) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
