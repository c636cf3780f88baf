with

source as (

    select * from {{ source('raw', 'trade_measure_mentions') }}

),

renamed as (

    select
        cast(article_id as string) as article_id,
        cast(mention_id as string) as mention_id,
        lower(trim(measure_type)) as measure_type,
        upper(nullif(trim(imposing_country_code), '')) as imposing_country_code,
        upper(nullif(trim(target_country_code), '')) as target_country_code,
        lower(nullif(trim(sector), '')) as sector,
        lower(trim(status)) as status,
        cast(rate_percent as double) as rate_percent,
        {{ evidence_columns() }}

    from source

),

final as (

    select * from renamed

)

select * from final
