"""The report's charts: matplotlib figures drawn with the Agg backend (no pyplot, no display, no global state).

Every chart takes the frames of :mod:`hotline.report.queries` and, where a frame is empty, says "no data" in
place of the plot rather than failing. Long lists keep their top rows and say how many more there are.
"""

from __future__ import annotations

import io

import polars as pl
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

WIDTH_INCHES = 10.0
DPI = 110
TOP_PAIRS = 12
TOP_BARS = 20
LABEL_CHARS = 48
DATE_FORMATS = ["%Y", "%b %Y", "%d %b", "%H:%M", "%H:%M", "%S.%f"]
DATE_ZEROS = ["", "%Y", "%b %Y", "%d %b", "%H:%M", "%H:%M"]
"""Tick labels that name the year on month ticks ("May 2025"), so a range across a new year reads right."""
BLUE, ORANGE, GREEN, RED, GREY = "#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8C8C8C"


def to_png(figure: Figure) -> bytes:
    """The figure as PNG bytes (no timestamp or software tag, so the same data gives the same bytes)."""
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def calls_over_time(calls: pl.DataFrame) -> Figure:
    """One row per pair of leaders (the pairs with most calls), one dot per dated call."""
    per_pair = (
        calls.group_by("leaders")
        .agg(pl.len().alias("calls"), pl.col("call_date").null_count().alias("undated"))
        .sort(["calls", "leaders"], descending=[True, False])
    )
    shown = per_pair.head(TOP_PAIRS)
    figure = _figure(1.4 + 0.42 * max(shown.height, 2))
    ax = figure.add_subplot()
    _title(
        figure, "Calls that took place, over time, per pair of leaders" + _more(per_pair.height, shown.height, "pairs")
    )
    dated = calls.filter(pl.col("call_date").is_not_null() & pl.col("leaders").is_in(shown["leaders"].implode()))
    if dated.is_empty():
        _no_data(ax, "", "no call with a known date" if calls.height else "no data")
        return figure
    row = {leaders: index for index, leaders in enumerate(shown["leaders"])}
    ax.scatter(
        dated["call_date"].to_list(),
        [row[leaders] for leaders in dated["leaders"]],
        s=70,
        color=BLUE,
        alpha=0.75,
        edgecolors="white",
        zorder=3,
    )
    labels = [
        _short(pair["leaders"]) + f" ({pair['calls']}" + (f", {pair['undated']} undated)" if pair["undated"] else ")")
        for pair in shown.iter_rows(named=True)
    ]
    ax.set_yticks(range(shown.height), labels=labels)
    ax.set_ylim(shown.height - 0.5, -0.5)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, formats=DATE_FORMATS, zero_formats=DATE_ZEROS))
    first, last = dated["call_date"].min(), dated["call_date"].max()
    if first == last:  # one day: give the axis some width around it
        ax.set_xlim(mdates.date2num(first) - 30, mdates.date2num(last) + 30)
    else:
        ax.margins(x=0.05)
    ax.grid(axis="x", color="#DDDDDD", zorder=0)
    ax.grid(axis="y", color="#EEEEEE", zorder=0)
    _style(ax, "", counts=False)
    return figure


def topics(frame: pl.DataFrame) -> Figure:
    """Per topic, the calls it was discussed on and the calls it was said not to be discussed on."""
    wide = (
        frame.pivot(on="status", index="topic", values="calls", aggregate_function="sum")
        if frame.height
        else pl.DataFrame(schema={"topic": pl.String})
    )
    for status in ("discussed", "not_discussed"):
        if status not in wide.columns:
            wide = wide.with_columns(pl.lit(0, pl.Int64).alias(status))
    wide = (
        wide.with_columns(pl.col("discussed", "not_discussed").fill_null(0))
        .with_columns((pl.col("discussed") + pl.col("not_discussed")).alias("total"))
        .sort(["total", "topic"], descending=[True, False])
    )
    shown = wide.head(TOP_BARS)
    figure = _figure(1.4 + 0.34 * max(shown.height, 3))
    ax = figure.add_subplot()
    _title(
        figure,
        "Topics of the calls: discussed, and explicitly not discussed" + _more(wide.height, shown.height, "topics"),
    )
    if shown.is_empty():
        _no_data(ax, "")
        return figure
    positions = list(range(shown.height))
    discussed = ax.barh([p - 0.2 for p in positions], shown["discussed"], height=0.4, color=BLUE, label="discussed")
    missing = ax.barh(
        [p + 0.2 for p in positions], shown["not_discussed"], height=0.4, color=ORANGE, label="not discussed"
    )
    for bars in (discussed, missing):
        ax.bar_label(bars, labels=[str(int(v)) if v else "" for v in bars.datavalues], padding=3, fontsize=8)
    ax.set_yticks(positions, labels=[_short(topic) for topic in shown["topic"]])
    ax.set_ylim(shown.height - 0.5, -0.5)
    ax.set_xlabel("calls")
    ax.legend(loc="lower right", frameon=False)
    _style(ax, "")
    return figure


