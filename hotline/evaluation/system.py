"""The facts a published warehouse holds, read through the marts contract only (what BI users see).

Columns a later version of the marts adds (``call_status``, ``initiator_official_id``) are used when present, so
the same scorer measures the warehouse before and after they exist.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb


@dataclass(frozen=True)
class SystemPerson:
    official_id: str
    name: str
    country: str | None
    role: str | None


@dataclass(frozen=True)
class SystemMention:
    """One article telling of one call, with the call's resolved facts."""

    article: str
    mention_id: str
    call_id: str
    participants: tuple[SystemPerson, ...]
    status: str
    is_directly_reported: bool
    call_date: dt.date | None
    date_precision: str | None
    date_how: str | None
    duration_minutes: int | None
    sequence_number: int | None
    initiator: str | None
    evidence: str | None
    call_date_earliest: dt.date | None = None  # bounds of a call without a day, when the marts have them
    call_date_latest: dt.date | None = None

    @property
    def is_held(self) -> bool:
        return self.status == "held"


@dataclass(frozen=True)
class SystemTopic:
    code: str
    status: str
    evidence: str | None
    has_conflicting_claims: bool


@dataclass(frozen=True)
class SystemMeasure:
    type: str
    imposing: str | None
    target: str | None
    sector: str | None
    rate_percent: float | None
    status: str | None
    evidence: str | None

    @property
    def key(self) -> tuple[str, str | None, str | None, str | None]:
        return (self.type, self.imposing, self.target, self.sector)


@dataclass
class SystemFacts:
    articles: set[str] = field(default_factory=set)
    published: dict[str, dt.date | None] = field(default_factory=dict)
    mentions: list[SystemMention] = field(default_factory=list)
    topics: dict[str, list[SystemTopic]] = field(default_factory=lambda: defaultdict(list))
    officials: dict[str, list[SystemPerson]] = field(default_factory=lambda: defaultdict(list))
    measures: dict[str, list[SystemMeasure]] = field(default_factory=lambda: defaultdict(list))
    article_measures: dict[str, list[SystemMeasure]] | None = None
    """Every measure by article (``fct_trade_measure_mentions``), tied to a call or not; None when the marts
    only tie measures to calls."""
    article_officials: dict[str, list[SystemPerson]] | None = None
    """Every official by article (``fct_official_mentions``), whether the article tells a call or not; None when
    the marts only tie officials to calls."""

    def mentions_of(self, article: str) -> list[SystemMention]:
        return [m for m in self.mentions if m.article == article]


# Trade-measure statuses of the extractor, in the labels' vocabulary (README of tests/eval).
MEASURE_STATUS = {
    "active": "imposed",
    "announced": "imposed",
    "scheduled": "imposed",
    "proposed": "threatened",
}


