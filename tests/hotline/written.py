"""Articles written for the extraction tests: one builder, so every test file makes its articles the same way."""

from __future__ import annotations

import datetime as dt

from hotline.extract import extract_article
from hotline.extract.context import build_context
from hotline.extract.trade import find_trade_measures
from hotline.facts import Article, ArticleFacts
from hotline.reference import Reference


def written(text: str, published: dt.date | None = None, title: str | None = None) -> Article:
    """A ``.txt`` article of ``text`` (its title the first line unless given), published on ``published``."""
    return Article(
        article_id="a" * 16,
        source_name="written.txt",
        source_format="txt",
        title=text.splitlines()[0] if title is None else title,
        text=text,
        content_hash="0" * 64,
        encoding="utf-8",
        byte_size=len(text.encode()),
        published_date=published,
        published_date_source="metadata" if published else "unknown",
    )


def extract(
    reference: Reference, text: str, published: dt.date | None = None, title: str | None = None
) -> ArticleFacts:
    """Every fact of :func:`written`'s article."""
    return extract_article(written(text, published, title), reference)


def extract_body(reference: Reference, text: str, published: dt.date, title: str = "") -> ArticleFacts:
    """Every fact of :func:`written`'s article with no title unless given: the call is told in its body."""
    return extract(reference, text, published, title)


def trade_rows(text: str, reference: Reference) -> set[tuple[object, ...]]:
    """The trade measures of :func:`written`'s article (published 2025-06-04, no title) as (measure_type, imposing,
    target, sector, rate_percent, status)."""
    ctx = build_context(written(text, dt.date(2025, 6, 4), title=""), reference)
    return {
        (f.measure_type, f.imposing_country_code, f.target_country_code, f.sector, f.rate_percent, f.status)
        for f in find_trade_measures(ctx)
    }


def first_call_topics(facts: ArticleFacts, status: str) -> set[str]:
    """The topic codes of the article's first call with ``status`` (discussed, not_discussed, ...)."""
    return {t.topic_code for t in facts.topics if t.status == status and t.mention_id.endswith(":0")}


TOPIC_DAY = dt.date(2025, 6, 6)
"""A Friday: the publication date of the topic tests' articles."""


def discussed(reference: Reference, text: str, published: dt.date = TOPIC_DAY) -> set[str]:
    """The topic codes discussed on the first call of :func:`written`'s article."""
    return first_call_topics(extract(reference, text, published), "discussed")


def held_pairs(facts: ArticleFacts) -> list[frozenset[str]]:
    """The article's held calls, each as the set of its participants' ids, in order."""
    return [frozenset(p.official_id for p in c.participants) for c in facts.calls if c.call_status == "held"]


def call_rows(facts: ArticleFacts) -> set[tuple[str, ...]]:
    """The article's calls as (call_status, *sorted participant ids)."""
    return {(c.call_status, *sorted(p.official_id for p in c.participants)) for c in facts.calls}
