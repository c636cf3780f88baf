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

Time is linear in the article: hits are found by bisection, never by rescanning a sentence's hits for each
hit or conjunct, and the head topics of at most ``max_negations_per_sentence`` triggers of each kind are read
in one sentence (every trigger's scope still keeps its keywords from counting as discussed).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, chain

from hotline.extract.calls import CallLayout
from hotline.extract.context import RULES, ArticleContext
from hotline.extract.lexicon import Hit
from hotline.facts import CallMention, TopicFact
from hotline.text import fold

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
_MAX_NEGATIONS = int(RULES["max_negations_per_sentence"])


Scope = tuple[int, int, str]  # a negation's reach: (begin, stop, trigger phrase)


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


def _negation_scopes(ctx: ArticleContext, start: int, end: int) -> tuple[list[Scope], list[Scope]]:
    """Every negation scope of the sentence ``[start, end)``, and those whose head topics are read: the first
    ``max_negations_per_sentence`` of each kind (object, subject) and the "neither ... nor" one. Every scope
    keeps the keywords inside it from counting as discussed.

    Each trigger costs a lookup, not a scan of the sentence: the next clause break is remembered
    (:class:`_NextMatch`), clause starts and speech verbs are bisected."""
    folded = ctx.folded
    lex = ctx.lex
    objects: list[Scope] = []
    breaks, attributions = _NextMatch(_CLAUSE_BREAK, folded, end), _NextMatch(_ATTRIBUTION, folded, end)
    for trigger in _longest(lex.within("negation_object", start, end)):
        stops = [m.start() for m in (breaks.at(trigger.end), attributions.at(trigger.end)) if m]
        objects.append((trigger.end, min(stops, default=end), trigger.phrase))
    subjects: list[Scope] = []
    triggers = _longest(lex.within("negation_subject", start, end))
    if triggers:
        clause_starts = [brk.end() for brk in _CLAUSE_START.finditer(folded, start, end)]
        # "Carney said (that) fentanyl was not discussed": the subject starts after the speech verb.
        openers = sorted((h.end, h.start) for v in ("speech", "complementizer") for h in lex.within(v, start, end))
        for trigger in triggers:
            k = bisect_right(clause_starts, trigger.start)  # the last clause start before the trigger
            begin = clause_starts[k - 1] if k else start
            # The opener of this clause that ends last before the trigger: walk back from the last opener to end
            # before the trigger; only openers straddling ``begin`` are passed over.
            i = bisect_right(openers, (trigger.start, trigger.start)) - 1
            while i >= 0 and openers[i][0] > begin:
                if openers[i][1] >= begin:
                    begin = openers[i][0]
                    break
                i -= 1
            subjects.append((begin, trigger.start, trigger.phrase))
    scopes = objects + subjects
    read = objects[:_MAX_NEGATIONS] + subjects[:_MAX_NEGATIONS]
    neither = lex.find("neither", start, end)
    if neither:
        nor = lex.find("nor", neither.end, end)
        verb = lex.find("discussion", nor.end, end) if nor else None
        if nor and verb:
            scopes.append((neither.end, verb.start, "neither ... nor ..."))
            read.append(scopes[-1])
    return scopes, read


class _NextMatch:
    """The first match of ``pattern`` in ``text[position:end]``, for positions that grow: a match found once
    answers every later position up to its start, so a sentence is searched about once, not once per trigger
    (matching at an offset does not depend on where the search began: lookbehinds see the whole text)."""

    def __init__(self, pattern: re.Pattern[str], text: str, end: int):
        self._pattern, self._text, self._end = pattern, text, end
        self._searched_from: int | None = None
        self._match: re.Match[str] | None = None

    def at(self, position: int) -> re.Match[str] | None:
        if (
            self._searched_from is None
            or position < self._searched_from
            or (self._match is not None and self._match.start() < position)
        ):
            self._match = self._pattern.search(self._text, position, self._end)
            self._searched_from = position
        return self._match


def _inside_any(hits: list[TopicHit], scopes: list[Scope]) -> set[int]:
    """The ``id`` of every hit that starts inside a scope: the scopes merged into disjoint spans, then bisected."""
    merged: list[list[int]] = []
    for begin, stop, _ in sorted(scopes):
        if begin >= stop:
            continue
        if merged and begin <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], stop)
        else:
            merged.append([begin, stop])
    starts = [begin for begin, _ in merged]
    inside = set()
    for hit in hits:
        k = bisect_right(starts, hit.start) - 1
        if k >= 0 and hit.start < merged[k][1]:
            inside.add(id(hit))
    return inside


def _longest(hits: list[Hit]) -> list[Hit]:
    """Triggers that no other trigger contains ("did not discuss" inside "did not discuss ..."), in order.

    One pass over the hits (sorted by start): a hit is contained when a hit starting before it reaches as
    far (``reach``), or another hit starting with it does."""
    kept = []
    reach = -1  # the furthest end among hits that start before the current start
    i = 0
    while i < len(hits):
        j = i
        while j < len(hits) and hits[j].start == hits[i].start:
            j += 1
        ends = sorted((h.end for h in hits[i:j]), reverse=True)
        alone = len(ends) == 1 or ends[1] < ends[0]  # a single hit of this start reaches furthest
        for hit in hits[i:j]:
            if hit.end == ends[0] and alone and reach < hit.end:
                kept.append(hit)
        reach = max(reach, ends[0])
        i = j
    return kept


def _head_topics(ctx: ArticleContext, scope: Scope, hits: list[TopicHit], starts: list[int]) -> list[TopicHit]:
    """The head topic of each conjunct of a negation scope. ``hits`` are the sentence's topic hits (sorted,
    never overlapping, so their ends are sorted too) and ``starts`` their starts."""
    begin, stop, _ = scope
    heads = []
    cursor = begin
    bounds = chain((m.span() for m in _CONJUNCT.finditer(ctx.folded, begin, stop)), [(stop, stop)])
    for bound, after in bounds:
        i = bisect_left(starts, cursor)  # the conjunct's first hit: the first from its start, if before its bound
        first = hits[i] if i < len(hits) and hits[i].start < bound and hits[i].end <= stop else None
        if first is not None and _only_light_words(ctx, cursor, first.start):
            heads.append(first)
        cursor = after
    return heads


def _only_light_words(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether every word between ``start`` and ``end`` may stand before a negated head ("the issue of")."""
    country_words = ctx.reference.country_words
    for match in _WORDS.finditer(ctx.folded, start, end):
        word = match.group(0).strip(".'\"-")
        if word and word not in _FILLERS and word not in country_words and not _NUMBER.fullmatch(word):
            return False
    return True


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

    about_call: set[int] = set(layout.call_sentences)
    for index, sentence_hits in sorted(by_sentence.items()):
        sentence = ctx.sentences[index]
        call = layout.call_of(index) or reported
        scopes, read = _negation_scopes(ctx, sentence.start, sentence.end)
        in_scope = _inside_any(sentence_hits, scopes)
        starts = [h.start for h in sentence_hits]
        for scope in read:
            for hit in _head_topics(ctx, scope, sentence_hits, starts):
                add(call, hit, "not_discussed", index, f"negated by '{scope[2]}'")
        free = [
            h
            for h in sentence_hits
            if id(h) not in in_scope
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
    cues = ctx.starts_in("cues", index)
    before = bisect_left(cues, hit.start)  # the last cue before the hit, by bisection
    return before > 0 and ctx.lex.find("other_clause", cues[before - 1], hit.start) is not None


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
