"""Who called whom, phrase by phrase: rounds of calls, ministers' calls, readout titles, questions, initiators.

The texts are written here in the styles of wire copy, government readouts and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.facts import ArticleFacts
from hotline.reference import Reference, load_reference


@pytest.fixture(scope="module")
def reference() -> Reference:
    return load_reference()


def extract(reference: Reference, text: str, published: dt.date, title: str = "") -> ArticleFacts:
    return written.extract(reference, text, published, title)


def held_pairs(facts: ArticleFacts) -> list[frozenset[str]]:
    return [frozenset(p.official_id for p in c.participants) for c in facts.calls if c.call_status == "held"]


def test_one_phrase_with_two_counterparts_gives_two_calls(reference: Reference) -> None:
    text = (
        "NAIROBI - Kenyan President William Ruto said on Tuesday he had spoken by telephone with Ethiopian Prime "
        "Minister Abiy Ahmed and Somali President Hassan Sheikh Mohamud on Monday to urge calm."
    )
    pairs = held_pairs(extract(reference, text, dt.date(2024, 1, 9)))
    assert frozenset({"william_ruto", "abiy_ahmed"}) in pairs
    assert frozenset({"william_ruto", "hassan_sheikh_mohamud"}) in pairs
    assert len(pairs) == 2


def test_spanish_fronted_counterparts_take_the_protagonist_as_subject(reference: Reference) -> None:
    text = (
        "El presidente Gabriel Boric agradeció la ayuda de la región contra los incendios. "
        "Con Alberto Fernández habló por teléfono el sábado por la mañana. "
        "Con Luiz Inácio Lula da Silva y con Gustavo Petro conversó el domingo, según precisó Boric."
    )
    facts = extract(reference, text, dt.date(2023, 2, 6))
    pairs = held_pairs(facts)
    assert frozenset({"gabriel_boric", "alberto_fernandez"}) in pairs
    assert frozenset({"gabriel_boric", "luiz_inacio_lula_da_silva"}) in pairs
    assert frozenset({"gabriel_boric", "gustavo_petro"}) in pairs
    assert frozenset({"luiz_inacio_lula_da_silva", "gustavo_petro"}) not in pairs
    fernandez = next(c for c in facts.calls if "alberto_fernandez" in {p.official_id for p in c.participants})
    assert fernandez.date.date == dt.date(2023, 2, 4)


def test_a_ministers_call_is_no_leaders_call(reference: Reference) -> None:
    text = (
        "El ministro del Interior, Fernando Grande-Marlaska, habló por teléfono con el primer ministro de Túnez, "
        "Ahmed Hachani, sobre la cooperación policial. Pedro Sánchez y Giorgia Meloni se reunirán en Roma."
    )
    assert held_pairs(extract(reference, text, dt.date(2023, 9, 18))) == []


def test_an_institution_president_is_no_head_of_state(reference: Reference) -> None:
    text = (
        "BERLIN - German Chancellor Olaf Scholz spoke by phone with European Commission President Ursula von der "
        "Leyen on Tuesday about the tariffs. Scholz intends to speak with Chinese Premier Li Qiang next week."
    )
    facts = extract(reference, text, dt.date(2024, 10, 2))
    assert held_pairs(facts) == []
    assert [c.call_status for c in facts.calls] == ["planned"]


def test_a_readout_titled_as_a_call_is_a_call(reference: Reference) -> None:
    text = "Today, Prime Minister Mark Carney spoke with the Prime Minister of Australia, Anthony Albanese."
    facts = extract(
        reference, text, dt.date(2025, 3, 15), title="Prime Minister Carney speaks with Prime Minister Albanese"
    )
    assert held_pairs(facts) == [frozenset({"mark_carney", "anthony_albanese"})]
    in_person = "Today, Prime Minister Mark Carney spoke with Anthony Albanese during a bilateral meeting in Paris."
    assert held_pairs(extract(reference, in_person, dt.date(2025, 3, 15), title="Carney speaks with Albanese")) == []


def test_a_question_claims_no_call(reference: Reference) -> None:
    text = (
        "La presidenta Claudia Sheinbaum reconoció este jueves que no ha conversado con Pedro Sánchez. "
        "—¿Ha hablado por teléfono con el presidente Sánchez? —se le preguntó en su conferencia matutina."
    )
    assert held_pairs(extract(reference, text, dt.date(2024, 10, 3))) == []


def test_a_future_leader_is_no_leader_yet(reference: Reference) -> None:
    text = "El canciller Miguel Ángel Moratinos había hablado por teléfono con su homólogo venezolano, Nicolás Maduro."
    assert held_pairs(extract(reference, text, dt.date(2010, 3, 3))) == []


@pytest.mark.parametrize(
    ("text", "published", "initiator"),
    [
        (
            "Pedro Sánchez telefoneó este martes al presidente de Turquía, Recep Tayyip Erdoğan.",
            "2023-02-07",
            "pedro_sanchez",
        ),
        (
            "French President Emmanuel Macron spoke with Russian President Vladimir Putin by phone on Thursday. "
            "The 90-minute call took place at Putin's request, an Elysee official said.",
            "2022-03-03",
            "vladimir_putin",
        ),
        (
            "El presidente electo Yamandú Orsi recibió este lunes una llamada del presidente de Brasil, Luiz Inácio "
            "Lula da Silva, quien lo felicitó por su triunfo.",
            "2024-11-25",
            "luiz_inacio_lula_da_silva",
        ),
        ("Joe Biden and Xi Jinping spoke by phone on Tuesday for two hours.", "2022-07-28", None),
    ],
)
def test_the_initiator_is_who_the_text_says_called(
    reference: Reference, text: str, published: str, initiator: str | None
) -> None:
    call = extract(reference, text, dt.date.fromisoformat(published)).calls[0]
    assert call.initiator_id == initiator
    assert (call.initiator_how is None) == (initiator is None)


@pytest.mark.parametrize(
    ("text", "published", "pair", "initiator"),
    [
        (
            "BERLIN (AP) - Chancellor Angela Merkel called Russian Prime Minister Vladimir Putin on Thursday and urged "
            "him to restore gas deliveries to Europe.",
            "2009-01-09",
            {"angela_merkel", "vladimir_putin"},
            "angela_merkel",
        ),
        (
            "BOGOTÁ, 18 nov. - El presidente de Venezuela, Hugo Chávez, llamó en la noche del miércoles a su homólogo "
            "colombiano, Juan Manuel Santos, para agradecerle la extradición.",
            "2010-11-18",
            {"hugo_chavez", "juan_manuel_santos"},
            "hugo_chavez",
        ),
        (
            "NEW DELHI - Prime Minister Narendra Modi on Tuesday called UAE President Sheikh Mohamed bin Zayed Al "
            "Nahyan and invited him to the G20 Leaders' Summit in New Delhi.",
            "2023-08-08",
            {"narendra_modi", "mohamed_bin_zayed_al_nahyan"},
            "narendra_modi",
        ),
    ],
)
def test_a_calling_verb_reaches_its_leader_past_titles_and_times(
    reference: Reference, text: str, published: str, pair: set[str], initiator: str
) -> None:
    call = extract(reference, text, dt.date.fromisoformat(published)).calls[0]
    assert {p.official_id for p in call.participants} == pair
    assert call.initiator_id == initiator
    assert call.date.date is not None
    assert call.date.date <= dt.date.fromisoformat(published)


@pytest.mark.parametrize(
    "text",
    [
        "Carney called the tariffs unjustified, Sheinbaum said.",
        "Zelensky called the German chancellor's move a \"Pandora's box\", arguing it eased Putin's isolation.",
        "Trump called on Chinese President Xi Jinping to act on fentanyl.",
    ],
)
def test_called_that_names_or_urges_is_no_call(reference: Reference, text: str) -> None:
    assert held_pairs(extract(reference, text, dt.date(2024, 11, 16))) == []


def test_a_day_that_is_not_the_calls_weekday_dates_another_event(reference: Reference) -> None:
    text = (
        "Canadian Prime Minister Justin Trudeau told President Donald Trump in a phone call on Friday that the "
        "countermeasures in force since July 1 would stay until the steel tariffs were lifted."
    )
    call = extract(reference, text, dt.date(2018, 7, 2)).calls[0]
    assert call.date.date == dt.date(2018, 6, 29)  # Friday; July 1, 2018 was a Sunday


@pytest.mark.parametrize(
    "text",
    [
        "PARIS - French President Emmanuel Macron spoke by phone on Monday with Beninese President Patrice Talon "
        "about security in the Sahel, the Elysee said.",
        "El presidente de Benín, Patrice Talon, conversó por teléfono este lunes con el presidente de Francia, "
        "Emmanuel Macron, sobre la seguridad en el Sahel.",
    ],
)
def test_a_leader_the_reference_does_not_know_is_a_participant_by_title(reference: Reference, text: str) -> None:
    call = extract(reference, text, dt.date(2024, 3, 5)).calls[0]
    by_id = {p.official_id: p for p in call.participants}
    assert set(by_id) == {"emmanuel_macron", "patrice_talon"}
    assert by_id["patrice_talon"].country_code == "BJ"
    assert by_id["patrice_talon"].role == "president"
    officials = {o.official_id: o for o in extract(reference, text, dt.date(2024, 3, 5)).officials}
    assert officials["patrice_talon"].is_reference is False


def test_an_earlier_call_told_in_passing_is_its_own_call(reference: Reference) -> None:
    text = (
        "PARIS - French President Emmanuel Macron spoke with Russian President Vladimir Putin by telephone on "
        "Thursday, the Elysee said. Macron and Putin last spoke on Monday, when Macron asked him to stop the strikes."
    )
    facts = extract(reference, text, dt.date(2022, 3, 3))
    reported = [c for c in facts.calls if c.is_directly_reported]
    earlier = [c for c in facts.calls if not c.is_directly_reported]
    assert [c.date.date for c in reported] == [dt.date(2022, 3, 3)]
    assert [c.date.date for c in earlier] == [dt.date(2022, 2, 28)]
    assert {p.official_id for p in earlier[0].participants} == {"emmanuel_macron", "vladimir_putin"}
