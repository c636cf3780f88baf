"""The ratchet: the pipeline on the held-out test split (``tests/eval/test``) must score at least the floors
recorded in ``tests/eval/floors.yaml``, field by field, and no more invented dates, negation errors or calls
from no-call articles than recorded. Floors are raised with ``python -m hotline.evaluation --raise-floors``."""

from pathlib import Path

import pytest

from hotline.config import Settings
from hotline.evaluation.floors import check_floors, read_floors
from hotline.evaluation.report import table
from hotline.evaluation.run import run_eval

EVAL = Path(__file__).resolve().parent


@pytest.mark.skipif(not (EVAL / "test" / "gold.yaml").exists(), reason="no labeled test split yet")
def test_the_test_split_scores_at_least_the_floors(tmp_path: Path) -> None:
    settings = Settings.from_env({"HOTLINE_WAREHOUSE_PATH": str(tmp_path / "warehouse" / "hotline.duckdb")})
    result = run_eval(EVAL / "test", settings, json_path=tmp_path / "eval.json")
    floors = read_floors(EVAL / "floors.yaml")
    assert floors["f1"], "floors.yaml records no floor"
    drops = check_floors(result.evaluation, floors)
    assert not drops, "below the ratchet:\n" + "\n".join(drops) + "\n\n" + table(result.evaluation)
    assert (tmp_path / "eval.json").exists()
