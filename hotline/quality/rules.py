"""The rules of :mod:`hotline.quality` as data: each suite (:data:`SUITES`), the DuckDB query that prepares the
frame it validates (:data:`PREPARE`), and the result of running one (:class:`SuiteResult`)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import duckdb
import polars as pl

Severity = Literal["error", "warn"]

PARTIAL_LIST_SIZE = 20


@dataclass(frozen=True)
class Expect:
    """One GX expectation as data: its snake_case type (``expect_column_values_to_be_unique``) and kwargs."""

    type: str
    kwargs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Suite:
    """A rule: the tables it guards, the tables its frame is read from, and the expectations on that frame.

    ``tables`` are the marts the rule is about (a Dagster check attaches to each); ``reads`` are every
    table the prepared frame needs; ``id_columns`` name the offending rows in failures. ``severity`` is
    ``warn`` only for plausibility bounds, ``error`` for data that is wrong.
    """

    tables: tuple[str, ...]
    expectations: tuple[Expect, ...]
    id_columns: tuple[str, ...]
    reads: tuple[str, ...] = ()
    severity: Severity = "error"
    description: str = ""
    row_local: bool = False
    """Each row of the guarded table passes or fails on its own (with what its keys point to, which does not change):
    a row the last published file holds as it is passed then and is not validated again (:func:`check`)."""


@dataclass(frozen=True)
class SuiteResult:
    suite: str
    table: str
    passed: bool
    evaluated: int  # expectations evaluated
    failures: list[dict[str, Any]]
    row_count: int = 0  # rows of the prepared frame

    @property
    def unexpected_count(self) -> int:
        return sum(failure.get("unexpected_count") or 0 for failure in self.failures)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -------------------------------------------------------------------------------------- the rules

FCT_CALLS = "marts.fct_calls"
FCT_CALL_MENTIONS = "marts.fct_call_mentions"
DIM_ARTICLES = "marts.dim_articles"
BRIDGE_CALL_PARTICIPANTS = "marts.bridge_call_participants"
BRIDGE_CALL_TOPICS = "marts.bridge_call_topics"
OFFICIAL_TERMS = "reference.official_terms"
RAW_ARTICLES = "raw.articles"  # the article text evidence offsets point into


_EITHER_MISSING = {"ignore_row_if": "either_value_is_missing"}
"""Pair rules hold where both values are known."""

_EVIDENCE_EXPECTATIONS = (
    Expect("expect_column_values_to_be_between", {"column": "evidence_start", "min_value": 0}),
    Expect(
        "expect_column_pair_values_a_to_be_greater_than_b",
        {"column_A": "evidence_end", "column_B": "evidence_start", "or_equal": True, **_EITHER_MISSING},
    ),
    Expect(
        "expect_column_pair_values_a_to_be_greater_than_b",
        {"column_A": "article_length", "column_B": "evidence_end", "or_equal": True, **_EITHER_MISSING},
    ),
    Expect(
        "expect_column_pair_values_to_be_equal",
        {"column_A": "evidence_text", "column_B": "article_excerpt", **_EITHER_MISSING},
    ),
)

SUITES: dict[str, Suite] = {
    "calls_have_two_participants": Suite(
        tables=(BRIDGE_CALL_PARTICIPANTS,),
        reads=(FCT_CALLS, BRIDGE_CALL_PARTICIPANTS),
        expectations=(Expect("expect_column_values_to_be_between", {"column": "participant_count", "min_value": 2}),),
        id_columns=("call_id",),
        description="A call that took place (not a planned one) has at least two distinct participants.",
    ),
    "call_date_not_after_publication": Suite(
        tables=(FCT_CALLS,),
        reads=(FCT_CALLS, FCT_CALL_MENTIONS, DIM_ARTICLES),
        expectations=(
            Expect(
                "expect_column_pair_values_a_to_be_greater_than_b",
                {
                    "column_A": "earliest_published_date",
                    "column_B": "call_date",
                    "or_equal": True,
                    **_EITHER_MISSING,
                },
            ),
        ),
        id_columns=("call_id",),
        description=(
            "A call that took place is not dated after the earliest article reporting it "
            "(checked where both dates are known; planned calls are skipped)."
        ),
    ),
    "topic_never_both": Suite(
        tables=(BRIDGE_CALL_TOPICS,),
        expectations=(Expect("expect_column_values_to_be_between", {"column": "status_count", "max_value": 1}),),
        id_columns=("call_id", "topic_code"),
        description="A topic is never both discussed and not discussed on one call.",
    ),
    "participants_in_office": Suite(
        tables=(BRIDGE_CALL_PARTICIPANTS,),
        reads=(FCT_CALLS, BRIDGE_CALL_PARTICIPANTS, OFFICIAL_TERMS),
        expectations=(
            Expect(
                "expect_column_values_to_be_in_set",
                {"column": "held_office_on_call_date", "value_set": [True]},
            ),
        ),
        id_columns=("call_id", "official_id"),
        description=(
            "Each participant of a dated call held an office on the call date (officials with no terms in "
            "reference.official_terms are skipped). Bad content cannot break it: dbt's int_call_mentions_checked "
            "quarantines such mentions first, so a failure here is a bug in the code."
        ),
    ),
    "evidence_within_article": Suite(
        tables=(BRIDGE_CALL_TOPICS, FCT_CALL_MENTIONS),
        reads=(RAW_ARTICLES,),
        expectations=_EVIDENCE_EXPECTATIONS,
        id_columns=("call_id", "article_id"),
        description=("Evidence offsets fall inside the article text and the text between them is the evidence text."),
        row_local=True,  # an article's text never changes: its article_id is the hash of its title and text
    ),
}
"""Every rule, by name. The order is the order :func:`validate_warehouse` runs them."""


# ------------------------------------------------------------------------------ preparing frames

Tables = Mapping[str, pl.DataFrame]

_TOOK_PLACE = "not coalesce(calls.is_planned, false)"

PREPARE: dict[str, str] = {
    "calls_have_two_participants": f"""
        with counts as (
            select call_id, count(distinct official_id) as participant_count
            from marts.bridge_call_participants
            where official_id is not null
            group by call_id
        )
        select calls.call_id, cast(coalesce(counts.participant_count, 0) as bigint) as participant_count
        from marts.fct_calls as calls
        left join counts on counts.call_id = calls.call_id
        where {_TOOK_PLACE}
        order by calls.call_id""",
    "call_date_not_after_publication": f"""
        with earliest as (
            select mentions.call_id, min(articles.published_date) as earliest_published_date
            from marts.fct_call_mentions as mentions
            left join marts.dim_articles as articles on articles.article_id = mentions.article_id
            group by mentions.call_id
        )
        select calls.call_id, cast(calls.call_date as date) as call_date,
            cast(earliest.earliest_published_date as date) as earliest_published_date
        from marts.fct_calls as calls
        left join earliest on earliest.call_id = calls.call_id
        where {_TOOK_PLACE}
        order by calls.call_id""",
    "topic_never_both": """
        select call_id, topic_code, count(distinct status) as status_count
        from {table}
        where status is not null
        group by call_id, topic_code
        order by call_id, topic_code""",
    # Officials with no row in reference.official_terms (discovered in text, not in the seeds) are left out.
    "participants_in_office": """
        with terms as (
            select official_id, try_cast(term_start as date) as term_start, try_cast(term_end as date) as term_end
            from reference.official_terms
        ),
        dated as (
            select call_id, cast(call_date as date) as call_date from marts.fct_calls where call_date is not null
        ),
        participants as (
            select distinct call_id, official_id
            from marts.bridge_call_participants
            where call_id is not null and official_id is not null
        )
        select participants.call_id, participants.official_id, dated.call_date,
            coalesce(bool_or(terms.term_start <= dated.call_date
                and (terms.term_end is null or dated.call_date <= terms.term_end)), false) as held_office_on_call_date
        from participants
        join dated on dated.call_id = participants.call_id
        join terms on terms.official_id = participants.official_id
        group by participants.call_id, participants.official_id, dated.call_date
        order by participants.call_id, participants.official_id""",
    # Offsets count characters (DuckDB's length and substring, Python's str), not bytes. Marts may name the quoted
    # sentence ``evidence`` (the contract's word) or keep the raw ``evidence_text``.
    "evidence_within_article": """
        select {ids}facts.article_id, facts.{quoted} as evidence_text, facts.evidence_start, facts.evidence_end,
            length(articles.text) as article_length,
            substring(articles.text, facts.evidence_start + 1, greatest(facts.evidence_end - facts.evidence_start, 0))
                as article_excerpt
        from {table} as facts
        left join raw.articles as articles on articles.article_id = facts.article_id""",
}
"""How to build the frame a rule's expectations read, as DuckDB SQL over the warehouse (``{table}``: the table
checked): the joins and counts run in DuckDB, and only the columns the expectations read reach Python."""


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [row[0] for row in con.execute(f"select * from {table} limit 0").description]


def prepare_sql(con: duckdb.DuckDBPyConnection, name: str, table: str, rows: str | None = None) -> str:
    """The query whose rows suite ``name`` validates for ``table`` (a ``schema.table`` its suite guards: names come
    from :data:`SUITES`, never from input); ``rows``: a query of the rows of ``table`` to validate (default: all)."""
    relation = f"({rows})" if rows else table
    if name not in PREPARE:
        return f"select * from {relation}"
    if name != "evidence_within_article":
        return PREPARE[name].format(table=relation)
    columns = _columns(con, table)
    ids = "".join(f"facts.{column}, " for column in ("call_id", "topic_code") if column in columns)
    quoted = "evidence_text" if "evidence_text" in columns else "evidence"
    return PREPARE[name].format(table=relation, ids=ids, quoted=quoted)


def tables_needed(name: str, table: str | None = None) -> tuple[str, ...]:
    """Every ``schema.table`` suite ``name`` reads to check ``table`` (default: all its tables)."""
    suite = SUITES[name]
    guarded = suite.tables if table is None else (table,)
    return tuple(dict.fromkeys((*guarded, *suite.reads)))


def rules_key() -> str:
    """sha256 of every rule as written (tables, expectations, prepared SQL): files that passed other rules are no
    proof for these."""
    rules = repr(sorted((name, suite, PREPARE.get(name)) for name, suite in SUITES.items()))
    return hashlib.sha256(rules.encode()).hexdigest()
