"""``python -m hotline.bench``: how fast the pipeline runs, in figures; targets are checked here, never in a timed
unit test.

* ``--sizes 1000,10000,100000`` (the default): generated corpora end to end (:mod:`hotline.bench.scale`), one
  pipeline process per size, stage timings from the Dagster event log, peak memory, warehouse size, calls found
  against the truth, the time to add 1 and 100 articles; for each target not met, the stages that hold it and their
  plans (:mod:`hotline.bench.report`); writes ``warehouse/bench.json`` and ``docs/img/bench-stages.png``.
* ``--articles N``: the extraction micro-benchmark on the articles folder (:mod:`hotline.bench.extraction`);
  writes ``warehouse/bench-extraction.json``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from hotline.config import PROJECT_ROOT, Settings

CHART = PROJECT_ROOT / "docs" / "img" / "bench-stages.png"


def _sizes(value: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in value.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes are comma-separated numbers of articles, not {value!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def _counts(value: str) -> list[int]:
    return [] if value.strip() in ("", "0", "none") else _sizes(value)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hotline.bench", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, default=[1_000, 10_000, 100_000], help="corpus sizes to run")
    parser.add_argument("--add", type=_counts, default=[1, 100], help="articles to add to the largest corpus")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument("--dir", type=Path, default=None, help="corpora and runs (default warehouse/bench)")
    parser.add_argument("--chart", type=Path, default=CHART, help="PNG of time per stage")
    parser.add_argument("--articles", type=int, default=None, help="extraction micro-benchmark on N articles")
    parser.add_argument("--processes", type=int, default=None, help="extraction processes (micro-benchmark)")
    parser.add_argument("--out", type=Path, default=None, help="JSON figures (default warehouse/bench.json)")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if args.articles is not None:
        return _extraction(args, settings)
    from hotline.bench import report, scale
    from hotline.generate import GENERATOR_VERSION

    bench_dir = args.dir or scale.default_bench_dir()
    results = scale.measure(bench_dir, args.sizes, args.add, args.seed)
    results["seed"] = args.seed
    results["generator_version"] = GENERATOR_VERSION
    print(report.table(results))
    out = args.out or settings.warehouse_path.with_name("bench.json")
    report.write_json(results, out)
    report.chart(results, args.chart)
    print(f"written to {out} and {args.chart}")
    return 0 if all(size["exit_code"] == 0 for size in results["sizes"].values()) else 1


def _extraction(args: argparse.Namespace, settings: Settings) -> int:
    from hotline.bench import extraction

    figures = extraction.run(settings.articles_dir, args.articles, args.processes or settings.processes)
    width = max(len(key) for key in figures)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    out = args.out or settings.warehouse_path.with_name("bench-extraction.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"written to {out}")
    return 0
