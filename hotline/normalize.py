"""Facts → typed polars frames, one per raw table, with the explicit schemas of :mod:`hotline.schemas`.

Rows are built column-wise from the dataclasses (no object columns); each frame is sorted by its key so a
re-run on the same input writes the same rows in the same order.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import operator
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import polars as pl

from hotline import schemas
from hotline.extract import POOL_THRESHOLD, extract_articles
from hotline.facts import Article, ArticleFacts, CallMention, Participant, Rejection

FACT_TABLES = ("call_mentions", "call_participants", "call_topics", "official_mentions", "trade_measure_mentions")
SORT_KEYS: dict[str, list[str]] = {
    "articles": ["article_id"],
    "rejected_articles": ["source_name"],
    "call_mentions": ["mention_id"],
    "call_participants": ["mention_id", "official_id"],
    "call_topics": ["mention_id", "topic_code", "status"],
    "official_mentions": ["article_id", "official_id"],
    "trade_measure_mentions": ["article_id", "evidence_start", "measure_type", "sector"],
}
"""The order every raw table is written in: a re-run writes the same rows in the same order."""


def _evidence(of: str) -> dict[str, str]:
    return {
        "evidence_sentence_index": f"{of}.sentence_index",
        "evidence_text": f"{of}.text",
        "evidence_start": f"{of}.start",
        "evidence_end": f"{of}.end",
        "evidence_how": f"{of}.how",
    }


_CALL_DATE = {"call_date": "date", "call_year": "year", "call_month": "month", "call_day": "day"}
_DATE_READING = {"call_weekday": "weekday", "date_precision": "precision", "date_basis": "basis", "date_how": "how"}
_DATE_BOUNDS = {"call_date_earliest": "earliest", "call_date_latest": "latest"}
_YEARLESS = {"call_latest_month": "latest_month", "call_latest_day": "latest_day"}
_STORY_DAY = {"story_date": "story_date"}
COLUMN_SOURCES: dict[str, dict[str, str]] = {
    "articles": {column: column for column in schemas.ARTICLES.names()},
    "rejected_articles": {"source_name": "source_name", "reason": "reason", "byte_size": "byte_size"},
    "call_mentions": {
        "mention_id": "mention_id",
        "article_id": "article_id",
        "call_index": "call_index",
        "is_directly_reported": "is_directly_reported",
        "is_planned": "is_planned",
        "call_status": "call_status",
        "status_cue": "status_evidence",
        "initiator_official_id": "initiator_id",
        "initiator_how": "initiator_how",
        **{column: f"date.{name}" for column, name in (_CALL_DATE | _DATE_READING).items()},
        "duration_minutes": "duration_minutes",
        "duration_evidence": "duration_evidence",
        "sequence_number": "sequence_number",
        "sequence_evidence": "sequence_evidence",
        "tone": "tone",
        **_evidence("evidence"),
        **{column: f"date.{name}" for column, name in (_DATE_BOUNDS | _YEARLESS | _STORY_DAY).items()},
    },
    "call_participants": {
        "mention_id": "call.mention_id",
        "article_id": "call.article_id",
        **{name: f"participant.{name}" for name in ("official_id", "full_name", "country_code", "role")},
        **_evidence("participant.evidence"),
    },
    "call_topics": {
        **{name: name for name in ("mention_id", "article_id", "topic_code", "status", "claimant_official_id")},
        **_evidence("evidence"),
    },
    "official_mentions": {
        **{name: name for name in ("article_id", "official_id", "full_name", "country_code", "role", "is_reference")},
        **_evidence("evidence"),
    },
    "trade_measure_mentions": {
        **{name: name for name in schemas.TRADE_MEASURE_MENTIONS.names() if not name.startswith("evidence_")},
        **_evidence("evidence"),
    },
}
"""Where each column of a raw table is read from: an attribute path of the record one row is made from (an
:class:`~hotline.facts.Article`, a :class:`~hotline.facts.CallMention`, a :class:`Participation`...). Columns are
built whole, one ``attrgetter`` over the records each, never a dict per row. ``rejected_at`` is the run's stamp."""


class Participation(NamedTuple):
    """One row of ``call_participants``: a participant of a call mention."""

    call: CallMention
    participant: Participant


_GETTERS = {
    table: {column: operator.attrgetter(path) for column, path in sources.items()}
    for table, sources in COLUMN_SOURCES.items()
}


def _frame(table: str, records: Sequence[Any], constants: Mapping[str, Any] | None = None) -> pl.DataFrame:
    schema = schemas.RAW_TABLES[table]
    if not records:
        return pl.DataFrame(schema=schema)
    columns = {column: list(map(get, records)) for column, get in _GETTERS[table].items()}
    columns.update({column: [value] * len(records) for column, value in (constants or {}).items()})
    frame = pl.DataFrame({column: columns[column] for column in schema.names()}, schema=schema)
    return frame.sort(SORT_KEYS[table], nulls_last=True, maintain_order=True)


def to_frames(
    facts: Iterable[ArticleFacts],
    rejections: Iterable[Rejection] = (),
    rejected_at: dt.datetime | None = None,
) -> dict[str, pl.DataFrame]:
    """Every raw table as a polars frame. Tables with no rows are empty frames with the right schema."""
    records: dict[str, list[Any]] = {table: [] for table in COLUMN_SOURCES}
    for item in facts:
        records["articles"].append(item.article)
        records["call_mentions"] += item.calls
        records["call_participants"] += [Participation(call, p) for call in item.calls for p in call.participants]
        records["call_topics"] += item.topics
        records["official_mentions"] += item.officials
        records["trade_measure_mentions"] += item.trade_measures
    records["rejected_articles"] = list(rejections)
    stamp = {"rejected_at": rejected_at or dt.datetime.now(dt.UTC)}
    return {
        table: _frame(table, rows, stamp if table == "rejected_articles" else None) for table, rows in records.items()
    }


def extracted_frames(articles: Sequence[Article], processes: int = 1) -> dict[str, pl.DataFrame]:
    """The fact tables of many articles, extracted and normalized on up to ``processes`` cores.

    Each worker returns polars frames (cheap to send between processes as Arrow), which are concatenated and
    sorted by key, so the result is the same whatever the number of processes.
    """
    if processes <= 1 or len(articles) < POOL_THRESHOLD:
        return _fact_frames(articles)
    size = -(-len(articles) // (processes * 4))  # a few chunks per core evens out slow articles
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    # "spawn", not "fork": polars runs a thread pool, and a forked child of a threaded parent can deadlock.
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        parts = pool.map(_fact_frames, chunks)
    return {
        table: pl.concat([part[table] for part in parts]).sort(SORT_KEYS[table], nulls_last=True, maintain_order=True)
        for table in FACT_TABLES
    }


def _fact_frames(articles: Sequence[Article]) -> dict[str, pl.DataFrame]:
    frames = to_frames(extract_articles(articles))
    return {table: frames[table] for table in FACT_TABLES}
