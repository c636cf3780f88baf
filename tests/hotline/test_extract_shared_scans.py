"""The helpers that let extractors share one scan of an article find exactly what their own scans found.

Examples written for these tests (never taken from the seed corpus).
"""

from __future__ import annotations

import datetime as dt

import pytest

from hotline.extract.call_dates import _OFFSET, _OFFSET_UNIT_WORDS, _ONE_DAY, _ONE_DAY_WORDS
from hotline.extract.context import article_lexicon, build_context
from hotline.extract.dates import find_dates, find_dates_from_words
from hotline.extract.sentences import split_sentences
from hotline.facts import Article
from hotline.reference import load_reference
from hotline.text import anchor_words, fold_text, holds_any

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


SENTENCE_TEXTS = [
    "Macron spoke with Lula by phone on Monday. They discussed trade.\n\nThe  two leaders said the call was warm, "
    "officials said. A summit follows in May.",
    "El presidente habló por teléfono con su homólogo. Ambos abordaron la cumbre;\nla conversación fue cordial.",
    'Asked whether   they "discussed" tariffs, he declined. She said: "We spoke." Later, they met.',
]


@pytest.mark.parametrize("text", SENTENCE_TEXTS)
def test_a_sentences_first_hit_is_what_a_search_of_the_sentence_finds(text: str) -> None:
    article = Article("0" * 16, "a.txt", "txt", "t", text, "0" * 64, "utf-8", len(text), dt.date(2025, 6, 4))
    ctx = build_context(article, load_reference())
    for name in ("speech", "discussion", "readout", "other_event", "continuation", "place", "tone_positive"):
        for sentence in ctx.sentences:
            expected = ctx.lex.find(name, sentence.start, sentence.end)
            assert ctx.first_in(name, sentence.index) == expected
            assert (sentence.index in ctx.firsts(name)) == (expected is not None)


def test_one_vocabularys_longest_hits_are_those_of_the_sorted_scan() -> None:
    found = article_lexicon(load_reference()).scan(fold_text("The Mexican president and the president of Mexico."))
    for name in ("place", "title", "counterpart"):
        assert found.longest(name) == found.longest(name, "no_such_vocabulary")


@pytest.mark.parametrize(
    "text",
    ["Two days after the vote they spoke.", "La víspera de la cumbre, hablaron.", "On the eve of talks.", "No."],
)
def test_the_call_dates_prefilters_pass_every_sentence_their_patterns_match(text: str) -> None:
    folded = fold_text(text)
    for pattern, words in ((_OFFSET, _OFFSET_UNIT_WORDS), (_ONE_DAY, _ONE_DAY_WORDS)):
        assert pattern.search(folded) is None or holds_any(folded, words, 0, len(folded))
    assert anchor_words(["on the eve of", "la vispera de"]) == ("eve", "vispera")
