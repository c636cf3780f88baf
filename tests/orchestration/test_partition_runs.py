"""Extraction in hash buckets through Dagster (issue 17, point 3): ingest and extract give the same ``raw`` tables
with 1 bucket and with 3 (the marts are built from nothing else), and an incremental run with buckets still
replaces a changed file's facts and drops a deleted file's; with ``make test-spark``, two whole ``hotline run``s
publish identical marts. Corpus: the seed articles (``seeds/``) and 200 generated ones (``hotline.generate``, seed
0, with their bad files); runs in-process, one bucket after another.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from hotline.articles import load_corpus
from hotline.config import PROJECT_ROOT, Settings
from hotline.console import RunConsole
from hotline.generate import generate_corpus
from hotline.normalize import FACT_TABLES, extracted_frames
from orchestration import runner
from orchestration.assets.extract import extract_facts
from orchestration.assets.ingest import ingest_articles
from orchestration.resources import WarehouseResource

GENERATED = 200


@pytest.fixture(scope="module")
def articles_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("buckets")
    shutil.copytree(PROJECT_ROOT / "seeds", root / "articles")
    generate_corpus(GENERATED, root / "generated", seed=0)
    (root / "generated" / "articles").rename(root / "articles" / "generated")
    return root / "articles"


def settings_for(articles_dir: Path, name: str) -> Settings:
    root = articles_dir.parent / name
    (root / "dagster_home").mkdir(parents=True)
    (root / "dagster_home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    return Settings.from_env().replace(
        articles_dir=articles_dir, warehouse_path=root / "hotline.duckdb", dagster_home=root / "dagster_home"
    )


def run_with_buckets(settings: Settings, buckets: int) -> str:
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HOTLINE_EXTRACT_PARTITIONS", str(buckets))
        code = runner.run(settings, console=RunConsole(out=out, err=out))
    assert code == runner.EXIT_OK, out.getvalue()
    return out.getvalue()


def extract_with_buckets(settings: Settings, buckets: int) -> dg.ExecuteInProcessResult:
    """Ingest and extract only (dbt reads nothing else than ``raw.*`` and the seeds)."""
    resource = WarehouseResource(
        articles_dir=str(settings.articles_dir), warehouse_path=str(settings.warehouse_path), engine="duckdb"
    )
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HOTLINE_EXTRACT_PARTITIONS", str(buckets))
        result = dg.materialize([ingest_articles, extract_facts], resources={"warehouse": resource})
    assert result.success
    return result


def bucket_steps(result: dg.ExecuteInProcessResult) -> list[str]:
    return sorted(
        event.step_key
        for event in result.all_events
        if event.event_type == dg.DagsterEventType.STEP_START and ".extract_bucket[" in (event.step_key or "")
    )


def differing_rows(con: duckdb.DuckDBPyConnection, left: str, right: str) -> list[tuple[object, ...]]:
    """Rows of ``left`` not in ``right`` and the other way round, counted (EXCEPT ALL both ways)."""
    return [
        con.execute(f"select count(*) from (from {a} except all from {b})").fetchall()[0]
        for a, b in ((left, right), (right, left))
    ]


@pytest.fixture(scope="module")
def one_bucket(articles_dir: Path) -> Settings:
    settings = settings_for(articles_dir, "one")
    assert bucket_steps(extract_with_buckets(settings, 1)) == ["extract_facts.extract_bucket[bucket_00]"]
    return settings


@pytest.fixture(scope="module")
def three_buckets(articles_dir: Path) -> Settings:
    settings = settings_for(articles_dir, "three")
    steps = bucket_steps(extract_with_buckets(settings, 3))
    assert steps == [f"extract_facts.extract_bucket[bucket_0{i}]" for i in range(3)]
    return settings


def test_the_raw_tables_are_identical_with_one_and_three_buckets(one_bucket: Settings, three_buckets: Settings) -> None:
    """What dbt builds the marts from: the articles and every fact table, row for row."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{one_bucket.build_path}' as one (read_only)")
        con.execute(f"attach '{three_buckets.build_path}' as three (read_only)")
        for table in ("articles", *FACT_TABLES):
            rows = con.execute(f"select count(*) from one.raw.{table}").fetchall()[0][0]
            assert rows > 0, table
            assert differing_rows(con, f"one.raw.{table}", f"three.raw.{table}") == [(0,), (0,)], table
    finally:
        con.close()


def test_an_incremental_run_with_buckets_replaces_a_changed_file_and_drops_a_deleted_one(
    three_buckets: Settings,
) -> None:
    """Ingest and extract again (dbt reads only ``raw.*``): the raw fact tables then hold exactly what extracting
    the folder from scratch gives, and only the changed file's article was extracted."""
    folder = three_buckets.articles_dir
    before = load_corpus(folder, three_buckets.max_article_bytes).articles
    names = sorted(a.source_name for a in before if a.source_name.startswith("generated/") and a.source_format == "txt")
    changed, deleted = folder / names[0], folder / names[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nThis paragraph was added later.\n", "utf-8")
    deleted.unlink()
    result = extract_with_buckets(three_buckets, 3)
    stored = [m for m in result.get_asset_materialization_events() if m.asset_key.path[0] == "raw"]
    extracted = {
        m.materialization.metadata["articles_extracted"].value for m in stored if m.asset_key.path[1] in FACT_TABLES
    }
    assert extracted == {1}

    expected = extracted_frames(load_corpus(folder, three_buckets.max_article_bytes).articles)
    con = duckdb.connect(str(three_buckets.build_path), read_only=True)
    try:
        for table in FACT_TABLES:
            con.register("expected", expected[table].to_arrow())
            assert differing_rows(con, f"raw.{table}", "expected") == [(0,), (0,)], table
            con.unregister("expected")
        reasons = dict(con.execute("select source_name, reason from raw.removed_articles").fetchall())
    finally:
        con.close()
    assert reasons == {names[0]: "its file was changed", names[1]: "its file was deleted"}


@pytest.mark.spark  # minutes: two whole runs; with the scale-out proofs of `make test-spark`, not in `make test`
def test_every_mart_is_identical_with_one_and_three_buckets(articles_dir: Path) -> None:
    runs = {}
    for buckets in (1, 3):
        settings = settings_for(articles_dir, f"run_{buckets}")
        console = run_with_buckets(settings, buckets)
        assert "✓ extract" in console
        runs[buckets] = settings.warehouse_path
    con = duckdb.connect()
    try:
        con.execute(f"attach '{runs[1]}' as one (read_only)")
        con.execute(f"attach '{runs[3]}' as three (read_only)")
        tables = con.execute(
            "select table_name from information_schema.tables where table_catalog = 'one' "
            "and table_schema = 'marts' order by 1"
        ).fetchall()
        assert len(tables) >= 13
        for (table,) in tables:
            assert differing_rows(con, f"one.marts.{table}", f"three.marts.{table}") == [(0,), (0,)], table
    finally:
        con.close()
