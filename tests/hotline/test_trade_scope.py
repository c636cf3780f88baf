"""Whom and what a trade measure covers (tests/eval/README.md, "Trade measure target, ALL or null" and "Trade
measure sector"): a border measure on goods that names no country covers every country, unless it says it covers
only some; a measure on a country's goods in general has no sector, whatever those goods mostly are. A measure
named "baseline" that is then said to be applied to every country covers them all; makers named by their country
after a measure suffer it and are not whom it is on; the next topic of a list that repeats its preposition ("and
about", "y sobre") is no sector of the measure before it.

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
    # A border measure on goods that names no country: every country.
    pytest.param(
        "DHAKA (Wire) - Bangladesh halved its import duty on lentils to 5 per cent on Sunday.",
        {("tariff", "BD", "ALL", "agriculture", 5.0, "reduced")},
        id="an-import-duty-on-a-good-covers-every-origin",
    ),
    pytest.param(
        "El Gobierno peruano elevó el arancel a la importación de azúcar al 20 %.",
        {("tariff", "PE", "ALL", "agriculture", 20.0, "imposed")},
        id="es-import-duty-on-a-good",
    ),
    pytest.param(
        "Washington's tariffs on aluminium imports took effect in March.",
        {("tariff", "US", "ALL", "aluminum", None, "imposed")},
        id="tariffs-on-a-sector-s-imports",
    ),
    pytest.param(
        "Ottawa imposed quotas on steel from countries without a free trade agreement.",
        {("quota", "CA", None, "steel", None, "imposed")},
        id="only-some-countries-no-all",
    ),
    pytest.param(
        "Manila kept its 35% tariff on rice imports from Southeast Asia, the Department of Finance said.",
        {("tariff", "PH", None, "agriculture", 35.0, "imposed")},
        id="a-region-is-not-every-country",
    ),
    pytest.param(
        "Brasil mantiene cupos a la importación de acero de fuera del bloque sudamericano.",
        {("quota", "BR", None, "steel", None, "imposed")},
        id="es-from-outside-a-bloc",
    ),
    pytest.param(
        "Ghana slapped a 12% tariff on Nigerian goods.",
        {("tariff", "GH", "NG", None, 12.0, "imposed")},
        id="a-named-country-stays-the-target",
    ),
    # A country's goods in general: no sector.
    pytest.param(
        "Most goods from Malawi, chiefly tobacco and tea, now face a 17% U.S. tariff.",
        {("tariff", "US", "MW", None, 17.0, "imposed")},
        id="most-goods-whatever-they-mostly-are",
    ),
    pytest.param(
        "Shoe factories in Dhaka say orders slowed after Washington raised the tariff on Bangladeshi goods to 37%.",
        {("tariff", "US", "BD", None, 37.0, "imposed")},
        id="the-industry-that-suffers-is-no-sector",
    ),
    pytest.param(
        "Estados Unidos cobra un arancel del 15 % a la mayoría de los productos ecuatorianos, sobre todo camarón.",
        {("tariff", "US", "EC", None, 15.0, "imposed")},
        id="es-most-products-of-a-country",
    ),
    pytest.param(
        "Las exportaciones chilenas de cobre pagan un arancel del 50 % en Estados Unidos.",
        {("tariff", "US", "CL", "copper", 50.0, "imposed")},
        id="es-goods-of-a-kind-keep-their-sector",
    ),
    pytest.param(
        "Beijing put a 100% tariff on Canadian shipments of canola oil.",
        {("tariff", "CN", "CA", "agriculture", 100.0, "imposed")},
        id="goods-of-a-kind-keep-their-sector",
    ),
    pytest.param(
        "Brussels proposed duties on wheat, barley and derived products from Belarus.",
        {("tariff", "EU", "BY", "agriculture", None, "threatened")},
        id="goods-listed-after-their-kinds-keep-the-sectors",
    ),
    # Sector vocabulary, both languages.
    pytest.param(
        "OSLO (Wire) - Moscow banned imports of Norwegian herring and mackerel in 2014.",
        {("sanction", "RU", "NO", "seafood", None, "imposed")},
        id="herring-and-mackerel-are-seafood",
    ),
    pytest.param(
        "Beijing announced export controls on rare-earth magnets on Thursday.",
        {("export_restriction", "CN", "ALL", "critical_minerals", None, "imposed")},
        id="rare-earth-with-a-hyphen",
    ),
    pytest.param(
        "El Gobierno paraguayo levantó la prohibición a la exportación de aceite comestible.",
        {("export_restriction", "PY", "ALL", "agriculture", None, "lifted")},
        id="es-edible-oil-is-a-farm-good",
    ),
    pytest.param(
        "Kazajistán prohibió la exportación de gasóleo por carretera.",
        {("export_restriction", "KZ", "ALL", "energy", None, "imposed")},
        id="es-gasoleo-is-energy",
    ),
    pytest.param(
        "Los productores celebraron que la Casa Blanca eximiera al cacao y al café de los aranceles recíprocos.",
        {("exemption", "US", "ALL", "agriculture", None, "exempted")},
        id="es-a-subjunctive-exemption",
    ),
    pytest.param(
        "Los molineros pidieron que Brasil suspendiera el arancel al trigo importado.",
        {("tariff", "BR", "ALL", "wheat", None, "imposed")},
        id="es-a-demand-in-the-subjunctive-keeps-it-in-place",
    ),
    pytest.param(
        "Zambia, segundo productor africano de cobre, sustituyó en marzo la prohibición de exportar cobalto.",
        {("export_restriction", "ZM", "ALL", "critical_minerals", None, "lifted")},
        id="es-a-ban-replaced-is-lifted",
    ),
    pytest.param(
        "El puerto ha ganado peso desde que Bolivia prohibió la exportación de soja.",
        {("export_restriction", "BO", "ALL", "agriculture", None, "imposed")},
        id="es-a-verb-after-an-auxiliary-is-no-sector",
    ),
    pytest.param(
        "Zimbabue, primer productor africano de litio, prohibió la exportación de ese metal en bruto.",
        {("export_restriction", "ZW", "ALL", "critical_minerals", None, "imposed")},
        id="es-an-apposition-names-the-goods-the-measure-only-points-to",
    ),
    pytest.param(
        "La Comisión Nacional de Comercio recomendó mantener la sobretasa del 20% al acero importado desde China.",
        {("tariff", None, "CN", "steel", 20.0, "imposed")},
        id="es-a-longer-name-is-another-body",
    ),
    pytest.param(
        "Seoul named a new tariff negotiator ahead of the tariff talks with Washington.",
        set(),
        id="a-negotiator-and-talks-are-no-measure",
    ),
    pytest.param(
        "According to his office, the two discussed tariffs, cooperation on shipbuilding and purchases of US gas.",
        set(),
        id="a-topic-in-a-list-takes-nothing-from-the-next-topics",
    ),
    # --- a measure whose own name says "every country" (baseline), then the countries it is applied to -----------
    pytest.param(
        "Desde mayo, los productos peruanos pagan el arancel base del 10% que Washington cobra a todos sus socios "
        "comerciales.",
        {("tariff", "US", "ALL", None, 10.0, "imposed")},
        id="es-baseline-then-todos-sus-socios",
    ),
    pytest.param(
        "SAO PAULO, Aug 4 (Reuters) - Brazilian coffee shipments to the United States face the 10% baseline tariff "
        "Washington applies to all its trading partners.",
        {("tariff", "US", "ALL", "agriculture", 10.0, "imposed")},
        id="baseline-then-all-its-trading-partners",
    ),
    pytest.param(
        "Peruvian grapes face the 10% baseline tariff, growers said on Monday.",
        {("tariff", None, "PE", "agriculture", 10.0, "imposed")},
        id="baseline-alone-keeps-the-goods-owner",
    ),
    # --- makers named by their country after a measure on every country suffer it: no target -------------------
    pytest.param(
        "OTTAWA - The United States slapped a 25-per-cent tariff on imported trucks in April, a heavy blow to Mexican "
        "automakers.",
        {("tariff", "US", "ALL", "automotive", 25.0, "imposed")},
        id="a-blow-to-demonym-automakers",
    ),
    pytest.param(
        "U.S. duties of 50 percent on steel imported from all countries remain in force, hurting Brazilian "
        "steelmakers.",
        {("tariff", "US", "ALL", "steel", 50.0, "imposed")},
        id="hurting-demonym-steelmakers",
    ),
    pytest.param(
        "Washington's 25% tariff on Korean trucks took effect in April.",
        {("tariff", "US", "KR", "automotive", 25.0, "imposed")},
        id="the-demonyms-goods-stay-the-target",
    ),
    pytest.param(
        "WELLINGTON (AAP) - The rise in US tariffs on steel and aluminium imports to 50 per cent has added to concern "
        "among Australian producers.",
        {("tariff", "US", "ALL", "steel", 50.0, "imposed"), ("tariff", "US", "ALL", "aluminum", 50.0, "imposed")},
        id="goods-wide-measure-concern-among-demonym-producers",
    ),
    pytest.param(
        "Washington's tariffs on Colombian goods have hit Colombian flower exporters hard.",
        {("tariff", "US", "CO", None, None, "imposed")},
        id="the-target-named-again-as-sufferer-stays",
    ),
    pytest.param(
        "The 35% U.S. tariff on Canada has cost jobs among Canadian lumber producers.",
        {("tariff", "US", "CA", None, 35.0, "imposed")},
        id="the-country-target-stays-beside-its-producers",
    ),
    # --- the next topic of a list that repeats its preposition is not the measure's sector ----------------------
    pytest.param(
        "The Slovak leader said he had spoken with Orban about the new package of EU sanctions against Russia and "
        "about keeping Russian gas flowing through the TurkStream pipeline.",
        {("sanction", "EU", "RU", None, None, "imposed")},
        id="and-about-the-next-topic",
    ),
    pytest.param(
        "Petro dijo que habló con Lula sobre los aranceles de Estados Unidos a Brasil y sobre el precio del café.",
        {("tariff", "US", "BR", None, None, "imposed")},
        id="es-y-sobre-the-next-topic",
    ),
    pytest.param(
        "The leaders talked about U.S. tariffs on Japanese cars and about semiconductors.",
        {("tariff", "US", "JP", "automotive", None, "imposed")},
        id="and-about-keeps-the-measures-own-goods",
    ),
    pytest.param(
        "The ministers spoke about the EU's sanctions on Russian oil and gas, the ministry said.",
        {("sanction", "EU", "RU", "energy", None, "imposed")},
        id="goods-listed-with-and-stay-the-sector",
    ),
]


# A tariff on goods that names no country is no restatement of the same imposer's tariff on a country's goods in
# general: it covers every country; the same goods said again are that country's.
ARTICLES = [
    pytest.param(
        "OTTAWA (Wire) - Washington's 35% tariff on Canadian goods took effect on Friday. The two leaders also "
        "discussed U.S. tariffs on steel and aluminum, the Prime Minister's Office said.",
        {
            ("tariff", "US", "CA", None, 35.0, "imposed"),
            ("tariff", "US", "ALL", "steel", None, "imposed"),
            ("tariff", "US", "ALL", "aluminum", None, "imposed"),
        },
        id="goods-tariff-beside-a-country-tariff-covers-every-country",
    ),
    pytest.param(
        "La Casa Blanca mantiene un arancel del 10 % sobre los productos peruanos. Los presidentes también hablaron "
        "de los aranceles al cobre.",
        {("tariff", "US", "PE", None, 10.0, "imposed"), ("tariff", "US", "ALL", "copper", None, "imposed")},
        id="es-goods-tariff-beside-a-country-tariff",
    ),
    pytest.param(
        "Washington's 25% tariffs on Canadian steel took effect in March. The leaders discussed the steel tariffs "
        "again on Tuesday.",
        {("tariff", "US", "CA", "steel", 25.0, "imposed")},  # the second mention merged into the first
        id="the-same-goods-said-again-are-the-countrys",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ARTICLES)
def test_article(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_sentence(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected
