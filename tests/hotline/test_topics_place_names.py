"""A keyword that begins a place's name names the place, not a topic (issue 14): "Port Moresby", "PORT LOUIS" in a
dateline, "Puerto Príncipe"; "the Port of Darwin" is still a port.

Every text was written for these tests in the styles of wire copy and government releases; none is taken from the
evaluation corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.reference import Reference

DAY = dt.date(2025, 7, 11)  # a Friday


def _discussed(reference: Reference, text: str) -> set[str]:
    facts = written.extract(reference, text, DAY, title="")
    return {t.topic_code for t in facts.topics if t.status == "discussed"}


@pytest.mark.parametrize(
    "text",
    [
        "Napat y Albanese\nPORT VILA, 10 jul (EFE).- El primer ministro de Vanuatu, Jotham Napat, conversó el jueves "
        "por teléfono con el primer ministro australiano, Anthony Albanese, sobre la seguridad regional.",
        "Prime Minister James Marape spoke by phone with Fijian Prime Minister Sitiveni Rabuka on Thursday about "
        "direct flights between Port Moresby and Nadi.",
    ],
)
def test_a_city_named_after_a_port_is_no_infrastructure(reference: Reference, text: str) -> None:
    assert "infrastructure" not in _discussed(reference, text)


def test_a_port_of_a_city_is_still_a_port(reference: Reference) -> None:
    text = (
        "CANBERRA - Prime Minister Anthony Albanese spoke by phone with Chinese Premier Li Qiang on Thursday about "
        "the lease of the Port of Darwin."
    )
    assert "infrastructure" in _discussed(reference, text)
