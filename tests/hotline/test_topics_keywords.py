"""Which words name a topic of the call (issue 14, point 2): a relationship noun that another topic qualifies is that
topic's ("defence ties"), "the defence of sovereignty" is no defence, countries called economies are no economy.

Every example was written for these tests, in the styles of wire copy, government readouts and the Spanish-language
press; none is taken from the seed corpus or the evaluation corpus.
"""

from __future__ import annotations

import pytest
import written

from hotline.reference import Reference


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
    topics = written.discussed(reference, text)
    assert kept <= topics
    assert not left_out & topics


@pytest.mark.parametrize(
    ("text", "kept", "left_out"),
    [
        (  # the context the call came in, in a sentence reporting it
            "Modi y Putin\nEl primer ministro Narendra Modi habló el lunes por teléfono con Vladímir Putin sobre "
            "Ucrania. La llamada llega en plena escalada comercial entre Nueva Delhi y Washington.",
            {"ukraine_war"},
            {"trade"},
        ),
        (  # their first meeting in person is another event, with its own summit
            "Sheinbaum y Carney\nLa presidenta Claudia Sheinbaum habló el martes por teléfono con Mark Carney sobre "
            "el acero. Sheinbaum y Carney se conocieron en persona en junio, durante la cumbre del G7 en Kananaskis, "
            "donde acordaron un plan de acción.",
            {"steel"},
            {"multilateral_forums"},
        ),
        (  # an adverb inside the discussion verb
            "Bukele y Noboa\nEl presidente Nayib Bukele habló el lunes por teléfono con Daniel Noboa sobre las "
            "cárceles.\n\nEl ministro de Comunicación, Ernesto Sanabria, informó que los mandatarios conversaron "
            "además sobre el narcotráfico.",
            {"drug_trafficking"},
            set(),
        ),
        (  # a readout names the participant by the office's generic title, then a date of what was congratulated
            "ULAANBAATAR - The President of Mongolia held a telephone conversation today with Lee Jae-myung, "
            "President of the Republic of Korea.\n\nAt the outset, the Head of State congratulated President Lee on "
            "his election in June.",
            {"elections"},
            set(),
        ),
        (  # an embargo is trade
            "Obama y Castro\nEl presidente Barack Obama habló el martes por teléfono con Raúl Castro sobre el embargo.",
            {"trade"},
            set(),
        ),
        (  # "sin embargo" (however) is no embargo
            "Obama y Castro\nEl presidente Barack Obama habló el martes por teléfono con Raúl Castro sobre la "
            "migración. Sin embargo, ambos hablaron también de la seguridad.",
            {"migration", "security"},
            {"trade"},
        ),
        (  # wire: a single currency is the economy's
            "ACCRA (Reuters) - President John Mahama spoke by phone with President Bola Tinubu on Friday about the "
            "single currency of the West African bloc.",
            {"economy"},
            set(),
        ),
        (  # emissions trading is a climate instrument, no trade
            "Babiš and Fico\nPrime Minister Andrej Babiš spoke by phone with Prime Minister Robert Fico on Monday "
            "about an exemption from the EU's emissions trading scheme for households.",
            {"climate"},
            {"trade"},
        ),
        (  # a trade in drugs or smuggled weapons is trafficking, no commerce
            "SUVA (RNZ) - Prime Minister Christopher Luxon spoke by phone with Prime Minister Sitiveni Rabuka on "
            "Monday about the cocaine trade through the Pacific and the illicit arms trade that follows it.",
            {"drug_trafficking", "arms_trafficking"},
            {"trade"},
        ),
        (  # the same in the Spanish-language press
            "Petro y Noboa\nEl presidente Gustavo Petro habló el martes por teléfono con Daniel Noboa sobre el "
            "comercio ilícito de drogas y el comercio ilegal de armas en la frontera.",
            {"drug_trafficking", "arms_trafficking"},
            {"trade"},
        ),
    ],
)
def test_the_context_of_the_call_and_how_readouts_say_what_was_discussed(
    reference: Reference, text: str, kept: set[str], left_out: set[str]
) -> None:
    topics = written.discussed(reference, text)
    assert kept <= topics
    assert not left_out & topics
