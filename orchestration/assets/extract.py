"""Extract: ``raw.articles`` -> the fact tables (calls, participants, topics, officials, trade measures).

Only articles whose facts are not in the build file yet are extracted (:mod:`hotline.ingest.state`,
:mod:`hotline.ingest.extracted`): the facts of the others stay from earlier runs, made by the same extractor
version.

The work is split into ``HOTLINE_EXTRACT_PARTITIONS`` hash buckets (:mod:`hotline.ingest.partitions`, default 1):
``plan_extraction`` writes each bucket's articles out and yields it as a dynamic output, ``extract_bucket`` runs
once per bucket without touching the warehouse (so Dagster's multiprocess executor, or a Celery or Kubernetes
executor, runs the buckets in parallel), and ``store_extracted_facts`` appends them to the raw tables part by part
(memory stays that of one part, :data:`hotline.ingest.partitions.PART_ARTICLES` articles). One asset in the graph
whatever the number of buckets; the buckets are steps of its run.
"""

from collections.abc import Iterator

import dagster as dg
import polars as pl

from hotline.facts import Rejection
from hotline.ingest import extracted, partitions
from hotline.ingest.partitions import Bucket
from hotline.normalize import FACT_TABLES as FACT_TABLE_NAMES
from hotline.schemas import RAW_TABLES
from orchestration.assets import PREVIEW_ROWS, markdown_preview, raw_key
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


@dg.op(ins={"articles": dg.In(dg.Nothing)}, out=dg.DynamicOut(Bucket))
def plan_extraction(context: dg.OpExecutionContext, warehouse: WarehouseResource) -> Iterator[dg.DynamicOutput[Bucket]]:
    """The articles to extract (read back from the build file, not the folder: the facts then describe exactly
    the articles ingest wrote), split into buckets."""
    settings = warehouse.settings()
    with warehouse.lock():
        buckets = partitions.plan_buckets(
            extracted.iter_pending_articles(settings.build_path),
            settings.extract_partitions,
            partitions.staging_dir(settings.build_path),
            settings.article_timeout_seconds,
            settings.processes,
            extracted_here="multiprocess" not in context.run_config.get("execution", {}).get("config", {}),
        )
    context.log.info(f"{sum(b.articles for b in buckets)} articles to extract in {len(buckets)} bucket(s)")
    for bucket in buckets:
        yield dg.DynamicOutput(bucket, mapping_key=bucket.key)


@dg.op
def extract_bucket(context: dg.OpExecutionContext, bucket: Bucket) -> Bucket:
    """One bucket's facts, written beside its articles. Every article within its time budget
    (HOTLINE_ARTICLE_TIMEOUT_SECONDS): one that takes longer is kept without facts, with that reason."""
    counts = partitions.extract_bucket(bucket, on_progress=progress_reporter(context, "articles extracted"))
    context.log.info(f"{bucket.key}: {bucket.articles} articles extracted: {counts}")
    return bucket


@dg.op(out={table: dg.Out(dg.Nothing) for table in FACT_TABLES})
def store_extracted_facts(
    context: dg.OpExecutionContext, warehouse: WarehouseResource, buckets: list[Bucket]
) -> Iterator[dg.Output[None]]:
    """Every bucket's facts into the raw tables, part by part (:func:`hotline.ingest.extracted.store_facts`)."""
    extracted, late, shown = 0, list[Rejection](), dict[str, pl.DataFrame]()
    with warehouse.lock():
        for part in partitions.gather_parts(buckets):
            warehouse.store_facts(part.facts, part.attempted, part.late)
            extracted, late = extracted + len(part.attempted), late + part.late
            shown = shown or {table: part.facts[table].head(PREVIEW_ROWS) for table in FACT_TABLES}
    if late:
        context.log.warning(f"over the extraction budget, kept without facts: {[r.source_name for r in late]}")
    partitions.clear_staging(partitions.staging_dir(warehouse.settings().build_path))
    counts = warehouse.fact_counts()
    total = warehouse.article_count()
    context.log.info(f"extracted {extracted} articles, kept the facts of {total - extracted}: {counts}")
    partial = unpublished_metadata(context)
    for table in FACT_TABLES:
        yield dg.Output(
            None,
            output_name=table,
            metadata={
                "dagster/row_count": counts[table],
                "articles_read": total,
                "articles_extracted": extracted,
                "articles_over_time_budget": len(late),
                "buckets": len(buckets),
                "preview": markdown_preview(
                    shown.get(table, pl.DataFrame(schema=RAW_TABLES[table])), PREVIEW_COLUMNS[table]
                ),
                **partial,
            },
        )


@dg.graph_multi_asset(
    name="extract_facts",
    group_name="extract",
    ins={"articles": dg.AssetIn(RAW_ARTICLES, dagster_type=dg.Nothing)},
    outs={
        table: dg.AssetOut(key=raw_key(table), kinds=KINDS, description=description)
        for table, description in FACT_TABLES.items()
    },
)
def extract_facts(articles: None) -> dict[str, None]:
    stored = store_extracted_facts(plan_extraction(articles).map(extract_bucket).collect())
    return {table: getattr(stored, table) for table in FACT_TABLES}
