"""Extract: ``raw.articles`` -> the fact tables (calls, participants, topics, officials, trade measures)."""

import dataclasses
from collections.abc import Iterator

import dagster as dg

from hotline.facts import Article
from hotline.normalize import extracted_frames
from orchestration.assets import markdown_preview, raw_key
from orchestration.assets.ingest import KINDS, RAW_ARTICLES
from orchestration.resources import WarehouseResource

FACT_TABLES = {
    "call_mentions": "One row per call an article mentions (call_index 0 is the call it reports).",
    "call_participants": "One row per official taking part in a call mention.",
    "call_topics": "One row per topic an article says was (or was not) discussed on a call.",
    "official_mentions": "One row per official an article names.",
    "trade_measure_mentions": "One row per trade measure (tariff, exemption, pause...) an article mentions.",
}
PREVIEW_COLUMNS = {
    "call_mentions": [
        "mention_id",
        "article_id",
        "call_index",
        "call_date",
        "date_precision",
        "evidence_text",
    ],
    "call_participants": ["mention_id", "official_id", "role", "evidence_text"],
    "call_topics": ["mention_id", "topic_code", "status", "evidence_text"],
    "official_mentions": ["article_id", "official_id", "role", "evidence_text"],
    "trade_measure_mentions": ["article_id", "measure_type", "rate_percent", "status", "evidence_text"],
}
_ARTICLE_FIELDS = [field.name for field in dataclasses.fields(Article)]


@dg.multi_asset(
    name="extract_facts",
    specs=[
        dg.AssetSpec(raw_key(table), group_name="extract", kinds=KINDS, description=description, deps=[RAW_ARTICLES])
        for table, description in FACT_TABLES.items()
    ],
)
def extract_facts(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> Iterator[dg.MaterializeResult]:
    # Read the articles back from the build file rather than the folder: the facts then describe exactly
    # the articles ingest wrote, even if the folder changed in between.
    articles = [
        Article(**{name: row[name] for name in _ARTICLE_FIELDS})
        for row in warehouse.read_build_table("raw.articles").iter_rows(named=True)
    ]
    frames = extracted_frames(articles, processes=warehouse.settings().processes)
    counts = warehouse.write_raw_tables({table: frames[table] for table in FACT_TABLES})
    context.log.info(f"extracted from {len(articles)} articles: {counts}")
    for table in FACT_TABLES:
        yield dg.MaterializeResult(
            asset_key=raw_key(table),
            metadata={
                "dagster/row_count": counts[table],
                "articles_read": len(articles),
                "preview": markdown_preview(frames[table], PREVIEW_COLUMNS[table]),
            },
        )
