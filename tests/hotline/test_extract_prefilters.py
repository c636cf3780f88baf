"""The prefilters that spare a regex search find what the search finds: a date scan of one line from the words of
a lexicon pass, a substring test before a phrase pattern, a lexicon hit before a window search or before a party.

Examples written for these tests (never taken from the seed corpus).
"""

from __future__ import annotations

import gc
import re

import pytest

from hotline import extract
from hotline.extract.calls.series import _TIME_ORDINAL, _time_ordinals
from hotline.extract.context import build_context
from hotline.extract.dates import _FIRST_DIGIT, DATE_WORDS, _number_starts, find_dates, find_dates_from_words
from hotline.extract.initiator import _PATTERN_WORDS
from hotline.extract.lexicon import Lexicon
from hotline.extract.officials.aliases import _INITIAL, _MIDDLE_INITIAL
from hotline.extract.topics.hits import _CONGRATULATES
from hotline.extract.trade import positions as pos
from hotline.extract.trade import rules as r
from hotline.extract.trade.parties import Party, _phrases_before
from hotline.facts import Article
from hotline.reference import load_reference
from hotline.text import compile_phrases, first_words, fold_text, holds_any

HEAD = (
    "QUITO, 12 jun (EFE).- El presidente habló el pasado\nlunes 3 de marzo con su homólogo.\n"
    'WASHINGTON, May 2, 2024 — They last spoke on "Monday" and on 4/5/2024,\nnext week again.\n'
    "  Sunday\nnext\nweek, or may"
)


def test_the_dates_of_each_line_are_those_a_scan_of_the_line_finds() -> None:
    folded = fold_text(HEAD)
    words = [(h.start, h.end) for h in Lexicon({"date_word": DATE_WORDS}).scan(folded).all("date_word")]
    lines = [m.span() for m in re.finditer(r"[^\n]+", HEAD)]
    assert len(lines) == 7
    for start, end in lines:
        assert find_dates_from_words(folded, HEAD, words, start, end) == find_dates(folded, HEAD, start, end)
    assert sum(len(find_dates(folded, HEAD, start, end)) for start, end in lines) >= 5


@pytest.mark.parametrize("text", ["a call of half an hour", "media  hora", "half-hour", "behalf of", "no such"])
def test_a_pattern_is_searched_only_where_a_first_word_stands(text: str) -> None:
    phrases = ["half an hour", "half-hour", "media hora"]
    pattern, words = compile_phrases(phrases), first_words(phrases)
    assert words == ("half", "half-hour", "media")
    found = pattern.search(text) is not None
    assert not found or holds_any(text, words, 0, len(text))


def test_a_window_is_searched_only_where_the_lexicon_found_a_phrase_or_a_word_is_cut() -> None:
    folded = "a call from the president; a pedido del rey"
    hits = Lexicon({"call_from": ["call from"], "request": ["a pedido del"]}).scan(folded)
    assert hits.may_match("call_from", folded, 0, 12)
    assert not hits.may_match("call_from", folded, 12, len(folded))
    assert hits.may_match("request", folded, 20, len(folded))
    assert hits.may_match("request", folded, 0, 9)  # the window ends inside "from": a cut word


def test_the_patterns_read_before_a_party_are_skipped_only_where_they_cannot_match() -> None:
    text = (
        "Washington imposed tariffs on  the Chinese steel, according to Canada; duties against Mexico and the EU.\n"
        "Aranceles a la  importación de México, según Brasil, y contra los productos de Japón, dijo el gobierno."
    )
    ctx = build_context(Article("a" * 16, "t.txt", "txt", "t", text, "0" * 64, "utf-8", len(text)), load_reference())
    patterns = (
        pos.NOT_TARGET,
        pos.TARGET_BEFORE,
        pos.ORIGIN_STRONG,
        pos.AFTER_MEASURE,
        pos.ATTRIBUTED,
        pos.ATTRIBUTED_AT_END,
    )
    matched = skipped = 0
    for word in re.finditer(r"(?<![\w])\w+", ctx.folded):  # every word as a party
        party = Party(word.start(), word.end(), "XX", frozenset({"country"}))
        lo = max(0, party.start - r.CONTEXT)
        before = _phrases_before(ctx.folded, party)
        if any(p.search(ctx.folded, lo, party.start) for p in patterns):
            matched += 1
            assert "left" in before, word.group()
        if pos.ORIGIN_WEAK.search(ctx.folded, lo, party.start):
            assert "origin" in before, word.group()
        skipped += not before
    assert matched >= 5
    assert skipped >= 10


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("George W. Bush called.", True),
        ("Benigno S. Aquino III\tand Juan  P.  Pérez", True),
        ("the U.S. President, Jan. 5 and W.Bush", False),
        ("A. B. said so", False),
        ("no initial at all", False),
    ],
)
def test_a_text_with_no_middle_initial_is_not_searched_for_such_names(text: str, named: bool) -> None:
    assert (_MIDDLE_INITIAL.search(text) is not None) == named
    assert _INITIAL.search(text) is not None or not named


