{#
    Every article with its publication date as a careful reader knows it: the date the file or the text states
    (ingest, stg_articles), else the story's own day the extractor fixed for a dateline that gives only month
    and day ("OSLO, Jan 30 (Reuters) -"), its year from evidence the article carries (story_date of its call
    mentions, hotline/extract/story_year.py). The calls of one article must agree on that day: two different
    days leave the date unknown.
#}

with

articles as (

    select * from {{ ref('stg_articles') }}

),

call_mentions as (

    select * from {{ ref('stg_call_mentions') }}

),

story_days as (

    select
        article_id,
        min(story_date) as story_date

    from call_mentions

    where story_date is not null

    group by article_id

    having min(story_date) = max(story_date)

),

final as (

    select
        articles.article_id,
        articles.source_name,
        articles.source_format,
        articles.title,
        articles.url,
        articles.outlet,
        articles.content_hash,
        articles.encoding,
        case
            when articles.published_date is null and story_days.story_date is not null
                then 'dateline_and_evidence'
            else articles.published_date_source
        end as published_date_source,
        case
            when articles.published_date is null and story_days.story_date is not null
                then 'the dateline''s month and day, the year fixed by evidence the article carries'
            else articles.published_date_evidence
        end as published_date_evidence,
        articles.text,
        articles.byte_size,
        coalesce(articles.published_date, story_days.story_date) as published_date

    from articles

    left join story_days
        on story_days.article_id = articles.article_id

)

select * from final
