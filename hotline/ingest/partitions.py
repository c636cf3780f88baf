"""Extraction as partitioned work: the articles to extract split into hash buckets, each extracted on its own
(anywhere: another process, another machine), then gathered into the raw fact tables.

Three steps, each a plain function an orchestrator runs (``orchestration.assets.extract`` maps them onto Dagster
steps, so its multiprocess executor, or a Celery or Kubernetes executor, runs the buckets in parallel):

1. :func:`plan_buckets` (under the writer lock, after ingest): the articles whose facts the build file does not
   hold (:func:`hotline.ingest.extracted.pending_articles`, so the incremental state decides what is extracted, as
   ever, read as a stream) go to ``HOTLINE_EXTRACT_PARTITIONS`` buckets by a hash of their ``article_id``; each
   non-empty bucket becomes a folder ``bucket_NN/`` under :func:`staging_dir` holding its articles in parts of
   :data:`PART_ARTICLES` (``articles-0000.parquet``...).
2. :func:`extract_bucket` (no lock, no database): each part's articles through
   :func:`hotline.extract.budget.extract_parts_within_budget` (the same worker processes for every part) and
   :func:`hotline.normalize.to_frames`, written beside them as one Parquet file per fact table, plus
   ``late-NNNN.parquet`` (articles over their time budget).
3. :func:`gather_parts`: the parts one at a time, for :func:`hotline.ingest.extracted.store_facts` to append to the
   raw tables part by part: a changed file's facts are replaced, a deleted file's leave (ingest forgot them), as
   without buckets. Memory stays that of one part, however large the corpus.

The buckets live for one run: which bucket an article falls in means nothing afterwards, so changing the number
of buckets between runs changes nothing in the warehouse. One bucket (the default) is the same work as before, in
the same process under the in-process executor.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from hotline.extract.budget import extract_parts_within_budget
from hotline.extract.workers import start_workers_early
from hotline.facts import Article, ArticleFacts, Rejection
from hotline.ingest.extracted import articles_from_frame
from hotline.normalize import FACT_TABLES, SORT_KEYS, to_frames
from hotline.schemas import RAW_TABLES

ARTICLES_FILE = "articles"
LATE_FILE = "late"
LATE_SCHEMA = pl.Schema({"source_name": pl.String, "reason": pl.String, "byte_size": pl.Int64})
Progress = Callable[[int, int], None]
PART_ARTICLES = 10_000
"""Articles per part: a bucket is written, extracted and stored part by part (``articles-0000.parquet``, then
``call_mentions-0000.parquet``...), so memory stays flat however many articles there are. The worker processes
last the whole bucket (each start costs about a second of CPU), whatever the number of parts."""


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
    articles: Iterable[Article],
    buckets: int,
    staging: Path,
    timeout_seconds: float,
    processes: int,
    *,
    extracted_here: bool = False,
) -> list[Bucket]:
    """Write ``articles`` into ``buckets`` hash buckets under ``staging`` (emptied first: what an earlier, failed
    run left there), :data:`PART_ARTICLES` to a file, as they come (``articles`` may be a stream); one
    :class:`Bucket` per non-empty bucket, or one empty bucket when there is nothing to extract, so the gathering
    step always runs. ``extracted_here``: the buckets will be extracted in this process, whose extraction workers
    then start getting ready with the first article (:func:`~hotline.extract.workers.start_workers_early`)."""
    if buckets < 1:
        raise ValueError(f"HOTLINE_EXTRACT_PARTITIONS must be 1 or more, not {buckets}")
    shutil.rmtree(staging, ignore_errors=True)
    waiting: dict[int, list[Article]] = {}
    counts: dict[int, int] = {}
    for article in articles:
        if extracted_here and not waiting and timeout_seconds > 0:
            start_workers_early()
        index = bucket_of(article.article_id, buckets)
        members = waiting.setdefault(index, [])
        members.append(article)
        if len(members) == PART_ARTICLES:
            counts[index] = _write_part(staging / f"bucket_{index:02d}", members, counts.get(index, 0))
            members.clear()
    for index, members in waiting.items():
        if members:
            counts[index] = _write_part(staging / f"bucket_{index:02d}", members, counts.get(index, 0))
    # an empty bucket (nothing to extract) has no folder: its steps only pass it on
    return [
        Bucket(staging / f"bucket_{index:02d}", counts.get(index, 0), timeout_seconds, processes)
        for index in sorted(counts) or [0]
    ]


def _write_part(folder: Path, articles: list[Article], written: int) -> int:
    """Write the next part of ``folder``'s articles; returns the articles the folder now holds."""
    folder.mkdir(parents=True, exist_ok=True)
    frame = to_frames(ArticleFacts(article=a) for a in articles)["articles"]
    frame.write_parquet(folder / _part_file(ARTICLES_FILE, len(parts(folder))))
    return written + len(articles)


