"""What kept the mentions of one call apart across articles (issue 13): an earlier call's date told after its pair
("la conversación anterior entre A y B se produjo el 8 de septiembre") or after a leader told by office ("last spoke
with a South Korean leader on Dec. 15"); "he" after a sentence that opens with another leader than the story's;
"both leaders" as the other side of a third leader's calls.

The texts are written here in the styles of wire copy and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt

import written

from hotline.reference import Reference


def calls(reference: Reference, text: str, published: dt.date) -> set[tuple[object, ...]]:
    """Every call as (directly reported, date, *sorted participant ids)."""
    facts = written.extract(reference, text, published)
    return {(c.is_directly_reported, c.date.date, *sorted(p.official_id for p in c.participants)) for c in facts.calls}


FRI_3_OCT_2025 = dt.date(2025, 10, 3)
PUTIN_ERDOGAN = ("recep_tayyip_erdogan", "vladimir_putin")


def test_an_earlier_calls_date_after_its_pair_in_spanish(reference: Reference) -> None:
    text = (
        "Putin y Erdogan repasan la situación en Oriente Próximo\n\n"
        "MOSCÚ, 3 oct (EFE).- El presidente de Rusia, Vladímir Putin, y su homólogo turco, Recep Tayyip Erdogan, "
        "mantuvieron este viernes una conversación telefónica a iniciativa de Ankara.\n\n"
        "La anterior conversación telefónica entre Putin y Erdogan se produjo el 12 de agosto, días después de la "
        "cumbre regional de Astaná."
    )
    assert calls(reference, text, FRI_3_OCT_2025) == {
        (True, FRI_3_OCT_2025, *PUTIN_ERDOGAN),
        (False, dt.date(2025, 8, 12), *PUTIN_ERDOGAN),
    }


def test_an_earlier_calls_date_after_its_pair_in_english(reference: Reference) -> None:
    text = (
        "Erdogan, Putin discuss Black Sea shipping\n\n"
        "ANKARA, Oct 3 (Reuters) - Turkish President Tayyip Erdogan and Russian President Vladimir Putin held a phone "
        "call on Friday, the Turkish presidency said.\n\n"
        "The previous phone call between Putin and Erdogan took place on Sept. 8, a week after a regional summit."
    )
    assert calls(reference, text, FRI_3_OCT_2025) == {
        (True, FRI_3_OCT_2025, *PUTIN_ERDOGAN),
        (False, dt.date(2025, 9, 8), *PUTIN_ERDOGAN),
    }


def test_an_earlier_calls_date_after_a_leader_told_by_office(reference: Reference) -> None:
    text = (
        "Acting President Choi holds phone talks with Japan's Ishiba\n\n"
        "SEOUL, Jan. 3 (Yonhap) -- Acting President Choi Sang-mok held phone talks with Japanese Prime Minister "
        "Shigeru Ishiba on Friday, his office said.\n\n"
        "U.S. President Joe Biden last spoke with a South Korean leader on Dec. 15, when he held phone talks with then "
        "acting President Han Duck-soo."
    )
    found = calls(reference, text, dt.date(2025, 1, 3))
    assert (False, dt.date(2024, 12, 15), "han_duck_soo", "joe_biden") in found


def test_an_earlier_call_with_each_other_in_a_month(reference: Reference) -> None:
    text = (
        "Starmer and Carney discuss steel\n\n"
        "LONDON, June 12 (Reuters) - British Prime Minister Keir Starmer spoke with Canadian Prime Minister Mark "
        "Carney on Tuesday about steel tariffs, Downing Street said on Thursday.\n\n"
        "The two leaders last spoke with each other in March."
    )
    facts = written.extract(reference, text, dt.date(2025, 6, 12))
    earlier = [c.date for c in facts.calls if not c.is_directly_reported]
    assert [(d.precision, d.earliest, d.latest) for d in earlier] == [
        ("month", dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    ]


def test_he_after_a_sentence_that_opens_with_another_leader(reference: Reference) -> None:
    text = (
        "Poland's Tusk speaks with Germany's Merz\n\n"
        "Prime Minister Donald Tusk held a phone call with German Chancellor Friedrich Merz on Tuesday, his office "
        "said. Tusk said the two discussed the defence of the eastern flank, and Tusk thanked Merz.\n\n"
        "Merz took office as chancellor on 6 May. On 7 May, he held his first telephone conversation as chancellor "
        "with French President Emmanuel Macron, before travelling to Warsaw."
    )
    found = calls(reference, text, dt.date(2025, 5, 21))
    assert {tuple(row[2:]) for row in found} == {
        ("donald_tusk", "friedrich_merz"),
        ("emmanuel_macron", "friedrich_merz"),
    }


def test_he_in_the_storys_own_paragraph_is_still_its_protagonist(reference: Reference) -> None:
    text = (
        "Poland's Tusk speaks with Germany's Merz\n\n"
        "Prime Minister Donald Tusk held a phone call with German Chancellor Friedrich Merz on Tuesday, his office "
        "said. The talks covered the eastern flank. He also spoke by phone with French President Emmanuel Macron."
    )
    found = calls(reference, text, dt.date(2025, 5, 21))
    assert {tuple(row[2:]) for row in found} == {("donald_tusk", "friedrich_merz"), ("donald_tusk", "emmanuel_macron")}


def test_both_leaders_as_the_other_side_of_a_third_leaders_calls(reference: Reference) -> None:
    text = (
        "Trump says he spoke with Rwandan, Congolese leaders\n\n"
        "WASHINGTON, June 8, 2025 - U.S. President Donald Trump said he held separate telephone calls on Saturday with "
        "Rwandan President Paul Kagame and Congolese President Felix Tshisekedi.\n\n"
        "Kagame said in a statement on Sunday that Rwanda wanted a lasting peace and had asked the American president "
        "to convey that to Kinshasa.\n\n"
        "Angolan President Joao Lourenco, the current chair of the African Union, had spoken with both leaders by "
        "phone on Thursday and called for a ceasefire."
    )
    thursday = dt.date(2025, 6, 5)
    assert (True, thursday, "joao_lourenco", "paul_kagame") in calls(reference, text, dt.date(2025, 6, 8))
    assert (True, thursday, "felix_tshisekedi", "joao_lourenco") in calls(reference, text, dt.date(2025, 6, 8))
    assert not any(row[1] == thursday and "donald_trump" in row for row in calls(reference, text, dt.date(2025, 6, 8)))


def test_both_leaders_of_the_one_call_told_before(reference: Reference) -> None:
    text = (
        "Petro y Lula hablan de la Amazonía\n\n"
        "BOGOTÁ, 5 jun (EFE).- El presidente de Colombia, Gustavo Petro, conversó este jueves por teléfono con su "
        "homólogo de Brasil, Luiz Inácio Lula da Silva, sobre la cumbre amazónica.\n\n"
        "El presidente de Chile, Gabriel Boric, había hablado con ambos mandatarios el martes."
    )
    found = calls(reference, text, dt.date(2025, 6, 5))
    tuesday = dt.date(2025, 6, 3)
    assert (True, tuesday, "gabriel_boric", "gustavo_petro") in found
    assert (True, tuesday, "gabriel_boric", "luiz_inacio_lula_da_silva") in found


def test_a_call_months_before_told_after_its_leader_is_another_call(reference: Reference) -> None:
    text = (
        "Nawrocki, Zelensky discuss rail sabotage\n\n"
        "WARSAW, Nov 20, 2025 - Polish President Karol Nawrocki held a telephone conversation with Ukrainian President "
        "Volodymyr Zelensky on Wednesday, focusing on the sabotage of a railway line, his office said.\n\n"
        "Zelensky called Nawrocki in June to congratulate him on his election victory, but relations between the two "
        "men have been cool since."
    )
    facts = written.extract(reference, text, dt.date(2025, 11, 20))
    held = {(c.date.date, c.date.earliest, c.date.latest) for c in facts.calls if c.call_status == "held"}
    assert (dt.date(2025, 11, 19), None, None) in held
    assert any(earliest == dt.date(2025, 6, 1) and day is None for day, earliest, _ in held)
