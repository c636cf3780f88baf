{#
    How the raw tables reach dbt on each engine, in one dispatched macro (run by `on-run-start`).

    DuckDB: the extract step writes `raw.*` into the build file itself; nothing to do.
    Spark: the extract step writes each raw table as Parquet partitioned by publication month
    (`<raw path>/<table>/publication_month=YYYY-MM/*.parquet`, hotline/spark.py); here each source becomes an
    external table over its folder, typed from the columns `_sources.yml` declares (one definition per table),
    and its partitions are discovered. The raw path is the session setting `spark.hotline.raw_path`
    (profiles.yml), substituted by Spark itself.
#}
{% macro register_raw_sources() %}
    {{ return(adapter.dispatch('register_raw_sources')()) }}
{% endmacro %}


{% macro default__register_raw_sources() %}
{% endmacro %}


{% macro spark__register_raw_sources() %}
    {% if execute %}
        {% do run_query('create database if not exists raw') %}
        {% for source in graph.sources.values() if source.source_name == 'raw' %}
            {% set table = source.schema ~ '.' ~ source.identifier %}
            {% set columns = [] %}
            {% for column in source.columns.values() %}
                {% do columns.append(column.name ~ ' ' ~ column.data_type) %}
            {% endfor %}
            {% do run_query('drop table if exists ' ~ table) %}
            {% do run_query(
                'create table ' ~ table ~ ' (' ~ columns | join(', ') ~ ', publication_month string) using parquet '
                ~ 'partitioned by (publication_month) '
                ~ "location '${spark.hotline.raw_path}/" ~ source.identifier ~ "'"
            ) %}
            {% do run_query('alter table ' ~ table ~ ' recover partitions') %}
        {% endfor %}
    {% endif %}
{% endmacro %}
