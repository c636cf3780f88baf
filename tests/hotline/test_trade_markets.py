"""Whom a measure is on, read from how goods travel and from what the text sets apart: the market goods are sent
to imposes the tariff on them ("the cars they ship to the United States", "el acero que venden a Estados Unidos");
a negated origin is no target ("auto parts not made in the United States"); a second measure after ", and" starts
its own segment even when its words hold another "and" ("anti-dumping and countervailing duties"); "in response to
the tariffs" names the measure answered, not an answer; an exemption beside a tariff on several countries is granted
to each of them. Lists: each goods item of a list after the measure is a target of its own ("on Canadian lumber
and Mexican tomatoes"), while a party listed beside the measure is none ("discussed U.S. tariffs and Australian beef
exports"); a relief still sought, in any inflection ("will continue to seek an exemption"), is no measure. Where a
measure's cost falls is not its goods ("could cost jobs, mostly in agriculture"). Goods that pay a duty in a market
("pagan en China un arancel", "a duty in the American market", "en el mercado estadounidense"): the market charges it.

Every sentence here was written for these tests in the styles of wire copy (with datelines), the trade press,
government readouts and the Spanish-language press; none is taken from the article corpus, the evaluation set or
a seed file. Facts are (measure_type, imposing, target, sector, rate_percent, status).
"""

from __future__ import annotations

import pytest
import written

from hotline.reference import Reference

rows = written.trade_rows

EXAMPLES = [
    # Goods that pay a duty in a market: the market charges it ("pagan en Estados Unidos", "in the American market").
    pytest.param(
        "Desde marzo, los vinos chilenos pagan en China un arancel del 14 %, según la asociación de exportadores.",
        {("tariff", "CN", "CL", "wine", 14.0, "imposed")},
        id="es-goods-pay-in-a-market",
    ),
    pytest.param(
        "Los camiones siguen sujetos a un arancel del 25 % en el mercado estadounidense, sin excepciones por origen.",
        {("tariff", "US", "ALL", "automotive", 25.0, "imposed")},
        id="es-a-duty-in-the-market-named-by-its-demonym",
    ),
    pytest.param(
        "Vietnamese shrimp now faces a 20% duty in the American market, the exporters' association said.",
        {("tariff", "US", "VN", "seafood", 20.0, "imposed")},
        id="a-duty-in-the-demonyms-market",
    ),
    pytest.param(
        "El Gobierno anunció aranceles del 10 % en productos chilenos.",
        {("tariff", None, "CL", None, 10.0, "imposed")},
        id="es-a-demonym-on-goods-is-no-market",
    ),
    pytest.param(
        "SEOUL (Wire) - Korean carmakers already pay a 15% tariff on the vehicles they ship to the United States.",
        {("tariff", "US", "KR", "automotive", 15.0, "imposed")},
        id="the-market-goods-are-shipped-to-imposes",
    ),
    pytest.param(
        "Los productores brasileños de café pagan un arancel del 50 % sobre los granos que venden a Estados Unidos.",
        {("tariff", "US", "BR", "agriculture", 50.0, "imposed")},
        id="es-the-market-goods-are-sold-to-imposes",
    ),
    pytest.param(
        "Japanese steelmakers face a 50% duty on the steel they exported to the United States last year.",
        {("tariff", "US", "JP", "steel", 50.0, "imposed")},
        id="the-market-of-past-exports-imposes",
    ),
    pytest.param(
        "OTTAWA (Wire) - U.S. duties of 25 per cent on auto parts not made in the United States remain in force.",
        {("tariff", "US", "ALL", "automotive", 25.0, "imposed")},
        id="a-negated-origin-is-no-target",
    ),
    pytest.param(
        "Washington cobra desde abril un arancel del 25 % a las autopartes no fabricadas en Estados Unidos.",
        {("tariff", "US", "ALL", "automotive", 25.0, "imposed")},
        id="es-a-negated-origin-is-no-target",
    ),
    pytest.param(
        "Copper from all countries faces a 50% U.S. tariff, and Chilean salmon now carries anti-dumping and "
        "countervailing duties of 12%.",
        {
            ("tariff", "US", "ALL", "copper", 50.0, "imposed"),
            ("tariff", "US", "CL", "seafood", 12.0, "imposed"),
        },
        id="a-comma-and-conjunction-cuts-before-an-inner-and",
    ),
    pytest.param(
        "Brussels extended the suspension of its countermeasures on American goods, adopted in response to "
        "Washington's tariffs on steel.",
        {
            ("tariff", "EU", "US", None, None, "paused"),
            ("tariff", "US", "ALL", "steel", None, "imposed"),
        },
        id="the-measure-answered-is-no-answer",
    ),
    pytest.param(
        "Goods from Thailand and Vietnam face a 20% US tariff, with exemptions for coffee and rubber.",
        {
            ("tariff", "US", "TH", None, 20.0, "imposed"),
            ("tariff", "US", "VN", None, 20.0, "imposed"),
            ("exemption", "US", "TH", "agriculture", None, "exempted"),
            ("exemption", "US", "VN", "agriculture", None, "exempted"),
        },
        id="an-exemption-beside-a-tariff-on-several-countries-goes-to-each",
    ),
    pytest.param(
        "Washington slapped tariffs on Canadian lumber and Mexican tomatoes last month.",
        {
            ("tariff", "US", "CA", "lumber", None, "imposed"),
            ("tariff", "US", "MX", "agriculture", None, "imposed"),
        },
        id="each-goods-item-of-a-list-is-a-target",
    ),
    pytest.param(
        "PEKÍN (Agencia) - China impuso aranceles al cerdo canadiense y a los vinos australianos.",
        {
            ("tariff", "CN", "CA", "agriculture", None, "imposed"),
            ("tariff", "CN", "AU", "wine", None, "imposed"),
        },
        id="es-each-goods-item-of-a-list-is-a-target",
    ),
    pytest.param(
        "In Perth, Mr Albanese said the two leaders discussed US tariffs and Australian beef exports to Korea.",
        {("tariff", "US", None, None, None, "imposed")},
        id="a-party-listed-beside-the-measure-is-no-target",
    ),
    pytest.param(
        "The trade ministry said it will continue to seek an exemption for its fertilizer shipments.",
        set(),
        id="a-relief-still-sought-is-no-measure",
    ),
    pytest.param(
        "El Gobierno buscará una exención para sus envíos de café, dijo el canciller.",
        set(),
        id="es-a-relief-still-sought-is-no-measure",
    ),
    pytest.param(
        "Economists estimate the new U.S. tariffs could cost up to 80,000 jobs, mostly in agriculture and the "
        "automotive sector.",
        {("tariff", "US", None, None, None, "imposed")},
        id="where-the-cost-falls-is-not-the-goods",
    ),
    pytest.param(
        "El nuevo arancel de Washington podría costar 5.000 empleos, sobre todo en la agricultura y la industria "
        "automotriz.",
        {("tariff", "US", None, None, None, "imposed")},
        id="es-where-the-cost-falls-is-not-the-goods",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_sentence(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected
