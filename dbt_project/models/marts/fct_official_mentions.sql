{#
    Every official an article names, one row per (article, official), whether or not the article tells a
    call: ministers, spokespeople and leaders, with the role and country as the article gives them (or the
    reference resolves on its date) and the first evidence in the text.
#}

with

official_mentions as (

    select * from {{ ref('stg_official_mentions') }}

),

articles as (

    select * from {{ ref('int_articles_dated') }}

),

final as (

    select
        cast(official_mentions.article_id as string) as article_id,
        cast(official_mentions.official_id as string) as official_id,
        cast(articles.published_date as date) as published_date,
        cast(official_mentions.role as string) as role,
        cast(official_mentions.country_code as string) as country_code,
        cast(official_mentions.is_reference as boolean) as is_reference,
        cast(official_mentions.evidence_text as string) as evidence,
        cast(official_mentions.evidence_how as string) as evidence_how,
        cast(official_mentions.evidence_start as int) as evidence_start,
        cast(official_mentions.evidence_end as int) as evidence_end

    from official_mentions

    inner join articles
        on official_mentions.article_id = articles.article_id

    where official_mentions.official_id is not null

)

select * from final
