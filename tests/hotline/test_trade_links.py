"""A trade measure is tied to a call only where the text ties it (``hotline.extract.trade.links``).

Short articles written by the team in wire and Spanish-press style: a measure discussed on the call, one
announced after it, background measures in another paragraph, a measure the call explicitly did not touch,
and a call that has not taken place. The reference data is the project's (the dbt seeds).
"""

from __future__ import annotations

import datetime as dt

import written

from hotline.facts import ArticleFacts
from hotline.reference import Reference


def extract(text: str, reference: Reference) -> ArticleFacts:
    return written.extract(reference, text, dt.date(2025, 6, 4))


def links(facts: ArticleFacts) -> dict[tuple[str | None, str | None, str | None], str | None]:
    return {(m.imposing_country_code, m.target_country_code, m.sector): m.call_link for m in facts.trade_measures}


def test_measure_discussed_on_the_call_is_tied_and_background_is_not(reference: Reference) -> None:
    text = (
        "Trump and Sheinbaum speak by phone\n"
        "Mexican President Claudia Sheinbaum spoke by phone with U.S. President Donald Trump on Tuesday. "
        "They discussed the U.S. tariffs on Mexican steel, Sheinbaum said.\n\n"
        "In 2018, Canada imposed retaliatory duties on American aluminum.\n"
    )
    facts = extract(text, reference)
    (call,) = [c for c in facts.calls if c.call_status == "held"]
    assert links(facts) == {("US", "MX", "steel"): "discussed_on_call", ("CA", "US", "aluminum"): None}
    tied = {m.sector: m.mention_id for m in facts.trade_measures}
    assert tied == {"steel": call.mention_id, "aluminum": None}
    (steel,) = [m for m in facts.trade_measures if m.sector == "steel"]
    assert "tied to the call" in (steel.evidence.how or "")


def test_measure_announced_after_the_call(reference: Reference) -> None:
    text = (
        "Trump and Sheinbaum talk\n"
        "U.S. President Donald Trump spoke by phone with Mexican President Claudia Sheinbaum on Monday.\n\n"
        "A day after the call, Washington paused the 25% tariffs on Mexican goods.\n"
    )
    facts = extract(text, reference)
    assert links(facts) == {("US", "MX", None): "after_call"}


def test_measure_the_call_did_not_touch_is_not_tied(reference: Reference) -> None:
    text = (
        "Sheinbaum y Trump conversan\n"
        "La presidenta Claudia Sheinbaum conversó por teléfono con el presidente Donald Trump el lunes. "
        "En la llamada no se habló de los aranceles que Estados Unidos impuso al acero mexicano.\n"
    )
    facts = extract(text, reference)
    assert links(facts) == {("US", "MX", "steel"): None}


def test_no_call_took_place_so_nothing_is_tied(reference: Reference) -> None:
    text = (
        "Trump to call Sheinbaum\n"
        "Donald Trump will speak with Claudia Sheinbaum next week about the U.S. tariffs on Mexican steel.\n"
    )
    facts = extract(text, reference)
    assert facts.trade_measures
    assert all(m.mention_id is None and m.call_link is None for m in facts.trade_measures)
