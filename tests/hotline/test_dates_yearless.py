"""Calls in articles that carry no publication date (issue 13). A story whose dateline gives no year gets its year
only from evidence (the participants' terms, the dateline's own weekday, a date or year the article writes), never
guessed; with several years left, the call keeps the month/day it came on or before, for the merge. A call told in
an embedded post counts from the post's date. Also: days named around the call phrase, and datelines with an agency
or a weekday. Articles written by us in wire, agency, readout and Spanish-press styles; none is copied from the
evaluation corpus."""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract

from hotline.extract.published import published_date_from_text
from hotline.facts import CallDate
from hotline.reference import Reference


def _reported(reference: Reference, text: str) -> CallDate:
    facts = extract(reference, text)
    direct = [call for call in facts.calls if call.is_directly_reported]
    assert len(direct) == 1, direct
    return direct[0].date


@pytest.mark.parametrize(
    ("text", "expected", "evidence"),
    [
        (  # the two leaders' terms overlap for three months: one May 14 in office together
            "Sunak and Montenegro discuss migration\n\nLONDON, May 14 (Reuters) - British Prime Minister Rishi Sunak "
            "spoke by phone on Tuesday with Portuguese Prime Minister Luis Montenegro about migration in the "
            "Mediterranean, Downing Street said.",
            dt.date(2024, 5, 14),
            "participants' terms",
        ),
        (  # the dateline names its weekday: March 16 was a Thursday in only one year both held office
            "Buhari calls Zuma\n\nABUJA, Thursday, March 16 - President Muhammadu Buhari spoke by phone on Thursday "
            "with South African President Jacob Zuma about the attacks on Nigerian traders in Pretoria.",
            dt.date(2017, 3, 16),
            "Thursday",
        ),
        (  # Spanish agency copy; the one year the article writes that fits both terms
            "Noboa y Petro hablan de energía\n\nQUITO, 12 jun (EFE).- El presidente de Ecuador, Daniel Noboa, "
            "conversó este miércoles por teléfono con su homólogo de Colombia, Gustavo Petro, sobre el suministro "
            "eléctrico. Ambos repasaron el acuerdo de interconexión que los dos gobiernos firmaron en 2024 y que "
            "Bogotá suspendió durante la sequía.",
            dt.date(2024, 6, 12),
            "2024",
        ),
        (  # a full date the article states days after the story's: only one year puts it that near
            "Marape and Albanese on the treaty\n\nPORT MORESBY, Sept 12 (AAP) - Papua New Guinea Prime Minister James "
            "Marape said he had spoken by phone on Thursday with Australian Prime Minister Anthony Albanese about the "
            "defence treaty. Albanese is expected in Port Moresby on Tuesday, September 16, 2025. The two countries "
            "signed a policing agreement in December 2023.",
            dt.date(2025, 9, 11),
            "September 16, 2025",
        ),
        (  # a participant the reference data does not know bounds nothing; the other's terms and the text do
            "Faye y Embaló hablan del corredor\n\nDAKAR, 3 jul (EFE).- El presidente de Senegal, Bassirou Diomaye "
            "Faye, conversó este martes por teléfono con su homólogo de Guinea-Bisáu, Umaro Sissoco Embaló, sobre el "
            "corredor vial entre ambos países, cuyas obras comenzaron en febrero de 2024.",
            dt.date(2024, 7, 2),
            "2024",
        ),
        (  # Spanish agency copy tells the story's own day in the present perfect: March 5 was a Wednesday in only
            # one year both held office
            "Sánchez y Macron hablan de defensa\n\nMADRID, 5 Mar. (EUROPA PRESS) -\n\nEl presidente del Gobierno, "
            "Pedro Sánchez, ha conversado este miércoles por teléfono con el presidente de Francia, Emmanuel Macron, "
            "sobre el gasto en defensa, según han informado fuentes de Moncloa.",
            dt.date(2025, 3, 5),
            "story's own Wednesday",
        ),
        (  # the same tense under a dateline of the next day (filed past midnight): no year fits that weekday, so
            # it is no evidence, and the year the article writes is
            "Faye y Embaló hablan del corredor\n\nDAKAR, 3 Jul. (EUROPA PRESS) -\n\nEl presidente de Senegal, "
            "Bassirou Diomaye Faye, ha conversado este martes por teléfono con su homólogo de Guinea-Bisáu, Umaro "
            "Sissoco Embaló, sobre el corredor vial entre ambos países, cuyas obras comenzaron en febrero de 2024.",
            dt.date(2024, 7, 2),
            "2024",
        ),
        (  # the title names the office: Han was acting president on April 10 only in 2025 (prime minister before)
            "Han and Modi discuss shipbuilding\n\nSEOUL, April 10 (Yonhap) -- Acting President Han Duck-soo spoke by "
            "phone with Indian Prime Minister Narendra Modi on Thursday about shipbuilding cooperation.",
            dt.date(2025, 4, 10),
            "participants' terms",
        ),
    ],
)
def test_the_year_of_a_yearless_dateline_comes_from_evidence(
    reference: Reference, text: str, expected: dt.date, evidence: str
) -> None:
    date = _reported(reference, text)
    assert date.date == expected
    assert date.precision == "day"
    assert evidence in (date.how or "")


