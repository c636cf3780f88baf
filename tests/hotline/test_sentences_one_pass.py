"""The one-pass sentence split (every line a block) agrees with the block-by-block split it replaces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hotline.extract.sentences import _blocks, _soft_wrapped, _split_blocks, split_sentences

_PIECES = st.sampled_from(
    ["a", "B", ".", " ", "\n", "\n\n", "!", "?", '"', "”", ")", "(", "Mr.", "J.", "U.S.", "Jan.", "\r", "\t",
     "\u2028", "\u00a0", "…", "Ñ", "1", ",", "The ", "word", "said.", " Then"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_one_pass_equals_block_by_block(text: str) -> None:
    if _soft_wrapped(text):
        return  # a hard-wrapped text is split block by block either way
    assert split_sentences(text) == _split_blocks(text, _blocks(text))


def test_one_pass_keeps_paragraphs_and_abbreviations() -> None:
    text = "Headline\n\n  \nMr. Smith spoke with Gen. Lee. They agreed!\n“Yes,” he said. 2 more."
    got = [(s.text, s.paragraph) for s in split_sentences(text)]
    assert got == [
        ("Headline", 0),
        ("Mr. Smith spoke with Gen. Lee.", 1),
        ("They agreed!", 1),
        ("“Yes,” he said.", 2),
        ("2 more.", 2),
    ]
    assert got == [(s.text, s.paragraph) for s in _split_blocks(text, _blocks(text))]
