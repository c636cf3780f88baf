"""What a call's passage tells without anyone's voice, what documents leave out, and when a call fell (issue 14):

- a sentence that goes on after the call with no official, no verb of speech, readout or discussion, no quote, no
  first person, stance or agreement ("Shipments above the quota now pay a 50 per cent surtax") describes the world
  the call happened in: it claims no topic, and the passage goes on past it;
- a document that leaves a topic out ("Ninguno de los dos comunicados menciona ...", "El comunicado no hace
  referencia a ...") is silence, while a leader who did not refer to it on the call is a negation;
- "was not a subject" negates what stands before it;
- "between the two rounds of the election" dates the call: the election is no topic of it.

Every text was written for these tests in the styles of wire copy, government readouts and the Spanish-language
press; none is taken from the evaluation corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference

DAY = dt.date(2025, 7, 11)  # a Friday


def _topics(reference: Reference, text: str) -> set[tuple[str, str]]:
    return {(t.topic_code, t.status) for t in written.extract(reference, text, DAY, title="").topics}


_SHEINBAUM = (
    "OTTAWA (Wire) - Prime Minister Mark Carney spoke by phone with Mexican President Claudia Sheinbaum on Thursday "
    "about the steel quota, his office said."
)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (_SHEINBAUM + " Shipments above the quota now pay a 50 per cent surtax.", "tariffs"),
        (
            "MADRID (EFE) - El presidente Pedro Sánchez conversó el jueves por teléfono con el presidente uruguayo, "
            "Yamandú Orsi, sobre la cumbre de Sevilla. El acuerdo, negociado durante dos décadas, crearía una zona "
            "de libre comercio de 700 millones de personas.",
            "trade",
        ),
        (
            "NAIROBI - President William Ruto spoke by phone with President Samia Suluhu Hassan on Thursday about the "
            "regional railway. Both economies also face the 10% tariff that Washington applies to almost every "
            "country.",
            "tariffs",
        ),
    ],
)
def test_a_sentence_with_no_voice_claims_nothing(reference: Reference, text: str, absent: str) -> None:
    assert absent not in {code for code, _ in _topics(reference, text)}


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (  # a readout's passive is a voice
            "ASTANA - President Kassym-Jomart Tokayev held a telephone conversation with President Shavkat "
            "Mirziyoyev on Thursday about regional cooperation. Particular attention was paid to the joint use of "
            "the water resources of the Syr Darya basin.",
            "water",
        ),
        (  # a first person that agreed
            "CARACAS - El presidente Nicolás Maduro habló el jueves por teléfono con el presidente Gustavo Petro. "
            "Acordamos coordinar a las fuerzas de ambos países contra el narcotráfico.",
            "drug_trafficking",
        ),
    ],
)
def test_a_sentence_with_a_voice_still_claims(reference: Reference, text: str, present: str) -> None:
    assert (present, "discussed") in _topics(reference, text)


_LULA = (
    "BRASILIA - El presidente Pedro Sánchez conversó este martes por teléfono con el presidente de Brasil, Luiz "
    "Inácio Lula da Silva, sobre la cumbre del clima."
)


@pytest.mark.parametrize(
    "silence",
    [
        " Ninguno de los dos comunicados menciona la situación en Venezuela.",
        " El comunicado no hace referencia a la situación en Venezuela.",
    ],
)
def test_what_documents_leave_out_is_silence(reference: Reference, silence: str) -> None:
    assert "venezuela" not in {code for code, _ in _topics(reference, _LULA + silence)}


def test_a_leader_who_did_not_refer_to_a_topic_negates_it(reference: Reference) -> None:
    text = _LULA + " Lula no hizo referencia a la situación en Venezuela, según fuentes del Planalto."
    assert ("venezuela", "not_discussed") in _topics(reference, text)


def test_not_a_subject_is_a_negation(reference: Reference) -> None:
    text = (
        "BRATISLAVA - Hungarian Prime Minister Viktor Orbán spoke by phone with Slovak Prime Minister Robert Fico on "
        'Thursday about gas supplies. A government official said the election campaign "was not a subject".'
    )
    assert ("elections", "not_discussed") in _topics(reference, text)


@pytest.mark.parametrize(
    ("text", "discussed"),
    [
        (
            "WARSAW - Donald Tusk and Petr Fiala spoke by phone between the two rounds of Poland's presidential "
            "election, an official said. They discussed ammunition for Ukraine.",
            "ukraine_war",
        ),
        (
            "SANTIAGO - Gabriel Boric habló por teléfono con Gustavo Petro entre la primera y la segunda vuelta de "
            "las elecciones chilenas, sobre la cooperación energética.",
            "energy",
        ),
    ],
)
def test_between_two_rounds_dates_the_call(reference: Reference, text: str, discussed: str) -> None:
    topics = _topics(reference, text)
    assert ("elections", "discussed") not in topics
    assert (discussed, "discussed") in topics


def test_a_discussion_word_in_background_told_in_the_perfect_claims_nothing(reference: Reference) -> None:
    text = (
        _SHEINBAUM + " The relationship has been dominated this year by the review of the trilateral trade pact, "
        "and Washington raised duties on lumber this month."
    )
    assert "usmca" not in {code for code, _ in _topics(reference, text)}
