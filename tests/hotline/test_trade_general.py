"""Trade measures by general rules rather than phrasings: an export restriction naming no destination covers every
destination, the ban an exemption is from, status cues that belong to the nearest measure, later states told by a
pronoun, demands that a measure be eased, "the bloc" as the EU, countermeasures to global tariffs, utility prices.

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
    pytest.param(
        "Nairobi has banned exports of raw hides and skins to protect its leather industry.",
        {("export_restriction", "KE", "ALL", None, None, "imposed")},
        id="any-capital-stands-for-its-government",
    ),
    pytest.param(
        "NEW DELHI (Wire) - India has curbed sugar exports to keep domestic prices down.",
        {("export_restriction", "IN", "ALL", "agriculture", None, "imposed")},
        id="export-curbs-no-destination-every-destination",
    ),
    pytest.param(
        "El gobierno de Indonesia restringió las exportaciones de aceite de palma.",
        {("export_restriction", "ID", "ALL", "agriculture", None, "imposed")},
        id="es-export-restriction-no-destination",
    ),
    pytest.param(
        "Beijing added dozens of American firms to its export control list.",
        {("export_restriction", "CN", "US", None, None, "imposed")},
        id="a-list-names-whom-it-covers",
    ),
    pytest.param(
        "Tokyo tightened controls on exports to Seoul in 2019. Tokyo eased those export controls last year.",
        {("export_restriction", "JP", "KR", None, None, "reduced")},
        id="destination-named-elsewhere-in-the-article",
    ),
    pytest.param(
        "Indonesia exempted Malaysia from its palm oil export ban.",
        {
            ("exemption", "ID", "MY", "agriculture", None, "exempted"),
            ("export_restriction", "ID", "ALL", "agriculture", None, "imposed"),
        },
        id="the-ban-an-exemption-is-from",
    ),
    pytest.param(
        "Brussels has proposed duties of up to 30% on Chinese steel, on top of the provisional levies of up to 20% "
        "that have applied since March.",
        {
            ("tariff", "EU", "CN", "steel", 30.0, "threatened"),
            ("tariff", "EU", "CN", None, 20.0, "imposed"),
        },
        id="a-status-cue-belongs-to-the-nearest-measure",
    ),
    pytest.param(
        "Ottawa announced retaliatory tariffs on U.S. goods in March but suspended them in April.",
        {("tariff", "CA", "US", None, None, "paused")},
        id="later-state-by-pronoun",
    ),
    pytest.param(
        "México anunció aranceles a productos estadounidenses, pero luego los suspendió.",
        {("tariff", "MX", "US", None, None, "paused")},
        id="es-later-state-by-pronoun",
    ),
    pytest.param(
        "Farmers have urged Japan to lower its 38.5% tariff on beef.",
        {("tariff", "JP", "ALL", "beef", 38.5, "imposed")},
        id="a-demand-to-ease-says-in-place",
    ),
    pytest.param(
        "Los productores insisten en que el Gobierno argentino levante la prohibición de exportar maíz.",
        {("export_restriction", "AR", "ALL", "agriculture", None, "imposed")},
        id="es-a-demand-to-lift-says-in-place",
    ),
    pytest.param(
        "Expiró la exención arancelaria que la Unión Europea concedía a los productos agrícolas ucranianos.",
        {("exemption", "EU", "UA", "agriculture", None, "lifted")},
        id="es-an-exemption-that-expired",
    ),
    pytest.param(
        "Tokyo's exemption for Vietnamese shrimp lapsed in May.",
        {("exemption", "JP", "VN", "seafood", None, "lifted")},
        id="an-exemption-that-lapsed",
    ),
    pytest.param(
        "Switzerland, which is not in the European Union, has adopted the bloc's latest sanctions on Russia.",
        {("sanction", "EU", "RU", None, None, "imposed")},
        id="the-bloc-is-the-eu",
    ),
    pytest.param(
        "Washington's 25% tariffs on steel from all countries took effect. The EU announced countermeasures the "
        "same day.",
        {("tariff", "US", "ALL", "steel", 25.0, "imposed"), ("tariff", "EU", "US", None, None, "imposed")},
        id="countermeasures-to-global-tariffs",
    ),
    pytest.param(
        "ASUNCION (Wire) - The two presidents agreed on a new tariff for electricity from the border dam.",
        set(),
        id="a-utility-price-is-no-trade-measure",
    ),
    pytest.param("Electricity tariffs rose 8% in Spain this year.", set(), id="electricity-tariffs-are-prices"),
    pytest.param(
        "BRUSSELS (Wire) - The EU will propose sanctions against Russia's shadow fleet of oil tankers.",
        {("sanction", "EU", "RU", "energy", None, "threatened")},
        id="will-propose-threatens-tankers-are-energy",
    ),
    pytest.param(
        "Washington anunció aranceles del 30 % a los productos de Honduras, pero la Casa Blanca los dejó en suspenso.",
        {("tariff", "US", "HN", None, 30.0, "paused")},
        id="es-left-in-suspense-is-paused",
    ),
    pytest.param(
        "El Gobierno anunció sanciones de visado contra funcionarios nicaragüenses.",
        set(),
        id="es-visa-sanctions-no-trade",
    ),
    pytest.param(
        "El canciller húngaro ha criticado en varias ocasiones las sanciones energéticas contra Rusia.",
        {("sanction", None, "RU", "energy", None, "imposed")},
        id="es-a-critic-is-no-imposer",
    ),
    pytest.param(
        "Tonga's exports to the United States - mostly fish and kava - still face the 10 per cent tariff.",
        {("tariff", "US", "TO", None, 10.0, "imposed")},
        id="exports-to-a-market-face-its-tariff",
    ),
    pytest.param(
        "Most Trinidad and Tobago goods entering the United States pay a 15 per cent tariff.",
        {("tariff", "US", "TT", None, 15.0, "imposed")},
        id="a-country-s-own-goods-entering-a-market",
    ),
    pytest.param(
        "China banned exports of gallium to the United States in December.",
        {("export_restriction", "CN", "US", "critical_minerals", None, "imposed")},
        id="exports-to-a-country-restricted-target-it",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_sentence(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected


def test_the_bloc_of_another_union_is_not_the_eu(reference: Reference) -> None:
    text = (
        "MONTEVIDEO (Wire) - Mercosur leaders met as the European Union watched. Brazil wants the bloc's common "
        "external tariff on wheat cut."
    )
    assert all(row[1] != "EU" for row in rows(text, reference))
