"""A cheap integrity check of an index generation, so that `cocom index` never calls a broken
index up to date.

At build time `record` notes the size and SHA-256 of every plain file of the generation
(chunks, vectors, articles, sentences, quotes, BM25) in the manifest. `verify` recomputes
them and checks the vector store: for embedded Chroma, SQLite's `quick_check` of
`chroma.sqlite3` (opened read-only) and its count of vectors against the manifest; for a
Chroma server, the collection's count. Chroma's own files are not hashed (Chroma rewrites
some of them when it opens a collection); the rows of its SQLite tables that hold the vectors'
ids, documents and metadata are, since reading never changes them."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

CHROMA_DIR = "chroma"
_SKIP = {"manifest.json", "manifest.json.tmp"}
_CHROMA_TABLES = ("collections", "segments", "embeddings", "embedding_metadata")


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _plain_files(gen: Path) -> list[Path]:
    return sorted(
        p
        for p in gen.rglob("*")
        if p.is_file() and p.name not in _SKIP and p.relative_to(gen).parts[0] != CHROMA_DIR
    )


def record(gen: Path) -> dict:
    """{relative path: {"size", "sha256"}} of the generation's plain files."""
    return {
        str(p.relative_to(gen)): {"size": p.stat().st_size, "sha256": _digest(p)}
        for p in _plain_files(gen)
    }


def chroma_digest(path: Path) -> str:
    """SHA-256 of the rows of Chroma's tables that describe the stored vectors."""
    h = hashlib.sha256()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for table in _CHROMA_TABLES:
            h.update(table.encode())
            for row in con.execute(f"SELECT * FROM {table} ORDER BY rowid"):  # noqa: S608
                h.update(repr(row).encode())
    finally:
        con.close()
    return h.hexdigest()


def verify(gen: Path, manifest: dict, chroma_url: str = "") -> str:
    """'' when the generation is intact; else what is wrong, in a few words."""
    for name, want in (manifest.get("integrity") or {}).items():
        path = gen / name
        try:
            size = path.stat().st_size
        except OSError:
            return f"{name} is missing"
        if size != want["size"]:
            return f"{name} is {size} bytes, {want['size']} when built"
        if _digest(path) != want["sha256"]:
            return f"{name} has changed since it was built"
    chunks = manifest.get("counts", {}).get("chunks")
    if chroma_url:
        return _verify_server(manifest, chroma_url, chunks)
    return _verify_sqlite(gen / CHROMA_DIR / "chroma.sqlite3", chunks, manifest.get("chroma_rows"))


def _verify_sqlite(path: Path, chunks: int | None, rows: str | None) -> str:
    if not path.is_file():
        return "chroma/chroma.sqlite3 is missing"
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            check = con.execute("PRAGMA quick_check").fetchall()
            if check != [("ok",)]:
                return f"chroma.sqlite3 fails SQLite's check ({check[0][0]})"
            (count,) = con.execute("SELECT count(*) FROM embeddings").fetchone()
        finally:
            con.close()
        if rows is not None and chroma_digest(path) != rows:
            return "chroma.sqlite3 has changed since it was built"
    except sqlite3.Error as exc:
        return f"chroma.sqlite3 is unreadable ({exc})"
    if chunks is not None and count != chunks:
        return f"Chroma holds {count} vectors, the manifest {chunks}"
    return ""


def _verify_server(manifest: dict, chroma_url: str, chunks: int | None) -> str:
    from . import store
    from .errors import CocomError

    client = store.open_client(chroma_url, None)  # an unreachable server says so itself
    try:
        count = client.get_collection(manifest["chroma"]["collection"]).count()
    except CocomError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure means the collection is not usable
        return f"the Chroma collection cannot be read ({type(exc).__name__}: {exc})"
    if chunks is not None and count != chunks:
        return f"Chroma holds {count} vectors, the manifest {chunks}"
    return ""