def _part_file(name: str, part: int) -> str:
    return f"{name}-{part:04d}.parquet"


def parts(folder: Path) -> list[int]:
    """The parts of a bucket's folder, in order (none for an empty bucket)."""
    return sorted(int(path.stem.rsplit("-", 1)[1]) for path in folder.glob(f"{ARTICLES_FILE}-*.parquet"))


def read_part(folder: Path, part: int) -> list[Article]:
    """The articles of one part :func:`plan_buckets` wrote into ``folder``."""
    return articles_from_frame(pl.read_parquet(folder / _part_file(ARTICLES_FILE, part)))


def read_articles(folder: Path) -> list[Article]:
    """Every article :func:`plan_buckets` wrote into ``folder``."""
    return [article for part in parts(folder) for article in read_part(folder, part)]


def extract_bucket(bucket: Bucket, on_progress: Progress | None = None) -> dict[str, int]:
    """Extract the bucket's articles part by part, and write each part's facts beside it; returns the rows written
    per fact table (and ``late``: articles over their time budget, kept without facts)."""
    counts = dict.fromkeys((*FACT_TABLES, "late"), 0)
    done = 0  # articles of the parts before
    numbers = parts(bucket.folder) if bucket.articles else []
    extracted = extract_parts_within_budget(  # the same worker processes for every part
        (read_part(bucket.folder, part) for part in numbers),
        bucket.timeout_seconds,
        bucket.processes,
        on_progress=None if on_progress is None else lambda n, _: on_progress(done + n, bucket.articles),
    )
    with closing(extracted):
        for part, results in zip(numbers, extracted, strict=True):
            _write_facts(bucket.folder, part, results, counts)
            done += len(results)
    return counts


def _write_facts(folder: Path, part: int, results: list[ArticleFacts | Rejection], counts: dict[str, int]) -> None:
    """One part's facts beside its articles, one Parquet file per fact table and one of those over budget."""
    frames = to_frames(result for result in results if isinstance(result, ArticleFacts))
    for table in FACT_TABLES:
        frames[table].write_parquet(folder / _part_file(table, part))
        counts[table] += frames[table].height
    late = [result for result in results if isinstance(result, Rejection)]
    late_frame = pl.DataFrame([dataclasses.astuple(r) for r in late], schema=LATE_SCHEMA, orient="row")
    late_frame.write_parquet(folder / _part_file(LATE_FILE, part))
    counts["late"] += len(late)


@dataclass(frozen=True)
class Gathered:
    """Extracted facts, as :func:`hotline.ingest.extracted.store_facts` takes them: one part, or every part."""

    facts: dict[str, pl.DataFrame]
    attempted: list[Article]
    late: list[Rejection]


def gather_parts(buckets: Sequence[Bucket]) -> Iterator[Gathered]:
    """Every bucket's facts, one part at a time (each sorted as :func:`~hotline.normalize.to_frames` sorts), for
    :func:`hotline.ingest.extracted.store_facts` to append part by part in bounded memory. Nothing when there is
    nothing to extract."""
    for bucket in buckets:
        for part in parts(bucket.folder) if bucket.articles else []:
            facts = {table: pl.read_parquet(bucket.folder / _part_file(table, part)) for table in FACT_TABLES}
            late = pl.read_parquet(bucket.folder / _part_file(LATE_FILE, part)).iter_rows(named=True)
            yield Gathered(facts, read_part(bucket.folder, part), [Rejection(**row) for row in late])


def gather_buckets(buckets: Sequence[Bucket]) -> Gathered:
    """Every part of every bucket in one :class:`Gathered`, in the order :func:`~hotline.normalize.to_frames`
    writes: the same rows in the same order whatever the number of buckets and parts (for small corpora: it holds
    everything in memory; runs store :func:`gather_parts` part by part)."""
    gathered = list(gather_parts(buckets))
    facts = {
        table: pl.concat([g.facts[table] for g in gathered], how="vertical").sort(
            SORT_KEYS[table], nulls_last=True, maintain_order=True
        )
        if gathered
        else pl.DataFrame(schema=RAW_TABLES[table])
        for table in FACT_TABLES
    }
    return Gathered(facts, [a for g in gathered for a in g.attempted], [r for g in gathered for r in g.late])


def clear_staging(staging: Path) -> None:
    """Remove the run's buckets once their facts are stored."""
    shutil.rmtree(staging, ignore_errors=True)
