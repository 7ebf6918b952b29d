"""Build and open the persistent hybrid index.

Layout of `index/`:
    CURRENT          name of the live generation (replaced atomically)
    .lock            held while a build runs
    gen-*/           one complete generation:
        manifest.json  what built it (model, dimension, chunker, file hashes, counts, versions)
        chunks.jsonl   every chunk with its metadata, in vector order
        embeddings.npy the chunk vectors (reused by chunk id on the next build)
        articles.json  the cleaned articles
        bm25/          the BM25 index
        chroma/        the Chroma collection (embedded mode)

A build writes a fresh generation and only then swaps CURRENT, so a crash at any point
leaves the previous generation live. Unchanged chunks reuse their stored vectors, so an
incremental build embeds only what is new."""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import platform
import shutil
import sys
import threading
import time
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path

import numpy as np

from . import __version__, integrity, store
from .acronyms import name_terms
from .chunking import CHUNKER_VERSION, chunk_article, embedding_text
from .corpus import Corpus, load_corpus
from .embeddings import Embedder
from .errors import (
    CocomError,
    IndexCorruptError,
    IndexLockedError,
    IndexMismatchError,
    IndexMissingError,
    NoArticlesError,
    display_name,
)
from .lexical import BM25Index, tokenize
from .models import Article, Chunk, Quote
from .quote_index import QuoteIndex, build_quotes, quote_pieces
from .sentences import split_spans
from .settings import Settings

