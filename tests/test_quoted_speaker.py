"""'What did X say about T?': a sentence whose quote the quote index gives to X reports what X
says, though neither it nor the sentence before names X ("‘…,’ he said."). Articles
written for this test, indexed with the real model."""

import pytest

PAGE = """Health centres face cuts as contracts end

Three health centres in Dene opened under the last government face cuts as their contracts come up for review.

Shadow health minister Rob Castell told the Dene Echo he was worried that the centres would lose money.

The three centres serve about 20,000 patients between them.

“The board is forgetting why these centres were paid more in the first place, which was to bring doctors to the poorest streets,” he said.

The board said every contract would be reviewed in the same way.
"""


@pytest.mark.integration
def test_a_quote_given_to_x_by_the_quote_index_reports_what_x_says(written):
    from rag.qtypes import analyse

    p = written({"echo-dene-centres.txt": PAGE})
    q = "What did Rob Castell say about the board reviewing the centres?"
    ans = p.ask(q)
    assert not ans.abstained and "forgetting why these centres were paid more" in ans.answer
    qvec = p.embedder.embed_query_vector(q)
    hits = p.retriever.search(q, query_vector=qvec)
    said = next(c for c in p.answerer.candidates(analyse(q), qvec, hits) if "forgetting" in c.text)
    assert p.answerer.names(said, "Rob Castell")
    p.answerer.disabled = frozenset({"quoted_speaker"})
    assert not p.answerer.names(said, "Rob Castell")
