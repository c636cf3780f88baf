"""Facts → typed polars frames, one per raw table, with the explicit schemas of :mod:`hotline.schemas`.

Rows are built column-wise from the dataclasses (no object columns); each frame is sorted by its key so a
re-run on the same input writes the same rows in the same order.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Iterable, Sequence
from typing import Any

import polars as pl

from hotline import schemas
from hotline.extract import POOL_THRESHOLD, extract_articles
from hotline.facts import Article, ArticleFacts, Evidence, Rejection


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "evidence_sentence_index": evidence.sentence_index,
        "evidence_text": evidence.text,
        "evidence_start": evidence.start,
        "evidence_end": evidence.end,
        "evidence_how": evidence.how,
    }


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


def _frame(rows: list[dict[str, Any]], schema: pl.Schema, sort: list[str]) -> pl.DataFrame:
    frame = pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)
    return frame.sort(sort, nulls_last=True, maintain_order=True) if rows else frame


def to_frames(
    facts: Iterable[ArticleFacts],
    rejections: Iterable[Rejection] = (),
    rejected_at: dt.datetime | None = None,
) -> dict[str, pl.DataFrame]:
    """Every raw table as a polars frame. Tables with no rows are empty frames with the right schema."""
    articles: list[dict[str, Any]] = []
    calls: list[dict[str, Any]] = []
    participants: list[dict[str, Any]] = []
    topics: list[dict[str, Any]] = []
    officials: list[dict[str, Any]] = []
    measures: list[dict[str, Any]] = []
    for item in facts:
        a = item.article
        articles.append(
            {
                "article_id": a.article_id,
                "source_name": a.source_name,
                "source_format": a.source_format,
                "title": a.title,
                "text": a.text,
                "url": a.url,
                "outlet": a.outlet,
                "content_hash": a.content_hash,
                "encoding": a.encoding,
                "byte_size": a.byte_size,
                "published_date": a.published_date,
                "published_date_source": a.published_date_source,
                "published_date_evidence": a.published_date_evidence,
            }
        )
        for call in item.calls:
            d = call.date
            calls.append(
                {
                    "mention_id": call.mention_id,
                    "article_id": call.article_id,
                    "call_index": call.call_index,
                    "is_directly_reported": call.is_directly_reported,
                    "is_planned": call.is_planned,
                    "call_status": call.call_status,
                    "status_cue": call.status_evidence,
                    "initiator_official_id": call.initiator_id,
                    "initiator_how": call.initiator_how,
                    "call_date": d.date,
                    "call_year": d.year,
                    "call_month": d.month,
                    "call_day": d.day,
                    "call_weekday": d.weekday,
                    "date_precision": d.precision,
                    "date_basis": d.basis,
                    "date_how": d.how,
                    "duration_minutes": call.duration_minutes,
                    "duration_evidence": call.duration_evidence,
                    "sequence_number": call.sequence_number,
                    "sequence_evidence": call.sequence_evidence,
                    "tone": call.tone,
                    **_evidence(call.evidence),
                    "call_date_earliest": d.earliest,
                    "call_date_latest": d.latest,
                    "call_latest_month": d.latest_month,
                    "call_latest_day": d.latest_day,
                }
            )
            for p in call.participants:
                participants.append(
                    {
                        "mention_id": call.mention_id,
                        "article_id": call.article_id,
                        "official_id": p.official_id,
                        "full_name": p.full_name,
                        "country_code": p.country_code,
                        "role": p.role,
                        **_evidence(p.evidence),
                    }
                )
        for t in item.topics:
            topics.append(
                {
                    "mention_id": t.mention_id,
                    "article_id": t.article_id,
                    "topic_code": t.topic_code,
                    "status": t.status,
                    "claimant_official_id": t.claimant_official_id,
                    **_evidence(t.evidence),
                }
            )
        for o in item.officials:
            officials.append(
                {
                    "article_id": o.article_id,
                    "official_id": o.official_id,
                    "full_name": o.full_name,
                    "country_code": o.country_code,
                    "role": o.role,
                    "is_reference": o.is_reference,
                    **_evidence(o.evidence),
                }
            )
        for m in item.trade_measures:
            measures.append(
                {
                    "article_id": m.article_id,
                    "mention_id": m.mention_id,
                    "measure_type": m.measure_type,
                    "imposing_country_code": m.imposing_country_code,
                    "target_country_code": m.target_country_code,
                    "sector": m.sector,
                    "rate_percent": m.rate_percent,
                    "status": m.status,
                    "effective_date": m.effective_date,
                    "call_link": m.call_link,
                    **_evidence(m.evidence),
                }
            )
    stamp = rejected_at or dt.datetime.now(dt.UTC)
    rejected = [
        {"source_name": r.source_name, "reason": r.reason, "byte_size": r.byte_size, "rejected_at": stamp}
        for r in rejections
    ]
    rows = {
        "articles": articles,
        "rejected_articles": rejected,
        "call_mentions": calls,
        "call_participants": participants,
        "call_topics": topics,
        "official_mentions": officials,
        "trade_measure_mentions": measures,
    }
    return {table: _frame(rows[table], schemas.RAW_TABLES[table], SORT_KEYS[table]) for table in rows}


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
