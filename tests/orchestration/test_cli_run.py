"""``hotline run``: options over the environment, exit codes 2 (busy) and 1 (failed), the dbt summary, the manifest
skip, and the note a partial materialization carries. Examples written by us; the successful run (exit 0, the
console under 60 lines) is checked on the pipeline run of ``test_pipeline.py``.
"""

import json
import logging
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import dagster as dg
import pytest
from dagster._core.storage.dagster_run import DagsterRun

import orchestration.runner
from hotline.cli import main
from hotline.config import DBT_PROJECT_DIR, Settings
from hotline.console import holder_text
from hotline.dbt_summary import summarize_dbt
from orchestration import manifest
from orchestration.assets.ingest import ingest_articles
from orchestration.resources import WarehouseResource
from orchestration.runner import EXIT_BUSY, EXIT_FAILED
from orchestration.runs import (
    PROGRESS,
    UNPUBLISHED_NOTE,
    process_tags,
    progress_log,
    progress_reporter,
    run_of_process,
)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("HOTLINE_ARTICLES_DIR", str(tmp_path / "articles"))
    monkeypatch.setenv("HOTLINE_WAREHOUSE_PATH", str(tmp_path / "warehouse" / "hotline.duckdb"))
    monkeypatch.setenv("HOTLINE_LOCK_TIMEOUT_SECONDS", "0.5")
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    return Settings.from_env()


def test_run_options_override_the_environment(env: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Settings, bool]] = []
    monkeypatch.setattr(orchestration.runner, "run", lambda settings, verbose: seen.append((settings, verbose)) or 0)
    assert main(["run"]) == 0
    assert (seen[-1][0].articles_dir, seen[-1][0].warehouse_path, seen[-1][1]) == (
        env.articles_dir,
        env.warehouse_path,
        False,
    )
    assert main(["run", "--articles", str(tmp_path / "other"), "-v"]) == 0
    assert (seen[-1][0].articles_dir, seen[-1][0].warehouse_path, seen[-1][1]) == (
        tmp_path / "other",
        env.warehouse_path,
        True,
    )


