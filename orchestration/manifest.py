"""The dbt manifest the definitions load, parsed again only when the dbt project changed.

``dbt parse`` takes seconds. The key of a parse is a sha256 of every file dbt reads (models, macros, seeds,
tests, snapshots, analyses, ``dbt_project.yml``, ``profiles.yml``, packages) and of the dbt versions, stored
beside the manifest as ``target/manifest.key``; ``make manifest`` and ``hotline run`` skip the parse when it
matches. The parse writes into a temporary target and moves each file into place, so a process loading the
definitions meanwhile never reads half a manifest. (Each warehouse's ``dbt build`` then starts from the partial
parse of its own previous build: ``orchestration.assets.dbt.reuse_partial_parse``.) No Dagster here: ``make
manifest`` stays quick.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from hotline.config import DBT_PROJECT_DIR

READ_FOLDERS = ("models", "macros", "seeds", "tests", "snapshots", "analyses")
READ_FILES = ("dbt_project.yml", "profiles.yml", "packages.yml", "dependencies.yml", "selectors.yml")
ARTIFACTS = ("manifest.json", "partial_parse.msgpack", "semantic_manifest.json")
KEY_FILE = "manifest.key"
DBT_RUNS_FOLDER = "dbt_runs"
"""Each run's dbt artifacts and logs go to ``<warehouse folder>/dbt_runs/<run id>``; only the newest is kept."""
BUILD_PATH_VAR = "hotline_build_path"
"""The dbt var ``profiles.yml`` reads the build file's path from (before ``HOTLINE_BUILD_PATH``)."""


class ParseFailed(RuntimeError):
    """``dbt parse`` failed: the message holds dbt's output."""


def build_path_vars(build_path: Path) -> list[str]:
    """``--vars`` pointing dbt's profile at ``build_path``: every dbt command of a run passes the same, so the
    parse's state matches the build's and dbt's partial parse holds."""
    return ["--vars", json.dumps({BUILD_PATH_VAR: str(build_path)})]


def project_key(project_dir: Path = DBT_PROJECT_DIR) -> str:
    """sha256 of what a parse depends on: every file dbt reads and the dbt versions."""
    digest = hashlib.sha256()
    for package in ("dbt-core", "dbt-duckdb"):
        digest.update(f"{package}=={version(package)}\n".encode())
    files = [project_dir / name for name in READ_FILES if (project_dir / name).is_file()]
    for folder in READ_FOLDERS:
        files.extend(path for path in (project_dir / folder).rglob("*") if path.is_file())
    for path in sorted(files):
        digest.update(path.relative_to(project_dir).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def is_current(project_dir: Path = DBT_PROJECT_DIR) -> bool:
    target = project_dir / "target"
    key = target / KEY_FILE
    if not all((target / name).is_file() for name in ARTIFACTS[:2]) or not key.is_file():
        return False
    return key.read_text(encoding="utf-8").strip() == project_key(project_dir)


def ensure_manifest(build_path: Path, project_dir: Path = DBT_PROJECT_DIR) -> float | None:
    """Run ``dbt parse`` (for the build file at ``build_path``) when the project changed since the last parse;
    return its seconds, None when skipped."""
    if is_current(project_dir):
        return None
    started = time.monotonic()
    key = project_key(project_dir)
    target = project_dir / "target"
    target.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target, prefix=".parse-") as scratch:
        done = subprocess.run(
            [
                str(Path(sys.executable).with_name("dbt")),
                "parse",
                "--quiet",
                "--project-dir",
                str(project_dir),
                "--profiles-dir",
                str(project_dir),
                "--target-path",
                scratch,
                "--log-path",
                scratch,
                *build_path_vars(build_path),
            ],
            # from inside the project, as dagster-dbt runs it (seed paths are relative to the working folder)
            cwd=project_dir,
            env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"},
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise ParseFailed(f"dbt parse failed (exit {done.returncode}):\n{done.stdout}{done.stderr}".strip())
        for name in ARTIFACTS:
            if (Path(scratch) / name).is_file():
                (Path(scratch) / name).replace(target / name)  # atomic: a reader sees the old file or the new
    (target / KEY_FILE).write_text(key + "\n", encoding="utf-8")
    return time.monotonic() - started
