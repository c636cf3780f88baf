{#
    Cross-article resolution: which call mentions tell the same call. Only mentions with a pair (at least two
    distinct participants) that pass the content rules (int_call_mentions_checked) become calls. Every join is
    blocked on (pair_key, is_planned): the work is linear in the number of mentions, never quadratic.

    Rules, by what the mention knows about the date:
      full_date           call_date known                 -> group (pair, call_date)
      month_day           month and day, no year          -> the pair's unique day group with that month/day,
                                                             else group (pair, 'md', month, day)
      year_month          year and month, no valid date   -> the pair's unique day group in that month, within
                                                             its bounds, not dated by the same article (an
                                                             earlier call told in passing: only a month of
                                                             the story's last var('earlier_call_months');
                                                             beside a later call its article dates, not told
                                                             as the first: the group right before it), else group
                                                             (pair, 'ym', year, month)
      latest_month_day    no year, only the month/day the   -> the pair's unique day group 0..6 days before that
                          call came on or before (a year-     month/day (any year) on the weekday it gives, or
                          less dateline: "PARIS, March 3")    0..var('undated_window_days') without a weekday,
                                                             else group (pair, 'le', month, day, weekday)
      bounds              no date, but call_date_earliest /  -> the pair's unique day group dated within
                          call_date_latest ("over the          [earliest, latest] (a missing earliest is
                          weekend", "said on Monday")          latest - var('undated_window_days'); a missing
                                                             latest is published_date), else a group of its own
      undated             anything else                   -> the pair's unique day group dated within
                                                             [published_date - var('undated_window_days'),
                                                             published_date]; with no publication date
                                                             either, a weekday-only mention joins the pair's
                                                             only day group on that weekday (weekday_matched)
    A bounds or undated mention matches only a day group on the weekday it gives, in any year/month it gives,
    holding no mention of the same article; with several such groups it is ambiguous and stays apart
    (grouping_rule 'ambiguous'). The window is one row per day (equi-join on pair and date), so the cost is the
    mentions times the window, never mentions times mentions.

    call_id is the first 16 hex characters of md5 of the call's anchor key: the key ('<pair_key>#<date key>
    [#planned]', date key: ISO date, md:MM-DD, ym:YYYY-MM or mention:<mention_id>) the call's first-published
    mention has on its own. A later article that dates the call more precisely joins it without changing its id.

    Incremental on DuckDB (macros/incremental.sql): since every rule is blocked on the pair, a run resolves again
    only the pairs whose checked mentions changed (added, deleted or different in any column), replaces their rows
    (delete+insert by pair_key) and deletes the pairs left with no mention; `resolved_in` marks the rows resolved in
    this dbt invocation, the calls the marts rebuild (and the rows its row-local tests check: tested_rows.sql).
#}

{%- set input_columns = [
    'article_id', 'pair_key', 'date_precision', 'date_basis', 'date_how', 'tone', 'duration_evidence',
    'sequence_evidence', 'evidence_text', 'evidence_how', 'call_index', 'participant_count', 'call_year',
    'call_month', 'call_day', 'call_weekday', 'duration_minutes', 'sequence_number', 'evidence_sentence_index',
    'evidence_start', 'evidence_end', 'is_directly_reported', 'is_planned', 'call_status', 'status_cue',
    'initiator_official_id', 'call_date', 'call_date_earliest', 'call_date_latest', 'call_latest_month',
    'call_latest_day', 'published_date', 'outlet',
] -%}

{{
    config(
        materialized=incremental_materialization(),
        unique_key='pair_key',
        incremental_strategy='delete+insert',
        on_schema_change='fail',
        meta={'written_rows': 'resolved_in'},
        post_hook="{{ delete_left('pair_key', '(select pair_key from ' ~ ref('int_call_mentions_checked')
            ~ ' where has_pair and quarantine_rule is null) as resolvable') }}",
    )
}}

with

checked as (

    select * from {{ ref('int_call_mentions_checked') }}

    where has_pair
        and quarantine_rule is null

),

{% if is_incremental() -%}
touched_pairs as (

    {{ changed_keys('checked', 'pair_key', 'mention_id', input_columns) }}

),

{% endif -%}

