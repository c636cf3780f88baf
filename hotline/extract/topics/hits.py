"""Topic keywords found in an article, and the small word tests the call scope and negations share.

A keyword inside a name, a title ("Chinese President"), a dateline ("OTTAWA (Reuters) -"), a courtesy ("good
health"), a hyphenated compound ("cross-border") or right after a name ("Prime Minister Justin Trudeau of Canada")
or inside a longer capitalised name (:mod:`~hotline.extract.topics.names`) names no topic.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from hotline.extract.context import TOPIC_RULES, ArticleContext
from hotline.extract.topics.names import NAMED_TOPICS, in_a_name, names_a_place
from hotline.reference import Reference
from hotline.text import fold, phrase_alternation

FILLERS = frozenset(fold(w) for w in TOPIC_RULES["negation_head_fillers"])
_WORDS = re.compile(r"[\w.'%-]+")
_POSSESSIVE_END = re.compile(r"'s\Z")
_NAME_TAIL = re.compile(r"(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*\s*")  # capitalised words up to a head
_NUMBER = re.compile(r"[\d.,]+%?")  # "the 25% tariffs": a rate stands before the head too
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z .'-]{2,40}(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[-—–]",
    re.MULTILINE,
)


def _datelines(text: str) -> list[tuple[int, int]]:
    """The spans of :data:`_DATELINE` in ``text``: tried at the start of each line only (a match holds no line
    break), not at every character."""
    found = []
    start = 0
    while start >= 0:
        match = _DATELINE.match(text, start)
        if match is not None:
            found.append(match.span())
        start = text.find("\n", start)
        start = start + 1 if start >= 0 else -1
    return found


_OF_AFTER_NAME = re.compile(r"[ \t]+(?:of|de|del)[ \t]+")


@dataclass(slots=True, unsafe_hash=True)  # not frozen, half the cost to make: see lexicon.Hit
class TopicHit:
    start: int
    end: int
    topic_code: str
    country: str | None = None
    """The ISO code when the keyword is a country's name ("Canada", "Venezuela")."""


_ANCHOR = 8  # characters of a phrase's start that a text must hold before it is scanned for the phrases


class Phrases:
    """A word-bounded pattern of rule phrases that a text is scanned with only when it holds one of them as a
    substring (a substring test runs in C; a scan with the pattern costs as much as much of the topic extractor)."""

    def __init__(self, phrases: list[str]):
        self.pattern = re.compile(r"(?<![\w])" + phrase_alternation(phrases) + r"(?![\w])")
        keys = sorted({" ".join(fold(p).split())[:_ANCHOR] for p in phrases}, key=len)
        self._anchors = [k for i, k in enumerate(keys) if not any(a in k for a in keys[:i])]
        self.longest = max(len(p) for p in phrases)

    def covers(self, folded: str, start: int, end: int) -> bool:
        """Whether a phrase covers ``[start, end)``: one search in a window a phrase wide each side."""
        window = self.pattern.finditer(folded, max(0, start - self.longest), end + self.longest)
        return any(m.start() <= start and end <= m.end() for m in window)

    def finditer_in(self, folded: str) -> list[re.Match[str]]:
        if not any(anchor in folded for anchor in self._anchors):
            return []
        return list(self.pattern.finditer(folded))


_NOT_TOPICS = Phrases(TOPIC_RULES["not_topics"])
_COURTESY_WORDS = frozenset(w for p in TOPIC_RULES["not_topics"] for w in fold(p).split())
"""A keyword among these words may stand inside a phrase that names no topic: only its hits are looked at."""
_CONGRATULATION = TOPIC_RULES["congratulation"]
CONGRATULATION_TOPIC = str(_CONGRATULATION["topic"])
_CONGRATULATES = Phrases(_CONGRATULATION["cues"])
_WINS = re.compile(r"(?<![\w])" + phrase_alternation(_CONGRATULATION["wins"]) + r"(?![\w])")


def congratulated_wins(ctx: ArticleContext, hits: list[TopicHit]) -> tuple[set[int], list[TopicHit]]:
    """The sentences that congratulate, and a hit of the congratulation topic (the election) for each win they
    tell that no keyword already covers ("congratulated him on his victory"). The wins are looked for only in the
    sentences that congratulate."""
    sentences = {ctx.sentence_of(m.start()) for m in _CONGRATULATES.finditer_in(ctx.folded)}
    starts = [h.start for h in hits]
    wins = []
    for index in sorted(sentences):
        sentence = ctx.sentences[index]
        for match in _WINS.finditer(ctx.folded, sentence.start, sentence.end):
            i = bisect_left(starts, match.end()) - 1  # the last keyword starting before the win ends
            if i < 0 or hits[i].end <= match.start():
                wins.append(TopicHit(match.start(), match.end(), CONGRATULATION_TOPIC))
    return sentences, wins


def topic_hits(ctx: ArticleContext) -> list[TopicHit]:
    index = ctx.reference.topic_keywords()
    countries = ctx.reference.country_words
    masked = [(h.start, h.end) for h in ctx.officials] + ctx.title_spans
    masked += _datelines(ctx.text)
    masked = sorted(masked + [h.title_span for h in ctx.officials if h.title_span])
    starts = [s for s, _ in masked]
    reach = list(accumulate((e for _, e in masked), max))  # furthest end among spans starting at or before
    name_ends = {h.end for h in ctx.officials}
    folded, country_codes = ctx.folded, country_topic_codes(ctx.reference)
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
        code = index[phrase]
        if phrase in _COURTESY_WORDS and _NOT_TOPICS.covers(folded, keyword.start, keyword.end):
            continue  # "wishing him good health"
        if (folded[keyword.start - 1 : keyword.start] == "-" or folded[keyword.end : keyword.end + 1] == "-") and (
            _in_compound(ctx, keyword.start, keyword.end, code in country_codes)
        ):
            continue
        if country is None and (
            (code not in NAMED_TOPICS and in_a_name(ctx, keyword.start, keyword.end))
            or names_a_place(ctx, keyword.start, keyword.end)
        ):
            continue  # "the Economic Community of West African States", "Port Moresby"
        if phrase in _BLOCS and _bloc_agreement(folded, keyword.start, keyword.end):
            code = _BLOC_AGREEMENT_TOPIC  # "el acuerdo entre la Unión Europea y el Mercosur": a trade agreement
        hits.append(TopicHit(keyword.start, keyword.end, code, country))
    return _qualified_relations(folded, hits)