def calls_per_country(frame: pl.DataFrame) -> Figure:
    """Calls that took place, per country taking part."""
    shown = frame.head(TOP_BARS)
    figure = _figure(1.4 + 0.32 * max(shown.height, 3))
    ax = figure.add_subplot()
    _title(figure, "Calls that took place, per country taking part" + _more(frame.height, shown.height, "countries"))
    _barh(ax, shown["country"].to_list(), shown["calls"].to_list(), "", BLUE, "calls")
    return figure


def trade_measures(frame: pl.DataFrame) -> Figure:
    """Distinct trade measures by type, by status and by imposing country."""
    figure = _figure(1.6 + 0.3 * max(_distinct(frame, "measure_type", "status", "imposing_country"), 3))
    panels = figure.subplots(1, 3)
    for ax, column, title in zip(
        panels,
        ("measure_type", "status", "imposing_country"),
        ("Trade measures by type", "by status", "by imposing country"),
        strict=True,
    ):
        counts = _count(frame, column)
        _barh(ax, counts[column].to_list(), counts["n"].to_list(), title, ORANGE, "measures")
    return figure


def data_quality(rejected: pl.DataFrame, quarantined: pl.DataFrame, validation: pl.DataFrame) -> Figure:
    """Rejected articles by reason, quarantined facts by rule, and validation suites passed and failed."""
    sizes = [max(min(rejected.height, TOP_BARS), 1), max(min(quarantined.height, TOP_BARS), 1), 2]
    figure = _figure(2.4 + 0.32 * sum(sizes))
    panels = figure.subplots(3, 1, height_ratios=[size + 1.5 for size in sizes])
    reasons = rejected.head(TOP_BARS)
    _barh(
        panels[0],
        reasons["reason"].to_list(),
        reasons["articles"].to_list(),
        "Rejected articles, by reason" + _more(rejected.height, reasons.height, "reasons"),
        GREY,
        "articles",
        empty="no article rejected",
    )
    rules = quarantined.head(TOP_BARS)
    _barh(
        panels[1],
        rules["rule"].to_list(),
        rules["facts"].to_list(),
        "Facts quarantined, by rule" + _more(quarantined.height, rules.height, "rules"),
        GREY,
        "facts",
        empty="no fact quarantined",
    )
    passed = int(validation["is_passed"].sum()) if validation.height else 0
    _barh(
        panels[2],
        ["passed", "failed"] if validation.height else [],
        [passed, validation.height - passed],
        "Validation suites of the run (Great Expectations)",
        [GREEN, RED],
        "suites",
        empty="no validation results",
    )
    return figure


# ----------------------------------------------------------------------------------------------- helpers


def _figure(height: float) -> Figure:
    return Figure(figsize=(WIDTH_INCHES, height), layout="constrained")


def _title(figure: Figure, title: str) -> None:
    """A chart's title from the figure's left edge (an axes title would start after long row labels)."""
    figure.suptitle(title, x=0.01, ha="left", fontsize=11)


def _barh(
    ax: Axes,
    labels: list[str],
    values: list[int],
    title: str,
    color: str | list[str],
    unit: str,
    empty: str = "no data",
) -> None:
    if not labels:
        _no_data(ax, title, empty)
        return
    positions = list(range(len(labels)))
    bars = ax.barh(positions, values, color=color, height=0.6)
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_yticks(positions, labels=[_short(label) for label in labels])
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlabel(unit)
    ax.set_xlim(0, max(max(values), 1) * 1.15)
    _style(ax, title)


def _style(ax: Axes, title: str, *, counts: bool = True) -> None:
    ax.set_title(title, loc="left", fontsize=11)
    if counts:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)


def _no_data(ax: Axes, title: str, message: str = "no data") -> None:
    ax.set_title(title, loc="left", fontsize=11)
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=13, color=GREY, transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_color("#DDDDDD")


def _count(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    return frame.group_by(column).agg(pl.len().alias("n")).sort(["n", column], descending=[True, False]).head(TOP_BARS)


def _distinct(frame: pl.DataFrame, *columns: str) -> int:
    return max((min(frame[column].n_unique(), TOP_BARS) for column in columns), default=0) if frame.height else 0


def _more(total: int, shown: int, what: str) -> str:
    return f" (top {shown} of {total} {what})" if total > shown else ""


def _short(label: str) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
