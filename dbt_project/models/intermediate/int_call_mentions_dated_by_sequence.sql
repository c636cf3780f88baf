{#
    A mention that gives month and day but no year, and a sequence number n ("their seventh call"), takes
    its year from the previous call of the same pair: if a mention of the same pair has sequence n-1 and a
    full date D (all such mentions agreeing on D), the year is the first year Y with date(Y, month, day) > D.
    If the pair's call n+1 has a full date E, the result must fall before E, otherwise the year stays null.
    Set-based: equi-joins on (pair_key, sequence_number) and a fixed 9-row year offset list (enough to
    reach the next 29 February), so the cost is linear in the number of mentions.
#}

with

mentions as (

    select * from {{ ref('int_call_mentions_paired') }}

),

anchor_candidates as (

    select
        pair_key,
        sequence_number,
        min(call_date) as anchor_date,
        max(call_date) as latest_anchor_date

    from mentions

    where has_pair
        and not is_planned
        and call_date is not null
        and sequence_number is not null

    group by
        pair_key,
        sequence_number

),

anchors as (

    select
        pair_key,
        sequence_number,
        anchor_date

    from anchor_candidates

    -- mentions of the same numbered call that disagree on its date anchor nothing
    where anchor_date = latest_anchor_date

),

undated_years as (

    select
        mention_id,
        pair_key,
        sequence_number,
        call_month,
        call_day

    from mentions

    where has_pair
        and call_date is null
        and call_year is null
        and call_month between 1 and 12
        and call_day between 1 and 31
        and sequence_number is not null

),

with_neighbours as (

    select
        undated_years.mention_id,
        undated_years.sequence_number,
        undated_years.call_month,
        undated_years.call_day,
        previous_call.anchor_date as previous_call_date,
        next_call.anchor_date as next_call_date

    from undated_years

    inner join anchors as previous_call
        on undated_years.pair_key = previous_call.pair_key
        and undated_years.sequence_number - 1 = previous_call.sequence_number

    left join anchors as next_call
        on undated_years.pair_key = next_call.pair_key
        and undated_years.sequence_number + 1 = next_call.sequence_number

),

year_offsets as (

    {{ number_rows('year_offset', 9) }}

),

candidate_years as (

    select
        with_neighbours.mention_id,
        with_neighbours.sequence_number,
        with_neighbours.call_month,
        with_neighbours.call_day,
        with_neighbours.previous_call_date,
        with_neighbours.next_call_date,
        cast(extract(year from with_neighbours.previous_call_date) as int)
            + year_offsets.year_offset as candidate_year

    from with_neighbours

    cross join year_offsets

),

candidate_month_lengths as (

    select
        *,
        {{ hotline.days_in_month('candidate_year', 'call_month') }} as days_in_candidate_month

    from candidate_years

),

candidate_dates as (

    select
        mention_id,
        sequence_number,
        previous_call_date,
        next_call_date,
        candidate_year,
        -- the day is clamped so the expression is always a valid date; the filter below drops clamped ones
        {{ hotline.make_date('candidate_year', 'call_month', 'least(call_day, days_in_candidate_month)') }}
            as candidate_date

    from candidate_month_lengths

    where call_day <= days_in_candidate_month

),

first_dates as (

    select
        mention_id,
        sequence_number,
        previous_call_date,
        next_call_date,
        min(candidate_date) as inferred_date

    from candidate_dates

    where candidate_date > previous_call_date

    group by
        mention_id,
        sequence_number,
        previous_call_date,
        next_call_date

),

inferred as (

    select
        mention_id,
        inferred_date,
        {{ dbt.concat([
            "'year '",
            "cast(extract(year from inferred_date) as string)",
            "': call #'",
            "cast(sequence_number as string)",
            "' of this pair follows call #'",
            "cast(sequence_number - 1 as string)",
            "' on '",
            "cast(previous_call_date as string)",
            "case when next_call_date is null then '' else "
                ~ dbt.concat([
                    "' and precedes call #'",
                    "cast(sequence_number + 1 as string)",
                    "' on '",
                    "cast(next_call_date as string)",
                ])
                ~ " end",
        ]) }} as inferred_how

    from first_dates

    where next_call_date is null
        or inferred_date < next_call_date

),

final as (

    select
        mentions.mention_id,
        mentions.article_id,
        mentions.pair_key,
        case
            when inferred.mention_id is not null then 'day'
            else mentions.date_precision
        end as date_precision,
        case
            when inferred.mention_id is not null then 'year_from_sequence'
            else mentions.date_basis
        end as date_basis,
        case
            when inferred.mention_id is not null then inferred.inferred_how
            else mentions.date_how
        end as date_how,
        mentions.tone,
        mentions.duration_evidence,
        mentions.sequence_evidence,
        mentions.evidence_text,
        mentions.evidence_how,
        mentions.call_index,
        mentions.participant_count,
        case
            when inferred.mention_id is not null then cast(extract(year from inferred.inferred_date) as int)
            else mentions.call_year
        end as call_year,
        mentions.call_month,
        mentions.call_day,
        mentions.call_weekday,
        mentions.duration_minutes,
        mentions.sequence_number,
        mentions.evidence_sentence_index,
        mentions.evidence_start,
        mentions.evidence_end,
        mentions.has_pair,
        mentions.is_directly_reported,
        mentions.is_planned,
        mentions.call_status,
        mentions.status_cue,
        mentions.initiator_official_id,
        coalesce(mentions.call_date, inferred.inferred_date) as call_date,
        mentions.call_date_earliest,
        mentions.call_date_latest,
        mentions.call_latest_month,
        mentions.call_latest_day,
        mentions.published_date,
        mentions.outlet

    from mentions

    left join inferred
        on mentions.mention_id = inferred.mention_id

)

select * from final
