"""Shared set-up for the Dagster tests: the dbt manifest must exist before the definitions are imported."""

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import dagster as dg
import pytest

from hotline.config import DBT_PROJECT_DIR


def pytest_configure(config: pytest.Config) -> None:
    """``make test`` runs ``make manifest`` first; a bare ``pytest`` in a fresh clone parses here instead."""
    if (DBT_PROJECT_DIR / "target" / "manifest.json").exists():
        return
    dbt = Path(sys.executable).with_name("dbt")
    subprocess.run(  # from inside the project, as dagster-dbt runs it (seed paths are cwd-relative)
        [
            str(dbt),
            "parse",
            "--quiet",
            "--project-dir",
            str(DBT_PROJECT_DIR),
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
        ],
        check=True,
        cwd=DBT_PROJECT_DIR,
        env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"},
    )


PipelineEnv = Callable[[Path], contextlib.AbstractContextManager[dg.DagsterInstance]]


@pytest.fixture(scope="module")
def pipeline_env() -> PipelineEnv:
    """``with pipeline_env(root) as instance``: settings for a whole-pipeline run under ``root`` (articles in
    ``root/articles``, the warehouse and DAGSTER_HOME beside them), and the Dagster instance to run it in."""

    @contextlib.contextmanager
    def activate(root: Path) -> Iterator[dg.DagsterInstance]:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("HOTLINE_ARTICLES_DIR", str(root / "articles"))
            env.setenv("HOTLINE_WAREHOUSE_PATH", str(root / "warehouse" / "hotline.duckdb"))
            env.setenv("DAGSTER_HOME", str(root / "dagster_home"))
            (root / "dagster_home").mkdir()
            (root / "dagster_home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
            with dg.DagsterInstance.get() as instance:
                yield instance

    return activate
