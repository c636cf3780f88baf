"""Earlier calls an article refers to in passing: told as earlier ("they last spoke", "their previous
conversation") or by a date of their own ("a Jan. 12 call"); ``is_directly_reported = False``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from hotline.extract.attached_dates import after_the_leader, attached_date
from hotline.extract.call_dates import earlier_call_date
from hotline.extract.call_status import CallStatus
from hotline.extract.calls.layout import CallLayout
from hotline.extract.calls.participants import call_participants, first_pair, linked
from hotline.extract.calls.series import first_of_a_later_series
from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.dates import DateExpr, latest_on_or_before, safe_date
from hotline.extract.initiator import find_initiator
from hotline.extract.pairs import cue_links
from hotline.extract.published import dateline_date
from hotline.extract.sentence_pairs import Link, sentence_pair
from hotline.extract.sentences import ABBREVIATION
from hotline.facts import CallDate, CallMention, Participant
from hotline.text import phrase_alternation

_EARLIER_NOUN = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["earlier_call_nouns"]) + r")(?![\w])")
_EARLIER_AFTER = re.compile(r"\s+(?:" + phrase_alternation(RULES["earlier_call_adjectives"]) + r")(?![\w])")
"""An adjective after the call noun that makes it an earlier call ("la conversación anterior", "la llamada previa")."""
_EARLIER_VERB = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(RULES["earlier_call_adverbs"]) + r")\s+"
    r"(?!(?:" + phrase_alternation(RULES["time_after_last"]) + r")(?![\w]))(?:[\w'’]+\s+)?\Z"
)
"""'Macron and Putin last spoke', 'had last talked' (not 'last week spoke': that dates the call)."""
_AFTER_ANOTHER = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["after_another_call"]) + r")\s+\Z")
_EARLIER_AFTER_VERB = re.compile(
    r"(?:\s+[\w]+){0,3}?\s+(?:" + phrase_alternation(RULES["earlier_call_adverbs_after"]) + r")(?![\w])"
)
"""The same, after the verb and a few words: 'hablaron por teléfono por última vez en marzo'."""
_EARLIER_PHONE_VERB = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(RULES["earlier_phone_adverbs"]) + r")\s+[\w'’]+\s+\Z"
)
"""'who had also spoken by phone': another call, told before the phone phrase by its verb."""
_PLUPERFECT = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(RULES["pluperfect_auxiliaries"]) + r")\s+(?:\w+\s+){0,4}\Z"
)
_EARLIER_GAP_DAYS = int(RULES["earlier_call_gap_days"])
"""How many days before the article a past-perfect call's own date must lie to be an earlier call."""


def same_phrase(ctx: ArticleContext, earlier: Cue, cue: Cue) -> bool:
    """A call cue that continues an earlier call's phrase ("last spoke *by phone*", "la última vez que hablaron
    *por teléfono*"): the same clause, a few words on (an abbreviation's full stop, "on Dec. 15", ends none), or a
    clause of its time after a comma (", when he held phone talks with Han"), or words of the earlier phrase itself
    ("La anterior *conversación* telefónica": two cues over one phrase)."""
    if earlier.start <= cue.start < earlier.end:
        return True
    gap = ABBREVIATION.sub(" ", ctx.folded[earlier.end : cue.start])
    if "," in gap and not _WHEN_CLAUSE.search(gap) and not (cue.kind == "noun" and _APPOSITION.search(gap)):
        return False
    return 0 <= cue.start - earlier.end <= 64 and not any(mark in gap for mark in ".;:!?")


_APPOSITION = re.compile(r"^[^,]*,\s*(?:(?:" + phrase_alternation(RULES["apposition_articles"]) + r")\s+)?\Z")
"""A call noun set beside the call phrase after a comma ("last spoke with Li by phone in June, *a conversation* both
sides described as constructive"; "hablaron en marzo, *una llamada* que..."): the same call, named again."""
_WHEN_CLAUSE = re.compile(r",\s*(?:" + phrase_alternation(RULES["same_call_clauses"]) + r")(?![\w])")
"""A clause that tells the time of the call just named ("Biden last spoke with a South Korean leader on Dec. 15,
*when* he held phone talks with Han"): the same earlier call."""


