"""The records facts travel in (hotline.facts) and their rows in the raw tables (hotline.normalize).

Facts cross from the extraction workers to the pipeline by the hundred thousand, pickled: a record pickles as
its class and field values, and loads without ``dataclasses.fields`` (which the dataclasses' own slots pickling
calls on every object). Rows are built column by column from the records (:data:`hotline.normalize.COLUMN_SOURCES`):
every column of every raw table has its source, and a written article's facts read back as the rows below.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle

import pytest

from hotline import facts as facts_module
from hotline.facts import (
    Article,
    ArticleFacts,
    CallDate,
    CallMention,
    Evidence,
    OfficialMention,
    Participant,
    Rejection,
    TopicFact,
    TradeMeasureFact,
)
from hotline.normalize import COLUMN_SOURCES, to_frames
from hotline.schemas import RAW_TABLES

TEXT = "Mexico's President Claudia Sheinbaum spoke by phone with Donald Trump for 40 minutes on Monday, May 5, 2025."
ARTICLE = Article(
    "a" * 16, "sheinbaum.md", "md", "Sheinbaum habló con Trump", TEXT, "a" * 64, "utf-8", 120,
    dt.date(2025, 5, 6), "metadata", "2025-05-06", "https://example.org/a", "Example News",
)  # fmt: skip
SENTENCE = Evidence(ARTICLE.article_id, 0, TEXT, 0, len(TEXT))
INFERRED = Evidence(ARTICLE.article_id, 0, TEXT, 37, 51, "named in the sentence")
SHEINBAUM = Participant("mx_sheinbaum", "Claudia Sheinbaum", "MX", "president", SENTENCE)
TRUMP = Participant("us_trump", "Donald Trump", "US", "president", INFERRED)
CALL = CallMention.of(
    ARTICLE.article_id,
    0,
    is_directly_reported=True,
    is_planned=False,
    participants=(SHEINBAUM, TRUMP),
    date=CallDate.on(dt.date(2025, 5, 5), "stated", "May 5, 2025"),
    evidence=SENTENCE,
    duration_minutes=40,
    duration_evidence="for 40 minutes",
    initiator_id="mx_sheinbaum",
    initiator_how="spoke with",
)
TOPIC = TopicFact(CALL.mention_id, ARTICLE.article_id, "trade", "not_discussed", SENTENCE, "us_trump")
OFFICIAL = OfficialMention(ARTICLE.article_id, "mx_sheinbaum", "Claudia Sheinbaum", "MX", "president", True, SENTENCE)
MEASURE = TradeMeasureFact(
    ARTICLE.article_id, CALL.mention_id, "tariff", "US", "MX", "steel", 25.0, "threatened", SENTENCE,
    dt.date(2025, 6, 1), "discussed_on_call",
)  # fmt: skip
REJECTION = Rejection("bad.txt", "empty file", 0)
RECORDS = [ARTICLE, REJECTION, SENTENCE, CALL.date, SHEINBAUM, CALL, TOPIC, OFFICIAL, MEASURE]


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: type(record).__name__)
def test_a_record_pickles_to_an_equal_record(record: object) -> None:
    loaded = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    assert loaded == record
    assert type(loaded) is type(record)
    assert copy.deepcopy(record) == record


def test_records_load_without_reading_their_fields_again(monkeypatch: pytest.MonkeyPatch) -> None:
    blob = pickle.dumps([ARTICLE, CALL, TOPIC, OFFICIAL, MEASURE], protocol=pickle.HIGHEST_PROTOCOL)

    def no_fields(*args: object) -> object:
        raise AssertionError("dataclasses.fields called while loading a record")

    monkeypatch.setattr(dataclasses, "fields", no_fields)
    assert pickle.loads(blob) == [ARTICLE, CALL, TOPIC, OFFICIAL, MEASURE]


def test_a_record_is_rebuilt_by_its_class_from_its_field_values() -> None:
    rebuild, values = CALL.__reduce__()
    assert rebuild is CallMention
    assert values == tuple(getattr(CALL, field.name) for field in dataclasses.fields(CallMention))
    assert facts_module.Evidence(*SENTENCE.__reduce__()[1]) == SENTENCE


@pytest.mark.parametrize("table", sorted(COLUMN_SOURCES))
def test_every_column_of_a_raw_table_has_its_source(table: str) -> None:
    stamped = {"rejected_at"} if table == "rejected_articles" else set()
    assert set(COLUMN_SOURCES[table]) | stamped == set(RAW_TABLES[table].names())


def test_an_articles_facts_read_back_as_rows_of_the_raw_tables() -> None:
    stamp = dt.datetime(2025, 5, 7, 12, 0, tzinfo=dt.UTC)
    found = ArticleFacts(ARTICLE, [CALL], [TOPIC], [OFFICIAL], [MEASURE])
    frames = to_frames([found], [REJECTION], rejected_at=stamp)
    evidence = {"evidence_sentence_index": 0, "evidence_text": TEXT, "evidence_start": 0, "evidence_end": len(TEXT)}
    assert frames["articles"].to_dicts() == [{name: getattr(ARTICLE, name) for name in RAW_TABLES["articles"].names()}]
    assert frames["rejected_articles"].to_dicts() == [
        {"source_name": "bad.txt", "reason": "empty file", "byte_size": 0, "rejected_at": stamp}
    ]
    (call,) = frames["call_mentions"].to_dicts()
    assert call == {
        "mention_id": f"{'a' * 16}:0", "article_id": "a" * 16, "call_index": 0, "is_directly_reported": True,
        "is_planned": False, "call_status": "held", "status_cue": None, "initiator_official_id": "mx_sheinbaum",
        "initiator_how": "spoke with", "call_date": dt.date(2025, 5, 5), "call_year": 2025, "call_month": 5,
        "call_day": 5, "call_weekday": 0, "date_precision": "day", "date_basis": "stated", "date_how": "May 5, 2025",
        "duration_minutes": 40, "duration_evidence": "for 40 minutes", "sequence_number": None,
        "sequence_evidence": None, "tone": None, **evidence, "evidence_how": None, "call_date_earliest": None,
        "call_date_latest": None, "call_latest_month": None, "call_latest_day": None, "story_date": None,
    }  # fmt: skip
    assert frames["call_participants"].to_dicts() == [
        {"mention_id": f"{'a' * 16}:0", "article_id": "a" * 16, "official_id": "mx_sheinbaum",
         "full_name": "Claudia Sheinbaum", "country_code": "MX", "role": "president", **evidence,
         "evidence_how": None},
        {"mention_id": f"{'a' * 16}:0", "article_id": "a" * 16, "official_id": "us_trump", "full_name": "Donald Trump",
         "country_code": "US", "role": "president", "evidence_sentence_index": 0, "evidence_text": TEXT,
         "evidence_start": 37, "evidence_end": 51, "evidence_how": "named in the sentence"},
    ]  # fmt: skip
    assert frames["call_topics"].to_dicts() == [
        {"mention_id": f"{'a' * 16}:0", "article_id": "a" * 16, "topic_code": "trade", "status": "not_discussed",
         "claimant_official_id": "us_trump", **evidence, "evidence_how": None}
    ]  # fmt: skip
    assert frames["official_mentions"].to_dicts() == [
        {"article_id": "a" * 16, "official_id": "mx_sheinbaum", "full_name": "Claudia Sheinbaum", "country_code": "MX",
         "role": "president", "is_reference": True, **evidence, "evidence_how": None}
    ]  # fmt: skip
    assert frames["trade_measure_mentions"].to_dicts() == [
        {"article_id": "a" * 16, "mention_id": f"{'a' * 16}:0", "measure_type": "tariff",
         "imposing_country_code": "US", "target_country_code": "MX", "sector": "steel", "rate_percent": 25.0,
         "status": "threatened", "effective_date": dt.date(2025, 6, 1), "call_link": "discussed_on_call", **evidence,
         "evidence_how": None}
    ]  # fmt: skip
    for table, frame in frames.items():
        assert frame.schema == RAW_TABLES[table], table
