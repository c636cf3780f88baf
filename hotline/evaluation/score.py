"""Match the warehouse's facts to the gold labels and count, field by field.

Units of scoring (``tests/eval/README.md`` says the same for labelers):

* **calls**: a gold *held* call of an article against the article's held call mentions; a pair matches when at
  least one participant is the same person (so a wrong second participant shows in the participants field);
* **dates, duration, sequence, initiator**: on the matched calls; a system day-precision date where the text
  gives none is *invented*; **date bounds** (a call without a day: "over the weekend", "said on Monday that they
  had spoken") are right when the gold bounds contain the system's;
* **topics**: per gold call group (the same call told by several articles), against the system calls its
  mentions were matched to; a discussed/not-discussed flip or a declined answer read as a negation is a
  *negation error*;
* **officials, trade measures**: the marts tie them to calls, so both sides are pooled over the articles a
  system call joins (one article alone when no call joins it); trade measures are read by article
  (``fct_trade_measure_mentions``: every measure an article states, tied to a call or not) when the marts have it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from hotline.evaluation.across import score_grouping, score_pooled, score_published
from hotline.evaluation.counts import FIELDS, Evaluation, plain, score_value
from hotline.evaluation.gold import GoldCall, GoldCorpus
from hotline.evaluation.names import same_person
from hotline.evaluation.system import SystemFacts, SystemMention

__all__ = ["FIELDS", "Evaluation", "evaluate"]


def evaluate(gold: GoldCorpus, system: SystemFacts) -> Evaluation:
    result = Evaluation()
    for name in FIELDS:
        result.count(name)
    matches = _score_calls(gold, system, result)
    _score_topics(gold, system, matches, result)
    score_grouping(gold, matches, result)
    score_pooled(gold, system, result)
    score_published(gold, system, result)
    return result


def _overlap(call: GoldCall, mention: SystemMention) -> int:
    names = [p.name for p in mention.participants]
    return sum(any(same_person(gold, name) for name in names) for gold in call.participants)


def _score_calls(gold: GoldCorpus, system: SystemFacts, result: Evaluation) -> dict[str, SystemMention]:
    """Match held calls per article; score detection, participants and the call's attributes."""
    matches: dict[str, SystemMention] = {}
    detection = result.count("call detection")
    group_values = _group_values(gold)
    invented_from_no_call = 0
    for article in gold.articles.values():
        mentions = system.mentions_of(article.file)
        held = [m for m in mentions if m.is_held]
        candidates = sorted(
            (
                (_overlap(call, mention), call.date is not None and call.date == mention.call_date, -i, -j)
                for i, call in enumerate(article.held_calls)
                for j, mention in enumerate(held)
            ),
            reverse=True,
        )
        used_calls: set[int] = set()
        used_mentions: set[int] = set()
        for overlap, _same_date, minus_i, minus_j in candidates:
            i, j = -minus_i, -minus_j
            if overlap == 0 or i in used_calls or j in used_mentions:
                continue
            used_calls.add(i)
            used_mentions.add(j)
            matches[article.held_calls[i].key] = held[j]
        for i, call in enumerate(article.held_calls):
            if i in used_calls:
                detection.tp += 1
                _score_attributes(call, matches[call.key], result, group_values.get(call.group, {}))
            else:
                detection.fn += 1
                result.error(
                    "call detection",
                    article.file,
                    call.participants,
                    None,
                    kind="missed call",
                    reported=call.reported,
                    date=plain(call.date),
                )
        for j, mention in enumerate(held):
            if j in used_mentions:
                continue
            detection.fp += 1
            if not article.held_calls:
                invented_from_no_call += 1
            not_held = [c for c in article.calls if not c.is_held and _overlap(c, mention) == 2]
            kind = f"a {not_held[0].status} call counted as held" if not_held else "call not in the text"
            result.error(
                "call detection",
                article.file,
                None,
                [p.name for p in mention.participants],
                kind=kind,
                evidence=mention.evidence,
            )
        _score_not_held(article.calls, mentions, article.file, result)
    result.tallies["articles"] = len(gold.articles)
    result.tallies["articles without a held call"] = sum(not a.held_calls for a in gold.articles.values())
    result.tallies["calls invented from no-call articles"] = invented_from_no_call
    return matches


