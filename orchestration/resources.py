"""Resources: the warehouse (paths from hotline.config, every write behind the lock) and the dbt CLI."""

import contextlib
import datetime as dt
import functools
import importlib.metadata
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import dagster as dg
import polars as pl
from dagster_dbt import DbtCliResource
from packaging.version import Version
from pydantic import Field, PrivateAttr

from hotline import quality, spark, warehouse
from hotline.config import Settings
from hotline.facts import Article, Rejection
from hotline.ingest import built, extracted, state
from hotline.schemas import RAW_TABLES
from orchestration import runs
from orchestration.project import hotline_dbt_project


def _default(name: str) -> Callable[[], str]:
    """The value of ``Settings.from_env().<name>`` when the definitions load: the default a run starts from."""
    return lambda: str(getattr(Settings.from_env(), name))


class WarehouseResource(dg.ConfigurableResource):
    """Where the articles are and where the warehouse goes.

    The defaults are ``hotline.config.Settings``' when the definitions load (``HOTLINE_ARTICLES_DIR``, default
    ``seeds/``; ``HOTLINE_WAREHOUSE_PATH``, default ``warehouse/hotline.duckdb``), so a fresh clone needs no
    configuration; a run may set either in its config (``hotline run --articles/--warehouse`` does). The other
    settings (limits, timeouts) come from ``Settings`` as they are.
    """

    articles_dir: str = Field(default_factory=_default("articles_dir"), description="Folder of articles.")
    warehouse_path: str = Field(
        default_factory=_default("warehouse_path"), description="The published DuckDB file BI tools read."
    )
    engine: str = Field(default_factory=_default("engine"), description="What dbt builds on: duckdb or spark.")

    _run_lock: contextlib.ExitStack | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        """Hold the write lock for a whole run, so two runs never interleave their steps.

        Runs execute in one process (``in_process_executor``), so this is set up once per run; the
        assets take the same lock again around each write (it is re-entrant), which also covers a step
        launched some other way. Sensors get the resource without a run and take no lock.
        """
        if context.dagster_run is not None:
            if context.instance is not None:
                runs.record_process(context.instance, context.dagster_run.run_id, self.settings().articles_dir)
                runs.fail_orphaned_runs(context.instance)
            stack = contextlib.ExitStack()
            stack.enter_context(warehouse.writer_lock(self.settings()))
            self._run_lock = stack

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._run_lock is not None:
            self._run_lock.close()
            self._run_lock = None

    def settings(self) -> Settings:
        return Settings.from_env().replace(
            articles_dir=Path(self.articles_dir), warehouse_path=Path(self.warehouse_path), engine=self.engine
        )

    @contextlib.contextmanager
    def lock(self) -> Iterator[Path]:
        """The warehouse write lock (re-entrant within one process)."""
        with warehouse.writer_lock(self.settings()) as path:
            yield path

    def write_raw_tables(self, frames: Mapping[str, pl.DataFrame]) -> dict[str, int]:
        settings = self.settings()
        with self.lock():
            counts = warehouse.write_raw_tables(settings.build_path, frames)
            if settings.engine == "spark":  # also as partitioned Parquet, the raw tables of the Spark build
                spark.export_raw_tables(settings, frames)
            return counts

    def read_build_table(
        self, qualified_name: str, columns: list[str] | None = None, limit: int | None = None
    ) -> pl.DataFrame:
        return warehouse.read_table(self.settings().build_path, qualified_name, columns, limit)

    def ingest(self, version: str, on_progress: Callable[[int], None]) -> state.IngestReport:
        """The incremental ingest (:func:`hotline.ingest.state.ingest`) under the lock."""
        with self.lock():
            report = state.ingest(self.settings(), version, on_progress=on_progress)
            self._export_for_spark()
            return report

    def store_facts(self, facts: Mapping[str, pl.DataFrame], attempted: list[Article], late: list[Rejection]) -> int:
        """Add newly extracted facts (:func:`hotline.ingest.extracted.store_facts`) under the lock."""
        with self.lock():
            rejected = extracted.store_facts(self.settings().build_path, facts, attempted, late)
            self._export_for_spark()
            return rejected

    def pending_articles(self) -> list[Article]:
        return extracted.pending_articles(self.settings().build_path)

    def fact_counts(self) -> dict[str, int]:
        return extracted.fact_counts(self.settings().build_path)

    def article_count(self) -> int:
        return extracted.article_count(self.settings().build_path)

    def _export_for_spark(self) -> None:
        """On Spark every raw table is exported whole after each write (no incremental path there)."""
        settings = self.settings()
        if settings.engine == "spark":
            spark.export_raw_tables(settings, RAW_TABLES)

    def validate(self, suite: str, table: str, run_id: str) -> quality.SuiteResult:
        """Run one suite on one table of the build file and record it in ``audit.validation_results``. The published
        file, when it is the one the last publish wrote under these rules, spares the rows it holds a row-local
        rule (:attr:`hotline.quality.Suite.row_local`)."""
        settings = self.settings()
        published = settings.warehouse_path
        stamped = built.read_meta(settings.build_path, "published_file") == warehouse.file_stamp(published)
        passed = stamped and built.read_meta(settings.build_path, "published_rules") == quality.rules_key()
        result = quality.validate_table(settings.build_path, suite, table, published if passed else None)
        frame = quality.results_frame([result], dt.datetime.now(dt.UTC), run_id)
        with self.lock():
            warehouse.record_validation(self.settings().build_path, frame)
        return result


def dbt_executable() -> str:
    """The ``dbt`` installed next to this Python (the venv's), so nothing depends on PATH."""
    beside = Path(sys.executable).with_name("dbt")
    return str(beside) if beside.exists() else "dbt"


class HotlineDbtCliResource(DbtCliResource):
    """dagster-dbt's dbt CLI resource without two start-up costs that buy nothing here (4 to 6 s a run).

    * It runs ``dbt --version`` in a subprocess to learn the CLI's version: the CLI is the venv's own dbt, so the
      installed dbt-core's version is the answer.
    * It builds a dbt adapter in this process before every command, used only to fetch column metadata or row
      counts from the warehouse (``fetch_column_metadata``), which our assets do not ask for.
    """

    @functools.cached_property
    def _cli_version(self) -> Version:
        return Version(importlib.metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args: Sequence[str]) -> Any:
        return None


def dbt_resource() -> DbtCliResource:
    return HotlineDbtCliResource(project_dir=hotline_dbt_project, dbt_executable=dbt_executable())
