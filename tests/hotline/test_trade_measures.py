"""Trade-measure extraction (``hotline.extract.trade_measures``).

The example sentences below were written by the team for these tests, in English and Spanish, to pin the
rules down one cue at a time; they are not taken from the article corpus or any seed file. The reference
data is a small hand-built :class:`Reference` so the tests are self-contained. One property test shuffles
the same cue words with hypothesis and checks the invariants every fact must keep.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotline.extract import trade_measures as tm
from hotline.extract.sentences import Sentence, split_sentences
from hotline.extract.trade_measures import find_trade_measures
from hotline.reference import Country, Official, Reference, fold

MEASURE_TYPES = {"tariff", "exemption", "pause", "agreement_review", "quota", "sanction"}
STATUSES = {"active", "threatened", "announced", "paused", "lifted", "exempted", "scheduled", "proposed"}
SECTORS = {
    "steel",
    "aluminum",
    "automotive",
    "agriculture",
    "energy",
    "lumber",
    "pharmaceuticals",
    "semiconductors",
    "usmca",
}


@pytest.fixture(scope="module")
def reference() -> Reference:
    countries = [
        Country(
            "US",
            "United States",
            ("United States", "U.S.", "US", "USA", "America", "Estados Unidos", "EE.UU.", "EEUU"),
            (
                "American",
                "U.S.",
                "US",
                "estadounidense",
                "estadounidenses",
                "norteamericano",
                "norteamericanos",
            ),
        ),
        Country(
            "MX",
            "Mexico",
            ("Mexico", "México"),
            ("Mexican", "mexicano", "mexicana", "mexicanos", "mexicanas"),
        ),
        Country("CA", "Canada", ("Canada", "Canadá"), ("Canadian", "canadiense", "canadienses")),
        Country("CN", "China", ("China", "People's Republic of China"), ("Chinese", "chino", "china", "chinos")),
    ]
    officials = [
        Official("donald_trump", "Donald Trump", "US", ("Trump", "Donald J. Trump")),
        Official("claudia_sheinbaum", "Claudia Sheinbaum", "MX", ("Sheinbaum", "Claudia Sheinbaum Pardo")),
        Official("mark_carney", "Mark Carney", "CA", ("Carney",)),
    ]
    return Reference(countries, [], officials, [], [])


def _run(text: str, reference: Reference) -> list[tm.TradeMeasureFact]:
    return find_trade_measures("article-1", text, split_sentences(text), reference)


def _rows(facts: list[tm.TradeMeasureFact]) -> set[tuple[object, ...]]:
    return {
        (f.measure_type, f.imposing_country_code, f.target_country_code, f.sector, f.rate_percent, f.status)
        for f in facts
    }


# (sentence, expected facts as (measure_type, imposer, target, sector, rate_percent, status))
EXAMPLES = [
    pytest.param(
        "Although Washington exempted Canada from the global tariffs on March 5, duties still apply to "
        "Canadian lumber and steel.",
        {
            ("exemption", "US", "CA", None, None, "active"),
            ("tariff", "US", "CA", "lumber", None, "active"),
            ("tariff", "US", "CA", "steel", None, "active"),
        },
        id="exemption-then-duties-in-second-clause",
    ),
    pytest.param(
        "Trump threatened a 30% tariff on Mexican tomatoes.",
        {("tariff", "US", "MX", "agriculture", 30.0, "threatened")},
        id="leader-threatens-rate-on-demonym-goods",
    ),
    pytest.param(
        "El gobierno de Estados Unidos pausó por 90 días los aranceles del 25% a productos mexicanos.",
        {("tariff", "US", "MX", None, 25.0, "paused")},
        id="es-paused-rate-del",
    ),
    pytest.param(
        "Ottawa imposed retaliatory duties on American steel.",
        {("tariff", "CA", "US", "steel", None, "active")},
        id="capital-as-imposer",
    ),
    pytest.param(
        "On the call, the two governments agreed to begin the USMCA joint review.",
        {("agreement_review", None, None, "usmca", None, "scheduled")},
        id="usmca-joint-review",
    ),
    pytest.param(
        "The leaders agreed to hold a joint review of the trade pact by July 1.",
        {("agreement_review", None, None, "usmca", None, "scheduled")},
        id="joint-review-of-the-trade-pact",
    ),
    pytest.param(
        "Ambos gobiernos acordaron iniciar la revisión del T-MEC en julio.",
        {("agreement_review", None, None, "usmca", None, "scheduled")},
        id="es-revision-del-tmec",
    ),
    pytest.param("They discussed trade and security.", set(), id="no-measure-noun"),
    pytest.param("Both leaders called for removing non-tariff barriers.", set(), id="non-tariff-barriers"),
    pytest.param("Canada and Mexico keep duty-free access for USMCA goods.", set(), id="duty-free"),
    pytest.param("They talked about tariffs.", set(), id="bare-measure-noun-says-nothing"),
    pytest.param(
        "The U.S. imposed a 145% tariff on Chinese goods.",
        {("tariff", "US", "CN", None, 145.0, "active")},
        id="us-on-chinese-goods",
    ),
    pytest.param(
        "A tariff on Chinese goods imposed by the U.S. remains in effect.",
        {("tariff", "US", "CN", None, None, "active")},
        id="imposer-after-by",
    ),
    pytest.param(
        "Sheinbaum said the 25-percent duties on Mexican steel and aluminum remain in place.",
        {
            ("tariff", None, "MX", "steel", 25.0, "active"),
            ("tariff", None, "MX", "aluminum", 25.0, "active"),
        },
        id="speaker-of-target-country-is-not-imposer",
    ),
    pytest.param(
        "Trump announced a 25 percent tariff on cars assembled in Mexico.",
        {("tariff", "US", "MX", "automotive", 25.0, "announced")},
        id="origin-assembled-in",
    ),
    pytest.param(
        "Washington lifted the tariffs on Canadian aluminum.",
        {("tariff", "US", "CA", "aluminum", None, "lifted")},
        id="lifted",
    ),
    pytest.param(
        "Trump amenazó con imponer aranceles del 30% a las importaciones de México.",
        {("tariff", "US", "MX", None, 30.0, "threatened")},
        id="es-threat-imports-from",
    ),
    pytest.param(
        "Canadá impuso aranceles de represalia contra productos estadounidenses.",
        {("tariff", "CA", "US", None, None, "active")},
        id="es-contra-productos-demonym",
    ),
    pytest.param(
        "Estados Unidos exentó a México de los aranceles al acero.",
        {("exemption", "US", "MX", "steel", None, "active")},
        id="es-exento-a",
    ),
    pytest.param(
        "Mexico won an exemption from the steel tariffs.",
        {("exemption", None, "MX", "steel", None, "active")},
        id="country-won-exemption-is-target",
    ),
    pytest.param(
        "The U.S. set a quota on Mexican sugar imports.",
        {("quota", "US", "MX", "agriculture", None, "active")},
        id="quota",
    ),
    pytest.param(
        "The U.S. imposed sanctions on Chinese semiconductor firms.",
        {("sanction", "US", "CN", "semiconductors", None, "active")},
        id="sanctions",
    ),
    pytest.param(
        "Trump postponed the 25% tariffs on Canadian and Mexican goods for 30 days.",
        {("tariff", "US", "CA", None, 25.0, "paused"), ("tariff", "US", "MX", None, 25.0, "paused")},
        id="coordinated-demonyms-share-goods",
    ),
    pytest.param(
        "Los aranceles estadounidenses al acero mexicano siguen vigentes.",
        {("tariff", "US", "MX", "steel", None, "active")},
        id="es-demonym-after-measure-is-imposer",
    ),
    pytest.param(
        "Trump warned that tariffs on Mexico could rise to 30%.",
        {("tariff", "US", "MX", None, 30.0, "threatened")},
        id="warned",
    ),
    pytest.param(
        "U.S. tariffs on Chinese goods rose from 10% to 25%.",
        {("tariff", "US", "CN", None, 25.0, "active")},
        id="rate-from-to-keeps-new-rate",
    ),
    pytest.param(
        "The U.S. imposes 25% tariffs on Canadian steel and 10% on Canadian energy.",
        {("tariff", "US", "CA", "steel", 25.0, "active"), ("tariff", "US", "CA", "energy", 10.0, "active")},
        id="rate-per-sector",
    ),
    pytest.param(
        "Trump and Carney discussed steel tariffs.",
        {("tariff", None, None, "steel", None, "active")},
        id="two-parties-leave-imposer-ambiguous",
    ),
    pytest.param("Trump said he will not impose tariffs on Mexico.", set(), id="denied"),
    pytest.param("Sheinbaum said tariffs would hurt the economy.", set(), id="speaker-without-agent"),
    pytest.param(
        "Carney criticized Trump's tariffs on Canadian lumber.",
        {("tariff", "US", "CA", "lumber", None, "active")},
        id="possessive-leader",
    ),
    pytest.param(
        "Mexico will retaliate with tariffs on U.S. pork.",
        {("tariff", "MX", "US", "agriculture", None, "announced")},
        id="mexico-retaliates",
    ),
    pytest.param(
        "Trump imposed tariffs on Chinese goods, but he exempted Mexico.",
        {("tariff", "US", "CN", None, None, "active"), ("exemption", "US", "MX", None, None, "active")},
        id="but-clause",
    ),
    pytest.param(
        "Trump said tariffs on Mexico, Canada and China would take effect on Tuesday.",
        {
            ("tariff", "US", "MX", None, None, "scheduled"),
            ("tariff", "US", "CA", None, None, "scheduled"),
            ("tariff", "US", "CN", None, None, "scheduled"),
        },
        id="target-list",
    ),
    pytest.param(
        "Aranceles de 25% a México, Canadá y China entrarán en vigor el martes.",
        {
            ("tariff", None, "MX", None, 25.0, "scheduled"),
            ("tariff", None, "CA", None, 25.0, "scheduled"),
            ("tariff", None, "CN", None, 25.0, "scheduled"),
        },
        id="es-target-list",
    ),
    pytest.param(
        "Trump imposed tariffs on Mexican steel and lifted duties on Canadian lumber.",
        {("tariff", "US", "MX", "steel", None, "active"), ("tariff", "US", "CA", "lumber", None, "lifted")},
        id="two-measures-two-verbs",
    ),
    pytest.param(
        "Trump, who imposed tariffs on China last year, threatened a 30% tariff on Mexican tomatoes.",
        {
            ("tariff", "US", "CN", None, None, "active"),
            ("tariff", "US", "MX", "agriculture", 30.0, "threatened"),
        },
        id="relative-clause-measure",
    ),
    pytest.param(
        "They told us the tariffs on China remain.",
        {("tariff", None, "CN", None, None, "active")},
        id="pronoun-us-is-not-the-country",
    ),
    pytest.param(
        "Sin embargo, los aranceles a México siguen vigentes.",
        {("tariff", None, "MX", None, None, "active")},
        id="es-sin-embargo-is-no-denial",
    ),
    pytest.param(
        "La Casa Blanca impondrá aranceles de veinticinco por ciento a los autos fabricados en México.",
        {("tariff", "US", "MX", "automotive", 25.0, "announced")},
        id="es-spelled-rate",
    ),
    pytest.param(
        "Mexican officials asked for an exemption from the aluminum tariffs.",
        {("exemption", None, "MX", "aluminum", None, "proposed")},
        id="exemption-requested",
    ),
    pytest.param(
        "Canada imposed countervailing duties on Chinese electric vehicles.",
        {("tariff", "CA", "CN", "automotive", None, "active")},
        id="countervailing-duties",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_examples(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert _rows(_run(text, reference)) == expected


@pytest.mark.parametrize(("text", "_expected"), EXAMPLES)
def test_facts_are_well_formed(text: str, _expected: object, reference: Reference) -> None:
    for fact in _run(text, reference):
        assert fact.mention_id is None
        assert fact.article_id == "article-1"
        assert fact.measure_type in MEASURE_TYPES
        assert fact.status in STATUSES
        assert fact.sector is None or fact.sector in SECTORS
        assert fact.imposing_country_code is None or fact.imposing_country_code != fact.target_country_code
        evidence = fact.evidence
        assert text[evidence.start : evidence.end] == evidence.text
        assert evidence.how


def test_evidence_says_how(reference: Reference) -> None:
    (fact,) = _run("Trump threatened a 30% tariff on Mexican tomatoes.", reference)
    how = fact.evidence.how or ""
    assert "imposer from 'Trump' (US" in how
    assert "target from 'Mexican tomatoes' (MX)" in how
    assert "status threatened from 'threatened'" in how
    assert "rate from '30%'" in how


def test_evidence_points_at_the_sentence_in_the_article(reference: Reference) -> None:
    text = "The two leaders spoke on Monday.\nLater, Ottawa imposed retaliatory duties on American steel."
    (fact,) = _run(text, reference)
    assert fact.evidence.sentence_index == 1
    assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
    assert fact.evidence.text.startswith("Later, Ottawa")


def test_identical_facts_are_deduplicated_keeping_the_first_evidence(reference: Reference) -> None:
    text = (
        "Trump imposed tariffs on Mexican steel. The leaders spoke for an hour. "
        "Sheinbaum said Trump imposed tariffs on Mexican steel."
    )
    facts = _run(text, reference)
    assert _rows(facts) == {("tariff", "US", "MX", "steel", None, "active")}
    assert facts[0].evidence.sentence_index == 0


def test_sentences_not_pointing_into_text_still_work(reference: Reference) -> None:
    sentence_text = "Trump threatened a 30% tariff on Mexican tomatoes."
    sentences = [Sentence(0, 0, len(sentence_text), sentence_text, 0)]
    facts = find_trade_measures("article-2", "unrelated text", sentences, reference)
    assert _rows(facts) == {("tariff", "US", "MX", "agriculture", 30.0, "threatened")}


def test_text_that_does_not_fold_one_to_one(reference: Reference) -> None:
    """An ellipsis folds to three characters and a decomposed accent to none: quotes stay exact."""
    text = "Canada\u0301 impuso… aranceles de represalia contra productos estadounidenses."
    (fact,) = _run(text, reference)
    assert _rows([fact]) == {("tariff", "CA", "US", None, None, "active")}
    assert "imposer from 'Canada\u0301' (CA" in (fact.evidence.how or "")
    assert "target from 'productos estadounidenses' (US)" in (fact.evidence.how or "")


def test_no_sentences(reference: Reference) -> None:
    assert find_trade_measures("article-3", "", [], reference) == []


def test_reference_without_countries_or_officials() -> None:
    empty = Reference([], [], [], [], [])
    facts = find_trade_measures("a", "A 25% tariff on steel.", split_sentences("A 25% tariff on steel."), empty)
    assert _rows(facts) == {("tariff", None, None, "steel", 25.0, "active")}


@pytest.mark.parametrize(
    "unit",
    [
        "tariffs ",
        "Trump imposed 25% tariffs on Mexican steel and Canada, ",
        "aranceles a México y Canadá del 10% ",
        "non-tariff ",
        "U.S. Canada Mexico Trump Sheinbaum ",
        "exempted Canada from the tariffs, but ",
        "é",
    ],
)
def test_megabyte_line_finishes(unit: str, reference: Reference) -> None:
    """A 1 MB line of repeated words (one 'sentence'): extraction must return, with a bounded result."""
    text = unit * (1_000_000 // len(unit))
    sentences = [Sentence(0, 0, len(text), text, 0)]
    facts = find_trade_measures("big", text, sentences, reference)
    assert len(facts) <= 6 * tm.MAX_MEASURES


def test_megabyte_line_with_measures_far_apart(reference: Reference) -> None:
    text = "Tariffs on Mexico " + "Trump Carney " * 80_000 + "imposed tariffs on Canadian steel."
    sentences = [Sentence(0, 0, len(text), text, 0)]
    facts = find_trade_measures("big", text, sentences, reference)
    assert {f.target_country_code for f in facts} == {"MX", "CA"}


# Cue words shuffled by hypothesis.
_CUE_TEXT = (
    "Trump Sheinbaum Carney Washington Ottawa Mexico México Canada Canadá China U.S. us Mexican "
    "mexicanos Canadian American estadounidenses tariffs tariff aranceles duties quota cuotas "
    "sanctions exemption exempted exentó joint review revisión del T-MEC USMCA on a from to by por "
    "de contra and y , ; but although Although imposed threatened paused lifted will impose said "
    "dijo he steel acero cars autos tomatoes lumber energy 25% 30 percent 10-percent non-tariff "
    "duty-free goods productos imports assembled in made from the los"
)
_WORDS = _CUE_TEXT.split()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_shuffled_cue_words_keep_invariants(words: list[str], reference: Reference) -> None:
    text = " ".join(words) + "."
    for fact in _run(text, reference):
        assert fact.measure_type in MEASURE_TYPES
        assert fact.status in STATUSES
        assert fact.sector is None or fact.sector in SECTORS
        assert fact.imposing_country_code is None or fact.imposing_country_code != fact.target_country_code
        assert fact.rate_percent is None or 0 <= fact.rate_percent <= 1000
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text


# --------------------------------------------------------------------------------------------------------
# Rule data integrity
# --------------------------------------------------------------------------------------------------------


def test_every_measure_phrase_contains_a_prefilter_stem() -> None:
    stems = [fold(str(s)) for s in tm._RULES["prefilter_stems"]]
    for phrases in tm._RULES["measures"].values():
        for phrase in phrases:
            assert any(stem in fold(str(phrase)) for stem in stems), phrase


def test_vocabulary_values_are_known() -> None:
    assert set(tm._RULES["measures"]) <= MEASURE_TYPES
    assert set(tm._RULES["status_cues"]) <= STATUSES
    assert set(tm._RULES["exemption_status_cues"]) <= STATUSES
    assert set(tm._RULES["sectors"]) <= SECTORS


def test_phrase_syntax_optional_words() -> None:
    assert sorted(tm._variants("review of (the) USMCA")) == ["review of the usmca", "review of usmca"]
