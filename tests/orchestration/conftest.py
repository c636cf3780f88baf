"""Shared set-up for the Dagster tests: the dbt manifest must exist before the definitions are imported."""

import os
import subprocess
import sys
from pathlib import Path

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
