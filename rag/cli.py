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
        llm=getattr(args, "llm", None),
    )


def _embedder(settings: Settings):
    from .embeddings import make_embedder

    return make_embedder(settings)


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


# --- index / articles -------------------------------------------------------------------------


def cmd_index(args: argparse.Namespace) -> int:
    from .index import build_index

    settings = _settings(args)
    if not settings.corpus_dir.is_dir():
        raise UserError(
            f"corpus folder {settings.corpus_dir} does not exist — create it and add articles"
        )
    report = build_index(
        settings,
        _embedder(settings),
        rebuild=args.rebuild,
        progress=not args.json and sys.stderr.isatty() or args.progress,
    )
    if args.json:
        _print_json(report.to_dict())
        return 0
    if report.damaged:
        print(f"the index was damaged ({report.damaged}) — rebuilt it from the corpus")
    if report.up_to_date:
        print(
            f"index is up to date: {report.articles} articles, {report.comments} comments, "
            f"{report.chunks} chunks ({settings.index_dir})"
        )
    else:
        print(
            f"indexed {report.articles} articles, {report.comments} comments, {report.chunks} chunks "
            f"in {report.seconds:.1f} s into {settings.index_dir}"
        )
        print(
            f"  added {len(report.added)}, changed {len(report.changed)}, removed "
            f"{len(report.removed)}, unchanged {report.unchanged}; embedded {report.embedded} "
            f"chunks, reused {report.reused}"
        )
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
            print(
                f"{r['article_id']}\n  {r['title']}\n  {r['paragraphs']} paragraphs, {r['comments']} comments"
            )
    return 0


def _read_history(path: Path | None) -> list[dict] | None:
    if path is None:
        return None
    try:
        history = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise UserError(f"--history {path}: cannot read it as JSON ({exc})") from exc
    from .chain import is_history

    if not is_history(history):
        raise UserError(
            f'--history {path}: expected a JSON list of {{"role": "user"|"assistant", "content": "..."}}'
        )
    return history


def _print_answer(ans) -> None:
    if ans.standalone_question != ans.question:
        print(f"(understood as: {ans.standalone_question})\n")
    if ans.grounding is not None:
        g = ans.grounding
        print(
            f"(model answer: {g['sentences'] - g['dropped']}/{g['sentences']} sentences grounded"
            + (
                f"; fell back to the extractive answer: {g.get('reason') or 'not grounded'}"
                if g["fallback"]
                else ""
            )
            + ")\n"
        )
    print(ans.answer)
    for q in ans.quotes:
        if q.text not in ans.answer:
            print(f"\n  {q.speaker}{', ' + q.role if q.role else ''} — “{q.text}” ({q.title})")
    if ans.citations:
        print("\nSources:")
        for c in ans.citations:
            label = " [anonymous reader comment]" if c.kind == "comment" else ""
            print(f"  [{c.n}] {c.title}{label}\n      {c.text}")
    for note in ans.notes:
        print(f"\nnote: {note}")


def cmd_ask(args: argparse.Namespace) -> int:
    from .chain import Pipeline

    settings = _settings(args)
    pipeline = Pipeline(settings)
    chain = pipeline.chain
    if args.batch:
        return _ask_batch(args, chain)
    if not args.question:
        raise UserError('give a question: cocom ask "QUESTION" (or --batch FILE.jsonl)')
    ans = chain.invoke(
        {
            "question": args.question,
            "history": _read_history(args.history),
            "k": args.k,
            "include_comments": args.include_comments,
        }
    )
    if args.json:
        _print_json(ans.to_dict())
    else:
        _print_answer(ans)
    return 0


