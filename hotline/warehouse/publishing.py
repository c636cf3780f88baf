"""Publishing the build file: ``marts`` and ``audit`` copied onto the published file atomically (``os.replace``),
with only the rows that changed written when the published file can be reused."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:
    pass

from hotline.warehouse.core import DUCKDB_MEMORY_LIMIT, connect, quote
from hotline.warehouse.locking import WarehouseBusyError

STORAGE_VERSION = re.compile(r"^v\d+\.\d+\.\d+$")


# ------------------------------------------------------------------------------------------ publishing


def publish(
    build_path: Path, published_path: Path, storage_version: str = "v1.0.0", *, reuse_spare: bool = False
) -> dict[str, int]:
    """Copy the ``marts`` and ``audit`` schemas of the build file onto ``published_path`` atomically; returns
    row counts of the ``marts`` tables.

    Only :data:`PUBLISHED_SCHEMAS` are copied (tables with their DDL, so column types and any constraints
    stay; then their views): ``raw``, ``staging``, ``intermediate`` and the seeds stay in the build file. The
    copy goes to a temporary file next to the published one and is ``os.replace``-d over it once checkpointed and
    closed: readers see either the old file or the new one, never a half-written one. The temporary file starts
    as a copy of the published file when there is one in ``storage_version`` (DuckDB's format, so older clients
    and the BI tools that embed them can read it), and only the rows that differ are deleted and inserted
    (:func:`_copy_schemas`): adding an article to a large warehouse writes its rows, not every article's text.

    With ``reuse_spare`` the file a publish replaces is kept as the *spare* (``.<name>.spare``, a second name of
    the same file) and the next publish starts from it instead of copying the published file (seconds at 100,000
    articles): it holds the publish before last, and the rows that differ are applied all the same. It is reused
    only when no process holds it open (:func:`_attach_spare`); otherwise the publish copies as without it. Only a
    publish in a process of its own may reuse it (the pipeline's: :mod:`hotline.apart`): DuckDB's lock does not
    guard a reader in the same process. Without ``reuse_spare`` a spare left beside the file is removed.
    """
    build_path, published_path = Path(build_path), Path(published_path)
    if not STORAGE_VERSION.match(storage_version):
        raise ValueError(f"storage version must look like v1.0.0, got {storage_version!r}")
    if not build_path.exists():
        raise FileNotFoundError(f"no build warehouse at {build_path}: nothing to publish")
    published_path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_publish_files(published_path)
    _refuse_if_open_for_writing(published_path)
    tmp = published_path.with_name(f".{published_path.name}.{os.getpid()}{PUBLISHING_SUFFIX}")
    _remove_database_file(tmp)

    con = duckdb.connect(":memory:")
    con.execute(f"set memory_limit = '{DUCKDB_MEMORY_LIMIT}'")
    try:
        try:
            con.execute("attach ? as build (read_only)", [str(build_path)])
        except duckdb.IOException as exc:
            if "Could not set lock on file" in str(exc):
                raise WarehouseBusyError(
                    f"warehouse is busy: {build_path} is open for writing elsewhere; cannot publish it"
                ) from exc
            raise
        if not _attach_previous(con, published_path, tmp, storage_version, reuse_spare):
            con.execute("attach ? as pub (storage_version ?)", [str(tmp), storage_version])
        _copy_schemas(con, "build", "pub", PUBLISHED_SCHEMAS)
        counts = _mart_row_counts(con, "pub")
        con.execute("checkpoint pub")
        con.execute("detach pub")
        con.execute("detach build")
    except BaseException:
        con.close()
        _remove_database_file(tmp)
        raise
    con.close()

    tmp.chmod(READ_ONLY_MODE)  # the published file is for readers: a client opening it for writing fails at once
    fsync(tmp)
    _set_aside_wal(published_path)
    spare = spare_path(published_path)
    _remove_database_file(spare)
    if reuse_spare and published_path.is_file():
        with contextlib.suppress(OSError):  # no second name (a file system without hard links): the next one copies
            os.link(published_path, spare)  # the file being replaced: what the next publish starts from
    tmp.replace(published_path)  # os.replace: atomic on POSIX
    fsync(published_path.parent)
    return counts


PUBLISHED_SCHEMAS = ("marts", "audit")
"""The schemas BI tools read; the published file holds these and nothing else."""

UNCOMPARED_COLUMNS: Mapping[tuple[str, str], tuple[str, ...]] = {("marts", "dim_articles"): ("text",)}
"""Columns a publish leaves out when it looks for a table's changed rows, because others it compares determine
them: an article's text (most of the warehouse) with its title is what ``content_hash`` is the sha256 of."""


def _attach_previous(
    con: duckdb.DuckDBPyConnection, published_path: Path, tmp: Path, storage_version: str, reuse_spare: bool = False
) -> bool:
    """Attach a copy of the published file at ``tmp`` as ``pub`` (the spare instead, with ``reuse_spare``, when
    :func:`_attach_spare` can): True when there is one, DuckDB opens it and it is in ``storage_version``; otherwise
    nothing is attached (and no copy is left)."""
    if not published_path.is_file():
        return False
    try:
        if not (reuse_spare and _attach_spare(con, published_path, tmp)):
            shutil.copyfile(published_path, tmp)  # the copy is writable: copyfile leaves the read-only mode behind
            con.execute("attach ? as pub", [str(tmp)])
    except (OSError, duckdb.Error):
        _remove_database_file(tmp)
        return False
    row = con.execute("select tags['storage_version'] from duckdb_databases() where database_name = 'pub'").fetchone()
    if row and row[0] in (storage_version, storage_version + "+"):
        return True
    con.execute("detach pub")
    _remove_database_file(tmp)
    return False


def spare_path(published_path: Path) -> Path:
    """The file the last publish replaced, kept for the next one (``publish(..., reuse_spare=True)``)."""
    return published_path.with_name(f".{published_path.name}.spare")


def _attach_spare(con: duckdb.DuckDBPyConnection, published_path: Path, tmp: Path) -> bool:
    """Move the spare to ``tmp`` and attach it as ``pub``; False (and no spare left) when there is none, it is the
    published file itself (a publish stopped between keeping it and the swap), or a process has it open: a reader
    that opened it when it was the published file keeps reading it unchanged, and the publish copies instead.
    Open is what DuckDB's lock says, and on Linux what ``/proc`` says too (a reader that copies the file takes no
    lock); elsewhere the spare is not reused."""
    spare = spare_path(published_path)
    try:
        if spare.samefile(published_path):
            spare.unlink()
            return False
        spare.replace(tmp)
    except OSError:
        return False
    if _open_by_a_process(tmp):
        _remove_database_file(tmp)  # only our name goes: the reader keeps its file
        return False
    tmp.chmod(0o644)
    try:
        con.execute("attach ? as pub", [str(tmp)])  # fails while a DuckDB reader holds its lock
    except duckdb.Error:
        _remove_database_file(tmp)
        return False
    return True


def _open_by_a_process(path: Path) -> bool:
    """Whether a process this one can see has ``path`` open; True when it cannot tell (no ``/proc``)."""
    proc = Path("/proc")
    if not (proc / "self" / "fd").is_dir():
        return True
    wanted = path.stat()
    for fd in proc.glob("[0-9]*/fd/*"):
        try:
            found = fd.stat()
        except OSError:
            continue  # closed meanwhile, or not ours to look at
        if (found.st_dev, found.st_ino) == (wanted.st_dev, wanted.st_ino):
            return True
    return False


def _copy_schemas(con: duckdb.DuckDBPyConnection, source: str, target: str, schemas: tuple[str, ...]) -> None:
    """Make ``schemas`` of database ``target`` hold what they hold in ``source``: each table from its own DDL and
    rows, then the views (which may read tables and views of either schema). A table ``target`` already has with the
    same DDL keeps its rows but for those that differ (:func:`_apply_row_changes`); the others are created anew (and
    the target's tables that ``source`` lacks dropped). A view reading anything else fails to bind, and the publish
    with it, loudly."""
    placeholders = ", ".join("?" for _ in schemas)
    tables_sql = (
        f"select schema_name, table_name, sql from duckdb_tables() where database_name = ? "
        f"and schema_name in ({placeholders}) order by schema_name, table_name"
    )
    views_sql = (
        f"select schema_name, view_name, sql from duckdb_views() where database_name = ? and not internal "
        f"and schema_name in ({placeholders}) order by schema_name, view_name"
    )
    tables = con.execute(tables_sql, [source, *schemas]).fetchall()
    views = con.execute(views_sql, [source, *schemas]).fetchall()
    existing = {(schema, table): ddl for schema, table, ddl in con.execute(tables_sql, [target, *schemas]).fetchall()}
    con.execute(f"use {quote(target)}")
    try:
        for schema, view, _ in con.execute(views_sql, [target, *schemas]).fetchall():
            con.execute(f"drop view {quote(schema)}.{quote(view)}")
        wanted = {(schema, table): ddl for schema, table, ddl in tables}
        for (schema, table), ddl in existing.items():
            if wanted.get((schema, table)) != ddl:
                con.execute(f"drop table {quote(schema)}.{quote(table)}")
        for schema in sorted({row[0] for row in tables + views}):
            con.execute(f"create schema if not exists {quote(schema)}")
        for schema, table, ddl in tables:
            if existing.get((schema, table)) == ddl:
                _apply_row_changes(con, source, target, schema, table)
                continue
            con.execute(ddl)  # DuckDB's own DDL for the table, run in the target database
            con.execute(
                f"insert into {_qualified(target, schema, table)} select * from {_qualified(source, schema, table)}"
            )
        while views:  # a view reading another view binds once that one exists: repeat until none is left
            failed = []
            for schema, view, ddl in views:
                try:
                    con.execute(ddl)
                except duckdb.CatalogException as exc:
                    failed.append((schema, view, ddl, exc))
            if len(failed) == len(views):
                schema, view, _, exc = failed[0]
                raise ValueError(
                    f"view {schema}.{view} cannot be published: it reads outside {', '.join(schemas)} ({exc})"
                ) from exc
            views = [(schema, view, ddl) for schema, view, ddl, _ in failed]
    finally:
        con.execute("use memory")


def _qualified(database: str, schema: str, table: str) -> str:
    return f"{quote(database)}.{quote(schema)}.{quote(table)}"


def _apply_row_changes(con: duckdb.DuckDBPyConnection, source: str, target: str, schema: str, table: str) -> None:
    """Delete the rows of ``target``'s table that ``source``'s lacks and insert those it lacks, comparing every column
    (null-safe) but :data:`UNCOMPARED_COLUMNS`. A published table's rows are distinct (each mart has a key its dbt
    tests hold); should the row counts still differ after, the table is copied whole."""
    columns = [
        row[0]
        for row in con.execute(
            "select column_name from duckdb_columns() where database_name = ? and schema_name = ? and table_name = ? "
            "order by column_index",
            [source, schema, table],
        ).fetchall()
        if row[0] not in UNCOMPARED_COLUMNS.get((schema, table), ())
    ]
    to, of = _qualified(target, schema, table), _qualified(source, schema, table)
    same = " and ".join(f"built.{quote(column)} is not distinct from published.{quote(column)}" for column in columns)
    con.execute(f"delete from {to} as published where not exists (select 1 from {of} as built where {same})")
    # the rows to add found on the compared columns first, then read whole: the texts of the others stay unread
    con.execute(
        f"create or replace temp table _hotline_added as select built.rowid as added_row from {of} as built "
        f"where not exists (select 1 from {to} as published where {same})"
    )
    con.execute(f"insert into {to} select * from {of} where rowid in (select added_row from _hotline_added)")
    con.execute("drop table _hotline_added")
    counts = con.execute(f"select (select count(*) from {to}), (select count(*) from {of})").fetchone()
    if counts is None or counts[0] != counts[1]:
        con.execute(f"delete from {to}")
        con.execute(f"insert into {to} select * from {of}")


def _mart_row_counts(con: duckdb.DuckDBPyConnection, database: str) -> dict[str, int]:
    tables = con.execute(
        "select table_name from duckdb_tables() where database_name = ? and schema_name = 'marts' order by table_name",
        [database],
    ).fetchall()
    counts: dict[str, int] = {}
    for (table,) in tables:
        row = con.execute(f"select count(*) from {quote(database)}.marts.{quote(table)}").fetchone()
        counts[table] = int(row[0]) if row else 0
    return counts


PUBLISHING_SUFFIX = ".publishing"
READ_ONLY_MODE = 0o444


def remove_stale_publish_files(published_path: Path) -> list[Path]:
    """Remove the temporary copies (``.<name>.<pid>.publishing``) that killed publishes left behind.

    A copy whose process is still alive belongs to a publish under way and is kept.
    """
    removed = []
    pattern = f".{published_path.name}.*{PUBLISHING_SUFFIX}"
    for leftover in published_path.parent.glob(pattern):
        pid = leftover.name[len(published_path.name) + 2 : -len(PUBLISHING_SUFFIX)]
        if pid.isdigit() and int(pid) != os.getpid() and pid_alive(int(pid)):
            continue
        _remove_database_file(leftover)
        removed.append(leftover)
    return removed


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this machine (someone else's counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _refuse_if_open_for_writing(published_path: Path) -> None:
    """A process holding the published file for writing would lose its writes to the swap: refuse instead."""
    if not published_path.exists():
        return
    try:
        connect(published_path, read_only=True).close()
    except WarehouseBusyError as exc:
        raise WarehouseBusyError(
            f"not publishing: {published_path} is open for writing by another process ({exc}); the published "
            "file is for readers: close that connection (or open it with read_only=True) and run again"
        ) from exc


def _set_aside_wal(published_path: Path) -> Path | None:
    """A WAL beside the published file holds writes a client made to the *old* file (it is not open now, or
    publish would have refused). Replayed onto the new file it would corrupt it; deleted, those writes are
    lost. It is renamed ``<name>.wal.<timestamp>.set-aside`` so nothing is lost and readers open cleanly."""
    wal = published_path.with_name(published_path.name + ".wal")
    if not wal.exists():
        return None
    kept = wal.with_name(f"{wal.name}.{time.strftime('%Y%m%dT%H%M%S')}.set-aside")
    wal.replace(kept)
    return kept


def _remove_database_file(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def file_stamp(path: Path) -> str | None:
    """Size and mtime of ``path`` (None when missing): a published file replaced or touched since differs."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def fsync(path: Path) -> None:
    """Flush ``path`` (a file or a folder) to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
