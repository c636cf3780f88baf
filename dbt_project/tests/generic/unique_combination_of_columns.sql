{#
    Fails for every combination of the given columns that occurs more than once (a composite key).
    Usage (model level): data_tests: [{unique_combination_of_columns: {arguments: {combination_of_columns: [a, b]}}}]
#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

with

key_counts as (

    select
        {{ combination_of_columns | join(',\n        ') }},
        count(*) as row_count

    from {{ model }}

    group by
        {{ combination_of_columns | join(',\n        ') }}

),

failures as (

    select * from key_counts

    where row_count > 1

)

select * from failures

{% endtest %}
