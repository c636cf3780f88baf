"""The helpers that let extractors share one scan of an article find exactly what their own scans found.

Examples written for these tests (never taken from the seed corpus).
"""

from __future__ import annotations

import pytest

from hotline.extract.context import article_lexicon
from hotline.extract.dates import find_dates, find_dates_from_words
from hotline.extract.sentences import split_sentences
from hotline.reference import load_reference
from hotline.text import fold_text

TEXTS = [
    "Talks began on 3 de marzo; the leaders last spoke el pasado lunes 12.",
    'They spoke el  "pasado"\n lunes, then on 4/5/2024 and a/march 3, -3 May 2 and x3.',
    "Este 2 de mayo, 2025-01-02, hoy. On the 12th of March, this week; last   Monday, May 2 2024.",
    "March 2025 saw no call; in March they spoke, and on Friday next week again.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_dates_from_the_lexicon_pass_are_the_dates_a_scan_finds(text: str) -> None:
    folded = fold_text(text)
    words = [(h.start, h.end) for h in article_lexicon(load_reference()).scan(folded).all("date_word")]
    found = find_dates_from_words(folded, text, words)
    assert found == find_dates(folded, text)
    assert found  # every example holds dates


def test_a_token_longer_than_the_look_back_before_a_stop_is_no_abbreviation() -> None:
    text = "He said " + "x" * 80 + ". Then he left."
    assert [s.text for s in split_sentences(text)] == ["He said " + "x" * 80 + ".", "Then he left."]
