"""Officials of an article: who holds office on its date, and the country of an official the text leaves unmarked.

The texts are written here in the styles of wire copy and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.extract.officials import dateline_country
from hotline.facts import ArticleFacts
from hotline.reference import Reference, load_reference


@pytest.fixture(scope="module")
def reference() -> Reference:
    return load_reference()


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
    ("text", "name", "published"),
    [
        (  # no dateline
            "Sánchez llama a Erdogan tras el terremoto\n"
            "El presidente del Gobierno, Pedro Sánchez, habló este martes por teléfono con el presidente turco, "
            "Recep Tayyip Erdogan. La ministra de Defensa, Lucía Garrido, anunció el envío de un equipo de rescate.",
            "Lucía Garrido",
            dt.date(2023, 2, 7),
        ),
        (  # the dateline of a host country none of the article's officials serves
            "Luxon and Albanese meet in Tonga\n"
            "NUKU'ALOFA, Aug 27 (AAP) - Australian Prime Minister Anthony Albanese spoke by phone with New Zealand "
            "Prime Minister Christopher Luxon. La ministra de Exteriores, Penny Wong, acompañó al primer ministro.",
            "Penny Wong",
            dt.date(2024, 8, 27),
        ),
    ],
)
def test_an_unmarked_minister_without_a_dateline_of_their_government_has_no_country(
    reference: Reference, text: str, name: str, published: dt.date
) -> None:
    assert officials(written.extract(reference, text, published))[name] is None


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
            "La ministra secretaria general de Gobierno de Chile, Camila Vallejo, aseguró que",
            "Camila Vallejo",
            "minister",
            "CL",
        ),
        ("El presidente de la Generalitat Valenciana, Carlos Mazón, pidió", "Carlos Mazón", None, None),
        ("Sosa y su par chileno, Alberto van Klaveren, se reunieron", "Alberto van Klaveren", None, "CL"),
        ("Fidan met his Turkish counterpart Hakan Fidan on Monday", "Hakan Fidan", None, "TR"),
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
