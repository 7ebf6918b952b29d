"""The `cocom` command line: thin argument parsing over the library, one sub-command each."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import CocomError, UserError
from .settings import Settings


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(
        corpus_dir=getattr(args, "corpus", None),
        index_dir=getattr(args, "index", None),
        chroma_url=getattr(args, "chroma_url", None),
        k=getattr(args, "k", None),
    )


def _embedder(settings: Settings):
    from .embeddings import MiniLMEmbedder

    return MiniLMEmbedder(batch_size=settings.embed_batch_size)


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


# --- index / articles -------------------------------------------------------------------------


def cmd_index(args: argparse.Namespace) -> int:
    from .index import build_index

    settings = _settings(args)
    if not settings.corpus_dir.is_dir():
        raise UserError(f"corpus folder {settings.corpus_dir} does not exist — create it and add articles")
    report = build_index(settings, _embedder(settings), rebuild=args.rebuild,
                         progress=not args.json and sys.stderr.isatty() or args.progress)
    if args.json:
        _print_json(report.to_dict())
        return 0
    if report.up_to_date:
        print(f"index is up to date: {report.articles} articles, {report.comments} comments, "
              f"{report.chunks} chunks ({settings.index_dir})")
    else:
        print(f"indexed {report.articles} articles, {report.comments} comments, {report.chunks} chunks "
              f"in {report.seconds:.1f} s into {settings.index_dir}")
        print(f"  added {len(report.added)}, changed {len(report.changed)}, removed "
              f"{len(report.removed)}, unchanged {report.unchanged}; embedded {report.embedded} "
              f"chunks, reused {report.reused}")
    for s in report.skipped:
        print(f"  skipped {s.file}: {s.reason}")
    return 0


def _load_articles(settings: Settings):
    from .index import current_generation, read_manifest

    gen = current_generation(settings.index_dir)
    if gen is None:
        from .errors import IndexMissingError

        raise IndexMissingError(settings.index_dir)
    read_manifest(gen)
    return json.loads((gen / "articles.json").read_text())


def cmd_articles(args: argparse.Namespace) -> int:
    rows = [
        {
            "article_id": a["id"],
            "title": a["title"],
            "paragraphs": len(a["paragraphs"]) + (1 if a.get("standfirst") else 0),
            "comments": len(a["comments"]),
            **({"date": a["metadata"]["date"]} if a["metadata"].get("date") else {}),
        }
        for a in _load_articles(_settings(args))
    ]
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            print(f"{r['article_id']}\n  {r['title']}\n  {r['paragraphs']} paragraphs, {r['comments']} comments")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import bench_index, print_table

    settings = _settings(args)
    results = {"index": bench_index(settings, _embedder(settings))}
    if args.json:
        _print_json(results)
    else:
        print_table("index build (full rebuild, model already loaded)", results["index"])
    return 0


# --- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cocom", description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true", help="log progress details to stderr")
    sub = p.add_subparsers(dest="command", required=True)

    def paths(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--corpus", type=Path, help="article folder (env COCOM_CORPUS_DIR; default corpus/)")
        sp.add_argument("--index", type=Path, help="index folder (env COCOM_INDEX_DIR; default index/)")
        sp.add_argument("--chroma-url", help="use a Chroma server, http://HOST:PORT (env COCOM_CHROMA_URL)")

    sp = sub.add_parser("index", help="build or update the index from the corpus folder")
    paths(sp)
    sp.add_argument("--rebuild", action="store_true", help="start over instead of updating")
    sp.add_argument("--json", action="store_true", help="print a JSON report")
    sp.add_argument("--progress", action="store_true", help="show the progress bar even when not on a terminal")
    sp.set_defaults(func=cmd_index)

    sp = sub.add_parser("articles", help="list the indexed articles")
    paths(sp)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_articles)
    sp = sub.add_parser("bench", help="measure speed against the physical floor")
    paths(sp)
    sp.add_argument("what", nargs="?", default="all", choices=["all", "index"], help="which benchmark")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_bench)
    return p


def main(argv: list[str] | None = None) -> int:
    from . import runtime

    parser = build_parser()
    args = parser.parse_args(argv)
    runtime.setup(verbose=args.verbose)
    try:
        return args.func(args)
    except UserError as exc:
        print(f"cocom: error: {exc}", file=sys.stderr)
        return 2
    except CocomError as exc:
        print(f"cocom: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("cocom: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
