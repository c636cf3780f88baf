"""Everything the extractors share about one article, computed once: folded text, sentences, dates, officials,
call cues. Each compiled pattern runs once over the whole text; hits are then bucketed by sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from hotline.extract.call_status import VOCABULARIES as STATUS_VOCABULARIES
from hotline.extract.called import called_a_leader, called_a_pronoun
from hotline.extract.cue import Cue
from hotline.extract.dates import DATE_WORDS, DateExpr, find_dates_from_words
from hotline.extract.elided import elided_earlier_calls
from hotline.extract.lexicon import Hit, Lexicon, LexiconHits
from hotline.extract.officials import OfficialHit, find_officials, reference_vocabularies
from hotline.extract.published import dateline_spans
from hotline.extract.rules import load_rule_set, load_rules
from hotline.extract.sentences import Sentence, split_sentences
from hotline.facts import Article, Evidence
from hotline.reference import Reference
from hotline.text import fold_text, phrase_alternation, phrase_variants

RULES: dict[str, Any] = load_rules("calls")
TOPIC_RULE_FILES = ("topics_vocabulary", "topics_passage", "topics_negation", "topics_negated")
TOPIC_RULES: dict[str, Any] = load_rule_set(*TOPIC_RULE_FILES)
"""The topic rules (rules/topics_*.yaml, one job each): what a keyword names, the call's passage, the triggers of a
negation and what its scope names."""

_TRADE: dict[str, Any] = load_rules("trade_measures")
TRADE_WORDS = [
    variant
    for phrase in (
        *(p for phrases in _TRADE["measures"].values() for p in phrases),
        *(w for rule in _TRADE["compound_measures"] for w in rule[rule["found_by"]]),
        *_TRADE["exemption_phrases"],
    )
    for variant in phrase_variants(str(phrase))
]
"""The words that name a trade measure (rules/trade_measures.yaml): the sentences hotline.extract.trade reads."""
SECTOR_WORDS = [
    variant
    for phrases in load_rules("trade_goods")["sectors"].values()
    for p in phrases
    for variant in phrase_variants(str(p))
]
"""The phrases of the trade rules' sectors (rules/trade_goods.yaml, hotline.extract.trade.rules.SECTORS): a window
with none is not searched."""

# Every cue vocabulary of rules/calls.yaml and rules/topics_*.yaml, matched in one pass with the reference's
# (see article_lexicon).
CUE_VOCABULARIES: dict[str, Any] = {
    "phone": RULES["phone_cues"],
    "call_noun": RULES["call_nouns"],
    "count_noun": RULES["count_nouns"],
    "call_with": RULES["call_with"],
    "talk": RULES["talk_verbs"],
    "call_verb": RULES["call_verbs"],
    "passive_call": RULES["passive_call_verbs"],
    "planned": RULES["planned_cues"],
    "future": [*RULES["planned_cues"], *RULES["future_markers"]],
    "discussion": RULES["discussion_cues"],
    "readout": RULES["readout_verbs"],
    "question": RULES["question_cues"],
    "other_event": RULES["other_event_nouns"],
    "other_clause": RULES["other_clause_openers"],
    "deadline": RULES["deadline_markers"],
    "complementizer": RULES["complementizers"],
    "earlier": RULES["earlier_call_markers"],
    "speech": RULES["speech_verbs"],
    "announcement": RULES["announcement_verbs"],
    "continuation": RULES["continuation_starts"],
    # what a document or a message left out is found like a negation; topics.negation tells silence from it
    "negation_object": [
        *TOPIC_RULES["negation_object"],
        *TOPIC_RULES["silent_triggers"],
        *(m for m in TOPIC_RULES["mention_triggers"] if m not in TOPIC_RULES["negation_subject"]),
    ],
    "negation_subject": TOPIC_RULES["negation_subject"],
    "neither": TOPIC_RULES["neither"],
    "nor": TOPIC_RULES["nor"],
    "tone_positive": RULES["tone"]["positive"],
    "tone_negative": RULES["tone"]["negative"],
    "trade": TRADE_WORDS,
    "sector": SECTOR_WORDS,
    "encounter": TOPIC_RULES["earlier_encounters"],
    "date_word": DATE_WORDS,
    "initiator_call": RULES["initiator"]["call_nouns"],
    "request": RULES["initiator"]["at_the_request_of"],
    **STATUS_VOCABULARIES,
}
# A call noun ("call", "llamada") is a noun, not the verb, when a determiner stands at most three words
# before it on the same line ("a Jan. 12 call", "la llamada") and it does not start "a call for calm".
NOT_CALL_AFTER = re.compile(r"\s+(?:" + phrase_alternation(RULES["not_call_after"]) + r")(?![\w])")
ACCENTED_TALK = frozenset(RULES["accented_talk_verbs"])
TALK_AUDIENCE = re.compile(
    r"\s+(?:(?:" + phrase_alternation(RULES["talk_audiences"]) + r")|(?:at|en)\s+(?:a|an|the|un|una|el|la)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:" + phrase_alternation(RULES["talk_venue_nouns"]) + r"))(?![\w])"
)
"""An audience or a gathering right after a verb of speaking ("speaking to reporters", "speaking at a party congress"):
a statement, not a call."""
NOT_CALL_BEFORE = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["not_call_before"]) + r")\s+\Z")
CALL_DETERMINER = re.compile(
    r"(?:(?<![\w])(?:"
    + phrase_alternation(RULES["call_determiners"])
    + r")|(?<=\w)['’]s)[ \t]+(?:[\w.,'\x22-]+[ \t]+){0,3}?\Z"
)
"""A determiner, or a possessive ("Biden's call with Ramaphosa"), before a call noun."""


@dataclass
class ArticleContext:
    article: Article
    reference: Reference
    text: str
    folded: str
    sentences: list[Sentence]
    dates: list[DateExpr]
    officials: list[OfficialHit]
    title_spans: list[tuple[int, int]]
    cues: list[Cue]
    lex: LexiconHits
    reference_hits: LexiconHits
    _starts: list[int] = field(default_factory=list)
    by_sentence: dict[str, dict[int, list[Any]]] = field(default_factory=dict)
    memo: dict[Any, Any] = field(default_factory=dict)
    """Values the extractors derive once per article (or per sentence) instead of once per hit."""
    _firsts: dict[str, dict[int, Hit]] = field(default_factory=dict)  # per vocabulary, :meth:`firsts`

    def sentence_of(self, offset: int) -> int:
        index = bisect_right(self._starts, offset) - 1
        return index if index > 0 else 0

    def in_sentence(self, kind: str, index: int) -> list[Any]:
        return self.by_sentence[kind].get(index, [])

    def starts_in(self, kind: str, index: int) -> list[int]:
        """The start offsets of :meth:`in_sentence` (sorted): bisected, not every item scanned for every hit."""
        key = ("starts", kind, index)
        starts = self.memo.get(key)
        if starts is None:
            starts = self.memo[key] = [item.start for item in self.in_sentence(kind, index)]
        return starts

    def first_in(self, name: str, index: int) -> Hit | None:
        """``lex.find(name, s.start, s.end)`` for sentence ``index``, from :meth:`firsts`."""
        firsts = self._firsts.get(name)
        return (firsts if firsts is not None else self.firsts(name)).get(index)

    def firsts(self, name: str) -> dict[int, Hit]:
        """Sentence index → its first hit of ``name`` (:meth:`first_in`), by one pass over the vocabulary's hits."""
        firsts = self._firsts.get(name)
        if firsts is None:
            firsts = self._firsts[name] = {}
            for hit in self.lex.all(name):  # by start: the first hit lying in a sentence is kept
                index = bisect_right(self._starts, hit.start) - 1
                if index >= 0 and index not in firsts and hit.end <= self.sentences[index].end:
                    firsts[index] = hit
        return firsts

    def evidence(self, index: int, how: str | None = None) -> Evidence:
        s = self.sentences[index]
        return Evidence(self.article.article_id, s.index, s.text, s.start, s.end, how)


