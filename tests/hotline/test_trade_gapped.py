"""A measure said again for another party's goods in a clause of its own, with their own rate and no measure noun
(gapping): "Thai goods face a 36% U.S. tariff, while Cambodian products pay 49%", "mientras que los peruanos pagan
un 15 %". The party is a target of the measure at that rate; a clause with a measure noun of its own is its own
measure ("while steel shipments still face a 50 percent duty"), and a clause that tells a change in trade says no
measure again ("while wine exports plunged 90%").

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
        "Since July, Thai goods have faced a 36% U.S. tariff, while Cambodian products pay 49%.",
        {("tariff", "US", "TH", None, 36.0, "imposed"), ("tariff", "US", "KH", None, 49.0, "imposed")},
        id="while-demonym-goods-pay",
    ),
    pytest.param(
        "Indonesian goods face a 19% U.S. tariff, whereas goods from Vietnam pay 20%.",
        {("tariff", "US", "ID", None, 19.0, "imposed"), ("tariff", "US", "VN", None, 20.0, "imposed")},
        id="whereas-goods-from-pay",
    ),
    pytest.param(
        "Washington's levy on Malaysian exports stands at 24 percent, and Singaporean goods still face 10 percent.",
        {("tariff", "US", "MY", None, 24.0, "imposed"), ("tariff", "US", "SG", None, 10.0, "imposed")},
        id="and-demonym-goods-still-face",
    ),
    pytest.param(
        "Washington aplica un arancel del 15 % a los productos colombianos, mientras que los ecuatorianos pagan un "
        "10 %.",
        {("tariff", "US", "CO", None, 15.0, "imposed"), ("tariff", "US", "EC", None, 10.0, "imposed")},
        id="es-mientras-que-los-demonym-pagan",
    ),
    pytest.param(
        "Los envíos chilenos pagan un gravamen del 10 % para entrar a Estados Unidos, y los productos de Perú, "
        "un 15 %.",
        {("tariff", "US", "CL", None, 10.0, "imposed"), ("tariff", "US", "PE", None, 15.0, "imposed")},
        id="es-y-productos-de-country-rate",
    ),
    pytest.param(
        "U.S. tariffs on Japanese cars were cut to 15 percent, while steel shipments still face a 50 percent duty on "
        "all imports.",
        {
            ("tariff", "US", "JP", "automotive", 15.0, "reduced"),
            ("tariff", "US", "ALL", "steel", 50.0, "imposed"),
        },
        id="a-clause-with-its-own-measure-noun-is-its-own-measure",
    ),
    pytest.param(
        "Beijing set a 30% duty on Australian barley, while wine exports plunged 90%.",
        {("tariff", "CN", "AU", "agriculture", 30.0, "imposed")},
        id="a-clause-of-a-change-in-trade-says-no-measure-again",
    ),
    pytest.param(
        "Ottawa kept a 25% surtax on Chinese steel, while aluminum imports rose 12%.",
        {("tariff", "CA", "CN", "steel", 25.0, "imposed")},
        id="a-rise-in-imports-is-no-rate-of-the-measure",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_sentence(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected
