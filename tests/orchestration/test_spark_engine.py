"""The same dbt project on Spark gives the same marts as on DuckDB (issue 17), on the seeds and 2,000 generated
articles, with bad files; seeds that cannot be cast stop the build on both engines.

The corpus is ``test_seed_corpus``'s (the seed articles plus bad files and bad content, so quarantine and rejection
are exercised on both engines) with a 2,000-article generated corpus (``hotline.generate``, its 1% bad files
included) in a subfolder: one corpus, so each engine builds once (a build costs about as much on 5 articles as on
2,000; two corpora would double the module's time). The pipeline runs once on DuckDB (the whole Dagster job); then
the raw tables of its build file go out as partitioned Parquet (``hotline.spark``), dbt builds seeds, models and
unit tests on a local Spark (the ``spark`` target, as ``HOTLINE_ENGINE=spark`` does; the data tests already passed
on DuckDB and the marts are compared row for row, so running them again on Spark would prove nothing more), and the
built tables come back into a DuckDB file that holds nothing else. Every table of ``reference`` (the seeds),
``marts`` and ``audit`` must then be identical: same columns and types, same row counts, EXCEPT ALL empty both
ways, and no column null more often on Spark.

dbt runs in this process (``dbtRunner``), so every Spark build of the module shares one Spark session (dbt-spark's
``session`` method reuses the process's session) and the JVM starts once. Needs Java 17 and the ``spark`` extra
(pyspark, dbt-spark): ``make test-spark`` installs it and runs this module.
"""

from __future__ import annotations

import csv
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from dbt.cli.main import dbtRunner, dbtRunnerResult
from test_seed_corpus import build_folder

from hotline import quality, spark
from hotline.config import DBT_PROJECT_DIR, REFERENCE_DIR, Settings
from hotline.generate import generate_corpus
from hotline.schemas import RAW_TABLES
from hotline.warehouse import read_table, write_raw_tables
from orchestration.definitions import defs
from orchestration.manifest import build_path_vars
from orchestration.runner import run_config

pytestmark = pytest.mark.spark

GENERATED = 2_000
"""Generated articles in the corpus, besides the seeds (issue 17 asks for 2,000)."""
GENERATED_FOLDER = "generated"
GENERATOR_SEED = 17
PYTHON_WRITTEN = {("audit", "validation_results")}
"""Written by the checks after dbt, not by dbt: not part of a build."""


def dbt(args: list[str], build_path: Path, project_dir: Path = DBT_PROJECT_DIR) -> dbtRunnerResult:
    """A dbt command in this process, for ``build_path``'s build file, with the project's ``profiles.yml``."""
    target = str(build_path.parent / "dbt_target")
    where = ["--project-dir", str(project_dir), "--profiles-dir", str(DBT_PROJECT_DIR)]
    with pytest.MonkeyPatch.context() as env:
        env.chdir(project_dir)  # as dagster-dbt runs it (seed paths are relative to the working folder)
        env.setenv("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")
        return dbtRunner().invoke(
            [*args, *build_path_vars(build_path), *where, "--target-path", target, "--log-path", target]
        )


def failures(result: dbtRunnerResult) -> list[tuple[str, str, str]]:
    """(node, status, message) of every node that failed (not those skipped after it), the message cut short."""
    if result.exception is not None:
        return [("dbt", "error", repr(result.exception))]
    done = getattr(result.result, "results", [])
    failed = ("error", "fail", "runtime error")
    return [(r.node.unique_id, str(r.status), str(r.message)[:2_000]) for r in done if str(r.status) in failed]


@pytest.fixture(scope="module")
def spark_session() -> Iterator[None]:
    """Stops the Spark session the module's dbt commands started (if any) when the module is done."""
    yield
    from pyspark import SparkContext  # the spark extra, imported only here: dbt started the session, not this module

    if SparkContext._active_spark_context is not None:
        SparkContext._active_spark_context.stop()


def corpus(folder: Path) -> None:
    """The seed corpus with its bad files, and the generated articles (with theirs) in ``generated/``."""
    build_folder(folder)
    generated = folder.parent / "generated_corpus"
    generate_corpus(GENERATED, generated, seed=GENERATOR_SEED)
    (generated / "articles").rename(folder / GENERATED_FOLDER)


