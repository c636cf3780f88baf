"""The published file holds schemas ``marts`` and ``audit`` only, with their column types and views.

Examples written by us: a build file with every schema the pipeline writes (raw, staging views, intermediate,
the reference seeds, marts, audit) and a mart view, published with ``hotline.warehouse.publish``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from hotline.warehouse import publish


def make_build(path: Path, *, view_outside: bool = False) -> Path:
    con = duckdb.connect(str(path))
    try:
        for schema in ("raw", "staging", "intermediate", "reference", "marts", "audit"):
            con.execute(f"create schema {schema}")
        con.execute("create table raw.articles as select 'a1' as article_id, 'the text' as text")
        con.execute("create view staging.stg_articles as select * from raw.articles")
        con.execute("create table intermediate.int_calls as select 'c1' as call_id")
        con.execute("create table reference.countries as select 'MX' as country_code")
        con.execute(
            "create table marts.fct_calls (call_id varchar not null, duration_minutes integer, rate double, "
            "is_planned boolean, call_date date, published_at timestamp with time zone)"
        )
        con.execute("insert into marts.fct_calls values ('c1', 25, 2.5, false, '2025-05-01', '2025-05-02 10:00+00')")
        con.execute("create table audit.rejected_articles as select 'x.bin' as source_name, 'binary' as reason")
        con.execute("create view audit.v_held as select call_id from marts.fct_calls where not is_planned")
        con.execute("create view marts.z_dated as select * from marts.fct_calls where call_date is not null")
        con.execute("create view marts.a_recent as select * from marts.z_dated")  # reads a view named after it
        if view_outside:
            con.execute("create view marts.v_texts as select text from raw.articles")
    finally:
        con.close()
    return path


def catalog(path: Path) -> dict[str, Any]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            "relations": con.execute(
                "select schema_name || '.' || table_name from duckdb_tables() where database_name = current_database()"
                " union all select schema_name || '.' || view_name from duckdb_views() "
                "where database_name = current_database() and not internal order by 1"
            ).fetchall(),
            "schemas": con.execute(
                "select schema_name from duckdb_schemas() where database_name = current_database() "
                "and not internal order by 1"
            ).fetchall(),
            "columns": con.execute(
                "select table_name, column_name, data_type, is_nullable from duckdb_columns() "
                "where database_name = current_database() and schema_name = 'marts' order by all"
            ).fetchall(),
            "calls": con.execute("select * from marts.fct_calls").fetchall(),
            "held": con.execute("select * from audit.v_held").fetchall(),
            "recent": con.execute("select call_id from marts.a_recent").fetchall(),
        }
    finally:
        con.close()


def test_only_marts_and_audit_are_published(tmp_path: Path) -> None:
    build = make_build(tmp_path / "hotline.build.duckdb")

    counts = publish(build, tmp_path / "hotline.duckdb")

    published, source = catalog(tmp_path / "hotline.duckdb"), catalog(build)
    assert counts == {"fct_calls": 1}
    assert published["relations"] == [
        ("audit.rejected_articles",),
        ("audit.v_held",),
        ("marts.a_recent",),
        ("marts.fct_calls",),
        ("marts.z_dated",),
    ]
    assert [schema for (schema,) in published["schemas"]] == ["audit", "marts"]
    assert published["columns"] == source["columns"]  # types and NOT NULL as built
    assert published["calls"] == source["calls"]
    assert published["held"] == published["recent"] == [("c1",)]
    assert len(catalog(build)["relations"]) == 9  # the build file keeps everything


def test_a_mart_view_reading_outside_the_published_schemas_stops_the_publish(tmp_path: Path) -> None:
    build = make_build(tmp_path / "hotline.build.duckdb", view_outside=True)
    with pytest.raises(ValueError, match=r"view marts\.v_texts cannot be published: it reads outside marts, audit"):
        publish(build, tmp_path / "hotline.duckdb")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["hotline.build.duckdb"]  # nothing half-published
