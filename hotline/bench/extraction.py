"""The extraction micro-benchmark (``python -m hotline.bench --articles N``): how fast ingest, extraction and
normalization run on the articles folder (``HOTLINE_ARTICLES_DIR``), its articles repeated until there are ``N``.

Each stage is timed on one core; extraction is timed on every core too. Extraction on one core is timed
``REPEATS`` times and the best kept, in wall time and in CPU time (on a shared machine the CPU time moves less with
the other work; the load average is reported beside it). Targets are checked here, never in a timed unit test.
"""

from __future__ import annotations

import os
import platform
import resource
import time
from dataclasses import replace
from pathlib import Path

from hotline.articles import load_corpus
from hotline.config import Settings
from hotline.extract import extract_articles
from hotline.normalize import extracted_frames, to_frames
from hotline.reference import load_reference

EXTRACTION_TARGET = 2_000  # articles per second per core (issue 6)
REPEATS = 3
"""Timed passes of extraction on one core: the best is reported."""


def run(articles_dir: Path, count: int, processes: int, repeats: int = REPEATS) -> dict[str, float | int | str]:
    started = time.perf_counter()
    corpus = load_corpus(articles_dir, Settings.from_env().max_article_bytes)
    ingest_seconds = time.perf_counter() - started
    if not corpus.articles:
        raise SystemExit(f"no articles in {articles_dir}")
    articles = [replace(corpus.articles[i % len(corpus.articles)], article_id=f"{i:016x}") for i in range(count)]
    words = sum(len(a.text.split()) for a in articles)
    load_reference()
    extract_articles(articles[:20])  # warm caches (compiled patterns) before timing

    load_before = os.getloadavg()[0]
    one_core = cpu = float("inf")
    for _ in range(max(1, repeats)):
        started, started_cpu = time.perf_counter(), time.process_time()
        facts = extract_articles(articles)
        one_core = min(one_core, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    load_after = os.getloadavg()[0]

    started = time.perf_counter()
    frames = to_frames(facts, corpus.rejections)
    normalize_seconds = time.perf_counter() - started

    started = time.perf_counter()
    extracted_frames(articles, processes)
    all_cores = time.perf_counter() - started

    per_core = count / one_core
    return {
        "articles": count,
        "words_per_article": round(words / count),
        "ingest_files_per_second": round(len(corpus.articles) / ingest_seconds),
        "extract_articles_per_second_per_core": round(per_core),
        "extract_words_per_second_per_core": round(words / one_core),
        "extract_articles_per_cpu_second": round(count / cpu) if cpu > 0 else 0,
        "extract_repeats": max(1, repeats),
        "load_average_before": round(load_before, 2),
        "load_average_after": round(load_after, 2),
        "extract_and_normalize_articles_per_second_all_cores": round(count / all_cores),
        "processes": processes,
        "normalize_seconds": round(normalize_seconds, 3),
        "raw_rows": sum(frame.height for frame in frames.values()),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "extraction_target_per_core": EXTRACTION_TARGET,
        "extraction_target_met": "yes" if per_core >= EXTRACTION_TARGET else "no",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
