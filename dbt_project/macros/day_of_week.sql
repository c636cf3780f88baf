{#
    ISO day of week, 1 = Monday .. 7 = Sunday, computed from the day count since Monday 1900-01-01
    so every engine agrees (engines number `dow` differently). Dates before 1900 are not expected.
#}
{% macro iso_day_of_week(date_expression) -%}
    (mod({{ dbt.datediff("cast('1900-01-01' as date)", date_expression, 'day') }}, 7) + 1)
{%- endmacro %}
