"""The gold labels of an evaluation folder: ``gold.yaml`` beside the articles (format: ``tests/eval/README.md``).

:func:`load_gold` checks every label against the vocabulary and every file name against the folder, and
raises :class:`GoldError` listing every problem at once, so a labeler fixes a file in one pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

GOLD_FILE = "gold.yaml"
CALL_STATUSES = ("held", "planned", "requested", "refused", "cancelled", "denied")
REPORTED = ("direct", "in_passing")
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")
MEASURE_TYPES = ("tariff", "exemption", "quota", "export_restriction", "sanction", "agreement_review")
MEASURE_STATUSES = ("imposed", "threatened", "paused", "exempted", "lifted", "reduced")
LANGUAGES = ("en", "es")


class GoldError(ValueError):
    """The gold file is missing, malformed or names files that are not there."""


@dataclass(frozen=True)
class GoldCall:
    article: str
    index: int
    group: str
    participants: tuple[str, ...]
    countries: tuple[str, ...]
    status: str
    reported: str
    initiator: str | None
    date: dt.date | None
    date_precision: str
    date_earliest: dt.date | None
    date_latest: dt.date | None
    date_note: str | None
    duration_minutes: int | None
    sequence_number: int | None
    topics_discussed: frozenset[str]
    topics_not_discussed: frozenset[str]
    topics_unclear: frozenset[str]

    @property
    def is_held(self) -> bool:
        return self.status == "held"

    @property
    def key(self) -> str:
        return f"{self.article}#{self.index}"


@dataclass(frozen=True)
class GoldOfficial:
    name: str
    country: str | None
    role: str | None


@dataclass(frozen=True)
class GoldMeasure:
    type: str
    imposing: str | None
    target: str | None
    sector: str | None
    rate_percent: float | None
    status: str | None

    @property
    def key(self) -> tuple[str, str | None, str | None, str | None]:
        return (self.type, self.imposing, self.target, self.sector)


@dataclass(frozen=True)
class GoldArticle:
    file: str
    language: str
    published_date: dt.date | None
    calls: tuple[GoldCall, ...]
    officials: tuple[GoldOfficial, ...]
    trade_measures: tuple[GoldMeasure, ...]
    notes: str | None = None

    @property
    def held_calls(self) -> tuple[GoldCall, ...]:
        return tuple(call for call in self.calls if call.is_held)


@dataclass(frozen=True)
class GoldCorpus:
    folder: Path
    articles: dict[str, GoldArticle] = field(default_factory=dict)

    def calls(self) -> list[GoldCall]:
        return [call for article in self.articles.values() for call in article.calls]

    def counts(self) -> dict[str, int]:
        """What the corpus holds, for the README's coverage requirements."""
        calls = self.calls()
        held = [call for call in calls if call.is_held]
        groups: dict[str, set[str]] = {}
        for call in held:
            groups.setdefault(call.group, set()).add(call.article)
        countries = {code for call in calls for code in call.countries}
        years = {call.date.year for call in held if call.date} | {
            a.published_date.year for a in self.articles.values() if a.published_date
        }
        return {
            "articles": len(self.articles),
            "spanish": sum(a.language == "es" for a in self.articles.values()),
            "no_held_call_articles": sum(not a.held_calls for a in self.articles.values()),
            "held_calls": len(held),
            "multi_article_groups": sum(len(articles) >= 2 for articles in groups.values()),
            "leader_pairs": len({frozenset(call.participants) for call in calls}),
            "countries": len(countries),
            "year_min": min(years, default=0),
            "year_max": max(years, default=0),
            "negated_topics": sum(len(call.topics_not_discussed) for call in calls),
            "trade_measures": sum(len(a.trade_measures) for a in self.articles.values()),
            "officials": sum(len(a.officials) for a in self.articles.values()),
        }


def load_gold(folder: Path) -> GoldCorpus:
    """Read ``folder/gold.yaml``; every article file it names must be in the folder and vice versa."""
    path = folder / GOLD_FILE
    if not path.is_file():
        raise GoldError(f"no {GOLD_FILE} in {folder}: label the articles first (see tests/eval/README.md)")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, Mapping) or not isinstance(data.get("articles"), Mapping):
        raise GoldError(f"{path}: expected a mapping 'articles:' of file name -> labels")
    problems: list[str] = []
    articles: dict[str, GoldArticle] = {}
    for name, labels in data["articles"].items():
        context = _Context(f"{path.name}: {name}", problems)
        if not (folder / name).is_file():
            context.problem("no such file in the folder")
        if not isinstance(labels, Mapping):
            context.problem("labels must be a mapping")
            continue
        articles[name] = _article(str(name), labels, context)
    on_disk = {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.name != GOLD_FILE and not p.name.startswith(".") and p.suffix in {".txt", ".md", ".json"}
    }
    problems += [
        f"{path.name}: {name}: article in the folder but not labeled" for name in sorted(on_disk - set(articles))
    ]
    if problems:
        raise GoldError(f"{len(problems)} problem(s) in {path}:\n  " + "\n  ".join(problems))
    return GoldCorpus(folder=folder, articles=articles)