def told_as_earlier(ctx: ArticleContext, cue: Cue) -> bool:
    """A call phrase about an earlier call of the pair: "Macron and Putin last spoke on Monday", "their previous
    conversation", "la última vez que hablaron" (a bare "last call" may be the reported one: not read as earlier)."""
    if cue.elided:
        return True  # "después de la que mantuvieron en marzo"
    if cue.kind in ("noun", "phone") and _EARLIER_AFTER.match(ctx.folded, cue.end):
        return True  # "la conversación anterior", "their phone call before that"
    if cue.kind == "noun" and _AFTER_ANOTHER.search(ctx.folded, max(0, cue.noun_start - 24), cue.noun_start):
        return True  # "tras otra conversación entre ambos, Trump aplazó ...": a call before the clause's event
    if cue.kind == "noun":
        return _EARLIER_NOUN.search(ctx.folded, cue.start, cue.noun_start) is not None or first_of_a_later_series(
            ctx, cue
        )
    if _EARLIER_VERB.search(ctx.folded, max(0, cue.start - 32), cue.start) is not None:
        return True
    return cue.kind == "talk" and _EARLIER_AFTER_VERB.match(ctx.folded, cue.end) is not None


def told_as_earlier_by_date(ctx: ArticleContext, cue: Cue, date: DateExpr | None) -> bool:
    """A call phrase in the past perfect whose own date lies weeks before the article, or one told as another call
    with a stretch of time of its own ("had also spoken by phone earlier this month"): an earlier call the article
    goes back to ("Kristersson had also phoned Stubb in December 2024", "había hablado con él en marzo de 2023"),
    the date between the auxiliary and the call phrase too ("ya habían celebrado en noviembre una cumbre virtual")."""
    published = ctx.article.published_date
    if (
        date is not None
        and date.kind == "period"
        and cue.kind == "phone"
        and _EARLIER_PHONE_VERB.search(ctx.folded, max(0, cue.start - 32), cue.start)
    ):
        return True  # "who had also spoken by phone earlier this month": another call, before this one
    tense = _past_perfect(ctx, cue)
    if tense is None:
        return False
    date = date or _date_between(ctx, tense.start(), cue)
    if date is None or date.kind not in ("month", "absolute"):
        return False
    published = published or _dateline_day(ctx, date)
    if published is None:
        return False
    told = earlier_call_date(ctx, date, published)
    last = told.latest or told.date
    return last is not None and (published - last).days > _EARLIER_GAP_DAYS


_ANY_LEAP_YEAR = 2000


def _dateline_day(ctx: ArticleContext, told: DateExpr) -> dt.date | None:
    """With no publication date, the dateline's day ("TOKYO, June 7 Kyodo -"), in the told date's year or the one
    after when that day would come before it ("in March": any year, a leap one for Feb. 29): enough to tell how
    many days back the told date lies."""
    own = dateline_date(ctx.text, ctx.folded, ctx.lex)
    if own is None or own[0].month is None or own[0].day is None:
        return None
    year = own[0].year or told.year or _ANY_LEAP_YEAR
    day = safe_date(year, own[0].month, own[0].day)
    if day is None or own[0].year is not None:
        return day
    month_day = (told.month or 1, told.day or 1)
    return safe_date(year + 1, own[0].month, own[0].day) if (own[0].month, own[0].day) < month_day else day


def _past_perfect(ctx: ArticleContext, cue: Cue) -> re.Match[str] | None:
    """The past perfect's auxiliary a few words before a call phrase ("had also phoned", "ya habían celebrado en
    noviembre una cumbre virtual"), the adverb of a first call ("They first spoke by phone in early May") or a
    clause that puts it before another ("after they spoke by phone in March")."""
    start = max(0, cue.start - _PLUPERFECT_REACH)
    return _PLUPERFECT.search(ctx.folded, start, cue.start) or _FIRST_CALL.search(ctx.folded, start, cue.start)


_FIRST_CALL = re.compile(
    r"(?<![\w])(?:"
    + phrase_alternation([*RULES["first_call_adverbs"], *RULES["earlier_clause_openers"]])
    + r")\s+(?:[\w'’]+\s+)?\Z"
)


_FIRST_ADVERB = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["first_call_adverbs"]) + r")\s+(?:[\w'’]+\s+)?\Z")


def _told_first(ctx: ArticleContext, cue: Cue) -> str | None:
    """The adverb of a first call right before an earlier call's phrase ("first spoke by phone"), as written."""
    if cue.elided and _ELIDED_FIRST.match(ctx.folded, cue.start):
        return ctx.text[cue.start : cue.end]  # "La primera fue el 14 de abril"
    found = _FIRST_ADVERB.search(ctx.folded, max(0, cue.start - _PLUPERFECT_REACH), cue.start)
    return ctx.text[found.start() : found.end()].strip() if found else None


