"""The same dbt project on Spark gives the same marts as on DuckDB (issue 17), on the seed corpus with bad files.

The corpus is ``test_seed_corpus``'s: the seed articles plus bad files and bad content, so quarantine and rejection
are exercised on both engines. The pipeline runs once on DuckDB (the whole Dagster job); then the raw tables of its
build file go out as partitioned Parquet (``hotline.spark``), dbt builds seeds, models and unit tests on a local
Spark (the ``spark`` target, as ``HOTLINE_ENGINE=spark`` does; the data tests already passed on DuckDB and the
marts are compared row for row, so running them again on Spark would prove nothing more), and the built tables come
back into a DuckDB file that holds nothing else. Every table of ``reference`` (the seeds), ``marts`` and ``audit``
must then be identical: same columns and types, EXCEPT ALL empty both ways. dbt-spark turns ANSI mode off (a bad
cast gives null on Spark where DuckDB raises), so the null counts per column are compared too. Needs Java 17 and
the ``spark`` extra (pyspark, dbt-spark): ``make test-spark`` installs it and runs this module.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from test_seed_corpus import build_folder

from hotline import quality, spark
from hotline.config import DBT_PROJECT_DIR, REFERENCE_DIR, Settings
from hotline.schemas import RAW_TABLES
from hotline.warehouse import read_table, write_raw_tables
from orchestration.definitions import defs
from orchestration.manifest import build_path_vars
from orchestration.runner import run_config

pytestmark = pytest.mark.spark

PYTHON_WRITTEN = {("audit", "validation_results")}
"""Written by the checks after dbt, not by dbt: not part of a build."""


def spark_build(settings: Settings) -> subprocess.CompletedProcess[str]:
    """``dbt build`` on the ``spark`` target for ``settings``' build file: seeds, models and unit tests."""
    target = str(settings.build_path.parent / "dbt_spark_target")
    where = ["--target-path", target, "--log-path", target, "--project-dir", str(DBT_PROJECT_DIR)]
    command = [
        str(Path(sys.executable).with_name("dbt")),
        "build",
        *spark.dbt_args(),
        "--exclude-resource-type",
        "test",
    ]
    return subprocess.run(
        [*command, *build_path_vars(settings.build_path), *where, "--profiles-dir", str(DBT_PROJECT_DIR)],
        cwd=DBT_PROJECT_DIR,  # as dagster-dbt runs it (seed paths are relative to the working folder)
        env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def engines(
    tmp_path_factory: pytest.TempPathFactory, pipeline_env: Callable[[Path], AbstractContextManager[dg.DagsterInstance]]
) -> tuple[Path, Settings]:
    """The DuckDB build file of a whole run, and the settings of a second build file holding Spark's tables."""
    root = tmp_path_factory.mktemp("spark_engine")
    build_folder(root / "articles")
    with pipeline_env(root) as instance:
        settings = Settings.from_env()
        result = defs.resolve_job_def("hotline_job").execute_in_process(
            instance=instance, raise_on_error=False, run_config=run_config(settings)
        )
        assert result.success, "the DuckDB run failed"
    on_spark = settings.replace(warehouse_path=root / "spark" / "hotline.duckdb", engine="spark")
    on_spark.build_path.parent.mkdir(parents=True)
    # the same raw tables, and nothing else: what Spark does not build must not come from DuckDB
    write_raw_tables(
        on_spark.build_path, {table: read_table(settings.build_path, f"raw.{table}") for table in RAW_TABLES}
    )
    started = time.monotonic()
    spark.export_raw_tables(on_spark, RAW_TABLES)
    spark.clear_built_tables(on_spark.build_path)
    done = spark_build(on_spark)
    assert done.returncode == 0, f"dbt build on Spark failed:\n{done.stdout[-20_000:]}{done.stderr[-5_000:]}"
    loaded = spark.load_built_tables(on_spark)
    print(
        f"\nSpark: raw out, dbt build (seeds, models, unit tests), {len(loaded)} tables back in "
        f"{time.monotonic() - started:.1f}s"
    )
    return settings.build_path, on_spark


def built_tables(con: duckdb.DuckDBPyConnection, database: str) -> dict[tuple[str, str], list[tuple[str, str]]]:
    rows = con.execute(
        "select table_schema, table_name, column_name, data_type from information_schema.columns "
        "where table_catalog = ? and table_schema in ('reference', 'marts', 'audit') "
        "order by table_schema, table_name, ordinal_position",
        [database],
    ).fetchall()
    tables: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for schema, table, column, data_type in rows:
        if (schema, table) not in PYTHON_WRITTEN:
            tables.setdefault((schema, table), []).append((column, data_type))
    return tables


@pytest.fixture(scope="module")
def both(engines: tuple[Path, Settings]) -> Iterator[duckdb.DuckDBPyConnection]:
    duck_path, on_spark = engines
    con = duckdb.connect()
    con.execute(f"attach '{duck_path}' as duck (read_only)")
    con.execute(f"attach '{on_spark.build_path}' as spark (read_only)")
    yield con
    con.close()


def test_every_seed_mart_and_audit_table_is_built_on_both_with_the_same_columns(
    both: duckdb.DuckDBPyConnection,
) -> None:
    duck, on_spark = built_tables(both, "duck"), built_tables(both, "spark")
    assert sorted(on_spark) == sorted(duck)
    assert len([key for key in duck if key[0] == "marts"]) >= 13
    assert on_spark == duck


def test_every_table_is_row_for_row_identical(both: duckdb.DuckDBPyConnection) -> None:
    differing = {}
    for schema, table in built_tables(both, "duck"):
        duck, on_spark = f"duck.{schema}.{table}", f"spark.{schema}.{table}"
        only_duck = both.execute(f"select count(*) from (from {duck} except all from {on_spark})").fetchone()
        only_spark = both.execute(f"select count(*) from (from {on_spark} except all from {duck})").fetchone()
        counts = both.execute(f"select (select count(*) from {duck}), (select count(*) from {on_spark})").fetchone()
        if only_duck != (0,) or only_spark != (0,) or counts[0] != counts[1]:
            differing[f"{schema}.{table}"] = {"rows": counts, "only_duckdb": only_duck, "only_spark": only_spark}
    assert not differing


def test_no_column_is_null_on_spark_where_duckdb_has_a_value(both: duckdb.DuckDBPyConnection) -> None:
    """dbt-spark sets spark.sql.ansi.enabled=false: a cast that fails gives null instead of an error."""
    more_nulls = {}
    for (schema, table), columns in built_tables(both, "duck").items():
        for column, _ in columns:
            nulls = both.execute(
                f"select (select count(*) from duck.{schema}.{table} where {column} is null), "
                f"(select count(*) from spark.{schema}.{table} where {column} is null)"
            ).fetchone()
            if nulls[1] > nulls[0]:
                more_nulls[f"{schema}.{table}.{column}"] = nulls
    assert not more_nulls


def test_the_quality_suites_pass_on_sparks_marts(engines: tuple[Path, Settings]) -> None:
    _, on_spark = engines
    results = [
        quality.validate_table(on_spark.build_path, suite, table)
        for suite, rule in quality.SUITES.items()
        for table in rule.tables
    ]
    assert results
    assert [result.suite for result in results if not result.passed] == []


def loaded_seed(engines: tuple[Path, Settings], seed: str, where: str = "true") -> list[tuple[object, ...]]:
    """Rows of a seed as Spark loaded it, read from the table's Parquet files."""
    folder = spark.tables_dir(engines[1].build_path) / "reference.db" / seed
    return duckdb.sql(f"select * from read_parquet('{folder}/*.parquet') where {where} order by 1").fetchall()


def csv_rows(seed: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / f"{seed}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_seed_values_with_a_quote_load_as_written(engines: tuple[Path, Settings]) -> None:
    """dbt-spark's own seed macro breaks on a quote; spark__load_csv_rows (dbt_project/macros) escapes it."""
    quoted = sorted(tuple(row.values()) for row in csv_rows("countries") if "'" in "".join(row.values()))
    assert len(quoted) >= 2  # "Côte d'Ivoire", "People's Republic of China"...: the case under test
    loaded = loaded_seed(engines, "countries", "concat_ws('', country_code, country_name, names, demonyms) like '%''%'")
    assert loaded == quoted


def test_empty_seed_cells_load_as_null_not_the_string_none(engines: tuple[Path, Settings]) -> None:
    empty = sum(1 for row in csv_rows("topics") if row["parent_topic_code"] == "")
    assert empty  # root topics have no parent
    parents = [row[2] for row in loaded_seed(engines, "topics")]
    assert (parents.count(None), parents.count("None"), len(parents)) == (empty, 0, len(csv_rows("topics")))
