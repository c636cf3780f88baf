"""Tests of hotline.export: files per table that read back equal to the source, the manifest, the atomic swap.

Examples written by us: a tiny published file (marts tables of every column type the marts use, a view, audit
tables) built in a tmp dir, with values that are hard for CSV (commas, quotes, newlines, NULLs).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from hotline import export
from hotline.export import MANIFEST, export_marts, read_manifest

SOURCE_TABLES = ["audit.rejected_articles", "audit.validation_results", "marts.fct_calls", "marts.v_held_calls"]


def make_published(path: Path, calls: int = 3) -> Path:
    con = duckdb.connect(str(path))
    try:
        con.execute("create schema marts")
        con.execute("create schema audit")
        con.execute(
            "create table marts.fct_calls (call_id varchar, date_how varchar, duration_minutes integer, "
            "days_since_previous_call bigint, rate double, is_planned boolean, call_date date, "
            "published_at timestamp with time zone)"
        )
        con.executemany(
            "insert into marts.fct_calls values (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                [f"c{index}", 'said "Thursday", then\nlater, on the 3rd', index or None, None, 2.5 * index,
                 index % 2 == 0, f"2025-05-0{index + 1}", f"2025-05-0{index + 1} 10:00:00+00"]
                for index in range(calls)
            ],
        )  # fmt: skip
        con.execute("create view marts.v_held_calls as select call_id from marts.fct_calls where not is_planned")
        con.execute("create table audit.rejected_articles as select 'a,b.txt' as source_name, 'empty' as reason")
        con.execute("create table audit.validation_results as select 'suite' as suite_name, 'run-7' as run_id")
        con.execute("create table raw_looking_table as select 1 as x")  # main schema: never exported
    finally:
        con.close()
    return path


def rows(sql: str, params: list[Any] | None = None, path: Path | None = None) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(path) if path else ":memory:", read_only=path is not None)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture
def published(tmp_path: Path) -> Path:
    return make_published(tmp_path / "hotline.duckdb")


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_round_trips(published: Path, tmp_path: Path, fmt: str) -> None:
    to = tmp_path / "exports" / fmt

    files = export_marts(published, to, fmt)

    manifest = read_manifest(to)
    assert sorted(manifest["tables"]) == SOURCE_TABLES
    assert [path.name for path in files] == [f"{t.split('.')[1]}.{fmt}" for t in SOURCE_TABLES] + [MANIFEST]
    for table, entry in manifest["tables"].items():
        path = to / entry["file"]
        assert path == to / table.split(".")[0] / f"{table.split('.')[1]}.{fmt}"
        source = rows(f"select * from {table} order by all", path=published)
        columns = rows(
            "select column_name, data_type from duckdb_columns() where schema_name = ? and table_name = ? "
            "order by column_index",
            table.split("."),
            path=published,
        )
        assert entry["columns"] == dict(columns)
        assert entry["rows"] == len(source)
        reader = (
            "read_parquet(?)" if fmt == "parquet" else f"read_csv(?, header = true, columns = {entry['columns']!r})"
        )
        assert rows(f"select * from {reader} order by all", [str(path)]) == source
        assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert manifest["format"] == fmt
    assert manifest["run_id"] == "run-7"
    assert manifest["published_at"] <= manifest["exported_at"]


def test_a_failed_export_leaves_the_previous_one_intact(
    published: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    to = tmp_path / "exports" / "parquet"
    export_marts(published, to)
    before = read_manifest(to)
    make_published(published.with_name("bigger.duckdb"), calls=5).replace(published)
    copy = export._copy

    def fail_on_the_third(*args: Any) -> int:
        if len(list(to.parent.glob(".parquet.*.writing/*/*"))) >= 2:
            raise OSError("disk full")
        return copy(*args)

    monkeypatch.setattr(export, "_copy", fail_on_the_third)
    with pytest.raises(OSError, match="disk full"):
        export_marts(published, to)

    assert read_manifest(to) == before
    for entry in before["tables"].values():  # every file of the previous export, byte for byte
        assert hashlib.sha256((to / entry["file"]).read_bytes()).hexdigest() == entry["sha256"]
    assert rows("select count(*) from read_parquet(?)", [str(to / "marts" / "fct_calls.parquet")]) == [(3,)]
    assert not list(to.parent.glob(".parquet.*.writing"))  # its own temporary folder removed
    monkeypatch.undo()
    export_marts(published, to)
    assert read_manifest(to)["tables"]["marts.fct_calls"]["rows"] == 5


def test_an_unchanged_table_keeps_its_file_and_a_changed_one_is_written_again(published: Path, tmp_path: Path) -> None:
    to = tmp_path / "exports" / "parquet"
    export_marts(published, to)
    first = read_manifest(to)
    inodes = {table: (to / entry["file"]).stat().st_ino for table, entry in first["tables"].items()}
    con = duckdb.connect(str(published))
    con.execute("update marts.fct_calls set duration_minutes = 45 where call_id = 'c1'")
    con.close()

    export_marts(published, to)

    manifest = read_manifest(to)
    changed = manifest["tables"]["marts.fct_calls"]
    assert (to / changed["file"]).stat().st_ino != inodes["marts.fct_calls"]
    assert changed["fingerprint"] != first["tables"]["marts.fct_calls"]["fingerprint"]
    assert rows("select duration_minutes from read_parquet(?) where call_id = 'c1'", [str(to / changed["file"])]) == [
        (45,)
    ]
    kept = {table for table, entry in manifest["tables"].items() if (to / entry["file"]).stat().st_ino == inodes[table]}
    assert kept == {"audit.rejected_articles", "audit.validation_results", "marts.v_held_calls"}  # its ids: the same
    for table, entry in manifest["tables"].items():
        assert entry["sha256"] == hashlib.sha256((to / entry["file"]).read_bytes()).hexdigest()
        if table in kept:
            assert entry == first["tables"][table]


def test_a_killed_export_is_cleaned_up_by_the_next(published: Path, tmp_path: Path) -> None:
    to = tmp_path / "exports" / "parquet"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = to.parent / f".parquet.{dead.stdout.strip()}.writing"
    (leftover / "marts").mkdir(parents=True)
    (leftover / "marts" / "fct_calls.parquet").write_bytes(b"half")

    export_marts(published, to)

    assert not leftover.exists()
    assert to.is_symlink()
    assert read_manifest(to)["tables"]["marts.fct_calls"]["rows"] == 3


def test_the_replaced_export_stays_until_the_next_one(published: Path, tmp_path: Path) -> None:
    """A reader that resolved the export folder keeps a complete copy through one more export."""
    to = tmp_path / "exports" / "parquet"
    export_marts(published, to)
    resolved = to.resolve()
    export_marts(published, to)
    assert resolved != to.resolve()
    assert (resolved / "marts" / "fct_calls.parquet").exists()
    export_marts(published, to)
    assert not resolved.exists()
    assert len(list(to.parent.glob(".parquet@*"))) == 2  # the current export and the one it replaced


def test_the_warehouse_is_opened_read_only(published: Path, tmp_path: Path) -> None:
    """Another process holds the file read-only; a writer could not open it, the export can."""
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1], read_only=True); "
            "print('ready', flush=True); time.sleep(60)",
            str(published),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None
        assert reader.stdout.readline().strip() == "ready"
        export_marts(published, tmp_path / "out")
    finally:
        reader.kill()
        reader.wait(timeout=10)
    assert read_manifest(tmp_path / "out")["tables"]["marts.fct_calls"]["rows"] == 3


def test_clear_errors(published: Path, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no warehouse at"):
        export_marts(tmp_path / "missing.duckdb", tmp_path / "out")
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        export_marts(published, tmp_path / "out", "xlsx")
    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    with pytest.raises(ValueError, match="no tables in schema marts"):
        export_marts(tmp_path / "other.duckdb", tmp_path / "out")
    mine = tmp_path / "mine"
    (mine / "notes.txt").parent.mkdir()
    (mine / "notes.txt").write_text("keep")
    with pytest.raises(FileExistsError, match="is not a link to a folder written here"):
        export_marts(published, mine)
    assert (mine / "notes.txt").read_text() == "keep"
    assert not (tmp_path / "out").exists()