def _ask_batch(args: argparse.Namespace, chain) -> int:
    try:
        lines = Path(args.batch).read_text().splitlines()
    except OSError as exc:
        raise UserError(f"--batch {args.batch}: {exc.strerror or exc}") from exc
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        rid = None
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict) or not isinstance(rec.get("question"), str):
                raise UserError('expected an object with a "question" string')
            rid = rec.get("id", lineno)
            ans = chain.invoke(
                {
                    "question": rec["question"],
                    "history": rec.get("history"),
                    "k": args.k,
                    "include_comments": args.include_comments,
                }
            )
            out = {"id": rid, **ans.to_dict()}
        except (json.JSONDecodeError, CocomError) as exc:
            out = {"id": rid if rid is not None else lineno, "line": lineno, "error": str(exc)}
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return 0


def _open_index(settings: Settings):
    from .index import Index

    return Index.open(settings, _embedder(settings))


def cmd_quotes(args: argparse.Namespace) -> int:
    from .quote_index import speaker_label

    ix = _open_index(_settings(args))
    if args.speaker and ix.quotes.find_speaker(args.speaker) is None:
        raise UserError(f"no speaker called {args.speaker!r}; `cocom speakers` lists them")
    if args.article and args.article not in ix.articles:
        raise UserError(f"no article {args.article!r}; `cocom articles` lists them")
    kinds = ("direct", "reported") + (("comment",) if args.include_comments else ())
    quotes = ix.quotes.filter(args.speaker, args.article, args.search, kinds)
    if args.include_comments:
        from .quotes import comment_quotes

        quotes += [
            q
            for a in ix.articles.values()
            for q in comment_quotes(a)
            if (not args.article or q.article_id == args.article)
            and (not args.search or args.search.lower() in q.text.lower())
            and not args.speaker
        ]
    rows = [
        {
            "speaker": q.speaker,
            "attributed": q.attributed,
            "speaker_type": q.speaker_type,
            "role": q.role,
            "organisation": q.organisation,
            "text": q.text,
            "kind": q.kind,
            "confidence": q.confidence,
            "evidence": q.evidence,
            "article_id": q.article_id,
            "title": q.title,
        }
        for q in quotes
    ]
    if args.json:
        _print_json(rows)
        return 0
    if not rows:
        print("no quotes match")
    for r in rows:
        who = speaker_label(r["speaker"], r["role"])
        mark = "‘’" if r["kind"] == "direct" else "  "
        cue = "named by" if r["speaker"] else "from"  # a document's quote names no speaker
        why = f"\n  {cue}: {r['evidence']}" if r["evidence"] else ""
        print(f"{who} [{r['kind']}]\n  {mark[0]}{r['text']}{mark[1]}\n  — {r['title']}{why}\n")
    return 0


