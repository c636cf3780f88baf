"""The dbt manifest the definitions load, parsed again only when the dbt project changed.

``dbt parse`` takes seconds. The key of a parse is a sha256 of every file dbt reads (models, macros, seeds,
tests, snapshots, analyses, ``dbt_project.yml``, ``profiles.yml``, packages) and of the dbt versions, stored
beside the manifest as ``target/manifest.key``; ``make manifest`` and ``hotline run`` skip the parse when it
matches; ``hotline run`` starts a parse in the background and starts Dagster meanwhile. The parse writes into
a temporary target and moves each file into place, so a process loading the definitions meanwhile never reads
half a manifest. (Each warehouse's ``dbt build`` then starts from the partial parse of its own previous build:
``orchestration.assets.dbt.reuse_partial_parse``.) No Dagster here: ``make manifest`` stays quick.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
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


def _parsed_key(project_dir: Path) -> str | None:
    """The key of the last parse whose artifacts are in ``target/``, None when there is none."""
    target = project_dir / "target"
    key = target / KEY_FILE
    if not all((target / name).is_file() for name in ARTIFACTS[:2]) or not key.is_file():
        return None
    return key.read_text(encoding="utf-8").strip()


def ensure_manifest(build_path: Path, project_dir: Path = DBT_PROJECT_DIR) -> float | None:
    """Run ``dbt parse`` (for the build file at ``build_path``) when the project changed since the last parse;
    return its seconds, None when skipped."""
    with parse_in_background(build_path, project_dir) as parsed:
        return parsed()


@contextlib.contextmanager
def parse_in_background(build_path: Path, project_dir: Path = DBT_PROJECT_DIR) -> Iterator[Callable[[], float | None]]:
    """Start ``dbt parse`` (for the build file at ``build_path``) when the project changed since the last parse,
    and yield a function that waits for it, puts its artifacts in place and returns its seconds (None when the
    manifest was current). ``hotline run`` starts Dagster meanwhile; a block left without waiting stops the parse.
    """
    key = project_key(project_dir)
    if _parsed_key(project_dir) == key:
        yield lambda: None
        return
    started = time.monotonic()
    target = project_dir / "target"
    target.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target, prefix=".parse-") as scratch:
        output = Path(scratch) / "parse.out"  # a file, not a pipe: nobody reads while it runs
        with output.open("w", encoding="utf-8") as out:
            process = subprocess.Popen(
                _parse_command(build_path, project_dir, Path(scratch)),
                # from inside the project, as dagster-dbt runs it (seed paths are relative to the working folder)
                cwd=project_dir,
                env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"},
                stdout=out,
                stderr=subprocess.STDOUT,
            )

        @functools.cache
        def parsed() -> float:
            if process.wait() != 0:
                text = output.read_text(encoding="utf-8", errors="replace")
                raise ParseFailed(f"dbt parse failed (exit {process.returncode}):\n{text}".strip())
            for name in ARTIFACTS:
                if (Path(scratch) / name).is_file():
                    (Path(scratch) / name).replace(target / name)  # atomic: a reader sees the old file or the new
            (target / KEY_FILE).write_text(key + "\n", encoding="utf-8")
            return time.monotonic() - started

        try:
            yield parsed
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


def _parse_command(build_path: Path, project_dir: Path, scratch: Path) -> list[str]:
    return [
        str(Path(sys.executable).with_name("dbt")),
        "parse",
        "--quiet",
        "--project-dir",
        str(project_dir),
        "--profiles-dir",
        str(project_dir),
        "--target-path",
        str(scratch),
        "--log-path",
        str(scratch),
        *build_path_vars(build_path),
    ]
