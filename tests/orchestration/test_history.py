"""Dagster's SQLite files commit without a flush per event during a run, and lose nothing (orchestration.history)."""

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from orchestration.history import quick_commits

FULL, NORMAL = 2, 1  # PRAGMA synchronous


def engine(path: Path) -> sa.Engine:
    """As Dagster's SQLite storage connects: a new connection each time, closed at once."""
    return sa.create_engine(f"sqlite:///{path}", poolclass=NullPool)


def wal_file(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def test_files_under_home_commit_without_flush_and_keep_every_row(tmp_path: Path) -> None:
    home, elsewhere = tmp_path / "dagster_home", tmp_path / "other"
    home.mkdir()
    elsewhere.mkdir()
    runs, other = home / "runs.db", elsewhere / "other.db"
    for path in (runs, other):
        with engine(path).begin() as con:
            con.exec_driver_sql("PRAGMA journal_mode=WAL")
            con.exec_driver_sql("CREATE TABLE events (id INTEGER)")

    with quick_commits(home):
        for value in range(3):
            with engine(runs).begin() as con:
                con.exec_driver_sql("INSERT INTO events VALUES (?)", (value,))
                assert con.exec_driver_sql("PRAGMA synchronous").scalar() == NORMAL
        assert wal_file(runs).is_file()  # closing a connection did not checkpoint: one is held open
        with engine(other).connect() as con:
            assert con.exec_driver_sql("PRAGMA synchronous").scalar() == FULL  # outside home: as SQLite has it

    assert not wal_file(runs).exists()  # checkpointed once, at the end
    with engine(runs).connect() as con:
        assert con.exec_driver_sql("SELECT count(*) FROM events").scalar() == 3
        assert con.exec_driver_sql("PRAGMA synchronous").scalar() == FULL  # the block ended: nothing changed
