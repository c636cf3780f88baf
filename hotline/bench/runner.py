"""One pipeline run as a user starts it (``python -m orchestration run`` in its own process, with its own
articles folder, warehouse and DAGSTER_HOME), measured from outside: wall time, peak memory, stage timings.

Peak memory is read two ways: the largest single process of the run's tree (``wait4``'s ``ru_maxrss``, what
``getrusage(RUSAGE_CHILDREN)`` reports) and the sum over the tree (the run and its extraction workers), sampled
from ``/proc`` while it runs. Stage timings come from the run's Dagster event log, read by
``python -m orchestration.bench_stages`` (``hotline/`` does not import Dagster).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hotline.config import PROJECT_ROOT

STAGES = ("ingest", "extract", "dbt", "checks", "publish", "exports", "report")
"""Stages in pipeline order; a step belongs to the first whose name it matches in :func:`stage_of`."""
_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


@dataclass
class RunResult:
    exit_code: int
    wall_seconds: float
    peak_rss_mb: float
    peak_tree_rss_mb: float | None
    stages: dict[str, float] = field(default_factory=dict)
    steps: list[dict[str, Any]] = field(default_factory=list)
    peak_process: str | None = None  # what the largest process was at its peak (its command, shortened)
    peak_at: float | None = None  # when it peaked (Unix seconds)
    run_seconds: float | None = None
    startup_seconds: float | None = None  # process start to the first step (imports, definitions, dbt manifest)
    shutdown_seconds: float | None = None  # the last step's end to the process's exit
    log: str = ""


def stage_of(step_key: str) -> str:
    """The stage of a Dagster step: ``ingest_articles`` → ingest, a dbt step → dbt, a check step → checks..."""
    key = step_key.lower()
    if key.startswith("ingest"):
        return "ingest"
    if key.startswith("extract"):
        return "extract"
    if "dbt" in key:
        return "dbt"
    if "export" in key:  # before publish: the exports asset is "published_exports"
        return "exports"
    if key.startswith("publish"):
        return "publish"
    if key.startswith("report"):
        return "report"
    return "checks"  # the asset checks (Great Expectations suites) run as steps of their own


def run_pipeline(articles_dir: Path, workdir: Path, *, fresh: bool) -> RunResult:
    """Run the whole pipeline on ``articles_dir`` into ``workdir`` (warehouse and DAGSTER_HOME inside it)."""
    if fresh and workdir.exists():
        _remove_tree(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "HOTLINE_ARTICLES_DIR": str(articles_dir),
        "HOTLINE_WAREHOUSE_PATH": str(workdir / "hotline.duckdb"),
        "DAGSTER_HOME": str(workdir / "dagster_home"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    log = workdir / "run.log"
    started_at = time.time()
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "orchestration", "run"], cwd=PROJECT_ROOT, env=env, stdout=out, stderr=out
        )
        sampler = _TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)  # the rusage of this child's tree, not of earlier runs
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.stop()
    result = RunResult(
        exit_code=process.returncode,
        wall_seconds=time.perf_counter() - started,
        peak_rss_mb=round(usage.ru_maxrss / 1024, 1),
        peak_tree_rss_mb=sampler.peak_mb,
        peak_process=sampler.largest_command,
        peak_at=sampler.largest_at,
        log=str(log),
    )
    timings = _timings(workdir / "dagster_home", env)
    if timings:
        result.steps = timings["steps"]
        result.stages = stage_seconds(timings["steps"])
        if timings.get("start") and timings.get("end"):
            result.run_seconds = round(timings["end"] - timings["start"], 2)
        starts = [s["start"] for s in timings["steps"] if s.get("start")]
        ends = [s["end"] for s in timings["steps"] if s.get("end")]
        result.startup_seconds = round(min(starts) - started_at, 2) if starts else None
        result.shutdown_seconds = round(started_at + result.wall_seconds - max(ends), 2) if ends else None
    return result


def stage_at(steps: list[dict[str, Any]], moment: float | None) -> str | None:
    """The stage running at ``moment`` (Unix seconds): the last step started by then; ``start-up`` before the
    first step, ``shutdown`` after the last one ended."""
    timed = sorted((s["start"], s["end"] or s["start"], s["key"] or "") for s in steps if s.get("start"))
    if moment is None or not timed:
        return None
    if moment < timed[0][0]:
        return "start-up"
    if moment > max(end for _, end, _ in timed):
        return "shutdown"
    return stage_of([key for start, _, key in timed if start <= moment][-1])


def stage_seconds(steps: list[dict[str, Any]]) -> dict[str, float]:
    """Seconds per stage: from the first step of a stage starting to its last step ending (steps may overlap)."""
    spans: dict[str, list[float]] = defaultdict(list)
    for step in steps:
        if step.get("start") is not None and step.get("end") is not None:
            spans[stage_of(step["key"] or "")] += [step["start"], step["end"]]
    return {stage: round(max(spans[stage]) - min(spans[stage]), 2) for stage in STAGES if stage in spans}


def _timings(dagster_home: Path, env: dict[str, str]) -> dict[str, Any] | None:
    done = subprocess.run(
        [sys.executable, "-m", "orchestration.bench_stages", str(dagster_home)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(f"no stage timings: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    timings: dict[str, Any] = json.loads(done.stdout)
    return timings


def _remove_tree(path: Path) -> None:
    for leftover in path.rglob("*"):  # the published file is read-only (0444)
        if leftover.is_file():
            leftover.chmod(0o644)
    shutil.rmtree(path)


class _TreeSampler:
    """Samples the summed RSS of a process and its descendants from /proc (Linux); None elsewhere."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_kb = 0
        self.largest_kb = 0  # the largest single process seen, what it ran and when
        self.largest_command: str | None = None
        self.largest_at: float | None = None
        self.available = Path("/proc/self/statm").exists()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    @property
    def peak_mb(self) -> float | None:
        return round(self.peak_kb / 1024, 1) if self.available else None

    def start(self) -> None:
        if self.available:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self.available:
            self._thread.join()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            tree = _tree_rss_kb(self.pid)
            self.peak_kb = max(self.peak_kb, sum(tree.values()))
            pid, kb = max(tree.items(), key=lambda item: item[1], default=(0, 0))
            if kb > self.largest_kb:
                self.largest_kb, self.largest_at, self.largest_command = kb, time.time(), _command(pid)


def _command(pid: int) -> str | None:
    """A process's command line, shortened (``python -m orchestration run``, ``dbt build``...)."""
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return None
    return " ".join(Path(words[0]).name if i == 0 else word for i, word in enumerate(words[:4]) if word)[:80]


def _tree_rss_kb(root: int) -> dict[int, int]:
    """The RSS (kB) of ``root`` and each of its descendants."""
    children: dict[int, list[int]] = defaultdict(list)
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
            statm = Path(f"/proc/{entry.name}/statm").read_text().split()
        except OSError:
            continue  # the process ended meanwhile
        pid = int(entry.name)
        children[int(stat.rsplit(")", 1)[1].split()[1])].append(pid)
        rss[pid] = int(statm[1]) * _PAGE_KB
    tree, stack = {}, [root]
    while stack:
        pid = stack.pop()
        tree[pid] = rss.get(pid, 0)
        stack.extend(children.get(pid, ()))
    return tree
