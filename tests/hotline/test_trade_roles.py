"""Trade measures: who imposes and who is targeted by general grammar (a counter-measure answering another, a
subject far from its verb, a name before the goods of its measure, a list that is spared a measure, a measure on
every country in an article with one imposer), measures coordinated in one sentence, reasons that name other goods,
paragraphs of markup.

Every text here was written for these tests in the styles of wire copy, the trade press, CMS exports and the
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
        "<p>Malaysian goods already face a 20 per cent US tariff.</p>",
        {("tariff", "US", "MY", None, 20.0, "imposed")},
        id="a-markup-paragraph-is-no-headline",
    ),
    pytest.param(
        "Mr Albanese vowed to stand up to President Donald Trump, whose administration has imposed 10% tariffs on "
        "Australian goods outside the free trade deal, as well as 10% levies on Australian steel and aluminium.",
        {
            ("tariff", "US", "AU", None, 10.0, "imposed"),
            ("tariff", "US", "AU", "steel", 10.0, "imposed"),
            ("tariff", "US", "AU", "aluminum", 10.0, "imposed"),
        },
        id="coordinated-measures-are-no-umbrella-and-parts",
    ),
    pytest.param(
        "Thai goods face a 19 per cent U.S. tariff. Washington also said it would impose a 100 per cent tariff on "
        "patented pharmaceutical products from October 1.",
        {
            ("tariff", "US", "TH", None, 19.0, "imposed"),
            ("tariff", "US", "ALL", "pharmaceuticals", 100.0, "threatened"),
        },
        id="a-goods-tariff-with-its-own-rate-borrows-no-target",
    ),
    pytest.param(
        "Washington raised its tariff on Vietnamese goods to 20% on Friday. A 10 percent baseline levy on imports from "
        "all countries remains in force.",
        {("tariff", "US", "VN", None, 20.0, "imposed"), ("tariff", "US", "ALL", None, 10.0, "imposed")},
        id="a-measure-on-every-country-by-the-article-s-one-imposer",
    ),
    pytest.param(
        "Turkey has faced a 30% U.S. tariff since July, part of it a penalty for Ankara's purchases of Russian gas.",
        {("tariff", "US", "TR", None, 30.0, "imposed")},
        id="goods-bought-as-the-reason-are-no-target",
    ),
    pytest.param(
        "Dos días después, el gobierno mexicano respondió a los aranceles siderúrgicos de Washington con un gravamen "
        "del 20 por ciento a la carne de cerdo estadounidense.",
        {("tariff", "US", "ALL", "steel", None, "imposed"), ("tariff", "MX", "US", "agriculture", 20.0, "imposed")},
        id="es-responding-to-a-measure-with-another-imposes-it",
    ),
    pytest.param(
        "Mexico, the biggest foreign buyer of American corn, responded two days later with 20% duties on U.S. pork.",
        {("tariff", "MX", "US", "agriculture", 20.0, "imposed")},
        id="a-subject-past-its-apposition-hits-back",
    ),
    pytest.param(
        "Ottawa said the U.S. steel tariffs had cost thousands of jobs in Hamilton.",
        {("tariff", "US", "ALL", "steel", None, "imposed")},
        id="a-name-before-the-goods-of-its-measure-owns-it",
    ),
    pytest.param(
        "La Casa Blanca anunció ayer aranceles a medio centenar de países, de los que Chile y Perú quedaron fuera.",
        {
            ("tariff", "US", None, None, None, "imposed"),
            ("exemption", "US", "CL", None, None, "exempted"),
            ("exemption", "US", "PE", None, None, "exempted"),
        },
        id="es-a-list-left-out-of-a-measure-is-exempted",
    ),
    # --- the owner after the measure's rate ("un arancel del 10 % de Estados Unidos"); a subject that bears one ---
    pytest.param(
        "Paraguay enfrenta desde julio un arancel del 15 % de Estados Unidos sobre sus exportaciones de carne.",
        {("tariff", "US", "PY", "beef", 15.0, "imposed")},
        id="es-rate-then-de-owner",
    ),
    pytest.param(
        "La Paz, 3 jun (EFE).- Bolivia soporta un gravamen de 20 por ciento de Washington sobre sus minerales.",
        {("tariff", "US", "BO", None, 20.0, "imposed")},
        id="es-soporta-rate-then-de-seat",
    ),
    pytest.param(
        "Canada is subject to a 35% U.S. tariff on goods outside the trade pact, officials in Ottawa said.",
        {("tariff", "US", "CA", None, 35.0, "imposed")},
        id="is-subject-to",
    ),
    pytest.param(
        "NAIROBI (Wire) - Since April, Kenya has been subject to a 10% U.S. tariff on its exports.",
        {("tariff", "US", "KE", None, 10.0, "imposed")},
        id="has-been-subject-to",
    ),
    pytest.param(
        "Tegucigalpa, 4 jun (Agencia). - Honduras quedó sujeta a un gravamen del 10 % de Estados Unidos.",
        {("tariff", "US", "HN", None, 10.0, "imposed")},
        id="es-quedo-sujeta-a",
    ),
    pytest.param(
        "El Gobierno aplicará un arancel del 10 % a los productos de Brasil.",
        {("tariff", None, "BR", None, 10.0, "threatened")},
        id="es-rate-then-a-goods-of-is-no-owner",
    ),
]

SPANISH_AND_VERBS = [
    pytest.param(
        "MONTEVIDEO (Agencia) - Uruguay gravará con un 20% las importaciones de calzado a partir de marzo.",
        {("tariff", "UY", "ALL", "textiles", 20.0, "threatened")},
        id="es-a-tariff-told-by-its-verb",
    ),
    pytest.param(
        "La Comisión Europea eximió a Moldavia de aranceles y cuotas hasta 2027.",
        {("exemption", "EU", "MD", None, None, "exempted")},
        id="es-an-exemption-from-a-list-of-measures",
    ),
    pytest.param(
        "India's trade ministry said on Monday it would slap anti-dumping duties on steel imported from Vietnam.",
        {("tariff", "IN", "VN", "steel", None, "threatened")},
        id="a-ministry-that-speaks-for-its-country",
    ),
    pytest.param(
        "Kenya's tea exports to the United States are subject to a 10% duty.",
        {("tariff", "US", "KE", "agriculture", 10.0, "imposed")},
        id="a-country-s-goods-of-one-sector",
    ),
    pytest.param(
        "El presidente Trump dijo que impondrá aranceles del 25% a cualquier país que compre gas iraní.",
        {("tariff", "US", "ALL", None, 25.0, "threatened")},
        id="es-a-speaker-who-reports-their-own-act-and-goods-bought",
    ),
    pytest.param(
        "Las manzanas chilenas pagarán un arancel del 12% al entrar a Brasil.",
        {("tariff", "BR", "CL", "agriculture", 12.0, "imposed")},
        id="es-goods-pay-where-they-enter",
    ),
    pytest.param(
        "Pretoria gravó con 15% el acero estadounidense y una lista de productos que incluye vino y tabaco.",
        {("tariff", "ZA", "US", "steel", 15.0, "imposed")},
        id="es-examples-of-a-list-are-no-sectors",
    ),
]

VERBS = [
    pytest.param(
        "The president, who walked out of the talks last week, said he would add another 15% to the duties on "
        "Brazilian goods.",
        {("tariff", None, "BR", None, 15.0, "threatened")},
        id="adding-to-a-duty-is-a-threat",
    ),
    pytest.param(
        "Algeria has threatened to cut off gas supplies to Spain if Madrid does not change its position.",
        {("export_restriction", "DZ", "ES", "energy", None, "threatened")},
        id="cutting-off-supplies-restricts-exports",
    ),
    pytest.param(
        "Quito respondió con un arancel de represalia del 30 % a los productos colombianos, que días después quedó sin "
        "efecto.",
        {("tariff", "EC", "CO", None, 30.0, "lifted")},
        id="es-a-measure-left-without-effect-is-lifted",
    ),
    pytest.param(
        "Ankara imposed safeguard measures on imported steel wire rod last spring.",
        {("tariff", "TR", "ALL", "steel", None, "imposed")},
        id="safeguard-measures-are-tariffs",
    ),
    pytest.param(
        "Buenos Aires won an exemption from U.S. aluminum tariffs in 2018.",
        {("exemption", "US", "AR", "aluminum", None, "exempted")},
        id="the-owner-of-the-tariff-an-exemption-is-from",
    ),
    pytest.param(
        "India's 25% tariff, imposed by the Trump administration in August, remains in place.",
        {("tariff", "US", "IN", None, 25.0, "imposed")},
        id="a-possessive-before-a-measure-imposed-by-another-is-its-target",
    ),
]

CALLED_FOR = [
    pytest.param(
        "Latvia's prime minister called on the European Union to adopt further sanctions against Russia's shadow "
        "fleet.",
        set(),
        id="new-sanctions-called-for-are-no-measure",
    ),
    pytest.param("Exporters fear provisional duties on canola seed.", set(), id="a-feared-measure-is-no-measure"),
    pytest.param(
        "El presidente instó a Bruselas a imponer aranceles al acero chino.", set(), id="es-an-urged-measure-is-none"
    ),
    pytest.param(
        "Senators urged Ottawa to lower its 20% tariff on Chinese steel.",
        {("tariff", "CA", "CN", "steel", 20.0, "imposed")},
        id="a-call-to-ease-a-measure-in-place-keeps-it",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES + SPANISH_AND_VERBS + VERBS + CALLED_FOR)
def test_sentence(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected


def _published(reference: Reference, text: str) -> set[tuple[object, ...]]:
    facts = written.extract(reference, text)
    return {(f.measure_type, f.imposing_country_code, f.target_country_code, f.sector) for f in facts.trade_measures}


def test_only_complete_rows_are_published(reference: Reference) -> None:
    fragment = "Argentina faces a 10% tariff on its beef exports."
    assert rows(fragment, reference) == {("tariff", None, "AR", "beef", 10.0, "imposed")}  # read, but a fragment
    assert _published(reference, fragment) == set()
    quota = "El gobierno mexicano fijó un cupo a la importación de acero de fuera de la región."
    assert _published(reference, quota) == {("quota", "MX", None, "steel")}
    assert _published(reference, "Western sanctions on Russia remain in place.") == {("sanction", None, "RU", None)}