mentions as (

    select * from checked
    {%- if is_incremental() %}

    where pair_key in (select pair_key from touched_pairs)
    {%- endif %}

),

classified as (

    select
        *,
        case
            when call_date is not null then 'full_date'
            when call_year is null and call_month is not null and call_day is not null then 'month_day'
            when call_year is not null and call_month is not null then 'year_month'
            when call_latest_month is not null and call_latest_day is not null then 'latest_month_day'
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

-- a dated call told by the same article is another call of the pair, not the call of a mention without a full date
same_article_groups as (

    select distinct
        classified.mention_id,
        day_mentions.call_date

    from classified

    inner join day_mentions
        on classified.pair_key = day_mentions.pair_key
        and classified.is_planned = day_mentions.is_planned
        and classified.article_id = day_mentions.article_id

    where classified.date_class != 'full_date'

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

-- an earlier call referred to in passing by its month only ("had last spoken in June", in a story of September) joins
-- the pair's day group of that month when the month is one of the story's last var('earlier_call_months'); a month
-- further back ("had also phoned Stubb in December 2024", in a story of January 2026) may be any of the pair's calls
-- that month, known to the corpus or not
year_month_mentions as (

    select * from classified

    where date_class = 'year_month'
        and (
            is_directly_reported
            or published_date is null
            or call_year * 12 + call_month > cast(extract(year from published_date) as int) * 12
            + cast(extract(month from published_date) as int) - {{ var('earlier_call_months') }}
        )

),

-- each day group with the pair's next one (one window function, no join)
day_groups_in_order as (

    select
        *,
        lead(call_date) over (partition by pair_key, is_planned order by call_date) as next_call_date

    from day_groups

),

-- the first later call of the pair its article dates ("La última conversación ... se produjo en septiembre"): the
-- month's call is the pair's call right before it, unless told as their first ("the two first spoke in June")
later_calls_told_beside as (

    select
        year_month_mentions.mention_id,
        min(same_article_groups.call_date) as later_call_date

    from year_month_mentions

    inner join same_article_groups
        on year_month_mentions.mention_id = same_article_groups.mention_id

    where cast(extract(year from same_article_groups.call_date) as int) * 12
        + cast(extract(month from same_article_groups.call_date) as int)
        > year_month_mentions.call_year * 12 + year_month_mentions.call_month
        and coalesce(year_month_mentions.sequence_number, 0) != 1
    group by year_month_mentions.mention_id

),

year_month_matches as (

    select
        year_month_mentions.mention_id,
        min(day_groups.call_date) as matched_date,
        count(*) as candidate_count

    from year_month_mentions

    inner join day_groups_in_order as day_groups
        on year_month_mentions.pair_key = day_groups.pair_key
        and year_month_mentions.is_planned = day_groups.is_planned
        and year_month_mentions.call_year = day_groups.group_year
        and year_month_mentions.call_month = day_groups.group_month

    left join same_article_groups
        on year_month_mentions.mention_id = same_article_groups.mention_id
        and day_groups.call_date = same_article_groups.call_date

    left join later_calls_told_beside
        on year_month_mentions.mention_id = later_calls_told_beside.mention_id

    -- within the part of the month the mention gives ("earlier this month": up to the day before the story); told
    -- beside a later call of the pair, no other call of the pair known between the two
    where same_article_groups.mention_id is null
        and (later_calls_told_beside.later_call_date is null
            or day_groups.next_call_date >= later_calls_told_beside.later_call_date)
        and (year_month_mentions.call_date_earliest is null
            or day_groups.call_date >= year_month_mentions.call_date_earliest)
        and (year_month_mentions.call_date_latest is null
            or day_groups.call_date <= year_month_mentions.call_date_latest)

    group by year_month_mentions.mention_id

),

window_offsets as (

    {{ number_rows('day_offset', var('undated_window_days') + 1) }}

),

-- every day group seen from the days up to the window after it: (month, day) of call_date + day_offset, so a
-- month/day without a year finds the calls on or before it with an equi-join (at most window + 1 rows per group)
day_group_shifts as (

    select
        day_groups.pair_key,
        day_groups.is_planned,
        day_groups.call_date,
        window_offsets.day_offset,
        cast(extract(month from {{ dbt.dateadd('day', 'window_offsets.day_offset', 'day_groups.call_date') }}) as int)
            as shifted_month,
        cast(extract(day from {{ dbt.dateadd('day', 'window_offsets.day_offset', 'day_groups.call_date') }}) as int)
            as shifted_day

    from day_groups

    cross join window_offsets

),

latest_month_day_mentions as (

    select * from classified

    where date_class = 'latest_month_day'

),

latest_month_day_candidates as (

    select distinct
        latest_month_day_mentions.mention_id,
        day_group_shifts.pair_key,
        day_group_shifts.is_planned,
        day_group_shifts.call_date

    from latest_month_day_mentions

    inner join day_group_shifts
        on latest_month_day_mentions.pair_key = day_group_shifts.pair_key
        and latest_month_day_mentions.is_planned = day_group_shifts.is_planned
        and latest_month_day_mentions.call_latest_month = day_group_shifts.shifted_month
        and latest_month_day_mentions.call_latest_day = day_group_shifts.shifted_day

    -- a weekday falls within the six days up to the month/day; without one, the window of an undated mention
    where (
        latest_month_day_mentions.call_weekday is null
        or (
            day_group_shifts.day_offset <= 6
            and latest_month_day_mentions.call_weekday + 1 = {{ iso_day_of_week('day_group_shifts.call_date') }}
        )
    )

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

latest_month_day_matches as (

    select
        latest_month_day_candidates.mention_id,
        min(latest_month_day_candidates.call_date) as matched_date,
        count(*) as candidate_count

    from latest_month_day_candidates

    left join same_article_groups
        on latest_month_day_candidates.mention_id = same_article_groups.mention_id
        and latest_month_day_candidates.call_date = same_article_groups.call_date

    where same_article_groups.mention_id is null

    group by latest_month_day_candidates.mention_id

),

pair_weekday_groups as (

    select
        pair_key,
        is_planned,
        {{ iso_day_of_week('call_date') }} as iso_weekday,
        min(call_date) as call_date,
        count(*) as group_count

    from day_groups

    group by
        pair_key,
        is_planned,
        {{ iso_day_of_week('call_date') }}

),

-- a weekday with nothing to count it from (no publication date, no dateline): the pair's only dated call on that
-- weekday, when its own article does not tell it as another call
weekday_matches as (

    select
        undated_mentions.mention_id,
        pair_weekday_groups.call_date as matched_date,
        pair_weekday_groups.group_count as candidate_count

    from undated_mentions

    inner join pair_weekday_groups
        on undated_mentions.pair_key = pair_weekday_groups.pair_key
        and undated_mentions.is_planned = pair_weekday_groups.is_planned
        -- call_weekday counts from 0 = Monday
        and undated_mentions.call_weekday + 1 = pair_weekday_groups.iso_weekday

    left join same_article_groups
        on undated_mentions.mention_id = same_article_groups.mention_id
        and pair_weekday_groups.call_date = same_article_groups.call_date

    where undated_mentions.window_end is null
        and same_article_groups.mention_id is null

),

-- undated mentions no dated call of the pair is in reach of: those of one pair (on the same weekday and month, when
-- given) published within var('undated_window_days') days of the one before form one call, keyed on the first
-- (gaps and islands: two window functions, no join)
undated_alone as (

    select
        undated_mentions.mention_id,
        undated_mentions.pair_key,
        undated_mentions.is_planned,
        undated_mentions.published_date,
        coalesce(undated_mentions.call_weekday, -1) as weekday_key,
        coalesce(undated_mentions.call_month, -1) as month_key,
        case
            when {{ dbt.datediff(
                'lag(undated_mentions.published_date) over (partition by undated_mentions.pair_key, '
                ~ 'undated_mentions.is_planned, coalesce(undated_mentions.call_weekday, -1), '
                ~ 'coalesce(undated_mentions.call_month, -1) order by undated_mentions.published_date, '
                ~ 'undated_mentions.mention_id)',
                'undated_mentions.published_date',
                'day',
            ) }} <= {{ var('undated_window_days') }} then 0
            else 1
        end as starts_island

    from undated_mentions

    left join undated_matches
        on undated_mentions.mention_id = undated_matches.mention_id

    left join weekday_matches
        on undated_mentions.mention_id = weekday_matches.mention_id

    where undated_mentions.date_class = 'undated'
        and undated_mentions.published_date is not null
        and undated_matches.mention_id is null
        and weekday_matches.mention_id is null

),

undated_island_numbers as (

    select
        *,
        sum(starts_island) over (
            partition by pair_key, is_planned, weekday_key, month_key
            order by published_date, mention_id
            rows between unbounded preceding and current row
        ) as island_number

    from undated_alone

),

undated_islands as (

    select
        mention_id,
        first_value(mention_id) over (
            partition by pair_key, is_planned, weekday_key, month_key, island_number
            order by published_date, mention_id
            rows between unbounded preceding and unbounded following
        ) as island_mention_id,
        count(*) over (partition by pair_key, is_planned, weekday_key, month_key, island_number) as island_size

    from undated_island_numbers

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
            when latest_month_day_matches.candidate_count = 1 then 'latest_month_day_matched'
            when latest_month_day_matches.candidate_count > 1 then 'ambiguous'
            when classified.date_class = 'latest_month_day' then 'latest_month_day'
            when undated_matches.candidate_count = 1 and classified.date_class = 'bounds' then 'bounds_matched'
            when undated_matches.candidate_count = 1 then 'published_window_matched'
            when undated_matches.candidate_count > 1 then 'ambiguous'
            when weekday_matches.candidate_count = 1 then 'weekday_matched'
            when weekday_matches.candidate_count > 1 then 'ambiguous'
            when undated_islands.island_size > 1 then 'undated_together'
            else 'own_mention'
        end as grouping_rule,
        case
            when classified.date_class = 'full_date'
                then cast(classified.call_date as string)
            when month_day_matches.candidate_count = 1
                then cast(month_day_matches.matched_date as string)
            when classified.date_class = 'month_day'
                then {{ month_day_key('classified.call_month', 'classified.call_day') }}
            when year_month_matches.candidate_count = 1
                then cast(year_month_matches.matched_date as string)
            when classified.date_class = 'year_month'
                then {{ year_month_key('classified.call_year', 'classified.call_month') }}
            when latest_month_day_matches.candidate_count = 1
                then cast(latest_month_day_matches.matched_date as string)
            when classified.date_class = 'latest_month_day'
                then {{ latest_month_day_key(
                    'classified.call_latest_month', 'classified.call_latest_day', 'classified.call_weekday'
                ) }}
            when undated_matches.candidate_count = 1
                then cast(undated_matches.matched_date as string)
            when weekday_matches.candidate_count = 1
                then cast(weekday_matches.matched_date as string)
            when undated_islands.island_size > 1
                then {{ dbt.concat(["'mention:'", "undated_islands.island_mention_id"]) }}
            else {{ dbt.concat(["'mention:'", "classified.mention_id"]) }}
        end as date_key,
        -- the key the mention has on its own, before any match: its call's id when it is the first published
        case
            when classified.date_class = 'full_date'
                then cast(classified.call_date as string)
            when classified.date_class = 'month_day'
                then {{ month_day_key('classified.call_month', 'classified.call_day') }}
            when classified.date_class = 'year_month'
                then {{ year_month_key('classified.call_year', 'classified.call_month') }}
            when classified.date_class = 'latest_month_day'
                then {{ latest_month_day_key(
                    'classified.call_latest_month', 'classified.call_latest_day', 'classified.call_weekday'
                ) }}
            else {{ dbt.concat(["'mention:'", "classified.mention_id"]) }}
        end as own_date_key

    from classified

    left join month_day_matches
        on classified.mention_id = month_day_matches.mention_id

    left join year_month_matches
        on classified.mention_id = year_month_matches.mention_id

    left join undated_matches
        on classified.mention_id = undated_matches.mention_id

    left join latest_month_day_matches
        on classified.mention_id = latest_month_day_matches.mention_id

    left join weekday_matches
        on classified.mention_id = weekday_matches.mention_id

    left join undated_islands
        on classified.mention_id = undated_islands.mention_id

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
        call_latest_month,
        call_latest_day,
        published_date,
        outlet,
        {{ resolved_now() }} as resolved_in

    from call_keys

)

select * from final
