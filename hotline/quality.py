"""Great Expectations (1.x) suites for the rules dbt tests cannot state: meaning across columns and tables.

dbt ``data_tests`` hold keys, nulls, enums, ranges and relationships; content rules that bad input can break
(a date out of range, a participant out of office) are applied before the marts and their rows quarantined
(``audit.quarantined_facts``). The suites here hold the invariants that only code can break, across columns
and tables, one rule each, named after the rule (:data:`SUITES`), blocking the publish when they fail. A
rule first gets a frame prepared in DuckDB (:data:`PREPARE`: one row per thing the rule is about, e.g. a call and
its participant count, with only the columns its expectations read), then GX expectations run on that frame, in
batches of :data:`BATCH_ROWS` rows, so the checks hold one batch in Python whatever the warehouse's size. GX runs
on pandas in an ephemeral context: its SQL datasource does not work with DuckDB.

:func:`run_suite` validates one prepared frame; :func:`check` prepares and validates a rule on a DuckDB connection;
:func:`validate_warehouse` does it for every suite on a warehouse file (read-only).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib
import json
import math
import threading
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import duckdb
import polars as pl

from hotline.warehouse import connect_read_only

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
    return validate_batches(name, [frame], table)


def validate_batches(name: str, batches: Iterable[pl.DataFrame | Any], table: str | None = None) -> SuiteResult:
    """Validate the rows of a prepared frame, given in ``batches`` (polars or pandas), against suite ``name``: one
    GX validation per batch, their results summed (unexpected counts, rows) and their samples joined, so memory
    holds one batch at a time whatever the table's size. No batch at all is validated as one empty frame."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    suite = SUITES[name]
    table = table or suite.tables[0]
    context = _gx_context()
    batch = (
        context.data_sources.add_pandas(f"{name}_source")
        .add_dataframe_asset(table)
        .add_batch_definition_whole_dataframe("whole_table")
    )
    expectations = [getattr(gxe, _camel(expect.type))(**expect.kwargs) for expect in suite.expectations]
    gx_suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=expectations))
    validation = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=gx_suite))
    result_format = {
        "result_format": "SUMMARY",
        "partial_unexpected_count": PARTIAL_LIST_SIZE,
        "unexpected_index_column_names": list(suite.id_columns),
    }
    passed, evaluated, rows = True, len(expectations), 0
    failures: dict[tuple[str, str | None], dict[str, Any]] = {}
    for part in batches:
        df = _to_pandas(part)
        missing = [column for column in suite.id_columns if column not in df.columns]
        if missing:
            return _error_result(name, table, f"columns {missing} are missing from {table}")
        outcome = validation.run(batch_parameters={"dataframe": df}, result_format=result_format)
        passed = passed and bool(outcome.success)
        evaluated = int(outcome.statistics.get("evaluated_expectations", len(expectations)))
        rows += len(df)
        for result in outcome.results:
            if not result.success:
                _add_failure(failures, _failure(result, suite.id_columns))
    return SuiteResult(
        suite=name, table=table, passed=passed, evaluated=evaluated, failures=list(failures.values()), row_count=rows
    )


def _add_failure(failures: dict[tuple[str, str | None], dict[str, Any]], failure: dict[str, Any]) -> None:
    """Fold one batch's failure of an expectation into the failures so far: counts add up, samples join (up to
    :data:`PARTIAL_LIST_SIZE`), the first error stays."""
    key = (failure["expectation"], failure["column"])
    seen = failures.setdefault(key, failure)
    if seen is failure:
        return
    if failure.get("unexpected_count") is not None:
        seen["unexpected_count"] = (seen.get("unexpected_count") or 0) + failure["unexpected_count"]
    for listed in ("partial_unexpected_list", "unexpected_rows"):
        seen[listed] = (seen[listed] + failure[listed])[:PARTIAL_LIST_SIZE]
    if "error" in failure:
        seen.setdefault("error", failure["error"])


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


BATCH_ROWS = 100_000
"""Rows of a prepared frame validated at a time: what the checks hold in Python, whatever the corpus size."""
MEMORY_LIMIT = "256MB"
"""What DuckDB may hold while it prepares the frames (it spills beyond): the checks run in the pipeline's process,
beside Dagster and Great Expectations. At 100,000 articles they took as long as with 1 GB."""


