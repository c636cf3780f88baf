"""Trade measures read from grammar, not phrasings: who imposes on whom, the EU and "all countries" as parties,
types, sectors, statuses, and one row per measure (``hotline.extract.trade``).

Every sentence here was written for these tests in the styles of wire copy (with datelines), the trade press,
government readouts and the Spanish-language press; none is taken from the article corpus, the evaluation set or
a seed file. Facts are (measure_type, imposing, target, sector, rate_percent, status).
"""

from __future__ import annotations

import pytest
import written

from hotline.extract.trade.merge import merge
from hotline.facts import Evidence, TradeMeasureFact
from hotline.reference import Reference

rows = written.trade_rows


# imposing and target from grammar: possessives, passives, 'by', relative clauses, Spanish 'de X a Y'
GRAMMAR = [
    (
        "Japan's tariffs on Korean semiconductors took effect Monday.",
        {("tariff", "JP", "KR", "semiconductors", None, "imposed")},
    ),
    (
        "Tariffs on Canadian lumber imposed by Washington in April remain in place.",
        {("tariff", "US", "CA", "lumber", None, "imposed")},
    ),
    (
        "Canadian lumber was hit with tariffs by the United States last year.",
        {("tariff", "US", "CA", "lumber", None, "imposed")},
    ),
    (
        "Mexico was hit with a 25% tariff by the United States in March.",
        {("tariff", "US", "MX", None, 25.0, "imposed")},
    ),
    (
        "Los aranceles de Estados Unidos a México entraron en vigor el martes.",
        {("tariff", "US", "MX", None, None, "imposed")},
    ),
    (
        "Los gravámenes impuestos por Washington al acero mexicano siguen vigentes.",
        {("tariff", "US", "MX", "steel", None, "imposed")},
    ),
    (
        "Los aranceles impuestos por China a la carne de cerdo europea se mantienen.",
        {("tariff", "CN", "EU", "agriculture", None, "imposed")},
    ),
    (
        "The tariffs, which Trump imposed on Feb. 4, hit $450 billion of Chinese exports.",
        {("tariff", "US", "CN", None, None, "imposed")},
    ),
    (
        "The President raised concerns about the People's Republic of China's unfair trade practices, including its "
        "export restrictions on critical minerals.",
        {("export_restriction", "CN", "ALL", "critical_minerals", None, "imposed")},
    ),
    (
        "Beijing also placed 15 American companies on its export control list.",
        {("export_restriction", "CN", "US", None, None, "imposed")},
    ),
    (
        "The Commission proposed to suspend its countermeasures against U.S. tariffs for 90 days.",
        {("tariff", "EU", "US", None, None, "paused"), ("tariff", "US", None, None, None, "imposed")},
    ),
]

# the EU as a party and every country as a target
PARTIES = [
    (
        "The European Union imposed duties of up to 38% on Chinese electric vehicles.",
        {("tariff", "EU", "CN", "automotive", 38.0, "imposed")},
    ),
    (
        "Brussels slapped provisional duties on electric cars made in China.",
        {("tariff", "EU", "CN", "automotive", None, "imposed")},
    ),
    (
        "La Unión Europea impuso aranceles a los vehículos eléctricos chinos.",
        {("tariff", "EU", "CN", "automotive", None, "imposed")},
    ),
    ("China retaliated with tariffs on European brandy.", {("tariff", "CN", "EU", "spirits", None, "imposed")}),
    (
        "The EU threatened counter-tariffs on $26 billion of American goods.",
        {("tariff", "EU", "US", None, None, "threatened")},
    ),
    (
        "Trump threatened to impose 50% tariffs on goods from the European Union.",
        {("tariff", "US", "EU", None, 50.0, "threatened")},
    ),
    (
        "The European Commission imposed anti-dumping duties on Chinese steel.",
        {("tariff", "EU", "CN", "steel", None, "imposed")},
    ),
    (
        "Washington's 50% tariffs on EU steel hurt European producers.",
        {("tariff", "US", "EU", "steel", 50.0, "imposed")},
    ),
    (
        "Los Veintisiete aprobaron el 14º paquete de sanciones contra Rusia, que incluye el gas natural licuado.",
        {("sanction", "EU", "RU", "energy", None, "imposed")},
    ),
    (
        "China anunció aranceles de hasta el 38% al brandy de la Unión Europea.",
        {("tariff", "CN", "EU", "spirits", 38.0, "imposed")},
    ),
    (
        "Bruselas amenazó con aranceles a productos estadounidenses por valor de 95.000 millones de euros.",
        {("tariff", "EU", "US", None, None, "threatened")},
    ),
    (
        "The White House announced a 10% tariff on imports from all countries.",
        {("tariff", "US", "ALL", None, 10.0, "imposed")},
    ),
    ("Trump announced 25% tariffs on all foreign cars.", {("tariff", "US", "ALL", "automotive", 25.0, "imposed")}),
    (
        "The United States imposed a 25 percent tariff on imported automobiles.",
        {("tariff", "US", "ALL", "automotive", 25.0, "imposed")},
    ),
    (
        "Washington imposed global tariffs of 25% on steel and aluminum.",
        {("tariff", "US", "ALL", "aluminum", 25.0, "imposed"), ("tariff", "US", "ALL", "steel", 25.0, "imposed")},
    ),
    (
        "El presidente estadounidense anunció un arancel del 25% a todos los automóviles importados.",
        {("tariff", "US", "ALL", "automotive", 25.0, "imposed")},
    ),
    (
        "La Casa Blanca suspendió durante 90 días los aranceles recíprocos, salvo para China.",
        {("tariff", "US", "ALL", None, None, "paused")},
    ),
]