_RELATION_NOUNS = frozenset(TOPIC_RULES["relation_nouns"])
_QUALIFIER_BEFORE = re.compile(r"[ \t]+")
_QUALIFIER_AFTER = re.compile(r"[ \t]+(?:(?:de|del|en materia de)[ \t]+)?")


def _qualified_relations(folded: str, hits: list[TopicHit]) -> list[TopicHit]:
    """Drops a relationship noun that another topic's keyword qualifies ("defence ties", "relaciones de defensa",
    "la relación energética"): the relationship is that topic's."""
    kept = []
    for i, hit in enumerate(hits):
        if folded[hit.start : hit.end] in _RELATION_NOUNS:
            before = hits[i - 1] if i else None
            after = hits[i + 1] if i + 1 < len(hits) else None
            if (
                before is not None
                and before.topic_code != hit.topic_code
                and before.country is None
                and _QUALIFIER_BEFORE.fullmatch(folded, before.end, hit.start)
            ) or (
                after is not None
                and after.topic_code != hit.topic_code
                and after.country is None
                and _QUALIFIER_AFTER.fullmatch(folded, hit.end, after.start)
            ):
                continue
        kept.append(hit)
    return kept


_BLOC_AGREEMENTS = TOPIC_RULES["bloc_agreements"]
_BLOC_AGREEMENT_TOPIC = str(_BLOC_AGREEMENTS["topic"])
_BLOCS = frozenset(fold(b) for b in _BLOC_AGREEMENTS["blocs"])
_AGREEMENT = r"(?:" + phrase_alternation(_BLOC_AGREEMENTS["nouns"]) + r")"
_LINKS = r"(?:(?:" + phrase_alternation(_BLOC_AGREEMENTS["links"]) + r")[\s-]+)"
_AGREEMENT_BEFORE = re.compile(r"(?<![\w])" + _AGREEMENT + r"\s+" + _LINKS + r"{1,10}\Z")
_AGREEMENT_AFTER = re.compile(r"(?:-[a-z]+)?\s+(?:trade\s+|free\s+trade\s+)?" + _AGREEMENT + r"(?![\w])")


def _bloc_agreement(folded: str, start: int, end: int) -> bool:
    """ "the free trade agreement between the European Union and the Mercosur bloc", "un acuerdo comercial con el
    Mercosur", "the Mercosur deal", "the EU-Mercosur agreement": a trade bloc named as a party to an agreement
    names the agreement, a trade topic, not the forum."""
    return bool(
        _AGREEMENT_BEFORE.search(folded, max(0, start - 80), start) or _AGREEMENT_AFTER.match(folded, end, end + 40)
    )


_PREFIX = re.compile(r"([a-z]+)-\Z")
_SUFFIX = re.compile(r"-([a-z]+)")
_KEPT_PREFIXES = frozenset(TOPIC_RULES["compound_prefixes"])
_KEPT_SUFFIXES = frozenset(TOPIC_RULES["compound_suffixes"])


def _in_compound(ctx: ArticleContext, start: int, end: int, country_topic: bool) -> bool:
    """ "cross-border", "water-bombing", "China-U.S." (a country topic): the keyword qualifies the other part of a
    hyphenated compound. Looks at most a word's length each side."""
    folded, text = ctx.folded, ctx.text
    before = _PREFIX.search(folded, max(0, start - 16), start) if start and folded[start - 1] == "-" else None
    after = _SUFFIX.match(folded, end) if end < len(folded) and folded[end] == "-" else None
    for match, kept in ((before, _KEPT_PREFIXES), (after, _KEPT_SUFFIXES)):
        if match is None:
            continue
        if country_topic:
            return True
        if not text[match.start(1)].isupper() and match.group(1) not in kept:
            return True
    return False


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


def only_light_words(ctx: ArticleContext, start: int, end: int, allowed: int = 0, names: bool = False) -> bool:
    """Whether every word between ``start`` and ``end`` may stand before a head topic ("the issue of"),
    country words and rates included; ``allowed`` other words may stand among them (the noun a topic qualifies:
    "la disputa agrícola", "la guerra en Gaza"). A place's name of several words is light as a whole ("the United
    States tariffs"). With ``names``, the words in capitals that end the span (not its first word) are a name
    qualifying the head and light too ("the stalled Nakamal security agreement"); not a name before a verb ("Trump
    anunció aranceles")."""
    places = [(h.start, h.end) for h in ctx.reference_hits.within("place", start, end) if " " in h.phrase]
    country_words = ctx.reference.country_words
    heavy = 0
    for match in _WORDS.finditer(ctx.folded, start, end):
        word = _POSSESSIVE_END.sub("", match.group(0)).strip(".'\"-")  # "Switzerland's": the country's word
        if any(a <= match.start() < b for a, b in places):
            continue
        if names and match.start() > start and _NAME_TAIL.fullmatch(ctx.text, match.start(), end):
            continue
        if word and word not in FILLERS and word not in country_words and not _NUMBER.fullmatch(word):
            heavy += 1
            if heavy > allowed:
                return False
    return True
