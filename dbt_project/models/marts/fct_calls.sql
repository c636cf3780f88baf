{#- Incremental on DuckDB by call (macros/incremental.sql): a run rebuilds the calls of the pairs resolved again. -#}

{{ config(**by_call_config()) }}

with

call_mentions as (

    select * from {{ ref('int_call_mentions_grouped_to_calls') }} as resolved
    {{- resolved_this_run('resolved') }}

),

ranked_dates as (

    -- the mention that knows most about the date speaks for the call
    select
        call_id,
        call_date,
        call_year,
        call_month,
        call_day,
        date_basis,
        date_how,
        row_number() over (
            partition by call_id
            order by
                case
                    when call_date is not null then 3
                    when call_month is not null and (call_year is not null or call_day is not null) then 2
                    when call_year is not null or call_month is not null then 1
                    else 0
                end desc,
                case when date_basis = 'stated' then 0 else 1 end,
                published_date nulls last,
                article_id,
                mention_id
        ) as date_rank

    from call_mentions

),

best_dates as (

    select * from ranked_dates

    where date_rank = 1

),

duration_counts as (

    select
        call_id,
        duration_minutes,
        count(*) as duration_count

    from call_mentions

    where duration_minutes is not null

    group by
        call_id,
        duration_minutes

),

ranked_durations as (

    select
        call_id,
        duration_minutes,
        row_number() over (
            partition by call_id
            order by duration_count desc, duration_minutes
        ) as duration_rank

    from duration_counts

),

call_summaries as (

    select
        call_id,
        pair_key,
        is_planned,
        max(participant_count) as participant_count,
        max(sequence_number) as sequence_number,
        count(distinct article_id) as mention_count,
        -- an article without a named outlet counts as an outlet of its own
        count(distinct coalesce(outlet, article_id)) as outlet_count,
        max(case when tone = 'positive' then 1 else 0 end) as has_positive_tone,
        max(case when tone = 'negative' then 1 else 0 end) as has_negative_tone,
        max(case when tone = 'mixed' then 1 else 0 end) as has_mixed_tone,
        max(case when tone = 'neutral' then 1 else 0 end) as has_neutral_tone,
        {{ dbt.bool_or('is_directly_reported') }} as is_directly_reported,
        -- who placed the call, as the articles say; when they disagree, the first in id order (deterministic)
        min(initiator_official_id) as initiator_official_id,
        -- the strongest claim of the articles: denied > refused > cancelled > requested > planned > held
        case max(
            case call_status
                when 'denied' then 5 when 'refused' then 4 when 'cancelled' then 3
                when 'requested' then 2 when 'planned' then 1 else 0
            end
        )
            when 5 then 'denied' when 4 then 'refused' when 3 then 'cancelled'
            when 2 then 'requested' when 1 then 'planned' else 'held'
        end as call_status,
        min(published_date) as first_published_date,
        max(published_date) as last_published_date,
        -- bounds every article agrees with: the latest lower bound and the earliest upper bound
        max(call_date_earliest) as call_date_earliest,
        min(call_date_latest) as call_date_latest

    from call_mentions

    group by
        call_id,
        pair_key,
        is_planned

),

calls as (

    select
        call_summaries.call_id,
        call_summaries.pair_key,
        case
            when best_dates.call_date is not null then 'day'
            when best_dates.call_year is not null and best_dates.call_month is not null then 'month'
            when best_dates.call_year is not null then 'year'
            when {{ dbt.datediff('call_summaries.call_date_earliest', 'call_summaries.call_date_latest', 'day') }}
                between 0 and 6 then 'week'
            else 'unknown'
        end as date_precision,
        best_dates.date_basis,
        best_dates.date_how,
        case
            when call_summaries.has_mixed_tone = 1 then 'mixed'
            when call_summaries.has_positive_tone = 1 and call_summaries.has_negative_tone = 1 then 'mixed'
            when call_summaries.has_positive_tone = 1 then 'positive'
            when call_summaries.has_negative_tone = 1 then 'negative'
            when call_summaries.has_neutral_tone = 1 then 'neutral'
        end as tone,
        coalesce(cast(extract(year from best_dates.call_date) as int), best_dates.call_year) as call_year,
        coalesce(cast(extract(month from best_dates.call_date) as int), best_dates.call_month) as call_month,
        coalesce(cast(extract(day from best_dates.call_date) as int), best_dates.call_day) as call_day,
        ranked_durations.duration_minutes,
        call_summaries.sequence_number,
        call_summaries.participant_count,
        call_summaries.mention_count,
        call_summaries.outlet_count,
        call_summaries.is_directly_reported,
        call_summaries.call_status,
        call_summaries.initiator_official_id,
        call_summaries.is_planned,
        best_dates.call_date,
        case when best_dates.call_date is null then call_summaries.call_date_earliest end as call_date_earliest,
        case when best_dates.call_date is null then call_summaries.call_date_latest end as call_date_latest,
        call_summaries.first_published_date,
        call_summaries.last_published_date

    from call_summaries

    inner join best_dates
        on call_summaries.call_id = best_dates.call_id

    left join ranked_durations
        on call_summaries.call_id = ranked_durations.call_id
        and ranked_durations.duration_rank = 1

),

previous_held_calls as (

    select
        call_id,
        lag(call_date) over (
            partition by pair_key
            order by call_date, call_id
        ) as previous_call_date

    from calls

    where not is_planned
        and call_date is not null

),

final as (

    select
        cast(calls.call_id as string) as call_id,
        cast(calls.pair_key as string) as pair_key,
        cast(calls.date_precision as string) as date_precision,
        cast(calls.date_basis as string) as date_basis,
        cast(calls.date_how as string) as date_how,
        cast(calls.tone as string) as tone,
        cast(calls.call_year as int) as call_year,
        cast(calls.call_month as int) as call_month,
        cast(calls.call_day as int) as call_day,
        cast(calls.duration_minutes as int) as duration_minutes,
        cast(calls.sequence_number as int) as sequence_number,
        cast(calls.participant_count as int) as participant_count,
        cast(calls.mention_count as int) as mention_count,
        cast(calls.outlet_count as int) as n_outlets,
        cast(
            {{ dbt.datediff('previous_held_calls.previous_call_date', 'calls.call_date', 'day') }}
            as int
        ) as days_since_previous_call,
        cast(calls.call_status as string) as call_status,
        cast(calls.initiator_official_id as string) as initiator_official_id,
        cast(calls.is_directly_reported as boolean) as is_directly_reported,
        cast(calls.is_planned as boolean) as is_planned,
        cast(calls.call_date as date) as call_date,
        cast(calls.first_published_date as date) as first_published_date,
        cast(calls.last_published_date as date) as last_published_date,
        cast(calls.call_date_earliest as date) as call_date_earliest,
        cast(calls.call_date_latest as date) as call_date_latest

    from calls

    left join previous_held_calls
        on calls.call_id = previous_held_calls.call_id

)

select * from final
