"""Reference data for resolution: countries, roles, officials, terms in office, topics.

Read from the dbt seed CSVs (``dbt_project/seeds``) so the warehouse and the extractor share one copy.
Lists inside a cell are separated by ``|``. Lookups are accent- and case-insensitive (see
:func:`hotline.text.fold`).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hotline.config import REFERENCE_DIR
from hotline.text import fold, phrase_key


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(item.strip() for item in (cell or "").split("|") if item.strip())


def _date(cell: str | None) -> dt.date | None:
    return dt.date.fromisoformat(cell) if cell else None


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    role_name: str
    is_leader: bool
    titles_en: tuple[str, ...]
    titles_es: tuple[str, ...]

    @property
    def titles(self) -> tuple[str, ...]:
        return self.titles_en + self.titles_es


@dataclass(frozen=True, slots=True)
class Official:
    official_id: str
    full_name: str
    country_code: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Term:
    official_id: str
    role: str
    country_code: str
    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        return self.start <= last and (self.end is None or first < self.end)


@dataclass(frozen=True, slots=True)
class Topic:
    topic_code: str
    topic_name: str
    parent_topic_code: str | None
    keywords_en: tuple[str, ...]
    keywords_es: tuple[str, ...]

    @property
    def keywords(self) -> tuple[str, ...]:
        return self.keywords_en + self.keywords_es


class Reference:
    """All reference data, with the lookups extraction needs."""

    def __init__(
        self,
        countries: list[Country],
        roles: list[Role],
        officials: list[Official],
        terms: list[Term],
        topics: list[Topic],
        cities: dict[str, str] | None = None,
    ):
        self.countries = {c.code: c for c in countries}
        self.roles = {r.role: r for r in roles}
        self.officials = {o.official_id: o for o in officials}
        self.terms = terms
        self.as_of = max((d for t in terms for d in (t.start, t.end) if d is not None), default=dt.date.min)
        """The latest date the terms mention: how current the reference data is."""
        self.topics = {t.topic_code: t for t in topics}
        self._terms_by_official: dict[str, list[Term]] = defaultdict(list)
        self._terms_by_post: dict[tuple[str, str], list[Term]] = defaultdict(list)
        for term in terms:
            self._terms_by_official[term.official_id].append(term)
            self._terms_by_post[term.role, term.country_code].append(term)
        self._country_by_word: dict[str, str] = {}
        for country in countries:
            for word in (country.name, *country.names, *country.demonyms):
                self._country_by_word.setdefault(fold(word), country.code)
        self._topic_by_keyword: dict[str, str] = {}
        for topic in topics:
            for keyword in topic.keywords:
                self._topic_by_keyword.setdefault(phrase_key(keyword), topic.topic_code)
        self._officials_by_alias: dict[str, str] = {}
        for official in officials:
            for alias in (official.full_name, *official.aliases):
                self._officials_by_alias.setdefault(fold(alias), official.official_id)

        self.cities = dict(cities or {})
        """Capitals and seats of government as written (``'Brasília'`` → ``'BR'``)."""
        self._country_by_city = {fold(name): code for name, code in self.cities.items()}
        # The same officials on the same days, article after article: the reference data never changes.
        self._roles_on: dict[tuple[str, dt.date | None], Term | None] = {}

    def country_by_city(self, name: str) -> str | None:
        """ISO code of the country whose capital or seat of government ``name`` is (``'Brasilia'`` → ``'BR'``);
        None for a city that is none, or that hosts international institutions (Brussels, Geneva)."""
        return self._country_by_city.get(fold(" ".join(name.split())))

    def country_by_name(self, word: str) -> str | None:
        """ISO code for a country name or demonym in English or Spanish (``'mexicana'`` → ``'MX'``)."""
        return self._country_by_word.get(fold(word.strip()))

    @property
    def country_words(self) -> dict[str, str]:
        """Folded country name or demonym → ISO code."""
        return self._country_by_word

    def official_by_alias(self, alias: str) -> Official | None:
        official_id = self._officials_by_alias.get(fold(alias.strip()))
        return self.officials.get(official_id) if official_id else None

    @property
    def alias_index(self) -> dict[str, str]:
        """Folded alias → official_id."""
        return self._officials_by_alias

    def terms_of(self, official_id: str) -> list[Term]:
        return self._terms_by_official.get(official_id, [])

    def role_on(self, official_id: str, day: dt.date | None) -> Term | None:
        """The term held on ``day`` (a leader role first), or the latest term when ``day`` is unknown."""
        key = (official_id, day)
        try:
            return self._roles_on[key]  # one lookup: a miss is rare (the same officials on the same days)
        except KeyError:
            if len(self._roles_on) >= _ROLES_ON_KEPT:
                self._roles_on.clear()
            term = self._roles_on[key] = self._role_on_uncached(official_id, day)
            return term

    def _role_on_uncached(self, official_id: str, day: dt.date | None) -> Term | None:
        terms = self.terms_of(official_id)
        if day is not None:
            terms = [t for t in terms if t.covers(day)]
        if not terms:
            return None
        leader_first = sorted(
            terms, key=lambda t: (not self.roles.get(t.role, _NO_ROLE).is_leader, -t.start.toordinal())
        )
        return leader_first[0] if day is not None else max(terms, key=lambda t: t.start)

    def holders(self, role: str, country_code: str, day: dt.date | None) -> list[str]:
        """Officials who held ``role`` for ``country_code`` on ``day`` (every holder ever when ``day`` is None)."""
        terms = self._terms_by_post.get((role, country_code), ())
        return sorted({t.official_id for t in terms if day is None or t.covers(day)})

    def topic_keywords(self) -> dict[str, str]:
        """Folded keyword → topic_code."""
        return self._topic_by_keyword


_NO_ROLE = Role("", "", False, (), ())
_ROLES_ON_KEPT = 4096
"""How many (official, day) answers of :meth:`Reference.role_on` are kept (a plain dict: the reference pickles)."""


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def load_reference(folder: Path = REFERENCE_DIR) -> Reference:
    """Load every reference CSV from ``folder`` (cached per folder)."""
    countries = [
        Country(r["country_code"], r["country_name"], _split(r["names"]), _split(r["demonyms"]))
        for r in _rows(folder, "countries.csv")
    ]
    roles = [
        Role(
            r["role"],
            r["role_name"],
            r["is_leader"].strip().lower() == "true",
            _split(r["titles_en"]),
            _split(r["titles_es"]),
        )
        for r in _rows(folder, "roles.csv")
    ]
    officials = [
        Official(r["official_id"], r["full_name"], r["country_code"], _split(r["aliases"]))
        for r in _rows(folder, "officials.csv")
    ]
    terms = [
        Term(
            r["official_id"],
            r["role"],
            r["country_code"],
            dt.date.fromisoformat(r["term_start"]),
            _date(r["term_end"]),
        )
        for r in _rows(folder, "official_terms.csv")
    ]
    topics = [
        Topic(
            r["topic_code"],
            r["topic_name"],
            r["parent_topic_code"] or None,
            _split(r["keywords_en"]),
            _split(r["keywords_es"]),
        )
        for r in _rows(folder, "topics.csv")
    ]
    cities = {name: r["country_code"] for r in _rows(folder, "cities.csv") for name in _split(r["names"])}
    return Reference(countries, roles, officials, terms, topics, cities)
