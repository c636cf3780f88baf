"""The text toolkit every layer shares: folding, phrase tries, phrase→value vocabularies.

It imports nothing from the project, so reference loading and every extractor can build on it.

* :func:`fold` makes lookup keys ("López" → "lopez"); it may change the length (``"…"`` → ``"..."``).
* :func:`fold_text` folds a whole article *keeping its length*, so an offset into the folded text is an
  offset into the original: extractors match on it and quote the original.
* :func:`phrase_alternation` / :func:`phrase_pattern` turn a phrase list into one regex built as a trie
  (common prefixes factored out: the engine tries each character once per position, not once per phrase).
* :class:`Vocabulary` maps phrases to values and finds them as whole words in folded text.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

END = ""
"""The key that marks where a phrase ends in a character trie."""

SPACE = r'[\s"]+'
"""What a space inside a phrase matches: a run of white space and double quotes ('una "buena" llamada')."""


_LETTERS = str.maketrans("\u0131\u0142\u0111\u00f8\u0127\u0167", "ildoht")
"""Letters with a stroke or without a dot that no Unicode decomposition maps to their base letter ("Kalin" with a
dotless i, a Polish l, a Norwegian o): written ASCII in most outlets' copy, so folded to it, one character each."""


@lru_cache(maxsize=8192)  # names, titles and country words, folded over and over
def fold(text: str) -> str:
    """Lower-case and strip accents: ``'López'`` → ``'lopez'`` (a dotless i or a stroked letter to its base
    letter). Keeps length for plain Latin text."""
    if text.isascii():  # no accent to strip, no letter to map: the lower case is the fold (in C)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().translate(_LETTERS)


def phrase_key(phrase: str) -> str:
    """The folded form of a phrase with single spaces: the key its matches are looked up by."""
    return " ".join(unicodedata.normalize("NFC", fold(phrase)).split())


def _one_to_one(char: str) -> str:
    folded = fold(char)
    if len(folded) == 1:
        return folded
    lower = char.lower()
    return lower if len(lower) == 1 else char