@pytest.mark.parametrize(
    "text",
    [
        # no year written; Macron and Scholz were both in office on March 3 of four years
        "Macron and Scholz discuss Ukraine\n\nPARIS, March 3 (Reuters) - French President Emmanuel Macron spoke by "
        "phone with German Chancellor Olaf Scholz on Thursday about military aid for Ukraine, the Elysee said.",
        # a year the article writes outside their shared office is background, not the story's year
        "Macron and Scholz discuss Ukraine\n\nPARIS, March 3 (Reuters) - French President Emmanuel Macron spoke by "
        "phone with German Chancellor Olaf Scholz on Thursday about military aid for Ukraine, the Elysee said. The "
        "two countries signed the Aachen treaty in 2019.",
    ],
)
def test_without_evidence_the_call_keeps_the_day_it_came_on_or_before(reference: Reference, text: str) -> None:
    date = _reported(reference, text)
    assert date.date is None
    assert date.year is None
    assert date.precision == "unknown"
    assert (date.latest_month, date.latest_day, date.weekday) == (3, 3, 3)
    assert "no evidence fixes its year" in (date.how or "")


def test_an_earlier_call_dated_after_took_place(reference: Reference) -> None:
    text = (
        "Sánchez y Macron hablan de energía\n\nEl presidente del Gobierno, Pedro Sánchez, habló por teléfono el "
        "martes con el presidente de Francia, Emmanuel Macron. Su anterior llamada tuvo lugar el 19 de febrero."
    )
    facts = extract(reference, text, dt.date(2023, 3, 22))
    earlier = [call.date.date for call in facts.calls if not call.is_directly_reported]
    assert earlier == [dt.date(2023, 2, 19)]


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("WASHINGTON (Agencia del Sur), 15 de julio de 2024.- El presidente", dt.date(2024, 7, 15)),
        ("SANTO DOMINGO, 24 feb 2023 (EFE).- El primer ministro", dt.date(2023, 2, 24)),  # a place named Domingo
        ("Santo Domingo (Notimex), 12 de abril de 2009.— El primer ministro", dt.date(2009, 4, 12)),
        ("ABUJA, Thursday, March 16, 2017 - President", dt.date(2017, 3, 16)),
    ],
)
def test_datelines_with_an_agency_or_a_weekday_in_the_place(opening: str, expected: dt.date) -> None:
    text = f"{opening} habló por teléfono con su homólogo sobre la cooperación regional, informó su oficina."
    assert published_date_from_text(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a possessive weekday before the call noun is the call's; the announcement day is not
            "Trudeau on Biden call\n\nOTTAWA - Canadian Prime Minister Justin Trudeau said on Thursday that "
            "Wednesday's phone call with U.S. President Joe Biden had focused on the border.",
            dt.date(2023, 1, 4),
        ),
        (  # a part of the story's own day
            "Calls for the winner\n\nACCRA - Ghana's President-elect John Mahama thanked voters at a rally. Earlier in "
            "the day, Mr Mahama held a telephone conversation with Nigeria's President Bola Ahmed Tinubu.",
            dt.date(2023, 1, 5),
        ),
    ],
)
def test_days_named_around_the_call(reference: Reference, text: str, expected: dt.date) -> None:
    calls = [c for c in extract(reference, text, dt.date(2023, 1, 5)).calls if c.is_directly_reported]
    assert [c.date.date for c in calls] == [expected]


