"""Days that belong to the telling or to the story, not to the call (issue 13): the occasion of a telling that opens
the sentence ("Speaking to reporters in Perth on Tuesday, Albanese said he had spoken with ..."), a date in
parentheses restating the weekday before it ("the ministry said on Thursday (June 12)"), and the weekday a dateline
names in parentheses after its date ("JAKARTA, June 16, 2025 (Monday) --"); and the middle of a month written
"mid-May", which no hyphen hides. Texts written by us in wire, Asian
agency and Spanish-press styles; none is copied from the evaluation corpus."""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract

from hotline.facts import CallDate
from hotline.reference import Reference

THU_12_JUNE_2025 = dt.date(2025, 6, 12)


def only_date(reference: Reference, text: str, published: dt.date | None) -> CallDate:
    (call,) = [c for c in extract(reference, text, published).calls if c.is_directly_reported]
    return call.date


@pytest.mark.parametrize(
    "text",
    [
        "Albanese and Luxon talk\n\nSpeaking to reporters in Perth on Tuesday, Mr Albanese said he had spoken by "
        "phone with New Zealand Prime Minister Christopher Luxon about the trans-Tasman travel deal.",
        "Albanese and Luxon talk\n\nAt a press conference in Canberra on Tuesday, Anthony Albanese confirmed he had "
        "spoken by phone with New Zealand Prime Minister Christopher Luxon.",
        "Sánchez y Lula\n\nEn rueda de prensa en Bruselas el martes, Pedro Sánchez aseguró que había hablado por "
        "teléfono con el presidente brasileño, Luiz Inácio Lula da Silva, sobre el acuerdo con Mercosur.",
    ],
)
def test_the_occasion_of_a_telling_that_opens_the_sentence_bounds_the_call(reference: Reference, text: str) -> None:
    date = only_date(reference, text, THU_12_JUNE_2025)
    assert date.date is None  # the call came on or before Tuesday the 10th, the text does not say which day
    assert date.latest == dt.date(2025, 6, 10)


def test_a_call_told_as_its_own_occasion_keeps_its_day(reference: Reference) -> None:
    text = (
        "Albanese and Luxon talk\n\nSpeaking by phone on Tuesday, Anthony Albanese and New Zealand Prime Minister "
        "Christopher Luxon said they would meet in Wellington."
    )
    assert only_date(reference, text, THU_12_JUNE_2025).date == dt.date(2025, 6, 10)  # the call is the occasion


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        (  # the restated day is the telling's: the stretch dates the call
            "Wong and Prabowo speak\n\nSINGAPORE: Prime Minister Lawrence Wong and Indonesian President Prabowo "
            "Subianto spoke by phone earlier this week, the Ministry of Foreign Affairs said on Thursday (June 12).",
            dt.date(2025, 6, 9),
            dt.date(2025, 6, 11),
        ),
        (  # no stretch: the telling's day is the latest the call can be
            "Wong and Prabowo speak\n\nSINGAPORE: Prime Minister Lawrence Wong and Indonesian President Prabowo "
            "Subianto spoke by phone, the Ministry of Foreign Affairs said on Thursday (June 12).",
            None,
            THU_12_JUNE_2025,
        ),
    ],
)
def test_a_date_in_parentheses_restates_the_telling_s_weekday(
    reference: Reference, text: str, earliest: dt.date | None, latest: dt.date
) -> None:
    date = only_date(reference, text, THU_12_JUNE_2025)
    assert (date.date, date.earliest, date.latest) == (None, earliest, latest)


def test_a_date_in_parentheses_after_the_call_s_weekday_is_the_call_s(reference: Reference) -> None:
    text = (
        "Wong and Prabowo speak\n\nSINGAPORE: Prime Minister Lawrence Wong and Indonesian President Prabowo Subianto "
        "spoke by phone on Tuesday (June 10), the Ministry of Foreign Affairs said."
    )
    assert only_date(reference, text, THU_12_JUNE_2025).date == dt.date(2025, 6, 10)


def test_the_weekday_a_dateline_names_after_its_date_is_the_story_s(reference: Reference) -> None:
    text = (
        "Prabowo, Anwar speak\n\nJAKARTA, June 16, 2025 (Monday) -- President Prabowo Subianto received a telephone "
        "call from Malaysian Prime Minister Anwar Ibrahim on Sunday night, the palace said."
    )
    assert only_date(reference, text, dt.date(2025, 6, 16)).date == dt.date(2025, 6, 15)


@pytest.mark.parametrize(("words", "month"), [("in mid-May", 5), ("in mid May", 5), ("in pre-May", None)])
def test_the_middle_of_a_month_written_with_a_hyphen(reference: Reference, words: str, month: int | None) -> None:
    text = (
        "Albanese and Modi\n\nAustralian Prime Minister Anthony Albanese spoke by phone with Indian Prime Minister "
        f"Narendra Modi {words} talks, his office said."
    )
    date = only_date(reference, text, THU_12_JUNE_2025)
    expected = (dt.date(2025, month, 11), dt.date(2025, month, 20)) if month else (None, None)
    assert (date.date, date.earliest, date.latest) == (None, *expected)
