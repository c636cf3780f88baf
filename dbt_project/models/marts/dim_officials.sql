with

officials as (

    select * from {{ ref('int_officials_unioned') }}

),

final as (

    select
        cast(official_id as string) as official_id,
        cast(full_name as string) as full_name,
        cast(country_code as string) as country_code,
        cast(role as string) as role,
        cast(role_name as string) as role_name,
        cast(article_count as int) as article_count,
        cast(is_leader as boolean) as is_leader,
        cast(is_reference as boolean) as is_reference,
        cast(term_start_date as date) as term_start_date,
        cast(term_end_date as date) as term_end_date

    from officials

)

select * from final
