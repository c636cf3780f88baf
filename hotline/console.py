"""What ``hotline`` prints for people (rich): progress, one line per stage, dbt's summary, the closing table.

Plain data in, text out: :class:`RunConsole` knows nothing of Dagster. ``orchestration.runner`` turns a run's
events into :class:`StepReport` and :class:`RunSummary`; :func:`summarize_dbt` reads dbt's own artifacts
(``run_results.json`` and the manifest). On a terminal the progress of the running stage is drawn live and
disappears when the stage's line is printed; in a log file only the lines appear.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from hotline.dbt_summary import DbtSummary

STAGES = {
    "ingest_articles": "ingest",
    "extract_facts": "extract",
    "hotline_dbt_assets": "dbt build",
    "published_warehouse": "publish",
    "published_exports": "export",
    "report": "report",
}
"""Step keys of the pipeline and the word a person reads for each; another step shows under its own key."""
CHECKS_STAGE = "checks"


def asset_of(step: str) -> str:
    """The asset a step belongs to: a graph-backed asset's steps (``extract_facts.extract_bucket[bucket_00]``) are
    shown as that asset's one stage, timed from its first step's start to its last step's end."""
    return step.split(".", 1)[0]


"""The stage the Great Expectations check steps (one step per suite and table) are shown as, together."""
FACT_TABLES = {
    "call_mentions": "call mentions",
    "call_participants": "participants",
    "call_topics": "topics",
    "official_mentions": "officials",
    "trade_measure_mentions": "trade measures",
}
QUARANTINE_FILES_SHOWN = 5


@dataclass
class StepReport:
    """What one step did: what it materialized (asset key → metadata as plain values) and which checks it ran."""

    step: str
    seconds: float
    ok: bool
    materialized: dict[str, dict[str, Any]] = field(default_factory=dict)
    checks_passed: int = 0
    checks_failed: int = 0
    error: str | None = None


@dataclass
class RunSummary:
    """The closing table of a run."""

    run_id: str
    marts: dict[str, int]
    articles_read: int | None
    articles_rejected: int | None
    checks_passed: int
    checks_failed: int
    suites_passed: int
    suites_run: int
    published: str | None
    quarantined_total: int = 0
    quarantined: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unchanged: str | None = None
    """Why the run built and published nothing (the published file stays as it was); None when it built."""


def quarantine_lines(total: int, listed: list[dict[str, Any]]) -> list[str]:
    """How many facts bad content set aside, by rule, naming the files (the rest was published)."""
    lines = [f"{total} fact(s) set aside, everything else published (audit.quarantined_facts):"]
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for row in listed:
        by_rule.setdefault(row["rule"], []).append(row)
    for rule, rows in sorted(by_rule.items()):
        files = sorted({str(row["source_name"]) for row in rows})
        more = len(files) - QUARANTINE_FILES_SHOWN
        shown = ", ".join(files[:QUARANTINE_FILES_SHOWN]) + (f" and {more} more" if more > 0 else "")
        lines.append(f"  {rule}: {len(rows)} in {shown}; e.g. {rows[0]['reason']}")
    if total > len(listed):
        lines.append(f"  ({total - len(listed)} more not listed here)")
    return lines


def step_detail(report: StepReport) -> str:
    """The counts a person wants on a stage's line."""
    rows = {key: meta.get("dagster/row_count") for key, meta in report.materialized.items()}
    if report.step == "ingest_articles":
        meta = report.materialized.get("raw/articles", {})
        read = f"{rows.get('raw/articles', '?')} articles read, {rows.get('raw/rejected_articles', '?')} rejected"
        if "files_read" not in meta or meta.get("read_everything_because"):
            return read
        changes = f"{meta['files_read']} of {meta['files']} files new or changed"
        return f"{read}; {changes}: {meta['articles_added']} articles new, {meta['articles_removed']} removed"
    if asset_of(report.step) == "extract_facts":
        facts = ", ".join(
            f"{rows[f'raw/{table}']} {name}" for table, name in FACT_TABLES.items() if f"raw/{table}" in rows
        )
        meta = next(iter(report.materialized.values()), {})
        late = meta.get("articles_over_time_budget") or 0
        extracted = meta.get("articles_extracted")
        kept = f" ({extracted} extracted, the others' facts kept)" if extracted != meta.get("articles_read") else ""
        return f"{meta.get('articles_read', '?')} articles{kept if extracted is not None else ''}: {facts}" + (
            f"; {late} over the time budget" if late else ""
        )
    if report.step == "published_warehouse":
        meta = report.materialized.get("published_warehouse", {})
        marts = meta.get("mart_row_counts") or {}
        return f"{len(marts)} marts, {sum(marts.values()):,} rows -> {meta.get('path', '?')}"
    if report.checks_passed or report.checks_failed:
        checked = f"{report.checks_passed} passed, {report.checks_failed} failed"
        return f"{len(report.materialized)} assets, checks {checked}" if report.materialized else checked
    unchanged = [str(meta["unchanged"]) for meta in report.materialized.values() if meta.get("unchanged")]
    if unchanged:
        return unchanged[0]
    paths = [str(meta["path"]) for meta in report.materialized.values() if meta.get("path")]
    return ", ".join(paths) or f"{len(report.materialized)} assets"


