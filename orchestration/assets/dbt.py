"""dbt: every model and seed as an asset, the tests of the published tables as asset checks; the body streams
``dbt build``.

Sources keep dagster-dbt's default keys (``["raw", <table>]``), the keys the ingest and extract assets
produce, so lineage connects with no translator tricks. Groups follow the model folders.

Every dbt test runs in the one ``dbt build`` and a failed one fails the step (nothing is published); dbt's
``run_results.json`` holds every result and ``hotline run`` prints each failure in full. Only the tests of the
published tables (:data:`CHECKED_GROUPS`) also become Dagster asset checks: each check is three events stored in
DAGSTER_HOME (planned, output, evaluation), which on the seeds cost more than dbt's own work.
"""

import datetime as dt
import hashlib
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliInvocation, DbtCliResource, dbt_assets, get_asset_key_for_model

from hotline import quality, spark
from hotline.config import REFERENCE_DIR, Settings
from hotline.ingest import built
from hotline.warehouse import file_stamp
from orchestration.manifest import DBT_RUNS_FOLDER, build_path_vars, project_key
from orchestration.project import hotline_dbt_project
from orchestration.resources import WarehouseResource
from orchestration.runs import PUBLISHED_WAREHOUSE, UNCHANGED, progress_reporter, unpublished_metadata

PARTIAL_PARSE = "partial_parse.msgpack"
CHECKED_GROUPS = frozenset({"marts", "audit"})
"""The groups whose dbt tests are Dagster asset checks: the tables the published file holds."""


class HotlineDbtTranslator(DagsterDbtTranslator):
    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        """Seeds are ``reference``; a model's group is its folder under ``models/`` (``staging``...)."""
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[1] if len(fqn) > 2 else super().get_group_name(dbt_resource_props)

    def get_asset_check_spec(
        self, asset_spec: dg.AssetSpec, manifest: Mapping[str, Any], unique_id: str, project: Any
    ) -> dg.AssetCheckSpec | None:
        """A check for each test of a published table; the other tests run in ``dbt build`` without one."""
        if asset_spec.group_name not in CHECKED_GROUPS:
            return None
        return super().get_asset_check_spec(asset_spec, manifest, unique_id, project)

    def is_checked(self, manifest: Mapping[str, Any], unique_id: str | None) -> bool:
        """False for a dbt test without an asset check (its result stays in dbt's output); True otherwise."""
        test = manifest["nodes"].get(unique_id) if unique_id and unique_id.startswith("test.") else None
        tested = manifest["nodes"].get(test.get("attached_node") or "") if test else None
        return test is None or (tested is not None and self.get_group_name(tested) in CHECKED_GROUPS)


HOTLINE_TRANSLATOR = HotlineDbtTranslator()


@dbt_assets(
    manifest=hotline_dbt_project.manifest_path,
    project=hotline_dbt_project,
    dagster_dbt_translator=HOTLINE_TRANSLATOR,
)
def hotline_dbt_assets(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource
) -> Iterator[Any]:
    settings = warehouse.settings()
    runs = settings.warehouse_path.parent / DBT_RUNS_FOLDER
    target_path = runs / context.run.run_id
    partial = unpublished_metadata(context)
    key = build_key(settings)
    unchanged = published_unchanged(settings, key)
    if unchanged is not None:  # yields no output: the checks, the publish and what reads it are skipped
        context.log.info(unchanged)
        metadata = {UNCHANGED: unchanged, "path": dg.MetadataValue.path(str(settings.warehouse_path))}
        context.log_event(dg.AssetObservation(asset_key=PUBLISHED_WAREHOUSE, metadata=metadata))
        return
    with warehouse.lock():
        settings.build_path.parent.mkdir(parents=True, exist_ok=True)
        project = project_key()
        left_out = [] if context.is_subset else left_out_when_unchanged(settings, project)
        refresh = refresh_key(settings, project)
        # a subset leaves the models it does not select behind the ones it builds: a full refresh, and the next
        # whole build one too (the incremental key is forgotten until a whole build succeeds, see full_refresh)
        refreshing = ["--full-refresh"] if context.is_subset else full_refresh(settings, refresh)
        built.write_meta(
            settings.build_path, built_key=None, project_built=project if left_out else None, incremental_key=None
        )
        reuse_partial_parse(runs, target_path)
        build = ["build", *build_path_vars(settings.build_path), *left_out, *refreshing]
        if settings.engine == "duckdb":
            build += NO_UNIT_TESTS
        if settings.engine == "spark":  # the same models on Spark; their tables come back into the build file
            spark.clear_built_tables(settings.build_path)
            build += spark.dbt_args()
        report = progress_reporter(context, "models, seeds and tests done")
        quality.import_in_background()  # the checks' Great Expectations loads while dbt works in its own process
        yield from _dagster_events(dbt.cli(build, context=context, target_path=target_path), context, report, partial)
        if settings.engine == "spark":
            context.log.info(f"copied from Spark into {settings.build_path}: {spark.load_built_tables(settings)}")
        built.write_meta(
            settings.build_path,
            built_key=key,
            project_built=project,
            incremental_key=None if context.is_subset else refresh,
        )
    prune_runs(runs, keep=target_path)


