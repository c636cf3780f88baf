"""When a call took place, read like a careful reader: which date of the call sentences is the call's, and what
the text bounds when it gives no day.

Dates are weighed in order of trust: a date attached to the call phrase ("the conversation on Thursday", "a May 3
call"), an offset from a dated event ("17 days after a Jan. 12 call"), then a date of a call sentence that belongs
to no other event. A date is another event's when a noun of another event owns it ("the summit on Friday"), when a
relative clause holds it ("Lee, who took office last Wednesday, ..."), when it sits in the main clause while the
call is told in a subordinate one ("began on Sunday, after Trudeau called ..."), when it is a deadline, or when it
lies ahead. The day a call was *announced* ("said on Monday that she had spoken with ...") is no day of the call:
it is the latest the call can be, and its eve the call's day when the text says "the night before"
(:mod:`hotline.extract.told_days`). A date that opens the call sentence ("On May 6, Modi and Starmer spoke by
phone") dates it however long ago; with no date in the call sentences, the one day of the sentence right before,
naming both leaders, does ("Takaichi and Albanese agreed Thursday ... In the phone conversation, ..."). A stretch
("over the weekend", "earlier in the week", "durante el fin de semana") or a month ("in March") gives bounds, with
``precision`` week or month (:mod:`hotline.extract.call_bounds`). The reference day for weekdays and relative
words is the publication date; a year is filled only from evidence: stated, the publication date, or the single
year in the participants' terms that fits a stated weekday.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from hotline.extract.attached_dates import after_the_leader, another_calls_clause, attached_date, naming_the_pair
from hotline.extract.call_bounds import Candidate, before_a_dated_event, month_of, period_of, stretch
from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.date_events import other_event
from hotline.extract.dates import (
    DAY_AFTER,
    DAY_BEFORE,
    MONTH_NAMES,
    NUMBERS,
    OFFSET_AFTER,
    OFFSET_BEFORE,
    OFFSET_UNITS,
    WEEKDAY_NAMES,
    DateExpr,
    count_of,
    latest_on_or_before,
    resolve,
    safe_date,
)
from hotline.extract.event_bounds import event_bound
from hotline.extract.published import dateline_month_day, post_dates
from hotline.extract.story_year import StoryDay, day_in, office_years, story_day, written_years
from hotline.extract.told_days import (
    JUST_BEFORE,
    announced_day,
    counting_day,
    day_just_before,
    day_pointed_back_to,
    eve_of_the_telling,
    live_entry_day,
    quote_day,
)
from hotline.facts import CallDate
from hotline.text import anchor_words, first_words, holds_any, phrase_alternation

_OFFSET = re.compile(
    rf"(?<![\w])(?P<n>\d{{1,3}}|{phrase_alternation(list(NUMBERS))})\s+(?P<unit>{phrase_alternation(list(OFFSET_UNITS))})\s+"
    rf"(?P<dir>{phrase_alternation([*OFFSET_AFTER, *OFFSET_BEFORE])})(?![\w])"
)
_ONE_DAY = re.compile(
    rf"(?<![\w])(?:(?P<after>{phrase_alternation(list(DAY_AFTER))})|(?P<before>{phrase_alternation(list(DAY_BEFORE))}))"
    r"(?![\w])"
)
"""One day from a dated event, no number said: "the day after the May 18 election", "la víspera de"."""
# What every match holds: a sentence with none is not searched (both patterns open on a look-behind)
_OFFSET_UNIT_WORDS, _ONE_DAY_WORDS = first_words(OFFSET_UNITS), anchor_words([*DAY_AFTER, *DAY_BEFORE])
_REPORTED_MAX_AGE = int(RULES["reported_call_max_age_days"])
_IN_SENTENCE = "in a sentence reporting the call"


def earlier_call_date(ctx: ArticleContext, date: DateExpr | None, anchor: dt.date | None) -> CallDate:
    """The date of an earlier call referred to in passing from the date attached to its phrase ("last spoke on
    Monday", "last spoke by phone on March 5", "in November"), counted back from ``anchor``."""
    if date is None or date.is_future:
        return CallDate(how="an earlier call referred to in passing; the text gives no date for it")
    quote = f"'{ctx.text[date.start : date.end]}' attached to an earlier call"
    if date.kind == "month":
        return before_a_dated_event(ctx, date, month_of(date, anchor, quote))
    if date.kind == "period" and date.period is not None and anchor is not None:  # "last spoke late last month"
        return period_of(date.period, anchor, quote)
    if date.kind in ("weekday", "relative", "absolute"):
        resolved, how = resolve(date, anchor)
        if resolved is not None:
            return CallDate.on(resolved, "stated" if date.is_full else date.kind, f"{quote}: {how}")
    return CallDate(how=f"{quote}, but no date to count from")


def _offsets(ctx: ArticleContext, index: int) -> list[tuple[DateExpr, int]]:
    """Offsets from a dated event in sentence ``index`` ("17 days after a Jan. 12 call"): (that date, signed days)."""
    sentence = ctx.sentences[index]
    found = []
    absolute: list[DateExpr] | None = None
    unit = holds_any(ctx.folded, _OFFSET_UNIT_WORDS, sentence.start, sentence.end)
    counted = [(m.start(), m) for m in _OFFSET.finditer(ctx.folded, sentence.start, sentence.end)] if unit else []
    one_day = holds_any(ctx.folded, _ONE_DAY_WORDS, sentence.start, sentence.end)
    single = [(m.start(), m) for m in _ONE_DAY.finditer(ctx.folded, sentence.start, sentence.end)] if one_day else []
    for _, match in sorted(counted + single, key=lambda item: item[0]):
        if absolute is None:
            absolute = [d for d in ctx.in_sentence("dates", index) if d.kind == "absolute"]
            absolute_starts = [d.start for d in absolute]
        later = bisect_right(absolute_starts, match.end())  # the first absolute date after the offset
        if later < len(absolute):
            if match.re is _ONE_DAY:
                days = 1 if match.group("after") else -1
            else:
                days = count_of(match.group("n")) * OFFSET_UNITS[match.group("unit")]
                days = days if match.group("dir") in OFFSET_AFTER else -days
            found.append((absolute[later], days))
    return found


def reported_date(
    ctx: ArticleContext,
    primary_cues: list[tuple[Cue, int]],
    reference_dates: set[int],
    anchor: dt.date | None,
    participant_ids: tuple[str, ...],
    quoted_cues: Sequence[tuple[Cue, int]] = (),
) -> CallDate:
    """The date of the call the cues report. ``reference_dates``: the ``id`` of every date that belongs to an
    earlier call referred to in passing; ``anchor``: the publication date; ``quoted_cues``: the call's cues in
    quotation marks, whose words count from no known day but an embedded post's. A call told in an embedded
    post counts from the post's date; without a publication date, a dateline that gives only month and day is
    the story's day when evidence fixes its year (:mod:`hotline.extract.story_year`); else a call the text does
    not date is known to fall on or before that month/day."""
    for start, end, day, signature in post_dates(ctx.text):  # "Had a good call today" in a post of March 14
        posted = [(cue, i) for cue, i in (*primary_cues, *quoted_cues) if start <= cue.start < end]
        if (anchor is None or day <= anchor) and posted:
            cues = primary_cues + [item for item in posted if item not in primary_cues]
            found = _reported_date(ctx, cues, reference_dates, day, participant_ids)
            return replace(found, how=f"{found.how}; counted from the date of the embedded post '{signature}'")
    if anchor is None and (story := story_day(ctx, participant_ids)) is not None:
        return _on_story_day(ctx, primary_cues, reference_dates, participant_ids, story)
    return _reported_date(ctx, primary_cues, reference_dates, anchor, participant_ids)


def _on_story_day(
    ctx: ArticleContext,
    primary_cues: list[tuple[Cue, int]],
    reference_dates: set[int],
    participant_ids: tuple[str, ...],
    story: StoryDay,
) -> CallDate:
    found = _reported_date(ctx, primary_cues, reference_dates, story.date, participant_ids)
    dateline = f"the story's day from its dateline '{story.stated}'"
    if story.date is not None:
        return replace(found, how=f"{found.how}; {dateline}: {story.how}", story_date=story.date)
    if found.date is not None or found.month is not None or found.latest is not None:
        return found
    how = (
        f"{found.how}; the call came on or before {dateline} ({MONTH_NAMES[story.month - 1]} {story.day}), {story.how}"
    )
    return replace(found, latest_month=story.month, latest_day=story.day, how=how)


def _reported_date(
    ctx: ArticleContext,
    primary_cues: list[tuple[Cue, int]],
    reference_dates: set[int],
    anchor: dt.date | None,
    participant_ids: tuple[str, ...],
) -> CallDate:
    # Dates are told apart by identity (``id``, in sets), and a sentence's cues and dates are looked up by
    # bisection: every step is one lookup per date or cue, never a scan of all the others.
    attached: list[tuple[DateExpr, int]] = []
    cue_starts: dict[int, list[int]] = {}
    for cue, index in primary_cues:
        cue_starts.setdefault(index, []).append(cue.start)
        date = attached_date(ctx, cue, index) or after_the_leader(ctx, cue, index, participant_ids)
        if date is not None and not date.is_future:
            attached.append((date, index))
    attached_ids = {id(d) for d, _ in attached}
    medium: list[tuple[DateExpr, int]] = []
    announced: list[tuple[DateExpr, int]] = []
    offsets: list[tuple[DateExpr, int, int]] = []  # (reference date, signed days, sentence)
    for index in sorted(cue_starts):
        sentence = ctx.sentences[index]
        found = _offsets(ctx, index)
        offsets += [(date, days, index) for date, days in found]
        offset_ids = {id(date) for date, _ in found}
        starts = sorted(cue_starts[index])
        for date in ctx.in_sentence("dates", index):
            if id(date) in reference_dates or id(date) in attached_ids or id(date) in offset_ids or date.is_future:
                continue
            event = other_event(ctx, date, sentence.start, starts)
            if event == "announcement":
                announced.append((date, index))
            elif event is None and not another_calls_clause(ctx, date, index, participant_ids):  # "y el jueves había
                medium.append((date, index))  # llamado a Ramaphosa": Ramaphosa's day, not this call's
    candidates = [(d, i, "attached") for d, i in attached] + [(d, i, _IN_SENTENCE) for d, i in medium]
    candidates = naming_the_pair(ctx, candidates, participant_ids)
    latest = announced_day(ctx, announced, anchor)
    found = _day(ctx, candidates, offsets, anchor, participant_ids)
    if found is None:
        found = stretch(ctx, candidates, latest[0] if latest else anchor)
    if found is None:  # "before the Oct. 9 summit", "tras la cumbre del martes": a bound, never a day
        found = event_bound(ctx, sorted(cue_starts), anchor, latest[0] if latest else None)
    if found is None and latest is not None:
        day, how, index = latest
        eve = eve_of_the_telling(ctx, min(cue_starts[index]), index) if index in cue_starts else None
        if eve is not None:  # "said on Tuesday that she had phoned Milei the night before"
            quote = ctx.text[eve.start() : eve.end()]
            how = f"'{quote}': the day before {day.isoformat()}, the day the call was told of"
            return CallDate.on(day - dt.timedelta(days=1), "offset", how)
        return CallDate(latest=day, basis="announced", how=how)
    if found is None and latest is None:
        lead = next(
            (d for i in sorted(cue_starts) if (d := day_just_before(ctx, i, participant_ids)) is not None), None
        )
        found = (
            _day(ctx, [(lead, ctx.sentence_of(lead.start), JUST_BEFORE)], [], anchor, participant_ids) if lead else None
        )
    if found is None and latest is None:  # "esa noche" of a day named before; a live blog's entry
        back = next((b for i in sorted(cue_starts) if (b := day_pointed_back_to(ctx, i, anchor))), None)
        entry = next((e for i in sorted(cue_starts) if (e := live_entry_day(ctx, min(cue_starts[i]), anchor))), None)
        found = CallDate.on(back[0], "pointed_back", back[1]) if back else None
        found = found or (CallDate.on(entry[0], "live_entry", entry[1]) if entry else None)
    return found or CallDate(how="the text gives no date for the call")


def _day(
    ctx: ArticleContext,
    candidates: list[Candidate],
    offsets: list[tuple[DateExpr, int, int]],
    anchor: dt.date | None,
    participant_ids: tuple[str, ...],
) -> CallDate | None:
    """The call's day from an absolute date, an offset or a weekday or relative day, in that order of trust."""
    absolute = [item for item in candidates if item[0].kind == "absolute"]
    if anchor is not None:  # a year-less day that would lie months before the article is not the news it reports,
        # unless the call phrase itself carries it ("spoke by phone on March 31" in June)
        absolute = [
            item
            for item in absolute
            if item[0].is_full or item[2] == "attached" or _recent(item[0], anchor) or _leads(ctx, item[0])
        ]
    days = [item for item in candidates if item[0].kind in ("weekday", "relative", "day_of_month")]
    weekday = next((d.weekday for d, _, _ in days if d.kind == "weekday"), None)
    # a day elsewhere in the sentence that is not the call's weekday, or beside the call's own "ayer" ("sostuvo ayer
    # una conversación ... los aranceles que aplica desde el 1 de enero"), dates another event
    own = {index for d, index, where in days if where == "attached" and d.kind == "relative"}
    absolute = [
        (date, index, where)
        for date, index, where in absolute
        if where == "attached"
        or (index not in own and (weekday is None or _weekday_of(date, anchor) in (None, weekday)))
    ]
    if offsets and anchor is not None:  # an offset that lands after the story, or off the call's weekday ("a week
        # after Aug. 1" with "on Wednesday" in the lead), is a rough count, not the call's day
        offsets = [o for o in offsets if _offset_fits(o[0], o[1], anchor, weekday)]
    if absolute and offsets and absolute[0][2] != "attached" and offsets[0][2] < absolute[0][1]:
        absolute = []  # "al día siguiente de las elecciones del 18 de mayo" in the lead, "el 28 de abril" further on
    if absolute:
        date, _, where = absolute[0]
        quote = ctx.text[date.start : date.end]
        if date.is_full:
            return _with_weekday_check(date.as_date(), "stated", f"'{quote}' {where}", weekday)
        assert date.month is not None and date.day is not None
        return _month_day(ctx, date.month, date.day, 0, anchor, weekday, participant_ids, f"'{quote}' {where}")
    if offsets:
        reference, signed, _ = offsets[0]
        quote = ctx.text[reference.start : reference.end]
        assert reference.month is not None and reference.day is not None
        how = f"{signed:+d} days from '{quote}'"
        if reference.is_full:
            base = reference.as_date()
            assert base is not None
            return _with_weekday_check(base + dt.timedelta(days=signed), "offset", how, weekday)
        return _month_day(ctx, reference.month, reference.day, signed, anchor, weekday, participant_ids, how)
    if days:
        date, _, where = days[0]
        quote = ctx.text[date.start : date.end]
        heading = counting_day(ctx, date.start, anchor) if date.kind in ("weekday", "relative") else None
        resolved, how = resolve(date, heading[0] if heading else anchor)  # a live blog's entry: its heading's day
        how = how.replace("the publication date", heading[1]) if heading else how
        told = quote_day(ctx, date) if date.kind == "relative" and heading is None else None
        told_day = resolve(told, anchor)[0] if told is not None else None
        if told is not None and told_day is not None:  # "In a post on Saturday, he wrote: 'Had a call today'"
            resolved, how = resolve(date, told_day)
            said = f"'{ctx.text[told.start : told.end]}', the day of the words quoted,"
            how = how.replace("the publication date", said)
        if resolved is not None:
            basis = {"weekday": "weekday", "relative": "relative"}.get(date.kind, "day_of_month")
            return CallDate.on(resolved, basis, f"'{quote}' {where}: {how}")
        own = dateline_month_day(ctx.text, ctx.folded, ctx.lex) if date.kind == "relative" else None
        if own is not None and date.relative_days is not None:  # "LISBON, April 28 (Reuters) - ... this afternoon"
            month, day, stated = own
            how = f"'{quote}' {where}, counted from the dateline '{stated}'"
            # A weekday among the candidates is another day's ("on Monday night" of a call told further on), not
            # this one's: it fixes no year here.
            return _month_day(ctx, month, day, date.relative_days, None, None, participant_ids, how)
        return CallDate(
            day=date.day if date.kind == "day_of_month" else None,
            weekday=date.weekday,
            basis="weekday_only" if date.kind == "weekday" else "relative_without_anchor",
            how=f"'{quote}' {where}, but no publication date to count from",
        )
    return None


def _weekday_of(date: DateExpr, anchor: dt.date | None) -> int | None:
    """The weekday of an absolute date (its year from ``anchor`` when the text gives none), if it can be known."""
    if date.is_full:
        day = date.as_date()
    elif anchor is not None and date.month is not None and date.day is not None:
        day = latest_on_or_before(date.month, date.day, anchor)
    else:
        day = None
    return day.weekday() if day is not None else None


def _offset_fits(reference: DateExpr, signed: int, anchor: dt.date, weekday: int | None) -> bool:
    """Whether ``signed`` days from ``reference`` (its year the latest up to ``anchor`` when the text gives none)
    fall on or before ``anchor`` and on ``weekday`` when the text gives one."""
    if reference.is_full:
        base = reference.as_date()
    else:
        assert reference.month is not None and reference.day is not None
        base = latest_on_or_before(reference.month, reference.day, anchor)
    if base is None:
        return True
    day = base + dt.timedelta(days=signed)
    return day <= anchor and weekday in (None, day.weekday())


_LEAD_IN = re.compile(r"[\W_]*(?:(?:on|el|the)\s+)?")
"""What may stand before a date that opens its sentence: markup, "On", "El"."""


def _leads(ctx: ArticleContext, date: DateExpr) -> bool:
    """A date that opens the call sentence, before its subject ("On May 6, Modi and Starmer spoke by phone", "El 20
    de febrero ambos mandatarios sostuvieron una llamada"): the sentence is told on that day, however long ago."""
    sentence = ctx.sentences[ctx.sentence_of(date.start)]
    return _LEAD_IN.fullmatch(ctx.folded, sentence.start, date.start) is not None


def _recent(date: DateExpr, anchor: dt.date) -> bool:
    assert date.month is not None and date.day is not None
    day = latest_on_or_before(date.month, date.day, anchor)
    return day is not None and (anchor - day).days <= _REPORTED_MAX_AGE


def _with_weekday_check(day: dt.date | None, basis: str, how: str, weekday: int | None) -> CallDate:
    if day is None:
        return CallDate(how=how)
    if weekday is not None and day.weekday() != weekday:
        how += (
            f"; note: the text also says {WEEKDAY_NAMES[weekday]}, "
            f"but {day.isoformat()} is a {WEEKDAY_NAMES[day.weekday()]}"
        )
    return CallDate.on(day, basis, how)


def _month_day(
    ctx: ArticleContext,
    month: int,
    day: int,
    shift: int,
    anchor: dt.date | None,
    weekday: int | None,
    participant_ids: tuple[str, ...],
    how: str,
) -> CallDate:
    """A date known as month/day (+ shift days): the year comes from the anchor or from the participants'
    terms with the weekday, otherwise it stays unknown."""
    if anchor is not None:
        base = latest_on_or_before(month, day, anchor - dt.timedelta(days=max(shift, 0)))
        if base is not None:
            resolved = base + dt.timedelta(days=shift)
            how = f"{how}; year from the publication date {anchor.isoformat()}"
            return _with_weekday_check(resolved, "year_from_publication", how, weekday)
    years = office_years(ctx, participant_ids, month, day)
    if weekday is not None:
        years = [y for y in years if day_in(y, month, day, shift).weekday() == weekday]
        if len(years) == 1:
            resolved = day_in(years[0], month, day, shift)
            how = (
                f"{how}; {resolved.year} is the only year in which both participants held office on that day and "
                f"it is a {WEEKDAY_NAMES[weekday]}"
            )
            return CallDate.on(resolved, "year_from_terms", how)
    written = sorted(written_years(ctx, month, day) & set(years))
    if len(years) > 1 and len(written) == 1:  # several years fit the terms; the article writes one of them
        resolved = day_in(written[0], month, day, shift)
        how = f"{how}; {resolved.year}, written in the article, is the only year it writes that fits both terms"
        return CallDate.on(resolved, "year_from_text", how)
    probe = safe_date(2024, month, day)
    assert probe is not None
    shifted = probe + dt.timedelta(days=shift)
    how = f"{how}; no evidence for the year, so the date is left null"
    return CallDate(None, None, shifted.month, shifted.day, weekday, "unknown", "month_day_only", how)
