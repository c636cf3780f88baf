"""The topics a negation's reach names: the head topic of each conjunct, skipping light words ("the issue of Cuba"
-> cuba; "a US intervention against cartels" -> the intervention, not organized crime), one qualifying noun before
the topic ("la disputa agrícola" -> agriculture), a country possessor with what it possesses, a head that names no
topic yielding to the country it is with ("el tratado de libre comercio con China" -> china), a demonym yielding to
what it qualifies ("Ukrainian farm imports" -> agriculture), a flow of goods to the goods ("la exportación de tierras
raras" -> critical_minerals) and a duty to itself and the goods ("the surtax on electric vehicles" -> tariffs,
automotive). See
:mod:`hotline.extract.topics.negation` for the reach itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import chain

from hotline.extract.context import ArticleContext
from hotline.extract.topics.hits import TOPIC_RULES, TopicHit, country_topic_codes, only_light_words
from hotline.reference import Reference
from hotline.text import fold, phrase_alternation

Scope = tuple[int, int, str]  # a negation's reach: (begin, stop, trigger phrase)
_CONJUNCT = re.compile("|".join(re.escape(s) for s in TOPIC_RULES["conjunct_separators"]))
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
    if only_light_words(ctx, cursor, first.start, allowed=1, names=True):
        return [g for h in _head(ctx, first, following) for g in _of_goods(ctx, h, hits, bound)]
    # "el tratado de libre comercio con China": a head that is no topic yields to the country it is with.
    reach = min(bound, cursor + _COMPLEMENT_REACH)
    j = i
    while j < len(hits) and hits[j].end <= reach:
        if hits[j].country is not None:
            if _COMPLEMENT.search(ctx.folded, cursor, hits[j].start):
                return [hits[j]]
            break
        j += 1
    if not _in_head_complement(ctx, cursor, first):
        return []
    return [g for h in _head(ctx, first, following) for g in _of_goods(ctx, h, hits, bound)]


def _head(ctx: ArticleContext, first: TopicHit, following: TopicHit | None) -> list[TopicHit]:
    """The topics of a conjunct's head, its first topic hit ``first``: itself, or what a country possessor or
    partner qualifies (``following``, the next hit of the conjunct)."""
    possessive = _POSSESSIVE.match(ctx.folded, first.end)
    if (
        following
        and ctx.folded[first.start : first.end] in _demonyms(ctx.reference)
        and _BLANK.fullmatch(ctx.folded, first.end, following.start)
    ):
        return [following]  # "Ukrainian farm imports": the adjective qualifies what follows it
    if (
        following
        and ctx.folded[following.start : following.end] in _DUTIES
        and _BLANK.fullmatch(ctx.folded, first.end, following.start)
    ):
        return [first, following]  # "the steel tariffs": the goods and the duty on them
    if first.country is not None and following and _JOINS.fullmatch(ctx.folded, first.end, following.start):
        return [following]  # "la candidatura de Ucrania a la OTAN", "Sweden's accession to NATO" → what it joins
    if (
        possessive
        and following
        and only_light_words(ctx, possessive.end(), following.start, allowed=1)
        and not _RATE.search(ctx.folded, possessive.end(), following.start)  # "Canada's 100 per cent surtax"
    ):
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


_BLANK = re.compile(r"[ \t]+")
_FLOWS = frozenset(TOPIC_RULES["flow_nouns"])
_DUTIES = frozenset(TOPIC_RULES["duty_nouns"])
_EVENTS = frozenset(TOPIC_RULES["event_nouns"])
_OF_GOODS = re.compile(r"\s+(?:of|de|del|on|a|al|sobre)\s+(?:the\s+|la\s+|las\s+|el\s+|los\s+)?")
_RATE = re.compile(r"\d")  # a rate between a country possessor and its head: the head is a measure it imposes


def _of_goods(ctx: ArticleContext, head: TopicHit, hits: list[TopicHit], bound: int) -> list[TopicHit]:
    """ "las restricciones a la exportación de tierras raras", "imports of Ukrainian grain": a flow of goods names
    the goods it carries when they follow it (the next topic, a demonym or one other word between at most), and
    what it qualifies ("the export pipeline"); a duty on goods ("the surtax on Chinese-made electric vehicles", "los
    aranceles al acero") names itself and the goods; a summit names what it is of ("la cumbre de la OTAN")."""
    word = ctx.folded[head.start : head.end]
    if word not in _FLOWS and word not in _DUTIES and word not in _EVENTS:
        return [head]
    k = bisect_left(hits, head.end, key=lambda h: h.start)
    if (
        word in _FLOWS
        and k < len(hits)
        and hits[k].end <= bound
        and _BLANK.fullmatch(ctx.folded, head.end, hits[k].start)
    ):
        return [hits[k]]  # "the export pipeline": the flow qualifies the noun after it
    goods = _goods_after(ctx, head, hits, bound)
    if goods is None:
        return [head]
    return [head, goods] if word in _DUTIES else [goods]


def _goods_after(ctx: ArticleContext, head: TopicHit, hits: list[TopicHit], bound: int) -> TopicHit | None:
    """The topic of the goods in the complement of ``head``, or None."""
    k = bisect_left(hits, head.end, key=lambda h: h.start)
    goods = _OF_GOODS.match(ctx.folded, head.end)
    if goods is None or k >= len(hits) or hits[k].end > bound:
        return None
    nearest = hits[k]
    if nearest.start == goods.end() and ctx.folded[nearest.start : nearest.end] in _demonyms(ctx.reference):
        nearest = hits[k + 1] if k + 1 < len(hits) and hits[k + 1].end <= bound else nearest
        if not _BLANK.fullmatch(ctx.folded, hits[k].end, nearest.start):
            return None
    elif not only_light_words(ctx, goods.end(), nearest.start, allowed=1):
        return None
    word = ctx.folded[nearest.start : nearest.end]
    return None if word in _FLOWS or word in _DUTIES or nearest.topic_code == head.topic_code else nearest


@lru_cache(maxsize=4)
def _demonyms(reference: Reference) -> frozenset[str]:
    """The folded demonyms of the reference's countries that are not also a country's name ("ukrainian",
    "chinas")."""
    names = {fold(n) for c in reference.countries.values() for n in (c.name, *c.names)}
    return frozenset(fold(d) for c in reference.countries.values() for d in c.demonyms) - names


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
