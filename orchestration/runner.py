"""``hotline run``: the whole pipeline in this process, recorded in DAGSTER_HOME, drawn on a console for people.

Exit codes: 0 published; 1 a step failed or a blocking (error-severity) check failed, so nothing was published;
2 the warehouse is busy (another run holds the write lock).

Dagster's own event log goes to ``<DAGSTER_HOME>/logs/<run id>.log`` at INFO together with dbt's output (on the
terminal as well with ``verbose``); the console shows one line per stage instead (:mod:`hotline.console`), fed by
a Dagster logger that sees every event of the run as it happens.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import os
import socket
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import dagster as dg

from hotline.config import Settings
from hotline.console import CHECKS_STAGE, RunConsole, RunSummary, StepReport, holder_text
from hotline.dbt_summary import DbtSummary, summarize_dbt
from hotline.quality import SUITES
from hotline.warehouse import WarehouseBusyError, lock_holder, writer_lock
from orchestration.history import quick_commits
from orchestration.manifest import DBT_RUNS_FOLDER, parse_in_background
from orchestration.runs import PROGRESS, UNCHANGED, fail_orphaned_runs, progress_log, run_of_process

EXIT_OK, EXIT_FAILED, EXIT_BUSY = 0, 1, 2
JOB_NAME = "hotline_job"
DBT_STEP = "hotline_dbt_assets"
"""The step of ``orchestration.assets.dbt.hotline_dbt_assets`` (``dbt build``)."""
LOGS_KEPT = 20
DAGSTER_ENGINE_LOGGER = "dagster._core.execution.plan.active"
"""The Python logger Dagster's execution plan warns through (not an event of the run)."""
DAGSTER_YAML = """\
telemetry:
  enabled: false
concurrency:
  runs:
    tag_concurrency_limits:
      - key: hotline/warehouse
        limit: 1
"""
"""The instance config ``make`` writes too (without DAGSTER_HOME runs vanish from the UI): no telemetry, and
one run of ``hotline_job`` at a time (its runs carry the ``hotline/warehouse`` tag)."""


@contextlib.contextmanager
def dagster_instance(settings: Settings) -> Iterator[dg.DagsterInstance]:
    """The persistent instance in ``settings.dagster_home``, created if missing (Dagster reads DAGSTER_HOME); its
    SQLite files commit without a flush per event while it is open (:func:`orchestration.history.quick_commits`)."""
    home = settings.dagster_home
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(DAGSTER_YAML, encoding="utf-8")
    with contextlib.ExitStack() as stack:
        stack.enter_context(_environ("DAGSTER_HOME", str(home)))
        stack.enter_context(quick_commits(home))
        yield stack.enter_context(dg.DagsterInstance.get())


@contextlib.contextmanager
def _environ(name: str, value: str) -> Iterator[None]:
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


def run(settings: Settings, *, verbose: bool = False, console: RunConsole | None = None) -> int:
    """Run the pipeline once with ``settings``; return the exit code."""
    console = console or RunConsole()
    started = time.monotonic()
    run_id = str(uuid.uuid4())
    with console, contextlib.ExitStack() as background:
        console.header(settings.articles_dir, settings.warehouse_path, run_id[:8])
        # When the dbt project changed, dbt parses it in its own process while Dagster starts here.
        parse = background.enter_context(parse_in_background(settings.build_path))
        try:
            with dagster_instance(settings) as instance, contextlib.ExitStack() as lock:
                for orphan in fail_orphaned_runs(instance):
                    console.line(f"  marked orphaned run {orphan} failed: its process is gone")
                _take_lock(settings, instance, console, lock)
                log_path = _log_path(settings, run_id)
                result = run_pipeline(instance, settings, run_id, console, log_path, verbose=verbose, parse=parse)
        except WarehouseBusyError as exc:
            console.error(str(exc))
            return EXIT_BUSY
        busy = busy_message(result)
        if busy:
            console.error(busy)
            return EXIT_BUSY
        summary = summarize(result)
        console.not_run(not_run(instance, result), "nothing changed" if summary.unchanged else "an earlier step failed")
        console.summary(summary, time.monotonic() - started, log_path)
    return exit_code(result, summary)


