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

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from hotline.extract.call_status import HELD, IN_PERSON, NO_CALL, CallStatus, call_status
from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.dates import (
    NUMBERS,
    OFFSET_AFTER,
    OFFSET_BEFORE,
    OFFSET_UNITS,
    ORDINALS,
    WEEKDAY_NAMES,
    DateExpr,
    latest_on_or_before,
    resolve,
    safe_date,
)
from hotline.extract.initiator import find_initiator
from hotline.extract.officials import OfficialHit
from hotline.extract.pairs import (
    NOT_A_NAME,
    SUBJECT,
    Link,
    cue_links,
    is_leader,
    is_leader_term,
    leader_title,
    sentence_pair,
)
from hotline.extract.published import PUBLICATION_CUE
from hotline.facts import CallDate, CallMention, Evidence, Participant
from hotline.text import compile_phrases, fold, fold_text, phrase_alternation

_CALL_WORDS = frozenset({"call", "llamada", "phone call"})
_ATTACH_GAP = re.compile(
    r"\s*(?:(?:was|were|took\s+place|happened|occurred|fue|ocurrio)\s+)?"
    r"(?:on|of|from|del|de|el|on the|este|this|last|el pasado|,)?\s*"
)
_NUM = phrase_alternation(list(NUMBERS))
_OFFSET = re.compile(
    rf"(?<![\w])(?P<n>\d{{1,3}}|{_NUM})\s+(?P<unit>{phrase_alternation(list(OFFSET_UNITS))})\s+"
    rf"(?P<dir>{phrase_alternation([*OFFSET_AFTER, *OFFSET_BEFORE])})(?![\w])"
)
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
_OPEN_TERM = dt.timedelta(days=365 * int(RULES["open_term_years"]) + 1)
_ONE_YEAR = dt.timedelta(days=365)
_REPORTED_MAX_AGE = int(RULES["reported_call_max_age_days"])
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
    r"(?<![\w])(?:" + phrase_alternation(RULES["earlier_call_adverbs"]) + r")\s+(?:[\w'’]+\s+)?\Z"
)
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


def _number(token: str) -> int:
    return int(token) if token.isdigit() else NUMBERS[" ".join(token.split())]


def _attached_date(ctx: ArticleContext, cue: Cue, index: int) -> DateExpr | None:
    """The date of sentence ``index`` written inside the call phrase ("a Jan. 12 call") or right after it ("the
    call on Thursday"). Only dates starting between the cue's start and 12 characters past its end qualify:
    those are found by bisection, not by reading every date of the sentence for every cue."""
    dates = ctx.in_sentence("dates", index)
    starts = ctx.starts_in("dates", index)
    for i in range(bisect_left(starts, cue.start), bisect_right(starts, cue.end + 12)):
        date = dates[i]
        if cue.start <= date.start and date.end <= cue.noun_start:
            return date
        if 0 <= date.start - cue.end <= 12 and _ATTACH_GAP.fullmatch(ctx.folded, cue.end, date.start):
            return date
    return None


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
    held = [c for c in cues if statuses[id(c)].status == HELD and not _in_a_question(ctx, c)]
    said = any(
        c.kind == "phone" or (c.kind == "noun" and ctx.folded[c.noun_start : c.end] in _CALL_WORDS) for c in held
    )
    by_title = not said and bool(held) and _title_says_call(ctx)
    if not (said or by_title):
        return _no_call(ctx, layout, cues, statuses)

    reference_cues: list[tuple[Cue, DateExpr, int]] = []
    primary_cues: list[tuple[Cue, int]] = []
    earlier_cues: list[tuple[Cue, int]] = []
    for cue in held:
        index = ctx.sentence_of(cue.start)
        sentence = ctx.sentences[index]
        date = _attached_date(ctx, cue, index)
        if cue.kind == "talk" and not _names_a_leader(ctx, index):
            continue
        if date is not None and date.kind == "absolute" and _is_reference_cue(ctx, cue, sentence.start):
            reference_cues.append((cue, date, index))
        elif _told_as_earlier(ctx, cue):
            earlier_cues.append((cue, index))
        else:
            primary_cues.append((cue, index))
    reference_keys = {(d.month, d.day) for _, d, _ in reference_cues}
    still_primary = []
    for cue, index in primary_cues:
        date = _attached_date(ctx, cue, index)
        if date is not None and date.kind == "absolute" and (date.month, date.day) in reference_keys:
            reference_cues.append((cue, date, index))
        else:
            still_primary.append((cue, index))
    primary_cues = still_primary
    if not primary_cues:
        return layout

    layout.call_sentences = {index for _, index in primary_cues}
    groups = _split_by_pair(ctx, primary_cues)
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
    _earlier_calls(ctx, layout, earlier_cues, main, first_index=1 + max(m.call_index for m in layout.mentions()))
    return layout


