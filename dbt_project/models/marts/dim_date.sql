{#
    One row per day from the earliest to the latest call or publication date, and always at least
    2017-01-01 .. 2030-12-31. The series is a fixed 65,536 days (about 179 years) offset from the first day,
    built from dbt's cross-database generate_series and dateadd, so no query runs at compile time.
#}

{%- set default_first_day = '2017-01-01' -%}
{%- set default_last_day = '2030-12-31' -%}
{%- set max_days = 65536 -%}

with

call_mentions as (

    select * from {{ ref('int_call_mentions_grouped_to_calls') }}

),

articles as (

    select * from {{ ref('int_articles_dated') }}

),

known_dates as (

    select call_date as known_date from call_mentions

    union all

    select published_date as known_date from articles

    union all

    select cast('{{ default_first_day }}' as date) as known_date

    union all

    select cast('{{ default_last_day }}' as date) as known_date

),

bounds as (

    select
        min(known_date) as first_day,
        max(known_date) as last_day

    from known_dates

),

day_numbers as (

    {{ dbt.generate_series(max_days) }}

),

days as (

    select
        cast({{ dbt.dateadd('day', 'day_numbers.generated_number - 1', 'bounds.first_day') }} as date) as date_day

    from day_numbers

    cross join bounds

    where day_numbers.generated_number - 1
        <= {{ dbt.datediff('bounds.first_day', 'bounds.last_day', 'day') }}

),

parts as (

    select
        date_day,
        cast(extract(year from date_day) as int) as year,
        cast(extract(month from date_day) as int) as month,
        cast(extract(day from date_day) as int) as day,
        cast({{ hotline.iso_day_of_week('date_day') }} as int) as day_of_week

    from days

),

final as (

    select
        date_day,
        case month
            when 1 then 'January'
            when 2 then 'February'
            when 3 then 'March'
            when 4 then 'April'
            when 5 then 'May'
            when 6 then 'June'
            when 7 then 'July'
            when 8 then 'August'
            when 9 then 'September'
            when 10 then 'October'
            when 11 then 'November'
            when 12 then 'December'
        end as month_name,
        case day_of_week
            when 1 then 'Monday'
            when 2 then 'Tuesday'
            when 3 then 'Wednesday'
            when 4 then 'Thursday'
            when 5 then 'Friday'
            when 6 then 'Saturday'
            when 7 then 'Sunday'
        end as day_of_week_name,
        year,
        cast(floor((month - 1) / 3) + 1 as int) as quarter,
        month,
        day,
        day_of_week,
        day_of_week >= 6 as is_weekend,
        cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month_start_date

    from parts

)

select * from final