log = logging.getLogger(__name__)
SCHEMA_VERSION = 44  # 2: sentences and quotes stored; 3: quote pieces; 4: stemmed BM25;
# 5: roles stated with "is" ("Nigel Praities is the editor of Pulse"); 6: chunk context (referents)
# 7: quotes carry speaker_type, confidence, evidence and method; unattributed quotes (speaker "")
# 8: documents, unnamed spokespeople and two-candidate quotes re-attributed; quote settings
# (min_confidence) in the manifest; 9: role-holders unattributed, scare quotes dropped, "told
# OUTLET" out of reported text, document quotes carry the span naming the document; 10: BM25
# drops negation contractions ("didn't"), as questions do; 11: quote speakers re-attributed
# (long role appositives, organisations in reported clauses, "the CCG said", pronouns); 12: HNSW search_ef
# 256 (approximate neighbours changed between the first and later runs); 13: quote speakers
# re-attributed ("X, Role, Organisation said" names X); 14: quote spans in paragraphs run together
# end where the same opening mark reopens after a sentence; 15: a quote whose own verb has an
# unnamed subject ("…," said one campaigner) carries no earlier speaker; 16: a role after a name
# stays in its clause ("X, leader of Y has raised …" ends at "has"); quotes cut off at a page's
# end kept; spelt-out boards and area teams speak; quote paragraphs run together on one line
# carry their speaker; 'she' after 'director X said'; 17: both 16s merged (roles in their clause
# and the quote round), so no index built at either is taken as current; 18: an organisation's
# document speaks for it, NHS England regional offices, 'the CCG' as the one CCG named, verbless
# sentences after a speaker, quotes signed by a name line below, 'confirmed' as speech
# 19: a commissioner named with a place list keeps it ("Bristol, North Somerset and South
# Gloucestershire Clinical Commissioning Group"), never cut at its comma
# 20: "NAME, ROLE said:" with no closing comma speaks the quote below; "X, Y and Z ICB" whole
# 21: the principal of a spokesperson is an organisation whatever its name ("for Provide")
# 22: one place-list pattern for spelt-out and short commissioner names
# 23: practices speak ("X Surgery", "the practice said" when one is named); "a report by X said"
# 24: joint speakers ("In a joint letter, A and B said"), "the group", "said the spokesperson",
#     line paragraphs, an organisation defined with its acronym, more speech verbs
# 25: public offices before a name ("Felixstowe Mayor X said", "… MP X said") and a role
#     ending in a plural body ("… London CCGs Sarah Blow told HSJ") find their speaker
# 26: paragraphs broken in mid-sentence joined; streets and counties are no speakers; "the
#     framework said" is the owner the article first gave it; "X has called" names X
# 27: a local Healthwatch is a body ("Brighton and Hove Healthwatch"), never a person; an NHS
#     trust keeps the words before "NHS" ("Humber Teaching NHS Foundation Trust")
# 28: a page saved one paragraph a line and cut off in mid-sentence keeps its paragraphs; a
#     participle opening a sentence ("Commenting Helen said") is no first name
# 29: quotes: '…,’ with mixed marks, 'X said …, but added:', a given name alone, 'X, MP for Y,',
#     'A statement said' after an organisation spoke
# 30: a double closing mark is no apostrophe; untitled names before more reporting verbs; a last
#     paragraph cut off after a whole sentence is kept
# 31: quotes: a body by its kind after the quote ('…,’ the trust said'), and more organisation
#     layouts re-attributed
# 32: 'Coun' is a title; 'NAME, which calls …' is no speech by NAME; 'he' after a spokesman
#     spoke is not the person named before
# 33: a sentence-final role appositive, an organisation's first words before a speech verb, 'the
#     CCG' after an opening phrase, a name with an age in apposition
# 34: an unnamed speaker ends the last one's run; a body's acronym spelt out ('patient
#     participation groups (PPG)'); 'is NAME, who', 'According to Dr X' as antecedents
# 35: impersonal 'It is believed' names no one; 'he' after 'A spokesman for X said' is X; a role
#     with its field before a body is unnamed; a long appositive after an opening phrase speaks;
#     'ROLE at NHS X Jo Bloggs said' is Jo Bloggs when the article titles her surname elsewhere
# 36: 'Judge' is a title; a capitalised occupation before a name ('Solicitor Rowan Smith') is a role
# 37: a page saved one paragraph a line, with subheadings among its lines, is split by line
# 38: names before '(Lab, Seat) said' and 'of Mill Lane, Town, said'; 'The statement, from X,';
#     'the judge', 'the watchdog', 'A Healthwatch statement', 'CQC said'; no 'they …, while 23 said'
# 39: 'A, B, and C ICBs' is one body and 'the ICBs said' is it; no 'They say' after an unnamed
#     group ('Partnership bosses say'); 'It was therefore agreed' is impersonal; 'The group' is
#     the one group named 'X, a campaigning group,'; a one-word name owning a CEO is a company
#     'the X union/charity' is X; 'warning' is a speech verb ('with X warning the …')
#     and 'Dr X put the case for …' leads the quote after it; no 'They' after 'CCGs in X have'
#     'The report says' after 'X has published a new report' is X's
# 40: "she" is not a person whose naming sentences go on with "he" only (and the other way)
# 41: an age after a name, "reiterated", lower-case titles before a name; clause openers kept out
#     of organisation names, "The Chairman stated" an unnamed role, objects before "and <verb>"
# 42: initials before "spokesman" as the body spelt out, "X, which approved … and said", "she"
#     past a man to the woman named before him, "is concerned as/that", "said a spokesman",
#     places after an opening phrase; no run-in subheadings, no "it" past "The think tank …"
# 43: pre-name roles keep their body and modifiers, full names after a role word, "NHS" + initials,
#     "Published by X, the DOC", "The motion “insists …”", a paragraph missing its opening mark
# 44: an elected member's post before a name ("MP Tim Farron has welcomed …") names a person
CURRENT = "CURRENT"


# --- locking ------------------------------------------------------------------------------


class BuildLock:
    """An exclusive, non-blocking lock on index/.lock: a second build is refused at once."""

    def __init__(self, index_dir: Path) -> None:
        self.path = index_dir / ".lock"
        self._fh = None

    def __enter__(self) -> BuildLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown process"
            fh.close()
            raise IndexLockedError(self.path, holder) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} since {datetime.now(UTC).isoformat(timespec='seconds')}")
        fh.flush()
        self._fh = fh
        return self

    def __exit__(self, *exc) -> None:
        if self._fh:
            fcntl.flock(self._fh, fcntl.LOCK_UN)
            self._fh.close()


# --- manifest -------------------------------------------------------------------------------


def _versions() -> dict[str, str]:
    out = {"cocom": __version__, "python": platform.python_version()}
    for dist in ("chromadb", "sentence-transformers", "langchain-core", "bm25s", "torch"):
        try:
            out[dist] = importlib_metadata.version(dist)
        except importlib_metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


