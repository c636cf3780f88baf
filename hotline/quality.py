"""Great Expectations (1.x) suites for the rules dbt tests cannot state: meaning across columns and tables.

dbt ``data_tests`` hold keys, nulls, enums, ranges and relationships; content rules that bad input can break
(a date out of range, a participant out of office) are applied before the marts and their rows quarantined
(``audit.quarantined_facts``). The suites here hold the invariants that only code can break, across columns
and tables, one rule each, named after the rule (:data:`SUITES`), blocking the publish when they fail. A
rule that spans tables first gets a frame prepared in polars (one row per thing the rule is about, e.g. a
call and its participant count), then GX expectations run on that frame. GX runs on pandas in an ephemeral
context: its SQL datasource does not work with DuckDB.

:func:`run_suite` validates one prepared frame; :func:`validate_warehouse` reads the tables a warehouse
file holds (read-only), prepares every frame and runs every suite.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import json
import math
import threading
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import duckdb
import polars as pl

from hotline.warehouse import read_table

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
    ),
}
"""Every rule, by name. The order is the order :func:`validate_warehouse` runs them."""


# ------------------------------------------------------------------------------ preparing frames

Tables = Mapping[str, pl.DataFrame]


def _not_planned(calls: pl.DataFrame) -> pl.Expr:
    return ~pl.col("is_planned").fill_null(False) if "is_planned" in calls.columns else pl.lit(True)


def participant_counts(calls: pl.DataFrame, participants: pl.DataFrame) -> pl.DataFrame:
    """``call_id, participant_count`` (distinct officials) for every call that took place."""
    counts = (
        participants.drop_nulls("official_id")
        .group_by("call_id")
        .agg(pl.col("official_id").n_unique().alias("participant_count"))
    )
    return (
        calls.filter(_not_planned(calls))
        .select("call_id")
        .join(counts, on="call_id", how="left")
        .with_columns(pl.col("participant_count").fill_null(0).cast(pl.Int64))
        .sort("call_id")
    )


def call_and_publication_dates(calls: pl.DataFrame, mentions: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """``call_id, call_date, earliest_published_date`` for every call that took place."""
    earliest = (
        mentions.select("call_id", "article_id")
        .join(articles.select("article_id", "published_date"), on="article_id", how="left")
        .group_by("call_id")
        .agg(pl.col("published_date").min().alias("earliest_published_date"))
    )
    return (
        calls.filter(_not_planned(calls))
        .select("call_id", "call_date")
        .join(earliest, on="call_id", how="left")
        .sort("call_id")
    )


def topic_status_counts(topics: pl.DataFrame) -> pl.DataFrame:
    """``call_id, topic_code, status_count``: how many distinct statuses a topic has on a call."""
    return (
        topics.drop_nulls("status")
        .group_by("call_id", "topic_code")
        .agg(pl.col("status").n_unique().alias("status_count"))
        .sort("call_id", "topic_code")
    )


def _as_date(column: str, frame: pl.DataFrame) -> pl.Expr:
    if frame.schema[column] == pl.String:
        return pl.col(column).str.to_date(strict=False)
    return pl.col(column).cast(pl.Date)


def participants_on_call_dates(calls: pl.DataFrame, participants: pl.DataFrame, terms: pl.DataFrame) -> pl.DataFrame:
    """``call_id, official_id, call_date, held_office_on_call_date`` for participants of dated calls.

    Officials with no row in ``terms`` (discovered in text, not in the seeds) are left out.
    """
    terms = terms.select(
        "official_id",
        _as_date("term_start", terms).alias("term_start"),
        _as_date("term_end", terms).alias("term_end"),
    )
    dated = calls.select("call_id", pl.col("call_date").cast(pl.Date)).drop_nulls("call_date")
    return (
        participants.select("call_id", "official_id")
        .drop_nulls()
        .unique()
        .join(dated, on="call_id", how="inner")
        .join(terms, on="official_id", how="inner")
        .with_columns(
            (
                (pl.col("term_start") <= pl.col("call_date"))
                & (pl.col("term_end").is_null() | (pl.col("call_date") <= pl.col("term_end")))
            ).alias("in_term")
        )
        .group_by("call_id", "official_id", "call_date")
        .agg(pl.col("in_term").any().alias("held_office_on_call_date"))
        .sort("call_id", "official_id")
    )


def evidence_against_articles(facts: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Fact rows with ``article_length`` and ``article_excerpt`` (the text between the evidence offsets)."""
    ids = [column for column in ("call_id", "topic_code") if column in facts.columns]
    # Marts may name the quoted sentence ``evidence`` (the contract's word) or keep the raw ``evidence_text``.
    quoted = "evidence_text" if "evidence_text" in facts.columns else "evidence"
    length = (pl.col("evidence_end") - pl.col("evidence_start")).clip(lower_bound=0)
    return (
        facts.select(*ids, "article_id", pl.col(quoted).alias("evidence_text"), "evidence_start", "evidence_end")
        .join(articles.select("article_id", "text"), on="article_id", how="left")
        .with_columns(
            pl.col("text").str.len_chars().alias("article_length"),
            pl.col("text").str.slice(pl.col("evidence_start"), length).alias("article_excerpt"),
        )
        .drop("text")
    )


