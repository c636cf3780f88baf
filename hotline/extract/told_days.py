"""Days a call sentence does not carry but the text around it gives: the day the call was told of ("said on Monday
that she had spoken with ..."), the latest it can be, and its eve when the sentence says "the night before"; the
day of the words a quotation brings ("In a post on Saturday, he wrote: 'Had a call today ...'"); and the day of
the sentence right before a call sentence that tells what the two leaders did then; the day of a live blog's entry;
the day a call sentence points back to ("esa noche")."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from hotline.extract.context import ArticleContext
from hotline.extract.date_events import other_event
from hotline.extract.dates import (
    EVE_OF_THE_TELLING,
    IN_PERSON_VERBS,
    QUOTING_VERBS,
    ROUND_OF_CALLS,
    DateExpr,
    latest_on_or_before,
    resolve,
)
from hotline.extract.published import dateline_date, day_heading_above
from hotline.extract.rules import load_rules
from hotline.text import phrase_alternation

_EVE = re.compile(
    rf"(?<![\w])(?:{phrase_alternation(list(EVE_OF_THE_TELLING))})"
    r"(?![\w])(?!\s+(?:the|a|an|of|his|her|their|de|del|al|a|la|el|los|las|su|sus)(?![\w]))"
)
"""The day before the day the call was told of, after the call phrase: not "the day before the election"."""


def eve_of_the_telling(ctx: ArticleContext, start: int, index: int) -> re.Match[str] | None:
    """'The night before', 'la noche anterior' from ``start`` to the end of sentence ``index``."""
    return _EVE.search(ctx.folded, start, ctx.sentences[index].end)


JUST_BEFORE = "in the sentence right before the call's, about the same leaders"
_IN_PERSON = re.compile(rf"(?<![\w])(?:{phrase_alternation(list(IN_PERSON_VERBS))})(?![\w])")
_ROUND = re.compile(rf"(?<![\w])(?:{phrase_alternation(list(ROUND_OF_CALLS))})(?![\w])")


def day_just_before(ctx: ArticleContext, index: int, participant_ids: tuple[str, ...]) -> DateExpr | None:
    """The one day of the sentence right before call sentence ``index`` when that sentence names every participant
    (or one, with words of a round of calls) and tells no call of its own nor a meeting in person, and no other
    event owns the day: what the leaders did on that day is what the call sentence then tells ("Takaichi and
    Albanese agreed Thursday to deepen defence ties. In the 20-minute phone conversation, ...", "Sheinbaum y Trump
    acordaron este jueves prolongar ... 'Tuvimos una muy buena llamada'", "Jerí dedicó la jornada de ayer a la
    diplomacia telefónica. ... habló primero con Boric, luego con Paz ...")."""
    before = index - 1
    if before < 0 or ctx.in_sentence("cues", before) or len(set(participant_ids)) < 2:
        return None
    start, end = ctx.sentences[before].start, ctx.sentences[before].end
    named = set(participant_ids) & {hit.official_id for hit in ctx.in_sentence("officials", before)}
    if named != set(participant_ids) and not (named and _ROUND.search(ctx.folded, start, end)):
        return None  # both leaders, or the caller of a round of calls ("dedicó la jornada a la diplomacia telefónica")
    if _IN_PERSON.search(ctx.folded, start, end):
        return None  # "Modi and Albanese met in Sydney on Monday": the meeting's day
    days = [
        d
        for d in ctx.in_sentence("dates", before)
        if d.kind in ("weekday", "relative") and not d.is_future and other_event(ctx, d, start, []) is None
    ]
    return days[0] if len(days) == 1 else None


def announced_day(
    ctx: ArticleContext, announced: list[tuple[DateExpr, int]], anchor: dt.date | None
) -> tuple[dt.date, str, int] | None:
    """The day the call was told of, when the text gives one (with its sentence): the call came on or before it."""
    for date, index in announced:
        day, how = resolve(date, anchor)
        if day is not None:
            quote = ctx.text[date.start : date.end]
            how = f"'{quote}' is the day the call was announced, not its day ({how}): the call came on or before"
            return day, how, index
    return None


_QUOTING = re.compile(
    rf"(?<![\w])(?:{phrase_alternation(list(QUOTING_VERBS))})(?![\w])(?:\s+[\w.]+){{0,4}}?[\s,:]*"
    r"(?:(?:that|que)\s+)?\Z"
)
"""A verb that brings a quotation, at most four words before its opening mark ("the president wrote: ", "escribió
el lunes en X: ", "dijo que ")."""


_TOLD_REACH = 80
"""How far before a quotation its day may be said ("In a post on X on Saturday evening, the president wrote: ")."""


def quote_day(ctx: ArticleContext, date: DateExpr) -> DateExpr | None:
    """The day of the words quoted around ``date``, when the sentence says it before the quotation opens: "In a
    post on X on Saturday evening, the president wrote: \"Had a call today ...\"" (Saturday), "dijo el lunes:
    «Hablé hoy con ...»". None when ``date`` is not in a quotation or no day is said for it."""
    index = ctx.sentence_of(date.start)
    start = ctx.sentences[index].start
    head = ctx.text[start : date.start]
    opening = head.rfind("“")
    opening = opening if opening > head.rfind("”") else -1
    if opening < 0 and head.count('"') % 2 == 1:
        opening = head.rfind('"')
    if opening < 0 and head.rfind("«") > head.rfind("»"):
        opening = head.rfind("«")
    if opening < 0:
        return None
    if not _QUOTING.search(ctx.folded, max(start, start + opening - 40), start + opening):
        return _speaker_day(ctx, index, date) if not head[:opening].strip() else None
    told = [
        d
        for d in ctx.in_sentence("dates", index)
        if start + opening - _TOLD_REACH <= d.start
        and d.end <= start + opening
        and d.kind in ("weekday", "relative", "absolute")
        and not d.is_future
    ]
    return told[-1] if told else None


_ATTRIBUTION = re.compile(
    r"[\s,.]*(?:" + phrase_alternation(list(QUOTING_VERBS)) + r")\s+(?P<who>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)"
)
"""After a quotation closes, the verb that brings it and its speaker ('", afirmó Arce', '" said Albanese')."""
_SPOKEN_ON = re.compile(r"(?<![\w])(?:" + phrase_alternation(list(QUOTING_VERBS)) + r")\s+(?:on\s+)?\Z")


def _speaker_day(ctx: ArticleContext, index: int, date: DateExpr) -> DateExpr | None:
    """A quotation that opens its sentence and names its speaker after it closes ('"Ayer hablé con Lula ...",
    afirmó Arce'): the day the article's first sentence naming that speaker gives right after a verb that brings
    words ("El presidente Luis Arce aseguró este jueves, en un acto ..."): the day the words were said."""
    paragraph_end = ctx.text.find("\n", date.end)
    paragraph_end = len(ctx.text) if paragraph_end < 0 else paragraph_end
    closing = min((i for mark in '"”»' if (i := ctx.text.find(mark, date.end, paragraph_end)) >= 0), default=-1)
    if closing >= 0 and (said := _attribution_day(ctx, index, closing)) is not None:
        return said
    after = _ATTRIBUTION.match(ctx.folded, closing + 1) if closing >= 0 else None
    if after is None:
        return None
    names = [w for w in ctx.text[after.start("who") : after.end("who")].split() if w[0].isupper()]
    if not names:
        return None  # "dijo el mandatario": no name to find the speaker by
    speaker = re.compile(rf"(?<![\w]){re.escape(names[-1])}(?![\w])")
    for before in range(index):
        sentence = ctx.sentences[before]
        if not speaker.search(sentence.text):
            continue
        for told in ctx.in_sentence("dates", before):
            lead_in = ctx.folded[max(sentence.start, told.start - 30) : told.start]
            if told.kind in ("weekday", "relative") and not told.is_future and _SPOKEN_ON.search(lead_in):
                return told
    return None


_ATTRIBUTED_ON = re.compile(r"(?<![\w])(?:" + phrase_alternation(list(QUOTING_VERBS)) + r")(?![\w])")
_ATTRIBUTION_REACH = 80
"""Characters from a quoting verb after the quotation to the day it gives ('said in a press release issued on
Wednesday evening')."""


def _attribution_day(ctx: ArticleContext, index: int, closing: int) -> DateExpr | None:
    """The day the attribution after a quotation gives in the same sentence ('"... received a phone call today ...,"
    the MEA said in a press release issued on Wednesday evening', '"Hablé hoy con Lula", dijo Arce el martes'): the
    day of the words quoted."""
    sentence = ctx.sentences[index]
    verb = _ATTRIBUTED_ON.search(ctx.folded, closing + 1, min(sentence.end, closing + 1 + _ATTRIBUTION_REACH))
    if verb is None:
        return None
    for told in ctx.in_sentence("dates", index):
        if verb.end() <= told.start <= verb.end() + _ATTRIBUTION_REACH and told.kind in ("weekday", "relative"):
            return None if told.is_future else told
    return None


_ENTRY_TIME = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?[*_]*(?P<time>\d{1,2}[:.]\d{2}(?:[ \t]*(?:[ap]\.?[ \t]?m\.?|h|hrs))?)[*_]*"
    r"(?=[ \t]*(?:[-—–|:]|\*|$)|[ \t]+[A-ZÁÉÍÓÚÑ])",
    re.M | re.I,
)
"""The time stamp that opens a live blog's entry: "**15:25** —", "**4.30pm - Luxon and Eke speak**", "09:40 |"."""
_LIVE_BLOG_ENTRIES = 3
"""A page with at least this many timed entries is a live blog: each entry is of the day it was posted."""