class RunConsole:
    """The console of ``hotline run``: stage lines, live progress, the closing table; errors on stderr."""

    def __init__(self, out: IO[str] | None = None, err: IO[str] | None = None, *, width: int | None = None):
        # The files are bound now: the runner redirects sys.stdout (dbt's lines) to the run log afterwards.
        self.out = Console(file=out or sys.stdout, soft_wrap=True, width=width, highlight=False)
        self.err = Console(file=err or sys.stderr, soft_wrap=True, width=width, highlight=False)
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            console=self.out,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._tasks: dict[str, tuple[Any, float]] = {}
        self._checks: list[StepReport] = []
        self._starting: Any = None
        self._asset_started: dict[str, float] = {}

    def __enter__(self) -> RunConsole:
        if self.out.is_terminal:  # elsewhere (a log, a pipe) the lines alone
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._flush_checks()
        if self.progress.live.is_started:
            self.progress.stop()

    def line(self, text: str, style: str = "") -> None:
        self.out.print(escape(text), style=style or None)

    def error(self, text: str) -> None:
        self.err.print(escape(text), style="red")

    def header(self, articles: Path, warehouse: Path, run_id: str) -> None:
        self.out.print(f"[bold]hotline run[/] {escape(str(articles))} -> {escape(str(warehouse))}  (run {run_id})")

    @contextlib.contextmanager
    def status(self, text: str) -> Iterator[None]:
        """A spinner with ``text`` while the block runs (a lock wait, loading the definitions)."""
        task = self.progress.add_task(escape(text), counts="")
        try:
            yield
        finally:
            self.progress.remove_task(task)

    def starting(self, text: str) -> None:
        """A spinner with ``text`` until the first step starts (Dagster records the run's plan meanwhile)."""
        self._starting = self.progress.add_task(escape(text), counts="")

    def step_started(self, step: str) -> None:
        if self._starting is not None:
            self.progress.remove_task(self._starting)
            self._starting = None
        label = STAGES.get(asset_of(step), CHECKS_STAGE if self._checks else step)
        self._tasks[step] = (self.progress.add_task(escape(label), counts=""), time.monotonic())
        self._asset_started.setdefault(asset_of(step), time.monotonic())

    def step_progress(self, step: str, done: int, total: int | None, what: str) -> None:
        # a step of a graph-backed asset reports its op's name (extract_bucket for extract_facts.extract_bucket[..])
        step = next((key for key in self._tasks if key.rsplit(".", 1)[-1].split("[")[0] == step), step)
        if step not in self._tasks:
            return
        task, started = self._tasks[step]
        rate = done / max(time.monotonic() - started, 1e-6)
        counted = f"{done:,} of {total:,}" if total is not None else f"{done:,}"
        self.progress.update(task, counts=f"{counted} {escape(what)} · {rate:,.1f}/s")

    def step_finished(self, report: StepReport, dbt: DbtSummary | None = None) -> None:
        task = self._tasks.pop(report.step, None)
        if task is not None:
            self.progress.remove_task(task[0])
        if asset_of(report.step) != report.step:  # one line for a graph-backed asset: at its materializing step
            if report.ok and not report.materialized:
                return
            report.seconds = time.monotonic() - self._asset_started.pop(asset_of(report.step), time.monotonic())
        is_check = (
            report.step not in STAGES and not report.materialized and (report.checks_passed or report.checks_failed)
        )
        if is_check and report.ok:
            self._checks.append(report)
            return
        self._flush_checks()
        label = CHECKS_STAGE if is_check else STAGES.get(asset_of(report.step), report.step)
        self._stage_line(label, report, dbt.headline() if dbt else None)
        if dbt is not None:
            for text in dbt.lines():
                style = "red" if text.startswith(("FAIL", "ERROR")) else "yellow" if text.startswith("WARN") else None
                self.out.print("      " + escape(text), style=style)

    def not_run(self, steps: list[str], why: str = "an earlier step failed") -> None:
        """One line for the steps that never started (check steps already named :data:`CHECKS_STAGE`)."""
        self._flush_checks()
        order = [*list(STAGES.values())[:3], CHECKS_STAGE, *list(STAGES.values())[3:]]
        stages = sorted({STAGES.get(asset_of(step), step) for step in steps}, key=lambda s: [*order, s].index(s))
        if stages:
            self.out.print(f"[yellow]-[/] {'not run':<10} {escape(', '.join(stages))} ({escape(why)})")

    def _flush_checks(self) -> None:
        if not self._checks:
            return
        passed = sum(r.checks_passed for r in self._checks)
        failed = sum(r.checks_failed for r in self._checks)
        seconds = sum(r.seconds for r in self._checks)
        group = StepReport(CHECKS_STAGE, seconds, True, checks_passed=passed, checks_failed=failed)
        self._checks = []
        self._stage_line(CHECKS_STAGE, group, f"{passed + failed} Great Expectations suites: {passed} passed")

    def _stage_line(self, label: str, report: StepReport, detail: str | None = None) -> None:
        mark = "[green]✓[/]" if report.ok else "[red]✗[/]"
        text = detail or (step_detail(report) if report.ok else f"failed: {report.error or 'see the log'}")
        self.out.print(f"{mark} {escape(label):<10} {report.seconds:6.1f}s  {escape(text)}")

    def summary(self, summary: RunSummary, elapsed: float, log_path: Path) -> None:
        """The closing table; the reasons a run failed go to stderr."""
        self._flush_checks()
        if summary.marts:
            _print_marts(self.out, summary.marts)
        gx = f"Great Expectations: {summary.suites_passed} of {summary.suites_run} suites passed, the rest dbt tests"
        facts = [
            ("articles", f"{_count(summary.articles_read)} read, {_count(summary.articles_rejected)} rejected"),
            ("checks", f"{summary.checks_passed} passed, {summary.checks_failed} failed ({gx})"),
        ]
        if summary.quarantined_total:
            facts.append(("quarantined", "\n".join(quarantine_lines(summary.quarantined_total, summary.quarantined))))
        facts += [
            (
                "published",
                f"{summary.published} (unchanged)" if summary.unchanged else summary.published or "nothing (see below)",
            ),
            ("elapsed", f"{elapsed:.1f}s"),
            ("log", str(log_path)),
        ]
        _print_facts(self.out, facts)
        for warning in summary.warnings:
            self.out.print(f"[yellow]warning:[/] {escape(warning)}")
        for problem in summary.problems:
            self.error(problem)
        if summary.problems:
            self.error("not published: fix the above and run again")


