"""What a build of the warehouse was made from, kept in ``state.meta`` of the build file beside the ingest's state
(:mod:`hotline.ingest.state`): a run whose raw data, dbt project and date match what the published file was built
from builds nothing (``orchestration.assets.dbt``).
"""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from hotline.ingest.state import STATE_TABLES, TABLES_OF
from hotline.warehouse import transaction


def data_key(build_path: Path) -> str:
    """sha256 of what the raw tables were made from: the extractor version, each file's name and content (its
    hash, or size and mtime for a file that held no article), what the walk rejected unread, and the articles
    over the extraction budget. The same key means the same ``raw`` tables. Without the ingest's state (raw tables
    written some other way) a new key each time: such a build is never taken as unchanged."""
    with transaction(build_path, "state") as con:
        if not set(STATE_TABLES) <= {row[0] for row in con.execute(TABLES_OF, ["state"]).fetchall()}:
            return f"no ingest state: {uuid.uuid4()}"
        parts = con.execute(
            """
            select
                (select max(value) from state.meta where name = 'extractor_version'),
                (select string_agg(file_name || ':' || coalesce(file_hash, size || '/' || mtime_ns), '|'
                    order by file_name) from state.files),
                (select string_agg(source_name || ':' || reason, '|' order by source_name, reason) from state.unread),
                (select string_agg(article_id || ':' || reason, '|' order by article_id) from state.extracted
                    where reason is not null)
            """
        ).fetchone()
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def read_meta(build_path: Path, name: str) -> str | None:
    """A value :func:`write_meta` kept in the build file (None when absent, or no state yet)."""
    if not Path(build_path).exists():
        return None
    with transaction(build_path, "state") as con:
        if "meta" not in {row[0] for row in con.execute(TABLES_OF, ["state"]).fetchall()}:
            return None
        row = con.execute("select value from state.meta where name = ?", [name]).fetchone()
    return row[0] if row else None


def write_meta(build_path: Path, **values: str | None) -> None:
    """Keep ``values`` in ``state.meta`` (None deletes one)."""
    with transaction(build_path, "state") as con:
        con.execute(f"create table if not exists state.meta ({STATE_TABLES['meta']})")
        for name, value in values.items():
            con.execute("delete from state.meta where name = ?", [name])
            if value is not None:
                con.execute("insert into state.meta values (?, ?)", [name, value])


def table_names(build_path: Path, schema: str) -> list[str]:
    """The tables (and views) of ``schema`` in the build file."""
    with transaction(build_path) as con:
        rows = con.execute(
            "select table_name from information_schema.tables where table_schema = ? order by 1", [schema]
        ).fetchall()
    return [row[0] for row in rows]