# Latin, Greek, Cyrillic, the Latin Extended Additional block (Vietnamese "ễ") and the spaces of General
# Punctuation (a narrow no-break space before "%"), one character each; typographic quotes, dashes and the
# no-break space as their ASCII forms.
_TABLE = {chr(code): _one_to_one(chr(code)) for code in range(0x80, 0x2500)}
_TABLE.update({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_TABLE.update({"\u00a0": " ", "\u0130": "i"})
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_match(match: re.Match[str]) -> str:
    char = match.group(0)
    return _TABLE.get(char, char)


def fold_text(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with identical length and offsets.

    ``str.lower`` runs in C; only the few non-ASCII characters of the text go through the table, one regex
    substitution each. A character with no one-character fold ("…", a combining accent) stays as it is.
    """
    folded = text.lower()
    if not folded.isascii():
        folded = _NON_ASCII.sub(_fold_match, folded)
    if len(folded) != len(text):  # a rare character whose lower case is longer ("İ"): fold one by one
        folded = "".join(_TABLE.get(c, c if len(c.lower()) != 1 else c.lower()) for c in text)
    return folded


def phrase_variants(phrase: str) -> list[str]:
    """Folded spellings of a rule phrase; a word in parentheses is optional ("review of (the) usmca")."""
    choices: list[tuple[str, ...]] = []
    for word in phrase_key(phrase).split():
        if len(word) > 2 and word.startswith("(") and word.endswith(")"):
            choices.append(("", word[1:-1]))
        else:
            choices.append((word,))
    return [" ".join(w for w in combo if w) for combo in itertools.product(*choices)]


def trie_insert(root: dict[str, Any], key: str) -> dict[str, Any]:
    """Add ``key`` to a character trie; returns its last node (the caller marks the end under :data:`END`)."""
    node = root
    for char in key:
        node = node.setdefault(char, {})
    return node


def trie_regex(node: dict[str, Any]) -> str:
    """The regex of a character trie (:data:`END` marks where a phrase ends): the longest phrase is tried first,
    and a shorter one that ends here stays a fallback."""
    branches = []
    for char in sorted(k for k in node if k != END):
        head = SPACE if char == " " else re.escape(char)
        branches.append(head + trie_regex(node[char]))
    if not branches:
        return ""
    if END in node:
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A group matching any of ``phrases`` (folded), with no word boundaries: a part of a larger pattern.

    Spaces in a phrase match any run of white space and double quotes; other characters are literal.
    """
    root: dict[str, Any] = {}
    for phrase in phrases:
        key = phrase_key(phrase)
        if key:
            trie_insert(root, key)[END] = {}
    return "(?:" + trie_regex(root) + ")"


def phrase_pattern(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases`` (folded) as whole words; the longest match wins at a position."""
    return r"(?<![\w])" + phrase_alternation(phrases) + r"(?![\w])"


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile(phrase_pattern(phrases))


def first_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """The folded first word of each phrase: text that every match of a pattern of these phrases starts with."""
    return tuple(dict.fromkeys(key.split(" ")[0] for key in map(phrase_key, phrases) if key))


def anchor_words(phrases: Iterable[str]) -> tuple[str, ...]:
    """The longest folded word of each phrase (the last of equal length): text that every match of a pattern of
    these phrases holds, rarer than its first word ("on the eve of": "eve")."""
    return tuple(dict.fromkeys(max(reversed(k.split(" ")), key=len) for k in map(phrase_key, phrases) if k))


def holds_any(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether one of ``words`` stands in ``text[start:end]`` (a substring test per word, in C): a pattern that
    needs one of them is not searched where none stands."""
    window = text[start:end]  # one copy, then the ``in`` operator per word: no method call, no generator
    for word in words:  # noqa: SIM110 (a loop, not any() over a generator: this runs per cue)
        if word in window:
            return True
    return False


def normalized(matched: str) -> str:
    """A match of a phrase pattern as its key: quotes and runs of white space become one space."""
    return " ".join(matched.replace('"', " ").split())


class Vocabulary:
    """Phrases (with optional words, see :func:`phrase_variants`) → values, found as whole words in folded text
    by one compiled trie. The first value given for a spelling wins; ``None`` values are matched and reported
    (a phrase that contains a cue but is none: "sin embargo")."""

    def __init__(self, mapping: Mapping[str, Any], prefix: str = "", suffix: str = ""):
        self.lookup: dict[str, Any] = {}
        for phrase, value in mapping.items():
            for variant in phrase_variants(str(phrase)):
                if variant:
                    self.lookup.setdefault(variant, value)
        if not self.lookup:
            raise ValueError("a vocabulary needs at least one phrase")
        self.alternation = phrase_alternation(self.lookup)
        self.regex = re.compile(prefix + r"(?<![\w])" + self.alternation + r"(?![\w])" + suffix)

    @classmethod
    def by_value(cls, section: Mapping[str, Iterable[Any]], **kwargs: str) -> Vocabulary:
        """From rules written as ``value: [phrase, ...]``."""
        return cls({str(p): str(value) for value, phrases in section.items() for p in phrases}, **kwargs)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, Any]]:
        """``(start, end, value)`` of every phrase in ``text[start:end]``, leftmost-longest."""
        lookup = self.lookup
        for match in self.regex.finditer(text, start, len(text) if end is None else end):
            found = match.group()
            yield match.start(), match.end(), lookup[found] if found in lookup else lookup.get(normalized(found))

    def first(self, text: str, start: int = 0, end: int | None = None) -> Any:
        """The value of the first phrase found in ``text[start:end]`` that has one, else None."""
        return next((value for _, _, value in self.finditer(text, start, end) if value is not None), None)


QUOTE_REACH = 1500
"""Characters read back for an opening quote: a paragraph, not a megabyte line for every position asked about."""


def in_quote(folded: str, position: int) -> bool:
    """Whether ``position`` of a folded text stands inside a quotation: an odd number of double quotes before it in
    its paragraph (a quote of several sentences opens in an earlier one), read at most :data:`QUOTE_REACH` back."""
    reach = max(0, position - QUOTE_REACH)
    start = max(reach, folded.rfind("\n", reach, position) + 1)
    return folded.count('"', start, position) % 2 == 1
