"""The ratchet: per-field floors recorded in the repo (``tests/eval/floors.yaml``), raised, never lowered.

``check_floors`` lists every field below its floor (F1) and every tally above its ceiling (invented dates,
negation errors, calls from no-call articles...). ``raise_floors`` writes the current figures where they beat
the recorded ones, so ``python -m hotline.evaluation --raise-floors`` after an improvement locks it in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from hotline.evaluation.counts import Evaluation

# Tallies where fewer is better: the floor file holds their ceilings.
CEILINGS = ("invented dates", "negation errors", "calls invented from no-call articles", "different calls merged")


def read_floors(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    return data or {"f1": {}, "max": {}}


def check_floors(evaluation: Evaluation, floors: dict[str, Any]) -> list[str]:
    drops = []
    for name, floor in (floors.get("f1") or {}).items():
        f1 = evaluation.fields[name].f1 if name in evaluation.fields else None
        if f1 is None or f1 + 1e-9 < float(floor):
            drops.append(f"{name}: F1 {f1 if f1 is None else round(f1, 3)} < floor {floor}")
    for name, ceiling in (floors.get("max") or {}).items():
        value = evaluation.tallies.get(name, 0)
        if value > int(ceiling):
            drops.append(f"{name}: {value} > ceiling {ceiling}")
    return drops


def raise_floors(evaluation: Evaluation, path: Path) -> dict[str, Any]:
    floors = read_floors(path)
    f1 = dict(floors.get("f1") or {})
    for name, count in evaluation.fields.items():
        if count.f1 is not None:
            f1[name] = max(float(f1.get(name, 0.0)), float(f"{count.f1 - 0.005:.2f}"))  # rounded down
    ceilings = dict(floors.get("max") or {})
    for name in CEILINGS:
        value = evaluation.tallies.get(name, 0)
        ceilings[name] = min(int(ceilings.get(name, value)), value)
    new = {"f1": dict(sorted(f1.items())), "max": ceilings}
    header = "# Floors of `make eval` on tests/eval/test: raised by `python -m hotline.evaluation --raise-floors`.\n"
    path.write_text(header + yaml.safe_dump(new, sort_keys=False), encoding="utf-8")
    return new
