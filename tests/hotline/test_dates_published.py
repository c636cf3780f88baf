"""Publication dates of metadata go through the one date reader of the extractor (issue 13): English and Spanish,
words or numbers, a numeric date whose day/month order is ambiguous never guessed. Values written by us."""

from __future__ import annotations

import datetime as dt

import pytest

from hotline.articles import parse_metadata_date
from hotline.extract.published import published_date_from_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2 de mayo de 2025", dt.date(2025, 5, 2)),
        ("martes, 2 de septiembre de 2025", dt.date(2025, 9, 2)),
        ("Sept. 2, 2025", dt.date(2025, 9, 2)),
        ("2025/9/2", dt.date(2025, 9, 2)),
        ("13/05/2025", dt.date(2025, 5, 13)),  # only one order is a date
        ("02/05/2025", None),  # either order is a date: not guessed
        ("mayo de 2025", None),  # a month is no publication day
        ("2 de mayo", None),  # no year
        ("May 2, 2025 and May 3, 2025", None),  # two dates: which one is not guessed
    ],
)
def test_metadata_dates_in_words_and_numbers(raw: str, expected: dt.date | None) -> None:
    assert parse_metadata_date(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day a programme went out, on a header line: after a separator or at a line's start
        (
            "Morning Show (excerpt)\nRadio Bahamas · Broadcast Friday, 6 March 2026, 8:05 a.m.\n\nHOST: Welcome.",
            dt.date(2026, 3, 6),
        ),
        (
            "TRANSCRIPT: Evening news\n\nBroadcast: Monday, 2 February 2026, 19:00. Excerpt, edited for length.\n\nX.",
            dt.date(2026, 2, 2),
        ),
        (
            "Guion\n\nRadio del Valle, Cobán. Edición de la noche, viernes 6 de marzo de 2026. Guion de la emisión.\n\n"
            "LOCUTOR: Buenas noches.",
            dt.date(2026, 3, 6),
        ),
        # a date alone in a part of a header line set off by "|"
        (
            "Boletín del Sur\n\nBoletín del Sur | Quito, lunes 2 de marzo de 2026 | Edición para suscriptores\n\nUno.",
            dt.date(2026, 3, 2),
        ),
        # in prose, a broadcast is an event the story reports, not its day
        ("Title\n\nThe address was broadcast on 12 March 2026 to the whole nation.\n\nMore.", None),
        ("Title\n\nThe leaders' remarks, broadcast live on Friday, 6 March 2026, were brief.\n\nMore.", None),
    ],
)
def test_publication_day_on_a_header_line(text: str, expected: dt.date | None) -> None:
    assert published_date_from_text(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the story's own dateline, in words, decides the order of an ambiguous numeric date above it
        (
            "Leaders discuss haze, palm oil in call\n04/09/2025 11:20 AM\n\nKUALA LUMPUR, Sept 4 (Bernama) -- Prime "
            "Minister Anwar Ibrahim spoke by telephone with Thai Prime Minister Paetongtarn Shinawatra today.",
            dt.date(2025, 9, 4),
        ),
        (
            "Leaders discuss haze, palm oil in call\n04/09/2025 11:20 AM\n\nKUALA LUMPUR, April 9 (Bernama) -- Prime "
            "Minister Anwar Ibrahim spoke by telephone with Thai Prime Minister Paetongtarn Shinawatra today.",
            dt.date(2025, 4, 9),
        ),
        (
            "Carney, Starmer talk trade\nPosted on 03/06/2025\n\nOTTAWA, June 3 - Prime Minister Mark Carney spoke "
            "with British Prime Minister Keir Starmer on Tuesday.",
            dt.date(2025, 6, 3),
        ),
        # a dateline that names neither reading leaves the usual order
        (
            "Leaders discuss haze\n04/09/2025 11:20 AM\n\nKUALA LUMPUR, Sept 5 (Bernama) -- Anwar spoke yesterday.",
            dt.date(2025, 4, 9),
        ),
    ],
)
def test_dateline_decides_numeric_order(text: str, expected: dt.date) -> None:
    assert published_date_from_text(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a transcript's header closes with its day and a note in parentheses
        (
            "Versión estenográfica. Conferencia de prensa matutina del presidente, lunes 3 de marzo de 2025 "
            "(extracto)\n\nPREGUNTA: Buenos días.",
            dt.date(2025, 3, 3),
        ),
        (
            "Transcript: Doorstop interview with the Prime Minister, Canberra, Tuesday 6 May 2025 (excerpt)\n\n"
            "PRIME MINISTER: Good morning.",
            dt.date(2025, 5, 6),
        ),
        # a note followed by more prose is a sentence, not a header: the date is an event's
        (
            "Leaders talk trade\n\nPresident Donald Trump said he spoke with Chinese President Xi Jinping on the "
            "phone, on Friday, 2 May 2025 (local time), about soybeans and fentanyl.\n\nMore.",
            None,
        ),
    ],
)
def test_a_date_closing_a_header_before_a_note(text: str, expected: dt.date | None) -> None:
    found, how = published_date_from_text(text)
    assert found == expected
    assert "excerpt" not in (how or "")  # the note is not part of the date as stated
    assert "extracto" not in (how or "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mixed-case place and its date, the agency in parentheses, then the story without a dash (NAN style)
        (
            "Tinubu, Mahama discuss border trade by phone\nBy Staff Writer, News Agency of Nigeria (NAN)\n"
            "Lagos, March 3, 2025 (NAN) President Bola Tinubu on Sunday spoke by telephone with President John "
            "Mahama of Ghana.",
            dt.date(2025, 3, 3),
        ),
        (
            "Mahama y Tinubu conversan\n\nAccra, 3 de marzo de 2025 (Agencia X) El presidente John Mahama "
            "conversó el domingo por teléfono con su homólogo nigeriano.",
            dt.date(2025, 3, 3),
        ),
        # the agency in parentheses before an upper-case place (ANSA style), the date with or without a comma
        (
            "Meloni, Mitsotakis talk migration\n(ANSA) - ROME, JUNE 12 2025 - Premier Giorgia Meloni on "
            "Wednesday had a phone call with Greek Prime Minister Kyriakos Mitsotakis.",
            dt.date(2025, 6, 12),
        ),
        (
            "Meloni, Mitsotakis talk migration\n(AGI) – ROME, June 12, 2025 – Premier Giorgia Meloni on Wednesday "
            "had a phone call with Greek Prime Minister Kyriakos Mitsotakis.",
            dt.date(2025, 6, 12),
        ),
        # a date in parentheses after prose is an event's, not the story's
        (
            "Leaders talk\n\nThe two presidents spoke on the phone on March 3, 2025 (Monday) Officials said more.",
            None,
        ),
    ],
)
def test_datelines_of_agencies_that_write_their_name_in_parentheses(text: str, expected: dt.date | None) -> None:
    assert published_date_from_text(text)[0] == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Updated Mon 13 Oct 2025 07.10 AEDT\nFirst published on Sun 12 Oct 2025 18.02 AEDT", dt.date(2025, 10, 12)),
        ("Actualizado el 14 de octubre de 2025 | Publicado el 12 de octubre de 2025", dt.date(2025, 10, 12)),
        ("Published 12 Oct 2025, updated 13 Oct 2025", dt.date(2025, 10, 12)),
        ("Updated: 13 Oct 2025", dt.date(2025, 10, 13)),  # the only date the page states
        ("Publicado: mié 15 oct 2025", dt.date(2025, 10, 15)),
    ],
)
def test_the_first_publication_before_the_last_update(header: str, expected: dt.date) -> None:
    text = f"Albanese and Luxon speak\n\n{header}\n\nAnthony Albanese spoke by phone with Christopher Luxon.\n"
    assert published_date_from_text(text)[0] == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # the issuing office, a separator, then the place and the date: the place is no weekday, yet the date stands
        # alone at the end of the header line
        ("Gobierno de la República de Panamá — Ciudad de Panamá, 3 de marzo de 2025", dt.date(2025, 3, 3)),
        ("Office of the President of the Republic of Ghana | Accra, 4 March 2025", dt.date(2025, 3, 4)),
        # a mixed-case place and the date after a separator, in the middle of the line: prose goes on after it
        ("Gobierno de Panamá — Ciudad de Panamá, 3 de marzo de 2025, cuando el presidente habló con", None),
    ],
)
def test_a_place_and_date_closing_an_offices_header_line(header: str, expected: dt.date | None) -> None:
    text = f"Mulino conversa con Mahama\n{header}\n\nEl presidente conversó por teléfono con su homólogo."
    assert published_date_from_text(text)[0] == expected
