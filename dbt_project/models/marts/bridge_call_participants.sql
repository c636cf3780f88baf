{#- Incremental on DuckDB by call (macros/incremental.sql): a run rebuilds the calls of the pairs resolved again. -#}

{{ config(**by_call_config()) }}

with

call_mentions as (

    select * from {{ ref('int_call_mentions_grouped_to_calls') }} as resolved
    {{- resolved_this_run('resolved') }}

),

call_participants as (

    select * from {{ ref('stg_call_participants') }}

),

participations as (

    select
        call_mentions.call_id,
        call_participants.official_id,
        call_participants.mention_id,
        call_participants.article_id,
        call_participants.country_code,
        call_participants.role,
        call_participants.evidence_text,
        call_participants.evidence_how,
        call_participants.evidence_start,
        call_participants.evidence_end,
        call_mentions.published_date

    from call_participants

    inner join call_mentions
        on call_participants.mention_id = call_mentions.mention_id

    where call_participants.official_id is not null

),

ranked as (

    select
        *,
        {{ evidence_rank(['call_id', 'official_id'], tie_breakers=['mention_id']) }}

    from participations

),

article_counts as (

    select
        call_id,
        official_id,
        count(distinct article_id) as mention_count

    from participations

    group by
        call_id,
        official_id

),

final as (

    select
        cast(ranked.call_id as string) as call_id,
        cast(ranked.official_id as string) as official_id,
        cast(ranked.article_id as string) as article_id,
        cast(ranked.country_code as string) as country_code,
        cast(ranked.role as string) as role,
        cast(ranked.evidence_text as string) as evidence,
        cast(ranked.evidence_how as string) as evidence_how,
        cast(article_counts.mention_count as int) as mention_count,
        cast(ranked.evidence_start as int) as evidence_start,
        cast(ranked.evidence_end as int) as evidence_end

    from ranked

    inner join article_counts
        on ranked.call_id = article_counts.call_id
        and ranked.official_id = article_counts.official_id

    where ranked.evidence_rank = 1

)

select * from final
