"""Dates that a page's layout gives (issue 13): a live blog that runs over several days dates each entry by the day
heading it stands under, not by the page's publication date. Pages written by us in live-blog style."""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract

from hotline.extract.published import day_headings
from hotline.reference import Reference

LIVE_BLOG = (
    "Live: European politics, day by day\n\n"
    "## Monday 20 May 2024\n\n"
    "**18:10** - Ministers meet in Brussels on the budget.\n\n"
    "## Wednesday 22 May 2024\n\n"
    "**09:30** - Chancellor Olaf Scholz spoke by phone this morning with President Emmanuel Macron about the "
    "budget, a government spokesman said.\n"
)


def test_an_entry_is_of_the_day_heading_it_stands_under(reference: Reference) -> None:
    facts = extract(reference, LIVE_BLOG, dt.date(2024, 5, 24))  # the page's date is its last update
    (call,) = [c for c in facts.calls if c.is_directly_reported]
    assert call.date.date == dt.date(2024, 5, 22)
    assert "day heading 'Wednesday 22 May 2024'" in (call.date.how or "")


def test_a_heading_after_the_publication_date_does_not_count(reference: Reference) -> None:
    facts = extract(reference, LIVE_BLOG, dt.date(2024, 5, 20))  # a held call is never after its article's date
    (call,) = [c for c in facts.calls if c.is_directly_reported]
    assert call.date.date == dt.date(2024, 5, 20)


def test_without_a_heading_the_publication_date_counts(reference: Reference) -> None:
    text = LIVE_BLOG.replace("## Monday 20 May 2024\n\n", "").replace("## Wednesday 22 May 2024\n\n", "")
    (call,) = [c for c in extract(reference, text, dt.date(2024, 5, 23)).calls if c.is_directly_reported]
    assert call.date.date == dt.date(2024, 5, 23)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("## Tuesday 7 October 2025", dt.date(2025, 10, 7)),
        ("**Martes, 7 de octubre de 2025**", dt.date(2025, 10, 7)),
        ("October 7, 2025", dt.date(2025, 10, 7)),
        ("## The summit of 7 October 2025", None),  # words besides the date: a title, not a day heading
        ("## October 2025", None),  # no day
    ],
)
def test_day_headings(line: str, day: dt.date | None) -> None:
    found = day_headings(f"Title\n\n{line}\n\nText of the entry.\n")
    assert [d for _, d, _ in found] == ([day] if day else [])


def test_a_call_told_in_quotation_marks_in_an_embedded_post_counts_from_the_post(reference: Reference) -> None:
    text = (
        "Scholz thanks Macron\n\n"
        "Chancellor Olaf Scholz has thanked French President Emmanuel Macron for his support after the two leaders "
        "spoke by phone.\n\n"
        "In a post on X, Mr Scholz wrote about the conversation.\n\n"
        '"Had a long call today with @EmmanuelMacron about the budget and Ukraine."\n'
        "— Olaf Scholz (@OlafScholz), 6:10 PM · May 21, 2024\n"
    )
    (call,) = [c for c in extract(reference, text, dt.date(2024, 5, 22)).calls if c.is_directly_reported]
    assert call.date.date == dt.date(2024, 5, 21)  # the post's "today", not the day after it was published
    assert "embedded post" in (call.date.how or "")


TIMED_ENTRIES = (
    '---\ntitle: "Live: storm recovery"\npublished: 2025-09-10\n---\n\n'
    "**18:05** — That's all from us today.\n\n"
    "**4.20pm - Starmer and Martin speak**\n\n"
    "Prime Minister Keir Starmer has just finished a phone call with Taoiseach Micheál Martin about the storm "
    "damage, Downing Street says.\n\n"
    "**14:10** — Rescue teams are still at work in the north.\n\n"
    "**11:45** — Good morning and welcome to our live coverage.\n"
)


def test_a_call_told_in_a_live_blog_entry_is_of_the_entrys_day(reference: Reference) -> None:
    (call,) = [c for c in extract(reference, TIMED_ENTRIES, dt.date(2025, 9, 10)).calls if c.is_directly_reported]
    assert call.date.date == dt.date(2025, 9, 10)
    assert "4.20pm entry of a live blog" in (call.date.how or "")


def test_under_a_day_heading_the_entry_is_of_the_headings_day(reference: Reference) -> None:
    text = TIMED_ENTRIES.replace("**18:05**", "## Tuesday 9 September 2025\n\n**18:05**")
    (call,) = [c for c in extract(reference, text, dt.date(2025, 9, 10)).calls if c.is_directly_reported]
    assert call.date.date == dt.date(2025, 9, 9)


@pytest.mark.parametrize(
    "text",
    [
        # the same words in a story with no timed entries: no day
        TIMED_ENTRIES.replace("**18:05** — ", "").replace("**14:10** — ", "").replace("**11:45** — ", ""),
        # a live blog with no publication date: no day to count from
        TIMED_ENTRIES.replace("published: 2025-09-10\n", ""),
    ],
)
def test_without_timed_entries_or_a_day_the_entry_gives_no_date(reference: Reference, text: str) -> None:
    published = dt.date(2025, 9, 10) if "published:" in text else None
    (call,) = [c for c in extract(reference, text, published).calls if c.is_directly_reported]
    assert call.date.date is None


@pytest.mark.parametrize(
    ("dateline", "published", "day"),
    [
        ("WASHINGTON, May 5 (AP) —", dt.date(2025, 5, 6), dt.date(2025, 5, 5)),  # stamped after midnight
        ("WASHINGTON, May 5, 2025 (AP) —", dt.date(2025, 5, 6), dt.date(2025, 5, 5)),
        ("CIUDAD DE MÉXICO, 5 may (EFE).-", dt.date(2025, 5, 6), dt.date(2025, 5, 5)),
        ("WASHINGTON, May 5 (AP) —", dt.date(2025, 5, 5), dt.date(2025, 5, 5)),  # the same day
        ("WASHINGTON, May 3 (AP) —", dt.date(2025, 5, 6), dt.date(2025, 5, 6)),  # days apart: a slip, not a lag
    ],
)
def test_a_story_filed_the_day_before_its_page_date_counts_from_its_dateline(
    reference: Reference, dateline: str, published: dt.date, day: dt.date
) -> None:
    text = (
        "Trump, Sheinbaum talk tariffs\n\n"
        f"{dateline} President Donald Trump spoke by phone this morning with Mexican President Claudia Sheinbaum "
        "about tariffs, the White House said."
    )
    (call,) = [c for c in extract(reference, text, published).calls if c.is_directly_reported]
    assert call.date.date == day
