"""Topics left out of a call, told the ways readouts and wires tell them: "Neither leader mentioned", "did not raise
the case of the detained activists", "dejaron fuera de la conversación" (what
follows is left out, what comes before was discussed), "dejan Gaza fuera de la conversación".

The texts are written here in the styles of wire copy, government readouts and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference


def topics(reference: Reference, text: str) -> set[tuple[str, str]]:
    return {(t.topic_code, t.status) for t in written.extract(reference, text, dt.date(2025, 3, 12)).topics}


@pytest.mark.parametrize(
    ("text", "discussed", "left_out"),
    [
        (
            "Albanese, Prabowo\nIndonesian President Prabowo Subianto and Australian Prime Minister Anthony Albanese "
            "spoke by phone on Wednesday about food security. Neither leader mentioned the South China Sea, officials "
            "said.",
            "food_security",
            "sovereignty",
        ),
        (
            "Readout\nPrime Minister Keir Starmer spoke by phone to President William Ruto of Kenya this afternoon "
            "about the humanitarian crisis in Sudan. The Prime Minister did not raise the case of the detained "
            "activists, a Downing Street source said.",
            "humanitarian_aid",
            "human_rights",
        ),
        (
            "Boric y Lula\nEl presidente de Chile, Gabriel Boric, conversó este miércoles por teléfono con Lula da "
            "Silva. Ambos mandatarios repasaron la integración energética regional y el corredor bioceánico, y dejaron "
            "fuera de la conversación la situación en Venezuela.",
            "infrastructure",
            "venezuela",
        ),
        (
            "Biden felicita a Ramaphosa\nJoe Biden habló por teléfono con Cyril Ramaphosa sobre el comercio. Ambos "
            "dejan Gaza fuera de la conversación.",
            "trade",
            "middle_east",
        ),
        (
            "Boluarte y Petro\nLa presidenta Dina Boluarte habló ayer por teléfono con el presidente de Colombia, "
            "Gustavo Petro, sobre el narcotráfico. Tampoco se abordó, según la misma fuente, la situación migratoria.",
            "drug_trafficking",
            "migration",
        ),
        (
            "Live\nPrime Minister Milojko Spajić held a phone call with Croatian Prime Minister Andrej Plenković on "
            "Thursday about the railway to Bar. Asked by Pobjeda whether the maritime boundary at Prevlaka came "
            'up, an adviser to the prime minister said it "was not discussed today".',
            "infrastructure",
            "sovereignty",
        ),
        (
            "Ruto, Kiir\nPresident William Ruto spoke by phone with President Salva Kiir on Tuesday about the "
            "Tumaini peace initiative and regional security. The conversation avoided the subject of the detained "
            "human rights activists, a spokesperson said.",
            "security",
            "human_rights",
        ),
        (
            "Sánchez y Barrow\nEl presidente Pedro Sánchez conversó el martes por teléfono con el presidente de "
            "Gambia, Adama Barrow, sobre la migración irregular. El protocolo pesquero no se abordó, precisaron las "
            "mismas fuentes.",
            "migration",
            "trade",
        ),
        (  # an abbreviation's period inside what the negation covers
            "Carney, Sheinbaum\nOTTAWA, March 12 (Wire) - Prime Minister Mark Carney spoke by phone on Tuesday with "
            "Mexican President Claudia Sheinbaum about migration. The two leaders did not discuss the U.S. tariffs, "
            "an aide said.",
            "migration",
            "tariffs",
        ),
        (  # the negations' grammar: an auxiliary before the participle
            "Petro y Noboa\nBOGOTÁ (Agencia) - El presidente Gustavo Petro habló el jueves por teléfono con el "
            "presidente de Ecuador, Daniel Noboa, sobre la seguridad en la frontera común. Según la Cancillería, en la "
            "conversación no se ha hablado de los aranceles recíprocos.",
            "security",
            "tariffs",
        ),
        (
            "Luxon, Albanese\nWELLINGTON - Prime Minister Christopher Luxon spoke by phone with Prime Minister "
            "Anthony Albanese on Friday about defence cooperation. Climate change was never brought up, a "
            "spokesperson said.",
            "defense",
            "climate",
        ),
        (
            "Lula y Boric\nEl presidente Lula da Silva conversó el lunes por teléfono con Gabriel Boric sobre la "
            "integración energética. La cuestión migratoria no ha sido abordada, indicaron fuentes de Planalto.",
            "energy",
            "migration",
        ),
    ],
)
def test_a_topic_left_out_and_one_discussed(reference: Reference, text: str, discussed: str, left_out: str) -> None:
    found = topics(reference, text)
    assert (discussed, "discussed") in found
    assert (discussed, "not_discussed") not in found
    assert (left_out, "not_discussed") in found
    assert (left_out, "discussed") not in found


def test_a_verb_or_a_saying_that_holds_a_keyword_names_no_topic(reference: Reference) -> None:
    text = (
        "Bio calls Faye\nFREETOWN - President Julius Maada Bio held a telephone conversation on Thursday with "
        "Senegalese President Bassirou Diomaye Faye, whose country borders Guinea-Bissau, about the coup. Bio said "
        'organised crime "knows no borders" and asked for patrols in international waters.'
    )
    found = topics(reference, text)
    assert ("organized_crime", "discussed") in found
    assert not {code for code, _ in found} & {"border", "water"}


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        (  # Spanish verb-subject order: the topics after "no se tocaron"
            "Claudia Sheinbaum habló el lunes por teléfono con Donald Trump sobre aranceles. Sheinbaum aclaró que "
            "no se tocaron los temas de migración ni de seguridad.",
            {"migration", "security"},
        ),
        (  # an answer's "No," before the pronoun that stands for the topic asked about
            "Yamandú Orsi habló el domingo por teléfono con Lula da Silva sobre el Mercosur. Consultado sobre los "
            'aranceles, Orsi dijo: "No, ese tema no estuvo en la conversación".',
            {"tariffs"},
        ),
        (  # the head of the subject is what a plan is for
            "President William Ruto spoke by phone with President Yoweri Museveni on Monday about trade. Plans for a "
            "Kenya-Uganda oil products pipeline did not come up, he said.",
            {"energy"},
        ),
        (  # a speech verb inside a relative clause opens no subject; a possessor country owns the topic
            "Prime Minister Mark Carney spoke by phone with Premier Li Qiang on Monday about canola. Canada's surtax "
            "on Chinese-made electric vehicles, which Beijing says triggered its retaliation, was not discussed.",
            {"automotive"},
        ),
    ],
)
def test_negations_outlets_word_otherwise(reference: Reference, text: str, left_out: set[str]) -> None:
    found = topics(reference, text)
    assert left_out <= {code for code, status in found if status == "not_discussed"}
    assert not left_out & {code for code, status in found if status == "discussed"}


def test_a_clause_of_what_was_discussed_ends_the_negation(reference: Reference) -> None:
    text = (
        "Sheinbaum y Petro\nLa presidenta Claudia Sheinbaum habló el lunes por teléfono con el presidente de "
        'Colombia, Gustavo Petro. "No tocamos el tema de los aranceles, hablamos de la migración y de la '
        'seguridad", dijo la mandataria en su conferencia matutina.'
    )
    found = topics(reference, text)
    assert ("tariffs", "not_discussed") in found
    assert {("migration", "discussed"), ("security", "discussed")} <= found
    assert not {("migration", "not_discussed"), ("security", "not_discussed")} & found


def test_a_negative_quantifier_and_a_speech_verb_aside_negate_too(reference: Reference) -> None:
    text = (
        "Anwar y Hun Manet\nEl primer ministro de Malasia, Anwar Ibrahim, habló anoche por teléfono con el primer "
        "ministro de Camboya, Hun Manet, sobre la seguridad en la frontera. En ninguna de las dos llamadas se abordó "
        "la disputa sobre la soberanía de los templos. Los aranceles estadounidenses, añadió, ni se mencionaron."
    )
    found = topics(reference, text)
    assert {("sovereignty", "not_discussed"), ("tariffs", "not_discussed")} <= found
    assert not {("sovereignty", "discussed"), ("tariffs", "discussed")} & found


MACRON_MERZ = "Call\nPresident Emmanuel Macron spoke by phone with Chancellor Friedrich Merz on Monday on Ukraine. "


@pytest.mark.parametrize(
    "text",
    [
        "Neither side mentioned energy in its account of the call.",  # the document named after the trigger
        "Ni Berlín ni París dieron detalles: ninguno de los dos mencionó la energía en sus comunicados.",
        "El comunicado difundido por la Cancillería alemana se limitó a destacar la amistad entre ambos pueblos y no "
        "mencionó la energía.",  # the document opens the sentence, its verb far from it
        "La nota del Elíseo tampoco mencionó la energía.",
        "Merz escribió en X que había agradecido la llamada, sin mencionar la energía.",  # what a message left out
    ],
)
def test_what_a_document_or_a_message_leaves_out_is_silence(reference: Reference, text: str) -> None:
    assert not {code for code, _ in topics(reference, MACRON_MERZ + text)} & {"energy"}


def test_a_leader_who_did_not_mention_a_topic_on_the_call_left_it_out(reference: Reference) -> None:
    text = MACRON_MERZ + "Neither leader mentioned energy, a French official said."
    assert ("energy", "not_discussed") in topics(reference, text)


@pytest.mark.parametrize(
    ("text", "left_out", "still_discussed"),
    [
        (  # wire: the possessor stands for a region, the negation is about what it owns
            "PARIS (AFP) - French President Emmanuel Macron spoke by phone with Saudi Crown Prince Mohammed bin Salman "
            "on Saturday about the war in Gaza, the Elysee said.\n\nAn Elysee adviser said Iran's nuclear programme "
            "was not discussed.",
            "nuclear",
            "middle_east",
        ),
    ],
)
def test_a_possessor_for_a_wider_topic_is_not_negated(
    reference: Reference, text: str, left_out: str, still_discussed: str
) -> None:
    found = topics(reference, text)
    assert (left_out, "not_discussed") in found
    assert (still_discussed, "discussed") in found
    assert (still_discussed, "not_discussed") not in found


def test_a_possessor_country_that_is_a_topic_is_negated_with_what_it_owns(reference: Reference) -> None:
    text = (
        "Readout\nPresident Gustavo Petro spoke by phone with President Luiz Inácio Lula da Silva on Saturday about "
        "deforestation. Venezuela's presidential election was not discussed, Planalto said."
    )
    assert {("venezuela", "not_discussed"), ("elections", "not_discussed")} <= topics(reference, text)


@pytest.mark.parametrize(
    ("text", "left_out", "not_left_out"),
    [
        (  # whom the speech verb's words were said to stands before its "que"; a relative clause inside the subject
            "Petro y Boric\nEl presidente Gustavo Petro habló el martes por teléfono con Gabriel Boric sobre el "
            "narcotráfico. Un asesor precisó a la agencia que la venta de gas natural a Chile, que ambos gobiernos "
            "negocian desde marzo, no se trató en la llamada.",
            {"energy"},
            set(),
        ),
        (  # wire: "told reporters that"
            "LUSAKA (Reuters) - President Hakainde Hichilema spoke by phone with President Samia Suluhu Hassan on "
            "Tuesday about the railway. His spokesman told reporters that the maize export ban was not raised.",
            {"agriculture"},
            set(),
        ),
        (  # a place's name of several words before the head; the quoted trigger
            "Readout\nPresident Cyril Ramaphosa spoke by phone with President Lula da Silva on Monday about BRICS. "
            'A spokesperson said the United States tariffs on citrus "were not discussed".',
            {"tariffs"},
            set(),
        ),
        (  # a noun of a process before what it is about
            "Call\nPrime Minister Pedro Sánchez spoke by phone with President Mohamed Ould Ghazouani on Monday about "
            "migration. The renewal of the protocol of the fisheries agreement was not discussed, officials said.",
            {"trade"},
            set(),
        ),
        (  # the relations with a country are that country's topic, or none when it has none
            "Sheinbaum y Carney\nLa presidenta Claudia Sheinbaum habló el jueves por teléfono con Mark Carney sobre el "
            "acero. Sheinbaum aclaró que no se habló de la relación con China ni de la relación con Estados Unidos.",
            {"china"},
            {"foreign_relations"},
        ),
    ],
)
def test_negated_subjects_and_heads_written_at_length(
    reference: Reference, text: str, left_out: set[str], not_left_out: set[str]
) -> None:
    found = topics(reference, text)
    negated = {code for code, status in found if status == "not_discussed"}
    assert left_out <= negated
    assert not not_left_out & negated
    assert not left_out & {code for code, status in found if status == "discussed"}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("the progress of the Comprehensive Economic Partnership Agreement", "trade"),
        ("la implementación del acuerdo de asociación económica", "trade"),
        ("the Economic Community of West African States", "multilateral_forums"),
        ("la Comunidad Económica de los Estados de África Occidental", "multilateral_forums"),
        ("the turmoil on the currency market", "economy"),
        ("la presión sobre el tipo de cambio", "economy"),
    ],
)
def test_names_of_trade_agreements_blocs_and_currency_words(reference: Reference, text: str, topic: str) -> None:
    opening = "Call\nPresident William Ruto spoke by phone with President Bola Tinubu on Monday. They discussed "
    assert (topic, "discussed") in topics(reference, opening + text + ".")


@pytest.mark.parametrize(
    ("text", "left_out", "discussed"),
    [
        (  # Spanish press: "no hubo referencia alguna a"
            "Boric y Milei\nEl presidente Gabriel Boric habló el martes por teléfono con Javier Milei sobre el "
            "comercio. No hubo referencia alguna a la venta de gas natural, precisó una fuente oficial.",
            {"energy"},
            {"trade"},
        ),
        (  # wire: whom it was told to, then when, before "that"
            "MOSCOW (Reuters) - Russian President Vladimir Putin spoke by phone with Iranian President Masoud "
            "Pezeshkian on Tuesday about the nuclear programme. Kremlin spokesman Dmitry Peskov told reporters later "
            "on Wednesday that Ukraine was not discussed.",
            {"ukraine_war"},
            {"nuclear"},
        ),
        (  # a plural speech verb and its addressee
            "Sánchez y Petro\nPedro Sánchez habló el lunes por teléfono con Gustavo Petro sobre el narcotráfico. "
            "Fuentes del Gobierno confirmaron a esta agencia que el tema migratorio no se abordó.",
            {"migration"},
            {"drug_trafficking"},
        ),
        (  # a transcript: the question in one paragraph, its answer "No" opening the next
            "Sheinbaum y Boric\nLa presidenta Claudia Sheinbaum conversó ayer por teléfono con Gabriel Boric sobre el "
            "litio.\n\nPREGUNTA: ¿Hablaron de los aranceles? Chile también negocia con Washington.\n\n"
            "PRESIDENTA: No, de eso no hablamos. Cada país lleva su negociación.",
            {"tariffs"},
            {"critical_minerals"},
        ),
        (  # radio call-in: "Did X come up?" answered "No"
            "Skerrit and Pierre\nPrime Minister Roosevelt Skerrit spoke by phone with Prime Minister Philip J. Pierre "
            "last week about the ferry service.\n\nHOST: Did the citizenship by investment programme come up?\n\n"
            "SKERRIT: No. That is handled at the regional level.",
            {"investment"},
            {"infrastructure"},
        ),
        (  # a relative clause on the call, inside the negation's reach, tells what the call was about
            "Déby y Sassou\nEl presidente Mahamat Idriss Déby habló el lunes por teléfono con Denis Sassou Nguesso. "
            "La crisis humanitaria no se abordó durante la conversación, que según Brazzaville se centró en la "
            "energía.",
            {"humanitarian_aid"},
            {"energy"},
        ),
    ],
)
def test_negations_in_answers_and_reports_and_what_the_call_was_about_instead(
    reference: Reference, text: str, left_out: set[str], discussed: set[str]
) -> None:
    found = topics(reference, text)
    assert left_out <= {code for code, status in found if status == "not_discussed"}
    assert discussed <= {code for code, status in found if status == "discussed"}
    assert not left_out & {code for code, status in found if status == "discussed"}
