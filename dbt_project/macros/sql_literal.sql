{#
    A YAML value as a SQL literal: booleans as true/false, numbers as they are, anything else as a quoted string.
#}
{% macro sql_literal(value) -%}
    {%- if value is sameas true or value is sameas false -%}
        {{ 'true' if value else 'false' }}
    {%- elif value is number -%}
        {{ value }}
    {%- else -%}
        '{{ value | string | replace("'", "''") }}'
    {%- endif -%}
{%- endmacro %}
