"""A negated head qualified by a name (issue 14, point 3): "did not raise the stalled Nakamal security pact".

The words in capitals right before a negation's head topic name it ("the long-delayed Aqaba water deal", "el
postergado acuerdo Mercosur-UE"): they are light like an article, so the head is still read. A name before a verb
("Trump anunció aranceles ..., de los que México quedó fuera") is no name of the head.

Every text was written for these tests in the styles of wire copy and the Spanish-language press; none is taken from
the seed corpus or the evaluation corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference

DAY = dt.date(2025, 7, 11)  # a Friday
_WIRE = (
    "NAIROBI — President William Ruto spoke by phone on Thursday with Ugandan President Yoweri Museveni about the "
    "fighting in eastern Congo, State House said.\n\n"
)
_PRENSA = (
    "CIUDAD DE MÉXICO. La presidenta Claudia Sheinbaum conversó este jueves por teléfono con el primer ministro de "
    "Canadá, Mark Carney, sobre la cooperación en seguridad.\n\n"
)


def _not_discussed(reference: Reference, text: str) -> set[str]:
    return written.first_call_topics(written.extract(reference, text, DAY, title=""), "not_discussed")


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        (_WIRE + "Mr Ruto said he did not raise the stalled Nakamal security agreement on the call.", {"security"}),
        (_WIRE + "The two leaders did not discuss the long-delayed Tororo water deal, an aide said.", {"water"}),
        (
            _PRENSA + "Sheinbaum precisó que no abordaron el postergado Plan Sonora de energía solar.",
            {"energy"},
        ),
    ],
)
def test_a_name_before_the_negated_head_keeps_the_head(reference: Reference, text: str, negated: set[str]) -> None:
    assert negated <= _not_discussed(reference, text)


def test_a_name_before_a_verb_is_no_name_of_a_head(reference: Reference) -> None:
    text = (
        _PRENSA + "El 2 de abril, Trump anunció aranceles a decenas de países, de los que México y Canadá "
        "quedaron fuera."
    )
    assert "tariffs" not in _not_discussed(reference, text)
