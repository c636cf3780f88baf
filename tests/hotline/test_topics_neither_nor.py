"""A "neither A nor B" list with a verb that is not negative itself, and "sin entrar en" (issue 14): "Neither tariffs
nor migration came up", "Ni la migración ni los aranceles figuraron en la conversación" negate both (they were read
as discussed); "habló sobre el comercio, sin entrar en la cuestión migratoria" negates what follows.

Every text was written for these tests in the styles of wire copy and the Spanish-language press; none is taken from
the evaluation corpus.
"""

from __future__ import annotations

import pytest
import written

from hotline.reference import Reference

_STARMER = "LONDON - Prime Minister Keir Starmer spoke by phone with President Donald Trump on Monday about Ukraine. "
_SANCHEZ = (
    "MADRID - El presidente Pedro Sánchez conversó el martes por teléfono con el presidente de Argentina, Javier "
    "Milei, sobre el comercio"
)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        (_STARMER + "Neither tariffs nor migration came up, an aide said.", {"tariffs", "migration"}),
        (_STARMER + "Neither tariffs nor migration were on the agenda, an aide said.", {"tariffs", "migration"}),
        (_SANCHEZ + ". Ni la migración ni los aranceles figuraron en la conversación.", {"tariffs", "migration"}),
        (_SANCHEZ + ". Ni la migración ni los aranceles fueron abordados, según la Moncloa.", {"tariffs", "migration"}),
        (_SANCHEZ + ", sin entrar en la cuestión migratoria.", {"migration"}),
    ],
)
def test_a_list_of_neither_nor_and_sin_entrar_en_negate(reference: Reference, text: str, negated: set[str]) -> None:
    facts = written.extract(reference, text, written.TOPIC_DAY, title="")
    assert written.first_call_topics(facts, "not_discussed") == negated
    assert not negated & written.first_call_topics(facts, "discussed")
