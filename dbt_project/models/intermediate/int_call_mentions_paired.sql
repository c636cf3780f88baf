with

call_mentions as (

    select * from {{ ref('stg_call_mentions') }}

),

call_participants as (

    select * from {{ ref('stg_call_participants') }}

),

articles as (

    select * from {{ ref('int_articles_dated') }}

),

distinct_participants as (

    select distinct
        mention_id,
        official_id

    from call_participants

    where official_id is not null
        and official_id <> ''

),

pairs as (

    select
        mention_id,
        {{ hotline.sorted_string_agg('official_id', '|') }} as pair_key,
        cast(count(*) as int) as participant_count

    from distinct_participants

    group by mention_id

),

final as (

    select
        call_mentions.mention_id,
        call_mentions.article_id,
        pairs.pair_key,
        call_mentions.date_precision,
        call_mentions.date_basis,
        call_mentions.date_how,
        call_mentions.tone,
        call_mentions.duration_evidence,
        call_mentions.sequence_evidence,
        call_mentions.evidence_text,
        call_mentions.evidence_how,
        call_mentions.call_index,
        coalesce(pairs.participant_count, 0) as participant_count,
        call_mentions.call_year,
        call_mentions.call_month,
        call_mentions.call_day,
        call_mentions.call_weekday,
        call_mentions.duration_minutes,
        call_mentions.sequence_number,
        call_mentions.evidence_sentence_index,
        call_mentions.evidence_start,
        call_mentions.evidence_end,
        coalesce(pairs.participant_count, 0) >= 2 as has_pair,
        call_mentions.is_directly_reported,
        call_mentions.is_planned,
        call_mentions.call_status,
        call_mentions.status_cue,
        call_mentions.initiator_official_id,
        call_mentions.call_date,
        call_mentions.call_date_earliest,
        call_mentions.call_date_latest,
        call_mentions.call_latest_month,
        call_mentions.call_latest_day,
        articles.published_date,
        articles.outlet

    from call_mentions

    left join pairs
        on call_mentions.mention_id = pairs.mention_id

    left join articles
        on call_mentions.article_id = articles.article_id

)

select * from final
