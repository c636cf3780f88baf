"""Ingest: the articles folder -> ``raw.articles`` and ``raw.rejected_articles``."""

from collections.abc import Iterator

import dagster as dg

from hotline.articles import load_corpus
from hotline.facts import ArticleFacts
from hotline.normalize import to_frames
from orchestration.assets import markdown_preview, raw_key
from orchestration.resources import WarehouseResource
from orchestration.runs import progress_reporter, unpublished_metadata

KINDS = {"python", "polars", "duckdb"}
RAW_ARTICLES = raw_key("articles")
RAW_REJECTED_ARTICLES = raw_key("rejected_articles")


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
    ],
)
def ingest_articles(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> Iterator[dg.MaterializeResult]:
    settings = warehouse.settings()
    corpus = load_corpus(
        settings.articles_dir, settings.max_article_bytes, on_progress=progress_reporter(context, "files read")
    )
    frames = to_frames([ArticleFacts(article=article) for article in corpus.articles], corpus.rejections)
    articles, rejected = frames["articles"], frames["rejected_articles"]
    warehouse.write_raw_tables({"articles": articles, "rejected_articles": rejected})
    context.log.info(f"read {articles.height} articles from {settings.articles_dir}; rejected {rejected.height} files")
    partial = unpublished_metadata(context)
    yield dg.MaterializeResult(
        asset_key=RAW_ARTICLES,
        metadata={
            "dagster/row_count": articles.height,
            "rejected_count": rejected.height,
            "articles_dir": str(settings.articles_dir),
            "preview": markdown_preview(
                articles, ["article_id", "source_name", "title", "published_date", "byte_size"]
            ),
            **partial,
        },
    )
    yield dg.MaterializeResult(
        asset_key=RAW_REJECTED_ARTICLES,
        metadata={
            "dagster/row_count": rejected.height,
            "rejected_count": rejected.height,
            "preview": markdown_preview(rejected, ["source_name", "reason", "byte_size"]),
            **partial,
        },
    )
