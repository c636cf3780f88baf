"""Publish: record the validation results, then replace the published warehouse file atomically."""

import datetime as dt

import dagster as dg

from hotline import quality
from hotline.warehouse import publish, write_audit_table
from orchestration.assets import markdown_preview
from orchestration.assets.dbt import keys_in_groups
from orchestration.resources import WarehouseResource

PUBLISHED_WAREHOUSE = dg.AssetKey("published_warehouse")


@dg.asset(
    key=PUBLISHED_WAREHOUSE,
    group_name="publish",
    kinds={"python", "duckdb"},
    deps=keys_in_groups("marts", "audit"),
    description=(
        "The DuckDB file BI tools read (HOTLINE_WAREHOUSE_PATH): a copy of the build file, with "
        "audit.validation_results, swapped in with one atomic rename once the blocking checks pass."
    ),
)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    settings = warehouse.settings()
    with warehouse.lock():
        results = quality.validate_warehouse(settings.build_path)
        frame = quality.results_frame(results, dt.datetime.now(dt.UTC))
        write_audit_table(settings.build_path, "validation_results", frame)
        # The blocking checks normally stop a bad build before this step; this guards a publish
        # launched on its own (e.g. only this asset selected in the UI).
        blocking = [r for r in results if not r.passed and quality.SUITES[r.suite].severity == "error"]
        if blocking:
            raise dg.Failure(
                description="not publishing: "
                + "; ".join(f"{r.suite} failed on {r.table} ({r.unexpected_count} unexpected)" for r in blocking),
                metadata={"failures": dg.MetadataValue.json([r.to_dict() for r in blocking])},
            )
        counts = publish(settings.build_path, settings.warehouse_path, settings.storage_compatibility_version)
    context.log.info(f"published {settings.warehouse_path}: {counts}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(settings.warehouse_path)),
            "storage_version": settings.storage_compatibility_version,
            "mart_row_counts": dg.MetadataValue.json(counts),
            "dagster/row_count": sum(counts.values()),
            "suites_passed": sum(r.passed for r in results),
            "suites_failed": sum(not r.passed for r in results),
            "validation_results": markdown_preview(
                frame, ["suite_name", "table_name", "severity", "is_passed", "unexpected_count"]
            ),
        }
    )
