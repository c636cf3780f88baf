{#
    One row per (call, topic). An explicit negation ("tariffs were not discussed") in any article beats a
    plain mention in another: the status is not_discussed and has_conflicting_claims records that both
    were found. The evidence is the first claim (earliest article, then position) supporting the status.
#}

{#- Incremental on DuckDB by call (macros/incremental.sql): a run rebuilds the calls of the pairs resolved again. -#}

{{ config(**by_call_config()) }}

with

call_mentions as (

    select * from {{ ref('int_call_mentions_grouped_to_calls') }} as resolved
    {{- resolved_this_run('resolved') }}

),

call_topics as (

    select * from {{ ref('stg_call_topics') }}

),

topic_claims as (

    select
        call_mentions.call_id,
        call_topics.topic_code,
        call_topics.status,
        call_topics.mention_id,
        call_topics.article_id,
        call_topics.claimant_official_id,
        call_topics.evidence_text,
        call_topics.evidence_how,
        call_topics.evidence_start,
        call_topics.evidence_end,
        call_mentions.published_date

    from call_topics

    inner join call_mentions
        on call_topics.mention_id = call_mentions.mention_id

),

statuses as (

    select
        call_id,
        topic_code,
        count(distinct article_id) as mention_count,
        max(case when status = 'not_discussed' then 1 else 0 end) as has_negation,
        max(case when status = 'discussed' then 1 else 0 end) as has_discussion

    from topic_claims

    group by
        call_id,
        topic_code

),

resolved as (

    select
        call_id,
        topic_code,
        case when has_negation = 1 then 'not_discussed' else 'discussed' end as status,
        mention_count,
        has_negation = 1 and has_discussion = 1 as has_conflicting_claims

    from statuses

),

supporting_claims as (

    select
        topic_claims.*,
        {{ evidence_rank(['call_id', 'topic_code'], tie_breakers=['mention_id'], prefix='topic_claims.') }}

    from topic_claims

    inner join resolved
        on topic_claims.call_id = resolved.call_id
        and topic_claims.topic_code = resolved.topic_code
        and topic_claims.status = resolved.status

),

final as (

    select
        cast(resolved.call_id as string) as call_id,
        cast(resolved.topic_code as string) as topic_code,
        cast(supporting_claims.article_id as string) as article_id,
        cast(supporting_claims.claimant_official_id as string) as claimant_official_id,
        cast(resolved.status as string) as status,
        cast(supporting_claims.evidence_text as string) as evidence,
        cast(supporting_claims.evidence_how as string) as evidence_how,
        cast(resolved.mention_count as int) as mention_count,
        cast(supporting_claims.evidence_start as int) as evidence_start,
        cast(supporting_claims.evidence_end as int) as evidence_end,
        cast(resolved.has_conflicting_claims as boolean) as has_conflicting_claims

    from resolved

    inner join supporting_claims
        on resolved.call_id = supporting_claims.call_id
        and resolved.topic_code = supporting_claims.topic_code
        and supporting_claims.evidence_rank = 1

)

select * from final
