"""Calls only wished for, pending, possible, unlikely, called for or said to make no sense, calls "still not" held,
and a claimed call a bare "no call" denies: none of them is a held call, each gets the status a reader gives it.

The texts are written here in the styles of wire copy and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference

DAY = dt.date(2025, 5, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Letters\nBUENOS AIRES -- Argentine President Javier Milei and Brazilian President Luiz Inacio Lula da "
            "Silva exchanged letters this week, but have still not spoken by phone.",
            set(),
        ),
        (
            "Schedule\nBEIJING -- A phone call between President Xi Jinping and President Donald Trump is not on the "
            "schedule, the foreign ministry said on Monday.",
            set(),
        ),
        (
            "Unlikely\nBERLIN -- A phone call between Chancellor Friedrich Merz and President Vladimir Putin is "
            "unlikely before the summit, officials said.",
            set(),
        ),
        (
            "Improbable\nBRASILIA.- Es poco probable que Lula y Milei conversen por teléfono antes de la cumbre del "
            "Mercosur, admitió el Itamaraty.",
            set(),
        ),
        (
            "Welcome\nLONDON -- Prime Minister Keir Starmer would welcome a call with Chinese President Xi Jinping, "
            "Downing Street said on Tuesday.",
            {("planned", "keir_starmer", "xi_jinping")},
        ),
        (
            "Pendiente\nMADRID.- Está pendiente una conversación telefónica entre el presidente del Gobierno, Pedro "
            "Sánchez, y el presidente estadounidense, Donald Trump, según fuentes de Moncloa.",
            {("planned", "donald_trump", "pedro_sanchez")},
        ),
        (
            "Possibility\nTOKYO -- Aides to Prime Minister Shigeru Ishiba and President Donald Trump discussed the "
            "possibility of a phone call between the two leaders this week.",
            {("planned", "donald_trump", "shigeru_ishiba")},
        ),
        (
            "Possible\nMEXICO CITY -- A call between President Claudia Sheinbaum and President Donald Trump was "
            "possible this week, her spokesman said.",
            {("planned", "claudia_sheinbaum", "donald_trump")},
        ),
        (
            "Se baraja\nMÉXICO.- Se baraja una llamada entre la presidenta Claudia Sheinbaum y el presidente Donald "
            "Trump antes del 1 de agosto.",
            {("planned", "claudia_sheinbaum", "donald_trump")},
        ),
        (
            "Called for\nTOKYO -- Prime Minister Shigeru Ishiba has called for a phone call with Chinese President Xi "
            "Jinping to ease tensions.",
            {("requested", "shigeru_ishiba", "xi_jinping")},
        ),
        (
            "Sin sentido\nBOGOTÁ.- El presidente Gustavo Petro dijo que no tiene sentido llamar al presidente Donald "
            "Trump mientras sigan las deportaciones.",
            {("refused", "donald_trump", "gustavo_petro")},
        ),
        (
            "Claim\nWASHINGTON -- President Donald Trump said on Monday he had spoken with Chinese President Xi "
            "Jinping. Beijing said no call had taken place.",
            {("denied", "donald_trump", "xi_jinping")},
        ),
    ],
)
def test_a_call_not_held_gets_the_status_a_reader_gives_it(
    reference: Reference, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert written.call_rows(written.extract(reference, text, DAY)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ceasefire\nTOKYO -- Prime Minister Shigeru Ishiba called for a ceasefire in a phone call with Chinese "
        "President Xi Jinping on Monday.",
        "Spoken\nPARIS -- French President Emmanuel Macron has even spoken by phone with Russian President Vladimir "
        "Putin twice this month, the Elysee said on Monday.",
        "Possible\nPARIS -- French President Emmanuel Macron spoke by phone with Indian Prime Minister Narendra Modi "
        "on Monday about every possible way to end the war.",
    ],
)
def test_the_same_words_around_a_call_held_leave_it_held(reference: Reference, text: str) -> None:
    assert {row[0] for row in written.call_rows(written.extract(reference, text, DAY))} == {"held"}


def test_a_leader_the_two_spoke_about_is_no_side_of_their_call(reference: Reference) -> None:
    text = (
        "Sánchez y Sheinbaum conversan por teléfono sobre los aranceles de Trump y el acuerdo UE-México\n"
        "MADRID, 4 Mar. (EUROPA PRESS) - El presidente del Gobierno, Pedro Sánchez, ha mantenido este martes una "
        "conversación telefónica con la presidenta de México, Claudia Sheinbaum."
    )
    assert written.call_rows(written.extract(reference, text, dt.date(2025, 3, 4))) == {
        ("held", "claudia_sheinbaum", "pedro_sanchez")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Envoys\nMOSCOW -- Kirill Dmitriev, President Vladimir Putin's special envoy, spoke by phone with Steve "
        "Witkoff, President Donald Trump's envoy, on Monday.",
        "Phone-in\nCARACAS -- Nicolás Maduro phoned into a state television programme on Sunday to criticise Colombian "
        "President Gustavo Petro.",
    ],
)
def test_a_leaders_envoy_or_a_phone_in_is_no_leaders_call(reference: Reference, text: str) -> None:
    assert written.call_rows(written.extract(reference, text, DAY)) == set()


def test_a_leaders_office_that_says_he_spoke_keeps_the_call(reference: Reference) -> None:
    text = (
        "Office\nWASHINGTON -- President Donald Trump's office said he had spoken with Chinese President Xi Jinping on "
        "Monday."
    )
    assert written.call_rows(written.extract(reference, text, DAY)) == {("held", "donald_trump", "xi_jinping")}


def test_an_address_to_an_assembly_by_video_is_no_call_but_a_call_after_it_is(reference: Reference) -> None:
    address = (
        "Diet\nKYIV -- Ukrainian President Volodymyr Zelensky addressed the Japanese parliament by video link on "
        "Wednesday; Prime Minister Fumio Kishida thanked him."
    )
    assert written.call_rows(written.extract(reference, address, DAY)) == set()
    later = (
        "Diet\nKYIV -- Ukrainian President Volodymyr Zelensky addressed the Japanese parliament on Wednesday and later "
        "spoke by phone with Prime Minister Fumio Kishida."
    )
    assert written.call_rows(written.extract(reference, later, DAY)) == {
        ("held", "fumio_kishida", "volodymyr_zelensky")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ready\nMOSCOW -- Vladimir Putin is ready for a phone conversation with Emmanuel Macron, Kremlin spokesman "
            "Dmitry Peskov said on Tuesday.",
            {("planned", "emmanuel_macron", "vladimir_putin")},
        ),
        (
            "Dispuesto\nMOSCÚ.- Vladímir Putin está dispuesto a mantener una conversación telefónica con Emmanuel "
            "Macron, dijo este martes el portavoz del Kremlin, Dmitri Peskov.",
            {("planned", "emmanuel_macron", "vladimir_putin")},
        ),
        (
            "Perhaps\nWASHINGTON -- President Donald Trump said on Tuesday he would perhaps speak with Vladimir Putin "
            "by phone at the end of the week.",
            {("planned", "donald_trump", "vladimir_putin")},
        ),
        (
            "First\nBERLIN -- Chancellor Friedrich Merz will first call President Emmanuel Macron before the summit, a "
            "government spokesman said on Tuesday.",
            {("planned", "emmanuel_macron", "friedrich_merz")},
        ),
    ],
)
def test_a_leader_ready_for_a_call_or_a_call_ahead_with_an_adverb_is_planned(
    reference: Reference, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert written.call_rows(written.extract(reference, text, DAY)) == expected


def test_a_readouts_prime_minister_is_the_leader_of_the_government_on_its_from_line(reference: Reference) -> None:
    text = (
        "PM call with Prime Minister Carney of Canada: 3 June 2025\n"
        "From: Prime Minister's Office, 10 Downing Street\n"
        "Published 3 June 2025\n\n"
        "The Prime Minister spoke to Prime Minister Mark Carney of Canada this morning. The leaders discussed the "
        "steel tariffs and the G7 summit in Kananaskis."
    )
    assert written.call_rows(written.extract(reference, text, dt.date(2025, 6, 3))) == {
        ("held", "keir_starmer", "mark_carney")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Joint\nLONDON -- Keir Starmer, Emmanuel Macron and Friedrich Merz held a joint call with Donald Trump on "
        "Monday evening, Downing Street said.",
        "Conjunta\nMADRID.- Emmanuel Macron, Friedrich Merz y Keir Starmer mantuvieron este lunes una llamada "
        "conjunta con Donald Trump, en la que Pedro Sánchez no participó.",
    ],
)
def test_a_joint_call_of_three_or_more_leaders_is_no_call_of_two(reference: Reference, text: str) -> None:
    assert written.call_rows(written.extract(reference, text, DAY)) == set()


def test_a_joint_statement_after_a_call_of_two_keeps_it(reference: Reference) -> None:
    text = (
        "Statement\nBERLIN -- Friedrich Merz spoke by phone with Donald Trump on Monday, a German government spokesman "
        "said. Merz, Macron and Starmer later issued a joint statement."
    )
    assert written.call_rows(written.extract(reference, text, DAY)) == {("held", "donald_trump", "friedrich_merz")}
