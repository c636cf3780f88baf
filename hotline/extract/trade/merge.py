"""One row per distinct measure per article.

An article tells of a measure several times ("the 25% tariffs on Canadian steel ... those tariffs"), often with
parts left out. Rows that say the same measure are merged:

* the same type, imposing party, target, sector and rate are one measure; its status is the furthest along
  its life the article reports (threatened, imposed, reduced, paused, lifted: a measure said to be both imposed
  and lifted was lifted), with the evidence of the sentence that says so, else the first;
* a fragment (no imposing party or no target, or a rate left out) that agrees with a fuller row on everything
  it states is that row, not another measure ("tariffs on Mexico" beside "U.S. tariffs on Mexico").

Before that, a party a sentence leaves out is read from the rest of the article when the article names exactly
one for such measures ("those tariffs", "the 10% duty" after "Washington's tariffs on Brazil"): the imposer of
the article's other measures of the kind on the same target (else of all its measures of the kind, the target
itself left out), then the target of the same imposer's (for a tariff or quota that names its goods, of its
measures on those goods: "tariffs on steel and aluminum" beside "the 35% tariff on Canadian goods" cover every
country, as a border measure on goods that names none does); a measure
that answers another ("Canada's counter-tariffs") with no target named is aimed at the one party whose measures
target its imposer (else at the one party whose measures hit every country); an exemption whose sentence puts the
same imposer's measures on several countries is granted to each of them. Tariffs, quotas and exemptions from
them are one kind; sanctions and export restrictions each another. An export restriction that names no
destination, and whose destination the article does not name elsewhere, covers every destination (target ``ALL``).
A row completed so is a fragment of a row a sentence states in full. A row that names neither imposer, country
target nor sector is dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from hotline.facts import TradeMeasureFact

GROUP_NOTE = "target: a group of countries the text does not list"
"""In a row's evidence: its target is a group of countries the text does not list (:mod:`.unlisted`)."""

_KIND = {"tariff": "tariff", "quota": "tariff", "exemption": "tariff", "sanction": "sanction"}
_KIND["export_restriction"] = "export_restriction"

# Measures on goods that are one of their own: one that names its goods is no restatement of one on other goods or on
# a country's goods in general ("tariffs on steel and aluminum" beside "the 35% tariff on Canadian goods").
_GOODS_OWN = ("tariff", "quota")

# Later in a measure's life wins when an article reports several states of one measure.
_LIFECYCLE = {"threatened": 0, "imposed": 1, "exempted": 1, "reduced": 2, "paused": 3, "lifted": 4}


def _identity(fact: TradeMeasureFact) -> tuple[str, str | None, str | None, str | None, float | None]:
    return (
        fact.measure_type,
        fact.imposing_country_code,
        fact.target_country_code,
        fact.sector,
        fact.rate_percent,
    )


def _covers(full: TradeMeasureFact, part: TradeMeasureFact, filled: bool = False) -> bool:
    """``part`` is a fragment of ``full``: it states nothing ``full`` contradicts, and it leaves a party out (or
    only the rate); a row whose party was read from the rest of the article (``filled``) is a fragment too."""
    if full is part or full.measure_type != part.measure_type:
        return False
    pairs = (
        (part.imposing_country_code, full.imposing_country_code),
        (part.target_country_code, full.target_country_code),
        (part.sector, full.sector),
        (part.rate_percent, full.rate_percent),
    )
    if any(mine is not None and mine != theirs for mine, theirs in pairs):
        return False
    if _identity(full) == _identity(part):
        return False
    fragment = filled or part.imposing_country_code is None or part.target_country_code is None
    return fragment or (part.rate_percent is None and part.sector == full.sector)