_PREPARE: dict[str, Callable[[str, Tables], pl.DataFrame]] = {
    "calls_have_two_participants": lambda _, t: participant_counts(t[FCT_CALLS], t[BRIDGE_CALL_PARTICIPANTS]),
    "call_date_not_after_publication": lambda _, t: call_and_publication_dates(
        t[FCT_CALLS], t[FCT_CALL_MENTIONS], t[DIM_ARTICLES]
    ),
    "topic_never_both": lambda table, t: topic_status_counts(t[table]),
    "participants_in_office": lambda _, t: participants_on_call_dates(
        t[FCT_CALLS], t[BRIDGE_CALL_PARTICIPANTS], t[OFFICIAL_TERMS]
    ),
    "evidence_within_article": lambda table, t: evidence_against_articles(t[table], t[RAW_ARTICLES]),
}
"""How to build the frame a rule's expectations read. Rules not listed read their table as it is."""


def prepare_frame(name: str, table: str, tables: Tables) -> pl.DataFrame:
    """The frame suite ``name`` validates for ``table``, from ``tables`` (``schema.table`` -> frame)."""
    prepare = _PREPARE.get(name)
    return prepare(table, tables) if prepare else tables[table]


def tables_needed(name: str, table: str | None = None) -> tuple[str, ...]:
    """Every ``schema.table`` suite ``name`` reads to check ``table`` (default: all its tables)."""
    suite = SUITES[name]
    guarded = suite.tables if table is None else (table,)
    return tuple(dict.fromkeys((*guarded, *suite.reads)))


# ---------------------------------------------------------------------------------- running GX


def _camel(snake: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in snake.split("_"))


# Great Expectations imports pyspark whenever it is installed (the spark extra); pyspark's warning about the pandas
# version is about Spark's pandas API, which nothing here uses: not the user's concern on every run.
warnings.filterwarnings("ignore", message="PySpark does not yet fully support", category=FutureWarning)

GX_MODULES = ("great_expectations", "great_expectations.expectations")
"""What :func:`run_suite` imports: seconds of work, done when a suite first runs (or ahead, in the background)."""


def import_in_background() -> threading.Thread:
    """Import Great Expectations on a daemon thread, for a process about to wait (on dbt) before it validates.

    A suite that starts meanwhile waits for the import to finish (Python's import lock); an import that fails
    here fails again, with its message, where the suite imports it.
    """

    def load() -> None:
        for module in GX_MODULES:
            with contextlib.suppress(Exception):
                importlib.import_module(module)

    thread = threading.Thread(target=load, name="import-great-expectations", daemon=True)
    thread.start()
    return thread


def _gx_context() -> Any:
    # Imported here: GX takes seconds to import, and loading the Dagster definitions should not pay it.
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
        store_backend_defaults=InMemoryStoreBackendDefaults(),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _to_pandas(frame: Any) -> Any:
    if isinstance(frame, pl.DataFrame):
        return frame.to_pandas()
    return frame


