"""Who called whom, phrase by phrase: rounds of calls, ministers' calls, readout titles, questions, initiators.

The texts are written here in the styles of wire copy, government readouts and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written
from written import extract_body as extract
from written import held_pairs

from hotline.reference import Reference


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


def test_a_call_between_their_ministers_is_no_leaders_call(reference: Reference) -> None:
    text = (
        "RIYADH (SPA) -- Crown Prince Mohammed bin Salman will receive President Donald Trump in Riyadh next week, "
        "the Royal Court said, after a phone call between their foreign ministers."
    )
    assert held_pairs(extract(reference, text, dt.date(2025, 5, 12))) == []


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
        (
            "NAIROBI, March 4 (KNA) - President of the Republic of Kenya William Ruto today received a telephone call "
            "from President of the Federal Republic of Nigeria Bola Tinubu.",
            "2025-03-04",
            "bola_tinubu",
        ),
        (
            "King Abdullah II received on Tuesday evening a phone call from the President of the French Republic, "
            "Emmanuel Macron, during which they discussed Gaza.",
            "2024-02-14",
            "emmanuel_macron",
        ),
        (
            "Chilean President Gabriel Boric held a phone conversation on Tuesday with Argentine President Javier "
            "Milei, who called him to discuss the border.",
            "2024-03-13",
            "javier_milei",
        ),
        (
            "El primer ministro de España, Pedro Sánchez, conversó por teléfono con el presidente de Francia, "
            "Emmanuel Macron, quien lo llamó para hablar de Ucrania.",
            "2024-03-13",
            "emmanuel_macron",
        ),
        (
            "El presidente de Kazajistán, Kasim-Yomart Tokáyev, llamó anoche por teléfono a su homólogo de "
            "Uzbekistán, Shavkat Mirziyóyev, para felicitarle.",
            "2024-07-25",
            "kassym_jomart_tokayev",
        ),
        (
            "Egyptian President Abdel Fattah al-Sisi spoke by phone on Tuesday with Turkish President Recep Tayyip "
            "Erdogan. The call was placed by Erdogan, the Egyptian presidency said.",
            "2024-03-13",
            "recep_tayyip_erdogan",
        ),
        (
            "El presidente Gustavo Petro realizó este martes una llamada telefónica al presidente de Brasil, Luiz "
            "Inácio Lula da Silva.",
            "2024-03-13",
            "gustavo_petro",
        ),
        (  # the caller named only by a title: the other one was called
            "KUWAIT, June 5 (KUNA) -- The Amir of Kuwait Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah received calls "
            "today. His Highness the Amir later made a phone call to Egyptian President Abdel Fattah Al-Sisi.",
            "2025-06-05",
            "mishal_al_ahmad_al_jaber_al_sabah",
        ),
        (
            "Brazilian President Luiz Inácio Lula da Silva spoke by phone on Tuesday with Argentine President Javier "
            "Milei, who has called for lower tariffs across Mercosur.",
            "2024-03-13",
            None,
        ),
        (
            "El presidente Gustavo Petro conversó el martes por teléfono con el mandatario venezolano, Nicolás Maduro, "
            "quien la semana pasada había criticado a Bogotá.",
            "2024-03-13",
            None,
        ),
        (  # where the call came from
            "El presidente Santiago Peña conversó el martes por teléfono con el presidente de Bolivia, Rodrigo Paz. "
            "La llamada partió de Peña, según la Presidencia.",
            "2025-11-12",
            "santiago_pena",
        ),
        (
            "Indian Prime Minister Narendra Modi spoke by phone with Brazilian President Luiz Inácio Lula da Silva on "
            "Tuesday. The call was made by Lula, officials in Brasilia said.",
            "2025-08-07",
            "luiz_inacio_lula_da_silva",
        ),
        (  # the title whose initiative it was; a passive "iniciada por"
            "HELSINKI - President of the Republic Alexander Stubb held a telephone call today with Prime Minister of "
            "Norway Jonas Gahr Støre. The call took place at the Prime Minister's initiative.",
            "2025-06-11",
            "jonas_gahr_store",
        ),
        (
            "Yamandú Orsi y Lula da Silva hablaron el domingo por teléfono sobre la hidrovía. La llamada, de media "
            "hora, fue iniciada por Lula, según informó la Presidencia uruguaya.",
            "2025-04-14",
            "luiz_inacio_lula_da_silva",
        ),
        (  # "a quien llamó": the one named was called, the other called
            "El presidente Santiago Peña mantuvo el lunes una conversación telefónica con su homólogo uruguayo, "
            "Yamandú Orsi, a quien llamó para pedirle apoyo en el dragado del río.",
            "2025-11-12",
            "santiago_pena",
        ),
        (  # a perfect tense after a bare title
            "El presidente del Gobierno, Pedro Sánchez, viajó a Bruselas. Por la tarde, el presidente del Gobierno ha "
            "telefoneado al presidente de Egipto, Abdelfatah al Sisi, con quien ha repasado la situación en Gaza.",
            "2025-10-09",
            "pedro_sanchez",
        ),
        (  # "Hon." ends no sentence
            "PORT MORESBY - Prime Minister Hon. James Marape held a telephone conversation yesterday with the Prime "
            "Minister of Solomon Islands, Hon. Jeremiah Manele, who called to brief him on the Forum.",
            "2025-06-26",
            "jeremiah_manele",
        ),
        (  # an object pronoun before the calling verb: its subject after it called
            "La presidenta Claudia Sheinbaum informó que ayer sostuvo una llamada telefónica con el presidente de "
            'Corea del Sur, Lee Jae-myung. "Me llamó el presidente Lee, fue una llamada muy cordial", dijo.',
            "2025-12-16",
            "lee_jae_myung",
        ),
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
        "PARIS - French President Emmanuel Macron spoke by phone on Monday with Sammarinese Prime Minister Andrea "
        "Valli about security in the Sahel, the Elysee said.",
        "El primer ministro de San Marino, Andrea Valli, conversó por teléfono este lunes con el presidente de "
        "Francia, Emmanuel Macron, sobre la seguridad en el Sahel.",
    ],
)
def test_a_leader_the_reference_does_not_know_is_a_participant_by_title(reference: Reference, text: str) -> None:
    call = extract(reference, text, dt.date(2024, 3, 5)).calls[0]
    by_id = {p.official_id: p for p in call.participants}
    assert set(by_id) == {"emmanuel_macron", "andrea_valli"}
    assert by_id["andrea_valli"].country_code == "SM"
    assert by_id["andrea_valli"].role == "prime_minister"
    officials = {o.official_id: o for o in extract(reference, text, dt.date(2024, 3, 5)).officials}
    assert officials["andrea_valli"].is_reference is False


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


def test_speaking_over_dinner_or_to_reporters_is_no_call(reference: Reference) -> None:
    text = (
        "Macron and Scholz pledge joint line on Ukraine at Elysee dinner\n"
        "PARIS, Jan 23 (Reuters) - French President Emmanuel Macron and German Chancellor Olaf Scholz spoke for more "
        "than two hours over dinner at the Elysee Palace on Monday, agreeing to keep up support for Ukraine.\n"
        "Speaking to reporters after the dinner, Scholz said Germany would decide on tanks with its allies.\n"
        "Macron last week spoke by phone with Ukrainian President Volodymyr Zelenskiy about air defence."
    )
    facts = extract(reference, text, dt.date(2023, 1, 23))
    assert held_pairs(facts) == [frozenset({"emmanuel_macron", "volodymyr_zelensky"})]  # once, not twice


def test_an_earlier_call_alone_is_held_in_passing_and_the_expected_one_planned(reference: Reference) -> None:
    text = (
        "WASHINGTON (AP) — President Donald Trump said Tuesday he expects to speak with Chinese President Xi "
        'Jinping "very soon" as a deadline for higher tariffs approaches.\n'
        "The two leaders last spoke by phone in January, when they discussed TikTok and fentanyl."
    )
    calls = extract(reference, text, dt.date(2025, 4, 8)).calls
    assert [(c.call_status, c.is_directly_reported) for c in calls] == [("planned", True), ("held", False)]
    assert {p.official_id for p in calls[1].participants} == {"donald_trump", "xi_jinping"}


def test_a_pronoun_that_calls_the_protagonist_is_the_other_leader(reference: Reference) -> None:
    text = (
        "SYDNEY, July 7 (AAP) - Australian Prime Minister Anthony Albanese welcomed New Zealand Prime Minister "
        "Chris Hipkins to Sydney on Friday for the annual leaders' meeting. Albanese said trade was on the agenda.\n"
        "Hipkins said the meeting had been warm. He said he had called Albanese in April to raise deportations."
    )
    assert held_pairs(extract(reference, text, dt.date(2023, 7, 7))) == [
        frozenset({"chris_hipkins", "anthony_albanese"})
    ]


def test_a_round_of_congratulatory_calls_listed_with_semicolons(reference: Reference) -> None:
    text = (
        "ASUNCIÓN, 2 may 2023 (EFE).- El presidente electo de Paraguay, Santiago Peña, recibió el lunes llamadas de "
        "felicitación de sus homólogos de Brasil, Luiz Inácio Lula da Silva; de Argentina, Alberto Fernández, y de "
        "Chile, Gabriel Boric, un día después de su victoria en las elecciones."
    )
    pairs = held_pairs(extract(reference, text, dt.date(2023, 5, 2)))
    assert sorted(sorted(p) for p in pairs) == [
        ["alberto_fernandez", "santiago_pena"],
        ["gabriel_boric", "santiago_pena"],
        ["luiz_inacio_lula_da_silva", "santiago_pena"],
    ]


def test_a_video_conference_of_many_leaders_is_no_call(reference: Reference) -> None:
    text = (
        "MADRID, 15 mar 2025 (EFE).- El presidente del Gobierno, Pedro Sánchez, participó este sábado en la "
        "videoconferencia convocada por el primer ministro británico, Keir Starmer, con una treintena de líderes.\n"
        "En la reunión virtual participaron el presidente francés, Emmanuel Macron; la primera ministra italiana, "
        "Giorgia Meloni, y el primer ministro polaco, Donald Tusk."
    )
    assert held_pairs(extract(reference, text, dt.date(2025, 3, 15))) == []


def test_a_call_ruled_out_is_refused(reference: Reference) -> None:
    text = (
        "CIUDAD DE MÉXICO, 8 de abril de 2024.- El presidente Andrés Manuel López Obrador descartó este lunes hablar "
        "por teléfono con su homólogo de Ecuador, Daniel Noboa, tras el asalto a la embajada mexicana en Quito."
    )
    calls = extract(reference, text, dt.date(2024, 4, 8)).calls
    assert [c.call_status for c in calls] == ["refused"]


def test_a_call_held_and_a_call_announced_with_another_leader(reference: Reference) -> None:
    text = (
        "SANTIAGO, 27 abr (EFE).- El presidente de Chile, Gabriel Boric, hablará esta tarde por teléfono con su "
        "homóloga peruana, Dina Boluarte, por la crisis migratoria en la frontera.\n"
        "Boric conversó además esta mañana con el presidente de Bolivia, Luis Arce, con quien abordó la migración."
    )
    calls = extract(reference, text, dt.date(2023, 4, 27)).calls
    found = {(c.call_status, frozenset(p.official_id for p in c.participants)) for c in calls}
    assert found == {
        ("held", frozenset({"gabriel_boric", "luis_arce"})),
        ("planned", frozenset({"gabriel_boric", "dina_boluarte"})),
    }


def test_a_scheduled_call_called_off_is_cancelled_and_the_two_leaders_are_its_pair(reference: Reference) -> None:
    text = (
        "Luxon and Albanese drop planned phone call, meet in Tonga instead\n"
        "NUKU'ALOFA, Aug 27 (AAP) - A phone call between New Zealand Prime Minister Christopher Luxon and "
        "Australian Prime Minister Anthony Albanese that had been scheduled for Monday was called off after both "
        'leaders arrived early in Tonga.\n"We had a good chat over breakfast. It\'s a lot easier than a phone call," '
        "Luxon told reporters on Tuesday.\n"
        "The two leaders last spoke by phone in July, according to his office.\n"
        "Albanese on Sunday held a phone call with Fijian Prime Minister Sitiveni Rabuka ahead of the forum."
    )
    calls = extract(reference, text, dt.date(2024, 8, 27)).calls
    found = sorted(
        (c.call_status, c.is_directly_reported, tuple(sorted(p.official_id for p in c.participants))) for c in calls
    )
    assert found == [
        ("cancelled", True, ("anthony_albanese", "christopher_luxon")),
        ("held", False, ("anthony_albanese", "christopher_luxon")),  # "the two leaders": the article's first pair
        ("held", True, ("anthony_albanese", "sitiveni_rabuka")),
    ]
    rabuka = next(c for c in calls if c.call_status == "held" and c.is_directly_reported)
    assert rabuka.date.date == dt.date(2024, 8, 25)  # its own Sunday, not the quote's Tuesday


@pytest.mark.parametrize(
    "sentence",
    [
        "Carney took part in a video conference convened by British Prime Minister Keir Starmer on Saturday.",
        "La presidenta Claudia Sheinbaum sostuvo que el presidente Pedro Sánchez nunca respondió la carta.",
        "El presidente Daniel Noboa ofreció un diálogo al presidente Andrés Manuel López Obrador, que respondió: "
        '"No hay nada de qué hablar".',
    ],
)
def test_no_call_in_a_conference_a_statement_or_a_dialogue_offer(reference: Reference, sentence: str) -> None:
    text = "Leaders at odds\n" + sentence + "\nLula spoke by phone with Portuguese Prime Minister Luís Montenegro."
    calls = extract(reference, text, dt.date(2025, 3, 16)).calls
    assert [sorted(p.official_id for p in c.participants) for c in calls] == [
        ["luis_montenegro", "luiz_inacio_lula_da_silva"]
    ]


def test_the_same_pair_on_another_day_is_another_call(reference: Reference) -> None:
    text = (
        "PM Modi calls Sheikh Hasina, congratulates her on fourth straight term\n"
        "NEW DELHI, Jan 8 (PTI) Prime Minister Narendra Modi on Monday called his Bangladeshi counterpart Sheikh "
        "Hasina to congratulate her on her victory.\n"
        "Modi was among the first foreign leaders to reach out to Hasina. She had herself phoned Modi in May 2014 "
        "to congratulate him on his first election victory."
    )
    calls = extract(reference, text, dt.date(2024, 1, 8)).calls
    modi_hasina = [c for c in calls if {p.official_id for p in c.participants} == {"narendra_modi", "sheikh_hasina"}]
    assert sorted((c.date.year, c.date.month) for c in modi_hasina) == [(2014, 5), (2024, 1)]


@pytest.mark.parametrize(
    ("text", "initiator"),
    [
        (
            "El presidente de Estados Unidos, Joe Biden, felicitó por teléfono a su homólogo sudafricano, Cyril "
            "Ramaphosa, en una conversación que se produjo a petición de la Casa Blanca.",
            "joe_biden",
        ),
        (
            "Chinese President Xi Jinping held a video call with U.S. President Joe Biden on Friday evening at the "
            "latter's request.",
            "joe_biden",
        ),
        (
            "President Joe Biden spoke by video call with Chinese leader Xi Jinping on Friday. The call was held at "
            "the U.S. side's request, Chinese state media said.",
            "joe_biden",
        ),
        (
            "Emmanuel Macron habló por teléfono con Vladimir Putin este jueves. La "
            "llamada se produjo a iniciativa del jefe del Kremlin, precisó el Elíseo.",
            "vladimir_putin",
        ),
    ],
)
def test_the_side_that_asked_for_the_call_placed_it(reference: Reference, text: str, initiator: str) -> None:
    calls = extract(reference, "Leaders speak\n" + text, dt.date(2022, 3, 18)).calls
    assert [c.initiator_id for c in calls] == [initiator]


def test_calls_that_did_not_happen_with_two_leaders_are_both_kept(reference: Reference) -> None:
    text = (
        "WASHINGTON (AP) — President Donald Trump said Tuesday he will speak by phone with Chinese President Xi "
        "Jinping next week.\nThe White House has also requested a phone call with Russian President Vladimir "
        "Putin, a spokesperson said."
    )
    calls = extract(reference, text, dt.date(2025, 4, 8)).calls
    found = {(c.call_status, frozenset(p.official_id for p in c.participants)) for c in calls}
    assert found == {
        ("planned", frozenset({"donald_trump", "xi_jinping"})),
        ("requested", frozenset({"donald_trump", "vladimir_putin"})),
    }


def test_a_surname_that_is_a_country_names_the_leader_once_named_in_full(reference: Reference) -> None:
    text = (
        "ATENAS, 18 sep (EUROPA PRESS) - El primer ministro griego, Kyriakos Mitsotakis, telefoneó ayer a su "
        "homólogo portugués, Luís Montenegro, para ofrecerle ayuda contra los incendios.\n"
        "Montenegro habló además el lunes por teléfono con el presidente del Gobierno español, Pedro Sánchez.\n"
        "Grecia envió aviones también a Montenegro el año pasado."
    )
    pairs = held_pairs(extract(reference, text, dt.date(2024, 9, 18)))
    assert sorted(sorted(p) for p in pairs) == [
        ["kyriakos_mitsotakis", "luis_montenegro"],
        ["luis_montenegro", "pedro_sanchez"],
    ]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "OSLO (Reuters) - Norwegian Prime Minister Jonas Gahr Støre spoke over the telephone with Finnish "
            "President Alexander Stubb on Tuesday about Arctic security.",
            {"jonas_gahr_store", "alexander_stubb"},
        ),
        (
            "SANTIAGO, 11 mar (EFE).- El presidente chileno, Gabriel Boric, mantuvo un llamado telefónico con su par "
            "argentino, Javier Milei, el martes.",
            {"gabriel_boric", "javier_milei"},
        ),
        (
            "Prime Minister Narendra Modi held talks via video link with Japanese Prime Minister Shigeru Ishiba on "
            "Tuesday.",
            {"narendra_modi", "shigeru_ishiba"},
        ),
        (
            "President Luiz Inácio Lula da Silva dialled Colombian President Gustavo Petro on Tuesday to discuss "
            "Venezuela.",
            {"luiz_inacio_lula_da_silva", "gustavo_petro"},
        ),
        (
            "PARIS - President Emmanuel Macron called up German Chancellor Friedrich Merz on Tuesday evening to "
            "discuss tariffs.",
            {"emmanuel_macron", "friedrich_merz"},
        ),
        (  # a surname alone after the full name
            "MADRID - El presidente del Gobierno, Pedro Sánchez, viajó a Rabat. Sánchez telefoneó a Macron el martes.",
            {"pedro_sanchez", "emmanuel_macron"},
        ),
        (  # an honorific alone after the name it was given with
            "Riyadh, SPA -- His Royal Highness Prince Mohammed bin Salman, Crown Prince and Prime Minister, received "
            "messages today.\nHis Royal Highness received a phone call from Mohammed Shia Al-Sudani, Prime Minister "
            "of the Republic of Iraq.",
            {"mohammed_bin_salman", "mohammed_shia_al_sudani"},
        ),
        (  # the acting president, and a name inside a relative clause is no subject
            "BRASILIA - El vicepresidente de Brasil, Geraldo Alckmin, que ejerce interinamente la Presidencia mientras "
            "Luiz Inácio Lula da Silva viaja a Japón, mantuvo ayer una conversación telefónica con el presidente de "
            "Paraguay, Santiago Peña.",
            {"geraldo_alckmin", "santiago_pena"},
        ),
        (  # an unknown counterpart holds the office of the leader whose counterpart he is
            "SÍDNEY, 19 may (EFE).- El primer ministro australiano, Anthony Albanese, conversó por teléfono con su "
            "homólogo de Vanuatu, Jotham Napat.",
            {"anthony_albanese", "jotham_napat"},
        ),
    ],
)
def test_a_call_in_the_words_outlets_use(reference: Reference, text: str, pair: set[str]) -> None:
    assert held_pairs(extract(reference, text, dt.date(2025, 3, 12))) == [frozenset(pair)]


def test_a_link_fronted_inside_the_sentence_links_its_own_leader(reference: Reference) -> None:
    text = (
        "ASUNCIÓN, 2 may (EFE).- El presidente electo de Paraguay, Santiago Peña, recibió llamadas de Alberto "
        "Fernández y de Gabriel Boric. Peña habló con la prensa. Peña viajará a Brasilia. Con Fernández, el "
        "economista abordó la hidrovía, mientras que con Boric conversó sobre el corredor bioceánico."
    )
    pairs = held_pairs(extract(reference, text, dt.date(2023, 5, 2)))
    assert frozenset({"alberto_fernandez", "gabriel_boric"}) not in pairs
    assert frozenset({"santiago_pena", "gabriel_boric"}) in pairs


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON - President Joe Biden spoke by phone with Apple CEO Tim Cook on Tuesday about chips. Chinese "
        "President Xi Jinping was not mentioned.",
        "MONTEVIDEO - El presidente Yamandú Orsi respondió llamadas de oyentes en la radio. La primera llamada fue "
        "de una docente jubilada. Orsi habló luego del presidente argentino, Javier Milei.",
        "GEORGETOWN, Dec. 7 - United Nations Secretary-General António Guterres spoke by telephone on Wednesday "
        "with Guyanese President Irfaan Ali. Venezuelan President Nicolás Maduro has claimed the region.",
        "WASHINGTON - In a call with reporters on Tuesday, President Joe Biden said Chinese President Xi Jinping "
        "had to respect the rules.",
        "Japan, Philippines foreign ministers hold phone talks, eye Ishiba visit to Manila\nTOKYO - The foreign "
        "ministers spoke for 30 minutes.",
        "LONDON - Prime Minister Keir Starmer hosted a call with European leaders on Tuesday to discuss Ukraine. "
        "French President Emmanuel Macron and German Chancellor Friedrich Merz joined.",
        "BANGKOK - The court removed Paetongtarn Shinawatra from office over a leaked phone call with Cambodian "
        "Senate President Hun Sen.",
        "MONTEVIDEO - Un oyente quiso saber si había hablado por teléfono con el presidente argentino, Javier "
        "Milei. Orsi dijo que no.",
    ],
)
def test_a_call_with_someone_who_is_no_leader_is_no_leaders_call(reference: Reference, text: str) -> None:
    assert held_pairs(extract(reference, text, dt.date(2025, 9, 19))) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Thai PM Anutin to hold first call with Cambodia's Hun Manet on Monday",
            "planned",
        ),
        (
            "PANAMÁ - El presidente de Panamá, José Raúl Mulino, negó este jueves haber mantenido una conversación "
            "telefónica con su homólogo estadounidense, Donald Trump.",
            "denied",
        ),
        (
            "ASUNCIÓN - Peña y Lula no hablan por teléfono desde diciembre, cuando coincidieron en la cumbre.",
            None,
        ),
        ("MOSCOW - The Kremlin said there were no plans for a phone conversation between Putin and Macron.", None),
        (
            "MADRID - Se cancela la llamada entre Pedro Sánchez y Emmanuel Macron prevista para este martes.",
            "cancelled",
        ),
        (  # a claim the article denies
            "NEW DELHI - The High Commission has noted reports claiming that President Anura Kumara Dissanayake held a "
            "telephone conversation with Prime Minister Shehbaz Sharif on Thursday.\nThe High Commission states that "
            "no such telephone conversation took place.",
            "denied",
        ),
        ("LIMA - La presidenta Dina Boluarte pospone la llamada con Lula da Silva por la crisis.", "cancelled"),
        ('PARIS - Macron\'s office said a call with Putin was "not on the agenda".', None),
        ("KYIV - Zelensky said he was ready to talk to Putin by phone, but only after a ceasefire.", "planned"),
        ("ANKARA - Erdogan offered to speak with Putin by phone to revive the talks.", "planned"),
        ('BRASILIA - Lula dijo que no llamará a Trump porque "él no quiere hablar".', "refused"),
        (  # what a call was for is no plan
            "BRASILIA - President Luiz Inácio Lula da Silva called Colombian President Gustavo Petro on Tuesday to "
            "talk with him about Venezuela.",
            "held",
        ),
        ("MÉXICO - La presidenta Claudia Sheinbaum habló de nuevo con Donald Trump el martes por teléfono.", "held"),
        (  # a request made during the call
            "BRASILIA, 6 oct (EFE).- Lula pidió este lunes a su homólogo estadounidense, Donald Trump, en una "
            "videollamada de 30 minutos, que retire el arancel.",
            "held",
        ),
    ],
)
def test_a_call_that_did_not_happen(reference: Reference, text: str, status: str | None) -> None:
    calls = extract(reference, text, dt.date(2025, 9, 19)).calls
    assert [c.call_status for c in calls] == ([status] if status else [])


def test_an_elections_date_is_no_date_of_the_call(reference: Reference) -> None:
    text = (
        "Dakar, 2 July (APS) - President Bassirou Diomaye Faye held a telephone conversation today with the "
        "President of the Islamic Republic of Mauritania, Mohamed Ould Cheikh El Ghazouani, to congratulate him on "
        "his re-election in the presidential election of 29 June."
    )
    (call,) = extract(reference, text, dt.date(2024, 7, 2)).calls
    assert call.date.date == dt.date(2024, 7, 2)
    assert {p.country_code for p in call.participants} == {"SN", "MR"}


@pytest.mark.parametrize(
    "text",
    [
        # "la llamada" before a name is "the so-called"
        "ANKARA, 12 dic (EFE).- En la llamada Declaración de Ankara, el primer ministro etíope, Abiy Ahmed, y el "
        "presidente somalí, Hassan Sheikh Mohamud, se comprometieron a negociar, con el presidente turco, Recep "
        "Tayyip Erdogan, como mediador.",
        # a call many leaders joined
        "GEORGETOWN - Leaders from 13 of the 15 member states joined the call. Jamaica's Prime Minister Andrew "
        "Holness and Guyana's President Irfaan Ali spoke early in the session, officials said.",
        # the foreign ministers' call, and the leaders who have not spoken by phone
        "Chile y Argentina zanjan por teléfono el incidente del panel solar\nSANTIAGO (EFE).- El canciller chileno, "
        "Alberto van Klaveren, y su homóloga argentina, Diana Mondino, conversaron este miércoles por teléfono. "
        "Boric y el presidente argentino, Javier Milei, no han mantenido ninguna reunión ni han conversado por "
        "teléfono desde diciembre.",
    ],
)
def test_no_leaders_call_in_a_so_called_a_joined_call_or_a_ministers_call(reference: Reference, text: str) -> None:
    assert held_pairs(extract(reference, text, dt.date(2024, 12, 12))) == []


def test_a_title_subject_is_the_datelines_leader_and_a_denial_stays_with_its_pair(reference: Reference) -> None:
    kuna = (
        "KUWAIT, June 5 (KUNA) -- His Highness the Amir Sheikh Meshal Al-Ahmad Al-Jaber Al-Sabah received today a "
        "phone call from His Majesty King Abdullah II of Jordan. His Highness the Amir later made a phone call to "
        "Egyptian President Abdel Fattah Al-Sisi, and Qatar's Amir Sheikh Tamim bin Hamad Al-Thani sent a cable."
    )
    pairs = held_pairs(extract(reference, kuna, dt.date(2025, 6, 5)))
    assert frozenset({"mishal_al_ahmad_al_jaber_al_sabah", "abdel_fattah_el_sisi"}) in pairs
    round_of_calls = (
        "KUWAIT, June 5 (KUNA) -- His Highness the Amir Sheikh Meshal Al-Ahmad Al-Jaber Al-Sabah received today "
        "greetings. His Highness the Amir also received a phone call from the President of the United Arab Emirates, "
        "His Highness Sheikh Mohamed bin Zayed Al Nahyan, and another from His Highness Sheikh Tamim bin Hamad "
        "Al-Thani, Amir of the State of Qatar."
    )  # "received a phone call from" holds its link: the callers are the Amir's, not each other's
    assert frozenset({"mohamed_bin_zayed_al_nahyan", "tamim_bin_hamad_al_thani"}) not in held_pairs(
        extract(reference, round_of_calls, dt.date(2025, 6, 5))
    )
    efe = (
        "Bakú, 16 sep (EFE).- La Presidencia de Azerbaiyán desmintió este martes que el presidente Ilham Aliyev y el "
        "primer ministro de Armenia, Nikol Pashinián, mantuvieran una conversación telefónica el lunes.\nEl "
        "presidente ruso, Vladímir Putin, llamó a Aliyev en diciembre para pedirle disculpas."
    )
    calls = extract(reference, efe, dt.date(2025, 9, 16)).calls
    status = {frozenset(p.official_id for p in c.participants): c.call_status for c in calls}
    assert status[frozenset({"ilham_aliyev", "nikol_pashinyan"})] == "denied"
    assert status[frozenset({"vladimir_putin", "ilham_aliyev"})] == "held"


def test_called_her_is_the_call_of_the_protagonist_named_just_before(reference: Reference) -> None:
    text = (
        "Less than a month after her inauguration, President Netumbo Nandi-Ndaitwah held two calls with "
        "neighbouring heads of state this week. Botswana's President Duma Boko called her on Monday; the two "
        "discussed the Trans-Kalahari railway. On Tuesday she spoke with Zambia's President Hakainde Hichilema "
        "about electricity imports."
    )
    facts = extract(reference, text, dt.date(2025, 4, 16))
    pairs = held_pairs(facts)
    assert frozenset({"netumbo_nandi_ndaitwah", "duma_boko"}) in pairs
    assert frozenset({"netumbo_nandi_ndaitwah", "hakainde_hichilema"}) in pairs
    boko = next(c for c in facts.calls if "duma_boko" in {p.official_id for p in c.participants})
    assert boko.initiator_id == "duma_boko"


def test_who_called_him_restates_the_call_and_names_no_pronouns_leader(reference: Reference) -> None:
    text = (
        "BRASILIA - El vicepresidente de Brasil, Geraldo Alckmin, que ejerce interinamente la Presidencia mientras "
        "Luiz Inácio Lula da Silva viaja a Japón, mantuvo ayer una conversación telefónica con el presidente de "
        "Paraguay, Santiago Peña, quien lo llamó para tratar el tratado de Itaipú."
    )
    pairs = held_pairs(extract(reference, text, dt.date(2025, 3, 26)))
    assert frozenset({"luiz_inacio_lula_da_silva", "santiago_pena"}) not in pairs


def test_a_round_whose_second_counterpart_has_a_long_title(reference: Reference) -> None:
    text = (
        "La Presidenta Constitucional de la República, Xiomara Castro, sostuvo este martes conversaciones "
        "telefónicas con el Primer Ministro de Belice, Honorable John Briceño, y con el Primer Ministro de San "
        "Vicente y las Granadinas, Honorable Ralph Gonsalves."
    )
    pairs = held_pairs(extract(reference, text, dt.date(2024, 2, 27)))
    assert frozenset({"xiomara_castro", "johnny_briceno"}) in pairs
    assert frozenset({"xiomara_castro", "ralph_gonsalves"}) in pairs


def test_a_call_promised_in_a_relative_clause_of_a_call_held(reference: Reference) -> None:
    text = (
        "WASHINGTON - Trump, who spoke by phone with Putin for more than two hours on Monday, said he would also "
        'call Zelensky "in the coming days."'
    )
    facts = extract(reference, text, dt.date(2025, 3, 11))
    assert frozenset({"donald_trump", "vladimir_putin"}) in held_pairs(facts)
    planned = [c for c in facts.calls if c.call_status == "planned"]
    assert [frozenset(p.official_id for p in c.participants) for c in planned] == [
        frozenset({"donald_trump", "volodymyr_zelensky"})
    ]


def test_a_transcript_in_the_first_person_is_the_protagonists_call(reference: Reference) -> None:
    text = (
        "PRIME MINISTER OF AUSTRALIA\nTRANSCRIPT\n\nPRIME MINISTER: Yes, I was able to speak to Prime Minister "
        "Sovaleni this morning, on a satellite phone. I'll be speaking to Prime Minister Ardern later today. The "
        "Governor-General, David Hurley, also spoke yesterday with His Majesty King Tupou VI."
    )
    facts = extract(reference, text, dt.date(2022, 1, 20))
    assert held_pairs(facts) == [frozenset({"scott_morrison", "siaosi_sovaleni"})]
    planned = [frozenset(p.official_id for p in c.participants) for c in facts.calls if c.call_status == "planned"]
    assert planned == [frozenset({"scott_morrison", "jacinda_ardern"})]
    roles = {o.full_name: o.role for o in facts.officials}
    assert roles["David Hurley"] == "governor_general"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Yesterday, Prime Minister Shri Narendra Modi spoke on the phone with Prime Minister of Mauritius, Dr. "
            "Navinchandra Ramgoolam.",
            {"narendra_modi", "navin_ramgoolam"},
        ),
        (
            "El presidente de Colombia, Dr. Gustavo Petro, habló por teléfono este martes con el primer ministro de "
            "España, Sr. Pedro Sánchez.",
            {"gustavo_petro", "pedro_sanchez"},
        ),
        (
            "H.E. President William Ruto held a telephone conversation on Tuesday with President of Tanzania H.E. "
            "Samia Suluhu Hassan.",
            {"william_ruto", "samia_suluhu_hassan"},
        ),
    ],
)
def test_a_personal_honorific_between_title_and_name_is_no_part_of_the_name(
    reference: Reference, text: str, pair: set[str]
) -> None:
    facts = extract(reference, text, dt.date(2025, 6, 5))
    assert held_pairs(facts) == [frozenset(pair)]
    assert not [o for o in facts.officials if not o.is_reference]  # no unknown "Shri Narendra Modi"


def test_a_held_pair_s_next_call_is_planned_apart(reference: Reference) -> None:
    text = (
        "Chilean President Gabriel Boric spoke by phone on Monday with Argentine President Javier Milei about the "
        "border. Boric said he will speak with Milei again next month to review progress."
    )
    calls = extract(reference, text, dt.date(2024, 3, 13)).calls
    statuses = sorted(c.call_status for c in calls)
    assert statuses == ["held", "planned"]
    assert {frozenset(p.official_id for p in c.participants) for c in calls} == {
        frozenset({"gabriel_boric", "javier_milei"})
    }


def test_a_planned_word_in_the_held_call_s_own_sentence_adds_no_call(reference: Reference) -> None:
    text = "Chilean President Gabriel Boric spoke by phone on Monday with Argentine President Javier Milei, as planned."
    assert [c.call_status for c in extract(reference, text, dt.date(2024, 3, 13)).calls] == ["held"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            'President Donald Trump said on Tuesday he had a "great call" with President Xi Jinping. Beijing said '
            "no such call took place.",
            "denied",
        ),
        (
            "President Donald Trump said he had spoken by phone with Chinese President Xi Jinping on Monday. China's "
            "foreign ministry denied that the two leaders had spoken.",
            "denied",
        ),
        (  # a denial with no call phrase of its own
            "El presidente Donald Trump aseguró que habló por teléfono con el presidente de Panamá, José Raúl "
            'Mulino. Mulino lo desmintió: "No he hablado con él".',
            "denied",
        ),
        # a denial of something else, or of another pair's call, leaves the reported call held
        (
            "President Joe Biden said he spoke by phone with President Xi Jinping on Monday about fentanyl. The White "
            "House denied that Biden had discussed Taiwan.",
            "held",
        ),
        (
            "President Lula said he spoke by phone with President Joe Biden on Monday. The Planalto denied reports "
            "that a call with President Javier Milei had taken place.",
            "held",
        ),
    ],
)
def test_a_call_one_side_reports_and_the_other_denies_is_denied(reference: Reference, text: str, status: str) -> None:
    calls = extract(reference, text, dt.date(2025, 3, 12)).calls
    first = calls[0]
    assert {p.official_id for p in first.participants} & {"donald_trump", "joe_biden", "luiz_inacio_lula_da_silva"}
    assert first.call_status == status


@pytest.mark.parametrize(
    "text",
    [
        'President Donald Trump repeatedly called Prime Minister Justin Trudeau "Governor Trudeau" on social media.',
        'Prime Minister Narendra Modi called President Vladimir Putin "a dear friend" at a rally on Tuesday.',
        "El presidente Gustavo Petro llamó al presidente Nayib Bukele «dictador» este martes.",
        "President Javier Milei called President Gustavo Petro a “murderous terrorist” in an interview on Tuesday.",
    ],
)
def test_a_leader_called_something_in_quotes_is_no_call(reference: Reference, text: str) -> None:
    assert extract(reference, text, dt.date(2024, 3, 13)).calls == []


@pytest.mark.parametrize(
    ("text", "calls"),
    [
        ("El presidente Nicolás Maduro conversó por teléfono con el expresidente brasileño Jair Bolsonaro.", 0),
        ("Former President Barack Obama spoke by phone with President Joe Biden on Tuesday.", 0),
        ("In 2019, President Jair Bolsonaro spoke by phone with President Donald Trump about trade.", 1),
    ],
)
def test_a_leader_the_text_marks_former_is_on_no_leaders_call(reference: Reference, text: str, calls: int) -> None:
    assert len(extract(reference, text, dt.date(2025, 3, 12)).calls) == calls


@pytest.mark.parametrize(
    ("text", "counterparts"),
    [
        (
            "El presidente Gustavo Petro llamó este martes a sus homólogos de Brasil, Chile y México para coordinar "
            "una respuesta.",
            {"luiz_inacio_lula_da_silva", "gabriel_boric", "claudia_sheinbaum"},
        ),
        (  # Uganda has a president and a prime minister: the counterparts hold the caller's office
            "Kenyan President William Ruto said on Tuesday he had called his counterparts from Uganda, Tanzania and "
            "Rwanda to discuss the crisis.",
            {"yoweri_museveni", "samia_suluhu_hassan", "paul_kagame"},
        ),
    ],
)
def test_counterparts_of_several_countries_are_a_round_with_one_caller(
    reference: Reference, text: str, counterparts: set[str]
) -> None:
    calls = extract(reference, text, dt.date(2025, 3, 12)).calls
    caller = {"gustavo_petro", "william_ruto"}
    assert {p.official_id for c in calls for p in c.participants} - caller == counterparts
    assert len(calls) == 3
    assert {c.initiator_id for c in calls} <= caller


@pytest.mark.parametrize(
    ("text", "held"),
    [
        (
            "President William Ruto held a video call this afternoon with Kenyan police officers serving in Haiti. "
            "The call lasted about twenty-five minutes. Haiti's Prime Minister, Alix Didier Fils-Aimé, thanked the "
            "contingent in a statement.",
            0,
        ),
        ("El presidente Gustavo Petro mantuvo una videollamada con las tropas desplegadas en el Catatumbo.", 0),
        ("President Volodymyr Zelensky held a video call with President Emmanuel Macron and Ukrainian troops.", 1),
    ],
)
def test_a_call_with_troops_or_citizens_is_no_leaders_call(reference: Reference, text: str, held: int) -> None:
    assert len(held_pairs(extract(reference, text, dt.date(2025, 3, 12)))) == held


def test_after_and_the_subject_of_the_call_before_calls_again(reference: Reference) -> None:
    text = (
        "Putin\nSegún el Kremlin, el presidente ruso, Vladimir Putin, habló el viernes con el presidente chino, Xi "
        "Jinping, a quien informó de sus contactos con Washington, y el jueves había llamado al presidente "
        "sudafricano, Cyril Ramaphosa."
    )
    rows = written.call_rows(extract(reference, text, dt.date(2025, 8, 9)))
    assert ("held", "cyril_ramaphosa", "vladimir_putin") in rows
    assert ("held", "cyril_ramaphosa", "xi_jinping") not in rows


def test_a_call_phrase_fronted_by_during_has_its_subject_after_the_comma(reference: Reference) -> None:
    text = (
        "Modi and Macron\nDuring a phone call with French President Emmanuel Macron on Monday, Indian Prime Minister "
        "Narendra Modi raised the issue of cross-border terrorism."
    )
    rows = written.call_rows(extract(reference, text, dt.date(2025, 5, 13)))
    assert rows == {("held", "emmanuel_macron", "narendra_modi")}
