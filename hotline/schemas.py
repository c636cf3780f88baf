"""Polars schemas of the ``raw`` tables, one per table, explicit types and no object columns.

These are the contract between Python and dbt: ``dbt_project/models/staging/_sources.yml`` declares the
same tables. Evidence columns are the same five everywhere (see ``EVIDENCE``).
"""

from __future__ import annotations

import polars as pl

EVIDENCE: dict[str, pl.DataType] = {
    "evidence_sentence_index": pl.Int32(),
    "evidence_text": pl.String(),
    "evidence_start": pl.Int32(),
    "evidence_end": pl.Int32(),
    "evidence_how": pl.String(),
}

ARTICLES = pl.Schema(
    {
        "article_id": pl.String(),
        "source_name": pl.String(),
        "source_format": pl.String(),
        "title": pl.String(),
        "text": pl.String(),
        "url": pl.String(),
        "outlet": pl.String(),
        "content_hash": pl.String(),
        "encoding": pl.String(),
        "byte_size": pl.Int64(),
        "published_date": pl.Date(),
        "published_date_source": pl.String(),
        "published_date_evidence": pl.String(),
    }
)

REJECTED_ARTICLES = pl.Schema(
    {
        "source_name": pl.String(),
        "reason": pl.String(),
        "byte_size": pl.Int64(),
        "rejected_at": pl.Datetime("us", "UTC"),
    }
)

REMOVED_ARTICLES = pl.Schema(
    {
        "article_id": pl.String(),
        "source_name": pl.String(),
        "reason": pl.String(),
        "removed_at": pl.Datetime("us", "UTC"),
    }
)
"""Articles an earlier run published whose file was since deleted or changed (kept by the incremental ingest);
``removed_at`` in UTC, as ``rejected_at``."""

CALL_MENTIONS = pl.Schema(
    {
        "mention_id": pl.String(),
        "article_id": pl.String(),
        "call_index": pl.Int32(),
        "is_directly_reported": pl.Boolean(),
        "is_planned": pl.Boolean(),
        "call_status": pl.String(),
        "status_cue": pl.String(),
        "initiator_official_id": pl.String(),
        "initiator_how": pl.String(),
        "call_date": pl.Date(),
        "call_year": pl.Int32(),
        "call_month": pl.Int32(),
        "call_day": pl.Int32(),
        "call_weekday": pl.Int32(),
        "date_precision": pl.String(),
        "date_basis": pl.String(),
        "date_how": pl.String(),
        "duration_minutes": pl.Int32(),
        "duration_evidence": pl.String(),
        "sequence_number": pl.Int32(),
        "sequence_evidence": pl.String(),
        "tone": pl.String(),
        **EVIDENCE,
        "call_date_earliest": pl.Date(),
        "call_date_latest": pl.Date(),
        "call_latest_month": pl.Int32(),
        "call_latest_day": pl.Int32(),
        "story_date": pl.Date(),
    }
)

CALL_PARTICIPANTS = pl.Schema(
    {
        "mention_id": pl.String(),
        "article_id": pl.String(),
        "official_id": pl.String(),
        "full_name": pl.String(),
        "country_code": pl.String(),
        "role": pl.String(),
        **EVIDENCE,
    }
)

CALL_TOPICS = pl.Schema(
    {
        "mention_id": pl.String(),
        "article_id": pl.String(),
        "topic_code": pl.String(),
        "status": pl.String(),
        "claimant_official_id": pl.String(),
        **EVIDENCE,
    }
)

OFFICIAL_MENTIONS = pl.Schema(
    {
        "article_id": pl.String(),
        "official_id": pl.String(),
        "full_name": pl.String(),
        "country_code": pl.String(),
        "role": pl.String(),
        "is_reference": pl.Boolean(),
        **EVIDENCE,
    }
)

TRADE_MEASURE_MENTIONS = pl.Schema(
    {
        "article_id": pl.String(),
        "mention_id": pl.String(),
        "measure_type": pl.String(),
        "imposing_country_code": pl.String(),
        "target_country_code": pl.String(),
        "sector": pl.String(),
        "rate_percent": pl.Float64(),
        "status": pl.String(),
        "effective_date": pl.Date(),
        "call_link": pl.String(),
        **EVIDENCE,
    }
)

RAW_TABLES: dict[str, pl.Schema] = {
    "articles": ARTICLES,
    "rejected_articles": REJECTED_ARTICLES,
    "removed_articles": REMOVED_ARTICLES,
    "call_mentions": CALL_MENTIONS,
    "call_participants": CALL_PARTICIPANTS,
    "call_topics": CALL_TOPICS,
    "official_mentions": OFFICIAL_MENTIONS,
    "trade_measure_mentions": TRADE_MEASURE_MENTIONS,
}
"""Every table of schema ``raw``: the fixed allow-list of identifiers the warehouse writer accepts."""
