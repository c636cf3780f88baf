with

source as (

    select * from {{ source('raw', 'rejected_articles') }}

),

renamed as (

    select
        cast(source_name as string) as source_name,
        cast(reason as string) as reason,
        cast(byte_size as bigint) as byte_size,
        rejected_at

    from source

),

final as (

    select * from renamed

)

select * from final
