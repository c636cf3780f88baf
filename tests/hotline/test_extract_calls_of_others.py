"""Calls whose other side is no leader though the article names leaders: a leader's phone-in to a radio programme
with words between the verb and the programme, a readout's "the Greek Prime Minister, Government Spokesman X
announced" (a title after a title is no one's name), and "the call" told again after a video conference of many.

The texts are written here in the styles of wire copy, government press releases and British newspapers.
"""

from __future__ import annotations

import datetime as dt

import written

from hotline.reference import Reference

DAY = dt.date(2025, 11, 25)


def test_a_phone_in_to_a_programme_with_words_between_is_no_leaders_call(reference: Reference) -> None:
    text = (
        "Radio\nBUENOS AIRES.- El presidente Javier Milei se comunicó telefónicamente este martes por la noche con un "
        "programa de radio y volvió a criticar al gobierno de Pedro Sánchez."
    )
    assert written.call_rows(written.extract(reference, text, DAY)) == set()


def test_a_title_after_a_title_is_no_name_of_the_first(reference: Reference) -> None:
    text = (
        "Release\nNicosia, 25 November 2025\n\nThe President of the Republic, Nikos Christodoulides, had a telephone "
        "conversation on Tuesday with the Prime Minister of Greece, Kyriakos Mitsotakis, at the initiative of the "
        "Greek Prime Minister, Government Spokesman Konstantinos Letymbiotis announced."
    )
    assert written.call_rows(written.extract(reference, text, DAY)) == {
        ("held", "kyriakos_mitsotakis", "nikos_christodoulides")
    }


def test_the_call_after_a_conference_of_many_is_that_conference(reference: Reference) -> None:
    text = (
        "Coalition\nKeir Starmer and Emmanuel Macron on Tuesday co-hosted a video conference of about 30 leaders of "
        "the coalition of the willing. Volodymyr Zelensky joined the call from Kyiv, alongside Friedrich Merz and "
        "Giorgia Meloni. Zelensky thanked the leaders in a post on X after the call."
    )
    assert written.call_rows(written.extract(reference, text, DAY)) == set()


def test_a_call_of_two_told_after_the_conference_stays(reference: Reference) -> None:
    text = (
        "Cumbre\nBRASILIA.- Lula da Silva encabezó este lunes una cumbre virtual de los BRICS con Vladimir Putin, "
        "Xi Jinping y Cyril Ramaphosa. La idea de la cumbre surgió de la conversación telefónica que Lula mantuvo con "
        "Narendra Modi el 7 de agosto."
    )
    assert written.call_rows(written.extract(reference, text, DAY)) == {
        ("held", "luiz_inacio_lula_da_silva", "narendra_modi")
    }
