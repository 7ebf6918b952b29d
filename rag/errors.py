"""Every error cocom raises on purpose. Each message says what went wrong and what to do."""

from __future__ import annotations


class CocomError(Exception):
    """Base class: anything cocom reports to a user instead of a traceback."""


class UserError(CocomError):
    """The user asked for something that cannot work (bad flag, bad path, bad question)."""


class IndexMissingError(CocomError):
    def __init__(self, index_dir: object) -> None:
        super().__init__(f"no index at {index_dir} — run `cocom index` to build it")


class IndexMismatchError(CocomError):
    def __init__(self, index_dir: object, what: str, built: object, wanted: object) -> None:
        if what == "a Chroma server":
            msg = (
                f"the index at {index_dir} keeps its vectors in a Chroma server — pass "
                "--chroma-url http://HOST:PORT (or set COCOM_CHROMA_URL), or run "
                "`cocom index --rebuild` for an embedded index"
            )
        elif what == "embedded Chroma":
            msg = (
                f"the index at {index_dir} keeps its vectors in embedded Chroma, not at "
                f"{wanted} — drop --chroma-url, or run `cocom index --rebuild --chroma-url {wanted}`"
            )
        else:
            msg = (
                f"the index at {index_dir} was built with {what} {built!r}, but this run uses "
                f"{wanted!r} — run `cocom index --rebuild`"
            )
        super().__init__(msg)


class IndexCorruptError(CocomError):
    def __init__(self, index_dir: object, detail: str) -> None:
        super().__init__(
            f"the index at {index_dir} is damaged ({detail}) — run `cocom index --rebuild`"
        )


class IndexLockedError(CocomError):
    def __init__(self, lock_path: object, holder: str) -> None:
        super().__init__(
            f"another `cocom index` is already running ({holder}); wait for it to finish "
            f"(lock file: {lock_path})"
        )


class NoArticlesError(CocomError):
    def __init__(self, corpus_dir: object, skipped: int) -> None:
        super().__init__(
            f"no article could be indexed from {corpus_dir} ({skipped} file(s) skipped, see the "
            "warnings above) — add .txt, .md or .html articles there"
        )


def display_name(name: object) -> str:
    """A file name as it is safe to print on one line: as is when printable, else quoted with
    escapes (a newline in a name must not forge another line of output)."""
    text = str(name)
    return text if text.isprintable() else ascii(text)


class ArticleError(CocomError):
    """One corpus file cannot be used; the reason is shown and the file is skipped."""

    def __init__(self, file: object, reason: str, sha256: str = "") -> None:
        file = display_name(file)
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason
        # the content's hash when the content itself is unusable (not, say, a duplicate), so
        # the next build can skip the same content without parsing it again
        self.sha256 = sha256
