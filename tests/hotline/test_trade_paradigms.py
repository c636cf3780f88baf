"""Trade measures by verb class and collective reference: every form of the verbs that lift, pause, ease or threaten
a measure; the cue that governs another ("hold off on raising", "floated raising", "proposed on Tuesday to cut"); a
smaller quota is a tighter one; taxes on exports are duties; "both countries" stands for the two countries the text
named; a measure starting later unless a deal is struck is threatened.

Every sentence here was written for these tests in the styles of wire copy, the trade press, government statements
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
        "BUENOS AIRES (Wire) - Argentina cut export taxes on soybeans to 26% on Monday.",
        {("tariff", "AR", "ALL", "agriculture", 26.0, "reduced")},
        id="an-export-tax-is-a-duty-on-every-destination",
    ),
    pytest.param(
        "Argentina bajó las retenciones a la soja al 26 %.",
        {("tariff", "AR", "ALL", "agriculture", 26.0, "reduced")},
        id="es-retenciones-are-export-duties",
    ),
    pytest.param(
        "Estados Unidos cobra un arancel del 10 % a los productos argentinos. Las retenciones a la soja, que el "
        "Gobierno bajó al 24 %, siguen siendo un lastre.",
        {("tariff", "US", "AR", None, 10.0, "imposed"), ("tariff", None, "ALL", "agriculture", 24.0, "reduced")},
        id="es-an-export-duty-is-not-completed-from-import-duties",
    ),
    pytest.param(
        "Zambia will lift the ban on maize exports it imposed last year.",
        {("export_restriction", "ZM", "ALL", "agriculture", None, "lifted")},
        id="will-lift-is-lifted",
    ),
    pytest.param(
        "La Casa Blanca dio marcha atrás con los aranceles a Colombia.",
        {("tariff", "US", "CO", None, None, "lifted")},
        id="es-dar-marcha-atras-is-lifted",
    ),
    pytest.param(
        "México levantará los aranceles a los productos chinos.",
        {("tariff", "MX", "CN", None, None, "lifted")},
        id="es-future-of-levantar-is-lifted",
    ),
    pytest.param(
        "Trump said he would hold off for 90 days on raising tariffs on Mexican goods to 30%.",
        {("tariff", "US", "MX", None, 30.0, "paused")},
        id="a-pause-governs-the-raise",
    ),
    pytest.param(
        "Beijing has floated raising its tariff on European brandy to 25%.",
        {("tariff", "CN", "EU", "spirits", 25.0, "threatened")},
        id="a-threat-governs-the-raise",
    ),
    pytest.param(
        "BRUSSELS (Wire) - The Commission proposed on Tuesday to cut steel import quotas by half.",
        {("quota", "EU", "ALL", "steel", None, "threatened")},
        id="a-proposal-governs-a-quota-cut",
    ),
    pytest.param(
        "Ottawa cut its steel import quotas by half.",
        {("quota", "CA", "ALL", "steel", None, "imposed")},
        id="a-smaller-quota-is-tighter",
    ),
    pytest.param(
        "Ottawa eased its steel import quotas.",
        {("quota", "CA", "ALL", "steel", None, "reduced")},
        id="an-eased-quota-is-reduced",
    ),
    pytest.param(
        "Harare will keep its ban on exports of raw lithium ore, dismissing calls from miners to relax it.",
        {("export_restriction", "ZW", "ALL", "critical_minerals", None, "imposed")},
        id="a-call-to-relax-says-in-place",
    ),
    pytest.param(
        "Sheinbaum said her government was working to reduce the impact of the 25% tariff on steel that the United "
        "States applies to all countries.",
        {("tariff", "US", "ALL", "steel", 25.0, "imposed")},
        id="reducing-the-impact-is-no-reduction",
    ),
    pytest.param(
        "BANGKOK (Wire) - Thailand and Cambodia agreed to a ceasefire on Monday. Both countries face a 36% U.S. "
        "tariff from August 1 unless they strike a deal with Washington.",
        {("tariff", "US", "TH", None, 36.0, "threatened"), ("tariff", "US", "KH", None, 36.0, "threatened")},
        id="both-countries-face-a-later-tariff-unless",
    ),
    pytest.param(
        "KUALA LUMPUR (Wire) - Malaysia and Indonesia will coordinate on palm oil. The two leaders discussed the 19% "
        "tariffs that the United States imposed on goods from both countries.",
        {("tariff", "US", "MY", None, 19.0, "imposed"), ("tariff", "US", "ID", None, 19.0, "imposed")},
        id="goods-from-both-countries",
    ),
    pytest.param(
        "Canada and Australia spoke on Thursday. Both countries were hit by the 25% tariffs on all steel imports that "
        "Washington put in place on Wednesday.",
        {("tariff", "US", "ALL", "steel", 25.0, "imposed")},
        id="hit-by-a-tariff-on-every-country",
    ),
    pytest.param(
        "Austria and Switzerland held talks. They focused on the consequences of the U.S. import duties for both "
        "economies.",
        {("tariff", "US", None, None, None, "imposed")},
        id="the-impact-for-both-economies-names-no-target",
    ),
    pytest.param(
        "Brazil, hit with a 50% U.S. tariff in August, is seeking new markets.",
        {("tariff", "US", "BR", None, 50.0, "imposed")},
        id="a-participle-in-apposition-marks-the-target",
    ),
    pytest.param(
        "Brasil, castigado con un arancel del 50 % por Washington, busca nuevos mercados.",
        {("tariff", "US", "BR", None, 50.0, "imposed")},
        id="es-a-participle-in-apposition-marks-the-target",
    ),
    pytest.param(
        "Mexico was spared from the latest round of U.S. tariffs.",
        {("exemption", "US", "MX", None, None, "exempted")},
        id="spared-from-is-an-exemption",
    ),
    pytest.param(
        "ALGIERS (Wire) - The 30% U.S. tariff on Algerian goods took effect in August, although hydrocarbons, "
        "which make up most of Algeria's exports to the United States, are not subject to the new duties.",
        {("tariff", "US", "DZ", None, 30.0, "imposed"), ("exemption", "US", "DZ", "energy", None, "exempted")},
        id="not-subject-to-is-an-exemption",
    ),
    pytest.param(
        "Japan imposed export controls on 23 types of chipmaking equipment.",
        {("export_restriction", "JP", "ALL", "semiconductors", None, "imposed")},
        id="chipmaking-equipment-is-semiconductors",
    ),
    pytest.param(
        "Seguimos trabajando con el secretario Ebrard en el arancel de 25 por ciento al acero que Estados Unidos "
        "aplica a todos los países.",
        {("tariff", "US", "ALL", "steel", 25.0, "imposed")},
        id="es-the-agent-of-a-relative-clause-on-the-measure",
    ),
    pytest.param(
        "Ottawa is reviewing the 25% tariffs on Canadian steel, which Washington imposed in March.",
        {("tariff", "US", "CA", "steel", 25.0, "imposed")},
        id="a-relative-after-a-comma-still-reads-its-agent-closely",
    ),
    pytest.param(
        "BRUSSELS (Wire) - The Commission proposed on Tuesday to halve the volume of steel that can enter the bloc "
        "tariff-free and to impose a 50% tariff on imports above that quota.",
        {("quota", "EU", "ALL", "steel", None, "threatened"), ("tariff", "EU", "ALL", "steel", 50.0, "threatened")},
        id="the-quota-a-duty-starts-above-and-a-destination-region",
    ),
    pytest.param(
        "Manila imposed a 35% tariff on rice imports from Southeast Asia.",
        {("tariff", "PH", None, "agriculture", 35.0, "imposed")},
        id="a-region-of-origin-is-no-single-target",
    ),
    pytest.param(
        "Washington imposed a 30% tariff on most South African goods in August. Citrus and automotive exporters say "
        "the duty has cost thousands of jobs.",
        {("tariff", "US", "ZA", None, 30.0, "imposed")},
        id="who-suffers-a-measure-is-not-its-sector",
    ),
    # The makers of goods as the subject that bears the measure: the goods are its sector.
    pytest.param(
        "Copper and aluminium producers, meanwhile, still face a 50% U.S. duty on those metals, which applies "
        "regardless of origin.",
        {("tariff", "US", "ALL", "copper", 50.0, "imposed"), ("tariff", "US", "ALL", "aluminum", 50.0, "imposed")},
        id="makers-that-face-the-duty-name-its-goods",
    ),
    pytest.param(
        "Los productores de acero brasileños enfrentan un arancel del 50 % de Washington.",
        {("tariff", "US", "BR", "steel", 50.0, "imposed")},
        id="es-makers-that-face-the-duty",
    ),
    pytest.param(
        "Washington set the tariff on Lesotho's goods at 15 percent, down from the 50 percent announced in April.",
        {("tariff", "US", "LS", None, 15.0, "reduced")},
        id="down-from-is-reduced",
    ),
    pytest.param(
        "NEW DELHI (Wire) - India has banned all direct and indirect imports of goods from Pakistan.",
        {("sanction", "IN", "PK", None, None, "imposed")},
        id="a-ban-a-few-words-before-the-imports",
    ),
    pytest.param(
        "ANKARA (Wire) - Turkey halted all trade with Israel in May.",
        {("sanction", "TR", "IL", None, None, "imposed")},
        id="trade-cut-off-is-a-sanction",
    ),
    pytest.param(
        "Bogotá suspendió el comercio con Venezuela.",
        {("sanction", "CO", "VE", None, None, "imposed")},
        id="es-trade-cut-off-is-a-sanction",
    ),
    pytest.param(
        "Trump otorgó a Hungría una exención de un año de las sanciones al petróleo ruso.",
        {("exemption", "US", "HU", "energy", None, "exempted")},
        id="es-the-target-of-the-measure-exempted-from-is-not-the-exemption-s",
    ),
    pytest.param(
        "Lula y Modi hablaron de los aranceles del 50 % que Washington impuso a ambos países.",
        {("tariff", "US", "BR", None, 50.0, "imposed"), ("tariff", "US", "IN", None, 50.0, "imposed")},
        id="es-both-countries-named-earlier-in-the-sentence",
    ),
    pytest.param(
        "Sheinbaum y Carney coordinaron la respuesta de ambos países a los aranceles de 50 por ciento que el gobierno "
        "de Donald Trump aplica a las importaciones de acero.",
        {("tariff", "US", "ALL", "steel", 50.0, "imposed")},
        id="es-both-countries-respond-they-do-not-impose",
    ),
    pytest.param(
        "China reanudó las importaciones de productos del mar japoneses.",
        {("sanction", "CN", "JP", "seafood", None, "lifted")},
        id="es-resumed-imports-lift-the-ban",
    ),
    pytest.param(
        "The European Union's new sanctions target Russia's shadow fleet.",
        {("sanction", "EU", "RU", "energy", None, "imposed")},
        id="sanctions-that-target-a-country",
    ),
    pytest.param(
        "México castigará con aranceles de hasta 50 % a los autos chinos.",
        {("tariff", "MX", "CN", "automotive", 50.0, "threatened")},
        id="es-castigara-is-threatened",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_sentence(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected


def test_the_imposer_of_most_of_the_article_s_duties(reference: Reference) -> None:
    text = (
        "LONDON (Live) - Washington set a 46% tariff on Vietnamese goods and a 34% tariff on Chinese goods. "
        "Beijing answered with a 34% tariff on U.S. goods. The UK faces the 10% baseline tariff."
    )
    assert ("tariff", "US", "GB", None, 10.0, "imposed") in rows(text, reference)
