"""No-call look-alikes: a call floated, weighed, under discussion, asked for in the future ("solicitará"), still
awaited ("had yet to receive a call"), one side is open to, told as a guess ("may have spoken") or as "any call"; a
decision called "the right call"; two former leaders on the phone; a company's chief who says he spoke with a
leader; a place named after a saint in a dateline ("SAN FRANCISCO —") that names no pope. Each gives no held call
between two leaders. And a round of calls told as a list whose items are set apart by semicolons ("con A, presidente
de Brasil; B, presidente de Francia, y C"): one call with each.

A company's chief or the UN's chief who spoke with one leader and then another links no two leaders; the one a
"with" makes the object of a clause before "but" is no caller of the call after it.

The texts are written here in the styles of wire copy, business news, government readouts and the Spanish-language
press.
"""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract_body as extract
from written import held_pairs

from hotline.reference import Reference

_DAY = dt.date(2025, 6, 12)

_NO_CALL = [
    # a company's chief in a dateline named after a saint
    "SAN FRANCISCO — Nvidia chief executive Jensen Huang spoke by phone with President Donald Trump on Tuesday about "
    "export controls on chips to China, two people familiar with the call said.",
    # a call floated by aides
    "MEXICO CITY — Aides to President Claudia Sheinbaum floated a call between her and President Donald Trump as early "
    "as next week, according to two officials briefed on the plans.",
    # a call weighed
    "Tokyo, June 11 (Kyodo) - Japan's Economy Minister Ryosei Akazawa held a phone call with U.S. Commerce Secretary "
    "Howard Lutnick on Wednesday, as Prime Minister Shigeru Ishiba weighs a call with President Donald Trump.",
    # a call under discussion
    "BRASÍLIA — A phone call between President Luiz Inácio Lula da Silva and President Donald Trump is under "
    "discussion, Brazil's foreign ministry said on Wednesday, without giving a date.",
    # a call asked for, in the future
    "Quito. El presidente Daniel Noboa anunció que solicitará una llamada con su homólogo estadounidense, Donald "
    "Trump, para abordar los aranceles.",
    # any call, one that may come
    "BRASÍLIA — Lula's office said the president would not rule out calling U.S. President Donald Trump, but that any "
    "call would depend on the tariffs being lifted.",
    # a guess
    "ROME — Italian newspapers reported, without citing sources, that Prime Minister Giorgia Meloni may have spoken "
    "with President Donald Trump over the weekend; Palazzo Chigi declined to confirm.",
    # a decision judged
    "LONDON — Prime Minister Keir Starmer said it was the right call to delay the decision on tariffs, and French "
    "President Emmanuel Macron's call for a European response was welcome.",
    # two former leaders
    "WASHINGTON — Former President Barack Obama and former British Prime Minister Tony Blair spoke by phone last week "
    "about the state of democracy, according to a person close to Obama.",
    # a company's chief who says he spoke with a leader, another leader named after
    "Shares of Ford rose 2% after CEO Jim Farley said he had spoken with President Donald Trump by phone on Tuesday "
    "about tariffs on Canadian parts; Prime Minister Mark Carney was not on the call.",
    # a call still awaited
    "ABUJA — President Bola Tinubu's spokesman said on Wednesday the president had yet to receive a call from "
    "Ghanaian President John Mahama, contrary to media reports.",
    # a call one side is open to
    "TAIPEI — Taiwan's President Lai Ching-te said he was 'open to a phone call' with U.S. President Donald Trump, "
    "as Beijing warned Washington against any contact.",
    # the UN's chief on two calls, one leader on each
    "NEW YORK — U.N. Secretary-General António Guterres held a phone call with Iranian President Masoud Pezeshkian "
    "on Wednesday, a day after speaking with Israeli Prime Minister Benjamin Netanyahu.",
]


@pytest.mark.parametrize("text", _NO_CALL)
def test_no_held_call_between_leaders(reference: Reference, text: str) -> None:
    assert held_pairs(extract(reference, text, _DAY)) == []


