"""The benchmark runs and reports its figures (a smoke test of correctness, never of speed)."""

from __future__ import annotations

import json
from pathlib import Path

from hotline import bench


def test_bench_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    assert bench.main(["--articles", "12", "--processes", "2", "--out", str(out)]) == 0
    figures = json.loads(out.read_text())
    assert figures["articles"] == 12
    assert figures["raw_rows"] > 12  # every seed article yields facts
    assert figures["extract_articles_per_second_per_core"] > 0
    assert figures["extraction_target_met"] in ("yes", "no")
