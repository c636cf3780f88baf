"""Report: the published warehouse as a static HTML page with charts, next to the published file."""

import dagster as dg

from hotline.report import build_report
from orchestration.assets.publish import PUBLISHED_WAREHOUSE
from orchestration.resources import WarehouseResource


@dg.asset(
    key="report",
    group_name="publish",
    kinds={"html"},
    deps=[PUBLISHED_WAREHOUSE],
    description=(
        "An HTML page with charts (calls over time per pair of leaders, topics discussed and not, calls per "
        "country, trade measures, data quality) read from the published file, in <warehouse folder>/report."
    ),
)
def report(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    settings = warehouse.settings()
    with warehouse.lock():  # one writer of the report folder at a time
        page = build_report(settings.warehouse_path, settings.report_dir)
    charts = sorted(path.name for path in page.parent.glob("*.png"))
    context.log.info(f"report written to {page}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(page)),
            "url": dg.MetadataValue.url(page.resolve().as_uri()),
            "charts": dg.MetadataValue.json(charts),
        }
    )
