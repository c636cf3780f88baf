"""Topics of a call, not of the article: discussed, or explicitly not discussed, each with its evidence sentence
and, when a participant or spokesperson says it, its claimant.

A call's *block* is the sentences that belong to it (:func:`call_block`): the sentences reporting it, a
sentence saying what was discussed (a readout's list, "Los mandatarios abordaron ..."), and the sentences that
follow one of these, in its paragraph or in a new paragraph that goes on about the participants ("She said
..."), until the text moves to another event: another date, another event named before any discussion ("the
summit", "la visita"), or a sentence that opens on another time ("Earlier", "El año pasado", "After the
incident"). A sentence about an earlier call gives topics to that call. Keywords outside the blocks (background
paragraphs) are not the call's. A participant's own country is a topic only when it is what was discussed
("discussed Canada"), never as a mere mention ("Canada will respond"); a third country is a topic.

Negations (:mod:`hotline.extract.topics.negation`) count wherever they stand and beat a mention elsewhere (the
warehouse resolves the two claims to not_discussed with ``has_conflicting_claims``). A sentence that asks or
declines to say ("would not say whether X came up", "no aclaró si") claims nothing discussed from the clause that
asks on.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from hotline.extract.calls import CallLayout
from hotline.extract.context import RULES, ArticleContext
from hotline.extract.sentences import Sentence
from hotline.extract.topics.hits import TOPIC_RULES, TopicHit, country_topic_codes, only_light_words, topic_hits
from hotline.extract.topics.negation import answered_question, head_topics, inside_any, negation_scopes
from hotline.facts import CallMention, TopicFact
from hotline.text import phrase_alternation

__all__ = ["call_block", "find_topics"]

_OTHER_TIME = re.compile(r"[\s\"'“”«»*—–-]*(?:" + phrase_alternation(TOPIC_RULES["other_time_openers"]) + r")(?![\w])")
_ENCOUNTER = re.compile(r"(?<![\w])(?:" + phrase_alternation(TOPIC_RULES["earlier_encounters"]) + r")(?![\w])")
_MAX_ROUND = int(RULES["pairs"]["max_counterparts"])  # a round of calls names at most this many calls
_SUBJECT_REACH = 40  # characters between "discussed" and a participant's country it names as the subject

REPORTS = "in a sentence reporting the call"
EARLIER = "in a sentence about an earlier call"
DISCUSSED = "says what was discussed, in the call's passage"
CONTINUES = "continues the passage reporting the call"
SPEAKS = "a participant's words, in an article reporting the call"


def find_topics(ctx: ArticleContext, layout: CallLayout) -> list[TopicFact]:
    reported = layout.reported
    if reported is None:
        return []
    by_sentence: dict[int, list[TopicHit]] = {}
    for hit in topic_hits(ctx):
        by_sentence.setdefault(ctx.sentence_of(hit.start), []).append(hit)
    block = call_block(ctx, layout)
    country_topics = country_topic_codes(ctx.reference)
    facts: list[TopicFact] = []
    seen: set[tuple[str, str, str]] = set()
    claimants: dict[int, str | None] = {}

    def add(call: CallMention, hit: TopicHit, status: str, index: int, how: str) -> None:
        key = (call.mention_id, hit.topic_code, status)
        if key in seen:
            return
        seen.add(key)
        if index not in claimants:
            claimants[index] = _claimant(ctx, index)
        facts.append(
            TopicFact(
                mention_id=call.mention_id,
                article_id=ctx.article.article_id,
                topic_code=hit.topic_code,
                status=status,  # type: ignore[arg-type]
                evidence=ctx.evidence(index, how),
                claimant_official_id=claimants[index],
            )
        )

    for index, sentence_hits in sorted(by_sentence.items()):
        sentence = ctx.sentences[index]
        call, how = block.get(index, (layout.call_of(index) or reported, ""))
        scopes, read = negation_scopes(ctx, sentence.start, sentence.end)
        starts = [h.start for h in sentence_hits]
        question = ctx.lex.find("question", sentence.start, sentence.end)
        for scope in read:
            heads = head_topics(ctx, scope, sentence_hits, starts)
            if question is not None:
                heads += answered_question(ctx, scope, question.end, sentence_hits)
            for hit in heads:
                add(call, hit, "not_discussed", index, f"negated by '{scope[2]}'")
        if not how:
            continue
        asked = _asked_from(ctx, sentence, question.start) if question is not None else sentence.end
        in_scope = inside_any(sentence_hits, scopes)
        own = {p.country_code for p in call.participants}
        for hit in sentence_hits:
            if (
                hit.start >= asked
                or id(hit) in in_scope
                or (index not in layout.reference_sentences and _in_other_clause(ctx, layout, index, hit))
            ):
                continue
            if (
                hit.country in own
                and hit.topic_code in country_topics
                and not _discussed_as_subject(ctx, hit, sentence.start)
            ):
                continue
            add(call, hit, "discussed", index, how)
    return facts


def call_block(ctx: ArticleContext, layout: CallLayout) -> dict[int, tuple[CallMention, str]]:
    """Sentence index → (the call it belongs to, why) for every sentence of a call's passage; one pass."""
    block: dict[int, tuple[CallMention, str]] = {}
    round_calls = _round_calls(layout)
    current: CallMention | None = None
    last: Sentence | None = None  # the last sentence of the open passage
    for sentence in ctx.sentences:
        index = sentence.index
        if index in layout.reference_sentences:
            current, how = layout.reference_sentences[index], EARLIER
        elif index in layout.call_sentences or index in layout.other_reported_sentences:
            current, how = layout.call_of(index), REPORTS
        elif _ENCOUNTER.search(ctx.folded, sentence.start, sentence.end):  # "last met in person in July"
            current = None
            continue
        elif (discussion := ctx.lex.find("discussion", sentence.start, sentence.end)) is not None and (
            _participants_discuss(ctx, sentence, discussion.start, current or layout.call_of(index))
            or not _moves_on(ctx, layout, sentence)
        ):
            new_paragraph = last is None or last.paragraph != sentence.paragraph
            if current is None or (new_paragraph and current.mention_id in _earlier_ids(layout)):
                current = layout.call_of(index)
            how = DISCUSSED
        elif _moves_on(ctx, layout, sentence):
            current = None
            continue
        elif current is not None and last is not None and _continues(ctx, last, sentence, current):
            how = CONTINUES
        elif _participant_speaks(ctx, layout, sentence):
            current, how = layout.call_of(index), SPEAKS
        else:
            current = None
            continue
        if current is not None:
            if how != EARLIER:
                current = _named_call(ctx, round_calls, index, current)
            block[index] = (current, how)
            last = sentence
    return block


