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

from orchestration.manifest import DBT_RUNS_FOLDER, build_path_vars
from orchestration.project import hotline_dbt_project
from orchestration.resources import WarehouseResource
from orchestration.runs import progress_reporter, unpublished_metadata

PARTIAL_PARSE = "partial_parse.msgpack"


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
    settings = warehouse.settings()
    runs = settings.warehouse_path.parent / DBT_RUNS_FOLDER
    target_path = runs / context.run.run_id
    partial = unpublished_metadata(context)
    with warehouse.lock():
        settings.build_path.parent.mkdir(parents=True, exist_ok=True)
        reuse_partial_parse(runs, target_path)
        build = ["build", *build_path_vars(settings.build_path)]
        report = progress_reporter(context, "models, seeds and tests done")
        for done, event in enumerate(dbt.cli(build, context=context, target_path=target_path).stream(), start=1):
            report(done)
            # dbt's console lines go to stdout: ``hotline run`` keeps them in the run log and prints a summary
            yield event.with_metadata({**event.metadata, **partial}) if partial and _materializes(event) else event
    prune_runs(runs, keep=target_path)


def _materializes(event: object) -> bool:
    return isinstance(event, dg.Output | dg.AssetMaterialization)


def reuse_partial_parse(runs: Path, target_path: Path) -> None:
    """Start from the partial parse of this warehouse's previous dbt build (kept in its run folder).

    dagster-dbt copies ``dbt_project/target/partial_parse.msgpack`` into a run's target unless one is there, and
    dbt parses everything again when the profile's connection differs from the parse's (another warehouse path,
    several seconds). The previous build of this warehouse was parsed for this path; dbt itself re-reads whatever
    files changed since.
    """
    folders = list(runs.iterdir()) if runs.is_dir() else []
    previous = [folder / PARTIAL_PARSE for folder in folders if (folder / PARTIAL_PARSE).is_file()]
    if previous and not (target_path / PARTIAL_PARSE).exists():
        target_path.mkdir(parents=True, exist_ok=True)
        shutil.copy(max(previous, key=lambda path: path.stat().st_mtime), target_path / PARTIAL_PARSE)


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
