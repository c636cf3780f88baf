"""Trade measures told across sentences and by their grammar: the article's only imposer, later states in relative
clauses, rate ellipses, whose exports go where, who pays, who is exempt, agents before and after the measure, and
headlines that are not read.

Every sentence here was written for these tests in the styles of wire copy (with datelines), the trade press,
government readouts and the Spanish-language press; none is taken from the article corpus, the evaluation set or
a seed file. Facts are (measure_type, imposing, target, sector, rate_percent, status).
"""

from __future__ import annotations

import pytest
import written

from hotline.reference import Reference

rows = written.trade_rows


ARTICLES = [
    pytest.param(
        "WASHINGTON (Wire) - The United States will charge a 10% tariff on imports from all countries. "
        "Officials in Port Louis said the 40% duty announced on Mauritian goods would hurt sugar mills.",
        {("tariff", "US", "ALL", None, 10.0, "imposed"), ("tariff", "US", "MU", None, 40.0, "imposed")},
        id="the-article-s-only-imposer-of-the-kind",
    ),
    pytest.param(
        "Washington raised its tariff on all imports to 10%. Beijing raised its tariff on US goods to 84%. "
        "Duties on Chinese goods rise to 125% on Thursday.",
        {
            ("tariff", "US", "ALL", None, 10.0, "imposed"),
            ("tariff", "CN", "US", None, 84.0, "imposed"),
            ("tariff", "US", "CN", None, 125.0, "imposed"),
        },
        id="the-target-itself-is-never-its-imposer",
    ),
    pytest.param(
        "Seoul and Tokyo both raised tariffs on US goods. Duties on Chinese goods rose to 30% on Monday.",
        {
            ("tariff", "KR", "US", None, None, "imposed"),
            ("tariff", "JP", "US", None, None, "imposed"),
            ("tariff", None, "CN", None, 30.0, "imposed"),
        },
        id="two-imposers-leave-it-open",
    ),
    pytest.param(
        "They discussed the 32 per cent U.S. duty on Cambodian goods, which Washington put on hold for 90 days.",
        {("tariff", "US", "KH", None, 32.0, "paused")},
        id="a-later-state-in-a-relative-clause",
    ),
    pytest.param(
        "El Gobierno mantiene el arancel del 12 % a la ropa china, que según los importadores encareció los precios.",
        {("tariff", None, "CN", "textiles", 12.0, "imposed")},
        id="es-a-relative-clause-about-something-else",
    ),
    pytest.param(
        "Bruselas aprobó sanciones contra Irán, que redujeron las exportaciones de crudo del país.",
        {("sanction", "EU", "IR", "energy", None, "imposed")},
        id="es-a-relative-verb-with-its-own-object",
    ),
    pytest.param(
        "Pretoria ha ido levantando la prohibición a las importaciones de pollo brasileño desde marzo.",
        {("sanction", "ZA", "BR", "agriculture", None, "lifted")},
        id="es-a-gerund-says-the-state",
    ),
    # The measure said again for another target with its own rate, its noun left out.
    pytest.param(
        "JAKARTA (Wire) - Washington set a 32% tariff on Thai goods and 36% on Cambodian goods.",
        {("tariff", "US", "TH", None, 32.0, "imposed"), ("tariff", "US", "KH", None, 36.0, "imposed")},
        id="a-rate-ellipsis-adds-a-target",
    ),
    pytest.param(
        "Washington fijó aranceles del 17 % para Israel y del 31 % para Suiza, hoy suspendidos.",
        {("tariff", "US", "IL", None, 17.0, "paused"), ("tariff", "US", "CH", None, 31.0, "paused")},
        id="es-a-rate-ellipsis-and-a-participle",
    ),
    pytest.param(
        "Canberra kept its 5% tariff on New Zealand cheese and said Wellington would decide on talks.",
        {("tariff", "AU", "NZ", "agriculture", 5.0, "imposed")},
        id="no-rate-no-ellipsis",
    ),
    # Sector codes: a product with a code of its own is its broad sector beside other goods of that sector.
    pytest.param(
        "ACCRA (Wire) - Washington exempted cocoa, bananas and beef from the reciprocal tariffs on Friday.",
        {("exemption", "US", "ALL", "agriculture", None, "exempted")},
        id="beef-among-farm-goods-is-agriculture",
    ),
    pytest.param(
        "Buenos Aires kept its limits on beef exports in place.",
        {("export_restriction", "AR", "ALL", "beef", None, "imposed")},
        id="beef-alone-keeps-its-code",
    ),
    pytest.param(
        "New Delhi raised the import duty on crude palm oil to 20 per cent.",
        {("tariff", "IN", "ALL", "agriculture", 20.0, "imposed")},
        id="crude-palm-oil-is-a-farm-good",
    ),
    pytest.param(
        "La Comisión Europea impuso derechos compensatorios al biodiésel argentino.",
        {("tariff", "EU", "AR", "energy", None, "imposed")},
        id="es-biodiesel-is-energy",
    ),
    # Who pays, whose exports, whom a speaker calls on.
    pytest.param(
        "Washington signed deals with Laos and Myanmar, which keep the 20% tariffs imposed on their exports to "
        "the United States.",
        {("tariff", "US", "LA", None, 20.0, "imposed"), ("tariff", "US", "MM", None, 20.0, "imposed")},
        id="their-exports-to-a-market",
    ),
    pytest.param(
        "Honduras mantiene el arancel del 10 % aplicado a sus exportaciones hacia Estados Unidos.",
        {("tariff", "US", "HN", None, 10.0, "imposed")},
        id="es-sus-exportaciones-a-un-mercado",
    ),
    pytest.param(
        "Uruguay pagaba desde mayo un arancel del 10 % en el mercado de Estados Unidos, informó la cancillería.",
        {("tariff", "US", "UY", None, 10.0, "imposed")},
        id="es-the-payer-is-the-target",
    ),
    pytest.param(
        # the sanctions in place, not new ones called for (those are no measure: test_trade_roles)
        "Latvia's president called on the European Union to widen the sanctions it has imposed on Russian tankers.",
        {("sanction", "EU", "RU", "energy", None, "imposed")},
        id="the-party-called-on-acts-it-is-no-target",
    ),
    # An exemption said of its subject exempts that subject.
    pytest.param(
        "Washington doubled its tariffs on steel imports. Mexico, as a partner, is exempt from the steel tariffs.",
        {("tariff", "US", "ALL", "steel", None, "imposed"), ("exemption", "US", "MX", "steel", None, "exempted")},
        id="the-subject-of-is-exempt-is-exempted",
    ),
    pytest.param(
        "La industria farmacéutica belga, que vende un tercio de su producción a Estados Unidos, sigue exenta.",
        {("exemption", None, "BE", "pharmaceuticals", None, "exempted")},
        id="es-the-subject-not-the-apposition",
    ),
    pytest.param(
        "Washington raised tariffs on Peruvian goods, citing former president Pedro Castillo, and doubled its levy "
        "on Bolivian goods.",
        {("tariff", "US", "PE", None, None, "imposed"), ("tariff", "US", "BO", None, None, "imposed")},
        id="its-levy-is-no-person-s",
    ),
    # A review's sector and demander stand in or close to its own phrase.
    pytest.param(
        "\u201cHablamos del cobre, del litio y de la revisión del T-MEC\u201d, dijo el presidente chileno.",
        {("agreement_review", None, None, "usmca", None, "imposed")},
        id="es-topics-beside-a-review-are-not-its-sectors",
    ),
    pytest.param(
        "Ottawa keeps its dairy quotas, and the farm lobby asked ministers to hold firm ahead of the CUSMA review.",
        {
            ("quota", "CA", "ALL", "agriculture", None, "imposed"),
            ("agreement_review", None, None, "usmca", None, "imposed"),
        },
        id="a-far-agent-does-not-demand-the-review",
    ),
    # The agent after "by" is the measure's only when "by" belongs to it.
    pytest.param(
        "Ni el comunicado ni la prensa citaron las sanciones contra Irán, aunque ambos gobiernos han sido "
        "presionados por Washington para que frenen el comercio.",
        {("sanction", None, "IR", None, None, "imposed")},
        id="es-by-of-another-verb-is-no-imposer",
    ),
    pytest.param(
        "The levies announced by Ottawa on Chinese electric vehicles took effect in October.",
        {("tariff", "CA", "CN", "automotive", None, "imposed")},
        id="by-after-a-participle-of-the-measure",
    ),
    pytest.param(
        "Officials discussed the war in Ukraine and sanctions against Russian banks.",
        {("sanction", None, "RU", "banking", None, "imposed")},
        id="a-place-after-in-is-no-imposer",
    ),
    # Vocabulary and asides.
    pytest.param(
        "Canada also applies a 25 per cent surtax on Chinese steel.",
        {("tariff", "CA", "CN", "steel", 25.0, "imposed")},
        id="a-surtax-is-a-tariff",
    ),
    pytest.param(
        "La UE aplica contingentes arancelarios a la miel y el azúcar de Ucrania.",
        {("quota", "EU", "UA", "agriculture", None, "imposed")},
        id="es-contingentes-arancelarios-are-quotas",
    ),
    pytest.param(
        "España envió a Turquía un contingente de bomberos y material sanitario.",
        set(),
        id="es-a-contingent-of-rescuers-is-no-quota",
    ),
    pytest.param(
        "Washington set a 30% tariff on Brazilian goods. Chile, for its part, faces a 10% tariff on its exports.",
        {("tariff", "US", "BR", None, 30.0, "imposed"), ("tariff", "US", "CL", None, 10.0, "imposed")},
        id="an-aside-between-subject-and-verb",
    ),
    pytest.param(
        "Las exportaciones peruanas de cobre a Estados Unidos, en cambio, siguen pagando el arancel de 50% que "
        "Washington cobra desde marzo.",
        {("tariff", "US", "PE", "copper", 50.0, "imposed")},
        id="es-no-subject-after-a-preposition",
    ),
    # The agent after a measure acts on it; an umbrella with its own rate is a measure of its own.
    pytest.param(
        "TRADE: Duty pause gives Fiji's sugar mills a reprieve\n\nWashington paused its duty on Fijian goods.",
        {("tariff", "US", "FJ", None, None, "paused")},
        id="an-agent-after-must-act-on-the-measure",
    ),
    pytest.param(
        "Uruguay celebró el fin de las restricciones a la exportación de lana que había impuesto el gobierno de "
        "Argentina en 2021.",
        {("export_restriction", "AR", "ALL", "textiles", None, "lifted")},
        id="es-verb-before-its-subject-in-a-relative",
    ),
    pytest.param(
        "Peruvian exports already face a 20 per cent U.S. tariff, while copper is hit with 50 per cent duties.",
        {("tariff", "US", "PE", None, 20.0, "imposed"), ("tariff", "US", "PE", "copper", 50.0, "imposed")},
        id="an-umbrella-with-its-own-rate",
    ),
    pytest.param(
        "Washington put a 15% tariff on Ecuadorian goods and a 20% tariff on Peruvian goods. "
        "Desde agosto los productos colombianos pagan un arancel del 30 %, aunque la orden de Washington dejó "
        "exentos el café y las flores.",
        {
            ("tariff", "US", "EC", None, 15.0, "imposed"),
            ("tariff", "US", "PE", None, 20.0, "imposed"),
            ("tariff", "US", "CO", None, 30.0, "imposed"),
            ("exemption", "US", "CO", "agriculture", None, "exempted"),
        },
        id="es-an-exemption-from-the-tariff-of-its-sentence",
    ),
    # Payers in other tenses, every origin, the order an exemption is from, a reason clause.
    pytest.param(
        "Washington put tariffs on Chilean goods in April. Chile seguirá pagando un gravamen del 50% al cobre.",
        {("tariff", "US", "CL", None, None, "imposed"), ("tariff", "US", "CL", "copper", 50.0, "imposed")},
        id="es-will-keep-paying",
    ),
    pytest.param(
        "Washington raised its tariffs. Norway is facing a 15% tariff from Friday.",
        {("tariff", "US", "NO", None, 15.0, "imposed")},
        id="is-facing-a-tariff",
    ),
    pytest.param(
        "Washington mantiene los aranceles del 25% al acero de todos los orígenes.",
        {("tariff", "US", "ALL", "steel", 25.0, "imposed")},
        id="es-steel-of-every-origin",
    ),
    pytest.param(
        "La orden ejecutiva de Washington contra Colombia dejó fuera el café y las flores.",
        {("exemption", "US", "CO", "agriculture", None, "exempted")},
        id="es-an-order-against-a-country-exempts-its-goods",
    ),
    pytest.param(
        "México retiró los aranceles al acero, pues importa más acero de Estados Unidos del que vende.",
        {("tariff", "MX", "ALL", "steel", None, "lifted")},
        id="es-a-reason-clause-names-no-target",
    ),
    pytest.param(
        "Washington put tariffs on Peruvian goods in April. Officials said Peru would keep paying a 10% tariff.",
        {("tariff", "US", "PE", None, 10.0, "imposed")},
        id="would-keep-paying",
    ),
    pytest.param(
        "Brussels imposed sanctions on Iran's two largest oil companies on Monday.",
        {("sanction", "EU", "IR", "energy", None, "imposed")},
        id="a-country-s-largest-oil-companies",
    ),
    pytest.param(
        "Trump said he would hold off on raising tariffs after a phone call with Brazilian President Luiz Inácio "
        "Lula da Silva, leaving the current 10% duty in place.",
        {("tariff", "US", None, None, 10.0, "imposed")},
        id="a-call-participant-is-no-imposer",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ARTICLES)
def test_article(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected


def test_a_headline_names_in_short_what_the_body_states(reference: Reference) -> None:
    text = (
        "Island Brief: Vanuatu tariff cut; new cabinet sworn in\n\n"
        "TRADE: Suva duty pause helps Tongan squash growers\n\n"
        "PORT VILA (Wire) - Vanuatu cut its import duty on rice to 5 per cent on Monday, the finance ministry said."
    )
    assert rows(text, reference) == {("tariff", "VU", "ALL", "agriculture", 5.0, "reduced")}


def test_a_teaser_inside_a_headline_line(reference: Reference) -> None:
    text = (
        "Andean Brief: Boluarte talks borders; Quito shuts rice exports; the US tariff map\n\n"
        "LIMA (Wire) - Ecuador banned rice exports on Monday."
    )
    assert rows(text, reference) == {("export_restriction", "EC", "ALL", "agriculture", None, "imposed")}
