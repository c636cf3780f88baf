with

countries as (

    select * from {{ ref('countries') }}

),

final as (

    select
        cast(country_code as string) as country_code,
        cast(country_name as string) as country_name

    from countries

)

select * from final
