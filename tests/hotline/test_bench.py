"""The benchmark runs and reports its figures (a smoke test of correctness, never of speed).

Step keys below are those a run of ``hotline_job`` recorded in its Dagster event log (2026-12-06); the
results fed to the report are written by us. The smoke test at the end runs the bench's own end-to-end run on a
generated corpus of 1,000 articles (``hotline.generate``, seed 0) and scores the published warehouse against the
corpus's truth.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from hotline import bench
from hotline.bench import report, scale
from hotline.bench.runner import stage_of, stage_seconds
from hotline.config import PROJECT_ROOT
from hotline.generate.truth import TRUTH_FILE, read_truth


def test_bench_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    assert bench.main(["--articles", "12", "--processes", "2", "--out", str(out)]) == 0
    figures = json.loads(out.read_text())
    assert figures["articles"] == 12
    assert figures["raw_rows"] > 12  # every seed article yields facts
    assert figures["extract_articles_per_second_per_core"] > 0
    assert figures["extract_articles_per_cpu_second"] > 0
    assert figures["extract_repeats"] == 3
    assert figures["load_average_before"] >= 0
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
    added_run = {"to_corpus": 1000, "wall_seconds": added, "exit_code": 0, "startup_seconds": 6.0, "stages": {"dbt": 3}}
    return {"sizes": sizes, "added": {"1": added_run}}


def test_targets_say_met_not_met_or_not_measured() -> None:
    verdicts = {t["target"]: t["met"] for t in report.targets(_results(55.0, 12.0))}
    assert verdicts == {
        "100,000 articles end to end": "met",
        "peak RSS (largest process)": "not met",
        "extraction per core": "met",
        "adding 1 article and running again": "not met",
    }
    assert report.targets(_results(None, 5.0))[0]["met"] == "not measured"


def test_a_failed_run_measures_no_target() -> None:
    results = _results(55.0, 12.0)
    results["sizes"]["100000"]["exit_code"] = 1
    results["added"]["1"]["exit_code"] = 1
    verdicts = {t["target"]: t["met"] for t in report.targets(results)}
    assert verdicts["100,000 articles end to end"] == verdicts["adding 1 article and running again"] == "not measured"


def test_a_target_not_met_names_the_stages_that_hold_it_and_their_plans() -> None:
    results = _results(70.0, 12.0)
    results["sizes"]["100000"]["peak_rss_mb"] = 1700.0
    results["sizes"]["100000"]["peak_stage"] = "dbt"
    results["sizes"]["100000"]["peak_process"] = "python dbt build"
    held = {t["target"]: t.get("held_by") for t in report.targets(results)}
    assert held["100,000 articles end to end"] == [
        {"stage": "start-up", "seconds": 12.0, "share": 0.17},
        {"stage": "dbt", "seconds": 10.0, "share": 0.14},
        {"stage": "extract", "seconds": 2.0, "share": 0.03},
    ]
    assert held["peak RSS (largest process)"] == [{"stage": "dbt", "process": "python dbt build"}]
    assert held["adding 1 article and running again"][0] == {"stage": "start-up", "seconds": 6.0, "share": 0.5}
    text = report.table(results)
    assert "held by dbt: the largest process then was python dbt build" in text
    assert f"plan: {report.PLANS['add']['start-up']}" in text
    assert f"plan: {report.PLANS['memory']['dbt']}" in text


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


# --- the smoke test: the bench's own run on 1,000 generated articles (correctness, never speed; ~30 s quiet) -----

SMOKE_SIZE = 1_000
SMOKE_FLOORS = {
    "call_precision": 0.96,
    "call_recall": 0.97,
    "mention_precision": 0.97,
    "mention_recall": 0.97,
    "date_accuracy": 0.97,
}
"""Measured on 2026-12-06 (seed 0, the published marts against the truth): calls by pair and date precision 0.991,
recall 1.0; mentions by article and pair precision 0.995, recall 1.0; dates 1.0. The floors sit about three points
below, so an extractor change that loses calls fails here, noise does not."""


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict, Path]:
    """``python -m hotline.bench --sizes 1000 --add 0`` in a temporary folder: the figures, the truth, the run."""
    bench_dir = tmp_path_factory.mktemp("bench")
    results = scale.measure(bench_dir, [SMOKE_SIZE], [], seed=0)
    truth = read_truth(bench_dir / f"corpus-{SMOKE_SIZE}" / TRUTH_FILE)
    return results, truth, bench_dir / f"run-{SMOKE_SIZE}"


def test_the_bench_at_1000_articles_finds_the_calls_of_the_truth(smoke: tuple[dict, dict, Path]) -> None:
    results, _, _ = smoke
    figures = results["sizes"][str(SMOKE_SIZE)]
    assert figures["exit_code"] == 0, Path(figures["log"]).read_text()[-3000:]
    found = figures["truth"]
    print(json.dumps(found, indent=1))
    for name, floor in SMOKE_FLOORS.items():
        assert found[name] >= floor, (name, found[name], floor)
    assert found["bad_files_rejected"] == found["bad_files"] > 0
    assert set(figures["stages"]) >= {"ingest", "extract", "dbt", "checks", "publish"}


def test_every_article_is_published_or_rejected_with_its_reason(smoke: tuple[dict, dict, Path]) -> None:
    _, truth, run = smoke
    with duckdb.connect(str(run / "hotline.duckdb"), read_only=True) as con:
        published = [name for (name,) in con.execute("select source_name from marts.dim_articles").fetchall()]
        rejected = con.execute("select source_name, reason from audit.rejected_articles").fetchall()
    assert sorted(published) == sorted({article["name"] for call in truth["calls"] for article in call["articles"]})
    assert len(published) == SMOKE_SIZE
    reasons = dict(rejected)
    assert len(reasons) == len(rejected)  # one reason per file
    assert sorted(reasons) == sorted(bad["name"] for bad in truth["bad_files"])
    for bad in truth["bad_files"]:
        assert bad["reason"] in reasons[bad["name"]], (bad, reasons[bad["name"]])


def test_the_bench_prints_the_profile_and_plan_of_each_target_not_met(smoke: tuple[dict, dict, Path]) -> None:
    results, _, _ = smoke
    text = report.table(results)
    assert "calls (pair + date) recall" in text
    for target in report.targets(results):
        if target["met"] == "not met":
            assert target["held_by"], target
            for part in target["held_by"]:
                assert f"held by {part['stage']}" in text
                assert f"plan: {target['plan'][part['stage']]}" in text
