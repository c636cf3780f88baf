{#
    A stable 16-character identifier: the first 16 hex characters of the md5 of a canonical key string.
    The key string must not be null (coalesce its parts before concatenating).
#}
{% macro short_hash(key_expression) -%}
    substring({{ dbt.hash(key_expression) }}, 1, 16)
{%- endmacro %}