def test_a_call_told_in_an_embedded_post_counts_from_the_posts_date(reference: Reference) -> None:
    text = (
        'Petro agradece a Lula: "Acabo de hablar con el presidente de Brasil"\n\n'
        "El presidente de Colombia, Gustavo Petro, agradeció el apoyo de Brasil tras una conversación telefónica "
        "con su homólogo Luiz Inácio Lula da Silva, según publicó en sus redes:\n\n"
        "> Acabo de hablar por teléfono con el presidente Lula sobre la Amazonía y la COP. Gracias, hermano.\n"
        "> — Gustavo Petro (@petrogustavo) March 3, 2024\n"
    )
    date = _reported(reference, text)
    assert date.date == dt.date(2024, 3, 3)
    assert "embedded post" in (date.how or "")


def test_a_weekday_owned_by_another_event_is_not_the_calls(reference: Reference) -> None:
    text = (
        "Sánchez llama a Erdogan\n\nEl presidente del Gobierno, Pedro Sánchez, habló por teléfono con el presidente "
        "de Turquía, Recep Tayyip Erdogan. En la llamada, Sánchez le transmitió sus condolencias por el atentado del "
        "martes en Ankara."
    )
    calls = [c for c in extract(reference, text, dt.date(2024, 5, 9)).calls if c.is_directly_reported]
    assert [c.date.date for c in calls] == [None]


def test_a_year_written_only_in_a_later_month_is_not_the_storys(reference: Reference) -> None:
    text = (
        "Sánchez y Macron hablan del acuerdo\n\nMADRID, 3 oct. (EUROPA PRESS) - El presidente del Gobierno, Pedro "
        "Sánchez, conversó el martes por teléfono con el presidente de Francia, Emmanuel Macron, sobre el "
        "acuerdo de interconexión eléctrica firmado en diciembre de 2023."
    )
    date = _reported(reference, text)
    assert date.date is None  # December 2023 lies after October 3 of 2023: it does not make the story's year
    assert (date.latest_month, date.latest_day) == (10, 3)
    written_before = text.replace("diciembre de 2023", "julio de 2023")
    assert _reported(reference, written_before).date == dt.date(2023, 10, 3)  # July 2023: the story is of 2023


def test_a_year_after_since_is_not_the_storys(reference: Reference) -> None:
    text = (
        "Sánchez y Macron hablan del corredor\n\nMADRID, 3 oct. (EUROPA PRESS) - El presidente del Gobierno, Pedro "
        "Sánchez, conversó el martes por teléfono con el presidente de Francia, Emmanuel Macron, sobre el "
        "corredor de hidrógeno, cuyo tráfico se ha duplicado desde 2023."
    )
    date = _reported(reference, text)
    assert date.date is None  # 'desde 2023': the story comes after 2023, in a year the text does not give
    assert (date.latest_month, date.latest_day) == (10, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the call told inside a relative clause does not take the main clause's day
            "Sánchez and Scholz\n\nSpanish Prime Minister Pedro Sánchez spoke by phone on Friday with German "
            "Chancellor Olaf Scholz, who told him about his own phone call with French President Emmanuel Macron.",
            {("olaf_scholz", "pedro_sanchez"): dt.date(2024, 5, 10), ("emmanuel_macron", "olaf_scholz"): None},
        ),
        (  # a relative clause closed before the call phrase leaves the opening day to the call
            "Sánchez y Macron\n\nEl lunes, el presidente del Gobierno, Pedro Sánchez, que viajaba a Bruselas, habló "
            "por teléfono con el presidente de Francia, Emmanuel Macron.",
            {("emmanuel_macron", "pedro_sanchez"): dt.date(2024, 5, 13)},
        ),
    ],
)
def test_a_day_of_the_main_clause_and_a_call_in_a_relative_clause(
    reference: Reference, text: str, expected: dict[tuple[str, ...], dt.date | None]
) -> None:
    calls = extract(reference, text, dt.date(2024, 5, 15)).calls
    assert {tuple(sorted(p.official_id for p in c.participants)): c.date.date for c in calls} == expected


