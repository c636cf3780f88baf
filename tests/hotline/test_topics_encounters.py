"""Gatherings around the call and what "mediation" names (issue 14):

- an encounter face to face or at a gathering, whenever it was ("met face to face for the first time at the G20
  summit", "coincidieron en la cumbre de la CELAC") ends the call's passage: what the leaders said there is not the
  call's;
- "desde la cumbre ...", "en la antesala de la cumbre ..." after the call date it by another event: no topic;
  a summit's preparation discussed on the call stays one;
- a third party's mediation is the conflict's matter, not the two countries' relations (English "mediation" is no
  keyword of foreign_relations).

Every text was written for these tests in the styles of wire copy and the Spanish-language press; none is taken from
the evaluation corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference

DAY = dt.date(2026, 2, 6)  # a Friday
_PETRO = (
    "BOGOTÁ - El presidente Gustavo Petro conversó el martes por teléfono con el presidente de Brasil, Luiz Inácio "
    "Lula da Silva, sobre la Amazonía"
)


def _discussed(reference: Reference, text: str) -> set[str]:
    facts = written.extract(reference, text, DAY, title="")
    return {t.topic_code for t in facts.topics if t.status == "discussed"}


@pytest.mark.parametrize(
    ("text", "kept", "left_out"),
    [
        (
            "OTTAWA - Prime Minister Mark Carney spoke by phone with Australian Prime Minister Anthony Albanese on "
            "Tuesday about critical minerals. The two leaders met face to face for the first time at the G20 summit in "
            "Johannesburg, where they agreed to work together on supply chains.",
            "critical_minerals",
            "multilateral_forums",
        ),
        (
            _PETRO + ". Ambos mandatarios coincidieron en la cumbre de la CELAC en Santa Marta, donde hablaron de la "
            "integración regional.",
            "climate",
            "multilateral_forums",
        ),
        (
            _PETRO + ", en su primera conversación desde la cumbre del G20 en Johannesburgo.",
            "climate",
            "multilateral_forums",
        ),
        (
            _PETRO + " en la antesala de la cumbre de la CELAC, informó la Presidencia.",
            "climate",
            "multilateral_forums",
        ),
        (
            "LONDON - Prime Minister Keir Starmer spoke by phone with Qatar's Emir Sheikh Tamim bin Hamad Al Thani on "
            "Monday. They discussed Qatar's mediation between Israel and Hamas and the delivery of aid to Gaza.",
            "middle_east",
            "foreign_relations",
        ),
    ],
)
def test_gatherings_around_the_call_and_mediation(reference: Reference, text: str, kept: str, left_out: str) -> None:
    discussed = _discussed(reference, text)
    assert kept in discussed
    assert left_out not in discussed


def test_a_summit_s_preparation_discussed_on_the_call_stays(reference: Reference) -> None:
    text = _PETRO + ". Ambos repasaron también la preparación de la cumbre de la CELAC."
    assert "multilateral_forums" in _discussed(reference, text)