@dataclass
class PublishedStatus:
    """What ``hotline status`` reads from the published file."""

    marts: dict[str, int]
    validation: list[dict[str, Any]]
    quarantined_total: int
    quarantined: list[dict[str, Any]]
    rejected: list[dict[str, Any]]


def render_status(path: Path, last_run: Mapping[str, Any] | None, published: PublishedStatus | None) -> None:
    """``hotline status``: the last run (from DAGSTER_HOME), then what the published file holds."""
    out = Console(soft_wrap=True, highlight=False)
    facts = []
    if last_run:
        took = f", took {last_run['ended'] - last_run['started']:.0f}s" if last_run.get("ended") else ""
        when = _clock(last_run["started"]) if last_run.get("started") else "?"
        facts.append(("last run", f"{last_run['run_id'][:8]} {last_run['status']}, started {when}{took}"))
    else:
        facts.append(("last run", "none recorded in DAGSTER_HOME"))
    if published is None:
        facts.append(("published", f"nothing at {path}: run the pipeline first (hotline run)"))
        _print_facts(out, facts)
        return
    stat = path.stat()
    facts.append(("published", f"{path} ({_clock(stat.st_mtime)}, {stat.st_size / 1e6:.1f} MB)"))
    runs = sorted({str(row["run_id"])[:8] for row in published.validation if row.get("run_id")})
    failed = [row for row in published.validation if not row["is_passed"]]
    checked = f"{len(published.validation) - len(failed)} suites passed, {len(failed)} failed"
    failures = [f"{row['severity']}: {row['suite_name']} on {row['table_name']}" for row in failed]
    facts.append(("validation", "\n".join([checked + (f" (run {', '.join(runs)})" if runs else ""), *failures])))
    if published.quarantined_total:
        facts.append(("quarantined", "\n".join(quarantine_lines(published.quarantined_total, published.quarantined))))
    else:
        facts.append(("quarantined", "nothing"))
    rejected = [f"{row['source_name']}: {row['reason']}" for row in published.rejected]
    facts.append(("rejected", "\n".join([f"{len(rejected)} file(s)", *rejected])))
    _print_facts(out, facts)
    _print_marts(out, published.marts)


def _print_facts(out: Console, facts: list[tuple[str, str]]) -> None:
    """``label  text`` lines, a text's further lines indented under it (no table: nothing wraps in a log)."""
    for label, text in facts:
        out.print(f"[bold]{label:<11}[/] " + escape(text.replace("\n", "\n" + " " * 12)))


def _print_marts(out: Console, marts: Mapping[str, int]) -> None:
    table = Table(box=None, pad_edge=False)
    table.add_column("marts")
    table.add_column("rows", justify="right")
    for name, rows in sorted(marts.items()):
        table.add_row(name, f"{rows:,}")
    out.print(table)


def _clock(timestamp: float | dt.datetime) -> str:
    moment = timestamp if isinstance(timestamp, dt.datetime) else dt.datetime.fromtimestamp(timestamp)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def holder_text(pid: int | None, host: str, since: float, run_id: str | None) -> str:
    """Whose run a waiting run waits for: "run 1a2b3c4d (pid 123 on host, since 10:42:01)"."""
    started = dt.datetime.fromtimestamp(since).strftime("%H:%M:%S")
    who = f"pid {pid} on {host}" if pid is not None else f"an unknown process on {host}"
    return f"{'run ' + run_id[:8] if run_id else 'another writer'} ({who}, since {started})"


def _count(value: int | None) -> str:
    return "?" if value is None else f"{value:,}"
