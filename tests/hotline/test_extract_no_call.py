"""Call words with no leaders' call behind them, and calls told in a roundabout way: "tampoco ha hablado", "has not
yet spoken ... but expects to do so", a call with a company's chief or a team's captain, a talk during a working visit,
a call rumoured and denied, "hundreds of conversations", a phone-in with citizens, a headline over a conference of many;
and "called Samoa's new Prime Minister", "the President received a phone call today", "at the request of the Korean
side", 'it "was not on the agenda of this call"'.

The texts are written here in the styles of wire copy, newsletters, TV transcripts, opinion columns and readouts.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.extract.call_status import call_status
from hotline.reference import Reference
from hotline.text import fold_text

DAY = dt.date(2025, 9, 19)


calls = written.call_rows


@pytest.mark.parametrize(
    "text",
    [
        "Diplomacia\nFuentes diplomáticas indicaron que Luis Abinader tampoco ha hablado en las últimas semanas con el "
        "primer ministro jamaiquino, Andrew Holness.",
        "Canal\nEl presidente José Raúl Mulino sostuvo este jueves una conversación telefónica con el director "
        "ejecutivo de la naviera A.P. Moller-Maersk, Vincent Clerc, y aclaró que no ha hablado con Donald Trump.",
        "Rugby\nThe Presidency says Cyril Ramaphosa phoned captain Siya Kolisi shortly after the final whistle.",
        "Power pool\nCyril Ramaphosa spoke at length with Namibian President Netumbo Nandi-Ndaitwah during a working "
        "visit on Friday.",
        "Palm Beach\nHungarian Prime Minister Viktor Orbán spoke with Donald Trump on Tuesday at Mar-a-Lago, where the "
        "two leaders had dinner.",
        "Zelensky's phone calls\nUkrainian President Volodymyr Zelensky's aides keep a list of every call he has made "
        "since 2022. The list includes hundreds of conversations with Joe Biden, Emmanuel Macron and Olaf Scholz.",
        "Putin phone-in\nRussian President Vladimir Putin took questions from citizens by phone on Thursday, and said "
        "he was ready to meet Donald Trump.",
        "Starmer on the phone\nBritish Prime Minister Keir Starmer took part in a call with European leaders on "
        "Tuesday. More than 20 leaders joined the call, hosted by French President Emmanuel Macron.",
        "Zelensky speaks to Congress\nKYIV -- Ukrainian President Volodymyr Zelensky addressed the U.S. Congress by "
        "video link on Wednesday, urging lawmakers to approve more aid. Joe Biden later said he backed the request.",
    ],
)
def test_call_words_with_no_leaders_call_held(reference: Reference, text: str) -> None:
    assert not any(c.call_status == "held" for c in written.extract(reference, text, DAY).calls)


def test_not_yet_spoken_but_expects_to_is_planned_and_no_plans_is_none(reference: Reference) -> None:
    expects = (
        "Samoa\nNew Zealand's Prime Minister Christopher Luxon has not yet spoken with La'auli Leuatea Schmidt but "
        'expects to do so "in the coming days", a spokesperson said.'
    )
    assert calls(written.extract(reference, expects, DAY)) == {
        ("planned", "christopher_luxon", "la_auli_leuatea_schmidt")
    }
    none = "Helsinki\nPrime Minister Petteri Orpo said he had not spoken to Trump and had no plans to do so for now."
    assert calls(written.extract(reference, none, dt.date(2025, 1, 27))) == set()


def test_a_call_rumoured_then_said_not_to_have_taken_place_is_denied(reference: Reference) -> None:
    text = (
        "La llamada que nunca existió\n"
        "Durante 48 horas, varios portales dieron por hecho que el rey Mohamed VI y el presidente argelino, "
        "Abdelmadjid Tebboune, habían hablado por teléfono el fin de semana. Sería la primera conversación conocida "
        'entre ambos desde 2021. El lunes, la Presidencia argelina zanjó el asunto: "No ha tenido lugar ningún '
        'contacto telefónico entre el presidente de la República y el rey de Marruecos".'
    )
    assert calls(written.extract(reference, text, dt.date(2025, 11, 12))) == {
        ("denied", "abdelmadjid_tebboune", "mohammed_vi")
    }


@pytest.mark.parametrize(
    ("text", "published", "pair", "caller"),
    [
        (
            "Pacific Wrap\nPrime Minister Anthony Albanese called Samoa's new Prime Minister, La'auli Leuatea "
            "Schmidt, on Wednesday to congratulate him.",
            DAY,
            ("anthony_albanese", "la_auli_leuatea_schmidt"),
            "anthony_albanese",
        ),
        (
            "President El-Sisi receives phone call from President of Djibouti\n"
            "Ambassador Mohamed El-Shennawy, Spokesman for the Presidency, stated that the President received a phone "
            "call today from President Ismail Omar Guelleh of the Republic of Djibouti.",
            dt.date(2025, 11, 4),
            ("abdel_fattah_el_sisi", "ismail_omar_guelleh"),
            "ismail_omar_guelleh",
        ),
        (
            "President Khurelsukh holds phone talks with President Lee Jae-myung\n"
            "President Ukhnaagiin Khurelsukh held a telephone conversation today with President Lee Jae-myung of the "
            "Republic of Korea at the request of the Korean side.",
            dt.date(2025, 9, 17),
            ("lee_jae_myung", "ukhnaagiin_khurelsukh"),
            "lee_jae_myung",
        ),
    ],
)
def test_calls_told_in_a_roundabout_way(
    reference: Reference, text: str, published: dt.date, pair: tuple[str, str], caller: str
) -> None:
    facts = written.extract(reference, text, published)
    assert calls(facts) == {("held", *pair)}
    assert [c.initiator_id for c in facts.calls] == [caller]
    assert [c.date.date for c in facts.calls] == [published if "today" in text else dt.date(2025, 9, 17)]


def test_a_question_answered_it_was_not_on_the_agenda_of_this_call(reference: Reference) -> None:
    text = (
        "Live\nLatvian Prime Minister Evika Siliņa spoke by phone with Danish Prime Minister Mette Frederiksen on "
        "Tuesday about drones. Asked whether Rail Baltica financing came up, her spokesperson said it "
        '"was not on the agenda of this call".'
    )
    topics = {(t.topic_code, t.status) for t in written.extract(reference, text, dt.date(2025, 11, 18)).topics}
    assert ("infrastructure", "not_discussed") in topics
    assert ("infrastructure", "discussed") not in topics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a call still being arranged, told with an indefinite call noun after the held calls
            "Round\nPRAGUE, Dec 12 - Prime Minister Andrej Babiš spoke by phone on Thursday with Slovak Prime Minister "
            "Robert Fico. The prime minister's office said a call with German Chancellor Friedrich Merz was being "
            "arranged for next week.",
            ("planned", "andrej_babis", "friedrich_merz"),
        ),
        (  # the infinitive after a verb of trying names the plan
            "Ronda\nBRASILIA, 7 ago (EFE).- Lula habló este jueves por teléfono con el primer ministro de la India, "
            "Narendra Modi. El mandatario también anunció que intentará hablar con el presidente chino, Xi Jinping.",
            ("planned", "luiz_inacio_lula_da_silva", "xi_jinping"),
        ),
        (  # a conditional negated: a refusal
            "Ronda\nBRASILIA, 7 ago (EFE).- Lula habló este jueves por teléfono con el primer ministro de la India, "
            "Narendra Modi. Lula había dicho el martes que no llamaría a Trump para negociar.",
            ("refused", "donald_trump", "luiz_inacio_lula_da_silva"),
        ),
    ],
)
def test_calls_planned_or_refused_beside_a_held_one(reference: Reference, text: str, expected: tuple[str, ...]) -> None:
    assert expected in calls(written.extract(reference, text, dt.date(2025, 12, 12)))


def test_a_call_between_a_leader_and_someone_who_is_no_leader_is_no_leaders_call(reference: Reference) -> None:
    text = (
        "Crisis en Bangkok\nLa primera ministra Paetongtarn Shinawatra enfrenta una moción de censura. En junio se "
        "filtró una conversación telefónica entre la primera ministra tailandesa, Paetongtarn Shinawatra, y el "
        "presidente del Senado camboyano, Hun Sen, que desató la crisis."
    )
    assert calls(written.extract(reference, text, dt.date(2025, 7, 25))) == set()


def test_two_leaders_each_the_other_side_of_someones_call_are_no_pair(reference: Reference) -> None:
    text = (
        "Ronda de llamadas\nEl primer ministro de Malasia, Anwar Ibrahim, mantuvo anoche sendas conversaciones "
        "telefónicas con el primer ministro de Camboya, Hun Manet, y con el primer ministro interino de Tailandia, "
        "Phumtham Wechayachai. En la conversación con Hun Manet se habló de la ayuda humanitaria, mientras que con "
        "Phumtham repasó la seguridad en la frontera."
    )
    rows = calls(written.extract(reference, text, dt.date(2025, 7, 25)))
    assert ("held", "hun_manet", "phumtham_wechayachai") not in rows
    assert {("held", "anwar_ibrahim", "hun_manet"), ("held", "anwar_ibrahim", "phumtham_wechayachai")} <= rows


@pytest.mark.parametrize(
    "text",
    [
        '"Nos devolvieron la ilusión": Peña felicitó por videollamada a la Albirroja tras la clasificación\nEl '
        "presidente de la República, Santiago Peña, felicitó anoche por videollamada a los jugadores y al cuerpo "
        "técnico de la selección tras la clasificación al Mundial. Entre los primeros en saludar a Paraguay estuvo el "
        "presidente argentino, Javier Milei, que publicó un mensaje de felicitación en X.",
        "Ruto speaks to troops by video link\nPresident William Ruto spoke by video link with the troops serving in "
        "Haiti on Sunday. Among the first to congratulate Kenya was Tanzania's President Samia Suluhu Hassan, who "
        "posted a message on X.",
    ],
)
def test_a_call_with_a_group_that_is_no_leaders_takes_no_leader_named_elsewhere(
    reference: Reference, text: str
) -> None:
    assert not any(c.call_status == "held" for c in written.extract(reference, text, DAY).calls)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (  # a perfect tense of ruling out
            "Tailandia y Camboya\nEl primer ministro de Tailandia, Anutin Charnvirakul, ha descartado este miércoles "
            "mantener una conversación telefónica con su homólogo camboyano, Hun Manet.",
            {("refused", "anutin_charnvirakul", "hun_manet")},
        ),
        (  # a plan asked about is no plan
            "Venezuela\nAsked whether he planned to speak to Nicolás Maduro, Colombian President Gustavo Petro did not "
            "answer.",
            set(),
        ),
    ],
)
def test_a_call_ruled_out_or_asked_about(reference: Reference, text: str, rows: set[tuple[str, ...]]) -> None:
    assert calls(written.extract(reference, text, dt.date(2025, 11, 12))) == rows


def test_a_headline_list_of_titles_by_country_is_no_name(reference: Reference) -> None:
    text = (
        "His Majesty the Sultan receives phone calls from Qatar Amir, Kuwait Amir and King of Bahrain\n"
        "Muscat, 13 April 2025 (ONA) -- His Majesty Sultan Haitham bin Tarik today received three phone calls from "
        "the leaders of brotherly Gulf states."
    )
    rows = calls(written.extract(reference, text, dt.date(2025, 4, 13)))
    assert ("held", "haitham_bin_tariq", "mishal_al_ahmad_al_jaber_al_sabah") in rows
    assert not any("kuwait_amir" in row for row in rows)


def test_talks_planned_face_to_face_are_no_call(reference: Reference) -> None:
    text = (
        "Mnangagwa, Hichilema to talk\nHARARE -- President Emmerson Mnangagwa said he would discuss the border issue "
        "with Zambian President Hakainde Hichilema when they meet at the SADC summit next month."
    )
    assert calls(written.extract(reference, text, DAY)) == set()


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (  # a call being arranged, beside one the leader says he has not had
            "Chaves y Bukele\nSAN JOSÉ.- El presidente Rodrigo Chaves dijo que todavía no ha hablado con el presidente "
            'salvadoreño, Nayib Bukele, sobre el proyecto, pero que sus equipos "están coordinando una llamada para '
            'la próxima semana".',
            {("planned", "nayib_bukele", "rodrigo_chaves")},
        ),
        (  # a leader's calls, refused
            "India\nNEW DELHI -- Prime Minister Narendra Modi declined Donald Trump's calls in recent weeks, a German "
            "newspaper reported.",
            {("refused", "donald_trump", "narendra_modi")},
        ),
        (  # a speech at a gathering, in an article of ministers' call
            "Syria\nANKARA -- Turkish Foreign Minister Hakan Fidan spoke by phone on Monday with his Syrian "
            "counterpart.\n\nDuring the call, they discussed the agreement signed by Syrian President Ahmed al-Sharaa."
            "\n\nSpeaking at a party congress in Ankara, Erdogan said Turkey would never allow the division of Syria.",
            set(),
        ),
    ],
)
def test_a_call_arranged_imagined_refused_or_a_speech(
    reference: Reference, text: str, rows: set[tuple[str, ...]]
) -> None:
    assert calls(written.extract(reference, text, dt.date(2025, 11, 12))) == rows


def test_a_call_spoken_of_as_a_hypothesis_is_none_held(reference: Reference) -> None:
    text = (
        "Nigeria\nABUJA -- President Bola Tinubu is expected to hold a telephone conversation with U.S. President "
        "Donald Trump in the coming days.\n\nAnalysts in Abuja said a leaders' call would be an important first step."
    )
    sentence = fold_text("Analysts in Abuja said a leaders' call would be an important first step.")
    start = sentence.index("leaders")
    status = call_status(sentence, start, sentence.index("call") + 4, 0, len(sentence))
    assert (status.status, status.cue) == ("planned", "would")
    assert calls(written.extract(reference, text, DAY)) == {("planned", "bola_tinubu", "donald_trump")}


def test_leaders_of_another_clause_make_no_conference_of_the_call(reference: Reference) -> None:
    text = (
        "Starmer and Carney\nLONDON -- Sir Keir Starmer spoke to Canadian Prime Minister Mark Carney by phone this "
        "afternoon, Downing Street has said, as European leaders step up pressure on Moscow."
    )
    assert calls(written.extract(reference, text, DAY)) == {("held", "keir_starmer", "mark_carney")}


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (  # a plan in the infinitive, after a call held
            "Sánchez y Faye\nMADRID.- El presidente del Gobierno, Pedro Sánchez, habló el lunes por teléfono con "
            "Bassirou Diomaye Faye. Sánchez tiene previsto conversar en los próximos días con el presidente de Gambia, "
            "Adama Barrow.",
            {("held", "bassirou_diomaye_faye", "pedro_sanchez"), ("planned", "adama_barrow", "pedro_sanchez")},
        ),
        (  # a next call of the pair
            "Milei\nBUENOS AIRES.- El presidente Javier Milei habló el lunes por teléfono con Donald Trump. Milei "
            'anticipó en redes sociales que volverá a hablar con Trump "antes de fin de año".',
            {("held", "donald_trump", "javier_milei"), ("planned", "donald_trump", "javier_milei")},
        ),
        (  # the next call promised in the same sentence leaves the call held
            "Modi\nNEW DELHI -- Narendra Modi spoke by phone with Cyril Ramaphosa on Monday and they agreed to speak "
            "again soon.",
            {("held", "cyril_ramaphosa", "narendra_modi")},
        ),
        (  # glad of the call held; looking forward to talks in person
            "Modi\nNEW DELHI -- Prime Minister Narendra Modi received a phone call from President Cyril Ramaphosa on "
            'Monday. In a post on X, Modi said he was "glad to speak with my friend President Ramaphosa" and that he '
            'looked forward to "productive discussions in Johannesburg".',
            {("held", "cyril_ramaphosa", "narendra_modi")},
        ),
        (  # a plan denied
            "Carney\nOTTAWA.- El primer ministro, Mark Carney, dijo en Ottawa que no tiene previsto telefonear a "
            'Donald Trump "por ahora".',
            set(),
        ),
    ],
)
def test_plans_after_a_call_and_plans_denied(reference: Reference, text: str, rows: set[tuple[str, ...]]) -> None:
    assert calls(written.extract(reference, text, DAY)) == rows


@pytest.mark.parametrize(
    "text",
    [
        "BRICS\nBRASILIA.- El presidente de Brasil, Luiz Inácio Lula da Silva, encabezó este lunes una cumbre virtual "
        "extraordinaria de los BRICS en la que criticó la política arancelaria del presidente estadounidense, Donald "
        "Trump.",
        'ASEAN\nKUALA LUMPUR -- Prime Minister Anwar Ibrahim said on Monday that ASEAN "will speak with one voice" '
        "to U.S. President Donald Trump on tariffs.",
    ],
)
def test_a_blocs_virtual_summit_or_one_voice_is_no_call(reference: Reference, text: str) -> None:
    assert calls(written.extract(reference, text, DAY)) == set()


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (  # no call asked for
            "Kremlin\nMOSCOW -- Kremlin spokesman Dmitry Peskov said on Tuesday that Moscow had received no request "
            "from Kyiv for a phone call between Vladimir Putin and Volodymyr Zelensky.",
            set(),
        ),
        (  # a call for calm
            "Sánchez\nMADRID.- Pedro Sánchez pidió en una llamada a la calma a los líderes europeos tras la decisión "
            "de Donald Trump.",
            set(),
        ),
        (  # a leader who could not get through
            "Albanese\nCANBERRA -- Anthony Albanese said he had not been able to reach Donald Trump by phone since the "
            "tariff announcement.",
            set(),
        ),
        (  # a call still to come
            "Carney\nOTTAWA -- Mark Carney's office said the prime minister's phone call with Donald Trump would take "
            "place 'in due course'.",
            {("planned", "donald_trump", "mark_carney")},
        ),
        (  # a call scheduled, not confirmed
            "Starmer\nLONDON -- Keir Starmer's phone call with Donald Trump, which was scheduled for Tuesday, has not "
            "yet been confirmed by the White House.",
            {("planned", "donald_trump", "keir_starmer")},
        ),
    ],
)
def test_calls_not_asked_for_not_reached_or_still_to_come(
    reference: Reference, text: str, rows: set[tuple[str, ...]]
) -> None:
    assert calls(written.extract(reference, text, DAY)) == rows
