"""Calls told the way wire leads and government readouts tell them: a video conversation, "via telephone", "recibió
un llamado", a headline's "to speak", "was able to speak", "the Prime Minister" of a readout that never names him.

The texts are written here in the styles of wire copy, government readouts and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference


def calls(reference: Reference, text: str, published: dt.date | None = dt.date(2025, 3, 12)) -> set[tuple[str, ...]]:
    facts = written.extract(reference, text, published)
    return {(c.call_status, *sorted(p.official_id for p in c.participants)) for c in facts.calls}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Tusk and Zelensky talk\nPolish Prime Minister Donald Tusk had a video conversation with Ukraine's "
            "President Volodymyr Zelensky on Monday.",
            ("donald_tusk", "volodymyr_zelensky"),
        ),
        (
            "Drought on the agenda\nVia telephone on Wednesday, President Cyril Ramaphosa and President Emmerson "
            "Mnangagwa discussed the drought.",
            ("cyril_ramaphosa", "emmerson_mnangagwa"),
        ),
        (
            "Milei y Trump\nEl presidente Javier Milei recibió un llamado de Donald Trump el martes por la noche.",
            ("donald_trump", "javier_milei"),
        ),
    ],
)
def test_phone_phrases_of_other_outlets(reference: Reference, text: str, pair: tuple[str, str]) -> None:
    assert calls(reference, text) == {("held", *pair)}


def test_a_headline_infinitive_is_the_call_to_come_and_the_call_points_back_to_it(reference: Reference) -> None:
    text = (
        "Carney, Trump to speak Friday\n"
        "OTTAWA, March 12 - Prime Minister Mark Carney will speak with U.S. President Donald Trump on Friday, his "
        "office said on Wednesday.\n"
        "A senior official said the call had been requested by Ottawa."
    )
    assert calls(reference, text) == {("planned", "donald_trump", "mark_carney")}


def test_able_to_speak_tells_of_a_call_held(reference: Reference) -> None:
    text = (
        "Albanese on Samoa\nPrime Minister Anthony Albanese said he was able to speak to Prime Minister Fiame Naomi "
        "Mata'afa this morning on a satellite phone, and she thanked Australia for the support."
    )
    assert calls(reference, text, dt.date(2023, 3, 1)) == {("held", "anthony_albanese", "fiame_naomi_mata_afa")}


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("LONDON, 10 March 2025", {("held", "alexander_stubb", "keir_starmer")}),
        ("", set()),  # no dateline: whose Prime Minister the readout means, the text does not say
    ],
)
def test_a_readouts_unnamed_leader_is_the_datelines_holder_of_the_title(
    reference: Reference, dateline: str, expected: set[tuple[str, ...]]
) -> None:
    text = (
        f"PM speaks to President of Finland\n{dateline}\n"
        "The Prime Minister spoke to President Alexander Stubb of Finland this afternoon.\n"
        "The leaders discussed the latest developments in Ukraine."
    )
    assert calls(reference, text, dt.date(2025, 3, 10)) == expected
