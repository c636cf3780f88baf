"""Topic keywords found in an article, and the small word tests the call scope and negations share.

A keyword inside a name, a title ("Chinese President"), a dateline ("OTTAWA (Reuters) -") or right after a
name ("Prime Minister Justin Trudeau of Canada") names no topic.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from hotline.extract.context import RULES, ArticleContext
from hotline.reference import Reference
from hotline.text import fold

TOPIC_RULES = RULES["topics"]
FILLERS = frozenset(fold(w) for w in RULES["negation_head_fillers"])
_WORDS = re.compile(r"[\w.'%-]+")
_NUMBER = re.compile(r"[\d.,]+%?")  # "the 25% tariffs": a rate stands before the head too
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z .'-]{2,40}(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[-—–]",
    re.MULTILINE,
)
_OF_AFTER_NAME = re.compile(r"[ \t]+(?:of|de|del)[ \t]+")


@dataclass(frozen=True, slots=True)
class TopicHit:
    start: int
    end: int
    topic_code: str
    country: str | None = None
    """The ISO code when the keyword is a country's name ("Canada", "Venezuela")."""


def topic_hits(ctx: ArticleContext) -> list[TopicHit]:
    index = ctx.reference.topic_keywords()
    countries = ctx.reference.country_words
    masked = [(h.start, h.end) for h in ctx.officials] + ctx.title_spans
    masked += [m.span() for m in _DATELINE.finditer(ctx.text)]
    masked = sorted(masked + [h.title_span for h in ctx.officials if h.title_span])
    starts = [s for s, _ in masked]
    reach = list(accumulate((e for _, e in masked), max))  # furthest end among spans starting at or before
    name_ends = {h.end for h in ctx.officials}
    hits = []
    for keyword in ctx.reference_hits.longest("topic"):
        i = bisect_left(starts, keyword.end) - 1
        if i >= 0 and reach[i] > keyword.start:
            continue
        # A phrase matches across quotes and runs of spaces ('aranceles "reciprocos"'): its key has single spaces.
        phrase = keyword.phrase if keyword.phrase in index else " ".join(keyword.phrase.replace('"', " ").split())
        country = countries.get(phrase)
        if country is not None and _after_a_name(ctx.folded, keyword.start, name_ends):
            continue
        hits.append(TopicHit(keyword.start, keyword.end, index[phrase], country))
    return hits


@lru_cache(maxsize=4)
def country_topic_codes(reference: Reference) -> frozenset[str]:
    """Topics that are a country ("china", "canada"): every keyword of theirs is a country's name. A participant's
    own country names these only as the subject of the talk; a topic that merely has a country among its keywords
    ("Ukraine" for the war in Ukraine, "Israel" for the Middle East) is what the talk was about wherever it stands."""
    countries = reference.country_words
    words: dict[str, list[str]] = {}
    for keyword, code in reference.topic_keywords().items():
        words.setdefault(code, []).append(keyword)
    return frozenset(code for code, keywords in words.items() if all(k in countries for k in keywords))


def _after_a_name(folded: str, start: int, name_ends: set[int]) -> bool:
    """ "Justin Trudeau of Canada": the country completes the name, it is no topic."""
    return any(  # " of ", " de ", " del " with a space or tab each side
        start - gap in name_ends and _OF_AFTER_NAME.fullmatch(folded, start - gap, start) is not None
        for gap in range(4, 8)
    )


def only_light_words(ctx: ArticleContext, start: int, end: int, allowed: int = 0) -> bool:
    """Whether every word between ``start`` and ``end`` may stand before a head topic ("the issue of"),
    country words and rates included; ``allowed`` other words may stand among them (the noun a topic qualifies:
    "la disputa agrícola", "la guerra en Gaza")."""
    country_words = ctx.reference.country_words
    heavy = 0
    for match in _WORDS.finditer(ctx.folded, start, end):
        word = match.group(0).strip(".'\"-")
        if word and word not in FILLERS and word not in country_words and not _NUMBER.fullmatch(word):
            heavy += 1
            if heavy > allowed:
                return False
    return True
