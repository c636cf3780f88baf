"""Bounds of a call's date when the text gives no day: a stretch of days ("over the weekend", "late last month")
counted from a reference day, or a month ("in March", "a finales de febrero") that frames the call sentence or
follows the leader a call phrase links."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import replace

from hotline.extract.attached_dates import opens_sentence
from hotline.extract.context import ArticleContext
from hotline.extract.dates import MONTH_PARTS, DateExpr
from hotline.extract.rules import load_rules
from hotline.facts import CallDate

Candidate = tuple[DateExpr, int, str]  # a date, its sentence, where it stands (attached or in a call sentence)


def stretch(ctx: ArticleContext, candidates: list[Candidate], reference: dt.date | None) -> CallDate | None:
    """Bounds without a day: a stretch of days ("over the weekend") counted from ``reference``, or a month."""
    for date, _, where in candidates:
        quote = f"'{ctx.text[date.start : date.end]}' {where}"
        if date.kind == "period" and date.period is not None and reference is not None:
            return period_of(date.period, reference, quote)
        if date.kind == "month" and (
            date.year is not None
            or date.last_year
            or where == "attached"
            or opens_sentence(ctx, date)
            or _after_the_link(ctx, date)
        ):
            return before_a_dated_event(ctx, date, month_of(date, reference, quote))
    return None


_MONTH_GAP = re.compile(
    r"\s*(?:(?:in|en|during|durante|the|el|la|a|at|of|de|toward|towards|hacia|last|pasado|early|mid|late|end|"
    r"beginning|start|principios|mediados|finales|fines|comienzos|inicios)[\s-]+){1,5}\Z"
)


def _after_the_link(ctx: ArticleContext, date: DateExpr) -> bool:
    """A month right after the leader a call phrase links, only a preposition and a part of the month between
    ("spoke by phone with Olaf Scholz in late February", "habló con Macron a finales de febrero")."""
    index = ctx.sentence_of(date.start)
    cues = ctx.starts_in("cues", index)
    hits = [h for h in ctx.in_sentence("officials", index) if h.end <= date.start]
    return (
        bool(cues and hits)
        and cues[0] < hits[-1].start
        and bool(_MONTH_GAP.match(ctx.folded, hits[-1].end, date.start))
    )


_DAYS_BEFORE = re.compile(
    r"[\s,;(]*(?:(?:just|only|a\s+few|few|some|unos|pocos|apenas)\s+)?(?:days|dias|weeks|semanas|shortly|poco)\s+"
    r"(?:before|antes\s+de(?:\s+que)?)(?![\w])"
)
"""Right after a month, how it stands to a dated event: "days before ...", "días antes de que ...", "poco antes"."""
_BEFORE_REACH = 160


def before_a_dated_event(ctx: ArticleContext, date: DateExpr, found: CallDate) -> CallDate:
    """A month's bounds closed by the event it came "days before" ("en mayo del año pasado, días antes de que ...
    reconocieran al Estado palestino el 28 de mayo de 2024"): on or before the eve of that event's full date when it
    lies within the bounds."""
    before = _DAYS_BEFORE.match(ctx.folded, date.end)
    if before is None or found.earliest is None or found.latest is None:
        return found
    index = ctx.sentence_of(date.start)
    dates = ctx.in_sentence("dates", index)
    first = bisect_left(ctx.starts_in("dates", index), before.end())
    reach = before.end() + _BEFORE_REACH
    event = next(
        (d.as_date() for d in dates[first : first + 3] if d.start <= reach and d.kind == "absolute" and d.is_full),
        None,
    )
    if event is None or not found.earliest < event <= found.latest:
        return found
    how = f"{found.how}, before {event.isoformat()} ('{ctx.text[date.end : before.end()].strip(' ,;(')}' it)"
    return replace(found, latest=event - dt.timedelta(days=1), how=how)


def period_of(period: str, reference: dt.date, quote: str) -> CallDate:
    """The bounds of a stretch of days ("over the weekend", "late last month") counted from ``reference``; "in
    recent days" gives only the day the call came on or before."""
    if period == "recent_days":
        return CallDate(basis="period", how=f"{quote}: on or before {reference.isoformat()}", latest=reference)
    first, last = period_bounds(period, reference)
    if first > last:  # "mid-month" told before the month's middle: a part of the month still to come
        return CallDate(how=f"{quote}: a part of the month after {reference.isoformat()}, no bounds")
    how = f"{quote}: {first.isoformat()} to {last.isoformat()}, counted from {reference.isoformat()}"
    if period in MONTH_PERIODS:  # "late last month": within one month, its year and month known
        year, month = (
            (first.year, first.month) if (first.year, first.month) == (last.year, last.month) else (None, None)
        )
        return CallDate(None, year, month, precision="month", basis="period", how=how, earliest=first, latest=last)
    return CallDate(earliest=first, latest=last, precision="week", basis="period", how=how)


