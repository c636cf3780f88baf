"""A sensor that runs the whole pipeline when the articles folder changes."""

import hashlib
import os
from pathlib import Path

import dagster as dg

from orchestration.resources import WarehouseResource
from orchestration.runs import fail_orphaned_runs

JOB_NAME = "hotline_job"


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


@dg.sensor(
    job_name=JOB_NAME,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Runs hotline_job when a file in the articles folder is added, removed or changed.",
)
def articles_folder_sensor(
    context: dg.SensorEvaluationContext, warehouse: WarehouseResource
) -> dg.RunRequest | dg.SkipReason:
    try:
        instance = context.instance
    except dg.DagsterInvariantViolationError:  # a sensor evaluated without an instance (unit tests)
        instance = None
    for run_id in fail_orphaned_runs(instance) if instance is not None else []:
        context.log.warning(f"marked orphaned run {run_id} failed: its process is gone")
    folder = warehouse.settings().articles_dir
    if not folder.is_dir():
        return dg.SkipReason(f"articles folder {folder} does not exist")
    fingerprint = folder_fingerprint(folder)
    if fingerprint == context.cursor:
        return dg.SkipReason(f"no change in {folder}")
    context.update_cursor(fingerprint)
    # No run_key: the cursor already asks once per change, and a folder put back the way it was (same
    # fingerprint as an earlier run) still differs from the last run and must run again.
    return dg.RunRequest(tags={"hotline/articles_fingerprint": fingerprint[:16]})
