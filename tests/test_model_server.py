"""A local model is served out of process: a bad model file is reported before any question,
and a model process that really dies mid-answer (a fake OpenAI-compatible server that kills
itself with SIGSEGV) gives the extractive answer plus a message naming the model and the signal,
in the pipeline, the CLI (text and JSON), the UI and the eval suite."""

import json
import os
import subprocess
import sys

import pytest

from rag.chain import Pipeline
from rag.embeddings import HashingEmbedder
from rag.errors import CocomError, UserError
from rag.evaluation.suite import run_suite
from rag.gguf import check_gguf
from rag.index import build_index
from rag.model_server import ModelServer, how_it_ended
from rag.settings import Settings

from .conftest import CORPUS, FIXTURES, ROOT
from .tiny_gguf import write_tiny_gguf

FAKE = FIXTURES / "model_server" / "fake_openai_server.py"
CRASHING = f"{{python}} {FAKE} --model {{model}} --host {{host}} --port {{port}}"
QUESTION = "Which CCG plans to pool GP funding with social care budgets?"


@pytest.fixture
def tiny(tmp_path):
    return write_tiny_gguf(tmp_path / "tiny.gguf")


# --- the model file -----------------------------------------------------------------------


@pytest.mark.unit
def test_whole_gguf_passes_and_damaged_ones_are_named(tmp_path, tiny):
    assert check_gguf(tiny)["tensors"] == 1
    cases = {
        "not-a-model.gguf": (b"<html>404 Not Found</html>", "GGUF magic bytes"),
        "cut-in-header.gguf": (tiny.read_bytes()[:40], "ends inside its header"),
        "cut-in-data.gguf": (tiny.read_bytes()[:-4], "truncated"),
        "empty.gguf": (b"", "GGUF magic bytes"),
    }
    for name, (data, words) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(UserError, match=words) as err:
            check_gguf(path)
        assert name in str(err.value)


@pytest.mark.unit
def test_signals_are_named():
    assert how_it_ended(-11) == "was killed by SIGSEGV"
    assert how_it_ended(-9) == "was killed by SIGKILL"
    assert how_it_ended(1) == "exited with code 1"


# --- a model process that really dies --------------------------------------------------------


@pytest.fixture(scope="module")
def fake_index(tmp_path_factory):
    s = Settings(corpus_dir=CORPUS, index_dir=tmp_path_factory.mktemp("idx") / "index")
    build_index(s, HashingEmbedder(), progress=False)
    return s


def _pipeline(fake_index, model, command=CRASHING):
    s = Settings(
        corpus_dir=fake_index.corpus_dir,
        index_dir=fake_index.index_dir,
        llm=f"llamacpp:{model}",
        llamacpp_server=command,
    )
    p = Pipeline(s, HashingEmbedder()).load()
    p.answerer.abstain_threshold = 0.0  # the fake embedder's scores are not calibrated
    return p


@pytest.mark.unit
def test_model_dying_mid_answer_gives_the_extractive_answer_and_says_why(fake_index, tiny):
    p = _pipeline(fake_index, tiny)
    try:
        assert p.llm.server.alive()  # started at load, before any question
        ans = p.ask(QUESTION)
        extractive = p.ask(QUESTION, use_llm=False)
        assert ans.answer == extractive.answer and not ans.abstained
        g = ans.grounding
        assert g["fallback"] is True
        assert "tiny.gguf" in g["reason"] and "SIGSEGV" in g["reason"]
        assert any("SIGSEGV" in n and "extractive" in n for n in ans.notes)
        # the next question starts the server again; it dies again, and is reported again
        again = p.ask(QUESTION)
        assert again.grounding["fallback"] and "SIGSEGV" in again.grounding["reason"]
        assert p.llm.server.starts == 2
    finally:
        p.llm.close()


@pytest.mark.unit
def test_model_that_cannot_load_is_reported_before_any_question(fake_index, tiny):
    with pytest.raises(CocomError, match=r"tiny\.gguf was killed by SIGABRT while loading") as e:
        _pipeline(fake_index, tiny, CRASHING + " --die-at-start")
    assert "failed to load model" in str(e.value)  # the server's own last words


