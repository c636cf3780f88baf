{#
    Aggregate string values into one string, sorted ascending, separated by `delimiter`.
    Callers deduplicate first (no `distinct` inside the aggregate), so the result is a canonical key.

    dbt's own `listagg` ignores the order on Spark, hence this dispatched macro.
#}
{% macro sorted_string_agg(expression, delimiter) -%}
    {{ return(adapter.dispatch('sorted_string_agg', 'hotline')(expression, delimiter)) }}
{%- endmacro %}

{% macro default__sorted_string_agg(expression, delimiter) -%}
    listagg({{ expression }}, '{{ delimiter }}') within group (order by {{ expression }})
{%- endmacro %}

{% macro duckdb__sorted_string_agg(expression, delimiter) -%}
    string_agg({{ expression }}, '{{ delimiter }}' order by {{ expression }})
{%- endmacro %}

{% macro spark__sorted_string_agg(expression, delimiter) -%}
    array_join(array_sort(collect_list({{ expression }})), '{{ delimiter }}')
{%- endmacro %}

{% macro databricks__sorted_string_agg(expression, delimiter) -%}
    {{ hotline.spark__sorted_string_agg(expression, delimiter) }}
{%- endmacro %}
