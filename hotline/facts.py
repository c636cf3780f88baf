"""Typed records that flow from ingest through extraction to the raw tables.

Every fact carries :class:`Evidence`: the article, the sentence (its text and character offsets in
``Article.text``) and, where a value was inferred rather than read, ``how`` it was inferred.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

DatePrecision = Literal["day", "week", "month", "year", "unknown"]
PublishedDateSource = Literal["metadata", "stated_in_text", "dateline_and_evidence", "unknown"]
TopicStatus = Literal["discussed", "not_discussed"]
Tone = Literal["positive", "negative", "mixed", "neutral"]


_Record = TypeVar("_Record")


def _pickled_as_values(cls: type[_Record]) -> type[_Record]:
    """Pickle ``cls`` as its class and field values, rebuilt by ``cls(*values)``.

    Facts and articles cross between processes (:mod:`hotline.extract.budget`) by the hundred thousand. A frozen
    slots dataclass pickles through ``dataclasses``' own ``__getstate__``/``__setstate__``, which call
    ``dataclasses.fields`` on every object (about 10 µs each way): more than half the parent's work in an
    extraction. The values read by one ``attrgetter`` and the generated ``__init__`` give the same object.
    """
    values = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: _Record) -> tuple[type[_Record], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    source_name: str
    source_format: str
    title: str
    text: str
    content_hash: str
    encoding: str
    byte_size: int
    published_date: dt.date | None = None
    published_date_source: PublishedDateSource = "unknown"
    published_date_evidence: str | None = None
    url: str | None = None
    outlet: str | None = None


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class Rejection:
    source_name: str
    reason: str
    byte_size: int | None = None


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class Evidence:
    article_id: str
    sentence_index: int
    text: str
    start: int
    end: int
    how: str | None = None


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class CallDate:
    """What the text says about a call's date. ``date`` is set only when day, month and year are all known."""

    date: dt.date | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday, a constraint when the date itself is not known
    precision: DatePrecision = "unknown"
    basis: str = "none"  # stated | weekday | relative | offset | year_from_publication | year_from_terms ...
    how: str | None = None
    earliest: dt.date | None = None  # bounds when the text gives a stretch but no day ("over the weekend")
    latest: dt.date | None = None  # or only a day the call came on or before ("said on Monday it had spoken")
    # the day the call came on or before, known without its year: a story's dateline "PARIS, March 3 -" when no
    # evidence fixes the year (a weekday there falls within the six days up to it)
    latest_month: int | None = None
    latest_day: int | None = None
    # the story's own day when the article has no publication date and the extractor fixed the year of its
    # dateline's month and day from evidence (hotline.extract.story_year): the article's publication date
    story_date: dt.date | None = None

    @classmethod
    def on(cls, day: dt.date, basis: str, how: str) -> CallDate:
        """A call date known to the day."""
        return cls(day, day.year, day.month, day.day, day.weekday(), "day", basis, how)


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class Participant:
    official_id: str
    full_name: str
    country_code: str | None
    role: str | None
    evidence: Evidence


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class CallMention:
    """One call as one article tells it. ``call_index`` 0 is the call the article reports."""

    mention_id: str
    article_id: str
    call_index: int
    is_directly_reported: bool
    is_planned: bool
    participants: tuple[Participant, ...]
    date: CallDate
    evidence: Evidence
    duration_minutes: int | None = None
    duration_evidence: Evidence | None = None
    sequence_number: int | None = None
    sequence_evidence: Evidence | None = None
    tone: Tone | None = None
    call_status: str = "held"  # held | planned | requested | refused | cancelled | denied
    status_evidence: str | None = None  # the cue that decided a status other than held
    initiator_id: str | None = None  # the participant who placed the call, when the text says so
    initiator_how: str | None = None

    @classmethod
    def of(cls, article_id: str, call_index: int, **fields: Any) -> CallMention:
        """A mention whose ``mention_id`` is derived from the article and the call's index in it."""
        return cls(mention_id=f"{article_id}:{call_index}", article_id=article_id, call_index=call_index, **fields)


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class TopicFact:
    mention_id: str
    article_id: str
    topic_code: str
    status: TopicStatus
    evidence: Evidence
    claimant_official_id: str | None = None


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class OfficialMention:
    article_id: str
    official_id: str
    full_name: str
    country_code: str | None
    role: str | None
    is_reference: bool
    evidence: Evidence


@_pickled_as_values
@dataclass(frozen=True, slots=True)
class TradeMeasureFact:
    article_id: str
    mention_id: str | None
    measure_type: str
    imposing_country_code: str | None
    target_country_code: str | None
    sector: str | None
    rate_percent: float | None
    status: str  # imposed | threatened | paused | exempted | lifted | reduced
    evidence: Evidence
    effective_date: dt.date | None = None  # the day the measure takes or took effect, where the text gives it
    call_link: str | None = None  # discussed_on_call | after_call when ``mention_id`` ties it to a call


@dataclass(slots=True)
class ArticleFacts:
    article: Article
    calls: list[CallMention] = field(default_factory=list)
    topics: list[TopicFact] = field(default_factory=list)
    officials: list[OfficialMention] = field(default_factory=list)
    trade_measures: list[TradeMeasureFact] = field(default_factory=list)
