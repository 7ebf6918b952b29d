""" "Did X say '…'?" checks the words in quotation marks word for word against every quote: the
rest of the question ("describe the situation as") need not resemble the quote. Articles
written for this test."""

import pytest

ECHO = """Practice closures leave thousands without a GP

More than 9,000 patients in Dunmoor have lost their surgery this year.

Dr Alan Price, secretary of Dunmoor LMC, said the situation in the town was ‘bleak and getting steadily bleaker by the month’.

Karen Webb, chief officer of NHS Dunmoor CCG, said: “We are working with neighbouring practices to make sure every patient is offered a new place.”

One leaflet handed out at the market read: “Save our surgeries before the last doctor leaves town.”
"""

Q_OTHER = (
    "Did Karen Webb describe what patients in the town now face after the closures as "
    "‘bleak and getting steadily bleaker’?"
)


@pytest.mark.integration
def test_quoted_words_said_by_someone_else_name_the_speaker(written):
    p = written({"echo-dunmoor-closures.txt": ECHO})
    ans = p.ask(Q_OTHER)
    assert ans.answer.startswith("No") and "Dr Alan Price" in ans.answer, ans.answer
    own = p.ask("Did Alan Price call the situation 'bleak and getting steadily bleaker'?")
    assert own.answer.startswith("Yes") and "Dr Alan Price" in own.answer, own.answer
    # someone the articles never quote: the words are still someone else's
    stranger = p.ask("Did Tom Reed say the situation was 'bleak and getting steadily bleaker'?")
    assert stranger.answer.startswith("No") and "Dr Alan Price" in stranger.answer
    # words of an unattributed quote are never given to anyone
    leaflet = p.ask("Did Karen Webb say 'Save our surgeries before the last doctor leaves'?")
    assert "Karen Webb said" not in leaflet.answer
    assert leaflet.answer.startswith(("Not confirmed", "Not found")), leaflet.answer


@pytest.mark.unit
def test_only_spans_in_quotation_marks_of_three_words_count():
    from rag.attribution import _QUOTED_SPAN

    spans = [m.group(1) for m in _QUOTED_SPAN.finditer(Q_OTHER)]
    assert spans == ["bleak and getting steadily bleaker"]
    assert not list(_QUOTED_SPAN.finditer("Did the CCG's chair say Dudley's plan was good?"))