NO_UNIT_TESTS = ["--exclude-resource-type", "unit_test"]
"""A run on DuckDB builds without the dbt unit tests (SQL on fixed rows, no data): dbt Labs recommends running them
in development and CI only, where ``make test`` runs them (``tests/orchestration/test_incremental_runs.py``); a run
on Spark, which proves the same project on another engine, keeps them."""
LEFT_OUT = ["--exclude", "resource_type:seed", "--indirect-selection", "cautious"]
"""What a build of the whole project leaves out when the dbt project did not change since the last successful
build: the seeds with the tests of seeds alone (the reference tables are there from that build). ``cautious``: a
test of a model against a seed (a relationship) still runs."""


def left_out_when_unchanged(settings: Settings, project: str) -> list[str]:
    """:data:`LEFT_OUT` on DuckDB when the last successful build of this build file ran dbt project ``project``
    and its reference tables are all there; nothing otherwise (and always on Spark, which builds from scratch).
    Every model is built and every test of a model runs."""
    if settings.engine != "duckdb" or built.read_meta(settings.build_path, "project_built") != project:
        return []
    seeds = {path.stem for path in REFERENCE_DIR.glob("*.csv")}
    return LEFT_OUT if seeds <= set(built.table_names(settings.build_path, "reference")) else []


def refresh_key(settings: Settings, project: str) -> str:
    """What the incremental models' built rows depend on beyond their own rows: the dbt project, today's date (the
    plausibility rules read it) and the extractor version the raw facts were made with, on this engine."""
    extractor = built.read_meta(settings.build_path, "extractor_version")
    return f"{project}:{dt.date.today().isoformat()}:{settings.engine}:{extractor}"


def full_refresh(settings: Settings, key: str) -> list[str]:
    """``--full-refresh`` unless the last successful build of this build file had the same :func:`refresh_key`:
    the incremental models (``dbt_project/macros/incremental.sql``) then rebuild every row. The key is forgotten
    when a build starts and kept when a whole build succeeds, so a build that failed half-way (some incremental
    models built, the marts reading them not) is followed by a full one. Nothing on Spark, which builds every
    model as a table."""
    if settings.engine != "duckdb" or built.read_meta(settings.build_path, "incremental_key") == key:
        return []
    return ["--full-refresh"]


def build_key(settings: Settings) -> str:
    """What a build is made from: the raw data (:func:`hotline.ingest.built.data_key`), the dbt project
    (:func:`orchestration.manifest.project_key`), the engine and today's date (the plausibility rules read it)."""
    parts = [built.data_key(settings.build_path), project_key(), settings.engine, dt.date.today().isoformat()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def published_unchanged(settings: Settings, key: str) -> str | None:
    """Why this run need not build: the published file, its exports and report were made from a build of ``key``
    and are still there as published; None when it must build."""
    build = settings.build_path
    if built.read_meta(build, "published_key") != key or built.read_meta(build, "published_file") != file_stamp(
        settings.warehouse_path
    ):
        return None
    if not (settings.exports_dir / "parquet" / "manifest.json").is_file() or not settings.report_dir.is_dir():
        return None
    run = built.read_meta(build, "published_run") or "?"
    return f"nothing changed since run {run[:8]}: dbt, checks and publish skipped; the published file stays as it is"


def _dagster_events(
    invocation: DbtCliInvocation, context: dg.AssetExecutionContext, report: Callable[[int], None], partial: Any
) -> Iterator[Any]:
    """dagster-dbt's events for ``invocation``'s dbt events (``DbtCliInvocation.stream``), none for a test without
    an asset check. dbt's console lines go to stdout: ``hotline run`` keeps them in the run log, with a summary."""
    translator = HOTLINE_TRANSLATOR
    done = 0
    for raw in invocation.stream_raw_events():
        if not raw.is_result_event:
            continue
        done += 1
        report(done)
        if not translator.is_checked(invocation.manifest, raw.raw_event["data"]["node_info"]["unique_id"]):
            continue
        for event in raw.to_default_asset_events(
            manifest=invocation.manifest,
            dagster_dbt_translator=translator,
            context=context,
            target_path=invocation.target_path,
            project=invocation.project,
        ):
            yield event.with_metadata({**event.metadata, **partial}) if partial and _materializes(event) else event


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