_HELD = [
    # a call held with no guess in it, "as" opening another clause's weighing
    (
        "OTTAWA — Prime Minister Mark Carney spoke by phone with South Korean President Lee Jae-myung on Thursday, as "
        "Ottawa weighs a new fighter jet purchase and the steel industry braces for more U.S. tariffs.",
        [{"mark_carney", "lee_jae_myung"}],
    ),
    # "former" for someone else in the story, the call's leaders in office
    (
        "MADRID — Prime Minister Pedro Sánchez spoke by phone on Tuesday with Brazilian President Luiz Inácio Lula da "
        "Silva, a day after former Prime Minister Felipe González criticised the Mercosur deal.",
        [{"pedro_sanchez", "luiz_inacio_lula_da_silva"}],
    ),
]


@pytest.mark.parametrize(("text", "pairs"), _HELD)
def test_held_calls_stay(reference: Reference, text: str, pairs: list[set[str]]) -> None:
    assert held_pairs(extract(reference, text, _DAY)) == [frozenset(p) for p in pairs]


_ROUNDS = [
    (
        "Madrid. El presidente del Gobierno, Pedro Sánchez, conversó este miércoles por teléfono con Luiz Inácio Lula "
        "da Silva, presidente de Brasil; Emmanuel Macron, presidente de Francia, y Luís Montenegro, primer ministro de "
        "Portugal, informó la Moncloa.",
        {"luiz_inacio_lula_da_silva", "emmanuel_macron", "luis_montenegro"},
        "pedro_sanchez",
    ),
    (
        "OTTAWA — Prime Minister Mark Carney spoke by phone on Wednesday with Keir Starmer, Britain's prime minister; "
        "Emmanuel Macron, the French president; and Anthony Albanese, Australia's prime minister, his office said.",
        {"keir_starmer", "emmanuel_macron", "anthony_albanese"},
        "mark_carney",
    ),
    (
        "KYIV — Zelensky said he had spoken by phone with Friedrich Merz, the German chancellor; Keir Starmer, the "
        "British prime minister; and Donald Tusk, Poland's prime minister.",
        {"friedrich_merz", "keir_starmer", "donald_tusk"},
        "volodymyr_zelensky",
    ),
    (
        "Lisboa, 18 jun (Lusa).- El primer ministro, Luís Montenegro, mantuvo una ronda de llamadas telefónicas con el "
        "presidente del Gobierno español, Pedro Sánchez; el presidente francés, Emmanuel Macron, y el canciller "
        "alemán, Friedrich Merz, según fuentes oficiales.",
        {"pedro_sanchez", "emmanuel_macron", "friedrich_merz"},
        "luis_montenegro",
    ),
]


@pytest.mark.parametrize(("text", "others", "caller"), _ROUNDS)
def test_a_round_told_with_semicolons_gives_one_call_with_each(
    reference: Reference, text: str, others: set[str], caller: str
) -> None:
    assert set(held_pairs(extract(reference, text, _DAY))) == {frozenset({caller, o}) for o in others}


def test_a_clause_after_a_semicolon_is_no_item_of_the_list(reference: Reference) -> None:
    text = (
        "OTTAWA — Prime Minister Mark Carney spoke by phone with Keir Starmer, Britain's prime minister, on "
        "Wednesday; Emmanuel Macron said later that Europe would respond to the tariffs."
    )
    assert held_pairs(extract(reference, text, _DAY)) == [frozenset({"mark_carney", "keir_starmer"})]


_OBJECT_THEN_BUT = [
    "OTTAWA — Prime Minister Mark Carney spoke by phone on Monday with French President Emmanuel Macron and with "
    "Brazilian President Luiz Inácio Lula da Silva. The prime minister did not raise the digital tax with Macron, but "
    "he did bring it up in his conversation with Lula.",
    "Madrid, 18 jun (EFE).- El presidente del Gobierno, Pedro Sánchez, habló por teléfono este martes con el "
    "presidente francés, Emmanuel Macron, y con el presidente brasileño, Luiz Inácio Lula da Silva. Sánchez no "
    "abordó con Macron la tasa digital, pero sí la trató en su conversación con Lula.",
]


@pytest.mark.parametrize("text", _OBJECT_THEN_BUT)
def test_the_object_of_a_clause_before_but_is_no_caller(reference: Reference, text: str) -> None:
    pairs = set(held_pairs(extract(reference, text, _DAY)))
    assert not any({"emmanuel_macron", "luiz_inacio_lula_da_silva"} <= p for p in pairs)
    assert len(pairs) == 2
