"""The one Definitions: every asset, check, resource, the job and the sensor, listed here."""

import dagster as dg

from orchestration.assets.dbt import hotline_dbt_assets
from orchestration.assets.export import published_exports
from orchestration.assets.extract import extract_facts
from orchestration.assets.ingest import ingest_articles
from orchestration.assets.publish import published_warehouse
from orchestration.assets.report import report
from orchestration.checks import quality_checks
from orchestration.resources import WarehouseResource, dbt_resource
from orchestration.sensors import JOB_NAME, articles_folder_sensor

WAREHOUSE_TAG = "hotline/warehouse"
"""Every run of the job carries this tag; DAGSTER_HOME/dagster.yaml limits it to one run at a time."""

hotline_job = dg.define_asset_job(
    name=JOB_NAME,
    selection=dg.AssetSelection.all(),
    description="Ingest, extract, dbt build, quality checks and publish: the whole pipeline.",
    tags={WAREHOUSE_TAG: "writer"},
    # In process, unless a launch's run config says `execution: {config: {multiprocess: {max_concurrent: N}}}`:
    # then the extraction's buckets (HOTLINE_EXTRACT_PARTITIONS) run in parallel, each in its own process.
    executor_def=dg.multi_or_in_process_executor,
    config={"execution": {"config": {"in_process": {}}}},
)

defs = dg.Definitions(
    assets=[ingest_articles, extract_facts, hotline_dbt_assets, published_warehouse, published_exports, report],
    asset_checks=quality_checks,
    jobs=[hotline_job],
    sensors=[articles_folder_sensor],
    resources={"warehouse": WarehouseResource(), "dbt": dbt_resource()},
    # One DuckDB writer at a time means the steps run one after another anyway; in process they skip a
    # Python start and the imports (GX alone takes seconds) per step.
    executor=dg.in_process_executor,
)
