{#
    Cross-article resolution: which call mentions tell the same call. Only mentions with a pair (at least two
    distinct participants) that pass the content rules (int_call_mentions_checked) become calls. Every join
    is blocked on (pair_key, is_planned), so the work is linear in the number of mentions, never quadratic
    across all of them.

    Rules, by what the mention knows about the date:
      full_date           call_date known                 -> group (pair, call_date)
      month_day           month and day, no year          -> the pair's unique day group with that month/day,
                                                             else group (pair, 'md', month, day)
      year_month          year and month, no valid date   -> the pair's unique day group in that month,
                                                             else group (pair, 'ym', year, month)
      bounds              no date, but call_date_earliest /  -> the pair's unique day group dated within
                          call_date_latest ("over the          [earliest, latest] (a missing earliest is
                          weekend", "said on Monday")          latest - var('undated_window_days'); a missing
                                                             latest is published_date), else a group of its own
      undated             anything else                   -> the pair's unique day group dated within
                                                             [published_date - var('undated_window_days'),
                                                             published_date]
    A bounds or undated mention matches only a day group on the weekday it gives, in any year/month it gives,
    holding no mention of the same article; with several such groups it is ambiguous and stays apart
    (grouping_rule 'ambiguous'). The window is one row per day (equi-join on pair and date), so the cost is the
    mentions times the window, never mentions times mentions.

    call_id is the first 16 hex characters of md5 of the call's anchor key: the key ('<pair_key>#<date key>
    [#planned]', date key: ISO date, md:MM-DD, ym:YYYY-MM or mention:<mention_id>) the call's first-published
    mention has on its own. A later article that dates the call more precisely joins it without changing its id.
#}

with

mentions as (

    select * from {{ ref('int_call_mentions_checked') }}

    where has_pair
        and quarantine_rule is null

),

classified as (

    select
        *,
        case
            when call_date is not null then 'full_date'
            when call_year is null and call_month is not null and call_day is not null then 'month_day'
            when call_year is not null and call_month is not null then 'year_month'
            when call_date_earliest is not null or call_date_latest is not null then 'bounds'
            else 'undated'
        end as date_class

    from mentions

),

day_mentions as (

    select
        mention_id,
        article_id,
        pair_key,
        is_planned,
        call_date

    from classified

    where date_class = 'full_date'

),

day_groups as (

    select distinct
        pair_key,
        is_planned,
        call_date,
        cast(extract(year from call_date) as int) as group_year,
        cast(extract(month from call_date) as int) as group_month,
        cast(extract(day from call_date) as int) as group_day

    from day_mentions

),

month_day_mentions as (

    select * from classified

    where date_class = 'month_day'

),

month_day_matches as (

    select
        month_day_mentions.mention_id,
        min(day_groups.call_date) as matched_date,
        count(*) as candidate_count

    from month_day_mentions

    inner join day_groups
        on month_day_mentions.pair_key = day_groups.pair_key
        and month_day_mentions.is_planned = day_groups.is_planned
        and month_day_mentions.call_month = day_groups.group_month
        and month_day_mentions.call_day = day_groups.group_day

    group by month_day_mentions.mention_id

),

year_month_mentions as (

    select * from classified

    where date_class = 'year_month'

),

year_month_matches as (

    select
        year_month_mentions.mention_id,
        min(day_groups.call_date) as matched_date,
        count(*) as candidate_count

    from year_month_mentions

    inner join day_groups
        on year_month_mentions.pair_key = day_groups.pair_key
        and year_month_mentions.is_planned = day_groups.is_planned
        and year_month_mentions.call_year = day_groups.group_year
        and year_month_mentions.call_month = day_groups.group_month

    group by year_month_mentions.mention_id

),

undated_mentions as (

    select
        *,
        cast(coalesce(call_date_latest, published_date) as date) as window_end,
        cast(coalesce(
            call_date_earliest,
            {{ dbt.dateadd('day', -1 * var('undated_window_days'), 'coalesce(call_date_latest, published_date)') }}
        ) as date) as window_start

    from classified

    where date_class in ('bounds', 'undated')

),

window_offsets as (

    {% for day_offset in range(var('undated_window_days') + 1) -%}
    select {{ day_offset }} as day_offset
    {% if not loop.last %}union all
    {% endif -%}
    {%- endfor %}

),

-- the days [window_start, window_end] (at most the window's length), one row each: the match below is an equi-join
undated_window_days as (

    select
        undated_mentions.mention_id,
        undated_mentions.pair_key,
        undated_mentions.is_planned,
        undated_mentions.call_year,
        undated_mentions.call_month,
        undated_mentions.call_weekday,
        cast({{ dbt.dateadd('day', '-1 * window_offsets.day_offset', 'undated_mentions.window_end') }} as date)
            as window_date

    from undated_mentions

    cross join window_offsets

    where undated_mentions.window_end is not null
        and cast({{ dbt.dateadd('day', '-1 * window_offsets.day_offset', 'undated_mentions.window_end') }} as date)
            >= undated_mentions.window_start

),

undated_candidates as (

    select
        undated_window_days.mention_id,
        day_groups.call_date

    from undated_window_days

    inner join day_groups
        on undated_window_days.pair_key = day_groups.pair_key
        and undated_window_days.is_planned = day_groups.is_planned
        and undated_window_days.window_date = day_groups.call_date

    where (undated_window_days.call_year is null or undated_window_days.call_year = day_groups.group_year)
        and (undated_window_days.call_month is null or undated_window_days.call_month = day_groups.group_month)
        -- call_weekday counts from 0 = Monday
        and (
            undated_window_days.call_weekday is null
            or undated_window_days.call_weekday + 1 = {{ iso_day_of_week('day_groups.call_date') }}
        )

),

-- a dated call told by the same article is another call of the pair, not this one
same_article_groups as (

    select distinct
        undated_mentions.mention_id,
        day_mentions.call_date

    from undated_mentions

    inner join day_mentions
        on undated_mentions.pair_key = day_mentions.pair_key
        and undated_mentions.is_planned = day_mentions.is_planned
        and undated_mentions.article_id = day_mentions.article_id

),

undated_matches as (

    select
        undated_candidates.mention_id,
        min(undated_candidates.call_date) as matched_date,
        count(*) as candidate_count

    from undated_candidates

    left join same_article_groups
        on undated_candidates.mention_id = same_article_groups.mention_id
        and undated_candidates.call_date = same_article_groups.call_date

    where same_article_groups.mention_id is null

    group by undated_candidates.mention_id

),

keyed as (

    select
        classified.*,
        case
            when classified.date_class = 'full_date' then 'full_date'
            when month_day_matches.candidate_count = 1 then 'month_day_matched'
            when classified.date_class = 'month_day' then 'month_day'
            when year_month_matches.candidate_count = 1 then 'year_month_matched'
            when classified.date_class = 'year_month' then 'year_month'
            when undated_matches.candidate_count = 1 and classified.date_class = 'bounds' then 'bounds_matched'
            when undated_matches.candidate_count = 1 then 'published_window_matched'
            when undated_matches.candidate_count > 1 then 'ambiguous'
            else 'own_mention'
        end as grouping_rule,
        case
            when classified.date_class = 'full_date'
                then cast(classified.call_date as string)
            when month_day_matches.candidate_count = 1
                then cast(month_day_matches.matched_date as string)
            when classified.date_class = 'month_day'
                then {{ dbt.concat([
                    "'md:'",
                    "lpad(cast(classified.call_month as string), 2, '0')",
                    "'-'",
                    "lpad(cast(classified.call_day as string), 2, '0')",
                ]) }}
            when year_month_matches.candidate_count = 1
                then cast(year_month_matches.matched_date as string)
            when classified.date_class = 'year_month'
                then {{ dbt.concat([
                    "'ym:'",
                    "cast(classified.call_year as string)",
                    "'-'",
                    "lpad(cast(classified.call_month as string), 2, '0')",
                ]) }}
            when undated_matches.candidate_count = 1
                then cast(undated_matches.matched_date as string)
            else {{ dbt.concat(["'mention:'", "classified.mention_id"]) }}
        end as date_key,
        -- the key the mention has on its own, before any match: its call's id when it is the first published
        case
            when classified.date_class = 'full_date'
                then cast(classified.call_date as string)
            when classified.date_class = 'month_day'
                then {{ dbt.concat([
                    "'md:'",
                    "lpad(cast(classified.call_month as string), 2, '0')",
                    "'-'",
                    "lpad(cast(classified.call_day as string), 2, '0')",
                ]) }}
            when classified.date_class = 'year_month'
                then {{ dbt.concat([
                    "'ym:'",
                    "cast(classified.call_year as string)",
                    "'-'",
                    "lpad(cast(classified.call_month as string), 2, '0')",
                ]) }}
            else {{ dbt.concat(["'mention:'", "classified.mention_id"]) }}
        end as own_date_key

    from classified

    left join month_day_matches
        on classified.mention_id = month_day_matches.mention_id

    left join year_month_matches
        on classified.mention_id = year_month_matches.mention_id

    left join undated_matches
        on classified.mention_id = undated_matches.mention_id

),

group_keys as (

    select
        *,
        {{ dbt.concat([
            "pair_key",
            "'#'",
            "date_key",
            "case when is_planned then '#planned' else '' end",
        ]) }} as group_key,
        {{ dbt.concat([
            "pair_key",
            "'#'",
            "own_date_key",
            "case when is_planned then '#planned' else '' end",
        ]) }} as own_key

    from keyed

),

call_keys as (

    select
        *,
        first_value(own_key) over (
            partition by group_key
            order by published_date nulls last, mention_id
            rows between unbounded preceding and unbounded following
        ) as call_key

    from group_keys

),

final as (

    select
        {{ hotline.short_hash('call_key') }} as call_id,
        mention_id,
        article_id,
        pair_key,
        call_key,
        group_key,
        date_key,
        date_class,
        grouping_rule,
        date_precision,
        date_basis,
        date_how,
        tone,
        duration_evidence,
        sequence_evidence,
        evidence_text,
        evidence_how,
        call_index,
        participant_count,
        call_year,
        call_month,
        call_day,
        call_weekday,
        duration_minutes,
        sequence_number,
        evidence_sentence_index,
        evidence_start,
        evidence_end,
        is_directly_reported,
        is_planned,
        call_status,
        status_cue,
        initiator_official_id,
        call_date,
        call_date_earliest,
        call_date_latest,
        published_date,
        outlet

    from call_keys

)

select * from final
