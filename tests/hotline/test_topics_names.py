"""A topic keyword inside the name of an institution names the institution, not a subject of the call (issue 14,
point 2); a keyword in the name of another thing keeps its topic.

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
        (  # wire: an English name puts its head last, the keyword qualifies it
            "ABUJA (Reuters) - Nigerian President Bola Tinubu spoke by phone with Ghana's President John Mahama on "
            "Thursday. The two leaders discussed migration and the next summit of the Economic Community of West "
            "African States, a statement said.",
            {"migration"},
            {"economy"},
        ),
        (  # Spanish press: the head first, the keyword after it
            "El presidente de Chile, Gabriel Boric, conversó por teléfono este jueves con la presidenta de Perú, Dina "
            "Boluarte. Ambos mandatarios abordaron la migración y la coordinación con el Ministerio de Relaciones "
            "Exteriores de cada país, informó La Moneda.",
            {"migration"},
            {"foreign_relations"},
        ),
        (  # readout: a complement after "on" in a commission's name
            "Prime Minister Nikol Pashinyan held a telephone conversation with Prime Minister Irakli Kobakhidze on "
            "Thursday. The Prime Ministers discussed energy and agreed to convene the Intergovernmental Commission "
            "on Economic Cooperation in Tbilisi.",
            {"energy"},
            {"economy"},
        ),
        (  # Spanish press: an adjective between the head and another adjective
            "El presidente de Kazajistán, Kasim-Yomart Tokáyev, habló por teléfono el jueves con el presidente de "
            "Uzbekistán, Shavkat Mirziyóyev. Ambos repasaron el suministro de gas y el papel de la Unión Económica "
            "Euroasiática en la región.",
            {"energy"},
            {"economy"},
        ),
        (  # Spanish press: a run of particles ("de la") joins the head to the keyword
            "El presidente Bernardo Arévalo conversó por teléfono el jueves con el presidente Luis Abinader sobre la "
            "migración. Ambos acordaron que el Ministerio de la Defensa Nacional coordine el envío de ayuda.",
            {"migration"},
            {"defense"},
        ),
    ],
)
def test_a_keyword_in_an_institutions_name_names_no_topic(
    reference: Reference, text: str, kept: set[str], left_out: set[str]
) -> None:
    topics = written.discussed(reference, text)
    assert kept <= topics
    assert not left_out & topics


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (  # the name of an agreement keeps the topic of its keyword
            "PARIS (AFP) - French President Emmanuel Macron spoke by phone with Brazilian President Luiz Inácio Lula "
            "da Silva on Thursday. The two leaders discussed the Paris Climate Agreement ahead of the conference in "
            "Belem, the Elysee said.",
            "climate",
        ),
        (  # two names joined by "y" are two names, not one
            "La presidenta de México, Claudia Sheinbaum, y el presidente de Brasil, Luiz Inácio Lula da Silva, "
            "hablaron por teléfono este jueves. También conversaron sobre la cooperación entre Petrobras y Pemex en "
            "aguas profundas.",
            "energy",
        ),
        (  # the keyword heads a partnership's name
            "Prime Minister Narendra Modi spoke by phone with President Lee Jae-myung on Thursday. The two leaders "
            "reviewed progress in the Special Strategic Partnership, the Ministry of External Affairs said.",
            "foreign_relations",
        ),
    ],
)
def test_a_keyword_in_the_name_of_another_thing_keeps_its_topic(reference: Reference, text: str, topic: str) -> None:
    assert topic in written.discussed(reference, text)


def test_a_title_case_headline_is_no_name(reference: Reference) -> None:
    text = (
        "Ruto, Museveni Discuss Border Trade In Phone Call\n\n"
        "NAIROBI - Kenyan President William Ruto spoke by phone with Ugandan President Yoweri Museveni on Thursday "
        "about trade, State House said."
    )
    assert "trade" in written.discussed(reference, text)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (  # wire: the bloc before the agreement noun
            "ROME (ANSA) - Italian Prime Minister Giorgia Meloni spoke by phone with Argentine President Javier Milei "
            "on Thursday. The two leaders discussed the Mercosur deal and investment in energy.",
            "discussed",
        ),
        (  # Spanish press: the bloc a party to the agreement, left out of the call
            "El presidente Javier Milei habló por teléfono con la primera ministra italiana, Giorgia Meloni. El "
            "acuerdo de libre comercio entre la Unión Europea y el Mercosur quedó fuera de la conversación.",
            "not_discussed",
        ),
    ],
)
def test_a_trade_bloc_party_to_an_agreement_names_a_trade_agreement(
    reference: Reference, text: str, status: str
) -> None:
    facts = written.extract(reference, text, written.TOPIC_DAY)
    assert "trade" in written.first_call_topics(facts, status)
    assert "multilateral_forums" not in written.first_call_topics(facts, status)


def test_a_blocs_summit_is_still_a_forum(reference: Reference) -> None:
    text = (
        "El presidente Javier Milei habló por teléfono con el presidente de Paraguay, Santiago Peña, sobre la "
        "cumbre del Mercosur en Asunción."
    )
    assert "multilateral_forums" in written.discussed(reference, text)