def counting_day(ctx: ArticleContext, start: int, anchor: dt.date | None) -> tuple[dt.date, str] | None:
    """The day the weekdays and relative words at ``start`` count from when the publication date ``anchor`` is not
    it, with how to name it: the day heading they stand under (a live blog's "## Tuesday 7 October 2025", none after
    the publication date), else the story's dateline when it is the day before the publication date (a story filed
    on "WASHINGTON, May 5" and stamped after midnight: its "this morning" is the 5th)."""
    heading = day_heading_above(ctx.text, start)
    if heading is not None:
        return (heading[0], f"the day heading '{heading[1]}'") if anchor is None or heading[0] <= anchor else None
    own = dateline_date(ctx.text, ctx.folded, ctx.lex) if anchor is not None else None
    if own is None or anchor is None or own[0].month is None or own[0].day is None:
        return None
    expr, stated = own
    day = expr.as_date() if expr.is_full else latest_on_or_before(expr.month, expr.day, anchor)
    return (day, f"the story's dateline '{stated}'") if day == anchor - dt.timedelta(days=1) else None


def live_entry_day(ctx: ArticleContext, start: int, anchor: dt.date | None) -> tuple[dt.date, str] | None:
    """The day of the live blog entry that holds ``start``, with how it is known: the day heading it stands under
    ("## Tuesday 7 October 2025", none after the publication date), else the page's publication date. A call the
    entry tells without a day of its own ("Stubb says he has now spoken with Kristersson", "held a phone call
    shortly after 13:00") was held on the day the entry was posted. None outside a live blog's entries."""
    entries = _entry_times(ctx.text)
    if len(entries) < _LIVE_BLOG_ENTRIES or start < entries[0][0]:
        return None
    posted = [time for at, time in entries if at <= start][-1]
    heading = day_heading_above(ctx.text, start)
    if heading is not None:
        if anchor is not None and heading[0] > anchor:
            return None  # a held call is never after its article
        return heading[0], f"told in the {posted} entry of a live blog, under the day heading '{heading[1]}'"
    if anchor is None:
        return None
    return anchor, f"told in the {posted} entry of a live blog of {anchor.isoformat()} (its publication date)"


