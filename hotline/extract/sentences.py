"""Sentence segmentation with character offsets, English and Spanish news text.

A line break always ends a sentence (headlines, bullets and datelines carry no final stop). Inside a line a
sentence ends at ``.``, ``!`` or ``?`` (optionally followed by a closing quote) followed by white space and an
upper-case letter, digit or opening quote, unless the stop belongs to an abbreviation (``U.S.``, ``Jan.``,
``Mr.``) or an initial. One compiled pattern, linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hotline.extract.rules import load_rules
from hotline.text import fold

_RULES = load_rules("sentences")
_ABBREVIATIONS = frozenset(a.lower() for a in _RULES["abbreviations"])
ABBREVIATION = re.compile(
    r"(?<![\w.])(?:" + "|".join(map(re.escape, sorted({fold(a) for a in _ABBREVIATIONS}, key=len, reverse=True))) + ")"
)
"""In folded text, a token whose full stop ends no sentence ("Dec.", "Gen."): the splitter's list."""

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, white space, then a likely
# sentence start. Lookarounds keep the match short and the scan linear: a run of stops is tried from its
# first character only (the lookbehind), since a later start in the run has the same tail and fails the same
# way ("....": without it, every dot rescans the rest of the run, quadratic in the run's length). The stop is
# matched before that look-behind: a pattern that opens with a character class is searched for it in C.
_BOUNDARY = re.compile(r"""[.!?…](?<![.!?…][.!?…])[.!?…]*["'”’»)\]]*(?=\s+["'“‘«(\[¿¡]?[A-ZÁÉÍÓÚÑÜ0-9])""")
_LINE_BOUNDARY = re.compile(
    r"""[\n.!?…](?:(?<=\n)|(?<![.!?…][.!?…])[.!?…]*["'”’»)\]]*(?=[^\S\n]+["'“‘«(\[¿¡]?[A-ZÁÉÍÓÚÑÜ0-9]))"""
)
"""A line break, or a :data:`_BOUNDARY` inside a line (its white space no line break): the boundaries of a text
whose every line is a block, in one pass (a character class first: searched for in C)."""
_INITIALS = re.compile(r"(?:[A-Za-zÁÉÍÓÚÑ]{1,2}\.)+")
_LINE = re.compile(r"[^\n]+")


@dataclass(slots=True, unsafe_hash=True)  # not frozen, half the cost to make: see lexicon.Hit
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


def _is_abbreviation(text: str, stop: int, line_start: int) -> bool:
    """True when the '.' at ``stop`` closes an abbreviation or an initial rather than a sentence (in the line or
    block that starts at ``line_start``)."""
    if text[stop] != ".":
        return False
    reach = max(line_start, stop - 64)  # a bounded look-back keeps it linear
    # The token the stop ends: the last run of non-space in the look-back (cut at its start when longer).
    token = text[reach : stop + 1].rsplit(None, 1)[-1].lstrip("\"'“‘«([")
    if token.lower() in _ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "J.", "U.S.", "D.C.", "EE.UU."
    return _INITIALS.fullmatch(token) is not None


_SOFT_BREAK = re.compile(r"[a-záéíóúñü,;]\n[a-záéíóúñü]")
_SOFT_NEWLINE = re.compile(r"\n(?<=[a-záéíóúñü,;]\n)(?=[a-záéíóúñü])")
"""The newlines of :data:`_SOFT_BREAK`, searched from the newline (in C) rather than tried at every letter; it
counts "a\nb\nc" twice where :data:`_SOFT_BREAK` counts it once, so two of them are confirmed by the latter."""
_HARD_END = tuple('.!?:"”»')
_BLOCK_START = tuple("#*-•>|")


def _soft_wrapped(text: str) -> bool:
    """Whether ``text`` is hard-wrapped: several line breaks fall between two lower-case words (see :func:`_blocks`)."""
    return len(_SOFT_NEWLINE.findall(text)) >= 2 and len(_SOFT_BREAK.findall(text)) >= 2


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of text in which a newline is not a sentence boundary.

    Normally every line is a block (headlines, bullets and datelines have no final stop). A hard-wrapped
    document (several line breaks fall between two lower-case words) is read by paragraph instead: a line
    break inside a paragraph is a space unless the line is short, ends a sentence or the next one is a
    heading or bullet.
    """
    lines = [m.span() for m in _LINE.finditer(text) if m.group(0).strip()]
    if not _soft_wrapped(text):
        return lines
    blocks: list[tuple[int, int]] = []
    line_start = 0  # where the last line of the last block starts (a block ends with the last line added)
    for start, end in lines:
        if blocks:
            previous_start, previous_end = blocks[-1]
            previous_line = text[line_start:previous_end].rstrip()  # not the whole block: that is quadratic
            between = text[previous_end:start]
            if (
                between.count("\n") == 1
                and len(previous_line) >= 40
                and not previous_line.endswith(_HARD_END)
                and not text[start:end].lstrip().startswith(_BLOCK_START)
            ):
                blocks[-1] = (previous_start, end)
                line_start = start
                continue
        blocks.append((start, end))
        line_start = start
    return blocks


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; ``text[s.start:s.end] == s.text`` for every sentence."""
    if _soft_wrapped(text):
        return _split_blocks(text, _blocks(text))
    # Every line a block: one pass over the whole text finds the line breaks and the boundaries inside lines.
    sentences: list[Sentence] = []
    paragraph = -1
    line_start = cursor = 0
    fresh = 1  # no sentence yet in this line: its first opens a paragraph
    for boundary in _LINE_BOUNDARY.finditer(text):
        stop = boundary.start()
        newline = text[stop] == "\n"
        if not newline and _is_abbreviation(text, stop, line_start):
            continue
        end = stop if newline else boundary.end()
        if cursor < end and _append(sentences, text, cursor, end, paragraph + fresh):
            paragraph += fresh
            fresh = 0
        cursor = end
        if newline:
            line_start = cursor = stop + 1
            fresh = 1
    _append(sentences, text, cursor, len(text), paragraph + fresh)
    return sentences


def _split_blocks(text: str, blocks: list[tuple[int, int]]) -> list[Sentence]:
    """:func:`split_sentences` of a hard-wrapped text, block by block."""
    sentences: list[Sentence] = []
    paragraph = -1
    for block_start, block_end in blocks:
        paragraph += 1
        cursor = block_start
        for boundary in _BOUNDARY.finditer(text, block_start, block_end):
            if _is_abbreviation(text, boundary.start(), block_start):
                continue
            _append(sentences, text, cursor, boundary.end(), paragraph)
            cursor = boundary.end()
        _append(sentences, text, cursor, block_end, paragraph)
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> bool:
    """Append ``text[start:end]`` stripped as a sentence, unless it is blank; whether it was appended."""
    piece = text[start:end]
    stripped = piece.strip()  # the white space of str.isspace, as str.strip takes it
    if not stripped:
        return False
    start += len(piece) - len(piece.lstrip())
    sentences.append(Sentence(len(sentences), start, start + len(stripped), stripped, paragraph))
    return True
