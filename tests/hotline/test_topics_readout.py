"""What leaders tell each other on a call, as readouts write it (issue 14, point 2): a participant named by title goes
on with the call's passage, a participant who congratulates, thanks or invites speaks of the call even when an
election or a summit follows, and the words outlets use for foreign relations, security, trade and migration.

Every example was written for these tests in the styles of government readouts, wire copy and the Spanish-language
press; none is taken from the seed corpus or the evaluation corpus.
"""

from __future__ import annotations

import pytest
import written

from hotline.reference import Reference


def test_a_paragraph_opening_on_a_participants_title_goes_on_with_the_call(reference: Reference) -> None:
    text = (  # a presidency's readout: the second paragraph's subject is a participant by title only
        "Chancellor Friedrich Merz held a telephone conversation today with President Emmanuel Macron. The "
        "conversation took place at the request of the French side.\n\n"
        "The two leaders reviewed preparations for the European Council.\n\n"
        "The Chancellor informed his interlocutor about the growing number of migrants crossing the Channel."
    )
    assert "migration" in written.discussed(reference, text)


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("Meloni congratulated Milei on the result of the October legislative elections.", "elections"),
        ("Meloni invited Milei to the G7 summit to be held in Kananaskis from June 15 to 17.", "multilateral_forums"),
        (
            "La primera ministra felicitó a Milei por el resultado de las elecciones legislativas de octubre.",
            "elections",
        ),
    ],
)
def test_a_participant_who_congratulates_or_invites_speaks_of_the_call(
    reference: Reference, sentence: str, topic: str
) -> None:
    text = (  # the sentence names another event (an election, a summit) and its date: still what was said
        "ROME, June 6 - Italian Prime Minister Giorgia Meloni spoke by phone on Thursday with Argentine President "
        "Javier Milei, her office said.\n\n"
        "Both leaders discussed bilateral trade. " + sentence
    )
    assert topic in written.discussed(reference, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Last year, Meloni congratulated Milei on his victory in the presidential election.",  # another time
        "Foreign Minister Antonio Tajani congratulated Argentina on the peaceful conduct of the elections.",  # others
    ],
)
def test_congratulations_of_another_time_or_by_others_are_no_topic(reference: Reference, sentence: str) -> None:
    text = (
        "ROME, June 6 - Italian Prime Minister Giorgia Meloni spoke by phone on Thursday with Argentine President "
        "Javier Milei, her office said. The two leaders discussed bilateral trade.\n\n" + sentence
    )
    assert "elections" not in written.discussed(reference, text)


@pytest.mark.parametrize(
    ("what", "topic"),
    [
        ("Moldova's EU accession process", "foreign_relations"),
        ("hybrid threats and intelligence sharing", "security"),
        ("the free movement of workers between the islands", "migration"),
        ("la unión aduanera y la circulación de mercancías en la frontera", "trade"),
    ],
)
def test_words_outlets_use_for_a_topic(reference: Reference, what: str, topic: str) -> None:
    text = (
        "BUCHAREST, June 6 - Romanian President Nicusor Dan spoke by telephone on Thursday with Moldovan President "
        f"Maia Sandu. The two presidents discussed {what}."
    )
    assert topic in written.discussed(reference, text)


def test_what_the_call_came_amid_is_background(reference: Reference) -> None:
    text = (  # "The call came as ...": the circumstances of the call, not what was said on it
        "PRAGUE, June 6 - Czech Prime Minister Andrej Babis spoke by phone on Thursday with Ukrainian President "
        "Volodymyr Zelensky about air defence. The call came as European Union leaders prepared for their summit "
        "in Brussels on the budget."
    )
    assert "multilateral_forums" not in written.discussed(reference, text)