_LOWER_CASE_WEEKDAYS = frozenset(load_rules("dates")["lower_case_weekdays"])
_CAPITALIZED_BEFORE = re.compile(r"[A-ZÀ-Ý][\w.’']*[ \t]+\Z")
_CAPITALIZED_AFTER = re.compile(r"[ \t]+[A-ZÀ-Ý]")


def _event_dates(folded: str, text: str, lex: LexiconHits) -> list[DateExpr]:
    """Every date of the text but the story's own in its dateline or date line ("OTTAWA, October 22, 2025 -"):
    that one dates the story (ingest reads it as the publication date), never a call it reports; nor is a weekday
    that is part of a name (:func:`_in_name`)."""
    own = dateline_spans(text, folded, lex)
    words = [(h.start, h.end) for h in lex.all("date_word")]
    dates = find_dates_from_words(folded, text, words)
    return [d for d in dates if not any(start <= d.start < end for start, end in own) and not _in_name(d, text)]


def _in_name(expr: DateExpr, text: str) -> bool:
    """A weekday written lower case in its language but capitalized here next to another capitalized word: part of a
    name ("Santo Domingo", "Plácido Domingo", "Domingo Cavallo"), not a day."""
    if expr.kind != "weekday" or not text[expr.start].isupper():
        return False
    if fold_text(text[expr.start : expr.end]).split()[-1] not in _LOWER_CASE_WEEKDAYS:
        return False
    before = _CAPITALIZED_BEFORE.search(text, max(0, expr.start - 30), expr.start)
    return bool(before or _CAPITALIZED_AFTER.match(text, expr.end))


