"""Trade measures on goods of any origin, and goods excluded from a duty.

"Of any origin" / "de cualquier origen" says a measure covers every country, even when a later clause names one
("... and the deal grants no exception to Brazil"); to exclude goods from a duty ("excluye de los aranceles a ...",
"were excluded from the tariffs") is to exempt them, while exclusion from a white list or a payments system is not.

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
        "Ottawa excluded two Iranian banks from its payments network last week.",
        set(),
        id="excluded-from-a-network-is-no-exemption",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_sentences(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected
