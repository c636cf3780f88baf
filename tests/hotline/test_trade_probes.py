"""Trade measures in the words of business wires, ministry notices and trade-law alerts: the verbs of barring and
outlawing exports in every inflection; a counter-tariff in one word, a duty by its trade-defence stage and the
margins a dumping finding sets; the U.S. trade laws and trade representative a measure is taken under; meats that
are not beef; Spanish adjectives of goods in every inflection; the end of a stretch of time is no measure's end;
"extended" keeps a measure in place; the subject that opens a clause imposes the measure its own verb names later
in the clause ("Beijing added ... and restricted ..."), and "added ... to a list" is no speech; a country's goods of
a kind that pay or face a duty ("Uruguay's beef now pays ... to enter the United States"); a measure answered
"with" another keeps its own rate; the agent after "by"/"por parte de" of a measure named after the noun of its
imposing ("the imposition of a 30% duty on ... by Washington"); an exemption not won ("no consiguió quedar exenta")
is none; a party turned or looked to for supplies is no target ("prompting Tokyo to look to India's deposits",
"recurrir a Canadá"), and bare "reserves" are no finance (a country's mineral reserves) unless of a currency; the
countries in a relative aside that tells what share of their sales the goods make up are no targets.

Every sentence here was written for these tests in the styles of wire copy (with datelines), the trade press,
government notices and the Spanish-language press; none is taken from the article corpus, the evaluation set or a
seed file. Facts are (measure_type, imposing, target, sector, rate_percent, status).
"""

from __future__ import annotations

import pytest
import written

from hotline.reference import Reference

rows = written.trade_rows

