"""Trade measures on goods of any origin, goods excluded from a duty, and the market goods enter.

"Of any origin" / "de cualquier origen" says a measure covers every country, even when a later clause names one
("... and the deal grants no exception to Brazil"). To exclude goods from a duty ("excluye de los aranceles a
...", "were excluded from the tariffs") is to exempt them; exclusion from a white list or a payments system is
not. The market goods pay a duty "to enter" imposes it, and the market exports of some kind go to grants their
exemption. Goods or a country that were not exempted ("were not exempted", "no quedaron fuera") state no exemption.

Every sentence here was written for these tests in the styles of wire copy, the business press and the
Spanish-language press; none is taken from the article corpus, the evaluation set or a seed file. Facts are
(measure_type, imposing, target, sector, rate_percent, status).
"""

from __future__ import annotations

import pytest
import written

from hotline.reference import Reference

rows = written.trade_rows


EXAMPLES = [
    pytest.param(
        "Washington keeps a 50% tariff on steel imports of any origin, and the new deal grants no exception to Brazil.",
        {("tariff", "US", "ALL", "steel", 50.0, "imposed")},
        id="any-origin-over-a-country-named-later",
    ),
    pytest.param(
        "Los fabricantes de aluminio siguen pagando el arancel del 25 % que Washington cobra a ese metal de cualquier "
        "origen, y el pacto no prevé excepciones para Uruguay.",
        {("tariff", "US", "ALL", "aluminum", 25.0, "imposed")},
        id="es-de-cualquier-origen-over-a-country-named-later",
    ),
    pytest.param(
        "Ottawa keeps its 15% duty on imported steel regardless of origin, Canadian officials said on Tuesday.",
        {("tariff", "CA", "ALL", "steel", 15.0, "imposed")},
        id="regardless-of-origin",
    ),
    pytest.param(
        "Washington firmó una orden que excluye de los aranceles recíprocos a productos agrícolas como el café y el "
        "cacao, cualquiera sea su origen.",
        {("exemption", "US", "ALL", "agriculture", None, "exempted")},
        id="es-excluye-de-los-aranceles-is-an-exemption",
    ),
    pytest.param(
        "Cocoa and bananas were excluded from the reciprocal tariffs under an order signed by Washington.",
        {("exemption", "US", "ALL", "agriculture", None, "exempted")},
        id="excluded-from-the-tariffs-is-an-exemption",
    ),
    pytest.param(
        "El decreto de Ottawa excluyó del recargo del 25 % al acero de México.",
        {("exemption", "CA", "MX", "steel", 25.0, "exempted")},
        id="es-excluyo-del-recargo-is-an-exemption",
    ),
    pytest.param(
        "Seúl excluyó a Japón de su lista blanca de socios comerciales de confianza.",
        {("export_restriction", "KR", "JP", None, None, "imposed")},
        id="es-excluded-from-a-white-list-is-no-exemption",
    ),
    pytest.param(
        "Washington aplicará un arancel del 40 % al níquel sin distinguir país de origen, y no habrá excepción "
        "para Canadá.",
        {("tariff", "US", "ALL", "critical_minerals", 40.0, "threatened")},
        id="es-sin-distinguir-pais-de-origen",
    ),
    pytest.param(
        "Thai rice will face a 20% duty to enter the Philippines from January.",
        {("tariff", "PH", "TH", "agriculture", 20.0, "threatened")},
        id="the-market-goods-pay-to-enter-imposes",
    ),
    pytest.param(
        "El café hondureño paga un arancel del 8 % para entrar a Estados Unidos.",
        {("tariff", "US", "HN", "agriculture", 8.0, "imposed")},
        id="es-the-market-goods-pay-para-entrar-a-imposes",
    ),
    pytest.param(
        "Medicines and smartphones remain exempt from the 25% levy, sparing the two largest export categories to "
        "the United States.",
        {
            ("exemption", "US", "ALL", "pharmaceuticals", 25.0, "exempted"),
            ("exemption", "US", "ALL", "electronics", 25.0, "exempted"),
        },
        id="the-market-of-exports-of-a-kind-grants-their-exemption",
    ),
    pytest.param(
        "Ottawa excluded two Iranian banks from its payments network last week.",
        set(),
        id="excluded-from-a-network-is-no-exemption",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_sentences(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected


NOT_EXEMPTED = [
    pytest.param(
        "Los camarones ecuatorianos no quedaron fuera del arancel del 15 % de Estados Unidos, lamentó la cámara.",
        id="es-no-quedaron-fuera-is-no-exemption",
    ),
    pytest.param("Kenyan tea was not exempted from the 10% U.S. tariff, the exporters' council said.", id="was-not"),
    pytest.param("Textiles weren't exempted from the new 15% duty, the ministry said.", id="weren-t"),
    pytest.param("El café colombiano tampoco quedó exento del gravamen estadounidense del 10 %.", id="es-tampoco"),
]


@pytest.mark.parametrize("text", NOT_EXEMPTED)
def test_a_negated_exemption_states_none(text: str, reference: Reference) -> None:
    assert not any(row[0] == "exemption" for row in rows(text, reference))


def test_a_phrase_holding_its_own_negation_still_exempts(reference: Reference) -> None:
    text = "Canadian goods that comply with the trade pact are not subject to the 35% U.S. tariff."
    assert ("exemption", "US", "CA", None, 35.0, "exempted") in rows(text, reference)
