{#- Incremental on DuckDB by call (macros/incremental.sql): a run rebuilds the calls of the pairs resolved again. -#}

{{ config(**by_call_config()) }}

with

call_mentions as (

    select * from {{ ref('int_call_mentions_grouped_to_calls') }} as resolved
    {{- resolved_this_run('resolved') }}

),

final as (

    select
        cast(call_id as string) as call_id,
        cast(mention_id as string) as mention_id,
        cast(article_id as string) as article_id,
        cast(grouping_rule as string) as grouping_rule,
        cast(date_precision as string) as date_precision,
        cast(date_basis as string) as date_basis,
        cast(evidence_text as string) as evidence,
        cast(evidence_how as string) as evidence_how,
        cast(call_index as int) as call_index,
        cast(evidence_sentence_index as int) as evidence_sentence_index,
        cast(evidence_start as int) as evidence_start,
        cast(evidence_end as int) as evidence_end,
        cast(is_directly_reported as boolean) as is_directly_reported,
        cast(call_status as string) as call_status,
        cast(status_cue as string) as status_cue,
        cast(initiator_official_id as string) as initiator_official_id,
        cast(is_planned as boolean) as is_planned,
        cast(call_date as date) as call_date,
        cast(call_date_earliest as date) as call_date_earliest,
        cast(call_date_latest as date) as call_date_latest

    from call_mentions

)

select * from final
