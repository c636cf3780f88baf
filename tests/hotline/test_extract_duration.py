"""A call's length told in a sentence after its own ("La comunicación, de unos 40 minutos, ...") — and lengths that
belong to something else.

The texts are written here in the styles of government releases and wire copy.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference

THURSDAY = dt.date(2025, 9, 18)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        (
            "El presidente Yamandú Orsi mantuvo este jueves una conversación telefónica con la presidenta de México, "
            "Claudia Sheinbaum. La comunicación, de unos 40 minutos, se realizó a iniciativa del mandatario uruguayo.",
            40,
        ),
        (
            "SANTO DOMINGO.- El presidente Luis Abinader sostuvo este jueves una conversación telefónica con el "
            "presidente Gustavo Petro. Según la nota oficial, ambos repasaron la cooperación. Durante el intercambio, "
            "de unos veinte minutos, los dos gobernantes hablaron también de seguridad.",
            20,
        ),
        (
            "TOKYO, Sept 18 (Kyodo) - Prime Minister Shigeru Ishiba spoke by phone with Italian Prime Minister "
            "Giorgia Meloni on Thursday. In the roughly 25-minute call, the two leaders discussed Ukraine.",
            25,
        ),
        (  # someone else's length: the text has moved to other people
            "El presidente Yamandú Orsi conversó este jueves por teléfono con Claudia Sheinbaum. El canciller Mario "
            "Lubetkin se reunió después con empresarios. La reunión, de unos 40 minutos, trató de inversiones.",
            None,
        ),
    ],
)
def test_a_length_told_after_the_call_sentence(reference: Reference, text: str, minutes: int | None) -> None:
    (call,) = written.extract(reference, text, THURSDAY).calls
    assert call.duration_minutes == minutes
