with

trade_measure_mentions as (

    select * from {{ ref('int_trade_measure_mentions_keyed') }}

),

measures as (

    select
        trade_measure_id,
        measure_type,
        imposing_country_code,
        target_country_code,
        sector,
        status,
        rate_percent,
        count(distinct article_id) as mention_count

    from trade_measure_mentions

    group by
        trade_measure_id,
        measure_type,
        imposing_country_code,
        target_country_code,
        sector,
        status,
        rate_percent

),

final as (

    select
        cast(trade_measure_id as string) as trade_measure_id,
        cast(measure_type as string) as measure_type,
        cast(imposing_country_code as string) as imposing_country_code,
        cast(target_country_code as string) as target_country_code,
        cast(sector as string) as sector,
        cast(status as string) as status,
        cast(rate_percent as double) as rate_percent,
        cast(mention_count as int) as mention_count

    from measures

)

select * from final
