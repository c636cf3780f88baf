"""When a measure takes effect: the date after an effect cue in its segment ("took effect on June 4", "a partir del 1
de agosto"), its year, when left out, the publication's nearest (a threatened measure's not before it); and a
measure said to start after the publication date unless something happens ("face a 36% tariff from August 1 unless
they reach a deal"), which is only threatened.
"""

from __future__ import annotations

import datetime as dt

from hotline.extract.context import ArticleContext
from hotline.extract.dates import DateExpr, resolve, safe_date
from hotline.extract.trade import rules as r
from hotline.extract.trade.groups import Group


def starts_later_unless(ctx: ArticleContext, effective: dt.date | None, start: int, end: int) -> bool:
    """The measure takes effect after the publication date and ``[start, end)`` says unless what."""
    published = ctx.article.published_date
    return bool(effective and published and effective > published and r.UNLESS.search(ctx.folded, start, end))


def effective_date(ctx: ArticleContext, index: int, group: Group, state: str) -> tuple[dt.date | None, str]:
    """The date the measure takes or took effect, when a date follows an effect cue in its segment."""
    seg_lo, seg_hi = group.segment
    for date in ctx.in_sentence("dates", index):
        if not seg_lo <= date.start < seg_hi or date.kind not in ("absolute", "weekday", "relative"):
            continue
        cue = r.EFFECTIVE.search(ctx.folded, max(seg_lo, date.start - 40), date.start)
        if cue is None:
            continue
        day, how = _resolve(date, ctx.article.published_date, future=state == "threatened")
        if day is not None:
            return day, f"effective {day.isoformat()} from '{ctx.text[cue.start() : date.end]}' ({how})"
    return None, ""


def _resolve(date: DateExpr, anchor: dt.date | None, future: bool) -> tuple[dt.date | None, str]:
    if date.kind == "absolute" and date.year is None and date.month and date.day and anchor is not None:
        years = (anchor.year - 1, anchor.year, anchor.year + 1)
        days = [d for d in (safe_date(y, date.month, date.day) for y in years) if d is not None]
        if future:
            days = [d for d in days if d >= anchor] or days
        if days:
            day = min(days, key=lambda d: abs((d - anchor).days))
            return day, f"year from the publication date {anchor.isoformat()} (the nearest such day)"
    return resolve(date, anchor)
