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
from dataclasses import dataclass, field
from typing import Any

from hotline.evaluation.gold import GoldCall, GoldCorpus
from hotline.evaluation.names import same_person
from hotline.evaluation.system import SystemFacts, SystemMention


@dataclass
class Count:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    fields: dict[str, Count] = field(default_factory=dict)
    tallies: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def count(self, name: str) -> Count:
        return self.fields.setdefault(name, Count())

    def tally(self, name: str) -> None:
        """One more of ``name`` ("invented dates", "dates from another article of the call", ...)."""
        self.tallies[name] = self.tallies.get(name, 0) + 1

    def error(self, field_name: str, article: str, expected: Any, got: Any, **more: Any) -> None:
        self.errors.append(
            {"field": field_name, "article": article, "expected": _plain(expected), "got": _plain(got)} | more
        )

    def scores(self) -> dict[str, dict[str, float | int | None]]:
        return {
            name: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1}
            for name, c in self.fields.items()
        }


# The fields in the order the table prints them.
FIELDS = (
    "call detection",
    "participants",
    "call date exact",
    "date precision",
    "date bounds",
    "duration",
    "sequence",
    "initiator",
    "non-held calls flagged",
    "topics discussed",
    "topics not discussed",
    "officials",
    "official country",
    "official role",
    "trade measures",
    "trade measure status",
    "published date",
)


