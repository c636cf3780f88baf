"""Resources: the warehouse (paths from hotline.config, every write behind the lock) and the dbt CLI."""

import contextlib
import dataclasses
import datetime as dt
import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import dagster as dg
import polars as pl
from dagster_dbt import DbtCliResource
from pydantic import Field, PrivateAttr

from hotline import quality, warehouse
from hotline.config import Settings
from orchestration import runs
from orchestration.project import hotline_dbt_project


class WarehouseResource(dg.ConfigurableResource):
    """Where the articles are and where the warehouse goes.

    Empty fields fall back to ``hotline.config.Settings.from_env()`` when a step runs
    (``HOTLINE_ARTICLES_DIR``, default ``seeds/``; ``HOTLINE_WAREHOUSE_PATH``, default
    ``warehouse/hotline.duckdb``), so a fresh clone needs no configuration.
    """

    articles_dir: str = Field(default="", description="Folder of articles; empty: HOTLINE_ARTICLES_DIR.")
    warehouse_path: str = Field(
        default="", description="Published DuckDB file BI tools read; empty: HOTLINE_WAREHOUSE_PATH."
    )

    _run_lock: contextlib.ExitStack | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        """Hold the write lock for a whole run, so two runs never interleave their steps.

        Runs execute in one process (``in_process_executor``), so this is set up once per run; the
        assets take the same lock again around each write (it is re-entrant), which also covers a step
        launched some other way. Sensors get the resource without a run and take no lock.
        """
        if context.dagster_run is not None:
            if context.instance is not None:
                runs.record_process(context.instance, context.dagster_run.run_id)
                runs.fail_orphaned_runs(context.instance)
            stack = contextlib.ExitStack()
            stack.enter_context(warehouse.writer_lock(self.settings()))
            self._run_lock = stack

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._run_lock is not None:
            self._run_lock.close()
            self._run_lock = None

    def settings(self) -> Settings:
        settings = Settings.from_env()
        changes: dict[str, Path] = {}
        if self.articles_dir:
            changes["articles_dir"] = Path(self.articles_dir).resolve()
        if self.warehouse_path:
            changes["warehouse_path"] = Path(self.warehouse_path).resolve()
        return dataclasses.replace(settings, **changes) if changes else settings

    @contextlib.contextmanager
    def lock(self) -> Iterator[Path]:
        """The warehouse write lock (re-entrant within one process)."""
        with warehouse.writer_lock(self.settings()) as path:
            yield path

    @contextlib.contextmanager
    def dbt_env(self) -> Iterator[Path]:
        """Point dbt's profile (``env_var('HOTLINE_BUILD_PATH')``) at the build file for the duration."""
        build_path = self.settings().build_path
        build_path.parent.mkdir(parents=True, exist_ok=True)
        previous = os.environ.get("HOTLINE_BUILD_PATH")
        os.environ["HOTLINE_BUILD_PATH"] = str(build_path)
        try:
            yield build_path
        finally:
            if previous is None:
                os.environ.pop("HOTLINE_BUILD_PATH", None)
            else:
                os.environ["HOTLINE_BUILD_PATH"] = previous

    def write_raw_tables(self, frames: Mapping[str, pl.DataFrame]) -> dict[str, int]:
        with self.lock():
            return warehouse.write_raw_tables(self.settings().build_path, frames)

    def read_build_table(self, qualified_name: str) -> pl.DataFrame:
        return warehouse.read_table(self.settings().build_path, qualified_name)

    def validate(self, suite: str, table: str, run_id: str) -> quality.SuiteResult:
        """Run one suite on one table of the build file and record it in ``audit.validation_results``."""
        result = quality.validate_table(self.settings().build_path, suite, table)
        frame = quality.results_frame([result], dt.datetime.now(dt.UTC), run_id)
        with self.lock():
            warehouse.record_validation(self.settings().build_path, frame)
        return result


def dbt_executable() -> str:
    """The ``dbt`` installed next to this Python (the venv's), so nothing depends on PATH."""
    beside = Path(sys.executable).with_name("dbt")
    return str(beside) if beside.exists() else "dbt"


def dbt_resource() -> DbtCliResource:
    return DbtCliResource(project_dir=hotline_dbt_project, dbt_executable=dbt_executable())
