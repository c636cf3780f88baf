"""Extraction as partitioned work: the articles to extract split into hash buckets, each extracted on its own
(anywhere: another process, another machine), then gathered into the raw fact tables in one write.

Three steps, each a plain function an orchestrator runs (``orchestration.assets.extract`` maps them onto Dagster
steps, so its multiprocess executor, or a Celery or Kubernetes executor, runs the buckets in parallel):

1. :func:`plan_buckets` (under the writer lock, after ingest): the articles whose facts the build file does not
   hold (:func:`hotline.ingest.state.pending_articles`, so the incremental state decides what is extracted, as
   ever) go to ``HOTLINE_EXTRACT_PARTITIONS`` buckets by a hash of their ``article_id``; each non-empty bucket
   becomes a folder ``bucket_NN/`` under :func:`staging_dir` holding ``articles.parquet``.
2. :func:`extract_bucket` (no lock, no database): the bucket's articles through
   :func:`hotline.extract.extract_articles_within_budget` and :func:`hotline.normalize.to_frames`, written beside
   them as one Parquet file per fact table, plus ``late.parquet`` (articles over their time budget).
3. :func:`gather_buckets`: every bucket's parts concatenated and sorted as :func:`~hotline.normalize.to_frames`
   sorts, ready for :func:`hotline.ingest.state.store_facts`, the one write of facts whatever the number of
   buckets: a changed file's facts are replaced, a deleted file's leave (ingest forgot them), as without buckets.

The buckets live for one run: which bucket an article falls in means nothing afterwards, so changing the number
of buckets between runs changes nothing in the warehouse. One bucket (the default) is the same work as before, in
the same process under the in-process executor.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from hotline.extract import extract_articles_within_budget
from hotline.facts import Article, ArticleFacts, Rejection
from hotline.ingest.state import articles_from_frame
from hotline.normalize import FACT_TABLES, SORT_KEYS, to_frames
from hotline.schemas import RAW_TABLES

ARTICLES_FILE = "articles.parquet"
LATE_FILE = "late.parquet"
LATE_SCHEMA = pl.Schema({"source_name": pl.String, "reason": pl.String, "byte_size": pl.Int64})


@dataclass(frozen=True)
class Bucket:
    """One bucket of a run's extraction: where its articles are, and how to extract them."""

    folder: Path
    articles: int
    timeout_seconds: float
    processes: int

    @property
    def key(self) -> str:
        """``bucket_NN``: the folder's name, the mapping key of its step."""
        return self.folder.name


def staging_dir(build_path: Path) -> Path:
    """``<name>.build.extract/`` beside ``<name>.build.duckdb``: the buckets of the run in progress (shared storage
    when the buckets run on other machines)."""
    return build_path.with_name(build_path.name.replace(".duckdb", ".extract"))


def bucket_of(article_id: str, buckets: int) -> int:
    """The bucket of an article: a stable hash of its id (the same in every process), modulo ``buckets``."""
    return int.from_bytes(hashlib.sha256(article_id.encode()).digest()[:8], "big") % buckets


def plan_buckets(
    articles: Sequence[Article], buckets: int, staging: Path, timeout_seconds: float, processes: int
) -> list[Bucket]:
    """Write ``articles`` into ``buckets`` hash buckets under ``staging`` (emptied first: what an earlier, failed
    run left there); one :class:`Bucket` per non-empty bucket, or one empty bucket when there is nothing to
    extract, so the gathering step always runs."""
    if buckets < 1:
        raise ValueError(f"HOTLINE_EXTRACT_PARTITIONS must be 1 or more, not {buckets}")
    shutil.rmtree(staging, ignore_errors=True)
    split: dict[int, list[Article]] = {}
    for article in articles:
        split.setdefault(bucket_of(article.article_id, buckets), []).append(article)
    plan = []
    for index in sorted(split) or [0]:
        folder = staging / f"bucket_{index:02d}"
        members = split.get(index, [])
        if members:  # an empty bucket (nothing to extract) has no folder: its steps only pass it on
            folder.mkdir(parents=True)
            to_frames(ArticleFacts(article=a) for a in members)["articles"].write_parquet(folder / ARTICLES_FILE)
        plan.append(Bucket(folder, len(members), timeout_seconds, processes))
    return plan


def read_articles(folder: Path) -> list[Article]:
    """The articles :func:`plan_buckets` wrote into ``folder``."""
    return articles_from_frame(pl.read_parquet(folder / ARTICLES_FILE))


def extract_bucket(bucket: Bucket, on_progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Extract the bucket's articles and write their facts beside them; returns the rows written per fact table
    (and ``late``: articles over their time budget, kept without facts)."""
    if not bucket.articles:
        return dict.fromkeys((*FACT_TABLES, "late"), 0)
    articles = read_articles(bucket.folder)
    results = extract_articles_within_budget(
        articles, bucket.timeout_seconds, bucket.processes, on_progress=on_progress
    )
    frames = to_frames(result for result in results if isinstance(result, ArticleFacts))
    late = [result for result in results if isinstance(result, Rejection)]
    counts = {}
    for table in FACT_TABLES:
        frames[table].write_parquet(bucket.folder / f"{table}.parquet")
        counts[table] = frames[table].height
    late_frame = pl.DataFrame([dataclasses.astuple(r) for r in late], schema=LATE_SCHEMA, orient="row")
    late_frame.write_parquet(bucket.folder / LATE_FILE)
    counts["late"] = len(late)
    return counts


@dataclass(frozen=True)
class Gathered:
    """Every bucket's output, as :func:`hotline.ingest.state.store_facts` takes it."""

    facts: dict[str, pl.DataFrame]
    attempted: list[Article]
    late: list[Rejection]


def gather_buckets(buckets: Sequence[Bucket]) -> Gathered:
    """Every bucket's facts concatenated, in the order :func:`~hotline.normalize.to_frames` writes (the same rows
    in the same order whatever the number of buckets), the articles attempted and those over their budget."""
    folders = [bucket.folder for bucket in buckets if bucket.articles]
    facts = {
        table: pl.concat([pl.read_parquet(folder / f"{table}.parquet") for folder in folders], how="vertical").sort(
            SORT_KEYS[table], nulls_last=True, maintain_order=True
        )
        if folders
        else pl.DataFrame(schema=RAW_TABLES[table])
        for table in FACT_TABLES
    }
    attempted = [article for folder in folders for article in read_articles(folder)]
    late = [Rejection(**row) for folder in folders for row in pl.read_parquet(folder / LATE_FILE).iter_rows(named=True)]
    return Gathered(facts, attempted, late)


def clear_staging(staging: Path) -> None:
    """Remove the run's buckets once their facts are stored."""
    shutil.rmtree(staging, ignore_errors=True)
