"""Integrity of the reference data: the dbt seed CSVs that ``hotline.reference`` loads.

The rules come from the layouts in docs/ARCHITECTURE.md ("Reference data"); the examples are the seed
files themselves. dbt's data tests (``dbt_project/seeds/_seeds.yml``) cover keys and foreign keys in the
warehouse; this module checks what they can't, before anything is built:

- each file has its documented columns, and every ``|``-separated list cell has no empty items, no
  surrounding spaces and no repeated items;
- country codes are ISO alpha-2 and each country name or demonym denotes one country;
- an official id is the snake_case of the full name; every alias, compared ignoring case and accents,
  names exactly one official and is not a country name, demonym or role title, nor contains a title;
- every term references a known official, role and country (the official's own); dates are ISO and
  term_start < term_end; terms of one official in one role don't overlap; no two people hold the same
  leader role of one country on the same day (terms are half-open: term_end is the first day out of office);
- each role title belongs to one role and holds no country word; leader roles are exactly president,
  prime minister, chancellor, monarch, crown prince and other heads of government;
- every ISO 3166 country and the EU are listed; heads of state or government of at least 120 countries (all
  the G20, the EU and the Americas), the G20's in office today;
- every UN member state has a head of state or government on 2025-01-01 (San Marino, whose Captains Regent
  change every six months, is the listed exception);
- topic codes are unique, parents exist, the tree has no cycles, the required codes exist, keywords are
  lower case and no keyword belongs to two topics;
- the trade measure types are the six the extractor emits.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from functools import cache
from itertools import combinations

import pycountry
import pytest
from text_unidecode import unidecode

from hotline.config import REFERENCE_DIR

LAYOUT: dict[str, tuple[str, ...]] = {
    "countries.csv": ("country_code", "country_name", "names", "demonyms"),
    "cities.csv": ("country_code", "city_name", "names"),
    "roles.csv": ("role", "role_name", "is_leader", "titles_en", "titles_es"),
    "officials.csv": ("official_id", "full_name", "country_code", "aliases"),
    "official_terms.csv": ("official_id", "role", "country_code", "term_start", "term_end"),
    "topics.csv": ("topic_code", "topic_name", "parent_topic_code", "keywords_en", "keywords_es"),
    "trade_measure_types.csv": ("measure_type", "measure_type_name", "description"),
}
LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "countries.csv": ("names", "demonyms"),
    "cities.csv": ("names",),
    "roles.csv": ("titles_en", "titles_es"),
    "officials.csv": ("aliases",),
    "topics.csv": ("keywords_en", "keywords_es"),
}
KEYS: dict[str, tuple[str, ...]] = {
    "countries.csv": ("country_code",),
    "cities.csv": ("country_code",),
    "roles.csv": ("role",),
    "officials.csv": ("official_id",),
    "official_terms.csv": ("official_id", "role", "term_start"),
    "topics.csv": ("topic_code",),
    "trade_measure_types.csv": ("measure_type",),
}
LEADER_ROLES = {"president", "prime_minister", "chancellor", "monarch", "crown_prince", "head_of_government_other"}
REQUIRED_COUNTRIES = (
    *("US", "MX", "CA", "CN", "UA", "RU", "BR", "FR", "GB", "DE", "IT", "JP"),
    *("IN", "CU", "VE", "CO", "GT", "HN", "SV", "ES", "IL", "KR", "AR"),
)
REQUIRED_ROLES = (
    "president",
    "president_elect",
    "vice_president",
    "prime_minister",
    "chancellor",
    "secretary_of_state",
    "foreign_minister",
    "economy_minister",
    "finance_minister",
    "treasury_secretary",
    "commerce_secretary",
    "trade_representative",
    "security_minister",
    "homeland_security_secretary",
    "defense_secretary",
    "interior_minister",
    "ambassador",
    "press_secretary",
    "deputy_press_secretary",
    "chief_of_staff",
    "national_security_adviser",
)
REQUIRED_TOPICS = (
    "trade",
    "tariffs",
    "security",
    "migration",
    "border",
    "drug_trafficking",
    "fentanyl",
    "organized_crime",
    "arms_trafficking",
    "steel",
    "aluminum",
    "automotive",
    "usmca",
    "economy",
    "energy",
    "water",
    "cuba",
    "venezuela",
    "critical_minerals",
    "china",
    "canada",
    "sovereignty",
    "remittances",
    "military_intervention",
    "investment",
    "agriculture",
    "ukraine_war",
    "health",
    "climate",
    "foreign_relations",
)
REQUIRED_OFFICIALS = (
    "donald_trump",
    "joe_biden",
    "barack_obama",
    "kamala_harris",
    "jd_vance",
    "andres_manuel_lopez_obrador",
    "claudia_sheinbaum",
    "enrique_pena_nieto",
    "justin_trudeau",
    "mark_carney",
    "xi_jinping",
    "volodymyr_zelensky",
    "vladimir_putin",
    "luiz_inacio_lula_da_silva",
    "emmanuel_macron",
    "keir_starmer",
    "olaf_scholz",
    "friedrich_merz",
    "giorgia_meloni",
    "narendra_modi",
    "shigeru_ishiba",
    "gustavo_petro",
    "nicolas_maduro",
    "miguel_diaz_canel",
    "pedro_sanchez",
    "benjamin_netanyahu",
    "javier_milei",
    "lee_jae_myung",
    "marco_rubio",
    "antony_blinken",
    "scott_bessent",
    "howard_lutnick",
    "jamieson_greer",
    "kristi_noem",
    "pete_hegseth",
    "karoline_leavitt",
    "anna_kelly",
    "ronald_johnson",
    "ken_salazar",
    "christopher_landau",
    "marcelo_ebrard",
    "juan_ramon_de_la_fuente",
    "roberto_velasco_alvarez",
    "alicia_barcena",
    "omar_garcia_harfuch",
    "rosa_icela_rodriguez",
    "edgar_amador_zamora",
    "rogelio_ramirez_de_la_o",
    "melanie_joly",
    "chrystia_freeland",
    "dominic_leblanc",
    "anita_anand",
)
MEASURE_TYPES = {"tariff", "exemption", "pause", "agreement_review", "quota", "sanction", "export_restriction"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
OPEN_END = date.max


@cache
def read(name: str) -> tuple[dict[str, str], ...]:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def items(cell: str) -> list[str]:
    """The items of a ``|``-separated list cell (none for an empty cell)."""
    return cell.split("|") if cell else []


def fold(text: str) -> str:
    """Case- and accent-insensitive form used to compare names, titles and keywords."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold().strip()


