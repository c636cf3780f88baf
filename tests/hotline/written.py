"""Articles written for the extraction tests: one builder, so every test file makes its articles the same way."""

from __future__ import annotations

import datetime as dt

from hotline.extract import extract_article
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
