"""Measure nouns of a sentence, grouped, each with its clause and its segment of the clause.

A measure is named by a noun or verb of the rules ("tariffs", "exempted", "sanciones"), by a head and its
object a few words apart ("prohibited onion exports", "froze the assets") or by an exemption phrase ("dejó
fuera de la medida"). Nouns joined by "and"/"or" form one group; an exemption absorbs the measure it lifts
("exempted X from the tariffs"). Clauses end at ";", ", but", ", although", ... and after an opening
"Although ...,"; a clause holding several groups is cut between them into segments.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from hotline.extract.trade import positions as pos
from hotline.extract.trade import rules as r
from hotline.extract.trade.parties import Party


@dataclass(slots=True)
class Group:
    start: int
    end: int
    types: list[str]
    surface_span: tuple[int, int]
    clause: tuple[int, int] = (0, 0)
    segment: tuple[int, int] = (0, 0)
    modifier: Party | None = None
    compound: bool = False  # named by a head and its object ("froze the assets"): "of X" after it is X's
    next: Group | None = None  # the group coordinated after it in its clause ("a tariff on steel and one on ...")
    # where its status cues may start: after the measure before it in its clause, unless the two are coordinated
    # ("proposed duties on EVs, on top of the levies that have applied since July": "proposed" is not the levies')
    cues_from: int | None = None
    lifts: Group | None = None  # an export restriction an exemption is from ("exempting X from the export ban")
    lifted: bool = False  # it is such a restriction: the party exempted before it is not its target

    def lists_before_owner(self, text: str, end: int) -> bool:
        """Goods ending at ``end`` are an item listed before the owner of the measure ("electric vehicles and
        Beijing's new duties on brandy"), not its goods."""
        owner = self.modifier
        return (
            owner is not None
            and end <= owner.start < self.start
            and pos.LISTED_BEFORE.fullmatch(text, end, owner.start) is not None
        )


Anchor = tuple[int, int, str, bool]  # start, end, measure type, named by a head and its object


def anchors(folded: str, start: int, end: int, words: set[str]) -> list[Anchor]:
    """Every measure noun, compound and exemption phrase of ``folded[start:end]``, leftmost-longest, at most
    ``max_measures_per_sentence`` of them. ``words`` are the trade words the article context found there: a
    pattern runs only where one of its words stands."""
    found: list[Anchor] = []
    if not words.isdisjoint(r.MEASURE_KEYS):
        measures = itertools.islice(r.MEASURES.finditer(folded, start, end), r.MAX_MEASURES)
        found.extend((s, e, str(v), False) for s, e, v in measures)
    for mtype, keys, pattern in r.COMPOUNDS:
        if not words.isdisjoint(keys):
            matches = itertools.islice(pattern.finditer(folded, start, end), 8)
            found.extend((m.start(), m.end(), mtype, True) for m in matches)
    for pattern, keys in ((r.EXEMPTION_PHRASES, r.EXEMPTION_KEYS), (r.EXCLUSIONS, r.MEASURE_KEYS)):
        if not words.isdisjoint(keys):
            phrases = itertools.islice(pattern.finditer(folded, start, end), r.MAX_MEASURES)
            found.extend((m.start(), m.end(), r.EXEMPTION, False) for m in phrases)
    found.sort(key=lambda a: (a[0], -a[1]))
    kept: list[Anchor] = []
    for anchor in found:
        if not kept or anchor[0] >= kept[-1][1]:
            kept.append(anchor)
    return kept[: r.MAX_MEASURES]


def clause_breaks(text: str, start: int, limit: int) -> list[int]:
    """Positions where a clause ends, from the sentence start up to ``limit``."""
    points: list[int] = []
    opening = pos.SUBORDINATE.match(text, start)
    if opening:
        comma = text.find(",", opening.end(), limit)
        if comma >= 0:
            points.append(comma)
    points.extend(m.start() for m in pos.CLAUSE_BREAK.finditer(text, start, limit))
    return sorted(set(points))


def _clause_of(breaks: list[int], start: int, end: int, bounds: tuple[int, int]) -> tuple[int, int]:
    i = bisect_right(breaks, start)
    lo = breaks[i - 1] + 1 if i > 0 else bounds[0]
    j = bisect_left(breaks, end)
    hi = breaks[j] if j < len(breaks) else bounds[1]
    return lo, hi


def groups(text: str, found: list[Anchor], bounds: tuple[int, int]) -> list[Group]:
    """Measure nouns of one sentence (``bounds``) → groups, each with its clause and segment."""
    breaks = clause_breaks(text, bounds[0], min(bounds[1], found[-1][1] + r.WINDOW))
    result: list[Group] = []
    last_exemption: Group | None = None
    for start, end, mtype, compound in found:
        clause = _clause_of(breaks, start, end, bounds)
        if (
            mtype not in (r.EXEMPTION, r.REVIEW)
            and last_exemption is not None
            and last_exemption.clause == clause
            and start - last_exemption.end <= r.NEAR + 20
            and (
                pos.ABSORB.search(text, last_exemption.end, start)
                # "eximió a Ucrania de aranceles y cuotas": the next measure of the list it is from
                or (
                    last_exemption.end > last_exemption.surface_span[1]
                    and pos.GROUP_GAP.fullmatch(text, last_exemption.end, start)
                )
            )
        ):
            last_exemption.end = end
            if mtype == r.EXPORT_RESTRICTION:  # a restriction with no destination: it stands beside its exemption
                last_exemption.lifts = Group(start, end, [mtype], (start, end), clause, compound=compound, lifted=True)
            continue
        previous = result[-1] if result else None
        if (
            previous is not None
            and r.EXEMPTION not in previous.types
            and mtype != r.EXEMPTION
            and previous.clause == clause
            and start - previous.end <= 20
            and pos.GROUP_GAP.fullmatch(text, previous.end, start)
            and not (compound and verb_at(text, start))  # "its entity list and restricted rare-earth exports"
        ):
            previous.end = end
            if mtype not in previous.types:
                previous.types.append(mtype)
            continue
        group = Group(start, end, [mtype], (start, end), clause, compound=compound)
        result.append(group)
        last_exemption = group if mtype == r.EXEMPTION else last_exemption
    starts = [anchor[0] for anchor in found]
    for i, group in enumerate(result):
        lo, hi = group.clause
        before = result[i - 1] if i > 0 and result[i - 1].clause == group.clause else None
        after = result[i + 1] if i + 1 < len(result) and result[i + 1].clause == group.clause else None
        seg_lo = _cut(text, before.end, group.start) if before else lo
        seg_hi = _cut(text, group.end, after.start) if after else _gapped_end(text, hi, starts, breaks, bounds[1])
        group.segment = (seg_lo, seg_hi)
        if group.lifts is not None:  # the goods exempted are the restriction's too
            group.lifts.segment = group.segment
        if after is not None and pos.COORDINATED.search(text, group.end, after.start):
            group.next = after
        if before is not None and before.next is not group:
            group.cues_from = before.end
    return result


def verb_at(text: str, start: int) -> bool:
    """A measure verb opens the measure's words: a predicate of its own, not the next item of a list of measures."""
    return any(s == start and v not in (None, r.DENIED) for s, _, v in r.STATUS.finditer(text, start, start + 30))


def _gapped_end(text: str, hi: int, starts: list[int], breaks: list[int], end: int) -> int:
    """The end of the clause of the last group of its clause (``hi``), or past the next clause when that one says the
    measure again for another party's goods with their own rate and no measure noun ("Thai goods face a 36% tariff,
    while Cambodian products pay 49%", not "while steel shipments face a 50% duty"). ``starts``: the sentence's
    measure nouns, ``breaks`` its clause breaks, in order; ``end``: the sentence's end."""
    gap = r.GAPPED_CLAUSE.match(text, hi)
    if gap is None:
        return hi
    after = bisect_right(breaks, gap.end())
    clause_end = breaks[after] if after < len(breaks) else end
    return gap.end() if bisect_left(starts, hi) == bisect_left(starts, clause_end) else hi


def _cut(text: str, lo: int, hi: int) -> int:
    """Where the segment of one group ends and the next begins: the last comma followed by a conjunction between
    them, else the last comma or 'and' ("... face U.S. tariffs, and Canadian lumber carries anti-dumping and
    countervailing duties": the 'and' inside the second measure's words is no cut)."""
    cut = strong = hi
    for match in pos.SEGMENT_CUT.finditer(text, lo, hi):
        cut = match.start()
        if pos.STRONG_CUT.match(text, cut):
            strong = cut
    return strong if strong < hi else cut
