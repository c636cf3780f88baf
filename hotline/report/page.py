"""``build_report``: the published warehouse as one static HTML page with its charts, written atomically.

The page (``index.html``) embeds every chart as a base64 PNG and loads nothing else (its Content-Security-Policy
allows only inline images and styles), so it can be mailed or opened offline; the PNGs are written beside it.
Every value from the warehouse reaches the HTML through Jinja2's autoescaping.

A chart is drawn from its frames alone (:data:`CHARTS`): ``charts.json`` beside the PNGs keeps a key of each chart
(a sha256 of its frames, the chart code and matplotlib's version), and a chart whose key is that of the report
it replaces keeps that report's PNG instead of being drawn again (matplotlib is not even imported when none is).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import importlib.metadata
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import polars as pl

from hotline.export import replace_folder
from hotline.report.queries import LISTED_ROWS, load

PAGE = "index.html"
TEMPLATE = "page.html.j2"
CHART_KEYS = "charts.json"
CHARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "calls-over-time": ("calls_over_time", ("calls_by_pair",)),
    "topics": ("topics", ("topics",)),
    "calls-per-country": ("calls_per_country", ("calls_by_country",)),
    "trade-measures": ("trade_measures", ("trade_measures",)),
    "data-quality": ("data_quality", ("rejected_by_reason", "quarantined_by_rule", "validation_results")),
}
"""Section id -> the function of :mod:`hotline.report.charts` that draws its chart and the frames it is given."""


@dataclass(frozen=True)
class Table:
    caption: str
    frame: pl.DataFrame

    @property
    def rows(self) -> list[tuple[Any, ...]]:
        return self.frame.rows()


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    note: str
    png: bytes
    tables: list[Table] = field(default_factory=list)

    @property
    def image(self) -> str:
        return base64.b64encode(self.png).decode("ascii")


def build_report(warehouse_path: Path, to: Path) -> Path:
    """Render the report of the published file ``warehouse_path`` into the folder ``to``; returns the page."""
    warehouse_path, to = Path(warehouse_path), Path(to)
    data = load(warehouse_path)
    summary = data["summary"].row(0, named=True)
    keys = {section: _chart_key(data, section) for section in CHARTS}
    sections = _sections(data, summary, _pngs(data, keys, to))
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True, undefined=jinja2.StrictUndefined
    )
    html = environment.get_template(TEMPLATE).render(
        source=warehouse_path.name,
        published_at=_utc(dt.datetime.fromtimestamp(warehouse_path.stat().st_mtime, dt.UTC)),
        generated_at=_utc(dt.datetime.now(dt.UTC)),
        summary=summary,
        sections=sections,
    )
    with replace_folder(to) as work:
        for section in sections:
            (work / f"{section.id}.png").write_bytes(section.png)
        (work / CHART_KEYS).write_text(json.dumps(keys, indent=2) + "\n", encoding="utf-8")
        (work / PAGE).write_text(html, encoding="utf-8")
    return to / PAGE


def _chart_key(data: dict[str, pl.DataFrame], section: str) -> str:
    """What a section's chart is drawn from: its frames (schema and rows), the chart code, matplotlib's version."""
    function, frames = CHARTS[section]
    digest = hashlib.sha256(Path(__file__).with_name("charts.py").read_bytes())
    digest.update(f"{importlib.metadata.version('matplotlib')}\0{function}\0".encode())
    for name in frames:
        digest.update(f"{name}\0{data[name].schema}\0".encode())
        digest.update(data[name].write_csv().encode())
    return digest.hexdigest()


def _pngs(data: dict[str, pl.DataFrame], keys: dict[str, str], to: Path) -> dict[str, bytes]:
    """Each section's chart as PNG: the previous report's where its key is the same, drawn anew otherwise."""
    try:
        previous = json.loads((to / CHART_KEYS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    pngs: dict[str, bytes] = {}
    for section, key in keys.items():
        with contextlib.suppress(OSError):
            if previous.get(section) == key:
                pngs[section] = (to / f"{section}.png").read_bytes()
    drawn = [section for section in CHARTS if section not in pngs]
    if drawn:
        from hotline.report import charts  # matplotlib takes a second to import: only when a chart is drawn

        for section in drawn:
            function, frames = CHARTS[section]
            pngs[section] = charts.to_png(getattr(charts, function)(*(data[name] for name in frames)))
    return pngs


def _sections(data: dict[str, pl.DataFrame], summary: dict[str, Any], pngs: dict[str, bytes]) -> list[Section]:
    measures = data["trade_measures"]
    return [
        Section(
            "calls-over-time",
            "Calls over time",
            f"{summary['held_calls']} calls took place ({summary['undated_calls']} without a known date, listed "
            f"but not placed on the axis); {summary['calls_not_held']} planned, requested, refused, cancelled or "
            "denied calls are left out of the charts of calls, topics and countries.",
            pngs["calls-over-time"],
        ),
        Section(
            "topics",
            "Topics discussed and not discussed",
            "Calls on which each topic was discussed, and calls on which the text says it was not discussed.",
            pngs["topics"],
        ),
        Section(
            "calls-per-country",
            "Calls per country",
            "Calls that took place with a leader of the country taking part.",
            pngs["calls-per-country"],
        ),
        Section(
            "trade-measures",
            "Trade measures in play",
            f"{measures.height} distinct measures (tariffs, exemptions, reviews, quotas, sanctions) named around "
            "the calls; “not stated” where the text does not say.",
            pngs["trade-measures"],
            [Table(_listed("Trade measures", measures.height), measures.head(LISTED_ROWS))],
        ),
        Section(
            "data-quality",
            "Data quality",
            f"{summary['rejected_articles']} articles rejected, {summary['quarantined_facts']} facts quarantined "
            f"(set aside, the rest published), {summary['suites_passed']} validation suites passed and "
            f"{summary['suites_failed']} failed.",
            pngs["data-quality"],
            [
                Table("Validation results", data["validation_results"]),
                Table(_listed("Rejected articles", summary["rejected_articles"]), data["rejected_articles"]),
                Table(_listed("Quarantined facts", summary["quarantined_facts"]), data["quarantined_facts"]),
            ],
        ),
    ]


def _listed(caption: str, total: int) -> str:
    return f"{caption} (first {LISTED_ROWS} of {total})" if total > LISTED_ROWS else caption


def _utc(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")
