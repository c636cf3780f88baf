with

source as (

    select * from {{ source('raw', 'official_mentions') }}

),

renamed as (

    select
        cast(article_id as string) as article_id,
        lower(trim(official_id)) as official_id,
        nullif(trim(full_name), '') as full_name,
        upper(nullif(trim(country_code), '')) as country_code,
        lower(nullif(trim(role), '')) as role,
        {{ evidence_columns() }},
        coalesce(cast(is_reference as boolean), false) as is_reference

    from source

),

final as (

    select * from renamed

)

select * from final
