"""Everything the extractors share about one article, computed once: folded text, sentences, dates, officials,
call cues. Each compiled pattern runs once over the whole text; hits are then bucketed by sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from hotline.extract.call_status import VOCABULARIES as STATUS_VOCABULARIES
from hotline.extract.dates import DATE_WORDS, DateExpr, find_dates_from_words
from hotline.extract.lexicon import Hit, Lexicon, LexiconHits
from hotline.extract.officials import OfficialHit, find_officials, reference_vocabularies
from hotline.extract.published import dateline_spans
from hotline.extract.rules import load_rules
from hotline.extract.sentences import Sentence, split_sentences
from hotline.facts import Article, Evidence
from hotline.reference import Reference
from hotline.text import fold_text, phrase_alternation, phrase_variants

RULES: dict[str, Any] = load_rules("calls")
TOPIC_RULES: dict[str, Any] = load_rules("topics")
"""The topic rules (rules/topics.yaml): the call's passage and the negation of a topic."""

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

# Every cue vocabulary of rules/calls.yaml and rules/topics.yaml, matched in one pass with the reference's
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


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    kind: str  # phone | noun | talk | planned
    earlier: bool = False
    noun_start: int = 0
    calls_a_pronoun: bool = False  # "called her", "la llamó": the other side is a pronoun (pairs.pronoun_object)


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
        _find_cues(folded, text, context.lex) + _called_a_leader(context) + _called_a_pronoun(context),
        key=lambda c: (c.start, c.end),
    )
    context._starts = [s.start for s in sentences]
    for kind, items in (("dates", context.dates), ("officials", context.officials), ("cues", context.cues)):
        buckets: dict[int, list[Any]] = defaultdict(list)
        for item in items:
            buckets[context.sentence_of(item.start)].append(item)
        context.by_sentence[kind] = buckets
    return context


_GAP_WORD = re.compile(r"[\w'’.-]+")
_CALLED_MAX_GAP = int(RULES["called_max_gap_words"])
_CALLED_LINKS = frozenset(RULES["called_links"])
_POSSESSIVE = re.compile(r"['’]s?(?![\w])")
"""A name in the possessive is no one called ("called the German chancellor's move a ...")."""
_SUBJECT_BEFORE = re.compile(r"[ \t]+(?:[\w'’.-]+[ \t]+){0,3}")
"""The words between a passive calling verb and the name before it, its subject ("Carney on Monday was called by")."""
_CALLED_MAX_CHARS = 16 * _CALLED_MAX_GAP
_CALLED_STOP = re.compile(r"(?:[;:()\x22“”\n]|(?<![\w])(?:" + phrase_alternation(RULES["called_stops"]) + r")(?![\w]))")
_NAMING = re.compile(
    r"\s*(?:(?:" + "|".join(re.escape(w) for w in RULES["naming_after"] if w[0].isalpha()) + r")(?![\w])"
    r"(?!\s+(?:" + phrase_alternation(RULES["naming_times"]) + r")(?![\w]))"  # "called X the day after": a time
    r"|[" + "".join(re.escape(w) for w in RULES["naming_after"] if not w[0].isalpha()) + r"]"
    r"(?!\s*(?:" + phrase_alternation(RULES["quoted_when"]) + r")(?![\w])))"  # not 'call Zelensky "in the coming days"'
)
"""What follows a name that is called something ("called Sheinbaum a great leader", 'called Trudeau "Governor"')."""


def _called_a_leader(ctx: ArticleContext) -> list[Cue]:
    """ "Trump called Sheinbaum on Monday", "Merkel called Russian Prime Minister Vladimir Putin", "Chávez llamó
    en la noche del miércoles a su homólogo colombiano, Juan Manuel Santos": a phone call, when the next name after
    the calling verb is reached through words that only time, link or title it (a date, "a su homólogo", a
    country, a capitalized title) and no naming phrase follows the name ("called Sheinbaum a great leader",
    "called the tariffs unjustified, Sheinbaum said" is no call)."""
    folded, officials = ctx.folded, ctx.officials
    order = [hit.start for hit in officials]  # officials are in text order
    date_starts = [d.start for d in ctx.dates]
    country_words = ctx.reference.country_words
    cues = []
    passive = ctx.lex.all("passive_call")
    for verb in (
        sorted([*ctx.lex.all("call_verb"), *passive], key=lambda h: h.start) if passive else ctx.lex.all("call_verb")
    ):
        i = bisect_left(order, verb.end)
        if i == len(officials) or (
            verb in passive and not (i and _SUBJECT_BEFORE.fullmatch(folded, officials[i - 1].end, verb.start))
        ):
            continue  # "Carney was called by Starmer": the passive's subject right before it, or no leaders' call
        named = officials[i]
        if named.start - verb.end > _CALLED_MAX_CHARS:
            continue  # too far for a name the verb calls; and no long slice per verb
        gap = folded[verb.end : named.start]
        if not gap or not gap[0].isspace() or _NAMING.match(folded, named.end) or _POSSESSIVE.match(folded, named.end):
            continue
        words = list(_GAP_WORD.finditer(folded, verb.end, named.start))
        if len(words) > _CALLED_MAX_GAP or _CALLED_STOP.search(gap):
            continue
        j = bisect_left(date_starts, verb.end)
        dated = [(d.start, d.end) for d in ctx.dates[j : j + 3] if d.end <= named.start]
        if all(
            w.group() in _CALLED_LINKS
            or w.group().strip(".,") in country_words
            or ctx.text[w.start()].isupper()
            or any(a <= w.start() < b for a, b in dated)
            for w in words
        ):
            cues.append(Cue(verb.start, named.end, "phone", noun_start=verb.start))
    return cues


_PRONOUN_AFTER = re.compile(r"[ \t]+(?:" + phrase_alternation(RULES["called_pronouns_after"]) + r")(?![\w])")
_RELATIVE_BEFORE = re.compile(r"(?<![\w])(?:quien|que|who|which)[ \t]+\Z")
"""A relative pronoun before the verb ("Peña, quien lo llamó"): the clause restates a call its sentence tells."""
_PRONOUN_BEFORE = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["called_pronouns_before"]) + r")[ \t]+\Z")


def _called_a_pronoun(ctx: ArticleContext) -> list[Cue]:
    """ "Boko called her on Monday", "Boko la llamó el lunes": a call whose other side is a pronoun (see
    :func:`hotline.extract.pairs.pronoun_object`), unless a naming phrase follows ("called him a liar")."""
    cues = []
    for verb in ctx.lex.all("call_verb"):
        after = _PRONOUN_AFTER.match(ctx.folded, verb.end)
        relative = _RELATIVE_BEFORE.search(ctx.folded, max(0, verb.start - 8), verb.start)
        if after is not None and not relative and not _NAMING.match(ctx.folded, after.end()):
            cues.append(Cue(verb.start, after.end(), "phone", noun_start=verb.start, calls_a_pronoun=True))
        elif (before := _PRONOUN_BEFORE.search(ctx.folded, max(0, verb.start - 4), verb.start)) is not None and not (
            _RELATIVE_BEFORE.search(ctx.folded, max(0, before.start() - 8), before.start())
        ):
            cues.append(Cue(before.start(), verb.end, "phone", noun_start=before.start(), calls_a_pronoun=True))
    return cues


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
