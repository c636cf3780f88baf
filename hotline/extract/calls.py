"""Calls an article reports or refers to, with participants, date, duration, sequence and tone.

An article reports at most one call directly (``call_index`` 0, the *reported* call) and may refer to
earlier calls in passing ("their last contact on April 17", "a Jan. 12 call"): those become referenced
calls with ``is_directly_reported = False``. A call cue is a phone phrase ("spoke by phone", "llamada
telefónica"), a call noun with a determiner ("the call", "their conversation") or, in a call article, a verb
of speaking with a leader as subject. Dates come, in order of trust, from a date attached to the call
("the conversation on Thursday", "a May 3 call"), an offset from a dated earlier call ("17 days after a
Jan. 12 call"), or the one date of a call sentence that belongs to no other event. A year is filled only
from evidence: stated, the publication date, or the single year in the participants' terms that fits a
stated weekday; otherwise it stays null and month/day are kept.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from hotline.extract.call_dates import attached_date, earlier_call_date, reported_date, sentence_date
from hotline.extract.call_status import FINALITY, HELD, IN_PERSON, NO_CALL, CallStatus, call_status
from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.dates import NUMBERS, ORDINALS, DateExpr, latest_on_or_before, resolve
from hotline.extract.dates import count_of as _number
from hotline.extract.initiator import find_initiator
from hotline.extract.officials import OfficialHit
from hotline.extract.pairs import (
    NOT_A_NAME,
    SUBJECT,
    Link,
    cue_links,
    is_leader,
    leader_title,
    sentence_pair,
)
from hotline.facts import CallDate, CallMention, Evidence, Participant
from hotline.text import compile_phrases, fold, fold_text, phrase_alternation

_CALL_WORDS = frozenset({"call", "llamada", "phone call"})
_CONFERENCE_WORDS = frozenset(" ".join(fold(w).split()) for w in RULES["conference_words"])
_TAKES_PART = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["takes_part"]) + r")(?![\w])")
_NUM = phrase_alternation(list(NUMBERS))
_DURATION = re.compile(
    rf"(?<![\w])(?P<n>\d{{1,3}}|{_NUM})[\s-]+(?P<unit>{phrase_alternation(list(RULES['duration_units']))})(?![\w])"
    r"(?!\s+(?:later|after|before|earlier|ago|despues|antes|mas tarde))"
)
_HALF_HOUR = compile_phrases(RULES["half_hour"])
_ORD = phrase_alternation([*ORDINALS, *(f"{n}{s}" for n in range(1, 31) for s in ("st", "nd", "rd", "th"))])
_SEQUENCE_ORDINAL = re.compile(
    rf"(?<![\w])(?P<ord>{_ORD})\s+(?:(?:phone|telephone|telefonica)\s+)?(?P<noun>{phrase_alternation(RULES['count_nouns'])})(?![\w])"
)
_SEQUENCE_COUNT = re.compile(
    rf"(?<![\w])(?:held|had|sostenido|tenido|sumado)\s+(?P<n>\d{{1,2}}|{_NUM})\s+(?:phone\s+|telephone\s+)?"
    r"(?:calls|conversations|llamadas|conversaciones)(?![\w])"
    r"|(?<![\w])(?P<n2>\d{1,2}|" + _NUM + r")\s+(?:phone\s+)?(?:calls|conversations|llamadas|conversaciones)"
    r"(?:\s+[\w.']+){0,3}?\s+(?:so\s+far|to\s+date|hasta\s+ahora|en\s+lo\s+que\s+va)(?![\w])"
)
_INDEFINITE = frozenset(RULES["indefinite_determiners"])
_PLURAL_COUNT_NOUNS = frozenset(RULES["plural_count_nouns"])
_SINCE = re.compile(
    r"(?:\s+[\w'’]+){0,4}?\s+(?:"
    + phrase_alternation(RULES["first_since"])
    + r")(?:\s+[\w'’]+){0,3}?\s+(?:\d{4}|"
    + phrase_alternation(RULES["first_since_spans"])
    + r")(?![\w])"
)
"""'first call since December 2022', 'in two years': the first in a while (not 'since Trump took office')."""
_EARLIER_NOUN = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["earlier_call_nouns"]) + r")(?![\w])")
_EARLIER_VERB = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(RULES["earlier_call_adverbs"]) + r")\s+"
    r"(?!(?:" + phrase_alternation(RULES["time_after_last"]) + r")(?![\w]))(?:[\w'’]+\s+)?\Z"
)
"""'Macron and Putin last spoke', 'had last talked' (not 'last week spoke': that dates the call)."""
CALL_TITLE = re.compile(
    r"(?<![\w])(?:" + phrase_alternation([*RULES["phone_cues"], *RULES["title_call_words"]]) + r")(?![\w])"
)
TALK_TITLE = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["title_talk_verbs"]) + r")(?![\w])")


@dataclass
class CallLayout:
    """Which sentences talk about which call: what the topic extractor needs."""

    reported: CallMention | None = None
    call_sentences: set[int] = field(default_factory=set)
    reference_sentences: dict[int, CallMention] = field(default_factory=dict)
    other_reported_sentences: dict[int, CallMention] = field(default_factory=dict)
    participant_ids: tuple[str, ...] = ()
    date_keys: set[tuple[int | None, int | None, int | None]] = field(default_factory=set)
    weekday: int | None = None
    others: list[CallMention] = field(default_factory=list)
    """The other calls reported directly (a round of calls), also those that share all their sentences."""

    def mentions(self) -> list[CallMention]:
        """Every call of the article: the reported ones first, then the earlier ones referred to."""
        found = {
            m.mention_id: m
            for m in (*self.others, *self.other_reported_sentences.values(), *self.reference_sentences.values())
        }
        if self.reported is not None:
            found[self.reported.mention_id] = self.reported
        return sorted(found.values(), key=lambda m: m.call_index)

    def call_of(self, index: int) -> CallMention | None:
        """The call a sentence is about: an earlier call, another reported call, or the main one."""
        return self.reference_sentences.get(index) or self.other_reported_sentences.get(index) or self.reported


def _is_reference_cue(ctx: ArticleContext, cue: Cue, sentence_start: int) -> bool:
    return cue.earlier or ctx.lex.find("other_clause", sentence_start, cue.start) is not None


def _date_key(date: DateExpr) -> tuple[int | None, int | None, int | None]:
    return (date.year, date.month, date.day)


def _names_a_leader(ctx: ArticleContext, index: int) -> bool:
    """Whether sentence ``index`` names a leader (asked once per sentence, not once per cue in it)."""
    key = ("names_a_leader", index)
    if key not in ctx.memo:
        ctx.memo[key] = any(is_leader(ctx, h, None) for h in ctx.in_sentence("officials", index))
    return bool(ctx.memo[key])


def find_calls(ctx: ArticleContext) -> CallLayout:
    layout = CallLayout()
    cues = ctx.cues
    statuses = _statuses(ctx, cues)
    held = [
        c
        for c in cues
        if statuses[id(c)].status == HELD and not _in_a_question(ctx, c) and not _conference_of_many(ctx, c)
    ]
    said = any(_says_a_call(ctx, c) for c in held)
    if not said and any(_says_a_call(ctx, c) for c in cues if statuses[id(c)].status != NO_CALL):
        # The article's call by phone did not take place ("hablará esta tarde por teléfono con Boluarte"): a verb
        # of speaking tells of another call only when it links a leader ("conversó además con Luis Arce").
        held = [c for c in held if c.kind == "talk" and cue_links(ctx, c, ctx.sentence_of(c.start))]
        said = bool(held)
    by_title = not said and bool(held) and _title_says_call(ctx)
    if not (said or by_title):
        return _no_call(ctx, layout, cues, statuses)

    reference_cues: list[tuple[Cue, DateExpr, int]] = []
    primary_cues: list[tuple[Cue, int]] = []
    earlier_cues: list[tuple[Cue, int]] = []
    for cue in held:
        index = ctx.sentence_of(cue.start)
        sentence = ctx.sentences[index]
        date = attached_date(ctx, cue, index)
        earlier = _told_as_earlier(ctx, cue) or bool(earlier_cues and _same_phrase(ctx, earlier_cues[-1][0], cue))
        if cue.kind == "talk" and not earlier and not _names_a_leader(ctx, index):
            continue
        if date is not None and date.kind == "absolute" and _is_reference_cue(ctx, cue, sentence.start):
            reference_cues.append((cue, date, index))
        elif earlier:
            earlier_cues.append((cue, index))
        else:
            primary_cues.append((cue, index))
    reference_keys = {(d.month, d.day) for _, d, _ in reference_cues}
    still_primary = []
    for cue, index in primary_cues:
        date = attached_date(ctx, cue, index)
        if date is not None and date.kind == "absolute" and (date.month, date.day) in reference_keys:
            reference_cues.append((cue, date, index))
        else:
            still_primary.append((cue, index))
    primary_cues = still_primary
    if not primary_cues:  # only an earlier call is told held ("They last spoke in January"): it, and what did not
        layout = _no_call(ctx, layout, cues, statuses)  # happen ("expects to speak with Xi soon")
        _earlier_calls(ctx, layout, earlier_cues, layout.reported, first_index=1, default=_first_pair(ctx, statuses))
        return layout

    layout.call_sentences = {index for _, index in primary_cues}
    groups = _split_by_date(ctx, _split_by_pair(ctx, primary_cues))
    if by_title:  # the title names the call: only phrases that link two leaders tell of it
        groups = [(link, group) for link, group in groups if link is not None]
    if not groups:
        return _no_call(ctx, layout, cues, statuses)
    reference_dates = {id(d) for _, d, _ in reference_cues}
    reported = [
        _reported_call(ctx, group, reference_dates, call_index, link) for call_index, (link, group) in enumerate(groups)
    ]
    kept = [(call, group) for call, (_, group) in zip(reported, groups, strict=True) if len(call.participants) >= 2]
    if not kept:  # no two leaders on the line (a minister's call, an unknown speaker): no leaders' call held
        return _no_call(ctx, layout, cues, statuses)
    reported = [replace(call, mention_id=f"{call.article_id}:{i}", call_index=i) for i, (call, _) in enumerate(kept)]
    main = reported[0]
    layout.reported = main
    layout.others = reported[1:]
    for other, group in zip(reported[1:], [group for _, group in kept[1:]], strict=True):
        for _, index in group:
            layout.other_reported_sentences[index] = other
    call_date = main.date
    layout.participant_ids = tuple(p.official_id for p in main.participants)
    layout.date_keys = {
        (call_date.year, call_date.month, call_date.day),
        (None, call_date.month, call_date.day),
    }
    layout.weekday = (
        call_date.weekday if call_date.weekday is not None else (call_date.date.weekday() if call_date.date else None)
    )
    _referenced_calls(ctx, layout, reference_cues, call_date, list(main.participants), first_index=len(reported))
    _earlier_calls(
        ctx,
        layout,
        earlier_cues,
        main,
        first_index=1 + max(m.call_index for m in layout.mentions()),
        default=_first_pair(ctx, statuses),
    )
    _not_held_of_other_pairs(ctx, layout, cues, statuses)
    return layout


def _says_a_call(ctx: ArticleContext, cue: Cue) -> bool:
    """A phone phrase ("by phone", "videollamada") or a call noun ("a call", "la llamada"): more than a verb of
    speaking, which may tell of a meeting."""
    return cue.kind == "phone" or (cue.kind == "noun" and ctx.folded[cue.noun_start : cue.end] in _CALL_WORDS)


def _conference_of_many(ctx: ArticleContext, cue: Cue) -> bool:
    """A video conference that is no call between two leaders: its sentence names more or fewer than two ("En la
    reunión virtual participaron Macron, Meloni y Tusk", "La videoconferencia no sustituye ..."), or a leader
    takes part in it ("Carney took part in a video conference convened by Starmer")."""
    phrase = " ".join(ctx.folded[cue.noun_start : cue.end].split())
    if phrase not in _CONFERENCE_WORDS:
        return False
    index = ctx.sentence_of(cue.start)
    leaders = {h.official_id for h in ctx.in_sentence("officials", index) if is_leader(ctx, h, None)}
    return len(leaders) != 2 or _TAKES_PART.search(ctx.folded, max(0, cue.start - 40), cue.start) is not None


def _same_phrase(ctx: ArticleContext, earlier: Cue, cue: Cue) -> bool:
    """A call cue that continues an earlier call's phrase ("last spoke *by phone*", "la última vez que hablaron
    *por teléfono*"): the same clause, a few words on."""
    gap = ctx.folded[earlier.end : cue.start]
    return 0 <= cue.start - earlier.end <= 40 and not any(mark in gap for mark in ".;:!?")


def _told_as_earlier(ctx: ArticleContext, cue: Cue) -> bool:
    """A call phrase about an earlier call of the pair: "Macron and Putin last spoke on Monday", "their previous
    conversation", "la última vez que hablaron" (a bare "last call" may be the reported one: not read as earlier)."""
    if cue.kind == "noun":
        return _EARLIER_NOUN.search(ctx.folded, cue.start, cue.noun_start) is not None
    return _EARLIER_VERB.search(ctx.folded, max(0, cue.start - 32), cue.start) is not None


def _earlier_calls(
    ctx: ArticleContext,
    layout: CallLayout,
    cues: list[tuple[Cue, int]],
    main: CallMention | None,
    first_index: int,
    default: list[Participant] | None = None,
) -> None:
    """One referenced call per pair the earlier-call phrases link (when they link none, ``default``, the pair of
    the article's first call phrase, else the reported call's pair), dated by its own weekday or relative day
    counted back from the day before the reported call."""
    by_pair: dict[frozenset[str], tuple[list[Participant], list[tuple[Cue, int]]]] = {}
    for cue, index in cues:
        links = cue_links(ctx, cue, index)
        if links == []:
            continue
        link = (links or [None])[0] or sentence_pair(ctx, index)
        on = ctx.article.published_date
        participants = _linked(ctx, link, on) if link else default or (list(main.participants) if main else [])
        key = frozenset(p.official_id for p in participants)
        by_pair.setdefault(key, (participants, []))[1].append((cue, index))
    anchor = main.date.date - dt.timedelta(days=1) if main and main.date.date else ctx.article.published_date
    for call_index, (participants, group) in enumerate(by_pair.values(), start=first_index):
        if len(participants) < 2:
            continue
        cue, index = group[0]
        attached = next((d for c, i in group if (d := attached_date(ctx, c, i)) is not None), None)
        call_date = earlier_call_date(ctx, attached, anchor)
        mention = CallMention.of(
            ctx.article.article_id,
            call_index,
            is_directly_reported=False,
            is_planned=False,
            participants=tuple(participants),
            date=call_date,
            evidence=ctx.evidence(index, "an earlier call referred to in passing"),
        )
        for _, i in group:
            layout.reference_sentences[i] = mention


def _introduces_a_call(ctx: ArticleContext, cue: Cue) -> bool:
    """Whether a call phrase may introduce a call of the leaders its sentence names: a verb or a phone phrase,
    or an indefinite noun ("una conversación"); "esa conversación", "the call" point back to one told already."""
    if cue.kind != "noun":
        return True
    determiner = ctx.folded[cue.start : cue.noun_start].split()
    return bool(determiner) and determiner[0] in _INDEFINITE


def _no_call(ctx: ArticleContext, layout: CallLayout, cues: list[Cue], statuses: dict[int, CallStatus]) -> CallLayout:
    """No leaders' call took place: the first call that was planned, requested, refused, cancelled or denied is
    kept, flagged, and so is the first of each other pair (a call that "has not" happened is none at all)."""
    not_held = [c for c in cues if statuses[id(c)].status not in (HELD, NO_CALL)]  # in text order
    if not_held:  # the first such call, with the most final word the article has on it (planned, then cancelled)
        first = not_held[0]
        pair = _pair_key(ctx, first)
        same = [c for c in not_held if _pair_key(ctx, c) in (pair, None)]
        final = max(same, key=lambda c: FINALITY.index(statuses[id(c)].status))
        _planned_call(ctx, layout, first, statuses[id(final)])
        _not_held_of_other_pairs(ctx, layout, cues, statuses)
    return layout


def _first_pair(ctx: ArticleContext, statuses: dict[int, CallStatus]) -> list[Participant] | None:
    """The two leaders of the article's first call phrase that links two, held or not: who "the two leaders" of a
    later sentence are ("Luxon and Albanese drop planned phone call ... The two leaders last spoke in July")."""
    for cue in ctx.cues:
        if statuses[id(cue)].status == NO_CALL:
            continue
        index = ctx.sentence_of(cue.start)
        links = cue_links(ctx, cue, index) or [pair for pair in [sentence_pair(ctx, index)] if pair is not None]
        if links:
            return _linked(ctx, links[0], ctx.article.published_date)
    return None


def _pair_key(ctx: ArticleContext, cue: Cue) -> frozenset[str] | None:
    """The two leaders a call phrase links (or its sentence names), or None."""
    index = ctx.sentence_of(cue.start)
    links = cue_links(ctx, cue, index) or [pair for pair in [sentence_pair(ctx, index)] if pair is not None]
    return links[0].key if links else None


def _in_a_question(ctx: ArticleContext, cue: Cue) -> bool:
    """A call phrase in a question ("¿Ha hablado con el presidente Sánchez?") claims no call."""
    text = ctx.sentences[ctx.sentence_of(cue.start)].text.strip()
    return text.endswith("?") or text.startswith(("¿", "—¿", "-¿"))


def _title_says_call(ctx: ArticleContext) -> bool:
    """A title that names a call ("Readout of President Biden's Call with ...") or says two leaders spoke ("Prime
    Minister Carney speaks with Prime Minister of Australia Anthony Albanese", a government readout) in an article
    that tells of no in-person encounter: the body's "spoke with" is that call."""
    title = fold_text(ctx.article.title or "")
    found = CALL_TITLE.search(title) or (TALK_TITLE.search(title) if IN_PERSON.search(ctx.folded) is None else None)
    return found is not None and call_status(title, found.start(), found.end(), 0, len(title)).status == HELD


def _split_by_pair(ctx: ArticleContext, cues: list[tuple[Cue, int]]) -> list[tuple[Link | None, list[tuple[Cue, int]]]]:
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
            pair = sentence_pair(ctx, index) if _introduces_a_call(ctx, cue) else None
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
        else:
            pending.append((cue, index))
    if not groups:  # "the call" after a minister's call is that call
        return [(None, pending + quoted)] if pending and not ministers else []
    ordered = list(groups.values())
    ordered[0][1][:0] = pending
    ordered[0][1].extend(quoted)
    return ordered


def _split_by_date(
    ctx: ArticleContext, groups: list[tuple[Link | None, list[tuple[Cue, int]]]]
) -> list[tuple[Link | None, list[tuple[Cue, int]]]]:
    """Two calls of one pair on two days the text tells apart ("had spoken by telephone on Tuesday ... spoke again
    by telephone on Sunday", "the call on Monday ... She had herself phoned Modi in May 2014"): a verb or phone
    phrase whose own date cannot be the day of the pair's first dated phrase starts a call of its own. Undated
    phrases stay with the first call."""
    split: list[tuple[Link | None, list[tuple[Cue, int]]]] = []
    for link, group in groups:
        keys: list[_DayKey | None] = []  # the day of each call, once a phrase dates it
        calls: list[list[tuple[Cue, int]]] = []
        for cue, index in group:
            dates = cue.kind in ("phone", "talk") and id(cue) not in ctx.memo.get("quoted_cues", ())
            date = (attached_date(ctx, cue, index) or sentence_date(ctx, index)) if dates else None
            key = _day_key(date, ctx.article.published_date)
            home = next((i for i, k in enumerate(keys) if _may_join(k, key, ctx.article.published_date)), None)
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
    """Whether a phrase dated ``phrase`` may tell the call dated ``call`` (None: undated, so recent)."""
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


_QUOTE_REACH = 1500
"""Characters read back for an opening quote: a paragraph, not a megabyte line for every call phrase."""


def _in_quote(ctx: ArticleContext, cue: Cue, index: int) -> bool:
    """Whether a call phrase stands inside a quotation: an odd number of double quotes before it in its
    paragraph (a quote of several sentences opens in an earlier one), read at most ``_QUOTE_REACH`` back."""
    reach = max(0, cue.start - _QUOTE_REACH)
    start = max(reach, ctx.folded.rfind("\n", reach, cue.start) + 1)
    return ctx.folded.count('"', start, cue.start) % 2 == 1


def _reported_call(
    ctx: ArticleContext,
    cues: list[tuple[Cue, int]],
    reference_dates: set[int],
    call_index: int,
    link: Link | None = None,
) -> CallMention:
    """``reference_dates``: the ``id`` of every date that belongs to an earlier call referred to in passing;
    ``link``: the two leaders the call phrases link, when they link any."""
    sentences = sorted({index for _, index in cues})
    anchor = ctx.article.published_date
    participants = _linked(ctx, link, anchor) if link else _participants(ctx, sentences, anchor)
    participant_ids = tuple(p.official_id for p in participants)
    quoted = ctx.memo.get("quoted_cues", set())
    dating = [(cue, index) for cue, index in cues if id(cue) not in quoted] or cues
    call_date = reported_date(ctx, dating, reference_dates, anchor, participant_ids)
    if call_date.date is not None:
        participants = _linked(ctx, link, call_date.date) if link else _participants(ctx, sentences, call_date.date)
    initiator, initiator_how = find_initiator(ctx, cues, participants)
    duration, duration_evidence = _duration(ctx, sentences)
    sequence, sequence_evidence = _sequence(ctx) if call_index == 0 else (None, None)
    return CallMention.of(
        ctx.article.article_id,
        call_index,
        is_directly_reported=True,
        is_planned=False,
        participants=tuple(participants),
        date=call_date,
        evidence=ctx.evidence(sentences[0], "first sentence that reports the call"),
        duration_minutes=duration,
        duration_evidence=duration_evidence,
        sequence_number=sequence,
        sequence_evidence=sequence_evidence,
        tone=_tone(ctx, sentences),
        initiator_id=initiator,
        initiator_how=initiator_how,
    )


def _statuses(ctx: ArticleContext, cues: list[Cue]) -> dict[int, CallStatus]:
    """The status of every cue, by ``id``. A bare call noun ("the call", "la llamada") refers back to the call
    the article introduced: while no call was reported held before it, it takes the status of the first one
    that was not ("Albanese prevé hablar por teléfono con Xi ... no precisó la fecha de la llamada")."""
    statuses: dict[int, CallStatus] = {}
    introduced: CallStatus | None = None  # the first call the article told of, held or not
    for cue in cues:  # in text order
        status = _status(ctx, cue) if cue.kind != "planned" else CallStatus("planned", ctx.folded[cue.start : cue.end])
        inherits = cue.kind == "noun" or (
            cue.kind in ("phone", "talk") and introduced is not None and introduced.status == "denied"
        )
        if inherits and status.status == HELD and introduced is not None and introduced.status != HELD:
            status = introduced  # "the call" / "a call between the two leaders" after a denied one is that call
        if introduced is None and status.status != NO_CALL:
            introduced = status
        statuses[id(cue)] = status
    return statuses


def _status(ctx: ArticleContext, cue: Cue) -> CallStatus:
    """Held, planned, requested, refused, cancelled, denied or no call, from the cues of the cue's clause."""
    sentence = ctx.sentences[ctx.sentence_of(cue.start)]
    return call_status(
        ctx.folded, cue.start, cue.end, sentence.start, sentence.end, spoken=cue.kind in ("talk", "noun"), text=ctx.text
    )


def _planned_call(ctx: ArticleContext, layout: CallLayout, cue: Cue, status: CallStatus) -> None:
    """A call that did not take place (planned, requested, refused, cancelled or denied), kept and flagged."""
    layout.reported = _not_held(ctx, cue, status, 0)
    layout.call_sentences = {ctx.sentence_of(cue.start)}
    layout.participant_ids = tuple(p.official_id for p in layout.reported.participants)


def _not_held_of_other_pairs(
    ctx: ArticleContext, layout: CallLayout, cues: list[Cue], statuses: dict[int, CallStatus]
) -> None:
    """Beside the held calls, the calls of other pairs that did not take place ("Boric conversó esta mañana con
    Arce" and "hablará esta tarde con Boluarte"): one per pair, with the most final word on it, after the held."""
    pairs = {frozenset(p.official_id for p in m.participants) for m in layout.mentions() if m.is_directly_reported}
    found: dict[frozenset[str], tuple[Cue, CallStatus]] = {}
    for cue in cues:
        status = statuses[id(cue)]
        if status.status in (HELD, NO_CALL) or cue.kind == "noun":
            continue
        pair = _pair_key(ctx, cue)
        if pair is None or pair in pairs:
            continue
        first, known = found.get(pair, (cue, status))
        found[pair] = (first, max(known, status, key=lambda s: FINALITY.index(s.status)))
    for first, status in found.values():
        mention = _not_held(ctx, first, status, 1 + max(m.call_index for m in layout.mentions()))
        if len({p.official_id for p in mention.participants}) == 2:
            layout.others.append(mention)


def _not_held(ctx: ArticleContext, cue: Cue, status: CallStatus, call_index: int) -> CallMention:
    index = ctx.sentence_of(cue.start)
    links = cue_links(ctx, cue, index) or [pair for pair in [sentence_pair(ctx, index)] if pair is not None]
    on = ctx.article.published_date
    participants = _linked(ctx, links[0], on) if links else _participants(ctx, [index], on)
    return CallMention.of(
        ctx.article.article_id,
        call_index,
        is_directly_reported=True,
        is_planned=True,
        participants=tuple(participants),
        date=CallDate(how=f"a {status.status} call, not held; no date of its own"),
        evidence=ctx.evidence(index, f"a call {status.status}: {status.how}"),
        call_status=status.status,
        status_evidence=status.cue,
    )


def _participants(ctx: ArticleContext, sentences: list[int], on: dt.date | None) -> list[Participant]:
    """The leaders of the call: the most-mentioned leader of each of the two most-mentioned countries,
    counted in the call sentences first and, when fewer than two are found there, in the whole article."""
    counts: dict[str, int] = {}
    first: dict[str, OfficialHit] = {}
    for index in sentences:
        sentence_counts, sentence_first = _named(ctx, index)
        for official_id, count in sentence_counts.items():
            counts[official_id] = counts.get(official_id, 0) + count
            hit = sentence_first[official_id]
            if official_id not in first or hit.start < first[official_id].start:
                first[official_id] = hit
    chosen = _top_by_country(ctx, counts, first, on)
    how = "named in a sentence reporting the call"
    if len(chosen) < 2 and not _with_an_official(ctx, sentences[0], chosen):
        chosen = _top_by_country(ctx, *_named(ctx, None), on)
        how = "leader named elsewhere in the article"
    return _as_participants(ctx, chosen, on, how)


def _linked(ctx: ArticleContext, link: Link, on: dt.date | None) -> list[Participant]:
    """The two leaders a call phrase links, in text order."""
    return _as_participants(ctx, sorted((link.first, link.second), key=lambda h: h.start), on, link.how)


def _as_participants(ctx: ArticleContext, hits: list[OfficialHit], on: dt.date | None, how: str) -> list[Participant]:
    """Participants from official hits, each with its role on ``on`` and how it was chosen."""
    result = []
    for hit in hits:
        term = ctx.reference.role_on(hit.official_id or "", on)
        result.append(
            Participant(
                official_id=hit.official_id or "",
                full_name=hit.full_name,
                country_code=hit.country_code,
                role=term.role if term else hit.role,
                evidence=ctx.evidence(ctx.sentence_of(hit.start), f"{how}: {hit.how}"),
            )
        )
    return result


def _with_an_official(ctx: ArticleContext, index: int, leaders: list[OfficialHit]) -> bool:
    """Whether the call sentence names one leader at most and an official who is no leader: a minister's call
    ("Scholz spoke by phone with European Commission President Ursula von der Leyen", "Albares habló por
    teléfono con su homólogo argelino, Ahmed Attaf"). Its other party is that official, never a leader named
    elsewhere in the article."""
    leader_ids = {hit.official_id for hit in leaders}
    if any(
        hit.official_id not in leader_ids and hit.role is not None and not is_leader(ctx, hit, None)
        for hit in ctx.in_sentence("officials", index)
    ):
        return True
    if _unknown_subject(ctx, index):
        return True
    if leaders:
        return False
    # No leader named: a minister's title in the sentence ("Los cancilleres de ambos países ... sostuvieron una
    # llamada", "Foreign Minister Albares spoke by phone") makes it their call, not the leaders' of the article.
    sentence = ctx.sentences[index]
    spans = ctx.title_spans  # in text order: the sentence's titles are found by bisection
    first = bisect_left(spans, (sentence.start, sentence.start))
    last = bisect_left(spans, (sentence.end, sentence.end))
    return any(not leader_title(ctx, ctx.folded[start:end]) for start, end in spans[first:last])


def _unknown_subject(ctx: ArticleContext, index: int) -> bool:
    """The call sentence opens with a person the reference does not know as its subject, right before the
    call phrase ("Albares había hablado por teléfono ...", "Moratinos habla por teléfono con Chávez"): that
    person is on the line, not a leader named elsewhere in the article."""
    sentence = ctx.sentences[index]
    cues = [c for c in ctx.in_sentence("cues", index) if c.kind in ("phone", "talk")]
    if not cues:
        return False
    match = SUBJECT.fullmatch(ctx.text, sentence.start, cues[0].start)
    if match is None or fold(match.group(1)) in NOT_A_NAME:
        return False
    name_start, name_end = match.span(1)
    if any(h.start < name_end and name_start < h.end for h in ctx.in_sentence("officials", index)):
        return False
    return ctx.reference.country_by_name(match.group(1)) is None


def _named(ctx: ArticleContext, index: int | None) -> tuple[dict[str, int], dict[str, OfficialHit]]:
    """How often each reference official is named in sentence ``index`` (None: the whole article), and where
    first. Computed once per sentence: every call of the article reads these counts, not the hits again."""
    key = ("named", index)
    if key not in ctx.memo:
        hits = ctx.officials if index is None else ctx.in_sentence("officials", index)  # each hit is in a sentence
        counts: dict[str, int] = {}
        first: dict[str, OfficialHit] = {}
        for hit in hits:
            if hit.official_id is None or not hit.is_reference:
                continue  # never a leader (see is_leader)
            counts[hit.official_id] = counts.get(hit.official_id, 0) + 1
            first.setdefault(hit.official_id, hit)
        ctx.memo[key] = (counts, first)
    named: tuple[dict[str, int], dict[str, OfficialHit]] = ctx.memo[key]
    return named


def _top_by_country(
    ctx: ArticleContext, counts: dict[str, int], first: dict[str, OfficialHit], on: dt.date | None
) -> list[OfficialHit]:
    """Of the leaders (on ``on``) among the officials counted, the most-named of each of the two most-named
    countries, each as its first hit, in text order. Ties go to the one named first."""
    leaders = [hit for hit in first.values() if is_leader(ctx, hit, on)]
    by_country: dict[str | None, OfficialHit] = {}
    for hit in sorted(leaders, key=lambda h: (-counts[h.official_id or ""], h.start)):
        by_country.setdefault(hit.country_code, hit)
    ranked = sorted(by_country.values(), key=lambda h: (-counts[h.official_id or ""], h.start))
    return sorted(ranked[:2], key=lambda h: h.start)


def _duration(ctx: ArticleContext, sentences: list[int]) -> tuple[int | None, str | None]:
    for index in sentences:
        sentence = ctx.sentences[index]
        half = _HALF_HOUR.search(ctx.folded, sentence.start, sentence.end)
        if half:
            return 30, ctx.text[half.start() : half.end()]
        match = _DURATION.search(ctx.folded, sentence.start, sentence.end)
        if match:
            minutes = _number(match.group("n")) * int(RULES["duration_units"][match.group("unit")])
            if 1 <= minutes <= 600:
                return minutes, ctx.text[match.start() : match.end()]
    return None, None


def _sequence(ctx: ArticleContext) -> tuple[int | None, str | None]:
    """The reported call's number in the series: "the sixth call", "seven calls so far". An ordinal in a
    sentence about a future call ("a third call is expected next week") numbers that call; "the first call
    since December" is the first in a while and "his first calls as prime minister" a round: neither numbers
    the pair's calls."""
    # Only sentences that name calls can number them: scan those, not the whole text.
    spans = sorted(
        {(s.start, s.end) for s in (ctx.sentences[ctx.sentence_of(h.start)] for h in ctx.lex.all("count_noun"))}
    )
    for start, end in spans:
        for match in _SEQUENCE_ORDINAL.finditer(ctx.folded, start, end):
            if match.group("noun") in _PLURAL_COUNT_NOUNS or _SINCE.match(ctx.folded, match.end()):
                continue
            if not _about_the_future(ctx, match.start()):
                token = match.group("ord")
                number = ORDINALS.get(token) or int(re.sub(r"\D", "", token))
                return number, ctx.text[match.start() : match.end()]
    for start, end in spans:
        for count in _SEQUENCE_COUNT.finditer(ctx.folded, start, end):
            if not _about_the_future(ctx, count.start()):
                return _number(count.group("n") or count.group("n2")), ctx.text[count.start() : count.end()]
    return None, None


def _about_the_future(ctx: ArticleContext, offset: int) -> bool:
    sentence = ctx.sentences[ctx.sentence_of(offset)]
    return ctx.lex.find("future", sentence.start, sentence.end) is not None


def _tone(ctx: ArticleContext, sentences: list[int]) -> str | None:
    found = set()
    for index in sentences:
        sentence = ctx.sentences[index]
        for label in ("positive", "negative"):
            if ctx.lex.find(f"tone_{label}", sentence.start, sentence.end):
                found.add(label)
    if found == {"positive", "negative"}:
        return "mixed"
    return next(iter(found)) if found else None


def _referenced_calls(
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
        named = _participants(ctx, sentences, resolved)
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
        mention = CallMention.of(
            ctx.article.article_id,
            call_index,
            is_directly_reported=False,
            is_planned=False,
            participants=tuple(named),
            date=call_date,
            evidence=ctx.evidence(index, "an earlier call referred to in passing"),
        )
        for i in sentences:
            layout.reference_sentences[i] = mention


__all__ = ["CallLayout", "Evidence", "find_calls"]
