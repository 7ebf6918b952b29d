"""'What did X of ORG say …?': X is named where they speak, ORG anywhere in the article (and
"X of ORG" is a name the articles use when each part is); 'Did X write that …?' asks after what X
wrote. Articles written for this test, indexed with the real model."""

import pytest

from rag.attribution import parse_intent

PAGE = """Whitehall patients told to register elsewhere

Shropshire CCG has written to the 3,000 patients of Whitehall Medical Practice after the practice closed.

The patients have until the end of the month to register with another surgery in the town.

Nicky Wilde, director of primary care, said: "We are confident that patients will be able to find places at nearby GP practices."
"""


@pytest.mark.unit
def test_did_x_write_that_names_x_alone():
    intent = parse_intent("Did Jo Hale write that GPC believes mergers need approval?")
    assert intent is not None and intent.kind == "verify" and intent.name == "Jo Hale"


@pytest.mark.integration
def test_a_speaker_named_with_their_body_is_found_where_they_speak(written):
    from rag.qtypes import analyse

    p = written({"echo-whitehall.txt": PAGE})
    q = "What did Nicky Wilde of Shropshire CCG say about Whitehall patients finding a new GP?"
    ans = p.ask(q)
    assert not ans.abstained and "confident that patients will be able to find" in ans.answer
    # the sentence quoting her names her, not her body: it reports what she says only when her
    # body may be named elsewhere in the article
    qvec = p.embedder.embed_query_vector(q)
    hits = p.retriever.search(q, query_vector=qvec)
    said = next(c for c in p.answerer.candidates(analyse(q), qvec, hits) if "confident" in c.text)
    assert p.answerer.names(said, "Nicky Wilde of Shropshire CCG")
    p.answerer.disabled = frozenset({"speaker_of_body"})
    assert not p.answerer.names(said, "Nicky Wilde of Shropshire CCG")