# types: quotas, export restrictions, sanctions, white lists, reviews
TYPES = [
    ("The EU set a quota on Ukrainian grain imports.", {("quota", "EU", "UA", "agriculture", None, "imposed")}),
    (
        "Brazil imposed an import quota on wheat from outside Mercosur.",
        {("quota", "BR", None, "wheat", None, "imposed")},
    ),
    (
        "China restricted exports of rare earths to the United States.",
        {("export_restriction", "CN", "US", "critical_minerals", None, "imposed")},
    ),
    ("India banned rice exports in July.", {("export_restriction", "IN", "ALL", "agriculture", None, "imposed")}),
    ("Indonesia banned exports of palm oil.", {("export_restriction", "ID", "ALL", "agriculture", None, "imposed")}),
    (
        "Japan tightened export controls on chip materials to South Korea.",
        {("export_restriction", "JP", "KR", "semiconductors", None, "imposed")},
    ),
    (
        "The United States imposed export controls on advanced chips to China.",
        {("export_restriction", "US", "CN", "semiconductors", None, "imposed")},
    ),
    (
        "El gobierno argentino prohibió las exportaciones de carne vacuna por 30 días.",
        {("export_restriction", "AR", "ALL", "beef", None, "imposed")},
    ),
    (
        "Argentina suspendió las exportaciones de carne por 30 días.",
        {("export_restriction", "AR", "ALL", "beef", None, "imposed")},
    ),
    (
        "Japón eliminó a Corea del Sur de su lista blanca de socios comerciales.",
        {("export_restriction", "JP", "KR", None, None, "imposed")},
    ),
    (
        "Japan removed South Korea from its white list of trusted trading partners.",
        {("export_restriction", "JP", "KR", None, None, "imposed")},
    ),
    ("Tokyo restored South Korea to its white list.", {("export_restriction", "JP", "KR", None, None, "lifted")}),
    (
        "Japón levantó las restricciones a la exportación de materiales para semiconductores a Corea del Sur.",
        {("export_restriction", "JP", "KR", "semiconductors", None, "lifted")},
    ),
    ("The EU adopted new sanctions against Russia.", {("sanction", "EU", "RU", None, None, "imposed")}),
    ("La UE aprobó un nuevo paquete de sanciones contra Rusia.", {("sanction", "EU", "RU", None, None, "imposed")}),
    ("Washington imposed sanctions on Russian oil companies.", {("sanction", "US", "RU", "energy", None, "imposed")}),
    ("Western sanctions on Russia have hit its economy.", {("sanction", None, "RU", None, None, "imposed")}),
    (
        "The U.S. Treasury sanctioned Venezuela's state oil company PDVSA.",
        {("sanction", "US", "VE", "energy", None, "imposed")},
    ),
    (
        "Britain and Canada announced new sanctions against Russian banks.",
        {("sanction", "CA", "RU", "banking", None, "imposed"), ("sanction", "GB", "RU", "banking", None, "imposed")},
    ),
    (
        "Beijing banned imports of Japanese seafood after the release of treated water from Fukushima.",
        {("sanction", "CN", "JP", "seafood", None, "imposed")},
    ),
    ("China lifted its ban on Japanese seafood imports.", {("sanction", "CN", "JP", "seafood", None, "lifted")}),
    (
        "Rusia vetó las importaciones de frutas y verduras turcas.",
        {("sanction", "RU", "TR", "agriculture", None, "imposed")},
    ),
    ("Trump demanded a review of the USMCA.", {("agreement_review", "US", None, "usmca", None, "threatened")}),
    (
        "Mexico agreed to a quota on its steel exports to the United States.",
        {("quota", "MX", "US", "steel", None, "imposed")},
    ),
]

