"""The extraction's hash buckets (:mod:`hotline.ingest.partitions`) without Dagster: every article lands in exactly
one bucket, and the gathered facts are the same rows in the same order whatever the number of buckets. The
articles are the seed corpus (``seeds/``) and a few written by us (``tests/hotline/written.py``)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from hotline.articles import load_corpus
from hotline.config import PROJECT_ROOT
from hotline.facts import Article
from hotline.ingest import partitions
from hotline.normalize import FACT_TABLES, extracted_frames


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    corpus = load_corpus(PROJECT_ROOT / "seeds", 2_000_000)
    assert len(corpus.articles) >= 5
    return corpus.articles


def run_buckets(articles: list[Article], buckets: int, staging: Path) -> partitions.Gathered:
    plan = partitions.plan_buckets(articles, buckets, staging, timeout_seconds=0, processes=1)
    for bucket in plan:
        partitions.extract_bucket(bucket)
    return partitions.gather_buckets(plan)


def test_bucket_of_is_stable_and_in_range() -> None:
    assert partitions.bucket_of("349f0ae163a9b71e", 3) == partitions.bucket_of("349f0ae163a9b71e", 3)
    assert {partitions.bucket_of(f"{n:016x}", 4) for n in range(200)} == {0, 1, 2, 3}
    assert {partitions.bucket_of(f"{n:016x}", 1) for n in range(50)} == {0}


def test_every_article_lands_in_exactly_one_bucket(articles: list[Article], tmp_path: Path) -> None:
    plan = partitions.plan_buckets(articles, 3, tmp_path / "staging", timeout_seconds=0, processes=1)
    placed = [article.article_id for bucket in plan for article in partitions.read_articles(bucket.folder)]
    assert sorted(placed) == sorted(article.article_id for article in articles)
    assert [bucket.articles for bucket in plan] == [len(partitions.read_articles(b.folder)) for b in plan]
    assert all(bucket.key.startswith("bucket_") for bucket in plan)


def test_articles_survive_the_round_trip_through_parquet(articles: list[Article], tmp_path: Path) -> None:
    (bucket,) = partitions.plan_buckets(articles, 1, tmp_path, timeout_seconds=0, processes=1)
    assert sorted(partitions.read_articles(bucket.folder), key=lambda a: a.article_id) == sorted(
        articles, key=lambda a: a.article_id
    )


def test_the_facts_are_the_same_whatever_the_number_of_buckets(articles: list[Article], tmp_path: Path) -> None:
    expected = extracted_frames(articles)
    for buckets in (1, 3):
        gathered = run_buckets(articles, buckets, tmp_path / str(buckets))
        assert sorted(a.article_id for a in gathered.attempted) == sorted(a.article_id for a in articles)
        assert gathered.late == []
        for table in FACT_TABLES:
            assert gathered.facts[table].height > 0, table
            assert gathered.facts[table].equals(expected[table]), (buckets, table)


def test_nothing_to_extract_still_gives_one_empty_bucket(tmp_path: Path) -> None:
    plan = partitions.plan_buckets([], 4, tmp_path / "staging", timeout_seconds=0, processes=1)
    assert [bucket.articles for bucket in plan] == [0]
    assert not (tmp_path / "staging").exists()  # nothing written for it
    gathered = run_buckets([], 4, tmp_path / "again")
    assert gathered.attempted == []
    assert all(frame.height == 0 for frame in gathered.facts.values())


def test_planning_clears_what_a_failed_run_left(articles: list[Article], tmp_path: Path) -> None:
    stale = tmp_path / "bucket_07"
    stale.mkdir()
    pl.DataFrame({"x": [1]}).write_parquet(stale / "articles.parquet")
    plan = partitions.plan_buckets(articles, 2, tmp_path, timeout_seconds=0, processes=1)
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(bucket.key for bucket in plan)


def test_zero_buckets_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="HOTLINE_EXTRACT_PARTITIONS must be 1 or more"):
        partitions.plan_buckets([], 0, tmp_path, timeout_seconds=0, processes=1)