def check(con: duckdb.DuckDBPyConnection, name: str, table: str, passed_in: str | None = None) -> SuiteResult:
    """Run rule ``name`` on ``table`` of the database ``con`` holds: its frame prepared in DuckDB (:data:`PREPARE`),
    validated by Great Expectations in batches of :data:`BATCH_ROWS`. A missing input is a failure.

    ``passed_in``: a database attached to ``con`` whose ``table`` passed every rule before (the last published
    file): a :attr:`Suite.row_local` rule then validates only the rows it does not hold as they are."""
    present = {f"{schema}.{relation}" for schema, relation in con.execute(_RELATIONS).fetchall()}
    absent = [needed for needed in tables_needed(name, table) if needed not in present]
    if absent:
        return _error_result(name, table, f"tables not in the warehouse: {absent}")
    rows = _new_rows(con, table, passed_in) if SUITES[name].row_local and passed_in else None
    try:
        if rows:  # a table of their own: the joins then know how few they are (and read few article texts)
            con.execute(f"create or replace temp table _hotline_rows as {rows}")
            rows = "select * from _hotline_rows"
        reader = con.sql(prepare_sql(con, name, table, rows)).to_arrow_reader(BATCH_ROWS)
    except duckdb.Error as exc:
        return _error_result(name, table, f"could not prepare the frame: {exc}")
    batches = (pl.from_arrow(part) for part in reader)
    empty = pl.from_arrow(reader.schema.empty_table())
    return validate_batches(name, _or_empty(batches, empty), table)


_RELATIONS = (
    "select schema_name, table_name from duckdb_tables() union all select schema_name, view_name from duckdb_views()"
)


def _new_rows(con: duckdb.DuckDBPyConnection, table: str, passed_in: str) -> str | None:
    """A query of the rows of ``table`` that database ``passed_in`` does not hold as they are (every column, null-safe);
    None (every row) when its ``table`` has other columns or is not there."""
    schema, relation = table.split(".")
    layout = (
        "select column_name, data_type from duckdb_columns() where database_name = ? and schema_name = ? "
        "and table_name = ? order by column_index"
    )
    here = con.execute(layout, [_database(con), schema, relation]).fetchall()
    if not here or here != con.execute(layout, [passed_in, schema, relation]).fetchall():
        return None
    same = " and ".join(f'passed."{column}" is not distinct from fresh."{column}"' for column, _ in here)
    return f"select * from {table} as fresh where not exists (select 1 from {passed_in}.{table} as passed where {same})"


def _database(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute("select current_database()").fetchone()
    return str(row[0]) if row else ""


def _or_empty(batches: Iterator[Any], empty: Any) -> Iterator[Any]:
    """``batches``, or ``empty`` alone when there is none (an empty result is still validated, once)."""
    first = next(batches, None)
    yield empty if first is None else first
    yield from batches


def check_rule(name: str, table: str, tables: Tables) -> SuiteResult:
    """Run rule ``name`` on ``table`` of ``tables`` (``schema.table`` -> polars frame), as on a warehouse file."""
    con = duckdb.connect(":memory:")
    try:
        for qualified, frame in tables.items():
            schema, relation = qualified.split(".")
            view = f"_frame_{schema}_{relation}"
            con.register(view, frame.to_arrow())
            con.execute(f"create schema if not exists {schema}")
            con.execute(f"create view {qualified} as select * from {view}")
        return check(con, name, table)
    finally:
        con.close()


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
    con = connect_read_only(path)
    con.execute(f"set memory_limit = '{MEMORY_LIMIT}'")
    return con


PASSED_IN = "passed"
"""What :func:`validate_table` attaches a file that passed every rule before as."""


def validate_table(path: Path, name: str, table: str, passed: Path | None = None) -> SuiteResult:
    """Run rule ``name`` on ``table`` of the warehouse file at ``path`` (read-only). ``passed``: a warehouse file
    whose tables passed every rule as they are now (the last published file, published under these rules): a
    row-local rule validates only the rows it does not hold (:func:`check`)."""
    con = _connect(path)
    try:
        if passed is not None:
            try:
                con.execute(f"attach ? as {PASSED_IN} (read_only)", [str(passed)])
            except duckdb.Error:  # gone, or held by a writer (the publish refuses that): every row is validated
                passed = None
        return check(con, name, table, PASSED_IN if passed is not None else None)
    finally:
        con.close()


def validate_warehouse(path: Path) -> list[SuiteResult]:
    """Run every suite on every table it guards, reading the warehouse file at ``path`` read-only."""
    con = _connect(path)
    try:
        return [check(con, name, table) for name, suite in SUITES.items() for table in suite.tables]
    finally:
        con.close()


def rules_key() -> str:
    """sha256 of every rule as written (tables, expectations, prepared SQL): files that passed other rules are no
    proof for these."""
    rules = repr(sorted((name, suite, PREPARE.get(name)) for name, suite in SUITES.items()))
    return hashlib.sha256(rules.encode()).hexdigest()


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
