"""Text helpers shared by the extractors: offset-preserving folding and phrase patterns.

Extractors match on ``fold_text(text)``: lower case without accents, *the same length as the input*, so a
match's offsets are offsets into the original article text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from hotline.reference import fold


def _fold_char(char: str) -> str:
    folded = fold(char)
    return folded if len(folded) == 1 else char.lower() if len(char.lower()) == 1 else char


# Latin-1, Latin Extended-A/B and General Punctuation quotes: enough for English and Spanish news text.
_TABLE = {code: _fold_char(chr(code)) for code in range(0x80, 0x250)}
_TABLE.update({0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0x2013: "-", 0x2014: "-", 0x00A0: " "})
_TABLE[0x0130] = "i"


_STR_TABLE = {chr(code): folded for code, folded in _TABLE.items()}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_match(match: re.Match[str]) -> str:
    char = match.group(0)
    return _STR_TABLE.get(char, char)


def fold_text(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with identical length and offsets.

    ``str.lower`` runs in C; only the few non-ASCII characters of English or Spanish text go through the
    table, one regex substitution each.
    """
    folded = text.lower()
    if not folded.isascii():
        folded = _NON_ASCII.sub(_fold_match, folded)
    if len(folded) != len(text):  # a rare character whose lower case is longer ("İ"): fold one by one
        folded = "".join(c if len(c) == 1 else "?" for c in (ch.lower() for ch in text.translate(_TABLE)))
    return folded


def phrase_pattern(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases`` (folded) as whole words; the longest match wins at a position."""
    return r"(?<![\w])" + phrase_alternation(phrases) + r"(?![\w])"


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A group matching any of ``phrases`` (folded), with no word boundaries: a part of a larger pattern.

    Spaces in a phrase match any run of white space and double quotes (a quote may open or close between
    two words of a phrase); other characters are literal. The alternation is
    built as a trie (common prefixes factored out), so the engine tries each character once per position
    instead of once per phrase: large vocabularies stay fast.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        words = unicodedata.normalize("NFC", fold(phrase)).split()
        if not words:
            continue
        node = trie
        for char in " ".join(words):
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + trie_regex(trie) + ")"


def trie_regex(node: dict[str, Any]) -> str:
    """The regex of a character trie (``""`` marks where a phrase ends)."""
    ends_here = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        head = r'[\s"]+' if char == " " else re.escape(char)  # 'una "buena conversación" telefónica'
        branches.append(head + trie_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends_here else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Longest first: try to extend; the (?![\w]) after the whole pattern rejects partial words,
        # so allow falling back to the shorter phrase ending here.
        body = "(?:" + "|".join(branches) + ")?" if len(branches) else ""
    return body


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile(phrase_pattern(phrases))
