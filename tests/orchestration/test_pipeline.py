"""The whole pipeline, in process, on a small folder of articles written here, into a warehouse under tmp.

The articles are ours (short reports of calls between leaders in the seeds) plus files ingest must
reject. One run per module; the tests then read the published file. Nothing is written into the repo:
the warehouse, dbt's run folders and DAGSTER_HOME all live under the temporary folder.
"""

import dataclasses
import io
import json
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import pytest

from hotline.cli import main
from hotline.config import Settings
from hotline.console import RunConsole
from hotline.quality import SUITES, Expect
from orchestration.assets.publish import published_warehouse
from orchestration.checks import quality_checks
from orchestration.definitions import defs
from orchestration.runner import (
    EXIT_BUSY,
    EXIT_FAILED,
    EXIT_OK,
    busy_message,
    exit_code,
    run_config,
    run_pipeline,
    summarize,
)

CARNEY_SHEINBAUM = (
    "Canadian Prime Minister Mark Carney and Mexican President Claudia Sheinbaum spoke by phone on Monday, "
    "March 17, 2025, about the tariffs the United States imposed on steel and aluminum."
)
TRUMP_SHEINBAUM = (
    "U.S. President Donald Trump and Mexican President Claudia Sheinbaum held a phone call on Thursday, "
    "May 22, 2025. They discussed trade and security, the White House said."
)
# One paragraph per line, as news text comes: a line break ends a sentence for the extractor.
ARTICLES = {
    "carney_sheinbaum.md": (
        "---\ntitle: Carney and Sheinbaum discuss tariffs in a phone call\npublished_at: 2025-03-19\n---\n"
        f"{CARNEY_SHEINBAUM}\n\nThe two leaders agreed to keep working together on trade, Sheinbaum said.\n"
    ),
    "trump_sheinbaum.json": json.dumps(
        {
            "title": "Trump and Sheinbaum hold call on trade",
            "published_at": "2025-05-23",
            "text": TRUMP_SHEINBAUM,
        }
    ),
}
BAD_FILES = {"corrupt.txt": b"\x00\x01\x02binary\x00", "empty.txt": b""}


def write_articles(folder: Path) -> None:
    folder.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)


@pytest.fixture(scope="module")
def console_output() -> io.StringIO:
    return io.StringIO()


@pytest.fixture(scope="module")
def pipeline(
    tmp_path_factory: pytest.TempPathFactory,
    pipeline_env: Callable[[Path], AbstractContextManager[dg.DagsterInstance]],
    console_output: io.StringIO,
) -> Iterator[tuple[Settings, dg.ExecuteInProcessResult]]:
    """One run the way ``hotline run`` runs it (its console writing into ``console_output``)."""
    root = tmp_path_factory.mktemp("pipeline")
    write_articles(root / "articles")
    with pipeline_env(root) as instance:
        settings = Settings.from_env()
        with RunConsole(out=console_output, err=console_output) as console:
            result = run_pipeline(instance, settings, str(uuid.uuid4()), console, root / "run.log")
            console.summary(summarize(result), 0.0, root / "run.log")
        yield settings, result


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_run_succeeds(pipeline: tuple[Settings, dg.ExecuteInProcessResult]) -> None:
    _, result = pipeline
    failures = [event.step_failure_data.error for event in result.get_step_failure_events()]
    assert result.success, failures


def test_the_run_exits_0_and_its_console_is_short(
    pipeline: tuple[Settings, dg.ExecuteInProcessResult], console_output: io.StringIO
) -> None:
    settings, result = pipeline
    assert exit_code(result, summarize(result)) == EXIT_OK
    lines = console_output.getvalue().splitlines()
    assert len(lines) < 60, "\n".join(lines)
    stages = [line.split()[1] for line in lines if line.startswith("✓")]
    assert stages[:4] == ["ingest", "extract", "dbt", "checks"]
    assert "publish" in stages
    assert any(line.startswith("✓ ingest") and "2 articles read, 2 rejected" in line for line in lines)
    assert any(line.startswith("published") and line.endswith(str(settings.warehouse_path)) for line in lines)
    assert not [line for line in lines if " START " in line or "PASS" in line]  # dbt's own lines are in the log


