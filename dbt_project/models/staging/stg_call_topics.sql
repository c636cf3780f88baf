with

source as (

    select * from {{ source('raw', 'call_topics') }}

),

renamed as (

    select
        cast(mention_id as string) as mention_id,
        cast(article_id as string) as article_id,
        lower(trim(topic_code)) as topic_code,
        lower(trim(status)) as status,
        lower(nullif(trim(claimant_official_id), '')) as claimant_official_id,
        {{ evidence_columns() }}

    from source

),

final as (

    select * from renamed

)

select * from final
