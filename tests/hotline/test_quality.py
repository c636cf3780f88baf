"""Tests of hotline.quality: each GX suite passes on good data and fails, with the right count, on bad data.

Examples written by us: small hand-made marts frames, one wrong value (or one wrong row) at a time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import polars as pl
import pytest

from hotline.quality import (
    SUITES,
    SuiteResult,
    check_rule,
    results_frame,
    run_suite,
    validate_table,
    validate_warehouse,
)

D = dt.date


def calls(*rows: tuple[str, dt.date | None, bool, int | None]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "call_id": pl.String,
            "call_date": pl.Date,
            "is_planned": pl.Boolean,
            "duration_minutes": pl.Int32,
        },
        orient="row",
    )


def participants(*rows: tuple[str, str]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"call_id": pl.String, "official_id": pl.String}, orient="row")


def topics(*rows: tuple[str, str, str | None]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"call_id": pl.String, "topic_code": pl.String, "status": pl.String}, orient="row")


CALLS = calls(
    ("c1", D(2025, 3, 3), False, 30),
    ("c2", D(2025, 3, 10), False, None),
    ("c3", None, False, 45),
    ("planned", D(2025, 4, 1), True, None),
)
PARTICIPANTS = participants(
    ("c1", "mark_carney"),
    ("c1", "claudia_sheinbaum"),
    ("c2", "donald_trump"),
    ("c2", "claudia_sheinbaum"),
    ("c3", "donald_trump"),
    ("c3", "mark_carney"),
    ("planned", "donald_trump"),
)
TERMS = pl.DataFrame(
    {
        "official_id": ["mark_carney", "claudia_sheinbaum", "donald_trump", "donald_trump"],
        "role": ["prime_minister", "president", "president", "president"],
        "country_code": ["CA", "MX", "US", "US"],
        "term_start": [D(2025, 3, 14), D(2024, 10, 1), D(2017, 1, 20), D(2025, 1, 20)],
        "term_end": [None, None, D(2021, 1, 20), None],
    }
)
TEXT = "Carney and Sheinbaum spoke by phone on Monday. They discussed tariffs."
ARTICLES = pl.DataFrame({"article_id": ["a1"], "text": [TEXT]})


def evidence(*rows: tuple[str, str, str, int, int]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "call_id": pl.String,
            "article_id": pl.String,
            "evidence_text": pl.String,
            "evidence_start": pl.Int32,
            "evidence_end": pl.Int32,
        },
        orient="row",
    )


SPOKE = ("c1", "a1", "Carney and Sheinbaum spoke by phone on Monday.", 0, 46)
TARIFFS = ("c1", "a1", "They discussed tariffs.", 47, 70)


def failure_counts(result: SuiteResult) -> dict[str, int | None]:
    return {failure["expectation"]: failure["unexpected_count"] for failure in result.failures}


def test_every_suite_names_its_tables_and_expectations() -> None:
    assert set(SUITES) == {
        "calls_have_two_participants",
        "call_date_not_after_publication",
        "topic_never_both",
        "participants_in_office",
        "evidence_within_article",
    }
    for suite in SUITES.values():
        assert suite.tables
        assert suite.expectations
        assert all(table.startswith("marts.") for table in suite.tables)


# ------------------------------------------------------------------- suites on prepared frames


def test_topic_never_both() -> None:
    good = topics(("c1", "tariffs", "discussed"), ("c1", "tariffs", "discussed"), ("c2", "tariffs", "not_discussed"))
    assert check_rule("topic_never_both", "marts.bridge_call_topics", {"marts.bridge_call_topics": good}).passed
    bad = topics(
        ("c1", "tariffs", "discussed"),
        ("c1", "tariffs", "not_discussed"),
        ("c2", "tariffs", "not_discussed"),
        ("c2", "fentanyl", "discussed"),
    )
    result = check_rule("topic_never_both", "marts.bridge_call_topics", {"marts.bridge_call_topics": bad})
    assert not result.passed
    assert result.unexpected_count == 1
    assert result.failures[0]["unexpected_rows"] == [{"call_id": "c1", "topic_code": "tariffs"}]


def test_calls_have_two_participants() -> None:
    tables = {"marts.fct_calls": CALLS, "marts.bridge_call_participants": PARTICIPANTS}
    result = check_rule("calls_have_two_participants", "marts.bridge_call_participants", tables)
    assert result.passed, result.failures  # the planned call with one participant is not counted
    assert result.row_count == 3

    lonely = PARTICIPANTS.filter(~((pl.col("call_id") == "c2") & (pl.col("official_id") == "donald_trump")))
    doubled = pl.concat([lonely, participants(("c2", "claudia_sheinbaum"))])  # one person twice is one
    with_orphan = calls(("c4", D(2025, 3, 11), False, None))  # a call nobody took part in
    tables = {"marts.fct_calls": pl.concat([CALLS, with_orphan]), "marts.bridge_call_participants": doubled}
    result = check_rule("calls_have_two_participants", "marts.bridge_call_participants", tables)
    assert not result.passed
    assert result.unexpected_count == 2
    assert {row["call_id"] for row in result.failures[0]["unexpected_rows"]} == {"c2", "c4"}


def test_call_date_not_after_publication() -> None:
    mentions = pl.DataFrame(
        {"call_id": ["c1", "c1", "c2", "c3", "planned"], "article_id": ["a1", "a2", "a3", "a1", "a1"]}
    )
    articles = pl.DataFrame(
        {
            "article_id": ["a1", "a2", "a3"],
            "published_date": [D(2025, 3, 4), D(2025, 3, 3), None],
        }
    )
    tables = {"marts.fct_calls": CALLS, "marts.fct_call_mentions": mentions, "marts.dim_articles": articles}
    # c1 on its earliest publication day passes; c2 (unknown publication) and c3 (no date) are not
    # checked; the planned call (after publication, by nature) is skipped.
    assert check_rule("call_date_not_after_publication", "marts.fct_calls", tables).passed

    late = CALLS.with_columns(
        pl.when(pl.col("call_id") == "c1").then(D(2025, 3, 5)).otherwise(pl.col("call_date")).alias("call_date")
    )
    result = check_rule("call_date_not_after_publication", "marts.fct_calls", {**tables, "marts.fct_calls": late})
    assert not result.passed
    assert result.unexpected_count == 1
    assert result.failures[0]["unexpected_rows"] == [{"call_id": "c1"}]
    assert result.failures[0]["partial_unexpected_list"] == [["2025-03-03", "2025-03-05"]]


def test_participants_in_office() -> None:
    discovered = participants(("c2", "someone_not_in_the_seeds"))
    tables = {
        "marts.fct_calls": CALLS,
        "marts.bridge_call_participants": pl.concat([PARTICIPANTS.filter(pl.col("call_id") != "c1"), discovered]),
        "reference.official_terms": TERMS,
    }
    # Trump held two terms: the call of 2025-03-10 falls in the second. c3 has no date; the discovered
    # official has no terms.
    assert check_rule("participants_in_office", "marts.bridge_call_participants", tables).passed

    # Carney took office on 2025-03-14: the call of 2025-03-03 predates it.
    tables["marts.bridge_call_participants"] = PARTICIPANTS
    result = check_rule("participants_in_office", "marts.bridge_call_participants", tables)
    assert not result.passed
    assert result.unexpected_count == 1
    assert result.failures[0]["unexpected_rows"] == [{"call_id": "c1", "official_id": "mark_carney"}]


def test_participants_in_office_reads_string_dates_from_seeds() -> None:
    terms = TERMS.with_columns(pl.col("term_start").cast(pl.String), pl.col("term_end").cast(pl.String))
    tables = {
        "marts.fct_calls": CALLS,
        "marts.bridge_call_participants": PARTICIPANTS,
        "reference.official_terms": terms,
    }
    assert check_rule("participants_in_office", "marts.bridge_call_participants", tables).unexpected_count == 1


@pytest.mark.parametrize("table", ["marts.fct_call_mentions", "marts.bridge_call_topics"])
def test_evidence_within_article(table: str) -> None:
    good = evidence(SPOKE, TARIFFS)
    assert check_rule("evidence_within_article", table, {table: good, "raw.articles": ARTICLES}).passed

    bad = evidence(
        SPOKE,
        ("c1", "a1", "Carney and Sheinbaum", -1, 19),  # starts before the text
        ("c1", "a1", "They discussed tariffs.", 47, 90),  # ends past the text
        ("c1", "a1", "They discussed trade.", 47, 68),  # text differs from the slice
    )
    result = check_rule("evidence_within_article", table, {table: bad, "raw.articles": ARTICLES})
    assert not result.passed
    counts = {(f["expectation"], f["column"]): f["unexpected_count"] for f in result.failures}
    assert counts == {
        ("expect_column_values_to_be_between", "evidence_start"): 1,
        ("expect_column_pair_values_a_to_be_greater_than_b", "article_length, evidence_end"): 1,
        # The slice past the end is cut at the end and still reads "They discussed tariffs.".
        ("expect_column_pair_values_to_be_equal", "evidence_text, article_excerpt"): 2,
    }


def write_tables(path: Path, tables: dict[str, pl.DataFrame]) -> None:
    con = duckdb.connect(str(path))
    try:
        for qualified, frame in tables.items():
            con.execute(f"create schema if not exists {qualified.split('.')[0]}")
            con.register("frame", frame.to_arrow())
            con.execute(f"create or replace table {qualified} as select * from frame")
            con.unregister("frame")
    finally:
        con.close()


def test_a_row_local_rule_validates_only_the_rows_the_file_that_passed_lacks(tmp_path: Path) -> None:
    table = "marts.fct_call_mentions"
    bad = ("c2", "a1", "They discussed trade.", 47, 68)  # text differs from the slice
    write_tables(tmp_path / "published.duckdb", {table: evidence(SPOKE, TARIFFS)})
    write_tables(tmp_path / "build.duckdb", {table: evidence(SPOKE, TARIFFS, bad), "raw.articles": ARTICLES})

    result = validate_table(tmp_path / "build.duckdb", "evidence_within_article", table, tmp_path / "published.duckdb")

    assert (result.row_count, result.unexpected_count) == (1, 1)  # the two published rows passed before
    whole = validate_table(tmp_path / "build.duckdb", "evidence_within_article", table)
    assert (whole.row_count, whole.unexpected_count) == (3, 1)
    gone = validate_table(tmp_path / "build.duckdb", "evidence_within_article", table, tmp_path / "gone.duckdb")
    assert (gone.row_count, gone.unexpected_count) == (3, 1)  # no file that passed: every row
    # a rule about more than one row validates every row whatever passed before
    calls_table = "marts.fct_calls"
    write_tables(tmp_path / "build.duckdb", {calls_table: CALLS, "marts.bridge_call_participants": PARTICIPANTS})
    write_tables(tmp_path / "published.duckdb", {calls_table: CALLS, "marts.bridge_call_participants": PARTICIPANTS})
    rule = "calls_have_two_participants"
    kept = validate_table(
        tmp_path / "build.duckdb", rule, "marts.bridge_call_participants", tmp_path / "published.duckdb"
    )
    assert kept.row_count == 3


def test_evidence_column_may_be_called_evidence() -> None:
    facts = evidence(SPOKE, ("c1", "a1", "They discussed trade.", 47, 68)).rename({"evidence_text": "evidence"})
    tables = {"marts.bridge_call_topics": facts, "raw.articles": ARTICLES}
    result = check_rule("evidence_within_article", "marts.bridge_call_topics", tables)
    assert result.unexpected_count == 1


def test_offsets_count_characters_not_bytes() -> None:
    text = "Sheinbaum habló por teléfono con Carney. Acordaron reunirse."
    start = text.index("Acordaron")
    facts = evidence(("c1", "a1", "Acordaron reunirse.", start, len(text)))
    tables = {
        "marts.fct_call_mentions": facts,
        "raw.articles": pl.DataFrame({"article_id": ["a1"], "text": [text]}),
    }
    assert check_rule("evidence_within_article", "marts.fct_call_mentions", tables).passed


def test_missing_table_is_a_failure_not_a_crash() -> None:
    result = check_rule("calls_have_two_participants", "marts.bridge_call_participants", {"marts.fct_calls": CALLS})
    assert not result.passed
    assert "marts.bridge_call_participants" in result.failures[0]["error"]


def test_missing_column_is_a_failure() -> None:
    result = run_suite("topic_never_both", pl.DataFrame({"call_id": ["c1"], "topic_code": ["trade"]}))
    assert not result.passed
    assert result.failures[0]["column"] == "status_count"


# ---------------------------------------------------------------------------- whole warehouse


def test_validate_warehouse_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "hotline.build.duckdb"
    mentions = pl.DataFrame({"call_id": ["c1"], "article_id": ["a1"]}).with_columns(
        evidence_text=pl.lit(SPOKE[2]), evidence_start=pl.lit(0), evidence_end=pl.lit(46)
    )
    after_carney_took_office = CALLS.with_columns(
        pl.when(pl.col("call_id") == "c1").then(D(2025, 3, 17)).otherwise(pl.col("call_date")).alias("call_date")
    )
    frames = {
        "marts.fct_calls": after_carney_took_office,
        "marts.bridge_call_participants": PARTICIPANTS,
        "marts.bridge_call_topics": topics(("c2", "tariffs", "discussed")).with_columns(
            article_id=pl.lit("a1"),
            evidence_text=pl.lit(TARIFFS[2]),
            evidence_start=pl.lit(47),
            evidence_end=pl.lit(70),
        ),
        "marts.fct_call_mentions": mentions,
        "marts.dim_articles": pl.DataFrame({"article_id": ["a1"], "published_date": [D(2025, 3, 20)]}),
        "marts.dim_trade_measures": pl.DataFrame({"trade_measure_id": ["t1"], "rate_percent": [25.0]}),
        "reference.official_terms": TERMS,
        "raw.articles": ARTICLES,
    }
    con = duckdb.connect(str(path))
    for name, frame in frames.items():
        schema, table = name.split(".")
        con.execute(f"create schema if not exists {schema}")
        con.register("frame", frame.to_arrow())
        con.execute(f"create table {schema}.{table} as select * from frame")
        con.unregister("frame")
    con.close()

    results = validate_warehouse(path)

    assert {(r.suite, r.table) for r in results} == {(n, t) for n, s in SUITES.items() for t in s.tables}
    assert all(r.passed for r in results), [r for r in results if not r.passed]
    audit = results_frame(results, dt.datetime(2025, 3, 20, tzinfo=dt.UTC))
    assert audit.height == len(results)
    assert audit["is_passed"].all()


def test_batches_add_up_to_the_whole_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    """Validated a few rows at a time, a rule finds every bad row of the frame, and its samples across batches."""
    rows = [(f"c{i:02d}", "tariffs", "discussed") for i in range(10)]
    rows += [("c03", "tariffs", "not_discussed"), ("c08", "tariffs", "not_discussed")]
    tables = {"marts.bridge_call_topics": topics(*rows)}
    whole = check_rule("topic_never_both", "marts.bridge_call_topics", tables)
    monkeypatch.setattr("hotline.quality.BATCH_ROWS", 3)
    batched = check_rule("topic_never_both", "marts.bridge_call_topics", tables)
    assert batched.row_count == whole.row_count == 10
    assert batched.unexpected_count == whole.unexpected_count == 2
    assert batched.failures == whole.failures
    assert batched.failures[0]["unexpected_rows"] == [
        {"call_id": "c03", "topic_code": "tariffs"},
        {"call_id": "c08", "topic_code": "tariffs"},
    ]


def test_an_empty_table_is_validated() -> None:
    result = check_rule("topic_never_both", "marts.bridge_call_topics", {"marts.bridge_call_topics": topics()})
    assert result.passed
    assert result.row_count == 0
    assert result.evaluated == 1