def chunker_settings(settings: Settings) -> dict:
    return {
        "version": CHUNKER_VERSION,
        "chunk_size": settings.chunk_size,
        "overlap_sentences": settings.chunk_overlap_sentences,
    }


def quote_settings(settings: Settings) -> dict:
    return {"min_confidence": settings.quote_min_confidence}


def current_generation(index_dir: Path) -> Path | None:
    pointer = index_dir / CURRENT
    if not pointer.exists():
        return None
    name = pointer.read_text().strip()
    return index_dir / name if name else None


def read_manifest(gen: Path) -> dict:
    try:
        return json.loads((gen / "manifest.json").read_text())
    except FileNotFoundError:
        raise IndexCorruptError(gen.parent, f"{gen.name}/manifest.json is missing") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise IndexCorruptError(gen.parent, f"manifest.json is unreadable: {exc}") from None


def check_compatible(
    index_dir: Path, manifest: dict, embedder: Embedder, settings: Settings
) -> None:
    if manifest.get("schema") != SCHEMA_VERSION:
        raise IndexMismatchError(index_dir, "index schema", manifest.get("schema"), SCHEMA_VERSION)
    emb = manifest.get("embedding", {})
    if emb.get("model") != embedder.model_id:
        raise IndexMismatchError(index_dir, "embedding model", emb.get("model"), embedder.model_id)
    if emb.get("dimension") != embedder.dimension:
        raise IndexMismatchError(index_dir, "dimension", emb.get("dimension"), embedder.dimension)
    if manifest.get("chunker") != chunker_settings(settings):
        raise IndexMismatchError(
            index_dir, "chunker settings", manifest.get("chunker"), chunker_settings(settings)
        )
    if manifest.get("quote_settings") != quote_settings(settings):
        raise IndexMismatchError(
            index_dir, "quote settings", manifest.get("quote_settings"), quote_settings(settings)
        )


# --- build ----------------------------------------------------------------------------------


@dataclass
class BuildReport:
    articles: int = 0
    comments: int = 0
    chunks: int = 0
    skipped: list = field(default_factory=list)
    seconds: float = 0.0
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    unchanged: int = 0
    embedded: int = 0
    reused: int = 0
    up_to_date: bool = False
    damaged: str = ""  # what was wrong with the live generation, which was rebuilt
    generation: str = ""
    timings: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "articles": self.articles,
            "comments": self.comments,
            "chunks": self.chunks,
            "skipped": [s.to_dict() for s in self.skipped],
            "seconds": round(self.seconds, 3),
            "added": self.added,
            "changed": self.changed,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "embedded": self.embedded,
            "reused": self.reused,
            "up_to_date": self.up_to_date,
            "damaged": self.damaged,
            "generation": self.generation,
            "timings_s": {k: round(v, 3) for k, v in self.timings.items()},
        }


def _cached_articles(gen: Path | None, manifest: dict | None) -> dict[str, Article]:
    """The articles the live generation parsed, by file SHA-256, when the same parser code
    built it: an up-to-date `cocom index` then re-reads and hashes files but parses none."""
    if gen is None or not manifest or not manifest.get("parser"):
        return {}
    try:
        rows = json.loads((gen / "articles.json").read_text())
        return {d["sha256"]: Article.from_dict(d) for d in rows}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.info("no reusable parses in %s (%s); parsing every file", gen.name, exc)
        return {}


def _old_vectors(
    gen: Path | None, records: str = "chunks.jsonl", array: str = "embeddings.npy", key: str = "id"
) -> dict[str, np.ndarray]:
    if gen is None:
        return {}
    try:
        ids = [json.loads(line)[key] for line in (gen / records).open()]
        vecs = np.load(gen / array)
    except Exception as exc:  # a damaged old generation only costs re-embedding
        log.info("no reusable vectors in %s (%s); embedding them again", gen.name, exc)
        return {}
    return dict(zip(ids, vecs, strict=False)) if len(ids) == len(vecs) else {}


