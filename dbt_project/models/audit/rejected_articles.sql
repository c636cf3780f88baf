with

rejected_articles as (

    select * from {{ ref('stg_rejected_articles') }}

),

final as (

    select
        source_name,
        reason,
        byte_size,
        rejected_at

    from rejected_articles

)

select * from final
