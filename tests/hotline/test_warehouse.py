"""Tests of hotline.warehouse: Arrow writes into ``raw``, the allow-list, atomic publish and the write lock.

Examples written by us. Anything that must be *another process* (a DuckDB writer, a holder of the fcntl
lock, a reader that connects after a publish) runs in a child Python, killed by pid in ``finally``.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl
import pytest

from hotline.config import Settings
from hotline.schemas import RAW_TABLES
from hotline.warehouse import (
    WarehouseBusyError,
    connect_build,
    publish,
    read_table,
    record_validation,
    write_audit_table,
    write_raw_tables,
    writer_lock,
)

SQL_LOOKING = "x'); drop table raw.articles; --"


def article_frame(*titles: str) -> pl.DataFrame:
    rows = [
        {
            "article_id": f"a{index}",
            "source_name": f"{index:03d}.txt",
            "source_format": "txt",
            "title": title,
            "text": f"{title}. Leaders spoke by phone.",
            "url": None,
            "outlet": None,
            "content_hash": f"hash{index}",
            "encoding": "utf-8",
            "byte_size": 100 + index,
            "published_date": dt.date(2025, 3, index + 1),
            "published_date_source": "metadata",
            "published_date_evidence": None,
        }
        for index, title in enumerate(titles)
    ]
    return pl.DataFrame(rows, schema=RAW_TABLES["articles"])


def rejected_frame() -> pl.DataFrame:
    return pl.DataFrame(
        [{"source_name": "bad.bin", "reason": "not utf-8 text", "byte_size": 12, "rejected_at": None}],
        schema=RAW_TABLES["rejected_articles"],
    )


def settings_for(tmp_path: Path, lock_timeout_seconds: float = 0.5) -> Settings:
    return Settings(
        articles_dir=tmp_path / "articles",
        warehouse_path=tmp_path / "warehouse" / "hotline.duckdb",
        lock_timeout_seconds=lock_timeout_seconds,
    )


def make_build(path: Path, call_ids: list[str]) -> None:
    """A stand-in for what dbt builds: a ``marts`` table and a view over it."""
    con = duckdb.connect(str(path))
    try:
        con.execute("create schema if not exists marts")
        con.execute("create or replace table marts.fct_calls (call_id varchar)")
        con.executemany("insert into marts.fct_calls values (?)", [[call_id] for call_id in call_ids])
        con.execute("create or replace view marts.v_calls as select * from marts.fct_calls")
    finally:
        con.close()


@contextmanager
def child(code: str) -> Iterator[subprocess.Popen[str]]:
    """Run ``code`` in another Python; it prints ``ready`` once it holds what it holds, then sleeps."""
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line == "ready", proc.stderr.read() if proc.stderr else line
        yield proc
    finally:
        proc.kill()  # SIGKILL by pid: background processes here may ignore SIGTERM
        proc.wait(timeout=10)


def read_in_child(path: Path, sql: str) -> list[list[object]]:
    code = (
        "import duckdb, json, sys; "
        "con = duckdb.connect(sys.argv[1], read_only=True); "
        "print(json.dumps(con.execute(sys.argv[2]).fetchall()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path), sql], capture_output=True, text=True, check=True, timeout=60
    )
    return json.loads(out.stdout)


# ------------------------------------------------------------------------------------------ raw writes


def test_write_then_read_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "build.duckdb"
    articles = article_frame("Carney and Sheinbaum spoke", "Trump calls Lula")

    counts = write_raw_tables(path, {"articles": articles, "rejected_articles": rejected_frame()})

    assert counts == {"articles": 2, "rejected_articles": 1}
    back = read_table(path, "raw.articles")
    assert back.schema == RAW_TABLES["articles"]
    assert back.sort("article_id").equals(articles)
    assert read_table(path, "raw.rejected_articles")["reason"].to_list() == ["not utf-8 text"]


def test_write_replaces_the_table(tmp_path: Path) -> None:
    path = tmp_path / "build.duckdb"
    write_raw_tables(path, {"articles": article_frame("one", "two", "three")})
    write_raw_tables(path, {"articles": article_frame("only")})
    assert read_table(path, "raw.articles")["title"].to_list() == ["only"]


def test_empty_frame_keeps_its_types(tmp_path: Path) -> None:
    path = tmp_path / "build.duckdb"
    write_raw_tables(path, {"call_topics": pl.DataFrame(schema=RAW_TABLES["call_topics"])})
    back = read_table(path, "raw.call_topics")
    assert back.height == 0
    assert back.schema == RAW_TABLES["call_topics"]


@pytest.mark.parametrize(
    "name",
    ["not_a_table", "articles; drop table raw.articles", "audit.validation_results", "ARTICLES"],
)
def test_names_outside_the_allow_list_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "build.duckdb"
    with pytest.raises(ValueError, match="not raw tables"):
        write_raw_tables(path, {"articles": article_frame("ok"), name: article_frame("x")})
    assert not path.exists()  # refused before anything was opened


def test_columns_must_match_the_schema(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="missing"):
        write_raw_tables(tmp_path / "b.duckdb", {"articles": article_frame("x").drop("title")})


def test_sql_looking_value_stays_inert(tmp_path: Path) -> None:
    path = tmp_path / "build.duckdb"
    write_raw_tables(path, {"articles": article_frame(SQL_LOOKING, "second")})
    back = read_table(path, "raw.articles")
    assert back.height == 2
    assert SQL_LOOKING in back["title"].to_list()


@pytest.mark.parametrize(
    "name", ["raw.articles; drop table raw.articles", "raw", "Raw.Articles", 'raw."articles"', "a.b.c"]
)
def test_read_table_refuses_odd_identifiers(tmp_path: Path, name: str) -> None:
    path = tmp_path / "build.duckdb"
    write_raw_tables(path, {"articles": article_frame("x")})
    with pytest.raises(ValueError, match=r"schema\.table"):
        read_table(path, name)


def test_audit_table_allow_list(tmp_path: Path) -> None:
    path = tmp_path / "build.duckdb"
    results = pl.DataFrame({"suite": ["calls_have_unique_ids"], "passed": [True]})
    assert write_audit_table(path, "validation_results", results) == 1
    assert read_table(path, "audit.validation_results").equals(results)
    with pytest.raises(ValueError, match="not an audit table"):
        write_audit_table(path, "rejected_articles", results)


# -------------------------------------------------------------------------------------------- publish


def test_publish_replaces_atomically(tmp_path: Path) -> None:
    build, published = tmp_path / "hotline.build.duckdb", tmp_path / "hotline.duckdb"
    make_build(build, ["old"])
    publish(build, published)
    old_reader = duckdb.connect(str(published), read_only=True)
    try:
        make_build(build, ["new-1", "new-2"])

        counts = publish(build, published)

        assert counts == {"fct_calls": 2}
        # A reader connected before the publish keeps its (old) file ...
        assert old_reader.execute("select call_id from marts.fct_calls").fetchall() == [("old",)]
        # ... while a new connection, here from another process, sees the new one.
        assert read_in_child(published, "select call_id from marts.fct_calls order by 1") == [
            ["new-1"],
            ["new-2"],
        ]
    finally:
        old_reader.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hotline.build.duckdb", "hotline.duckdb"]


def published_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table and view of the published schemas with its rows, sorted."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = con.execute(
            "select schema_name || '.' || table_name from duckdb_tables() union all "
            "select schema_name || '.' || view_name from duckdb_views() where not internal"
        ).fetchall()
        return {name: sorted(con.execute(f"select * from {name}").fetchall(), key=repr) for (name,) in names}
    finally:
        con.close()


def test_a_publish_onto_a_published_file_writes_only_what_changed_and_gives_the_same_file(tmp_path: Path) -> None:
    build, published = tmp_path / "hotline.build.duckdb", tmp_path / "hotline.duckdb"
    con = duckdb.connect(str(build))
    con.execute("create schema marts")
    con.execute("create schema audit")
    con.execute("create table marts.dim_articles (article_id varchar, content_hash varchar, text varchar)")
    con.execute("insert into marts.dim_articles values ('a1', 'h1', 'one'), ('a2', 'h2', 'two'), ('a3', 'h3', null)")
    con.execute("create table marts.fct_calls (call_id varchar, n integer)")
    con.execute("insert into marts.fct_calls values ('c1', 1), ('c2', null)")
    con.execute("create table audit.gone (x integer)")
    con.execute("create view marts.v_calls as select * from marts.fct_calls")
    con.close()
    publish(build, published)
    con = duckdb.connect(str(build))
    con.execute("delete from marts.dim_articles where article_id = 'a2'")  # a deleted article
    con.execute("insert into marts.dim_articles values ('a4', 'h4', 'four')")  # an added one
    con.execute("update marts.fct_calls set n = 2 where call_id = 'c2'")  # a changed row (null before)
    con.execute("drop table audit.gone")  # a table that left
    con.execute("create table audit.added (y varchar)")  # one that came
    con.execute("insert into audit.added values ('new')")
    con.execute("drop view marts.v_calls")
    con.execute("alter table marts.fct_calls add column tone varchar")  # another layout: copied whole
    con.execute("create view marts.v_calls as select call_id from marts.fct_calls")
    con.close()

    counts = publish(build, published)

    assert counts == {"dim_articles": 3, "fct_calls": 2}
    assert published_rows(published) == published_rows(build)
    assert published.stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hotline.build.duckdb", "hotline.duckdb"]


def test_a_publish_in_another_storage_version_writes_a_new_file(tmp_path: Path) -> None:
    build, published = tmp_path / "hotline.build.duckdb", tmp_path / "hotline.duckdb"
    make_build(build, ["c1"])
    publish(build, published, "v1.0.0")
    make_build(build, ["c2"])
    publish(build, published, "v1.2.0")
    con = duckdb.connect(str(published), read_only=True)
    try:
        ((tags,),) = con.execute(
            "select tags from duckdb_databases() where database_name = current_database()"
        ).fetchall()
        assert tags["storage_version"].startswith("v1.2.0")
        assert con.execute("select call_id from marts.v_calls").fetchall() == [("c2",)]
    finally:
        con.close()


def test_published_file_is_readable_with_its_views_and_storage_version(tmp_path: Path) -> None:
    build, published = tmp_path / "hotline.build.duckdb", tmp_path / "hotline.duckdb"
    make_build(build, ["c1"])
    publish(build, published, "v1.0.0")
    con = duckdb.connect(str(published), read_only=True)
    try:
        assert con.execute("select call_id from marts.v_calls").fetchall() == [("c1",)]
        ((tags,),) = con.execute(
            "select tags from duckdb_databases() where database_name = current_database()"
        ).fetchall()
        assert tags["storage_version"].startswith("v1.0.0")
    finally:
        con.close()


def test_publish_refuses_a_bad_storage_version(tmp_path: Path) -> None:
    build = tmp_path / "hotline.build.duckdb"
    make_build(build, ["c1"])
    with pytest.raises(ValueError, match="storage version"):
        publish(build, tmp_path / "hotline.duckdb", "v1'; drop")


def test_published_file_is_read_only_and_a_writer_on_it_stops_the_publish(tmp_path: Path) -> None:
    build, published = tmp_path / "hotline.build.duckdb", tmp_path / "hotline.duckdb"
    make_build(build, ["c1"])
    publish(build, published)
    assert published.stat().st_mode & 0o777 == 0o444
    code = f"""
        import duckdb, os, time
        os.chmod({str(published)!r}, 0o644)
        con = duckdb.connect({str(published)!r})
        con.execute("create table main.notes as select 'mine' as note")
        print("ready", flush=True)
        time.sleep(60)
    """
    make_build(build, ["c2"])
    with child(code) as writer, pytest.raises(WarehouseBusyError) as excinfo:
        publish(build, published)
    message = str(excinfo.value)
    assert "open for writing by another process" in message
    assert f"pid {writer.pid}" in message
    # The writer's WAL was neither deleted nor replayed onto a new file: it is set aside at the next publish.
    wal = published.with_name("hotline.duckdb.wal")
    had_wal = wal.exists()
    publish(build, published)
    assert read_in_child(published, "select call_id from marts.fct_calls") == [["c2"]]
    set_aside = list(tmp_path.glob("hotline.duckdb.wal.*.set-aside"))
    assert len(set_aside) == int(had_wal)


def test_a_publish_reusing_the_spare_starts_from_the_file_the_last_one_replaced(tmp_path: Path) -> None:
    build, published = tmp_path / "hotline.build.duckdb", tmp_path / "hotline.duckdb"
    spare = tmp_path / ".hotline.duckdb.spare"
    make_build(build, ["c1"])
    publish(build, published, reuse_spare=True)
    assert not spare.exists()  # nothing was replaced
    make_build(build, ["c2"])
    publish(build, published, reuse_spare=True)
    assert read_in_child(spare, "select call_id from marts.fct_calls") == [["c1"]]  # the file it replaced
    kept = spare.stat().st_ino
    make_build(build, ["c3", "c4"])

    counts = publish(build, published, reuse_spare=True)

    assert counts == {"fct_calls": 2}
    assert published.stat().st_ino == kept  # written from the spare, not from a copy
    assert published_rows(published) == published_rows(build)
    assert published.stat().st_mode & 0o777 == 0o444
    assert read_in_child(spare, "select call_id from marts.fct_calls") == [["c2"]]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".hotline.duckdb.spare",
        "hotline.build.duckdb",
        "hotline.duckdb",
    ]
    publish(build, published)  # without reuse_spare: the spare goes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hotline.build.duckdb", "hotline.duckdb"]


@pytest.mark.parametrize("reader", ["duckdb", "plain"])
def test_a_spare_a_process_holds_open_is_left_to_it(tmp_path: Path, reader: str) -> None:
    """A reader that opened the published file two publishes ago (with DuckDB, or as plain bytes: a copy) keeps
    reading it unchanged: the publish copies instead of writing into it."""
    build, published = tmp_path / "hotline.build.duckdb", tmp_path / "hotline.duckdb"
    make_build(build, ["c1"])
    publish(build, published, reuse_spare=True)
    first = published.stat().st_ino
    opens = {  # how the reader opens the file, and what it reads from it
        "duckdb": "con = duckdb.connect(path, read_only=True)\n"
        "def read():\n    return con.execute('select call_id from marts.fct_calls').fetchall()\n",
        "plain": "handle = open(path, 'rb')\n"
        "def read():\n    handle.seek(0)\n    return hashlib.sha256(handle.read()).hexdigest()\n",
    }
    code = (
        f"import duckdb, hashlib, sys\npath = {str(published)!r}\n{opens[reader]}"
        "before = read()\nprint('ready', flush=True)\nsys.stdin.readline()\nprint(before == read(), flush=True)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdin is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        make_build(build, ["c2"])
        publish(build, published, reuse_spare=True)  # the reader's file becomes the spare
        make_build(build, ["c3"])

        publish(build, published, reuse_spare=True)

        assert published.stat().st_ino != first
        assert read_in_child(published, "select call_id from marts.fct_calls") == [["c3"]]
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "True"  # what it read before, unchanged
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_temp_files_of_a_killed_publish_are_removed_by_the_next(tmp_path: Path) -> None:
    build, published = tmp_path / "hotline.build.duckdb", tmp_path / "hotline.duckdb"
    make_build(build, ["c1"])
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = tmp_path / f".hotline.duckdb.{dead.stdout.strip()}.publishing"
    leftover.write_bytes(b"\0" * 1024)
    leftover.with_name(leftover.name + ".wal").write_bytes(b"x")
    with child("import time\nprint('ready', flush=True)\ntime.sleep(60)") as alive:
        in_progress = tmp_path / f".hotline.duckdb.{alive.pid}.publishing"
        in_progress.write_bytes(b"\0")
        publish(build, published)
        assert in_progress.exists()  # a publish under way in a live process is left alone
    assert not leftover.exists()
    assert not leftover.with_name(leftover.name + ".wal").exists()


def test_validation_results_keep_one_row_per_suite_and_table_of_the_last_run(tmp_path: Path) -> None:
    from hotline.quality import SuiteResult, results_frame

    path = tmp_path / "build.duckdb"
    now = dt.datetime.now(dt.UTC)
    first = SuiteResult("topic_never_both", "marts.bridge_call_topics", True, 1, [], row_count=3)
    record_validation(path, results_frame([first], now, "run-1"))
    again = SuiteResult("topic_never_both", "marts.bridge_call_topics", False, 1, [], row_count=4)
    other = SuiteResult("calls_have_two_participants", "marts.bridge_call_participants", True, 1, [], row_count=2)
    record_validation(path, results_frame([again], now, "run-2"))
    record_validation(path, results_frame([other], now, "run-2"))
    rows = read_table(path, "audit.validation_results").sort("suite_name")
    assert rows.select("suite_name", "is_passed", "run_id").rows() == [
        ("calls_have_two_participants", True, "run-2"),
        ("topic_never_both", False, "run-2"),
    ]


# ------------------------------------------------------------------------------------------- locking


def test_busy_lock_names_the_holder(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    settings.lock_path.parent.mkdir(parents=True)
    code = f"""
        import fcntl, os, time
        fd = os.open({str(settings.lock_path)!r}, os.O_RDWR | os.O_CREAT)
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, f"{{os.getpid()}}\\n".encode())
        print("ready", flush=True)
        time.sleep(60)
    """
    with child(code) as holder:
        started = time.monotonic()
        with pytest.raises(WarehouseBusyError) as excinfo, writer_lock(settings):
            pass
        assert time.monotonic() - started >= settings.lock_timeout_seconds
    message = str(excinfo.value)
    assert message.startswith("warehouse is busy: another run holds")
    assert str(settings.lock_path) in message
    assert f"pid {holder.pid}" in message
    # Once the holder is gone the lock is free again.
    with writer_lock(settings) as path:
        assert path == settings.lock_path


def test_writer_lock_is_reentrant_in_one_process(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    with writer_lock(settings), writer_lock(settings):
        pass
    with writer_lock(settings):
        pass


def test_duckdb_writer_conflict_becomes_busy_error(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    settings.build_path.parent.mkdir(parents=True)
    code = f"""
        import duckdb, time
        con = duckdb.connect({str(settings.build_path)!r})
        print("ready", flush=True)
        time.sleep(60)
    """
    with child(code) as holder, pytest.raises(WarehouseBusyError) as excinfo:
        connect_build(settings)
    message = str(excinfo.value)
    assert message.startswith("warehouse is busy")
    assert f"pid {holder.pid}" in message
    assert str(settings.build_path) in message
