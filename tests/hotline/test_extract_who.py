"""Who called whom, and whether, on texts in the styles the twelfth session's unseen batches brought: heirs,
provinces' premiers and former leaders in other offices are no leaders; conferences of many named again; calls
told twice in a sentence; clauses after a semicolon or "when"; a leader's spouse on the phone.

The texts are written here in the styles of wire copy, government readouts and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written
from written import extract_body as extract
from written import held_pairs

from hotline.extract.context import build_context
from hotline.extract.leaders import is_leader
from hotline.reference import Reference


def test_an_heir_by_bare_title_is_no_side_of_a_leaders_call(reference: Reference) -> None:
    text = (
        "KUWAIT, Dec 18 (KUNA) -- His Highness the Crown Prince Sheikh Sabah Khalid Al-Hamad Al-Sabah sent a cable "
        "to the Amir of Qatar. Meanwhile, His Highness the Crown Prince received a phone call on Thursday from Qatari "
        "Prime Minister Sheikh Mohammed bin Abdulrahman Al-Thani."
    )
    assert held_pairs(extract(reference, text, dt.date(2025, 12, 18))) == []


def test_another_call_told_with_its_own_stretch_of_time(reference: Reference) -> None:
    text = (
        "BRASILIA, Feb 15 (Reuters) - Brazilian President Luiz Inacio Lula da Silva and Colombian President Gustavo "
        "Petro spoke for an hour by phone on Thursday about the Amazon. The leaders, who had also spoken by phone "
        "earlier this month, did not discuss tariffs. Lula said they had also talked about Venezuela."
    )
    facts = extract(reference, text, dt.date(2025, 2, 15))
    pair = frozenset({"luiz_inacio_lula_da_silva", "gustavo_petro"})
    assert held_pairs(facts) == [pair, pair]
    assert [c.is_directly_reported for c in facts.calls] == [True, False]
    assert facts.calls[0].date.date == dt.date(2025, 2, 13)


def test_a_clause_after_a_semicolon_does_not_make_a_call_an_encounter(reference: Reference) -> None:
    text = (
        "Ciudad de México, 16 de diciembre de 2025.- La presidenta Claudia Sheinbaum informó que ayer sostuvo una "
        "llamada telefónica con el presidente de Corea del Sur, Lee Jae-myung. En octubre ya habían hablado de los "
        "aranceles; a finales de ese mes Lee recibió a los líderes de la región en la cumbre de APEC."
    )
    facts = extract(reference, text, dt.date(2025, 12, 16))
    assert held_pairs(facts) == [frozenset({"claudia_sheinbaum", "lee_jae_myung"})] * 2


def test_a_summit_where_the_leaders_will_meet_is_no_conference_call(reference: Reference) -> None:
    text = (
        "TOKYO, June 2 (Kyodo) -- Prime Minister Shigeru Ishiba and his Australian counterpart Anthony Albanese "
        "agreed in a 30-minute phone conversation on Sunday to coordinate closely at the Group of Seven summit in "
        "Kananaskis, Canada."
    )
    facts = extract(reference, text, dt.date(2025, 6, 2))
    assert held_pairs(facts) == [frozenset({"shigeru_ishiba", "anthony_albanese"})]
    assert facts.calls[0].date.date == dt.date(2025, 6, 1)


def test_a_leader_who_joins_a_call_with_other_leaders_joins_a_conference(reference: Reference) -> None:
    text = (
        "LONDON -- Volodymyr Zelensky joined the call from Kyiv, alongside leaders including Germany's Friedrich Merz, "
        "Italy's Giorgia Meloni and Canada's Mark Carney, on Tuesday."
    )
    assert held_pairs(extract(reference, text, dt.date(2025, 11, 25))) == []


def test_a_premier_of_a_province_is_no_head_of_government(reference: Reference) -> None:
    text = (
        "OTTAWA -- British Columbia Premier David Eby spoke about the tariffs on Monday, as did Norwegian Prime "
        "Minister Jonas Gahr Støre and Interim President Ilie Bolojan."
    )
    ctx = build_context(written.written(text, dt.date(2025, 5, 16)), reference)
    leaders = {h.official_id: is_leader(ctx, h, None) for h in ctx.officials}
    assert leaders == {"david_eby": False, "jonas_gahr_store": True, "ilie_bolojan": True}


def test_a_clause_after_a_semicolon_has_its_own_subject(reference: Reference) -> None:
    text = (
        "Amman, April 15, 2024 (Petra) -- His Majesty King Abdullah II received phone calls from Egyptian President "
        "Abdel Fattah al-Sisi and Iraqi Prime Minister Mohammed Shia al-Sudani; later on Monday he phoned UAE "
        "President Sheikh Mohamed bin Zayed Al Nahyan."
    )
    pairs = held_pairs(extract(reference, text, dt.date(2024, 4, 15)))
    assert frozenset({"mohammed_shia_al_sudani", "mohamed_bin_zayed_al_nahyan"}) not in pairs
    assert frozenset({"abdullah_ii", "mohamed_bin_zayed_al_nahyan"}) in pairs


def test_a_when_clause_tells_the_same_earlier_call(reference: Reference) -> None:
    text = (
        "SEOUL, Jan. 3 (Yonhap) -- Acting President Choi Sang-mok held phone talks with Japanese Prime Minister "
        "Shigeru Ishiba on Thursday. Biden last spoke with a South Korean leader on Dec. 15, when he held phone talks "
        "with Prime Minister Han Duck-soo."
    )
    pairs = held_pairs(extract(reference, text, dt.date(2025, 1, 3)))
    assert pairs.count(frozenset({"joe_biden", "han_duck_soo"})) == 1


@pytest.mark.parametrize(
    "text",
    [
        "BRUSELAS.- El presidente Volodímir Zelenski habló por teléfono con el secretario general de la OTAN, Mark "
        "Rutte, sobre la defensa aérea.",
        "KYIV -- President Volodymyr Zelensky spoke by phone with the Secretary General of NATO, Mark Rutte, on air "
        "defence.",
        "MADRID.- El presidente del Gobierno, Pedro Sánchez, conversó por teléfono con el presidente del Consejo "
        "Europeo, António Costa, sobre Gaza.",
    ],
)
def test_a_former_leader_given_another_office_by_an_appositive_is_no_leader(reference: Reference, text: str) -> None:
    assert held_pairs(extract(reference, text, dt.date(2025, 9, 20))) == []


def test_the_pairs_first_call_weeks_before_is_an_earlier_call(reference: Reference) -> None:
    text = (
        "PM to speak with Canada's Carney this week\n\nPORT OF SPAIN -- Prime Minister Kamla Persad-Bissessar is "
        "expected to speak by telephone with Canadian Prime Minister Mark Carney later this week. It will be the "
        "second conversation between the two leaders. They first spoke by phone in May, when they exchanged "
        "congratulations."
    )
    facts = extract(reference, text, dt.date(2025, 11, 17), title="PM to speak with Canada's Carney this week")
    assert held_pairs(facts) == [frozenset({"kamla_persad_bissessar", "mark_carney"})]


def test_a_meeting_of_a_coalition_ahead_is_no_conference_call(reference: Reference) -> None:
    text = (
        "STOCKHOLM -- On Wednesday, Prime Minister Ulf Kristersson spoke by phone with Prime Minister of Denmark "
        "Mette Frederiksen to coordinate Nordic positions ahead of the meeting of the coalition of the willing."
    )
    assert held_pairs(extract(reference, text, dt.date(2025, 11, 26))) == [
        frozenset({"ulf_kristersson", "mette_frederiksen"})
    ]


def test_a_conference_of_many_named_again_is_no_call_of_two(reference: Reference) -> None:
    text = (
        "MADRID.- El presidente del Gobierno, Pedro Sánchez, participó este sábado en la videoconferencia convocada "
        "por el primer ministro británico, Keir Starmer, con una veintena de líderes europeos. La videoconferencia "
        "de este sábado es la continuación de la cumbre que Starmer organizó en Londres, a la que Sánchez asistió."
    )
    assert held_pairs(extract(reference, text, dt.date(2025, 3, 15))) == []


def test_the_video_call_after_a_conference_of_many_is_that_conference(reference: Reference) -> None:
    text = (
        "LONDON -- Keir Starmer and Emmanuel Macron hosted a video conference on Tuesday with leaders of the "
        "coalition of the willing. Speaking after the video call, Starmer said the coalition was ready, and Macron "
        "said a working group would follow."
    )
    assert held_pairs(extract(reference, text, dt.date(2025, 11, 25))) == []


def test_a_leaders_spouse_on_the_phone_is_no_leaders_call(reference: Reference) -> None:
    text = (
        "ACCRA - Ghana's First Lady, Lordina Mahama, held a telephone conversation on Thursday with her Nigerian "
        "counterpart, Senator Oluremi Tinubu, about maternal health."
    )
    assert held_pairs(extract(reference, text, dt.date(2025, 6, 20))) == []


def test_a_named_president_elect_keeps_his_call_from_the_sitting_president(reference: Reference) -> None:
    text = (
        "Famous calls\nOn December 16, 2014, Barack Obama and Raúl Castro spoke by phone for 45 minutes.\n\nOn "
        "December 2, 2016, Donald Trump, then president-elect, took a call from Taiwan's President Tsai Ing-wen, "
        "breaking with decades of protocol."
    )
    facts = extract(reference, text, dt.date(2023, 8, 30))
    assert frozenset({"donald_trump", "tsai_ing_wen"}) in held_pairs(facts)
    assert frozenset({"barack_obama", "tsai_ing_wen"}) not in held_pairs(facts)


def test_a_denial_whose_participle_is_the_call_phrase(reference: Reference) -> None:
    text = (
        "Brasilia, 18 sep 2024 (EFE).- El Gobierno de Brasil negó este miércoles que el presidente Luiz Inácio Lula "
        "da Silva haya conversado con el mandatario venezolano, Nicolás Maduro, como este aseguró en televisión."
    )
    assert written.call_rows(extract(reference, text, dt.date(2024, 9, 18))) == {
        ("denied", "luiz_inacio_lula_da_silva", "nicolas_maduro")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Copa Oro\nLa presidenta Claudia Sheinbaum contó este lunes que la noche del domingo llamó por teléfono al "
        "director técnico de la Selección Mexicana, Javier Aguirre, para felicitarlo. No ha hablado con Donald Trump.",
        "First ladies\nKYIV – President Volodymyr Zelensky thanked France for its support. First Lady of Ukraine "
        "Olena Zelenska held a phone conversation with the wife of the President of France, Brigitte Macron, on "
        "Thursday.",
    ],
)
def test_a_leaders_call_to_a_coach_or_a_leaders_wife_is_no_leaders_call(reference: Reference, text: str) -> None:
    assert held_pairs(extract(reference, text, dt.date(2024, 11, 21))) == []


def test_the_conversation_after_a_call_of_no_leaders_is_that_call(reference: Reference) -> None:
    text = (
        "KYIV, November 21, 2024 (Ukrinform) – First Lady of Ukraine Olena Zelenska held a phone conversation with the "
        "wife of the President of France, Brigitte Macron, on Thursday.\n\n"
        '"We agreed on a joint project," Zelenska wrote after the conversation.\n\n'
        "On Tuesday, President Volodymyr Zelensky held a phone call with Prime Minister of Norway Jonas Gahr Støre."
    )
    facts = extract(reference, text, dt.date(2024, 11, 21))
    assert held_pairs(facts) == [frozenset({"volodymyr_zelensky", "jonas_gahr_store"})]
    assert facts.calls[0].date.date == dt.date(2024, 11, 19)


def test_a_leader_who_would_himself_speak_plans_a_call(reference: Reference) -> None:
    text = (
        "Nairobi\nHe added that President William Ruto would himself speak with President Samia Suluhu Hassan in the "
        "coming days."
    )
    assert written.call_rows(extract(reference, text, dt.date(2025, 5, 22))) == {
        ("planned", "samia_suluhu_hassan", "william_ruto")
    }
