"""Opening the UI starts no run when the articles folder did not change since the last successful run.

The sensor's cursor starts empty when the UI (the daemon) starts; it then compares the folder with the fingerprint
the last successful run recorded. Examples written by us.
"""

import uuid
from pathlib import Path

import dagster as dg
from dagster._core.storage.dagster_run import DagsterRun

from orchestration.resources import WarehouseResource
from orchestration.runs import FINGERPRINT_TAG, record_process
from orchestration.sensors import JOB_NAME, articles_folder_sensor, folder_fingerprint


def add_run(instance: dg.DagsterInstance, status: dg.DagsterRunStatus, fingerprint: str) -> str:
    run_id = str(uuid.uuid4())
    instance.add_run(DagsterRun(job_name=JOB_NAME, run_id=run_id, status=status, tags={FINGERPRINT_TAG: fingerprint}))
    return run_id


def tick(instance: dg.DagsterInstance, folder: Path, cursor: str | None) -> tuple[list[dg.RunRequest], str | None]:
    resources = {"warehouse": WarehouseResource(articles_dir=str(folder))}
    with dg.build_sensor_context(instance=instance, cursor=cursor, resources=resources) as context:
        data = articles_folder_sensor.evaluate_tick(context)
    return list(data.run_requests or []), data.cursor


def test_no_run_at_start_when_nothing_changed_since_the_last_successful_run(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\nLeaders spoke by phone.\n", encoding="utf-8")
    with dg.DagsterInstance.ephemeral() as instance:
        add_run(instance, dg.DagsterRunStatus.SUCCESS, folder_fingerprint(tmp_path))
        requests, cursor = tick(instance, tmp_path, None)
        assert requests == []
        assert cursor == folder_fingerprint(tmp_path)  # remembered: the next tick compares with it

        (tmp_path / "b.txt").write_text("Title\nAnother call.\n", encoding="utf-8")
        requests, _ = tick(instance, tmp_path, cursor)
        assert len(requests) == 1
        assert requests[0].tags[FINGERPRINT_TAG] == folder_fingerprint(tmp_path)


def test_a_run_at_start_when_the_folder_changed_since_the_last_success(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\nLeaders spoke by phone.\n", encoding="utf-8")
    with dg.DagsterInstance.ephemeral() as instance:
        add_run(instance, dg.DagsterRunStatus.SUCCESS, "an older folder")
        add_run(instance, dg.DagsterRunStatus.FAILURE, folder_fingerprint(tmp_path))  # failed: nothing published
        requests, _ = tick(instance, tmp_path, None)
        assert len(requests) == 1


def test_every_run_records_the_folder_it_reads(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\nLeaders spoke by phone.\n", encoding="utf-8")
    with dg.DagsterInstance.ephemeral() as instance:
        run_id = add_run(instance, dg.DagsterRunStatus.STARTED, "")
        record_process(instance, run_id, tmp_path)
        tags = instance.get_run_by_id(run_id).tags
        assert tags[FINGERPRINT_TAG] == folder_fingerprint(tmp_path)
        assert tags["hotline/pid"].isdigit()
