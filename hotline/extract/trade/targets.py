"""The targets of one group of measure nouns: whom the measure is on.

A country after "on"/"against"/"contra" or, after the measure, "to"/"a"/"para"; a demonym on goods ("Mexican
steel", "productos mexicanos"); an origin ("cars assembled in Mexico"); the object of an exemption or threat
("exempted Canada"); a subject that faces or was spared the measure; the measure said again for another target with
its own rate ("... and 30% on South African goods"); ``ALL`` when the segment says every country.
"""

from __future__ import annotations

from hotline.extract.context import ArticleContext
from hotline.extract.trade import positions as pos
from hotline.extract.trade import rules as r
from hotline.extract.trade.agents import Parties
from hotline.extract.trade.groups import Group
from hotline.extract.trade.parties import Party


def named_before(s: Parties, group: Group) -> list[Party]:
    before = [e for e in s.between(group.clause[0], group.start) if e.is_name and not e.imposer]
    if not before:
        return []
    e = before[-1]
    e.cue = e.cue or (e.start, e.end)
    return [e]


def share_asides(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The relative asides on goods that tell their share of a country's sales, between ``lo`` and ``hi``."""
    return [m.span() for m in pos.SHARE_ASIDE.finditer(text, lo, hi)] if "," in text[lo:hi] else []


def in_aside(e: Party, asides: list[tuple[int, int]]) -> bool:
    """The party stands inside one of ``asides``: it is no target of the measure."""
    return any(lo < e.start < hi for lo, hi in asides)


def read_from(text: str, group: Group, lo: int) -> int:
    """Where the targets of ``group`` may start: ``lo``, or the measure itself when it is lifted or when a cause
    stands between ("a penalty over India's purchases of Russian oil to the reciprocal duty": Russia is no target
    of the duty)."""
    return group.start if group.lifted or r.CAUSE_BEFORE.search(text, lo, group.start) else lo


def targets_of(
    text: str, s: Parties, group: Group, mtype: str, window: tuple[int, int], modifiers: set[int]
) -> list[Party]:
    """Targets before the measure, and the first target after it with the list it heads."""
    targets: list[Party] = []
    chain_after: int | None = None
    asides = share_asides(text, s.start, window[1])
    for e in s.between(*window):
        if e is group.modifier or in_aside(e, asides):
            continue  # "shrimp, which account for a third of Ecuador's sales to the United States, were exempted"
        if id(e) in modifiers and not (e.target_by == "preposition" and e.start >= group.end):
            continue  # another measure's owner; "countermeasures against U.S. tariffs" target their owner
        is_target = (
            e.target
            or (e.after_prep and e.start >= group.end and mtype != r.REVIEW)
            or (
                e.destination
                and (mtype == r.EXPORT_RESTRICTION or (e.start >= group.end and mtype not in r.IMPORTER_MEASURES))
            )
            # "a quota on its steel exports to the United States"; not "exports to the United States face the
            # tariff", nor "tariffs of 36% on their exports to the United States": the importer imposes a tariff,
            # and grants an exemption from it ("remain exempt, sparing its exports to the United States")
        )
        if (
            (mtype == r.REVIEW or group.compound)
            and e.start >= group.end
            and pos.POST_OF.fullmatch(text, group.end, e.start)
        ):
            is_target = True  # "revisar la elegibilidad de Sudáfrica", "froze the assets of Russia's central bank"
        if (
            mtype == r.REVIEW
            and e.is_name
            and e.start >= group.start
            and pos.PARTNER.search(text, e.start - 20, e.start)
        ):
            is_target = True  # "a review of its association agreement with Israel", "revisará con Marruecos el acuerdo"
        if (
            mtype == r.EXPORT_RESTRICTION
            and e.origin
            and e.end <= group.start
            and not pos.ORIGIN_BREAK.fullmatch(text, (e.cue or (e.start, e.end))[1], group.start)
        ):
            is_target = False  # the goods' origin exports them: it restricts, it is not the target
        if mtype == r.EXPORT_RESTRICTION and e.start >= group.end and not e.destination and _made_in(text, e):
            is_target = False  # "controls on products containing Chinese rare earths", "imanes fabricados en China"
        if mtype == r.EXEMPTION and e.seeker:
            is_target = True
            e.cue = e.cue or (e.start, e.end)
        ellipsis = e.start >= group.end and (
            (bool(targets) and _rate_ellipsis(text, targets[-1], e)) or _gapped(text, group, targets, e)
        )
        if ellipsis and e.is_name:
            is_target = True
            e.cue = e.cue or (e.start, e.end)
        if not is_target:
            continue
        if listed_beside(text, group, e):
            continue  # "discussed U.S. tariffs and Australian beef exports": listed beside the measure, not its target
        if e.start >= group.end and not e.target and any(t.end <= group.start for t in targets):
            continue  # "excluyó a Corea del Sur ... de su lista, y Seúl respondió retirando a Japón"
        if e.start >= group.end:
            if chain_after is None:
                chain_after = e.chain if e.chain is not None else -e.start
            elif ellipsis:
                chain_after = e.chain if e.chain is not None else -e.start  # "... and 30% on South African goods"
            elif listed_after(text, targets[-1], e):
                chain_after = e.chain if e.chain is not None else -e.start  # "on Canadian lumber and Mexican tomatoes"
            elif e.chain != chain_after and e.code not in {t.code for t in targets}:
                continue  # another phrase after the measure's own target list
        if all(t.code != e.code or t.pair != e.pair for t in targets):
            targets.append(e)
    return targets


def listed_beside(text: str, group: Group, e: Party) -> bool:
    """The party's phrase comes right after the measure in a list ("U.S. tariffs and Australian beef exports"): a
    topic beside the measure, not whom it is on."""
    owner = group.modifier  # "los aranceles estadounidenses y las exportaciones mexicanas"
    end = owner.end if owner is not None and owner.start >= group.end else group.end
    return e.start >= end and bool(pos.LIST_GAP.fullmatch(text, end, (e.cue or (e.start, e.end))[0]))


def listed_after(text: str, previous: Party, e: Party) -> bool:
    """The party's phrase is the next item of a list after the previous target's ("on Canadian lumber and Mexican
    tomatoes", "al acero chino y a los autos coreanos")."""
    end = max(previous.end, previous.cue[1] if previous.cue else previous.end)
    start = (e.cue or (e.start, e.end))[0]
    return end <= start and bool(pos.LIST_GAP.fullmatch(text, end, start))


def _made_in(text: str, e: Party) -> bool:
    """The party names where goods come from ("Chinese rare earths", "tierras raras chinas", "fabricados en China"),
    not whom a measure is on ("on Chinese companies", "a empresas chinas")."""
    if e.target_by == "preposition":
        return False
    made = pos.ORIGIN_STRONG.search(text, max(0, e.start - r.CONTEXT), e.start)
    if made is None and not e.origin:
        return False
    start = made.start() if made is not None else (e.cue or (e.start, e.end))[0]
    return pos.AIMED_AT.search(text, max(0, start - 30), start) is None


def _rate_ellipsis(text: str, previous: Party, e: Party) -> bool:
    """The measure said again for another target with its own rate, the measure noun left out ("a 19% tariff on
    Indonesian goods and 30% on South African goods", "del 25 % para Corea del Sur y del 24 % para Japón")."""
    end = max(previous.end, previous.cue[1] if previous.cue else previous.end)
    return end <= e.start and bool(r.RATE_ELLIPSIS.fullmatch(text, end, e.start))


def _gapped(text: str, group: Group, targets: list[Party], e: Party) -> bool:
    """The measure said again for the party's goods with their own rate after them, in a clause with no measure
    noun ("a 36% tariff, while Cambodian products pay 49%", "Laos was assigned 48 percent and goods from Vietnam
    46 percent", "mientras que los peruanos pagan un 15 %")."""
    start = max([group.end, *(max(t.end, t.cue[1] if t.cue else t.end) for t in targets)])
    return (
        start <= e.start
        and r.GAPPED_BEFORE.fullmatch(text, start, e.start) is not None
        and r.GAPPED_AFTER.match(text, e.end) is not None
    )


def all_countries(
    ctx: ArticleContext, group: Group, lo: int, hi: int, targets: list[Party]
) -> tuple[Party | None, list[Party]]:
    """Every country, when said so ("from all countries", "imported cars"), and the targets left beside it. An "all"
    cue after the measure wins over the countries named before the measure ("Both countries were hit by the tariffs
    on all steel imports"), and over any when it says the goods' origin does not matter ("los aranceles a las
    importaciones de cualquier origen, y el acuerdo no prevé excepciones para Brasil"). A cue that is the measure's
    own name ("the baseline tariff") leaves the first such cue after it to decide ("the 10% baseline tariff Washington
    charges all its trading partners"). Makers named by their country after the measure suffer it, they are not
    whom it is on ("a 25% tariff on imported cars, a heavy blow to Korean automakers")."""
    match = r.ALL_COUNTRIES.search(ctx.folded, lo, hi)
    if match is None:
        return None, targets
    every = Party(match.start(), match.end(), r.ALL, frozenset({"all"}), target=True)
    after = match if match.start() >= group.end else r.ALL_COUNTRIES.search(ctx.folded, group.end, hi)
    if after is not None and (
        r.ANY_ORIGIN.match(ctx.folded, after.start()) is not None
        or all(t.end <= group.start or suffers(ctx.folded, group, t) for t in targets)
    ):
        return Party(after.start(), after.end(), r.ALL, frozenset({"all"}), target=True), []
    return every, targets


def suffers(text: str, group: Group, t: Party) -> bool:
    """A demonym after the measure qualifying those who make or sell goods ("hitting German carmakers")."""
    return t.start >= group.end and t.demonym_only and r.SUFFERER_AFTER.match(text, t.end) is not None
