"""Explicit negations of topics: "did not discuss X", "X was not on the agenda", "neither A nor B were discussed",
"no se habló de A ni de B".

Negation is scoped, not sentence-wide: an object trigger takes the phrase after it, a subject trigger the phrase
before it (from the clause start, or after "said that"; a relative "que"/"that" opens no clause). Within the
scope, up to a relative clause ("que ...", "which ..."), the head topic of each conjunct is negated, skipping
light words ("the issue of Cuba" → cuba; "a US intervention against cartels" → the intervention, not organized
crime; "the arrest of a drug boss" → nothing). One noun may stand before the topic it is qualified by ("la
disputa agrícola" → agriculture, "la guerra en Gaza" → middle_east); a possessor goes with what it possesses
only when it is a country ("Venezuela's presidential election" → elections and venezuela: the country's affairs
were not discussed either; "the G7's trade agenda" → trade); a head that names no topic yields to the country it is with
("el tratado de libre comercio con China" → china). Keywords inside a scope are never counted as discussed.

An answer that negates a pronoun ("No, no se habló de eso") negates what the question of its sentence asked
about ("A pregunta sobre si se habló de las vacunas ..."). A document that does not mention a topic ("It did not
mention energy", "the readout made no mention of Taiwan") is silence: its keywords count neither way.

Time is linear in the article: hits are found by bisection, never by rescanning a sentence's hits for each hit or
conjunct, and the heads of at most ``max_negations_per_sentence`` triggers of each kind are read per sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from hotline.extract.context import RULES, ArticleContext
from hotline.extract.lexicon import Hit
from hotline.extract.topics.heads import RELATIVE, Scope
from hotline.extract.topics.hits import TOPIC_RULES, TopicHit
from hotline.text import phrase_alternation, phrase_pattern

_CLAUSE_BREAK = re.compile(
    "|".join(r"(?<!\W\w)\. " if b == ". " else re.escape(b) for b in TOPIC_RULES["clause_breaks"])
)
"""Where what a negation covers ends; a period after a one-letter abbreviation's last letter ("the U.S. tariffs") is
no break."""
_CLAUSE_START = re.compile(r"[:;]\s")
# ", a Canadian official said" / ", according to ..." ends what a negation covers.
_ATTRIBUTION = re.compile(
    r",\s+(?:according\s+to|segun|(?:[\w'-]+\s+){0,5}?(?:said|says|told|added|noted|dijo|senalo|afirmo|declaro))(?![\w])"
)
_SOURCE_INSERT = re.compile(r"\s*,\s+(?:according\s+to|segun|de\s+acuerdo\s+con|per)\s+[^,;:.]{1,80},\s*")
"""A source between commas right after a negation's trigger: what it negates follows the insert."""
_ELLIPTICAL_NO = re.compile(
    r"(?<![\w])(?:(?:"
    + phrase_alternation(TOPIC_RULES["elliptical_no"])
    + r")|(?:it|they|que)[\s\"'“«]+(?:"  # 'said it "was not on the agenda of this call"'
    + phrase_alternation(TOPIC_RULES["negation_subject"])
    + r")(?:\s+(?:of|in|during|on|en|de|durante)\s+(?:this|the|that|la|esta|esa)"
    + r"\s+(?:call|conversation|llamada|conversacion))?"
    + r"(?:\s+(?:today|yesterday|then|at\s+all|either|hoy|ayer|tampoco))?"
    + r")[\s.!\"'”»]*\Z"
)
_PRONOUN_HEAD = re.compile(
    r"[\s\"'“”«»]*(?:no\s*[,.]\s*)?(?:" + phrase_alternation(TOPIC_RULES["pronoun_heads"]) + r")(?![\w])"
)  # "No, ese tema no estuvo en la conversación": the answer's "No," before the pronoun
_SILENT_DOCUMENT = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(TOPIC_RULES["silent_documents"]) + r")(?:['’]s)?(?:\s+[\w'’-]+){0,2}\s+\Z"
)
_MENTIONS = frozenset(TOPIC_RULES["mention_triggers"])
_SILENT_TRIGGERS = frozenset(TOPIC_RULES["silent_triggers"])
_DOCUMENTS = phrase_alternation(TOPIC_RULES["silent_documents"])
_OPENS_ON_DOCUMENT = re.compile(r"[\s\"'“”«»*]*(?:[\w'’-]+\s+){0,3}?(?:" + _DOCUMENTS + r")(?![\w])")
_DOCUMENT_AFTER = re.compile(
    r"(?<![\w])(?:in|en)\s+(?:its|their|his|her|the|su|sus|el|la|los|las)\s+(?:[\w'’-]+\s+)?(?:"
    + _DOCUMENTS
    + r")(?![\w])"
)


