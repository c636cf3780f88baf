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

    The cross-article resolution and the marts that read it are incremental by leader pair (every rule of the
    resolution is blocked on the pair, so a pair's calls depend on that pair's mentions only):
    changed_keys(fresh, key, row_id, columns): the `key`s (pairs) of the rows of CTE `fresh` and of the built table
        that differ, by `row_id` and `columns` (null-safe), in either direction: new, changed and deleted rows.
    resolved_now(): the value int_call_mentions_grouped_to_calls writes into `resolved_in` on the rows it
        (re)resolved in this dbt invocation: every row of the pairs touched, every row on a full build.
    resolved_this_run(alias): a filter on the resolution's rows, true for those resolved in this invocation
        (no filter on a full build): what a mart reads to rebuild the touched pairs' calls.
    delete_calls_resolved_again(resolution): the pre-hook of such a mart: deletes the rows of the calls resolved
        again (they are inserted anew) and of the calls that are no longer in `resolution`.
    by_call_config(): the config of such a mart (`{{ config(**by_call_config()) }}`), written once; its row-local
        tests check the calls it wrote (macros/tested_rows.sql).
    A dbt build that fails leaves these half done: the next build is a full refresh
    (orchestration.assets.dbt.full_refresh forgets the incremental key when a build starts).
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

{% macro changed_keys(fresh, key, row_id, columns) -%}
    select fresh.{{ key }}
    from {{ fresh }} as fresh
    where not exists (
        select 1
        from {{ this }} as built
        where built.{{ row_id }} = fresh.{{ row_id }}
        {%- for column in columns %}
            and built.{{ column }} is not distinct from fresh.{{ column }}
        {%- endfor %}
    )

    union

    select built.{{ key }}
    from {{ this }} as built
    where not exists (
        select 1
        from {{ fresh }} as fresh
        where fresh.{{ row_id }} = built.{{ row_id }}
        {%- for column in columns %}
            and fresh.{{ column }} is not distinct from built.{{ column }}
        {%- endfor %}
    )
{%- endmacro %}

{% macro resolved_now() -%}
    '{{ invocation_id }}'
{%- endmacro %}

{% macro resolved_this_run(alias) -%}
    {%- if is_incremental() %}
    where {{ alias }}.resolved_in = {{ resolved_now() }}
    {%- endif %}
{%- endmacro %}

{% macro delete_calls_resolved_again(resolution) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where call_id in (select call_id from {{ resolution }} where resolved_in = {{ resolved_now() }})
            or call_id not in (select call_id from {{ resolution }})
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{% macro by_call_config() -%}
    {{ return({
        'materialized': incremental_materialization() | trim,
        'incremental_strategy': 'append',
        'on_schema_change': 'fail',
        'pre_hook': "{{ delete_calls_resolved_again(ref('int_call_mentions_grouped_to_calls')) }}",
        'meta': {'written_rows': 'by_call'},
    }) }}
{%- endmacro %}