@pytest.mark.unit
def test_truncated_model_file_is_refused_before_the_server_starts(fake_index, tiny, tmp_path):
    cut = tmp_path / "cut.gguf"
    cut.write_bytes(tiny.read_bytes()[:-8])
    with pytest.raises(UserError, match="truncated"):
        _pipeline(fake_index, cut, "/nonexistent/server {model}")


@pytest.mark.unit
def test_eval_run_survives_a_dying_model(fake_index, tiny, tmp_path):
    p = _pipeline(fake_index, tiny)
    qs = tmp_path / "q.jsonl"
    qs.write_text(
        json.dumps(
            {
                "id": "a",
                "type": "fact",
                "question": QUESTION,
                "answers": ["NHS Somerset CCG"],
                "must_include": ["Somerset"],
                "sources": [{"article": "somerset-pooled-budgets", "passage": "Somerset"}],
            }
        )
    )
    try:
        report, _ = run_suite(
            p.settings, questions=qs, pipeline=p, progress=False, baseline=False, floors=None
        )
    finally:
        p.llm.close()
    assert report["grounding"]["fallbacks"] == report["grounding"]["answers_from_model"] == 1


@pytest.mark.unit
def test_ui_chat_shows_the_extractive_answer_and_the_crash(fake_index, tiny):
    from app.ui import build_app

    p = _pipeline(fake_index, tiny)
    try:
        demo = build_app(p)
        respond = next(fn.fn for fn in demo.fns.values() if getattr(fn, "api_name", None) == "chat")
        *_, (chat, panel, _) = respond(QUESTION, [], False)
    finally:
        p.llm.close()
    text = chat[-1]["content"]
    assert "Model answer not used" in text and "SIGSEGV" in text and "[1]" in text
    assert "fell back to the extractive answer" in panel and "SIGSEGV" in panel


@pytest.mark.integration
@pytest.mark.slow
def test_cli_reports_the_crash_and_exits_0(tmp_path, tiny):
    env = {
        **os.environ,
        "COCOM_CORPUS_DIR": str(CORPUS),
        "COCOM_INDEX_DIR": str(tmp_path / "index"),
        "COCOM_LLAMACPP_SERVER": CRASHING,
    }
    cli = [sys.executable, "-m", "rag.cli"]
    subprocess.run([*cli, "index"], env=env, check=True, capture_output=True, cwd=ROOT)
    ask = [*cli, "ask", "--llm", f"llamacpp:{tiny}", QUESTION]
    out = subprocess.run([*ask, "--json"], env=env, capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["grounding"]["fallback"] and "SIGSEGV" in data["grounding"]["reason"]
    assert "Somerset" in data["answer"] and data["citations"]
    text = subprocess.run(ask, env=env, capture_output=True, text=True, cwd=ROOT)
    assert text.returncode == 0, text.stderr
    assert "fell back to the extractive answer" in text.stdout and "SIGSEGV" in text.stdout


@pytest.mark.unit
def test_server_that_never_answers_is_stopped(tmp_path, tiny):
    server = ModelServer(tiny, "{python} -c 'import time; time.sleep(60)' {model}")
    server.start_timeout = 1.0
    with pytest.raises(CocomError, match="did not start within 1 s"):
        server.ensure_running()
    assert not server.alive()
    server.close()


@pytest.mark.unit
def test_native_llama_build_is_recognised(tmp_path):
    from rag.native_check import problems

    portable = tmp_path / "libggml-cpu.so"
    portable.write_bytes(b"\x7fELF ggml_cpu_has_amx_int8 AMX_INT8 ggml_backend_cpu_init")
    native = tmp_path / "libggml-cpu-native.so"
    native.write_bytes(b"\x7fELF ggml_backend_amx_mul_mat ggml_backend_amx_buffer_type")
    ok = {"AVX": "1", "AVX2": "1", "FMA": "1", "F16C": "1", "AMX_INT8": "0", "AVX512": "0"}
    assert problems([portable], ok) == []
    assert any("ggml_backend_amx_" in p for p in problems([native], ok))
    assert any("AVX512" in p for p in problems([portable], {**ok, "AVX512": "1"}))
    assert any("AMX_INT8" in p for p in problems([portable], {**ok, "AMX_INT8": "1"}))
