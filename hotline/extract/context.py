"""Everything the extractors share about one article, computed once: folded text, sentences, dates, officials,
call cues. Each compiled pattern runs once over the whole text; hits are then bucketed by sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from hotline.extract.dates import DateExpr, find_dates
from hotline.extract.officials import OfficialHit, find_officials
from hotline.extract.rules import load_rules
from hotline.extract.sentences import Sentence, split_sentences
from hotline.extract.text import compile_phrases, fold_text, phrase_pattern
from hotline.facts import Article, Evidence
from hotline.reference import Reference

RULES: dict[str, Any] = load_rules("calls")


def _inner(phrases: list[str]) -> str:
    return phrase_pattern(phrases)[len("(?<![\\w])") : -len("(?![\\w])")]


PHONE_CUE = compile_phrases(RULES["phone_cues"])
# A call noun ("call", "llamada") not used as a verb: found first (one cheap pass), then confirmed by a
# determiner at most three words before it, on the same line ("a Jan. 12 call", "la llamada").
CALL_NOUN = re.compile(
    r"(?<![\w])(?:" + _inner(RULES["call_nouns"]) + r")(?![\w])"
    r"(?!\s+(?:" + _inner(RULES["not_call_after"]) + r")(?![\w]))"
)
CALL_DETERMINER = re.compile(
    r"(?<![\w])(?:" + _inner(RULES["call_determiners"]) + r")[ \t]+(?:[\w.,'-]+[ \t]+){0,3}?\Z"
)
CALL_WITH = re.compile(r"(?<![\w])(?:in|on|during)\s+(?:the\s+)?call\s+with(?![\w])")
TALK_VERB = compile_phrases(RULES["talk_verbs"])
PLANNED = compile_phrases(RULES["planned_cues"])
FUTURE = compile_phrases([*RULES["planned_cues"], *RULES["future_markers"]])
DISCUSSION = compile_phrases(RULES["discussion_cues"])
QUESTION = compile_phrases(RULES["question_cues"])
OTHER_EVENT = compile_phrases(RULES["other_event_nouns"])
OTHER_CLAUSE = compile_phrases(RULES["other_clause_openers"])
EARLIER = compile_phrases(RULES["earlier_call_markers"])
SPEECH = compile_phrases(RULES["speech_verbs"])


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    kind: str  # phone | noun | talk | planned
    earlier: bool = False
    noun_start: int = 0


@dataclass
class ArticleContext:
    article: Article
    reference: Reference
    text: str
    folded: str
    sentences: list[Sentence]
    dates: list[DateExpr]
    officials: list[OfficialHit]
    cues: list[Cue]
    _starts: list[int] = field(default_factory=list)
    by_sentence: dict[str, dict[int, list[Any]]] = field(default_factory=dict)

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def in_sentence(self, kind: str, index: int) -> list[Any]:
        return self.by_sentence[kind].get(index, [])

    def evidence(self, index: int, how: str | None = None) -> Evidence:
        s = self.sentences[index]
        return Evidence(self.article.article_id, s.index, s.text, s.start, s.end, how)


def build_context(article: Article, reference: Reference) -> ArticleContext:
    text = article.text
    folded = fold_text(text)
    sentences = split_sentences(text)
    context = ArticleContext(
        article=article,
        reference=reference,
        text=text,
        folded=folded,
        sentences=sentences,
        dates=find_dates(folded, text),
        officials=find_officials(text, folded, reference, article.published_date),
        cues=_find_cues(folded),
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


def _find_cues(folded: str) -> list[Cue]:
    cues = [Cue(m.start(), m.end(), "phone", noun_start=m.start()) for m in PHONE_CUE.finditer(folded)]
    for noun in CALL_NOUN.finditer(folded):
        det = _closest_determiner(folded, noun.start())
        if det is not None:
            earlier = bool(EARLIER.search(folded, det.start(), noun.start()))
            cues.append(Cue(det.start(), noun.end(), "noun", earlier, noun.start()))
    cues += [Cue(m.start(), m.end(), "noun", noun_start=m.start()) for m in CALL_WITH.finditer(folded)]
    cues += [Cue(m.start(), m.end(), "talk", noun_start=m.start()) for m in TALK_VERB.finditer(folded)]
    cues += [Cue(m.start(), m.end(), "planned", noun_start=m.start()) for m in PLANNED.finditer(folded)]
    cues.sort(key=lambda c: (c.start, c.end))
    return cues
