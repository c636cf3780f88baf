"""Call phrases grouped into calls: by the pair of leaders each links, then by the day each tells, with
phrases inside a quotation kept with their call but never dating it.
"""

from __future__ import annotations

import calendar
import datetime as dt

from hotline.extract.attached_dates import after_the_leader, attached_date, sentence_date
from hotline.extract.context import RULES, ArticleContext, Cue, with_audience
from hotline.extract.dates import DateExpr, resolve
from hotline.extract.pairs import beside_a_call_of_no_leader, cue_links
from hotline.extract.sentence_pairs import Link, sentence_pair, with_both
from hotline.text import in_quote

_INDEFINITE = frozenset(RULES["indefinite_determiners"])


def split_by_pair(ctx: ArticleContext, cues: list[tuple[Cue, int]]) -> list[tuple[Link | None, list[tuple[Cue, int]]]]:
    """Group the call cues by the pair of leaders each links (see :mod:`hotline.extract.pairs`): a round of calls
    ("spoke with A and B", "Con A habló el sábado. Con B y con C conversó ...") gives one group per counterpart,
    a cue linking two counterparts goes to both. A cue that links nobody goes with the pair linked last before
    it (the first pair, before any). One group without a pair when no cue links two leaders."""
    groups: dict[frozenset[str], tuple[Link, list[tuple[Cue, int]]]] = {}
    pending: list[tuple[Cue, int]] = []
    quoted: list[tuple[Cue, int]] = []
    current: list[frozenset[str]] = []
    ministers = False
    for cue, index in sorted(cues, key=lambda item: (item[1], item[0].start)):
        links = cue_links(ctx, cue, index)
        if links == []:
            ministers = True
            continue  # a minister's call: no leaders' call, and no sentence of theirs
        if links is None:
            links = with_both(ctx, cue, index, [link for link, _ in groups.values()])  # one call with each
            if not links:
                introduces = introduces_a_call(ctx, cue) and not beside_a_call_of_no_leader(ctx, cue, index)
                pair = sentence_pair(ctx, index) if introduces else None
                links = [pair] if pair is not None else []
        if links:
            current = []
            for link in links:
                groups.setdefault(link.key, (link, []))[1].append((cue, index))
                current.append(link.key)
        elif _in_quote(ctx, cue, index):
            quoted.append((cue, index))  # '"It lasted about 40 minutes"': about the call, never its first word
            ctx.memo.setdefault("quoted_cues", set()).add(id(cue))  # nor its date ('... he told reporters Tuesday')
        elif current:
            for key in current:
                groups[key][1].append((cue, index))
        elif not ministers or introduces_a_call(ctx, cue):  # after a call of no leaders, with no leaders' call
            pending.append((cue, index))  # told yet, "the conversation" is that call ("Zelenska wrote after the
            # conversation"), not the next one
    if not groups:  # "the call" after a minister's call, or a call with troops, is that call
        audience = any(with_audience(ctx.folded, h.end) for name in ("phone", "call_noun") for h in ctx.lex.all(name))
        return [(None, pending + quoted)] if pending and not ministers and not audience else []
    ordered = list(groups.values())
    ordered[0][1][:0] = pending
    ordered[0][1].extend(quoted)
    return ordered


def introduces_a_call(ctx: ArticleContext, cue: Cue) -> bool:
    """Whether a call phrase may introduce a call of the leaders its sentence names: a verb or a phone phrase,
    or an indefinite noun ("una conversación"); "esa conversación", "the call" point back to one told already."""
    if cue.kind != "noun":
        return True
    determiner = ctx.folded[cue.start : cue.noun_start].split()
    return bool(determiner) and determiner[0] in _INDEFINITE