@lru_cache(maxsize=4)
def article_lexicon(reference: Reference) -> Lexicon:
    """The cue vocabularies and the reference's (aliases, country words, titles, topics) in one lexicon: one pass
    over an article finds them all."""
    vocabularies = reference_vocabularies(reference)
    if CUE_VOCABULARIES.keys() & vocabularies.keys():
        raise ValueError(f"cue and reference vocabularies share names: {CUE_VOCABULARIES.keys() & vocabularies.keys()}")
    return Lexicon({**CUE_VOCABULARIES, **vocabularies})


def build_context(article: Article, reference: Reference) -> ArticleContext:
    text = article.text
    folded = fold_text(text)
    sentences = split_sentences(text)
    found = article_lexicon(reference).scan(folded)
    officials, titles = find_officials(text, folded, reference, article.published_date, found)
    context = ArticleContext(
        article=article,
        reference=reference,
        text=text,
        folded=folded,
        sentences=sentences,
        dates=_event_dates(folded, text, found),
        officials=officials,
        title_spans=titles,
        cues=[],
        lex=found,
        reference_hits=found,
    )
    context.cues = sorted(
        _find_cues(folded, text, context.lex)
        + called_a_leader(context)
        + called_a_pronoun(context)
        + elided_earlier_calls(context),
        key=lambda c: (c.start, c.end),
    )
    context._starts = [s.start for s in sentences]
    for kind, items in (("dates", context.dates), ("officials", context.officials), ("cues", context.cues)):
        buckets: dict[int, list[Any]] = defaultdict(list)
        for item in items:
            buckets[context.sentence_of(item.start)].append(item)
        context.by_sentence[kind] = buckets
    return context


def _closest_determiner(folded: str, noun_start: int) -> re.Match[str] | None:
    """The determiner nearest before a call noun ("their last call", not "a deal. Their last call")."""
    closest = None
    position = max(0, noun_start - 48)
    while (found := CALL_DETERMINER.search(folded, position, noun_start)) is not None:
        closest, position = found, found.start() + 1
    return closest


