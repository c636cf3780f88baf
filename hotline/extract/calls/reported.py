"""A call reported directly, with its participants, date, initiator, duration, number in the series and tone."""

from __future__ import annotations

import re

from hotline.extract.call_dates import reported_date
from hotline.extract.calls.participants import call_participants, linked
from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.dates import NUMBERS
from hotline.extract.dates import count_of as _number
from hotline.extract.initiator import find_initiator
from hotline.extract.pairs import cue_links
from hotline.extract.sentence_pairs import Link
from hotline.facts import CallMention
from hotline.text import compile_phrases, first_words, holds_any, phrase_alternation

_NUM = phrase_alternation(list(NUMBERS))
_DURATION = re.compile(
    rf"(?<![\w])(?P<n>\d{{1,3}}|{_NUM})[\s-]+(?P<unit>{phrase_alternation(list(RULES['duration_units']))})(?![\w])"
    r"(?!\s+(?:later|after|before|earlier|ago|despues|antes|mas tarde))"
)
_JOIN = phrase_alternation(RULES["duration_joins"])
_FRACTION = phrase_alternation(list(RULES["duration_fractions"]))
_HOURS_TAIL = re.compile(
    rf"\s+(?:{_JOIN})\s+(?:(?P<fraction>{_FRACTION})|(?P<minutes>\d{{1,2}}|{_NUM})\s+(?:minutes|minutos))(?![\w])"
)
"""What follows 'an hour' or 'dos horas': 'and 45 minutes', 'y media', 'and a half'."""
_FRACTION_HOURS = re.compile(
    rf"(?<![\w])(?P<n>\d{{1,2}}|{_NUM})\s+(?:{_JOIN})\s+(?P<fraction>{_FRACTION})[\s-]+(?:hours?|hour-long)(?![\w])"
)
"""'one and a half hours', 'two and a half hours'."""
_HALF_HOUR = compile_phrases(RULES["half_hour"])
_HOUR_PARTS = compile_phrases(list(RULES["hour_parts"]))
_DURATION_VERBS = compile_phrases(RULES["duration_verbs"])
_DURATION_WORDS = first_words(RULES["duration_units"])


def reported_call(
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
    participants = linked(ctx, link, anchor) if link else call_participants(ctx, sentences, anchor)
    participant_ids = tuple(p.official_id for p in participants)
    quoted = ctx.memo.get("quoted_cues", set())
    dating = [(cue, index) for cue, index in cues if id(cue) not in quoted] or cues
    in_quotes = [(cue, index) for cue, index in cues if id(cue) in quoted]
    call_date = reported_date(ctx, dating, reference_dates, anchor, participant_ids, in_quotes)
    if call_date.date is not None:
        participants = linked(ctx, link, call_date.date) if link else call_participants(ctx, sentences, call_date.date)
    initiator, initiator_how = find_initiator(ctx, cues, participants)
    duration, duration_evidence = _duration(ctx, sentences, tuple(p.official_id for p in participants))
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
        tone=_tone(ctx, sentences),
        initiator_id=initiator,
        initiator_how=initiator_how,
    )


def _duration(
    ctx: ArticleContext, sentences: list[int], participants: tuple[str | None, ...]
) -> tuple[int | None, str | None]:
    """The call's length, from its own sentences, or else from the sentence right after one of them that tells a
    talk lasting and names no one but the participants ("The two leaders talked for more than 90 minutes")."""
    for index in sentences:
        if _of_other_leaders(ctx, index, participants):
            continue  # "The flurry of calls followed Scholz's conversation with Putin, which lasted an hour"
        found = _duration_in(ctx, index)
        if found[0] is not None:
            return found
    for index in sentences:
        for following in range(index + 1, min(index + 1 + _FOLLOWING, len(ctx.sentences))):
            if any(hit.official_id not in participants for hit in ctx.in_sentence("officials", following)):
                break  # the text moves to other people
            sentence = ctx.sentences[following]
            if ctx.lex.find("other_event", sentence.start, sentence.end):
                break  # "The meeting that followed lasted three hours"
            lasting = _DURATION_VERBS.search(ctx.folded, sentence.start, sentence.end)
            if (
                lasting
                or ctx.lex.find("talk", sentence.start, sentence.end)
                or ctx.in_sentence("cues", following)
                or _THE_CALL.search(ctx.folded, sentence.start, sentence.end)
            ):
                found = _duration_in(ctx, following)
                if found[0] is not None:
                    return found
    return None, None


_THE_CALL = compile_phrases(RULES["call_anaphora"])
_FOLLOWING = 2
"""How many sentences after its own the call's length may be told in ("La comunicación, de unos 40 minutos, ...")."""


def _of_other_leaders(ctx: ArticleContext, index: int, participants: tuple[str | None, ...]) -> bool:
    """Whether the call phrases of sentence ``index`` link leaders, never the call's two ("The flurry of calls
    followed Scholz's conversation with Putin, which lasted about an hour"): its length is theirs."""
    pairs = {
        frozenset((link.first.official_id, link.second.official_id))
        for cue in ctx.in_sentence("cues", index)
        for link in cue_links(ctx, cue, index) or ()
    }
    return bool(pairs) and frozenset(participants) not in pairs


def _duration_in(ctx: ArticleContext, index: int) -> tuple[int | None, str | None]:
    sentence = ctx.sentences[index]
    if not holds_any(ctx.folded, _DURATION_WORDS, sentence.start, sentence.end):
        return None, None  # no unit: no duration
    if part := _HOUR_PARTS.search(ctx.folded, sentence.start, sentence.end):  # before "an hour" and "hora" in it
        return int(RULES["hour_parts"][" ".join(part.group().split())]), ctx.text[part.start() : part.end()]
    if half := _HALF_HOUR.search(ctx.folded, sentence.start, sentence.end):
        return 30, ctx.text[half.start() : half.end()]
    if fraction := _FRACTION_HOURS.search(ctx.folded, sentence.start, sentence.end):
        minutes = _number(fraction.group("n")) * 60 + int(RULES["duration_fractions"][fraction.group("fraction")])
        return minutes, ctx.text[fraction.start() : fraction.end()]
    for match in _DURATION.finditer(ctx.folded, sentence.start, sentence.end):
        minutes = _number(match.group("n")) * int(RULES["duration_units"][match.group("unit")])
        end = match.end()
        if minutes >= 60 and (tail := _HOURS_TAIL.match(ctx.folded, end)):
            fraction = tail.group("fraction")
            minutes += int(RULES["duration_fractions"][fraction]) if fraction else _number(tail.group("minutes"))
            end = tail.end()
        if 1 <= minutes <= 600:
            return minutes, ctx.text[match.start() : end]
    return None, None


def _tone(ctx: ArticleContext, sentences: list[int]) -> str | None:
    found = set()
    for label in ("positive", "negative"):
        toned = ctx.firsts(f"tone_{label}")  # the sentences holding a cue, read once
        if any(index in toned for index in sentences):
            found.add(label)
    if found == {"positive", "negative"}:
        return "mixed"
    return next(iter(found)) if found else None
