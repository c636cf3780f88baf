{#
    One row per trade measure as one article states it: the measure (dim_trade_measures), the article, and
    the call the text ties it to (discussed on it, announced after it). A measure the text does not tie to a
    call (background, history, another event) keeps its article and no call: call_link 'article_context'.
#}

with

trade_measure_mentions as (

    select * from {{ ref('int_trade_measure_mentions_keyed') }}

),

call_mentions as (

    select * from {{ ref('int_call_mentions_grouped_to_calls') }}

),

linked as (

    select
        trade_measure_mentions.trade_measure_id,
        trade_measure_mentions.article_id,
        trade_measure_mentions.mention_id,
        call_mentions.call_id,
        case
            when call_mentions.call_id is not null then trade_measure_mentions.call_link
        end as call_link,
        trade_measure_mentions.effective_date,
        trade_measure_mentions.evidence_text,
        trade_measure_mentions.evidence_how,
        trade_measure_mentions.evidence_start,
        trade_measure_mentions.evidence_end

    from trade_measure_mentions

    left join call_mentions
        on trade_measure_mentions.mention_id = call_mentions.mention_id

),

ranked as (

    select
        *,
        row_number() over (
            partition by article_id, trade_measure_id
            order by evidence_start nulls last, evidence_end nulls last, mention_id nulls last
        ) as mention_rank

    from linked

),

final as (

    select
        cast({{ hotline.short_hash(dbt.concat(["article_id", "'|'", "trade_measure_id"])) }} as string)
            as trade_measure_mention_id,
        cast(trade_measure_id as string) as trade_measure_id,
        cast(article_id as string) as article_id,
        cast(call_id as string) as call_id,
        cast(coalesce(call_link, 'article_context') as string) as call_link,
        cast(effective_date as date) as effective_date,
        cast(evidence_text as string) as evidence,
        cast(evidence_how as string) as evidence_how,
        cast(evidence_start as int) as evidence_start,
        cast(evidence_end as int) as evidence_end

    from ranked

    where mention_rank = 1

)

select * from final