def test_status_reads_the_published_file(
    pipeline: tuple[Settings, dg.ExecuteInProcessResult], capsys: pytest.CaptureFixture[str]
) -> None:
    settings, result = pipeline
    capsys.readouterr()
    assert main(["status", "--warehouse", str(settings.warehouse_path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert f"{result.run_id[:8]} SUCCESS" in out  # the last run, from DAGSTER_HOME
    assert "suites passed, 0 failed" in out
    assert "corrupt.txt:" in out  # a rejected file, with its reason
    assert any(line.split()[:1] == ["fct_calls"] for line in out.splitlines())


def test_published_warehouse_has_the_marts(pipeline: tuple[Settings, dg.ExecuteInProcessResult]) -> None:
    settings, _ = pipeline
    assert settings.warehouse_path.exists()
    tables = {
        row[0]
        for row in query(settings.warehouse_path, "select table_name from duckdb_tables() where schema_name = 'marts'")
    }
    assert {
        "fct_calls",
        "dim_officials",
        "bridge_call_participants",
        "bridge_call_topics",
        "fct_call_mentions",
    } <= tables
    ((storage,),) = query(
        settings.warehouse_path,
        "select tags['storage_version'] from duckdb_databases() where database_name = current_database()",
    )
    assert storage.startswith(settings.storage_compatibility_version)


def test_rejected_files_are_audited(pipeline: tuple[Settings, dg.ExecuteInProcessResult]) -> None:
    settings, _ = pipeline
    rejected = dict(query(settings.warehouse_path, "select source_name, reason from audit.rejected_articles"))
    assert set(BAD_FILES) <= set(rejected)
    assert all(reason for reason in rejected.values())


def test_checks_passed_and_were_recorded(pipeline: tuple[Settings, dg.ExecuteInProcessResult]) -> None:
    settings, result = pipeline
    evaluations = result.get_asset_check_evaluations()
    names = {evaluation.check_name for evaluation in evaluations}
    assert {"calls_have_two_participants", "participants_in_office", "evidence_within_article"} <= names
    assert [(e.asset_key.to_user_string(), e.check_name, e.description) for e in evaluations if not e.passed] == []
    recorded = query(settings.warehouse_path, "select suite_name, is_passed from audit.validation_results")
    assert recorded
    assert all(is_passed for _, is_passed in recorded)


def test_the_call_between_carney_and_sheinbaum_is_in_the_marts(
    pipeline: tuple[Settings, dg.ExecuteInProcessResult],
) -> None:
    settings, _ = pipeline
    calls = query(
        settings.warehouse_path,
        """
        select calls.call_id, calls.call_date
        from marts.fct_calls as calls
        inner join marts.bridge_call_participants as carney
            on calls.call_id = carney.call_id and carney.official_id = 'mark_carney'
        inner join marts.bridge_call_participants as sheinbaum
            on calls.call_id = sheinbaum.call_id and sheinbaum.official_id = 'claudia_sheinbaum'
        """,
    )
    assert [str(call_date) for _, call_date in calls] == ["2025-03-17"]


def test_nothing_left_behind(pipeline: tuple[Settings, dg.ExecuteInProcessResult]) -> None:
    settings, _ = pipeline
    folder = settings.warehouse_path.parent
    assert sorted(path.name for path in folder.iterdir() if path.is_file()) == [
        ".hotline.duckdb.lock",
        "hotline.build.duckdb",
        "hotline.duckdb",
    ]
    assert len(list((folder / "dbt_runs").iterdir())) == 1  # older dbt run folders are pruned


def test_a_failing_blocking_check_stops_the_publish(
    pipeline: tuple[Settings, dg.ExecuteInProcessResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-run only the checks and the publish on the build file, with one rule made to fail."""
    settings, _ = pipeline
    before = settings.warehouse_path.stat()
    impossible = dataclasses.replace(
        SUITES["call_date_not_after_publication"],
        expectations=(Expect("expect_column_values_to_be_null", {"column": "call_id"}),),
    )
    monkeypatch.setitem(SUITES, "call_date_not_after_publication", impossible)
    selection = dg.AssetSelection.assets(published_warehouse) | dg.AssetSelection.checks(*quality_checks)

    with dg.DagsterInstance.ephemeral() as instance:
        result = dg.materialize(
            [*defs.assets, *quality_checks],
            selection=selection,
            resources=defs.resources,
            instance=instance,
            raise_on_error=False,
            run_config=run_config(settings),
        )

    assert not result.success
    assert [e.check_name for e in result.get_asset_check_evaluations() if not e.passed] == [
        "call_date_not_after_publication"
    ]
    summary = summarize(result)
    problems = summary.problems
    assert exit_code(result, summary) == EXIT_FAILED
    assert len(problems) == 1
    assert problems[0].startswith("check call_date_not_after_publication on marts/fct_calls failed")
    assert "expect_column_values_to_be_null on call_id" in problems[0]
    after = settings.warehouse_path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # not republished


@contextmanager
def lock_held_elsewhere(lock_path: Path) -> Iterator[subprocess.Popen[str]]:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT); "
            "fcntl.flock(fd, fcntl.LOCK_EX); os.write(fd, f'{os.getpid()}\\n'.encode()); "
            "print('ready', flush=True); time.sleep(60)",
            str(lock_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        yield holder
    finally:
        holder.kill()  # by pid: processes here may ignore SIGTERM
        holder.wait(timeout=10)


def busy_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("HOTLINE_ARTICLES_DIR", str(tmp_path / "articles"))
    monkeypatch.setenv("HOTLINE_WAREHOUSE_PATH", str(tmp_path / "hotline.duckdb"))
    monkeypatch.setenv("HOTLINE_LOCK_TIMEOUT_SECONDS", "0.2")
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    return Settings.from_env()


def test_a_run_holds_the_lock_from_its_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run launched from the UI (not the CLI) takes the lock when its resources start, before any step."""
    settings = busy_env(tmp_path, monkeypatch)
    with lock_held_elsewhere(settings.lock_path) as holder, dg.DagsterInstance.ephemeral() as instance:
        result = defs.resolve_job_def("hotline_job").execute_in_process(
            instance=instance, raise_on_error=False, run_config=run_config(settings)
        )
    assert not result.success
    assert result.get_asset_materialization_events() == []
    message = busy_message(result)
    assert message is not None
    assert message.startswith(f"warehouse is busy: another run holds {settings.lock_path} (pid {holder.pid})")
    assert not settings.build_path.exists()


def test_cli_exits_2_when_the_warehouse_is_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = busy_env(tmp_path, monkeypatch)
    with lock_held_elsewhere(settings.lock_path) as holder:
        assert main(["run"]) == EXIT_BUSY
    err = capsys.readouterr().err
    assert err.startswith(f"warehouse is busy: another run holds {settings.lock_path} (pid {holder.pid})")
