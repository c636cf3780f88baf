"""Stage timings of a finished run, read from the Dagster event log (for ``hotline.bench``).

``python -m orchestration.bench_stages DAGSTER_HOME [RUN_ID]`` prints, as JSON, the run's id, status, start
and end (Unix seconds) and every step's start, end and status, from the step start/success/failure events of
the newest run (or ``RUN_ID``). ``hotline/`` may not import Dagster, so the benchmark calls this in a process.
"""

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import dagster as dg

STEP_EVENTS = {
    dg.DagsterEventType.STEP_START: "start",
    dg.DagsterEventType.STEP_SUCCESS: "success",
    dg.DagsterEventType.STEP_FAILURE: "failure",
    dg.DagsterEventType.STEP_SKIPPED: "skipped",
}
RUN_EVENTS = {
    dg.DagsterEventType.RUN_START: "start",
    dg.DagsterEventType.RUN_SUCCESS: "success",
    dg.DagsterEventType.RUN_FAILURE: "failure",
}


def stage_timings(instance: dg.DagsterInstance, run_id: str | None = None) -> dict[str, Any]:
    """The run's status, start and end, and each step's start, end, seconds and status (in start order)."""
    if run_id is None:
        runs = instance.get_runs(limit=1)
        if not runs:
            raise LookupError("no run recorded in this DAGSTER_HOME")
        run_id = runs[0].run_id
    run = instance.get_run_by_id(run_id)
    if run is None:
        raise LookupError(f"run {run_id} is not recorded in this DAGSTER_HOME")
    steps: dict[str, dict[str, Any]] = {}
    times: dict[str, float] = {}
    for entry in instance.all_logs(run_id, of_type=set(STEP_EVENTS) | set(RUN_EVENTS)):
        event = entry.dagster_event
        if event is None:
            continue
        if event.event_type in RUN_EVENTS:
            times.setdefault(RUN_EVENTS[event.event_type], entry.timestamp)
            continue
        step = steps.setdefault(entry.step_key or "?", {"key": entry.step_key, "start": None, "end": None})
        kind = STEP_EVENTS[event.event_type]
        if kind == "start":
            step["start"] = entry.timestamp
        else:
            step["end"], step["status"] = entry.timestamp, kind
    for step in steps.values():
        both = step["start"] is not None and step["end"] is not None
        step["seconds"] = round(step["end"] - step["start"], 3) if both else None
    return {
        "run_id": run_id,
        "status": run.status.value,
        "start": times.get("start"),
        "end": times.get("success", times.get("failure")),
        "steps": sorted(steps.values(), key=lambda s: (s["start"] is None, s["start"] or 0.0)),
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not 1 <= len(args) <= 2:
        print("usage: python -m orchestration.bench_stages DAGSTER_HOME [RUN_ID]", file=sys.stderr)
        return 2
    home = Path(args[0]).resolve()
    if not home.is_dir():
        print(f"no run recorded: {home} does not exist", file=sys.stderr)
        return 1
    os.environ["DAGSTER_HOME"] = str(home)
    with dg.DagsterInstance.get() as instance:
        try:
            print(json.dumps(stage_timings(instance, args[1] if len(args) > 1 else None)))
        except LookupError as exc:
            print(exc, file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
