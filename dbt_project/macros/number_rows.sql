{# The rows 0 .. count - 1 of one integer column (day or year offsets to cross-join a short list with). #}
{% macro number_rows(column, count) -%}
    {%- for value in range(count) %}
    select {{ value }} as {{ column }}{% if not loop.last %} union all{% endif %}
    {%- endfor %}
{%- endmacro %}
