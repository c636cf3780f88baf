"""Many phrase vocabularies matched in one pass over the folded text.

A regex engine walks the whole text once per pattern, so twenty vocabularies cost twenty walks. A
:class:`Lexicon` puts every phrase of every vocabulary into one Aho-Corasick automaton (``ahocorasick_rs``, in
Rust), which reports every occurrence of every phrase, overlapping and nested ones included, in one pass; those
that are whole words are kept (an ASCII text, most news copy, is matched as bytes with its non-word characters as
spaces against the keys written between spaces: only whole words are found). A run of white space and double
quotes in the text counts as one space, as in a phrase pattern (:data:`hotline.text.SPACE`). :class:`LexiconHits`
then answers "the first phrase of vocabulary V between offsets a and b" by bisection.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, Implementation, MatchKind

from hotline.text import phrase_key


# Not frozen (a frozen dataclass's __init__ costs twice as much, and a scan makes a few hundred hits per article),
# but hashed like a frozen one: nothing changes a hit after the scan.
@dataclass(slots=True, unsafe_hash=True)
class Hit:
    start: int
    end: int
    phrase: str


_SPACES = ['"', *(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c != " ")]
"""What a space in a phrase stands for besides itself: any white space, and a double quote."""
_ASCII_SPACES = [c for c in _SPACES if c.isascii()]
_RUN = re.compile("  +")
_ASCII_WORD = frozenset(c for c in map(chr, range(128)) if c.isalnum() or c == "_")
_DELIMIT = bytes(c if chr(c).isalnum() or c == ord("_") else ord(" ") for c in range(128)) + b" " * 128
"""An ASCII byte as itself when it is a word character, else as a space (:meth:`Lexicon._ascii_spans`)."""
_CHUNK = 16_384
"""Characters of text matched at a time (a phrase that starts in a chunk is matched whole, reading past its end)."""


def squeezed(folded: str) -> tuple[str, list[int] | None]:
    """``folded`` with every run of white space and double quotes as one space, and the offset in ``folded`` of
    each of its characters (None when they are the same)."""
    text, segments = _squeeze(folded)
    if segments is None:
        return text, None
    starts, origins = segments
    offsets: list[int] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        offsets.extend(range(origins[i], origins[i] + end - start))
    return text, offsets


def _squeeze(folded: str) -> tuple[str, tuple[list[int], list[int]] | None]:
    """:func:`squeezed`, with the offsets as segments: where each piece kept whole starts in the squeezed text and
    where in ``folded`` (a list of an int per character costs more than the scan it serves)."""
    text = folded
    for char in _ASCII_SPACES if folded.isascii() else _SPACES:
        if char in text:  # a scan in C per character: cheaper than one regex over the text
            text = text.replace(char, " ")
    if "  " not in text:
        return text, None
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    size = previous = 0
    for run in _RUN.finditer(text):
        first = run.start()
        starts.append(size)
        origins.append(previous)
        size += first + 1 - previous
        pieces.append(text[previous : first + 1])  # up to the run's first space, kept
        previous = run.end()
    starts.append(size)
    origins.append(previous)
    pieces.append(text[previous:])
    return "".join(pieces), (starts, origins)


class Lexicon:
    """Phrase vocabularies (name → phrases), matched as whole words on folded text."""

    def __init__(self, vocabularies: Mapping[str, Iterable[str]]):
        names: dict[str, set[str]] = defaultdict(set)
        for name, phrases in vocabularies.items():
            for phrase in phrases:
                key = phrase_key(phrase)
                if key:
                    if '"' in key:
                        raise ValueError(f"a phrase with a double quote (one space in the text): {phrase!r}")
                    names[key].add(name)
        keys = list(names)
        self._phrases = [(key, tuple(sorted(names[key])), " " in key) for key in keys]
        self._automaton = AhoCorasick(keys, matchkind=MatchKind.Standard)
        self._longest = max(map(len, keys), default=0)
        self.names = frozenset(vocabularies)
        # An ASCII text is matched as bytes with every non-word character a space, against each ASCII key so
        # written between two spaces: only whole words match (no match to drop for a word character beside it).
        # Keys written alike ("u.s." and "u-s.") share a pattern; a key with a non-word character is checked.
        delimited: dict[bytes, list[tuple[int, bool]]] = defaultdict(list)
        for index, key in enumerate(keys):
            if key.isascii():
                written = key.encode("ascii").translate(_DELIMIT)
                delimited[b" " + written + b" "].append((index, b" " in written))
        self._ascii_patterns = list(delimited.values())
        self._ascii_single = [
            entries[0][0] if len(entries) == 1 and not entries[0][1] else -1 for entries in delimited.values()
        ]
        """Per pattern, the index of its one key when it needs no check (most): no inner loop for it."""
        self._ascii_automaton = (
            BytesAhoCorasick(list(delimited), matchkind=MatchKind.Standard, implementation=Implementation.ContiguousNFA)
            if delimited
            else None
        )

    def scan(self, folded: str) -> LexiconHits:
        text, segments = _squeeze(folded)
        if len(text) <= _CHUNK and self._ascii_automaton is not None and text.isascii():
            spans = self._ascii_spans(text)
        else:
            spans = self._spans(text)
        spans.sort()  # by start, then the shorter first (the same order in ``folded``: the map is increasing)
        starts, origins = segments if segments is not None else ([0], [0])
        limits = [*starts[1:], sys.maxsize]  # where each segment ends (the next one starts)
        segment = 0
        limit, shift = limits[0], origins[0] - starts[0]
        found: dict[str, list[Hit]] = defaultdict(list)
        phrases = self._phrases
        for start, end, index in spans:
            # Back to offsets in ``folded``: the segment of a start by walking forward (the spans are sorted), that
            # of an end past it (a phrase across a run of white space) by bisection.
            if start >= limit:
                while limits[segment] <= start:
                    segment += 1
                limit, shift = limits[segment], origins[segment] - starts[segment]
            if end > limit:
                later = bisect_right(starts, end - 1) - 1
                start, end = start + shift, end + origins[later] - starts[later]
            else:
                start, end = start + shift, end + shift
            key, vocabularies, spaced = phrases[index]
            if spaced:  # a phrase of one word is written as its key; one of several may be spaced otherwise
                written = folded[start:end]
                phrase = key if written == key else " ".join(written.split())  # quotes kept: 'una "buena" llamada'
            else:
                phrase = key
            hit = Hit(start, end, phrase)  # one object for every vocabulary of the phrase: nothing changes a hit
            for name in vocabularies:
                found[name].append(hit)
        return LexiconHits(found)

    def _spans(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, key index) of every whole-word match in ``text`` (unsorted)."""
        size = len(text)
        # The text between two spaces, and its word characters: a phrase is a whole word where neither the
        # character before nor the one after it is one (two set lookups per match, no bounds to check).
        padded = " " + text + " "
        word = _ASCII_WORD if text.isascii() else {c for c in set(text) if c.isalnum() or c == "_"}
        spans: list[tuple[int, int, int]] = []
        for first in range(0, size, _CHUNK):  # a long text by chunks: the automaton's list of matches stays small
            window = text[first : first + _CHUNK + self._longest] if size > _CHUNK else text
            matches = self._automaton.find_matches_as_indexes(window, overlapping=True)
            if first or size > _CHUNK:
                matches = [(index, start + first, end + first) for index, start, end in matches if start < _CHUNK]
            spans += [
                (start, end, index)
                for index, start, end in matches
                if padded[start] not in word and padded[end + 1] not in word
            ]
        return spans

    def _ascii_spans(self, text: str) -> list[tuple[int, int, int]]:
        """:meth:`_spans` of an ASCII ``text`` of at most :data:`_CHUNK` characters, in one pass in bytes."""
        assert self._ascii_automaton is not None
        matches = self._ascii_automaton.find_matches_as_indexes(
            b" " + text.encode("ascii").translate(_DELIMIT) + b" ", overlapping=True
        )
        patterns = self._ascii_patterns
        single = self._ascii_single
        phrases = self._phrases
        spans = []
        for pattern, start, end in matches:
            end -= 2  # the pattern's two spaces: its key is text[start:end]
            if (index := single[pattern]) >= 0:
                spans.append((start, end, index))
                continue
            for index, checked in patterns[pattern]:
                if not checked or text[start:end] == phrases[index][0]:
                    spans.append((start, end, index))
        return spans


