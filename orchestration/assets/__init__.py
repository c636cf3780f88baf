"""Asset modules, one per layer: ingest, extract, dbt, publish. Helpers shared by their metadata live here."""

import dagster as dg
import polars as pl

PREVIEW_ROWS = 10
PREVIEW_CELL_CHARS = 60


def raw_key(table: str) -> dg.AssetKey:
    """The key dagster-dbt gives ``raw.<table>``; Python assets use it so lineage connects."""
    return dg.AssetKey(["raw", table])


def markdown_preview(frame: pl.DataFrame, columns: list[str] | None = None) -> dg.MetadataValue:
    """The first rows of ``frame`` as a Markdown table, long cells cut short."""
    shown = frame.select(columns or frame.columns).head(PREVIEW_ROWS)
    if not shown.columns:
        return dg.MetadataValue.md("_no columns_")

    def cell(value: object) -> str:
        text = "" if value is None else str(value)
        text = " ".join(text.split()).replace("|", "\\|")
        return text if len(text) <= PREVIEW_CELL_CHARS else text[: PREVIEW_CELL_CHARS - 1] + "…"

    lines = [
        "| " + " | ".join(shown.columns) + " |",
        "|" + "---|" * len(shown.columns),
        *("| " + " | ".join(cell(value) for value in row) + " |" for row in shown.iter_rows()),
    ]
    if frame.height == 0:
        lines.append("| " + " | ".join("" for _ in shown.columns) + " |")
    return dg.MetadataValue.md("\n".join(lines))
