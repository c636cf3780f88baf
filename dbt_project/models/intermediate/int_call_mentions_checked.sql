{#
    The content rules a call mention must satisfy before cross-article resolution. Bad input (a typo year,
    a dateline read as the call date, a participant out of office) can break them; code cannot fix that, so
    the mention is held back from the marts (with its participants, topics, officials and trade measures)
    and audit.quarantined_facts lists it with the first rule it breaks and why. Everything else publishes.

      call_date_in_range               the call's date or year is not before var('earliest_plausible_date')
                                       and not after today
      call_date_not_after_publication  a held call is not dated after the article reporting it was published
      participants_in_office           every reference participant of a dated, held call held an office
                                       (any role in official_terms, president-elect included) that day
#}

{%- set earliest_year = var('earliest_plausible_date')[:4] -%}

with

mentions as (

    select * from {{ ref('int_call_mentions_dated_by_sequence') }}

),

participants as (

    select * from {{ ref('stg_call_participants') }}

),

terms as (

    select * from {{ ref('official_terms') }}

),

participant_terms as (

    select
        participants.mention_id,
        participants.official_id,
        max(
            case
                when terms.term_start <= mentions.call_date
                    and (terms.term_end is null or mentions.call_date <= terms.term_end) then 1
                else 0
            end
        ) as held_office

    from participants

    inner join mentions
        on participants.mention_id = mentions.mention_id

    inner join terms
        on participants.official_id = terms.official_id

    where mentions.call_date is not null
        and not mentions.is_planned

    group by participants.mention_id, participants.official_id

),

out_of_office as (

    select
        mention_id,
        min(official_id) as official_id

    from participant_terms

    where held_office = 0

    group by mention_id

),

checked as (

    select
        mentions.*,
        case
            when not {{ is_plausible_date('mentions.call_date') }}
                or mentions.call_year < {{ earliest_year }}
                or mentions.call_year > extract(year from current_date) + 1
                then 'call_date_in_range'
            when not mentions.is_planned and mentions.call_date > mentions.published_date
                then 'call_date_not_after_publication'
            when out_of_office.official_id is not null
                then 'participants_in_office'
        end as quarantine_rule,
        out_of_office.official_id as out_of_office_official_id

    from mentions

    left join out_of_office
        on mentions.mention_id = out_of_office.mention_id

),

final as (

    select
        *,
        case quarantine_rule
            when 'call_date_in_range' then
                'call dated ' || coalesce(cast(call_date as string), 'in the year ' || cast(call_year as string))
                || ', outside the plausible range ({{ var("earliest_plausible_date") }} .. today)'
            when 'call_date_not_after_publication' then
                'call dated ' || cast(call_date as string) || ', after the article''s publication date '
                || cast(published_date as string)
            when 'participants_in_office' then
                out_of_office_official_id || ' held no office on the call date ' || cast(call_date as string)
        end as quarantine_reason

    from checked

)

select * from final
