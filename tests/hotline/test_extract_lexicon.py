"""The lexicon pass finds what one whole-word pattern per phrase finds: every occurrence, nested and overlapping
ones included, with a run of white space and double quotes as one space.

Examples written for these tests (never taken from the seed corpus).
"""

from __future__ import annotations

import re

import pytest

from hotline.extract.lexicon import Hit, Lexicon, squeezed
from hotline.text import fold_text

VOCABULARIES = {
    "call": ["call", "phone call", "a phone call", "llamada telefónica", "called"],
    "place": ["u.s.", "united states", "states", "ee.uu."],
    "title": ["president", "u.s. president", "vice president"],
}
TEXTS = [
    "A phone call; the U.S. President called, a  phone\n\n call, callers and recall.",
    'Una "llamada"  telefónica con EE.UU.; la llamada\ttelefónica del vice  "president".',
    "\u2009United\u00a0States  president\u3000call_ x_call call",
    'call"phone call" "a phone call"',
    "  \n call  phone \t call \n\n",  # runs first and last: the segments of the squeezed text map back
    "",
]


def _expected(text: str) -> dict[str, list[Hit]]:
    folded = fold_text(text)
    found: dict[str, list[Hit]] = {}
    for name, phrases in VOCABULARIES.items():
        hits = []
        for phrase in phrases:
            body = r'[\s"]+'.join(map(re.escape, fold_text(phrase).split()))
            for match in re.finditer(rf"(?<![\w])(?=({body})(?![\w]))", folded):
                hits.append(Hit(match.start(1), match.end(1), " ".join(match.group(1).split())))
        if hits:
            found[name] = sorted(hits, key=lambda h: (h.start, h.end))
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_the_scan_finds_every_whole_word_occurrence(text: str) -> None:
    hits = Lexicon(VOCABULARIES).scan(fold_text(text))
    assert {name: hits.all(name) for name in VOCABULARIES if hits.all(name)} == _expected(text)


def test_runs_of_space_squeeze_to_one_and_map_back() -> None:
    folded = 'a  "b"\n\nc d\t e'
    text, offsets = squeezed(folded)
    assert text == "a b c d e"
    assert offsets == [0, 1, 4, 5, 8, 9, 10, 11, 13]
    assert squeezed("a b") == ("a b", None)


def test_a_phrase_with_a_double_quote_is_refused() -> None:
    with pytest.raises(ValueError, match="double quote"):
        Lexicon({"x": ['say "hi"']})


def test_a_long_text_is_scanned_by_chunks_with_nothing_lost_at_their_seams() -> None:
    sentence = "The U.S.  president made a phone\ncall; callers recalled the United States call. "
    text = sentence * 700  # past several chunks of the automaton, phrases across every seam
    hits = Lexicon(VOCABULARIES).scan(fold_text(text))
    assert {name: hits.all(name) for name in VOCABULARIES if hits.all(name)} == _expected(text)