def fill_parties(
    facts: list[TradeMeasureFact],
    answering: set[int] | None = None,
    worldwide: set[int] | None = None,
    exports: set[int] | None = None,
) -> tuple[list[TradeMeasureFact], set[int]]:
    """Facts whose imposer or target the sentence leaves out, completed from the article's other facts when they
    name exactly one (see the module docstring), and the positions of the facts so completed. ``exports`` holds
    the ids of the taxes on exports: a kind of their own, never completed from duties on imports."""

    def kind_of(f: TradeMeasureFact) -> str | None:
        return "export tax" if id(f) in (exports or ()) else _KIND.get(f.measure_type)

    stated = [f for f in facts if f.imposing_country_code or f.target_country_code]
    grouped = [f for f in stated if _grouped(f)]
    filled: list[TradeMeasureFact] = []
    completed: set[int] = set()
    for fact in facts:
        kind = kind_of(fact)
        if kind is None or (fact.imposing_country_code and fact.target_country_code):
            filled.append(fact)
            continue
        same = [f for f in stated if kind_of(f) == kind and f is not fact]
        if _grouped(fact):  # "importados de esos países": the imposer of the measures on that group, no target
            found = {f.imposing_country_code for f in grouped if kind_of(f) == kind and f is not fact}
            if fact.imposing_country_code is None and len(found) == 1:
                imposer = found.pop()
                how_one = f"{fact.evidence.how}; imposer {imposer} from the article's measures on that group"
                completed.add(len(filled))
                fact = replace(fact, imposing_country_code=imposer, evidence=replace(fact.evidence, how=how_one))
            filled.append(fact)
            continue
        how = []
        imposer, target = fact.imposing_country_code, fact.target_country_code
        if imposer is None:
            found = {
                f.imposing_country_code
                for f in same
                if f.imposing_country_code and (target is None or f.target_country_code == target)
            }
            if not found and target is not None:  # "the 47% duty on Malagasy goods", U.S. tariffs only; "a 10%
                # baseline tariff on imports from all countries" beside U.S. tariffs only; else the imposer of at
                # least twice as many of them as any other ("The UK faces the 10% baseline rate" in a live blog of
                # U.S. tariffs on many countries and one Chinese answer)
                found = _dominant(
                    f.imposing_country_code for f in same if f.imposing_country_code not in (None, target)
                )
            if len(found) == 1 and (imposer := found.pop()) != target:
                how.append(f"imposer {imposer} from the article's other {kind} measures")
            else:
                imposer = None
        if target is None and imposer is not None:
            found = {
                f.target_country_code
                for f in same
                if f.target_country_code
                and f.imposing_country_code == imposer
                and (id(fact) not in (worldwide or ()) or _same_rate(f, fact))
                and (fact.sector is None or fact.measure_type not in _GOODS_OWN or f.sector == fact.sector)
            }
            if fact.measure_type == "exemption":
                found.discard("ALL")  # an exemption is granted to a country, not to every country
            if len(found) != 1:  # else the one of its own sentence ("a 50% tariff on Brazil, though 700 ... exempt")
                index = fact.evidence.sentence_index
                found = {
                    f.target_country_code
                    for f in same
                    if f.evidence.sentence_index == index
                    and f.target_country_code not in (None, "ALL")
                    and f.imposing_country_code in (imposer, None)
                }
            if len(found) == 1 and (target := found.pop()) != imposer:
                how.append(f"target {target} from the article's other {kind} measures by {imposer}")
            else:
                target = None
                if fact.measure_type == "exemption" and len(found) > 1 and imposer not in found:
                    # "goods from Malaysia and Indonesia face a 19% U.S. tariff, with exemptions for palm oil": the
                    # exemption is granted to each country its sentence's measure is on
                    for code in sorted(found):
                        how_each = f"{fact.evidence.how}; target {code} from its sentence's {kind} measures"
                        completed.add(len(filled))
                        filled.append(
                            replace(
                                fact,
                                imposing_country_code=imposer,
                                target_country_code=code,
                                evidence=replace(fact.evidence, how=how_each),
                            )
                        )
                    continue
        if target is None and imposer is not None and id(fact) in (answering or ()):
            found = {
                f.imposing_country_code for f in same if f.target_country_code == imposer and f.imposing_country_code
            } or {  # else the measures on every country ("the EU's countermeasures" to global steel tariffs)
                f.imposing_country_code for f in same if f.target_country_code == "ALL" and f.imposing_country_code
            }
            found.discard(imposer)
            if len(found) == 1:
                target = found.pop()
                how.append(f"target {target}: it answers the article's {kind} measures by {target} on {imposer}")
        if target is None and imposer is not None:
            found = {
                f.imposing_country_code
                for f in same
                if id(f) in (answering or ()) and f.target_country_code == imposer and f.imposing_country_code
            }
            if len(found) == 1 and (target := found.pop()) != imposer:
                how.append(f"target {target}: the article's {kind} measures by {target} answer it")
            else:
                target = None
        if target is None and id(fact) in (worldwide or ()) and (imposer or fact.measure_type == "export_restriction"):
            target = "ALL"
            how.append("target ALL: a border measure on goods that names no country covers every country")
        if not how:
            filled.append(fact)
            continue
        evidence = replace(fact.evidence, how=f"{fact.evidence.how}; {'; '.join(how)}")
        completed.add(len(filled))
        filled.append(replace(fact, imposing_country_code=imposer, target_country_code=target, evidence=evidence))
    return filled, completed