def snake_case(text: str) -> str:
    """ASCII snake_case, transliterated: "Beata Szydło" -> beata_szydlo, "Đặng Thị Ngọc" -> dang_thi_ngoc."""
    return re.sub(r"[^a-z0-9]+", "_", unidecode(text).lower()).strip("_")


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words, ignoring case and accents."""
    return re.search(rf"(?<!\w){re.escape(fold(phrase))}(?!\w)", fold(text)) is not None


def parse_date(text: str) -> date:
    assert ISO_DATE.fullmatch(text), f"not an ISO date (YYYY-MM-DD): {text!r}"
    return date.fromisoformat(text)


def interval(term: dict[str, str]) -> tuple[date, date]:
    """The half-open period [term_start, term_end) of a term; an open term runs to date.max."""
    end = parse_date(term["term_end"]) if term["term_end"] else OPEN_END
    return parse_date(term["term_start"]), end


def overlap(first: dict[str, str], second: dict[str, str]) -> bool:
    start_a, end_a = interval(first)
    start_b, end_b = interval(second)
    return start_a < end_b and start_b < end_a


def label(term: dict[str, str]) -> str:
    holder = f"{term['official_id']}/{term['role']}/{term['country_code']}"
    return f"{holder} {term['term_start']}..{term['term_end']}"


COUNTRIES = read("countries.csv")
ROLES = read("roles.csv")
OFFICIALS = read("officials.csv")
TERMS = read("official_terms.csv")
TOPICS = read("topics.csv")
CITIES = read("cities.csv")
MEASURES = read("trade_measure_types.csv")


def country_words() -> set[str]:
    return {fold(word) for row in COUNTRIES for word in items(row["names"]) + items(row["demonyms"])}


def role_titles() -> set[str]:
    return {title for row in ROLES for column in ("titles_en", "titles_es") for title in items(row[column])}


# --- files and cells ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", LAYOUT)
def test_file_has_documented_columns(name: str) -> None:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == LAYOUT[name]
    assert len(rows) > 1, "no data rows"
    ragged = [number for number, row in enumerate(rows, start=1) if len(row) != len(LAYOUT[name])]
    assert ragged == [], f"lines with the wrong number of fields: {ragged}"


@pytest.mark.parametrize("name", LAYOUT)
def test_cells_have_no_surrounding_spaces(name: str) -> None:
    padded = [
        (number, column, value)
        for number, row in enumerate(read(name), start=2)
        for column, value in row.items()
        if value != value.strip()
    ]
    assert padded == []


# A territory with no demonym of its own that names it alone (Congolese, Guinean and Dominican name two).
MAY_BE_EMPTY = {("countries.csv", "demonyms")}


@pytest.mark.parametrize(
    ("name", "column"), [(name, column) for name, columns in LIST_COLUMNS.items() for column in columns]
)
def test_list_cells_are_clean(name: str, column: str) -> None:
    problems = []
    for number, row in enumerate(read(name), start=2):
        values = items(row[column])
        if not values and (name, column) not in MAY_BE_EMPTY:
            problems.append(f"line {number}: empty list")
        problems += [f"line {number}: bad item {value!r}" for value in values if value != value.strip() or not value]
        problems += [f"line {number}: repeated {value!r}" for value, n in Counter(values).items() if n > 1]
    assert problems == []


@pytest.mark.parametrize("name", KEYS)
def test_keys_are_present_and_unique(name: str) -> None:
    keys = [tuple(row[column] for column in KEYS[name]) for row in read(name)]
    assert all(all(part for part in key) for key in keys), "empty key column"
    assert [key for key, n in Counter(keys).items() if n > 1] == []


# --- countries ------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", REQUIRED_COUNTRIES)
def test_required_country_exists(code: str) -> None:
    assert code in {row["country_code"] for row in COUNTRIES}


def test_country_codes_are_iso_alpha2() -> None:
    codes = [row["country_code"] for row in COUNTRIES]
    assert [code for code in codes if not re.fullmatch(r"[A-Z]{2}", code)] == []


def test_each_country_word_denotes_one_country() -> None:
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for row in COUNTRIES:
        for word in items(row["names"]) + items(row["demonyms"]):
            owners[fold(word)].add(row["country_code"])
    assert {word: sorted(codes) for word, codes in owners.items() if len(codes) > 1} == {}


def test_each_city_name_places_one_country_of_the_list() -> None:
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for row in CITIES:
        for name in items(row["names"]):
            owners[fold(name)].add(row["country_code"])
    assert {name: sorted(codes) for name, codes in owners.items() if len(codes) > 1} == {}
    assert {row["country_code"] for row in CITIES} <= {row["country_code"] for row in COUNTRIES}


def test_capitals_of_the_largest_countries_are_listed() -> None:
    cities = {fold(name): row["country_code"] for row in CITIES for name in items(row["names"])}
    expected = {"washington": "US", "ciudad de mexico": "MX", "brasilia": "BR", "nueva delhi": "IN", "pekin": "CN"}
    assert {name: cities.get(name) for name in expected} == expected
    assert not {"brussels", "geneva", "new york"} & cities.keys(), "seats of international institutions"


# --- roles ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", REQUIRED_ROLES)
def test_required_role_exists(role: str) -> None:
    assert role in {row["role"] for row in ROLES}


def test_leader_roles_are_heads_of_state_or_government() -> None:
    assert {row["is_leader"] for row in ROLES} <= {"true", "false"}
    assert {row["role"] for row in ROLES if row["is_leader"] == "true"} == LEADER_ROLES


def test_each_title_belongs_to_one_role() -> None:
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for row in ROLES:
        for title in items(row["titles_en"]) + items(row["titles_es"]):
            owners[fold(title)].add(row["role"])
    assert {title: sorted(roles) for title, roles in owners.items() if len(roles) > 1} == {}


def test_titles_hold_no_country_word() -> None:
    words = country_words()
    clashes = sorted((title, phrase) for title in role_titles() for phrase in word_runs(title) if phrase in words)
    assert clashes == []


def word_runs(text: str) -> set[str]:
    """Every run of whole words of ``text``, folded: the phrases a country word could be inside it."""
    tokens = re.findall(r"[\w.'’-]+", fold(text))
    runs = {" ".join(tokens[i:j]) for i in range(len(tokens)) for j in range(i + 1, len(tokens) + 1)}
    return runs | {run.rstrip(".") for run in runs}


# --- officials ------------------------------------------------------------------------------------


@pytest.mark.parametrize("official", OFFICIALS, ids=lambda row: row["official_id"])
def test_official_id_is_snake_case_of_full_name(official: dict[str, str]) -> None:
    assert official["official_id"] == snake_case(official["full_name"])


@pytest.mark.parametrize("official", OFFICIALS, ids=lambda row: row["official_id"])
def test_full_name_is_an_alias(official: dict[str, str]) -> None:
    assert official["full_name"] in items(official["aliases"])


@pytest.mark.parametrize("official_id", REQUIRED_OFFICIALS)
def test_required_official_exists(official_id: str) -> None:
    assert official_id in {row["official_id"] for row in OFFICIALS}


def test_every_alias_names_exactly_one_official() -> None:
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for row in OFFICIALS:
        for alias in items(row["aliases"]):
            owners[fold(alias)].add(row["official_id"])
    assert {alias: sorted(ids) for alias, ids in owners.items() if len(ids) > 1} == {}


def test_aliases_are_not_country_words() -> None:
    words = country_words()
    clashes = sorted(
        (row["official_id"], alias) for row in OFFICIALS for alias in items(row["aliases"]) if fold(alias) in words
    )
    assert clashes == []


def test_aliases_hold_no_title() -> None:
    titles = role_titles()
    clashes = sorted(
        (row["official_id"], alias, title)
        for row in OFFICIALS
        for alias in items(row["aliases"])
        for title in titles
        if contains_phrase(alias, title)
    )
    assert clashes == []


def test_every_official_holds_a_term() -> None:
    with_terms = {term["official_id"] for term in TERMS}
    assert [row["official_id"] for row in OFFICIALS if row["official_id"] not in with_terms] == []


# --- terms ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("term", TERMS, ids=label)
def test_term_references_known_official_role_and_country(term: dict[str, str]) -> None:
    officials = {row["official_id"]: row for row in OFFICIALS}
    assert term["official_id"] in officials
    assert term["role"] in {row["role"] for row in ROLES}
    assert term["country_code"] in {row["country_code"] for row in COUNTRIES}
    assert term["country_code"] == officials[term["official_id"]]["country_code"]


@pytest.mark.parametrize("term", TERMS, ids=label)
def test_term_dates_are_iso_and_ordered(term: dict[str, str]) -> None:
    start, end = interval(term)
    assert start < end


def test_terms_of_one_official_in_one_role_do_not_overlap() -> None:
    groups: defaultdict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for term in TERMS:
        groups[term["official_id"], term["role"]].append(term)
    clashes = [
        (label(first), label(second))
        for terms in groups.values()
        for first, second in combinations(terms, 2)
        if overlap(first, second)
    ]
    assert clashes == []


def test_one_holder_per_leader_role_per_country_on_any_date() -> None:
    groups: defaultdict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for term in TERMS:
        if term["role"] in LEADER_ROLES:
            groups[term["country_code"], term["role"]].append(term)
    clashes = [
        (label(first), label(second))
        for terms in groups.values()
        for first, second in combinations(terms, 2)
        if overlap(first, second)
    ]
    assert clashes == []


# --- topics ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("topic_code", REQUIRED_TOPICS)
def test_required_topic_exists(topic_code: str) -> None:
    assert topic_code in {row["topic_code"] for row in TOPICS}


def test_topic_parents_exist_and_tree_has_no_cycles() -> None:
    parents = {row["topic_code"]: row["parent_topic_code"] for row in TOPICS}
    assert {code: parent for code, parent in parents.items() if parent and parent not in parents} == {}
    for code in parents:
        seen = [code]
        while parents.get(seen[-1]):
            seen.append(parents[seen[-1]])
            assert len(seen) == len(set(seen)), f"cycle: {' -> '.join(seen)}"


def test_keywords_are_lower_case() -> None:
    upper = [
        (row["topic_code"], keyword)
        for row in TOPICS
        for keyword in items(row["keywords_en"]) + items(row["keywords_es"])
        if keyword != keyword.lower()
    ]
    assert upper == []


def test_no_keyword_belongs_to_two_topics() -> None:
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for row in TOPICS:
        for keyword in items(row["keywords_en"]) + items(row["keywords_es"]):
            owners[fold(keyword)].add(row["topic_code"])
    assert {keyword: sorted(codes) for keyword, codes in owners.items() if len(codes) > 1} == {}


# --- trade measure types --------------------------------------------------------------------------


def test_trade_measure_types_are_the_extracted_ones() -> None:
    assert {row["measure_type"] for row in MEASURES} == MEASURE_TYPES


# --- world coverage ---------------------------------------------------------------------------------

G20 = ("AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "KR", "MX", "RU", "SA", "ZA", "TR", "GB", "US")
EU_MEMBERS = (
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
)
AMERICAS = (
    "US",
    "CA",
    "MX",
    "GT",
    "BZ",
    "SV",
    "HN",
    "NI",
    "CR",
    "PA",
    "CU",
    "DO",
    "HT",
    "JM",
    "TT",
    "BS",
    "BB",
    "AG",
    "DM",
    "GD",
    "KN",
    "LC",
    "VC",
    "CO",
    "VE",
    "EC",
    "PE",
    "BO",
    "BR",
    "PY",
    "UY",
    "AR",
    "CL",
    "GY",
    "SR",
)


def test_every_iso_country_and_the_eu_are_listed() -> None:
    codes = {row["country_code"] for row in COUNTRIES}
    assert {country.alpha_2 for country in pycountry.countries} <= codes
    assert "EU" in codes


def test_leaders_of_the_world_are_in_the_reference() -> None:
    """Heads of state or government for G20, EU and the Americas, and at least 120 countries in all."""
    led = {term["country_code"] for term in TERMS if term["role"] in LEADER_ROLES}
    assert len(led) >= 120
    assert set(G20 + EU_MEMBERS + AMERICAS) <= led


def test_leaders_in_office_today_for_the_g20() -> None:
    today = max(parse_date(term["term_start"]) for term in TERMS)
    in_office = {
        term["country_code"]
        for term in TERMS
        if term["role"] in LEADER_ROLES and (not term["term_end"] or parse_date(term["term_end"]) > today)
    }
    assert set(G20) <= in_office


# The 193 member states of the United Nations (ISO 3166-1 alpha-2).
UN_MEMBERS = frozenset(
    (
        *("AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ", "BA", "BB", "BD", "BE", "BF", "BG"),
        *("BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CD", "CF", "CG", "CH", "CI"),
        *("CL", "CM", "CN", "CO", "CR", "CU", "CV", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE"),
        *("EG", "ER", "ES", "ET", "FI", "FJ", "FM", "FR", "GA", "GB", "GD", "GE", "GH", "GM", "GN", "GQ", "GR"),
        *("GT", "GW", "GY", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IN", "IQ", "IR", "IS", "IT", "JM", "JO"),
        *("JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KZ", "LA", "LB", "LC", "LI", "LK", "LR"),
        *("LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MG", "MH", "MK", "ML", "MM", "MN", "MR", "MT"),
        *("MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NE", "NG", "NI", "NL", "NO", "NP", "NR", "NZ", "OM", "PA"),
        *("PE", "PG", "PH", "PK", "PL", "PT", "PW", "PY", "QA", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD"),
        *("SE", "SG", "SI", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SY", "SZ", "TD", "TG", "TH"),
        *("TJ", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TZ", "UA", "UG", "US", "UY", "UZ", "VC", "VE", "VN"),
        *("VU", "WS", "YE", "ZA", "ZM", "ZW"),
    )
)
# Members knowingly left without a leader in the reference, and why.
UNLED_MEMBERS = {"SM": "San Marino's two Captains Regent change every six months; the reference does not track them"}


def test_every_un_member_state_has_a_leader_on_2025_01_01() -> None:
    assert len(UN_MEMBERS) == 193
    assert {country.alpha_2 for country in pycountry.countries} >= UN_MEMBERS
    day = date(2025, 1, 1)
    led = {
        term["country_code"]
        for term in TERMS
        if term["role"] in LEADER_ROLES and interval(term)[0] <= day < interval(term)[1]
    }
    assert sorted(UN_MEMBERS - led - UNLED_MEMBERS.keys()) == []
    assert sorted(UNLED_MEMBERS.keys() & led) == [], "an exception that is no longer needed"
