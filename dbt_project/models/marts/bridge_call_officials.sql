{#
    Officials named in any article that tells a call (participants included), one row per
    (call, official), with the first evidence (earliest article, then position in the text).
#}

{#- Incremental on DuckDB by call (macros/incremental.sql): a run rebuilds the calls of the pairs resolved again. -#}

{{ config(**by_call_config()) }}

with

call_mentions as (

    select * from {{ ref('int_call_mentions_grouped_to_calls') }} as resolved
    {{- resolved_this_run('resolved') }}

),

official_mentions as (

    select * from {{ ref('stg_official_mentions') }}

),

call_participants as (

    select * from {{ ref('stg_call_participants') }}

),

call_articles as (

    select distinct
        call_id,
        article_id,
        published_date

    from call_mentions

),

call_participant_ids as (

    select distinct
        call_mentions.call_id,
        call_participants.official_id

    from call_participants

    inner join call_mentions
        on call_participants.mention_id = call_mentions.mention_id

),

call_officials as (

    select
        call_articles.call_id,
        official_mentions.official_id,
        official_mentions.article_id,
        official_mentions.role,
        official_mentions.evidence_text,
        official_mentions.evidence_how,
        official_mentions.evidence_start,
        official_mentions.evidence_end,
        call_articles.published_date

    from official_mentions

    inner join call_articles
        on official_mentions.article_id = call_articles.article_id

    where official_mentions.official_id is not null

),

ranked as (

    select
        *,
        {{ evidence_rank(['call_id', 'official_id'], tie_breakers=['evidence_text']) }}

    from call_officials

),

article_counts as (

    select
        call_id,
        official_id,
        count(distinct article_id) as mention_count

    from call_officials

    group by
        call_id,
        official_id

),

final as (

    select
        cast(ranked.call_id as string) as call_id,
        cast(ranked.official_id as string) as official_id,
        cast(ranked.article_id as string) as article_id,
        cast(ranked.role as string) as role,
        cast(ranked.evidence_text as string) as evidence,
        cast(ranked.evidence_how as string) as evidence_how,
        cast(article_counts.mention_count as int) as mention_count,
        cast(ranked.evidence_start as int) as evidence_start,
        cast(ranked.evidence_end as int) as evidence_end,
        call_participant_ids.official_id is not null as is_participant

    from ranked

    inner join article_counts
        on ranked.call_id = article_counts.call_id
        and ranked.official_id = article_counts.official_id

    left join call_participant_ids
        on ranked.call_id = call_participant_ids.call_id
        and ranked.official_id = call_participant_ids.official_id

    where ranked.evidence_rank = 1

)

select * from final
