{#
    Fails for every non-null value outside [min_value, max_value] (inclusive).
    Usage: data_tests: [{value_between: {arguments: {min_value: 1, max_value: 600}}}]
#}
{% test value_between(model, column_name, min_value=none, max_value=none) %}

with

model_values as (

    select {{ column_name }} as tested_value

    from {{ model }}

    where {{ column_name }} is not null

),

failures as (

    select * from model_values

    where
        {%- if min_value is not none %} tested_value < {{ min_value }}{% endif %}
        {%- if min_value is not none and max_value is not none %} or{% endif %}
        {%- if max_value is not none %} tested_value > {{ max_value }}{% endif %}
        {%- if min_value is none and max_value is none %} 1 = 0{% endif %}

)

select * from failures

{% endtest %}
