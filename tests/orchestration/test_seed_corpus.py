"""The whole Definitions on the user's default corpus (``seeds/``) mixed with bad files, into a temporary warehouse.

This is the end-to-end test issue 3 asks for: the facts a careful reader takes from the five seed articles
must hold in the published marts, and every input file must end in ``marts.dim_articles`` or in
``audit.rejected_articles`` with a reason. The extraction rules are general (tested on our own sentences in
``tests/hotline``); this test only reads the marts. The bad files are written here.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import pytest

from hotline.config import PROJECT_ROOT, Settings
from orchestration.definitions import defs
from orchestration.runner import run_config

SEEDS = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))
LATIN1 = "Nota breve\nEl canciller habló en la Cámara sobre la economía y el año próximo.\n"
FRONT_MATTER = "---\ntitle: A trade note\npublished_at: 2025-02-03\nsource: Example Wire\n---\nExports rose.\n"
# Bad content, not bad files: each publishes with the offending fact in audit.quarantined_facts.
BAD_CONTENT = {
    "typo_year.txt": "Typo year\nMexican President Claudia Sheinbaum spoke by phone with U.S. President Donald Trump "
    "on May 1, 2205, about steel tariffs.\n",
    "before_term.txt": "Before his term\nCanadian Prime Minister Mark Carney spoke by phone with Mexican President "
    "Claudia Sheinbaum on January 13, 2025 about trade.\n",
    "far_future.md": "---\ntitle: Far future\npublished_at: 9999-05-01\n---\nMexican President Claudia Sheinbaum "
    "spoke by phone with U.S. President Donald Trump on Thursday about migration.\n",
    "year_one.md": "---\ntitle: Year one\npublished_at: 0001-05-01\n---\nExports rose in the first quarter.\n",
    "impossible_date.txt": "Impossible date\nCanadian Prime Minister Justin Trudeau spoke by phone with French "
    "President Emmanuel Macron on February 30, 2024 about trade.\n",
}
QUARANTINED = {
    ("typo_year.txt", "call_mention", "call_date_in_range"),
    ("before_term.txt", "call_mention", "participants_in_office"),
    ("far_future.md", "call_mention", "call_date_in_range"),
    ("far_future.md", "published_date", "published_date_in_range"),
    ("year_one.md", "published_date", "published_date_in_range"),
}
JSONL = [
    json.dumps({"title": "One", "text": "Steel output rose in March.", "published_at": "2025-04-01"}),
    "{broken json",
    json.dumps({"title": "Two", "text": "Remittances hit a record.", "date": "2025-04-02"}),
]


def build_folder(folder: Path) -> dict[str, str]:
    """Seeds plus bad files; returns source_name → what should happen ('article' or 'rejected')."""
    folder.mkdir(parents=True)
    expected = {}
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
        expected[seed.name] = "article"
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (folder / "feed.jsonl").write_text("\n".join(JSONL) + "\n", encoding="utf-8")
    (folder / "no_call.md").write_text(FRONT_MATTER, encoding="utf-8")
    (folder / "huge.txt").write_text("Big\n" + "word " * 1_100_000, encoding="utf-8")
    (folder / "x'; drop table marts.fct_calls; --.txt").write_text("Odd name\nA note.\n", encoding="utf-8")
    for name, text in BAD_CONTENT.items():
        (folder / name).write_text(text, encoding="utf-8")
        expected[name] = "article"
    (folder / "nested" / "deeper").mkdir(parents=True)
    (folder / "nested" / "deeper" / "note.txt").write_text("Nested\nA nested note.\n", encoding="utf-8")
    expected.update(
        {
            "empty.txt": "rejected",
            "binary.txt": "rejected",
            "latin1.txt": "article",
            "feed.jsonl#1": "article",
            "feed.jsonl#2": "rejected",
            "feed.jsonl#3": "article",
            "no_call.md": "article",
            "huge.txt": "rejected",
            "x'; drop table marts.fct_calls; --.txt": "article",
            "nested/deeper/note.txt": "article",
        }
    )
    return expected


MARTS = (
    "fct_calls",
    "fct_call_mentions",
    "dim_officials",
    "dim_articles",
    "dim_trade_measures",
    "bridge_call_participants",
    "bridge_call_topics",
    "bridge_call_trade_measures",
    "bridge_call_officials",
)


def snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the marts, in a canonical order."""
    return {table: sorted(rows(path, f"select * from marts.{table}"), key=repr) for table in MARTS}


