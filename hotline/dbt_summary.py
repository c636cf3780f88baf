"""``dbt build`` in a few lines, from dbt's own artifacts (``run_results.json`` and the manifest): nodes per layer and
kind, and every failure (and warning) in full with its compiled SQL; :mod:`hotline.console` prints it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DBT_KINDS = {"model": "models", "seed": "seeds", "test": "tests", "unit_test": "unit tests"}


@dataclass(frozen=True)
class DbtFailure:
    status: str
    kind: str
    name: str
    layer: str
    file: str
    message: str
    compiled: str | None


@dataclass
class DbtSummary:
    """``dbt build`` in a few lines: nodes per layer and kind, and every failure (and warning) in full."""

    by_layer: dict[str, Counter[str]]
    failures: list[DbtFailure]
    skipped: int
    seconds: float

    def headline(self) -> str:
        counts: Counter[str] = sum(self.by_layer.values(), Counter())
        nodes = ", ".join(f"{counts[kind]} {kind}" for kind in DBT_KINDS.values() if counts[kind])
        statuses = Counter(failure.status for failure in self.failures)
        failed = statuses["error"] + statuses["fail"] + statuses["runtime error"]
        outcome = [f"{failed} failed" if failed else "all passed"]
        outcome += [f"{statuses['warn']} warned"] if statuses["warn"] else []
        outcome += [f"{self.skipped} skipped"] if self.skipped else []
        return f"{nodes}: {', '.join(outcome)}"

    def lines(self) -> list[str]:
        kinds = [kind for kind in DBT_KINDS.values() if any(counts[kind] for counts in self.by_layer.values())]
        width = max([len(layer) for layer in self.by_layer] + [5])
        lines = [f"{'layer':<{width}}  " + "  ".join(f"{kind:>10}" for kind in kinds)]
        for layer, counts in self.by_layer.items():
            lines.append(f"{layer:<{width}}  " + "  ".join(f"{counts[kind]:>10}" for kind in kinds))
        if self.skipped:
            lines.append(f"{self.skipped} skipped after a failure upstream")
        for failure in self.failures:
            lines.append(f"{failure.status.upper()} {failure.kind} {failure.name} ({failure.layer}, {failure.file})")
            lines.extend(f"    {line}" for line in failure.message.splitlines() if line.strip())
            if failure.compiled:
                lines.append(f"    compiled SQL: {failure.compiled}")
        return lines


def summarize_dbt(
    run_results: Mapping[str, Any], manifest: Mapping[str, Any], target: Path | None = None
) -> DbtSummary:
    """Count ``run_results.json``'s results per layer (the model folder; seeds are ``reference``) and kind, and
    keep every failed or erroring one with its message and, when it exists under ``target``, its compiled SQL."""
    nodes = {**manifest.get("nodes", {}), **manifest.get("unit_tests", {})}
    by_layer: dict[str, Counter[str]] = {}
    failures = []
    skipped = 0
    for result in run_results.get("results", []):
        node = nodes.get(result["unique_id"], {})
        kind = result["unique_id"].split(".", 1)[0]
        fqn = node.get("fqn", [])
        on_seed = kind == "seed" or str(node.get("original_file_path", "")).startswith("seeds/")
        layer = "reference" if on_seed else (fqn[1] if len(fqn) > 2 else "other")
        if kind in DBT_KINDS:  # not the on-run-start hook (an operation): no layer's node
            by_layer.setdefault(layer, Counter())[DBT_KINDS[kind]] += 1
        status = result.get("status", "")
        if status == "skipped":
            skipped += 1
        elif status in ("error", "fail", "runtime error", "warn"):
            compiled = _compiled_path(node, target)
            failures.append(
                DbtFailure(
                    status=status,
                    kind=DBT_KINDS.get(kind, kind).rstrip("s"),
                    name=node.get("name", result["unique_id"]),
                    layer=layer,
                    file=node.get("original_file_path", "?"),
                    message=str(result.get("message") or "no message"),
                    compiled=str(compiled) if compiled else None,
                )
            )
    order = ["reference", "staging", "intermediate", "marts", "audit"]
    ordered = dict(
        sorted(by_layer.items(), key=lambda item: (order.index(item[0]) if item[0] in order else 99, item[0]))
    )
    return DbtSummary(ordered, failures, skipped, float(run_results.get("elapsed_time") or 0.0))


def _compiled_path(node: Mapping[str, Any], target: Path | None) -> Path | None:
    if target is None or "original_file_path" not in node:
        return None
    base = target / "compiled" / node.get("package_name", "") / node["original_file_path"]
    path = base / node["path"] if node.get("resource_type") == "test" else base
    return path if path.is_file() else None
