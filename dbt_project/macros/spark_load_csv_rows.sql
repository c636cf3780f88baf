{#
    Seeds on Spark: dbt-spark's own spark__load_csv_rows binds each value with `%s` and, in `session` mode,
    formats it into the SQL unescaped, so "People's Republic of China" ends the string literal and an empty
    cell becomes the string 'None'. This root-project override writes each value as a literal instead (a
    string with its backslashes and quotes escaped: Spark reads backslash escapes, and two quotes in a row would
    be two literals glued together; a real null for an empty cell) into an inline table, and selects from it each
    column cast to the seed's column type.
    The cast is strict, as DuckDB's is: dbt-spark sets spark.sql.ansi.enabled=false before every statement, so a
    plain cast of a value its type cannot hold ('2021-02-30' as date) would load a silent null; here it stops the
    seed with an error naming the seed, the column and the value.
#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {% set batch_size = get_batch_size() %}
    {% set column_override = model['config'].get('column_types', {}) %}
    {% set names = [] %}
    {% set casts = [] %}
    {% for col_name in agate_table.column_names %}
        {% set type = column_override.get(col_name, adapter.convert_type(agate_table, loop.index0)) %}
        {% do names.append('value_' ~ loop.index0) %}
        {% do casts.append(spark_seed_cast(names[-1], type, model['name'], col_name)) %}
    {% endfor %}
    {% set statements = [] %}
    {% for chunk in agate_table.rows | batch(batch_size) %}
        {% set sql %}
            insert into {{ this.render() }}
            select {{ casts | join(', ') }}
            from values
            {% for row in chunk -%}
                ({%- for value in row -%}
                    {{ spark_seed_literal(value) }}
                    {%- if not loop.last %}, {% endif -%}
                {%- endfor -%})
                {%- if not loop.last %},{% endif %}
            {% endfor %}
            as seed_rows({{ names | join(', ') }})
        {% endset %}
        {% do adapter.add_query(sql, abridge_sql_log=True) %}
        {% if loop.index0 == 0 %}
            {% do statements.append(sql) %}
        {% endif %}
    {% endfor %}
    {{ return(statements[0] if statements else '') }}
{% endmacro %}


{#- A column of the inline table cast to its type: a string as it is; any other type strictly (a value the type
    cannot hold raises an error naming it, instead of becoming null). -#}
{% macro spark_seed_cast(name, type, seed, column) -%}
    {%- if type | lower == 'string' -%}
        cast({{ name }} as string)
    {%- else -%}
        case when {{ name }} is null then null else coalesce(try_cast({{ name }} as {{ type }}), raise_error(concat(
            {{ spark_seed_literal('seed ' ~ seed ~ ', column ' ~ column ~ ": cannot cast '") }}, {{ name }},
            {{ spark_seed_literal("' to " ~ type) }}
        ))) end
    {%- endif -%}
{%- endmacro %}


{#- One seed value as a Spark SQL literal: null, true/false, or a quoted, escaped string (numbers and dates
    included: spark_seed_cast gives the column its type). -#}
{% macro spark_seed_literal(value) -%}
    {%- if value is none -%}
        null
    {%- elif value is sameas true or value is sameas false -%}
        {{ 'true' if value else 'false' }}
    {%- else -%}
        '{{ (value | string).replace('\\', '\\\\').replace("'", "\\'") }}'
    {%- endif -%}
{%- endmacro %}
