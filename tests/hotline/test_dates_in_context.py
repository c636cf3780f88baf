"""Days read from the words around them (issue 13): a weekday with its day of the month ("el martes 18"), a date
in a clause that counts from another event ("la primera desde que asumió el cargo, el 8 de noviembre"), a call told
"that same night" ("esa misma noche") of the day named before it, and a day in the possessive that owns the call
noun after "said" ("said Wednesday's call focused on ..."). Texts written by us in the styles of Spanish-language
dailies, agency copy and wires; none is copied from the evaluation corpus."""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract

from hotline.extract.dates import find_dates, resolve
from hotline.facts import CallDate
from hotline.reference import Reference
from hotline.text import fold_text

TUE_25_NOV_2025 = dt.date(2025, 11, 25)


def dates_by_pair(reference: Reference, text: str, published: dt.date) -> dict[frozenset[str], CallDate]:
    facts = extract(reference, text, published)
    return {frozenset(p.official_id or "" for p in c.participants): c.date for c in facts.calls}


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("el martes 18 había conversado", dt.date(2025, 11, 18)),
        ("on Tuesday 18th he spoke", dt.date(2025, 11, 18)),
        ("el domingo 2", dt.date(2025, 11, 2)),  # the latest 2nd up to the paper, a Sunday
        ("el lunes 30", dt.date(2025, 10, 30)),  # no Monday 30 in October 2025 (a Thursday): none, never a guess
        ("el lunes 3 y el martes 4", dt.date(2025, 11, 3)),  # the first of two
    ],
)
def test_a_weekday_with_its_day_of_the_month(words: str, day: dt.date) -> None:
    (first, *_) = find_dates(fold_text(words), words)
    resolved, _ = resolve(first, TUE_25_NOV_2025)
    expected = day if day.weekday() == first.weekday else None
    assert first.kind == "weekday"
    assert resolved == expected


@pytest.mark.parametrize(
    "words",
    ["el jueves 3 de abril", "Tuesday 18 November 2025", "el viernes 14:30", "on Monday 10 a.m.", "Friday 3 hours"],
)
def test_a_number_after_a_weekday_that_is_no_day_of_the_month(words: str) -> None:
    weekday = find_dates(fold_text(words), words)[0]
    assert weekday.kind == "weekday"
    assert weekday.day is None


