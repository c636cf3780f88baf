"""What every run records and reports, whoever launched it (``hotline run``, the UI, the folder sensor).

* The process executing it (tags ``hotline/pid`` and ``hotline/host``, set when the run's warehouse resource
  starts): a run whose process died (killed, machine rebooted) stays STARTED in DAGSTER_HOME, and with the
  one-writer-run limit every later run would queue behind it forever. :func:`fail_orphaned_runs` marks failed
  every unfinished run of this host whose process is gone; ``hotline run``, the folder sensor and every run's
  start call it.
* The fingerprint of the articles folder it read (tag ``hotline/articles_fingerprint``), which the sensor
  compares with the folder so that it starts a run only when the folder changed since the last successful one.
* Progress of a long step (:func:`progress_reporter`): a record of the Python logger ``hotline.progress``
  carrying the step and ``(done, total)`` in its ``extra``, at most a few a second, that ``hotline run`` draws as
  a progress bar. Not a Dagster log: progress is for the person watching, and every Dagster log is a row written
  to the run's event log.
"""

import hashlib
import logging
import os
import socket
import time
from collections.abc import Callable
from pathlib import Path

import dagster as dg

from hotline.warehouse import pid_alive

PID_TAG = "hotline/pid"
HOST_TAG = "hotline/host"
FINGERPRINT_TAG = "hotline/articles_fingerprint"
UNFINISHED = [dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING]

PUBLISHED_WAREHOUSE = dg.AssetKey("published_warehouse")
"""The key of the publish asset (``orchestration.assets.publish``): a run without it leaves the published file as
it was."""
UNCHANGED = "unchanged"
"""The metadata key of the observation of ``published_warehouse`` a run that built nothing logs, saying why
(``orchestration.assets.dbt``): the run's record that it left the published file as it was."""
UNPUBLISHED_NOTE = (
    "written to the build file only: this run did not include published_warehouse, so the published warehouse "
    "(what BI tools read) was not refreshed. Materialize published_warehouse, or run the whole job, to publish."
)

PROGRESS = "hotline_progress"
"""The ``extra`` key of a progress record: ``{"step": str, "done": int, "total": int | None, "what": str}``."""
PROGRESS_EVERY_SECONDS = 0.25
progress_log = logging.getLogger("hotline.progress")
progress_log.setLevel(logging.DEBUG)
progress_log.propagate = False  # only a listener (``hotline run``) shows it


def process_tags() -> dict[str, str]:
    return {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}


def record_process(instance: dg.DagsterInstance, run_id: str, articles_dir: Path) -> None:
    """Tag the run with the process executing it and the state of the folder it reads."""
    tags = process_tags()
    if articles_dir.is_dir():
        tags[FINGERPRINT_TAG] = folder_fingerprint(articles_dir)
    instance.add_run_tags(run_id, tags)


def fail_orphaned_runs(instance: dg.DagsterInstance) -> list[str]:
    """Mark failed the unfinished runs whose recorded process on this host is gone; return their ids."""
    host = socket.gethostname()
    failed = []
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=UNFINISHED)):
        pid = run.tags.get(PID_TAG, "")
        if run.tags.get(HOST_TAG) != host or not pid.isdigit() or pid_alive(int(pid)):
            continue
        instance.report_run_failed(
            run,
            f"run {run.run_id} was orphaned: its process {pid} is gone (killed?); marked failed so that the "
            "runs queued behind it can start",
        )
        failed.append(run.run_id)
    return failed


def run_of_process(instance: dg.DagsterInstance, pid: int) -> dg.DagsterRun | None:
    """The unfinished run this host's process ``pid`` executes, if it recorded itself."""
    host = socket.gethostname()
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=UNFINISHED)):
        if run.tags.get(PID_TAG) == str(pid) and run.tags.get(HOST_TAG) == host:
            return run
    return None


def last_successful_fingerprint(instance: dg.DagsterInstance, job_name: str) -> str | None:
    """The articles fingerprint the last successful run of ``job_name`` recorded (None: no such run)."""
    runs = instance.get_runs(filters=dg.RunsFilter(job_name=job_name, statuses=[dg.DagsterRunStatus.SUCCESS]), limit=1)
    return runs[0].tags.get(FINGERPRINT_TAG) if runs else None


def folder_fingerprint(folder: Path) -> str:
    """sha256 of the sorted (relative path, size, mtime) of every file under ``folder``."""
    entries = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in files:
            path = Path(root, name)
            try:
                stat = path.stat()
            except OSError:  # vanished or a broken link: ingest will say so, here it only changes the hash
                entries.append(f"{path.relative_to(folder).as_posix()}\0-\0-")
                continue
            entries.append(f"{path.relative_to(folder).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}")
    digest = hashlib.sha256()
    for entry in sorted(entries):
        digest.update(entry.encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()


def unpublished_metadata(context: dg.AssetExecutionContext) -> dict[str, str]:
    """``{"published_warehouse": UNPUBLISHED_NOTE}`` when this run leaves the published file as it was (only
    some assets were selected, e.g. a mart alone from the UI); nothing otherwise."""
    selection = context.run.asset_selection
    partial = selection is not None and PUBLISHED_WAREHOUSE not in selection
    return {"published_warehouse": UNPUBLISHED_NOTE} if partial else {}


def progress_reporter(context: dg.AssetExecutionContext, what: str) -> Callable[..., None]:
    """``report(done, total=None)``: tell the progress of ``what`` (e.g. "articles"), throttled, the last always."""
    last = 0.0
    step = context.op_def.name  # the step key of an unpartitioned asset's op

    def report(done: int, total: int | None = None) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last < PROGRESS_EVERY_SECONDS and done != total:
            return
        last = now
        counted = f"{done} of {total}" if total is not None else str(done)
        fields = {"step": step, "done": done, "total": total, "what": what}
        progress_log.debug(f"{step}: {counted} {what}", extra={PROGRESS: fields})

    return report
