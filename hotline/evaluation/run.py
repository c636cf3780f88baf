"""Build a warehouse from a labeled folder with the real pipeline, then score it.

The pipeline runs as ``python -m orchestration run`` in a child process with its own articles folder, warehouse
and Dagster home under ``warehouse/eval/<folder name>/``, so an evaluation never touches the published
warehouse or the run history of ``make run``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from hotline.config import PROJECT_ROOT, Settings
from hotline.evaluation.gold import GoldCorpus, load_gold
from hotline.evaluation.report import to_json, write_json
from hotline.evaluation.score import Evaluation, evaluate
from hotline.evaluation.system import read_system


class PipelineFailed(RuntimeError):
    """The pipeline did not publish a warehouse for the labeled folder."""


@dataclass(frozen=True)
class EvalRun:
    gold: GoldCorpus
    evaluation: Evaluation
    warehouse: Path
    pipeline_log: Path
    json_path: Path


def build_warehouse(folder: Path, workdir: Path) -> tuple[Path, Path]:
    """Run the whole pipeline on ``folder``; return the published warehouse and the pipeline's log."""
    workdir.mkdir(parents=True, exist_ok=True)
    home = workdir / "dagster_home"
    home.mkdir(exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    warehouse = workdir / "hotline.duckdb"
    log = workdir / "pipeline.log"
    env = {
        **os.environ,
        "HOTLINE_ARTICLES_DIR": str(folder),
        "HOTLINE_WAREHOUSE_PATH": str(warehouse),
        "DAGSTER_HOME": str(home),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    with log.open("w", encoding="utf-8") as out:
        code = subprocess.run(
            [sys.executable, "-m", "orchestration", "run"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=out,
            check=False,
        ).returncode
    if code != 0 or not warehouse.exists():
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:])
        raise PipelineFailed(f"the pipeline exited {code} on {folder} (log: {log}):\n{tail}")
    return warehouse, log


def run_eval(
    folder: Path | None = None,
    settings: Settings | None = None,
    json_path: Path | None = None,
    warehouse: Path | None = None,
) -> EvalRun:
    """Labels first (a labeling mistake fails fast), then the pipeline, then the scores and ``eval.json``.

    With ``warehouse``, that already built file is scored and the pipeline does not run.
    """
    settings = settings or Settings.from_env()
    folder = (folder or settings.eval_dir).resolve()
    gold = load_gold(folder)
    workdir = settings.warehouse_path.parent / "eval" / folder.name
    if warehouse is None:
        warehouse, log = build_warehouse(folder, workdir)
    else:
        log = workdir / "pipeline.log"
    evaluation = evaluate(gold, read_system(warehouse))
    json_path = json_path or settings.warehouse_path.parent / "eval.json"
    write_json(json_path, to_json(evaluation, gold, warehouse))
    return EvalRun(gold=gold, evaluation=evaluation, warehouse=warehouse, pipeline_log=log, json_path=json_path)
