"""Calls told with grammar the first rules did not read: a passive calling verb, a call phrase that opens its
sentence with the subject after the comma, "got on the line with", "intercambio telefónico", a relative clause that
says who called, and who placed the call when a relative, a purpose or a cleft says so; a length in quarters of an
hour; the length of another pair's call.

The texts are written here in the styles of wire copy, government readouts and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract_body as extract
from written import held_pairs

from hotline.reference import Reference

_HELD = [
    (  # a call received with its day between
        "El presidente del Gobierno, Pedro Sánchez, recibió este miércoles llamadas del presidente de Francia, "
        "Emmanuel Macron, que le trasladó sus condolencias.",
        {"pedro_sanchez", "emmanuel_macron"},
        "emmanuel_macron",
    ),
    (
        "Prime Minister Keir Starmer received on Tuesday a call from French President Emmanuel Macron, who offered "
        "help after the floods.",
        {"keir_starmer", "emmanuel_macron"},
        "emmanuel_macron",
    ),
    (
        "Canadian Prime Minister Mark Carney was called by British Prime Minister Keir Starmer on Monday before the "
        "G7 session, a senior official said.",
        {"mark_carney", "keir_starmer"},
        "keir_starmer",
    ),
    (
        "El presidente Santiago Peña fue llamado por su colega argentino Javier Milei tras la votación en el Mercosur.",
        {"santiago_pena", "javier_milei"},
        "javier_milei",
    ),
    (
        "In a phone call with Polish Prime Minister Donald Tusk on Tuesday, German Chancellor Friedrich Merz pledged "
        "continued support for Ukraine, a government spokesman said.",
        {"donald_tusk", "friedrich_merz"},
        None,
    ),
    (
        "Speaking on the phone with Egyptian President Abdel Fattah el-Sisi on Monday, King Abdullah II stressed the "
        "need for an immediate ceasefire in Gaza, the Royal Hashemite Court said.",
        {"abdullah_ii", "abdel_fattah_el_sisi"},
        None,
    ),
    (
        "OTTAWA — Prime Minister Mark Carney got on the line with Mexican President Claudia Sheinbaum on Thursday, "
        "according to a readout from his office.",
        {"mark_carney", "claudia_sheinbaum"},
        None,
    ),
    (
        "Asunción, 21 de agosto. Los presidentes Santiago Peña y Javier Milei sostuvieron un intercambio telefónico "
        "este miércoles en el que repasaron la agenda bilateral.",
        {"santiago_pena", "javier_milei"},
        None,
    ),
    (
        "Milei recibió el llamado de Trump tras la victoria electoral del domingo.",
        {"javier_milei", "donald_trump"},
        "donald_trump",
    ),
    (
        "Canada's new Prime Minister Mark Carney spoke with President Donald Trump, who called him on Tuesday to "
        "congratulate him on his election win, Carney's office said.",
        {"mark_carney", "donald_trump"},
        "donald_trump",
    ),
    (
        "La presidenta Xiomara Castro llamó por segunda vez a su homólogo de Guatemala, Bernardo Arévalo, para hablar "
        "de las deportaciones.",
        {"xiomara_castro", "bernardo_arevalo"},
        "xiomara_castro",
    ),
    (
        "La presidenta Xiomara Castro llamó este miércoles por la mañana a su homólogo de Guatemala, Bernardo "
        "Arévalo, con quien repasó la agenda migratoria.",
        {"xiomara_castro", "bernardo_arevalo"},
        "xiomara_castro",
    ),
    (
        "Kenya's Ruto speaks to Tanzania's Samia\nPresident William Ruto today spoke to President Samia Suluhu "
        "Hassan on phone about the border.",
        {"william_ruto", "samia_suluhu_hassan"},
        None,
    ),
]


@pytest.mark.parametrize(("text", "pair", "initiator"), _HELD)
def test_a_call_told_with_this_grammar_is_held(
    reference: Reference, text: str, pair: set[str], initiator: str | None
) -> None:
    facts = extract(reference, text, dt.date(2025, 7, 16))
    assert held_pairs(facts)[:1] == [frozenset(pair)]
    assert facts.calls[0].initiator_id == initiator


_CALLERS = [
    (
        "Prime Minister Anthony Albanese spoke with his Japanese counterpart Sanae Takaichi by phone last night. A "
        "spokesperson for Mr Albanese said the call, which Ms Takaichi requested, lasted around 25 minutes.",
        "sanae_takaichi",
    ),
    (
        "Mexican President Claudia Sheinbaum and Canadian Prime Minister Mark Carney spoke by phone on Thursday. "
        "Sheinbaum said the call lasted about 25 minutes and that Carney had called to thank Mexico for its "
        "congratulations.",
        "mark_carney",
    ),
    (
        "Prime Minister Kevin Rudd spoke with British counterpart Gordon Brown by telephone late last night. The "
        "call lasted about 40 minutes. Mr Brown was the one who placed the call, according to British officials.",
        "gordon_brown",
    ),
    (
        "Taoiseach Micheál Martin spoke by phone with Ukrainian President Volodymyr Zelensky on Friday. A Government "
        "spokesman said the call had taken place at Mr Martin's request.",
        "micheal_martin",
    ),
    (
        "El presidente colombiano, Gustavo Petro, contó que conversó con Lula da Silva en una llamada que le hizo el "
        "mandatario brasileño el domingo.",
        "luiz_inacio_lula_da_silva",
    ),
    (
        "Prime Minister Anthony Albanese put through a call to Papua New Guinea Prime Minister James Marape on Sunday "
        "night after the earthquake, officials said.",
        "anthony_albanese",
    ),
    (
        "El presidente Javier Milei llamó el pasado martes por teléfono a su par boliviano, Rodrigo Paz, en la "
        "primera conversación entre ambos.",
        "javier_milei",
    ),
    (
        "El presidente Gustavo Petro le devolvió la llamada a su homólogo brasileño, Luiz Inácio Lula da Silva, "
        "este lunes.",
        "gustavo_petro",
    ),
    (
        "Sri Lankan President Anura Kumara Dissanayake returned a call from Indian Prime Minister Narendra Modi on "
        "Monday.",
        "anura_kumara_dissanayake",
    ),
    (
        "South Korean President Lee Jae-myung and Chinese President Xi Jinping talked by telephone for 30 minutes on "
        "Wednesday, Lee's office said. Lee initiated the call.",
        "lee_jae_myung",
    ),
]


@pytest.mark.parametrize(("text", "initiator"), _CALLERS)
def test_the_text_says_who_placed_the_call(reference: Reference, text: str, initiator: str) -> None:
    assert extract(reference, text, dt.date(2025, 11, 12)).calls[0].initiator_id == initiator


def test_an_earlier_call_has_its_own_caller(reference: Reference) -> None:
    text = (
        "Niue Premier Dalton Tagelagi spoke by phone on Tuesday with New Zealand Prime Minister Christopher Luxon "
        "about the wharf. The pair last spoke in March, when Tagelagi called to discuss the new hospital."
    )
    calls = extract(reference, text, dt.date(2025, 9, 10)).calls
    assert [c.initiator_id for c in calls] == [None, "dalton_tagelagi"]


@pytest.mark.parametrize(
    ("words", "minutes"),
    [("tres cuartos de hora", 45), ("three quarters of an hour", 45), ("un cuarto de hora", 15)],
)
def test_a_length_in_quarters_of_an_hour(reference: Reference, words: str, minutes: int) -> None:
    text = f"Xiomara Castro llamó por la noche a Bernardo Arévalo. La conversación se extendió por {words}."
    assert extract(reference, text, dt.date(2025, 7, 16)).calls[0].duration_minutes == minutes


def test_the_length_of_another_pairs_call_is_not_this_calls(reference: Reference) -> None:
    text = (
        "President Volodymyr Zelenskyy spoke by phone with Polish Prime Minister Donald Tusk on Saturday. In his "
        "conversation with Tusk, Zelenskyy said the two leaders discussed energy. The flurry of calls followed "
        "Scholz's conversation with Putin on Friday, which lasted about an hour."
    )
    facts = extract(reference, text, dt.date(2024, 11, 16))
    tusk = next(c for c in facts.calls if "donald_tusk" in {p.official_id for p in c.participants})
    assert tusk.duration_minutes is None