@contextmanager
def writer_lock_held_elsewhere(settings: Settings) -> Iterator[subprocess.Popen[str]]:
    """Another process holding ``hotline.warehouse.writer_lock`` (in this process the lock is re-entrant)."""
    code = (
        "import time; from hotline.config import Settings; from hotline.warehouse import writer_lock\n"
        "with writer_lock(Settings.from_env()):\n    print('ready', flush=True); time.sleep(60)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        yield holder
    finally:
        holder.kill()  # by pid
        holder.wait(timeout=10)


def test_busy_exits_2_saying_whose_run_it_waited_for(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with writer_lock_held_elsewhere(env) as holder:
        assert main(["run"]) == EXIT_BUSY
    out, err = capsys.readouterr()
    assert f"waiting for another writer (pid {holder.pid} on {socket.gethostname()}, since " in out
    assert err.startswith(f"warehouse is busy: another run holds {env.lock_path} (pid {holder.pid})")
    assert not env.build_path.exists()


def test_a_failed_step_exits_1_and_publishes_nothing(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run"]) == EXIT_FAILED  # the articles folder does not exist
    out, err = capsys.readouterr()
    assert "✗ ingest" in out
    not_run = next(line for line in out.splitlines() if line.startswith("- not run"))
    assert not_run.startswith("- not run    extract, dbt build, checks, publish")  # the steps that never started
    assert "articles folder does not exist" in err
    assert err.rstrip().endswith("not published: fix the above and run again")
    assert not env.warehouse_path.exists()
    assert len(out.splitlines()) < 60


def test_the_dbt_summary_is_short_and_shows_every_failure_in_full() -> None:
    """dbt's run_results for every node of the real project, two of them failed: a handful of lines."""
    project = json.loads((DBT_PROJECT_DIR / "target" / "manifest.json").read_text(encoding="utf-8"))
    nodes = [*project["nodes"], *project["unit_tests"]]
    failing = {
        next(n for n in nodes if n.startswith("test.") and "fct_calls" in n): ("fail", "Got 2 results, configured"),
        "model.hotline.fct_calls": ("error", "Binder Error: column x not found\nLINE 3: select x"),
    }
    results: list[dict[str, Any]] = []
    for node in nodes:
        status, message = failing.get(node, ("pass" if node.startswith(("test.", "unit_test.")) else "success", "OK"))
        results.append({"unique_id": node, "status": status, "message": message})
    results.append({"unique_id": "model.hotline.fct_call_mentions", "status": "skipped", "message": None})

    summary = summarize_dbt({"results": results, "elapsed_time": 7.5}, project)
    lines = summary.lines()
    assert len(lines) < 20
    assert [line.split()[0] for line in lines[1:6]] == ["reference", "staging", "intermediate", "marts", "audit"]
    assert "1 failed" not in summary.headline()
    assert "2 failed, 1 skipped" in summary.headline()
    assert "ERROR model fct_calls (marts, models/marts/fct_calls.sql)" in lines
    assert "    LINE 3: select x" in lines  # the whole message, every line
    assert any(line.startswith("FAIL test ") and "fct_calls" in line for line in lines)


def fake_dbt_parse(calls: list[list[str]]) -> Any:
    """A stand-in for ``subprocess.Popen`` running ``dbt parse``: writes the artifacts, exits 0."""

    class Parse:
        returncode = 0

        def __init__(self, args: list[str], **kwargs: Any):
            calls.append(args)
            target = Path(args[args.index("--target-path") + 1])
            for name in manifest.ARTIFACTS:
                (target / name).write_text("{}", encoding="utf-8")

        def wait(self) -> int:
            return self.returncode

        def poll(self) -> int:
            return self.returncode

    return Parse


def test_the_manifest_is_parsed_only_when_the_project_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "dbt_project"
    (project / "models").mkdir(parents=True)
    (project / "dbt_project.yml").write_text("name: x\n", encoding="utf-8")
    (project / "models" / "a.sql").write_text("select 1 as a\n", encoding="utf-8")
    calls: list[list[str]] = []
    monkeypatch.setattr(manifest.subprocess, "Popen", fake_dbt_parse(calls))
    build = tmp_path / "hotline.build.duckdb"

    assert manifest.ensure_manifest(build, project) is not None
    assert (project / "target" / "manifest.json").is_file()
    assert manifest.ensure_manifest(build, project) is None  # same files: no parse
    assert len(calls) == 1

    (project / "target" / "run_results.json").write_text("{}", encoding="utf-8")  # not a file dbt reads
    (project / "logs").mkdir()
    assert manifest.ensure_manifest(build, project) is None
    (project / "models" / "a.sql").write_text("select 2 as a\n", encoding="utf-8")
    assert manifest.ensure_manifest(build, project) is not None
    (project / "models" / "b.sql").write_text("select 3 as b\n", encoding="utf-8")
    assert manifest.ensure_manifest(build, project) is not None
    (project / "target" / "partial_parse.msgpack").unlink()
    assert manifest.ensure_manifest(build, project) is not None  # an artifact went missing
    assert len(calls) == 4
    assert not [path for path in (project / "target").iterdir() if path.name.startswith(".parse-")]


def test_a_partial_materialization_says_the_published_file_was_not_refreshed(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("A title\nLeaders spoke by phone.\n", encoding="utf-8")
    warehouse = WarehouseResource(
        articles_dir=str(tmp_path / "articles"), warehouse_path=str(tmp_path / "w" / "hotline.duckdb")
    )
    with dg.DagsterInstance.ephemeral() as instance:
        result = dg.materialize([ingest_articles], resources={"warehouse": warehouse}, instance=instance)
    metadata = [event.materialization.metadata for event in result.get_asset_materialization_events()]
    assert len(metadata) == len(ingest_articles.keys)  # raw articles, rejected and removed articles
    assert all(meta["published_warehouse"].value == UNPUBLISHED_NOTE for meta in metadata)
    assert not (tmp_path / "w" / "hotline.duckdb").exists()


def test_progress_is_throttled_and_always_says_when_it_is_done() -> None:
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    progress_log.addHandler(handler)
    try:
        report = progress_reporter(SimpleNamespace(op_def=SimpleNamespace(name="extract_facts")), "articles")  # type: ignore[arg-type]
        for done in range(1, 1001):
            report(done, 1000)
    finally:
        progress_log.removeHandler(handler)
    fields = [getattr(record, PROGRESS) for record in records]
    assert 1 <= len(fields) < 10  # a thousand articles in well under a second: a few records, not a thousand
    assert fields[-1] == {"step": "extract_facts", "done": 1000, "total": 1000, "what": "articles"}


def test_a_waiting_run_names_the_run_that_holds_the_warehouse() -> None:
    with dg.DagsterInstance.ephemeral() as instance:
        run_id = "1a2b3c4d-0000-0000-0000-000000000000"
        instance.add_run(
            DagsterRun(job_name="hotline_job", run_id=run_id, status=dg.DagsterRunStatus.STARTED, tags=process_tags())
        )
        run = run_of_process(instance, os.getpid())
        assert run is not None
        assert run.run_id == run_id
        assert run_of_process(instance, os.getpid() + 1) is None
    text = holder_text(os.getpid(), "host", 0.0, run.run_id)
    assert text.startswith(f"run 1a2b3c4d (pid {os.getpid()} on host, since ")