def unquoted(phrase: str) -> str:
    """The vocabulary key of a hit's phrase: a phrase of several words keeps the double quotes the text put inside
    it ('Nasry "Tito" Asfura' is found as 'tito" asfura'); its key has none."""
    return " ".join(phrase.replace('"', " ").split()) if '"' in phrase else phrase


def is_word_char(char: str) -> bool:
    """What `\\w` matches in a str pattern: a letter or digit of any script, or an underscore."""
    return char.isalnum() or char == "_"


class LexiconHits:
    """The hits of one text, per vocabulary, sorted by start."""

    def __init__(self, found: dict[str, list[Hit]]):
        self._hits = found
        self._starts: dict[str, list[int]] = {}
        """The start offsets of a vocabulary's hits, listed when it is first asked about (most never are)."""

    def _starts_of(self, name: str) -> list[int]:
        starts = self._starts.get(name)
        if starts is None:
            starts = self._starts[name] = [h.start for h in self._hits.get(name, ())]
        return starts

    def may_match(self, name: str, text: str, start: int, end: int) -> bool:
        """Whether a whole-word pattern of vocabulary ``name`` can match in ``text[start:end]``: False when no hit
        lies there and ``end`` cuts no word (a cut may end a phrase the text does not: then the window must be
        searched)."""
        if 0 < end < len(text) and (text[end].isalnum() or text[end] == "_"):  # is_word_char, inlined (per window)
            before = text[end - 1]
            if before.isalnum() or before == "_":
                return True  # a cut
        hits = self._hits.get(name)
        if not hits:
            return False
        i = bisect_left(self._starts_of(name), start)
        while i < len(hits):  # :meth:`find`, inlined (per window)
            hit = hits[i]
            if hit.start >= end:
                return False
            if hit.end <= end:
                return True
            i += 1
        return False

    def all(self, name: str) -> list[Hit]:
        return self._hits.get(name, [])

    def find(self, name: str, start: int = 0, end: int | None = None) -> Hit | None:
        """The first hit of ``name`` lying within ``[start, end)``, or None."""
        hits = self._hits.get(name)
        if not hits:
            return None
        starts = self._starts.get(name)  # :meth:`_starts_of`, inlined: asked some 200 times an article
        i = bisect_left(starts if starts is not None else self._starts_of(name), start)
        while i < len(hits):
            hit = hits[i]
            if end is not None and hit.end > end:
                if hit.start >= end:
                    return None
                i += 1
                continue
            return hit
        return None

    def within(self, name: str, start: int, end: int) -> list[Hit]:
        """Every hit of ``name`` lying within ``[start, end)``."""
        hits = self._hits.get(name)
        if not hits:
            return []
        starts = self._starts_of(name)
        return [h for h in hits[bisect_left(starts, start) : bisect_left(starts, end)] if h.end <= end]

    def at(self, name: str, start: int) -> Hit | None:
        """The longest hit of ``name`` starting exactly at ``start``."""
        hits = self._hits.get(name)
        if not hits:
            return None
        starts = self._starts_of(name)
        i = bisect_left(starts, start)
        best = None
        while i < len(hits) and hits[i].start == start:
            best = hits[i] if best is None or hits[i].end > best.end else best
            i += 1
        return best

    def longest(self, *names: str) -> list[Hit]:
        """Hits of the given vocabularies, leftmost-longest and never overlapping (as a regex scan finds them)."""
        # By start only (a key read in C; the sort is stable): at one start, the first of the longest is kept. One
        # vocabulary's hits are in that order already.
        if len(names) == 1:
            candidates = self._hits.get(names[0], [])
        else:
            candidates = sorted((h for name in names for h in self._hits.get(name, [])), key=_START)
        kept: list[Hit] = []
        reach = -1
        for hit in candidates:
            if hit.start >= reach:
                kept.append(hit)
                reach = hit.end
            elif hit.start == kept[-1].start and hit.end > reach:
                kept[-1] = hit
                reach = hit.end
        return kept


_START = attrgetter("start")
