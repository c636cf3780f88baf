"""Calls told without a phone word, a publication date or a past perfect: two leaders who spoke at a time told by
two clocks ("late Tuesday Ottawa time, Wednesday morning in Canberra") were apart, so they spoke by phone; an earlier
call of the pair ("first spoke by phone in March") under a dateline with no year ("TOKYO, June 7 Kyodo -") is told
weeks before the story's day, so it is a call of its own; so is one in a clause that puts it before the call told
("It was their second conversation this year, after they spoke by phone in March").

The texts are written here in the styles of wire copy, government readouts and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract_body as extract
from written import held_pairs

from hotline.reference import Reference

_DAY = dt.date(2025, 6, 12)

_TWO_CLOCKS = [
    (
        "WELLINGTON — Prime Minister Christopher Luxon talked with Japanese Prime Minister Shigeru Ishiba on Monday "
        "evening Wellington time, Monday afternoon in Tokyo, his office said, and the two agreed to deepen defence "
        "ties.",
        {"christopher_luxon", "shigeru_ishiba"},
    ),
    (
        "OTTAWA — Prime Minister Mark Carney spoke with Prime Minister Narendra Modi of India late Sunday Ottawa "
        "time, early Monday in New Delhi, and the two discussed trade, according to a readout.",
        {"mark_carney", "narendra_modi"},
    ),
    (
        "Madrid. El presidente del Gobierno, Pedro Sánchez, conversó con el presidente argentino, Javier Milei, el "
        "martes por la noche, hora de Madrid, cuando en Buenos Aires todavía era martes por la tarde.",
        {"pedro_sanchez", "javier_milei"},
    ),
]


@pytest.mark.parametrize(("text", "pair"), _TWO_CLOCKS)
def test_two_clocks_tell_of_a_call(reference: Reference, text: str, pair: set[str]) -> None:
    assert held_pairs(extract(reference, text, _DAY)) == [frozenset(pair)]


_NOT_APART = [
    # one clock: they may have met
    "OTTAWA — Prime Minister Mark Carney spoke with Prime Minister Narendra Modi of India on Sunday in Kananaskis, "
    "where the two met on the sidelines of the summit; on Monday they toured the site.",
    # two days and a local clock, but the sentence tells of a meeting in person
    "BUSAN — U.S. President Donald Trump spoke with Chinese President Xi Jinping on Thursday morning local time "
    "after arriving on Wednesday, the two leaders meeting face to face for the first time since 2019.",
]


@pytest.mark.parametrize("text", _NOT_APART)
def test_no_call_without_two_clocks_apart(reference: Reference, text: str) -> None:
    assert held_pairs(extract(reference, text, _DAY)) == []


def test_a_first_call_months_before_a_dateline_without_a_year(reference: Reference) -> None:
    text = (
        "Leaders agree to work together on tariffs\n\n"
        "SEOUL, July 9 (Asia Wire) - South Korean President Lee Jae-myung and Japanese Prime Minister Shigeru Ishiba "
        "held telephone talks Tuesday and agreed to keep in close contact over U.S. tariffs, the presidential office "
        "said.\n\n"
        "Lee and Ishiba first spoke by phone in June, days after Lee took office."
    )
    facts = extract(reference, text, None, "Leaders agree to work together on tariffs")
    assert held_pairs(facts) == [frozenset({"lee_jae_myung", "shigeru_ishiba"})] * 2


_AFTER_AN_EARLIER_CALL = [
    "Prime Minister Anthony Albanese has held a phone call with Indonesian President Prabowo Subianto, telling him "
    "Australia wants the security treaty ratified this year.\n\nThe call took place on Tuesday afternoon, his office "
    "said. It was the pair's second conversation this year, after they spoke by phone in February.",
    "La presidenta Claudia Sheinbaum sostuvo una llamada con el primer ministro de Canadá, Mark Carney, para revisar "
    "los aranceles automotrices.\n\nLa conversación se realizó el martes por la noche. Fue la segunda entre ambos este "
    "año, luego de que hablaran por teléfono en marzo.",
]


@pytest.mark.parametrize("text", _AFTER_AN_EARLIER_CALL)
def test_a_clause_after_an_earlier_call_with_an_old_date_is_that_call(reference: Reference, text: str) -> None:
    pairs = held_pairs(extract(reference, text, _DAY))
    assert len(pairs) == 2
    assert pairs[0] == pairs[1]


def test_a_clause_after_the_call_of_the_same_week_is_the_call(reference: Reference) -> None:
    text = (
        "CANBERRA — Prime Minister Anthony Albanese and Indonesian President Prabowo Subianto spoke by phone on "
        "Tuesday. After they spoke by phone on Tuesday, Albanese told reporters the treaty was on track."
    )
    assert held_pairs(extract(reference, text, _DAY)) == [frozenset({"anthony_albanese", "prabowo_subianto"})]


def test_an_earlier_call_told_as_the_first_is_the_first_of_the_series(reference: Reference) -> None:
    text = (
        "LONDON — Prime Minister Keir Starmer spoke by phone with Canadian Prime Minister Mark Carney on Tuesday about "
        "steel tariffs, Downing Street said.\n\nThe two leaders first spoke by phone in March, days after Carney was "
        "sworn in."
    )
    calls = [c for c in extract(reference, text, _DAY).calls if c.call_status == "held"]
    assert [c.sequence_number for c in calls] == [None, 1]