def test_el_martes_18_dates_a_call_told_a_week_before_the_paper(reference: Reference) -> None:
    text = (
        "Paz y Milei conversan\n\n"
        "El presidente de Bolivia, Rodrigo Paz, hizo balance de su primer mes de gestión ante la prensa.\n\n"
        "El martes 18 había conversado por teléfono con el presidente argentino, Javier Milei, sobre el gas."
    )
    (date,) = dates_by_pair(reference, text, TUE_25_NOV_2025).values()
    assert date.date == dt.date(2025, 11, 18)  # not the paper's own Tuesday, the 25th


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the date closes a clause opened by "desde que": the inauguration's, not the call's
            "Paz y Lula hablan por teléfono\n\n"
            "El presidente Rodrigo Paz sostuvo anoche una conversación telefónica con su homólogo de Brasil, Luiz "
            "Inácio Lula da Silva, la primera entre ambos desde que el mandatario boliviano asumió el cargo, el 8 "
            "de noviembre.",
            dt.date(2025, 11, 24),
        ),
        (  # the same clause with no day of the call: no date, never the inauguration's
            "Paz y Lula hablan por teléfono\n\n"
            "El presidente Rodrigo Paz sostuvo una conversación telefónica con su homólogo de Brasil, Luiz Inácio "
            "Lula da Silva, la primera desde que el mandatario boliviano asumió el cargo, el 8 de noviembre.",
            None,
        ),
    ],
)
def test_a_date_in_a_clause_opened_by_desde_que_is_that_events(
    reference: Reference, text: str, expected: dt.date | None
) -> None:
    (date,) = dates_by_pair(reference, text, TUE_25_NOV_2025).values()
    assert date.date == expected


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "Emir de Catar recibe llamadas\n\n"
            "Doha, 24 jun (EFE).- El emir de Catar, el jeque Tamim bin Hamad al Thani, recibió en la noche del lunes "
            "una llamada telefónica del emir de Kuwait, el jeque Mishal al Ahmad al Yaber al Sabah, informó hoy la "
            "agencia oficial.\n\n"
            "El jeque Tamim recibió esa misma noche llamadas similares del rey de Baréin, Hamad bin Isa al Jalifa.",
            frozenset({"tamim_bin_hamad_al_thani", "hamad_bin_isa_al_khalifa"}),
        ),
        (
            "Greek PM calls Cyprus president\n\n"
            "Greek Prime Minister Kyriakos Mitsotakis spoke by phone on Monday with Cypriot President Nikos "
            "Christodoulides about the interconnector.\n\n"
            "That evening, Mitsotakis also spoke with Turkish President Recep Tayyip Erdogan.",
            frozenset({"kyriakos_mitsotakis", "recep_tayyip_erdogan"}),
        ),
    ],
)
def test_a_call_told_that_same_night_is_of_the_day_of_the_call_before(
    reference: Reference, text: str, second: frozenset[str]
) -> None:
    date = dates_by_pair(reference, text, dt.date(2025, 6, 24))[second]
    assert date.date == dt.date(2025, 6, 23)  # not "hoy", the day the first call was told of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a column: "esa noche" points back to the day named paragraphs before
            "El teléfono de Palacio\n\n"
            "Han pasado dos semanas desde el domingo 26 de enero, el día en que el Gobierno estuvo a horas de una "
            "guerra comercial.\n\n"
            "Esa madrugada, el presidente ordenó impedir el aterrizaje de dos aviones militares.\n\n"
            "Lo que el presidente Gustavo Petro sí hizo esa noche fue llamar a la presidenta de Honduras, Xiomara "
            "Castro, para pedirle una reunión de urgencia.",
            dt.date(2025, 1, 26),
        ),
        (  # a wire: "that evening" after the summit's day
            "Leaders scramble after summit\n\n"
            "The emergency summit in Brussels ended on Thursday without a deal on the budget.\n\n"
            "That evening, German Chancellor Friedrich Merz phoned French President Emmanuel Macron to discuss "
            "the next steps.",
            dt.date(2025, 2, 6),
        ),
        (  # the day something was told is no day the call points back to
            "Leaders scramble after summit\n\n"
            "The chancellery said on Friday that talks would go on.\n\n"
            "That evening, German Chancellor Friedrich Merz phoned French President Emmanuel Macron to discuss "
            "the next steps.",
            None,
        ),
        (  # a news agency's "On the same day" opens the next paragraph
            "Leaders scramble after summit\n\n"
            "The emergency summit in Brussels ended on Thursday without a deal on the budget.\n\n"
            "On the same day, German Chancellor Friedrich Merz held a phone call with French President Emmanuel "
            "Macron to discuss the next steps.",
            dt.date(2025, 2, 6),
        ),
        (  # Spanish: "el mismo día" after the day of the summit
            "Los líderes, tras la cumbre\n\n"
            "La cumbre de Bruselas terminó el jueves sin acuerdo sobre el presupuesto.\n\n"
            "El mismo día, el presidente del Gobierno, Pedro Sánchez, habló por teléfono con el primer ministro de "
            "Portugal, Luís Montenegro.",
            dt.date(2025, 2, 6),
        ),
        (  # "the same day as" compares with an event named after it: no day pointed back to
            "Leaders scramble after summit\n\n"
            "The emergency summit in Brussels ended on Thursday without a deal on the budget.\n\n"
            "German Chancellor Friedrich Merz phoned French President Emmanuel Macron on the same day as the vote "
            "in parliament.",
            None,
        ),
        (  # no such words: no date from a day named before
            "Leaders scramble after summit\n\n"
            "The emergency summit in Brussels ended on Thursday without a deal on the budget.\n\n"
            "German Chancellor Friedrich Merz phoned French President Emmanuel Macron to discuss the next steps.",
            None,
        ),
    ],
)
def test_that_night_points_back_to_the_day_named_before(
    reference: Reference, text: str, expected: dt.date | None
) -> None:
    (date,) = dates_by_pair(reference, text, dt.date(2025, 2, 10)).values()
    assert date.date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # after "said", a day in the possessive that owns the call noun is the call's, not the telling's
            "Biden, López Obrador talk migration\n\n"
            "WASHINGTON — U.S. President Joe Biden and Mexican President Andrés Manuel López Obrador spoke by phone "
            "to prepare for next week's summit in Mexico City, officials said.\n\n"
            "The White House said Wednesday's call focused on migration and on fentanyl trafficking.",
            dt.date(2023, 1, 4),
        ),
        (  # said on the day: the call came on or before it, no day
            "Biden, López Obrador talk migration\n\n"
            "The White House said Wednesday that U.S. President Joe Biden and Mexican President Andrés Manuel López "
            "Obrador had discussed migration by phone.",
            None,
        ),
        (  # the day of another call, in a clause opened by "after": not this call's
            "Macron briefs Zelensky\n\n"
            "After Wednesday's conversation with Russian President Vladimir Putin, French President Emmanuel Macron "
            "spoke by phone with Ukrainian President Volodymyr Zelensky.",
            None,
        ),
    ],
)
def test_a_possessive_day_that_owns_the_call_noun(reference: Reference, text: str, expected: dt.date | None) -> None:
    dates = dates_by_pair(reference, text, dt.date(2023, 1, 5))
    date = next(d for pair, d in dates.items() if "vladimir_putin" not in pair)
    assert date.date == expected


