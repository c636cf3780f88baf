{#- The five evidence columns every raw fact table carries (see hotline/schemas.py EVIDENCE), cast the same
    way in every staging model: the sentence's index, text and character offsets, and how a value was inferred. -#}
{% macro evidence_columns() %}
        cast(evidence_sentence_index as int) as evidence_sentence_index,
        cast(evidence_text as string) as evidence_text,
        cast(evidence_start as int) as evidence_start,
        cast(evidence_end as int) as evidence_end,
        nullif(trim(evidence_how), '') as evidence_how
{%- endmacro %}