_PLUPERFECT_REACH = 48
_ELIDED_FIRST = re.compile(r"(?:" + phrase_alternation(RULES["elided_first_calls"]) + r")(?![\w])")
"""An elided earlier call told as the pair's first ("La primera fue el 14 de abril")."""
"""Characters before a call phrase searched for its past perfect's auxiliary."""


def _date_between(ctx: ArticleContext, start: int, cue: Cue) -> DateExpr | None:
    """The last date of the cue's sentence between ``start`` and the call phrase ("ya habían celebrado en noviembre
    una cumbre virtual"): the earlier call's own."""
    dates = ctx.in_sentence("dates", ctx.sentence_of(cue.start))
    between = [d for d in dates if start < d.start < cue.start]
    return between[-1] if between else None


def _date_in_the_tense(ctx: ArticleContext, cue: Cue) -> DateExpr | None:
    """The date between a past perfect's auxiliary and its call phrase, if the phrase is in the past perfect."""
    tense = _past_perfect(ctx, cue)
    return _date_between(ctx, tense.start(), cue) if tense is not None else None


def earlier_calls(
    ctx: ArticleContext,
    layout: CallLayout,
    cues: list[tuple[Cue, int]],
    main: CallMention | None,
    first_index: int,
    statuses: dict[int, CallStatus],
) -> None:
    """One referenced call per pair the earlier-call phrases link (when they link none, the pair of the article's
    first call phrase, else the reported call's pair), dated by its own weekday or relative day counted back
    from the day before the reported call. ``statuses``: every cue's, by ``id``."""
    by_pair: dict[frozenset[str], tuple[list[Participant], list[tuple[Cue, int]]]] = {}
    fallback: list[Participant] | None = None  # "the two leaders": looked up once, when a phrase links nobody
    sentence_links: dict[int, Link] = {}  # "last spoke to Zelensky by phone late last month": one call, two phrases
    for cue, index in cues:
        links = cue_links(ctx, cue, index)
        if links == []:
            continue
        link = links[0] if links else sentence_links.get(index) or sentence_pair(ctx, index)
        if link:
            sentence_links.setdefault(index, link)
            participants = linked(ctx, link, ctx.article.published_date)
        else:
            if fallback is None:
                fallback = first_pair(ctx, statuses) or (list(main.participants) if main else [])
            participants = fallback
        key = frozenset(p.official_id for p in participants)
        by_pair.setdefault(key, (participants, []))[1].append((cue, index))
    anchor = main.date.date - dt.timedelta(days=1) if main and main.date.date else ctx.article.published_date
    for call_index, (participants, group) in enumerate(by_pair.values(), start=first_index):
        if len(participants) < 2:
            continue
        cue, index = group[0]
        attached = next((d for c, i in group if (d := attached_date(ctx, c, i)) is not None), None)
        if attached is None:  # "El pasado 3 de marzo, Chaves y Mulino ya habían conversado por teléfono"
            attached = next((d for c, i in group if (d := _fronted_date(ctx, c, i)) is not None), None)
        if attached is None:  # "Biden y Xi ya habían celebrado en noviembre una cumbre virtual"
            attached = next((d for c, _ in group if (d := _date_in_the_tense(ctx, c)) is not None), None)
        if attached is None:  # "ya había conversado por teléfono con Lula en julio"
            attached = next((d for c, i in group if (d := after_the_leader(ctx, c, i)) is not None), None)
        if attached is None:  # "La conversación anterior entre ambos, el 24 de marzo, ..."
            attached = next((d for c, i in group if (d := _appositive_date(ctx, c, i)) is not None), None)
        mention = _in_passing(ctx, call_index, participants, earlier_call_date(ctx, attached, anchor), index)
        first = next((m for c, _ in group if (m := _told_first(ctx, c)) is not None), None)
        if first is not None:  # "Ishiba and Carney first spoke by phone in March": the pair's first call
            mention = replace(mention, sequence_number=1, sequence_evidence=first)
        initiator, how = find_initiator(
            ctx, group, participants, nearby=False
        )  # "when Mr Brown phoned to offer condolences"
        if initiator is not None:
            mention = replace(mention, initiator_id=initiator, initiator_how=how)
        for _, i in group:
            layout.reference_sentences[i] = mention


