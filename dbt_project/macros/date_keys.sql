{#
    The date part of a call's key in cross-article resolution (int_call_mentions_grouped_to_calls) for a mention
    that knows no full date: `md:MM-DD` (month and day), `ym:YYYY-MM` (year and month), `le:MM-DD:w<weekday>` (on
    or before a month/day, on that weekday). Each is written once here, for the mention's own key and its group's.
#}
{% macro month_day_key(month, day) -%}
    {{ dbt.concat([
        "'md:'",
        "lpad(cast(" ~ month ~ " as string), 2, '0')",
        "'-'",
        "lpad(cast(" ~ day ~ " as string), 2, '0')",
    ]) }}
{%- endmacro %}

{% macro year_month_key(year, month) -%}
    {{ dbt.concat([
        "'ym:'",
        "cast(" ~ year ~ " as string)",
        "'-'",
        "lpad(cast(" ~ month ~ " as string), 2, '0')",
    ]) }}
{%- endmacro %}

{% macro latest_month_day_key(month, day, weekday) -%}
    {{ dbt.concat([
        "'le:'",
        "lpad(cast(" ~ month ~ " as string), 2, '0')",
        "'-'",
        "lpad(cast(" ~ day ~ " as string), 2, '0')",
        "':w'",
        "coalesce(cast(" ~ weekday ~ " as string), '')",
    ]) }}
{%- endmacro %}
