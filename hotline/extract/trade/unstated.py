"""Where a sentence names a measure without stating it: as what a call did not take up ("the two leaders did not
discuss U.S. tariffs", "no se trató el tema de los aranceles") or as what a question asks about ("Asked whether they
talked about the tariffs, ...", "Did you discuss the American tariffs?"). The labels leave such a measure out: the
sentence says what was (not) talked about, not what is in force.

The negation scopes are the topics' (:func:`hotline.extract.topics.negation.negation_scopes`), so one reading of
"not discussed" serves both; a question counts only when a discussion verb stands in it, so "Will the tariffs hurt
exporters?" still states the tariffs.
"""

from __future__ import annotations

import re

from hotline.extract.context import ArticleContext
from hotline.extract.topics.clauses import question_in
from hotline.extract.topics.negation import negation_scopes
from hotline.extract.trade.rules import DEAL_CUTS, RATE_MARKS

_QUESTION_END = re.compile(r"\?[\"'”»)]*\s*\Z")
_CLAUSE_END = re.compile(r"[,;:]\s")
_TALKED = re.compile(
    r"(?<![\w])se\s+(?:hablo|hablaron|trato|trataron|abordo|abordaron|toco|tocaron|discutio|discutieron)(?![\w])"
)
"""The impersonal "se habló de", "se abordaron" in a question ("no precisó si se habló de ...")."""
_STATES = re.compile(r"(?<![\w])(?<!pese a )(?<!debido a )(?<!ya )(?<!so )(?<!now )(?:que|which|that)(?![\w])")
"""A relative pronoun, not one of a conjunction ("pese a que", "ya que", "so that")."""


def unstated_spans(ctx: ArticleContext, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the sentence ``[start, end)`` in which a measure is named only as a topic not taken up or
    asked about."""
    spans = [(lo, _past_abbreviation(ctx.folded, hi, end)) for lo, hi, _ in negation_scopes(ctx, start, end)[0]]
    question = question_in(ctx, start, end)
    if question is not None:
        stop = _CLAUSE_END.search(ctx.folded, question.end, end)
        hi = stop.start() if stop else end
        talked = ctx.lex.find("discussion", question.start, hi) or _TALKED.search(ctx.folded, question.start, hi)
        if talked is not None:
            spans.append((question.start, hi))  # "Consultado sobre si hablaron de los aranceles, ..."
    if _QUESTION_END.search(ctx.folded, start, end):
        talk = ctx.lex.find("discussion", start, end)
        if talk is not None:
            spans.append((talk.start, end))  # "Did you and Mr Luxon discuss the American tariffs?"
    return spans


def deal_spans(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the sentence ``[start, end)`` in which a trade agreement cuts duties between its parties ("the
    deal is expected to remove duties on most goods"): from the verb to the clause's end. A deal's cuts are no
    measure the labels count."""
    spans = []
    for found in DEAL_CUTS.finditer(folded, start, end):
        stop = _DEAL_STOP.search(folded, found.end(), end)
        spans.append((found.end(), stop.start() if stop else end))
    return spans


_DEAL_STOP = re.compile(r"[;:]|,\s")


def cut_by_deal(ctx: ArticleContext, spans: list[tuple[int, int]], offset: int) -> bool:
    """The measure at ``offset`` is one of the duties a deal cuts (a span of :func:`deal_spans`), not one party's
    own measure the deal cuts ("the agreement that will cut the US tariff on Swiss goods": a party's name stands
    between the verb and the measure)."""
    return any(lo <= offset < hi and not ctx.reference_hits.within("place", lo, offset) for lo, hi in spans)


def _past_abbreviation(folded: str, stop: int, end: int) -> int:
    """A scope that stops at ". " inside a sentence stopped at an abbreviation ("did not discuss the U.S. tariffs"):
    it runs on to the clause's end."""
    if not folded.startswith(". ", stop) or stop + 2 >= end:
        return stop
    found = _CLAUSE_END.search(folded, stop + 2, end)
    return found.start() if found else end


def bare(folded: str, spans: list[tuple[int, int]], offset: int) -> bool:
    """The measure at ``offset`` is named in an unstated span and nothing there states it: no relative clause or
    rate after it ("no se habló de los aranceles que México anunció el lunes", "did not mention the EU's sanctions
    against Russia, which come up for renewal": the relative clause states the measure)."""
    for lo, hi in spans:
        if lo <= offset < hi:
            return not (_STATES.search(folded, offset, hi) or any(folded.find(m, lo, hi) >= 0 for m in RATE_MARKS))
    return False
