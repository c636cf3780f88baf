"""Earlier calls named again with their noun left out, set against a numbered call ("la segunda conversación ...,
después de la que mantuvieron en marzo", "La anterior se produjo el 2 de abril", "their third call, after the one
they held in May"). Texts written here in the styles of government notes, wire copy and the English-language press.
"""

from __future__ import annotations

import datetime as dt

import written

from hotline.reference import Reference

WEDNESDAY = dt.date(2025, 6, 18)


def calls(reference: Reference, text: str) -> set[tuple[object, ...]]:
    facts = written.extract(reference, text, WEDNESDAY)
    return {
        (c.is_directly_reported, c.date.date, c.sequence_number, *sorted(p.official_id for p in c.participants))
        for c in facts.calls
    }


def test_the_one_they_held_after_a_numbered_conversation_is_an_earlier_call(reference: Reference) -> None:
    text = (
        "El presidente del Gobierno, Pedro Sánchez, mantuvo este lunes una conversación telefónica con el presidente "
        "de Francia, Emmanuel Macron. Es la segunda conversación entre ambos este año, después de la que mantuvieron "
        "en febrero."
    )
    found = calls(reference, text)
    assert {(c[0], *c[3:]) for c in found} == {
        (True, "emmanuel_macron", "pedro_sanchez"),
        (False, "emmanuel_macron", "pedro_sanchez"),
    }


def test_the_previous_one_in_the_next_sentence_is_an_earlier_call_with_its_date(reference: Reference) -> None:
    text = (
        "La presidenta de México, Claudia Sheinbaum, conversó este martes por teléfono con el presidente de Brasil, "
        "Luiz Inácio Lula da Silva. Se trata de la tercera llamada entre ambos. La anterior se produjo el 2 de abril, "
        "cuando los dos mandatarios hablaron de aranceles."
    )
    found = calls(reference, text)
    assert (False, dt.date(2025, 4, 2), None, "claudia_sheinbaum", "luiz_inacio_lula_da_silva") in found
    assert len(found) == 2


def test_the_first_one_told_after_a_numbered_call_is_the_pairs_first(reference: Reference) -> None:
    text = (
        "Prime Minister Keir Starmer spoke by phone with Chancellor Friedrich Merz on Tuesday, their second call this "
        "month. The first was on June 3, when the two leaders discussed defence spending."
    )
    found = calls(reference, text)
    assert (False, dt.date(2025, 6, 3), 1, "friedrich_merz", "keir_starmer") in found
    assert len(found) == 2


def test_an_elided_meeting_after_a_numbered_meeting_is_no_call(reference: Reference) -> None:
    text = (
        "El presidente del Gobierno, Pedro Sánchez, mantuvo este lunes una conversación telefónica con el presidente "
        "de Francia, Emmanuel Macron. Ambos preparan su segunda reunión en París, después de la que mantuvieron en "
        "Madrid en enero."
    )
    assert len(calls(reference, text)) == 1
