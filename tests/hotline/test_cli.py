"""The hotline command line without Dagster: help, options over the environment, delegation, exit codes.

Examples written by us. Commands whose work lives elsewhere (export, report, eval) are checked for wiring: the
function they call is replaced by a recorder, since the functions themselves are tested in their own modules.
"""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import hotline.evaluation.__main__ as evaluation_main
import hotline.export
import hotline.report
from hotline.cli import EXIT_BUSY, EXIT_FAILED, EXIT_OK, main
from hotline.config import Settings
from hotline.warehouse import WarehouseBusyError

COMMANDS = ["run", "export", "report", "eval", "docs", "status"]


def test_help_lists_the_commands_and_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == EXIT_OK
    out = capsys.readouterr().out
    listed = [
        line.split()[0] for line in out.split("Commands:")[1].splitlines() if line.startswith("  ") and line.strip()
    ]
    assert set(COMMANDS) <= set(listed)
    assert "0 published" in out
    assert "2 busy" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_lists_exit_codes_without_markup(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Exit codes: 0 " in out
    assert "``" not in out
    assert ":class:" not in out


def test_help_does_not_import_dagster() -> None:
    """hotline --help must answer at once: the Dagster runner is imported only by the commands that run it."""
    code = "import sys; from hotline.cli import main; main(['--help']); print('dagster' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().endswith("False")


def test_a_command_line_it_cannot_read_is_1_not_2(capsys: pytest.CaptureFixture[str]) -> None:
    """2 is reserved for "busy", so a script can tell "try again later" from a mistake."""
    assert main(["run", "--no-such-option"]) == EXIT_FAILED
    assert main(["no-such-command"]) == EXIT_FAILED
    assert "No such" in capsys.readouterr().err


def test_settings_replace_keeps_what_is_not_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings.from_env({"HOTLINE_WAREHOUSE_PATH": "/from/env/hotline.duckdb"})
    changed = settings.replace(articles_dir=Path("mine"), warehouse_path=None)
    assert changed.articles_dir == tmp_path / "mine"  # relative to the current folder, as from the environment
    assert changed.warehouse_path == Path("/from/env/hotline.duckdb")
    assert settings.articles_dir != changed.articles_dir  # a copy: the original is frozen


def recorder(calls: list[tuple[Any, ...]], returns: Any) -> Any:
    def record(*args: Any) -> Any:
        calls.append(args)
        return returns

    return record


def test_export_options_override_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HOTLINE_WAREHOUSE_PATH", str(tmp_path / "env" / "hotline.duckdb"))
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(hotline.export, "export_marts", recorder(calls, [tmp_path / "a.parquet"]))

    assert main(["export"]) == EXIT_OK
    assert calls[-1] == (tmp_path / "env" / "hotline.duckdb", tmp_path / "env" / "exports" / "parquet", "parquet")

    assert (
        main(["export", "--format", "csv", "--to", str(tmp_path / "out"), "--warehouse", str(tmp_path / "w.duckdb")])
        == 0
    )
    assert calls[-1] == (tmp_path / "w.duckdb", tmp_path / "out", "csv")
    assert f"exported 1 files to {tmp_path / 'out'}" in capsys.readouterr().out

    assert main(["export", "--format", "xlsx"]) == EXIT_FAILED  # not a format: refused before anything runs
    assert len(calls) == 2


def test_report_options_override_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HOTLINE_WAREHOUSE_PATH", str(tmp_path / "env" / "hotline.duckdb"))
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(hotline.report, "build_report", recorder(calls, tmp_path / "r" / "index.html"))
    assert main(["report"]) == EXIT_OK
    assert calls[-1] == (tmp_path / "env" / "hotline.duckdb", tmp_path / "env" / "report")
    assert main(["report", "--to", str(tmp_path / "r")]) == EXIT_OK
    assert calls[-1] == (tmp_path / "env" / "hotline.duckdb", tmp_path / "r")
    assert f"report: {tmp_path / 'r' / 'index.html'}" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (FileNotFoundError("no warehouse at /x: run the pipeline first"), EXIT_FAILED),
        (WarehouseBusyError("warehouse is busy: pid 1 has /x open for writing"), EXIT_BUSY),
    ],
)
def test_errors_become_messages_and_exit_codes(
    error: Exception, code: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fail(*args: Any) -> None:
        raise error

    monkeypatch.setattr(hotline.export, "export_marts", fail)
    assert main(["export"]) == code
    assert str(error) in capsys.readouterr().err


def test_eval_delegates_to_the_evaluation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(evaluation_main, "main", recorder(calls, 3))
    assert main(["eval"]) == 3  # the evaluation's own exit code (3: labels malformed) comes through
    assert calls[-1] == ([],)  # no options: the evaluation's defaults (HOTLINE_EVAL_DIR)
    assert (
        main(["eval", str(tmp_path), "--no-errors", "--warehouse", str(tmp_path / "w.duckdb"), "--raise-floors"]) == 3
    )
    assert calls[-1] == ([str(tmp_path), "--no-errors", "--warehouse", str(tmp_path / "w.duckdb"), "--raise-floors"],)


def test_generate_writes_a_corpus_with_its_truth(tmp_path: Path) -> None:
    assert main(["generate", "12", str(tmp_path / "corpus"), "--seed", "5"]) == EXIT_OK
    articles = list((tmp_path / "corpus" / "articles").iterdir())
    truth = json.loads((tmp_path / "corpus" / "truth.json").read_text(encoding="utf-8"))
    assert articles
    assert truth["calls"]
    assert main(["generate", "not-a-number", str(tmp_path / "other")]) == EXIT_FAILED