@pytest.mark.parametrize(
    "background",
    [
        "The direct talks were interrupted in 2023 and never resumed.",
        "El acuerdo, firmado en 2023, sigue vigente.",
    ],
)
def test_a_year_that_locates_a_completed_event_is_not_the_storys(reference: Reference, background: str) -> None:
    text = (
        "Macron and Scholz discuss Ukraine\n\nPARIS, March 3 (Reuters) - French President Emmanuel Macron spoke by "
        f"phone with German Chancellor Olaf Scholz on Thursday about military aid for Ukraine. {background}"
    )
    date = _reported(reference, text)
    assert date.date is None  # the story comes after that year, in one the text does not give
    assert (date.latest_month, date.latest_day) == (3, 3)


@pytest.mark.parametrize(
    ("text", "story"),
    [
        (  # a wire lead's reporting verb names the story's own day: January 13 was a Monday in only one year both
            # held office
            "Montenegro on Sanchez call\n\nLISBON, Jan 13 (Reuters) - Portuguese Prime Minister Luis Montenegro said "
            "on Monday he had spoken by phone with Spanish Prime Minister Pedro Sanchez about the Iberian power grid.",
            dt.date(2025, 1, 13),
        ),
        (  # the same with "told reporters"
            "Montenegro on Sanchez call\n\nLISBON, Jan 13 (Reuters) - Portuguese Prime Minister Luis Montenegro told "
            "reporters on Monday he had spoken by phone with Spanish Prime Minister Pedro Sanchez about the grid.",
            dt.date(2025, 1, 13),
        ),
    ],
)
def test_a_wire_leads_reporting_weekday_is_the_storys_own_day(reference: Reference, text: str, story: dt.date) -> None:
    date = _reported(reference, text)
    assert date.story_date == story  # the article's publication date (int_articles_dated)
    assert date.latest == story  # the day the call was told of: it came on or before
    assert date.date is None
    assert "story's own Monday" in (date.how or "")


def test_a_lead_with_the_weekday_before_its_reporting_verb_gives_the_storys_day(reference: Reference) -> None:
    text = (
        "Montenegro on Sanchez call\n\nLISBON, Jan 13 (Reuters) - Portuguese Prime Minister Luis Montenegro on Monday "
        "said he had spoken by phone with Spanish Prime Minister Pedro Sanchez about the Iberian power grid."
    )
    date = _reported(reference, text)
    assert date.story_date == dt.date(2025, 1, 13)
    assert date.latest == dt.date(2025, 1, 13)


@pytest.mark.parametrize(
    ("text", "story"),
    [
        (  # filed past midnight: January 14 was a Tuesday after the lead's Monday in only one year both held office
            "Montenegro on Sanchez call\n\nLISBON, Jan 14 (Reuters) - Portuguese Prime Minister Luis Montenegro said "
            "on Monday he had spoken by phone with Spanish Prime Minister Pedro Sanchez about the Iberian power grid.",
            dt.date(2025, 1, 14),
        ),
        (  # the same in an agency's present perfect
            "Montenegro y Sánchez\n\nLisboa, 14 ene (Agencia).- El primer ministro portugués, Luís Montenegro, ha "
            "conversado este lunes por teléfono con el presidente del Gobierno español, Pedro Sánchez, sobre la red "
            "eléctrica ibérica.",
            dt.date(2025, 1, 14),
        ),
        (  # two days after the lead's Monday in every year: no evidence
            "Montenegro on Sanchez call\n\nLISBON, Jan 15 (Reuters) - Portuguese Prime Minister Luis Montenegro said "
            "on Monday he had spoken by phone with Spanish Prime Minister Pedro Sanchez about the Iberian power grid.",
            None,
        ),
    ],
)
def test_a_dateline_the_day_after_the_leads_weekday(reference: Reference, text: str, story: dt.date | None) -> None:
    date = _reported(reference, text)
    assert date.story_date == story
    assert date.latest is None or date.latest == dt.date(2025, 1, 13)


