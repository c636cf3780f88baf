"""Tie a measure to a call only where the text ties it; otherwise it stays context of the article.

A measure is tied to a call (``mention_id`` set) that took place when:

* ``discussed_on_call``: its sentence reports the call or tells what was discussed on it (a sentence the topic
  extractor read as about the call), unless that sentence says the subject did *not* come up; or the call's
  sentences name the measure's sector as discussed ("conditions for the steel and aluminum industries");
* ``after_call``: its sentence places it after the call ("a day after the call", "tras la llamada").

Any other measure (background, history, another event) keeps ``mention_id`` None: the marts list it with its
article (``fct_trade_measure_mentions``), not as in play on a call.
"""

from __future__ import annotations

from dataclasses import replace

from hotline.extract.calls import CallLayout
from hotline.extract.context import ArticleContext
from hotline.extract.trade import rules as r
from hotline.facts import CallMention, TopicFact, TradeMeasureFact

DISCUSSED = "discussed_on_call"
AFTER_CALL = "after_call"


def link_to_calls(
    measures: list[TradeMeasureFact], ctx: ArticleContext, layout: CallLayout, topics: list[TopicFact]
) -> list[TradeMeasureFact]:
    """``measures`` with ``mention_id`` and ``call_link`` set where the text ties them to a held call."""
    held = {m.mention_id: m for m in layout.mentions() if not m.is_planned}
    if not held or not measures:
        return measures
    discussed: dict[int, set[str]] = {}
    negated: dict[int, set[str]] = {}
    for topic in topics:
        bucket = discussed if topic.status == "discussed" else negated
        bucket.setdefault(topic.evidence.sentence_index, set()).add(topic.mention_id)
    about = (
        set(layout.call_sentences)
        | set(layout.reference_sentences)
        | set(layout.other_reported_sentences)
        | set(discussed)
    )
    not_touched = {index for index in negated if index not in discussed}  # "no se habló de los aranceles"
    sectors_on_call: set[str] | None = None  # read only when a measure needs it
    linked = []
    for measure in measures:
        index = measure.evidence.sentence_index
        call = _held_call(layout, index, held)
        sentence = ctx.sentences[index]
        after = r.AFTER_CALL.search(ctx.folded, sentence.start, sentence.end)
        link, how = None, ""
        if index in not_touched:
            pass
        elif after is not None and layout.reported is not None and layout.reported.mention_id in held:
            call = held[layout.reported.mention_id]
            link, how = AFTER_CALL, f"after the call ('{ctx.text[after.start() : after.end()]}')"
        elif call is not None and index in about:
            link, how = DISCUSSED, "in a sentence about the call"
        elif call is not None and measure.sector is not None:
            if sectors_on_call is None:
                sectors_on_call = _sectors_discussed(ctx, about - not_touched)
            if measure.sector in sectors_on_call:
                link, how = DISCUSSED, f"its sector ({measure.sector}) said to be discussed on the call"
        if link is None or call is None:
            linked.append(measure)
            continue
        evidence = replace(measure.evidence, how=f"{measure.evidence.how}; tied to the call: {how}")
        linked.append(replace(measure, mention_id=call.mention_id, call_link=link, evidence=evidence))
    return linked


def _held_call(layout: CallLayout, index: int, held: dict[str, CallMention]) -> CallMention | None:
    call = layout.call_of(index)
    return held.get(call.mention_id) if call is not None else None


def _sectors_discussed(ctx: ArticleContext, sentences: set[int]) -> set[str]:
    found: set[str] = set()
    for index in sentences:
        sentence = ctx.sentences[index]
        if not ctx.lex.may_match("sector", ctx.folded, sentence.start, sentence.end):
            continue  # no sector word in the sentence: not searched
        found.update(str(v) for _, _, v in r.SECTORS.finditer(ctx.folded, sentence.start, sentence.end) if v)
    return found