def not_run(instance: dg.DagsterInstance, result: dg.ExecuteInProcessResult) -> list[str]:
    """The steps of the run's plan that never started (an earlier step failed), in plan order; the check steps
    (one per Great Expectations suite and table) as :data:`~hotline.console.CHECKS_STAGE`."""
    plan = instance.get_execution_plan_snapshot(result.dagster_run.execution_plan_snapshot_id)
    started = {event.step_key for event in result.all_events if event.event_type == dg.DagsterEventType.STEP_START}
    started |= {key.split("[", 1)[0] + "[?]" for key in started if "[" in key}  # a mapped step ran for every bucket
    return [
        CHECKS_STAGE if any(step.key.endswith(f"_{suite}") for suite in SUITES) else step.key
        for step in plan.steps
        if step.key not in started
    ]


def exit_code(result: dg.ExecuteInProcessResult, summary: RunSummary) -> int:
    """2 when the run found the warehouse busy, 1 when it failed (nothing was published), 0 when it published."""
    if busy_message(result):
        return EXIT_BUSY
    return EXIT_FAILED if summary.problems else EXIT_OK


def _take_lock(
    settings: Settings, instance: dg.DagsterInstance, console: RunConsole, lock: contextlib.ExitStack
) -> None:
    """Take the writer lock for the whole run; while another run holds it, say whose and for how long we wait.

    Held for the whole run, so a second ``hotline run`` waits (then gives up) instead of interleaving its steps
    with ours; the assets take the same lock again around each write (it is re-entrant).
    """
    holder = lock_holder(settings)
    if holder is None:
        lock.enter_context(writer_lock(settings))
        return
    run = run_of_process(instance, holder.pid) if holder.pid is not None else None
    whose = holder_text(holder.pid, socket.gethostname(), holder.since, run.run_id if run else None)
    console.line(f"  waiting for {whose}, up to {settings.lock_timeout_seconds:g}s (HOTLINE_LOCK_TIMEOUT_SECONDS)")
    waiting = time.monotonic()
    with console.status("waiting for the warehouse"):  # on a terminal: a spinner with the time waited so far
        lock.enter_context(writer_lock(settings))
    console.line(f"  waited {time.monotonic() - waiting:.1f}s")


def _log_path(settings: Settings, run_id: str) -> Path:
    logs = settings.dagster_home / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    for old in sorted(logs.glob("*.log"), key=lambda path: path.stat().st_mtime)[:-LOGS_KEPT]:
        old.unlink(missing_ok=True)
    return logs / f"{run_id}.log"


def run_pipeline(
    instance: dg.DagsterInstance,
    settings: Settings,
    run_id: str,
    console: RunConsole,
    log_path: Path,
    *,
    verbose: bool = False,
    parse: Callable[[], float | None] = lambda: None,
) -> dg.ExecuteInProcessResult:
    """Materialize every asset and run every check of ``hotline_job`` in process, with ``settings``' paths.

    ``parse`` waits for the dbt parse :func:`run` started (:func:`~orchestration.manifest.parse_in_background`).
    Dagster's events reach the console through the ``hotline`` logger; they and dbt's lines (which dagster-dbt
    writes to stdout) go to ``log_path``, and to stderr as well with ``verbose``.
    """
    with console.status("loading the pipeline definitions"):
        importlib.import_module("orchestration.resources")  # what the definitions import but the manifest
        parsed = parse()
        from orchestration.definitions import defs  # imported late: loading dbt's manifest takes a moment

        job = defs.resolve_job_def(JOB_NAME)
    if parsed is not None:
        console.line(f"  dbt project changed: parsed in {parsed:.1f}s")
    with log_path.open("a", encoding="utf-8") as log, _run_logger(settings, run_id, console, log, verbose) as logger:
        dbt_lines: IO[str] = sys.stderr if verbose else log
        job = job.with_logger_defs({"hotline": dg.LoggerDefinition(lambda _: logger, description="hotline run")})
        console.starting("starting the run (recording its plan in DAGSTER_HOME)")
        with contextlib.redirect_stdout(dbt_lines):
            return job.execute_in_process(
                instance=instance,
                run_id=run_id,
                raise_on_error=False,
                run_config={"loggers": {"hotline": {}}, **run_config(settings)},
            )


