{#
    Row-local data tests on the rows a build wrote. A generic test whose rule holds row by row (row_local_tests():
    not null, accepted values, a range, an expression of one row) checks, in an incremental build, only the rows
    its model wrote in this dbt invocation, when the model says which those are (`meta: {written_rows: ...}`):
      resolved_in   the rows with `resolved_in` = resolved_now(): int_call_mentions_grouped_to_calls, whose rows a
                    build writes pair by pair (macros/incremental.sql)
      by_call       the rows of the calls resolved in this invocation: the marts incremental by call
                    (by_call_config() in macros/incremental.sql)
    A row a build did not write is a row an earlier build wrote and tested with the same rule: an incremental build
    runs only when the dbt project, the day and the extractor are those of the last whole build that succeeded
    (orchestration.assets.dbt.full_refresh; a failed build is followed by a full one). Every row is tested when
    the build is a full one (--full-refresh, a table on Spark), when dbt runs the tests alone (`dbt test`), or when
    the model or the resolution was not built in this invocation. Unique and relationships tests read whole tables.

    get_where_subquery(relation): dbt's own macro that wraps a tested model in a test's `where` config, here with
        the rows this build wrote as one more condition.
#}

{% macro row_local_tests() -%}
    {{ return(['not_null_columns', 'accepted_values_columns', 'value_between', 'expression_is_true']) }}
{%- endmacro %}

{% macro get_where_subquery(relation) -%}
    {%- set conditions = [] -%}
    {%- if config.get('where') -%}
        {%- do conditions.append('(' ~ config.get('where') ~ ')') -%}
    {%- endif -%}
    {%- set written = written_rows(model) -%}
    {%- if written -%}
        {%- do conditions.append('(' ~ written ~ ')') -%}
    {%- endif -%}
    {%- if conditions -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ conditions | join(' and ') }}) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}

{% macro written_rows(test) -%}
    {#- The condition on the tested model's rows that keeps those this invocation wrote; '' for every row. -#}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set resolution = graph.nodes.get('model.' ~ project_name ~ '.int_call_mentions_grouped_to_calls') -%}
    {%- set tested = graph.nodes.get(test.get('attached_node') or '') -%}
    {%- set kind = (tested.config.get('meta') or {}).get('written_rows') if tested else none -%}
    {%- if not kind
        or (test.get('test_metadata') or {}).get('name') not in row_local_tests()
        or incremental_materialization() | trim != 'incremental'
        or flags.FULL_REFRESH
        or invocation_args_dict.get('which') != 'build'
        or resolution is none
        or resolution.unique_id not in selected_resources
        or tested.unique_id not in selected_resources -%}
        {{ return('') }}
    {%- endif -%}
    {%- if kind == 'resolved_in' -%}
        {{ return('resolved_in = ' ~ resolved_now()) }}
    {%- elif kind == 'by_call' -%}
        {%- set resolved = api.Relation.create(
            database=resolution.database, schema=resolution.schema, identifier=resolution.alias) -%}
        {{ return('call_id in (select call_id from ' ~ resolved ~ ' where resolved_in = ' ~ resolved_now() ~ ')') }}
    {%- endif -%}
    {{ exceptions.raise_compiler_error('unknown written_rows ' ~ kind ~ ' on ' ~ tested.unique_id) }}
{%- endmacro %}
