"""The warehouse file's tables: connecting (DuckDB's lock conflict as :class:`WarehouseBusyError`), writing
``raw`` and ``audit`` from Arrow in one transaction, reading a table read-only."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import polars as pl

from hotline.schemas import RAW_TABLES

if TYPE_CHECKING:
    from hotline.config import Settings

from hotline.warehouse.locking import WarehouseBusyError

QUALIFIED_NAME = re.compile(r"^[a-z_]+\.[a-z_]+$")
"""``schema.table`` in lowercase snake_case: the only shape :func:`read_table` accepts."""

AUDIT_TABLES: frozenset[str] = frozenset({"validation_results"})
"""Tables of schema ``audit`` written from Python (the rest of ``audit`` is built by dbt)."""

DUCKDB_MEMORY_LIMIT = "1GB"
"""What DuckDB may hold in this process (every connection here: ingest, raw load, publish, exports): past it, it
spills to a temporary file. Without a cap it takes up to 80% of the machine's memory and keeps what it freed: at
100,000 articles the publish and the Parquet exports peaked at 1.6 and 1.7 GB; capped, under 1.1 GB and as fast.
Half of this (512MB) is too little for the exports' Parquet writer."""


# ----------------------------------------------------------------------------------------- connecting


def connect(path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open ``path``, turning DuckDB's file-lock conflict into :class:`WarehouseBusyError`."""
    path = Path(path)
    if read_only and not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run the pipeline first (make run)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "Could not set lock on file" not in str(exc):
            raise
        holder = re.search(r"\(PID (\d+)\)", str(exc))
        who = f"pid {holder.group(1)}" if holder else "another process"
        raise WarehouseBusyError(
            f"warehouse is busy: {who} has {path} open for writing, so it cannot be opened "
            f"{'read-only' if read_only else 'for writing'}. Wait for that run to finish "
            f"(or close the client holding it) and try again."
        ) from exc
    # SET, not connect(config=...): another connection of this process to the same file (a reader's) would refuse a
    # configuration that differs from its own
    con.execute(f"set memory_limit = '{DUCKDB_MEMORY_LIMIT}'")
    return con


def connect_build(settings: Settings) -> duckdb.DuckDBPyConnection:
    """A read-write connection to the private build file. Close it before another step writes."""
    return connect(settings.build_path, read_only=False)


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    return connect(path, read_only=True)


# -------------------------------------------------------------------------------------------- writing


def quote(identifier: str) -> str:
    """Quote an identifier that already passed an allow-list or came from DuckDB's own catalog."""
    return '"' + identifier.replace('"', '""') + '"'


def _conform(name: str, frame: pl.DataFrame, schema: pl.Schema) -> pl.DataFrame:
    expected, actual = set(schema.names()), set(frame.columns)
    if expected != actual:
        raise ValueError(
            f"raw.{name}: columns differ from hotline.schemas "
            f"(missing {sorted(expected - actual)}, unexpected {sorted(actual - expected)})"
        )
    return frame.select(schema.names()).cast(dict(schema), strict=True)


def conform_raw(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` in the column order and types of ``raw.<name>`` (:data:`hotline.schemas.RAW_TABLES`); raises when
    its columns differ."""
    if name not in RAW_TABLES:
        raise ValueError(f"not a raw table: {name!r}; allowed: {sorted(RAW_TABLES)}")
    return _conform(name, frame, RAW_TABLES[name])


@contextlib.contextmanager
def transaction(path: Path, *schema_names: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A write connection to ``path`` inside one transaction (committed on success, rolled back on any error),
    with ``schema_names`` created."""
    con = connect(path, read_only=False)
    try:
        con.execute("begin transaction")
        for schema_name in schema_names:
            con.execute(f"create schema if not exists {quote(schema_name)}")
        yield con
        con.execute("commit")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("rollback")
        raise
    finally:
        con.close()


def _write_tables(path: Path, schema_name: str, frames: Mapping[str, pl.DataFrame]) -> None:
    with transaction(path, schema_name) as con:
        for name, frame in frames.items():
            view = f"_hotline_frame_{name}"
            con.register(view, frame.to_arrow())
            con.execute(f"create or replace table {quote(schema_name)}.{quote(name)} as select * from {quote(view)}")
            con.unregister(view)


def write_raw_tables(path: Path, frames: Mapping[str, pl.DataFrame]) -> dict[str, int]:
    """Replace ``raw.<name>`` for each frame, in one transaction; returns rows written per table.

    Names must be keys of :data:`hotline.schemas.RAW_TABLES` and columns must match that schema.
    """
    unknown = sorted(set(frames) - set(RAW_TABLES))
    if unknown:
        raise ValueError(f"not raw tables: {unknown}; allowed: {sorted(RAW_TABLES)}")
    conformed = {name: _conform(name, frame, RAW_TABLES[name]) for name, frame in frames.items()}
    _write_tables(Path(path), "raw", conformed)
    return {name: frame.height for name, frame in conformed.items()}


def write_audit_table(path: Path, name: str, frame: pl.DataFrame) -> int:
    """Replace ``audit.<name>`` (only names in :data:`AUDIT_TABLES`); returns rows written."""
    if name not in AUDIT_TABLES:
        raise ValueError(f"not an audit table written from Python: {name!r}; allowed: {sorted(AUDIT_TABLES)}")
    _write_tables(Path(path), "audit", {name: frame})
    return frame.height


def record_validation(path: Path, frame: pl.DataFrame) -> None:
    """Add one run's suite results (``quality.results_frame``) to ``audit.validation_results``.

    Rows of other runs are dropped, and a suite validated again on the same table in the same run replaces
    its row, so each suite runs once per run (as a check) and publish finds the results here.
    """
    run_ids = frame["run_id"].unique().to_list()
    if len(run_ids) != 1:
        raise ValueError(f"results of exactly one run expected, got run ids {run_ids}")
    with transaction(Path(path), "audit") as con:
        con.register("_hotline_results", frame.to_arrow())
        columns = [
            row[0]
            for row in con.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'audit' and table_name = 'validation_results' order by ordinal_position"
            ).fetchall()
        ]
        if columns != frame.columns:  # absent, or written by an older version: start afresh
            con.execute("create or replace table audit.validation_results as select * from _hotline_results limit 0")
        con.execute(
            "delete from audit.validation_results where run_id is distinct from ? or (suite_name, table_name) in "
            "(select suite_name, table_name from _hotline_results)",
            [run_ids[0]],
        )
        con.execute("insert into audit.validation_results select * from _hotline_results")
        con.unregister("_hotline_results")


# -------------------------------------------------------------------------------------------- reading


def read_table(
    path: Path, qualified_name: str, columns: list[str] | None = None, limit: int | None = None
) -> pl.DataFrame:
    """Read ``schema.table`` from ``path`` over a read-only connection: ``columns`` only and the first ``limit``
    rows (in the order of the first column) when given."""
    if not QUALIFIED_NAME.match(qualified_name):
        raise ValueError(f"not a schema.table name: {qualified_name!r}")
    schema, table = qualified_name.split(".")
    selected = ", ".join(quote(column) for column in columns) if columns else "*"
    ordered = f" order by 1 limit {int(limit)}" if limit is not None else ""
    con = connect(Path(path), read_only=True)
    try:
        return con.sql(f"select {selected} from {quote(schema)}.{quote(table)}{ordered}").pl()
    finally:
        con.close()
