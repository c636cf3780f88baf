"""Background told inside a call's passage (issue 14, point 2): a sentence that goes on after the call in the
perfect ("Trump has threatened a 30% tariff ...", "Noboa había impuesto ...") or whose main verb is a standing state
("Paraguay es uno de los doce países ...", "Libya remains divided ...") quoting no one claims no topic for the call,
while the passage goes on past it; a readout's stance in the present ("China is ready to work with Egypt on trade")
still does. The Spanish present perfect is the narrative tense of the press of Spain ("han mantenido este viernes
una conversación"): it is no background.

Every text was written for these tests in the styles of wire copy, government readouts and the Spanish-language
press; none is taken from the seed corpus or the evaluation corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference

DAY = dt.date(2025, 7, 11)  # a Friday
_WIRE = (
    "MEXICO CITY (Reuters) - Mexican President Claudia Sheinbaum spoke by phone with U.S. President Donald Trump on "
    "Thursday about security cooperation, her office said."
)


def _discussed(reference: Reference, text: str) -> set[str]:
    return written.first_call_topics(written.extract(reference, text, DAY, title=""), "discussed")


@pytest.mark.parametrize(
    "background",
    [
        "\n\nTrump has threatened to impose a 30% tariff on Mexican goods and has designated cartels as terrorist "
        "organizations.",
        " The United States has imposed tariffs of 25% on Mexican steel and aluminum.",
        " Mexico remains the largest buyer of U.S. corn and natural gas.",
    ],
)
def test_background_in_the_passage_claims_nothing(reference: Reference, background: str) -> None:
    assert _discussed(reference, _WIRE + background) == {"security"}


def test_the_passage_goes_on_past_the_background(reference: Reference) -> None:
    text = (
        _WIRE + " The United States has imposed tariffs of 25% on Mexican steel. Sheinbaum also raised the flow of "
        "weapons into Mexico, the statement said."
    )
    assert _discussed(reference, text) == {"security", "arms_trafficking"}


def test_spanish_pluperfect_is_background(reference: Reference) -> None:
    text = (
        "BOGOTÁ. El presidente Gustavo Petro habló por teléfono este jueves con su homólogo de Ecuador, Daniel "
        "Noboa, sobre la seguridad en la frontera.\n\n"
        "Noboa había impuesto un arancel a las importaciones colombianas y Petro había suspendido la venta de "
        "electricidad."
    )
    assert _discussed(reference, text) == {"security", "border"}


def test_a_readouts_stance_in_the_present_is_the_call(reference: Reference) -> None:
    text = (  # a Chinese readout
        "BEIJING, July 10 (Xinhua) -- Chinese President Xi Jinping held a phone conversation with Egyptian President "
        "Abdel Fattah al-Sisi on Thursday. China is ready to work with Egypt to deepen cooperation in trade and new "
        "energy."
    )
    assert {"trade", "energy"} <= _discussed(reference, text)


def test_the_spanish_present_perfect_tells_the_call(reference: Reference) -> None:
    text = (  # the press of Spain
        "MADRID. El presidente del Gobierno, Pedro Sánchez, y el presidente de Brasil, Luiz Inácio Lula da Silva, han "
        "mantenido este viernes una conversación telefónica. Sánchez ha trasladado a Lula su apoyo a la COP30 y "
        "ambos han repasado la cooperación energética."
    )
    assert {"multilateral_forums", "energy"} <= _discussed(reference, text)
