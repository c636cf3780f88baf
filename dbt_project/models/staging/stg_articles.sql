with

source as (

    select * from {{ source('raw', 'articles') }}

),

renamed as (

    select
        cast(article_id as string) as article_id,
        cast(source_name as string) as source_name,
        lower(nullif(trim(source_format), '')) as source_format,
        nullif(trim(title), '') as title,
        nullif(trim(url), '') as url,
        nullif(trim(outlet), '') as outlet,
        cast(content_hash as string) as content_hash,
        lower(nullif(trim(encoding), '')) as encoding,
        coalesce(lower(nullif(trim(published_date_source), '')), 'unknown') as published_date_source,
        nullif(trim(published_date_evidence), '') as published_date_evidence,
        cast(text as string) as text,
        cast(byte_size as bigint) as byte_size,
        cast(published_date as date) as published_date

    from source

),

final as (

    select * from renamed

)

select * from final
