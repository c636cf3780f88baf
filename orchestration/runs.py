"""Orphaned runs: a run whose process died (killed, machine rebooted) stays STARTED in DAGSTER_HOME, and with
the one-writer-run limit every later run from the UI or the sensor would queue behind it forever.

Each run records the process that executes it (tags ``hotline/pid`` and ``hotline/host``, set when the run's
warehouse resource starts). :func:`fail_orphaned_runs` marks failed every unfinished run of this host whose
process is gone; ``python -m orchestration run``, the folder sensor and every run's start call it.
"""

import os
import socket

import dagster as dg

from hotline.warehouse import pid_alive

PID_TAG = "hotline/pid"
HOST_TAG = "hotline/host"
UNFINISHED = [dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING]


def process_tags() -> dict[str, str]:
    return {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}


def record_process(instance: dg.DagsterInstance, run_id: str) -> None:
    """Tag the run with the process executing it."""
    instance.add_run_tags(run_id, process_tags())


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
