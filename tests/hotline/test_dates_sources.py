"""The day a source told of a call is not the call's day (issue 13): a date in an attribution ("according to a
statement read on Wednesday") or after a verb that confirms the call ("confirmed the call to us on Friday") is the
latest the call can be; a page's own date ("a post published on Tuesday, 21 May") dates the page; an ordinal that
counts a noun ("the 19th package") is no day. Texts written by us in wire and fact-check styles."""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract

from hotline.extract.dates import find_dates
from hotline.facts import CallDate
from hotline.reference import Reference
from hotline.text import fold_text

THU_23_MAY_2024 = dt.date(2024, 5, 23)


def _date(reference: Reference, text: str, published: dt.date = THU_23_MAY_2024) -> CallDate:
    (call,) = [c for c in extract(reference, text, published).calls if c.is_directly_reported]
    return call.date


def test_a_day_in_an_attribution_is_the_latest_the_call_can_be(reference: Reference) -> None:
    text = (
        "Chancellor Olaf Scholz and President Emmanuel Macron have spoken by telephone in the past few days, "
        "according to a brief statement read on French state television on Wednesday evening."
    )
    date = _date(reference, text)
    assert (date.date, date.latest) == (None, dt.date(2024, 5, 22))


def test_a_day_the_call_was_confirmed_is_the_latest_the_call_can_be(reference: Reference) -> None:
    text = (
        "Chancellor Olaf Scholz and President Emmanuel Macron did speak by phone before the summit. Scholz's office "
        "confirmed the call to us on Wednesday but would not say when it took place."
    )
    date = _date(reference, text)
    assert (date.date, date.latest) == (None, dt.date(2024, 5, 22))


def test_a_page_s_own_date_after_its_publication_cue_is_not_the_calls(reference: Reference) -> None:
    text = (
        "Chancellor Olaf Scholz and President Emmanuel Macron did speak by phone. The first trace of it is a post on "
        "Macron's page, published on Tuesday, 21 May, about the 14th package of sanctions against Russia."
    )
    date = _date(reference, text)
    assert date.date is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("about the 19th package of sanctions", []),
        ("marking the 80th anniversary of the victory", []),
        ("they spoke on the 19th, after the vote", [19]),
        ("on the 19th the leaders met", [19]),
    ],
)
def test_an_ordinal_that_counts_a_noun_is_no_day(text: str, days: list[int]) -> None:
    assert [d.day for d in find_dates(fold_text(text)) if d.kind == "day_of_month"] == days
