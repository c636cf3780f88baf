"""Ingest: the articles folder -> ``raw.articles``, ``raw.rejected_articles`` and ``raw.removed_articles``.

Incremental (:mod:`hotline.ingest.state`): only files new or changed since the last run are read; the extractor
version is computed here, once per run, and everything is read again when it changed.
"""

from collections.abc import Iterator

import dagster as dg

from hotline.ingest.state import IngestReport, extractor_version
from orchestration.assets import markdown_preview, raw_key
from orchestration.resources import WarehouseResource
from orchestration.runs import progress_reporter, unpublished_metadata

KINDS = {"python", "polars", "duckdb"}
RAW_ARTICLES = raw_key("articles")
RAW_REJECTED_ARTICLES = raw_key("rejected_articles")
RAW_REMOVED_ARTICLES = raw_key("removed_articles")


@dg.multi_asset(
    name="ingest_articles",
    specs=[
        dg.AssetSpec(
            RAW_ARTICLES,
            group_name="ingest",
            kinds=KINDS,
            description="One row per article read from the articles folder, with its full text.",
        ),
        dg.AssetSpec(
            RAW_REJECTED_ARTICLES,
            group_name="ingest",
            kinds=KINDS,
            description="One row per file (or JSONL line) that could not be read as an article, and why.",
        ),
        dg.AssetSpec(
            RAW_REMOVED_ARTICLES,
            group_name="ingest",
            kinds=KINDS,
            description="One row per article an earlier run held whose file was since deleted or changed.",
        ),
    ],
)
def ingest_articles(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> Iterator[dg.MaterializeResult]:
    settings = warehouse.settings()
    version = extractor_version(settings)
    report = warehouse.ingest(version, progress_reporter(context, "files seen"))
    context.log.info(f"{ingest_summary(report)} in {settings.articles_dir}")
    changes = {
        "files": report.files,
        "files_read": report.read,
        "files_unchanged": report.unchanged,
        "files_touched_not_changed": report.confirmed,
        "articles_added": len(report.added),
        "articles_removed": len(report.removed),
        "read_everything_because": report.reset or "",
        "extractor_version": version[:16],
    }
    partial = unpublished_metadata(context)
    yield dg.MaterializeResult(
        asset_key=RAW_ARTICLES,
        metadata={
            "dagster/row_count": report.articles,
            "rejected_count": report.rejected,
            "articles_dir": str(settings.articles_dir),
            **changes,
            "preview": markdown_preview(
                warehouse.read_build_table(
                    "raw.articles", ["article_id", "source_name", "title", "published_date", "byte_size"], 10
                )
            ),
            **partial,
        },
    )
    yield dg.MaterializeResult(
        asset_key=RAW_REJECTED_ARTICLES,
        metadata={
            "dagster/row_count": report.rejected,
            "rejected_count": report.rejected,
            "preview": markdown_preview(
                warehouse.read_build_table("raw.rejected_articles", ["source_name", "reason", "byte_size"], 10)
            ),
            **partial,
        },
    )
    removed = warehouse.read_build_table("raw.removed_articles", ["article_id", "source_name", "reason"])
    yield dg.MaterializeResult(
        asset_key=RAW_REMOVED_ARTICLES,
        metadata={
            "dagster/row_count": removed.height,
            "removed_this_run": dg.MetadataValue.json(report.removed[:200]),
            "preview": markdown_preview(removed),
            **partial,
        },
    )


def ingest_summary(report: IngestReport) -> str:
    """One line a person reads: what the folder holds and what this run had to read."""
    if report.reset:
        return f"{report.articles} articles, {report.rejected} rejected: every file read ({report.reset})"
    return (
        f"{report.articles} articles, {report.rejected} rejected; {report.read} of {report.files} files read, "
        f"{len(report.added)} articles new, {len(report.removed)} removed"
    )
