"""Topics of the call, not of the article, and negations that win (issue 14).

Every example was written for these tests by the team, in the styles of wire copy, government readouts and the
Spanish-language press; none is taken from the seed corpus or the evaluation corpus. Each test names the rule.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.facts import ArticleFacts
from hotline.reference import Reference

DAY = dt.date(2025, 6, 6)  # a Friday


def extract(reference: Reference, text: str) -> ArticleFacts:
    return written.extract(reference, text, DAY)


topics = written.first_call_topics


# --- which sentences belong to the call ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "discussed", "not_the_calls"),
    [
        (  # wire: the call, its readout in the next paragraph, then a background paragraph about history
            "OTTAWA (Reuters) - Prime Minister Mark Carney and President Donald Trump spoke by phone on Thursday.\n\n"
            "The leaders discussed fentanyl and the border, the Prime Minister's Office said.\n\n"
            "Last year, the two countries clashed over steel and aluminum tariffs.",
            {"fentanyl", "border"},
            {"steel", "aluminum", "tariffs"},
        ),
        (  # Spanish press: the readout's list in a paragraph of its own, then a trip
            "La presidenta Claudia Sheinbaum conversó por teléfono este jueves con Donald Trump.\n\n"
            "Los mandatarios abordaron la migración, la seguridad y el comercio bilateral.\n\n"
            "La semana pasada, el canciller viajó a Washington para hablar de agua y de remesas.",
            {"migration", "security", "trade"},
            {"water", "remittances"},
        ),
        (  # another event named before anything is said to be discussed: a summit, not the call
            "Trump and Sheinbaum spoke by phone on Thursday about tariffs.\n\n"
            "At the summit in Ottawa, leaders had focused on energy and water.",
            {"tariffs"},
            {"energy", "water"},
        ),
        (  # a participant's own words in a later paragraph are the call's
            "Chinese President Xi Jinping held a video call with Donald Trump on Thursday.\n\n"
            "The summit in June had gone badly, officials recalled.\n\n"
            "On trade, Xi said the two sides should cut tariffs on farm products.",
            {"trade", "tariffs", "agriculture"},
            set(),
        ),
        (  # a date of another month anchors a sentence to another event
            "Trump and Carney spoke by phone on Thursday about the border.\n"
            "Washington has applied tariffs on automobiles since April.",
            {"border"},
            {"tariffs", "automotive"},
        ),
    ],
)
def test_topics_of_the_call_not_of_the_article(
    reference: Reference, text: str, discussed: set[str], not_the_calls: set[str]
) -> None:
    facts = extract(reference, text)
    assert topics(facts, "discussed") >= discussed
    assert not topics(facts, "discussed") & not_the_calls


@pytest.mark.parametrize(
    ("text", "topic", "is_topic"),
    [
        (
            "Trump and Carney spoke by phone on Thursday. Carney said Canada would respond to the tariffs.",
            "canada",
            False,
        ),
        ("Sheinbaum y Trump hablaron por teléfono el jueves sobre Canadá y el T-MEC.", "canada", True),
        ("Trump and Carney spoke by phone on Thursday and discussed Canada.", "canada", True),
        (
            "Trump and Sheinbaum spoke by phone on Thursday; Sheinbaum said Canada backs the USMCA review.",
            "canada",
            True,
        ),
    ],
)
def test_a_participants_own_country_is_a_topic_only_as_the_subject(
    reference: Reference, text: str, topic: str, is_topic: bool
) -> None:
    assert (topic in topics(extract(reference, text), "discussed")) is is_topic


@pytest.mark.parametrize(
    ("text", "discussed"),
    [
        (  # wire: the readout's list dates another event further on; the participants are the subject
            "BRASILIA (Reuters) - Brazilian President Luiz Inacio Lula da Silva spoke by phone with Argentine "
            "President Javier Milei on Thursday.\n\n"
            "The two leaders also discussed energy and the Mercosur summit to be held in Asuncion on July 8.",
            {"energy", "multilateral_forums"},
        ),
        (  # Spanish press: "ambos mandatarios hablaron de ..." with a date of the summit they talked about
            "El presidente Gustavo Petro conversó el martes por teléfono con Lula da Silva.\n\n"
            "De acuerdo con el comunicado, ambos mandatarios hablaron del narcotráfico y de la cumbre amazónica "
            "que se celebrará en Belém el 8 de agosto.",
            {"drug_trafficking"},
        ),
        (  # government readout: a named participant leads the discussion verb
            "Prime Minister Anthony Albanese spoke with President Emmanuel Macron of France on Thursday.\n\n"
            "Prime Minister Albanese and President Macron reviewed the submarine dispute settled in June 2022 and "
            "agreed to deepen cooperation on critical minerals.",
            {"critical_minerals"},
        ),
    ],
)
def test_a_discussion_by_the_participants_is_the_calls_though_it_dates_another_event(
    reference: Reference, text: str, discussed: set[str]
) -> None:
    assert topics(extract(reference, text), "discussed") >= discussed


def test_an_earlier_meeting_in_person_is_no_part_of_the_call(reference: Reference) -> None:
    text = (
        "Petro y Lula conversaron por teléfono el jueves sobre migración.\n\n"
        "Petro y Lula coincidieron por última vez en persona en la cumbre de la OTAN, donde acordaron "
        "reforzar la defensa aérea."
    )
    facts = extract(reference, text)
    assert "migration" in topics(facts, "discussed")
    assert not topics(facts, "discussed") & {"multilateral_forums", "defense"}


def test_in_a_round_of_calls_a_sentence_naming_one_counterpart_is_that_calls(reference: Reference) -> None:
    text = (
        "KYIV (AP) - President Volodymyr Zelenskyy spoke by phone on Thursday with British Prime Minister Keir "
        "Starmer and Polish Prime Minister Donald Tusk.\n\n"
        "Zelenskyy said he and Tusk discussed the protection of the energy system.\n\n"
        "With Starmer, Zelenskyy said he discussed air defense."
    )
    facts = extract(reference, text)
    by_call: dict[str, set[str]] = {}
    for t in facts.topics:
        by_call.setdefault(t.mention_id, set()).add(t.topic_code)
    names = {m.mention_id: {p.official_id for p in m.participants} for m in facts.calls}
    tusk = next(m for m, ids in names.items() if "donald_tusk" in ids)
    starmer = next(m for m, ids in names.items() if "keir_starmer" in ids)
    assert "energy" in by_call.get(tusk, set())
    assert "energy" not in by_call.get(starmer, set())
    assert "defense" in by_call.get(starmer, set())
    assert "defense" not in by_call.get(tusk, set())


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Rutte spoke by phone with Zelensky on Thursday and reaffirmed support for Ukraine.", "ukraine_war"),
        (  # a participant's own country that is not a country topic: the war, in Spanish
            "Lula habló por teléfono con Zelenski el jueves. Ambos abordaron la situación en Ucrania.",
            "ukraine_war",
        ),
    ],
)
def test_a_topic_that_merely_has_a_participants_country_among_its_keywords_counts(
    reference: Reference, text: str, topic: str
) -> None:
    assert topic in topics(extract(reference, text), "discussed")


def test_a_keyword_phrase_split_by_a_quote_is_found(reference: Reference) -> None:
    text = 'Sheinbaum y Trump hablaron por teléfono el jueves sobre los aranceles "recíprocos" y la migración.'
    assert {"tariffs", "migration"} <= topics(extract(reference, text), "discussed")


def test_an_open_question_leaves_what_comes_before_it_claimed(reference: Reference) -> None:
    text = (
        "Carney and Luxon spoke by phone on Saturday. The call dealt mainly with trade. A spokesperson would not say "
        "whether tariffs came up."
    )
    facts = extract(reference, text)
    assert "trade" in topics(facts, "discussed")
    assert "tariffs" not in {t.topic_code for t in facts.topics}


def test_the_claimant_of_a_topic_is_the_leader_who_said_it(reference: Reference) -> None:
    facts = extract(
        reference, "Sheinbaum y Trump hablaron por teléfono el jueves. Sheinbaum dijo que hablaron de remesas."
    )
    claims = {t.topic_code: t for t in facts.topics}
    assert claims["remittances"].claimant_official_id == "claudia_sheinbaum"
    assert claims["remittances"].evidence.text.startswith("Sheinbaum dijo")


# --- negation -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "negated", "not_negated"),
    [
        (
            "Trump and Sheinbaum spoke by phone on Thursday. They did not discuss Cuba, Venezuela or migration.",
            {"cuba", "venezuela", "migration"},
            set(),
        ),
        (
            "Sheinbaum y Trump hablaron por teléfono el jueves. No se habló de migración, de remesas ni del agua.",
            {"migration", "remittances", "water"},
            set(),
        ),
        (  # a noun before its adjective: the adjective is the head topic
            "Sheinbaum y Trump hablaron por teléfono el jueves. Según la prensa, la disputa agrícola por las "
            "importaciones de maíz, que enfrentó a ambos países, quedó fuera de la conversación.",
            {"agriculture"},
            {"trade"},
        ),
        (  # a possessor country goes with what it possesses: its election, and the country's affairs
            "Trump and Sheinbaum spoke by phone on Thursday. Venezuela's presidential election was not raised.",
            {"elections", "venezuela"},
            set(),
        ),
        (  # a possessor that is no country yields to what it possesses
            "Trump and Carney spoke by phone on Thursday. The G7's trade agenda was not discussed, officials said.",
            {"trade"},
            {"multilateral_forums"},
        ),
        (  # "the political situation after the elections": "political" is a light word before the head
            "Petro y Lula hablaron por teléfono el jueves. Fuentes oficiales precisaron que la situación política "
            "tras las elecciones quedó fuera de la conversación.",
            {"elections"},
            set(),
        ),
        (  # "ambos dejan X fuera de la conversación" in a headline
            "Lula y Petro conversan por teléfono y ambos dejan Venezuela fuera de la conversación\n\n"
            "El presidente de Brasil, Luiz Inácio Lula da Silva, conversó por teléfono este jueves con Gustavo Petro.",
            {"venezuela"},
            set(),
        ),
        (  # a head that is no topic yields to the country it is with
            "Sheinbaum y Trump hablaron por teléfono el jueves. No se habló del tratado de libre comercio con China.",
            {"china"},
            set(),
        ),
        (  # a relative clause is no part of the negated list
            "Sheinbaum y Trump hablaron por teléfono el jueves. Tampoco se habló de las consultas que Estados Unidos "
            "y Canadá solicitaron.",
            set(),
            {"canada"},
        ),
        (  # "No, no se habló de eso" answers the question of its sentence
            "Sheinbaum y Trump hablaron por teléfono el jueves. A pregunta sobre si se habló de vacunas, la "
            'presidenta respondió: "No, no se habló de eso".',
            {"health"},
            set(),
        ),
        ("Trump and Carney spoke by phone on Thursday. Trade had not been discussed, Carney said.", {"trade"}, set()),
        (  # a bare "no" that ends the sentence answers its question
            "Ruto and Abiy spoke by phone on Monday. Asked whether the port of Berbera came up in the call, Ruto's "
            "office said it had not.",
            {"infrastructure"},
            set(),
        ),
        (
            "Petro y Lula hablaron por teléfono el lunes. Consultado sobre si se habló de Venezuela, el canciller dijo "
            "que no.",
            {"venezuela"},
            set(),
        ),
        (  # the subject starts after "precisó que", not after the relative "que" inside it
            "Sheinbaum y Trump hablaron por teléfono el jueves. El vocero precisó que la guerra en Gaza y la demanda "
            'que México presentó contra Israel "no se abordaron" en la llamada.',
            {"middle_east"},
            set(),
        ),
    ],
)
def test_negated_lists_and_heads(reference: Reference, text: str, negated: set[str], not_negated: set[str]) -> None:
    facts = extract(reference, text)
    assert topics(facts, "not_discussed") >= negated
    assert not topics(facts, "not_discussed") & not_negated


def test_a_negation_is_claimed_beside_a_mention_elsewhere(reference: Reference) -> None:
    """Both claims reach the warehouse, which resolves them to not_discussed with has_conflicting_claims
    (bridge_call_topics and its dbt unit test)."""
    text = (
        "Trump and Sheinbaum spoke by phone on Thursday about remittances.\n"
        "Sheinbaum later said remittances were not discussed."
    )
    facts = extract(reference, text)
    assert "remittances" in topics(facts, "discussed")
    assert "remittances" in topics(facts, "not_discussed")


@pytest.mark.parametrize(
    "text",
    [
        "Trump and Carney spoke by phone on Thursday. A spokesperson would not say whether tariffs came up.",
        "Sheinbaum y Trump hablaron por teléfono el jueves. La presidenta no aclaró si se habló de remesas.",
        "Trump and Carney spoke by phone on Thursday. The White House declined to say whether steel was raised.",
    ],
)
def test_an_open_question_is_neither_discussed_nor_not(reference: Reference, text: str) -> None:
    facts = extract(reference, text)
    assert facts.calls
    assert not {t.topic_code for t in facts.topics} & {"tariffs", "remittances", "steel"}
