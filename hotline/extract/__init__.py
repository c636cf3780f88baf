"""Extraction: one article in, typed facts with evidence out. Plain Python, no I/O."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from hotline.extract.calls import find_calls
from hotline.extract.context import build_context
from hotline.extract.officials import inferred_country, is_former
from hotline.extract.topics import find_topics
from hotline.extract.trade import complete, find_trade_measures, link_to_calls
from hotline.facts import Article, ArticleFacts, OfficialMention
from hotline.reference import Reference, load_reference

__all__ = [
    "TIMEOUT_REASON",
    "ExtractionError",
    "extract_article",
    "extract_articles",
    "extract_articles_within_budget",
]


def extract_article(article: Article, reference: Reference) -> ArticleFacts:
    """Every fact the article states about calls, officials, topics and trade measures."""
    with _collection_deferred():
        return _extract(article, reference)


@contextmanager
def _collection_deferred() -> Iterator[None]:
    """The cyclic garbage collector paused while one article is read, on again after it. An article makes some
    thousands of short-lived objects (hits, matches, tuples), nearly all freed by their reference counts: a
    collection every 700 of them (Python's default) walked the young ones over and over (~11% of extraction's
    instructions). What an article leaves in cycles is collected after it, by the collector's own count."""
    if not gc.isenabled():  # paused by a caller, or an article within an article
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _extract(article: Article, reference: Reference) -> ArticleFacts:
    """:func:`extract_article`, with the collector paused."""
    ctx = build_context(article, reference)
    layout = find_calls(ctx)
    facts = ArticleFacts(article=article)
    facts.calls = layout.mentions()
    facts.topics = find_topics(ctx, layout)
    seen: set[str] = set()
    for hit in ctx.officials:
        if not hit.official_id or hit.official_id in seen or is_former(hit, ctx):
            continue
        seen.add(hit.official_id)
        country, how = inferred_country(hit, ctx)
        facts.officials.append(
            OfficialMention(
                article_id=article.article_id,
                official_id=hit.official_id,
                full_name=hit.full_name,
                country_code=country,
                role=hit.role,
                is_reference=hit.is_reference,
                evidence=ctx.evidence(ctx.sentence_of(hit.start), hit.how + how),
            )
        )
    facts.trade_measures = link_to_calls(complete(find_trade_measures(ctx)), ctx, layout, facts.topics)
    return facts


POOL_THRESHOLD = 500
"""Below this many articles a process pool costs more than it saves."""


def extract_articles(articles: Sequence[Article]) -> list[ArticleFacts]:
    """Facts of many articles, in input order (see :func:`hotline.normalize.extracted_frames` for all cores,
    :func:`extract_articles_within_budget` for a time budget per article).

    Uses the reference data of :func:`hotline.reference.load_reference` (the dbt seeds).
    """
    reference = load_reference()
    facts = []
    for article in articles:
        try:
            facts.append(extract_article(article, reference))
        except Exception as exc:  # a bug, not bad input: stop, and say which article to reproduce it with
            raise ExtractionError(
                f"extraction failed on {article.source_name} (article_id {article.article_id}): {exc!r}"
            ) from exc
    return facts


class ExtractionError(RuntimeError):
    """Extraction raised on an article; the message names it."""


# Last: the budgeted batch runs the functions above in worker processes.
from hotline.extract.budget import TIMEOUT_REASON, extract_articles_within_budget  # noqa: E402