def cmd_eval_quotes(args: argparse.Namespace) -> int:
    """Quote recall, speaker accuracy and wrong speakers on a folder of pages against pointer
    gold (rag/evaluation/quote_pointers.py). Only the pages the gold names are read."""
    from .corpus import candidate_files, read_article
    from .errors import ArticleError
    from .evaluation.quote_pointers import load_pointer_gold, score_pointers
    from .quote_index import build_quotes

    if not args.corpus.is_dir():
        raise UserError(f"no folder {args.corpus}; give --corpus a folder of article files")
    if not args.gold.is_file():
        raise UserError(f"no gold file {args.gold}; give --gold a JSON-lines quote gold file")
    try:
        gold = load_pointer_gold(args.gold)
    except ValueError as exc:
        raise UserError(f"bad gold file: {exc}") from None
    wanted = {g["article"] for g in gold}
    articles = []
    for path in candidate_files(args.corpus):
        if path.stem in wanted:
            try:
                articles.append(read_article(path, args.corpus.resolve(), 5 * 1024 * 1024)[0])
            except ArticleError as exc:
                print(f"skipped {exc.file}: {exc.reason}", file=sys.stderr)
    absent = wanted - {a.id for a in articles}
    for stem in sorted(absent):
        print(f"gold names {stem!r}, which is not in {args.corpus}", file=sys.stderr)
    min_conf = Settings.from_env().quote_min_confidence
    result = score_pointers(
        build_quotes(articles, min_conf), [g for g in gold if g["article"] not in absent]
    )
    if args.json:
        _print_json(result)
        return 0
    print(f"{result['gold']} gold quotes in {len(articles)} article(s)")
    for k in (
        "quote_recall",
        "speaker_correct",
        "speaker_accuracy",
        "wrong_speaker",
        "unattributed",
    ):
        print(f"  {k:18} {result[k]}")
    for w in result["wrong"]:
        print(
            f"  WRONG  {w['article']}: {w['quote_start']!r} gold {w['speaker']!r} got {w['got']!r}"
        )
    for m in result["missed"]:
        print(f"  MISSED {m['article']}: {m['quote_start']!r} ({m['speaker'] or 'unattributed'})")
    for u in result["unattributed_quotes"]:
        print(f"  UNATTRIBUTED {u['article']}: {u['quote_start']!r} (gold {u['speaker']!r})")
    if args.verbose:
        for x in result["named_not_in_gold"]:
            print(f"  named, not in gold: {x['article']}: {x['text']!r} -> {x['speaker']!r}")
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    ix = _open_index(_settings(args))
    rows = [s.to_dict() for s in ix.quotes.speakers()]
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        role = f" — {r['role']}" if r["role"] else ""
        print(f"{r['speaker']}{role}: {r['quotes']} quote(s) in {len(r['articles'])} article(s)")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation import report as R
    from .evaluation.suite import DEFAULT_QUESTIONS, run_suite

    settings = _settings(args)
    report, results = run_suite(
        settings,
        questions=args.questions or DEFAULT_QUESTIONS,
        k=args.k,
        baseline=not args.no_baseline,
        progress=not args.json,
    )
    R.write(report, results, args.report)
    failed = [n for n, f in report.get("floors", {}).items() if not f["ok"]]
    if args.json:
        _print_json({k: v for k, v in report.items() if k not in ("failures", "abstention_curve")})
    else:
        m = report["metrics"]
        print(
            f"{report['cases']} cases in {report['seconds']} s; report in {args.report}/report.md"
        )
        for name in (
            "accuracy",
            "answerable_correct",
            "key_fact",
            "recall@5",
            "citation_recall",
            "abstain_recall",
            "false_abstain_rate",
            "speaker_accuracy",
            "comment_as_reporting",
            "latency_p50_ms",
        ):
            base = report.get("baseline", {}).get("metrics", {}).get(name)
            print(
                f"  {name:22} {m.get(name)}" + (f"   (baseline {base})" if base is not None else "")
            )
        for name in failed:
            f = report["floors"][name]
            print(f"  BELOW FLOOR: {name} = {f['value']} (floor {f.get('min', f.get('max'))})")
    return 1 if (failed and args.gate) else 0


def _read_auth(args: argparse.Namespace):
    pairs = []
    if args.auth:
        pairs.append(args.auth)
    if args.auth_file:
        try:
            pairs += [
                ln.strip()
                for ln in Path(args.auth_file).read_text().splitlines()
                if ln.strip() and not ln.startswith("#")
            ]
        except OSError as exc:
            raise UserError(f"--auth-file {args.auth_file}: {exc.strerror or exc}") from exc
    out = []
    for p in pairs:
        user, sep, password = p.partition(":")
        if not sep or not user or not password:
            raise UserError("--auth takes USER:PASSWORD (and --auth-file one USER:PASSWORD a line)")
        out.append((user, password))
    return out or None


