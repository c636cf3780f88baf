with

articles as (

    select * from {{ ref('stg_articles') }}

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
