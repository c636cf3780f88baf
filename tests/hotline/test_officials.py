"""Officials of an article: who holds office on its date, and the country of an official the text leaves unmarked.

The texts are written here in the styles of wire copy and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.extract.officials import dateline_country, find_officials
from hotline.facts import ArticleFacts
from hotline.reference import Reference
from hotline.text import fold_text


def officials(facts: ArticleFacts) -> dict[str, str | None]:
    return {o.full_name: o.country_code for o in facts.officials}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Title\n\nNEW DELHI, Aug 8 (PTI) Prime Minister Narendra Modi on Tuesday called", "IN"),
        ("WASHINGTON (AP) — President Joe Biden spoke", "US"),
        ("CHENGDU (China), 24 dic (EFE).- El primer ministro japonés", "CN"),
        ("Ciudad de México, 8 de agosto de 2022.— La presidenta", "MX"),
        ("MADRID, 7 Feb. (EUROPA PRESS) - El presidente del Gobierno", "ES"),
        ("BRUSSELS, March 3 (Reuters) - European Union leaders", None),  # a seat of institutions: no government
        ("The president said, in a statement, that he had spoken", None),
        ("Biden, Xi talk trade - report\nThe two leaders spoke.", None),
    ],
)
def test_the_dateline_places_the_story(reference: Reference, text: str, country: str | None) -> None:
    found = dateline_country(text, reference)
    assert (found[0] if found else None) == country


def test_an_unmarked_minister_serves_the_government_of_the_dateline(reference: Reference) -> None:
    text = (
        "Sánchez llama a Erdogan tras el terremoto\n"
        "MADRID, 7 feb (EFE).- El presidente del Gobierno, Pedro Sánchez, habló este martes por teléfono con el "
        "presidente turco, Recep Tayyip Erdogan. La ministra de Defensa, Lucía Garrido, anunció el envío de un "
        "equipo de rescate, y el canciller marroquí, Karim Bennani, ofreció ayuda."
    )
    found = officials(written.extract(reference, text, dt.date(2023, 2, 7)))
    assert found["Lucía Garrido"] == "ES"  # unmarked: the dateline's government
    assert found["Karim Bennani"] == "MA"  # marked by the demonym, which wins


@pytest.mark.parametrize(
    ("text", "name", "published", "country"),
    [
        (  # no dateline
            "Sánchez llama a Erdogan tras el terremoto\n"
            "El presidente del Gobierno, Pedro Sánchez, habló este martes por teléfono con el presidente turco, "
            "Recep Tayyip Erdogan. La ministra de Defensa, Lucía Garrido, anunció el envío de un equipo de rescate.",
            "Lucía Garrido",
            dt.date(2023, 2, 7),
            "ES",
        ),
        (  # the dateline of a host country none of the article's officials serves
            "Luxon and Albanese meet in Tonga\n"
            "NUKU'ALOFA, Aug 27 (AAP) - Australian Prime Minister Anthony Albanese spoke by phone with New Zealand "
            "Prime Minister Christopher Luxon. La ministra de Exteriores, Clara Whitfield, acompañó al primer "
            "ministro.",
            "Clara Whitfield",
            dt.date(2024, 8, 27),
            "AU",
        ),
    ],
)
def test_an_unmarked_minister_without_a_dateline_of_their_government_serves_the_protagonists(
    reference: Reference, text: str, name: str, published: dt.date, country: str
) -> None:
    facts = written.extract(reference, text, published)
    assert officials(facts)[name] == country
    mention = next(o for o in facts.officials if o.full_name == name)
    assert "the article's protagonist" in mention.evidence.how


def test_an_unmarked_official_takes_the_country_of_the_leader_who_opens_the_sentence(reference: Reference) -> None:
    text = (
        "La cumbre de Asunción tendrá una ausencia: el presidente argentino, Javier Milei, confirmó que no asistirá "
        "y que la delegación estará encabezada por la canciller Diana Mondino, dijo el presidente boliviano, Luis "
        "Arce."
    )
    assert officials(written.extract(reference, text, dt.date(2024, 7, 5)))["Diana Mondino"] == "AR"


def test_a_former_office_holder_named_in_passing_is_not_an_official_of_the_article(reference: Reference) -> None:
    text = (
        "MONTEVIDEO, 25 nov 2024 (EFE).- El presidente de Brasil, Luiz Inácio Lula da Silva, telefoneó este lunes "
        "al presidente electo de Uruguay, Yamandú Orsi. Orsi, delfín político del expresidente José Mujica, ganó "
        "la segunda vuelta del domingo."
    )
    found = officials(written.extract(reference, text, dt.date(2024, 11, 25)))
    assert {"Yamandú Orsi", "Luiz Inácio Lula da Silva"} <= found.keys()
    assert "José Mujica" not in found


def test_a_name_with_a_middle_initial_the_aliases_do_not_list(reference: Reference) -> None:
    text = (
        "Japan-Philippines Summit Telephone Talk\n"
        "On March 14, from 6:30 p.m. for approximately 15 minutes, Mr. Naoto Kan, Prime Minister of Japan, held a "
        "telephone talk with H.E. Mr. Benigno S. Aquino III, President of the Republic of the Philippines."
    )
    facts = written.extract(reference, text, dt.date(2011, 3, 14))
    assert {"naoto_kan", "benigno_aquino_iii"} <= {o.official_id for o in facts.officials}
    assert [{p.official_id for p in c.participants} for c in facts.calls] == [{"naoto_kan", "benigno_aquino_iii"}]


def test_a_former_holder_given_an_office_of_the_time_stays(reference: Reference) -> None:
    text = (
        "OTTAWA, May 6, 2024 - Canada has offered money, not troops. The request came in October 2022, when "
        "then-prime minister Ariel Henry asked for an international force. Former President Ronald Reagan's "
        "words on tariffs were quoted in an advertisement."
    )
    found = officials(written.extract(reference, text, dt.date(2024, 5, 6)))
    assert "Ariel Henry" in found
    assert "Ronald Reagan" not in found


@pytest.mark.parametrize(
    ("text", "name", "role", "country"),
    [
        ("La ministra de Administración Interna, Margarida Blasco, dijo que", "Margarida Blasco", "minister", None),
        (
            "La ministra secretaria general de Gobierno de Chile, Daniela Ruiz Tagle, aseguró que",
            "Daniela Ruiz Tagle",
            "minister",
            "CL",
        ),
        ("El presidente de la Generalitat Valenciana, Carlos Mazón, pidió", "Carlos Mazón", None, None),
        ("Sosa y su par chileno, Tomás Aravena Lira, se reunieron", "Tomás Aravena Lira", None, "CL"),
        ("Dar met his Turkish counterpart Murat Kaplanoglu on Monday", "Murat Kaplanoglu", None, "TR"),
    ],
)
def test_an_official_introduced_by_an_appositive_or_as_a_counterpart(
    reference: Reference, text: str, name: str, role: str | None, country: str | None
) -> None:
    found = {o.full_name: o for o in written.extract(reference, text, dt.date(2024, 9, 17)).officials}
    assert (found[name].role, found[name].country_code) == (role, country)
    assert all(o.role not in ("president", "prime_minister") for o in found.values() if not o.is_reference)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Brazil's Mines and Energy Minister Alexandre Silveira said on Wednesday", "Alexandre Silveira", "BR"),
        ("Erdogan's spokesman Ibrahim Kalin described the call as positive", "Ibrahim Kalin", "TR"),
        ("Chinese Commerce Minister Wang Wentao met EU officials", "Wang Wentao", "CN"),
        ("y la embajadora de México en Estados Unidos, Martha Bárcena, dijo", "Martha Bárcena", "MX"),
        ("Según la portavoz de la Casa Azul, Ko Min-jung, Moon pidió a Abe", "Ko Min-jung", "KR"),
    ],
)
def test_the_country_a_title_gives(reference: Reference, text: str, name: str, country: str) -> None:
    found = officials(written.extract(reference, "Leaders\n" + text, dt.date(2023, 5, 10)))
    assert found[name] == country


def test_a_country_after_a_titled_name_is_its_country_not_its_name(reference: Reference) -> None:
    text = (
        "Obama llama a los aliados\n"
        "El sábado conversó con el rey Abdalá de Arabia Saudí y el canciller Juan Pérez Soto de Argentina."
    )
    found = officials(written.extract(reference, text, dt.date(2011, 2, 2)))
    assert found["Abdalá"] == "SA"
    assert found["Juan Pérez Soto"] == "AR"


def surname_hits(reference: Reference, text: str) -> dict[str, str | None]:
    """Every official hit by surname alone: its words and the person."""
    hits, _ = find_officials(text, fold_text(text), reference, dt.date(2025, 3, 11))
    return {text[h.start : h.end]: h.official_id for h in hits if "after the full name" in h.how}


@pytest.mark.parametrize(
    ("text", "surname", "official_id"),
    [
        (  # a reference leader whose surname the aliases do not list
            "MADRID (Reuters) - Spanish Prime Minister Pedro Sánchez defended the budget on Tuesday. Sánchez said "
            "the deficit would fall.",
            "Sánchez",
            "pedro_sanchez",
        ),
        (  # a leader the reference does not know, named by title first
            "Tuvalu's Prime Minister Feleti Teo arrived in Canberra on Monday. On Tuesday, Teo told reporters he "
            "wanted more flights.",
            "Teo",
            "feleti_teo",
        ),
        (  # after a title, and in a list
            "El presidente del Gobierno, Pedro Sánchez, viajó a Rabat. Más tarde, el presidente Sánchez y el rey "
            "conversaron.",
            "Sánchez",
            "pedro_sanchez",
        ),
        (  # in the possessive, a family name written first
            "SEOUL -- President Lee Jae-myung held phone talks with Xi Jinping on Tuesday, Lee's office said.",
            "Lee",
            "lee_jae_myung",
        ),
    ],
)
def test_a_surname_alone_after_the_full_name_is_that_person(
    reference: Reference, text: str, surname: str, official_id: str
) -> None:
    assert surname_hits(reference, text).get(surname) == official_id


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # a country that starts with the surname, and another person's longer name
        ("Cabo Verde's Prime Minister Ulisses Costa met farmers. Costa Rica sent a delegation.", "Costa"),
        ("Cabo Verde's Prime Minister Ulisses Costa met farmers. Juan Costa, a banker, spoke.", "Costa"),
        # two officials of the article share the surname: neither takes it
        (
            "Tuvalu's Prime Minister Feleti Teo met Foreign Minister Paulson Teo on Monday. Later, Teo said the talks "
            "went well.",
            "Teo",
        ),
        # a surname that is a country, after a preposition: the place
        ("Portugal's Prime Minister Luís Montenegro flew on Tuesday to Montenegro.", "Montenegro"),
    ],
)
def test_a_surname_that_may_be_someone_or_something_else_is_no_one(
    reference: Reference, text: str, surname: str
) -> None:
    assert surname not in surname_hits(reference, text)


def named(
    reference: Reference, text: str, on: dt.date = dt.date(2024, 12, 26)
) -> dict[str, tuple[str | None, str | None]]:
    """Every official hit: its words, with the role and the country."""
    hits, _ = find_officials(text, fold_text(text), reference, on)
    return {text[h.start : h.end]: (h.role, h.country_code) for h in hits}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (  # a name with two particles, after an institution's title
            "**13:10** — European Commission President Ursula von der Leyen condemned the attack.",
            "Ursula von der Leyen",
            "commission_president",
        ),
        (
            "Meloni recorrió Lampedusa junto a la presidenta de la Comisión Europea, Ursula von der Leyen, que "
            "presentó un plan.",
            "Ursula von der Leyen",
            "commission_president",
        ),
        (  # an acting minister
            "El ministro de Asuntos Exteriores en funciones, José Manuel Albares, subrayó en Bruselas que no habrá "
            "acuerdo.",
            "José Manuel Albares",
            "foreign_minister",
        ),
        (  # a secretary-general is no leader
            "GEORGETOWN - United Nations Secretary-General António Guterres spoke by telephone with President Ali.",
            "António Guterres",
            "secretary_general",
        ),
        (  # a counterpart holds the office of the official whose counterpart he is
            "Foreign Minister Wang Yi spoke by phone with his Turkish counterpart Murat Kaplanoglu on Tuesday.",
            "Murat Kaplanoglu",
            "foreign_minister",
        ),
        (
            "SÍDNEY - El primer ministro australiano, Anthony Albanese, conversó con su homólogo de Vanuatu, Tomas "
            "Kalo.",  # a name the reference does not hold
            "Tomas Kalo",
            "prime_minister",
        ),
        (
            "El viceministro de Finanzas, Harshana Suriyapperuma, viajará a Washington la semana próxima.",
            "Harshana Suriyapperuma",
            "deputy_minister",
        ),
        ("El gobernador Gustavo Sáenz celebró la comunicación entre ambos presidentes.", "Gustavo Sáenz", "governor"),
        (
            "La directora gerente del Fondo Monetario Internacional (FMI), Kristalina Georgieva, pidió reformas.",
            "Kristalina Georgieva",
            "managing_director",
        ),
        ("Central Bank Governor Andrew Bailey warned of inflation.", "Andrew Bailey", "central_bank_governor"),
        # an honorific before the name is no part of it; an initial and one name are a name
        ("Governor-General Sir Bob Dadae will lead the celebrations.", "Bob Dadae", "governor_general"),
        ("External Affairs Minister Dr. S. Jaishankar will travel to France.", "S. Jaishankar", "foreign_minister"),
    ],
)
def test_a_titled_name_takes_its_titles_role(reference: Reference, text: str, name: str, role: str) -> None:
    assert named(reference, text)[name][0] == role


def test_an_honorific_alone_is_the_one_it_was_first_given_to(reference: Reference) -> None:
    text = (
        "Riyadh, SPA -- His Royal Highness Prince Mohammed bin Salman received today calls from leaders. His "
        "Highness Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah called first.\nHis Royal Highness thanked him, and His "
        "Highness wished the Kingdom well."
    )
    hits, _ = find_officials(text, fold_text(text), reference, dt.date(2025, 3, 1))
    alone = {text[h.start : h.end]: h.official_id for h in hits if h.how.startswith("honorific")}
    assert alone == {"His Royal Highness": "mohammed_bin_salman", "His Highness": "mishal_al_ahmad_al_jaber_al_sabah"}


def test_countries_after_a_counterpart_are_no_ones_name(reference: Reference) -> None:
    text = "SANTIAGO - Boric llamó el fin de semana a sus homólogos de Brasil y Colombia para agradecer la ayuda."
    assert "Brasil y Colombia" not in named(reference, text, dt.date(2023, 2, 6))


def alias_ids(reference: Reference, text: str, on: dt.date = dt.date(2025, 6, 20)) -> list[str | None]:
    """The official of every hit by a reference alias, in order."""
    hits, _ = find_officials(text, fold_text(text), reference, on)
    return [h.official_id for h in hits]


def test_a_leaders_surname_after_another_given_name_is_a_namesake(reference: Reference) -> None:
    text = (
        "ACCRA - Ghana's First Lady, Lordina Mahama, spoke by telephone on Thursday with Senator Oluremi Tinubu. "
        "According to the statement, Mrs Mahama thanked Mrs Tinubu for the hospitality shown to the midwives."
    )
    assert not {"john_dramani_mahama", "bola_tinubu"} & set(alias_ids(reference, text))


@pytest.mark.parametrize(
    ("text", "official_id"),
    [
        ("Tinubu Calls Mahama Over Border Closure\nABUJA - The president spoke on Monday.", "john_dramani_mahama"),
        ("On Monday Mahama told reporters the border would reopen.", "john_dramani_mahama"),
        ("Nigeria's Tinubu told reporters the border would reopen.", "bola_tinubu"),
        ("President Mahama told reporters the border would reopen.", "john_dramani_mahama"),
        # a transliteration of the leader's own given name, and a particle of the name
        ("El canciller azerí, Yeihun Bayramov, habló con su homólogo.", "jeyhun_bayramov"),
        ("El general Al Burhan rechazó la llamada.", "abdel_fattah_al_burhan"),
    ],
)
def test_a_leaders_surname_after_a_title_a_possessive_or_their_own_name_is_the_leader(
    reference: Reference, text: str, official_id: str
) -> None:
    assert official_id in alias_ids(reference, text)


@pytest.mark.parametrize(
    ("text", "on", "ids"),
    [
        (  # Malaysian styles
            "KUALA LUMPUR, Aug 5 (Bernama) -- Prime Minister Datuk Seri Anwar Ibrahim had a telephone conversation "
            "with Indonesian President Prabowo Subianto this morning.",
            dt.date(2025, 8, 5),
            {"anwar_ibrahim", "prabowo_subianto"},
        ),
        (  # a monarch's style between a title and the name
            "ABU DHABI, 12th May, 2025 (WAM) -- President His Highness Sheikh Mohamed bin Zayed Al Nahyan received a "
            "phone call today from Shehbaz Sharif, Prime Minister of Pakistan.",
            dt.date(2025, 5, 12),
            {"mohamed_bin_zayed_al_nahyan", "shehbaz_sharif"},
        ),
        (  # academic and military ranks between a title and the name
            "DHAKA (BSS) -- Chief Adviser Professor Muhammad Yunus received a phone call from Pakistan Prime Minister "
            "Shehbaz Sharif on Monday evening.",
            dt.date(2025, 5, 12),
            {"muhammad_yunus", "shehbaz_sharif"},
        ),
        (
            "OUAGADOUGOU -- President Captain Ibrahim Traoré spoke by phone with Malian President General Assimi "
            "Goïta on Monday.",
            dt.date(2025, 5, 12),
            {"ibrahim_traore", "assimi_goita"},
        ),
    ],
)
def test_a_style_before_a_name_is_no_part_of_it(reference: Reference, text: str, on: dt.date, ids: set[str]) -> None:
    hits, _ = find_officials(text, fold_text(text), reference, on)
    assert {h.official_id for h in hits} == ids


def test_y_joins_a_compound_surname_never_two_people(reference: Reference) -> None:
    def ids(sentence: str) -> list[str]:
        facts = written.extract(reference, "T\n" + sentence, dt.date(2025, 7, 15))
        return sorted(o.official_id for o in facts.officials)

    joined = "En la conversación, solicitada por el presidente español, Sánchez y Lula repasaron la relación."
    assert "sanchez_y_lula" not in ids(joined)
    assert "jose_ortega_y_gasset" in ids("El ministro de Cultura, José Ortega y Gasset, habló ayer.")
