{#
    Facts that bad content made implausible, set aside instead of published (one row each), so a run on a
    corpus with a typo year or a broken front matter still publishes everything else. The rules live where
    the fact is cleaned: publication dates, durations and rates in staging (bounds in dbt_project.yml
    `vars`), call mentions in int_call_mentions_checked.
#}

with

articles as (

    select * from {{ ref('stg_articles') }}

),

mentions as (

    select * from {{ ref('int_call_mentions_checked') }}

),

call_mentions as (

    select * from {{ ref('stg_call_mentions') }}

),

measures as (

    select * from {{ ref('stg_trade_measure_mentions') }}

),

quarantined as (

    select
        article_id,
        'call_mention' as fact,
        mention_id as fact_id,
        quarantine_rule as rule,
        quarantine_reason as reason,
        cast(call_date as string) as fact_value,
        evidence_text,
        evidence_start,
        evidence_end

    from mentions

    where quarantine_rule is not null

    union all

    select
        article_id,
        'published_date' as fact,
        article_id as fact_id,
        'published_date_in_range' as rule,
        'publication date ' || cast(quarantined_published_date as string)
            || ' is outside the plausible range ({{ var("earliest_plausible_date") }} .. today)' as reason,
        cast(quarantined_published_date as string) as fact_value,
        published_date_evidence as evidence_text,
        cast(null as int) as evidence_start,
        cast(null as int) as evidence_end

    from articles

    where quarantined_published_date is not null

    union all

    select
        article_id,
        'duration_minutes' as fact,
        mention_id as fact_id,
        'duration_in_range' as rule,
        'a call of ' || cast(quarantined_duration_minutes as string) || ' minutes is outside the plausible range ('
            || '{{ var("duration_minutes_range")[0] }} .. {{ var("duration_minutes_range")[1] }})' as reason,
        cast(quarantined_duration_minutes as string) as fact_value,
        evidence_text,
        evidence_start,
        evidence_end

    from call_mentions

    where quarantined_duration_minutes is not null

    union all

    select
        article_id,
        'rate_percent' as fact,
        article_id || ':' || cast(evidence_start as string) as fact_id,
        'rate_percent_in_range' as rule,
        'a rate of ' || cast(quarantined_rate_percent as string) || '% is outside the plausible range ('
            || '{{ var("rate_percent_range")[0] }} .. {{ var("rate_percent_range")[1] }})' as reason,
        cast(quarantined_rate_percent as string) as fact_value,
        evidence_text,
        evidence_start,
        evidence_end

    from measures

    where quarantined_rate_percent is not null

),

final as (

    select
        quarantined.article_id,
        articles.source_name,
        quarantined.fact,
        quarantined.fact_id,
        quarantined.rule,
        quarantined.reason,
        quarantined.fact_value,
        quarantined.evidence_text as evidence,
        quarantined.evidence_start,
        quarantined.evidence_end

    from quarantined

    left join articles
        on quarantined.article_id = articles.article_id

)

select * from final
