"""Extract: ``raw.articles`` -> the fact tables (calls, participants, topics, officials, trade measures).

Only articles whose facts are not in the build file yet are extracted (:mod:`hotline.ingest.state`): the facts
of the others stay from earlier runs, made by the same extractor version.
"""

from collections.abc import Iterator

import dagster as dg

from hotline.extract import extract_articles_within_budget
from hotline.facts import ArticleFacts, Rejection
from hotline.normalize import FACT_TABLES as FACT_TABLE_NAMES
from hotline.normalize import to_frames
from orchestration.assets import markdown_preview, raw_key
from orchestration.assets.ingest import KINDS, RAW_ARTICLES
from orchestration.resources import WarehouseResource
from orchestration.runs import progress_reporter, unpublished_metadata

FACT_TABLES = {
    "call_mentions": "One row per call an article mentions (call_index 0 is the call it reports).",
    "call_participants": "One row per official taking part in a call mention.",
    "call_topics": "One row per topic an article says was (or was not) discussed on a call.",
    "official_mentions": "One row per official an article names.",
    "trade_measure_mentions": "One row per trade measure (tariff, exemption, pause...) an article mentions.",
}
assert tuple(FACT_TABLES) == FACT_TABLE_NAMES, "the fact tables are those of hotline.normalize"
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
    articles = warehouse.pending_articles()
    settings = warehouse.settings()
    # Every article within its time budget (HOTLINE_ARTICLE_TIMEOUT_SECONDS): one that takes longer is rejected
    # with that reason, the run goes on; it stays in raw.articles, without facts.
    results = extract_articles_within_budget(
        articles,
        settings.article_timeout_seconds,
        settings.processes,
        on_progress=progress_reporter(context, "articles extracted"),
    )
    facts = [result for result in results if isinstance(result, ArticleFacts)]
    timed_out = [result for result in results if isinstance(result, Rejection)]
    frames = to_frames(facts)
    if timed_out:
        context.log.warning(f"over the extraction budget, kept without facts: {[r.source_name for r in timed_out]}")
    warehouse.store_facts({table: frames[table] for table in FACT_TABLES}, articles, timed_out)
    counts = warehouse.fact_counts()
    total = warehouse.article_count()
    context.log.info(f"extracted {len(articles)} articles, kept the facts of {total - len(articles)}: {counts}")
    partial = unpublished_metadata(context)
    for table in FACT_TABLES:
        yield dg.MaterializeResult(
            asset_key=raw_key(table),
            metadata={
                "dagster/row_count": counts[table],
                "articles_read": total,
                "articles_extracted": len(articles),
                "articles_over_time_budget": len(timed_out),
                "preview": markdown_preview(frames[table], PREVIEW_COLUMNS[table]),
                **partial,
            },
        )
