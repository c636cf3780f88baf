"""The rates a measure's words give: every rate in a span ("a 25% tariff", "un arancel del 10 %", "ten percent"),
and which of them belongs to a sector or a target ("32% on Thai goods and 36% on Cambodian goods", "while
Cambodian products pay 49%")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hotline.extract.trade import rules as r
from hotline.extract.trade.groups import Group
from hotline.extract.trade.parties import Party


@dataclass(frozen=True, slots=True)
class Found:
    """A value read at a span of the folded text: a rate or a sector."""

    start: int
    end: int
    value: Any


def rates_in(text: str, lo: int, hi: int) -> list[Found]:
    """The rates between ``lo`` and ``hi``, but not one of a chain ("from 10% to 25%") or a range."""
    if not any(text.find(mark, lo, hi) >= 0 for mark in r.RATE_MARKS):  # the cheap test first
        return []
    return [
        Found(m.start(), m.end(), _rate_value(m.group("value")))
        for m in r.RATE.finditer(text, lo, hi)
        if not r.RATE_CHAIN.match(text, m.end()) and not r.RATE_RANGE.search(text, max(lo, m.start() - 40), m.start())
    ]


def _rate_value(raw: str) -> float:
    key = " ".join(raw.split())
    if key in r.NUMBER_WORDS:
        return r.NUMBER_WORDS[key]
    return float(key.replace(",", "."))


def rate_for(text: str, rates: list[Found], sector: Found | None, group: Group, target: Party | None) -> Found | None:
    """The rate of a sector, else of a target ("32% on Thai goods and 36% on Cambodian goods", "while Cambodian
    products pay 49%"), else the nearest."""
    if not rates:
        return None
    if len(rates) == 1:
        return rates[0]
    own = r.GAPPED_AFTER.match(text, target.end) if target is not None and target.start >= group.end else None
    if own is not None and sector is None:
        at = [x for x in rates if x.start == own.end()]
        if at:
            return at[0]
    if sector is not None:
        before = [x for x in rates if x.end <= sector.start]
        if before:
            return before[-1]
        return min(rates, key=lambda x: x.start - sector.end)
    before = [x for x in rates if target is not None and target.start >= group.end and x.end <= target.start]
    if before:
        return before[-1]
    return min(rates, key=lambda x: min(abs(x.end - group.start), abs(x.start - group.end)))
