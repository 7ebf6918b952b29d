"""Find and read the article files of a corpus folder, rejecting bad input one file at a time.

Each unusable file gets exactly one `Skipped(file, reason)`; the rest are parsed. Nothing
here raises for a single bad file."""

from __future__ import annotations

import hashlib
import logging
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ArticleError, display_name
from .ingest_signals import repeated_across_pages
from .models import Article
from .parse import parse_html, parse_markdown, parse_page_text

log = logging.getLogger(__name__)

PARSERS = {
    ".txt": parse_page_text,
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
}
SUPPORTED = ", ".join(sorted({".txt", ".md", ".html"}))
ENCODINGS = ("utf-8-sig", "cp1252")  # both strict: bytes neither defines are refused
_WORD = re.compile(r"\w+")
# control characters other than tab, newline, form feed and carriage return (and DEL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Skipped:
    file: str
    reason: str
    sha256: str = ""  # set when the file itself could not be parsed (not a duplicate)

    def to_dict(self) -> dict:
        out = {"file": self.file, "reason": self.reason}
        return {**out, "sha256": self.sha256} if self.sha256 else out


@dataclass
class Corpus:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # article id -> sha256 of the file
    files: dict[str, str] = field(default_factory=dict)  # article id -> file name
    fingerprint: str = ""  # parser_fingerprint() of this parse


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise ArticleError(name, "binary file, not text")
    for enc in ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc != "utf-8-sig":
            log.warning("%s: not UTF-8; read as %s", display_name(name), enc)
        control = len(_CONTROL.findall(text))
        if control > max(5, len(text) // 100):
            raise ArticleError(name, "not readable text (too many control characters)")
        return _CONTROL.sub("", text) if control else text  # a stray NUL never reaches an answer
    raise ArticleError(name, "not decodable as UTF-8 or cp1252 (save it as UTF-8)")


def _shingles(article: Article, n: int = 5) -> set[int]:
    words = _WORD.findall(article.text.lower())
    return {hash(tuple(words[i : i + n])) for i in range(max(1, len(words) - n + 1))}


def _jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class NearDuplicates:
    """Finds an earlier article whose shingle set has Jaccard similarity >= threshold without
    comparing against every article. Prefix filtering, exact: two sets that similar must share
    one of the first |S| - ceil(t*|S|) + 1 shingles of each in any fixed global order. Ordering
    rarest first (`frequency`, counted over the whole corpus) makes those prefixes rare
    shingles, so few articles are compared even when articles share many common phrases."""

    def __init__(self, threshold: float, frequency: dict[int, int] | None = None) -> None:
        self.threshold = threshold
        self.frequency = frequency or {}
        self.sets: dict[str, set[int]] = {}
        self.postings: dict[int, list[tuple[int, str]]] = {}

    def _prefix(self, sh: set[int]) -> list[int]:
        n = len(sh) - math.ceil(self.threshold * len(sh)) + 1
        f = self.frequency
        return sorted(sh, key=lambda x: (f.get(x, 0), x))[: max(0, n)]

    def find(self, sh: set[int]) -> tuple[str, float] | None:
        candidates = {c for x in self._prefix(sh) for c in self.postings.get(x, ())}
        for _, cid in sorted(candidates):  # the earliest match, as before
            sim = _jaccard(sh, self.sets[cid])
            if sim >= self.threshold:
                return cid, sim
        return None

    def add(self, article_id: str, sh: set[int]) -> None:
        entry = (len(self.sets), article_id)
        self.sets[article_id] = sh
        for x in self._prefix(sh):
            self.postings.setdefault(x, []).append(entry)


def candidate_files(corpus_dir: Path) -> list[Path]:
    """Every visible file below the corpus folder (hidden files and READMEs are not articles)."""
    return sorted(
        p
        for p in corpus_dir.rglob("*")
        if not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts)
        and not p.name.lower().startswith("readme")
        and (p.is_file() or p.is_symlink())
    )


def site_lines_of(files: list[Path], max_bytes: int) -> frozenset[str]:
    """Lines repeated across several text pages of the folder: banners, menus, footers
    (ingest_signals.repeated_across_pages). Unreadable files are left to read_article."""

    def texts():
        for p in files:
            if p.is_symlink() or p.suffix.lower() not in (".txt", ".md", ".markdown"):
                continue
            try:
                if p.stat().st_size <= max_bytes and b"\x00" not in (data := p.read_bytes()):
                    yield data.decode("utf-8", "replace")
            except OSError:
                continue

    return repeated_across_pages(texts())


def parser_fingerprint(site_lines: frozenset[str] = frozenset()) -> str:
    """Changes whenever what turns a file into an Article does: the parsing code and its data,
    and the lines repeated across the folder's pages (a new page can make a line furniture). A
    parse stored by an earlier build is reused only under the same fingerprint."""
    from importlib import resources

    from . import (
        frontmatter,
        furniture,
        ingest_signals,
        lexical,
        models,
        page_layout,
        page_meta,
        parse,
        sentences,
    )

    h = hashlib.sha256()
    modules = (sys.modules[__name__], frontmatter, furniture, ingest_signals, lexical, models)
    for module in (*modules, page_layout, page_meta, parse, sentences):
        h.update(Path(module.__file__).read_bytes())
    for data in sorted(resources.files("rag.data").iterdir(), key=lambda p: p.name):
        if data.name.endswith((".yaml", ".txt")):
            h.update(data.read_bytes())
    h.update("\n".join(sorted(site_lines)).encode())
    return h.hexdigest()[:16]


