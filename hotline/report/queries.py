"""Every query of the report, in one place, read from the published file over a read-only connection.

Calls are the calls that took place (``call_status = 'held'``); a value the text does not give (a call without a
date, a measure without an imposing country) stays null here and is shown as such, never filled in.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from hotline.warehouse import connect_read_only

REQUIRED_TABLES = (
    "marts.fct_calls",
    "marts.bridge_call_participants",
    "marts.bridge_call_topics",
    "marts.dim_officials",
    "marts.dim_topics",
    "marts.dim_countries",
    "marts.dim_trade_measures",
    "marts.dim_articles",
    "audit.rejected_articles",
    "audit.quarantined_facts",
    "audit.validation_results",
)

LISTED_ROWS = 100
"""Rows of the detail tables (rejected articles, quarantined facts) the page lists; the counts cover all."""

QUERIES: dict[str, str] = {
    "summary": """
        select
            (select count(*) from marts.fct_calls where call_status = 'held') as held_calls,
            (select count(*) from marts.fct_calls where call_status <> 'held') as calls_not_held,
            (select count(*) from marts.fct_calls where call_status = 'held' and call_date is null) as undated_calls,
            (select min(call_date) from marts.fct_calls where call_status = 'held') as first_call_date,
            (select max(call_date) from marts.fct_calls where call_status = 'held') as last_call_date,
            (select count(*) from marts.dim_articles) as articles,
            (select count(*) from audit.rejected_articles) as rejected_articles,
            (select count(*) from audit.quarantined_facts) as quarantined_facts,
            (select count(*) from audit.validation_results where is_passed) as suites_passed,
            (select count(*) from audit.validation_results where not is_passed) as suites_failed
    """,
    "calls_by_pair": """
        with names as (
            select
                participants.call_id,
                coalesce(officials.full_name, participants.official_id) as full_name,
            from marts.bridge_call_participants as participants
            left join marts.dim_officials as officials using (official_id)
        ),
        pairs as (
            select call_id, string_agg(full_name, ' – ' order by full_name) as leaders,
            from names
            group by call_id
        )
        select calls.call_id, pairs.leaders, calls.call_date,
        from marts.fct_calls as calls
        inner join pairs using (call_id)
        where calls.call_status = 'held'
        order by pairs.leaders, calls.call_date nulls last, calls.call_id
    """,
    "topics": """
        select
            coalesce(topics.topic_name, bridge.topic_code) as topic,
            bridge.status,
            count(distinct bridge.call_id) as calls,
        from marts.bridge_call_topics as bridge
        inner join marts.fct_calls as calls using (call_id)
        left join marts.dim_topics as topics using (topic_code)
        where calls.call_status = 'held'
        group by all
        order by calls desc, topic, bridge.status
    """,
    "calls_by_country": """
        select
            coalesce(countries.country_name, participants.country_code, 'country not stated') as country,
            count(distinct participants.call_id) as calls,
        from marts.bridge_call_participants as participants
        inner join marts.fct_calls as calls using (call_id)
        left join marts.dim_countries as countries using (country_code)
        where calls.call_status = 'held'
        group by all
        order by calls desc, country
    """,
    "trade_measures": """
        select
            measure_type,
            coalesce(status, 'not stated') as status,
            coalesce(imposing_country_code, 'not stated') as imposing_country,
            coalesce(target_country_code, 'not stated') as target_country,
            coalesce(sector, 'not stated') as sector,
            rate_percent,
        from marts.dim_trade_measures
        order by measure_type, imposing_country, target_country, sector
    """,
    "rejected_by_reason": """
        select reason, count(*) as articles from audit.rejected_articles group by reason order by articles desc, reason
    """,
    "rejected_articles": f"""
        select source_name, reason from audit.rejected_articles order by source_name limit {LISTED_ROWS}
    """,
    "quarantined_by_rule": """
        select rule, count(*) as facts from audit.quarantined_facts group by rule order by facts desc, rule
    """,
    "quarantined_facts": f"""
        select source_name, fact, rule, reason, fact_value, evidence
        from audit.quarantined_facts
        order by rule, source_name, fact_id
        limit {LISTED_ROWS}
    """,
    "validation_results": """
        select suite_name, table_name, severity, is_passed, unexpected_count
        from audit.validation_results
        order by is_passed, suite_name, table_name
    """,
}


def load(warehouse_path: Path) -> dict[str, pl.DataFrame]:
    """Run every query of :data:`QUERIES` on the published file; a table the report needs must be there."""
    con = connect_read_only(Path(warehouse_path))
    try:
        present = {
            f"{schema}.{table}"
            for schema, table in con.execute(
                "select schema_name, table_name from duckdb_tables() where database_name = current_database()"
            ).fetchall()
        }
        missing = [table for table in REQUIRED_TABLES if table not in present]
        if missing:
            raise ValueError(f"{warehouse_path} lacks {', '.join(missing)}: is it a published Hotline warehouse?")
        return {name: con.sql(sql).pl() for name, sql in QUERIES.items()}
    finally:
        con.close()
