"""Exports of the published warehouse as files, one per table, with a manifest; swapped in atomically.

Layout of an export folder ``to`` (``export_marts(path, to, "parquet")``)::

    to/manifest.json              published and exported times, the run, and per table: file, rows,
                                  columns (name -> DuckDB type, in order), sha256 of the file and a
                                  fingerprint of its rows
    to/marts/<table>.parquet      every table (and view) of schema ``marts``
    to/audit/<table>.parquet      every table of schema ``audit`` (rejected articles, quarantined facts,
                                  validation results)

CSV files (``fmt="csv"``) have a header row; their column types are in the manifest.

A table whose rows and columns are those of the previous export (the same fingerprint: row count and the sum of
a hash of each row) keeps that export's file, linked into the new folder, instead of being written again: adding
an article rewrites the tables it changed, not every article's text.

``to`` is a symbolic link to a complete folder beside it (``.<name>@<stamp>``). :func:`replace_folder` writes a
new folder, then swaps the link with one ``os.replace``: a reader sees the old export or the new one, never half
of one. The folder it replaced stays until the next export (a reader may still be in it); a temporary folder
that a killed export left (``.<name>.<pid>.writing``) is removed by the next one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from hotline.warehouse import PUBLISHED_SCHEMAS, UNCOMPARED_COLUMNS, connect_read_only, pid_alive
from hotline.warehouse.publishing import fsync

FORMATS: dict[str, str] = {"parquet": "(format parquet)", "csv": "(format csv, header true)"}
"""Export format -> the options of DuckDB's ``COPY ... TO``; the format is also the files' extension."""

MANIFEST = "manifest.json"
SAFE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
"""Schema and table names become file names and SQL identifiers: only lowercase snake_case passes."""

WRITING_SUFFIX = ".writing"


def export_marts(warehouse_path: Path, to: Path, fmt: str = "parquet") -> list[Path]:
    """Write every table of ``marts`` and ``audit`` of the DuckDB file ``warehouse_path`` to ``to``, one file
    per table, plus ``manifest.json``; returns the paths written (through ``to``), the manifest last."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    warehouse_path = Path(warehouse_path)
    con = connect_read_only(warehouse_path)  # a clear FileNotFoundError when there is no file
    try:
        relations = _relations(con, warehouse_path)
        previous = _previous(Path(to), fmt)
        tables: dict[str, dict[str, Any]] = {}
        with replace_folder(Path(to)) as work:
            for schema, name in relations:
                relative = Path(schema, f"{name}.{fmt}")
                (work / schema).mkdir(exist_ok=True)
                entry = {"file": relative.as_posix(), "columns": _columns(con, schema, name)}
                entry["fingerprint"] = _fingerprint(con, schema, name, entry["columns"])
                kept = previous.get(f"{schema}.{name}")
                if not (kept and _keep(kept, entry, Path(to), work / relative)):
                    entry["rows"] = _copy(con, schema, name, work / relative, fmt)
                    entry["sha256"] = _sha256(work / relative)
                tables[f"{schema}.{name}"] = {key: entry.get(key, kept and kept.get(key)) for key in ENTRY_KEYS}
            manifest = {
                "format": fmt,
                "published_at": _mtime(warehouse_path),
                "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "run_id": _run_id(con),
                "source": str(warehouse_path.resolve()),
                "duckdb_version": duckdb.__version__,
                "tables": tables,
            }
            (work / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    finally:
        con.close()
    return [Path(to) / table["file"] for table in tables.values()] + [Path(to) / MANIFEST]


ENTRY_KEYS = ("file", "rows", "columns", "sha256", "fingerprint")
"""A table's entry in the manifest, in this order."""


def _previous(to: Path, fmt: str) -> dict[str, dict[str, Any]]:
    """The tables of the export in ``to`` that a new one may keep: none when there is none, it is in another
    format or was written by another DuckDB (whose hash may differ)."""
    try:
        manifest = read_manifest(to)
    except (OSError, ValueError):
        return {}
    if manifest.get("format") != fmt or manifest.get("duckdb_version") != duckdb.__version__:
        return {}
    return dict(manifest.get("tables", {}))


def _keep(kept: dict[str, Any], entry: dict[str, Any], to: Path, path: Path) -> bool:
    """Link the previous export's file of a table into the new folder when the table is unchanged since (the same
    columns and fingerprint) and the file is there: its rows are not written again. False when it must be written."""
    if kept.get("fingerprint") != entry["fingerprint"] or kept.get("columns") != entry["columns"]:
        return False
    try:
        os.link(to / kept["file"], path)  # the previous folder is never written again: a second name is enough
    except (OSError, KeyError):
        return False
    return True


def _fingerprint(con: duckdb.DuckDBPyConnection, schema: str, name: str, columns: dict[str, str]) -> str:
    """The rows of a relation, summed up: their count and the sum of a hash of each row (any order), over the
    columns a publish compares (an article's text is not read: its ``content_hash`` stands for it)."""
    compared = [column for column in columns if column not in UNCOMPARED_COLUMNS.get((schema, name), ())]
    quoted = ['"' + column.replace('"', '""') + '"' for column in compared]
    row_hash = f"hash({', '.join(quoted)})" if compared else "0"
    row = con.execute(f"select count(*), sum({row_hash}::hugeint) from {schema}.{name}").fetchone()
    return f"{row[0]}:{row[1]}" if row else ""


def read_manifest(to: Path) -> dict[str, Any]:
    """The manifest of the export in ``to``."""
    manifest: dict[str, Any] = json.loads((Path(to) / MANIFEST).read_text(encoding="utf-8"))
    return manifest


def _relations(con: duckdb.DuckDBPyConnection, path: Path) -> list[tuple[str, str]]:
    placeholders = ", ".join("?" for _ in PUBLISHED_SCHEMAS)
    rows = con.execute(
        f"select schema_name, table_name from duckdb_tables() where database_name = current_database() "
        f"and schema_name in ({placeholders}) union all "
        f"select schema_name, view_name from duckdb_views() where database_name = current_database() "
        f"and not internal and schema_name in ({placeholders}) order by 1, 2",
        [*PUBLISHED_SCHEMAS, *PUBLISHED_SCHEMAS],
    ).fetchall()
    if not any(schema == "marts" for schema, _ in rows):
        raise ValueError(f"{path} has no tables in schema marts: is it a published Hotline warehouse?")
    unsafe = [f"{schema}.{name}" for schema, name in rows if not (SAFE_NAME.match(schema) and SAFE_NAME.match(name))]
    if unsafe:
        raise ValueError(f"not exporting {unsafe}: names must be lowercase snake_case to become file names")
    return [(str(schema), str(name)) for schema, name in rows]


def _copy(con: duckdb.DuckDBPyConnection, schema: str, name: str, path: Path, fmt: str) -> int:
    """``COPY`` one relation (names already checked against :data:`SAFE_NAME`) to ``path``; rows written."""
    row = con.execute(f"copy {schema}.{name} to ? {FORMATS[fmt]}", [str(path)]).fetchone()
    return int(row[0]) if row else 0


def _columns(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> dict[str, str]:
    """Column name -> DuckDB type, in the table's order."""
    rows = con.execute(
        "select column_name, data_type from duckdb_columns() where database_name = current_database() "
        "and schema_name = ? and table_name = ? order by column_index",
        [schema, name],
    ).fetchall()
    return {str(column): str(data_type) for column, data_type in rows}


def _run_id(con: duckdb.DuckDBPyConnection) -> str | None:
    """The run that published the file: the one run id of ``audit.validation_results``, when there is one."""
    try:
        rows = con.execute("select distinct run_id from audit.validation_results").fetchall()
    except duckdb.Error:
        return None
    return str(rows[0][0]) if len(rows) == 1 and rows[0][0] is not None else None


def _mtime(path: Path) -> str:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).isoformat(timespec="seconds")


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


# ------------------------------------------------------------------------------------- atomic folders


@contextlib.contextmanager
def replace_folder(to: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``to`` to fill; when the block ends without error, it becomes ``to``.

    ``to`` is a symbolic link to the current folder, swapped by ``os.replace``. On an error the new folder is
    removed and ``to`` is untouched. Swaps in one folder take turns (an ``fcntl`` lock on it). ``to`` must
    be absent or such a link: a real folder there is not replaced (it is not ours to delete).
    """
    to = Path(to)
    if to.exists() and not to.is_symlink():
        raise FileExistsError(f"{to} exists and is not a link to a folder written here: move it away, then retry")
    to.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(to)
    work = to.with_name(f".{to.name}.{os.getpid()}{WRITING_SUFFIX}")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        yield work
        _fsync_tree(work)
        with _swap_lock(to):
            version = to.with_name(f".{to.name}@{time.time_ns()}-{os.getpid()}")
            work.rename(version)
            previous = to.readlink().name if to.is_symlink() else None
            link = to.with_name(f".{to.name}.{os.getpid()}.link")
            link.unlink(missing_ok=True)
            link.symlink_to(version.name)  # relative: the folder can be moved as a whole
            link.replace(to)
            fsync(to.parent)
            for old in to.parent.glob(f".{to.name}@*"):
                if old.name not in (version.name, previous):
                    shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _remove_leftovers(to: Path) -> None:
    """Temporary folders and links of exports whose process is gone (killed mid-export)."""
    for leftover in [*to.parent.glob(f".{to.name}.*{WRITING_SUFFIX}"), *to.parent.glob(f".{to.name}.*.link")]:
        pid = leftover.name[len(to.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and pid_alive(int(pid)):
            continue
        if leftover.is_symlink() or leftover.is_file():
            leftover.unlink()
        else:
            shutil.rmtree(leftover, ignore_errors=True)


@contextlib.contextmanager
def _swap_lock(to: Path) -> Iterator[None]:
    """An ``fcntl`` lock on the folder that holds ``to`` (no lock file left beside it)."""
    fd = os.open(to.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _fsync_tree(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        fsync(path)
    fsync(folder)