def read_article(
    path: Path,
    corpus_root: Path,
    max_bytes: int,
    site_lines: frozenset[str] = frozenset(),
    cached: dict[str, Article] | None = None,
    cached_skips: dict[str, str] | None = None,
) -> tuple[Article, str]:
    """Parse one file, or raise ArticleError saying why it cannot be used. `site_lines`:
    lines repeated across the folder's pages, dropped as furniture (site_lines_of). `cached`:
    articles an earlier build parsed under the same fingerprint, by the SHA-256 of their file;
    an unchanged file is not re-parsed; `cached_skips`: the reasons files that could not be
    parsed were skipped, by SHA-256, so an unchanged bad file is not parsed again either."""
    name = path.name
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(corpus_root):
            raise ArticleError(
                name, f"symlink points outside the corpus folder (to {display_name(target)})"
            )
        if not target.exists():
            raise ArticleError(name, "symlink points to a file that does not exist")
    suffix = path.suffix.lower()
    if suffix not in PARSERS:
        raise ArticleError(name, f"unsupported file type {suffix or '(none)'!r}; use {SUPPORTED}")
    size = path.stat().st_size
    if size > max_bytes:
        raise ArticleError(
            name, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit"
        )
    data = path.read_bytes()
    if not data.strip():
        raise ArticleError(name, "file is empty")
    digest = hashlib.sha256(data).hexdigest()
    if cached and (known := cached.get(digest)) is not None and known.id == path.stem:
        return known, digest
    if cached_skips and digest in cached_skips:
        raise ArticleError(name, cached_skips[digest], digest)
    text = _decode(data, name)
    try:
        article = PARSERS[suffix](text, path.stem, site_lines=site_lines)
    except ArticleError as exc:
        raise ArticleError(name, exc.reason, digest) from None
    return article, digest


def load_corpus(
    corpus_dir: Path,
    *,
    max_bytes: int,
    near_duplicate: float = 0.9,
    keep: frozenset = frozenset(),
    cached: dict[str, Article] | None = None,
    cached_fingerprint: str = "",
    cached_skips: dict[str, str] | None = None,
) -> Corpus:
    """Parse every article file. Of two duplicates the one read first is kept: files whose id
    is in `keep` (already indexed) are read first, so adding a copy never displaces the original.
    `cached`: earlier parses by file SHA-256 (see `read_article`), used only when
    `cached_fingerprint` equals this parse's `parser_fingerprint` (kept in `corpus.fingerprint`)."""
    corpus = Corpus()
    root = corpus_dir.resolve()
    files = sorted(candidate_files(corpus_dir), key=lambda p: (p.stem not in keep, str(p)))
    parsed: list[tuple[Path, object]] = []  # (path, (article, digest, shingles) or the error)
    frequency: dict[int, int] = {}
    site_lines = site_lines_of(files, max_bytes)
    corpus.fingerprint = parser_fingerprint(site_lines)
    if cached_fingerprint != corpus.fingerprint:
        cached = cached_skips = None
    for path in files:
        try:
            article, digest = read_article(path, root, max_bytes, site_lines, cached, cached_skips)
        except (ArticleError, OSError) as exc:
            parsed.append((path, exc))
            continue
        sh = _shingles(article)
        for x in sh:
            frequency[x] = frequency.get(x, 0) + 1
        parsed.append((path, (article, digest, sh)))
    shingles = NearDuplicates(near_duplicate, frequency)
    by_hash: dict[str, str] = {}
    for path, result in parsed:
        try:
            if isinstance(result, BaseException):
                raise result
            article, digest, sh = result
            if article.id in corpus.files:
                raise ArticleError(
                    path.name,
                    f"article id {article.id!r} is already used by {display_name(corpus.files[article.id])}",
                )
            if digest in by_hash:
                raise ArticleError(
                    path.name, f"exact duplicate of {display_name(corpus.files[by_hash[digest]])}"
                )
            match = shingles.find(sh)
            if match is not None:
                other_id, sim = match
                raise ArticleError(
                    path.name,
                    f"near-duplicate of {display_name(corpus.files[other_id])} ({sim:.0%} of passages shared)",
                )
        except ArticleError as exc:
            log.warning("skipped %s", exc)
            corpus.skipped.append(Skipped(exc.file, exc.reason, exc.sha256))
            continue
        except OSError as exc:
            name = display_name(path.name)
            log.warning("skipped %s: %s", name, exc.strerror or exc)
            corpus.skipped.append(Skipped(name, f"cannot read file ({exc.strerror or exc})"))
            continue
        corpus.articles.append(article)
        corpus.hashes[article.id] = digest
        corpus.files[article.id] = path.name
        by_hash[digest] = article.id
        shingles.add(article.id, sh)
    return corpus
