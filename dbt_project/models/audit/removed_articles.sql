{#
    Articles an earlier run published whose file has since been deleted or changed to other content: their
    facts have left the marts. An article stays listed until the same content is read again.
#}

with

removed_articles as (

    select * from {{ ref('stg_removed_articles') }}

),

final as (

    select
        article_id,
        source_name,
        reason,
        removed_at

    from removed_articles

)

select * from final
