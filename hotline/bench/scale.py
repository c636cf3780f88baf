"""The pipeline at scale (``python -m hotline.bench --sizes 1000,10000,100000``).

For each size: a generated corpus (:mod:`hotline.generate`, cached in ``<bench dir>/corpus-N`` and rebuilt only
when the generator's version, seed or bad-file share change), one end-to-end run from an empty warehouse
(:mod:`hotline.bench.runner`), and the calls found against the corpus's truth. Then, on the largest corpus,
the time to add 1 and 100 articles and run again. Figures and targets in :mod:`hotline.bench.report`.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hotline.bench.runner import RunResult, run_pipeline, stage_at
from hotline.config import Settings
from hotline.generate import GENERATOR_VERSION, Truth, generate_corpus, score_against_truth
from hotline.generate.truth import TRUTH_FILE

BAD_SHARE = 0.01
ADDED_PREFIX = "bench-added-"
"""Articles added for the incremental timing go to ``<corpus>/articles/bench-added-K`` and are removed after."""


def cached_corpus(bench_dir: Path, n: int, seed: int) -> tuple[Truth, float | None]:
    """The corpus of ``n`` articles for ``seed`` and the seconds it took to generate (None when cached)."""
    folder = bench_dir / f"corpus-{n}"
    for leftover in (folder / "articles").glob(ADDED_PREFIX + "*"):
        shutil.rmtree(leftover)  # from an interrupted run: the cache holds only what the generator wrote
    wanted = {"version": GENERATOR_VERSION, "seed": seed, "n": n, "bad_share": BAD_SHARE}
    if (folder / TRUTH_FILE).exists():
        truth = Truth.load(folder / TRUTH_FILE)
        if {key: truth.generator.get(key) for key in wanted} == wanted and not truth.generator.get("formats"):
            return truth, None
    started = time.perf_counter()
    truth = generate_corpus(n, folder, seed, BAD_SHARE, overwrite=True)
    return truth, round(time.perf_counter() - started, 2)


def measure(bench_dir: Path, sizes: Sequence[int], adds: Sequence[int], seed: int) -> dict[str, Any]:
    """Every figure of the benchmark, as ``hotline.bench.report`` prints and writes them."""
    processes = Settings.from_env().processes
    results: dict[str, Any] = {"sizes": {}, "added": {}, "processes": processes}
    truth: Truth | None = None
    for n in sorted(sizes):
        print(f"corpus of {n:,} articles ...", file=sys.stderr, flush=True)
        truth, generated = cached_corpus(bench_dir, n, seed)
        print(f"  {'generated in ' + str(generated) + 's' if generated else 'cached'}; running", file=sys.stderr)
        run = run_pipeline(truth.articles_dir, bench_dir / f"run-{n}", fresh=True)
        results["sizes"][str(n)] = figures(truth, run, bench_dir / f"run-{n}", processes, generated)
        print(f"  {run.wall_seconds:.1f}s, exit {run.exit_code}", file=sys.stderr, flush=True)
    if truth is not None:
        largest = max(sizes)
        for count in adds:
            print(f"adding {count} article(s) to the {largest:,} corpus ...", file=sys.stderr, flush=True)
            added = add_articles(bench_dir, truth, count, seed)
            try:
                run = run_pipeline(truth.articles_dir, bench_dir / f"run-{largest}", fresh=False)
            finally:
                shutil.rmtree(added)
            results["added"][str(count)] = {
                "to_corpus": largest,
                "wall_seconds": round(run.wall_seconds, 2),
                "exit_code": run.exit_code,
                "startup_seconds": run.startup_seconds,
                "shutdown_seconds": run.shutdown_seconds,
                "stages": run.stages,
                "peak_rss_mb": run.peak_rss_mb,
            }
    return results


def add_articles(bench_dir: Path, truth: Truth, count: int, seed: int) -> Path:
    """Generate ``count`` new articles (another seed, single files) and copy them into the corpus folder."""
    extra = bench_dir / f"added-{count}"
    generate_corpus(count, extra, seed + 1, 0.0, formats=("txt", "md", "json"), overwrite=True, processes=1)
    target = truth.articles_dir / f"{ADDED_PREFIX}{count}"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(extra / "articles", target)
    return target


def figures(truth: Truth, run: RunResult, workdir: Path, processes: int, generated: float | None) -> dict[str, Any]:
    """The figures of one size: times, throughput, memory, warehouse size and calls found against the truth."""
    summary = truth.summary
    articles, words = summary["articles"], summary["words"]
    extract = run.stages.get("extract")
    published = workdir / "hotline.duckdb"
    out: dict[str, Any] = {
        "articles": articles,
        "bad_files": summary["bad_files"],
        "words_per_article": round(words / articles),
        "generate_seconds": generated,
        "exit_code": run.exit_code,
        "wall_seconds": round(run.wall_seconds, 2),
        "run_seconds": run.run_seconds,
        "startup_seconds": run.startup_seconds,
        "shutdown_seconds": run.shutdown_seconds,
        "stages": run.stages,
        "articles_per_second": round(articles / run.wall_seconds, 1),
        "extract_articles_per_second_per_core": round(articles / extract / processes) if extract else None,
        "extract_words_per_second_per_core": round(words / extract / processes) if extract else None,
        "peak_rss_mb": run.peak_rss_mb,
        "peak_tree_rss_mb": run.peak_tree_rss_mb,
        "peak_process": run.peak_process,
        "peak_stage": stage_at(run.steps, run.peak_at),
        "warehouse_mb": round(published.stat().st_size / 2**20, 1) if published.exists() else None,
        "log": run.log,
    }
    if run.exit_code == 0 and published.exists():
        out["truth"] = score_against_truth(published, truth.path).figures()
    return out


def default_bench_dir() -> Path:
    return Settings.from_env().warehouse_path.parent / "bench"