_FRONT = re.compile(r"[\W_]*(?:[^\W\d_]+[\W_]+){0,2}\Z")
"""At most two words before a date that opens its sentence ("El pasado 3 de marzo,", "On Jan. 12,")."""


def _fronted_date(ctx: ArticleContext, cue: Cue, index: int) -> DateExpr | None:
    """The date that opens the sentence of an earlier call's phrase, before the phrase: its date."""
    start = ctx.sentences[index].start
    for date in ctx.in_sentence("dates", index):
        if date.end <= cue.start and not date.is_future and _FRONT.match(ctx.folded, start, date.start):
            return date
    return None


_APPOSITION = re.compile(
    r"(?:\s+(?:" + phrase_alternation(RULES["earlier_call_adjectives"]) + r"))?"
    r"(?:\s+(?:between|of|with|entre|de|con)\s+[^,;.]{1,40}?)?(?:\s+(?:this|last)\s+year|\s+(?:este|el)\s+ano)?"
    r"\s*,\s*(?:(?:on|in|el|en|the)\s+)?(?:(?:early|late|mid|a principios de|a finales de|a mediados de)\s+)?\Z"
)
"""Between an earlier call's phrase and a date set off by a comma after it: its pair at most ("their first
conversation this year, in early March,", "La conversación anterior entre ambos presidentes, el 24 de marzo,")."""


def _appositive_date(ctx: ArticleContext, cue: Cue, index: int) -> DateExpr | None:
    """A date in apposition to an earlier call's phrase, right after it: its date."""
    for date in ctx.in_sentence("dates", index):
        if date.start >= cue.end and not date.is_future:
            return date if _APPOSITION.match(ctx.folded, cue.end, date.start) else None
    return None


def referenced_calls(
    ctx: ArticleContext,
    layout: CallLayout,
    reference_cues: list[tuple[Cue, DateExpr, int]],
    reported: CallDate,
    participants: list[Participant],
    first_index: int = 1,
) -> None:
    by_key: dict[tuple[int | None, int | None], list[tuple[Cue, DateExpr, int]]] = {}
    for item in reference_cues:
        by_key.setdefault((item[1].month, item[1].day), []).append(item)
    for call_index, (key, items) in enumerate(sorted(by_key.items(), key=lambda kv: kv[1][0][2]), start=first_index):
        _, date, index = items[0]
        quote = ctx.text[date.start : date.end]
        month, day = key
        assert month is not None and day is not None
        if date.is_full:
            resolved: dt.date | None = date.as_date()
            basis, how = "stated", f"'{quote}' attached to an earlier call"
        elif reported.date is not None:
            resolved = latest_on_or_before(month, day, reported.date)
            basis = "year_from_reported_call"
            how = f"'{quote}': the latest such day on or before the reported call ({reported.date.isoformat()})"
        elif ctx.article.published_date is not None:
            resolved = latest_on_or_before(month, day, ctx.article.published_date)
            basis = "year_from_publication"
            how = f"'{quote}': year from the publication date {ctx.article.published_date.isoformat()}"
        else:
            resolved, basis, how = None, "month_day_only", f"'{quote}': no evidence for the year"
        call_date = (
            CallDate.on(resolved, basis, how)
            if resolved
            else CallDate(None, None, month, day, None, "unknown", basis, how)
        )
        sentences = sorted({i for _, _, i in items})
        named = call_participants(ctx, sentences, resolved)
        if len(named) < 2:
            named = [
                Participant(
                    p.official_id,
                    p.full_name,
                    p.country_code,
                    p.role,
                    ctx.evidence(index, "same participants as the reported call"),
                )
                for p in participants
            ]
        mention = _in_passing(ctx, call_index, named, call_date, index)
        first = next((m for c, _, _ in items if (m := _told_first(ctx, c)) is not None), None)
        if first is not None:  # "The first was on June 3": the pair's first call
            mention = replace(mention, sequence_number=1, sequence_evidence=first)
        for i in sentences:
            layout.reference_sentences[i] = mention


def _in_passing(
    ctx: ArticleContext, call_index: int, participants: list[Participant], date: CallDate, index: int
) -> CallMention:
    """An earlier call the article refers to in passing, told in sentence ``index``."""
    return CallMention.of(
        ctx.article.article_id,
        call_index,
        is_directly_reported=False,
        is_planned=False,
        participants=tuple(participants),
        date=date,
        evidence=ctx.evidence(index, "an earlier call referred to in passing"),
    )