@pytest.mark.parametrize(
    "text",
    [
        (
            "Crown Prince receives Ramadan calls\n\n"
            "His Royal Highness Prince Mohammed bin Salman, Crown Prince and Prime Minister, received today a phone "
            "call from Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah, Amir of the State of Kuwait, who extended his "
            "congratulations on the advent of Ramadan.\n\n"
            "In a second call, His Royal Highness received a phone call from Mohammed Shia Al-Sudani, Prime Minister "
            "of the Republic of Iraq, who congratulated him on the holy month."
        ),
        (
            "El príncipe heredero recibe llamadas\n\n"
            "El príncipe heredero saudí, Mohamed bin Salmán, recibió hoy una llamada telefónica del emir de Kuwait, "
            "Mishal al Ahmad al Yaber al Sabah, con motivo del inicio del Ramadán.\n\n"
            "En otra llamada, el príncipe heredero conversó con el primer ministro de Irak, Mohamed Shia al Sudani, "
            "sobre la situación regional."
        ),
    ],
)
def test_the_next_call_of_a_round_is_of_the_day_of_the_call_before(reference: Reference, text: str) -> None:
    dates = dates_by_pair(reference, text, dt.date(2025, 3, 1))
    assert dates[frozenset({"mohammed_bin_salman", "mohammed_shia_al_sudani"})].date == dt.date(2025, 3, 1)


def test_an_earlier_call_on_that_very_day(reference: Reference) -> None:
    text = (
        "Sánchez y Montenegro hablan del apagón\n\n"
        "El presidente del Gobierno, Pedro Sánchez, conversó este sábado por teléfono con el primer ministro "
        "portugués, Luís Montenegro, sobre la interconexión eléctrica.\n\n"
        "Sánchez y Montenegro ya habían hablado por teléfono el mismo 28 de abril, pocas horas después de que la "
        "península se quedara a oscuras."
    )
    facts = extract(reference, text, dt.date(2025, 12, 1))
    assert sorted(str(c.date.date) for c in facts.calls) == ["2025-04-28", "2025-11-29"]


