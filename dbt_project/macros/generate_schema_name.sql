{#
    Use the custom schema name as is (raw, staging, intermediate, marts, audit, reference) instead of
    dbt's default `<target_schema>_<custom_schema>`, so BI users see `marts.fct_calls`.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
