"""Publication dates of metadata go through the one date reader of the extractor (issue 13): English and Spanish,
words or numbers, a numeric date whose day/month order is ambiguous never guessed. Values written by us."""

from __future__ import annotations

import datetime as dt

import pytest

from hotline.articles import parse_metadata_date


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
