"""What the evaluation counts: true and false positives and negatives per field, tallies, and the errors with
their evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Count:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    fields: dict[str, Count] = field(default_factory=dict)
    tallies: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def count(self, name: str) -> Count:
        return self.fields.setdefault(name, Count())

    def tally(self, name: str) -> None:
        """One more of ``name`` ("invented dates", "dates from another article of the call", ...)."""
        self.tallies[name] = self.tallies.get(name, 0) + 1

    def error(self, field_name: str, article: str, expected: Any, got: Any, **more: Any) -> None:
        self.errors.append(
            {"field": field_name, "article": article, "expected": plain(expected), "got": plain(got)} | more
        )

    def scores(self) -> dict[str, dict[str, float | int | None]]:
        return {
            name: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1}
            for name, c in self.fields.items()
        }


# The fields in the order the table prints them.
FIELDS = (
    "call detection",
    "participants",
    "call date exact",
    "date precision",
    "date bounds",
    "duration",
    "sequence",
    "initiator",
    "non-held calls flagged",
    "topics discussed",
    "topics not discussed",
    "officials",
    "official country",
    "official role",
    "trade measures",
    "trade measure status",
    "published date",
)


def score_value(result: Evaluation, name: str, article: str, expected: Any, got: Any, same: bool) -> None:
    count = result.count(name)
    if expected is None and got is None:
        return
    if same:
        count.tp += 1
        return
    count.fn += expected is not None
    count.fp += got is not None
    result.error(name, article, expected, got)


def plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((plain(v) for v in value), key=str)
    return value
