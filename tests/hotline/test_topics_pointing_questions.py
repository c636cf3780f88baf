"""A transcript's question that points back at the sentence before it (issue 14): "Venezuela has also offered to
send fuel. Did that come up?" answered "No, ...": the topics of the sentence the question points at were not
discussed; answered "Yes", nothing is negated.

Every text was written for these tests in the style of radio transcripts; none is taken from the evaluation corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference

DAY = dt.date(2026, 2, 6)  # a Friday
_CALL = (
    "PORT OF SPAIN - Prime Minister Kamla Persad-Bissessar spoke by phone with Guyana's President Irfaan Ali on "
    "Sunday about the flooding.\n\nREPORTER: Venezuela has also offered to send fuel. Did that come up?\n\n"
)


def _topics(reference: Reference, text: str) -> set[tuple[str, str]]:
    return {(t.topic_code, t.status) for t in written.extract(reference, text, DAY, title="").topics}


@pytest.mark.parametrize(
    "answer",
    [
        "PRIME MINISTER: No, we did not get into that. Our focus was the people who lost their homes.",
        "PRIME MINISTER: No. Our focus was the people who lost their homes.",
    ],
)
def test_a_no_to_a_question_pointing_back_negates_the_sentence_before(reference: Reference, answer: str) -> None:
    assert _topics(reference, _CALL + answer) >= {("venezuela", "not_discussed"), ("energy", "not_discussed")}


def test_a_yes_negates_nothing(reference: Reference) -> None:
    topics = _topics(reference, _CALL + "PRIME MINISTER: Yes, briefly. Our focus was the people who lost their homes.")
    assert not {code for code, status in topics if status == "not_discussed"}
