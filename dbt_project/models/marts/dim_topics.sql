with

topics as (

    select * from {{ ref('topics') }}

),

final as (

    select
        cast(topic_code as string) as topic_code,
        cast(topic_name as string) as topic_name,
        cast(parent_topic_code as string) as parent_topic_code

    from topics

)

select * from final
