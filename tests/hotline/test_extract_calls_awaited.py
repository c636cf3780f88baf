"""Calls awaited, moved, conditional or needless, and the people who are no leaders on the line: "days before an
expected call", "the expected call ... took place", "had been set for Wednesday was moved to Tuesday", "if it
happens, would most likely take place after Christmas", "'no hace falta' hablar por teléfono", "No hablé nunca con
Lula por teléfono", "Taiwan's former president", and a preview's headline over the story of the call held.

The texts are written here in the styles of wire copy, Spanish dailies and updated previews.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference

DAY = dt.date(2025, 8, 12)

calls = written.call_rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (  # a call awaited, another call held
            "Rubio\nWASHINGTON — Secretary of State Marco Rubio spoke by phone with Chinese Foreign Minister Wang Yi "
            "on Tuesday, the State Department said, days before an expected call between President Donald Trump and Xi "
            "Jinping.",
            {("planned", "donald_trump", "xi_jinping")},
        ),
        (  # the awaited call, said to have taken place
            "Trump, Xi\nWASHINGTON — The expected call between President Donald Trump and Chinese President Xi "
            "Jinping took place on Tuesday, the White House said.",
            {("held", "donald_trump", "xi_jinping")},
        ),
        (  # Spanish: the call planned for one day held on another
            "Sánchez, Macron\nMADRID.- La llamada prevista para el lunes entre Pedro Sánchez y Emmanuel Macron se "
            "produjo finalmente el martes.",
            {("held", "emmanuel_macron", "pedro_sanchez")},
        ),
        (  # a call moved to another day
            "Marcos, Anwar\nMANILA — A phone call between President Ferdinand Marcos Jr. and Malaysian Prime Minister "
            "Anwar Ibrahim that had been set for Wednesday was moved to Thursday, the palace said.",
            {("planned", "anwar_ibrahim", "ferdinand_marcos_jr")},
        ),
        (  # a call only if it happens, most likely later
            "Tusk, Orbán\nBRUSSELS — Diplomats said a call between Donald Tusk and Viktor Orbán, if it happens, would "
            "most likely take place after Christmas.",
            {("planned", "donald_tusk", "viktor_orban")},
        ),
    ],
)
def test_calls_awaited_or_moved_are_planned_until_they_take_place(
    reference: Reference, text: str, rows: set[tuple[str, ...]]
) -> None:
    assert calls(written.extract(reference, text, DAY)) == rows


@pytest.mark.parametrize(
    "text",
    [
        "Milei\nBUENOS AIRES.- El presidente Javier Milei aseguró en una entrevista radial que 'no hace falta' hablar "
        "por teléfono con Lula da Silva.",
        'Milei\nBUENOS AIRES.- "No hablé nunca con Lula por teléfono y no tengo por qué hacerlo", dijo el presidente '
        "Javier Milei en una entrevista.",
        "Tsai\nTAIPEI — Taiwan's former president Tsai Ing-wen spoke by phone with Lithuanian President Gitanas "
        "Nausėda on Tuesday.",
    ],
)
def test_a_call_needless_never_had_or_of_a_former_leader_is_none(reference: Reference, text: str) -> None:
    assert calls(written.extract(reference, text, DAY)) == set()


def test_a_previews_headline_is_not_a_second_call_once_the_call_is_held(reference: Reference) -> None:
    story = (
        "Albanese to speak with Luxon as talks turn to defence\n"
        "CANBERRA, June 12, 2025 (AAP)\n\n"
        "UPDATED: This story, first published as a preview of the call, has been updated after the conversation "
        "took place.\n\n"
        "Prime Minister Anthony Albanese spoke with his New Zealand counterpart Christopher Luxon by phone on "
        "Wednesday night, his office said on Thursday."
    )
    assert calls(written.extract(reference, story, dt.date(2025, 6, 12))) == {
        ("held", "anthony_albanese", "christopher_luxon")
    }
    again = story + " The two leaders agreed to speak again next week."
    assert calls(written.extract(reference, again, dt.date(2025, 6, 12))) == {
        ("held", "anthony_albanese", "christopher_luxon"),
        ("planned", "anthony_albanese", "christopher_luxon"),
    }


def test_a_plan_for_the_next_call_leaves_the_call_told_held(reference: Reference) -> None:
    story = (
        "Sánchez\nMADRID.- El presidente del Gobierno, Pedro Sánchez, habló el jueves por teléfono con el presidente "
        "uruguayo, Yamandú Orsi, y Moncloa prevé que esta semana converse también con el brasileño Luiz Inácio Lula "
        "da Silva. Fuentes de Moncloa explicaron que, en la llamada con Orsi, Sánchez defendió el tratado."
    )
    rows = calls(written.extract(reference, story, dt.date(2025, 9, 8)))
    assert ("held", "pedro_sanchez", "yamandu_orsi") in rows  # not planned by the plan for the call with Lula
    assert not {row for row in rows if row[0] == "held" and "luiz_inacio_lula_da_silva" in row}  # nor Lula on it


def test_a_round_in_a_headline_lists_each_leader_called(reference: Reference) -> None:
    story = (
        "Merkel phones Putin, Yushchenko as gas standoff leaves Europe in the cold\n"
        "BERLIN (Reuters) - German Chancellor Angela Merkel spoke by telephone on Thursday with Russian Prime Minister "
        "Vladimir Putin and Ukrainian President Viktor Yushchenko."
    )
    assert calls(written.extract(reference, story, dt.date(2009, 1, 9))) == {
        ("held", "angela_merkel", "vladimir_putin"),
        ("held", "angela_merkel", "viktor_yushchenko"),
    }


def test_a_meeting_still_to_come_leaves_a_readouts_spoke_with_a_call(reference: Reference) -> None:
    readout = (
        "Prime Minister Carney speaks with Prime Minister of Japan Shigeru Ishiba\n"
        "Today, Prime Minister Mark Carney spoke with the Prime Minister of Japan, Shigeru Ishiba. The leaders "
        "discussed trade. The leaders agreed to meet in person on the margins of the G7 Summit."
    )
    assert calls(written.extract(reference, readout, dt.date(2025, 6, 6))) == {
        ("held", "mark_carney", "shigeru_ishiba")
    }
    met = readout.replace("agreed to meet in person on the margins of", "met in person on the margins of")
    assert calls(written.extract(reference, met, dt.date(2025, 6, 6))) == set()
