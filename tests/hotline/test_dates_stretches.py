"""Stretches of time that bound a call without giving its day (issue 13): "a few days ago" / "hace unos días" (no
number of days: only the day the call came on or before), "mid-month" / "a mediados de mes" (the month's middle,
up to the reference day); and a yearless dateline filed from two places ("Abuya/Acra, 9 sep"), the story's own day.
Articles written by us in wire and Spanish-press styles."""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract

from hotline.facts import CallDate
from hotline.reference import Reference

WED_15_OCT_2025 = dt.date(2025, 10, 15)


def _direct(reference: Reference, text: str, published: dt.date | None) -> CallDate:
    (call,) = [c for c in extract(reference, text, published).calls if c.is_directly_reported]
    return call.date


def _spanish(stretch: str) -> str:
    return (
        "Sánchez y Montenegro repasan la red eléctrica\n\n"
        f"El presidente del Gobierno, Pedro Sánchez, habló por teléfono {stretch} con el primer ministro portugués, "
        "Luís Montenegro, sobre la red eléctrica ibérica, según informaron fuentes de Moncloa."
    )


def _english(stretch: str) -> str:
    return (
        "Stubb and Kristersson discuss Baltic cables\n\n"
        f"Finnish President Alexander Stubb spoke by phone {stretch} with Swedish Prime Minister Ulf Kristersson "
        "about the damaged Baltic cables, the Finnish presidency said."
    )


@pytest.mark.parametrize(
    "text",
    [
        _spanish("hace unos días"),
        _spanish("hace algunos días"),
        _english("a few days ago"),
        _english("several days ago"),
    ],
)
def test_some_days_ago_gives_only_the_day_the_call_came_on_or_before(reference: Reference, text: str) -> None:
    date = _direct(reference, text, WED_15_OCT_2025)
    assert (date.date, date.earliest, date.latest) == (None, None, WED_15_OCT_2025)


@pytest.mark.parametrize("text", [_spanish("a mediados de mes"), _english("in mid-month")])
def test_mid_month_is_the_months_middle_up_to_the_reference_day(reference: Reference, text: str) -> None:
    date = _direct(reference, text, WED_15_OCT_2025)
    assert (date.date, date.earliest, date.latest, date.precision) == (
        None,
        dt.date(2025, 10, 11),
        WED_15_OCT_2025,
        "month",
    )


def test_mid_month_told_before_the_months_middle_bounds_nothing(reference: Reference) -> None:
    date = _direct(reference, _spanish("a mediados de mes"), dt.date(2025, 10, 6))
    assert (date.date, date.earliest, date.latest) == (None, None, None)


@pytest.mark.parametrize(
    "opening",
    ["Abuya/Acra, 9 sep (Agencia).-", "ABUJA/ACCRA, Sept 9 (Reuters) -"],  # two places, mixed or upper case
)
def test_a_yearless_dateline_of_two_places_is_the_storys_day(reference: Reference, opening: str) -> None:
    """A digest filed from two capitals: its weekday counts from the dateline's day, in the one year the text
    states, never from a call of the pair in another year."""
    text = (
        "Resumen regional: Tinubu y Mahama hablan de la frontera\n\n"
        f"{opening} Resumen de las noticias de la región de este martes 9 de septiembre de 2025.\n\n"
        "El presidente de Nigeria, Bola Tinubu, y su homólogo de Ghana, John Mahama, conversaron por teléfono este "
        "lunes sobre la seguridad en la frontera norte, informó la Presidencia nigeriana."
    )
    date = _direct(reference, text, None)
    assert (date.story_date, date.date) == (dt.date(2025, 9, 9), dt.date(2025, 9, 8))