def split_by_date(
    ctx: ArticleContext, groups: list[tuple[Link | None, list[tuple[Cue, int]]]]
) -> list[tuple[Link | None, list[tuple[Cue, int]]]]:
    """Two calls of one pair on two days the text tells apart ("had spoken by telephone on Tuesday ... spoke again
    by telephone on Sunday", "the call on Monday ... She had herself phoned Modi in May 2014", "la noche del lunes
    ... en la llamada del 20 de enero"): a verb or phone phrase whose own date, or a call noun whose stated date,
    cannot be the day of the pair's first dated phrase starts a call of its own. Undated phrases stay with the
    first call."""
    split: list[tuple[Link | None, list[tuple[Cue, int]]]] = []
    for link, group in groups:
        keys: list[_DayKey | None] = []  # the day of each call, once a phrase dates it
        calls: list[list[tuple[Cue, int]]] = []
        for cue, index in group:
            unquoted = id(cue) not in ctx.memo.get("quoted_cues", ())
            attached: DateExpr | None = None
            date: DateExpr | None = None
            if unquoted and cue.kind in ("phone", "talk"):
                attached = attached_date(ctx, cue, index)
                if attached is None and not _in_quote(ctx, cue, index):  # a quote's "today" is its speaker's
                    attached = after_the_leader(ctx, cue, index)  # "spoke with Zelensky on Wednesday"
                date = attached or sentence_date(ctx, index)
            elif unquoted and cue.kind == "noun":
                stated = attached_date(ctx, cue, index)  # a day of its own when it states one ("del 20 de enero")
                attached = date = stated if stated is not None and stated.kind == "absolute" else None
            key = _day_key(date, ctx.article.published_date)
            published = None if attached is not None else ctx.article.published_date  # an attached day is the call's
            home = next((i for i, k in enumerate(keys) if _may_join(k, key, published)), None)
            if home is None:
                keys.append(key)
                calls.append([(cue, index)])
            else:
                keys[home] = keys[home] or key
                calls[home].append((cue, index))
        split += [(link, cues) for cues in calls]
    return split


_DayKey = tuple[int | None, int | None, int | None]
_MAX_AGE_DAYS = int(RULES["reported_call_max_age_days"])


def _day_key(date: DateExpr | None, published: dt.date | None) -> _DayKey | None:
    """What a date says of the day, as (year, month, day) with None where it says nothing: a weekday or a
    relative day counted from the publication date; None when it says nothing comparable (or is to come)."""
    if date is None or date.is_future:
        return None
    if date.kind in ("weekday", "relative"):
        day, _ = resolve(date, published)
        return (day.year, day.month, day.day) if day else None
    if date.kind in ("absolute", "day_of_month", "month") and date.month is not None:
        return (date.year, date.month, date.day)
    return None


def _may_join(call: _DayKey | None, phrase: _DayKey | None, published: dt.date | None) -> bool:
    """Whether a phrase dated ``phrase`` may tell the call dated ``call`` (None: undated, so recent). ``published``:
    the publication date an undated call must be recent to, or None when the phrase's day need not be recent (the
    call phrase carries it: "spoke by phone on March 10" in a June story)."""
    if phrase is None:
        return True
    return _may_be_one_day(call, phrase) if call else _may_be_recent(phrase, published)


def _may_be_recent(key: _DayKey, published: dt.date | None) -> bool:
    """Whether a dated phrase may tell the article's undated call, which is recent: a day within
    ``reported_call_max_age_days`` before publication ("in May 2014" in a story of 2024 is another call)."""
    year, month, day = key
    if published is None or month is None:
        return True
    oldest = published - dt.timedelta(days=_MAX_AGE_DAYS)
    years = [year] if year is not None else [published.year, published.year - 1]
    for y in years:
        first = dt.date(y, month, day or 1)
        last = dt.date(y, month, day) if day else dt.date(y, month, calendar.monthrange(y, month)[1])
        if first <= published and last >= oldest:
            return True
    return False


def _may_be_one_day(a: _DayKey, b: _DayKey) -> bool:
    """Whether two day keys may name one day: every part both give is equal."""
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


def _in_quote(ctx: ArticleContext, cue: Cue, index: int) -> bool:
    """Whether a call phrase stands inside a quotation (see :func:`hotline.text.in_quote`)."""
    return in_quote(ctx.folded, cue.start)