def _embed(
    embedder: Embedder,
    keys: list[str],
    texts: list[str],
    reuse: dict,
    settings: Settings,
    progress: bool,
    desc: str,
) -> tuple[np.ndarray, int]:
    """Vectors for `texts`; a key already embedded by the previous build is reused."""
    from tqdm import tqdm

    vectors = np.zeros((len(texts), embedder.dimension), dtype=np.float32)
    todo = []
    for i, key in enumerate(keys):
        old = reuse.get(key)
        if old is not None and old.shape == (embedder.dimension,):
            vectors[i] = old
        else:
            todo.append(i)
    first: dict[str, int] = {}  # a text repeated (a stock sentence) is embedded once
    for i in todo:
        first.setdefault(texts[i], i)
    unique = list(first.values())
    bar = tqdm(
        total=len(unique), desc=desc, unit="text", file=sys.stderr, disable=not progress or not todo
    )
    step = settings.embed_batch_size
    for s in range(0, len(unique), step):
        idx = unique[s : s + step]
        vectors[idx] = embedder.embed_batch([texts[i] for i in idx], "document")
        bar.update(len(idx))
    bar.close()
    for i in todo:
        if first[texts[i]] != i:
            vectors[i] = vectors[first[texts[i]]]
    return vectors, len(unique)


def sentence_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _sentence_rows(chunks: list[Chunk]) -> list[tuple[int, int, int, str]]:
    """(chunk index, start, end, text) for every sentence of every chunk."""
    rows = []
    for ci, c in enumerate(chunks):
        for sp in split_spans(c.text):
            rows.append((ci, sp.start, sp.end, sp.text))
    return rows


def _write_generation(
    gen: Path,
    corpus: Corpus,
    chunks: list[Chunk],
    vectors: np.ndarray,
    manifest: dict,
    settings: Settings,
    sentences: tuple,
    quotes: tuple,
) -> None:
    gen.mkdir(parents=True)
    qs, owners, qkeys, qvectors = quotes
    with open(gen / "quotes.jsonl", "w") as fh:
        for q in qs:
            fh.write(json.dumps(q.to_dict(), ensure_ascii=False) + "\n")
    with open(gen / "quote_pieces.jsonl", "w") as fh:
        for owner, key in zip(owners, qkeys, strict=True):
            fh.write(json.dumps({"quote": owner, "key": key}) + "\n")
    np.save(gen / "quote_vectors.npy", qvectors)
    rows, skeys, svectors = sentences
    with open(gen / "sentences.jsonl", "w") as fh:
        for (ci, a, b, _), key in zip(rows, skeys, strict=True):
            fh.write(json.dumps({"chunk": ci, "start": a, "end": b, "key": key}) + "\n")
    np.save(gen / "sentence_vectors.npy", svectors)
    with open(gen / "chunks.jsonl", "w") as fh:
        for c in chunks:
            fh.write(json.dumps({"id": c.id, "text": c.text, **c.metadata()}) + "\n")
    np.save(gen / "embeddings.npy", vectors)
    articles = [
        {**a.to_dict(), "file": corpus.files[a.id], "sha256": corpus.hashes[a.id]}
        for a in corpus.articles
    ]
    (gen / "articles.json").write_text(json.dumps(articles, ensure_ascii=False))
    BM25Index.build([embedding_text(c) for c in chunks]).save(gen / "bm25")
    client = store.open_client(settings.chroma_url, gen / "chroma")
    collection = store.create_collection(client, manifest["chroma"]["collection"])
    store.write_vectors(
        collection,
        [c.id for c in chunks],
        vectors,
        [c.text for c in chunks],
        [c.metadata() for c in chunks],
    )
    manifest["integrity"] = integrity.record(gen)  # sizes and hashes, checked by the next build
    if not settings.chroma_url:
        manifest["chroma_rows"] = integrity.chroma_digest(gen / "chroma" / "chroma.sqlite3")
    # the manifest goes last: a generation without one is incomplete by definition
    tmp = gen / "manifest.json.tmp"
    tmp.write_text(json.dumps(manifest, indent=2))
    os.replace(tmp, gen / "manifest.json")


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _swap(index_dir: Path, gen: Path) -> None:
    tmp = index_dir / (CURRENT + ".tmp")
    with open(tmp, "w") as fh:
        fh.write(gen.name)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, index_dir / CURRENT)
    _fsync_dir(index_dir)


def _collect_garbage(index_dir: Path, keep: set[str], settings: Settings) -> None:
    for p in index_dir.glob("gen-*"):
        if p.name not in keep and p.is_dir():
            _drop_collection(settings, p)
            shutil.rmtree(p, ignore_errors=True)


