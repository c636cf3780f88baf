{#- Incremental on DuckDB by call (macros/incremental.sql): a run rebuilds the calls of the pairs resolved again. -#}

{{ config(**by_call_config()) }}

with

call_mentions as (

    select * from {{ ref('int_call_mentions_grouped_to_calls') }} as resolved
    {{- resolved_this_run('resolved') }}

),

trade_measure_mentions as (

    select * from {{ ref('int_trade_measure_mentions_keyed') }}

),

call_measures as (

    select
        call_mentions.call_id,
        trade_measure_mentions.trade_measure_id,
        trade_measure_mentions.mention_id,
        trade_measure_mentions.article_id,
        trade_measure_mentions.call_link,
        trade_measure_mentions.evidence_text,
        trade_measure_mentions.evidence_how,
        trade_measure_mentions.evidence_start,
        trade_measure_mentions.evidence_end,
        call_mentions.published_date

    from trade_measure_mentions

    inner join call_mentions
        on trade_measure_mentions.mention_id = call_mentions.mention_id

),

ranked as (

    select
        *,
        {{ evidence_rank(['call_id', 'trade_measure_id'], tie_breakers=['mention_id']) }}

    from call_measures

),

article_counts as (

    select
        call_id,
        trade_measure_id,
        count(distinct article_id) as mention_count

    from call_measures

    group by
        call_id,
        trade_measure_id

),

final as (

    select
        cast(ranked.call_id as string) as call_id,
        cast(ranked.trade_measure_id as string) as trade_measure_id,
        cast(ranked.article_id as string) as article_id,
        cast(ranked.call_link as string) as call_link,
        cast(ranked.evidence_text as string) as evidence,
        cast(ranked.evidence_how as string) as evidence_how,
        cast(article_counts.mention_count as int) as mention_count,
        cast(ranked.evidence_start as int) as evidence_start,
        cast(ranked.evidence_end as int) as evidence_end

    from ranked

    inner join article_counts
        on ranked.call_id = article_counts.call_id
        and ranked.trade_measure_id = article_counts.trade_measure_id

    where ranked.evidence_rank = 1

)

select * from final
