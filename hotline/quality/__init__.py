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
:func:`validate_warehouse` does it for every suite on a warehouse file (read-only). The rules as data live in
:mod:`hotline.quality.rules`, the GX runner in :mod:`hotline.quality.gx`; this module checks warehouses.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from hotline.quality.gx import GX_MODULES, error_result, import_in_background, run_suite, validate_batches
from hotline.quality.rules import (
    PARTIAL_LIST_SIZE,
    PREPARE,
    SUITES,
    Expect,
    Severity,
    Suite,
    SuiteResult,
    Tables,
    prepare_sql,
    rules_key,
    tables_needed,
)
from hotline.warehouse import connect_read_only

__all__ = [
    "BATCH_ROWS",
    "GX_MODULES",
    "MEMORY_LIMIT",
    "PARTIAL_LIST_SIZE",
    "PASSED_IN",
    "PREPARE",
    "SUITES",
    "Expect",
    "Severity",
    "Suite",
    "SuiteResult",
    "check",
    "check_rule",
    "import_in_background",
    "prepare_sql",
    "results_frame",
    "rules_key",
    "run_suite",
    "tables_needed",
    "validate_batches",
    "validate_table",
    "validate_warehouse",
]

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
        return error_result(name, table, f"tables not in the warehouse: {absent}")
    rows = _new_rows(con, table, passed_in) if SUITES[name].row_local and passed_in else None
    try:
        if rows:  # a table of their own: the joins then know how few they are (and read few article texts)
            con.execute(f"create or replace temp table _hotline_rows as {rows}")
            rows = "select * from _hotline_rows"
        reader = con.sql(prepare_sql(con, name, table, rows)).to_arrow_reader(BATCH_ROWS)
    except duckdb.Error as exc:
        return error_result(name, table, f"could not prepare the frame: {exc}")
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
