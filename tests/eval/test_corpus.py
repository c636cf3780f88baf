"""The labeled corpus meets the coverage the evaluation needs (issue "Truth, measured"): size, languages,
leader pairs, countries and continents, years, same-call groups, no-call texts, negations, trade measures,
article lengths and a dev/test split that keeps every same-call group on one side."""

from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from hotline.articles import load_corpus
from hotline.evaluation.gold import GoldCorpus, load_gold

EVAL = Path(__file__).resolve().parent

# Continents of the countries the corpus names (public facts; ISO 3166 alpha-2).
CONTINENTS = {
    "Africa": "AO BF BW CD CI CM DJ DZ EG ER ET GA GH GM GQ GW KE LR LS MA ML MR MU MW MZ NA NE NG RW SC SL SN SO "
    "SZ TN TZ UG ZA ZM ZW BI KM CV BJ LY TD GN TG SD CG MG ST SS CF GW",
    "Asia": "AE AM AZ BD BH BT CN GE ID IL IN IQ IR JO JP KG KH KR KW KZ LB LK MM MV MY NP OM PH PK PS QA SA SG SY TH "
    "TJ TM TR TW UZ VN MN BN LA YE TL KP",
    "Europe": "AL BY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LT LV MD ME MK NL NO PL PT RO RS RU SE SI UA CY MT AT "
    "BE LU BG CH SK AD BA MC LI FO VA XK",
    "North America": "BB BS BZ CA PR CR CU DO GD GT HN HT JM MX NI PA SV TT US VC AG KN DM LC",
    "South America": "AR BO BR CL CO EC GY PE PY SR UY VE",
    "Oceania": "AU FJ NZ PG SB TO TV VU WS MH NR PW KI FM NU",
}
CONTINENT_OF = {code: continent for continent, codes in CONTINENTS.items() for code in codes.split()}


@pytest.fixture(scope="module")
def splits() -> dict[str, GoldCorpus]:
    return {name: load_gold(EVAL / name) for name in ("dev", "test")}


def test_size_languages_and_split(splits: dict[str, GoldCorpus]) -> None:
    dev, test = len(splits["dev"].articles), len(splits["test"].articles)
    assert dev + test >= 90
    assert 0.25 <= test / (dev + test) <= 0.40  # about one third held out
    spanish = sum(a.language == "es" for split in splits.values() for a in split.articles.values())
    assert spanish >= 35


def test_every_article_is_80_to_600_words(splits: dict[str, GoldCorpus]) -> None:
    for name, split in splits.items():
        corpus = load_corpus(EVAL / name, 2_000_000)
        assert {r.source_name for r in corpus.rejections} == {"gold.yaml"}  # the labels are no article
        lengths = {article.source_name: len(article.text.split()) for article in corpus.articles}
        assert set(lengths) == set(split.articles)
        outside = {source: words for source, words in lengths.items() if not 80 <= words <= 600}
        assert not outside


def test_leader_pairs_countries_continents_and_years(splits: dict[str, GoldCorpus]) -> None:
    calls = [call for split in splits.values() for call in split.calls()]
    pairs = {frozenset(call.participants) for call in calls}
    countries = {code for call in calls for code in call.countries}
    assert len(pairs) >= 30
    assert len(countries) >= 25
    assert countries <= set(CONTINENT_OF), sorted(countries - set(CONTINENT_OF))
    assert len({CONTINENT_OF[code] for code in countries}) >= 5
    north_american = sum(set(call.countries) <= {"US", "MX", "CA"} for call in calls)
    assert north_american < len(calls) / 2  # most pairs do not involve only the US, Mexico or Canada
    years = {call.date.year for call in calls if call.date} | {
        a.published_date.year for split in splits.values() for a in split.articles.values() if a.published_date
    }
    assert min(years) <= 2009
    assert max(years) >= 2026


def test_same_call_groups_stay_in_one_split(splits: dict[str, GoldCorpus]) -> None:
    groups = {name: {call.group for call in split.calls()} for name, split in splits.items()}
    assert not groups["dev"] & groups["test"]
    multi = 0
    for split in splits.values():
        articles: dict[str, set[str]] = {}
        for call in split.calls():
            if call.is_held:
                articles.setdefault(call.group, set()).add(call.article)
        multi += sum(2 <= len(names) <= 4 for names in articles.values())
    assert multi >= 15


def test_one_held_call_one_group_across_batches(splits: dict[str, GoldCorpus]) -> None:
    """Batches are labeled apart: the same pair's held call on the same day in two articles of a split is one group
    unless an article tells them apart (a morning and an evening call)."""
    for split in splits.values():
        groups: dict[tuple[frozenset[str], object], set[str]] = {}
        for call in split.calls():
            if call.is_held and call.date and call.date_precision == "day":
                groups.setdefault((frozenset(call.participants), call.date), set()).add(call.group)
        together = {(c.article, c.group) for c in split.calls()}
        for (pair, day), keys in groups.items():
            for a, b in combinations(sorted(keys), 2):  # two calls of one day are told apart in one article
                told_apart = {x for x, key in together if key == a} & {x for x, key in together if key == b}
                assert told_apart, (sorted(pair), day, a, b)


def test_no_call_texts_negations_and_call_kinds(splits: dict[str, GoldCorpus]) -> None:
    articles = [a for split in splits.values() for a in split.articles.values()]
    assert sum(not a.held_calls for a in articles) >= 20
    statuses = Counter(call.status for a in articles for call in a.calls)
    assert {"planned", "requested", "refused", "cancelled", "denied"} <= set(statuses)
    negated = {a.language for a in articles for call in a.calls if call.topics_not_discussed}
    assert negated == {"en", "es"}
    assert any(call.topics_unclear for a in articles for call in a.calls)  # false-negation traps
    assert any(call.reported == "in_passing" for a in articles for call in a.calls)
    assert sum(call.date is None for a in articles for call in a.held_calls) >= 5  # dates the text cannot give
    assert any(call.duration_minutes for a in articles for call in a.calls)
    assert any(call.initiator for a in articles for call in a.calls)


def test_trade_measures_of_every_kind(splits: dict[str, GoldCorpus]) -> None:
    measures = [m for split in splits.values() for a in split.articles.values() for m in a.trade_measures]
    assert {"tariff", "exemption", "quota", "export_restriction", "sanction", "agreement_review"} <= {
        m.type for m in measures
    }
    assert {"imposed", "threatened", "paused", "exempted", "lifted"} <= {m.status for m in measures}
    assert any(m.target is None for m in measures)
    assert any(m.sector is None for m in measures)
    assert any(m.sector for m in measures)
    assert any("EU" in (m.imposing, m.target) for m in measures)
