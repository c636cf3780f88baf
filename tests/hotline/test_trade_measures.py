"""Trade measures as facts a trade analyst accepts (``hotline.extract.trade``).

The example sentences were written by the team for these tests, in the styles wire copy, government readouts
and the Spanish-language press use, to pin the rules down one cue at a time; none is taken from the article
corpus, the evaluation set or a seed file. The reference data is the project's (the dbt seeds), as in a run.
A property test shuffles cue words with hypothesis and checks the invariants every fact keeps.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotline.extract.context import TRADE_WORDS, build_context
from hotline.extract.trade import find_trade_measures
from hotline.extract.trade import rules as trade_rules
from hotline.facts import Article, TradeMeasureFact
from hotline.reference import Reference

MEASURE_TYPES = {"tariff", "exemption", "quota", "export_restriction", "sanction", "agreement_review"}
STATUSES = {"imposed", "threatened", "paused", "exempted", "lifted", "reduced"}


def article(text: str, published: dt.date | None = dt.date(2025, 6, 4)) -> Article:
    return Article(
        article_id="a" * 16,
        source_name="written.txt",
        source_format="txt",
        title="",
        text=text,
        content_hash="0" * 64,
        encoding="utf-8",
        byte_size=len(text.encode()),
        published_date=published,
        published_date_source="metadata" if published else "unknown",
    )


def run(text: str, reference: Reference) -> list[TradeMeasureFact]:
    return find_trade_measures(build_context(article(text), reference))


def rows(facts: list[TradeMeasureFact]) -> set[tuple[object, ...]]:
    return {
        (f.measure_type, f.imposing_country_code, f.target_country_code, f.sector, f.rate_percent, f.status)
        for f in facts
    }


# (text, expected facts as (measure_type, imposer, target, sector, rate_percent, status))
EXAMPLES = [
    # --- tariffs: who imposes, on whom, on what -------------------------------------------------------
    pytest.param(
        "Trump threatened a 30% tariff on Mexican tomatoes.",
        {("tariff", "US", "MX", "agriculture", 30.0, "threatened")},
        id="leader-threatens-rate-on-demonym-goods",
    ),
    pytest.param(
        "Ottawa imposed retaliatory duties on American steel.",
        {("tariff", "CA", "US", "steel", None, "imposed")},
        id="capital-as-imposer",
    ),
    pytest.param(
        "The U.S. imposed a 145% tariff on Chinese goods.",
        {("tariff", "US", "CN", None, 145.0, "imposed")},
        id="us-on-chinese-goods",
    ),
    pytest.param(
        "A tariff on Chinese goods imposed by the U.S. remains in effect.",
        {("tariff", "US", "CN", None, None, "imposed")},
        id="imposer-after-by",
    ),
    pytest.param(
        "Sheinbaum said the 25-percent duties on Mexican steel and aluminum remain in place.",
        {("tariff", None, "MX", "steel", 25.0, "imposed"), ("tariff", None, "MX", "aluminum", 25.0, "imposed")},
        id="speaker-of-target-country-is-not-imposer",
    ),
    pytest.param(
        "Trump announced a 25 percent tariff on cars assembled in Mexico.",
        {("tariff", "US", "MX", "automotive", 25.0, "imposed")},
        id="origin-assembled-in",
    ),
    pytest.param(
        "Washington lifted the tariffs on Canadian aluminum.",
        {("tariff", "US", "CA", "aluminum", None, "lifted")},
        id="lifted",
    ),
    pytest.param(
        "Trump postponed the 25% tariffs on Canadian and Mexican goods for 30 days.",
        {("tariff", "US", "CA", None, 25.0, "paused"), ("tariff", "US", "MX", None, 25.0, "paused")},
        id="coordinated-demonyms-share-goods",
    ),
    pytest.param(
        "U.S. tariffs on Chinese goods rose from 10% to 25%.",
        {("tariff", "US", "CN", None, 25.0, "imposed")},
        id="rate-from-to-keeps-new-rate",
    ),
    pytest.param(
        "The U.S. imposes 25% tariffs on Canadian steel and 10% on Canadian energy.",
        {("tariff", "US", "CA", "steel", 25.0, "imposed"), ("tariff", "US", "CA", "energy", 10.0, "imposed")},
        id="rate-per-sector",
    ),
    pytest.param(
        "Trump and Carney discussed steel tariffs.",
        {("tariff", None, None, "steel", None, "imposed")},
        id="two-parties-leave-imposer-ambiguous",
    ),
    pytest.param(
        "Carney criticized Trump's tariffs on Canadian lumber.",
        {("tariff", "US", "CA", "lumber", None, "imposed")},
        id="possessive-leader",
    ),
    pytest.param(
        "Mexico will retaliate with tariffs on U.S. pork.",
        {("tariff", "MX", "US", "agriculture", None, "threatened")},
        id="mexico-retaliates",
    ),
    pytest.param(
        "Trump imposed tariffs on Chinese goods, but he exempted Mexico.",
        {("tariff", "US", "CN", None, None, "imposed"), ("exemption", "US", "MX", None, None, "exempted")},
        id="but-clause",
    ),
    pytest.param(
        "Trump said tariffs on Mexico, Canada and China would take effect on Tuesday.",
        {
            ("tariff", "US", "MX", None, None, "imposed"),
            ("tariff", "US", "CA", None, None, "imposed"),
            ("tariff", "US", "CN", None, None, "imposed"),
        },
        id="target-list",
    ),
    pytest.param(
        "Trump, who imposed tariffs on China last year, threatened a 30% tariff on Mexican tomatoes.",
        {
            ("tariff", "US", "CN", None, None, "imposed"),
            ("tariff", "US", "MX", "agriculture", 30.0, "threatened"),
        },
        id="relative-clause-measure",
    ),
    pytest.param(
        "The European Union imposed provisional duties of up to 37.6% on electric vehicles made in China.",
        {("tariff", "EU", "CN", "automotive", 37.6, "imposed")},
        id="eu-imposes",
    ),
    pytest.param(
        "The EU postponed its countermeasures against U.S. goods until mid-April.",
        {("tariff", "EU", "US", None, None, "paused")},
        id="eu-countermeasures-paused",
    ),
    pytest.param(
        "Washington applied a 25% tariff on steel imports from all countries.",
        {("tariff", "US", "ALL", "steel", 25.0, "imposed")},
        id="every-country",
    ),
    pytest.param(
        "Beijing lifted its 80.5% tariffs on Australian barley.",
        {("tariff", "CN", "AU", "agriculture", 80.5, "lifted")},
        id="lifted-decimal-rate",
    ),
    pytest.param(
        "Trump threatened to impose tariffs on Denmark.",
        {("tariff", "US", "DK", None, None, "threatened")},
        id="threatened-to-impose",
    ),
    pytest.param(
        "Canada will continue to respond to these tariffs, Carney said.",
        set(),
        id="who-responds-does-not-impose",
    ),
    pytest.param(
        "Canada imposed countervailing duties on Chinese electric vehicles.",
        {("tariff", "CA", "CN", "automotive", None, "imposed")},
        id="countervailing-duties",
    ),
    # --- exemptions, quotas, reviews ----------------------------------------------------------------------
    pytest.param(
        "Although Washington exempted Canada from the global tariffs on March 5, duties still apply to "
        "Canadian lumber and steel.",
        {
            ("exemption", "US", "CA", None, None, "exempted"),
            ("tariff", "US", "CA", "lumber", None, "imposed"),
            ("tariff", "US", "CA", "steel", None, "imposed"),
        },
        id="exemption-then-duties-in-second-clause",
    ),
    pytest.param(
        "Mexico won an exemption from the steel tariffs.",
        {("exemption", None, "MX", "steel", None, "exempted")},
        id="country-won-exemption-is-target",
    ),
    pytest.param("Mexican officials asked for an exemption from the aluminum tariffs.", set(), id="exemption-asked"),
    pytest.param(
        "The U.S. set a quota on Mexican sugar imports.",
        {("quota", "US", "MX", "agriculture", None, "imposed")},
        id="quota",
    ),
    pytest.param(
        "On the call, the two governments agreed to begin the USMCA joint review.",
        {("agreement_review", None, None, "usmca", None, "imposed")},
        id="usmca-joint-review",
    ),
    # --- sanctions and export restrictions ----------------------------------------------------------------
    pytest.param(
        "The U.S. imposed sanctions on Chinese semiconductor firms.",
        {("sanction", "US", "CN", "semiconductors", None, "imposed")},
        id="sanctions",
    ),
    pytest.param(
        "Brussels froze the assets of Russia's central bank.",
        {("sanction", "EU", "RU", "finance", None, "imposed")},
        id="asset-freeze-of-a-country",
    ),
    pytest.param(
        "Russia banned imports of Turkish fruit and vegetables.",
        {("sanction", "RU", "TR", "agriculture", None, "imposed")},
        id="import-ban-is-a-sanction",
    ),
    pytest.param(
        "Washington eased the sanctions on Venezuelan oil.",
        {("sanction", "US", "VE", "energy", None, "reduced")},
        id="reduced",
    ),
    pytest.param(
        "India has banned exports of non-basmati white rice.",
        {("export_restriction", "IN", "ALL", "agriculture", None, "imposed")},
        id="export-ban-without-destination-is-every-country",
    ),
    pytest.param(
        "Japan tightened controls on exports of chip materials to South Korea.",
        {("export_restriction", "JP", "KR", "semiconductors", None, "imposed")},
        id="export-controls-to-a-country",
    ),
    pytest.param(
        "The Indian onion export ban remains in force.",
        {("export_restriction", "IN", "ALL", "agriculture", None, "imposed")},
        id="origin-demonym-restricts-its-exports",
    ),
    # --- Spanish --------------------------------------------------------------------------------------------
    pytest.param(
        "El gobierno de Estados Unidos pausó por 90 días los aranceles del 25% a productos mexicanos.",
        {("tariff", "US", "MX", None, 25.0, "paused")},
        id="es-paused-rate-del",
    ),
    pytest.param(
        "Trump amenazó con imponer aranceles del 30% a las importaciones de México.",
        {("tariff", "US", "MX", None, 30.0, "threatened")},
        id="es-threat-imports-from",
    ),
    pytest.param(
        "Canadá impuso aranceles de represalia contra productos estadounidenses.",
        {("tariff", "CA", "US", None, None, "imposed")},
        id="es-contra-productos-demonym",
    ),
    pytest.param(
        "Estados Unidos exentó a México de los aranceles al acero.",
        {("exemption", "US", "MX", "steel", None, "exempted")},
        id="es-exento-a",
    ),
    pytest.param(
        "Los aranceles estadounidenses al acero mexicano siguen vigentes.",
        {("tariff", "US", "MX", "steel", None, "imposed")},
        id="es-demonym-after-measure-is-imposer",
    ),
    pytest.param(
        "Aranceles de 25% a México, Canadá y China entrarán en vigor el martes.",
        {
            ("tariff", None, "MX", None, 25.0, "imposed"),
            ("tariff", None, "CA", None, 25.0, "imposed"),
            ("tariff", None, "CN", None, 25.0, "imposed"),
        },
        id="es-target-list",
    ),
    pytest.param(
        "La Casa Blanca impondrá aranceles de veinticinco por ciento a los autos fabricados en México.",
        {("tariff", "US", "MX", "automotive", 25.0, "threatened")},
        id="es-spelled-rate",
    ),
    pytest.param(
        "Sin embargo, los aranceles a México siguen vigentes.",
        {("tariff", None, "MX", None, None, "imposed")},
        id="es-sin-embargo-is-no-denial",
    ),
    pytest.param(
        "La Unión Europea aprobó un paquete de sanciones contra Rusia que prohíbe las importaciones de diamantes "
        "rusos.",
        {("sanction", "EU", "RU", "diamonds", None, "imposed")},
        id="es-package-and-its-part",
    ),
    pytest.param(
        "China obliga desde agosto a solicitar licencias para exportar galio y germanio.",
        {("export_restriction", "CN", "ALL", "critical_minerals", None, "imposed")},
        id="es-export-licences",
    ),
    pytest.param(
        "Francia y Alemania restringieron la exportación de mascarillas.",
        {
            ("export_restriction", "FR", "ALL", "medical_equipment", None, "imposed"),
            ("export_restriction", "DE", "ALL", "medical_equipment", None, "imposed"),
        },
        id="es-two-imposers-acting-together",
    ),
    pytest.param(
        "Argentina levantó las restricciones a la exportación de carne vacuna.",
        {("export_restriction", "AR", "ALL", "beef", None, "lifted")},
        id="es-export-restriction-lifted",
    ),
    pytest.param(
        "Pekín amenazó con imponer aranceles del 25% a los autos importados de la UE.",
        {("tariff", "CN", "EU", "automotive", 25.0, "threatened")},
        id="es-eu-target",
    ),
    pytest.param(
        "López Obrador reiteró su rechazo al bloqueo económico que Estados Unidos mantiene contra Cuba.",
        {("sanction", "US", "CU", None, None, "imposed")},
        id="es-relative-clause-agent",
    ),
    pytest.param(
        "Estados Unidos aplica un arancel del 50% a los productos brasileños como castigo por la compra de "
        "petróleo ruso.",
        {("tariff", "US", "BR", None, 50.0, "imposed")},
        id="es-reason-is-not-a-target",
    ),
    # --- nothing to report ----------------------------------------------------------------------------------
    pytest.param("They discussed trade and security.", set(), id="no-measure-noun"),
    pytest.param("Both leaders called for removing non-tariff barriers.", set(), id="non-tariff-barriers"),
    pytest.param("Canada and Mexico keep duty-free access for USMCA goods.", set(), id="duty-free"),
    pytest.param("They talked about tariffs.", set(), id="bare-measure-noun-says-nothing"),
    pytest.param("Trump said he will not impose tariffs on Mexico.", set(), id="denied"),
    pytest.param("Sheinbaum said tariffs would hurt the economy.", set(), id="speaker-without-agent"),
    pytest.param("Trump descartó imponer aranceles a México.", set(), id="es-denied"),
    pytest.param("Ambos líderes defendieron un comercio sin aranceles.", set(), id="es-sin-aranceles"),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_examples(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(run(text, reference)) == expected


@pytest.mark.parametrize(("text", "_expected"), EXAMPLES)
def test_facts_are_well_formed(text: str, _expected: object, reference: Reference) -> None:
    for fact in run(text, reference):
        assert fact.mention_id is None
        assert fact.call_link is None
        assert fact.measure_type in MEASURE_TYPES
        assert fact.status in STATUSES
        assert fact.imposing_country_code is None or fact.imposing_country_code != fact.target_country_code
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
        assert fact.evidence.how


def test_evidence_says_how(reference: Reference) -> None:
    (fact,) = run("Trump threatened a 30% tariff on Mexican tomatoes.", reference)
    how = fact.evidence.how or ""
    assert "imposer from 'Trump' (US" in how
    assert "target from 'Mexican tomatoes' (MX)" in how
    assert "status threatened from 'threatened'" in how
    assert "rate from '30%'" in how


def test_evidence_points_at_the_sentence_in_the_article(reference: Reference) -> None:
    text = "The two leaders spoke on Monday.\nLater, Ottawa imposed retaliatory duties on American steel."
    (fact,) = run(text, reference)
    assert fact.evidence.sentence_index == 1
    assert fact.evidence.text.startswith("Later, Ottawa")


def test_one_row_per_measure_keeping_the_first_evidence(reference: Reference) -> None:
    text = (
        "Trump imposed tariffs on Mexican steel. The leaders spoke for an hour. "
        "Sheinbaum said Trump imposed tariffs on Mexican steel."
    )
    facts = run(text, reference)
    assert rows(facts) == {("tariff", "US", "MX", "steel", None, "imposed")}
    assert facts[0].evidence.sentence_index == 0


def test_a_fragment_is_the_fuller_measure_not_another(reference: Reference) -> None:
    text = "U.S. tariffs on Mexican steel remain in place. The tariffs on Mexican steel hurt exporters."
    assert rows(run(text, reference)) == {("tariff", "US", "MX", "steel", None, "imposed")}


def test_a_measure_said_imposed_then_lifted_was_lifted(reference: Reference) -> None:
    text = "In 2019 Japan tightened controls on exports to South Korea. Japan lifted those controls on exports in 2023."
    assert rows(run(text, reference)) == {("export_restriction", "JP", "KR", None, None, "lifted")}


def test_a_party_left_out_is_read_from_the_rest_of_the_article(reference: Reference) -> None:
    text = "Washington imposed a 40% tariff on Brazilian goods. The surcharge adds to a basic 10% tariff."
    facts = run(text, reference)
    assert rows(facts) == {
        ("tariff", "US", "BR", None, 40.0, "imposed"),
        ("tariff", "US", "BR", None, 10.0, "imposed"),
    }
    (later,) = [f for f in facts if f.rate_percent == 10.0]
    assert "imposer US from the article's other tariff measures" in (later.evidence.how or "")


def test_effective_date_where_given(reference: Reference) -> None:
    text = "Canada's retaliatory tariffs on U.S. steel took effect on July 1, 2018."
    (fact,) = run(text, reference)
    assert fact.effective_date == dt.date(2018, 7, 1)
    assert "effective 2018-07-01" in (fact.evidence.how or "")
    (undated,) = run("Canada imposed retaliatory tariffs on U.S. steel.", reference)
    assert undated.effective_date is None


def test_text_that_does_not_fold_one_to_one(reference: Reference) -> None:
    """An ellipsis and a decomposed accent keep their place: the quotes stay exact."""
    text = "Canadá impuso… aranceles de represalia contra productos estadounidenses."
    (fact,) = run(text, reference)
    assert rows([fact]) == {("tariff", "CA", "US", None, None, "imposed")}
    assert "imposer from 'Canadá' (CA" in (fact.evidence.how or "")
    assert "target from 'productos estadounidenses' (US)" in (fact.evidence.how or "")


def test_no_text(reference: Reference) -> None:
    assert run("", reference) == []


def test_megabyte_line_finishes(reference: Reference) -> None:
    """A 1 MB line of repeated cue words (one 'sentence'): extraction returns a bounded result."""
    unit = "Trump imposed 25% tariffs on Mexican steel and Canada, "
    facts = run(unit * (1_000_000 // len(unit)), reference)
    assert len(facts) <= 6 * trade_rules.MAX_MEASURES


# Cue words shuffled by hypothesis.
_CUE_TEXT = (
    "Trump Sheinbaum Carney Washington Ottawa Bruselas Mexico México Canada Canadá China U.S. us EU UE Mexican "
    "mexicanos Canadian American estadounidenses tariffs tariff aranceles duties quota cuotas sanctions exemption "
    "exempted exentó export ban banned imports exports controls joint review revisión del T-MEC USMCA on a from "
    "to by por de contra and y , ; but although Although imposed threatened paused lifted eased will impose said "
    "dijo he steel acero cars autos tomatoes lumber energy 25% 30 percent 10-percent non-tariff duty-free goods "
    "productos imports assembled in made from the los all countries"
)
_WORDS = _CUE_TEXT.split()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_shuffled_cue_words_keep_invariants(words: list[str], reference: Reference) -> None:
    text = " ".join(words) + "."
    facts = run(text, reference)
    keys = [(f.measure_type, f.imposing_country_code, f.target_country_code, f.sector, f.rate_percent) for f in facts]
    assert len(keys) == len(set(keys))  # one row per distinct measure
    for fact in facts:
        assert fact.measure_type in MEASURE_TYPES
        assert fact.status in STATUSES
        assert fact.imposing_country_code is None or fact.imposing_country_code != fact.target_country_code
        assert fact.rate_percent is None or 0 <= fact.rate_percent <= 1000
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text


# --- rule data integrity --------------------------------------------------------------------------------------


def test_the_context_looks_for_every_way_of_naming_a_measure() -> None:
    """Only sentences holding a word of ``TRADE_WORDS`` are read: every measure phrase, exemption phrase and the
    words one side of every compound is found by must be among them."""
    words = set(TRADE_WORDS)
    assert words >= trade_rules.MEASURE_KEYS
    assert words >= trade_rules.EXEMPTION_KEYS
    for rule in trade_rules.RULES["compound_measures"]:
        assert rule["found_by"] in ("heads", "objects"), rule["type"]
        assert words >= trade_rules.keys(rule[rule["found_by"]])


def test_a_measure_named_only_by_a_compound_is_found(reference: Reference) -> None:
    text = "Moscow froze the accounts of Turkish construction firms."
    assert rows(run(text, reference)) == {("sanction", "RU", "TR", "construction", None, "imposed")}


def test_vocabulary_values_are_the_labels() -> None:
    assert set(trade_rules.RULES["measures"]) <= MEASURE_TYPES
    assert {rule["type"] for rule in trade_rules.RULES["compound_measures"]} <= MEASURE_TYPES
    assert set(trade_rules.RULES["status_cues"]) <= STATUSES
    assert set(trade_rules.RULES["exemption_status_cues"]) <= {*STATUSES, trade_rules.REQUESTED}