def _remove_partial(index_dir: Path, live: Path | None) -> None:
    """Generations left without a manifest by a build that was killed (the lock is held, so
    no build is writing one now)."""
    for p in index_dir.glob("gen-*"):
        if p.is_dir() and p != live and not (p / "manifest.json").exists():
            log.info("removing %s, left incomplete by an interrupted build", p.name)
            shutil.rmtree(p, ignore_errors=True)


def _drop_collection(settings: Settings, gen: Path) -> None:
    if not settings.chroma_url:
        return
    try:
        name = read_manifest(gen)["chroma"]["collection"]
        store.open_client(settings.chroma_url, None).delete_collection(name)
    except Exception:  # already gone, or never finished
        pass


def build_index(
    settings: Settings, embedder: Embedder, *, rebuild: bool = False, progress: bool = True
) -> BuildReport:
    t0 = time.perf_counter()
    index_dir = settings.index_dir
    with BuildLock(index_dir):
        report = BuildReport()
        live_gen = current_generation(index_dir)
        _remove_partial(index_dir, live_gen)
        old_gen = None if rebuild else live_gen
        old_manifest = None
        if old_gen is not None:
            try:
                old_manifest = read_manifest(old_gen)
                if old_manifest.get("schema") != SCHEMA_VERSION:
                    log.warning("the index at %s has an older layout; rebuilding it", index_dir)
                    old_manifest = None  # rebuild, still reusing vectors of the same model
                else:
                    check_compatible(index_dir, old_manifest, embedder, settings)
            except IndexCorruptError as exc:
                log.warning("%s; building from scratch", exc)
                old_gen, old_manifest = None, None
        if old_manifest is not None:
            problem = integrity.verify(old_gen, old_manifest, settings.chroma_url)
            if problem:
                log.warning("the index at %s is damaged (%s) — rebuilding", index_dir, problem)
                report.damaged = problem
                old_gen, old_manifest = None, None  # nothing of it is reused

        t = time.perf_counter()
        try:  # articles already indexed keep their ids when a duplicate of them is added
            previous = read_manifest(live_gen).get("files", {}) if live_gen is not None else {}
        except IndexCorruptError:
            previous = {}
        corpus = load_corpus(
            settings.corpus_dir,
            max_bytes=settings.max_file_bytes,
            near_duplicate=settings.near_duplicate,
            keep=frozenset(previous),
            cached=_cached_articles(old_gen, old_manifest),
            cached_fingerprint=(old_manifest or {}).get("parser", ""),
            cached_skips={
                x["sha256"]: x["reason"]
                for x in (old_manifest or {}).get("skipped", [])
                if x.get("sha256")
            },
        )
        report.timings["parse"] = time.perf_counter() - t
        report.skipped = corpus.skipped
        if not corpus.articles:
            raise NoArticlesError(settings.corpus_dir, len(corpus.skipped))

        old_files = (old_manifest or {}).get("files", {})
        for a in corpus.articles:
            before = old_files.get(a.id)
            if before is None:
                report.added.append(a.id)
            elif before["sha256"] != corpus.hashes[a.id] or before["file"] != corpus.files[a.id]:
                report.changed.append(a.id)
            else:
                report.unchanged += 1
        report.removed = sorted(set(old_files) - {a.id for a in corpus.articles})
        report.articles = len(corpus.articles)
        report.comments = sum(len(a.comments) for a in corpus.articles)

        same_skips = {x["file"] for x in (old_manifest or {}).get("skipped", [])} == {
            x.file for x in corpus.skipped
        }
        # a new parser (a fix in cleaning) is a change of every article's text, files or not
        same_parser = (old_manifest or {}).get("parser") == corpus.fingerprint
        if (
            old_manifest
            and same_skips
            and same_parser
            and not (report.added or report.changed or report.removed)
        ):
            report.up_to_date = True
            report.chunks = old_manifest["counts"]["chunks"]
            report.generation = old_gen.name
            report.seconds = time.perf_counter() - t0
            return report

        t = time.perf_counter()
        chunks = [
            c
            for a in corpus.articles
            for c in chunk_article(
                a, size=settings.chunk_size, overlap=settings.chunk_overlap_sentences
            )
        ]
        report.timings["chunk"] = time.perf_counter() - t
        report.chunks = len(chunks)

        t = time.perf_counter()
        vectors, report.embedded = _embed(
            embedder,
            [c.id for c in chunks],
            [embedding_text(c) for c in chunks],
            _old_vectors(old_gen),
            settings,
            progress,
            "embedding passages",
        )
        report.reused = len(chunks) - report.embedded
        rows = _sentence_rows(chunks)
        skeys = [sentence_key(r[3]) for r in rows]
        svectors, _ = _embed(
            embedder,
            skeys,
            [r[3] for r in rows],
            _old_vectors(old_gen, "sentences.jsonl", "sentence_vectors.npy", "key"),
            settings,
            progress,
            "embedding sentences",
        )
        quotes = build_quotes(corpus.articles, settings.quote_min_confidence)
        pieces = [(i, t) for i, q in enumerate(quotes) for t in quote_pieces(q)]
        qkeys = [sentence_key(t) for _, t in pieces]
        qvectors, _ = _embed(
            embedder,
            qkeys,
            [t for _, t in pieces],
            _old_vectors(old_gen, "quote_pieces.jsonl", "quote_vectors.npy", "key"),
            settings,
            progress,
            "embedding quotes",
        )
        report.timings["embed"] = time.perf_counter() - t

        t = time.perf_counter()
        gen = index_dir / f"gen-{time.time_ns()}-{os.getpid()}"
        manifest = {
            "schema": SCHEMA_VERSION,
            "generation": gen.name,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "embedding": {
                "model": embedder.model_id,
                "dimension": embedder.dimension,
                "normalized": True,
            },
            "chunker": chunker_settings(settings),
            "quote_settings": quote_settings(settings),
            "chroma": {
                "mode": "server" if settings.chroma_url else "embedded",
                "collection": f"{settings.collection}-{gen.name}"
                if settings.chroma_url
                else settings.collection,
            },
            "files": {
                a.id: {"file": corpus.files[a.id], "sha256": corpus.hashes[a.id]}
                for a in corpus.articles
            },
            "counts": {
                "articles": report.articles,
                "comments": report.comments,
                "chunks": len(chunks),
                "article_chunks": sum(c.kind == "article" for c in chunks),
                "comment_chunks": sum(c.kind == "comment" for c in chunks),
            },
            "skipped": [s.to_dict() for s in corpus.skipped],
            "quotes": len(quotes),
            "parser": corpus.fingerprint,
            "versions": _versions(),
        }
        try:
            _write_generation(
                gen,
                corpus,
                chunks,
                vectors,
                manifest,
                settings,
                sentences=(rows, skeys, svectors),
                quotes=(quotes, [i for i, _ in pieces], qkeys, qvectors),
            )
        except BaseException:
            _drop_collection(settings, gen) if (gen / "manifest.json").exists() else None
            shutil.rmtree(gen, ignore_errors=True)
            raise
        report.timings["write"] = time.perf_counter() - t
        _swap(index_dir, gen)
        # the previous generation stays as a fallback, unless it was the damaged one
        keep = {gen.name} | (
            {live_gen.name} if live_gen is not None and not report.damaged else set()
        )
        _collect_garbage(index_dir, keep, settings)
        report.generation = gen.name
        report.seconds = time.perf_counter() - t0
        return report


