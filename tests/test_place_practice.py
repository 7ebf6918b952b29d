"""A place's name with a common noun for what is there ("the Parklands Village GP", "the
Norfolk and Waveney GP surgeries") is known when the articles name the place: the noun is no
part of a name the articles must use. Articles written for this test."""

import pytest

GAZETTE = """New surgery for Brockmoor Fields estate

A £4.2m surgery to serve 5,000 homes on the Brockmoor Fields estate outside Hallerton could open next spring.

The building will be owned by Hallerton Borough Council and funded with £1.1m from developers.

Patients from Brockmoor Fields will be able to register there once it opens.
"""


@pytest.mark.integration
def test_a_place_with_a_common_noun_after_it_is_known(written):
    p = written({"gazette-brockmoor.txt": GAZETTE})
    a = p.answerer
    assert a.known_entity("Brockmoor Fields GP")
    assert a.known_entity("Brockmoor Fields surgery")
    # one word before the noun is not a place's name, and the place must still be named
    assert not a.known_entity("Hallerton GP")
    assert not a.known_entity("Brockmoor Heath GP")
    a.disabled = frozenset({"place_practice"})
    assert not a.known_entity("Brockmoor Fields GP")
