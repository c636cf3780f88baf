"""The extractor's shortcuts find what the longer way finds (issue 16): the date words of a story's head taken
from the article's lexicon pass, and surnames found one pattern per surname. Texts written by us."""

from __future__ import annotations

import re

import pytest

from hotline.extract.context import article_lexicon
from hotline.extract.officials.aliases import _surname_matches
from hotline.extract.published import _DATE_WORD_LEXICON, _HEAD_CHARS, _dateline_dates, _head_words
from hotline.reference import load_reference
from hotline.text import fold_text


@pytest.mark.parametrize("lines", ["", "Title\n\nBy A. Writer\nTuesday\nLede one.\nLede two.\n"])
@pytest.mark.parametrize("filler", ["", "x", "xx ", "x. "])
@pytest.mark.parametrize(
    "tail", [" March 3, 2025 - talks", "Marching on", ".\n\nMay 2", "Jan. 2", "y 3 de mayo", "   \n\n"]
)
def test_head_words_read_the_dateline_as_a_scan_of_the_head_does(lines: str, filler: str, tail: str) -> None:
    text = lines + "OTTAWA, Monday, Jan. 12 - " + "w " * ((_HEAD_CHARS - 30 - len(lines)) // 2) + filler
    text = text[: _HEAD_CHARS - 3] + tail
    folded = fold_text(text)
    words = _head_words(text, folded, article_lexicon(load_reference()).scan(folded))
    cut = len(folded) > _HEAD_CHARS and folded[_HEAD_CHARS].isalnum()
    head, folded_head = text[:_HEAD_CHARS], folded[:_HEAD_CHARS]
    scanned = tuple((h.start, h.end) for h in _DATE_WORD_LEXICON.scan(folded_head).all("date_word"))
    if cut and not lines:  # the cut line is read: the head is scanned
        assert words is None
    elif not cut:
        assert words == scanned
    assert words is not None or not lines  # five lines before the cut one: the cut line is never read
    assert _dateline_dates(head, folded_head, words) == _dateline_dates(head, folded_head, scanned)
    assert _head_words(text, folded, None) is None  # no lexicon pass: the head is scanned


@pytest.mark.parametrize(
    ("text", "surnames"),
    [
        ("Díaz-Canel met Canel. Then Díaz-Canel and Canel's aide.", ["Díaz-Canel", "Canel"]),
        ("Sánchez, Sánchez-Pérez and Pérez; aSánchez Sánchez_", ["Sánchez", "Sánchez-Pérez", "Pérez"]),
        ("Lula said. Lula's call. Lula-led. Then Lula.", ["Lula"]),
        ("xLula’s aide, _Lula, 2Lula, LulaLula Lula. Lula—Da Silva", ["Lula", "Lula Lula", "Da Silva", "Silva"]),
    ],
)
def test_surnames_one_pattern_each_match_one_alternation(text: str, surnames: list[str]) -> None:
    names = sorted(surnames, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, names)) + r")(?:(?=['’]s(?![\w]))|(?![\w’'-]))")
    expected = [(m.group(0), m.start(), m.end()) for m in pattern.finditer(text, 1)]
    assert _surname_matches(text, surnames, 1) == expected
    assert expected  # the texts name them
