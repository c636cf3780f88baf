"""Who placed a call, told in forms the first initiator rules did not read: a passive with words between the
auxiliary and the verb ("was on Thursday telephoned by"), "contacted by phone by", a call noun with a word of its kind
before the side it came from ("un llamado telefónico del", "llamadas similares del"), a relative that asked for the
call ("who had requested the call"), a Spanish calling verb with its subject after it ("Por la tarde llamó Meloni"),
a pronoun ("which he said was made at his request", '"La llamada fue a petición mía", dijo Mulino'), or country and
office ("The Mexican president called to discuss"), a call noun put first ("La llamada la pidió Milei"), or "reached
out by phone to", a gerund ("with the Ghanaian leader placing the call"), "initiated it", "gave Carney a call",
"returned Luxon's call". Also a counterpart named after an honorific ("his Emirati counterpart Sheikh Mohamed bin
Zayed") is the reference's leader.

The texts are written here in the styles of wire copy, government readouts and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract_body as extract
from written import held_pairs

from hotline.reference import Reference

_DAY = dt.date(2025, 6, 12)

_CALLERS = [
    (
        "PRETORIA — President Cyril Ramaphosa was on Thursday telephoned by Nigerian President Bola Ahmed Tinubu "
        "ahead of the G20 Leaders' Summit, the Presidency said.",
        {"cyril_ramaphosa", "bola_tinubu"},
        "bola_tinubu",
    ),
    (
        "BEIRUT — President Joseph Aoun was contacted by phone by Syrian President Ahmed al-Sharaa, who congratulated "
        "him on the formation of the new cabinet.",
        {"joseph_aoun", "ahmed_al_sharaa"},
        "ahmed_al_sharaa",
    ),
    (
        "Asunción. El presidente Santiago Peña fue contactado telefónicamente por el presidente Luiz Inácio Lula da "
        "Silva, quien le planteó la revisión del anexo C de Itaipú.",
        {"santiago_pena", "luiz_inacio_lula_da_silva"},
        "luiz_inacio_lula_da_silva",
    ),
    (
        "Buenos Aires. Javier Milei recibió un llamado telefónico del mandatario estadounidense, Donald Trump, que lo "
        "felicitó por el resultado de las elecciones legislativas.",
        {"javier_milei", "donald_trump"},
        "donald_trump",
    ),
    (
        "Rabat. El rey Mohamed VI recibió este domingo llamadas similares del presidente de Francia, Emmanuel Macron, "
        "tras el terremoto en el Atlas.",
        {"mohammed_vi", "emmanuel_macron"},
        "emmanuel_macron",
    ),
    (
        "TOKYO — Prime Minister Shigeru Ishiba held telephone talks on Wednesday with his Philippine counterpart, "
        "President Ferdinand Marcos Jr., who had requested the call, the Foreign Ministry said.",
        {"shigeru_ishiba", "ferdinand_marcos_jr"},
        "ferdinand_marcos_jr",
    ),
    (
        "Brasilia. El presidente brasileño, Luiz Inácio Lula da Silva, habló el martes por teléfono con el presidente "
        "chileno, Gabriel Boric, sobre las inundaciones en Rio Grande do Sul. Por la mañana lo había telefoneado "
        "el presidente argentino. Por la tarde llamó Boric, que ofreció el envío de bomberos chilenos.",
        {"luiz_inacio_lula_da_silva", "gabriel_boric"},
        "gabriel_boric",
    ),
    (
        "KUALA LUMPUR — Prime Minister Anwar Ibrahim and Indonesian President Prabowo Subianto held a telephone "
        'conversation on Tuesday night.\n\n"We agreed to speak with one voice on palm oil," Anwar wrote on Facebook '
        "after the call, which he said was made at his request.",
        {"anwar_ibrahim", "prabowo_subianto"},
        "anwar_ibrahim",
    ),
    (
        "PANAMÁ — El presidente José Raúl Mulino afirmó este jueves que sostuvo el miércoles una conversación "
        'telefónica con el presidente Donald Trump.\n\n"La llamada fue a petición mía. Fue una conversación franca '
        'entre dos países amigos", dijo Mulino en su conferencia de prensa semanal.',
        {"jose_raul_mulino", "donald_trump"},
        "jose_raul_mulino",
    ),
    (  # the caller by country and office, in the sentence after the call's
        "Santiago. El presidente Gabriel Boric habló por teléfono el martes con Luiz Inácio Lula da Silva. El "
        "mandatario chileno llamó para ofrecer brigadistas tras los incendios en el Pantanal.",
        {"gabriel_boric", "luiz_inacio_lula_da_silva"},
        "gabriel_boric",
    ),
    (
        "OTTAWA — Prime Minister Mark Carney spoke by phone with President Claudia Sheinbaum on Tuesday. The Mexican "
        "president called to discuss the steel tariffs, a senior official said.",
        {"mark_carney", "claudia_sheinbaum"},
        "claudia_sheinbaum",
    ),
    (  # the call noun put first, taken up by a pronoun
        "Brasilia. Lula y Javier Milei conversaron por teléfono el martes sobre el Mercosur. La llamada la pidió el "
        "presidente argentino Javier Milei, según fuentes del Planalto.",
        {"luiz_inacio_lula_da_silva", "javier_milei"},
        "javier_milei",
    ),
    (
        "NEW DELHI — French President Emmanuel Macron reached out by phone to Prime Minister Narendra Modi on Monday "
        "after the attack in Kashmir.",
        {"emmanuel_macron", "narendra_modi"},
        "emmanuel_macron",
    ),
]


@pytest.mark.parametrize(("text", "pair", "initiator"), _CALLERS)
def test_the_text_says_who_placed_the_call(reference: Reference, text: str, pair: set[str], initiator: str) -> None:
    facts = extract(reference, text, _DAY)
    assert frozenset(pair) in held_pairs(facts)
    call = next(c for c in facts.calls if {p.official_id for p in c.participants} == pair)
    assert call.initiator_id == initiator


_UNKNOWN = [
    (  # "his" with both leaders named outside quotes: either of them
        "President Cyril Ramaphosa spoke by phone with President Luiz Inácio Lula da Silva on Tuesday at his "
        "request, the Presidency said.",
        {"cyril_ramaphosa", "luiz_inacio_lula_da_silva"},
    ),
    (  # a country and office that fit both: neither
        "President Emmanuel Macron spoke by phone with Prime Minister Keir Starmer on Monday. The European leader "
        "called to discuss Ukraine, an aide said.",
        {"emmanuel_macron", "keir_starmer"},
    ),
    (  # "my" outside a quote is the writer's, not a leader's
        "At my request, the editors checked: Pedro Sánchez spoke by phone with Emmanuel Macron on Monday.",
        {"pedro_sanchez", "emmanuel_macron"},
    ),
]


@pytest.mark.parametrize(("text", "pair"), _UNKNOWN)
def test_a_pronoun_that_names_no_one_leaves_the_caller_unknown(reference: Reference, text: str, pair: set[str]) -> None:
    facts = extract(reference, text, _DAY)
    assert held_pairs(facts) == [frozenset(pair)]
    assert facts.calls[0].initiator_id is None


def test_by_phone_after_a_calling_verb_is_no_passive(reference: Reference) -> None:
    text = "LONDON — Prime Minister Keir Starmer called by phone President Emmanuel Macron late on Monday night."
    assert extract(reference, text, _DAY).calls[0].initiator_id == "keir_starmer"


def test_a_spanish_calling_verb_with_its_object_keeps_its_subject(reference: Reference) -> None:
    text = "Madrid. El presidente Pedro Sánchez llamó por la tarde a la primera ministra Giorgia Meloni."
    assert extract(reference, text, _DAY).calls[0].initiator_id == "pedro_sanchez"


def test_a_counterpart_named_after_an_honorific_is_the_reference_leader(reference: Reference) -> None:
    text = (
        "CAIRO, June 11 (Xinhua) -- Egyptian President Abdel Fattah al-Sisi and his Emirati counterpart Sheikh "
        "Mohamed bin Zayed discussed in a phone call on Wednesday the situation in Sudan."
    )
    assert held_pairs(extract(reference, text, _DAY)) == [
        frozenset({"abdel_fattah_el_sisi", "mohamed_bin_zayed_al_nahyan"})
    ]


_PLACED_IN_OTHER_WORDS = [
    (  # a gerund after "with", the caller named by country and office
        "ACCRA — President John Mahama spoke by phone on Tuesday with Ivorian President Alassane Ouattara, with the "
        "Ghanaian leader placing the call to discuss cocoa prices.",
        {"john_dramani_mahama", "alassane_ouattara"},
        "john_dramani_mahama",
    ),
    (  # the call taken up by "it" in the next sentence
        "NAIROBI — President William Ruto and Tanzanian President Samia Suluhu Hassan held a phone conversation on "
        "Monday. Samia initiated it, State House said.",
        {"william_ruto", "samia_suluhu_hassan"},
        "samia_suluhu_hassan",
    ),
    (  # a call given
        "WASHINGTON — President Donald Trump gave Carney a call on Friday to talk about the border, after Prime "
        "Minister Mark Carney said Canada would respond to new tariffs.",
        {"donald_trump", "mark_carney"},
        "donald_trump",
    ),
    (  # a call returned: this one placed by the one who returned it
        "CANBERRA — Prime Minister Anthony Albanese spoke by phone with New Zealand Prime Minister Christopher Luxon "
        "on Thursday evening. Albanese returned Luxon's call after the two missed each other earlier in the day.",
        {"anthony_albanese", "christopher_luxon"},
        "anthony_albanese",
    ),
]


@pytest.mark.parametrize(("text", "pair", "initiator"), _PLACED_IN_OTHER_WORDS)
def test_a_call_placed_told_in_other_words(reference: Reference, text: str, pair: set[str], initiator: str) -> None:
    facts = extract(reference, text, _DAY)
    assert held_pairs(facts) == [frozenset(pair)]
    assert facts.calls[0].initiator_id == initiator


_NOT_PLACED = [
    # "gave" without a call given
    "MOSCOW — Vladimir Putin and Donald Trump spoke by phone on Monday. Putin gave the conversation a positive "
    "assessment, the Kremlin said.",
    # "requested it": what was asked for may be anything
    "NAIROBI — President William Ruto and Tanzanian President Samia Suluhu Hassan held a phone conversation on "
    "Monday. Samia requested it after the border closure, and Ruto welcomed it.",
]


@pytest.mark.parametrize("text", _NOT_PLACED)
def test_words_near_a_call_that_place_nothing(reference: Reference, text: str) -> None:
    assert extract(reference, text, _DAY).calls[0].initiator_id is None