@pytest.mark.parametrize(
    ("text", "status", "story"),
    [
        (  # a denial in a wire lead: September 9 was a Tuesday in only one year both held office
            "Oslo denies call\n\nOSLO, Sept 9 (Reuters) - Norway's government on Tuesday denied U.S. President "
            "Donald Trump's claim that he had spoken by phone with Prime Minister Jonas Gahr Store about tariffs. "
            '"No such conversation has taken place," a spokesperson for Store said.',
            "denied",
            dt.date(2025, 9, 9),
        ),
        (  # a request: October 15 was a Wednesday in only one year both held office
            "Tinubu seeks call with Mahama\n\nABUJA, Oct 15 (Reuters) - Nigerian President Bola Tinubu has asked for "
            "a phone call with Ghanaian President John Mahama to discuss the border, an official said on Wednesday.",
            "requested",
            dt.date(2025, 10, 15),
        ),
    ],
)
def test_a_call_not_held_gives_its_article_the_storys_day(
    reference: Reference, text: str, status: str, story: dt.date
) -> None:
    (call,) = [c for c in extract(reference, text).calls if c.call_status == status]
    assert call.date.date is None
    assert call.date.story_date == story  # the article's publication date (int_articles_dated)


@pytest.mark.parametrize(
    "text",
    [
        # the weekday is the call's, not a reporting verb's: no evidence of the story's own day
        "Montenegro and Sanchez\n\nLISBON, Jan 13 (Reuters) - Portuguese Prime Minister Luis Montenegro spoke by "
        "phone on Monday with Spanish Prime Minister Pedro Sanchez about the Iberian power grid.",
        # a reporting verb with a weekday past the lead is another day's words
        "Montenegro and Sanchez\n\nLISBON, Jan 13 (Reuters) - Portuguese Prime Minister Luis Montenegro spoke by "
        "phone with Spanish Prime Minister Pedro Sanchez about the Iberian power grid. The grid operator said on "
        "Monday it had restored supply.",
    ],
)
def test_a_weekday_outside_a_leads_reporting_verb_fixes_no_year(reference: Reference, text: str) -> None:
    date = _reported(reference, text)
    assert date.story_date is None
    assert date.date is None
    assert (date.latest_month, date.latest_day) == (1, 13)


def test_a_year_closing_a_since_phrase_is_not_the_storys(reference: Reference) -> None:
    text = (
        "Macron and Scholz discuss Ukraine\n\nPARIS, March 3 (Reuters) - French President Emmanuel Macron spoke by "
        "phone with German Chancellor Olaf Scholz on Thursday about military aid for Ukraine, which both have "
        "supported since the Russian invasion in February 2022."
    )
    date = _reported(reference, text)
    assert date.date is None  # February 2022 starts a stretch the story lies in: the story's year is not given
    assert date.story_date is None
    assert (date.latest_month, date.latest_day) == (3, 3)


_PARIS_LEAD = (
    "Macron and Sanchez talk defence\n\nPARIS, Feb 3 (Reuters) - French President Emmanuel Macron spoke by phone on "
    "Monday with Spanish Prime Minister Pedro Sanchez about European defence."
)


@pytest.mark.parametrize(
    ("more", "expected"),
    [
        (  # two other officials named with their titles held those offices together on Feb 3 only in 2025
            " The call came after U.S. President Donald Trump threatened tariffs on European goods. Macron will meet "
            "German Chancellor Olaf Scholz later this week.",
            dt.date(2025, 2, 3),
        ),
        (  # a title the text marks as past bounds nothing: four years fit the chancellor's term
            " Both recalled the plan that former U.S. President Donald Trump had put forward. Macron will meet German "
            "Chancellor Olaf Scholz later this week.",
            None,
        ),
        ("", None),  # no other official: nine years fit the participants' terms
    ],
)
def test_other_officials_named_with_a_title_bound_the_year(
    reference: Reference, more: str, expected: dt.date | None
) -> None:
    found = _reported(reference, _PARIS_LEAD + more)
    assert found.date == expected
    assert expected is None or "Chancellor Olaf Scholz" in found.how
