"""YAML front matter of a Markdown article, loaded safely and within bounds.

Front matter holds a handful of short facts (title, author, date, publication, url), so
anything else is refused before it can cost memory or time: more than `MAX_BYTES` of YAML,
anchors and aliases (a few hundred bytes of nested aliases, "billion laughs", expand to
gigabytes once a value is turned into text), nesting deeper than `MAX_DEPTH`, and a value of a
known key that is not a scalar. Each refusal is one `ArticleError` naming what to change."""

from __future__ import annotations

import yaml

from .errors import ArticleError

MAX_BYTES = 16 * 1024
MAX_DEPTH = 8
MAX_NODES = 2_000
MAX_VALUE_CHARS = 2_000


class _BoundedLoader(yaml.SafeLoader):
    """A SafeLoader that refuses aliases and anchors, deep nesting and too many nodes."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._nodes = 0
        self._depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001 (PyYAML's signature)
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused("uses YAML anchors or aliases (&name, *name), which it does not need")
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _Refused(f"has more than {MAX_NODES} values")
        if self._depth >= MAX_DEPTH:
            raise _Refused(f"is nested more than {MAX_DEPTH} levels deep")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Refused(Exception):
    pass


def load_front_matter(text: str, article_id: str, keys: tuple[str, ...]) -> dict:
    """The front-matter mapping; the values of `keys` (and "title") are scalars or absent."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise ArticleError(
            article_id,
            f"front matter is over {MAX_BYTES // 1024} KB; keep it to a few short fields",
        )
    try:
        loaded = yaml.load(text, Loader=_BoundedLoader) or {}  # noqa: S506 (a SafeLoader)
    except _Refused as exc:
        raise ArticleError(article_id, f"front matter {exc}; write the values out") from None
    except yaml.YAMLError as exc:
        raise ArticleError(
            article_id, f"front matter is not valid YAML ({exc.__class__.__name__})"
        ) from exc
    except RecursionError:
        raise ArticleError(article_id, "front matter is nested too deeply") from None
    if not isinstance(loaded, dict):
        raise ArticleError(article_id, "front matter must be a YAML mapping of key: value")
    for key in ("title", *keys):
        value = loaded.get(key)
        if value is None:
            continue
        if isinstance(value, (dict, list, set, tuple)):
            raise ArticleError(
                article_id, f"front matter {key!r} must be plain text, not a list or mapping"
            )
        if len(str(value)) > MAX_VALUE_CHARS:
            raise ArticleError(
                article_id, f"front matter {key!r} is over {MAX_VALUE_CHARS} characters"
            )
    return loaded
