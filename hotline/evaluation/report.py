"""The evaluation as people read it (a table, then every error with its evidence) and as ``eval.json``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from hotline.evaluation.counts import FIELDS, Evaluation
from hotline.evaluation.gold import GoldCorpus


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def table(evaluation: Evaluation) -> str:
    lines = [f"{'field':<26} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for name in FIELDS:
        count = evaluation.fields[name]
        lines.append(
            f"{name:<26} {_figure(count.precision):>9} {_figure(count.recall):>7} {_figure(count.f1):>6} "
            f"{count.tp:>5} {count.fp:>5} {count.fn:>5}"
        )
    lines.append("")
    lines += [f"{name:<42} {value:>5}" for name, value in evaluation.tallies.items()]
    return "\n".join(lines)


def error_kinds(evaluation: Evaluation, top: int = 10) -> list[tuple[str, int]]:
    kinds = Counter(f"{e['field']}: {e.get('kind', 'wrong value')}" for e in evaluation.errors)
    return kinds.most_common(top)


def errors_text(evaluation: Evaluation) -> str:
    lines = []
    for error in sorted(evaluation.errors, key=lambda e: (e["field"], e["article"])):
        head = f"[{error['field']}] {error['article']}: expected {error['expected']!r}, got {error['got']!r}"
        if error.get("kind"):
            head += f" ({error['kind']})"
        lines.append(head)
        for key in ("evidence", "date_how", "note"):
            if error.get(key):
                lines.append(f"    {key}: {error[key]}")
    return "\n".join(lines)


def to_json(evaluation: Evaluation, gold: GoldCorpus, warehouse: Path) -> dict[str, Any]:
    return {
        "folder": str(gold.folder),
        "warehouse": str(warehouse),
        "corpus": gold.counts(),
        "fields": evaluation.scores(),
        "tallies": evaluation.tallies,
        "error_kinds": dict(error_kinds(evaluation, top=1000)),
        "errors": evaluation.errors,
    }


def write_json(path: Path, payload: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    temporary.replace(path)
