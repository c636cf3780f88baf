"""A call's place in the pair's series (issue 12, point 5; issue 13): an article that numbers its call the second or
the third tells of the first as an earlier call, with its own date, and numbers the reported call by the later
ordinal; "their second call in less than a month" numbers the call, "the first call in two years" does not.

The texts are written here in the styles of wire copy and government readouts.
"""

from __future__ import annotations

import datetime as dt

import written

from hotline.reference import Reference

THURSDAY = dt.date(2025, 10, 16)


def test_the_first_call_of_a_later_series_is_an_earlier_call(reference: Reference) -> None:
    text = (
        "VIENNA, Oct 16 - Austrian Chancellor Christian Stocker and Slovak Prime Minister Robert Fico spoke by "
        "telephone on Tuesday, their second call in less than a month.\n\n"
        "The tone was warmer than in their first telephone conversation, late last month, when the two leaders "
        "argued over border checks."
    )
    facts = written.extract(reference, text, THURSDAY)
    told = sorted((c.is_directly_reported, c.date.date, c.sequence_number) for c in facts.calls)
    assert told == [(False, None, None), (True, dt.date(2025, 10, 14), 2)]


def test_the_first_call_in_years_is_no_place_in_the_series(reference: Reference) -> None:
    text = (
        "VIENNA, Oct 16 - Austrian Chancellor Christian Stocker and Slovak Prime Minister Robert Fico spoke by "
        "telephone on Tuesday, their first call in two years."
    )
    facts = written.extract(reference, text, THURSDAY)
    assert [(c.is_directly_reported, c.sequence_number) for c in facts.calls] == [(True, None)]
