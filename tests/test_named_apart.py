"""A question joining two names by "and" is asked of each when no article names both ("Why did
Lewes Road Surgery and Goodwood Court Surgery each shut?"); a pair some article names together
("Basildon and Brentwood CCG") stays one question."""

import pytest

from rag.compound import split_pair

LEWES = """Lewes Road Surgery to shut

Lewes Road Surgery in Dene will shut next month because its only GP, Dr Amir Shah, has retired and no new provider came forward.
"""

GOODWOOD = """Goodwood Court Surgery closed

Goodwood Court Surgery in Dene was closed this week after the regulator applied to the magistrates for an urgent cancellation of its registration.
"""


@pytest.mark.unit
def test_a_pair_is_split_only_when_named_apart():
    q = "Why did Lewes Road Surgery and Goodwood Court Surgery each shut in Dene?"
    assert split_pair(q, lambda a, b: True) == [
        "Why did Lewes Road Surgery each shut in Dene?",
        "Why did Goodwood Court Surgery each shut in Dene?",
    ]
    assert split_pair(q, lambda a, b: False) == [q]
    # "for X and for Y in Guildford": the place is the second's
    q = "Which CCGs handled the applications for Wickwar and for St Nicolas in Guildford?"
    assert split_pair(q, lambda a, b: True)[0] == "Which CCGs handled the applications for Wickwar?"


@pytest.mark.integration
def test_each_of_two_names_no_article_names_together_is_answered(written):
    p = written({"echo-lewes.txt": LEWES, "echo-goodwood.txt": GOODWOOD})
    assert p.answerer.named_apart("Lewes Road Surgery", "Goodwood Court Surgery")
    assert not p.answerer.named_apart("Lewes Road Surgery", "Dene")
    ans = p.ask("Why did Lewes Road Surgery and Goodwood Court Surgery each shut?")
    assert not ans.abstained and "retired" in ans.answer and "magistrates" in ans.answer
    assert {c.article_id for c in ans.citations} == {"echo-lewes", "echo-goodwood"}
    p.answerer.disabled = frozenset({"named_apart"})  # asked whole: one article's answer
    whole = p.ask("Why did Lewes Road Surgery and Goodwood Court Surgery each shut?")
    assert not ("retired" in whole.answer and "magistrates" in whole.answer)
