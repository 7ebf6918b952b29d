"""Reliability: kill -9 mid-build, a corrupted index, a second build while one runs."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from rag.chain import Pipeline
from rag.embeddings import HashingEmbedder
from rag.evaluation.cases import load_cases
from rag.index import build_index, current_generation

from .conftest import ROOT

pytestmark = [pytest.mark.integration, pytest.mark.slow]

BUILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from rag.embeddings import HashingEmbedder
    from rag.index import build_index
    from rag.settings import Settings
    s = Settings(corpus_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2]))
    print("start", flush=True)
    build_index(s, HashingEmbedder(), rebuild=True, progress=False)
    print("done", flush=True)
    """
)


def _answers(settings, questions):
    p = Pipeline(settings, HashingEmbedder()).load()
    return [(a.answer, [c.chunk_id for c in a.citations]) for a in map(p.ask, questions)]


def _env():
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def test_kill_9_mid_rebuild_leaves_the_previous_index_answering(settings, tmp_path):
    questions = [c.question for c in load_cases(ROOT / "evals" / "questions.jsonl")[:25]]
    args = [sys.executable, "-c", BUILD, str(settings.corpus_dir), str(settings.index_dir)]

    t = time.perf_counter()
    subprocess.run(args, check=True, env=_env(), capture_output=True)
    full = time.perf_counter() - t  # a whole build, process start included
    live = current_generation(settings.index_dir)
    expected = _answers(settings, questions)

    killed = 0
    for i in range(1, 12):
        proc = subprocess.Popen(args, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        time.sleep(full * i / 12)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait()
        now = current_generation(settings.index_dir)
        assert now.exists() and (now / "manifest.json").exists()
        if now == live:  # killed before the swap: the old generation answers exactly as before
            assert _answers(settings, questions) == expected
        else:  # finished (or swapped) in time: the new one is complete and answers the same
            assert _answers(settings, questions) == expected
            live = now
    assert killed >= 8  # most kill points landed inside the build
    build_index(
        settings, HashingEmbedder(), rebuild=True, progress=False
    )  # and the next build works
    assert _answers(settings, questions) == expected


OPEN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from rag.embeddings import HashingEmbedder
    from rag.index import Index
    from rag.settings import Settings
    from rag.errors import CocomError
    try:
        Index.open(Settings(index_dir=Path(sys.argv[1])), HashingEmbedder())
    except CocomError as exc:
        print("ERROR", exc)
        sys.exit(1)
    print("OPENED")
    """
)


@pytest.mark.parametrize(
    "victim",
    [
        "manifest.json",
        "chunks.jsonl",
        "embeddings.npy",
        "sentences.jsonl",
        "quotes.jsonl",
        "articles.json",
        "bm25/params.index.json",
        "chroma/chroma.sqlite3",
    ],
)
def test_corrupted_index_gives_a_clear_error_and_no_crash(settings, victim):
    build_index(settings, HashingEmbedder(), progress=False)
    gen = current_generation(settings.index_dir)
    path = gen / victim
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])  # truncated, as after a full disk
    out = subprocess.run(
        [sys.executable, "-c", OPEN, str(settings.index_dir)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode >= 0, f"the process died of a signal: {out.returncode}"
    if out.returncode == 0:
        # SQLite tolerates some truncations: then the index must still answer
        assert "OPENED" in out.stdout
    else:
        assert "cocom index --rebuild" in out.stdout, out.stdout + out.stderr
    build_index(settings, HashingEmbedder(), rebuild=True, progress=False)  # the fix works


def test_second_index_run_is_refused_at_once(settings):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import time
            from pathlib import Path
            from rag.index import BuildLock
            with BuildLock(Path({str(settings.index_dir)!r})):
                print("locked", flush=True)
                time.sleep(30)
        """),
        ],
        env=_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        t = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-m", "rag.cli", "index", "--json"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={
                **_env(),
                "COCOM_INDEX_DIR": str(settings.index_dir),
                "COCOM_CORPUS_DIR": str(settings.corpus_dir),
            },
            timeout=60,
        )
        assert out.returncode == 1 and "already running" in out.stderr
        assert time.perf_counter() - t < 30  # refused, not queued behind the lock
    finally:
        holder.kill()
        holder.wait()
