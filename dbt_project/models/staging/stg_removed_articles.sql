with

source as (

    select * from {{ source('raw', 'removed_articles') }}

),

renamed as (

    select
        cast(article_id as string) as article_id,
        cast(source_name as string) as source_name,
        cast(reason as string) as reason,
        removed_at

    from source

),

final as (

    select * from renamed

)

select * from final
