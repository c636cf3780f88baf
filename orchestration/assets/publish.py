"""Publish: record the validation results, then replace the published warehouse file atomically."""

import datetime as dt

import dagster as dg
import duckdb
import polars as pl

from hotline import quality
from hotline.apart import apart
from hotline.ingest import built
from hotline.warehouse import publish, record_validation
from orchestration.assets import markdown_preview
from orchestration.assets.dbt import file_stamp, keys_in_groups
from orchestration.resources import WarehouseResource

PUBLISHED_WAREHOUSE = dg.AssetKey("published_warehouse")
QUARANTINE_LISTED = 200
"""Quarantined facts listed in the materialization's metadata (all of them are in audit.quarantined_facts)."""


def _this_run(warehouse: WarehouseResource, run_id: str) -> pl.DataFrame:
    """The suite results this run's checks recorded (none when no check ran yet)."""
    try:
        results = warehouse.read_build_table("audit.validation_results")
    except duckdb.CatalogException:
        results = quality.results_frame([], dt.datetime.now(dt.UTC))
    if "run_id" not in results.columns:
        return quality.results_frame([], dt.datetime.now(dt.UTC))
    return results.filter(pl.col("run_id") == run_id)


@dg.asset(
    key=PUBLISHED_WAREHOUSE,
    group_name="publish",
    kinds={"python", "duckdb"},
    deps=keys_in_groups("marts", "audit"),
    description=(
        "The DuckDB file BI tools read (HOTLINE_WAREHOUSE_PATH): schemas marts and audit of the build file "
        "(with audit.validation_results), swapped in with one atomic rename once the blocking checks pass."
    ),
)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    settings = warehouse.settings()
    with warehouse.lock():
        # Each suite runs once per run, as a check, and records itself in audit.validation_results. Suites
        # this run did not check (this asset launched on its own from the UI) run here.
        frame = _this_run(warehouse, context.run_id)
        done = set(zip(frame["suite_name"], frame["table_name"], strict=True))
        missing = [
            quality.validate_table(settings.build_path, suite, table)
            for suite, rule in quality.SUITES.items()
            for table in rule.tables
            if (suite, table) not in done
        ]
        if missing:
            record_validation(
                settings.build_path, quality.results_frame(missing, dt.datetime.now(dt.UTC), context.run_id)
            )
            frame = _this_run(warehouse, context.run_id)
        # The blocking checks normally stop a bad build before this step; this guards a publish
        # launched on its own (e.g. only this asset selected in the UI).
        blocking = frame.filter(~pl.col("is_passed") & (pl.col("severity") == "error"))
        if blocking.height:
            raise dg.Failure(
                description="not publishing: "
                + "; ".join(
                    f"{row['suite_name']} failed on {row['table_name']} ({row['unexpected_count']} unexpected)"
                    for row in blocking.iter_rows(named=True)
                ),
                metadata={"failures": dg.MetadataValue.json(blocking.to_dicts())},
            )
        quarantined = warehouse.read_build_table("audit.quarantined_facts")
        # In a process of its own: DuckDB's copy holds up to its memory limit, which this process would keep; and
        # there no reader of ours has the spare open (hotline.warehouse.publish), so it starts from the spare.
        counts = apart(
            publish,
            settings.build_path,
            settings.warehouse_path,
            settings.storage_compatibility_version,
            reuse_spare=True,
        )
        built.write_meta(  # what the published file was built from: a later run with the same builds nothing
            settings.build_path,
            published_key=built.read_meta(settings.build_path, "built_key"),
            published_file=file_stamp(settings.warehouse_path),
            published_run=context.run_id,
            published_rules=quality.rules_key(),  # the rules its rows passed (WarehouseResource.validate)
        )
    context.log.info(f"published {settings.warehouse_path}: {counts}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(settings.warehouse_path)),
            "storage_version": settings.storage_compatibility_version,
            "mart_row_counts": dg.MetadataValue.json(counts),
            "dagster/row_count": sum(counts.values()),
            "quarantined_facts": quarantined.height,
            "quarantined": dg.MetadataValue.json(
                quarantined.select("source_name", "fact", "rule", "reason").head(QUARANTINE_LISTED).to_dicts()
            ),
            "suites_passed": int(frame["is_passed"].sum()),
            "suites_failed": int((~frame["is_passed"]).sum()),
            "validation_results": markdown_preview(
                frame, ["suite_name", "table_name", "severity", "is_passed", "unexpected_count"]
            ),
        }
    )