def _score_not_held(calls: Iterable[GoldCall], mentions: list[SystemMention], article: str, result: Evaluation) -> None:
    count = result.count("non-held calls flagged")
    flagged = [m for m in mentions if not m.is_held]
    used: set[int] = set()
    for call in calls:
        if call.is_held:
            continue
        hit = next((j for j, m in enumerate(flagged) if j not in used and _overlap(call, m) == 2), None)
        if hit is None:
            count.fn += 1
            result.error("non-held calls flagged", article, f"{call.status}: {call.participants}", None)
        else:
            used.add(hit)
            count.tp += 1
    for j, mention in enumerate(flagged):
        if j not in used:
            count.fp += 1
            got = f"{mention.status}: {tuple(p.name for p in mention.participants)}"
            result.error("non-held calls flagged", article, None, got, kind="extra", evidence=mention.evidence)


def _group_values(gold: GoldCorpus) -> dict[str, dict[str, set[Any]]]:
    """What the articles of each same-call group give the call: its days ("date"), durations, sequence numbers and
    initiators."""
    values: dict[str, dict[str, set[Any]]] = defaultdict(lambda: defaultdict(set))
    for article in gold.articles.values():
        for call in article.held_calls:
            if call.date is not None and call.date_precision == "day":
                values[call.group]["date"].add(call.date)
            if call.duration_minutes is not None:
                values[call.group]["duration"].add(call.duration_minutes)
            if call.sequence_number is not None:
                values[call.group]["sequence"].add(call.sequence_number)
            if call.initiator is not None:
                values[call.group]["initiator"].add(call.initiator)
    return values


def _score_attributes(
    call: GoldCall, mention: SystemMention, result: Evaluation, group_values: dict[str, set[Any]]
) -> None:
    """``group_values``: what the articles of the same call give it (days, durations, sequence numbers,
    initiators). The system's date, duration, sequence and initiator are the call's (the marts'), so an article that
    gives none of its own carries those of the articles it was merged with: a value the other articles give is
    neither scored nor invented (tallied apart)."""
    article = call.article
    names = [p.name for p in mention.participants]
    participants = result.count("participants")
    found = [g for g in call.participants if any(same_person(g, n) for n in names)]
    extra = [n for n in names if not any(same_person(g, n) for g in call.participants)]
    participants.tp += len(found)
    participants.fn += len(call.participants) - len(found)
    participants.fp += len(extra)
    if extra or len(found) < len(call.participants):
        result.error("participants", article, call.participants, names, evidence=mention.evidence)

    dates = result.count("call date exact")
    system_day = mention.call_date if mention.date_precision == "day" else None
    how = {"date_how": mention.date_how, "evidence": mention.evidence, "note": call.date_note}
    from_other_article = call.date is None and system_day is not None and group_values.get("date") == {system_day}
    if call.date is not None and call.date_precision == "day":
        if system_day == call.date:
            dates.tp += 1
        else:
            dates.fn += 1
            if system_day is not None:
                dates.fp += 1
            kind = "wrong date" if system_day else "date not found"
            result.error("call date exact", article, call.date, system_day, kind=kind, **how)
    elif from_other_article:
        result.tally("dates from another article of the call")
    elif system_day is not None:
        dates.fp += 1
        result.tally("invented dates")
        result.error("call date exact", article, None, system_day, kind="invented date", **how)
    precision = result.count("date precision")
    if from_other_article:
        pass
    elif (mention.date_precision or "unknown") == call.date_precision:
        precision.tp += 1
    else:
        precision.fp += 1
        precision.fn += 1
        result.error("date precision", article, call.date_precision, mention.date_precision, **how)

    if not (from_other_article and _within(system_day, system_day, call.date_earliest, call.date_latest)):
        _score_bounds(call, mention, result, how)  # a day carried from another article, inside the bounds: neutral
    for name, expected, got in (
        ("duration", call.duration_minutes, mention.duration_minutes),
        ("sequence", call.sequence_number, mention.sequence_number),
    ):
        if expected is None and got is not None and group_values.get(name) == {got}:
            result.tally(f"{name}s from another article of the call")  # carried by the merge, as dates are
            continue
        score_value(result, name, article, expected, got, expected == got)
    others = group_values.get("initiator", set())
    if call.initiator is None and mention.initiator and len(others) == 1 and same_person(*others, mention.initiator):
        result.tally("initiators from another article of the call")
        return
    score_value(
        result,
        "initiator",
        article,
        call.initiator,
        mention.initiator,
        bool(call.initiator and mention.initiator and same_person(call.initiator, mention.initiator)),
    )