def cmd_serve(args: argparse.Namespace) -> int:
    settings = _settings(args)
    auth = _read_auth(args)
    if args.host not in {"127.0.0.1", "localhost", "::1"} and not auth:
        print(
            "\n"
            + "!" * 72
            + f"\nWARNING: serving on {args.host} WITHOUT a password: anyone who can "
            "reach this\nmachine can use cocom. Add --auth USER:PASSWORD or --auth-file FILE.\n"
            + "!" * 72
            + "\n",
            file=sys.stderr,
        )
    from .chain import Pipeline
    from .index import index_is_stale

    stale = index_is_stale(settings)
    if stale and stale != "no index yet":
        print(
            f"cocom: warning: the index is out of date ({stale}) — run `cocom index`",
            file=sys.stderr,
        )
    pipeline = Pipeline(settings).warm_up()
    from app.ui import build_app, launch

    demo = build_app(pipeline)
    print(f"cocom is serving on http://{args.host}:{args.port} (Ctrl-C to stop)", flush=True)
    launch(demo, host=args.host, port=args.port, auth=auth, block=True)
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from . import bench as B
    from .evaluation.suite import DEFAULT_QUESTIONS

    settings = _settings(args)
    embedder = _embedder(settings)
    sizes = tuple(int(x) for x in args.sizes.split(",") if x.strip())
    results: dict = {"machine": B.machine()}
    want = args.what

    def run(name: str, fn) -> None:
        if want in ("all", name):
            print(f"cocom bench: {B.TITLES[name]} ...", file=sys.stderr, flush=True)
            results[name] = fn()

    qs = None
    if want in ("all", "ui", "concurrency"):
        from .evaluation.cases import load_cases

        qs = [c.question for c in load_cases(DEFAULT_QUESTIONS)[:20]]
    run("floors", lambda: B.bench_floors(settings, embedder))
    run("index", lambda: B.bench_index(settings, embedder))
    run("ask", lambda: B.bench_ask(settings, embedder, DEFAULT_QUESTIONS))
    run("ui", lambda: B.bench_first_token(settings, embedder, qs))
    run("concurrency", lambda: B.bench_concurrency(settings, embedder, qs))
    run("cold", lambda: B.bench_cold_start(settings, "Which CCG plans to pool GP funding?"))
    run("backends", lambda: B.bench_backends(settings, DEFAULT_QUESTIONS))
    run("ingest", lambda: B.bench_ingest(settings))
    run(
        "scale",
        lambda: B.bench_scale(
            settings, embedder, DEFAULT_QUESTIONS, sizes, settings.cache_dir / "bench"
        ),
    )
    results = B.summary(results)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    if args.json:
        _print_json(results)
    else:
        B.print_results(results)
        if args.out:
            print(f"\nresults written to {args.out}")
    return 0


def cmd_check_ingest(args: argparse.Namespace) -> int:
    from .ingest_check import check_folder, format_report

    if not args.dir.is_dir():
        raise UserError(f"{args.dir} is not a folder — give the folder of pages to check")
    rows = check_folder(args.dir, max_bytes=_settings(args).max_file_bytes)
    if args.json:
        _print_json([r.to_dict() for r in rows])
    else:
        print(format_report(rows))
    return 0


