{#
    Fails for every row where the boolean expression is not true (rows where it is null fail too, unless
    `where` excludes them). Usage (model level):
    data_tests: [{expression_is_true: {arguments: {expression: "first_published_date <= last_published_date"}}}]
#}
{% test expression_is_true(model, expression) %}

with

failures as (

    select * from {{ model }}

    where not coalesce({{ expression }}, false)

)

select * from failures

{% endtest %}
