"""The text toolkit (``hotline.text``): folding with offsets kept, phrase tries, vocabularies.

Examples written by the team: accents of English and Spanish news text, typographic quotes and spaces, the
characters whose fold is not one character ("…", "İ", a combining accent), Vietnamese names. A property test
checks the offset guarantee on any text hypothesis produces.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hotline.text import (
    Vocabulary,
    compile_phrases,
    fold,
    fold_text,
    phrase_alternation,
    phrase_key,
    phrase_variants,
    trie_insert,
    trie_regex,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("López Obrador", "lopez obrador"),
        ("MÉXICO, Canadá y Perú", "mexico, canada y peru"),
        ("Nguyễn Xuân Phúc", "nguyen xuan phuc"),
        ("“Tariffs” – he said", '"tariffs" - he said'),
        ("it’s 25\u202f% and 10\u00a0%", "it's 25 % and 10 %"),
        ("Erdoğan, Ångström", "erdogan, angstrom"),
    ],
)
def test_fold_text_folds_accents_quotes_and_spaces(text: str, folded: str) -> None:
    assert fold_text(text) == folded


@pytest.mark.parametrize("text", ["impuso… aranceles", "İstanbul", "Canada\u0301 impuso", "ﬁnal ½"])
def test_characters_without_a_one_character_fold_keep_their_place(text: str) -> None:
    folded = fold_text(text)
    assert len(folded) == len(text)
    # Every other character is still folded where it stands.
    assert "aranceles" in folded or "stanbul" in folded or "impuso" in folded or "nal" in folded


@given(st.text(max_size=200))
def test_fold_text_keeps_length_so_offsets_map_one_to_one(text: str) -> None:
    folded = fold_text(text)
    assert len(folded) == len(text)
    for i, char in enumerate(text):
        expected = fold(char)
        if len(expected) == 1 and len(char.lower()) == 1 and ord(char) < 0x2000:
            assert folded[i] == expected, (char, folded[i])


def test_fold_is_the_key_folding() -> None:
    assert fold("Unión Europea") == "union europea"
    assert phrase_key("  Unión   Europea ") == "union europea"


def test_phrase_variants_optional_words() -> None:
    assert sorted(phrase_variants("review of (the) USMCA")) == ["review of the usmca", "review of usmca"]
    assert phrase_variants("aranceles") == ["aranceles"]


def test_phrase_pattern_is_whole_word_longest_first_and_spans_quotes() -> None:
    pattern = compile_phrases(["tariff", "tariff-rate quota", "conversación telefónica"])
    text = fold_text('A tariff-rate quota, tariffs, and una "conversación" telefónica.')
    assert [m.group() for m in pattern.finditer(text)] == ["tariff-rate quota", 'conversacion" telefonica']


def test_trie_regex_falls_back_to_the_shorter_phrase() -> None:
    root: dict[str, object] = {}
    for key in ("call", "call with"):
        trie_insert(root, key)[""] = {}
    pattern = re.compile(r"(?<![\w])(?:" + trie_regex(root) + r")(?![\w])")
    assert [m.group() for m in pattern.finditer("a call within a call with")] == ["call", "call with"]


def test_phrase_alternation_of_nothing_matches_nothing_useful() -> None:
    assert re.fullmatch(phrase_alternation(["x"]), "x")


def test_vocabulary_maps_phrases_to_values_and_reports_neutral_phrases() -> None:
    vocab = Vocabulary({"sin embargo": None, "embargo": "sanction", "ban on (the) imports": "sanction"})
    text = fold_text("Sin embargo, el embargo y the ban on the imports")
    assert [(text[s:e], v) for s, e, v in vocab.finditer(text)] == [
        ("sin embargo", None),
        ("embargo", "sanction"),
        ("ban on the imports", "sanction"),
    ]
    assert vocab.first(text) == "sanction"


def test_vocabulary_by_value_and_bounds() -> None:
    vocab = Vocabulary.by_value({"steel": ["steel", "acero"], "aluminum": ["aluminio"]})
    text = "acero y aluminio"
    assert [v for _, _, v in vocab.finditer(text, 5)] == ["aluminum"]


def test_empty_vocabulary_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one phrase"):
        Vocabulary({})
