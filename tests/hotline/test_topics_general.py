"""Topic rules that generalize (issue 14, points 2 and 3): rounds of calls, congratulations, compounds, the call's
passage by discourse structure, background clauses, and negations in more conjugations.

Every example was written for these tests, in the styles of wire copy with a dateline, government readouts, the
Spanish-language press and live blogs; none is taken from the seed corpus or the evaluation corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.facts import ArticleFacts
from hotline.reference import Reference

DAY = dt.date(2025, 6, 6)  # a Friday


def extract(reference: Reference, text: str) -> ArticleFacts:
    return written.extract(reference, text, DAY)


main_call = written.first_call_topics


def by_counterpart(facts: ArticleFacts, status: str = "discussed") -> dict[str, set[str]]:
    """Topics of each call, keyed by the ids of its participants joined with '+'."""
    names = {m.mention_id: "+".join(sorted(p.official_id for p in m.participants)) for m in facts.calls}
    found: dict[str, set[str]] = {name: set() for name in names.values()}
    for t in facts.topics:
        if t.status == status:
            found[names[t.mention_id]].add(t.topic_code)
    return found


def topics_with(facts: ArticleFacts, official_id: str, status: str = "discussed") -> set[str]:
    calls = by_counterpart(facts, status)
    return set().union(*(codes for key, codes in calls.items() if official_id in key.split("+")))


# --- rounds of calls -------------------------------------------------------------------------------------------


def test_a_sentence_reporting_several_calls_gives_its_topics_to_each(reference: Reference) -> None:
    text = (  # Spanish press: one sentence reports the three calls of a round, then one clause per counterpart
        "ASUNCIÓN, 6 jun (EFE).- El presidente Santiago Peña conversó este jueves por teléfono con sus homólogos "
        "de Brasil, Luiz Inácio Lula da Silva, y de Argentina, Javier Milei, sobre la integración energética.\n\n"
        "Con Lula, Peña abordó la hidrovía Paraná-Paraguay, mientras que con Milei conversó sobre los aranceles."
    )
    facts = extract(reference, text)
    assert "energy" in topics_with(facts, "luiz_inacio_lula_da_silva")
    assert "energy" in topics_with(facts, "javier_milei")
    assert "infrastructure" in topics_with(facts, "luiz_inacio_lula_da_silva")
    assert "infrastructure" not in topics_with(facts, "javier_milei")
    assert "tariffs" in topics_with(facts, "javier_milei")
    assert "tariffs" not in topics_with(facts, "luiz_inacio_lula_da_silva")


def test_an_earlier_call_is_no_part_of_the_round(reference: Reference) -> None:
    text = (  # wire: two calls on Thursday, then their earlier call in December
        "OSLO (Reuters) - Prime Minister Jonas Gahr Store held separate phone calls on Thursday with Ukrainian "
        "President Volodymyr Zelensky and with Polish Prime Minister Donald Tusk.\n\n"
        "In the call with Zelensky, Store said the two discussed air defence.\n\n"
        "Store and Zelensky last spoke in December, when they discussed the power grid."
    )
    facts = extract(reference, text)
    assert "defense" in topics_with(facts, "volodymyr_zelensky")
    assert "defense" not in topics_with(facts, "donald_tusk")


def test_the_conversation_named_by_no_one_is_the_one_its_paragraph_tells(reference: Reference) -> None:
    text = (  # Spanish press: the second call's paragraph ends on "la conversación", naming no one
        "El presidente de Ucrania, Volodímir Zelenski, mantuvo el sábado sendas conversaciones telefónicas con el "
        "primer ministro británico, Keir Starmer, y con el jefe del Gobierno polaco, Donald Tusk.\n\n"
        '"Hablé con Keir Starmer. Discutimos la defensa antiaérea", escribió Zelenski.\n\n'
        "Minutos después, Zelenski informó de su diálogo con Tusk. Ambos abordaron el sistema energético. Según la "
        "prensa polaca, la disputa agrícola quedó fuera de la conversación."
    )
    facts = extract(reference, text)
    assert "agriculture" in topics_with(facts, "donald_tusk", "not_discussed")
    assert "agriculture" not in topics_with(facts, "keir_starmer", "not_discussed")


# --- congratulations --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        (  # Spanish press: the win is told in a clause opened by "después de"
            "Gabriel Boric llamó el lunes a Javier Milei, un día después de su triunfo en la segunda vuelta, "
            "para felicitarlo."
        ),
        (  # wire: a congratulatory call and a victory, no election word
            "NAIROBI (Reuters) - Kenya's President William Ruto called Ghana's John Dramani Mahama on Monday and "
            "congratulated him on his victory."
        ),
    ],
)
def test_a_congratulation_on_a_win_makes_the_election_a_topic(reference: Reference, text: str) -> None:
    assert "elections" in main_call(extract(reference, text), "discussed")


def test_a_win_without_a_congratulation_is_no_topic(reference: Reference) -> None:
    text = "Gabriel Boric habló por teléfono el lunes con Javier Milei, tras su triunfo en la segunda vuelta."
    assert "elections" not in main_call(extract(reference, text), "discussed")


def test_a_clause_after_another_event_ends_at_a_conjunction(reference: Reference) -> None:
    text = (
        "MOSCOW (Reuters) - Vladimir Putin and Recep Tayyip Erdogan spoke by phone on Wednesday for the first time "
        "since the downing of a jet near the Syrian border, and agreed to restore bilateral ties."
    )
    topics = main_call(extract(reference, text), "discussed")
    assert "foreign_relations" in topics
    assert "border" not in topics


# --- keywords in compounds --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        (
            "Modi spoke by phone with Sheikh Hasina on Thursday about cross-border rail links.",
            {"border"},
            {"infrastructure"},
        ),
        (
            "Kyriakos Mitsotakis called his Portuguese counterpart Luis Montenegro on Tuesday to offer two "
            "water-bombing aircraft against the wildfires.",
            {"water"},
            {"humanitarian_aid"},
        ),
        (
            "Xi Jinping and Joe Biden held a video call on Thursday on China-U.S. relations and on trade.",
            {"china"},
            {"trade"},
        ),
        (  # the compound with a name keeps the keyword; a bloc party to an agreement names a trade agreement
            "Lula y Pedro Sánchez hablaron por teléfono el jueves sobre el acuerdo UE-Mercosur y la cooperación "
            "anti-drogas.",
            set(),
            {"trade", "drug_trafficking"},
        ),
    ],
)
def test_a_keyword_fused_into_a_compound_names_no_topic(
    reference: Reference, text: str, absent: set[str], present: set[str]
) -> None:
    topics = main_call(extract(reference, text), "discussed")
    assert not topics & absent
    assert topics >= present


# --- the call's passage -------------------------------------------------------------------------------------------


def test_a_numbered_readout_stays_the_calls_and_a_dated_noun_does_not_move_on(reference: Reference) -> None:
    text = (  # government readout with numbered points; "the typhoon of May 30" dates a noun, not the sentence
        "Telephone Talk between Prime Ministers\n\n"
        "On June 5, Prime Minister Shigeru Ishiba held a telephone talk with President Ferdinand Marcos Jr.\n\n"
        "1.\n\n"
        "President Marcos expressed his condolences for the victims of the typhoon of May 30.\n\n"
        "2.\n\n"
        "Prime Minister Ishiba explained the situation at the nuclear power plant."
    )
    topics = main_call(extract(reference, text), "discussed")
    assert {"humanitarian_aid", "nuclear"} <= topics


def test_a_call_between_other_officials_is_not_the_leaders(reference: Reference) -> None:
    text = (  # Spanish press: the ministers' own call in the same article
        "Pedro Sánchez y Giorgia Meloni conversaron por teléfono este jueves sobre la migración.\n\n"
        "El ministro del Interior, Fernando Grande-Marlaska, habló por teléfono con el ministro italiano del "
        "Interior, Matteo Piantedosi, sobre la cooperación policial."
    )
    topics = main_call(extract(reference, text), "discussed")
    assert "migration" in topics
    assert "security" not in topics


def test_a_discussion_between_other_officials_is_not_the_calls(reference: Reference) -> None:
    text = (  # wire: the foreign ministers' talks are background
        "ATHENS (Reuters) - Kyriakos Mitsotakis and Recep Tayyip Erdogan spoke by phone on Thursday about "
        "migration.\n\n"
        "Foreign Minister Giorgos Gerapetritis has held talks with Hakan Fidan on the continental shelf."
    )
    topics = main_call(extract(reference, text), "discussed")
    assert "migration" in topics
    assert "sovereignty" not in topics


def test_what_follows_an_open_question_is_not_claimed(reference: Reference) -> None:
    text = (
        "PRAGUE (Reuters) - Petr Fiala said on Monday he had spoken by phone with Volodymyr Zelensky about "
        "ammunition.\n\n"
        "Fiala declined to say whether the two discussed the planned tariffs on grain. Czech farmers have "
        "protested against imports of cheap grain."
    )
    facts = extract(reference, text)
    assert "defense" in main_call(facts, "discussed")
    assert not {t.topic_code for t in facts.topics} & {"tariffs", "trade", "food_security"}


@pytest.mark.parametrize(
    ("text", "discussed", "background"),
    [
        (  # wire: a relative clause describing the pipeline
            "WARSAW (AP) - Donald Tusk and Jonas Gahr Store spoke by phone on Thursday about security on the "
            "eastern flank and the Baltic Pipe, which carries Norwegian gas to Poland.",
            {"security"},
            {"energy"},
        ),
        (  # Spanish press: the clause right after the call tells the call itself
            "El 20 de febrero, Sheinbaum y Trump sostuvieron una llamada telefónica que ambos describieron como "
            "tensa, en la que hablaron de los aranceles.",
            {"tariffs"},
            set(),
        ),
    ],
)
def test_a_relative_clause_set_off_by_a_comma_is_background(
    reference: Reference, text: str, discussed: set[str], background: set[str]
) -> None:
    topics = main_call(extract(reference, text), "discussed")
    assert topics >= discussed
    assert not topics & background


# --- negations in more conjugations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        (  # Spanish press: the conversation is the subject, singular
            "Macky Sall y Pedro Sánchez hablaron por teléfono el jueves. Fuentes oficiales precisaron que la "
            "conversación no abordó la cuestión migratoria.",
            {"migration"},
        ),
        (  # a plural filler before the head, and a list after "ni"
            "Sheinbaum y Trump hablaron por teléfono el jueves. La llamada no abordó cuestiones comerciales ni el "
            "acuerdo de pesca.",
            {"trade"},
        ),
        (  # live blog: a past perfect answering the question of its sentence
            "**10:05** — Carney and Luxon spoke by phone this morning. Asked whether he had raised human rights, "
            "Luxon said the call had not covered it.",
            {"human_rights"},
        ),
        (  # readout: "did not include"
            "Prime Minister Carney spoke with President Trump on Thursday. The call did not include steel.",
            {"steel"},
        ),
        (  # Spanish press: the subject after "quedó fuera", a topic after "por"
            "Santiago Peña y Lula hablaron por teléfono el martes. Quedó fuera de la conversación el conflicto por "
            "la hidrovía.",
            {"infrastructure"},
        ),
    ],
)
def test_negations_in_more_conjugations(reference: Reference, text: str, negated: set[str]) -> None:
    assert main_call(extract(reference, text), "not_discussed") >= negated


# --- vocabulary ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Ruto and Abiy spoke by phone on Thursday about access to the port of Lamu.", "infrastructure"),
        ("Xi told Biden in a video call on Thursday that the Taiwan question is a red line.", "sovereignty"),
        ("Mahama y Ouattara hablaron por teléfono el jueves sobre el precio del cacao.", "agriculture"),
        (
            "King Mohammed VI called John Dramani Mahama on Thursday to congratulate him on his inauguration.",
            "elections",
        ),
        ("Lula y Santiago Peña conversaron por teléfono el martes sobre la central hidroeléctrica.", "energy"),
    ],
)
def test_general_vocabulary(reference: Reference, text: str, topic: str) -> None:
    assert topic in main_call(extract(reference, text), "discussed")


# --- open questions, courtesies, earlier calls ------------------------------------------------------------------


def test_a_question_about_the_calls_content_claims_nothing(reference: Reference) -> None:
    text = (  # wire: the question is asked before the verb, with a date between "asked" and "whether"
        "MUSCAT (Reuters) - Oman's Sultan Haitham bin Tarik spoke by phone with Iranian President Masoud "
        "Pezeshkian on Sunday about trade.\n\n"
        "Asked on Monday whether the two leaders had discussed maritime security, an Omani official declined to "
        "comment."
    )
    facts = extract(reference, text)
    assert "trade" in main_call(facts, "discussed")
    assert "security" not in {t.topic_code for t in facts.topics}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Kassym-Jomart Tokayev called Shavkat Mirziyoyev on Thursday, wishing him good health on his birthday.",
            "health",
        ),
        (  # Spanish press: "el soberano" is the king, not sovereignty
            "El rey Felipe VI habló por teléfono el jueves con el rey Abdalá II de Jordania. Don Felipe trasladó al "
            "soberano hachemí su preocupación por Gaza.",
            "sovereignty",
        ),
    ],
)
def test_a_courtesy_or_a_title_names_no_topic(reference: Reference, text: str, absent: str) -> None:
    assert absent not in main_call(extract(reference, text), "discussed")


def test_an_earlier_calls_other_event_clause_is_not_its_topic(reference: Reference) -> None:
    text = (
        "WELLINGTON (AP) - Christopher Luxon and Anthony Albanese spoke by phone on Thursday about trade.\n\n"
        "The two leaders last spoke by phone in July, on the eve of the NATO summit in Washington."
    )
    facts = extract(reference, text)
    earlier = {t.topic_code for t in facts.topics if not t.mention_id.endswith(":0")}
    assert not earlier & {"multilateral_forums", "defense"}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (  # Spanish press: a date after the discussion verb dates what was discussed, not the sentence
            "Kassym-Jomart Tokayev y Shavkat Mirziyoyev conversaron por teléfono este jueves sobre el agua.\n\n"
            "La nota añadió que también trataron la preparación de la cumbre regional, que se celebrará el 9 de "
            "agosto.",
            "multilateral_forums",
        ),
        (  # readout: the official named before the verb reports it ("according to")
            "NAIROBI (Reuters) - William Ruto spoke by phone with John Dramani Mahama on Thursday.\n\n"
            "According to spokesperson Hussein Mohamed, the two leaders discussed cocoa prices.",
            "agriculture",
        ),
    ],
)
def test_a_discussion_reported_by_others_or_dated_after_its_verb_is_the_calls(
    reference: Reference, text: str, topic: str
) -> None:
    assert topic in main_call(extract(reference, text), "discussed")


CALL_ON_MONDAY = "Call\nPresident Emmanuel Macron spoke by phone with Chancellor Friedrich Merz on Monday on Ukraine. "


@pytest.mark.parametrize(
    "text",
    [
        "It did not mention energy.",
        "The Kremlin readout made no mention of energy.",
        "El comunicado no mencionó la energía.",
    ],
)
def test_a_document_that_does_not_mention_a_topic_is_silence_not_a_negation(reference: Reference, text: str) -> None:
    facts = extract(reference, CALL_ON_MONDAY + text)
    assert "energy" not in written.first_call_topics(facts, "not_discussed")
    assert "energy" not in written.first_call_topics(facts, "discussed")


@pytest.mark.parametrize(
    "text",
    [
        "Asked about the US import duties that have weighed on exporters, the Chancellor said the subject had not "
        "come up in the conversation.",
        "Preguntado sobre los aranceles, el canciller dijo que el tema no se abordó.",
    ],
)
def test_the_subject_a_reporter_asked_about_was_not_discussed(reference: Reference, text: str) -> None:
    facts = extract(reference, CALL_ON_MONDAY + text)
    assert written.first_call_topics(facts, "not_discussed") == {"tariffs"}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (  # readout: policing and a terror group are security
            "Prime Minister Anthony Albanese spoke with Prime Minister James Marape on Monday about policing "
            "cooperation and support for the police force.",
            "security",
        ),
        (
            "President Recep Tayyip Erdoğan spoke by phone with President Hassan Sheikh Mohamud on Monday about the "
            "fight against the al-Shabaab terror group.",
            "security",
        ),
        (  # visas for workers are migration
            "President Lee Jae-myung spoke by phone with President Ukhnaagiin Khürelsükh on Monday about visas for "
            "Mongolian workers and students.",
            "migration",
        ),
        (
            "Pedro Sánchez y Lula da Silva conversaron el lunes por teléfono sobre la conferencia del clima de Belém.",
            "climate",
        ),
        (
            "Prime Minister Hristijan Mickoski spoke by phone with Prime Minister Edi Rama on Monday about the 400 kV "
            "power line between the two countries.",
            "energy",
        ),
        (
            "Pedro Sánchez habló el lunes por teléfono con Luís Montenegro sobre las interconexiones eléctricas.",
            "energy",
        ),
        (
            "Prime Minister Philip J. Pierre spoke by phone with Prime Minister Roosevelt Skerrit on Monday about the "
            "ferry between the two islands and the Pacific Islands Forum.",
            "infrastructure",
        ),
    ],
)
def test_words_outlets_use_for_security_migration_climate_energy_and_transport(
    reference: Reference, text: str, topic: str
) -> None:
    assert topic in main_call(extract(reference, text), "discussed")
