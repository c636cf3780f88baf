"""Dagster's run history (the SQLite files under DAGSTER_HOME) written without a disk flush per event.

Dagster's SQLite storage opens a new connection for every read and write and closes it at once (SQLAlchemy
``NullPool``): a run on the seeds stores about 500 events in over a thousand transactions. Each commit flushes the
write-ahead log to disk (``synchronous=FULL``), and each close, being the last connection to its file,
checkpoints the log into the database and flushes again: some 5,500 ``fdatasync`` calls a run, seconds on an idle
disk and tens of seconds on a busy one. While a run is recorded, :func:`quick_commits`

* sets ``PRAGMA synchronous=NORMAL`` on every connection to a file under DAGSTER_HOME: in WAL mode a commit then
  appends to the log without a flush. The files stay consistent; a power cut or an operating-system crash (not a
  crash of the process) may lose the last events recorded;
* holds one idle connection open to each of those files, so Dagster's connections are never the last one and do
  not checkpoint when they close. The log is checkpointed when it reaches SQLite's 1,000 pages, and once at the
  end, when these connections close.

A run on the seeds then flushes about 400 times, most of them Dagster creating its files on a first run.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


@contextlib.contextmanager
def quick_commits(home: Path) -> Iterator[None]:
    """Every SQLite connection this process opens to a file under ``home`` commits without a flush, and none of
    them checkpoints on close, until the block ends."""
    files = _HeldFiles(home.resolve())
    event.listen(Engine, "connect", files.on_connect)
    try:
        yield
    finally:
        event.remove(Engine, "connect", files.on_connect)
        files.close()


class _HeldFiles:
    """The idle connections that keep each SQLite file's write-ahead log open (one per file)."""

    def __init__(self, home: Path):
        self.home = home
        self.held: dict[str, sqlite3.Connection] = {}
        self.lock = threading.Lock()  # Dagster may connect from more than one thread

    def on_connect(self, connection: Any, _record: Any) -> None:
        if not isinstance(connection, sqlite3.Connection):
            return
        (_, _, file) = connection.execute("PRAGMA database_list").fetchone()  # the main database
        if not file or not Path(file).resolve().is_relative_to(self.home):
            return
        connection.execute("PRAGMA synchronous=NORMAL")
        # A file Dagster is creating turns to WAL on its first connection: it is held from the next one on.
        if file in self.held or connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            return
        with self.lock:
            if file not in self.held:
                held = sqlite3.connect(file, check_same_thread=False)
                held.execute("SELECT 1 FROM sqlite_master").fetchall()  # opens the log; held until closed
                self.held[file] = held

    def close(self) -> None:
        with self.lock:
            for held in self.held.values():
                held.close()  # the last connection to its file: checkpoints the log into the database
            self.held.clear()
