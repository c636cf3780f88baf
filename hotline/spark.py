"""The Spark engine (``HOTLINE_ENGINE=spark``): raw tables out as partitioned Parquet, built tables back into DuckDB.

The same dbt models build on Spark through the ``spark`` target of ``dbt_project/profiles.yml`` (dbt-spark's
``session`` method: dbt starts a local Spark in its own process; no Spark is ever imported here). Spark's files sit
beside the build file, in ``<name>.build.spark/``:

* ``raw/<table>/publication_month=YYYY-MM/*.parquet``: each ``raw.*`` table as the extract step wrote it into the
  build file, partitioned by its article's publication month (``__HIVE_DEFAULT_PARTITION__``, Spark's null, when
  the article has no date, and for rejected files, which have no article). The ``register_raw_sources`` macro makes
  them Spark tables, typed as ``_sources.yml`` declares.
* ``tables/<schema>.db/<table>/``: the tables dbt builds (Spark's warehouse folder), cleared before each build.

After the build, :func:`load_built_tables` copies schemas ``reference``, ``marts`` and ``audit`` from Spark's Parquet
into the DuckDB build file, so the Great Expectations suites, publish (the DuckDB file BI tools read) and the Parquet
export run on Spark's tables exactly as they do on DuckDB's.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from hotline.schemas import RAW_TABLES
from hotline.warehouse import AUDIT_TABLES, connect_build, transaction

if TYPE_CHECKING:
    from hotline.config import Settings

DBT_TARGET = "spark"
"""The ``profiles.yml`` target of the Spark engine."""
PARTITION_COLUMN = "publication_month"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
"""The folder name Spark (and Hive) read as a null partition value."""
BUILT_SCHEMAS = ("reference", "marts", "audit")
"""The schemas copied back from Spark: the ones publish copies, and the seeds the quality suites also read."""


def spark_dir(build_path: Path) -> Path:
    """``<name>.build.spark/`` beside ``<name>.build.duckdb``: the same rule as ``profiles.yml``'s spark target."""
    return build_path.with_name(build_path.name.replace(".duckdb", ".spark"))


def raw_dir(build_path: Path) -> Path:
    return spark_dir(build_path) / "raw"


def tables_dir(build_path: Path) -> Path:
    return spark_dir(build_path) / "tables"


def dbt_args() -> list[str]:
    """What a dbt command adds to build on the Spark engine."""
    return ["--target", DBT_TARGET]


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _month_query(table: str) -> str:
    """``raw.<table>`` with its ``publication_month`` (from its article; null for rejected files)."""
    month = f"strftime(articles.published_date, '%Y-%m') as {PARTITION_COLUMN}"
    if table == "articles":
        return f"select articles.*, {month} from raw.articles as articles"
    if "article_id" not in RAW_TABLES[table].names():
        return f"select facts.*, cast(null as varchar) as {PARTITION_COLUMN} from raw.{_quote(table)} as facts"
    return (
        f"select facts.*, {month} from raw.{_quote(table)} as facts "
        "left join raw.articles as articles on articles.article_id = facts.article_id"
    )


def export_raw_tables(settings: Settings, tables: Iterable[str]) -> dict[str, int]:
    """Write ``raw.<table>`` of the build file as Parquet partitioned by publication month, each table into a
    fresh folder swapped in for the old one; returns the rows written per table. Call it under the writer lock."""
    unknown = sorted(set(tables) - set(RAW_TABLES))
    if unknown:
        raise ValueError(f"not raw tables: {unknown}; allowed: {sorted(RAW_TABLES)}")
    con = connect_build(settings)
    try:
        return {table: _export_raw_table(con, raw_dir(settings.build_path) / table, table) for table in tables}
    finally:
        con.close()


def _export_raw_table(con: duckdb.DuckDBPyConnection, folder: Path, table: str) -> int:
    scratch = folder.with_name(f".{table}.writing")
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    con.execute(
        f"copy ({_month_query(table)}) to {_literal(str(scratch))} "
        f"(format parquet, partition_by ({PARTITION_COLUMN}), filename_pattern 'part_{{i}}')"
    )
    for partition in scratch.glob(f"{PARTITION_COLUMN}=NULL"):
        partition.rename(partition.with_name(f"{PARTITION_COLUMN}={NULL_PARTITION}"))
    row = con.execute(f"select count(*) from raw.{_quote(table)}").fetchone()
    old = folder.with_name(f".{table}.old")
    shutil.rmtree(old, ignore_errors=True)
    with contextlib.suppress(FileNotFoundError):
        folder.rename(old)
    scratch.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
    return int(row[0]) if row else 0


def clear_built_tables(build_path: Path) -> None:
    """Empty Spark's warehouse folder before a build: its catalog lives in dbt's process only, so a table left by
    the previous build would only block the new one (a Spark table cannot be created over an existing folder)."""
    shutil.rmtree(tables_dir(build_path), ignore_errors=True)


def built_tables(build_path: Path) -> dict[str, list[Path]]:
    """``schema.table`` -> its Parquet files, for every table of :data:`BUILT_SCHEMAS` Spark built."""
    found: dict[str, list[Path]] = {}
    for schema in BUILT_SCHEMAS:
        for folder in sorted((tables_dir(build_path) / f"{schema}.db").glob("*")):
            if folder.is_dir():
                found[f"{schema}.{folder.name}"] = sorted(folder.rglob("*.parquet"))
    return found


def load_built_tables(settings: Settings) -> dict[str, int]:
    """Replace schemas ``reference``, ``marts`` and ``audit`` of the DuckDB build file with the tables Spark built
    (keeping the audit tables Python writes, :data:`hotline.warehouse.AUDIT_TABLES`), in one transaction; returns
    rows per table. A table Spark built as an empty folder (no rows) has no Parquet file to read a schema from: an
    error."""
    build_path = settings.build_path
    tables = built_tables(build_path)
    if not any(name.startswith("marts.") for name in tables):
        raise FileNotFoundError(f"no marts built by Spark under {tables_dir(build_path)}: did the dbt build run?")
    empty = sorted(name for name, files in tables.items() if not files)
    if empty:
        raise ValueError(f"Spark wrote no Parquet file for {empty} under {tables_dir(build_path)}")
    with transaction(build_path, *BUILT_SCHEMAS) as con:
        for schema in BUILT_SCHEMAS:
            for kind, table in con.execute(
                "select 'table', table_name from duckdb_tables() where database_name = current_database() "
                "and schema_name = $schema union all select 'view', view_name from duckdb_views() "
                "where database_name = current_database() and schema_name = $schema",
                {"schema": schema},
            ).fetchall():
                if not (schema == "audit" and table in AUDIT_TABLES):
                    con.execute(f"drop {kind} {schema}.{_quote(table)}")
        counts = {}
        for name, files in tables.items():
            schema, table = name.split(".")
            paths = "[" + ", ".join(_literal(str(path)) for path in files) + "]"
            con.execute(f"create table {schema}.{_quote(table)} as select * from read_parquet({paths})")
            row = con.execute(f"select count(*) from {schema}.{_quote(table)}").fetchone()
            counts[name] = int(row[0]) if row else 0
    return counts
