"""Question files: a follow-up's earlier turns as `history` or, questions alone, as `context`."""

import json

import pytest

from rag.errors import UserError
from rag.evaluation.cases import load_cases

pytestmark = pytest.mark.unit

BASE = {"id": "f1", "type": "follow-up", "question": "And how many patients does it have?"}


def _write(tmp_path, **extra):
    p = tmp_path / "q.jsonl"
    p.write_text(json.dumps({**BASE, **extra}) + "\n")
    return p


def test_context_gives_the_earlier_questions_as_user_turns(tmp_path):
    (case,) = load_cases(_write(tmp_path, context=["Which practice is closing in Wexley?"]))
    assert case.history == ({"role": "user", "content": "Which practice is closing in Wexley?"},)


def test_history_wins_over_context(tmp_path):
    turns = [{"role": "user", "content": "Q?"}, {"role": "assistant", "content": "A."}]
    (case,) = load_cases(_write(tmp_path, history=turns, context=["Other?"]))
    assert list(case.history) == turns


def test_a_context_that_is_not_a_list_of_questions_is_refused(tmp_path):
    with pytest.raises(UserError, match="'context' must be a list of earlier questions"):
        load_cases(_write(tmp_path, context="Which practice?"))
