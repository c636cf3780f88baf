"""DuckDB I/O: one writer at a time, Arrow writes into ``raw``, atomic publish, read-only reads.

DuckDB lets one process write a database file, and a read-only open fails while a writer holds it. So:

* every writer takes :func:`writer_lock` (an ``fcntl`` lock next to the published file) and turns a
  conflict into :class:`WarehouseBusyError` with the holder's pid, instead of DuckDB's raw lock error;
* ingest, extract and dbt write a private *build* file (``settings.build_path``); BI tools only ever open
  the *published* file, which :func:`publish` replaces in one ``os.replace`` (readers that already have
  it open keep reading the old copy until they reconnect);
* SQL takes bound parameters, and the only identifiers ever spliced into SQL come from fixed allow-lists
  (:data:`hotline.schemas.RAW_TABLES`, :data:`AUDIT_TABLES`) or match :data:`QUALIFIED_NAME`.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import shutil
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import duckdb
import polars as pl

from hotline.schemas import RAW_TABLES

if TYPE_CHECKING:
    from hotline.config import Settings

QUALIFIED_NAME = re.compile(r"^[a-z_]+\.[a-z_]+$")
"""``schema.table`` in lowercase snake_case: the only shape :func:`read_table` accepts."""

STORAGE_VERSION = re.compile(r"^v\d+\.\d+\.\d+$")

AUDIT_TABLES: frozenset[str] = frozenset({"validation_results"})
"""Tables of schema ``audit`` written from Python (the rest of ``audit`` is built by dbt)."""

_LOCK_POLL_SECONDS = 0.1

DUCKDB_MEMORY_LIMIT = "1GB"
"""What DuckDB may hold in this process (every connection here: ingest, raw load, publish, exports): past it, it
spills to a temporary file. Without a cap it takes up to 80% of the machine's memory and keeps what it freed: at
100,000 articles the publish and the Parquet exports peaked at 1.6 and 1.7 GB; capped, under 1.1 GB and as fast.
Half of this (512MB) is too little for the exports' Parquet writer."""


class WarehouseBusyError(RuntimeError):
    """Another process is writing the warehouse; the message says which file and, when known, which pid."""


# --------------------------------------------------------------------------------------------- locking

_held_locks: dict[Path, int] = {}
_held_locks_guard = threading.Lock()


@contextlib.contextmanager
def writer_lock(settings: Settings) -> Iterator[Path]:
    """Hold the warehouse write lock, waiting up to ``settings.lock_timeout_seconds``.

    The lock guards against other *processes* (another Dagster run, a second ``make run``, a manual
    ``dbt build``). Within one process it is re-entrant, so a CLI run can hold it for the whole run
    while each asset it executes in-process takes it again around its own write.
    """
    path = settings.lock_path
    with _held_locks_guard:
        if path in _held_locks:
            _held_locks[path] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield path
        finally:
            with _held_locks_guard:
                _held_locks[path] -= 1
        return

    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, settings.lock_timeout_seconds)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        with _held_locks_guard:
            _held_locks[path] = 1
        try:
            yield path
        finally:
            with _held_locks_guard:
                del _held_locks[path]
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, path: Path, timeout_seconds: float) -> None:
    deadline = time.monotonic() + timeout_seconds
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
        if time.monotonic() >= deadline:
            raise WarehouseBusyError(
                f"warehouse is busy: another run holds {path} ({_holder(path)}); waited "
                f"{timeout_seconds:g}s. Wait for it to finish, or raise HOTLINE_LOCK_TIMEOUT_SECONDS."
            )
        time.sleep(_LOCK_POLL_SECONDS)


def _holder(path: Path) -> str:
    pid = _lock_pid(path)
    return f"pid {pid}" if pid is not None else "pid unknown"


def _lock_pid(path: Path) -> int | None:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except OSError:
        pid = ""
    return int(pid) if pid.isdigit() else None


class LockHolder(NamedTuple):
    pid: int | None
    """The holder's pid (None when the lock file does not say)."""
    since: float
    """When it took the lock (the lock file's mtime, seconds since the epoch)."""


def lock_holder(settings: Settings) -> LockHolder | None:
    """Who holds the writer lock now, or None when it is free (or held by this process): lets a waiting run say
    whom it waits for. A momentary shared lock probes it; the writer that wants it then simply polls once more."""
    path = settings.lock_path
    with _held_locks_guard:
        if path in _held_locks:
            return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            return LockHolder(_lock_pid(path), os.fstat(fd).st_mtime)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


# ----------------------------------------------------------------------------------------- connecting


def _connect(path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
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
    return _connect(settings.build_path, read_only=False)


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    return _connect(path, read_only=True)


# -------------------------------------------------------------------------------------------- writing


def _quote(identifier: str) -> str:
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
    con = _connect(path, read_only=False)
    try:
        con.execute("begin transaction")
        for schema_name in schema_names:
            con.execute(f"create schema if not exists {_quote(schema_name)}")
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
            con.execute(f"create or replace table {_quote(schema_name)}.{_quote(name)} as select * from {_quote(view)}")
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
    _fsync(tmp)
    _set_aside_wal(published_path)
    spare = spare_path(published_path)
    _remove_database_file(spare)
    if reuse_spare and published_path.is_file():
        with contextlib.suppress(OSError):  # no second name (a file system without hard links): the next one copies
            os.link(published_path, spare)  # the file being replaced: what the next publish starts from
    tmp.replace(published_path)  # os.replace: atomic on POSIX
    _fsync(published_path.parent)
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
    con.execute(f"use {_quote(target)}")
    try:
        for schema, view, _ in con.execute(views_sql, [target, *schemas]).fetchall():
            con.execute(f"drop view {_quote(schema)}.{_quote(view)}")
        wanted = {(schema, table): ddl for schema, table, ddl in tables}
        for (schema, table), ddl in existing.items():
            if wanted.get((schema, table)) != ddl:
                con.execute(f"drop table {_quote(schema)}.{_quote(table)}")
        for schema in sorted({row[0] for row in tables + views}):
            con.execute(f"create schema if not exists {_quote(schema)}")
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
    return f"{_quote(database)}.{_quote(schema)}.{_quote(table)}"


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
    same = " and ".join(f"built.{_quote(column)} is not distinct from published.{_quote(column)}" for column in columns)
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
        row = con.execute(f"select count(*) from {_quote(database)}.marts.{_quote(table)}").fetchone()
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
        _connect(published_path, read_only=True).close()
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


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -------------------------------------------------------------------------------------------- reading


def read_table(
    path: Path, qualified_name: str, columns: list[str] | None = None, limit: int | None = None
) -> pl.DataFrame:
    """Read ``schema.table`` from ``path`` over a read-only connection: ``columns`` only and the first ``limit``
    rows (in the order of the first column) when given."""
    if not QUALIFIED_NAME.match(qualified_name):
        raise ValueError(f"not a schema.table name: {qualified_name!r}")
    schema, table = qualified_name.split(".")
    selected = ", ".join(_quote(column) for column in columns) if columns else "*"
    ordered = f" order by 1 limit {int(limit)}" if limit is not None else ""
    con = _connect(Path(path), read_only=True)
    try:
        return con.sql(f"select {selected} from {_quote(schema)}.{_quote(table)}{ordered}").pl()
    finally:
        con.close()
