"""Running a suite of :mod:`hotline.quality.rules` with Great Expectations (1.x) on pandas, in an ephemeral
context, one batch of a prepared frame at a time."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import math
import threading
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import polars as pl

from hotline.quality.rules import PARTIAL_LIST_SIZE, SUITES, SuiteResult

# ---------------------------------------------------------------------------------- running GX


def _camel(snake: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in snake.split("_"))


# Great Expectations imports pyspark whenever it is installed (the spark extra); pyspark's warning about the pandas
# version is about Spark's pandas API, which nothing here uses: not the user's concern on every run.
warnings.filterwarnings("ignore", message="PySpark does not yet fully support", category=FutureWarning)

GX_MODULES = ("great_expectations", "great_expectations.expectations")
"""What :func:`run_suite` imports: seconds of work, done when a suite first runs (or ahead, in the background)."""


def import_in_background() -> threading.Thread:
    """Import Great Expectations on a daemon thread, for a process about to wait (on dbt) before it validates.

    A suite that starts meanwhile waits for the import to finish (Python's import lock); an import that fails
    here fails again, with its message, where the suite imports it.
    """

    def load() -> None:
        for module in GX_MODULES:
            with contextlib.suppress(Exception):
                importlib.import_module(module)

    thread = threading.Thread(target=load, name="import-great-expectations", daemon=True)
    thread.start()
    return thread


def _gx_context() -> Any:
    # Imported here: GX takes seconds to import, and loading the Dagster definitions should not pay it.
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
        store_backend_defaults=InMemoryStoreBackendDefaults(),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _to_pandas(frame: Any) -> Any:
    if isinstance(frame, pl.DataFrame):
        return frame.to_pandas()
    return frame


def run_suite(name: str, frame: pl.DataFrame | Any, table: str | None = None) -> SuiteResult:
    """Validate ``frame`` (polars or pandas, already prepared) against suite ``name``."""
    return validate_batches(name, [frame], table)


def validate_batches(name: str, batches: Iterable[pl.DataFrame | Any], table: str | None = None) -> SuiteResult:
    """Validate the rows of a prepared frame, given in ``batches`` (polars or pandas), against suite ``name``: one
    GX validation per batch, their results summed (unexpected counts, rows) and their samples joined, so memory
    holds one batch at a time whatever the table's size. No batch at all is validated as one empty frame."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    suite = SUITES[name]
    table = table or suite.tables[0]
    context = _gx_context()
    batch = (
        context.data_sources.add_pandas(f"{name}_source")
        .add_dataframe_asset(table)
        .add_batch_definition_whole_dataframe("whole_table")
    )
    expectations = [getattr(gxe, _camel(expect.type))(**expect.kwargs) for expect in suite.expectations]
    gx_suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=expectations))
    validation = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=gx_suite))
    result_format = {
        "result_format": "SUMMARY",
        "partial_unexpected_count": PARTIAL_LIST_SIZE,
        "unexpected_index_column_names": list(suite.id_columns),
    }
    passed, evaluated, rows = True, len(expectations), 0
    failures: dict[tuple[str, str | None], dict[str, Any]] = {}
    for part in batches:
        df = _to_pandas(part)
        missing = [column for column in suite.id_columns if column not in df.columns]
        if missing:
            return error_result(name, table, f"columns {missing} are missing from {table}")
        outcome = validation.run(batch_parameters={"dataframe": df}, result_format=result_format)
        passed = passed and bool(outcome.success)
        evaluated = int(outcome.statistics.get("evaluated_expectations", len(expectations)))
        rows += len(df)
        for result in outcome.results:
            if not result.success:
                _add_failure(failures, _failure(result, suite.id_columns))
    return SuiteResult(
        suite=name, table=table, passed=passed, evaluated=evaluated, failures=list(failures.values()), row_count=rows
    )


def _add_failure(failures: dict[tuple[str, str | None], dict[str, Any]], failure: dict[str, Any]) -> None:
    """Fold one batch's failure of an expectation into the failures so far: counts add up, samples join (up to
    :data:`PARTIAL_LIST_SIZE`), the first error stays."""
    key = (failure["expectation"], failure["column"])
    seen = failures.setdefault(key, failure)
    if seen is failure:
        return
    if failure.get("unexpected_count") is not None:
        seen["unexpected_count"] = (seen.get("unexpected_count") or 0) + failure["unexpected_count"]
    for listed in ("partial_unexpected_list", "unexpected_rows"):
        seen[listed] = (seen[listed] + failure[listed])[:PARTIAL_LIST_SIZE]
    if "error" in failure:
        seen.setdefault("error", failure["error"])


def _failure(result: Any, id_columns: Sequence[str]) -> dict[str, Any]:
    config = result.expectation_config
    kwargs = config.kwargs
    column = kwargs.get("column") or ", ".join(str(kwargs[key]) for key in ("column_A", "column_B") if key in kwargs)
    detail = result.result or {}
    failure: dict[str, Any] = {
        "expectation": config.type,
        "column": column or None,
        "unexpected_count": detail.get("unexpected_count"),
        "partial_unexpected_list": _plain(detail.get("partial_unexpected_list", [])),
        "unexpected_rows": _plain(
            [
                {key: row.get(key) for key in id_columns}
                for row in detail.get("partial_unexpected_index_list") or []
                if isinstance(row, Mapping)
            ]
        ),
    }
    exception = result.exception_info or {}
    if exception.get("raised_exception"):
        failure["error"] = exception.get("exception_message")
    elif not detail:
        failure["error"] = f"column {column!r} not found" if column else "expectation could not be evaluated"
    return failure


def _plain(value: Any) -> Any:
    """GX results hold numpy and pandas scalars; make them JSON-ready."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "item") and not hasattr(value, "isoformat"):
        return _plain(value.item())  # numpy scalar
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()  # pandas Timestamp
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if str(value) in ("NaT", "nan", "<NA>"):
        return None
    return str(value)


def error_result(name: str, table: str, message: str) -> SuiteResult:
    return SuiteResult(
        suite=name,
        table=table,
        passed=False,
        evaluated=0,
        failures=[
            {
                "expectation": "prepare_frame",
                "column": None,
                "unexpected_count": None,
                "partial_unexpected_list": [],
                "unexpected_rows": [],
                "error": message,
            }
        ],
    )
