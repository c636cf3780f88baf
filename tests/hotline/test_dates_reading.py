"""How a call's date is read, like a careful reader (issue 13): the date of another event, a relative clause, the
dateline, the day a call was announced, stretches of days and months. Every sentence is written by us in the
styles outlets use (wire copy with a dateline, government readouts, Spanish-language press); none is copied from
the evaluation corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract

from hotline.extract.call_bounds import month_bounds, period_bounds
from hotline.extract.dates import find_dates
from hotline.facts import CallDate
from hotline.reference import Reference
from hotline.text import fold_text

MON_20_MAY_2024 = dt.date(2024, 5, 20)


def call_date(reference: Reference, text: str, published: dt.date | None = MON_20_MAY_2024) -> CallDate:
    calls = [c for c in extract(reference, text, published).calls if c.is_directly_reported]
    assert calls, "no call read"
    return calls[0].date


@pytest.mark.parametrize(
    ("period", "anchor", "bounds"),
    [
        ("weekend", MON_20_MAY_2024, (dt.date(2024, 5, 18), dt.date(2024, 5, 19))),
        ("weekend", dt.date(2024, 5, 19), (dt.date(2024, 5, 18), dt.date(2024, 5, 19))),  # a Sunday story
        ("weekend", dt.date(2024, 5, 18), (dt.date(2024, 5, 18), dt.date(2024, 5, 18))),  # a Saturday story
        ("last_weekend", dt.date(2024, 5, 19), (dt.date(2024, 5, 11), dt.date(2024, 5, 12))),
        ("earlier_week", dt.date(2024, 5, 24), (dt.date(2024, 5, 20), dt.date(2024, 5, 23))),
        ("this_week", dt.date(2024, 5, 22), (dt.date(2024, 5, 20), dt.date(2024, 5, 22))),
        ("last_week", dt.date(2024, 5, 22), (dt.date(2024, 5, 13), dt.date(2024, 5, 19))),
        ("earlier_month", dt.date(2024, 5, 22), (dt.date(2024, 5, 1), dt.date(2024, 5, 22))),
        ("early_month", dt.date(2024, 5, 22), (dt.date(2024, 5, 1), dt.date(2024, 5, 10))),  # "a principios de mes"
        ("early_month", dt.date(2024, 5, 6), (dt.date(2024, 5, 1), dt.date(2024, 5, 6))),  # no later than the anchor
        ("last_month", dt.date(2024, 3, 5), (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("late_last_month", dt.date(2025, 2, 10), (dt.date(2025, 1, 21), dt.date(2025, 1, 31))),
        ("early_last_month", dt.date(2025, 1, 10), (dt.date(2024, 12, 1), dt.date(2024, 12, 10))),
        ("mid_last_month", dt.date(2024, 3, 5), (dt.date(2024, 2, 11), dt.date(2024, 2, 20))),
    ],
)
def test_period_bounds(period: str, anchor: dt.date, bounds: tuple[dt.date, dt.date]) -> None:
    assert period_bounds(period, anchor) == bounds


def test_month_bounds_cross_the_year_and_leap_days() -> None:
    assert month_bounds(2024, 2) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert month_bounds(2023, 12) == (dt.date(2023, 12, 1), dt.date(2023, 12, 31))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("They spoke over the weekend.", "period"),
        ("Hablaron durante el fin de semana.", "period"),
        ("They had spoken earlier in the week.", "period"),
        ("In March, the two leaders spoke.", "month"),
        ("Conversaron en noviembre pasado.", "month"),
    ],
)
def test_stretches_and_months_are_found(text: str, kind: str) -> None:
    assert [d.kind for d in find_dates(fold_text(text), text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "We may March on the capital.",  # a verb, lower case: no month
        "The March 2 deadline passed.",  # a day, not a month alone
    ],
)
def test_a_month_name_alone_is_no_month(text: str) -> None:
    assert all(d.kind != "month" for d in find_dates(fold_text(text), text))


def test_weekdays_followed_by_next_lie_ahead() -> None:
    text = "La cumbre se celebrará el lunes y el martes próximos."
    assert [d.is_future for d in find_dates(fold_text(text), text)] == [True, True]


def test_over_the_weekend_is_a_week_with_bounds(reference: Reference) -> None:
    date = call_date(
        reference,
        "German Chancellor Olaf Scholz spoke with French President Emmanuel Macron by phone over the weekend.",
    )
    assert (date.date, date.precision) == (None, "week")
    assert (date.earliest, date.latest) == (dt.date(2024, 5, 18), dt.date(2024, 5, 19))


def test_a_spanish_weekend_and_the_announcement_day(reference: Reference) -> None:
    text = (
        "El presidente Luiz Inácio Lula da Silva habló por teléfono durante el fin de semana con el presidente "
        "francés, Emmanuel Macron, según informaron este lunes fuentes del Palacio del Planalto."
    )
    date = call_date(reference, text)
    assert (date.precision, date.earliest, date.latest) == ("week", dt.date(2024, 5, 18), dt.date(2024, 5, 19))


def test_the_announcement_day_is_the_latest_the_call_can_be(reference: Reference) -> None:
    text = "French President Emmanuel Macron said on Monday that he had spoken by phone with Chancellor Olaf Scholz."
    date = call_date(reference, text, dt.date(2024, 5, 22))
    assert (date.date, date.precision, date.earliest, date.latest) == (None, "unknown", None, MON_20_MAY_2024)
    assert "announced" in (date.how or "")


def test_earlier_in_the_week_in_a_friday_story(reference: Reference) -> None:
    text = (
        "Olaf Scholz, who returned from Paris on Monday, had spoken by phone with Emmanuel Macron earlier in the week."
    )
    date = call_date(reference, text, dt.date(2024, 5, 24))
    assert (date.date, date.precision) == (None, "week")
    assert (date.earliest, date.latest) == (MON_20_MAY_2024, dt.date(2024, 5, 23))


def test_a_relative_clause_dates_its_own_event(reference: Reference) -> None:
    text = (
        "PARIS (Reuters) - Chancellor Olaf Scholz, whose coalition agreed a budget on Tuesday, held phone talks "
        "with President Emmanuel Macron on Thursday, the chancellery said."
    )
    date = call_date(reference, text, dt.date(2024, 5, 24))
    assert date.date == dt.date(2024, 5, 23)


def test_the_main_clause_day_is_not_the_day_of_a_call_told_after_it(reference: Reference) -> None:
    text = (
        "Francia aplicó el domingo nuevas medidas, luego de que el presidente Emmanuel Macron conversara por "
        "teléfono con el canciller Olaf Scholz."
    )
    date = call_date(reference, text)
    assert date.date != dt.date(2024, 5, 19)


def test_a_press_conference_then_that_yesterday(reference: Reference) -> None:
    text = (
        "El presidente Luiz Inácio Lula da Silva informó en su conferencia de prensa que ayer sostuvo una "
        "conversación telefónica con Emmanuel Macron."
    )
    assert call_date(reference, text).date == dt.date(2024, 5, 19)


@pytest.mark.parametrize(
    "text",
    [
        "A mining group today welcomed the telephone conversation held on Sunday between President Cyril "
        "Ramaphosa and Chancellor Olaf Scholz.",
        "El Gobierno valoró hoy la conversación telefónica mantenida el domingo entre Gustavo Petro y Lula da Silva.",
    ],
)
def test_a_day_after_held_belongs_to_the_call_not_today(reference: Reference, text: str) -> None:
    assert call_date(reference, text).date == dt.date(2024, 5, 19)


def test_a_dateline_weekday_is_the_story_s_not_the_call_s(reference: Reference) -> None:
    text = (
        "BERLIN, Wednesday, May 22, 2024 - Chancellor Olaf Scholz, back at work on Monday, discussed the "
        "budget with President Emmanuel Macron in a telephone conversation, his office said."
    )
    date = call_date(reference, text, dt.date(2024, 5, 22))
    assert date.date != dt.date(2024, 5, 22)


def test_a_month_framing_the_call_sentence(reference: Reference) -> None:
    text = "In March, Olaf Scholz spoke by phone with Emmanuel Macron about the budget."
    date = call_date(reference, text)
    assert (date.date, date.precision, date.year, date.month) == (None, "month", 2024, 3)
    assert (date.earliest, date.latest) == (dt.date(2024, 3, 1), dt.date(2024, 3, 31))


def test_a_month_of_another_event_later_in_the_sentence_is_not_the_call_s(reference: Reference) -> None:
    text = (
        "Olaf Scholz spoke by phone with Emmanuel Macron, their first call since the dispute over tariffs "
        "that erupted in November."
    )
    assert call_date(reference, text).precision == "unknown"


def test_an_earlier_call_keeps_its_own_stated_date(reference: Reference) -> None:
    text = (
        "Olaf Scholz spoke by phone with Emmanuel Macron on Monday. The two leaders last spoke by phone on "
        "March 5, before the summit."
    )
    calls = extract(reference, text, dt.date(2024, 5, 21)).calls
    dates = {c.is_directly_reported: c.date.date for c in calls}
    assert dates == {True: MON_20_MAY_2024, False: dt.date(2024, 3, 5)}


def test_a_relative_day_counts_from_a_dateline_without_a_year(reference: Reference) -> None:
    text = (
        "Zelensky and Duda talk air defence\n"
        "KYIV, March 12 (Reuters) - Ukrainian President Volodymyr Zelenskiy spoke by phone with Polish President "
        "Andrzej Duda yesterday about air defence, his office said."
    )
    found = call_date(reference, text, None)
    assert (found.date, found.month, found.day) == (None, 3, 11)  # no year: month and day only, for grouping
    assert "dateline 'KYIV, March 12'" in (found.how or "")


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        (
            "Lithuanian Prime Minister Ingrida Simonyte spoke with Polish Prime Minister Donald Tusk by phone late "
            "last month about the grid.",
            (dt.date(2024, 4, 21), dt.date(2024, 4, 30)),
        ),
        (
            "El presidente Lula conversó por teléfono con el presidente colombiano, Gustavo Petro, a principios de "
            "mes sobre Venezuela.",
            (dt.date(2024, 5, 1), dt.date(2024, 5, 10)),  # the month's early part, as for a named month
        ),
    ],
)
def test_parts_of_a_month_are_a_month_with_bounds(reference: Reference, text: str, bounds: tuple) -> None:
    date = call_date(reference, text)
    assert (date.date, date.precision, (date.earliest, date.latest)) == (None, "month", bounds)


def test_the_part_of_a_named_month_narrows_its_days() -> None:
    text = "En febrero de 2024 hablaron; a finales de enero de 2024 también; in early March 2024, mid-April 2024."
    parts = [(d.month, d.part) for d in find_dates(fold_text(text), text) if d.kind == "month"]
    assert parts == [(2, None), (1, "late"), (3, "early"), (4, "mid")]


def test_a_day_the_call_phrase_carries_dates_it_however_long_ago(reference: Reference) -> None:
    """The news is recent, so a year-less day months back is usually another event's; not when the call phrase
    itself carries it: one call, dated."""
    text = "Colombian President Gustavo Petro and Brazil's Lula spoke by phone on March 10, the foreign ministry said."
    calls = extract(reference, text, dt.date(2025, 6, 10)).calls
    assert [(c.date.date, c.date.precision) for c in calls] == [(dt.date(2025, 3, 10), "day")]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "RIYADH, May 20 - Crown Prince Mohammed bin Salman received today a phone call from Emir of Qatar Sheikh "
            "Tamim bin Hamad Al Thani. The Crown Prince also received a phone call from President Recep Tayyip "
            "Erdogan.",
            MON_20_MAY_2024,
        ),
        (
            "El presidente Gustavo Petro sostuvo hoy una conversación telefónica con el presidente Luiz Inácio Lula "
            "da Silva. Posteriormente, Petro recibió una llamada del presidente de Chile, Gabriel Boric.",
            MON_20_MAY_2024,
        ),
        # a date in its own sentence is its own, "also" or not
        (
            "President Emmanuel Macron spoke by phone with Chancellor Olaf Scholz on Sunday. He also spoke with Prime "
            "Minister Rishi Sunak in April about Ukraine.",
            None,
        ),
    ],
)
def test_a_call_of_a_round_told_later_that_day_takes_its_day(
    reference: Reference, text: str, second: dt.date | None
) -> None:
    calls = [c for c in extract(reference, text, MON_20_MAY_2024).calls if c.call_status == "held"]
    assert len(calls) == 2
    assert calls[1].date.date == second


def test_a_call_noun_with_a_stated_date_of_another_day_is_an_earlier_call(reference: Reference) -> None:
    text = (
        "El presidente Bernardo Arévalo sostuvo la noche del domingo una conversación telefónica con la presidenta "
        "Claudia Sheinbaum. No es la primera conversación entre ambos este año: en la llamada del 20 de enero "
        "hablaron de migración."
    )
    days = sorted(c.date.date for c in extract(reference, text, MON_20_MAY_2024).calls if c.date.date)
    assert days == [dt.date(2024, 1, 20), dt.date(2024, 5, 19)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Turkish President Erdogan and Chancellor Scholz spoke by phone two days ago, Ankara said.", 18),
        ("El presidente Lula y el presidente Petro hablaron por teléfono hace tres días, informó Planalto.", 17),
    ],
)
def test_a_few_days_ago_counts_back_from_the_publication_date(reference: Reference, text: str, day: int) -> None:
    found = call_date(reference, "Calls\n" + text)
    assert (found.date, found.precision) == (dt.date(2024, 5, day), "day")


@pytest.mark.parametrize(
    "text",
    [
        "President Macron and Chancellor Scholz spoke by phone a few hours ago, the Elysee said.",
        "Hace unas horas, el presidente Lula conversó por teléfono con el presidente Petro.",
        "El presidente Lula habló hace instantes con el presidente Petro, informó Planalto.",
    ],
)
def test_hours_or_moments_ago_are_the_publication_day(reference: Reference, text: str) -> None:
    found = call_date(reference, "Calls\n" + text)
    assert (found.date, found.precision) == (dt.date(2024, 5, 20), "day")


def test_many_hours_ago_is_no_day(reference: Reference) -> None:
    found = call_date(reference, "Calls\nPresident Macron and Chancellor Scholz spoke 48 hours ago, the Elysee said.")
    assert found.date is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Prime Minister Pedro Sánchez called Prime Minister Luís Montenegro the day after the May 18 election.", 19),
        (
            "Pedro Sánchez telefoneó a Luís Montenegro al día siguiente de las elecciones portuguesas del 18 de mayo "
            "para felicitarle.",
            19,
        ),
        ("Pedro Sánchez spoke by phone with Luís Montenegro on the eve of the May 18 election.", 17),
    ],
)
def test_the_day_after_or_before_a_dated_event_is_one_day_from_it(reference: Reference, text: str, day: int) -> None:
    found = call_date(reference, "Calls\n" + text)
    assert (found.date, found.precision) == (dt.date(2024, 5, day), "day")


def test_an_offset_in_the_lead_beats_a_date_further_on(reference: Reference) -> None:
    text = (
        "Calls\nPedro Sánchez telefoneó a Luís Montenegro al día siguiente de las elecciones del 12 de mayo para "
        "felicitarle. Ya el 28 de abril, durante el apagón, los dos jefes de Gobierno mantuvieron una conversación "
        "telefónica."
    )
    assert call_date(reference, text).date == dt.date(2024, 5, 13)


def test_a_pluperfect_after_already_is_an_earlier_call(reference: Reference) -> None:
    text = (
        "Llamada\nEl presidente Pedro Sánchez conversó ayer por teléfono con el presidente de Gambia, Adama Barrow. "
        "Ambos mandatarios ya habían hablado por teléfono en otra ocasión."
    )
    facts = extract(reference, text, MON_20_MAY_2024)
    assert [(c.is_directly_reported, c.date.date) for c in facts.calls] == [
        (True, dt.date(2024, 5, 19)),
        (False, None),
    ]


def test_a_call_later_in_the_week_lies_between_the_call_before_and_the_publication_date(reference: Reference) -> None:
    text = (
        "Calls\nPresident Hilda Heine spoke by phone on Tuesday with President Lai Ching-te. Later in the week Heine "
        "also spoke with Australian Prime Minister Anthony Albanese, her office said, without giving a day."
    )
    facts = extract(reference, text, dt.date(2024, 1, 19))
    later = [c.date for c in facts.calls if "anthony_albanese" in {p.official_id for p in c.participants}]
    assert [(d.date, d.earliest, d.latest, d.precision) for d in later] == [
        (None, dt.date(2024, 1, 16), dt.date(2024, 1, 19), "week")
    ]


def test_a_mixed_case_dateline_closed_by_an_abbreviated_month_is_the_storys_day(reference: Reference) -> None:
    text = (
        "Felicitación\nSan José, 17 abr. El presidente Rodrigo Chaves felicitó por teléfono a su homólogo de "
        "Ecuador, Daniel Noboa, en una conversación mantenida dos días después de la segunda vuelta del 13 de abril."
    )
    assert call_date(reference, text, dt.date(2025, 4, 17)).date == dt.date(2025, 4, 15)


def test_today_of_an_entry_into_force_is_not_the_calls(reference: Reference) -> None:
    text = (
        "Caribe\nEl primer ministro Philip J. Pierre sostuvo una conversación telefónica con su homólogo de Dominica, "
        "Roosevelt Skerrit, sobre la entrada en vigor hoy del régimen de libre circulación."
    )
    assert call_date(reference, text, dt.date(2025, 10, 1)).date is None


def test_a_possessive_day_dates_the_noun_it_owns(reference: Reference) -> None:
    friday = dt.date(2024, 5, 24)
    text = (
        "This week: what Tuesday's result means for the coalition, and a phone call between Chancellor Olaf Scholz "
        "and President Emmanuel Macron that neither office announced."
    )
    assert call_date(reference, text, friday).date is None
    text = "Thursday's phone call between Chancellor Olaf Scholz and President Emmanuel Macron lasted an hour."
    assert call_date(reference, text, friday).date == dt.date(2024, 5, 23)


def test_a_date_labelling_a_list_of_items_is_not_the_calls(reference: Reference) -> None:
    text = (
        "This week: what the coalition wants, a phone call between Chancellor Olaf Scholz and President Emmanuel "
        "Macron that neither office announced, and the budget numbers."
    )
    date = call_date(reference, text, dt.date(2024, 5, 24))
    assert (date.date, date.earliest, date.latest) == (None, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "They last spoke in May last year.",
        "They had spoken in May of last year.",
        "Hablaron en mayo del año pasado.",
        "La conversación data de mayo del año pasado.",
    ],
)
def test_a_month_of_last_year(text: str) -> None:
    (found,) = find_dates(fold_text(text), text)
    assert (found.kind, found.month, found.last_year) == ("month", 5, True)


SAT_14_JUN_2025 = dt.date(2025, 6, 14)


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        (  # an earlier call that "dates back to" a month of last year; "days before" a dated event closes it
            "El presidente del Gobierno, Pedro Sánchez, habló este viernes por teléfono con el primer ministro de "
            "Noruega, Jonas Gahr Store. La anterior conversación conocida entre ambos data de abril del año pasado, "
            "días antes de la cumbre de Bruselas del 17 de abril de 2024.",
            (dt.date(2024, 4, 1), dt.date(2024, 4, 16)),
        ),
        (
            "El presidente del Gobierno, Pedro Sánchez, habló este viernes por teléfono con el primer ministro de "
            "Noruega, Jonas Gahr Store. La anterior conversación entre ambos se remonta a octubre de 2023, cuando "
            "repasaron la situación en Oriente Próximo.",
            (dt.date(2023, 10, 1), dt.date(2023, 10, 31)),
        ),
        (
            "Canadian Prime Minister Mark Carney spoke by phone with British Prime Minister Keir Starmer on Friday. "
            "Their previous call dates back to May last year.",
            (dt.date(2024, 5, 1), dt.date(2024, 5, 31)),
        ),
    ],
)
def test_an_earlier_call_dated_by_a_month(reference: Reference, text: str, bounds: tuple[dt.date, dt.date]) -> None:
    calls = extract(reference, "Leaders\n\n" + text, SAT_14_JUN_2025).calls
    earlier = [c.date for c in calls if not c.is_directly_reported]
    assert [(d.precision, d.earliest, d.latest) for d in earlier] == [("month", *bounds)]
