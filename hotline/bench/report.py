"""The benchmark's figures as a table, the targets as met / not met, ``bench.json`` and the stage chart."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import Any

from hotline.bench.runner import STAGES

E2E_SIZE, E2E_SECONDS = 100_000, 60.0
PEAK_RSS_MB = 1.5 * 1024
EXTRACTION_PER_CORE = 2_000
ADD_ONE_SECONDS = 10.0

ROWS = (
    ("articles", "articles (+ bad files)"),
    ("words_per_article", "words per article"),
    ("generate_seconds", "corpus generated in s (blank: cached)"),
    ("wall_seconds", "end to end, s"),
    ("startup_seconds", "  start-up (imports, dbt manifest) s"),
    *((f"stage:{stage}", f"  {stage} s") for stage in STAGES),
    ("shutdown_seconds", "  after the last step, s"),
    ("articles_per_second", "articles/s end to end"),
    ("extract_articles_per_second_per_core", "extract stage articles/s per core"),
    ("extract_words_per_second_per_core", "extract stage words/s per core"),
    ("peak_rss_mb", "peak RSS MB (largest process)"),
    ("peak_tree_rss_mb", "peak RSS MB (run + workers)"),
    ("peak_stage", "  the largest process peaked in"),
    ("warehouse_mb", "published warehouse MB"),
    ("truth:call_precision", "calls (pair + date) precision"),
    ("truth:call_recall", "calls (pair + date) recall"),
    ("truth:mention_precision", "call mentions (article + pair) precision"),
    ("truth:mention_recall", "call mentions (article + pair) recall"),
    ("truth:date_accuracy", "date right (mentions found)"),
    ("truth:non_held_read_as_held", "texts without a held call read as held"),
    ("truth:bad_files_rejected", "bad files rejected"),
)


PLANS: dict[str, dict[str, str]] = {
    "time": {
        "start-up": "import Dagster, the definitions and the dbt manifest once per process (a long-lived sensor or "
        "`dagster dev` pays it once, not per run)",
        "ingest": "read and hash each file once (today a changed file is read, then read again to hash it), and "
        "parse files on both cores",
        "extract": "the extractor at 2,000 articles/s per core (hotline/extract): fewer Python objects per hit, "
        "trade measures on the shared article context; more cores or partitions scale it out",
        "dbt": "fewer, cheaper models at the marts (one pass over the mentions per pair) and dbt threads = cores",
        "checks": "the frames are prepared in DuckDB already; on a first build the two evidence rules read every "
        "article's text (a later run reads only the rows the last published file lacks): check offsets in the "
        "extractor's own output instead",
        "publish": "a first build writes every table into a new file (the texts are most of it); later runs apply "
        "only the changed rows to a copy of the last published file already",
        "exports": "a first build writes every table once (the texts are most of it); a later run keeps the files "
        "of the tables whose rows did not change already",
        "report": "draw the report from the marts' aggregates, not their rows",
        "shutdown": "the process ends without collecting its heap already (hotline run freezes it at exit); what "
        "is left is Dagster's end of the run",
    },
    "add": {
        "start-up": "a process that stays up (the sensor of `make ui`, or a `hotline serve`) pays the imports once",
        "ingest": "unchanged files are skipped on their size and times already; what is left is walking every file "
        "name: watch the folder (inotify) instead",
        "extract": "only new articles are extracted already; what is left is starting the worker processes: keep "
        "them alive between runs, or extract a handful of articles in the run's own process",
        "dbt": "dim_articles, the cross-article resolution (for the pairs whose mentions changed) and the six marts "
        "that read it are incremental already, and the row-local tests of those seven check only the calls the "
        "build resolved (macros/tested_rows.sql); the not-null tests count nulls from each column's validity "
        "(count(*) - count(x): an article's text is not read). What is left: dbt's cost per node (about 0.05 s "
        "of Python a test, 128 tests, plus three Dagster events per asset check: one relationships test and one "
        "range test per model instead of one per column), the row-local tests of the staging and intermediate "
        "views on every row (they recompute the views, and block the models after them: an incremental model of "
        "the articles a build changed to filter them by), dbt's own start (its process's imports 2-3 s of CPU, "
        "partial parse and manifest 1 s: dbt run in the Dagster process, which imports most of dbt already), and "
        "int_call_mentions_checked, dim_articles and fct_official_mentions compared or rebuilt whole",
        "checks": "the row-local evidence rule validates only the rows the last published file lacks already; the "
        "whole-table rules (a call's participants, dates, topics, terms) still read every call through Great "
        "Expectations: compute them in DuckDB and hand GX only the offending rows",
        "publish": "the file the publish before replaced (the spare) gets only the rows that changed already, with "
        "no copy of the published file first; what is left is starting its process and comparing every table with "
        "the build (about 2 s at 100,000): compare only the tables dbt rebuilt",
        "exports": "a table whose rows did not change keeps its Parquet file already (hotline.export: a fingerprint "
        "per table); what is left is starting a process of its own and the fingerprint of every table (an article's "
        "text is not read): take the tables publish changed instead",
        "report": "a chart whose frames did not change keeps its PNG already (charts.json); the charts of calls, "
        "topics and countries count every held call and change with any new one: key them on what they draw (the "
        "top pairs, topics and countries)",
        "shutdown": "the process ends without collecting its heap already (gc.freeze at exit, 2-4 -> 0.2-0.4 s); "
        "what is left is Dagster's end of the run",
    },
    "memory": {
        "start-up": "load less at start-up (the dbt manifest is parsed JSON of every node)",
        "ingest": "smaller batches (hotline.ingest.state.INGEST_BATCH_CHARS); DuckDB's checkpoint of the articles' "
        "row group is most of it",
        "extract": "smaller parts (hotline.ingest.partitions.PART_ARTICLES): memory grows with a part, not the corpus",
        "dbt": "dbt's DuckDB is capped (memory_limit in profiles.yml): a lower cap, or fewer threads",
        "checks": "the frames are prepared in DuckDB (capped at hotline.quality.MEMORY_LIMIT) and validated in "
        "batches of hotline.quality.BATCH_ROWS rows: smaller batches, or a lower cap",
        "publish": "publish runs in a process of its own (hotline.apart) with DuckDB capped "
        "(hotline.warehouse.DUCKDB_MEMORY_LIMIT): a lower cap",
        "exports": "the exports run in a process of their own (hotline.apart) with DuckDB capped "
        "(hotline.warehouse.DUCKDB_MEMORY_LIMIT): a lower cap, with smaller Parquet row groups",
        "report": "aggregate in SQL before charting",
        "shutdown": "nothing: the run is over",
    },
}
"""For each kind of target, what to do about a stage that holds it. The bench prints the plan of every stage that
holds a target it did not meet, after that stage's measured share of the run."""


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 16 with the figure measured (None when this run did not measure it, or the run failed)
    and, for a target not met, the stages that hold it (from this run's own figures) with their plans."""
    sizes = {n: size for n, size in results["sizes"].items() if size.get("exit_code") == 0}  # a failed run: none
    largest = sizes[max(sizes, key=int)] if sizes else {}
    e2e = sizes.get(str(E2E_SIZE), {})
    heaviest = max(sizes.values(), key=lambda size: size.get("peak_rss_mb") or 0, default={})
    added = results["added"].get("1", {})
    added = added if added.get("exit_code") == 0 else {}
    extract = {
        "stages": {"extract": largest.get("stages", {}).get("extract")},
        "wall_seconds": largest.get("wall_seconds"),
    }
    per_core = largest.get("extract_articles_per_second_per_core")
    checks = [
        (f"{E2E_SIZE:,} articles end to end", e2e.get("wall_seconds"), "<", E2E_SECONDS, "s", "time", e2e),
        ("peak RSS (largest process)", heaviest.get("peak_rss_mb"), "<", PEAK_RSS_MB, "MB", "memory", heaviest),
        ("extraction per core", per_core, ">=", EXTRACTION_PER_CORE, "/s", "time", extract),
        ("adding 1 article and running again", added.get("wall_seconds"), "<", ADD_ONE_SECONDS, "s", "add", added),
    ]
    found = []
    for name, value, op, goal, unit, kind, run in checks:
        met = value is not None and (value < goal if op == "<" else value >= goal)
        verdict = "not measured" if value is None else "met" if met else "not met"
        target: dict[str, Any] = {"target": name, "goal": f"{op} {goal:,.0f} {unit}", "measured": value, "met": verdict}
        if verdict == "not met":
            target["held_by"] = held_by(run, kind)
            target["plan"] = {part["stage"]: PLANS[kind][part["stage"]] for part in target["held_by"]}
        found.append(target)
    return found


def held_by(run: dict[str, Any], kind: str, most: int = 3) -> list[dict[str, Any]]:
    """The stages that hold a target, from a run's figures: for memory, the stage during which the largest process
    peaked (and what that process was); for time, the ``most`` longest parts of the run (start-up and stages) with
    their seconds and share of the run."""
    if kind == "memory":
        stage = run.get("peak_stage")
        return [{"stage": stage, "process": run.get("peak_process")}] if stage in PLANS[kind] else []
    parts = {"start-up": run.get("startup_seconds"), **run.get("stages", {}), "shutdown": run.get("shutdown_seconds")}
    timed = sorted(((stage, seconds) for stage, seconds in parts.items() if seconds), key=lambda item: -item[1])
    total = run.get("wall_seconds") or sum(seconds for _, seconds in timed)
    return [{"stage": stage, "seconds": seconds, "share": round(seconds / total, 2)} for stage, seconds in timed[:most]]


def table(results: dict[str, Any]) -> str:
    """The figures, one row per figure and one column per corpus size, then added articles, the targets and, for
    each target not met, what holds it and the plan."""
    sizes = sorted(results["sizes"], key=int)
    label_width = max(len(label) for _, label in ROWS)
    lines = [f"{'':<{label_width}}  " + "  ".join(f"{int(n):>10,}" for n in sizes)]
    for key, label in ROWS:
        cells = [_cell(_value(results["sizes"][n], key)) for n in sizes]
        lines.append(f"{label:<{label_width}}  " + "  ".join(f"{c:>10}" for c in cells))
    for count, added in results["added"].items():
        stages = ", ".join(f"{stage} {seconds:g}" for stage, seconds in added.get("stages", {}).items())
        lines.append(
            f"add {count} article(s) to {added['to_corpus']:,} and run again: {added['wall_seconds']} s "
            f"(start-up {_cell(added.get('startup_seconds'))}; {stages})"
        )
    lines.append("")
    for t in targets(results):
        lines.append(f"target {t['target']} {t['goal']}: {_cell(t['measured'])} -> {t['met']}")
        for part in t.get("held_by", []):
            if "seconds" in part:
                lines.append(f"    held by {part['stage']}: {part['seconds']:g} s ({part['share']:.0%} of the run)")
            else:
                lines.append(f"    held by {part['stage']}: the largest process then was {part['process']}")
            lines.append(f"      plan: {t['plan'][part['stage']]}")
    return "\n".join(lines)


def _value(figures: dict[str, Any], key: str) -> Any:
    if key.startswith("stage:"):
        return figures.get("stages", {}).get(key.split(":", 1)[1])
    if key.startswith("truth:"):
        return figures.get("truth", {}).get(key.split(":", 1)[1])
    if key == "articles":
        return f"{figures['articles']:,}+{figures['bad_files']:,}"
    return figures.get(key)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.3f}" if value < 1 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def write_json(results: dict[str, Any], path: Path) -> None:
    document = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        **results,
        "targets": targets(results),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def chart(results: dict[str, Any], path: Path) -> None:
    """Seconds per stage (stacked) for each corpus size, with start-up, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(results["sizes"], key=int)
    parts = ("startup", *STAGES, "shutdown")
    fig, ax = plt.subplots(figsize=(9, 4.5), dpi=120)
    bottoms = [0.0] * len(sizes)
    labels = [f"{int(n):,}" for n in sizes]
    for part in parts:
        heights = [_seconds(results["sizes"][n], part) for n in sizes]
        if any(heights):
            ax.bar(labels, heights, bottom=bottoms, label=part)
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    walls = [results["sizes"][n]["wall_seconds"] for n in sizes]
    ax.plot(labels, walls, "k.--", label="end to end (wall)")
    ax.set_xlabel("articles in the corpus")
    ax.set_ylabel("seconds")
    ax.set_title("Hotline end to end: time per stage against corpus size")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def _seconds(figures: dict[str, Any], part: str) -> float:
    value = figures.get(f"{part}_seconds") if part in ("startup", "shutdown") else figures.get("stages", {}).get(part)
    return float(value or 0.0)
