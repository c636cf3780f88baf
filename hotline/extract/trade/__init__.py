"""Trade measures an article states: tariffs, exemptions, quotas, export restrictions, sanctions, agreement reviews.

Built on the article context (:mod:`hotline.extract.context`): the folded text, the sentences, the reference hits
(country words), the official mentions and the trade words (``TRADE_WORDS``, found in the context's one lexicon
pass) are the context's, computed once per article. Only the sentences holding a trade word are read, each group by
group (:mod:`.groups`), its parties marked (:mod:`.parties`; "both countries" read as the two the text named,
:mod:`.both`) and each group read into facts (:mod:`.reading`; its rates, :mod:`.rates`; the date it takes effect,
:mod:`.effective`; a group of countries it is on that the text does not list, :mod:`.unlisted`). The article's facts
are then merged into one row per distinct measure (:func:`merge`) and tied to a call only where the text ties them
(:mod:`.links`). The article's extraction publishes only the complete rows (:func:`complete`): a fragment that names
no one the measure is on, or no one who imposes it, stays out.

Every scan after the prefilter is limited to a window around a bounded number of measure nouns per sentence, so
a pathological megabyte "sentence" stays linear.
"""

from __future__ import annotations

import re

from hotline.extract.context import ArticleContext
from hotline.extract.trade import rules as r
from hotline.extract.trade.agents import Parties, modifier
from hotline.extract.trade.groups import anchors, groups
from hotline.extract.trade.links import link_to_calls
from hotline.extract.trade.merge import complete, merge
from hotline.extract.trade.parties import find_parties, party_index
from hotline.extract.trade.reading import measure_facts
from hotline.extract.trade.unstated import bare, cut_by_deal, deal_spans, unstated_spans
from hotline.facts import TradeMeasureFact

__all__ = ["complete", "find_trade_measures", "link_to_calls", "merge"]


def find_trade_measures(ctx: ArticleContext) -> list[TradeMeasureFact]:
    """Trade measures stated in the article, one row per distinct measure (``mention_id`` left None)."""
    words: dict[int, set[str]] = {}  # sentence → the trade words the context's one scan found in it
    for hit in ctx.lex.all("trade"):
        index = ctx.sentence_of(hit.start)
        if ctx.sentences and hit.end <= ctx.sentences[index].end:
            words.setdefault(index, set()).add(hit.phrase)
    facts: list[TradeMeasureFact] = []
    # ids of the facts that answer another measure ("counter-tariffs"), of the export restrictions that name no
    # destination, and of the taxes on exports
    marks: tuple[set[int], set[int], set[int]] = (set(), set(), set())
    for index, found in words.items():
        if not _heading(ctx, index):
            facts.extend(_sentence_facts(ctx, index, found, marks))
    return merge(facts, *marks)


def _sentence_facts(
    ctx: ArticleContext, index: int, words: set[str], marks: tuple[set[int], set[int], set[int]]
) -> list[TradeMeasureFact]:
    sentence = ctx.sentences[index]
    found = anchors(ctx.folded, sentence.start, sentence.end, words)
    if found:
        unstated = unstated_spans(ctx, sentence.start, sentence.end)
        found = [a for a in found if not bare(ctx.folded, unstated, a[0])]  # "did not discuss the U.S. tariffs"
        deals = deal_spans(ctx.folded, sentence.start, sentence.end)  # "the deal will remove duties on most goods"
        found = [a for a in found if not cut_by_deal(ctx, deals, a[0])]
    if not found:
        return []
    bounds = (sentence.start, sentence.end)
    measure_groups = groups(ctx.folded, found, bounds)
    measure_groups += [g.lifts for g in measure_groups if g.lifts is not None]
    regions: list[tuple[int, int]] = []
    for group in measure_groups:
        lo, hi = max(sentence.start, group.start - r.REACH), min(sentence.end, group.end + r.WINDOW)
        if regions and lo <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(regions[-1][1], hi))
        else:
            regions.append((lo, hi))
    parties = find_parties(ctx, party_index(ctx.reference), index, regions)
    s = Parties(index, sentence.start, sentence.end, parties)
    for group in measure_groups:
        group.modifier = modifier(ctx, s, group)
    modifiers = {id(g.modifier) for g in measure_groups if g.modifier is not None}
    facts: list[tuple[TradeMeasureFact, int]] = []  # each fact with the group it was read from
    for number, group in enumerate(measure_groups):
        for mtype in group.types:
            facts.extend((f, number) for f in measure_facts(ctx, s, group, mtype, modifiers, *marks))
    coordinated = {
        frozenset((i, j))
        for i, group in enumerate(measure_groups)
        for j, other in enumerate(measure_groups)
        if group.next is other
    }
    return _parts_over_whole(facts, coordinated)


_ENDS = ".!?\"”»)…';"  # a list item's ";" ends body text, not a headline


def _heading(ctx: ArticleContext, index: int) -> bool:
    """A short line of its own with no closing punctuation: a headline, a section label or a digest's teaser
    ("Pacific Brief: ...; Fiji tariff cut"), which names in short what the body states in full."""
    sentence = ctx.sentences[index]
    text = ctx.text
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    tags = _CLOSING_TAGS.search(line, max(0, len(line) - _HEADING_CHARS))  # the tail only: a long line stays linear
    line = line[: tags.start()] if tags else line  # "<p>... in April.</p>": a paragraph of markup ends with its text
    return len(line) <= _HEADING_CHARS and not line.endswith(tuple(_ENDS))


_CLOSING_TAGS = re.compile(r"(?:\s*</?[A-Za-z][^<>]{0,40}>)+\s*\Z")
_HEADING_CHARS = 200  # a headline or teaser line is short; a body paragraph that lost its full stop is not


def _parts_over_whole(
    facts: list[tuple[TradeMeasureFact, int]], coordinated: set[frozenset[int]]
) -> list[TradeMeasureFact]:
    """In one sentence, a measure with no sector beside the same measure by sector is their umbrella ("the
    twelfth package of EU sanctions against Russia, which includes a ban on Russian diamonds"): keep the parts.
    Not when the two are coordinated measures ("25% tariffs on Canadian goods, as well as 25% levies on Canadian
    steel and cars"): each is a measure of its own. ``facts`` come with the number of their group, ``coordinated``
    holds the pairs of group numbers so joined."""

    def key(f: TradeMeasureFact) -> tuple[str | None, ...]:
        return (f.measure_type, f.imposing_country_code, f.target_country_code, f.status)

    rates: dict[tuple[str | None, ...], list[tuple[float | None, int]]] = {}
    for f, group in facts:
        if f.sector:
            rates.setdefault(key(f), []).append((f.rate_percent, group))

    def umbrella(f: TradeMeasureFact, group: int) -> bool:
        # an umbrella's rate is one of its parts' ("a 35% tariff, while steel pays 50%" are two measures)
        return any(
            (f.rate_percent is None or f.rate_percent == rate) and frozenset((group, other)) not in coordinated
            for rate, other in rates.get(key(f), ())
        )

    return [f for f, group in facts if f.sector or not umbrella(f, group)]
