"""The truth a generated corpus was written from, and how a pipeline's output scores against it.

``truth.json`` sits beside the ``articles/`` folder (outside it, so it is never ingested)::

    {"generator": {"version", "seed", "n", "bad_share", "formats"}, "articles_dir": "articles",
     "calls": [{"key", "status", "participants": [official_id, official_id], "countries", "date", "as_of",
                "duration_minutes", "topics_discussed", "topics_not_discussed", "trade_measures",
                "previous_call", "articles": [{"name", "language", "format", "outlet", "published_date",
                "date_form", "date", "duration_minutes", "topics_discussed", "topics_not_discussed",
                "trade_measure", "earlier_call", "earlier_call_date"}, ...]}, ...],
     "bad_files": [{"name", "kind", "reason"}, ...], "summary": {...}}

``date`` is the call's (or meeting's) day; ``as_of`` the day the news is about, whatever the status (both
leaders hold office then). ``status`` is what the articles say happened: ``held`` (a call that took place),
``planned``, ``requested``, ``cancelled``, ``denied``, ``refused``, or ``in_person`` (a meeting, no call). An
article's ``date`` is the call date a reader gets from that article alone (None when it gives none);
``earlier_call`` names an earlier held call of the same pair the article dates in passing. A bad file's
``reason`` is part of the reason ingest gives.

Scoring: calls by participant pair and date, call mentions by article and pair, dates of the mentions found,
texts without a held call read as one, same-call articles kept together, bad files rejected.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ARTICLES_FOLDER = "articles"
TRUTH_FILE = "truth.json"
Pair = tuple[str, ...]


@dataclass(frozen=True)
class Truth:
    """A generated corpus: where its truth file is, how it was generated, and its counts."""

    path: Path
    generator: dict[str, Any]
    summary: dict[str, Any]

    @property
    def articles_dir(self) -> Path:
        return self.path.parent / ARTICLES_FOLDER

    @classmethod
    def load(cls, path: Path) -> Truth:
        data = read_truth(path)
        return cls(Path(path), data["generator"], data["summary"])

    def read(self) -> dict[str, Any]:
        """Every call and bad file (the whole file in memory: for scoring, not for generating)."""
        return read_truth(self.path)


def read_truth(path: Path) -> dict[str, Any]:
    with Path(path).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@dataclass(frozen=True, slots=True)
class Found:
    """One call mention the pipeline found: the article, its call, the pair, status and date."""

    article: str
    call_id: str
    pair: Pair
    status: str
    day: dt.date | None
    direct: bool = True


@dataclass
class Score:
    calls_truth: int = 0
    calls_found: int = 0
    calls_matched: int = 0
    mentions_truth: int = 0
    mentions_found: int = 0
    mentions_matched: int = 0
    dates_checked: int = 0
    dates_right: int = 0
    dates_invented: int = 0
    non_held_texts: int = 0
    non_held_read_as_held: int = 0
    groups: int = 0
    groups_kept_together: int = 0
    calls_merging_different_calls: int = 0
    bad_files: int = 0
    bad_files_rejected: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def figures(self) -> dict[str, Any]:
        """The counts and the ratios, flat (for tables and JSON)."""
        counts = {k: v for k, v in vars(self).items() if k != "extra"}
        return {
            "call_precision": _ratio(self.calls_matched, self.calls_found),
            "call_recall": _ratio(self.calls_matched, self.calls_truth),
            "mention_precision": _ratio(self.mentions_matched, self.mentions_found),
            "mention_recall": _ratio(self.mentions_matched, self.mentions_truth),
            "date_accuracy": _ratio(self.dates_right, self.dates_checked),
            **counts,
            **self.extra,
        }


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def score(found: Iterable[Found], truth: dict[str, Any], *, call_dates: bool) -> Score:
    """Score mentions found against the truth.

    ``call_dates``: the found dates are resolved per call across articles (the marts), so an article that gives
    no date is still expected to carry its call's date; else (raw facts) each article is held to its own date.
    """
    calls = truth["calls"]
    datable = {c["key"] for c in calls if any(a["date"] for a in c["articles"])}
    datable |= {a["earlier_call"] for c in calls for a in c["articles"] if a["earlier_call"]}
    expected: dict[tuple[str, Pair], dt.date | None] = {}
    owner: dict[tuple[str, Pair], str] = {}
    non_held: set[tuple[str, Pair]] = set()
    truth_keys: set[tuple[Pair, dt.date | None]] = set()
    groups: dict[str, list[tuple[str, Pair]]] = {}
    for call in calls:
        pair = tuple(sorted(call["participants"]))
        if call["status"] != "held":
            non_held.update((a["name"], pair) for a in call["articles"])
            continue
        day = _day(call["date"]) if call["key"] in datable else None
        groups[call["key"]] = [(a["name"], pair) for a in call["articles"]]
        for article in call["articles"]:
            mention = (article["name"], pair)
            expected[mention] = day if call_dates else _day(article["date"])
            owner[mention] = call["key"]
            if call_dates:
                truth_keys.add((pair, day))
            else:
                truth_keys.add((pair, _day(article["date"])))
                if article["earlier_call"]:
                    truth_keys.add((pair, _day(article["earlier_call_date"])))
    held: dict[tuple[str, Pair], list[Found]] = defaultdict(list)
    for mention in found:
        if mention.status == "held":
            held[(mention.article, mention.pair)].append(mention)
    found_keys = {(m.pair, m.day) for ms in held.values() for m in ms}
    result = Score(calls_truth=len(truth_keys), calls_found=len(found_keys))
    result.calls_matched = len(truth_keys & found_keys)
    result.mentions_truth, result.mentions_found = len(expected), len(held)
    result.mentions_matched = len(expected.keys() & held.keys())
    for mention, day in expected.items():
        if mention not in held:
            continue
        days = {m.day for m in held[mention]}
        if day is not None:
            result.dates_checked += 1
            result.dates_right += day in days
        elif days - {None}:
            result.dates_invented += 1
    result.non_held_texts = len(non_held)
    result.non_held_read_as_held = len(non_held & held.keys())
    for members in groups.values():  # articles of one call: found as one call?
        ids = {m.call_id for mention in members for m in held.get(mention, []) if m.direct}
        if sum(mention in held for mention in members) >= 2:
            result.groups += 1
            result.groups_kept_together += len(ids) == 1
    spans: dict[str, set[str]] = defaultdict(set)  # a call found: how many calls' articles report it?
    for mention, ms in held.items():
        for m in ms:
            if mention in owner and m.direct:
                spans[m.call_id].add(owner[mention])
    result.calls_merging_different_calls = sum(len(keys) > 1 for keys in spans.values())
    result.bad_files = len(truth["bad_files"])
    return result


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# --- what a pipeline found -------------------------------------------------------------------------------


def found_in_warehouse(warehouse: Path) -> tuple[list[Found], set[str]]:
    """The call mentions of a published warehouse (marts) and the source names it rejected (audit)."""
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            """
            select articles.source_name, mentions.call_id, mentions.call_status, mentions.is_directly_reported,
                   calls.call_date, list(participants.official_id order by participants.official_id)
            from marts.fct_call_mentions as mentions
            join marts.fct_calls as calls using (call_id)
            join marts.dim_articles as articles using (article_id)
            left join marts.bridge_call_participants as participants using (call_id)
            group by all
            """
        ).fetchall()
        rejected = {name for (name,) in con.execute("select source_name from audit.rejected_articles").fetchall()}
    found = [
        Found(article, call_id, tuple(people or ()), status or "held", day, bool(direct))
        for article, call_id, status, direct, day, people in rows
    ]
    return found, rejected


def found_in_frames(frames: dict[str, Any]) -> list[Found]:
    """The call mentions of the raw tables :func:`hotline.normalize.to_frames` makes (``articles``,
    ``call_mentions``, ``call_participants``): one 'call' per mention, dated by its article alone."""
    names = dict(zip(frames["articles"]["article_id"], frames["articles"]["source_name"], strict=True))
    people: dict[str, list[str]] = defaultdict(list)
    for mention_id, official_id in frames["call_participants"].select("mention_id", "official_id").iter_rows():
        if official_id is not None:
            people[mention_id].append(official_id)
    return [
        Found(names[article_id], mention_id, tuple(sorted(people[mention_id])), status, day, bool(direct))
        for mention_id, article_id, status, day, direct in frames["call_mentions"]
        .select("mention_id", "article_id", "call_status", "call_date", "is_directly_reported")
        .iter_rows()
    ]


def score_against_truth(warehouse_path: Path, truth_path: Path) -> Score:
    """How the calls of a built warehouse compare with the truth of the corpus it was built from."""
    found, rejected = found_in_warehouse(Path(warehouse_path))
    truth = read_truth(truth_path)
    result = score(found, truth, call_dates=True)
    result.bad_files_rejected = len({b["name"] for b in truth["bad_files"]} & rejected)
    return result
