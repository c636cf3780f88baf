"""Facts → typed polars frames, one per raw table, with the explicit schemas of :mod:`hotline.schemas`.

Rows are built column-wise from the dataclasses (no object columns); each frame is sorted by its key so a
re-run on the same input writes the same rows in the same order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import polars as pl

from hotline import schemas
from hotline.facts import ArticleFacts, Evidence, Rejection


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "evidence_sentence_index": evidence.sentence_index,
        "evidence_text": evidence.text,
        "evidence_start": evidence.start,
        "evidence_end": evidence.end,
        "evidence_how": evidence.how,
    }


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
                    **_evidence(m.evidence),
                }
            )
    stamp = rejected_at or dt.datetime.now(dt.UTC)
    rejected = [
        {"source_name": r.source_name, "reason": r.reason, "byte_size": r.byte_size, "rejected_at": stamp}
        for r in rejections
    ]
    return {
        "articles": _frame(articles, schemas.ARTICLES, ["article_id"]),
        "rejected_articles": _frame(rejected, schemas.REJECTED_ARTICLES, ["source_name"]),
        "call_mentions": _frame(calls, schemas.CALL_MENTIONS, ["mention_id"]),
        "call_participants": _frame(participants, schemas.CALL_PARTICIPANTS, ["mention_id", "official_id"]),
        "call_topics": _frame(topics, schemas.CALL_TOPICS, ["mention_id", "topic_code", "status"]),
        "official_mentions": _frame(officials, schemas.OFFICIAL_MENTIONS, ["article_id", "official_id"]),
        "trade_measure_mentions": _frame(
            measures,
            schemas.TRADE_MEASURE_MENTIONS,
            ["article_id", "evidence_start", "measure_type", "sector"],
        ),
    }
