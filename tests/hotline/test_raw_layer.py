"""One definition of the raw layer (issue 16, point 5): the dbt sources (``dbt_project/models/staging/_sources.yml``)
declare exactly the tables, columns, column order and types of :data:`hotline.schemas.RAW_TABLES`, the schemas
every frame is built and every raw table written with; the fact tables are the same list everywhere.
"""

from __future__ import annotations

import polars as pl
import pytest
import yaml

from hotline.config import DBT_PROJECT_DIR
from hotline.ingest import state
from hotline.normalize import FACT_TABLES, to_frames
from hotline.schemas import RAW_TABLES

DBT_TYPES = {
    pl.String: "string",
    pl.Int32: "int",
    pl.Int64: "bigint",
    pl.Float64: "double",
    pl.Boolean: "boolean",
    pl.Date: "date",
    pl.Datetime: "timestamp",
}
"""The portable type names of the dbt project (STYLE §8) for each polars type of the raw schemas."""


def source_tables() -> dict[str, list[tuple[str, str]]]:
    document = yaml.safe_load((DBT_PROJECT_DIR / "models" / "staging" / "_sources.yml").read_text(encoding="utf-8"))
    (raw,) = [source for source in document["sources"] if source["name"] == "raw"]
    return {
        table["name"]: [(column["name"], column["data_type"]) for column in table["columns"]] for table in raw["tables"]
    }


def test_the_dbt_sources_are_the_raw_tables() -> None:
    assert sorted(source_tables()) == sorted(RAW_TABLES)


@pytest.mark.parametrize("table", sorted(RAW_TABLES))
def test_each_source_declares_the_columns_and_types_of_its_schema(table: str) -> None:
    declared = [(name, DBT_TYPES[dtype.base_type()]) for name, dtype in RAW_TABLES[table].items()]
    assert source_tables()[table] == declared


def test_frames_are_built_with_the_raw_schemas() -> None:
    frames = to_frames([])
    assert set(frames) | {"removed_articles"} == set(RAW_TABLES)
    for table, frame in frames.items():
        assert frame.schema == RAW_TABLES[table], table


def test_one_list_of_fact_tables() -> None:
    assert state.FACT_TABLES is FACT_TABLES
    assert set(FACT_TABLES) == set(RAW_TABLES) - {"articles", "rejected_articles", "removed_articles"}
