"""The Definitions load and hold what the architecture promises: keys, groups, checks, job and sensor."""

from typing import Any

import dagster as dg
import pytest

from hotline.quality import SUITES
from hotline.schemas import RAW_TABLES
from orchestration.checks import quality_checks
from orchestration.definitions import defs

MARTS = [
    "fct_calls",
    "fct_call_mentions",
    "dim_officials",
    "dim_topics",
    "dim_trade_measures",
    "dim_articles",
    "dim_date",
    "bridge_call_participants",
    "bridge_call_topics",
    "bridge_call_trade_measures",
    "bridge_call_officials",
]


@pytest.fixture(scope="module")
def graph() -> Any:
    return defs.resolve_asset_graph()


def group_of(graph: Any, key: dg.AssetKey) -> str | None:
    return graph.get(key).group_name


def test_definitions_load() -> None:
    dg.Definitions.validate_loadable(defs)


def test_raw_tables_are_python_assets_in_their_groups(graph: Any) -> None:
    for table in RAW_TABLES:
        key = dg.AssetKey(["raw", table])
        assert graph.has(key), key
        assert graph.get(key).is_materializable, f"{key} should be produced by a Python asset, not external"
        assert group_of(graph, key) == ("ingest" if table.endswith("articles") else "extract")


@pytest.mark.parametrize("mart", MARTS)
def test_marts_are_in_the_marts_group(graph: Any, mart: str) -> None:
    key = dg.AssetKey(["marts", mart])
    assert graph.has(key), key
    assert group_of(graph, key) == "marts"


def test_dbt_groups_follow_folders(graph: Any) -> None:
    groups = {key.path[0]: group_of(graph, key) for key in graph.get_all_asset_keys() if len(key.path) == 2}
    assert groups["staging"] == "staging"
    assert groups["intermediate"] == "intermediate"
    assert groups["audit"] == "audit"
    assert groups["reference"] == "reference"  # dbt seeds
    assert group_of(graph, dg.AssetKey("published_warehouse")) == "publish"


def test_staging_reads_the_raw_tables(graph: Any) -> None:
    """Lineage connects: the dbt sources are the keys the Python assets produce."""
    staging_parents = {
        parent
        for key in graph.get_all_asset_keys()
        if key.path[0] == "staging"
        for parent in graph.get(key).parent_keys
    }
    assert {dg.AssetKey(["raw", table]) for table in RAW_TABLES} <= staging_parents


def test_every_mart_has_a_check(graph: Any) -> None:
    checked = {check.asset_key for check in graph.asset_check_keys}
    marts = [key for key in graph.get_all_asset_keys() if group_of(graph, key) == "marts"]
    assert marts
    assert [key for key in marts if key not in checked] == []


def test_every_quality_suite_is_a_blocking_check(graph: Any) -> None:
    checks = {(check.asset_key, check.name) for check in graph.asset_check_keys}
    for suite, rule in SUITES.items():
        for table in rule.tables:
            schema, name = table.split(".")
            assert (dg.AssetKey([schema, name]), suite) in checks
    specs = [spec for check in quality_checks for spec in check.check_specs]
    assert specs
    assert all(spec.blocking for spec in specs)


def test_publish_waits_for_every_mart(graph: Any) -> None:
    parents = graph.get(dg.AssetKey("published_warehouse")).parent_keys
    assert {dg.AssetKey(["marts", mart]) for mart in MARTS} <= parents


def test_job_and_sensor() -> None:
    job = defs.resolve_job_def("hotline_job")
    assert job.tags.get("hotline/warehouse") == "writer"
    sensor = defs.resolve_sensor_def("articles_folder_sensor")
    assert sensor.job_name == "hotline_job"