def run_config(settings: Settings) -> dict[str, Any]:
    """The run config that points a run of the job at ``settings``' folder and warehouse (the resource's defaults
    are the environment's when the definitions loaded)."""
    paths = {"articles_dir": str(settings.articles_dir), "warehouse_path": str(settings.warehouse_path)}
    return {"resources": {"warehouse": {"config": {**paths, "engine": settings.engine}}}}


@contextlib.contextmanager
def _run_logger(
    settings: Settings, run_id: str, console: RunConsole, log: IO[str], verbose: bool
) -> Iterator[logging.Logger]:
    logger = logging.Logger("hotline.run", logging.DEBUG)
    for stream in [log, sys.stderr] if verbose else [log]:
        handler = logging.StreamHandler(stream)
        handler.setLevel(logging.INFO)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
    dbt_target = settings.warehouse_path.parent / DBT_RUNS_FOLDER / run_id
    to_console = _ConsoleHandler(console, dbt_target)
    logger.addHandler(to_console)
    progress_log.addHandler(to_console)
    # Dagster's engine warns through Python logging (stderr) when a step it ran emitted no check results, as the
    # dbt step does on purpose when nothing changed: its lines go to the run log with the rest of Dagster's.
    engine_log = logging.getLogger(DAGSTER_ENGINE_LOGGER)
    engine_log.propagate = False
    for handler in list(logger.handlers)[:-1]:
        engine_log.addHandler(handler)
    try:
        yield logger
    finally:
        progress_log.removeHandler(to_console)
        for handler in list(engine_log.handlers):
            engine_log.removeHandler(handler)
        engine_log.propagate = True
        for handler in list(logger.handlers):
            handler.flush()
            logger.removeHandler(handler)


