"""A call told only as before or after another dated event of its sentence (issue 13): the bound the text
supports, never a day. Texts written by us in wire and Spanish-press styles; none is copied from the evaluation
corpus."""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract

from hotline.reference import Reference

FRI_17_OCT_2025 = dt.date(2025, 10, 17)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        (  # before a day-dated summit: on or before it
            "French President Emmanuel Macron spoke by phone with German Chancellor Friedrich Merz before the "
            "Oct. 9 summit in Brussels, his office said.",
            None,
            dt.date(2025, 10, 9),
        ),
        (  # after an election named by its weekday: on or after it
            "Brazilian President Luiz Inacio Lula da Silva phoned Argentine President Javier Milei after "
            "Sunday's election, according to a statement.",
            dt.date(2025, 10, 12),
            FRI_17_OCT_2025,
        ),
        (  # the same in Spanish
            "El presidente Gustavo Petro habló por teléfono con el presidente Luiz Inácio Lula da Silva tras la "
            "cumbre del martes en Bogotá, informó la Cancillería.",
            dt.date(2025, 10, 14),
            FRI_17_OCT_2025,
        ),
    ],
)
def test_a_call_told_before_or_after_a_dated_event_gets_that_bound(
    reference: Reference, text: str, earliest: dt.date | None, latest: dt.date | None
) -> None:
    calls = extract(reference, text, FRI_17_OCT_2025).calls
    assert [(c.date.date, c.date.earliest, c.date.latest) for c in calls] == [(None, earliest, latest)]


def test_an_event_still_to_come_bounds_nothing(reference: Reference) -> None:
    text = (
        "French President Emmanuel Macron spoke by phone with German Chancellor Friedrich Merz ahead of the "
        "Oct. 30 summit in Brussels, his office said."
    )
    calls = extract(reference, text, FRI_17_OCT_2025).calls
    assert [(c.date.date, c.date.earliest) for c in calls] == [(None, None)]


def test_after_an_event_of_the_story_day_the_call_is_on_that_day(reference: Reference) -> None:
    text = (
        "Spanish Prime Minister Pedro Sanchez phoned Portuguese Prime Minister Luis Montenegro after Friday's "
        "blackout, the government said."
    )
    calls = extract(reference, text, FRI_17_OCT_2025).calls
    assert [c.date.date for c in calls] == [FRI_17_OCT_2025]
