"""The articles-folder sensor, and GX results as Dagster check results. Examples written by us."""

import dataclasses
import os
from pathlib import Path

import dagster as dg
import pytest

from hotline.quality import SUITES, SuiteResult
from orchestration.checks import check_result
from orchestration.resources import WarehouseResource
from orchestration.sensors import articles_folder_sensor, folder_fingerprint


def evaluate(folder: Path, cursor: str | None) -> tuple[list[dg.RunRequest], str | None]:
    resources = {"warehouse": WarehouseResource(articles_dir=str(folder))}
    with dg.build_sensor_context(cursor=cursor, resources=resources) as context:
        data = articles_folder_sensor.evaluate_tick(context)
    return list(data.run_requests or []), data.cursor


def test_fingerprint_follows_names_sizes_and_times(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("two")
    first = folder_fingerprint(tmp_path)
    assert folder_fingerprint(tmp_path) == first

    (tmp_path / "a.txt").write_text("one!")
    changed = folder_fingerprint(tmp_path)
    assert changed != first

    stat = (tmp_path / "a.txt").stat()
    os.utime(tmp_path / "a.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert folder_fingerprint(tmp_path) != changed  # touched, same size

    (tmp_path / "sub" / "b.md").rename(tmp_path / "sub" / "c.md")
    assert folder_fingerprint(tmp_path) not in (first, changed)


def test_sensor_runs_once_per_change(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Leaders spoke by phone.")
    requests, cursor = evaluate(tmp_path, None)
    assert len(requests) == 1
    assert requests[0].job_name in (None, "hotline_job")

    again, same_cursor = evaluate(tmp_path, cursor)
    assert again == []
    assert same_cursor == cursor

    (tmp_path / "b.txt").write_text("Another call.")
    requests, new_cursor = evaluate(tmp_path, cursor)
    assert len(requests) == 1
    assert new_cursor != cursor

    (tmp_path / "b.txt").unlink()  # back to the first state: still a change since the last run
    requests, back_cursor = evaluate(tmp_path, new_cursor)
    assert len(requests) == 1
    assert back_cursor == cursor


def test_sensor_skips_a_missing_folder(tmp_path: Path) -> None:
    requests, cursor = evaluate(tmp_path / "absent", "previous")
    assert requests == []
    assert cursor == "previous"


def test_check_result_carries_failures_and_severity(monkeypatch: pytest.MonkeyPatch) -> None:
    failure = {
        "expectation": "expect_column_values_to_be_between",
        "column": "participant_count",
        "unexpected_count": 2,
        "partial_unexpected_list": [0, 1],
        "unexpected_rows": [{"call_id": "c1"}, {"call_id": "c2"}],
    }
    suite = "calls_have_two_participants"
    result = check_result(SuiteResult(suite, "marts.bridge_call_participants", False, 1, [failure], row_count=5))
    assert not result.passed
    assert result.severity == dg.AssetCheckSeverity.ERROR  # an invariant: blocks the publish
    assert result.metadata["unexpected_count"].value == 2
    assert result.metadata["failures"].value == [failure]
    assert "participant_count: 2 unexpected" in (result.description or "")

    monkeypatch.setitem(SUITES, suite, dataclasses.replace(SUITES[suite], severity="warn"))
    soft = check_result(SuiteResult(suite, "marts.bridge_call_participants", False, 1, [failure], row_count=5))
    assert soft.severity == dg.AssetCheckSeverity.WARN

    ok = check_result(SuiteResult(suite, "marts.bridge_call_participants", True, 1, [], row_count=5))
    assert ok.passed
