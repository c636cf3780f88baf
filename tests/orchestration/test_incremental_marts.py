"""Incremental marts (dbt_project/macros/incremental.sql) give what a full build gives: a warehouse built from part
of a generated corpus, then run again after articles were added, deleted, renamed and changed, publishes every
mart row for row as a build from scratch of the same folder. The corpus is generated (hotline.generate): many
articles of the same leader pairs, so calls are told by several articles. The second run resolves again only the
pairs those changes touched (the calls of the others stay as built), publishes onto the file the first published
(only the rows that differ) and validates the row-local rules on the rows that file lacks.
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


def resolutions(settings: Settings) -> dict[str, int]:
    """Mentions per dbt invocation that last resolved their pair (int_call_mentions_grouped_to_calls.resolved_in)."""
    con = duckdb.connect(str(settings.build_path), read_only=True)
    try:
        rows = con.execute(
            "select resolved_in, count(*) from intermediate.int_call_mentions_grouped_to_calls group by 1"
        ).fetchall()
        return dict(rows)
    finally:
        con.close()


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


def pair_told_only_by(truth: Path, names: set[str]) -> set[str]:
    """The names of the articles of a leader pair (from the corpus's truth) that only articles in ``names`` tell."""
    told: dict[frozenset[str], set[str]] = {}
    for call in json.loads(truth.read_text(encoding="utf-8"))["calls"]:
        told.setdefault(frozenset(call["participants"]), set()).update(
            Path(article["name"]).name for article in call["articles"]
        )
    others = [articles for articles in told.values() if not articles <= names]
    alone = [articles for articles in told.values() if articles <= names and not any(articles & o for o in others)]
    assert alone, "the corpus has no pair told only by the first articles"
    return min(alone, key=lambda articles: (len(articles), sorted(articles)))


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Settings, int]:
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
    gone = pair_told_only_by(root / "corpus" / "truth.json", {path.name for path in kept})
    for path in kept:
        if path.name in gone:  # every article of a pair deleted: its calls leave
            path.unlink()
    kept = [path for path in kept if path.name not in gone]
    kept[0].unlink()  # deleted: its rows leave
    kept[1].rename(kept[1].with_name("renamed-" + kept[1].name))  # same article, another source_name
    txt = next(path for path in kept[2:] if path.suffix == ".txt")
    txt.write_text(txt.read_text(encoding="utf-8") + "\nThe two leaders will speak again.\n", encoding="utf-8")
    run(incremental)
    assert not full_refresh(incremental)
    # the pairs none of those changes touched kept what the first build resolved: only the others were resolved again
    assert len(resolutions(incremental)) == 2, resolutions(incremental)

    scratch = settings_for(root, articles, "scratch")
    run(scratch)
    return incremental, scratch, len(gone) + 1


def test_incremental_marts_equal_a_build_from_scratch(builds: tuple[Settings, Settings, int]) -> None:
    incremental, scratch, deleted = builds
    added_to, built = marts(incremental.warehouse_path), marts(scratch.warehouse_path)
    assert set(added_to) == set(built)
    assert len(built["dim_articles"]) == ARTICLES - deleted
    assert any(row for row in built["fct_calls"])
    for table, rows in built.items():
        assert added_to[table] == rows, table


def compiled_test(settings: Settings, test: str) -> tuple[str, str]:
    """The SQL dbt ran for a test of fct_calls in the last build, and that build's invocation id."""
    (folder,) = (settings.warehouse_path.parent / DBT_RUNS_FOLDER).iterdir()
    invocation = json.loads((folder / "run_results.json").read_text())["metadata"]["invocation_id"]
    sql = folder / "compiled" / "hotline" / "models" / "marts" / "fct_calls.yml" / f"{test}.sql"
    return sql.read_text(encoding="utf-8"), invocation


def test_the_row_local_tests_of_an_incremental_build_read_the_calls_it_wrote(
    builds: tuple[Settings, Settings, int],
) -> None:
    """dbt_project/macros/tested_rows.sql: a row-local test of a mart incremental by call reads the calls resolved
    in this build (the others passed it in the build that wrote them); a whole-table test reads every row, and a
    build from scratch tests every row."""
    incremental, scratch, _ = builds
    sql, invocation = compiled_test(incremental, "fct_calls_not_null")
    assert f"where resolved_in = '{invocation}'" in sql
    assert "resolved_in" not in compiled_test(incremental, "unique_fct_calls_call_id")[0]
    assert "resolved_in" not in compiled_test(scratch, "fct_calls_not_null")[0]
    assert invocation in resolutions(incremental)  # the pairs this build resolved again: their calls were tested


def test_the_not_null_test_counts_the_nulls_of_each_column(
    builds: tuple[Settings, Settings, int], tmp_path: Path
) -> None:
    """dbt_project/tests/generic/not_null_columns.sql counts nulls from each column's validity (count(*) - count(x),
    which DuckDB answers without reading an article's text): the SQL dim_articles' test ran, on a copy of that build
    with two texts and a content hash emptied, names each column with its nulls."""
    _, scratch, _ = builds
    (folder,) = (scratch.warehouse_path.parent / DBT_RUNS_FOLDER).iterdir()
    sql = folder / "compiled" / "hotline" / "models" / "marts" / "dim_articles.yml" / "dim_articles_not_null.sql"
    copy = tmp_path / scratch.build_path.name  # the same file name: the same database name as the compiled SQL
    shutil.copyfile(scratch.build_path, copy)
    con = duckdb.connect(str(copy))
    try:
        assert con.execute(sql.read_text(encoding="utf-8")).fetchall() == []
        ids = [row[0] for row in con.execute("select article_id from marts.dim_articles order by 1 limit 2").fetchall()]
        con.execute("update marts.dim_articles set text = null where article_id in (?, ?)", ids)
        con.execute("update marts.dim_articles set content_hash = null where article_id = ?", ids[:1])
        failures = con.execute(sql.read_text(encoding="utf-8")).fetchall()
    finally:
        con.close()
    assert sorted(failures) == [("content_hash", 1), ("text", 2)]
