"""Topics of a call, not of the article: discussed, or explicitly not discussed, each with its evidence sentence
and, when a participant or spokesperson says it, its claimant.

Keywords (:mod:`~hotline.extract.topics.hits`) count for a call only in its block, the sentences that belong to it
(:mod:`~hotline.extract.topics.passage`), outside the clauses that claim nothing
(:mod:`~hotline.extract.topics.clauses`); in a round of calls each topic goes to the calls its sentence names
(:mod:`~hotline.extract.topics.rounds`). Keywords outside the blocks (background paragraphs) are not the call's. A
participant's own country is a topic only when it is what was discussed ("discussed Canada"), never as a mere
mention ("Canada will respond"); a third country is a topic. A congratulation on a win makes the election a topic.

Negations (:mod:`hotline.extract.topics.negation`) count wherever they stand and beat a mention elsewhere (the
warehouse resolves the two claims to not_discussed with ``has_conflicting_claims``). A sentence that asks or
declines to say ("would not say whether X came up", "no aclaró si") claims nothing discussed from the clause that
asks on.
"""

from __future__ import annotations

from hotline.extract.calls import CallLayout
from hotline.extract.context import ArticleContext
from hotline.extract.topics.clauses import (
    asked_and_denied,
    asked_from,
    background_relatives,
    in_other_clause,
    question_in,
)
from hotline.extract.topics.heads import head_topics
from hotline.extract.topics.hits import (
    CONGRATULATION_TOPIC,
    TOPIC_RULES,
    TopicHit,
    congratulated_wins,
    country_topic_codes,
    only_light_words,
    topic_hits,
)
from hotline.extract.topics.negation import answered_no, answered_question, inside_any, negation_scopes
from hotline.extract.topics.passage import call_block
from hotline.extract.topics.rounds import calls_of_hits, round_of
from hotline.facts import CallMention, TopicFact
from hotline.text import phrase_key

__all__ = ["call_block", "find_topics"]

_COMPANIONS = {phrase_key(k): str(v) for k, v in TOPIC_RULES["companion_topics"].items()}
_SUBJECT_REACH = 40  # characters between "discussed" and a participant's country it names as the subject


def find_topics(ctx: ArticleContext, layout: CallLayout) -> list[TopicFact]:
    reported = layout.reported
    if reported is None:
        return []
    by_sentence: dict[int, list[TopicHit]] = {}
    keywords = topic_hits(ctx)
    congratulating, wins = congratulated_wins(ctx, keywords)
    for hit in sorted(keywords + wins, key=lambda h: h.start):
        by_sentence.setdefault(ctx.sentence_of(hit.start), []).append(hit)
    round_ = round_of(layout)
    block = call_block(ctx, layout, round_)
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
        companion = _COMPANIONS.get(phrase_key(ctx.folded[hit.start : hit.end]))
        if companion is not None:  # "renewable energy": climate and energy
            add(call, TopicHit(hit.start, hit.end, companion), status, index, how)

    for index, sentence_hits in sorted(by_sentence.items()):
        sentence = ctx.sentences[index]
        call, how = block.get(index, (layout.call_of(index) or reported, ""))
        shared = {} if index in layout.reference_sentences else calls_of_hits(ctx, round_, index, sentence_hits)
        scopes, read = negation_scopes(ctx, sentence.start, sentence.end)
        starts = [h.start for h in sentence_hits]
        question = question_in(ctx, sentence.start, sentence.end)
        for scope in read:
            heads = head_topics(ctx, scope, sentence_hits, starts)
            if question is not None:
                heads += answered_question(ctx, scope, question.end, sentence_hits)
            for hit in heads:
                for target in shared.get(id(hit), [call]):
                    add(target, hit, "not_discussed", index, f"negated by '{scope[2]}'")
        if question is not None:
            for hit in answered_no(ctx, sentence.start, sentence.end, question.end, sentence_hits):
                for target in shared.get(id(hit), [call]):
                    add(target, hit, "not_discussed", index, "asked about, answered no")
        for hit in asked_and_denied(ctx, index, sentence_hits):
            for target in shared.get(id(hit), [call]):
                add(target, hit, "not_discussed", index, "asked about, answered no")
        if not how:
            continue
        asked = asked_from(ctx, sentence, question.start) if question is not None else sentence.end
        if sentence.text.rstrip(" \"'”»)").endswith("?"):  # "Was the Indus Waters Treaty discussed?" claims nothing
            asked = sentence.start
        in_scope = inside_any(sentence_hits, scopes)
        in_scope |= inside_any(sentence_hits, background_relatives(ctx, sentence, starts))
        for hit in sentence_hits:
            if (
                hit.start >= asked
                or id(hit) in in_scope
                or (
                    not (index in congratulating and hit.topic_code == CONGRATULATION_TOPIC)
                    and in_other_clause(ctx, layout, index, hit)
                )
            ):
                continue
            own_country = hit.topic_code in country_topics and not _discussed_as_subject(ctx, hit, sentence.start)
            for target in shared.get(id(hit), [call]):
                if not (own_country and hit.country in {p.country_code for p in target.participants}):
                    add(target, hit, "discussed", index, how)
    return facts


def _discussed_as_subject(ctx: ArticleContext, hit: TopicHit, sentence_start: int) -> bool:
    """ "They discussed Canada", "hablaron sobre la situación en Venezuela": the country is what was discussed."""
    cues = ctx.lex.within("discussion", max(sentence_start, hit.start - _SUBJECT_REACH), hit.start)
    return bool(cues) and only_light_words(ctx, cues[-1].end, hit.start)


def _claimant(ctx: ArticleContext, index: int) -> str | None:
    speech = ctx.first_in("speech", index)
    if speech is None:
        return None
    named = [h for h in ctx.in_sentence("officials", index) if h.official_id]
    if not named:
        return None
    nearest = min(named, key=lambda h: abs(h.start - speech.start))
    return nearest.official_id
