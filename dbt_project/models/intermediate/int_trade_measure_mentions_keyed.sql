{#
    Trade measure mentions with the id of the measure they describe: the hash of
    (measure_type, imposing country, target country, sector, rate, status), nulls as empty strings.
#}

with

trade_measure_mentions as (

    select * from {{ ref('stg_trade_measure_mentions') }}

),

measure_keys as (

    select
        *,
        {{ dbt.concat([
            "coalesce(measure_type, '')",
            "'|'",
            "coalesce(imposing_country_code, '')",
            "'|'",
            "coalesce(target_country_code, '')",
            "'|'",
            "coalesce(sector, '')",
            "'|'",
            "coalesce(cast(rate_percent as string), '')",
            "'|'",
            "coalesce(status, '')",
        ]) }} as measure_key

    from trade_measure_mentions

),

final as (

    select
        {{ hotline.short_hash('measure_key') }} as trade_measure_id,
        article_id,
        mention_id,
        measure_key,
        measure_type,
        imposing_country_code,
        target_country_code,
        sector,
        status,
        evidence_text,
        evidence_how,
        rate_percent,
        effective_date,
        call_link,
        evidence_sentence_index,
        evidence_start,
        evidence_end

    from measure_keys

)

select * from final