# statuses: threatened, paused, exempted, lifted, reduced, and hypothetical cues
STATUSES = [
    ("Trump paused the tariffs on Mexico for 90 days.", {("tariff", "US", "MX", None, None, "paused")}),
    (
        "The United States agreed to pause its 25% tariffs on Canadian goods for a month.",
        {("tariff", "US", "CA", None, 25.0, "paused")},
    ),
    (
        "Estados Unidos pospuso por un mes los aranceles a productos mexicanos.",
        {("tariff", "US", "MX", None, None, "paused")},
    ),
    ("Washington exempted Australia from the steel tariffs.", {("exemption", "US", "AU", "steel", None, "exempted")}),
    (
        "Canada and Mexico were exempted from the new tariffs.",
        {("exemption", None, "CA", None, None, "exempted"), ("exemption", None, "MX", None, None, "exempted")},
    ),
    (
        "Argentina was granted an exemption from the steel and aluminum tariffs.",
        {("exemption", None, "AR", "aluminum", None, "exempted"), ("exemption", None, "AR", "steel", None, "exempted")},
    ),
    (
        "Australia obtained a permanent exemption from the U.S. tariffs on steel.",
        {("exemption", "US", "AU", "steel", None, "exempted")},
    ),
    (
        "The order exempts energy imports from Canada from the tariffs.",
        {("exemption", None, "CA", "energy", None, "exempted")},
    ),
    (
        "The U.S. lifted its tariffs on Canadian steel and aluminum in May.",
        {("tariff", "US", "CA", "aluminum", None, "lifted"), ("tariff", "US", "CA", "steel", None, "lifted")},
    ),
    ("China lowered tariffs on American cars to 15%.", {("tariff", "CN", "US", "automotive", 15.0, "reduced")}),
    (
        "Under the deal, Washington will lower the tariff on European cars to 15%.",
        {("tariff", "US", "EU", "automotive", 15.0, "reduced")},
    ),
    ("Beijing removed its tariffs on Australian barley.", {("tariff", "CN", "AU", "agriculture", None, "lifted")}),
    ("China levantó los aranceles al vino australiano.", {("tariff", "CN", "AU", "wine", None, "lifted")}),
    (
        "Estados Unidos levantó parte de las sanciones al petróleo venezolano.",
        {("sanction", "US", "VE", "energy", None, "lifted")},
    ),
    ("The EU eased sanctions on Syria in May.", {("sanction", "EU", "SY", None, None, "reduced")}),
    (
        "Sheinbaum said Mexico would announce retaliatory tariffs and non-tariff measures on Sunday.",
        {("tariff", "MX", None, None, None, "threatened")},
    ),
    (
        "México impondrá aranceles de represalia a productos estadounidenses.",
        {("tariff", "MX", "US", None, None, "threatened")},
    ),
    (
        "Trump amenazó con imponer aranceles del 25% a las importaciones mexicanas.",
        {("tariff", "US", "MX", None, 25.0, "threatened")},
    ),
    (
        "Pekín respondió con gravámenes del 15% al carbón y al gas natural licuado de Estados Unidos.",
        {("tariff", "CN", "US", "energy", 15.0, "imposed")},
    ),
    (
        "Canadá aplicó aranceles de represalia al acero y el aluminio estadounidenses.",
        {("tariff", "CA", "US", "aluminum", None, "imposed"), ("tariff", "CA", "US", "steel", None, "imposed")},
    ),
]

# more of the grammar: lists sharing their goods, examples of goods, relative clauses, negation, "reciprocal"
MORE = [
    (
        "BRUSSELS (Wire) - The Commission has proposed duties on grain and other farm goods from Russia and Belarus.",
        {
            ("tariff", "EU", "BY", "agriculture", None, "threatened"),
            ("tariff", "EU", "RU", "agriculture", None, "threatened"),
        },
    ),
    (
        "Ottawa's retaliatory duties on American goods, including bourbon, orange juice and motorcycles, took effect.",
        {("tariff", "CA", "US", None, None, "imposed")},
    ),
    (
        "Ecuador respondió con aranceles a productos colombianos y suspendió la venta de gas a Colombia, que sufrió "
        "una sequía que redujo sus embalses.",
        {("tariff", "EC", "CO", None, None, "imposed"), ("export_restriction", "EC", "CO", "energy", None, "imposed")},
    ),
    ('"Hanoi will not restrict exports to Manila," the minister told reporters.', set()),
    (
        "Washington's reciprocal duties took effect on Wednesday, but medicines were exempted from the reciprocal "
        "duties.",
        {
            ("tariff", "US", "ALL", None, None, "imposed"),
            ("exemption", "US", "ALL", "pharmaceuticals", None, "exempted"),
        },
    ),
    (
        "Canada imposed counter-tariffs on Monday. They answer the U.S. tariffs on Canadian steel.",
        {("tariff", "CA", "US", None, None, "imposed"), ("tariff", "US", "CA", "steel", None, "imposed")},
    ),
    (
        "Mexico's new 30% tariff on Chinese cars took effect. The tariff is part of a broader plan.",
        {("tariff", "MX", "CN", "automotive", 30.0, "imposed")},
    ),
]

