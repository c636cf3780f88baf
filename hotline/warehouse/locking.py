"""One writer at a time: an ``fcntl`` lock next to the published file, re-entrant within a process."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from hotline.config import Settings

_LOCK_POLL_SECONDS = 0.1


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
