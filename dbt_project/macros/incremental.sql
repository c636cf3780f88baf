{#
    Incremental marts, one row per key, on DuckDB (Spark builds every table from scratch: there they are tables).
    A run inserts only the rows that are new or differ from the built table, and deletes the rows of keys that
    left; the marts stay what a full build gives (tests/orchestration/test_incremental_marts.py). A run builds
    with --full-refresh whenever the dbt project or the day changed since the last build (the plausibility rules
    read today's date): orchestration.assets.dbt.full_refresh.

    incremental_materialization(): incremental on DuckDB, table on Spark.
    changed_rows(relation, key, columns): a filter on the model's final rows, true for a row whose key is not in
        the built table with the same `columns` (null-safe): new and changed rows.
    delete_left(key, source): the post-hook that deletes the rows whose key is no longer in `source`.
#}

{% macro incremental_materialization() -%}
    {{ 'incremental' if target.type == 'duckdb' else 'table' }}
{%- endmacro %}

{% macro changed_rows(alias, key, columns) -%}
    {%- if is_incremental() %}
    where not exists (
        select 1
        from {{ this }} as built
        where built.{{ key }} = {{ alias }}.{{ key }}
        {%- for column in columns %}
            and built.{{ column }} is not distinct from {{ alias }}.{{ column }}
        {%- endfor %}
    )
    {%- endif %}
{%- endmacro %}

{% macro delete_left(key, source) -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where {{ key }} not in (select {{ key }} from {{ source }} where {{ key }} is not null)
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}
