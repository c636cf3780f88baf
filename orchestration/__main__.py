"""``python -m orchestration run``: the whole pipeline in this process, recorded in DAGSTER_HOME.

Exit codes: 0 published; 1 a step failed or a blocking (error-severity) check failed, so nothing was
published; 2 the warehouse is busy (another run holds the write lock).
"""

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import dagster as dg

from hotline.config import PROJECT_ROOT, Settings
from hotline.quality import SUITES
from hotline.warehouse import WarehouseBusyError, writer_lock
from orchestration.runs import fail_orphaned_runs

EXIT_OK, EXIT_FAILED, EXIT_BUSY = 0, 1, 2
DAGSTER_YAML = """\
telemetry:
  enabled: false
concurrency:
  runs:
    tag_concurrency_limits:
      - key: hotline/warehouse
        limit: 1
"""
"""The instance config ``make`` writes too (without DAGSTER_HOME runs vanish from the UI): no telemetry, and
one run of ``hotline_job`` at a time (its runs carry the ``hotline/warehouse`` tag)."""


def dagster_instance() -> dg.DagsterInstance:
    """The persistent instance in DAGSTER_HOME (default ``warehouse/dagster_home``), created if missing."""
    home = Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / "warehouse" / "dagster_home").resolve()
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(DAGSTER_YAML, encoding="utf-8")
    os.environ["DAGSTER_HOME"] = str(home)
    return dg.DagsterInstance.get()


def run_pipeline(instance: dg.DagsterInstance, log_level: str = "INFO") -> dg.ExecuteInProcessResult:
    """Materialize every asset and run every check of ``hotline_job``, in process.

    Run logs (and dbt's output) go to stderr, so stdout holds only the summary.
    """
    from orchestration.definitions import defs  # imported late: loading dbt's manifest takes a moment

    job = defs.resolve_job_def("hotline_job")
    with contextlib.redirect_stdout(sys.stderr):
        return job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
        )


def _metadata_value(value: Any) -> Any:
    return getattr(value, "value", value)


def summarize(result: dg.ExecuteInProcessResult) -> tuple[int, list[str]]:
    """Print what the run did; return the exit code and one line per reason it failed."""
    materialized: dict[str, dict[str, Any]] = {}
    for event in result.get_asset_materialization_events():
        materialization = event.materialization
        metadata = {key: _metadata_value(value) for key, value in materialization.metadata.items()}
        materialized[materialization.asset_key.to_user_string()] = metadata

    evaluations = result.get_asset_check_evaluations()
    passed = [e for e in evaluations if e.passed]
    failed = [e for e in evaluations if not e.passed]
    problems: list[str] = []
    for evaluation in failed:
        why = evaluation.description or "no description"
        if evaluation.severity != dg.AssetCheckSeverity.WARN:
            problems.append(f"check {evaluation.check_name} on {evaluation.asset_key.to_user_string()} failed: {why}")
        else:
            print(f"warning: check {evaluation.check_name} on {evaluation.asset_key.to_user_string()}: {why}")
    for event in result.get_step_failure_events():
        error = event.step_failure_data.error if event.step_failure_data else None
        if error is not None and error.cls_name == "DagsterAssetCheckFailedError":
            continue  # a blocking check failed: already named above, with its reason
        problems.append(f"step {event.step_key} failed: {_error_message(error)}")

    published = materialized.get("published_warehouse")
    marts = (published or {}).get("mart_row_counts") or {}
    for table, rows in sorted(marts.items()):
        print(f"  marts.{table:<34} {rows:>8} rows")
    rejected = materialized.get("raw/rejected_articles", {}).get("dagster/row_count")
    articles = materialized.get("raw/articles", {}).get("dagster/row_count")
    print(f"articles: {_or_unknown(articles)} read, {_or_unknown(rejected)} rejected")
    suites = [e for e in evaluations if e.check_name in SUITES]
    print(
        f"checks: {len(passed)} passed, {len(failed)} failed "
        f"(Great Expectations: {sum(e.passed for e in suites)} of {len(suites)} passed, rest dbt tests)"
    )
    print(f"published: {published.get('path') if published else 'nothing (see above)'}")
    if published and published.get("quarantined_facts"):
        print(quarantine_summary(published["quarantined_facts"], published.get("quarantined") or []))
    if not problems and not result.success:
        problems = [f"run failed: {_error_message(error)}" for error in _errors(result)[:1]]
        problems = problems or ["the run did not succeed"]
    return (EXIT_FAILED, problems) if problems else (EXIT_OK, [])


def quarantine_summary(total: int, listed: list[dict[str, Any]]) -> str:
    """How many facts bad content set aside, by rule, naming the files (the rest was published)."""
    lines = [f"quarantined: {total} fact(s) set aside, everything else published (audit.quarantined_facts):"]
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for row in listed:
        by_rule.setdefault(row["rule"], []).append(row)
    for rule, rows in sorted(by_rule.items()):
        files = sorted({str(row["source_name"]) for row in rows})
        shown = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
        lines.append(f"  {rule}: {len(rows)} in {shown}; e.g. {rows[0]['reason']}")
    if total > len(listed):
        lines.append(f"  ({total - len(listed)} more not listed here)")
    return "\n".join(lines)


def _or_unknown(value: Any) -> str:
    return "?" if value is None else str(value)


def _error_message(error: Any) -> str:
    """The innermost user error of a Dagster SerializableErrorInfo chain."""
    while error is not None and error.cause is not None:
        error = error.cause
    return str(error.message).strip() if error is not None else "unknown error"  # "module.Class: text"


def _errors(result: dg.ExecuteInProcessResult) -> list[Any]:
    """Every error a run reported: failed steps, and failures outside steps (e.g. resources not starting)."""
    errors = []
    for event in result.all_events:
        error = getattr(event.event_specific_data, "error", None)
        if error is not None:
            errors.append(error)
    return errors


def busy_message(result: dg.ExecuteInProcessResult) -> str | None:
    """The WarehouseBusyError message, when that is why the run failed."""
    for error in _errors(result):
        while error is not None:
            if error.cls_name == WarehouseBusyError.__name__:
                # SerializableErrorInfo.message starts with the qualified class name
                return str(error.message).strip().split(f"{WarehouseBusyError.__name__}: ", 1)[-1]
            error = error.cause
    return None


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    started = time.monotonic()
    try:
        # Held for the whole run, so a second `make run` waits (then gives up) instead of interleaving its
        # steps with ours; the assets take the same lock again around each write (it is re-entrant).
        with writer_lock(settings), dagster_instance() as instance:
            for run_id in fail_orphaned_runs(instance):
                print(f"marked orphaned run {run_id} failed: its process is gone", file=sys.stderr)
            result = run_pipeline(instance, "DEBUG" if args.verbose else "INFO")
    except WarehouseBusyError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BUSY
    busy = busy_message(result)
    if busy:
        print(busy, file=sys.stderr)
        return EXIT_BUSY
    print(f"run {result.run_id} ({settings.articles_dir} -> {settings.warehouse_path})")
    code, problems = summarize(result)
    print(f"elapsed: {time.monotonic() - started:.1f}s")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("not published: fix the above and run again", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orchestration", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="ingest, extract, dbt build, checks, publish")
    run_parser.add_argument("-v", "--verbose", action="store_true", help="log every Dagster event")
    run_parser.set_defaults(func=run)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