class _ConsoleHandler(logging.Handler):
    """Turns the run's Dagster events into console calls: a stage line when a step ends, progress meanwhile."""

    def __init__(self, console: RunConsole, dbt_target: Path):
        super().__init__(logging.DEBUG)
        self.console = console
        self.dbt_target = dbt_target
        self.steps: dict[str, StepReport] = {}
        self.started: dict[str, float] = {}

    def emit(self, record: logging.LogRecord) -> None:
        progress = getattr(record, PROGRESS, None)
        if progress:
            self.console.step_progress(progress["step"], progress["done"], progress["total"], progress["what"])
            return
        meta = getattr(record, "dagster_meta", None) or {}
        if meta.get("dagster_event") is not None and meta.get("step_key"):
            self._on_event(meta["step_key"], meta["dagster_event"])

    def _on_event(self, step: str, event: dg.DagsterEvent) -> None:
        kind = event.event_type
        data = event.event_specific_data
        report = self.steps.setdefault(step, StepReport(step, 0.0, True))
        if kind == dg.DagsterEventType.STEP_START:
            self.started[step] = time.monotonic()
            self.console.step_started(step)
        elif kind in (dg.DagsterEventType.ASSET_MATERIALIZATION, dg.DagsterEventType.ASSET_OBSERVATION):
            materialization = (
                data.materialization if kind == dg.DagsterEventType.ASSET_MATERIALIZATION else data.asset_observation
            )
            metadata = {key: _metadata_value(value) for key, value in materialization.metadata.items()}
            report.materialized[materialization.asset_key.to_user_string()] = metadata
        elif kind == dg.DagsterEventType.ASSET_CHECK_EVALUATION:
            if data.passed:
                report.checks_passed += 1
            else:
                report.checks_failed += 1
        elif kind in (dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.STEP_FAILURE):
            report.seconds = time.monotonic() - self.started.get(step, time.monotonic())
            report.ok = kind == dg.DagsterEventType.STEP_SUCCESS
            if not report.ok:
                report.error = _error_message(data.error)
            self.console.step_finished(report, self._dbt_summary() if step == DBT_STEP else None)

    def _dbt_summary(self) -> DbtSummary | None:
        """dbt's own account of the build, from the run's ``run_results.json``; None when dbt wrote none."""
        try:
            results = json.loads((self.dbt_target / "run_results.json").read_text(encoding="utf-8"))
            manifest = json.loads((self.dbt_target / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return summarize_dbt(results, manifest, self.dbt_target)


def _metadata_value(value: Any) -> Any:
    return getattr(value, "value", value)


def summarize(result: dg.ExecuteInProcessResult) -> RunSummary:
    """What the run did, and one line per reason it failed (empty: it published)."""
    materialized: dict[str, dict[str, Any]] = {}
    for event in result.get_asset_materialization_events():
        materialization = event.materialization
        metadata = {key: _metadata_value(value) for key, value in materialization.metadata.items()}
        materialized[materialization.asset_key.to_user_string()] = metadata

    evaluations = result.get_asset_check_evaluations()
    failed = [e for e in evaluations if not e.passed]
    problems: list[str] = []
    warnings: list[str] = []
    for evaluation in failed:
        what = f"check {evaluation.check_name} on {evaluation.asset_key.to_user_string()}"
        why = evaluation.description or "no description"
        if evaluation.severity != dg.AssetCheckSeverity.WARN:
            problems.append(f"{what} failed: {why}")
        else:
            warnings.append(f"{what}: {why}")
    for event in result.get_step_failure_events():
        error = event.step_failure_data.error if event.step_failure_data else None
        if error is not None and error.cls_name == "DagsterAssetCheckFailedError":
            continue  # a blocking check failed: already named above, with its reason
        problems.append(f"step {event.step_key} failed: {_error_message(error)}")
    if not problems and not result.success:
        problems = [f"run failed: {_error_message(error)}" for error in _errors(result)[:1]]
        problems = problems or ["the run did not succeed"]

    published = materialized.get("published_warehouse") or {}
    unchanged = _unchanged(result)
    suites = [e for e in evaluations if e.check_name in SUITES]
    return RunSummary(
        run_id=result.run_id,
        marts=published.get("mart_row_counts") or {},
        articles_read=materialized.get("raw/articles", {}).get("dagster/row_count"),
        articles_rejected=materialized.get("raw/rejected_articles", {}).get("dagster/row_count"),
        checks_passed=len(evaluations) - len(failed),
        checks_failed=len(failed),
        suites_passed=sum(e.passed for e in suites),
        suites_run=len(suites),
        published=str(published["path"]) if published.get("path") else unchanged.get("path"),
        unchanged=unchanged.get(UNCHANGED),
        quarantined_total=int(published.get("quarantined_facts") or 0),
        quarantined=list(published.get("quarantined") or []),
        warnings=warnings,
        problems=problems,
    )


def _unchanged(result: dg.ExecuteInProcessResult) -> dict[str, Any]:
    """The metadata of the observation a run that built nothing logs (:data:`UNCHANGED` says why); else empty."""
    for event in result.all_events:
        if event.event_type == dg.DagsterEventType.ASSET_OBSERVATION:
            metadata = event.event_specific_data.asset_observation.metadata
            if UNCHANGED in metadata:
                return {key: _metadata_value(value) for key, value in metadata.items()}
    return {}


def _error_message(error: Any) -> str:
    """The innermost user error of a Dagster SerializableErrorInfo chain."""
    while error is not None and error.cause is not None:
        error = error.cause
    return str(error.message).strip() if error is not None else "unknown error"  # "module.Class: text"


def _errors(result: dg.ExecuteInProcessResult) -> list[Any]:
    """Every error a run reported: failed steps, and failures outside steps (e.g. resources not starting)."""
    errors = []
    for event in result.all_events:
        error = getattr(event.event_specific_data, "error", None)
        if error is not None:
            errors.append(error)
    return errors


def busy_message(result: dg.ExecuteInProcessResult) -> str | None:
    """The WarehouseBusyError message, when that is why the run failed."""
    for error in _errors(result):
        while error is not None:
            if error.cls_name == WarehouseBusyError.__name__:
                # SerializableErrorInfo.message starts with the qualified class name
                return str(error.message).strip().split(f"{WarehouseBusyError.__name__}: ", 1)[-1]
            error = error.cause
    return None


def last_run(settings: Settings) -> dict[str, Any] | None:
    """The newest run of the job in DAGSTER_HOME (id, status, start and end times), None when there is none."""
    if not (settings.dagster_home / "dagster.yaml").exists():
        return None
    with dagster_instance(settings) as instance:
        records = instance.get_run_records(filters=dg.RunsFilter(job_name=JOB_NAME), limit=1)
    if not records:
        return None
    record = records[0]
    return {
        "run_id": record.dagster_run.run_id,
        "status": record.dagster_run.status.value,
        "started": record.start_time,
        "ended": record.end_time,
    }