# --- open -----------------------------------------------------------------------------------


class Index:
    """A loaded, read-only generation: chunks, articles, BM25 and the vector store."""

    def __init__(
        self,
        path: Path,
        manifest: dict,
        chunks: list[Chunk],
        articles: list[Article],
        bm25: BM25Index,
        vectors: store.VectorStore | None,
        embeddings: np.ndarray,
    ) -> None:
        self.path = path
        self.manifest = manifest
        self.chunks = chunks
        self.by_id = {c.id: c for c in chunks}
        self.articles = {a.id: a for a in articles}
        self.bm25 = bm25
        self.vectors = vectors
        self.embeddings = embeddings
        self._kind = np.array([c.kind == "article" for c in chunks])
        self._kind_rows: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}
        self._bm25_cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self._by_article: dict[str, list[Chunk]] = {}
        self._article_terms: dict[str, set[str]] | None = None
        for c in chunks:
            self._by_article.setdefault(c.article_id, []).append(c)

    def article_terms(self) -> dict[str, set[str]]:
        """Each article's words, read once; its id (from its file name or front matter) names
        it too, and so do the initials of its capitalised names: an article writing only "NHS
        Gloucestershire Clinical Commissioning Group" names the question's "Gloucestershire
        CCG"."""
        if self._article_terms is None:
            self._article_terms = {
                a.id: set(tokenize(a.id.replace("-", " "))) | name_terms(a.title + "\n" + a.text)
                for a in self.articles.values()
            }
        return self._article_terms

    def chunks_of(self, article_id: str, kind: str = "article") -> list[Chunk]:
        """The chunks of one article in reading order (no scan over the whole index)."""
        return [c for c in self._by_article.get(article_id, ()) if c.kind == kind]

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder) -> Index:
        index_dir = settings.index_dir
        gen = current_generation(index_dir)
        if gen is None:
            raise IndexMissingError(index_dir)
        if not gen.is_dir():
            raise IndexCorruptError(index_dir, f"CURRENT names {gen.name}, which does not exist")
        manifest = read_manifest(gen)
        check_compatible(index_dir, manifest, embedder, settings)
        try:
            chunks = []
            with open(gen / "chunks.jsonl") as fh:
                for line in fh:
                    rec = json.loads(line)
                    chunks.append(Chunk.from_record(rec.pop("id"), rec.pop("text"), rec))
            articles = [
                Article.from_dict(d) for d in json.loads((gen / "articles.json").read_text())
            ]
            embeddings = np.load(gen / "embeddings.npy", mmap_mode="r")
            bm25 = BM25Index.load(gen / "bm25")
            sentences = [json.loads(line) for line in open(gen / "sentences.jsonl")]
            sentence_vectors = np.load(gen / "sentence_vectors.npy")
            quote_rows = [json.loads(line) for line in open(gen / "quotes.jsonl")]
            quotes = [Quote(**r) for r in quote_rows]
            owners = [json.loads(line)["quote"] for line in open(gen / "quote_pieces.jsonl")]
            quote_vectors = np.load(gen / "quote_vectors.npy")
        except (OSError, ValueError, KeyError, EOFError, TypeError) as exc:
            raise IndexCorruptError(index_dir, f"{type(exc).__name__}: {exc}") from None
        if len(chunks) != manifest["counts"]["chunks"] or len(embeddings) != len(chunks):
            raise IndexCorruptError(index_dir, "chunk count does not match the manifest")
        if len(sentences) != len(sentence_vectors):
            raise IndexCorruptError(index_dir, "sentence count does not match its vectors")
        mode = manifest.get("chroma", {}).get("mode", "embedded")
        if mode == "server" and not settings.chroma_url:
            raise IndexMismatchError(index_dir, "a Chroma server", "--chroma-url", "embedded mode")
        if mode == "embedded" and settings.chroma_url:
            raise IndexMismatchError(index_dir, "embedded Chroma", "embedded", settings.chroma_url)
        try:
            client = store.open_client(settings.chroma_url, gen / "chroma")
            vectors = store.VectorStore(client, manifest["chroma"]["collection"], embedder)
        except CocomError:
            raise  # e.g. the Chroma server cannot be reached: its own message says what to do
        except Exception as exc:
            raise IndexCorruptError(
                index_dir, f"vector store: {type(exc).__name__}: {exc}"
            ) from None
        ix = cls(gen, manifest, chunks, articles, bm25, vectors, embeddings)
        ix._set_sentences(sentences, sentence_vectors)
        if len(owners) != len(quote_vectors):
            raise IndexCorruptError(index_dir, "quote pieces do not match their vectors")
        ix.quotes = QuoteIndex(quotes, quote_vectors, ix.articles, owners)
        return ix

    def _set_sentences(self, rows: list[dict], vectors: np.ndarray) -> None:
        self.sentence_vectors = vectors
        self.sentences_of: list[list[tuple[int, int, int]]] = [[] for _ in self.chunks]
        for i, r in enumerate(rows):
            self.sentences_of[r["chunk"]].append((i, r["start"], r["end"]))

    def _bm25_scores(self, query: str) -> np.ndarray:
        """BM25 scores of every chunk; the last few queries are kept, since one question is
        searched more than once (articles, then comments; attribution routes)."""
        with self._lock:
            scores = self._bm25_cache.get(query)
        if scores is None:
            scores = self.bm25.scores(query)
            with self._lock:
                self._bm25_cache[query] = scores
                while len(self._bm25_cache) > 8:
                    self._bm25_cache.pop(next(iter(self._bm25_cache)))
        return scores

    def kind_mask(self, kinds: tuple[str, ...]) -> np.ndarray:
        if set(kinds) >= {"article", "comment"}:
            return np.ones(len(self.chunks), dtype=bool)
        return self._kind if "article" in kinds else ~self._kind

    def article_mask(self, articles: AbstractSet[str]) -> np.ndarray:
        return np.fromiter((c.article_id in articles for c in self.chunks), bool, len(self.chunks))

    def dense(
        self,
        vector: np.ndarray,
        n: int,
        kinds: tuple[str, ...],
        articles: AbstractSet[str] = frozenset(),
    ) -> list[tuple[Chunk, float]]:
        """Top-n chunks of `kinds` (of `articles`, if any) by cosine similarity. Chroma is
        asked without a metadata filter for 2n neighbours and the kinds are kept here; only when
        those hold fewer than n of the asked-for kind (say, comments far from the query), or
        the search is within some articles, is the exact answer computed over the stored
        vectors instead."""
        if articles:
            rows = np.flatnonzero(self.kind_mask(kinds) & self.article_mask(articles))
            scores = self.embeddings[rows] @ vector
            top = np.argsort(-scores, kind="stable")[:n]
            return [(self.chunks[rows[i]], float(scores[i])) for i in top]
        fetch = 2 * n
        pairs = self.vectors.query(vector, fetch)
        hits = [
            (self.by_id[cid], s)
            for cid, s in pairs
            if cid in self.by_id and self.by_id[cid].kind in kinds
        ]
        if len(hits) >= n or len(pairs) < fetch:
            return hits[:n]
        rows, matrix = self._rows_of(kinds)
        scores = matrix @ vector
        n = min(n, len(rows))
        top = np.argpartition(-scores, n - 1)[:n] if 0 < n < len(rows) else np.arange(n)
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.chunks[rows[i]], float(scores[i])) for i in top]

    def _rows_of(self, kinds: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """Row numbers of the chunks of `kinds` and their vectors, contiguous (built once)."""
        key = tuple(sorted(set(kinds)))
        if key not in self._kind_rows:
            rows = np.flatnonzero(self.kind_mask(kinds))
            self._kind_rows[key] = (rows, np.ascontiguousarray(self.embeddings[rows]))
        return self._kind_rows[key]

    def lexical(
        self,
        query: str,
        n: int,
        kinds: tuple[str, ...],
        articles: AbstractSet[str] = frozenset(),
    ) -> list[tuple[Chunk, float]]:
        scores = self._bm25_scores(query)
        mask = self.kind_mask(kinds)
        if articles:
            mask = mask & self.article_mask(articles)
        scores = np.where(mask, scores, -1.0)
        n = min(n, len(scores))
        top = np.argpartition(-scores, n - 1)[:n] if n < len(scores) else np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.chunks[i], float(scores[i])) for i in top if scores[i] > 0]


def index_is_stale(settings: Settings) -> str:
    """'' when the index is present and matches the corpus files; else the reason."""
    gen = current_generation(settings.index_dir)
    if gen is None:
        return "no index yet"
    try:
        manifest = read_manifest(gen)
    except IndexCorruptError as exc:
        return str(exc)
    files = manifest.get("files", {})
    import hashlib

    from .corpus import candidate_files

    seen = {}
    for p in candidate_files(settings.corpus_dir):
        try:
            seen[p.name] = hashlib.sha256(p.read_bytes()).hexdigest()
        except OSError:
            continue
    indexed = {v["file"]: v["sha256"] for v in files.values()}
    skipped = {s["file"] for s in manifest.get("skipped", [])}
    for name, digest in seen.items():
        if name in indexed and indexed[name] != digest:
            return f"{name} changed"
        if name not in indexed and display_name(name) not in skipped:
            return f"{name} is new"
    for name in indexed:
        if name not in seen:
            return f"{name} was removed"
    return ""