def _participants_discuss(ctx: ArticleContext, sentence: Sentence, cue_start: int, call: CallMention | None) -> bool:
    """ "Ambos mandatarios hablaron de ...", "The two leaders also discussed ...": the participants are the subject
    of the discussion (named, or "both", "the two leaders" before the cue), so the sentence is the call's even when
    it dates another event further on ("the summit to be held in London on April 2") — unless it opens on
    another time ("Last year, the two leaders discussed ...")."""
    if call is None or _OTHER_TIME.match(ctx.folded, sentence.start, sentence.end):
        return False
    if ctx.lex.find("continuation", sentence.start, cue_start) is not None:
        return True
    participants = {p.official_id for p in call.participants}
    return any(
        h.official_id in participants and h.start < cue_start for h in ctx.in_sentence("officials", sentence.index)
    )


def _named_call(
    ctx: ArticleContext, round_calls: list[tuple[CallMention, set[str]]], index: int, call: CallMention
) -> CallMention:
    """In a round of calls, a sentence that names the counterpart of one of them ("In his conversation with Tusk,
    Zelensky said ...") belongs to that call; a sentence that names no one, or several calls' counterparts alike,
    stays with ``call``. ``round_calls`` holds at most ``_MAX_ROUND`` calls, so a sentence costs a bounded time."""
    if not round_calls:
        return call
    named = {h.official_id for h in ctx.in_sentence("officials", index) if h.official_id}
    if not named:
        return call
    overlap = {m.mention_id: len(named & ids) for m, ids in round_calls}
    best = max(overlap.values())
    if best == 0 or overlap.get(call.mention_id) == best:
        return call
    winners = [m for m, _ in round_calls if overlap[m.mention_id] == best]
    return winners[0] if len(winners) == 1 else call


def _round_calls(layout: CallLayout) -> list[tuple[CallMention, set[str]]]:
    """The calls of a round (several reported calls) with their participants; none for a single call or for more
    calls than a round holds."""
    mentions = layout.mentions()
    if not layout.others or len(mentions) > _MAX_ROUND:
        return []
    return [(m, {p.official_id for p in m.participants}) for m in mentions]


def _asked_from(ctx: ArticleContext, sentence: Sentence, question_start: int) -> int:
    """Where the clause that asks or declines to say begins ("... dealt mainly with trade. A spokesperson would not
    say whether tariffs came up"): what comes before it in the sentence is still claimed."""
    begin = sentence.start
    for match in _CLAUSE_END.finditer(ctx.folded, sentence.start, question_start):
        begin = match.end()
    return begin


