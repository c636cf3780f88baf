"""dbt: every model and seed as an asset, its tests as asset checks; the body only streams ``dbt build``.

Sources keep dagster-dbt's default keys (``["raw", <table>]``), the keys the ingest and extract assets
produce, so lineage connects with no translator tricks. Groups follow the model folders.
"""

import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets, get_asset_key_for_model

from orchestration.project import hotline_dbt_project
from orchestration.resources import WarehouseResource

DBT_RUNS_FOLDER = "dbt_runs"
"""Per-run dbt artifacts and logs go to ``<warehouse folder>/dbt_runs/<run>``; only the newest is kept."""


class HotlineDbtTranslator(DagsterDbtTranslator):
    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        """Seeds are ``reference``; a model's group is its folder under ``models/`` (``staging``...)."""
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[1] if len(fqn) > 2 else super().get_group_name(dbt_resource_props)


@dbt_assets(
    manifest=hotline_dbt_project.manifest_path,
    project=hotline_dbt_project,
    dagster_dbt_translator=HotlineDbtTranslator(),
)
def hotline_dbt_assets(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource
) -> Iterator[Any]:
    runs = warehouse.settings().warehouse_path.parent / DBT_RUNS_FOLDER
    target_path = runs / context.run.run_id
    with warehouse.lock(), warehouse.dbt_env():
        yield from dbt.cli(["build"], context=context, target_path=target_path).stream()
    prune_runs(runs, keep=target_path)


def prune_runs(runs: Path, keep: Path) -> None:
    """Delete every per-run dbt folder in ``runs`` except ``keep``."""
    for folder in runs.iterdir():
        if folder.is_dir() and folder != keep:
            shutil.rmtree(folder, ignore_errors=True)


def key_for_table(qualified_name: str) -> dg.AssetKey:
    """The asset key of ``schema.table``: ``raw.*`` are dbt sources, anything else a dbt model or seed."""
    schema, name = qualified_name.split(".")
    if schema == "raw":
        return dg.AssetKey([schema, name])
    return get_asset_key_for_model([hotline_dbt_assets], name)


def keys_in_groups(*groups: str) -> list[dg.AssetKey]:
    """Keys of the dbt assets in ``groups`` (e.g. every mart)."""
    return sorted(
        (spec.key for spec in hotline_dbt_assets.specs if spec.group_name in groups),
        key=lambda key: key.to_user_string(),
    )
