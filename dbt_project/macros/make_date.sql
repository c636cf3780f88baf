{#
    A date from integer year, month and day columns. The arguments must form a valid date
    (callers clamp the day with `days_in_month`).
#}
{% macro make_date(year, month, day) -%}
    {{ return(adapter.dispatch('make_date', 'hotline')(year, month, day)) }}
{%- endmacro %}

{% macro default__make_date(year, month, day) -%}
    make_date({{ year }}, {{ month }}, {{ day }})
{%- endmacro %}

{% macro bigquery__make_date(year, month, day) -%}
    date({{ year }}, {{ month }}, {{ day }})
{%- endmacro %}

{% macro snowflake__make_date(year, month, day) -%}
    date_from_parts({{ year }}, {{ month }}, {{ day }})
{%- endmacro %}


{# Number of days in the given month of the given year (28..31), from dbt's cross-database last_day. #}
{% macro days_in_month(year, month) -%}
    extract(day from {{ dbt.last_day(hotline.make_date(year, month, 1), 'month') }})
{%- endmacro %}
