"""The incremental ingest (hotline.ingest.state): only what changed is read and extracted, and nothing stale stays.

Articles are written by us: short .md and .txt files with one leaders' call each, so that each has facts.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import duckdb
import pytest

from hotline.config import PROJECT_ROOT, Settings
from hotline.extract import TIMEOUT_REASON, extract_articles
from hotline.facts import Rejection
from hotline.ingest import built, state
from hotline.ingest import extracted as stored
from hotline.normalize import to_frames
from hotline.warehouse import read_table

CALL = (
    "{title}\nMexican President Claudia Sheinbaum said on Thursday that she spoke by phone with President Donald "
    "Trump about {topic}.\n"
)


def write(
    folder: Path, name: str, topic: str, *, published: str = "2025-05-02", url: str = "https://a.example"
) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    body = CALL.format(title=f"Call about {topic}", topic=topic)
    path.write_text(f"---\npublished_at: {published}\nurl: {url}\n---\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    (tmp_path / "articles").mkdir()
    return Settings(articles_dir=tmp_path / "articles", warehouse_path=tmp_path / "w" / "hotline.duckdb")


def run(settings: Settings, version: str = "v1") -> tuple[state.IngestReport, list[str]]:
    """One ingest and extraction; returns the ingest report and the ids of the articles extracted."""
    report = state.ingest(settings, version)
    pending = stored.pending_articles(settings.build_path)
    facts = extract_articles(pending)
    stored.store_facts(settings.build_path, to_frames(facts), pending)
    return report, [article.article_id for article in pending]


def table(settings: Settings, name: str) -> list[dict]:
    return read_table(settings.build_path, name).to_dicts()


def fact_articles(settings: Settings) -> set[str]:
    return {row["article_id"] for row in table(settings, "raw.call_mentions")}


def test_an_unchanged_folder_is_neither_read_nor_extracted_again(settings: Settings) -> None:
    write(settings.articles_dir, "a.md", "trade")
    write(settings.articles_dir, "b.md", "security")
    first, extracted = run(settings)
    assert (first.read, len(first.added), first.reset) == (2, 2, "first run on this build file")
    assert len(extracted) == 2
    assert fact_articles(settings) == set(extracted)
    again, extracted = run(settings)
    assert (again.files, again.read, again.added, again.removed, again.reset) == (2, 0, [], [], None)
    assert extracted == []
    assert not again.changed
    assert fact_articles(settings) == set(first.added)


def test_a_touched_file_is_hashed_not_parsed(settings: Settings) -> None:
    path = write(settings.articles_dir, "a.md", "trade")
    run(settings)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    report, extracted = run(settings)
    assert (report.read, report.confirmed, extracted) == (0, 1, [])
    assert run(settings)[0].confirmed == 0  # the new times are remembered


def test_a_file_read_whole_is_hashed_from_the_bytes_read_and_a_feed_apart(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(settings.articles_dir, "a.md", "trade")
    feed = settings.articles_dir / "feed.jsonl"
    line = {"title": "Call", "published_at": "2025-05-02", "text": CALL.format(title="Call", topic="migration")}
    feed.write_text(json.dumps(line) + "\n", encoding="utf-8")
    opened: list[str] = []
    hash_file = state._file_hash
    monkeypatch.setattr(state, "_file_hash", lambda path: opened.append(path.name) or hash_file(path))
    run(settings)
    assert opened == ["feed.jsonl"]  # a.md was not opened a second time to be hashed
    hashes = {row["file_name"]: row["file_hash"] for row in table(settings, "state.files")}
    assert hashes == {name: hashlib.sha256((settings.articles_dir / name).read_bytes()).hexdigest() for name in hashes}
    assert set(hashes) == {"a.md", "feed.jsonl"}
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert run(settings)[0].confirmed == 1  # the hash kept is the one a touched file is checked against


def test_a_changed_file_replaces_its_facts_and_its_old_article_is_listed_removed(settings: Settings) -> None:
    path = write(settings.articles_dir, "a.md", "trade")
    write(settings.articles_dir, "b.md", "security")
    first, _ = run(settings)
    old = {row["article_id"] for row in table(settings, "raw.articles") if row["source_name"] == "a.md"}
    write(settings.articles_dir, "a.md", "migration")
    os.utime(path, ns=(2_000_000_000, 2_000_000_000))
    report, extracted = run(settings)
    assert (report.read, len(report.added), report.removed) == (1, 1, sorted(old))
    assert extracted == report.added
    assert fact_articles(settings) == set(first.added) - old | set(report.added)
    removed = table(settings, "raw.removed_articles")
    assert [(r["article_id"], r["source_name"], r["reason"]) for r in removed] == [
        (next(iter(old)), "a.md", "its file was changed")
    ]


def test_new_metadata_on_the_same_text_is_extracted_again(settings: Settings) -> None:
    path = write(settings.articles_dir, "a.md", "trade", published="2025-05-02")
    first, _ = run(settings)
    write(settings.articles_dir, "a.md", "trade", published="2025-06-02")
    os.utime(path, ns=(3_000_000_000, 3_000_000_000))
    report, extracted = run(settings)
    assert (report.read, report.added, report.removed) == (1, [], [])  # same content: same article id
    assert extracted == first.added  # but its date changed: its facts are made again
    assert [str(row["published_date"]) for row in table(settings, "raw.articles")] == ["2025-06-02"]


def test_a_deleted_file_leaves_with_its_facts_and_comes_back(settings: Settings) -> None:
    path = write(settings.articles_dir, "a.md", "trade")
    write(settings.articles_dir, "b.md", "security")
    first, _ = run(settings)
    kept = path.read_bytes()
    path.unlink()
    report, _ = run(settings)
    assert len(report.removed) == 1
    assert report.articles == 1
    assert fact_articles(settings) == set(first.added) - set(report.removed)
    assert [row["reason"] for row in table(settings, "raw.removed_articles")] == ["its file was deleted"]
    path.write_bytes(kept)
    back, extracted = run(settings)
    assert back.added == report.removed == extracted
    assert table(settings, "raw.removed_articles") == []


def test_a_duplicate_takes_over_when_the_first_copy_goes(settings: Settings) -> None:
    first_copy = write(settings.articles_dir, "a.md", "trade")
    shutil.copy(first_copy, settings.articles_dir / "b.md")
    run(settings)
    assert [row["source_name"] for row in table(settings, "raw.articles")] == ["a.md"]
    assert [row["reason"] for row in table(settings, "raw.rejected_articles")] == ["duplicate of a.md (same content)"]
    first_copy.unlink()
    report, extracted = run(settings)
    assert [row["source_name"] for row in table(settings, "raw.articles")] == ["b.md"]
    assert table(settings, "raw.rejected_articles") == []
    assert report.removed == []
    assert len(extracted) == 1  # made again from b.md, its facts point at that article


def test_rejections_keep_their_reasons_and_times_across_runs(settings: Settings) -> None:
    write(settings.articles_dir, "a.md", "trade")
    (settings.articles_dir / "empty.txt").write_bytes(b"")
    (settings.articles_dir / ".hidden").mkdir()
    (settings.articles_dir / "notes.docx").write_bytes(b"x")
    run(settings)
    before = table(settings, "raw.rejected_articles")
    assert {row["source_name"] for row in before} == {"empty.txt", ".hidden", "notes.docx"}
    run(settings)
    assert table(settings, "raw.rejected_articles") == before


def test_an_article_over_the_time_budget_stays_rejected_until_it_changes(settings: Settings) -> None:
    write(settings.articles_dir, "a.md", "trade")
    state.ingest(settings, "v1")
    (article,) = stored.pending_articles(settings.build_path)
    late = Rejection(article.source_name, TIMEOUT_REASON, article.byte_size)
    stored.store_facts(settings.build_path, to_frames([]), [article], [late])
    _, extracted = run(settings)
    assert extracted == []
    assert [row["source_name"] for row in table(settings, "raw.rejected_articles")] == ["a.md"]


def test_another_extractor_version_reads_and_extracts_everything_again(settings: Settings) -> None:
    write(settings.articles_dir, "a.md", "trade")
    run(settings, "v1")
    report, extracted = run(settings, "v2")
    assert report.reset == "the extractor, its rules or reference data changed"
    assert (report.read, extracted) == (1, report.added)


@pytest.mark.parametrize(
    "changed",
    ["hotline/extract/rules/calls.yaml", "hotline/extract/calls/find.py", "hotline/text.py", "seeds/officials.csv"],
)
def test_the_extractor_version_follows_its_code_rules_and_reference_data(tmp_path: Path, changed: str) -> None:
    root = tmp_path / "project"
    for pattern in state.VERSION_SOURCES:
        for path in PROJECT_ROOT.glob(pattern):
            (root / path.relative_to(PROJECT_ROOT)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, root / path.relative_to(PROJECT_ROOT))
    seeds = root / "seeds"
    shutil.copytree(PROJECT_ROOT / "dbt_project" / "seeds", seeds)
    settings = Settings(articles_dir=tmp_path, warehouse_path=tmp_path / "w.duckdb")
    before = state.extractor_version(settings, root, seeds)
    assert state.extractor_version(settings, root, seeds) == before
    with (root / changed).open("a", encoding="utf-8") as handle:
        handle.write("\n")
    assert state.extractor_version(settings, root, seeds) != before
    assert state.extractor_version(settings.replace(max_article_bytes=10), root, seeds) != before


def test_the_data_key_changes_with_the_folder_only(settings: Settings) -> None:
    path = write(settings.articles_dir, "a.md", "trade")
    run(settings)
    key = built.data_key(settings.build_path)
    os.utime(path, ns=(4_000_000_000, 4_000_000_000))
    run(settings)
    assert built.data_key(settings.build_path) == key
    write(settings.articles_dir, "b.md", "security")
    run(settings)
    assert built.data_key(settings.build_path) != key


def test_a_changed_line_of_a_feed_extracts_that_line_alone(settings: Settings) -> None:
    lines = [
        {"title": f"Call about {topic}", "published_at": "2025-05-02", "text": CALL.format(title="", topic=topic)}
        for topic in ("trade", "security")
    ]
    feed = settings.articles_dir / "feed.jsonl"
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    run(settings)
    lines[1]["text"] = CALL.format(title="", topic="migration")
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    os.utime(feed, ns=(5_000_000_000, 5_000_000_000))
    report, extracted = run(settings)
    assert (report.read, len(report.added), len(report.removed)) == (1, 1, 1)
    assert extracted == report.added  # the unchanged line keeps its facts
    assert sorted(row["source_name"] for row in table(settings, "raw.articles")) == ["feed.jsonl#1", "feed.jsonl#2"]
    assert [(row["source_name"], row["reason"]) for row in table(settings, "raw.removed_articles")] == [
        ("feed.jsonl#2", "its file was changed")
    ]


def test_raw_tables_written_without_the_ingest_are_never_taken_as_unchanged(settings: Settings) -> None:
    built.write_meta(settings.build_path, published_key="x")
    assert built.data_key(settings.build_path) != built.data_key(settings.build_path)


def test_a_build_file_holding_the_raw_articles_as_a_table_is_reset() -> None:
    con = duckdb.connect()
    con.execute("create schema raw")
    con.execute("create schema state")
    con.execute("create table raw.articles (article_id varchar)")  # an older layout's table, not the view
    assert state._ensure_state(con, "v1") == "first run on this build file"
    kind = "select table_type from information_schema.tables where table_schema = 'raw' and table_name = 'articles'"
    assert con.execute(kind).fetchone() == ("VIEW",)
    assert state._ensure_state(con, "v2") == "the extractor, its rules or reference data changed"
    assert con.execute(kind).fetchone() == ("VIEW",)
