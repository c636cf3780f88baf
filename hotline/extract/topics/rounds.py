"""Which call of a round a sentence's topics belong to.

A round is the calls an article reports directly (several counterparts of one leader, or a few pairs); the earlier
calls it refers to are no part of it. A sentence that names the counterpart of one call of the round is that
call's ("In his conversation with Tusk, Zelensky said ..."). A sentence that names several gives each topic to the
calls named in the stretch before it, since the last topic, by the names that belong to one call only ("received
calls from Lula, Fernández and Boric, a day after his election victory" → all three; "Con Fernández abordó la
hidrovía, mientras que con Boric conversó sobre los puertos" → one each); a topic before any name goes to every
call named, unless the name right after it is whom it was discussed with ("Meloni did not raise migration with Modi,
... although she discussed it with Erdogan" → Modi's call). A sentence that speaks of every call of
the round ("was not raised in either call", "en ninguna de las dos llamadas se abordó") gives its topics to all of
them.

A round holds at most ``max_counterparts`` calls and a sentence's names and topics are walked once, so a sentence
costs time linear in what it holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from hotline.extract.calls import CallLayout
from hotline.extract.context import RULES, ArticleContext
from hotline.extract.topics.hits import TOPIC_RULES, TopicHit
from hotline.facts import CallMention
from hotline.text import phrase_alternation

_MAX_ROUND = int(RULES["pairs"]["max_counterparts"])  # a round of calls names at most this many calls
_WITH_COUNTERPART = re.compile(
    r"\s+(?:" + phrase_alternation(TOPIC_RULES["counterpart_prepositions"]) + r")\s+(?:[\w'’.-]+\s+){0,3}"
)
"""What stands between a topic and the counterpart it was discussed with ("migration with Modi", "el tema del
petróleo con el presidente Noboa"): the topic is that call's, whatever names stand before it."""
_EVERY_CALL = re.compile(r"(?<![\w])(?:" + phrase_alternation(TOPIC_RULES["every_call"]) + r")(?![\w])")


@dataclass(frozen=True)
class Round:
    calls: list[tuple[CallMention, frozenset[str]]]
    """Each call of the round with the participants that tell it from the others (the leader common to every
    call of the round left out)."""

    def named(self, ctx: ArticleContext, index: int) -> list[tuple[int, list[CallMention]]]:
        """(offset, calls) for each name in sentence ``index`` that tells one or more calls of the round apart."""
        found = []
        for hit in ctx.in_sentence("officials", index):
            calls = [m for m, ids in self.calls if hit.official_id in ids]
            if hit.official_id and calls:
                found.append((hit.start, calls))
        return found


def round_of(layout: CallLayout) -> Round | None:
    """The calls the article reports directly, when there are several and no more than a round holds."""
    earlier = earlier_ids(layout)
    mentions = [m for m in layout.mentions() if m.mention_id not in earlier]
    if not layout.others or len(mentions) < 2 or len(mentions) > _MAX_ROUND:
        return None
    ids = [frozenset(p.official_id for p in m.participants) for m in mentions]
    common = frozenset.intersection(*ids)
    return Round([(m, i - common) for m, i in zip(mentions, ids, strict=True)])


def earlier_ids(layout: CallLayout) -> set[str]:
    """The mention ids of the earlier calls the article refers to."""
    return {m.mention_id for m in layout.reference_sentences.values()}


def named_call(ctx: ArticleContext, round_: Round | None, index: int, call: CallMention) -> CallMention:
    """The one call of the round a sentence names most ("In his conversation with Tusk, Zelensky said ..."); a
    sentence that names no one, or several calls alike, stays with ``call``."""
    if round_ is None:
        return call
    counts: dict[str, int] = {}
    by_id: dict[str, CallMention] = {}
    for _, calls in round_.named(ctx, index):
        for m in calls:
            counts[m.mention_id] = counts.get(m.mention_id, 0) + 1
            by_id[m.mention_id] = m
    if not counts:
        return call
    best = max(counts.values())
    winners = [by_id[i] for i, n in counts.items() if n == best]
    if counts.get(call.mention_id) == best or len(winners) > 1:
        return call
    return winners[0]


def calls_of_hits(
    ctx: ArticleContext, round_: Round | None, index: int, hits: list[TopicHit]
) -> dict[int, list[CallMention]]:
    """``id(hit)`` → the calls of the round it belongs to, for a sentence that names two calls of the round or
    more; empty when the sentence names fewer (its one call is then :func:`named_call`'s)."""
    if round_ is None:
        return {}
    names = [(start, calls) for start, calls in round_.named(ctx, index) if len(calls) == 1]  # names of one call
    if len({m.mention_id for _, calls in names for m in calls}) < 2:
        if hits and _EVERY_CALL.search(ctx.folded, ctx.sentences[index].start, ctx.sentences[index].end):
            every_call = [m for m, _ in round_.calls]  # "en ninguna de las dos llamadas", "in both calls"
            return {id(hit): every_call for hit in hits}
        return {}
    starts = [start for start, _ in names]
    every = _distinct(m for _, calls in names for m in calls)
    found: dict[int, list[CallMention]] = {}
    previous_end = 0  # names before the first topic, then between one topic and the next
    carried: list[CallMention] = every
    position = 0
    for hit in hits:
        stop = bisect_left(starts, hit.start)
        begin = max(position, bisect_left(starts, previous_end))
        stretch = _distinct(m for _, calls in names[begin:stop] for m in calls)
        if stretch:
            carried = stretch
        after = bisect_left(starts, hit.end)
        if after < len(names) and _WITH_COUNTERPART.fullmatch(ctx.folded, hit.end, starts[after]):
            found[id(hit)] = names[after][1]  # "did not discuss the sea with Albanese, but raised it with ..."
        else:
            found[id(hit)] = carried
        position, previous_end = stop, hit.end
    return found


def _distinct(calls: Iterable[CallMention]) -> list[CallMention]:
    seen: dict[str, CallMention] = {}
    for m in calls:
        seen.setdefault(m.mention_id, m)
    return list(seen.values())
