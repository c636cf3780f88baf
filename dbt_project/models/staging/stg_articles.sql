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
        cast(published_date as date) as stated_published_date

    from source

),

-- A publication date outside the plausible range (9999-05-01, 0001-05-01) is set aside, not published:
-- audit.quarantined_facts lists it, and the article stays with an unknown publication date.
final as (

    select
        article_id,
        source_name,
        source_format,
        title,
        url,
        outlet,
        content_hash,
        encoding,
        published_date_source,
        published_date_evidence,
        text,
        byte_size,
        {{ kept_if(is_plausible_date('stated_published_date'), 'stated_published_date') }} as published_date,
        {{ kept_if(is_plausible_date('stated_published_date'), 'stated_published_date', quarantined=true) }}
            as quarantined_published_date

    from renamed

)

select * from final