@pytest.mark.parametrize("text", ["felicitó a Lula por su victoria", "congratulated him", "they spoke", ""])
def test_a_text_is_scanned_for_rule_phrases_only_when_it_holds_an_anchor(text: str) -> None:
    folded = fold_text(text)
    spans = [m.span() for m in _CONGRATULATES.finditer_in(folded)]
    assert spans == [m.span() for m in _CONGRATULATES.pattern.finditer(folded)]


@pytest.mark.parametrize(
    "text",
    ["on 12/03/2025, B2 and -5 or x_1", "é5 y 7 de marzo", "el ٣ de marzo y 4", "2025", "", "no digits", "a1 (2) 3.4"],
)
def test_the_numbers_of_a_window_are_those_the_pattern_finds(text: str) -> None:
    for start in range(len(text) + 1):
        for stop in (start, len(text), min(len(text), start + 4)):
            expected = [m.span() for m in _FIRST_DIGIT.finditer(text, start, stop)]
            assert _number_starts(text, start, stop) == expected


CALLER_TEXTS = [
    "When Mr Brown phoned to offer his condolences, the talks resumed.",
    "El mandatario chileno llamó para felicitar a su colega.",
    "It was Mr Okafor who called, the ministry said.",
    "Fue Ramírez quien llamó primero.",
    "Mr Brown was the one who placed the call.",
    "La presidenta, que solicitó la conversación, habló largo.",
    "Brown gave him a quick ring on Sunday.",
    "Nobody placed anything; the talks were by letter.",
]


@pytest.mark.parametrize("text", CALLER_TEXTS)
def test_a_surname_caller_pattern_is_searched_only_where_one_of_its_words_stands(text: str) -> None:
    folded = fold_text(text)
    for pattern, words in _PATTERN_WORDS.items():
        assert pattern.search(folded) is None or holds_any(folded, words, 0, len(folded))


def test_every_surname_caller_pattern_matches_one_of_the_texts() -> None:
    folded = [fold_text(text) for text in CALLER_TEXTS]
    assert all(any(pattern.search(f) for f in folded) for pattern in _PATTERN_WORDS)


def test_the_collector_is_paused_while_an_article_is_read_and_on_again_after(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = extract.build_context

    def spy(*args: object) -> object:
        seen.append(gc.isenabled())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(extract, "build_context", spy)
    text = "Macron spoke with Lula by phone on Monday."
    article = Article("b" * 16, "t.txt", "txt", "t", text, "0" * 64, "utf-8", len(text))
    assert gc.isenabled()
    extract.extract_article(article, load_reference())
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()  # a caller's pause is its own: left as it was
    try:
        extract.extract_article(article, load_reference())
        assert not gc.isenabled()
    finally:
        gc.enable()
    monkeypatch.setattr(extract, "build_context", lambda *args: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        extract.extract_article(article, load_reference())
    assert gc.isenabled()


@pytest.mark.parametrize(
    "text",
    [
        "it was the second time this year that the two presidents have spoken by phone.",
        "the second time this year, the third time they have talked: at least the fourth time they spoke.",
        "la tercera vez que ambos mandatarios conversan, y la\tcuarta\nvez  que hablan por telefono.",
        "for the first time since 2020, time and again, a timely call; the sixth times they spoke.",
        "second time",
        "time second time spoke",
        "the 3rd time the two have spoken.",
    ],
)
def test_time_ordinals_tried_at_the_word_before_time_find_what_finditer_finds(text: str) -> None:
    assert [m.span() for m in _time_ordinals(text)] == [m.span() for m in _TIME_ORDINAL.finditer(text)]
