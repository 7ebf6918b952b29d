"""Every rule of the reviewed furniture list (rag/data/furniture.yaml) removes its examples and
keeps its prose; the list is well formed."""

import pytest

from rag.furniture import furniture_kind, furniture_rules

pytestmark = pytest.mark.unit

RULES = furniture_rules()


def _id(rule) -> str:
    return f"{rule.kind}:{rule.pattern.pattern[:40]}"


@pytest.mark.parametrize("rule", RULES, ids=[_id(r) for r in RULES])
def test_rule_removes_its_examples_and_keeps_its_prose(rule):
    assert rule.examples, "every rule needs at least one example it removes"
    for line in rule.examples:
        assert rule.matches(line), line
        assert furniture_kind(line) is not None, line
    for line in rule.keep:
        assert furniture_kind(line) is None, line


def test_search_rules_state_their_word_limit():
    assert all(r.max_words > 0 for r in RULES if r.search)


@pytest.mark.parametrize(
    "line",
    [
        "Dr Ann Lowe, chair of Northshire CCG, said practices would be consulted.",
        "Amir Patel, chief officer, Westvale CCG",
        "Co-commissioning: what it means for practices",
        "Home visits will be protected under the new contract.",
        "News of the merger was welcomed by the LMC.",
    ],
)
def test_article_lines_are_not_furniture(line):
    assert furniture_kind(line) is None
