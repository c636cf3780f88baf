"""A call told only as before or after another dated event of its sentence ("spoke by phone before the Oct. 9
summit", "called him after Saturday's election", "hablaron tras la cumbre del martes"): the bound the text supports,
that event's day as the latest or the earliest day of the call, never a day."""

from __future__ import annotations

import datetime as dt
import re

from hotline.extract.context import ArticleContext
from hotline.extract.dates import DateExpr, resolve
from hotline.facts import CallDate

_RELATION = re.compile(
    r"(?<![\w])(?P<rel>before|ahead\s+of|after|following|antes\s+de|despues\s+de|tras)\s+"
    r"(?:(?:the|a|an|el|la|los|las|del|de|this|last|esta|este|pasado|pasada)\s+|[a-z]+\s+){0,3}\Z"
)
"""Up to a date: a word that sets the call before or after an event and at most three words of its noun phrase."""
_REACH = 45
_BEFORE = ("before", "ahead", "antes")


def event_bound(
    ctx: ArticleContext, indices: list[int], anchor: dt.date | None, told: dt.date | None
) -> CallDate | None:
    """The bound from the first date of a call sentence set after "before"/"after" ("before the Oct. 9 summit")
    whose day is known and lies on or before ``anchor``; ``told``: the day the call was told of, if known (the
    latest day an "after" bound closes with; else the story's day)."""
    for index in indices:
        start = ctx.sentences[index].start
        for date in ctx.in_sentence("dates", index)[:6]:
            match = _RELATION.search(ctx.folded, max(start, date.start - _REACH), date.start)
            if match is None or date.kind not in ("absolute", "weekday", "relative"):
                continue
            day = _event_day(date, anchor)
            if day is None:
                continue
            quote = f"'{ctx.text[match.start() : date.end]}': the call is told against another event"
            if match.group("rel").startswith(_BEFORE):
                if told is not None and told < day:
                    return None
                return CallDate(basis="event_bound", how=f"{quote}, on or before {day.isoformat()}", latest=day)
            top = told or anchor  # a call already told of: on or before the day it was told, or the story's
            if top is not None and top < day:
                return None
            if top == day:  # an event of the very day the call was told of: the call's day
                return CallDate.on(day, "event_bound", f"{quote}, on {day.isoformat()}, the day it was told of")
            how = f"{quote}, on or after {day.isoformat()}" + (f" and on or before {top.isoformat()}" if top else "")
            return CallDate(basis="event_bound", how=how, earliest=day, latest=top)
    return None


def _event_day(date: DateExpr, anchor: dt.date | None) -> dt.date | None:
    """The event's day when it lies on or before the publication day (a future event bounds nothing new)."""
    if date.is_future:
        return None
    if date.kind == "absolute" and not date.is_full:  # a year-less day: this year's, only when already past
        if anchor is None or date.month is None or date.day is None:
            return None
        try:
            day = dt.date(anchor.year, date.month, date.day)
        except ValueError:
            return None
        return day if day <= anchor else None
    day, _ = resolve(date, anchor)
    return day if day is not None and (anchor is None or day <= anchor) else None