# --- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cocom", description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true", help="log progress details to stderr")
    sub = p.add_subparsers(dest="command", required=True)

    def paths(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--corpus", type=Path, help="article folder (env COCOM_CORPUS_DIR; default corpus/)"
        )
        sp.add_argument(
            "--index", type=Path, help="index folder (env COCOM_INDEX_DIR; default index/)"
        )
        sp.add_argument(
            "--chroma-url", help="use a Chroma server, http://HOST:PORT (env COCOM_CHROMA_URL)"
        )

    sp = sub.add_parser("index", help="build or update the index from the corpus folder")
    paths(sp)
    sp.add_argument("--rebuild", action="store_true", help="start over instead of updating")
    sp.add_argument("--json", action="store_true", help="print a JSON report")
    sp.add_argument(
        "--progress", action="store_true", help="show the progress bar even when not on a terminal"
    )
    sp.set_defaults(func=cmd_index)

    sp = sub.add_parser("articles", help="list the indexed articles")
    paths(sp)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_articles)
    sp = sub.add_parser(
        "check-ingest",
        help="show what the parser makes of a folder of new pages (title, date, byline, "
        "paragraphs, lines that still look like furniture)",
    )
    sp.add_argument("dir", type=Path, help="folder of pages (.txt, .md, .html)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_check_ingest)
    sp = sub.add_parser("ask", help="answer a question with cited passages")
    paths(sp)
    sp.add_argument("question", nargs="?", help="the question")
    sp.add_argument("--json", action="store_true", help="print one JSON object")
    sp.add_argument(
        "--history", type=Path, help='JSON file: [{"role": "user"|"assistant", "content": ...}]'
    )
    sp.add_argument("--k", type=int, help="passages to retrieve (default 7, env COCOM_K)")
    sp.add_argument(
        "--include-comments",
        action="store_true",
        help="let reader comments (labelled) into answers",
    )
    sp.add_argument(
        "--batch", type=Path, help="JSONL of {id, question, history?}; one JSON answer per line"
    )
    sp.add_argument(
        "--llm",
        help="extractive (default), llamacpp:PATH.gguf, openai:MODEL@URL or ollama:MODEL[@URL] (env COCOM_LLM)",
    )
    sp.set_defaults(func=cmd_ask)

    sp = sub.add_parser("serve", help="start the chat UI")
    paths(sp)
    sp.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    sp.add_argument("--port", type=int, default=7860)
    sp.add_argument("--auth", help="USER:PASSWORD required to use the UI")
    sp.add_argument("--auth-file", help="file with one USER:PASSWORD per line")
    sp.add_argument(
        "--llm", help="offer a model's answers too (see `cocom ask --help`; env COCOM_LLM)"
    )
    sp.set_defaults(func=cmd_serve)

    sp = sub.add_parser("eval", help="run the evaluation suite and write a report")
    paths(sp)
    sp.add_argument(
        "--questions", type=Path, help="JSONL question file (default evals/questions.jsonl)"
    )
    sp.add_argument("--k", type=int, help="passages to answer from (default 7)")
    sp.add_argument(
        "--llm",
        help="answerer: extractive (default) or a model spec; a model's run is compared with the extractive one",
    )
    sp.add_argument("--report", type=Path, default=Path("reports/eval"), help="output folder")
    sp.add_argument(
        "--no-baseline", action="store_true", help="skip the vanilla LangChain baseline"
    )
    sp.add_argument(
        "--gate",
        action="store_true",
        help="exit 1 when a metric is below its floor (evals/floors.json)",
    )
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_eval)

    sp = sub.add_parser("quotes", help="who said what: quotes with their resolved speakers")
    paths(sp)
    sp.add_argument(
        "--speaker", help="any form of a name: 'Nagpaul', 'Dr Chaand Nagpaul', 'the BMA'"
    )
    sp.add_argument("--article", help="article id (see `cocom articles`)")
    sp.add_argument("--search", help="text the quote contains (or all of its words)")
    sp.add_argument("--include-comments", action="store_true", help="add reader comments, unnamed")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_quotes)

    sp = sub.add_parser(
        "eval-quotes", help="score quote recall and speakers on pages against pointer gold"
    )
    sp.add_argument("--corpus", type=Path, required=True, help="folder of article files")
    sp.add_argument("--gold", type=Path, required=True, help="JSON-lines pointer gold")
    sp.add_argument("--json", action="store_true")
    sp.add_argument(
        "-v", "--verbose", action="store_true", help="also list named quotes not in gold"
    )
    sp.set_defaults(func=cmd_eval_quotes)

    sp = sub.add_parser("speakers", help="everyone quoted, with roles and quote counts")
    paths(sp)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_speakers)

    sp = sub.add_parser("bench", help="measure speed against the physical floor")
    paths(sp)
    sp.add_argument(
        "what",
        nargs="?",
        default="all",
        choices=[
            "all",
            "floors",
            "index",
            "ask",
            "ui",
            "concurrency",
            "cold",
            "backends",
            "scale",
            "ingest",
        ],
        help="which benchmark (default: all of them)",
    )
    sp.add_argument("--json", action="store_true", help="print one JSON object")
    sp.add_argument(
        "--sizes",
        default="10000,100000",
        help="chunk counts of the synthetic scale corpora (default 10000,100000)",
    )
    sp.add_argument(
        "--out",
        type=Path,
        default=Path("reports/bench.json"),
        help="also write the results here (default reports/bench.json)",
    )
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
