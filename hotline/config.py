"""Settings: every HOTLINE_* environment variable and its default, in one place.

Dagster resources, the CLI and the tests all read from :class:`Settings`; a fresh clone works with no
environment at all (articles from ``seeds/``, the warehouse at ``warehouse/hotline.duckdb``).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
REFERENCE_DIR = DBT_PROJECT_DIR / "seeds"
RULES_DIR = Path(__file__).resolve().parent / "extract" / "rules"


def _path(env: Mapping[str, str], name: str, default: Path) -> Path:
    value = env.get(name)
    return _absolute(Path(value) if value else default)


def _absolute(path: Path) -> Path:
    return path if path.is_absolute() else (Path.cwd() / path).resolve()


@dataclass(frozen=True)
class Settings:
    """Where things are and the limits the pipeline enforces."""

    articles_dir: Path
    warehouse_path: Path
    max_article_bytes: int = 2_000_000
    storage_compatibility_version: str = "v1.0.0"
    lock_timeout_seconds: float = 30.0
    processes: int = 1
    eval_dir: Path = PROJECT_ROOT / "tests" / "eval" / "test"
    article_timeout_seconds: float = 5.0
    """Longest extraction of one article before it is rejected and the run goes on; 0 means no limit."""
    dagster_home: Path = PROJECT_ROOT / "warehouse" / "dagster_home"
    """Dagster's run history (``DAGSTER_HOME``, Dagster's own variable); the run logs go to ``logs/`` in it."""
    engine: str = "duckdb"
    """What dbt builds on (``HOTLINE_ENGINE``): ``duckdb``, or ``spark`` (hotline/spark.py; needs ``.[dev]``)."""
    extract_partitions: int = 1
    """Hash buckets the extraction is split into (``HOTLINE_EXTRACT_PARTITIONS``), one step each; see
    :mod:`hotline.ingest.partitions`."""

    @property
    def build_path(self) -> Path:
        """The private file dbt and the assets write; published onto ``warehouse_path`` when checks pass."""
        return self.warehouse_path.with_name(self.warehouse_path.stem + ".build.duckdb")

    @property
    def lock_path(self) -> Path:
        return self.warehouse_path.with_name("." + self.warehouse_path.name + ".lock")

    @property
    def exports_dir(self) -> Path:
        """Where the published marts are exported as files, one folder per format (``exports/parquet``)."""
        return self.warehouse_path.parent / "exports"

    @property
    def report_dir(self) -> Path:
        """The HTML report with its charts, rendered from the published file."""
        return self.warehouse_path.parent / "report"

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes``; a change of ``None`` keeps the current value (an option the user did not give
        falls back to the environment), and a relative path is taken from the current folder."""
        given = {
            name: _absolute(value) if isinstance(value, Path) else value
            for name, value in changes.items()
            if value is not None
        }
        return dataclasses.replace(self, **given)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        return cls(
            articles_dir=_path(env, "HOTLINE_ARTICLES_DIR", PROJECT_ROOT / "seeds"),
            warehouse_path=_path(env, "HOTLINE_WAREHOUSE_PATH", PROJECT_ROOT / "warehouse" / "hotline.duckdb"),
            max_article_bytes=int(env.get("HOTLINE_MAX_ARTICLE_BYTES", "2000000")),
            storage_compatibility_version=env.get("HOTLINE_STORAGE_VERSION", "v1.0.0"),
            lock_timeout_seconds=float(env.get("HOTLINE_LOCK_TIMEOUT_SECONDS", "30")),
            processes=int(env.get("HOTLINE_PROCESSES") or os.cpu_count() or 1),
            eval_dir=_path(env, "HOTLINE_EVAL_DIR", PROJECT_ROOT / "tests" / "eval" / "test"),
            article_timeout_seconds=float(env.get("HOTLINE_ARTICLE_TIMEOUT_SECONDS") or "5"),
            dagster_home=_path(env, "DAGSTER_HOME", PROJECT_ROOT / "warehouse" / "dagster_home"),
            engine=_engine(env.get("HOTLINE_ENGINE") or "duckdb"),
            extract_partitions=int(env.get("HOTLINE_EXTRACT_PARTITIONS") or "1"),
        )


ENGINES = ("duckdb", "spark")


def _engine(name: str) -> str:
    if name not in ENGINES:
        raise ValueError(f"HOTLINE_ENGINE must be one of {', '.join(ENGINES)}, not {name!r}")
    return name
