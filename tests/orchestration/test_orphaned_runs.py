"""A run whose process died (killed mid-run) must not keep later runs waiting: it is marked failed when the
next run, the sensor or ``python -m orchestration run`` starts."""

import subprocess
import sys
import uuid
from pathlib import Path

import dagster as dg
from dagster._core.storage.dagster_run import DagsterRun

from orchestration.resources import WarehouseResource
from orchestration.runs import HOST_TAG, PID_TAG, fail_orphaned_runs, process_tags
from orchestration.sensors import articles_folder_sensor


def dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def add_run(instance: dg.DagsterInstance, status: dg.DagsterRunStatus, tags: dict[str, str]) -> str:
    run_id = str(uuid.uuid4())
    instance.add_run(DagsterRun(job_name="hotline_job", run_id=run_id, status=status, tags=tags))
    return run_id


def test_a_started_run_whose_process_is_gone_is_marked_failed() -> None:
    with dg.DagsterInstance.ephemeral() as instance:
        here = process_tags()
        orphan = add_run(instance, dg.DagsterRunStatus.STARTED, {**here, PID_TAG: str(dead_pid())})
        alive = add_run(instance, dg.DagsterRunStatus.STARTED, here)  # this process: still running
        elsewhere = add_run(instance, dg.DagsterRunStatus.STARTED, {PID_TAG: str(dead_pid()), HOST_TAG: "another-host"})
        untagged = add_run(instance, dg.DagsterRunStatus.STARTED, {})
        finished = add_run(instance, dg.DagsterRunStatus.SUCCESS, {**here, PID_TAG: str(dead_pid())})

        assert fail_orphaned_runs(instance) == [orphan]

        status = {run_id: instance.get_run_by_id(run_id).status for run_id in (orphan, alive, elsewhere, untagged)}
        assert status[orphan] == dg.DagsterRunStatus.FAILURE
        assert {status[r] for r in (alive, elsewhere, untagged)} == {dg.DagsterRunStatus.STARTED}
        assert instance.get_run_by_id(finished).status == dg.DagsterRunStatus.SUCCESS
        assert fail_orphaned_runs(instance) == []  # once is enough


def test_the_sensor_clears_an_orphaned_run_before_it_asks_for_a_new_one(tmp_path: Path) -> None:
    with dg.DagsterInstance.ephemeral() as instance:
        orphan = add_run(instance, dg.DagsterRunStatus.STARTED, {**process_tags(), PID_TAG: str(dead_pid())})
        (tmp_path / "a.txt").write_text("Title\nBody.\n", encoding="utf-8")
        with dg.build_sensor_context(
            instance=instance,
            cursor=None,
            resources={"warehouse": WarehouseResource(articles_dir=str(tmp_path))},
        ) as context:
            request = articles_folder_sensor(context)
        assert isinstance(request, dg.RunRequest)
        assert instance.get_run_by_id(orphan).status == dg.DagsterRunStatus.FAILURE
