"""A call's place in the pair's series (issue 12, point 5; issue 13): an article that numbers its call the second or
the third tells of the first as an earlier call, with its own date, and numbers the reported call by the later
ordinal; "their second call in less than a month" numbers the call, "the first call in two years" does not.

The texts are written here in the styles of wire copy and government readouts.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference

THURSDAY = dt.date(2025, 10, 16)


def test_the_first_call_of_a_later_series_is_an_earlier_call(reference: Reference) -> None:
    text = (
        "VIENNA, Oct 16 - Austrian Chancellor Christian Stocker and Slovak Prime Minister Robert Fico spoke by "
        "telephone on Tuesday, their second call in less than a month.\n\n"
        "The tone was warmer than in their first telephone conversation, late last month, when the two leaders "
        "argued over border checks."
    )
    facts = written.extract(reference, text, THURSDAY)
    told = sorted((c.is_directly_reported, c.date.date, c.sequence_number) for c in facts.calls)
    assert told == [(False, None, 1), (True, dt.date(2025, 10, 14), 2)]  # the earlier call: the first


def test_the_first_call_in_years_is_no_place_in_the_series(reference: Reference) -> None:
    text = (
        "VIENNA, Oct 16 - Austrian Chancellor Christian Stocker and Slovak Prime Minister Robert Fico spoke by "
        "telephone on Tuesday, their first call in two years."
    )
    facts = written.extract(reference, text, THURSDAY)
    assert [(c.is_directly_reported, c.sequence_number) for c in facts.calls] == [(True, None)]


def test_an_ordinal_with_its_call_noun_left_out_numbers_the_call(reference: Reference) -> None:
    text = (
        "SUVA, Oct 16 - Fijian Prime Minister Sitiveni Rabuka received a telephone call on Tuesday from Papua New "
        "Guinea Prime Minister James Marape. The conversation, their second this year, focused on fisheries.\n\n"
        "Their first conversation this year, in early March, dealt with flood relief."
    )
    facts = written.extract(reference, text, THURSDAY)
    told = sorted((c.is_directly_reported, c.sequence_number) for c in facts.calls)
    assert told == [(False, None), (True, 2)]


def test_a_call_noun_with_an_earlier_adjective_after_it_is_an_earlier_call(reference: Reference) -> None:
    text = (
        "BOGOTÁ, 16 oct (EFE).- El presidente Gustavo Petro habló este martes por teléfono con Luiz Inácio Lula da "
        "Silva sobre la Amazonía.\n\nLa conversación anterior entre ambos presidentes giró en torno a la cumbre de "
        "la CELAC."
    )
    facts = written.extract(reference, text, THURSDAY)
    assert sorted(c.is_directly_reported for c in facts.calls) == [False, True]


def test_an_earlier_call_takes_the_date_in_apposition_to_it(reference: Reference) -> None:
    text = (
        "BOGOTÁ, 16 oct (EFE).- El presidente Gustavo Petro habló este martes por teléfono con Luiz Inácio Lula da "
        "Silva sobre la Amazonía.\n\nLa conversación anterior entre ambos presidentes, el 24 de marzo, giró en torno "
        "a la cumbre de la CELAC."
    )
    facts = written.extract(reference, text, THURSDAY)
    assert sorted((c.is_directly_reported, c.date.date) for c in facts.calls) == [
        (False, dt.date(2025, 3, 24)),
        (True, dt.date(2025, 10, 14)),
    ]


def numbers(reference: Reference, text: str) -> list[tuple[tuple[str, ...], int | None]]:
    facts = written.extract(reference, text, THURSDAY)
    return sorted((tuple(sorted(p.official_id for p in c.participants)), c.sequence_number) for c in facts.calls)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "ABUJA, Oct 16 - President Bola Tinubu spoke by telephone with Ghana's President John Dramani Mahama on "
            "Tuesday about the Sahel. It was the second time this year that the two presidents have spoken by phone.",
            2,
        ),
        (
            "OTTAWA, Oct 16 (CP) - Prime Minister Mark Carney spoke with British Prime Minister Keir Starmer on "
            "Tuesday. The 30-minute call was the leaders' second, after a conversation in early September.",
            2,
        ),
        (
            "Bogotá, 16 oct (EFE).- El presidente Gustavo Petro conversó por teléfono este martes con Luiz Inácio Lula "
            "da Silva. La conversación, de unos 40 minutos, fue la segunda que ambos mandatarios sostienen este año.",
            2,
        ),
        (  # the future is another clause's
            "OTTAWA, Oct 16 (CP) - Prime Minister Mark Carney spoke with British Prime Minister Keir Starmer on "
            "Tuesday, their second call in four days, as allies prepare for a summit in Brussels next week.",
            2,
        ),
        (  # the first in an office, with a common noun: a leader's round, not a pair's series
            "NAIROBI, Oct 16 - President William Ruto held his first call as head of the East African bloc with "
            "Tanzania's President Samia Suluhu Hassan on Tuesday.",
            None,
        ),
        (
            "Lima, 16 oct (EFE).- Es la segunda conversación de Milei con un mandatario sudamericano en pocos días: "
            "el martes, el presidente argentino, Javier Milei, habló por teléfono con Daniel Noboa.",
            None,
        ),
        (  # a count the text will not state
            "WARSAW, Oct 16 - Donald Tusk spoke by phone with Czech Prime Minister Petr Fiala on Tuesday. It was, by "
            "our count, at least the third time the two have spoken by phone this year.",
            None,
        ),
        (  # a headline's first call is the body's first in a while
            "Putin holds first phone call with Pope Leo\n\nMOSCOW, Oct 16 - Russian President Vladimir Putin spoke by "
            "telephone with Pope Leo XIV on Tuesday for the first time since the pontiff was elected, the Kremlin said",
            None,
        ),
        (
            "NAIROBI, Oct 16 - President William Ruto held two calls with neighbouring heads of state this week. He "
            "spoke with Tanzania's President Samia Suluhu Hassan on Tuesday about the border.",
            None,
        ),
    ],
)
def test_what_numbers_the_call_and_what_does_not(reference: Reference, text: str, number: int | None) -> None:
    assert [n for _, n in numbers(reference, text)] == [number]
