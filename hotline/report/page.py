"""``build_report``: the published warehouse as one static HTML page with its charts, written atomically.

The page (``index.html``) embeds every chart as a base64 PNG and loads nothing else (its Content-Security-Policy
allows only inline images and styles), so it can be mailed or opened offline; the PNGs are written beside it.
Every value from the warehouse reaches the HTML through Jinja2's autoescaping.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import polars as pl

from hotline.export import replace_folder
from hotline.report.queries import LISTED_ROWS, load

PAGE = "index.html"
TEMPLATE = "page.html.j2"


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
    sections = _sections(data, summary)
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
        (work / PAGE).write_text(html, encoding="utf-8")
    return to / PAGE


def _sections(data: dict[str, pl.DataFrame], summary: dict[str, Any]) -> list[Section]:
    from hotline.report import charts  # matplotlib takes a second to import: only when a report is drawn

    calls = data["calls_by_pair"]
    measures = data["trade_measures"]
    return [
        Section(
            "calls-over-time",
            "Calls over time",
            f"{summary['held_calls']} calls took place ({summary['undated_calls']} without a known date, listed "
            f"but not placed on the axis); {summary['calls_not_held']} planned, requested, refused, cancelled or "
            "denied calls are left out of the charts of calls, topics and countries.",
            charts.to_png(charts.calls_over_time(calls)),
        ),
        Section(
            "topics",
            "Topics discussed and not discussed",
            "Calls on which each topic was discussed, and calls on which the text says it was not discussed.",
            charts.to_png(charts.topics(data["topics"])),
        ),
        Section(
            "calls-per-country",
            "Calls per country",
            "Calls that took place with a leader of the country taking part.",
            charts.to_png(charts.calls_per_country(data["calls_by_country"])),
        ),
        Section(
            "trade-measures",
            "Trade measures in play",
            f"{measures.height} distinct measures (tariffs, exemptions, reviews, quotas, sanctions) named around "
            "the calls; “not stated” where the text does not say.",
            charts.to_png(charts.trade_measures(measures)),
            [Table(_listed("Trade measures", measures.height), measures.head(LISTED_ROWS))],
        ),
        Section(
            "data-quality",
            "Data quality",
            f"{summary['rejected_articles']} articles rejected, {summary['quarantined_facts']} facts quarantined "
            f"(set aside, the rest published), {summary['suites_passed']} validation suites passed and "
            f"{summary['suites_failed']} failed.",
            charts.to_png(
                charts.data_quality(data["rejected_by_reason"], data["quarantined_by_rule"], data["validation_results"])
            ),
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
