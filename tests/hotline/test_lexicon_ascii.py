"""The lexicon's byte pass over an ASCII text finds exactly the whole-word matches of its general pass."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hotline.extract.lexicon import Lexicon

_LEXICON = Lexicon(
    {
        "cue": ["phone call", "call", "face-to-face", "face to face", "u.s.", "u.s. president", "talks", "a"],
        "name": ["o'brien", "al-sisi", "x_y", "call", "2025", "g-7"],
    }
)
_WORDS = st.sampled_from(
    ["phone", "call", "calls", "face", "to", "-", "u", ".", "s", "president", "talks", "a", "o", "'", "brien",
     "al", "sisi", "x", "_", "y", "2025", "g", "7", " ", "  ", "\n", '"', ",", "recall"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_WORDS, max_size=30).map("".join))
def test_ascii_pass_equals_general_pass(text: str) -> None:
    assert sorted(_LEXICON._ascii_spans(text)) == sorted(_LEXICON._spans(text))


def test_ascii_pass_checks_keys_written_alike() -> None:
    hits = _LEXICON.scan("a face-to-face meeting, not face to face: u.s. president o'brien called (u-s)")
    assert [(h.phrase, h.start) for h in hits.all("cue")] == [
        ("a", 0),
        ("face-to-face", 2),
        ("face to face", 28),
        ("u.s.", 42),
        ("u.s. president", 42),
    ]
    assert [h.phrase for h in hits.all("name")] == ["o'brien"]