def _find_cues(folded: str, text: str, lex: LexiconHits) -> list[Cue]:
    cues = [
        Cue(h.start, h.end, "phone", noun_start=h.start)
        for h in lex.all("phone")
        if not (
            with_audience(folded, h.end)
            or _AUDIENCE_BEFORE.search(folded, max(0, h.start - 48), h.start)
            or _PHONE_IN.match(folded, h.end)
        )
    ]
    for noun in lex.all("call_noun"):
        if NOT_CALL_AFTER.match(folded, noun.end) or (folded[noun.start] == "l" and _SO_CALLED.match(text, noun.end)):
            continue  # "a call for calm"; "la llamada Declaración de Ankara" (the so-called)
        if with_audience(folded, noun.end):
            continue  # "a call for calm"; "la llamada Declaración de Ankara" (the so-called)
        if _COUNTLESS.search(folded, max(0, noun.start - 32), noun.start):
            continue  # "hundreds of conversations with Biden, Macron and Scholz": no one call
        det = _closest_determiner(folded, noun.start)
        if det is not None and not NOT_CALL_BEFORE.search(folded, det.start(), noun.start):
            earlier = lex.find("earlier", det.start(), noun.start) is not None
            cues.append(Cue(det.start(), noun.end, "noun", earlier, noun.start))
    cues += [
        Cue(h.start, h.end, "noun", noun_start=h.start)
        for h in lex.all("call_with")
        if not (_COUNTLESS.search(folded, max(0, h.start - 32), h.start) or NOT_CALL_AFTER.match(folded, h.end))
    ]
    talks = [h for h in lex.all("talk") if not TALK_AUDIENCE.match(folded, h.end) and _as_written(h, text)]
    cues += [Cue(h.start, h.end, "talk", noun_start=h.start) for h in talks]
    plans = [h for h in lex.all("planned") if not TALK_AUDIENCE.match(folded, h.end)]  # "will speak with one voice"
    cues += [Cue(h.start, h.end, "planned", noun_start=h.start) for h in plans]
    cues.sort(key=lambda c: (c.start, c.end))
    return _longest_per_start(cues)


_CALL_AUDIENCE = re.compile(
    r"(?:[ \t]+[\w'’-]+){0,5}?[ \t]+(?:with|con)[ \t]+(?:(?!(?:and|y|e)[ \t])[\w'’-]+[ \t]+){0,3}?(?:"
    + phrase_alternation(RULES["call_audiences"])
    + r")(?![\w])"
)


_COUNTLESS = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["countless"]) + r")[ \t]+(?:[\w'’-]+[ \t]+)?\Z")
"""A count too large or vague for one call before a call noun ("hundreds of conversations", "decenas de llamadas")."""
_PHONE_IN = re.compile(r"[ \t]+(?:" + phrase_alternation(RULES["phone_in"]) + r")(?![\w])")
"""Words right after a calling verb that make it a phone-in to a broadcast ("phoned into a programme")."""
_AUDIENCE_BEFORE = re.compile(
    r"(?<![\w])(?:from|with|to|con|de|a)[ \t]+(?:[\w'’-]+[ \t]+){0,2}?(?:"
    + phrase_alternation(RULES["call_audiences"])
    + r")[ \t]+\Z"
)
"""The group right before a phone phrase: "took questions from citizens by phone", "habló con las tropas por
teléfono"."""


def with_audience(folded: str, end: int) -> bool:
    """A call with a group of people who lead no country ("a video call this afternoon with Kenyan police officers",
    "una videollamada con las tropas"): no leaders' call. A comma or a conjunction before the group ("with Ruto and
    the troops") leaves it a call."""
    return _CALL_AUDIENCE.match(folded, end) is not None


_SO_CALLED = re.compile(r"[ \t]+[«\"“A-ZÁÉÍÓÚÑ]")
"""A Spanish "llamada"/"llamado" before a capitalized name or a quote: "so-called" ("la llamada Declaración de
Ankara", "el llamado «Plan Marshall»"), not a call."""


def _as_written(hit: Hit, text: str) -> bool:
    """A verb of speaking that folds like another word ("dialogo": "dialogó" or "diálogo") only with its written
    accent on the last letter."""
    return hit.phrase not in ACCENTED_TALK or text[hit.end - 1] in "óéÓÉ"


def _longest_per_start(cues: list[Cue]) -> list[Cue]:
    """One cue of a kind per start, the longest: the lexicon also reports "call" inside "a phone call"."""
    kept: dict[tuple[int, str], Cue] = {}
    for cue in cues:
        key = (cue.start, cue.kind)
        if key not in kept or (cue.end, -cue.noun_start) > (kept[key].end, -kept[key].noun_start):
            kept[key] = cue
    return sorted(kept.values(), key=lambda c: (c.start, c.end))
