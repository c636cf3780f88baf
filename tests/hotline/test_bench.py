"""The benchmark runs and reports its figures (a smoke test of correctness, never of speed).

Step keys below are those a run of ``hotline_job`` recorded in its Dagster event log (2026-12-06); the
results fed to the report are written by us.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hotline import bench
from hotline.bench import report, scale
from hotline.bench.runner import stage_of, stage_seconds
from hotline.config import PROJECT_ROOT


def test_bench_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    assert bench.main(["--articles", "12", "--processes", "2", "--out", str(out)]) == 0
    figures = json.loads(out.read_text())
    assert figures["articles"] == 12
    assert figures["raw_rows"] > 12  # every seed article yields facts
    assert figures["extract_articles_per_second_per_core"] > 0
    assert figures["extraction_target_met"] in ("yes", "no")


@pytest.mark.parametrize(
    ("step", "stage"),
    [
        ("ingest_articles", "ingest"),
        ("extract_facts", "extract"),
        ("hotline_dbt_assets", "dbt"),
        ("marts__fct_calls_call_date_not_after_publication", "checks"),
        ("marts__bridge_call_participants_calls_have_two_participants", "checks"),
        ("published_warehouse", "publish"),
        ("published_exports", "exports"),
        ("report", "report"),
    ],
)
def test_steps_fall_into_stages(step: str, stage: str) -> None:
    assert stage_of(step) == stage


def test_a_stage_lasts_from_its_first_start_to_its_last_end() -> None:
    steps = [
        {"key": "extract_facts", "start": 10.0, "end": 13.5},
        {"key": "marts__a_check", "start": 20.0, "end": 21.0},
        {"key": "marts__b_check", "start": 21.0, "end": 24.25},
        {"key": "report", "start": 30.0, "end": None},  # failed before it ended: no time
    ]
    assert stage_seconds(steps) == {"extract": 3.5, "checks": 4.25}


def _results(wall_100k: float | None, added: float) -> dict:
    size = {
        "articles": 1000,
        "bad_files": 10,
        "wall_seconds": 30.0,
        "startup_seconds": 12.0,
        "shutdown_seconds": 1.0,
        "stages": {"ingest": 1.0, "extract": 2.0, "dbt": 10.0},
        "peak_rss_mb": 600.0,
        "extract_articles_per_second_per_core": 2500,
        "exit_code": 0,
        "truth": {"call_recall": 0.9},
    }
    sizes = {"1000": size}
    if wall_100k is not None:
        sizes["100000"] = {**size, "articles": 100_000, "wall_seconds": wall_100k, "peak_rss_mb": 1700.0}
    return {"sizes": sizes, "added": {"1": {"to_corpus": 1000, "wall_seconds": added, "stages": {}}}}


def test_targets_say_met_not_met_or_not_measured() -> None:
    verdicts = {t["target"]: t["met"] for t in report.targets(_results(55.0, 12.0))}
    assert verdicts == {
        "100,000 articles end to end": "met",
        "peak RSS (largest process)": "not met",
        "extraction per core": "met",
        "adding 1 article and running again": "not met",
    }
    assert report.targets(_results(None, 5.0))[0]["met"] == "not measured"


def test_table_json_and_chart(tmp_path: Path) -> None:
    results = _results(70.0, 9.0)
    text = report.table(results)
    assert "100,000 articles end to end < 60 s: 70.0 -> not met" in text
    assert "calls (pair + date) recall" in text
    report.write_json(results, tmp_path / "bench.json")
    written = json.loads((tmp_path / "bench.json").read_text())
    assert written["sizes"]["100000"]["wall_seconds"] == 70.0
    assert [t["met"] for t in written["targets"]] == ["not met", "not met", "met", "met"]
    report.chart(results, tmp_path / "chart.png")
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_corpus_cache_is_reused_and_cleaned(tmp_path: Path) -> None:
    truth, seconds = scale.cached_corpus(tmp_path, 30, seed=5)
    assert seconds is not None
    assert truth.summary["articles"] == 30
    leftover = truth.articles_dir / f"{scale.ADDED_PREFIX}1"
    leftover.mkdir()
    _, seconds = scale.cached_corpus(tmp_path, 30, seed=5)
    assert seconds is None  # cached
    assert not leftover.exists()  # an interrupted run's added articles are gone
    _, seconds = scale.cached_corpus(tmp_path, 30, seed=6)
    assert seconds is not None  # another seed: generated again


@pytest.mark.parametrize("home", ["missing", "empty"])
def test_stage_timings_without_a_run_say_so(tmp_path: Path, home: str) -> None:
    (tmp_path / "empty").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "orchestration.bench_stages", str(tmp_path / home)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "no run recorded" in done.stderr