WED_29_OCT_2025 = dt.date(2025, 10, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Spanish weekday capitalized next to another capitalized word is a name, not a day
        (
            "Abinader y Holness conversan\n\nLa llamada entre Santo Domingo y Kingston duró media hora: el "
            "presidente Luis Abinader conversó por teléfono con el primer ministro de Jamaica, Andrew Holness.",
            None,
        ),
        (
            "Abinader y Holness conversan\n\nDesde Santo Domingo, el presidente Luis Abinader conversó por "
            "teléfono este miércoles con el primer ministro de Jamaica, Andrew Holness.",
            WED_29_OCT_2025,
        ),
        # written lower case, or opening its line alone, it is the day
        (
            "Abinader y Holness conversan\n\nEl domingo, el presidente Luis Abinader conversó por teléfono con el "
            "primer ministro de Jamaica, Andrew Holness.",
            dt.date(2025, 10, 26),
        ),
    ],
)
def test_a_weekday_in_a_place_name_dates_no_call(reference: Reference, text: str, expected: dt.date | None) -> None:
    (date,) = dates_by_pair(reference, text, WED_29_OCT_2025).values()
    assert date.date == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # a round of calls: the lead tells both, each paragraph one; a day told with another leader is not this
            # call's
            "Tusk holds calls on Baltic security\n\n"
            "WARSAW (AP) — Polish Prime Minister Donald Tusk held phone talks with Swedish Prime Minister Ulf "
            "Kristersson and Danish Prime Minister Mette Frederiksen this week, his office said Friday.\n\n"
            "In Wednesday's call, Kristersson raised the damage to the undersea cables in the Baltic Sea.\n\n"
            "On Thursday evening, Frederiksen called Tusk to discuss the protection of shipping lanes.",
            dt.date(2025, 1, 17),
            {frozenset({"donald_tusk", "mette_frederiksen"}): dt.date(2025, 1, 16)},  # not Wednesday
        ),
        (  # an office that names a round's leaders by their countries names no one call's pair
            "Boric agradece la ayuda\n\n"
            "El presidente de Chile, Gabriel Boric, contó este lunes que durante el fin de semana llamó a sus pares "
            "de Argentina y Brasil para agradecer el envío de brigadistas.\n\n"
            "Con Alberto Fernández habló el sábado, poco después de que aterrizara el primer avión.",
            dt.date(2023, 2, 6),
            {frozenset({"gabriel_boric", "alberto_fernandez"}): dt.date(2023, 2, 4)},
        ),
    ],
)
def test_a_day_told_with_the_calls_own_two_leaders_is_its_day(
    reference: Reference, text: str, published: dt.date, expected: dict[frozenset[str], dt.date]
) -> None:
    dates = dates_by_pair(reference, text, published)
    assert {pair: dates[pair].date for pair in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sheinbaum y Carney\n\nLa presidenta Claudia Sheinbaum informó en su conferencia matutina que el 18 de "
            "este mes conversó por teléfono con el primer ministro de Canadá, Mark Carney, sobre el T-MEC.",
            dt.date(2025, 11, 18),
        ),
        (
            "Carney and Sheinbaum\n\nMexican President Claudia Sheinbaum said she had spoken by phone with Canadian "
            "Prime Minister Mark Carney on the 18th of this month about the trade pact.",
            dt.date(2025, 11, 18),
        ),
        (  # a number of something else before the words: no day
            "Sheinbaum y Carney\n\nLa presidenta Claudia Sheinbaum conversó por teléfono con el primer ministro de "
            "Canadá, Mark Carney, tras los 18 acuerdos firmados este mes.",
            None,
        ),
    ],
)
def test_a_day_of_this_month(reference: Reference, text: str, expected: dt.date | None) -> None:
    (date,) = dates_by_pair(reference, text, TUE_25_NOV_2025).values()
    assert date.date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the call's own "ayer"; "el 1 de noviembre" is when the duties started
            "Aranceles\n\nLa presidenta Claudia Sheinbaum sostuvo ayer una conversación telefónica con el primer "
            "ministro de Canadá, Mark Carney, en la que repasaron los aranceles que Washington empezó a aplicar el "
            "20 de noviembre al acero.",
            dt.date(2025, 11, 24),
        ),
        (
            "Tariffs\n\nCanadian Prime Minister Mark Carney held a phone call yesterday with Mexican President Claudia "
            "Sheinbaum, in which they reviewed the steel duties Washington began applying on Nov. 20.",
            dt.date(2025, 11, 24),
        ),
        (  # no day of the call's own: the date the sentence gives stays the call's
            "Aranceles\n\nLa presidenta Claudia Sheinbaum conversó por teléfono el 20 de noviembre con el primer "
            "ministro de Canadá, Mark Carney, sobre el acero.",
            dt.date(2025, 11, 20),
        ),
    ],
)
def test_the_calls_own_yesterday_outweighs_another_events_date(
    reference: Reference, text: str, expected: dt.date | None
) -> None:
    (date,) = dates_by_pair(reference, text, TUE_25_NOV_2025).values()
    assert date.date == expected


def test_a_call_in_a_when_clause_after_a_date_is_the_call_of_that_day(reference: Reference) -> None:
    text = (
        "Marruecos\n\nMadrid, 4 mar 2025 (EFE).- El presidente del Gobierno, Pedro Sánchez, telefoneó este martes al "
        "rey de Marruecos, Mohamed VI. Era la primera conversación entre ambos desde el 30 de octubre, cuando el "
        "monarca alauí llamó a Sánchez para expresarle sus condolencias."
    )
    facts = extract(reference, text, dt.date(2025, 3, 4))
    days = sorted(c.date.date for c in facts.calls if c.date.date is not None)
    assert days == [dt.date(2024, 10, 30), dt.date(2025, 3, 4)]  # the earlier call kept apart, on its own day


@pytest.mark.parametrize(
    ("text", "latest"),
    [
        (  # a Spanish daily: "en los últimos días", counted from the paper's day
            "Sánchez y Montenegro\n\nEl presidente del Gobierno, Pedro Sánchez, y el primer ministro portugués, Luís "
            "Montenegro, han hablado por teléfono en los últimos días sobre la red eléctrica, según Moncloa.",
            TUE_25_NOV_2025,
        ),
        (  # a wire: "in the past few days", counted from the day it was said
            "Sanchez and Montenegro\n\nSpanish Prime Minister Pedro Sanchez said on Monday he had spoken by phone in "
            "the past few days with Portuguese Prime Minister Luis Montenegro about the power grid.",
            dt.date(2025, 11, 24),
        ),
    ],
)
def test_in_recent_days_gives_the_day_the_call_came_on_or_before(
    reference: Reference, text: str, latest: dt.date
) -> None:
    (date,) = dates_by_pair(reference, text, TUE_25_NOV_2025).values()
    assert (date.date, date.earliest, date.latest) == (None, None, latest)
