"""Topics of a call: discussed, or explicitly not discussed, each with its evidence sentence.

A topic keyword (from the topic taxonomy seed, English and Spanish) counts for a call when its sentence is
about that call: it reports the call or says what was talked about, or directly continues a sentence that
reports it. A sentence anchored to another event (another date, a reporter's question) gives nothing. A
sentence about an earlier call gives topics to that call.

Negation is scoped, not sentence-wide: "did not discuss X" takes the phrase after the trigger, "X was not on
the agenda" the phrase before it, "neither A nor B were discussed" both conjuncts. Within each conjunct only
the head topic is negated, skipping light words ("the issue of Cuba" → cuba; "a US intervention against
cartels" → the intervention, not organized crime; "the arrest of a drug boss" → nothing). Keywords inside a
negation scope are never counted as discussed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

from hotline.extract.calls import CallLayout
from hotline.extract.context import RULES, ArticleContext
from hotline.extract.lexicon import Hit
from hotline.facts import CallMention, TopicFact
from hotline.reference import fold

_CLAUSE_BREAK = re.compile("|".join(re.escape(b) for b in RULES["clause_breaks"]))
_CONJUNCT = re.compile("|".join(re.escape(s) for s in RULES["conjunct_separators"]))
_CLAUSE_START = re.compile(r"[:;]\s")
_FILLERS = frozenset(fold(w) for w in RULES["negation_head_fillers"])
_WORDS = re.compile(r"[\w.'%-]+")
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z .'-]{2,40}(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[-—–]",
    re.MULTILINE,
)
# ", a Canadian official said" / ", according to ..." ends what a negation covers.
_ATTRIBUTION = re.compile(
    r",\s+(?:according\s+to|segun|(?:[\w'-]+\s+){0,5}?(?:said|says|told|added|noted|dijo|senalo|afirmo|declaro))(?![\w])"
)
_NUMBER = re.compile(r"[\d.,]+%?")  # "the 25% tariffs": a rate stands before the head too


@dataclass(frozen=True, slots=True)
class TopicHit:
    start: int
    end: int
    topic_code: str


def _topic_hits(ctx: ArticleContext) -> list[TopicHit]:
    index = ctx.reference.topic_keywords()
    masked = [(h.start, h.end) for h in ctx.officials] + ctx.title_spans
    masked += [m.span() for m in _DATELINE.finditer(ctx.text)]  # "OTTAWA (Reuters) -" names no topic
    masked = sorted(masked + [h.title_span for h in ctx.officials if h.title_span])  # "Chinese President"
    starts = [s for s, _ in masked]
    reach = list(accumulate((e for _, e in masked), max))  # furthest end among spans starting at or before
    hits = []
    for keyword in ctx.reference_hits.longest("topic"):
        i = bisect_left(starts, keyword.end) - 1
        if i >= 0 and reach[i] > keyword.start:
            continue
        hits.append(TopicHit(keyword.start, keyword.end, index[keyword.phrase]))
    return hits


def _negation_scopes(ctx: ArticleContext, start: int, end: int) -> list[tuple[int, int, str]]:
    folded = ctx.folded
    scopes = []
    lex = ctx.lex
    for trigger in _longest(lex.within("negation_object", start, end)):
        stops = [
            m.start()
            for m in (_CLAUSE_BREAK.search(folded, trigger.end, end), _ATTRIBUTION.search(folded, trigger.end, end))
            if m
        ]
        scopes.append((trigger.end, min(stops, default=end), trigger.phrase))
    for trigger in _longest(lex.within("negation_subject", start, end)):
        begin = start
        for brk in _CLAUSE_START.finditer(folded, start, trigger.start):
            begin = brk.end()
        # "Carney said (that) fentanyl was not discussed": the subject starts after the speech verb.
        for opener in (
            *lex.within("speech", begin, trigger.start),
            *lex.within("complementizer", begin, trigger.start),
        ):
            begin = max(begin, opener.end)
        scopes.append((begin, trigger.start, trigger.phrase))
    neither = lex.find("neither", start, end)
    if neither:
        nor = lex.find("nor", neither.end, end)
        verb = lex.find("discussion", nor.end, end) if nor else None
        if nor and verb:
            scopes.append((neither.end, verb.start, "neither ... nor ..."))
    return scopes


def _longest(hits: list[Hit]) -> list[Hit]:
    """Triggers that no longer trigger contains ("did not discuss" inside "did not discuss ...")."""
    return [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end for o in hits)]


def _head_topics(ctx: ArticleContext, scope: tuple[int, int, str], hits: list[TopicHit]) -> list[TopicHit]:
    begin, stop, _ = scope
    inside = [h for h in hits if begin <= h.start and h.end <= stop]
    heads = []
    cursor = begin
    bounds = [m.span() for m in _CONJUNCT.finditer(ctx.folded, begin, stop)] + [(stop, stop)]
    country_words = ctx.reference.country_words
    for bound, after in bounds:
        first = next((h for h in inside if cursor <= h.start < bound), None)
        if first is not None:
            lead = [w.strip(".'\"-") for w in _WORDS.findall(ctx.folded, cursor, first.start)]
            if all(not w or w in _FILLERS or w in country_words or _NUMBER.fullmatch(w) for w in lead):
                heads.append(first)
        cursor = after
    return heads


def find_topics(ctx: ArticleContext, layout: CallLayout) -> list[TopicFact]:
    reported = layout.reported
    if reported is None:
        return []
    hits = _topic_hits(ctx)
    by_sentence: dict[int, list[TopicHit]] = {}
    for hit in hits:
        by_sentence.setdefault(ctx.sentence_of(hit.start), []).append(hit)
    facts: list[TopicFact] = []
    seen: set[tuple[str, str, str]] = set()

    def add(call: CallMention, hit: TopicHit, status: str, index: int, how: str) -> None:
        key = (call.mention_id, hit.topic_code, status)
        if key in seen:
            return
        seen.add(key)
        facts.append(
            TopicFact(
                mention_id=call.mention_id,
                article_id=ctx.article.article_id,
                topic_code=hit.topic_code,
                status=status,  # type: ignore[arg-type]
                evidence=ctx.evidence(index, how),
                claimant_official_id=_claimant(ctx, index),
            )
        )

    about_call: set[int] = set(layout.call_sentences)
    for index, sentence_hits in sorted(by_sentence.items()):
        sentence = ctx.sentences[index]
        call = layout.call_of(index) or reported
        scopes = _negation_scopes(ctx, sentence.start, sentence.end)
        in_scope = [h for h in sentence_hits if any(b <= h.start < e for b, e, _ in scopes)]
        for scope in scopes:
            for hit in _head_topics(ctx, scope, sentence_hits):
                add(call, hit, "not_discussed", index, f"negated by '{scope[2]}'")
        free = [
            h
            for h in sentence_hits
            if h not in in_scope
            and (index in layout.reference_sentences or not _in_other_clause(ctx, layout, index, h))
        ]
        if not free or ctx.lex.find("question", sentence.start, sentence.end):
            continue
        how = _why_about_call(ctx, layout, index, index in layout.reference_sentences, about_call)
        if how is None:
            continue
        about_call.add(index)
        for hit in free:
            add(call, hit, "discussed", index, how)
    return facts


def _in_other_clause(ctx: ArticleContext, layout: CallLayout, index: int, hit: TopicHit) -> bool:
    """In a sentence reporting the call, a clause opened by "after"/"following" tells of another event."""
    if index not in layout.call_sentences:
        return False
    cues = [c.start for c in ctx.in_sentence("cues", index) if c.start < hit.start]
    return bool(cues) and ctx.lex.find("other_clause", max(cues), hit.start) is not None


def _why_about_call(
    ctx: ArticleContext, layout: CallLayout, index: int, is_reference: bool, about_call: set[int]
) -> str | None:
    sentence = ctx.sentences[index]
    if is_reference:
        return "in a sentence about an earlier call"
    reports_call = index in layout.call_sentences
    if not reports_call and _anchored_elsewhere(ctx, layout, index):
        return None
    if reports_call:
        return "in a sentence reporting the call"
    if ctx.lex.find("discussion", sentence.start, sentence.end):
        return "said to be discussed, in an article reporting the call"
    previous = index - 1
    if previous in about_call and (
        ctx.sentences[previous].paragraph == sentence.paragraph
        or ctx.lex.at("continuation", sentence.start) is not None
    ):
        return "continues the sentence reporting the call"
    return None


def _anchored_elsewhere(ctx: ArticleContext, layout: CallLayout, index: int) -> bool:
    """The sentence is dated, and its date is not the call's: it tells of another event."""
    if not layout.date_keys and layout.weekday is None:
        return False
    for date in ctx.in_sentence("dates", index):
        if date.kind == "weekday":
            if date.weekday != layout.weekday:
                return True
        elif date.kind == "absolute" and (date.year, date.month, date.day) not in layout.date_keys:
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
