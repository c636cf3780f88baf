"""Ingest, extraction and the raw load in batches (issue 16: memory flat in corpus size): the build file holds the
same rows whether the files are read, extracted and stored in one batch or in many, on a first run and on an
incremental one (a file changed, one deleted, one added, a duplicate).

Articles: the seed corpus (``seeds/``) and short ones written by us, with a JSONL feed and a bad file.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from hotline.config import PROJECT_ROOT, Settings
from hotline.facts import Article
from hotline.ingest import extracted, partitions, state
from hotline.warehouse import read_table

CALL = "{title}\nMexican President Claudia Sheinbaum said on Thursday that she spoke by phone with President {who}.\n"
TABLES = (
    *(f"raw.{table}" for table in ("articles", "removed_articles", "rejected_articles")),
    *(f"raw.{table}" for table in state.FACT_TABLES),
    *(f"state.{table}" for table in ("files", "parsed", "rejections", "extracted")),
)
CLOCKS = ("rejected_at", "removed_at", "mtime_ns", "ctime_ns")
"""Columns that hold the time of a run or of a file, not what was read."""


def folder_of_articles(root: Path) -> Path:
    articles = root / "articles"
    shutil.copytree(PROJECT_ROOT / "seeds", articles)
    for n, who in enumerate(("Donald Trump", "Joe Biden", "Lula da Silva")):
        (articles / f"written_{n}.txt").write_text(CALL.format(title=f"Call {n}", who=who), encoding="utf-8")
    feed = [
        {"title": f"Feed {n}", "published_at": "2025-05-02", "text": CALL.format(title="", who=who)}
        for n, who in enumerate(("Gustavo Petro", "Javier Milei"))
    ]
    (articles / "feed.jsonl").write_text("".join(json.dumps(line) + "\n" for line in feed), encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    shutil.copy(articles / "written_0.txt", articles / "written_0_copy.txt")
    return articles


def run(settings: Settings) -> int:
    """Ingest, then extract and store as the pipeline does (a stream of pending articles, parts); returns the parts."""
    state.ingest(settings, "v1")
    plan = partitions.plan_buckets(
        extracted.iter_pending_articles(settings.build_path, batch_rows=2), 2, settings.build_path.parent / "x", 0, 1
    )
    for bucket in plan:
        partitions.extract_bucket(bucket)
    stored = 0
    for part in partitions.gather_parts(plan):
        extracted.store_facts(settings.build_path, part.facts, part.attempted, part.late)
        stored += 1
    return stored


def contents(settings: Settings) -> dict[str, list[dict[str, object]]]:
    """Every table's rows, without its clock columns, in a fixed order."""
    out = {}
    for name in TABLES:
        frame = read_table(settings.build_path, name)
        frame = frame.drop([column for column in CLOCKS if column in frame.columns])
        out[name] = frame.sort(frame.columns, nulls_last=True).to_dicts()
    return out


def change_the_folder(articles: Path) -> None:
    (articles / "written_1.txt").write_text(CALL.format(title="Call 1", who="Emmanuel Macron"), encoding="utf-8")
    os.utime(articles / "written_1.txt", ns=(2_000_000_000, 2_000_000_000))
    (articles / "written_2.txt").unlink()
    (articles / "written_0.txt").unlink()  # its copy takes over
    (articles / "written_3.txt").write_text(CALL.format(title="Call 3", who="Pedro Sánchez"), encoding="utf-8")


def test_many_batches_store_what_one_batch_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = folder_of_articles(tmp_path)
    one = Settings(articles_dir=articles, warehouse_path=tmp_path / "one" / "hotline.duckdb")
    many = Settings(articles_dir=articles, warehouse_path=tmp_path / "many" / "hotline.duckdb")
    assert run(one) == 2  # one part per bucket
    with monkeypatch.context() as small:
        small.setattr(state, "INGEST_BATCH_CHARS", 1)  # every file its own batch
        small.setattr(partitions, "PART_ARTICLES", 2)
        assert run(many) > 4
        first = contents(many)
        assert first == contents(one)
        assert len(first["raw.articles"]) == 10
        assert len(first["raw.call_mentions"]) >= 10
        change_the_folder(articles)
        run(many)
    run(one)
    after = contents(many)
    assert after == contents(one)
    assert after != first
    assert sorted(row["reason"] for row in after["raw.removed_articles"]) == [
        "its file was changed",
        "its file was deleted",
    ]


def test_an_ingest_stopped_half_way_is_finished_right_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = folder_of_articles(tmp_path)
    clean = Settings(articles_dir=articles, warehouse_path=tmp_path / "clean" / "hotline.duckdb")
    stopped = Settings(articles_dir=articles, warehouse_path=tmp_path / "stopped" / "hotline.duckdb")
    run(clean)
    run(stopped)
    change_the_folder(articles)
    feed = articles / "feed.jsonl"  # same text, a new date: its facts are made again
    feed.write_text(feed.read_text(encoding="utf-8").replace("2025-05-02", "2025-05-03"), encoding="utf-8")
    os.utime(feed, ns=(3_000_000_000, 3_000_000_000))
    read = state.read_hashed

    def fails_on_the_last_file(path: Path, name: str, *args: object, **kwargs: object) -> object:
        if name == "written_3.txt":  # after the batches of the files before it were committed
            raise OSError("the disk went away")
        return read(path, name, *args, **kwargs)

    with monkeypatch.context() as broken:
        broken.setattr(state, "INGEST_BATCH_CHARS", 1)
        broken.setattr(state, "read_hashed", fails_on_the_last_file)
        with pytest.raises(OSError, match="the disk went away"):
            state.ingest(stopped, "v1")
    again = state.ingest(stopped, "v1")
    report = state.ingest(clean, "v1")
    assert (again.added, again.removed) == (report.added, report.removed)
    assert len(again.removed) == 2
    for settings in (clean, stopped):
        plan = partitions.plan_buckets(extracted.iter_pending_articles(settings.build_path), 1, tmp_path / "x", 0, 1)
        partitions.extract_bucket(plan[0])
        for part in partitions.gather_parts(plan):
            extracted.store_facts(settings.build_path, part.facts, part.attempted, part.late)
    assert contents(stopped) == contents(clean)


@pytest.mark.parametrize(
    ("texts", "timeout", "extracted_here", "starts"),
    [
        (["first", "second", "third"], 5.0, True, 1),  # once, with the first article
        ([], 5.0, True, 0),  # nothing to extract
        (["first"], 0.0, True, 0),  # no budget: extracted in this process, no workers
        (["first"], 5.0, False, 0),  # the buckets go to other processes
    ],
)
def test_the_plan_gets_the_extraction_workers_ready_when_they_will_run_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, texts: list[str], timeout: float, extracted_here: bool, starts: int
) -> None:
    started: list[int] = []
    monkeypatch.setattr(partitions, "start_workers_early", lambda: started.append(1))
    articles = [
        Article(f"{n:016x}", f"a{n}.txt", "txt", text, text, "0" * 64, "utf-8", len(text))
        for n, text in enumerate(texts)
    ]
    plan = partitions.plan_buckets(iter(articles), 1, tmp_path / "x", timeout, 2, extracted_here=extracted_here)
    assert len(started) == starts
    assert sum(bucket.articles for bucket in plan) == len(texts)