@dataclass
class _Context:
    where: str
    problems: list[str]

    def problem(self, text: str) -> None:
        self.problems.append(f"{self.where}: {text}")

    def choice(self, value: Any, allowed: tuple[str, ...], what: str, default: str | None = None) -> str | None:
        if value is None:
            return default
        if str(value) not in allowed:
            self.problem(f"{what} {value!r} is not one of {', '.join(allowed)}")
            return default
        return str(value)

    def date(self, value: Any, what: str) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.problem(f"{what} {value!r} is not an ISO date")
            return None

    def number(self, value: Any, what: str) -> float | None:
        if value is None:
            return None
        try:
            return float(value)
        except (TypeError, ValueError):
            self.problem(f"{what} {value!r} is not a number")
            return None


def _country(value: Any, context: _Context) -> str | None:
    """An ISO code; YAML 1.1 reads an unquoted ``NO`` (Norway) as false, which is refused with the fix."""
    if isinstance(value, bool):
        context.problem(f'country {value!r} is a YAML boolean: quote the code ("NO" for Norway)')
        return None
    return None if value in (None, "") else str(value).upper()


def _codes(value: Any) -> frozenset[str]:
    return frozenset(str(item) for item in (value or []))


def _article(name: str, labels: Mapping[str, Any], context: _Context) -> GoldArticle:
    calls = []
    for index, call in enumerate(labels.get("calls") or []):
        calls.append(_call(name, index, call, _Context(f"{context.where} call {index}", context.problems)))
    officials = [
        GoldOfficial(name=str(o["name"]), country=_country(o.get("country"), context), role=o.get("role"))
        for o in labels.get("officials") or []
        if isinstance(o, Mapping) and o.get("name")
    ]
    measures = [_measure(m, context) for m in labels.get("trade_measures") or [] if isinstance(m, Mapping)]
    return GoldArticle(
        file=name,
        language=context.choice(labels.get("language"), LANGUAGES, "language", "en") or "en",
        published_date=context.date(labels.get("published_date"), "published_date"),
        calls=tuple(calls),
        officials=tuple(officials),
        trade_measures=tuple(measures),
        notes=labels.get("notes"),
    )


def _call(article: str, index: int, call: Any, context: _Context) -> GoldCall:
    if not isinstance(call, Mapping):
        context.problem("a call must be a mapping")
        call = {}
    participants = tuple(str(p) for p in call.get("participants") or [])
    if len(participants) != 2:
        context.problem(f"a call has two participants, got {participants}")
    duration = context.number(call.get("duration_minutes"), "duration_minutes")
    sequence = context.number(call.get("sequence_number"), "sequence_number")
    date = context.date(call.get("date"), "date")
    precision = context.choice(call.get("date_precision"), DATE_PRECISIONS, "date_precision")
    return GoldCall(
        article=article,
        index=index,
        group=str(call.get("group") or f"{article}#{index}"),
        participants=participants,
        countries=tuple(_country(c, context) or "" for c in call.get("countries") or []),
        status=context.choice(call.get("status"), CALL_STATUSES, "status", "held") or "held",
        reported=context.choice(call.get("reported"), REPORTED, "reported", "direct") or "direct",
        initiator=call.get("initiator"),
        date=date,
        date_precision=precision or ("day" if date else "unknown"),
        date_earliest=context.date(call.get("date_earliest"), "date_earliest"),
        date_latest=context.date(call.get("date_latest"), "date_latest"),
        date_note=call.get("date_note"),
        duration_minutes=None if duration is None else int(duration),
        sequence_number=None if sequence is None else int(sequence),
        topics_discussed=_codes(call.get("topics_discussed")),
        topics_not_discussed=_codes(call.get("topics_not_discussed")),
        topics_unclear=_codes(call.get("topics_unclear")),
    )


def _measure(measure: Mapping[str, Any], context: _Context) -> GoldMeasure:
    def party(value: Any) -> str | None:
        return _country(value, context)

    return GoldMeasure(
        type=context.choice(measure.get("type"), MEASURE_TYPES, "trade measure type", "tariff") or "tariff",
        imposing=party(measure.get("imposing")),
        target=party(measure.get("target")),
        sector=measure.get("sector") or None,
        rate_percent=context.number(measure.get("rate_percent"), "rate_percent"),
        status=context.choice(measure.get("status"), MEASURE_STATUSES, "trade measure status"),
    )