def _score_bounds(call: GoldCall, mention: SystemMention, result: Evaluation, how: dict[str, Any]) -> None:
    """Bounds the gold gives (a range, no day) against the system's: right when the gold range contains them.
    System bounds where the gold has none count against only when they exclude the gold's day."""
    count = result.count("date bounds")
    gold = (call.date_earliest, call.date_latest)
    got = (mention.call_date_earliest, mention.call_date_latest)
    expected, found = gold != (None, None), got != (None, None)
    if not expected:
        day = call.date
        if found and (day is None or not _within(day, day, *got)):
            count.fp += 1
            result.error("date bounds", call.article, None, got, kind="bounds where the text gives none", **how)
        return
    if found and _within(got[0], got[1], *gold):
        count.tp += 1
        return
    count.fn += 1
    count.fp += found
    result.error("date bounds", call.article, gold, got if found else None, **how)


def _within(first: dt.date | None, last: dt.date | None, lower: dt.date | None, upper: dt.date | None) -> bool:
    """Whether [first, last] lies inside [lower, upper] (an open end of the outer range holds anything)."""
    return (lower is None or (first is not None and lower <= first)) and (
        upper is None or (last is not None and last <= upper)
    )


def _score_topics(gold: GoldCorpus, system: SystemFacts, matches: dict[str, SystemMention], result: Evaluation) -> None:
    groups: dict[str, list[GoldCall]] = defaultdict(list)
    for call in gold.calls():
        if call.is_held:
            groups[call.group].append(call)
    discussed, negated = result.count("topics discussed"), result.count("topics not discussed")
    negation_errors = 0
    scored_calls: set[str] = set()
    for group, calls in groups.items():
        gold_yes = frozenset().union(*(c.topics_discussed for c in calls))
        gold_no = frozenset().union(*(c.topics_not_discussed for c in calls)) - gold_yes
        unclear = frozenset().union(*(c.topics_unclear for c in calls)) - gold_yes - gold_no
        call_ids = {matches[c.key].call_id for c in calls if c.key in matches}
        scored_calls |= call_ids
        topics = [t for call_id in sorted(call_ids) for t in system.topics.get(call_id, [])]
        sys_no = {t.code for t in topics if t.status == "not_discussed"}
        sys_yes = {t.code for t in topics if t.status == "discussed"} - sys_no
        evidence = {t.code: t.evidence for t in topics}
        where = calls[0].article
        for count, expected, got, label in (
            (discussed, gold_yes, sys_yes, "topics discussed"),
            (negated, gold_no, sys_no, "topics not discussed"),
        ):
            count.tp += len(expected & got)
            count.fn += len(expected - got)
            count.fp += len(got - expected)
            for code in sorted(expected - got):
                result.error(label, where, code, None, kind="missed", group=group)
            for code in sorted(got - expected):
                result.error(label, where, None, code, kind="extra", group=group, evidence=evidence.get(code))
        flips = (gold_no & sys_yes) | (gold_yes & sys_no) | (unclear & sys_no)
        negation_errors += len(flips)
        for code in sorted(flips):
            result.error("negation error", where, code, "flipped", group=group, evidence=evidence.get(code))
    for call_id in sorted({m.call_id for m in system.mentions if m.is_held} - scored_calls):
        for topic in system.topics.get(call_id, []):
            (discussed if topic.status == "discussed" else negated).fp += 1
    result.tallies["negation errors"] = negation_errors