def evaluate(gold: GoldCorpus, system: SystemFacts) -> Evaluation:
    result = Evaluation()
    for name in FIELDS:
        result.count(name)
    matches = _score_calls(gold, system, result)
    _score_topics(gold, system, matches, result)
    _score_grouping(gold, matches, result)
    _score_pooled(gold, system, result)
    _score_published(gold, system, result)
    return result


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=str)
    return value


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
                    date=_plain(call.date),
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
        _score_value(result, name, article, expected, got, expected == got)
    others = group_values.get("initiator", set())
    if call.initiator is None and mention.initiator and len(others) == 1 and same_person(*others, mention.initiator):
        result.tally("initiators from another article of the call")
        return
    _score_value(
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


def _score_value(result: Evaluation, name: str, article: str, expected: Any, got: Any, same: bool) -> None:
    count = result.count(name)
    if expected is None and got is None:
        return
    if same:
        count.tp += 1
        return
    count.fn += expected is not None
    count.fp += got is not None
    result.error(name, article, expected, got)


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


def _score_grouping(gold: GoldCorpus, matches: dict[str, SystemMention], result: Evaluation) -> None:
    groups: dict[str, list[GoldCall]] = defaultdict(list)
    for call in gold.calls():
        if call.is_held:
            groups[call.group].append(call)
    multi = {g: calls for g, calls in groups.items() if len({c.article for c in calls}) >= 2}
    merged = 0
    for group, calls in sorted(multi.items()):
        ids = {matches[c.key].call_id if c.key in matches else f"missing:{c.key}" for c in calls}
        if len(ids) == 1:
            merged += 1
        else:
            result.error(
                "same-call grouping",
                calls[0].article,
                group,
                f"{len(ids)} calls",
                articles=sorted({c.article for c in calls}),
            )
    by_call: dict[str, set[str]] = defaultdict(set)
    for call in gold.calls():
        if call.key in matches:
            by_call[matches[call.key].call_id].add(call.group)
    wrong = 0
    for call_id, names in sorted(by_call.items()):
        if len(names) > 1:
            wrong += len(names) - 1
            result.error("same-call grouping", "", sorted(names), call_id, kind="different calls merged")
    result.tallies["same-call groups"] = len(multi)
    result.tallies["same-call groups merged"] = merged
    result.tallies["different calls merged"] = wrong


def _components(gold: GoldCorpus, system: SystemFacts) -> list[tuple[set[str], set[str]]]:
    """Groups of articles joined by a shared system call, each with its call ids."""
    parent = {name: name for name in gold.articles}

    def find(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    calls_of: dict[str, set[str]] = defaultdict(set)
    for mention in system.mentions:
        if mention.article in parent:
            calls_of[mention.call_id].add(mention.article)
    for articles in calls_of.values():
        first, *rest = sorted(articles)
        for other in rest:
            parent[find(other)] = find(first)
    members: dict[str, set[str]] = defaultdict(set)
    for name in gold.articles:
        members[find(name)].add(name)
    calls_by_root: dict[str, set[str]] = defaultdict(set)
    for call_id, articles in calls_of.items():
        calls_by_root[find(next(iter(articles)))].add(call_id)
    return [(names, calls_by_root.get(root, set())) for root, names in members.items()]


def _score_pooled(gold: GoldCorpus, system: SystemFacts, result: Evaluation) -> None:
    officials, country, role = (
        result.count("officials"),
        result.count("official country"),
        result.count("official role"),
    )
    measures, measure_status = result.count("trade measures"), result.count("trade measure status")
    for articles, call_ids in _components(gold, system):
        where = ", ".join(sorted(articles))
        gold_people: list[Any] = []
        for name in sorted(articles):
            for person in gold.articles[name].officials:
                if not any(same_person(person.name, seen.name) for seen in gold_people):
                    gold_people.append(person)
        if system.article_officials is not None:  # every official of the articles, with a call or not
            named = [p for name in sorted(articles) for p in system.article_officials.get(name, [])]
        else:
            named = [p for cid in sorted(call_ids) for p in system.officials.get(cid, [])]
        sys_people = list({p.official_id: p for p in named}.values())
        used: set[int] = set()
        for person in gold_people:
            hit = next(
                (j for j, p in enumerate(sys_people) if j not in used and same_person(person.name, p.name)), None
            )
            if hit is None:
                officials.fn += 1
                result.error("officials", where, person.name, None, kind="missed")
                continue
            used.add(hit)
            officials.tp += 1
            found = sys_people[hit]
            for count, expected, got, label in (
                (country, person.country, found.country, "official country"),
                (role, person.role, found.role, "official role"),
            ):
                if expected is None:
                    continue
                if expected == got:
                    count.tp += 1
                else:
                    count.fp += got is not None
                    count.fn += 1
                    result.error(label, where, f"{person.name}: {expected}", got)
        for j, person in enumerate(sys_people):
            if j not in used:
                officials.fp += 1
                result.error("officials", where, None, person.name, kind="not an official of these articles")

        gold_measures = {m.key: m for name in sorted(articles) for m in gold.articles[name].trade_measures}
        sys_measures: dict[Any, list[Any]] = defaultdict(list)
        if system.article_measures is not None:  # every measure of the articles, tied to a call or not
            for name in sorted(articles):
                for measure in system.article_measures.get(name, []):
                    sys_measures[measure.key].append(measure)
        for cid in sorted(call_ids) if system.article_measures is None else ():
            for measure in system.measures.get(cid, []):
                sys_measures[measure.key].append(measure)
        for key in sorted(gold_measures.keys() | sys_measures.keys(), key=str):
            if key in gold_measures and key in sys_measures:
                measures.tp += 1
                expected = gold_measures[key].status
                statuses = sorted({m.status for m in sys_measures[key] if m.status})
                if expected is not None:
                    if expected in statuses:  # one of the rows the warehouse holds for this measure says so
                        measure_status.tp += 1
                    else:
                        measure_status.fn += 1
                        measure_status.fp += bool(statuses)
                        result.error("trade measure status", where, f"{key}: {expected}", statuses)
            elif key in gold_measures:
                measures.fn += 1
                result.error("trade measures", where, key, None, kind="missed")
            else:
                measures.fp += 1
                result.error("trade measures", where, None, key, kind="extra", evidence=sys_measures[key][0].evidence)


def _score_published(gold: GoldCorpus, system: SystemFacts, result: Evaluation) -> None:
    for article in gold.articles.values():
        got = system.published.get(article.file)
        _score_value(result, "published date", article.file, article.published_date, got, article.published_date == got)