def _silence(ctx: ArticleContext, start: int, trigger: Hit, stop: int) -> bool:
    """A document that does not mention a topic says nothing about the call: a trigger that tells what a message
    left out ("sin mencionar", "without mentioning"), or a trigger of mentioning whose subject is a document (right
    before it, or opening the sentence with no official named before the trigger: "El comunicado difundido por la
    Presidencia ... no mencionó") or that names the document it looked in ("Neither side mentioned trade in its
    account of the call")."""
    if trigger.phrase in _SILENT_TRIGGERS:
        return True
    if trigger.phrase not in _MENTIONS:
        return False
    folded = ctx.folded
    if _SILENT_DOCUMENT.search(folded, max(start, trigger.start - 40), trigger.start):
        return True
    if _OPENS_ON_DOCUMENT.match(folded, start, trigger.start) and not any(
        start <= h.start < trigger.start for h in ctx.officials
    ):
        return True
    return _DOCUMENT_AFTER.search(folded, trigger.end, stop) is not None


_POSITIVE_CLAUSE = re.compile(
    r"[,;]\s+(?:(?:y|and|but|pero)\s+)?(?:(?:"
    + phrase_alternation(TOPIC_RULES["positive_clause_subjects"])
    + r")\s+)?\Z"
)
"""What stands before a discussion verb that opens a clause of its own inside a negation's reach ("No tocamos
Venezuela, hablamos de la relación")."""
_CALL_RELATIVE = re.compile(
    r"(?<![\w])(?:"
    + phrase_alternation(RULES["call_nouns"])
    + r"),\s+(?:"
    + phrase_alternation(TOPIC_RULES["call_relatives"])
    + r")\s+(?:[^,;.]*?\s+)?\Z"
)
"""A relative clause whose antecedent is the call ("no se abordó durante la conversación, que según Brazzaville se
centró en la energía", "was not raised in the call, which focused on trade"): it tells what was discussed."""
_CALL_RELATIVE_REACH = 90  # characters from the call noun to the discussion verb
_DISCUSSION_NOUNS = frozenset(TOPIC_RULES["discussion_nouns"])
_CLAUSE_OPENING = 48  # characters before a discussion verb read for the comma and subject that open its clause
_ASIDE = re.compile(r"\s*,")
_ASIDE_OPEN = re.compile(r",\s+(?:[\w'’.-]+\s+){0,4}\Z")
_MAX_NEGATIONS = int(TOPIC_RULES["max_negations_per_sentence"])