def month_of(date: DateExpr, anchor: dt.date | None, quote: str) -> CallDate:
    """A month: with its stated year, the year before ``anchor``'s when the text says "last year", else the latest
    such month up to ``anchor``; its days are the bounds."""
    assert date.month is not None
    year = date.year if date.year is not None else (latest_month(date.month, anchor) if anchor else None)
    if date.last_year and anchor is not None:
        year = anchor.year - 1
    if year is None:
        return CallDate(month=date.month, basis="month_only", how=f"{quote}: a month, with no year to give it")
    first, last = month_part_bounds(*month_bounds(year, date.month), date.part)
    how = f"{quote}: only the month" + (f" ({date.part})" if date.part else "")
    how += "" if date.year else (f", of the year before {anchor}" if date.last_year else f", the latest up to {anchor}")
    return CallDate(None, year, date.month, None, None, "month", "stated_month", how, first, last)


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def latest_month(month: int, anchor: dt.date) -> int:
    """The year of the last ``month`` that began on or before ``anchor``."""
    return anchor.year if month <= anchor.month else anchor.year - 1


_THIS_MONTH_PARTS = {"earlier_month": None, "early_month": "early", "mid_month": "mid"}


def period_bounds(period: str, anchor: dt.date) -> tuple[dt.date, dt.date]:
    """The days a stretch (:data:`PERIODS`) covers, counted from the reference day ``anchor``."""
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if period in ("weekend", "last_weekend"):
        saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
        if period == "last_weekend" and anchor.weekday() >= 5:
            saturday -= dt.timedelta(days=7)
        return saturday, min(anchor, saturday + dt.timedelta(days=1))
    if period == "earlier_week":
        return monday, max(monday, anchor - dt.timedelta(days=1))
    if period == "this_week":
        return monday, anchor
    if period in _THIS_MONTH_PARTS:  # this month up to the anchor (early_month, mid_month: that part of it)
        return month_part_bounds(anchor.replace(day=1), anchor, _THIS_MONTH_PARTS[period])
    if period.endswith("last_month"):  # last_month, early_last_month, mid_last_month, late_last_month
        previous = anchor.replace(day=1) - dt.timedelta(days=1)
        first, last = month_bounds(previous.year, previous.month)
        part = period.removesuffix("_last_month")
        return month_part_bounds(first, last, part if part in MONTH_PARTS else None)
    return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)  # last_week


MONTH_PERIODS = frozenset(code for code in load_rules("dates")["periods"] if code.endswith("month"))
"""Periods that are parts of a month (a call's date precision ``month``), not stretches of days."""


def month_part_bounds(first: dt.date, last: dt.date, part: str | None) -> tuple[dt.date, dt.date]:
    """The days of a month ``[first, last]`` that ``part`` (early, mid, late; None: all) covers."""
    if part is None:
        return first, last
    start, end = MONTH_PARTS[part]
    return first.replace(day=start), min(last, first.replace(day=min(end, last.day)))