def read_system(warehouse: Path) -> SystemFacts:
    """Every call mention, participant, topic, official and trade measure of the published marts."""
    facts = SystemFacts()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        columns = _columns(con)
        facts.published = dict(con.execute("select source_name, published_date from marts.dim_articles").fetchall())
        facts.articles = set(facts.published)
        people = _people(con)
        participants: dict[str, list[SystemPerson]] = defaultdict(list)
        for call_id, official_id, country, role in con.execute(
            "select call_id, official_id, country_code, role from marts.bridge_call_participants order by 1, 2"
        ).fetchall():
            person = people.get(official_id) or SystemPerson(official_id, official_id, country, role)
            participants[call_id].append(SystemPerson(official_id, person.name, country or person.country, role))
        status = (
            "mentions.call_status"
            if "call_status" in columns["fct_call_mentions"]
            else ("case when mentions.is_planned then 'planned' else 'held' end")
        )
        initiator = "calls.initiator_official_id" if "initiator_official_id" in columns["fct_calls"] else "null"
        bounds = (
            "calls.call_date_earliest, calls.call_date_latest"
            if "call_date_earliest" in columns["fct_calls"]
            else "null, null"
        )
        rows = con.execute(
            f"""
            select articles.source_name, mentions.mention_id, mentions.call_id, {status},
                   mentions.is_directly_reported, calls.call_date, calls.date_precision, calls.date_how,
                   calls.duration_minutes, calls.sequence_number, {initiator}, mentions.evidence, {bounds}
            from marts.fct_call_mentions as mentions
            join marts.fct_calls as calls using (call_id)
            join marts.dim_articles as articles using (article_id)
            order by 1, 2
            """
        ).fetchall()
        for row in rows:
            article, mention_id, call_id, state, direct, date, precision, how, duration, sequence, caller = row[:11]
            evidence, earliest, latest = row[11:]
            facts.mentions.append(
                SystemMention(
                    article=article,
                    mention_id=mention_id,
                    call_id=call_id,
                    participants=tuple(participants.get(call_id, [])),
                    status=str(state),
                    is_directly_reported=bool(direct),
                    call_date=date,
                    date_precision=precision,
                    date_how=how,
                    duration_minutes=None if duration is None else int(duration),
                    sequence_number=None if sequence is None else int(sequence),
                    initiator=people[caller].name if caller in people else caller,
                    evidence=evidence,
                    call_date_earliest=earliest,
                    call_date_latest=latest,
                )
            )
        for call_id, code, state, evidence, conflicting in con.execute(
            "select call_id, topic_code, status, evidence, has_conflicting_claims "
            "from marts.bridge_call_topics order by all"
        ).fetchall():
            facts.topics[call_id].append(SystemTopic(code, state, evidence, bool(conflicting)))
        role_then = "role" if "role" in columns["bridge_call_officials"] else "null"  # the role when written
        for call_id, official_id, role in con.execute(
            f"select call_id, official_id, {role_then} from marts.bridge_call_officials order by all"
        ).fetchall():
            if official_id in people:
                person = people[official_id]
                facts.officials[call_id].append(
                    SystemPerson(official_id, person.name, person.country, role or person.role)
                )
        for row in con.execute(
            """
            select bridge.call_id, measures.measure_type, measures.imposing_country_code,
                   measures.target_country_code, measures.sector, measures.rate_percent, measures.status,
                   bridge.evidence
            from marts.bridge_call_trade_measures as bridge
            join marts.dim_trade_measures as measures using (trade_measure_id)
            order by all
            """
        ).fetchall():
            call_id, kind, imposing, target, sector, rate, state, evidence = row
            state = "exempted" if kind == "exemption" and state == "active" else MEASURE_STATUS.get(state, state)
            facts.measures[call_id].append(
                SystemMeasure(kind, imposing, target, sector, None if rate is None else float(rate), state, evidence)
            )
        if "fct_official_mentions" in columns:
            facts.article_officials = defaultdict(list)
            for article, official_id, country, role in con.execute(
                """
                select articles.source_name, mentions.official_id, mentions.country_code, mentions.role
                from marts.fct_official_mentions as mentions
                join marts.dim_articles as articles using (article_id)
                order by all
                """
            ).fetchall():
                person = people.get(official_id) or SystemPerson(official_id, official_id, None, None)
                facts.article_officials[article].append(
                    SystemPerson(official_id, person.name, country or person.country, role or person.role)
                )
        if "fct_trade_measure_mentions" in columns:
            facts.article_measures = defaultdict(list)
            for article, kind, imposing, target, sector, rate, state, evidence in con.execute(
                """
                select articles.source_name, measures.measure_type, measures.imposing_country_code,
                       measures.target_country_code, measures.sector, measures.rate_percent, measures.status,
                       mentions.evidence
                from marts.fct_trade_measure_mentions as mentions
                join marts.dim_trade_measures as measures using (trade_measure_id)
                join marts.dim_articles as articles using (article_id)
                order by all
                """
            ).fetchall():
                state = "exempted" if kind == "exemption" and state == "active" else MEASURE_STATUS.get(state, state)
                rate = None if rate is None else float(rate)
                facts.article_measures[article].append(
                    SystemMeasure(kind, imposing, target, sector, rate, state, evidence)
                )
    return facts


def _columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for table, column in con.execute(
        "select table_name, column_name from information_schema.columns where table_schema = 'marts'"
    ).fetchall():
        found[table].add(column)
    return found


def _people(con: duckdb.DuckDBPyConnection) -> dict[str, SystemPerson]:
    return {
        official_id: SystemPerson(official_id, name, country, role)
        for official_id, name, country, role in con.execute(
            "select official_id, full_name, country_code, role from marts.dim_officials"
        ).fetchall()
    }