def negation_scopes(ctx: ArticleContext, start: int, end: int) -> tuple[list[Scope], list[Scope]]:
    """Every negation scope of the sentence ``[start, end)``, and those whose head topics are read: the first
    ``max_negations_per_sentence`` of each kind (object, subject) and the "neither ... nor" one. Every scope
    keeps the keywords inside it from counting as discussed.

    Each trigger costs a lookup, not a scan of the sentence: the next clause break is remembered
    (:class:`_NextMatch`), clause starts and speech verbs are bisected."""
    folded = ctx.folded
    lex = ctx.lex
    objects: list[Scope] = []
    breaks, attributions = _NextMatch(_CLAUSE_BREAK, folded, end), _NextMatch(_ATTRIBUTION, folded, end)
    object_triggers = lex.within("negation_object", start, end)
    silences: list[Scope] = []  # "It did not mention energy": its keywords count neither way
    for trigger in longest(object_triggers):
        insert = _SOURCE_INSERT.match(folded, trigger.end, end)
        begin = insert.end() if insert else trigger.end  # "Tampoco se abordó, según la misma fuente, la situación"
        stops = [m.start() for m in (breaks.at(begin), attributions.at(begin)) if m]
        stop = _positive_clause(ctx, begin, min(stops, default=end))
        scope = (begin, stop, trigger.phrase)
        silent = _silence(ctx, start, trigger, stop)
        (silences if silent else objects).append(scope)
    elliptical = _ELLIPSIS.match(folded, start, end)
    if elliptical is not None and _after_a_negation(ctx, start):  # "... no se habló de X. Tampoco, precisó, de Y."
        stops = [m.start() for m in (breaks.at(elliptical.end()), attributions.at(elliptical.end())) if m]
        objects.append((elliptical.end(), min(stops, default=end), "elliptical negation"))
    subjects: list[Scope] = []
    object_spans = [(t.start, t.end) for t in object_triggers]
    triggers = [  # "dejaron fuera de la conversación la situación en Venezuela": the object's trigger, not a subject's
        t
        for t in longest(lex.within("negation_subject", start, end))
        if not any(a < t.start < b for a, b in object_spans)  # an object's trigger that starts first holds it
    ]
    if triggers:
        clause_starts = [brk.end() for brk in _CLAUSE_START.finditer(folded, start, end)]
        # "Carney said (that) fentanyl was not discussed": the subject starts after the speech verb and its "that";
        # any other "que"/"that" opens a relative clause inside the subject ("la disputa que enfrentó ...").
        speech = [  # a speech verb between commas is an aside ("Los aranceles, añadió, ni se mencionaron", "Tariffs,
            # the aide said, were not discussed")
            h
            for h in lex.within("speech", start, end)
            if not (_ASIDE.match(folded, h.end) and _ASIDE_OPEN.search(folded, max(start, h.start - 40), h.start))
        ]
        speech_ends = sorted(h.end for h in speech)
        openers = sorted(
            [(h.end, h.start) for h in speech]
            + [
                (h.end, h.start)
                for h in lex.within("complementizer", start, end)
                if _completes_speech(folded, speech_ends, h.start)
            ]
        )
        for trigger in triggers:
            k = bisect_right(clause_starts, trigger.start)  # the last clause start before the trigger
            begin = clause_starts[k - 1] if k else start
            # The opener of this clause that ends last before the trigger: walk back from the last opener to end
            # before the trigger; only openers straddling ``begin`` are passed over.
            i = bisect_right(openers, (trigger.start, trigger.start)) - 1
            while i >= 0 and openers[i][0] > begin:
                if openers[i][1] >= begin and not _in_relative(folded, begin, openers[i][1], trigger.start):
                    begin = openers[i][0]
                    break
                i -= 1
            # "Trade was not mentioned in the statement": what a document left out is silence
            silent = trigger.phrase in _MENTIONS and _DOCUMENT_AFTER.search(folded, trigger.end, end) is not None
            (silences if silent else subjects).append((begin, trigger.start, trigger.phrase))
    scopes = objects + subjects + silences
    read = objects[:_MAX_NEGATIONS] + subjects[:_MAX_NEGATIONS]
    neither = lex.find("neither", start, end)
    if neither:
        nor = lex.find("nor", neither.end, end)
        verb = lex.find("discussion", nor.end, end) if nor else None
        passive = _PASSIVE.search(folded, nor.end, end) if nor else None
        stop = min([h.start for h in (verb,) if h] + [m.start() for m in (passive,) if m], default=None)
        if nor and stop is not None:
            scopes.append((neither.end, stop, "neither ... nor ..."))
            read.append(scopes[-1])
    return scopes, read


_PASSIVE = re.compile(phrase_pattern(TOPIC_RULES["neither_nor_verbs"]))
"""The verb a "ni A ni B" / "neither A nor B" list is the subject of, when no discussion cue names it ("Ni la
migración ni los aranceles fueron abordados", "Neither tariffs nor migration came up")."""


_ELLIPSIS = re.compile(r"[\s\"'“”«»*-]*(?:tampoco|ni)\s*(?:,[^,;:.]{1,40},\s*)?(?:de|del|sobre|acerca\s+de)\s+")
"""A sentence that opens on "Tampoco" or "Ni" and a preposition, a speech verb set off by commas between at most:
it goes on with the negation of the sentence before ("no se habló de seguridad. Tampoco, precisó, de la revisión del
T-MEC")."""


def _after_a_negation(ctx: ArticleContext, start: int) -> bool:
    """Whether the sentence before the one starting at ``start`` holds a negation trigger."""
    index = ctx.sentence_of(start)
    if index == 0:
        return False
    before = ctx.sentences[index - 1]
    return any(ctx.lex.find(kind, before.start, before.end) for kind in ("negation_object", "negation_subject"))


_ADDRESSEE = re.compile(
    r"\s*|\s+(?:(?:"
    + phrase_alternation(TOPIC_RULES["addressee_openers"])
    + r")\s+(?:[\w'’.-]+\s+){1,3}|(?!(?:"
    + phrase_alternation(TOPIC_RULES["addressee_not_openers"])
    + r")\s)[\w'’.-]+\s+(?:(?:"
    + phrase_alternation(TOPIC_RULES["addressee_times"])
    + r")\s+(?:[\w'’.-]+\s+){0,2})?)"
)
_ADDRESSEE_REACH = 40  # characters between a speech verb and its "that"/"que"
_TOLD = re.compile(
    r"(?<![\w])(?:"
    + phrase_alternation(TOPIC_RULES["addressee_verbs"])
    + r")\s+(?:[\w'’.-]+\s+){1,"
    + str(int(TOPIC_RULES["addressee_words"]))
    + r"}\Z"
)
"""A verb whose object is the addressee and its words before a "that" ("told The Jakarta Post that")."""


