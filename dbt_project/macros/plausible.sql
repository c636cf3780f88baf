{#
    The content rules' plausibility tests, one place each (bounds in dbt_project.yml `vars`).
    Each is true for a plausible value and for null (nothing to judge).
#}
{% macro is_plausible_date(column) -%}
    ({{ column }} is null or ({{ column }} >= cast('{{ var("earliest_plausible_date") }}' as date)
        and {{ column }} <= {{ dbt.dateadd('day', 1, 'current_date') }}))
{%- endmacro %}

{% macro is_within_var_range(column, range_var) -%}
    {%- set bounds = var(range_var) -%}
    ({{ column }} is null or {{ column }} between {{ bounds[0] }} and {{ bounds[1] }})
{%- endmacro %}

{# `column` when the test holds, else null; with `quarantined=true`, the reverse (the value set aside). #}
{% macro kept_if(test, column, quarantined=false) -%}
    case when {% if quarantined %}not {% endif %}{{ test }} then {{ column }} end
{%- endmacro %}
