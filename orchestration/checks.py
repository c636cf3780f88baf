"""The Great Expectations suites of hotline.quality as blocking asset checks on the marts.

One check per rule and table it guards, named after the rule. A failed ``error`` rule stops the publish;
``warn`` rules (plausibility bounds) are reported and let it through. Metadata carries each failed
expectation with its unexpected count and a sample of the offending rows.
"""

import dagster as dg

from hotline.quality import SUITES, SuiteResult
from orchestration.assets.dbt import key_for_table
from orchestration.resources import WarehouseResource

SEVERITY = {"error": dg.AssetCheckSeverity.ERROR, "warn": dg.AssetCheckSeverity.WARN}


def describe(result: SuiteResult) -> str:
    if result.passed:
        return f"{result.suite}: {result.evaluated} expectations passed on {result.row_count} rows"
    parts = []
    for failure in result.failures:
        if failure.get("error"):
            parts.append(f"{failure['expectation']}: {failure['error']}")
        else:
            parts.append(
                f"{failure['expectation']} on {failure['column']}: {failure['unexpected_count']} unexpected, "
                f"e.g. {failure['unexpected_rows'][:3] or failure['partial_unexpected_list'][:3]}"
            )
    return f"{result.suite} failed on {result.table}: " + "; ".join(parts)


def check_result(result: SuiteResult) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=result.passed,
        severity=SEVERITY[SUITES[result.suite].severity],
        description=describe(result),
        metadata={
            "table": result.table,
            "rows_evaluated": result.row_count,
            "expectations_evaluated": result.evaluated,
            "unexpected_count": result.unexpected_count,
            "failures": dg.MetadataValue.json(result.failures),
        },
    )


def build_check(suite: str, table: str) -> dg.AssetChecksDefinition:
    # The other tables a rule reads (tables_needed) are not declared as additional_deps: a failed blocking
    # check on fct_calls would then skip every check reading fct_calls, and a failing run would report
    # less than it could. All of them come from the one dbt step, which runs before any check.
    @dg.asset_check(
        name=suite,
        asset=key_for_table(table),
        blocking=True,
        description=SUITES[suite].description,
    )
    def _check(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource) -> dg.AssetCheckResult:
        return check_result(warehouse.validate(suite, table, context.run.run_id))

    return _check


quality_checks = [build_check(suite, table) for suite, rule in SUITES.items() for table in rule.tables]