_CLAUSE_END = re.compile(r"[.;:?!][\"'”»]?\s")


def _earlier_ids(layout: CallLayout) -> set[str]:
    return {m.mention_id for m in layout.reference_sentences.values()}


def _continues(ctx: ArticleContext, last: Sentence, sentence: Sentence, call: CallMention) -> bool:
    """The sentence goes on about the call: next in the passage's paragraph, opening on a pronoun or a phrase
    that continues ("She", "Ambos", "Under the agreement"), or a new paragraph about a participant. A sentence
    that names officials, none of them a participant, tells what others did or said ("Foreign Minister X will
    travel to Washington ...")."""
    participants = {p.official_id for p in call.participants}
    named = {h.official_id for h in ctx.in_sentence("officials", sentence.index) if h.official_id}
    if named and not named & participants:
        return False
    if last.paragraph == sentence.paragraph and last.index == sentence.index - 1:
        return True
    if ctx.lex.at("continuation", _first_word(ctx, sentence)) is not None:
        return True
    return bool(named & participants)


def _participant_speaks(ctx: ArticleContext, layout: CallLayout, sentence: Sentence) -> bool:
    """ "On the Ukraine crisis, Xi said ...": a participant of the reported call speaks (the sentence is not
    about another event, see :func:`_moves_on`)."""
    if layout.reported is None or ctx.lex.find("speech", sentence.start, sentence.end) is None:
        return False
    participants = {p.official_id for p in layout.reported.participants}
    return any(h.official_id in participants for h in ctx.in_sentence("officials", sentence.index))


def _first_word(ctx: ArticleContext, sentence: Sentence) -> int:
    match = _LEAD.match(ctx.folded, sentence.start, sentence.end)
    return match.end() if match else sentence.start


_LEAD = re.compile(r"[\s\"'“”«»*—–-]*")


def _moves_on(ctx: ArticleContext, layout: CallLayout, sentence: Sentence) -> bool:
    """The sentence tells of another event: it opens on another time ("Earlier", "Last year"), is dated
    otherwise than the call, or names another event before saying anything was discussed."""
    if _OTHER_TIME.match(ctx.folded, sentence.start, sentence.end):
        return True
    if _anchored_elsewhere(ctx, layout, sentence.index):
        return True
    event = ctx.lex.find("other_event", sentence.start, sentence.end)
    return event is not None and ctx.lex.find("discussion", sentence.start, event.start) is None


def _in_other_clause(ctx: ArticleContext, layout: CallLayout, index: int, hit: TopicHit) -> bool:
    """In a sentence reporting the call, a clause opened by "after"/"following" tells of another event."""
    if index not in layout.call_sentences:
        return False
    cues = ctx.starts_in("cues", index)
    before = bisect_left(cues, hit.start)  # the last cue before the hit, by bisection
    return before > 0 and ctx.lex.find("other_clause", cues[before - 1], hit.start) is not None


def _discussed_as_subject(ctx: ArticleContext, hit: TopicHit, sentence_start: int) -> bool:
    """ "They discussed Canada", "hablaron sobre la situación en Venezuela": the country is what was discussed."""
    cues = ctx.lex.within("discussion", max(sentence_start, hit.start - _SUBJECT_REACH), hit.start)
    return bool(cues) and only_light_words(ctx, cues[-1].end, hit.start)


def _anchored_elsewhere(ctx: ArticleContext, layout: CallLayout, index: int) -> bool:
    """The sentence is dated (a day, a weekday, a month), and its date is not the call's: it tells of another event."""
    if not layout.date_keys and layout.weekday is None:
        return False
    months = {month for _, month, _ in layout.date_keys if month}
    for date in ctx.in_sentence("dates", index):
        if date.kind == "weekday":
            if date.weekday != layout.weekday:
                return True
        elif (date.kind == "absolute" and (date.year, date.month, date.day) not in layout.date_keys) or (
            date.kind == "month" and months and date.month not in months  # "en julio", "since April"
        ):
            return True
    return False


def _claimant(ctx: ArticleContext, index: int) -> str | None:
    sentence = ctx.sentences[index]
    speech = ctx.lex.find("speech", sentence.start, sentence.end)
    if speech is None:
        return None
    named = [h for h in ctx.in_sentence("officials", index) if h.official_id]
    if not named:
        return None
    nearest = min(named, key=lambda h: abs(h.start - speech.start))
    return nearest.official_id
