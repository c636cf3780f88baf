"""Sentence splitting, date expressions and publication dates.

Examples written by the team for these tests (never taken from the seed corpus).
"""

from __future__ import annotations

import datetime as dt

import pytest

from hotline.extract.dates import find_dates, latest_on_or_before, resolve, weekday_near
from hotline.extract.published import published_date_from_text
from hotline.extract.sentences import split_sentences
from hotline.text import fold_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. envoy arrived. Talks began on Jan. 5 in Ottawa.",
            ["The U.S. envoy arrived.", "Talks began on Jan. 5 in Ottawa."],
        ),
        (
            "Headline without a stop\nBody sentence one. Body two!",
            ["Headline without a stop", "Body sentence one.", "Body two!"],
        ),
        ("“We agreed,” she said. “Yes.”", ["“We agreed,” she said.", "“Yes.”"]),
        (
            "El Sr. Ebrard viajó a EE.UU. ayer. Volverá el lunes.",
            ["El Sr. Ebrard viajó a EE.UU. ayer.", "Volverá el lunes."],
        ),
        ("Gen. J. Smith spoke. Then left.", ["Gen. J. Smith spoke.", "Then left."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on March 3, 2025", [("absolute", 2025, 3, 3)]),
        ("the Feb. 14 call", [("absolute", None, 2, 14)]),
        ("el 3 de febrero de 2025", [("absolute", 2025, 2, 3)]),
        ("el 3 de febrero", [("absolute", None, 2, 3)]),
        ("on 14 July 2024", [("absolute", 2024, 7, 14)]),
        ("2024-11-07", [("absolute", 2024, 11, 7)]),
        ("13/04/2025", [("absolute", 2025, 4, 13)]),
        ("04/13/2025", [("absolute", 2025, 4, 13)]),
        ("in June 2025", [("month", 2025, 6, None)]),
        ("You may 2 times ask", []),
        ("April 31", []),
    ],
)
def test_absolute_dates(text: str, expected: list[tuple]) -> None:
    found = find_dates(fold_text(text), text)
    assert [(d.kind, d.year, d.month, d.day) for d in found] == expected


def test_weekdays_and_relative_days() -> None:
    text = "He called on Monday, not next Friday; she spoke ayer and el pasado miércoles."
    found = find_dates(fold_text(text), text)
    assert [(d.kind, d.weekday, d.relative_days, d.is_future) for d in found] == [
        ("weekday", 0, None, False),
        ("weekday", 4, None, True),
        ("relative", None, -1, False),
        ("weekday", 2, None, False),
    ]


