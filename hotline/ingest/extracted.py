"""The articles waiting for extraction, and their facts stored in the build file's ``raw`` tables.

An article is waiting while ``state.extracted`` (:mod:`hotline.ingest.state`) does not list it; storing its facts
replaces whatever rows it had and lists it.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import duckdb
import polars as pl

from hotline.facts import Article, Rejection
from hotline.ingest.state import insert_rows, write_rejected
from hotline.normalize import FACT_TABLES
from hotline.warehouse import conform_raw, transaction


def pending_articles(build_path: Path) -> list[Article]:
    """The articles of ``raw.articles`` whose facts are not in the fact tables yet, in ``article_id`` order."""
    return sorted(iter_pending_articles(build_path), key=lambda article: article.article_id)


def iter_pending_articles(build_path: Path, batch_rows: int = 2_000) -> Iterator[Article]:
    """:func:`pending_articles` as a stream, ``batch_rows`` at a time, in the order they are stored (the same for
    the same history of the folder): memory stays flat in corpus size (sorting them all would not)."""
    with transaction(build_path) as con:
        batches = con.sql(
            "select articles.* from raw.articles as articles anti join state.extracted as extracted "
            "on extracted.article_id = articles.article_id"
        ).to_arrow_reader(batch_rows)
        for batch in batches:
            yield from articles_from_frame(pl.from_arrow(batch))


_ARTICLE_FIELDS = [field.name for field in dataclasses.fields(Article)]


def articles_from_frame(frame: pl.DataFrame) -> list[Article]:
    """:class:`Article` records from rows with the columns of ``raw.articles`` (the fields' order: no dict a row)."""
    return list(itertools.starmap(Article, frame.select(_ARTICLE_FIELDS).iter_rows()))


def store_facts(
    build_path: Path, facts: Mapping[str, pl.DataFrame], attempted: Iterable[Article], late: Iterable[Rejection] = ()
) -> int:
    """Insert the fact rows of the ``attempted`` articles and mark them extracted; those ``late`` names (over their
    time budget, :func:`hotline.extract.extract_articles_within_budget`) are kept without facts, with the reason.
    Returns the rows now in ``raw.rejected_articles``."""
    articles = list(attempted)
    with transaction(build_path, "raw", "state") as con:
        ids = pl.DataFrame({"article_id": sorted({a.article_id for a in articles})}, schema={"article_id": pl.String})
        con.register("_attempted", ids.to_arrow())  # a join, not list_contains: linear in the rows either side
        for table in FACT_TABLES:
            con.execute(f"delete from raw.{table} where article_id in (select article_id from _attempted)")
            con.register("_facts", conform_raw(table, facts[table]).to_arrow())
            con.execute(f"insert into raw.{table} by name select * from _facts")
            con.unregister("_facts")
        con.unregister("_attempted")
        reasons = {r.source_name: r.reason for r in late}
        insert_rows(
            con, "state.extracted", [(a.article_id, a.source_name, reasons.get(a.source_name)) for a in articles]
        )
        return write_rejected(con)


def fact_counts(build_path: Path) -> dict[str, int]:
    """Rows of each fact table."""
    with transaction(build_path) as con:
        return {table: _count(con, f"raw.{table}") for table in FACT_TABLES}


def article_count(build_path: Path) -> int:
    """Rows of ``raw.articles``."""
    with transaction(build_path) as con:
        return _count(con, "raw.articles")


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f"select count(*) from {table}").fetchone()
    return int(row[0]) if row else 0
