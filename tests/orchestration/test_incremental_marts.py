"""Incremental marts (dbt_project/macros/incremental.sql) give what a full build gives: a warehouse built from part
of a generated corpus, then run again after articles were added, deleted, renamed and changed, publishes every
mart row for row as a build from scratch of the same folder. The corpus is generated (hotline.generate): many
articles of the same leader pairs, so calls are told by several articles.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from hotline.config import Settings
from hotline.console import RunConsole
from hotline.generate import generate_corpus
from orchestration import runner
from orchestration.manifest import DBT_RUNS_FOLDER

ARTICLES = 36


def settings_for(root: Path, articles: Path, name: str) -> Settings:
    home = root / f"dagster_home_{name}"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    return Settings.from_env().replace(
        articles_dir=articles, warehouse_path=root / name / "hotline.duckdb", dagster_home=home
    )


def run(settings: Settings) -> None:
    out = io.StringIO()
    code = runner.run(settings, console=RunConsole(out=out, err=out))
    assert code == runner.EXIT_OK, out.getvalue()[-3000:]


def full_refresh(settings: Settings) -> bool:
    (folder,) = (settings.warehouse_path.parent / DBT_RUNS_FOLDER).iterdir()
    return "--full-refresh" in json.loads((folder / "run_results.json").read_text())["args"]["invocation_command"]


def marts(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of schema marts, sorted."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [
            row[0]
            for row in con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()
        ]
        return {table: sorted(con.execute(f"select * from marts.{table}").fetchall(), key=repr) for table in tables}
    finally:
        con.close()


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Settings]:
    root = tmp_path_factory.mktemp("incremental_marts")
    generate_corpus(ARTICLES, root / "corpus", seed=7, bad_share=0.0, formats=("txt", "md"), processes=1)
    files = sorted(path for path in (root / "corpus" / "articles").rglob("*") if path.is_file())
    articles = root / "articles"
    for path in files[: ARTICLES * 2 // 3]:
        target = articles / path.relative_to(root / "corpus" / "articles")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    incremental = settings_for(root, articles, "incremental")
    run(incremental)
    assert full_refresh(incremental)  # the first build has nothing to add to

    kept = sorted(path for path in articles.rglob("*") if path.is_file())
    for path in files[ARTICLES * 2 // 3 :]:  # added
        target = articles / path.relative_to(root / "corpus" / "articles")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    kept[0].unlink()  # deleted: its rows leave
    kept[1].rename(kept[1].with_name("renamed-" + kept[1].name))  # same article, another source_name
    txt = next(path for path in kept[2:] if path.suffix == ".txt")
    txt.write_text(txt.read_text(encoding="utf-8") + "\nThe two leaders will speak again.\n", encoding="utf-8")
    run(incremental)
    assert not full_refresh(incremental)

    scratch = settings_for(root, articles, "scratch")
    run(scratch)
    return incremental, scratch


def test_incremental_marts_equal_a_build_from_scratch(builds: tuple[Settings, Settings]) -> None:
    incremental, scratch = builds
    added_to, built = marts(incremental.warehouse_path), marts(scratch.warehouse_path)
    assert set(added_to) == set(built)
    assert len(built["dim_articles"]) == ARTICLES - 1
    assert any(row for row in built["fct_calls"])
    for table, rows in built.items():
        assert added_to[table] == rows, table
