"""``hotline run`` again on the same warehouse: an unchanged folder builds nothing and says so; a deleted article
leaves the published marts and is listed in ``audit.removed_articles``; an unchanged dbt project leaves the seeds
and the unit tests out. The articles are those of ``test_pipeline.py`` (written by us).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest
from test_pipeline import write_articles

from hotline.config import DBT_PROJECT_DIR, Settings
from hotline.console import RunConsole
from orchestration import runner
from orchestration.manifest import DBT_RUNS_FOLDER, build_path_vars

Run = tuple[int, str]


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("incremental")
    write_articles(root / "articles")
    (root / "dagster_home").mkdir()
    (root / "dagster_home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    return Settings.from_env().replace(
        articles_dir=root / "articles", warehouse_path=root / "w" / "hotline.duckdb", dagster_home=root / "dagster_home"
    )


def run(settings: Settings) -> Run:
    out = io.StringIO()
    code = runner.run(settings, console=RunConsole(out=out, err=out))
    return code, out.getvalue()


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def dbt_results(settings: Settings) -> list[str]:
    """The unique ids of the nodes the last dbt build ran."""
    (folder,) = (settings.warehouse_path.parent / DBT_RUNS_FOLDER).iterdir()
    return [result["unique_id"] for result in json.loads((folder / "run_results.json").read_text())["results"]]


@pytest.fixture(scope="module")
def first(settings: Settings) -> Run:
    return run(settings)


def test_the_first_run_builds_everything(first: Run, settings: Settings) -> None:
    code, console = first
    assert code == runner.EXIT_OK, console
    nodes = dbt_results(settings)
    assert any(node.startswith("seed.") for node in nodes)
    assert not any(node.startswith("unit_test.") for node in nodes)  # a run leaves them to CI (below)


def test_the_dbt_unit_tests_pass_on_the_runs_build(first: Run, settings: Settings, tmp_path: Path) -> None:
    """dbt's unit tests (SQL on fixed rows) run here, in CI, as dbt Labs recommends, not in every run. In a process
    of its own: dbt-duckdb keeps its connection to the build file open in the process that ran it."""
    target = tmp_path / "target"
    args = ["test", "--select", "test_type:unit", "--project-dir", str(DBT_PROJECT_DIR)]
    args += ["--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(target)]
    dbt = Path(sys.executable).parent / "dbt"
    done = subprocess.run([str(dbt), *args, *build_path_vars(settings.build_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]
    results = json.loads((target / "run_results.json").read_text())["results"]
    statuses = [r["status"] for r in results if r["unique_id"].startswith("unit_test.")]
    assert len(statuses) >= 13
    assert set(statuses) == {"pass"}


def test_an_unchanged_folder_builds_nothing_and_says_so(first: Run, settings: Settings) -> None:
    published = settings.warehouse_path.stat()
    code, console = run(settings)
    assert code == runner.EXIT_OK, console
    assert "nothing changed since run" in console
    assert "Blocking asset check" not in console  # Dagster's engine notes go to the run log
    assert "0 of 4 files new or changed" in console
    assert f"{settings.warehouse_path} (unchanged)" in console
    after = settings.warehouse_path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (published.st_ino, published.st_mtime_ns)
    assert query(settings.warehouse_path, "select count(*) from marts.dim_articles") == [(2,)]


def test_a_deleted_article_leaves_the_marts_and_is_listed_as_removed(first: Run, settings: Settings) -> None:
    (gone,) = query(
        settings.warehouse_path, "select article_id from marts.dim_articles where source_name = 'carney_sheinbaum.md'"
    )
    (settings.articles_dir / "carney_sheinbaum.md").unlink()
    code, console = run(settings)
    assert code == runner.EXIT_OK, console
    assert "1 articles new, 0 removed" not in console
    assert "0 articles new, 1 removed" in console
    assert query(settings.warehouse_path, "select source_name from marts.dim_articles") == [("trump_sheinbaum.json",)]
    assert query(
        settings.warehouse_path,
        "select article_id, source_name, reason from audit.removed_articles",
    ) == [(gone[0], "carney_sheinbaum.md", "its file was deleted")]
    assert query(
        settings.warehouse_path,
        f"select count(*) from marts.fct_call_mentions where article_id = '{gone[0]}'",
    ) == [(0,)]
    nodes = dbt_results(settings)  # the dbt project did not change: no seeds, no unit tests, every other test
    assert not [node for node in nodes if node.startswith(("seed.", "unit_test."))]
    assert any(node.startswith("test.") and "fct_calls" in node for node in nodes)
    assert any(node.startswith("test.hotline.relationships_dim_officials_role") for node in nodes)  # mart vs seed


def test_dbt_docs_generate_while_a_run_writes(first: Run, settings: Settings) -> None:
    """`make docs` during a run: the run holds the warehouse lock and its build file open for writing (as dbt-duckdb
    does for the whole build); the docs are made from a copy of the published file, untouched by the run."""
    from hotline.cli import generate_docs
    from hotline.warehouse import writer_lock

    with writer_lock(settings), duckdb.connect(str(settings.build_path)) as writing:
        writing.execute("select 1")
        site = generate_docs(settings)
    page = (site / "static_index.html").read_text(encoding="utf-8")
    assert "fct_calls" in page
    assert not (site / settings.warehouse_path.name).exists()  # the copy is gone
