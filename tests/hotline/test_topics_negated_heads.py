"""Negated topics whose head noun is no topic: the topic stands in the head's complement ("the dispute over
Mexican tomato exports was not raised", "la demanda argentina de gas natural"), a list opened by "ni" right after
the verb ("no se habló ni de ... ni de ..."), and what a document did not mention told with the topic as subject
("X was not mentioned in the readout": silence, neither discussed nor not discussed).

Every text was written for these tests in the styles of wire copy, government readouts and the Spanish-language
press; none is taken from the seed corpus or the evaluation corpus.
"""

from __future__ import annotations

import pytest
import written

from hotline.reference import Reference

_WIRE = (
    "OTTAWA, June 5 - Canadian Prime Minister Mark Carney spoke by phone on Thursday with Mexican President Claudia "
    "Sheinbaum, his office said. The two leaders discussed security cooperation. "
)
_PRENSA = (
    "MADRID, 5 jun - El presidente del Gobierno, Pedro Sánchez, habló por teléfono el jueves con el presidente de "
    "Argentina, Javier Milei. Ambos mandatarios abordaron la cooperación en seguridad. "
)


def _claims(reference: Reference, text: str) -> tuple[set[str], set[str]]:
    facts = written.extract(reference, text, written.TOPIC_DAY)
    return written.first_call_topics(facts, "not_discussed"), written.first_call_topics(facts, "discussed")


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        (_WIRE + "Carney did not raise Mexico's ban on genetically modified corn during the call.", "agriculture"),
        (_WIRE + "The sensitive issue of Mexican farm imports did not come up, an aide said.", "agriculture"),
        (_WIRE + "He said the two did not discuss further deliveries of missiles to the region.", "defense"),
        (_PRENSA + "Un portavoz precisó que la demanda argentina de gas natural no se abordó.", "energy"),
        (_PRENSA + "Tampoco se abordó el reclamo argentino para flexibilizar el arancel externo común.", "tariffs"),
    ],
)
def test_a_topic_in_the_complement_of_a_negated_head(reference: Reference, text: str, negated: str) -> None:
    not_discussed, discussed = _claims(reference, text)
    assert negated in not_discussed
    assert negated not in discussed


def test_a_country_in_a_complements_complement_is_where_not_what(reference: Reference) -> None:
    text = _WIRE + "The two did not discuss the deployment of Canadian troops to Venezuela, an aide said."
    not_discussed, _ = _claims(reference, text)
    assert "venezuela" not in not_discussed


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        (
            "El vocero añadió que no se habló ni de los aranceles ni de la situación en Venezuela.",
            {"tariffs", "venezuela"},
        ),
        (
            "Según fuentes oficiales, no abordaron ni la crisis en Gaza ni el gasto en defensa.",
            {"middle_east", "defense"},
        ),
        (
            "En la llamada no se trató la situación en Venezuela, ni tampoco la guerra en Gaza.",
            {"venezuela", "middle_east"},
        ),
    ],
)
def test_a_list_opened_by_ni_after_the_verb(reference: Reference, sentence: str, negated: set[str]) -> None:
    not_discussed, discussed = _claims(reference, _PRENSA + sentence)
    assert negated <= not_discussed
    assert not negated & discussed


@pytest.mark.parametrize(
    "sentence",
    [
        "Drug trafficking was not mentioned in the readout released by his office.",
        "The fight against drug trafficking, a concern on both sides of the border, was not mentioned in the "
        "information the presidency released.",
    ],
)
def test_what_a_document_did_not_mention_is_silence(reference: Reference, sentence: str) -> None:
    not_discussed, discussed = _claims(reference, _WIRE + sentence)
    assert "drug_trafficking" not in not_discussed | discussed


def test_what_was_not_mentioned_on_the_call_is_not_discussed(reference: Reference) -> None:
    not_discussed, _ = _claims(reference, _PRENSA + "El narcotráfico no fue mencionado en la conversación, dijo.")
    assert "drug_trafficking" in not_discussed


def test_a_country_possessor_is_a_light_word_before_the_head(reference: Reference) -> None:
    text = _WIRE + "The call also steered clear of Switzerland's troubled purchase of F-35 fighter jets, an aide said."
    not_discussed, discussed = _claims(reference, text)
    assert "defense" in not_discussed
    assert "defense" not in discussed