def _told_as_earlier(ctx: ArticleContext, cue: Cue) -> bool:
    """A call phrase about an earlier call of the pair: "Macron and Putin last spoke on Monday", "their previous
    conversation", "la última vez que hablaron" (a bare "last call" may be the reported one: not read as earlier)."""
    if cue.kind == "noun":
        return _EARLIER_NOUN.search(ctx.folded, cue.start, cue.noun_start) is not None
    return _EARLIER_VERB.search(ctx.folded, max(0, cue.start - 32), cue.start) is not None


def _earlier_calls(
    ctx: ArticleContext, layout: CallLayout, cues: list[tuple[Cue, int]], main: CallMention, first_index: int
) -> None:
    """One referenced call per pair the earlier-call phrases link (the reported call's pair when they link
    none), dated by its own weekday or relative day counted back from the day before the reported call."""
    by_pair: dict[frozenset[str], tuple[list[Participant], list[tuple[Cue, int]]]] = {}
    for cue, index in cues:
        links = cue_links(ctx, cue, index)
        if links == []:
            continue
        link = (links or [None])[0] or sentence_pair(ctx, index)
        on = ctx.article.published_date
        participants = _linked(ctx, link, on) if link else list(main.participants)
        key = frozenset(p.official_id for p in participants)
        by_pair.setdefault(key, (participants, []))[1].append((cue, index))
    anchor = main.date.date - dt.timedelta(days=1) if main.date.date else ctx.article.published_date
    for call_index, (participants, group) in enumerate(by_pair.values(), start=first_index):
        if len(participants) < 2:
            continue
        cue, index = group[0]
        date = _attached_date(ctx, cue, index)
        call_date = CallDate(how="an earlier call referred to in passing; the text gives no date for it")
        if date is not None and date.kind in ("weekday", "relative") and anchor is not None:
            resolved, how = resolve(date, anchor)
            if resolved is not None:
                quote = ctx.text[date.start : date.end]
                call_date = CallDate.on(resolved, date.kind, f"'{quote}' attached to an earlier call: {how}")
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
    kept, flagged (a call that "has not" happened is none at all)."""
    first = next((c for c in cues if statuses[id(c)].status not in (HELD, NO_CALL)), None)  # in text order
    if first is not None:
        _planned_call(ctx, layout, first, statuses[id(first)])
    return layout


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
        elif current:
            for key in current:
                groups[key][1].append((cue, index))
        else:
            pending.append((cue, index))
    if not groups:  # "the call" after a minister's call is that call
        return [(None, pending)] if pending and not ministers else []
    ordered = list(groups.values())
    ordered[0][1][:0] = pending
    return ordered


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
    call_date = _reported_date(ctx, cues, reference_dates, anchor, participant_ids)
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
    index = ctx.sentence_of(cue.start)
    links = cue_links(ctx, cue, index) or [pair for pair in [sentence_pair(ctx, index)] if pair is not None]
    on = ctx.article.published_date
    participants = _linked(ctx, links[0], on) if links else _participants(ctx, [index], on)
    layout.reported = CallMention.of(
        ctx.article.article_id,
        0,
        is_directly_reported=True,
        is_planned=True,
        participants=tuple(participants),
        date=CallDate(how=f"a {status.status} call, not held; no date of its own"),
        evidence=ctx.evidence(index, f"a call {status.status}: {status.how}"),
        call_status=status.status,
        status_evidence=status.cue,
    )
    layout.call_sentences = {index}
    layout.participant_ids = tuple(p.official_id for p in participants)


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


_WORDS = re.compile(r"\w+")
_ANNOUNCEMENT_FILLERS = frozenset(RULES["announcement_fillers"])


def _other_event_date(ctx: ArticleContext, date: DateExpr, sentence_start: int, cue_starts: list[int]) -> bool:
    """True when ``date`` belongs to another event of the sentence (a press conference, a meeting) or is
    the article's own dateline ("Posted on ..."). ``cue_starts``: where the sentence's call cues start, sorted."""
    if PUBLICATION_CUE.search(ctx.folded, max(sentence_start, date.start - 16), date.start):
        return True
    lex = ctx.lex
    for marker in lex.within("deadline", max(sentence_start, date.start - 12), date.start):
        if ctx.folded[marker.end : date.start].strip() in ("", "el", "the"):
            return True  # "until April 2", "hasta el 2 de abril": a deadline, not when the call was
    if lex.find("other_event", date.end, date.end + 25) or lex.find(
        "other_event", max(sentence_start, date.start - 40), date.start
    ):
        return True
    for verb in lex.within("announcement", max(sentence_start, date.start - 30), date.start):
        if set(_WORDS.findall(ctx.folded, verb.end, date.start)) <= _ANNOUNCEMENT_FILLERS:
            return True  # "said on Monday (that he had spoken ...)": the day of the announcement
    before = bisect_left(cue_starts, date.start)  # the last cue before the date, by bisection
    return lex.find("other_clause", cue_starts[before - 1] if before else sentence_start, date.start) is not None


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
        date = _attached_date(ctx, cue, index)
        if date is not None:
            attached.append((date, index))
    attached_ids = {id(d) for d, _ in attached}
    medium: list[tuple[DateExpr, int]] = []
    offsets: list[tuple[DateExpr, int, int]] = []  # (reference date, signed days, sentence)
    offset_ids: set[int] = set()
    for index in sorted(cue_starts):
        sentence = ctx.sentences[index]
        dates = ctx.in_sentence("dates", index)
        absolute: list[DateExpr] | None = None
        for match in _OFFSET.finditer(ctx.folded, sentence.start, sentence.end):
            if absolute is None:
                absolute = [d for d in dates if d.kind == "absolute"]
                absolute_starts = [d.start for d in absolute]
            later = bisect_right(absolute_starts, match.end())  # the first absolute date after the offset
            if later < len(absolute):
                days = _number(match.group("n")) * OFFSET_UNITS[match.group("unit")]
                sign = (
                    1
                    if match.group("dir") in ("after", "later", "following", "since", "despues de", "luego de", "tras")
                    else -1
                )
                offsets.append((absolute[later], sign * days, index))
                offset_ids.add(id(absolute[later]))
        starts = sorted(cue_starts[index])
        for date in dates:
            if id(date) in reference_dates or id(date) in attached_ids:
                continue
            if id(date) in offset_ids or _other_event_date(ctx, date, sentence.start, starts):
                continue
            medium.append((date, index))

    absolute = [(d, i, "attached") for d, i in attached if d.kind == "absolute"]
    absolute += [(d, i, "in a sentence reporting the call") for d, i in medium if d.kind == "absolute"]
    if anchor is not None:  # a year-less day that would lie months before the article is not the news it reports
        absolute = [item for item in absolute if item[0].is_full or _recent(item[0], anchor)]
    relative_kinds = ("weekday", "relative", "day_of_month")
    days = [(d, i, "attached") for d, i in attached if d.kind in relative_kinds]
    days += [(d, i, "in a sentence reporting the call") for d, i in medium if d.kind in relative_kinds]
    weekday = next((d.weekday for d, _, _ in days if d.kind == "weekday" and not d.is_future), None)
    if weekday is not None:  # a day elsewhere in the sentence that is not the call's weekday dates another event
        absolute = [
            item for item in absolute if item[2] == "attached" or _weekday_of(item[0], anchor) in (None, weekday)
        ]

    if absolute:
        date, index, where = absolute[0]
        quote = ctx.text[date.start : date.end]
        if date.is_full:
            return _with_weekday_check(date.as_date(), "stated", f"'{quote}' {where}", weekday, date)
        assert date.month is not None and date.day is not None
        return _month_day(ctx, date.month, date.day, 0, anchor, weekday, participant_ids, f"'{quote}' {where}")
    if offsets:
        reference, signed, index = offsets[0]
        quote = ctx.text[reference.start : reference.end]
        assert reference.month is not None and reference.day is not None
        if reference.is_full:
            base = reference.as_date()
            assert base is not None
            day = base + dt.timedelta(days=signed)
            return _with_weekday_check(day, "offset", f"{signed:+d} days from '{quote}'", weekday, None)
        return _month_day(
            ctx,
            reference.month,
            reference.day,
            signed,
            anchor,
            weekday,
            participant_ids,
            f"{signed:+d} days from '{quote}'",
        )
    if days:
        date, index, where = days[0]
        quote = ctx.text[date.start : date.end]
        resolved, how = resolve(date, anchor)
        if resolved is not None:
            basis = {"weekday": "weekday", "relative": "relative"}.get(date.kind, "day_of_month")
            return CallDate.on(
                resolved,
                basis,
                f"'{quote}' {where}: {how}",
            )
        return CallDate(
            day=date.day if date.kind == "day_of_month" else None,
            weekday=date.weekday,
            basis="weekday_only" if date.kind == "weekday" else "relative_without_anchor",
            how=f"'{quote}' {where}, but no publication date to count from",
        )
    months = [(d, i) for d, i in (*attached, *medium) if d.kind == "month"]
    if months:
        date, _ = months[0]
        quote = ctx.text[date.start : date.end]
        return CallDate(
            year=date.year, month=date.month, precision="month", basis="stated_month", how=f"'{quote}': only the month"
        )
    return CallDate(how="the text gives no date for the call")


def _weekday_of(date: DateExpr, anchor: dt.date | None) -> int | None:
    """The weekday of an absolute date (its year from ``anchor`` when the text gives none), if it can be known."""
    if date.is_full:
        day = date.as_date()
    elif anchor is not None and date.month is not None and date.day is not None:
        day = latest_on_or_before(date.month, date.day, anchor)
    else:
        day = None
    return day.weekday() if day is not None else None


def _recent(date: DateExpr, anchor: dt.date) -> bool:
    assert date.month is not None and date.day is not None
    day = latest_on_or_before(date.month, date.day, anchor)
    return day is not None and (anchor - day).days <= _REPORTED_MAX_AGE


def _with_weekday_check(
    day: dt.date | None, basis: str, how: str, weekday: int | None, expr: DateExpr | None
) -> CallDate:
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
            return _with_weekday_check(
                resolved,
                "year_from_publication",
                f"{how}; year from the publication date {anchor.isoformat()}",
                weekday,
                None,
            )
    window = _shared_term_window(ctx, participant_ids)
    if window is not None:
        first, last = window
        fits = []
        for year in range(first.year, last.year + 1):
            base = safe_date(year, month, day)
            if base is None:
                continue
            candidate = base + dt.timedelta(days=shift)
            if first <= candidate <= last and (weekday is None or candidate.weekday() == weekday):
                fits.append(candidate)
        if len(fits) == 1 and weekday is not None:
            resolved = fits[0]
            return CallDate.on(
                resolved,
                "year_from_terms",
                f"{how}; {resolved.year} is the only year in the participants' shared terms "
                f"({first.isoformat()} to {last.isoformat()}) in which that day is a {WEEKDAY_NAMES[weekday]}",
            )
    probe = safe_date(2024, month, day)
    assert probe is not None
    shifted = probe + dt.timedelta(days=shift)
    return CallDate(
        None,
        None,
        shifted.month,
        shifted.day,
        weekday,
        "unknown",
        "month_day_only",
        f"{how}; no evidence for the year, so the date is left null",
    )


def _shared_term_window(ctx: ArticleContext, participant_ids: tuple[str, ...]) -> tuple[dt.date, dt.date] | None:
    if len(participant_ids) < 2:
        return None
    first, last = dt.date.min, dt.date.max
    for official_id in participant_ids:
        terms = [t for t in ctx.reference.terms_of(official_id) if is_leader_term(ctx, t)]
        if not terms:
            return None
        start = min(t.start for t in terms)
        # An open term lasts, for this bound, six years from its start, and at least a year past the date the
        # reference data was last updated (long-serving leaders like Xi Jinping are still in office).
        end = max((t.end or max(t.start + _OPEN_TERM, ctx.reference.as_of + _ONE_YEAR)) for t in terms)
        first, last = max(first, start), min(last, end)
    return (first, last) if first <= last else None


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