def run_suite(name: str, frame: pl.DataFrame | Any, table: str | None = None) -> SuiteResult:
    """Validate ``frame`` (polars or pandas, already prepared) against suite ``name``."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    suite = SUITES[name]
    table = table or suite.tables[0]
    df = _to_pandas(frame)
    missing = [column for column in suite.id_columns if column not in df.columns]
    if missing:
        return _error_result(name, table, f"columns {missing} are missing from {table}")

    context = _gx_context()
    batch = (
        context.data_sources.add_pandas(f"{name}_source")
        .add_dataframe_asset(table)
        .add_batch_definition_whole_dataframe("whole_table")
    )
    expectations = [getattr(gxe, _camel(expect.type))(**expect.kwargs) for expect in suite.expectations]
    gx_suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=expectations))
    validation = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=gx_suite))
    outcome = validation.run(
        batch_parameters={"dataframe": df},
        result_format={
            "result_format": "SUMMARY",
            "partial_unexpected_count": PARTIAL_LIST_SIZE,
            "unexpected_index_column_names": list(suite.id_columns),
        },
    )
    failures = [_failure(result, suite.id_columns) for result in outcome.results if not result.success]
    return SuiteResult(
        suite=name,
        table=table,
        passed=bool(outcome.success),
        evaluated=int(outcome.statistics.get("evaluated_expectations", len(expectations))),
        failures=failures,
        row_count=len(df),
    )


def _failure(result: Any, id_columns: Sequence[str]) -> dict[str, Any]:
    config = result.expectation_config
    kwargs = config.kwargs
    column = kwargs.get("column") or ", ".join(str(kwargs[key]) for key in ("column_A", "column_B") if key in kwargs)
    detail = result.result or {}
    failure: dict[str, Any] = {
        "expectation": config.type,
        "column": column or None,
        "unexpected_count": detail.get("unexpected_count"),
        "partial_unexpected_list": _plain(detail.get("partial_unexpected_list", [])),
        "unexpected_rows": _plain(
            [
                {key: row.get(key) for key in id_columns}
                for row in detail.get("partial_unexpected_index_list") or []
                if isinstance(row, Mapping)
            ]
        ),
    }
    exception = result.exception_info or {}
    if exception.get("raised_exception"):
        failure["error"] = exception.get("exception_message")
    elif not detail:
        failure["error"] = f"column {column!r} not found" if column else "expectation could not be evaluated"
    return failure


def _plain(value: Any) -> Any:
    """GX results hold numpy and pandas scalars; make them JSON-ready."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "item") and not hasattr(value, "isoformat"):
        return _plain(value.item())  # numpy scalar
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()  # pandas Timestamp
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if str(value) in ("NaT", "nan", "<NA>"):
        return None
    return str(value)


def _error_result(name: str, table: str, message: str) -> SuiteResult:
    return SuiteResult(
        suite=name,
        table=table,
        passed=False,
        evaluated=0,
        failures=[
            {
                "expectation": "prepare_frame",
                "column": None,
                "unexpected_count": None,
                "partial_unexpected_list": [],
                "unexpected_rows": [],
                "error": message,
            }
        ],
    )


# ---------------------------------------------------------------------------- the whole warehouse


def check_rule(name: str, table: str, tables: Tables) -> SuiteResult:
    """Prepare the frame of rule ``name`` for ``table`` and validate it; a missing input is a failure."""
    absent = [needed for needed in tables_needed(name, table) if needed not in tables]
    if absent:
        return _error_result(name, table, f"tables not in the warehouse: {absent}")
    try:
        frame = prepare_frame(name, table, tables)
    except pl.exceptions.PolarsError as exc:
        return _error_result(name, table, f"could not prepare the frame: {exc}")
    return run_suite(name, frame, table)


def load_tables(path: Path, names: Sequence[str]) -> dict[str, pl.DataFrame]:
    """Read each ``schema.table`` in ``names`` read-only; tables the file lacks are left out."""
    tables: dict[str, pl.DataFrame] = {}
    for name in dict.fromkeys(names):
        try:
            tables[name] = read_table(path, name)
        except duckdb.CatalogException:
            continue
    return tables


def validate_table(path: Path, name: str, table: str) -> SuiteResult:
    """Run rule ``name`` on ``table`` of the warehouse file at ``path``."""
    return check_rule(name, table, load_tables(path, tables_needed(name, table)))


def validate_warehouse(path: Path) -> list[SuiteResult]:
    """Run every suite on every table it guards, reading the warehouse file at ``path`` read-only."""
    tables = load_tables(path, [needed for name in SUITES for needed in tables_needed(name)])
    return [check_rule(name, table, tables) for name, suite in SUITES.items() for table in suite.tables]


def results_frame(results: Sequence[SuiteResult], validated_at: dt.datetime, run_id: str = "") -> pl.DataFrame:
    """``audit.validation_results``: one row per suite and table, with the run that validated it."""
    return pl.DataFrame(
        [
            {
                "suite_name": result.suite,
                "table_name": result.table,
                "severity": SUITES[result.suite].severity,
                "is_passed": result.passed,
                "expectations_evaluated": result.evaluated,
                "rows_evaluated": result.row_count,
                "unexpected_count": result.unexpected_count,
                "failures": json.dumps(result.failures, sort_keys=True),
                "validated_at": validated_at,
                "run_id": run_id,
            }
            for result in results
        ],
        schema={
            "suite_name": pl.String(),
            "table_name": pl.String(),
            "severity": pl.String(),
            "is_passed": pl.Boolean(),
            "expectations_evaluated": pl.Int32(),
            "rows_evaluated": pl.Int64(),
            "unexpected_count": pl.Int64(),
            "failures": pl.String(),
            "validated_at": pl.Datetime("us", "UTC"),
            "run_id": pl.String(),
        },
    )
