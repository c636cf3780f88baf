"""The topics a negation's reach names: the head topic of each conjunct, skipping light words ("the issue of Cuba"
-> cuba; "a US intervention against cartels" -> the intervention, not organized crime), one qualifying noun before
the topic ("la disputa agrícola" -> agriculture), a country possessor with what it possesses, a head that names no
topic yielding to the country it is with ("el tratado de libre comercio con China" -> china). See
:mod:`hotline.extract.topics.negation` for the reach itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import chain

from hotline.extract.context import RULES, ArticleContext
from hotline.extract.topics.hits import TOPIC_RULES, TopicHit, country_topic_codes, only_light_words
from hotline.text import phrase_alternation

Scope = tuple[int, int, str]  # a negation's reach: (begin, stop, trigger phrase)
_CONJUNCT = re.compile("|".join(re.escape(s) for s in RULES["conjunct_separators"]))
RELATIVE = re.compile(r"(?<![\w])(?:" + phrase_alternation(TOPIC_RULES["relative_pronouns"]) + r")(?![\w])")
_COMPLEMENT = re.compile(r"(?:" + phrase_alternation(TOPIC_RULES["head_complements"]) + r")\s+\Z")
_POSSESSIVE = re.compile(r"['’]s(?![\w])")
_JOINS = re.compile(r"(?:['’]s)?\s+(?:a|al|to|into)\s+(?:la\s+|el\s+|the\s+)?")
_RELATION_TOPICS = frozenset(TOPIC_RULES["relation_topics"])
_RELATION_WITH = re.compile(r"\s+(?:with|con)\s+(?:the\s+|la\s+|el\s+)?")
_COMPLEMENT_REACH = 60  # characters from a conjunct's start within which "X con China" yields china


def head_topics(ctx: ArticleContext, scope: Scope, hits: list[TopicHit], starts: list[int]) -> list[TopicHit]:
    """The head topic of each conjunct of a negation scope, up to a relative clause. ``hits`` are the sentence's
    topic hits (sorted, never overlapping, so their ends are sorted too) and ``starts`` their starts."""
    begin, stop, _ = scope
    relative = RELATIVE.search(ctx.folded, begin, stop)
    if relative is not None:
        stop = relative.start()
    heads = []
    cursor = begin
    bounds = chain((m.span() for m in _CONJUNCT.finditer(ctx.folded, begin, stop)), [(stop, stop)])
    for bound, after in bounds:
        heads += _conjunct_head(ctx, cursor, bound, hits, bisect_left(starts, cursor))
        cursor = after
    return heads


def _conjunct_head(ctx: ArticleContext, cursor: int, bound: int, hits: list[TopicHit], i: int) -> list[TopicHit]:
    """The head topics of the conjunct ``[cursor, bound)`` whose first topic hit is ``hits[i]``: one, or a
    possessor country with what it possesses ("Venezuela's presidential election"), or none."""
    first = hits[i] if i < len(hits) and hits[i].start < bound and hits[i].end <= bound else None
    if first is None:
        return []
    following = hits[i + 1] if i + 1 < len(hits) and hits[i + 1].end <= bound else None
    if only_light_words(ctx, cursor, first.start, allowed=1):
        return _head(ctx, first, following)
    # "el tratado de libre comercio con China": a head that is no topic yields to the country it is with.
    reach = min(bound, cursor + _COMPLEMENT_REACH)
    j = i
    while j < len(hits) and hits[j].end <= reach:
        if hits[j].country is not None:
            if _COMPLEMENT.search(ctx.folded, cursor, hits[j].start):
                return [hits[j]]
            break
        j += 1
    return _head(ctx, first, following) if _in_head_complement(ctx, cursor, first) else []


def _head(ctx: ArticleContext, first: TopicHit, following: TopicHit | None) -> list[TopicHit]:
    """The topics of a conjunct's head, its first topic hit ``first``: itself, or what a country possessor or
    partner qualifies (``following``, the next hit of the conjunct)."""
    possessive = _POSSESSIVE.match(ctx.folded, first.end)
    if first.country is not None and following and _JOINS.fullmatch(ctx.folded, first.end, following.start):
        return [following]  # "la candidatura de Ucrania a la OTAN", "Sweden's accession to NATO" → what it joins
    if possessive and following and only_light_words(ctx, possessive.end(), following.start, allowed=1):
        # "Venezuela's presidential election": the election, and the country's affairs it belongs to; a
        # possessor that stands for a wider topic ("Iran's nuclear programme": the Middle East) is not negated
        owner = first.country is not None and first.topic_code in country_topic_codes(ctx.reference)
        return [first, following] if owner else [following]
    if possessive and first.country is not None and following:
        return [following]  # "Canada's 100 per cent surtax on electric vehicles": what it owns, not the owner
    if first.topic_code in _RELATION_TOPICS and (partner := _RELATION_WITH.match(ctx.folded, first.end)):
        # "la relación con China": the relations with a country are that country's topic, if it has one
        place = ctx.reference_hits.at("place", partner.end())  # "la República Popular China"
        reach = max(partner.end() + 1, place.end if place is not None else 0)
        if following is not None and following.start < reach:
            return [following] if following.country is not None else []
        if place is not None:
            return []
    return [first]


_HEAD_PREPOSITION = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(TOPIC_RULES["complement_prepositions"]) + r")(?![\w])"
)
_COMPLEMENT_WORDS = int(TOPIC_RULES["complement_words"])


def _in_head_complement(ctx: ArticleContext, cursor: int, topic: TopicHit) -> bool:
    """ "the dispute over Mexican tomato exports", "la demanda argentina de gas natural": the topic stands in the
    complement of the conjunct's head noun (a preposition after it), a few words in all before it. A country
    further on, in a complement's complement, is where, not what ("the deployment of troops to Ukraine")."""
    prepositions = list(_HEAD_PREPOSITION.finditer(ctx.folded, cursor, topic.start))
    return (
        bool(prepositions)
        and (len(prepositions) == 1 or topic.country is None)
        and not only_light_words(ctx, cursor, prepositions[0].start())  # a head noun before its preposition
        and only_light_words(ctx, cursor, topic.start, allowed=_COMPLEMENT_WORDS)
    )
