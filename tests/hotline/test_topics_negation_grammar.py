"""Negations told in more of the grammar outlets use (issue 14, point 3), and subjects named in other words.

Object negations ("made no reference to", "there was no discussion about", "sin que se abordara", "no hubo
conversación sobre", "no se llegó a hablar de", "No se habló, en cambio, de", "no hubo lugar en la charla para"),
subject negations ("X was not a topic of the call", "is not something we talked about", "remained off the
agenda", "no fue materia de la llamada", "no salió a colación", "no estuvo entre los temas"), the elliptical
coordination after a negation ("and neither was X", "nor did X"), a second "that" of the same speech verb ("said
tariffs were not discussed, and that migration was not discussed either"), a list after a colon ("Not
discussed: ..."), and a duty named after its goods ("the steel tariffs": both).

Every text was written for these tests in the styles of wire copy, government readouts and the Spanish-language
and Asian press; none is taken from the seed corpus or the evaluation corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference

DAY = dt.date(2025, 7, 11)  # a Friday
_WIRE = (
    "WASHINGTON — President Donald Trump spoke by phone on Thursday with Mexican President Claudia Sheinbaum about "
    "security cooperation, the White House said.\n\n"
)
_PRENSA = (
    "CIUDAD DE MÉXICO. La presidenta Claudia Sheinbaum conversó este jueves por teléfono con el presidente de "
    "Estados Unidos, Donald Trump, sobre la cooperación en seguridad.\n\n"
)


def _claims(reference: Reference, text: str) -> tuple[set[str], set[str]]:
    facts = written.extract(reference, text, DAY, title="")
    return written.first_call_topics(facts, "not_discussed"), written.first_call_topics(facts, "discussed")


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("The two leaders made no reference to the steel tariffs, a Mexican official said.", {"steel", "tariffs"}),
        ("There was no discussion about remittances, according to the official.", {"remittances"}),
        ("Migration was not a topic of the call, the spokeswoman said.", {"migration"}),
        ("Water deliveries were not on the call's agenda, officials said.", {"water"}),
        ("Tariffs did not come up, nor did the border wall.", {"tariffs", "border"}),
        ('"Fentanyl is not something we talked about today," Sheinbaum told reporters.', {"fentanyl"}),
        ("Remittances were kept out of the conversation, an aide said.", {"remittances"}),
        ("The leaders did not get to the issue of water deliveries, she said.", {"water"}),
        (
            "Sheinbaum said tariffs were not discussed, and that migration was not discussed either.",
            {"tariffs", "migration"},
        ),
        (
            "Not discussed: tariffs, migration or the water treaty, a senior official said.",
            {"tariffs", "migration", "water"},
        ),
        ("The auto tariffs remained off the agenda, the official said.", {"automotive", "tariffs"}),
    ],
)
def test_english_negations(reference: Reference, sentence: str, negated: set[str]) -> None:
    not_discussed, discussed = _claims(reference, _WIRE + sentence)
    assert negated <= not_discussed
    assert not negated & discussed
    assert "security" in discussed


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("No hubo conversación sobre los aranceles al acero, precisó la mandataria.", {"tariffs", "steel"}),
        ("La migración no fue materia de la llamada, aclaró Sheinbaum.", {"migration"}),
        ("Las remesas no fueron objeto de la conversación, según la Cancillería.", {"remittances"}),
        ("El tema del agua no estuvo presente en la conversación, dijo la presidenta.", {"water"}),
        ("Ninguno de los dos mandatarios se refirió a los aranceles, de acuerdo con la Presidencia.", {"tariffs"}),
        ("No se llegó a hablar del tratado de aguas, reconoció la mandataria.", {"water"}),
        ("La revisión del T-MEC no apareció en la conversación, según fuentes oficiales.", {"usmca"}),
        ("No se habló, en cambio, de la deportación de migrantes, precisó la vocera.", {"migration"}),
        ("No se profundizó en el tema de las remesas, explicó la presidenta.", {"remittances"}),
        ("Los aranceles no se pusieron sobre la mesa, dijo Sheinbaum.", {"tariffs"}),
        ("No se dialogó sobre el muro fronterizo, añadió.", {"border"}),
        ("El tema migratorio no fue tocado durante la llamada, aseguró la mandataria.", {"migration"}),
        ("La extradición de narcotraficantes no estuvo entre los temas de la conversación.", {"drug_trafficking"}),
    ],
)
def test_spanish_negations(reference: Reference, sentence: str, negated: set[str]) -> None:
    not_discussed, discussed = _claims(reference, _PRENSA + sentence)
    assert negated <= not_discussed
    assert not negated & discussed
    assert "security" in discussed


def test_sin_que_negates_what_follows_in_the_call_sentence(reference: Reference) -> None:
    text = (  # Mexican press, one sentence
        "La presidenta Claudia Sheinbaum habló por teléfono este jueves con el primer ministro canadiense, Mark "
        "Carney, sobre la relación comercial trilateral, sin que se abordara el tema de las remesas."
    )
    not_discussed, discussed = _claims(reference, text)
    assert not_discussed == {"remittances"}
    assert discussed == {"trade"}


def test_no_room_in_the_talk_for_a_list(reference: Reference) -> None:
    text = (  # Argentine daily
        "BUENOS AIRES.- El presidente Javier Milei mantuvo ayer una conversación telefónica con su par de Brasil, Luiz "
        "Inácio Lula da Silva, en la que repasaron la situación del Mercosur.\n\n"
        "Según fuentes de la Casa Rosada, no hubo lugar en la charla ni para los aranceles ni para las elecciones "
        "en Bolivia."
    )
    not_discussed, discussed = _claims(reference, text)
    assert not_discussed == {"tariffs", "elections"}
    assert discussed == {"multilateral_forums"}


def test_neither_was_after_a_negation(reference: Reference) -> None:
    text = (  # US wire
        "WASHINGTON — President Trump and Chinese leader Xi Jinping held a 90-minute phone call Thursday that was "
        "dominated by trade, with both sides agreeing to resume talks on chips and rare-earth magnets.\n\n"
        "The Taiwan question was not brought up, according to a person familiar with the call, and neither was "
        "fentanyl."
    )
    not_discussed, discussed = _claims(reference, text)
    assert not_discussed == {"sovereignty", "fentanyl"}
    assert discussed == {"trade", "technology", "critical_minerals"}


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (  # an Indian readout: biofuels are energy
            "Prime Minister Narendra Modi received a phone call today from the President of Brazil, Luiz Inácio "
            "Lula da Silva. The two leaders reviewed cooperation in agriculture, health and biofuels.",
            {"agriculture", "health", "energy"},
        ),
        (  # a Brazilian wire: the rainforest is climate policy
            "BRASILIA (Reuters) - Brazilian President Luiz Inacio Lula da Silva and French President Emmanuel Macron "
            "discussed the Amazon rainforest during a phone call on Thursday, Lula's office said.",
            {"climate"},
        ),
        (  # a Philippine daily: the West Philippine Sea and a defence pact
            "MANILA, Philippines — President Ferdinand Marcos Jr. spoke with Japanese Prime Minister Shigeru Ishiba by "
            "telephone on Thursday, with the two leaders discussing the situation in the West Philippine Sea and "
            "ways to expand their reciprocal access agreement.",
            {"sovereignty", "defense"},
        ),
        (  # a Malaysian outlet: scam centres are organised crime
            "KUALA LUMPUR — Prime Minister Anwar Ibrahim and Indonesian President Prabowo Subianto discussed "
            "cooperation against online scam centres in a phone call on Thursday, his office said.",
            {"organized_crime"},
        ),
        (  # a Mexican readout: the agreement named by its region
            "La presidenta Claudia Sheinbaum sostuvo este jueves una llamada telefónica con el presidente Donald "
            "Trump. Durante la conversación se abordó la revisión del tratado comercial de América del Norte.",
            {"usmca"},
        ),
    ],
)
def test_subjects_in_other_words(reference: Reference, text: str, topics: set[str]) -> None:
    assert _claims(reference, text)[1] == topics


_LONDON = (
    "LONDON — Prime Minister Keir Starmer spoke by phone on Thursday with Indian Prime Minister Narendra Modi about "
    "the free trade agreement, Downing Street said.\n\n"
)
_MONCLOA = (
    "MADRID. El presidente del Gobierno, Pedro Sánchez, conversó este jueves por teléfono con el presidente de "
    "Brasil, Luiz Inácio Lula da Silva, sobre el acuerdo comercial entre la Unión Europea y el Mercosur.\n\n"
)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        (_LONDON + "Migration did not form part of the discussions, a spokesperson said.", {"migration"}),
        (_LONDON + "The visa issue was not dealt with, officials said.", {"migration"}),
        (_LONDON + "The leaders did not tackle the question of whisky tariffs, a source said.", {"tariffs"}),
        (_LONDON + "Defence cooperation was not up for discussion, the spokesperson said.", {"defense"}),
        (_LONDON + "Visas were not one of the topics discussed, a senior official said.", {"migration"}),
        (_LONDON + '"We didn\'t talk tariffs," Starmer told broadcasters.', {"tariffs"}),
        (_LONDON + "The Ukraine war never entered the conversation, according to a person briefed.", {"ukraine_war"}),
        (_LONDON + "No one raised the issue of migration, the official said.", {"migration"}),
        (_LONDON + "The boundary question was not talked about, according to Indian officials.", {"border"}),
        (_MONCLOA + "La inmigración no fue un tema de la conversación, aclararon las mismas fuentes.", {"migration"}),
        (_MONCLOA + "La cuestión de Venezuela no entró en la conversación, según las mismas fuentes.", {"venezuela"}),
        (_MONCLOA + "El conflicto en Oriente Próximo no fue uno de los asuntos tratados, precisaron.", {"middle_east"}),
        (_MONCLOA + "El diferendo limítrofe con Guyana no se abordó, según Itamaraty.", {"border"}),
    ],
)
def test_more_negation_verbs(reference: Reference, text: str, negated: set[str]) -> None:
    not_discussed, discussed = _claims(reference, text)
    assert negated <= not_discussed
    assert not negated & discussed
    assert "trade" in discussed


def test_without_touching_on_negates_in_the_call_sentence(reference: Reference) -> None:
    text = (
        "LONDON — Prime Minister Keir Starmer spoke by phone on Thursday with Indian Prime Minister Narendra Modi "
        "about the free trade agreement, without touching on defence sales, Downing Street said."
    )
    assert _claims(reference, text) == ({"defense"}, {"trade"})


def test_prescription_drugs_are_health_not_trafficking(reference: Reference) -> None:
    text = (  # Canadian wire: a duty on medicines
        "OTTAWA — Prime Minister Mark Carney spoke by phone with U.S. President Donald Trump on Thursday about the "
        "tariffs on prescription drugs and generic drugs, his office said."
    )
    assert _claims(reference, text)[1] == {"tariffs", "health"}
