"""Clauses of a sentence whose topics are not claimed discussed: a clause about another event in a sentence
reporting a call ("hours after Papandreou announced a referendum"), up to a clause end (", and agreed to ..."); a
relative clause set off by a comma that describes a thing named ("the Baltic Pipe, which carries gas"), unless
the call is its antecedent ("a phone call, in which they discussed ..."); the clause that asks or declines to
say ("would not say whether ..."); and a question whether something was discussed that the next sentence, or the
next paragraph of a transcript, answers "No" (:func:`asked_and_denied`).

Every pattern runs once per sentence at most (memoized per article in ``ctx.memo``), and hits are placed by
bisection, so a sentence costs time linear in its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from hotline.extract.calls import CallLayout
from hotline.extract.context import ArticleContext
from hotline.extract.sentences import Sentence
from hotline.extract.topics.hits import TOPIC_RULES, Phrases, TopicHit
from hotline.text import holds_any, phrase_alternation

__all__ = ["Question", "asked_and_denied", "asked_from", "background_relatives", "in_other_clause", "question_in"]

_EXTRA_OPENER = Phrases(TOPIC_RULES["other_clause_extra"])
_OTHER_CLAUSE_END = re.compile("|".join(re.escape(e) for e in TOPIC_RULES["other_clause_ends"]))


def background_relatives(ctx: ArticleContext, sentence: Sentence, starts: list[int]) -> list[tuple[int, int, str]]:
    """The spans of the relative clauses set off by a comma in the sentence, each up to the next comma or clause
    end ("the Baltic Pipe, which carries Norwegian gas to Poland,"): they describe, they do not report; but a
    clause whose antecedent is the call (its cue earlier in the clause, no topic between: "a phone call, in which
    ...") tells the call."""
    spans: list[tuple[int, int, str]] = []
    call_ends: list[int] | None = None
    for match in _RELATIVE_CLAUSE.finditer(ctx.folded, sentence.start, sentence.end):
        if call_ends is None:
            call_ends = sorted(cue.end for cue in ctx.in_sentence("cues", sentence.index))
        k = bisect_left(call_ends, match.start() + 1) - 1  # the last call cue before the comma, in its clause
        if (
            k >= 0
            and _same_clause(ctx, sentence.index, call_ends[k], match.start())
            and bisect_left(starts, call_ends[k]) == bisect_left(starts, match.start())  # no topic between
        ):
            continue  # "una llamada telefónica que ... describieron como tensa, en la que ...": it tells the call
        end = _RELATIVE_END.search(ctx.folded, match.end(), sentence.end)
        spans.append((match.end(), end.start() if end else sentence.end, "relative"))
    return spans


def _same_clause(ctx: ArticleContext, index: int, begin: int, end: int) -> bool:
    """Whether ``[begin, end)`` stays in one clause: no clause mark, but for the commas that set off a participant's
    name in apposition ("una llamada con el presidente de Estados Unidos, Donald Trump, en la que ...")."""
    if _SAME_CLAUSE.fullmatch(ctx.folded, begin, end):
        return True
    if end - begin > _APPOSITION_REACH:
        return False
    gap = ctx.folded[begin:end]
    for hit in reversed(ctx.in_sentence("officials", index)):
        if begin <= hit.start and hit.end <= end:
            gap = gap[: hit.start - begin] + _NAME + gap[hit.end - begin :]
    return _SAME_CLAUSE.fullmatch(_APPOSITION.sub("", gap)) is not None


_NAME = "\x00"
_APPOSITION = re.compile(r",\s*\x00\s*")
_APPOSITION_REACH = 160  # characters from the call cue to the relative's comma, names in apposition included
_RELATIVE_CLAUSE = re.compile(r",\s+(?:" + phrase_alternation(TOPIC_RULES["background_relatives"]) + r")(?![\w])")
_RELATIVE_END = re.compile(r"[,;:]|\.\s")
_SAME_CLAUSE = re.compile(r"[^,;:.]{0,80}")


class Question(NamedTuple):
    start: int
    end: int


_ASKED_BY = re.compile(
    r"(?<![\w])(?:asked|preguntad[oa]s?|consultad[oa]s?)\s+(?:by|por|at|during|in|on|en|durante|ante|tras)\s+"
    r"(?:[\w'’.-]+\s+){1,6}?(?:whether|if|sobre\s+si|si)(?![\w])"
)
"""'Asked by Pobjeda whether ...', 'Preguntado por la prensa si ...', 'Asked during a press conference in Lyon
whether ...', 'Consultado en rueda de prensa si ...': who asked, or where, named between."""
_ASKED_WORDS = ("asked", "pregunt", "consultad")
_ASKED_ABOUT = re.compile(
    r"\s*(?:when\s+)?(?:asked|preguntad[oa]s?|consultad[oa]s?|a\s+preguntas?)\s+(?:about|on|sobre|por|acerca\s+de)"
    r"(?![\w])"
)
"""A sentence opening on the question put to its speaker ("Asked about the US import duties, the Prime Minister said
the subject had not come up"): what it names is asked about, not claimed."""

_WHETHER_FIRST = re.compile(r"[\s\"'“”«»*-]*whether(?![\w])")
"""A sentence whose subject is an open question ("Whether tariffs came up was not disclosed")."""
_ASKED_ASIDE = re.compile(
    r",\s+(?:when\s+)?(?:asked|preguntad[oa]s?|consultad[oa]s?)\s+(?:about|on|sobre|acerca\s+de)(?![\w])"
)
"""The same question set off by commas after the speaker ("A senior official, asked about the US tariff, said the
rate did not come up")."""


def question_in(ctx: ArticleContext, start: int, end: int) -> Question | None:
    """The first cue in ``[start, end)`` that asks or declines to say ("asked whether", "would not say whether",
    "Asked by reporters whether", "Asked by Pobjeda whether"), or None."""
    found = ctx.lex.find("question", start, end)
    asked = _ASKED_BY.search(ctx.folded, start, end) if holds_any(ctx.folded, _ASKED_WORDS, start, end) else None
    asked = asked or _ASKED_ABOUT.match(ctx.folded, start, end) or _WHETHER_FIRST.match(ctx.folded, start, end)
    if asked is None and holds_any(ctx.folded, _ASKED_WORDS, start, end):
        asked = _ASKED_ASIDE.search(ctx.folded, start, end)
    if asked is not None and (found is None or asked.start() < found.start):
        return Question(asked.start(), asked.end())
    return Question(found.start, found.end) if found is not None else None


def asked_from(ctx: ArticleContext, sentence: Sentence, question_start: int) -> int:
    """Where the clause that asks or declines to say begins ("... dealt mainly with trade. A spokesperson would not
    say whether tariffs came up"): what comes before it in the sentence is still claimed."""
    begin = sentence.start
    for match in _CLAUSE_END.finditer(ctx.folded, sentence.start, question_start):
        begin = match.end()
    return begin


_CLAUSE_END = re.compile(r"[.;:?!][\"'”»]?\s")


def in_other_clause(ctx: ArticleContext, layout: CallLayout, index: int, hit: TopicHit) -> bool:
    """In a sentence reporting a call (or an earlier one), a clause opened by "after"/"following" tells of another
    event, up to a clause end ("..., and agreed to ...")."""
    if index not in layout.call_sentences and index not in layout.reference_sentences:
        return False
    cues = ctx.starts_in("cues", index)
    before = bisect_left(cues, hit.start)  # the last cue before the hit, by bisection
    if before == 0 or (ctx.lex.find("other_clause", cues[before - 1], hit.start) is None and not _extra_openers(ctx)):
        return False
    openers, ends = _clauses(ctx, index)
    k = bisect_left(openers, hit.start) - 1  # the last opener before the hit
    if k < 0 or openers[k] < cues[before - 1]:
        return False
    j = bisect_left(ends, hit.start) - 1  # the last clause end before the hit
    return j < 0 or ends[j] < openers[k]


def _extra_openers(ctx: ArticleContext) -> list[int]:
    """Where the article's ``other_clause_extra`` openers start ("on the eve of"), found once per article."""
    extra: list[int] | None = ctx.memo.get("extra_openers")
    if extra is None:
        extra = ctx.memo["extra_openers"] = [m.start() for m in _EXTRA_OPENER.finditer_in(ctx.folded)]
    return extra


def _clauses(ctx: ArticleContext, index: int) -> tuple[list[int], list[int]]:
    """The starts of the clauses about another event ("after", "tras") in sentence ``index`` and of the clause
    ends that close them (``other_clause_ends``), found once per sentence."""
    key = ("other_clauses", index)
    found = ctx.memo.get(key)
    if found is None:
        sentence = ctx.sentences[index]
        openers = [h.start for h in ctx.lex.within("other_clause", sentence.start, sentence.end)]
        extra = _extra_openers(ctx)
        openers = sorted(openers + extra[bisect_left(extra, sentence.start) : bisect_left(extra, sentence.end)])
        ends = [m.start() for m in _OTHER_CLAUSE_END.finditer(ctx.folded, sentence.start, sentence.end)]
        found = ctx.memo[key] = (openers, ends)
    return found


_ASKS_DISCUSSED = re.compile(r"(?<![\w])(?:" + phrase_alternation(TOPIC_RULES["asked_discussed"]) + r")(?![\w])")
_ANSWER_NO = re.compile(r"[\s\"'“”«»*-]*(?:[^\s:.?!][^:.?!\n]{0,60}:\s*)?no\s*[,.!]")
"""An answer that opens on a bare "No", after its speaker's label in a transcript ("PRESIDENTA: No, de eso no
hablamos.")."""
_ANSWER_REACH = 3  # sentences after a question looked at for its answer: the next one, or the next paragraph's first


def _is_question(sentence: Sentence) -> bool:
    return sentence.text.rstrip(" \"'”»)").endswith("?")


_POINTING = re.compile(r"(?<![\w])(?:" + phrase_alternation(TOPIC_RULES["pointing_pronouns"]) + r")(?![\w])")
"""A pronoun of a question that points back at the sentence before it ("Did that come up?", "¿Hablaron de eso?")."""


def asked_and_denied(ctx: ArticleContext, index: int, hits: list[TopicHit]) -> list[TopicHit]:
    """ "HOST: Did the citizenship programme come up?" answered "No, no. We did not discuss ...", "¿Hablaron de los
    aranceles?" answered "No, de eso no hablamos": the topics of a question whether something was discussed, which
    the next sentence or the next paragraph (a transcript's answer) answers "No", were not discussed; so are those of
    the sentence right before a question that points back at it ("China has also offered help. Did that come up
    when you spoke?")."""
    sentence = ctx.sentences[index]
    if not hits:
        return []
    if not _is_question(sentence):  # "China has also offered help. Did that come up when you spoke?"
        sentence = ctx.sentences[index + 1] if index + 1 < len(ctx.sentences) else sentence
        if not (
            sentence.paragraph == ctx.sentences[index].paragraph
            and _is_question(sentence)
            and _POINTING.search(ctx.folded, sentence.start, sentence.end)
        ):
            return []
        index = sentence.index
    following = ctx.sentences[index + 1 : index + 1 + _ANSWER_REACH]
    answers = following[:1] + [s for s in following if s.paragraph != sentence.paragraph][:1]
    if not any(_ANSWER_NO.match(ctx.folded, a.start, a.end) for a in answers):
        return []
    asks = ctx.lex.find("discussion", sentence.start, sentence.end) or _ASKS_DISCUSSED.search(
        ctx.folded, sentence.start, sentence.end
    )
    return hits if asks is not None else []