EXAMPLES = [
    pytest.param(
        "KUALA LUMPUR (Wire) - Malaysia has barred exports of unprocessed rare earths to keep refining at home.",
        {("export_restriction", "MY", "ALL", "critical_minerals", None, "imposed")},
        id="barred-exports",
    ),
    pytest.param(
        "Traders scrambled for cargoes after New Delhi outlawed overseas sales of broken rice in September.",
        {("export_restriction", "IN", "ALL", "agriculture", None, "imposed")},
        id="outlawed-overseas-sales",
    ),
    pytest.param(
        "Ottawa dijo que mantendrá los contraaranceles a los productos estadounidenses.",
        {("tariff", "CA", "US", None, None, "imposed")},
        id="es-a-counter-tariff-in-one-word",
    ),
    pytest.param(
        "La Comisión Europea publicó los derechos definitivos sobre el biodiésel argentino.",
        {("tariff", "EU", "AR", "energy", None, "imposed")},
        id="es-a-duty-by-its-trade-defence-stage",
    ),
    pytest.param(
        "The Commerce Department set preliminary antidumping margins of 62% on Vietnamese shrimp.",
        {("tariff", "US", "VN", "seafood", 62.0, "imposed")},
        id="the-margins-a-dumping-finding-sets",
    ),
    pytest.param(
        "Law firm alert: the Section 301 tariffs on Chinese goods rose to 25% this week.",
        {("tariff", "US", "CN", None, 25.0, "imposed")},
        id="a-us-trade-law-names-its-imposer",
    ),
    pytest.param(
        "The USTR raised the levy on Chinese semiconductors to 50 percent.",
        {("tariff", "US", "CN", "semiconductors", 50.0, "imposed")},
        id="the-trade-representative-imposes",
    ),
    pytest.param(
        "Pekín aplica un arancel del 20 % a la carne porcina procedente de Canadá.",
        {("tariff", "CN", "CA", "agriculture", 20.0, "imposed")},
        id="es-pork-is-no-beef",
    ),
    pytest.param(
        "Sudáfrica cobra un arancel del 30 % al pollo congelado estadounidense.",
        {("tariff", "ZA", "US", "agriculture", 30.0, "imposed")},
        id="es-an-adjective-of-goods-before-the-demonym",
    ),
    pytest.param(
        "Moscow will keep its ban on diesel exports until the end of the year, the energy ministry said.",
        {("export_restriction", "RU", "ALL", "energy", None, "imposed")},
        id="the-end-of-the-year-is-no-lift",
    ),
    pytest.param(
        "Argentina extended its ban on beef exports instead of lifting it in June.",
        {("export_restriction", "AR", "ALL", "beef", None, "imposed")},
        id="extended-keeps-it-in-place",
    ),
    pytest.param(
        "Beijing fined two U.S. drone makers last week and restricted graphite exports.",
        {("export_restriction", "CN", "ALL", "critical_minerals", None, "imposed")},
        id="the-clause-subject-imposes-its-later-verb",
    ),
    pytest.param(
        "On Monday, Jakarta added 20 vessels to its watch list and banned exports of raw bauxite.",
        {("export_restriction", "ID", "ALL", "critical_minerals", None, "imposed")},
        id="added-to-a-list-is-no-speech",
    ),
    pytest.param(
        "Paraguay's soybeans now pay a 15% duty to enter the European Union.",
        {("tariff", "EU", "PY", "agriculture", 15.0, "imposed")},
        id="a-countrys-goods-of-a-kind-pay",
    ),
    pytest.param(
        "Brussels answered Washington's steel tariffs with a 25% levy on American bourbon.",
        {
            ("tariff", "US", "ALL", "steel", None, "imposed"),
            ("tariff", "EU", "US", "spirits", 25.0, "imposed"),
        },
        id="a-measure-answered-with-another-keeps-its-rate",
    ),
    pytest.param(
        "The imposition of a 30% duty on Argentine honey by Washington hit beekeepers in Entre Ríos.",
        {("tariff", "US", "AR", "agriculture", 30.0, "imposed")},
        id="the-agent-of-the-imposition",
    ),
    pytest.param(
        "La aplicación de un arancel del 15 % al aceite de oliva español por parte de Washington inquieta a Jaén.",
        {("tariff", "US", "ES", "agriculture", 15.0, "imposed")},
        id="es-por-parte-de-after-the-imposition",
    ),
    pytest.param(
        "La miel, principal envío de Chile a Estados Unidos, no consiguió quedar exenta del nuevo gravamen.",
        set(),
        id="es-an-exemption-not-won",
    ),
    pytest.param(
        "Japanese firms were hit by China's export controls on graphite, prompting Tokyo to look to India's deposits.",
        {("export_restriction", "CN", "ALL", "critical_minerals", None, "imposed")},
        id="a-supplier-looked-to-is-no-target",
    ),
    pytest.param(
        "Las restricciones chinas a la exportación de galio llevaron a los fabricantes a recurrir a Canadá.",
        {("export_restriction", "CN", "ALL", "critical_minerals", None, "imposed")},
        id="es-a-supplier-turned-to-is-no-target",
    ),
    pytest.param(
        "Seoul's chipmakers were squeezed by Beijing's curbs on gallium exports, which pushed them to tap "
        "Chile's reserves.",
        {("export_restriction", "CN", "ALL", "critical_minerals", None, "imposed")},
        id="bare-reserves-are-no-finance",
    ),
    pytest.param(
        "La UE congeló las reservas internacionales de Rusia tras la invasión.",
        {("sanction", "EU", "RU", "finance", None, "imposed")},
        id="es-reserves-of-a-currency-are-finance",
    ),
    pytest.param(
        "Frozen shrimp, which account for a third of Ecuador's sales to the United States, were exempted from "
        "Washington's new tariff.",
        {("exemption", "US", "ALL", "seafood", None, "exempted")},
        id="a-share-of-a-countrys-sales-is-no-target",
    ),
    pytest.param(
        "El café, que representa la mitad de los envíos colombianos a Estados Unidos, quedó exento del arancel.",
        {("exemption", "US", "ALL", "agriculture", None, "exempted")},
        id="es-a-share-of-a-countrys-sales-is-no-target",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_sentence(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected
