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
        cast(rate_percent as double) as stated_rate_percent,
        cast(effective_date as date) as effective_date,
        lower(nullif(trim(call_link), '')) as call_link,
        {{ evidence_columns() }}

    from source

),

-- A rate outside the plausible range is set aside (audit.quarantined_facts); the measure stays, its rate
-- unknown.
final as (

    select
        article_id,
        mention_id,
        measure_type,
        imposing_country_code,
        target_country_code,
        sector,
        status,
        {{ kept_if(is_within_var_range('stated_rate_percent', 'rate_percent_range'), 'stated_rate_percent') }}
            as rate_percent,
        {{ kept_if(is_within_var_range('stated_rate_percent', 'rate_percent_range'), 'stated_rate_percent',
                   quarantined=true) }} as quarantined_rate_percent,
        effective_date,
        call_link,
        evidence_sentence_index,
        evidence_text,
        evidence_start,
        evidence_end,
        evidence_how

    from renamed

)

select * from final