@pytest.fixture(scope="module")
def warehouse(
    tmp_path_factory: pytest.TempPathFactory, pipeline_env: Callable[[Path], AbstractContextManager[dg.DagsterInstance]]
) -> Iterator[tuple[Path, dict[str, str], Any]]:
    root = tmp_path_factory.mktemp("seed_corpus")
    expected = build_folder(root / "articles")
    job = defs.resolve_job_def("hotline_job")
    with pipeline_env(root) as instance:
        config = run_config(Settings.from_env())  # the definitions loaded before the fixture set the paths
        result = job.execute_in_process(instance=instance, raise_on_error=False, run_config=config)
        path = Settings.from_env().warehouse_path
        first = snapshot(path) if result.success else {}
        rerun = job.execute_in_process(instance=instance, raise_on_error=False, run_config=config)
        yield path, expected, (result, first, rerun)


def rows(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def trump_sheinbaum_calls(path: Path) -> dict[Any, tuple[Any, ...]]:
    found = rows(
        path,
        """
        select calls.call_date, calls.call_id, calls.date_precision, calls.date_basis, calls.duration_minutes,
               calls.sequence_number, calls.mention_count, calls.is_directly_reported
        from marts.fct_calls as calls
        where calls.call_id in (
            select call_id from marts.bridge_call_participants where official_id = 'donald_trump')
          and calls.call_id in (
            select call_id from marts.bridge_call_participants where official_id = 'claudia_sheinbaum')
        """,
    )
    return {row[0]: row[1:] for row in found}


def test_run_succeeds_and_every_check_passes(warehouse: tuple[Path, dict[str, str], Any]) -> None:
    _, _, (result, _, _) = warehouse
    assert result.success
    assert [e.check_name for e in result.get_asset_check_evaluations() if not e.passed] == []


def test_a_rerun_gives_identical_marts_and_ids(warehouse: tuple[Path, dict[str, str], Any]) -> None:
    path, _, (_, first, rerun) = warehouse
    assert rerun.success
    assert first["fct_calls"]
    assert snapshot(path) == first


def test_every_input_file_is_an_article_or_a_rejection(warehouse: tuple[Path, dict[str, str], Any]) -> None:
    path, expected, _ = warehouse
    articles = {name for (name,) in rows(path, "select source_name from marts.dim_articles")}
    rejected = dict(rows(path, "select source_name, reason from audit.rejected_articles"))
    assert not articles & set(rejected)
    assert dict.fromkeys(articles, "article") | dict.fromkeys(rejected, "rejected") == expected
    assert "MB" in rejected["huge.txt"]
    assert all(len(reason) > 5 for reason in rejected.values())
    ((encoding,),) = rows(path, "select encoding from marts.dim_articles where source_name = 'latin1.txt'")
    assert encoding in ("latin-1", "cp1252")


def test_only_the_six_calls_of_the_seeds(warehouse: tuple[Path, dict[str, str], Any]) -> None:
    path, _, _ = warehouse
    ((held,),) = rows(
        path,
        "select count(*) from marts.fct_calls where not is_planned and call_id in (select call_id from "
        "marts.fct_call_mentions join marts.dim_articles using (article_id) where source_name like '00%')",
    )
    assert held == 6


def test_bad_content_is_quarantined_and_everything_else_published(
    warehouse: tuple[Path, dict[str, str], Any],
) -> None:
    path, _, (result, _, _) = warehouse
    assert result.success
    found = rows(path, "select source_name, fact, rule, reason, fact_value from audit.quarantined_facts")
    assert {row[:3] for row in found} == QUARANTINED
    reasons = {(row[0], row[2]): (row[3], row[4]) for row in found}
    assert reasons[("typo_year.txt", "call_date_in_range")] == (
        "call dated 2205-05-01, outside the plausible range (1900-01-01 .. today)",
        "2205-05-01",
    )
    carney = reasons[("before_term.txt", "participants_in_office")][0]
    assert "mark_carney held no office on the call date 2025-01-13" in carney
    published = dict(rows(path, "select source_name, published_date from marts.dim_articles"))
    assert published["far_future.md"] is None
    assert published["year_one.md"] is None
    # nothing of a quarantined mention reaches the marts
    ((leaked,),) = rows(
        path,
        "select count(*) from marts.fct_call_mentions join marts.dim_articles using (article_id) "
        "where source_name in ('typo_year.txt', 'before_term.txt', 'far_future.md')",
    )
    assert leaked == 0
    # an impossible day is no date at all: the call is published undated
    assert rows(
        path,
        "select calls.call_date, calls.date_precision from marts.fct_calls as calls join marts.fct_call_mentions "
        "using (call_id) join marts.dim_articles using (article_id) where source_name = 'impossible_date.txt'",
    ) == [(None, "unknown")]


def test_two_outlets_one_call_on_january_29(warehouse: tuple[Path, dict[str, str], Any]) -> None:
    path, _, _ = warehouse
    calls = trump_sheinbaum_calls(path)
    call_id, precision, _, duration, _, mentions, direct = calls[dt.date(2026, 1, 29)]
    assert (precision, duration, mentions, direct) == ("day", 40, 2, True)
    sources = {
        name
        for (name,) in rows(
            path,
            "select articles.source_name from marts.fct_call_mentions as mentions "
            "join marts.dim_articles as articles using (article_id) where mentions.call_id = ?",
            call_id,
        )
    }
    assert sources == {"001_8e7a6b0d8cb652d7.txt", "002_1e20a629295da3df.txt"}
    topics = dict(rows(path, "select topic_code, status from marts.bridge_call_topics where call_id = ?", call_id))
    assert topics["cuba"] == "not_discussed"
    assert topics["critical_minerals"] == "not_discussed"
    assert {"trade", "security", "border", "drug_trafficking", "usmca", "canada"} <= {
        code for code, status in topics.items() if status == "discussed"
    }


def test_referenced_calls_exist_and_are_not_directly_reported(
    warehouse: tuple[Path, dict[str, str], Any],
) -> None:
    path, _, _ = warehouse
    calls = trump_sheinbaum_calls(path)
    assert calls[dt.date(2026, 1, 12)][-1] is False
    assert calls[dt.date(2025, 4, 17)][-1] is False


def test_day_month_dateline_and_the_sixth_call(warehouse: tuple[Path, dict[str, str], Any]) -> None:
    path, _, _ = warehouse
    ((published, source),) = rows(
        path,
        "select published_date, published_date_source from marts.dim_articles "
        "where source_name = '004_0db71dac63f91bbf.txt'",
    )
    assert (published, source) == (dt.date(2025, 5, 2), "stated_in_text")
    call_id, precision, _, _, sequence, _, _ = trump_sheinbaum_calls(path)[dt.date(2025, 5, 1)]
    assert (precision, sequence) == ("day", 6)
    measures = set(
        rows(
            path,
            "select measures.measure_type, measures.imposing_country_code, measures.target_country_code, "
            "measures.sector from marts.bridge_call_trade_measures as bridge "
            "join marts.dim_trade_measures as measures using (trade_measure_id) where bridge.call_id = ?",
            call_id,
        )
    )
    assert {("tariff", "US", "MX", sector) for sector in ("steel", "aluminum", "automotive")} <= measures


def test_the_year_of_may_22_comes_only_from_evidence(warehouse: tuple[Path, dict[str, str], Any]) -> None:
    path, _, _ = warehouse
    calls = trump_sheinbaum_calls(path)
    may_22 = [day for day in calls if day is not None and (day.month, day.day) == (5, 22)]
    assert may_22 == [dt.date(2025, 5, 22)]  # year from the sequence: call 7 follows call 6 of 2025-05-01
    _, precision, basis, _, sequence, _, _ = calls[dt.date(2025, 5, 22)]
    assert (precision, basis, sequence) == ("day", "year_from_sequence", 7)


def test_the_lopez_obrador_call_has_no_date(warehouse: tuple[Path, dict[str, str], Any]) -> None:
    path, _, _ = warehouse
    found = rows(
        path,
        "select calls.call_date, calls.date_precision from marts.fct_calls as calls "
        "join marts.bridge_call_participants as p using (call_id) where p.official_id = 'andres_manuel_lopez_obrador'",
    )
    assert found == [(None, "unknown")]


def test_officials_and_non_officials(warehouse: tuple[Path, dict[str, str], Any]) -> None:
    path, _, _ = warehouse
    officials = dict(rows(path, "select full_name, country_code from marts.dim_officials"))
    for name, country in [
        ("Anna Kelly", "US"),
        ("Ronald Johnson", "US"),
        ("Marco Rubio", "US"),
        ("Marcelo Ebrard", "MX"),
        ("Jamieson Greer", "US"),
    ]:
        assert officials[name] == country
    assert not {"Ryan Wedding", "Peter Davies", "Melania"} & set(officials)
