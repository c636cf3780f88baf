"""A BI tool's connection: SQLAlchemy + duckdb-engine, read-only on the published file, never blocked by a run.

Examples written by us: a small build file published with ``hotline.warehouse.publish``; the run is another
process, as in real use: it holds DuckDB's write lock on the build file while the BI connection reads, then
publishes under it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import sqlalchemy as sa

from hotline.warehouse import publish


def make_build(path: Path, call_ids: list[str]) -> None:
    con = duckdb.connect(str(path))
    try:
        con.execute("create schema if not exists marts")
        con.execute("create or replace table marts.fct_calls (call_id varchar, call_date date)")
        con.executemany("insert into marts.fct_calls values (?, date '2025-05-01')", [[c] for c in call_ids])
    finally:
        con.close()


def test_a_read_only_bi_connection_reads_while_a_run_writes_and_publishes(tmp_path: Path) -> None:
    build, published = tmp_path / "hotline.build.duckdb", tmp_path / "hotline.duckdb"
    make_build(build, ["c1"])
    publish(build, published)
    engine = sa.create_engine(f"duckdb:///{published}", connect_args={"read_only": True})
    query = sa.text("select call_id from marts.fct_calls order by call_id")
    writer = subprocess.Popen(  # a run writing the build file, holding DuckDB's write lock on it
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
            "con.execute(\"insert into marts.fct_calls values ('c2', date '2025-05-22')\"); "
            "print('ready', flush=True); time.sleep(60)",
            str(build),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        with engine.connect() as bi:
            assert bi.execute(query).scalars().all() == ["c1"]
            writer.kill()
            writer.wait(timeout=10)
            # The run ends (in its own process, as runs do): publish swaps the file under the open BI connection.
            code = "import sys; from hotline.warehouse import publish; publish(*sys.argv[1:])"
            subprocess.run(
                [sys.executable, "-c", code, str(build), str(published)],
                check=True,
                timeout=60,
            )
            assert bi.execute(query).scalars().all() == ["c1"]  # its snapshot stays consistent
        engine.dispose()
        with engine.connect() as bi:  # reconnected: the new data
            assert bi.execute(query).scalars().all() == ["c1", "c2"]
    finally:
        writer.kill()
        writer.wait(timeout=10)
        engine.dispose()
