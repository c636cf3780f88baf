{#
    Fails for every null in any of the given columns, in one pass over the model (one test node instead of one
    not_null per column). Each failing row names a column and how many of its rows are null; the failure count is
    the total of null values. Nulls are counted as count(*) - count(column): DuckDB answers that from each column's
    validity without reading its values (an article's text: 0.6 s -> 0.002 s at 100,000 articles). Usage (model
    level): data_tests: [{not_null_columns: {arguments: {columns: [call_id, pair_key]}}}]
#}
{% test not_null_columns(model, columns) %}

{{ config(fail_calc = 'coalesce(sum(null_rows), 0)') }}

with

null_counts as (

    select
        {%- for column in columns %}
        count(*) - count({{ column }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from {{ model }}

),

per_column as (

    {%- for column in columns %}
    select '{{ column }}' as column_name, {{ column }} as null_rows from null_counts
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

failures as (

    select * from per_column

    where null_rows > 0

)

select * from failures

{% endtest %}
