{#
    Every official the warehouse knows, one row per official_id:
    - reference officials (officials seed) with their current role, or their most recent one when no term
      is open (terms seed);
    - officials found only in the text (official mentions or call participants whose id is not in the
      seed), with their most frequent name, country and role (ties broken alphabetically).
#}

with

officials as (

    select * from {{ ref('officials') }}

),

official_terms as (

    select * from {{ ref('official_terms') }}

),

roles as (

    select * from {{ ref('roles') }}

),

official_mentions as (

    select * from {{ ref('stg_official_mentions') }}

),

call_participants as (

    select * from {{ ref('stg_call_participants') }}

),

ranked_terms as (

    select
        official_id,
        role,
        country_code,
        cast(term_start as date) as term_start_date,
        cast(term_end as date) as term_end_date,
        row_number() over (
            partition by official_id
            order by
                case when term_end is null then 0 else 1 end,
                cast(term_end as date) desc nulls last,
                cast(term_start as date) desc nulls last,
                role
        ) as term_rank

    from official_terms

),

reference_officials as (

    select
        cast(officials.official_id as string) as official_id,
        cast(officials.full_name as string) as full_name,
        cast(coalesce(officials.country_code, ranked_terms.country_code) as string) as country_code,
        cast(ranked_terms.role as string) as role,
        true as is_reference,
        ranked_terms.term_start_date,
        ranked_terms.term_end_date

    from officials

    left join ranked_terms
        on officials.official_id = ranked_terms.official_id
        and ranked_terms.term_rank = 1

),

text_mentions as (

    select
        official_id,
        article_id,
        full_name,
        country_code,
        role

    from official_mentions

    union all

    select
        official_id,
        article_id,
        full_name,
        country_code,
        role

    from call_participants

),

discovered_mentions as (

    select text_mentions.*

    from text_mentions

    left join reference_officials
        on text_mentions.official_id = reference_officials.official_id

    where reference_officials.official_id is null
        and text_mentions.official_id is not null

),

name_counts as (

    select
        official_id,
        full_name,
        count(*) as name_count

    from discovered_mentions

    where full_name is not null

    group by
        official_id,
        full_name

),

country_counts as (

    select
        official_id,
        country_code,
        count(*) as country_count

    from discovered_mentions

    where country_code is not null

    group by
        official_id,
        country_code

),

role_counts as (

    select
        official_id,
        role,
        count(*) as role_count

    from discovered_mentions

    where role is not null

    group by
        official_id,
        role

),

top_names as (

    select
        official_id,
        full_name,
        row_number() over (
            partition by official_id
            order by name_count desc, full_name
        ) as name_rank

    from name_counts

),

top_countries as (

    select
        official_id,
        country_code,
        row_number() over (
            partition by official_id
            order by country_count desc, country_code
        ) as country_rank

    from country_counts

),

top_roles as (

    select
        official_id,
        role,
        row_number() over (
            partition by official_id
            order by role_count desc, role
        ) as role_rank

    from role_counts

),

discovered_ids as (

    select distinct official_id

    from discovered_mentions

),

discovered_officials as (

    select
        discovered_ids.official_id,
        coalesce(top_names.full_name, discovered_ids.official_id) as full_name,
        top_countries.country_code,
        top_roles.role,
        false as is_reference,
        cast(null as date) as term_start_date,
        cast(null as date) as term_end_date

    from discovered_ids

    left join top_names
        on discovered_ids.official_id = top_names.official_id
        and top_names.name_rank = 1

    left join top_countries
        on discovered_ids.official_id = top_countries.official_id
        and top_countries.country_rank = 1

    left join top_roles
        on discovered_ids.official_id = top_roles.official_id
        and top_roles.role_rank = 1

),

unioned as (

    select * from reference_officials

    union all

    select * from discovered_officials

),

article_counts as (

    select
        official_id,
        count(distinct article_id) as article_count

    from text_mentions

    group by official_id

),

final as (

    select
        unioned.official_id,
        unioned.full_name,
        unioned.country_code,
        unioned.role,
        cast(roles.role_name as string) as role_name,
        cast(coalesce(article_counts.article_count, 0) as int) as article_count,
        coalesce(cast(roles.is_leader as boolean), false) as is_leader,
        unioned.is_reference,
        unioned.term_start_date,
        unioned.term_end_date

    from unioned

    left join roles
        on unioned.role = roles.role

    left join article_counts
        on unioned.official_id = article_counts.official_id

)

select * from final
