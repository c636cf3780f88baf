"""Which words name a topic of the call (issue 14, point 2): a relationship noun that another topic qualifies is that
topic's ("defence ties"), "the defence of sovereignty" is no defence, countries called economies are no economy.

Every example was written for these tests, in the styles of wire copy, government readouts and the Spanish-language
press; none is taken from the seed corpus or the evaluation corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference

DAY = dt.date(2025, 6, 6)  # a Friday


def discussed(reference: Reference, text: str) -> set[str]:
    return written.first_call_topics(written.extract(reference, text, DAY), "discussed")


@pytest.mark.parametrize(
    ("text", "kept", "left_out"),
    [
        (  # wire: the qualifier before the noun
            "TOKYO (Kyodo) - Prime Minister Shigeru Ishiba and Australian Prime Minister Anthony Albanese agreed in "
            "phone talks on Tuesday to deepen defense ties.",
            {"defense"},
            {"foreign_relations"},
        ),
        (  # Spanish press: the qualifier after the noun, an adjective or "de"
            "Pedro Sánchez habló el lunes por teléfono con Luís Montenegro sobre la relación energética entre ambos "
            "países y las relaciones de defensa.",
            {"energy", "defense"},
            {"foreign_relations"},
        ),
        (  # the relationship itself, no other topic's
            "Pedro Sánchez habló el lunes por teléfono con Luís Montenegro sobre las relaciones bilaterales.",
            {"foreign_relations"},
            set(),
        ),
        (  # "the defence of sovereignty" is an idiom, no military matter
            "El presidente Gustavo Petro conversó el martes por teléfono con Luiz Inácio Lula da Silva sobre la "
            "defensa de la soberanía de América Latina y la lucha contra el narcotráfico.",
            {"sovereignty", "drug_trafficking"},
            {"defense"},
        ),
        (  # countries called economies: the topic is the tariffs
            "Readout\nPresident Cyril Ramaphosa spoke by phone with President Luiz Inácio Lula da Silva on Thursday "
            "about the effect of the US tariffs on both economies.",
            {"tariffs"},
            {"economy"},
        ),
        (  # troops pulled back for a ceasefire are no military intervention
            "KUALA LUMPUR - Prime Minister Anwar Ibrahim spoke by phone with Prime Minister Hun Manet on Thursday and "
            "urged him to agree to a ceasefire and to pull back troops from the border.",
            {"border"},
            {"military_intervention"},
        ),
    ],
)
def test_words_that_name_a_topic_and_words_that_do_not(
    reference: Reference, text: str, kept: set[str], left_out: set[str]
) -> None:
    topics = discussed(reference, text)
    assert kept <= topics
    assert not left_out & topics
