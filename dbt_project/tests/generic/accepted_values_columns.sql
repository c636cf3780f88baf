{#
    Fails for every value outside its column's list (nulls pass, as with dbt's accepted_values), for several
    columns in one test node. Each failing row names the column, the value (as a string) and its row count; the
    failure count is the total of rows. Strings are quoted, booleans and numbers are not. Usage (model level):
    data_tests: [{accepted_values_columns: {arguments: {columns: {tone: [positive, negative], is_planned: [true, false]}}}}]
#}
{% test accepted_values_columns(model, columns) %}

{{ config(fail_calc = 'coalesce(sum(row_count), 0)') }}

with

failures as (

    {%- for column, values in columns.items() %}
    select
        '{{ column }}' as column_name,
        cast({{ column }} as {{ dbt.type_string() }}) as column_value,
        count(*) as row_count

    from {{ model }}

    where {{ column }} not in ({% for value in values %}{{ sql_literal(value) }}{{ ', ' if not loop.last }}{% endfor %})

    group by {{ column }}
    {%- if not loop.last %}

    union all
    {%- endif %}
    {%- endfor %}

)

select * from failures

{% endtest %}