def test_resolution_against_publication_date() -> None:
    friday = dt.date(2025, 3, 7)
    assert weekday_near(3, friday, future=False) == dt.date(2025, 3, 6)
    assert weekday_near(4, friday, future=False) == friday
    assert weekday_near(0, friday, future=True) == dt.date(2025, 3, 10)
    assert latest_on_or_before(12, 30, dt.date(2025, 1, 2)) == dt.date(2024, 12, 30)
    (expr,) = find_dates(fold_text("yesterday"))
    assert resolve(expr, friday)[0] == dt.date(2025, 3, 6)
    assert resolve(expr, None)[0] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\nPublished on March 4, 2025\nBody.", dt.date(2025, 3, 4)),
        ("Title\nPosted on 13/02/2025 10:00\nBody.", dt.date(2025, 2, 13)),
        # Ambiguous order: a dated event in the text rules out the month/day reading.
        ("Title\nPosted on 04/06/2025\nThe statement of June 2, 2025 said more.", dt.date(2025, 6, 4)),
        ("Title\nPosted on 04/06/2025\nThe statement of March 30, 2025 said more.", dt.date(2025, 4, 6)),
        ("Título\nPublicado el 5 de marzo de 2025\nTexto.", dt.date(2025, 3, 5)),
        ("Title\nThe leaders met on March 4, 2025.", None),
        ("The leaders met on March 4, 2025", None),
        # Datelines and date lines where outlets and governments put them.
        (
            "ABUJA, Thursday, March 16, 2017 - President Buhari has discussed the attacks with Zuma.",
            dt.date(2017, 3, 16),
        ),
        ("MONTEVIDEO, 25 nov 2024 (EFE).- El presidente de Brasil telefoneó este lunes a Orsi.", dt.date(2024, 11, 25)),
        ("Ciudad de México, 8 de agosto de 2022.— El presidente informó este lunes que habló.", dt.date(2022, 8, 8)),
        ("Monday 7 November 2011\n\nOn Thursday, the central bank cut rates.", dt.date(2011, 11, 7)),
        ("28/06/2023 | Política\n\nEl presidente mantuvo ayer una conversación.", dt.date(2023, 6, 28)),
        (
            "Source: Xinhua | 2022-03-18 22:26:49 | Editor: huaxia\n\nBEIJING, March 18 (Xinhua) -- Xi spoke.",
            dt.date(2022, 3, 18),
        ),
        ("Periódico La Jornada Jueves 5 de enero de 2023, p. 3\n\nEl presidente informó.", dt.date(2023, 1, 5)),
        ("SANTO DOMINGO.- Publicado el lunes 18 de septiembre de 2023\n\nEl presidente se negó.", dt.date(2023, 9, 18)),
        # A dotted date is day first; a mixed-case dateline may end in a stop or a colon before the story.
        ("New Delhi, 12.03.2025: Prime Minister Narendra Modi today spoke with Keir Starmer.", dt.date(2025, 3, 12)),
        ("Bogotá, 12/03/2025. El presidente Gustavo Petro habló este martes con Daniel Noboa.", dt.date(2025, 3, 12)),
        ("Lima, 5 de marzo de 2024. La presidenta Dina Boluarte conversó con Lula.", dt.date(2024, 3, 5)),
        ("Title\n2025-03-12T10:45:00Z\n\nMacron spoke by phone with Scholz on Tuesday.", dt.date(2025, 3, 12)),
        ("Riyadh, March 01, 2025, SPA -- His Royal Highness received today a phone call.", dt.date(2025, 3, 1)),
        (
            "Boletín Sur\n\nEdición del viernes 19 de septiembre de 2025 · Newsletter para suscriptores",
            dt.date(2025, 9, 19),
        ),
        (
            "Lima, 17 de junio de 2025 (Oficina de Comunicaciones y Prensa del Congreso de la República). El "
            "presidente del Congreso habló por teléfono.",
            dt.date(2025, 6, 17),
        ),
        # A full date standing alone at the end of a line: a title's closing parentheses, a standfirst's last
        # sentence.
        (
            "Transcript of Weekly Media Briefing by the Official Spokesperson (June 05, 2025)\n\nGood afternoon.",
            dt.date(2025, 6, 5),
        ),
        (
            "Pacific Brief\n\nYour Friday round-up of news from around the region. Friday 12 September 2025.\n\nFIJI.",
            dt.date(2025, 9, 12),
        ),
        (  # a programme's header line with a note about the page in parentheses
            "Browne and Friends - Pointe FM 99.1 - Saturday, 5 July 2025 (transcript excerpt, 10:14-10:22)\n\n"
            "HOST: Prime Minister, welcome.",
            dt.date(2025, 7, 5),
        ),
        ("Title\n\nLeaders met (March 3, 2024) in Lima.\n\nMore.", None),
        ("Title\n\nElections are due. The next vote is on 5 May 2021.\n\nMore.", None),
        # No year, no publication date; a date inside the story's prose is an event.
        ("PARIS, March 3 (Reuters) - French President Emmanuel Macron spoke with Putin on Thursday.", None),
        ("In a call on March 3, 2022, the two presidents discussed the war at length and agreed to talk again.", None),
        ("", None),
    ],
)
def test_published_date_from_text(text: str, expected: dt.date | None) -> None:
    day, how = published_date_from_text(text)
    assert day == expected
    assert (how is None) == (expected is None)


def test_split_is_linear_on_a_long_line_of_abbreviations() -> None:
    text = "U.S. Canada Mexico " * 60_000  # about 1 MB on one line
    sentences = split_sentences(text)
    assert sentences[-1].end == len(text.rstrip())


def test_hard_wrapped_paragraphs_are_read_as_prose() -> None:
    text = (
        "# Carney and Sheinbaum talk\n\n"
        "Canadian Prime Minister Mark Carney and Mexican President Claudia Sheinbaum spoke by phone on\n"
        "Monday, March 17, 2025, about the tariffs the United States imposed on steel and\n"
        "aluminum. They agreed to keep working together on trade, Sheinbaum said at her\n"
        "morning press conference.\n"
    )
    sentences = split_sentences(text)
    assert [s.text.split()[0] for s in sentences] == ["#", "Canadian", "They"]
    assert "Monday, March 17, 2025" in sentences[1].text
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_one_line_per_paragraph_keeps_headlines_apart() -> None:
    text = "Leaders speak\nTrump and Carney spoke by phone.\nSheinbaum: trade talks are going well\nShe said more."
    assert len(split_sentences(text)) == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on the 3rd", [("day_of_month", None, 3)]),
        ("el día 15 de marzo", [("absolute", 3, 15)]),
        ("the 3rd of March", [("absolute", 3, 3)]),
        ("the 45th", []),
    ],
)
def test_day_of_month(text: str, expected: list[tuple]) -> None:
    found = find_dates(fold_text(text), text)
    assert [(d.kind, d.month, d.day) for d in found] == expected
