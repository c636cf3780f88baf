with

source as (

    select * from {{ source('raw', 'call_mentions') }}

),

renamed as (

    select
        cast(mention_id as string) as mention_id,
        cast(article_id as string) as article_id,
        coalesce(lower(nullif(trim(date_precision), '')), 'unknown') as date_precision,
        coalesce(lower(nullif(trim(date_basis), '')), 'none') as date_basis,
        nullif(trim(date_how), '') as date_how,
        nullif(trim(duration_evidence), '') as duration_evidence,
        nullif(trim(sequence_evidence), '') as sequence_evidence,
        lower(nullif(trim(tone), '')) as tone,
        cast(call_index as int) as call_index,
        cast(call_year as int) as call_year,
        cast(call_month as int) as call_month,
        cast(call_day as int) as call_day,
        cast(call_weekday as int) as call_weekday,
        cast(duration_minutes as int) as stated_duration_minutes,
        cast(sequence_number as int) as sequence_number,
        {{ evidence_columns() }},
        coalesce(cast(is_directly_reported as boolean), false) as is_directly_reported,
        coalesce(cast(is_planned as boolean), false) as is_planned,
        coalesce(lower(nullif(trim(call_status), '')), 'held') as call_status,
        nullif(trim(status_cue), '') as status_cue,
        nullif(trim(initiator_official_id), '') as initiator_official_id,
        nullif(trim(initiator_how), '') as initiator_how,
        cast(call_date as date) as call_date,
        cast(call_date_earliest as date) as call_date_earliest,
        cast(call_date_latest as date) as call_date_latest,
        cast(call_latest_month as int) as call_latest_month,
        cast(call_latest_day as int) as call_latest_day,
        cast(story_date as date) as story_date

    from source

),

-- A duration outside the plausible range is set aside (audit.quarantined_facts); the call stays, its
-- duration unknown.
final as (

    select
        mention_id,
        article_id,
        date_precision,
        date_basis,
        date_how,
        duration_evidence,
        sequence_evidence,
        tone,
        call_index,
        call_year,
        call_month,
        call_day,
        call_weekday,
        {{ kept_if(is_within_var_range('stated_duration_minutes', 'duration_minutes_range'), 'stated_duration_minutes') }}
            as duration_minutes,
        {{ kept_if(is_within_var_range('stated_duration_minutes', 'duration_minutes_range'), 'stated_duration_minutes',
                   quarantined=true) }} as quarantined_duration_minutes,
        sequence_number,
        evidence_sentence_index,
        evidence_text,
        evidence_start,
        evidence_end,
        evidence_how,
        is_directly_reported,
        is_planned,
        call_status,
        status_cue,
        initiator_official_id,
        initiator_how,
        call_date,
        call_date_earliest,
        call_date_latest,
        call_latest_month,
        call_latest_day,
        story_date

    from renamed

)

select * from final
