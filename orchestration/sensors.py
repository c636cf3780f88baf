"""A sensor that runs the whole pipeline when the articles folder changes.

The cursor is the fingerprint of the folder (names, sizes, mtimes) the sensor last asked a run for. With no
cursor yet (the UI just started, or the sensor was reset) the folder is compared with the fingerprint the last
successful run recorded, so opening the UI on a folder that did not change starts nothing.
"""

import dagster as dg

from orchestration.resources import WarehouseResource
from orchestration.runs import FINGERPRINT_TAG, fail_orphaned_runs, folder_fingerprint, last_successful_fingerprint

JOB_NAME = "hotline_job"
__all__ = ["JOB_NAME", "articles_folder_sensor", "folder_fingerprint"]


@dg.sensor(
    job_name=JOB_NAME,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description=(
        "Runs hotline_job when a file in the articles folder is added, removed or changed since the last "
        "successful run."
    ),
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
    previous = context.cursor
    if previous is None and instance is not None:
        previous = last_successful_fingerprint(instance, JOB_NAME)
    if fingerprint == previous:
        context.update_cursor(fingerprint)
        return dg.SkipReason(f"no change in {folder} since the last run")
    context.update_cursor(fingerprint)
    # No run_key: the cursor already asks once per change, and a folder put back the way it was (same
    # fingerprint as an earlier run) still differs from the last run and must run again.
    return dg.RunRequest(tags={FINGERPRINT_TAG: fingerprint})
