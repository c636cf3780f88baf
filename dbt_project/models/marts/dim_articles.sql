{#
    Incremental on DuckDB (macros/incremental.sql): a run writes the rows of new and changed articles only (the
    text is most of the warehouse) and deletes those of articles that left. The text is not compared: the
    article_id is a hash of the title and the text.
#}

{{
    config(
        materialized=incremental_materialization(),
        unique_key='article_id',
        incremental_strategy='delete+insert',
        on_schema_change='fail',
        post_hook="{{ delete_left('article_id', ref('stg_articles')) }}",
    )
}}

with

articles as (

    select * from {{ ref('int_articles_dated') }}

),

final as (

    select
        cast(article_id as string) as article_id,
        cast(source_name as string) as source_name,
        cast(source_format as string) as source_format,
        cast(title as string) as title,
        cast(url as string) as url,
        cast(outlet as string) as outlet,
        cast(published_date_source as string) as published_date_source,
        cast(published_date_evidence as string) as published_date_evidence,
        cast(content_hash as string) as content_hash,
        cast(encoding as string) as encoding,
        cast(text as string) as text,
        cast(byte_size as bigint) as byte_size,
        cast(published_date as date) as published_date

    from articles

)

select * from final
{{ changed_rows('final', 'article_id', ['source_name', 'source_format', 'title', 'url', 'outlet',
    'published_date_source', 'published_date_evidence', 'content_hash', 'encoding', 'byte_size', 'published_date']) }}