@pytest.fixture(scope="module")
def engines(
    tmp_path_factory: pytest.TempPathFactory,
    pipeline_env: Callable[[Path], AbstractContextManager[dg.DagsterInstance]],
    spark_session: None,
) -> tuple[Path, Settings]:
    """The DuckDB build file of a whole run, and the settings of a second build file holding Spark's tables."""
    root = tmp_path_factory.mktemp("spark_engine")
    corpus(root / "articles")
    started = time.monotonic()
    with pipeline_env(root) as instance:
        settings = Settings.from_env()
        result = defs.resolve_job_def("hotline_job").execute_in_process(
            instance=instance, raise_on_error=False, run_config=run_config(settings)
        )
        assert result.success, "the DuckDB run failed"
    on_duckdb = time.monotonic() - started
    on_spark = settings.replace(warehouse_path=root / "spark" / "hotline.duckdb", engine="spark")
    on_spark.build_path.parent.mkdir(parents=True)
    # the same raw tables, and nothing else: what Spark does not build must not come from DuckDB
    write_raw_tables(
        on_spark.build_path, {table: read_table(settings.build_path, f"raw.{table}") for table in RAW_TABLES}
    )
    started = time.monotonic()
    spark.export_raw_tables(on_spark, RAW_TABLES)
    spark.clear_built_tables(on_spark.build_path)
    done = dbt(["build", *spark.dbt_args(), "--exclude-resource-type", "test"], on_spark.build_path)
    assert done.success, f"dbt build on Spark failed: {failures(done)}"
    loaded = spark.load_built_tables(on_spark)
    print(
        f"\nDuckDB: the whole run in {on_duckdb:.1f}s; Spark: raw out, dbt build (seeds, models, unit tests), "
        f"{len(loaded)} tables back in {time.monotonic() - started:.1f}s"
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


def test_the_corpus_holds_the_seeds_and_the_generated_articles(both: duckdb.DuckDBPyConnection) -> None:
    for engine in ("duck", "spark"):
        generated, seeds = both.execute(
            f"select count(*) filter (where source_name like '{GENERATED_FOLDER}/%'), "
            f"count(*) filter (where source_name not like '{GENERATED_FOLDER}/%') from {engine}.marts.dim_articles"
        ).fetchone()
        assert (generated, seeds > 0) == (GENERATED, True), engine


BAD_CAST_PROJECT = """\
name: bad_cast
version: "1.0"
config-version: 2
profile: hotline
macro-paths: [macros]
seed-paths: [seeds]
seeds:
  bad_cast:
    +column_types: {official_id: string, term_start: date, term_count: int}
"""


@pytest.mark.parametrize("target", ["dev", "spark"])
def test_a_seed_value_its_type_cannot_hold_stops_the_build_on_both(
    target: str, engines: tuple[Path, Settings], tmp_path: Path
) -> None:
    """dbt-spark sets spark.sql.ansi.enabled=false before every statement, so a plain cast gives null on Spark where
    DuckDB raises; the project's seed loader casts strictly. Its macro file is the one under test (copied), in a
    project of two seeds: one that loads, one with a day February does not have. On Spark this reuses the module's
    session (``engines`` started it, with its warehouse folder)."""
    project = tmp_path / "bad_cast"
    (project / "seeds").mkdir(parents=True)
    (project / "macros").mkdir()
    shutil.copy(DBT_PROJECT_DIR / "macros" / "spark_load_csv_rows.sql", project / "macros")
    (project / "dbt_project.yml").write_text(BAD_CAST_PROJECT, encoding="utf-8")
    header = "official_id,term_start,term_count\n"
    (project / "seeds" / "good_terms.csv").write_text(header + "a,2021-02-28,1\nb,,\n", encoding="utf-8")
    (project / "seeds" / "bad_terms.csv").write_text(header + "a,2021-02-28,1\nb,2021-02-30,2\n", encoding="utf-8")

    done = dbt(["seed", "--target", target], tmp_path / "hotline.build.duckdb", project_dir=project)

    assert [(node, status) for node, status, _ in failures(done)] == [("seed.bad_cast.bad_terms", "error")]
    assert "2021-02-30" in failures(done)[0][2]
