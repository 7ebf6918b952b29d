"""The LLM path's wiring with langchain-core's deterministic fake chat model (the model's real
behaviour is tested with a real local model in test_llm_integration.py)."""

import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from rag.chain import Pipeline
from rag.embeddings import HashingEmbedder
from rag.evaluation.suite import run_suite
from rag.index import build_index
from rag.llm import LLMAnswerer, LLMSpec
from rag.settings import Settings

from .conftest import CORPUS

pytestmark = pytest.mark.unit

QUESTION = "What share of CCGs wanted to performance manage the GP contract?"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    s = Settings(corpus_dir=CORPUS, index_dir=tmp_path_factory.mktemp("idx") / "index")
    emb = HashingEmbedder()
    build_index(s, emb, progress=False)
    return s, emb


def _pipeline(base, responses):
    s, emb = base
    p = Pipeline(s, emb).load()
    p.answerer.abstain_threshold = 0.0  # the fake embedder's scores are not calibrated
    p.llm = LLMAnswerer(LLMSpec("openai", "fake", "http://127.0.0.1:1/v1"), p.index.quotes)
    p.llm._model = FakeListChatModel(responses=responses)
    return p


def test_grounded_model_answer_is_used_and_renumbered(base):
    p = _pipeline(base, ["replaced below, once the passage number is known"])
    hits = p.retriever.search(QUESTION)
    good = next(i for i, h in enumerate(hits, 1) if "145 CCGs" in h.chunk.text)
    p.llm._model = FakeListChatModel(
        responses=[
            "A Pulse analysis of proposals submitted by 145 CCGs in June found that 32% had signalled "
            f"they wanted to take on performance management of the GP contract [{good}]."
        ]
    )
    ans = p.ask(QUESTION)
    assert ans.grounding == {"sentences": 1, "dropped": 0, "fallback": False, "reason": ""}
    assert ans.answer.endswith("[1].") and "32%" in ans.answer
    assert ans.citations[0].text == hits[good - 1].chunk.text


def test_ungrounded_model_answer_falls_back_to_extractive(base):
    p = _pipeline(base, ["The GPC has agreed to abolish QOF in 2019 [1]. Everyone is happy [9]."])
    ans = p.ask(QUESTION)
    extractive = p.ask(QUESTION, use_llm=False)
    assert ans.grounding == {
        "sentences": 2,
        "dropped": 2,
        "fallback": True,
        "reason": "the model's answer was not grounded enough",
    }
    assert ans.answer == extractive.answer
    assert "2019" not in ans.answer


def test_streaming_shows_only_checked_sentences(base):
    p = _pipeline(
        base, ["Made-up claim about 99% of practices [1]. Another invented figure of 77% [1]."]
    )
    parts = list(p.stream(QUESTION))
    assert all(final is None for _, final in parts[:-1]) and parts[-1][1] is not None
    assert all("99%" not in text and "77%" not in text for text, _ in parts)


def test_eval_compares_model_with_extractive(base, tmp_path):
    p = _pipeline(base, ["Nothing grounded here [1]."] * 10)
    qs = tmp_path / "q.jsonl"
    qs.write_text(
        "\n".join(
            json.dumps(x)
            for x in [
                {
                    "id": "a",
                    "type": "number",
                    "question": QUESTION,
                    "answers": ["32%"],
                    "must_include": ["32%"],
                    "sources": [
                        {
                            "article": "third-of-ccgs-police-gp-contracts",
                            "passage": "32% had signalled",
                        }
                    ],
                },
                {"id": "b", "type": "unanswerable", "question": "What is the capital of France?"},
            ]
        )
    )
    report, _ = run_suite(
        p.settings, questions=qs, pipeline=p, progress=False, baseline=False, floors=None
    )
    assert "extractive" in report and report["grounding"]["answers_from_model"] >= 1
    assert report["grounding"]["fallbacks"] == report["grounding"]["answers_from_model"]
