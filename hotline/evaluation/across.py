"""Scores across the articles of a call: same-call grouping, the facts the marts pool over a call's articles
(officials, trade measures), and publication dates."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from hotline.evaluation.counts import Evaluation, score_value
from hotline.evaluation.gold import GoldCall, GoldCorpus
from hotline.evaluation.names import same_person
from hotline.evaluation.system import SystemFacts, SystemMention


def score_grouping(gold: GoldCorpus, matches: dict[str, SystemMention], result: Evaluation) -> None:
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


def score_pooled(gold: GoldCorpus, system: SystemFacts, result: Evaluation) -> None:
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


def score_published(gold: GoldCorpus, system: SystemFacts, result: Evaluation) -> None:
    for article in gold.articles.values():
        got = system.published.get(article.file)
        score_value(result, "published date", article.file, article.published_date, got, article.published_date == got)
