"""hotline.spark without Spark: the raw tables out as Parquet partitioned by publication month, Spark's built tables
back into the DuckDB build file, and the engine setting. Examples written by us; the Spark build itself is tested
in tests/orchestration/test_spark_engine.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import polars as pl
import pytest

from hotline import spark
from hotline.config import Settings
from hotline.schemas import RAW_TABLES
from hotline.warehouse import write_audit_table, write_raw_tables


def frame(table: str, rows: list[dict[str, object]]) -> pl.DataFrame:
    """``rows`` of ``raw.<table>``, every column not given null."""
    schema = RAW_TABLES[table]
    return pl.DataFrame([{name: row.get(name) for name in schema.names()} for row in rows], schema=schema)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = Settings.from_env().replace(warehouse_path=tmp_path / "hotline.duckdb", engine="spark")
    articles = [
        {"article_id": "a1", "published_date": dt.date(2025, 5, 2)},
        {"article_id": "a2", "published_date": dt.date(2025, 5, 30)},
        {"article_id": "a3", "published_date": dt.date(2026, 1, 9)},
        {"article_id": "a4", "published_date": None},
    ]
    mentions = [{"mention_id": f"m{i}", "article_id": f"a{i}", "call_index": 0} for i in (1, 3, 4)]
    write_raw_tables(
        settings.build_path,
        {
            "articles": frame("articles", articles),
            "call_mentions": frame("call_mentions", mentions),
            "rejected_articles": frame("rejected_articles", []),
        },
    )
    return settings


def partitions(folder: Path) -> dict[str, int]:
    return {part.name: len(list(part.glob("*.parquet"))) for part in sorted(folder.iterdir())}


def test_raw_tables_are_partitioned_by_their_articles_publication_month(settings: Settings) -> None:
    counts = spark.export_raw_tables(settings, ["articles", "call_mentions", "rejected_articles"])
    assert counts == {"articles": 4, "call_mentions": 3, "rejected_articles": 0}
    raw = spark.raw_dir(settings.build_path)
    assert partitions(raw / "articles") == {
        "publication_month=2025-05": 1,
        "publication_month=2026-01": 1,
        "publication_month=__HIVE_DEFAULT_PARTITION__": 1,  # no date: Spark's null partition
    }
    assert set(partitions(raw / "call_mentions")) == {
        "publication_month=2025-05",
        "publication_month=2026-01",
        "publication_month=__HIVE_DEFAULT_PARTITION__",
    }
    assert (raw / "rejected_articles").is_dir()  # empty, but there for Spark to register
    read = duckdb.sql(
        f"select mention_id, article_id, publication_month from read_parquet('{raw}/call_mentions/*/*.parquet', "
        "hive_partitioning = true) order by mention_id"
    ).fetchall()
    # the null partition reads back as null, as on Spark
    assert read == [("m1", "a1", "2025-05"), ("m3", "a3", "2026-01"), ("m4", "a4", None)]
    # the files hold the table's own columns, typed as hotline.schemas says
    columns = duckdb.sql(
        f"describe from read_parquet('{raw}/call_mentions/*/*.parquet', hive_partitioning = false)"
    ).fetchall()
    assert [name for name, *_ in columns] == RAW_TABLES["call_mentions"].names()


def test_a_second_export_replaces_the_first(settings: Settings) -> None:
    spark.export_raw_tables(settings, ["articles"])
    write_raw_tables(settings.build_path, {"articles": frame("articles", [{"article_id": "b1"}])})
    spark.export_raw_tables(settings, ["articles"])
    assert partitions(spark.raw_dir(settings.build_path) / "articles") == {
        "publication_month=__HIVE_DEFAULT_PARTITION__": 1
    }
    assert sorted(path.name for path in spark.raw_dir(settings.build_path).iterdir()) == ["articles"]


def test_only_raw_tables_are_exported(settings: Settings) -> None:
    with pytest.raises(ValueError, match="not raw tables"):
        spark.export_raw_tables(settings, ["articles", "fct_calls; drop"])


def spark_table(settings: Settings, name: str, sql: str) -> None:
    """What Spark leaves for a table it built: a folder of Parquet part files (and a _SUCCESS marker)."""
    schema, table = name.split(".")
    folder = spark.tables_dir(settings.build_path) / f"{schema}.db" / table
    folder.mkdir(parents=True)
    duckdb.sql(sql).write_parquet(str(folder / "part-00000.snappy.parquet"))
    (folder / "_SUCCESS").touch()


def test_built_tables_replace_marts_and_audit_but_keep_the_validation_results(settings: Settings) -> None:
    con = duckdb.connect(str(settings.build_path))
    con.execute("create schema marts; create table marts.stale as select 1 as x")
    con.close()
    write_audit_table(settings.build_path, "validation_results", pl.DataFrame({"suite_name": ["kept"]}))
    spark_table(settings, "marts.fct_calls", "select 'c1' as call_id, 2 as participant_count, date '2025-05-01' as d")
    spark_table(settings, "audit.quarantined_facts", "select 'f1' as fact_id where false")
    spark_table(settings, "staging.stg_articles", "select 1 as not_published")

    assert spark.load_built_tables(settings) == {"marts.fct_calls": 1, "audit.quarantined_facts": 0}
    con = duckdb.connect(str(settings.build_path), read_only=True)
    tables = con.execute("select schema_name, table_name from duckdb_tables() order by 1, 2").fetchall()
    assert ("marts", "stale") not in tables
    assert ("audit", "validation_results") in tables
    assert ("staging", "stg_articles") not in tables
    assert con.execute("select * from marts.fct_calls").fetchall() == [("c1", 2, dt.date(2025, 5, 1))]
    assert con.execute("select typeof(participant_count) from marts.fct_calls").fetchone() == ("INTEGER",)
    con.close()


def test_no_marts_from_spark_is_an_error_and_changes_nothing(settings: Settings) -> None:
    with pytest.raises(FileNotFoundError, match="no marts built by Spark"):
        spark.load_built_tables(settings)


def test_the_engine_setting(tmp_path: Path) -> None:
    assert Settings.from_env({}).engine == "duckdb"
    assert Settings.from_env({"HOTLINE_ENGINE": "spark"}).engine == "spark"
    with pytest.raises(ValueError, match="HOTLINE_ENGINE must be one of duckdb, spark"):
        Settings.from_env({"HOTLINE_ENGINE": "postgres"})


def test_sparks_folders_sit_beside_the_build_file(tmp_path: Path) -> None:
    """The rule profiles.yml's spark target follows too: ``<name>.build.duckdb`` -> ``<name>.build.spark/``."""
    build = tmp_path / "hotline.build.duckdb"
    assert spark.raw_dir(build) == tmp_path / "hotline.build.spark" / "raw"
    assert spark.tables_dir(build) == tmp_path / "hotline.build.spark" / "tables"