@lru_cache(maxsize=2)  # read once per article, by each of its calls
def _entry_times(text: str) -> tuple[tuple[int, str], ...]:
    return tuple((m.start(), m.group("time")) for m in _ENTRY_TIME.finditer(text))


_THAT_DAY = re.compile(
    rf"(?<![\w])(?:{phrase_alternation(load_rules('dates')['demonstrative_days'])})(?![\w])(?!\s+(?:as|que|en que)\b)"
)
"""Words that point back to the day last named ("that evening", "on the same day", "ese mismo día"), not forward to
an event they compare it with ("on the same day as the summit", "el mismo día que la cumbre")."""
_SHIFTS = {phrase: int(days) for days, phrases in load_rules("dates")["shifted_days"].items() for phrase in phrases}
_SHIFTED_DAY = re.compile(
    rf"(?<![\w])(?:{phrase_alternation(list(_SHIFTS))})(?![\w])"
    r"(?!\s+(?:the|a|an|el|la|los|las|de|del|a|al|su|sus|his|her|their|its|que|as|of|\d)(?![\w]))"
)
"""Words that count a day from the day last named ("A day earlier, he had spoken ...", "al día siguiente"), standing
alone: not before the event or date they count from ("the day before the summit")."""
_REFERENTS = ("absolute", "weekday", "relative")


def day_pointed_back_to(ctx: ArticleContext, index: int, anchor: dt.date | None) -> tuple[dt.date, str] | None:
    """The day a call sentence points back to ("Lo que Petro sí hizo esa noche fue llamar a Castro", "That evening
    Tusk phoned Zelensky"), or counts a day from ("A day earlier, he had spoken with Trump"): the last day the text
    names before sentence ``index``, resolved as any day of the text is (its year from the publication date), the
    day a call was told of aside, shifted by the days counted, with how. None without such words or such a day."""
    sentence = ctx.sentences[index]
    words = _THAT_DAY.search(ctx.folded, sentence.start, sentence.end)
    words = words or _SHIFTED_DAY.search(ctx.folded, sentence.start, sentence.end)
    if words is None:
        return None
    shift = dt.timedelta(days=_SHIFTS.get(" ".join(words.group().split()), 0))
    before = [d for d in ctx.dates if d.end <= sentence.start and d.kind in _REFERENTS and not d.is_future]
    before = [d for d in before[-3:] if not _telling(ctx, d)]  # "informó hoy la agencia": not a day of events
    if not before:
        return None
    day, how = resolve(before[-1], anchor)
    day = day + shift if day is not None else None
    if day is None or (anchor is not None and day > anchor):
        return None
    quote = ctx.text[before[-1].start : before[-1].end]
    counted = f"{shift.days:+d} day from " if shift else ""
    return day, f"'{ctx.text[words.start() : words.end()]}': {counted}the day last named before, '{quote}' ({how})"


def _telling(ctx: ArticleContext, date: DateExpr) -> bool:
    """Whether ``date`` is the day something was told ("informó hoy", "said on Monday")."""
    return other_event(ctx, date, ctx.sentences[ctx.sentence_of(date.start)].start, []) == "announcement"
