"""Negations in articles with several calls, and the vocabulary of what leaders say was left out (issue 14):

- a sentence that speaks of every call of a round ("was not raised in either call", "en ninguna de las dos
  llamadas se abordó") gives its topics to all of them;
- an earlier call told in a relative clause set off by commas ("The leaders, who had also spoken by phone earlier
  this month, did not discuss ...") leaves the main clause to the call the passage reports;
- maritime borders, troops, military deployments and irrigation canals are topics a negation can name.

Every text was written for these tests in the styles of wire copy, government readouts and the Spanish-language
press; none is taken from the evaluation corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference

DAY = dt.date(2025, 7, 11)  # a Friday


def _by_call(reference: Reference, text: str) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for t in written.extract(reference, text, DAY, title="").topics:
        found.setdefault(t.mention_id.rsplit(":", 1)[1], set()).add((t.topic_code, t.status))
    return found


@pytest.mark.parametrize(
    "text",
    [
        "KUALA LUMPUR (Wire) - Malaysian Prime Minister Anwar Ibrahim spoke by phone on Thursday with Cambodian "
        "Prime Minister Hun Manet and, separately, with Thai acting Prime Minister Phumtham Wechayachai, urging an "
        "immediate ceasefire. An official said the territorial dispute over the temples was not raised in either "
        "call.",
        "KUALA LUMPUR (EFE) - El primer ministro de Malasia, Anwar Ibrahim, habló el jueves por teléfono con el "
        "primer ministro de Camboya, Hun Manet, y por separado con el primer ministro interino de Tailandia, "
        "Phumtham Wechayachai, para pedir un alto el fuego. Anwar aclaró que en ninguna de las dos llamadas se "
        "abordó la disputa territorial por los templos.",
    ],
)
def test_a_negation_of_every_call_goes_to_each(reference: Reference, text: str) -> None:
    calls = _by_call(reference, text)
    assert len(calls) == 2
    assert all(("sovereignty", "not_discussed") in topics for topics in calls.values())


def test_an_earlier_call_in_an_aside_leaves_the_negation_to_the_reported_call(reference: Reference) -> None:
    text = (
        "BRASILIA (Wire) - Brazilian President Luiz Inacio Lula da Silva and Colombian President Gustavo Petro spoke "
        "by phone on Thursday about protecting the Amazon, two officials said.\n\nThe foreign minister, Mauro "
        "Vieira, joined part of the conversation.\n\nThe leaders, who had also spoken by phone earlier this month, "
        "did not discuss the tariff threats against Colombia, the officials said."
    )
    calls = _by_call(reference, text)
    assert ("tariffs", "not_discussed") in calls["0"]


@pytest.mark.parametrize(
    ("negation", "topic"),
    [
        (
            " Fuentes del Gobierno precisaron que la delimitación de la frontera marítima no se abordó en la llamada.",
            "sovereignty",
        ),
        (
            " Fuentes del Gobierno precisaron que no se habló del despliegue militar en el Caribe.",
            "military_intervention",
        ),
        (" Una fuente precisó que no se trató el conflicto por el canal de riego.", "water"),
    ],
)
def test_spanish_vocabulary_of_what_was_left_out(reference: Reference, negation: str, topic: str) -> None:
    text = (
        "SANTO DOMINGO - El presidente Luis Abinader conversó el jueves por teléfono con el presidente de Panamá, "
        "José Raúl Mulino, sobre la cooperación portuaria." + negation
    )
    assert (topic, "not_discussed") in _by_call(reference, text)["0"]


@pytest.mark.parametrize(
    "negation",
    [
        " She said the call did not touch on the cost of stationing US troops in the country.",
        ' Asked whether AUKUS had come up, he said: "No, that was not part of the conversation."',
    ],
)
def test_english_vocabulary_of_what_was_left_out(reference: Reference, negation: str) -> None:
    text = (
        "SEOUL (Wire) - President Lee Jae-myung spoke by phone with Australian Prime Minister Anthony Albanese on "
        "Thursday about trade in critical minerals." + negation
    )
    assert ("defense", "not_discussed") in _by_call(reference, text)["0"]


@pytest.mark.parametrize(
    "negation",
    [
        " Arévalo said the U.S. tariffs had not been part of his conversation with Castro.",
        " Según Arévalo, los aranceles no formaron parte de su conversación.",
    ],
)
def test_not_part_of_his_conversation_is_a_negation(reference: Reference, negation: str) -> None:
    text = (
        "GUATEMALA - Guatemalan President Bernardo Arévalo spoke by phone with Honduran President Xiomara Castro on "
        "Tuesday about deportations." + negation
    )
    assert ("tariffs", "not_discussed") in _by_call(reference, text)["0"]
