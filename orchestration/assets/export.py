"""Exports: the published marts and audit tables as Parquet files with a manifest, next to the published file."""

import dagster as dg

from hotline.apart import apart
from hotline.export import export_marts, read_manifest
from orchestration.assets.publish import PUBLISHED_WAREHOUSE
from orchestration.resources import WarehouseResource

EXPORT_FORMAT = "parquet"


@dg.asset(
    key="published_exports",
    group_name="publish",
    kinds={"parquet"},
    deps=[PUBLISHED_WAREHOUSE],
    description=(
        "Every table of schemas marts and audit of the published file as one Parquet file, with manifest.json "
        "(rows, column types, sha256 per file), in <warehouse folder>/exports/parquet, swapped in atomically."
    ),
)
def published_exports(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    settings = warehouse.settings()
    to = settings.exports_dir / EXPORT_FORMAT
    with warehouse.lock():  # one writer of the export folder at a time
        files = apart(export_marts, settings.warehouse_path, to, EXPORT_FORMAT)  # DuckDB's memory, apart
    manifest = read_manifest(to)
    rows = {table: entry["rows"] for table, entry in manifest["tables"].items()}
    context.log.info(f"exported {len(files) - 1} tables to {to}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(to)),
            "format": EXPORT_FORMAT,
            "published_at": manifest["published_at"],
            "table_row_counts": dg.MetadataValue.json(rows),
            "dagster/row_count": sum(rows.values()),
            "manifest": dg.MetadataValue.json(manifest),
        }
    )
