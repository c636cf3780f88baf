"""hotline.apart: a function runs in another process; its result and its exception come back."""

import os
from pathlib import Path

import pytest

from hotline.apart import apart
from hotline.warehouse import publish


def test_runs_in_another_process_and_returns() -> None:
    assert apart(os.getpid) != os.getpid()
    assert apart(divmod, 7, 2) == (3, 1)


def test_its_exception_comes_back(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nothing to publish"):
        apart(publish, tmp_path / "absent.build.duckdb", tmp_path / "hotline.duckdb")