def merge(
    facts: list[TradeMeasureFact],
    answering: set[int] | None = None,
    worldwide: set[int] | None = None,
    exports: set[int] | None = None,
) -> list[TradeMeasureFact]:
    """The article's facts, one per distinct measure, in the order the article first states them. A row that
    names neither its imposer nor a country target nor a sector says too little to be a measure of its own."""
    facts, completed = fill_parties(facts, answering, worldwide, exports)
    first: dict[tuple[object, ...], int] = {}
    chosen: dict[tuple[object, ...], TradeMeasureFact] = {}
    stated: set[tuple[object, ...]] = set()  # identities some sentence states in full, not completed
    for position, fact in enumerate(facts):
        if _says_too_little(fact):
            continue
        key = _identity(fact)
        first.setdefault(key, position)
        if position not in completed:
            stated.add(key)
        kept = chosen.get(key)
        later = kept is not None and _LIFECYCLE.get(fact.status, 1) > _LIFECYCLE.get(kept.status, 1)
        if kept is None or later or (_grouped(fact) and not _grouped(kept)):
            chosen[key] = fact
    by_type: dict[str, list[TradeMeasureFact]] = defaultdict(list)
    for fact in chosen.values():
        by_type[fact.measure_type].append(fact)
    kept_facts = [
        fact
        for key, fact in chosen.items()
        if not any(_covers(other, fact, key not in stated) for other in by_type[fact.measure_type])
    ]
    return sorted(kept_facts, key=lambda f: first[_identity(f)])


def _dominant(codes: Iterable[str | None]) -> set[str | None]:
    """The one code, or the code named at least twice as often as any other."""
    ranked = Counter(codes).most_common()
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return {code for code, _ in ranked}
    return {ranked[0][0]} if ranked else set()


def _same_rate(source: TradeMeasureFact, fact: TradeMeasureFact) -> bool:
    """A measure on goods with a rate of its own is no restatement of one with another rate ("a 100% tariff on
    drugs" is not "the 10% tariff on Singapore goods")."""
    return fact.rate_percent is None or source.rate_percent in (None, fact.rate_percent)


def _grouped(fact: TradeMeasureFact) -> bool:
    return fact.target_country_code is None and GROUP_NOTE in (fact.evidence.how or "")


def _says_too_little(fact: TradeMeasureFact) -> bool:
    return (
        fact.measure_type != "agreement_review"
        and fact.imposing_country_code is None
        and fact.target_country_code in (None, "ALL")
        and fact.sector is None
    )


_OPEN_TARGET = ("agreement_review", "quota")  # "the USMCA review", "Canada's steel quotas": no one target
_OPEN_IMPOSER = (*_OPEN_TARGET, "sanction")  # "Western sanctions on Russia": the imposer may stay unnamed


def complete(facts: list[TradeMeasureFact]) -> list[TradeMeasureFact]:
    """The rows a trade analyst would take as facts: a measure names whom it is on and who imposes it, after the
    article's other measures have filled in what they could (:func:`fill_parties`). A fragment ("the 10% tariff
    Argentina faces", "U.S. tariffs" with no one they are on) stays out; an agreement review or a quota may name no
    single target, and a sanction may leave its imposer unnamed."""
    return [
        f
        for f in facts
        if (f.target_country_code is not None or f.measure_type in _OPEN_TARGET or _grouped(f))
        and (f.imposing_country_code is not None or f.measure_type in _OPEN_IMPOSER)
    ]
