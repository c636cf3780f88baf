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
    ("warehouse_mb", "published warehouse MB"),
    ("truth:call_precision", "calls (pair + date) precision"),
    ("truth:call_recall", "calls (pair + date) recall"),
    ("truth:mention_precision", "call mentions (article + pair) precision"),
    ("truth:mention_recall", "call mentions (article + pair) recall"),
    ("truth:date_accuracy", "date right (mentions found)"),
    ("truth:non_held_read_as_held", "texts without a held call read as held"),
    ("truth:bad_files_rejected", "bad files rejected"),
)


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 16 with the figure measured (None when this run did not measure it)."""
    sizes = results["sizes"]
    largest = sizes[max(sizes, key=int)] if sizes else {}
    rss = max((s["peak_rss_mb"] for s in sizes.values()), default=None)
    checks = [
        (f"{E2E_SIZE:,} articles end to end", sizes.get(str(E2E_SIZE), {}).get("wall_seconds"), "<", E2E_SECONDS, "s"),
        ("peak RSS (largest process)", rss, "<", PEAK_RSS_MB, "MB"),
        ("extraction per core", largest.get("extract_articles_per_second_per_core"), ">=", EXTRACTION_PER_CORE, "/s"),
        (
            "adding 1 article and running again",
            results["added"].get("1", {}).get("wall_seconds"),
            "<",
            ADD_ONE_SECONDS,
            "s",
        ),
    ]
    found = []
    for name, value, op, goal, unit in checks:
        met = value is not None and (value < goal if op == "<" else value >= goal)
        verdict = "not measured" if value is None else "met" if met else "not met"
        found.append({"target": name, "goal": f"{op} {goal:,.0f} {unit}", "measured": value, "met": verdict})
    return found


def table(results: dict[str, Any]) -> str:
    """The figures, one row per figure and one column per corpus size, then added articles and targets."""
    sizes = sorted(results["sizes"], key=int)
    label_width = max(len(label) for _, label in ROWS)
    lines = [f"{'':<{label_width}}  " + "  ".join(f"{int(n):>10,}" for n in sizes)]
    for key, label in ROWS:
        cells = [_cell(_value(results["sizes"][n], key)) for n in sizes]
        lines.append(f"{label:<{label_width}}  " + "  ".join(f"{c:>10}" for c in cells))
    for count, added in results["added"].items():
        lines.append(f"add {count} article(s) to {added['to_corpus']:,} and run again: {added['wall_seconds']} s")
    lines.append("")
    for t in targets(results):
        lines.append(f"target {t['target']} {t['goal']}: {_cell(t['measured'])} -> {t['met']}")
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
