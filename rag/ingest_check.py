"""`cocom check-ingest DIR`: what the parser makes of a folder of new pages, for a person to
review a new site in a minute: each file's title, date, byline and paragraph count, and every
kept paragraph that still looks like furniture (a rule of the reviewed list, a date or byline
line, a caption or name-only label) or is a short line without punctuation (heading or stray)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from .corpus import load_corpus
from .ingest_signals import ends_like_sentence, is_caption, is_name_only, is_short, trigrams
from .models import Article
from .page_layout import is_leftover_furniture


@dataclass
class Suspect:
    paragraph: int  # index into Article.blocks
    kind: str  # a furniture kind, "date/byline", "caption", "name only", or "heading?"
    text: str


@dataclass
class FileCheck:
    file: str
    title: str = ""
    date: str = ""
    byline: str = ""
    paragraphs: int = 0
    comments: int = 0
    suspects: list[Suspect] = field(default_factory=list)
    skipped: str = ""  # why the file could not be used

    @property
    def furniture(self) -> list[Suspect]:
        """Suspects that are furniture by a rule or signal (not the 'heading?' hints)."""
        return [s for s in self.suspects if s.kind != "heading?"]

    def to_dict(self) -> dict:
        return asdict(self)


def suspects_of(article: Article) -> list[Suspect]:
    blocks = list(article.blocks[: len(article.blocks) - (1 if article.byline else 0)])
    body = trigrams(t for t in blocks if ends_like_sentence(t))
    out = []
    for i, text in enumerate(blocks):
        one_line = "\n" not in text
        if kind := is_leftover_furniture(text):
            out.append(Suspect(i, kind, text))
        elif one_line and is_name_only(text):
            out.append(Suspect(i, "name only", text))
        elif one_line and is_caption(text, body):
            out.append(Suspect(i, "caption", text))
        elif one_line and is_short(text) and not ends_like_sentence(text):
            out.append(Suspect(i, "heading?", text))
    return out


def check_folder(folder: Path, *, max_bytes: int) -> list[FileCheck]:
    corpus = load_corpus(folder, max_bytes=max_bytes, near_duplicate=1.01)
    rows = [
        FileCheck(
            file=corpus.files[a.id],
            title=a.title,
            date=str(a.metadata.get("date", "")),
            byline=a.byline,
            paragraphs=len(a.blocks) - (1 if a.byline else 0),
            comments=len(a.comments),
            suspects=suspects_of(a),
        )
        for a in corpus.articles
    ]
    rows += [FileCheck(file=s.file, skipped=s.reason) for s in corpus.skipped]
    return sorted(rows, key=lambda r: r.file)


def format_report(rows: list[FileCheck]) -> str:
    out = []
    for r in rows:
        if r.skipped:
            out.append(f"{r.file}\n  SKIPPED: {r.skipped}")
            continue
        out.append(
            f"{r.file}\n  title:  {r.title}\n  date:   {r.date or '-'}\n  byline: {r.byline or '-'}"
            f"\n  {r.paragraphs} paragraphs, {r.comments} comments"
        )
        for s in r.suspects:
            text = s.text if len(s.text) <= 100 else s.text[:97] + "..."
            out.append(f"  ? [{s.kind}] paragraph {s.paragraph}: {text}")
    n_furn = sum(len(r.furniture) for r in rows)
    n_files = sum(1 for r in rows if not r.skipped)
    out.append(
        f"\n{n_files} files read, {len(rows) - n_files} skipped; {n_furn} paragraphs still look "
        f"like furniture; {sum(len(r.suspects) - len(r.furniture) for r in rows)} short unpunctuated "
        "lines to glance at (headings or strays)"
    )
    return "\n".join(out)
