"""Many phrase vocabularies matched in one pass over the folded text.

A regex engine walks the whole text once per pattern, so twenty vocabularies cost twenty walks. A
:class:`Lexicon` puts every phrase of every vocabulary into one trie, compiled into one pattern that is
tried at every position (a capturing lookahead, so overlapping and nested phrases are all seen); the
shorter phrases that end inside a longer match are recovered by walking the trie along the match.
:class:`LexiconHits` then answers "the first phrase of vocabulary V between offsets a and b" by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from hotline.text import END, phrase_key, trie_insert, trie_regex


# Not frozen (a frozen dataclass's __init__ costs twice as much, and a scan makes a few hundred hits per article),
# but hashed like a frozen one: nothing changes a hit after the scan.
@dataclass(slots=True, unsafe_hash=True)
class Hit:
    start: int
    end: int
    phrase: str


class Lexicon:
    """Phrase vocabularies (name → phrases), matched as whole words on folded text."""

    def __init__(self, vocabularies: Mapping[str, Iterable[str]]):
        self._trie: dict[str, Any] = {}
        for name, phrases in vocabularies.items():
            for phrase in phrases:
                key = phrase_key(phrase)
                if key:
                    trie_insert(self._trie, key).setdefault(END, set()).add(name)
        self._pattern = re.compile(r"(?<![\w])(?=(" + trie_regex(self._trie) + r"))")
        self.names = frozenset(vocabularies)
        # For every phrase, the phrases that are its prefixes (itself included): (length, prefix, vocabularies).
        self._prefixes: dict[str, list[tuple[int, str, tuple[str, ...]]]] = {}
        self._collect(self._trie, "", [])

    def _collect(self, node: dict[str, Any], path: str, found: list[tuple[int, str, tuple[str, ...]]]) -> None:
        if END in node:
            found = [*found, (len(path), path, tuple(sorted(node[END])))]
            self._prefixes[path] = found
        for char, child in node.items():
            if char != END:
                self._collect(child, path + char, found)

    def scan(self, folded: str) -> LexiconHits:
        found: dict[str, list[Hit]] = defaultdict(list)
        size = len(folded)
        all_prefixes = self._prefixes
        for match in self._pattern.finditer(folded):
            start = match.start()
            longest = match.group(1)
            prefixes = all_prefixes.get(longest)
            if prefixes is not None:  # the text spells the phrase with single spaces: no walk needed
                for length, phrase, names in prefixes:
                    end = start + length
                    if end == size or not ((after := folded[end]).isalnum() or after == "_"):  # a whole word
                        for name in names:
                            found[name].append(Hit(start, end, phrase))
                continue
            node = self._trie
            position = start
            previous_space = False
            for char in longest:
                position += 1
                if char.isspace() or char == '"':  # a run of white space and quotes is one space in the trie
                    if not previous_space:
                        node = node.get(" ", {})
                    previous_space = True
                    continue
                previous_space = False
                node = node.get(char, {})
                names = node.get(END)
                if names and (position == len(folded) or not _is_word(folded[position])):
                    phrase = " ".join(folded[start:position].split())
                    for name in names:
                        found[name].append(Hit(start, position, phrase))
        return LexiconHits(found)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


class LexiconHits:
    """The hits of one text, per vocabulary, sorted by start."""

    def __init__(self, found: dict[str, list[Hit]]):
        self._hits = found
        self._starts = {name: [h.start for h in hits] for name, hits in found.items()}

    def all(self, name: str) -> list[Hit]:
        return self._hits.get(name, [])

    def find(self, name: str, start: int = 0, end: int | None = None) -> Hit | None:
        """The first hit of ``name`` lying within ``[start, end)``, or None."""
        hits = self._hits.get(name)
        if not hits:
            return None
        i = bisect_left(self._starts[name], start)
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
        hits = self._hits.get(name, [])
        starts = self._starts.get(name, [])
        return [h for h in hits[bisect_left(starts, start) : bisect_left(starts, end)] if h.end <= end]

    def at(self, name: str, start: int) -> Hit | None:
        """The longest hit of ``name`` starting exactly at ``start``."""
        hits = self._hits.get(name, [])
        starts = self._starts.get(name, [])
        i = bisect_left(starts, start)
        best = None
        while i < len(hits) and hits[i].start == start:
            best = hits[i] if best is None or hits[i].end > best.end else best
            i += 1
        return best

    def longest(self, *names: str) -> list[Hit]:
        """Hits of the given vocabularies, leftmost-longest and never overlapping (as a regex scan finds them)."""
        # By start only (a key read in C; the sort is stable): at one start, the first of the longest is kept.
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