# no measure: talk about tariffs, denials, requests
NOT_MEASURES = [
    ("Trade tensions rose after Washington criticized Beijing's trade practices.", set()),
    ("The two leaders discussed tariffs and the economy.", set()),
    ("Sheinbaum said tariffs would hurt both economies.", set()),
    ("Los mandatarios hablaron de los aranceles y de la migración.", set()),
    ("The tariff war has cost farmers billions.", set()),
    ("Carney said Canada would not impose new tariffs.", set()),
    ("El presidente descartó imponer aranceles a Brasil.", set()),
    ("Trump ruled out any exemption for Canada.", set()),
    ("Seoul has been seeking an exemption from the U.S. steel tariffs.", set()),
    ("The president imposed a baseline 10% tariff on all imports.", set()),
]


@pytest.mark.parametrize(("text", "expected"), [*GRAMMAR, *PARTIES, *TYPES, *STATUSES, *MORE, *NOT_MEASURES])
def test_sentence(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected


def fact(imposer: str | None, target: str | None, sector: str | None = None, index: int = 0) -> TradeMeasureFact:
    evidence = Evidence("a" * 16, index, "written sentence", 0, 16, "written")
    return TradeMeasureFact("a" * 16, None, "tariff", imposer, target, sector, None, "imposed", evidence)


def keys(facts: list[TradeMeasureFact]) -> list[tuple[str | None, str | None, str | None]]:
    return [(f.imposing_country_code, f.target_country_code, f.sector) for f in facts]


def test_a_row_completed_from_the_article_is_a_fragment_of_the_row_stated_in_full() -> None:
    # "U.S. tariffs on all imported cars" then "the U.S. tariffs": the second is the first, not a measure on ALL
    facts = [fact("US", "ALL", "automotive"), fact("US", None, index=1)]
    assert keys(merge(facts)) == [("US", "ALL", "automotive")]


def test_a_row_stated_in_full_stays_beside_the_same_measure_by_sector() -> None:
    facts = [fact("US", "CA", "steel"), fact("US", "CA", index=1)]
    assert keys(merge(facts)) == [("US", "CA", "steel"), ("US", "CA", None)]


def test_a_row_naming_no_party_and_no_sector_is_dropped() -> None:
    assert merge([fact(None, None), fact(None, "ALL")]) == []


def test_a_measure_that_answers_another_is_aimed_at_its_imposer() -> None:
    counter = fact("CA", None, index=1)
    assert keys(merge([fact("US", "CA", "steel"), counter], {id(counter)})) == [
        ("US", "CA", "steel"),
        ("CA", "US", None),
    ]


def test_without_an_answer_cue_no_target_is_guessed() -> None:
    assert keys(merge([fact("US", "CA", "steel"), fact("CA", None, index=1)])) == [
        ("US", "CA", "steel"),
        ("CA", None, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nigeria banned exports of raw shea nuts in May.", ("export_restriction", "NG", "ALL", "agriculture")),
        ("Laos imposed a ban on the export of raw logs last year.", ("export_restriction", "LA", "ALL", "lumber")),
        ("Indonesia banned exports of nickel ore in 2020.", ("export_restriction", "ID", "ALL", "critical_minerals")),
        ("Ghana restricted gold exports by small-scale miners.", ("export_restriction", "GH", "ALL", "gold")),
        ("Tanzania imposed a 10% levy on cosmetics imported from Kenya.", ("tariff", "TZ", "KE", "cosmetics")),
    ],
)
def test_sectors_of_commodities_and_goods(text: str, expected: tuple[str, ...], reference: Reference) -> None:
    assert {row[:4] for row in rows(text, reference)} == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cambodia and Thailand face tariffs of 36% on their exports to the United States from August 1.",
            {("tariff", "US", "KH"), ("tariff", "US", "TH")},
        ),
        (
            "The two neighbours face U.S. tariffs of 36% on their exports to the United States.",
            {("tariff", "US", None)},
        ),
        ("Medicines imported into the United States face a 100% tariff.", {("tariff", "US", "ALL")}),
    ],
)
def test_the_market_exports_go_to_imposes_a_tariff_and_is_never_its_target(
    text: str, expected: set[tuple[object, ...]], reference: Reference
) -> None:
    assert {row[:3] for row in rows(text, reference)} == expected
