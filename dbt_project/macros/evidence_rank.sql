{#- Rank the claims of one fact (a topic of a call, a participant of a call...) so that rank 1 is its first
    evidence: the earliest published article, then the lowest article_id, then the earliest sentence. Every
    bridge picks its evidence this way; the tie-breakers make the order total on every engine. -#}
{% macro evidence_rank(partition_by, tie_breakers=['mention_id'], prefix='') %}
        row_number() over (
            partition by {% for column in partition_by %}{{ prefix }}{{ column }}{{ ", " if not loop.last }}{% endfor %}
            order by
                {{ prefix }}published_date nulls last,
                {{ prefix }}article_id,
                {{ prefix }}evidence_start nulls last,
                {{ prefix }}evidence_end nulls last{% for column in tie_breakers %},
                {{ prefix }}{{ column }}{% endfor %}
        ) as evidence_rank
{%- endmacro %}
