"""What the generator writes with: the templates (YAML in ``templates/``) and the leaders and countries of the
reference data (``dbt_project/seeds/`` through :mod:`hotline.reference`), in the forms articles use.

A leader is usable when the seeds give their country an English adjective and Spanish demonyms and the country
has a plain name; everything else is read from the templates, so wording changes never touch code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from hotline.reference import Reference, Term, fold, load_reference

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
LANGUAGES = ("en", "es")
LEADER_ROLES = ("president", "prime_minister", "chancellor", "monarch", "crown_prince", "head_of_government_other")
FIRST_DAY = dt.date(2009, 2, 1)
LAST_DAY = dt.date(2026, 6, 30)
"""Calls fall between these days; publication follows within weeks, well before the pipeline's 'future' bound."""

_ARTICLE_THE = re.compile(
    r"^(United |Republic |Democratic Republic|Central African Republic$|Dominican Republic$|Czech Republic$)"
    r"|^(Bahamas|Philippines|Netherlands|Maldives|Seychelles|Comoros|Marshall Islands|Solomon Islands|Gambia)$"
)
_NOT_SHORT = {fold(w) for w in ("may", "march", "april", "june", "july", "august", "sunday", "monday", "friday")}


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str  # "the United States"
    possessive: str  # "the United States'"
    adjective: str  # "U.S.", "French"
    es_masculine: str  # "francés"
    es_feminine: str  # "francesa"


@dataclass(frozen=True, slots=True)
class Leader:
    official_id: str
    full_name: str
    short_name: str  # a one-word alias that resolves to this official alone, else the full name
    country: Country
    role: str
    female: bool


@dataclass(frozen=True, slots=True)
class TopicPhrases:
    code: str
    en: tuple[str, ...]
    es: tuple[str, ...]
    pair_any: frozenset[str]
    pair_none: frozenset[str]
    since: dt.date
    until: dt.date

    def fits(self, countries: tuple[str, str], day: dt.date) -> bool:
        if self.pair_any and not self.pair_any & set(countries):
            return False
        return not self.pair_none & set(countries) and self.since <= day <= self.until


class Vocabulary:
    """Templates per language, the common lists, topic phrases and the usable leader terms."""

    def __init__(self, reference: Reference, folder: Path = TEMPLATES_DIR) -> None:
        self.reference = reference
        self.common: dict[str, Any] = _yaml(folder / "common.yaml")
        self.languages: dict[str, dict[str, Any]] = {lang: _yaml(folder / f"{lang}.yaml") for lang in LANGUAGES}
        self.topics = [_topic(code, spec) for code, spec in _yaml(folder / "topics.yaml").items()]
        female = set(self.common["female_leaders"])
        adjectives: dict[str, str] = self.common["adjective_en"]
        self.countries: dict[str, Country] = {}
        for code, country in reference.countries.items():
            made = _country(code, country.name, country.demonyms, adjectives.get(code))
            if made is not None:
                self.countries[code] = made
        self.weights: dict[str, int] = {
            code: int(weight) for weight, codes in self.common["prominent_countries"].items() for code in codes
        }
        self.terms: list[Term] = [
            term
            for term in reference.terms
            if term.role in LEADER_ROLES
            and term.country_code in self.countries
            and term.official_id in reference.officials
            and term.overlaps(FIRST_DAY, LAST_DAY)
        ]
        self.leaders: dict[tuple[str, str], Leader] = {}
        for term in self.terms:
            official = reference.officials[term.official_id]
            self.leaders[(term.official_id, term.role)] = Leader(
                official_id=official.official_id,
                full_name=official.full_name,
                short_name=_short_name(official.official_id, official.full_name, official.aliases, reference),
                country=self.countries[term.country_code],
                role=term.role,
                female=official.official_id in female,
            )

    def leader(self, term: Term) -> Leader:
        return self.leaders[(term.official_id, term.role)]

    def weight(self, term: Term) -> int:
        return self.weights.get(term.country_code, 1)


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary of the packaged templates and the seeds (cached per process)."""
    return Vocabulary(load_reference())


def _yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _topic(code: str, spec: dict[str, Any]) -> TopicPhrases:
    return TopicPhrases(
        code=code,
        en=tuple(spec["en"]),
        es=tuple(spec["es"]),
        pair_any=frozenset(spec.get("pair_any", ())),
        pair_none=frozenset(spec.get("pair_none", ())),
        since=dt.date.fromisoformat(spec.get("since", "1900-01-01")),
        until=dt.date.fromisoformat(spec.get("until", "2999-12-31")),
    )


def _country(code: str, name: str, demonyms: tuple[str, ...], adjective: str | None) -> Country | None:
    """The forms articles need, or None when the seeds lack one (no Spanish demonym, a name like 'Congo, The')."""
    spanish = [d for d in demonyms if d[:1].islower()]
    english = [d for d in demonyms if d[:1].isupper()]
    if "," in name or "(" in name or not spanish or not (adjective or english):
        return None
    masculine = spanish[0]
    stem = fold(masculine)
    forms = (d for d in spanish[1:] if d.endswith("a") and fold(d)[:3] == stem[:3] and fold(d) != stem)
    feminine = next(forms, masculine)
    shown = f"the {name}" if _ARTICLE_THE.search(name) else name
    possessive = shown + ("'" if shown.endswith("s") else "'s")
    return Country(code, shown, possessive, adjective or english[0], masculine, feminine)


def _short_name(official_id: str, full_name: str, aliases: tuple[str, ...], reference: Reference) -> str:
    """The name later mentions use: a one-word capitalized alias that names this official alone ("Macron"), else
    a shorter alias that ends the full name ("Peña Nieto"), else the full name."""
    own = [a for a in aliases if reference.alias_index.get(fold(a)) == official_id and a[:1].isupper()]
    for alias in own:
        if " " not in alias and len(alias) > 3 and fold(alias) not in _NOT_SHORT:
            return alias
    for alias in own:
        if len(alias) < len(full_name) and full_name.endswith(" " + alias):
            return alias
    return full_name