_AND_THAT = re.compile(r"(?<![\w])(?:and|y)\s+\Z")
"""A second "that"/"que" coordinated with the first: what the speech verb says goes on."""


def _completes_speech(folded: str, speech_ends: list[int], at: int) -> bool:
    """Whether the "that"/"que" at ``at`` introduces what a speech verb says: right after it, or after whom it was
    said to or when ("told reporters that", "told The Jakarta Post that", "precisó a EFE que", "dijo el lunes que");
    not after an object of the verb ("said the deal that ...": a relative clause)."""
    k = bisect_right(speech_ends, at) - 1
    if k < 0:
        return False
    if _AND_THAT.search(folded, max(0, at - 6), at):  # "said tariffs were not discussed, and that migration ..."
        return True
    if _TOLD.search(folded, max(0, speech_ends[k] - 12), at):  # "told the BBC on Monday that"
        return True
    return at - speech_ends[k] <= _ADDRESSEE_REACH and _ADDRESSEE.fullmatch(folded, speech_ends[k], at) is not None


def _positive_clause(ctx: ArticleContext, begin: int, stop: int) -> int:
    """Where a clause of what was discussed opens inside the reach ``[begin, stop)`` of a negation: a discussion
    verb after a comma or semicolon ("No tocamos el tema de Venezuela, hablamos de la relación bilateral"), else
    ``stop``."""
    position = begin
    for _ in range(_MAX_NEGATIONS):  # found by bisection, a few at most: a megabyte sentence stays linear
        verb = ctx.lex.find("discussion", position, stop)
        if verb is None:
            break
        before = max(begin, verb.start - _CLAUSE_OPENING)
        if verb.phrase not in _DISCUSSION_NOUNS and (
            _POSITIVE_CLAUSE.search(ctx.folded, before, verb.start)
            or _CALL_RELATIVE.search(ctx.folded, max(begin, verb.start - _CALL_RELATIVE_REACH), verb.start)
        ):
            return verb.start
        position = verb.start + 1
    return stop


_RELATIVE_OPEN = re.compile(r",\s*(?:which|who|whom|que|quien|quienes|el cual|la cual)(?![\w])[^,;]*\Z")


def _in_relative(folded: str, begin: int, at: int, trigger_start: int) -> bool:
    """Whether ``at`` lies in a relative clause between commas before the trigger ("The surtax, which Beijing says
    triggered its retaliation, was not discussed"): its speech verb opens no subject."""
    return _RELATIVE_OPEN.search(folded, begin, at) is not None and "," in folded[at:trigger_start]


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


def inside_any(hits: list[TopicHit], scopes: list[Scope]) -> set[int]:
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


def longest(hits: list[Hit]) -> list[Hit]:
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


def answered_question(ctx: ArticleContext, scope: Scope, question_end: int, hits: list[TopicHit]) -> list[TopicHit]:
    """ "A pregunta sobre si se habló de las vacunas ..., respondió: 'No, no se habló de eso'": a negation of a
    pronoun, or of no topic ("asked about the tariff, said the rate itself did not come up"), answers the question
    before it; the topics it asked about, up to a relative clause or clause end,
    are negated."""
    begin, end, _ = scope
    if question_end >= begin or not (
        _PRONOUN_HEAD.match(ctx.folded, begin) or not any(begin <= h.start < end for h in hits)
    ):
        return []
    stops = [m.start() for m in (RELATIVE.search(ctx.folded, question_end, begin),) if m]
    stops += [m.start() for m in (_CLAUSE_BREAK.search(ctx.folded, question_end, begin),) if m]
    stop = min(stops, default=begin)
    return [h for h in hits if question_end <= h.start and h.end <= stop]


def answered_no(ctx: ArticleContext, start: int, end: int, question_end: int, hits: list[TopicHit]) -> list[TopicHit]:
    """ "Asked whether Zambia's maize ban came up in the call, her press office said it had not": a bare "no" that
    ends the sentence ``[start, end)`` answers its question; the topics asked about, up to the clause that
    answers, were not discussed."""
    answer = _ELLIPTICAL_NO.search(ctx.folded, question_end, end)
    if answer is None:
        return []
    comma = ctx.folded.rfind(",", question_end, answer.start())
    stop = comma if comma >= 0 else answer.start()
    return [h for h in hits if question_end <= h.start and h.end <= stop]
