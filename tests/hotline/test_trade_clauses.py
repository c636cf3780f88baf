"""Trade measures by the grammar of their clause and the vocabulary of the goods: lists that repeat their
preposition, causes and reasons that name other countries, goods between "exports of" and their destination, the
duties a trade agreement cuts, trade cut off "with" a country, the noun "baja" of a cut, and the sector words of
spirits and consumer electronics.

Every sentence here was written for these tests in the styles of wire copy, the business press, ministry statements
and the Spanish-language press; none is taken from the article corpus, the evaluation set or a seed file. Facts are
(measure_type, imposing, target, sector, rate_percent, status).
"""

from __future__ import annotations

import pytest
import written

from hotline.reference import Reference

rows = written.trade_rows


EXAMPLES = [
    pytest.param(
        "SANTIAGO (Wire) - The 30% levy applies to imports from Peru and from Bolivia, the finance ministry said.",
        {("tariff", None, "PE", None, 30.0, "imposed"), ("tariff", None, "BO", None, 30.0, "imposed")},
        id="list-repeats-its-preposition",
    ),
    pytest.param(
        "El recargo del 20 % que Quito aplica a las importaciones procedentes de Perú y de Colombia sigue vigente.",
        {("tariff", "EC", "PE", None, 20.0, "imposed"), ("tariff", "EC", "CO", None, 20.0, "imposed")},
        id="es-list-repeats-its-preposition",
    ),
    pytest.param(
        "In retaliation for Ottawa's surtax on Chinese steel, Beijing imposed 75% duties on Canadian canola seed.",
        {
            ("tariff", "CA", "CN", "steel", None, "imposed"),
            ("tariff", "CN", "CA", "agriculture", 75.0, "imposed"),
        },
        id="retaliation-cause-keeps-its-own-measure",
    ),
    pytest.param(
        "Quito ha mantenido el recargo del 15 % que impuso a las importaciones de Colombia.",
        {("tariff", "EC", "CO", None, 15.0, "imposed")},
        id="a-capital-spelled-like-a-cue-is-no-cue",
    ),
    pytest.param(
        "Brussels will impose duties of over 20% on Chinese bicycles over the next five years.",
        {("tariff", "EU", "CN", None, 20.0, "threatened")},
        id="over-an-amount-or-a-time-is-no-reason",
    ),
    pytest.param(
        "Vietnamese exports of frozen shrimp to the United States face duties of up to 25%, the ministry said.",
        {("tariff", "US", "VN", "seafood", 25.0, "imposed")},
        id="goods-between-exports-of-and-their-destination",
    ),
    pytest.param(
        "Las exportaciones de vino chileno a China pagan un arancel del 14 %.",
        {("tariff", "CN", "CL", "wine", 14.0, "imposed")},
        id="es-goods-between-exportaciones-de-and-their-destination",
    ),
    pytest.param(
        "The free trade agreement with Chile, signed after two decades of talks, is expected to remove duties on "
        "most Chilean goods once ratified.",
        set(),
        id="a-deal-cutting-duties-states-no-measure",
    ),
    pytest.param(
        "El tratado con la Asociación Europea de Libre Comercio eliminará los aranceles al 95 % de las exportaciones.",
        set(),
        id="es-a-deal-cutting-duties-states-no-measure",
    ),
    pytest.param(
        "The two ministers discussed the framework deal that will cut the US tariff on Indian goods to 18%.",
        {("tariff", "US", "IN", None, 18.0, "reduced")},
        id="a-deal-cutting-one-partys-own-tariff-is-its-cut",
    ),
    pytest.param(
        "ANKARA - Turkey suspended all exports and imports with Syria's former government in 2011.",
        {("sanction", "TR", "SY", None, None, "imposed")},
        id="trade-cut-off-with-a-country-targets-it",
    ),
    pytest.param(
        "Chile anunció la baja del arancel a la importación de televisores del 6 % al 3 %.",
        {("tariff", "CL", "ALL", "electronics", 3.0, "reduced")},
        id="es-the-noun-baja-cuts-a-duty",
    ),
    pytest.param(
        "Jakarta lowered import duties on mobile phones.",
        {("tariff", "ID", "ALL", "electronics", None, "reduced")},
        id="phones-are-consumer-electronics",
    ),
    pytest.param(
        "India threatened a 150% duty on Scotch whisky imports.",
        {("tariff", "IN", "ALL", "spirits", 150.0, "threatened")},
        id="whisky-is-spirits",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_sentence(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected


def test_a_cause_before_the_measure_names_no_target(reference: Reference) -> None:
    text = (
        "Washington added a 40 per cent penalty over Brazil's imports of Venezuelan crude to the 10 per cent "
        "baseline duty."
    )
    assert all(row[2] != "VE" for row in rows(text, reference))


MORE = [
    pytest.param(
        "LIMA (Wire) - El gobierno peruano envió al Congreso una iniciativa para elevar hasta 30 % los aranceles a "
        "las prendas de vestir procedentes de China.",
        {("tariff", "PE", "CN", "textiles", 30.0, "threatened")},
        id="es-a-bill-sent-to-the-legislature-is-proposed-by-its-sender",
    ),
    pytest.param(
        "The Kenyan cabinet sent parliament a bill to raise import duties on sugar to 35%.",
        {("tariff", "KE", "ALL", "agriculture", 35.0, "threatened")},
        id="a-bill-sent-to-parliament-is-proposed-by-its-sender",
    ),
    pytest.param(
        "Bogotá elevó los aranceles a los textiles importados de Asia.",
        {("tariff", "CO", None, "textiles", None, "imposed")},
        id="es-imported-goods-from-a-region-are-not-every-country",
    ),
    pytest.param(
        "Kenya's tea growers face a 10% levy on their leaf shipped to the United States.",
        {("tariff", "US", "KE", None, 10.0, "imposed")},
        id="a-countrys-growers-are-its-goods",
    ),
    pytest.param(
        "Chile impuso recargos del 20 % a las importaciones de acero chino.",
        {("tariff", "CL", "CN", "steel", 20.0, "imposed")},
        id="es-recargos-are-duties",
    ),
    pytest.param(
        "Brasil aplicó medidas antidumping contra el acero chino.",
        {("tariff", "BR", "CN", "steel", None, "imposed")},
        id="es-antidumping-measures-are-duties",
    ),
    pytest.param(
        "Colombia fijó un impuesto de importación del 40 % a la ropa china.",
        {("tariff", "CO", "CN", "textiles", 40.0, "imposed")},
        id="es-an-import-tax-is-a-duty",
    ),
    pytest.param(
        "The EU adopted new restrictive measures against Belarus on Monday.",
        {("sanction", "EU", "BY", None, None, "imposed")},
        id="restrictive-measures-are-the-eus-sanctions",
    ),
    pytest.param(
        "Beijing's new export control on gallium applies from August.",
        {("export_restriction", "CN", "ALL", "critical_minerals", None, "imposed")},
        id="an-export-control-in-the-singular",
    ),
    pytest.param(
        "México aplicará aranceles del 35 % a los autos chinos a partir de enero.",
        {("tariff", "MX", "CN", "automotive", 35.0, "threatened")},
        id="es-aplicara-with-its-accent-is-a-future",
    ),
    pytest.param(
        "The talks were overshadowed by the row over solar panels and Washington's new duties on Vietnamese shrimp.",
        {("tariff", "US", "VN", "seafood", None, "imposed")},
        id="goods-listed-before-the-measures-owner-are-not-its-goods",
    ),
    pytest.param(
        "Ecuador impuso aranceles del 30 % a los tejidos de Perú.",
        {("tariff", "EC", "PE", "textiles", 30.0, "imposed")},
        id="es-fabrics-are-textiles",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MORE)
def test_more_sentences(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected
