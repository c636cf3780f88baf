"""Filling templates in one language: how a leader is named, how a date is written, lists, clean-up.

Templates are ``str.format`` strings; one whose fields an article cannot fill (no topic for a headline that
names one, no title for a form that uses it) is never chosen, so empty values never reach the text.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import string
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from hotline.generate.vocabulary import Leader, Vocabulary

_SPACES = re.compile(r"[ \t]{2,}")
_BEFORE_PUNCT = re.compile(r" +([,.;:])")
_CONTRACT_A = re.compile(r"\ba el (?=[a-záéíóúñ])")
_CONTRACT_DE = re.compile(r"\bde el (?=[a-záéíóúñ])")
_OPENERS = "«“\"'¿¡"


@cache
def fields_of(template: str) -> frozenset[str]:
    """The names a template fills (``'{A} spoke {when}'`` → ``{'A', 'when'}``)."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def capitalize(sentence: str) -> str:
    """The first letter upper case, after any opening quote or mark."""
    for i, char in enumerate(sentence):
        if char not in _OPENERS:
            return sentence[:i] + char.upper() + sentence[i + 1 :]
    return sentence


class Phrases:
    """The templates of one language with the helpers that fill them."""

    def __init__(self, vocab: Vocabulary, language: str) -> None:
        self.language = language
        self.t: dict[str, Any] = vocab.languages[language]
        self.months: list[str] = self.t["months"]
        self.months_short: list[str] = self.t["months_short"]
        self.weekdays: list[str] = self.t["weekdays"]
        self.cities: list[str] = vocab.common["cities"][language]
        self.forums: list[str] = vocab.common["forums"][language]
        self.topics = {topic.code: getattr(topic, language) for topic in vocab.topics}
        self.sectors = {code: names[language] for code, names in vocab.common["trade_sectors"].items()}
        background = self.t["background"]
        self.background_sizes = [len(sentence.split()) for sentence in background]
        self.background_words = max(1, sum(self.background_sizes) // len(background))

    # --- templates ---------------------------------------------------------------------------------------

    def choose(self, rng: random.Random, templates: Sequence[Any], fields: Mapping[str, str]) -> str | None:
        """One template whose fields are all available, filled; None when none fits."""
        fitting = [t for t in templates if fields_of(_text(t)) <= fields.keys()]
        return fill(rng.choice(fitting), fields) if fitting else None

    def sentence(self, rng: random.Random, key: str, fields: Mapping[str, str]) -> str:
        found = self.choose(rng, self.t[key], fields)
        if found is None:
            raise KeyError(f"no {self.language} template under {key!r} fits the fields {sorted(fields)}")
        return found

    def tidy(self, text: str) -> str:
        """One pass over a finished text: spaces left by empty fields, Spanish contractions (a el → al)."""
        text = _BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", text))
        if self.language == "es":
            text = _CONTRACT_DE.sub("del ", _CONTRACT_A.sub("al ", text))
        return text

    # --- people ------------------------------------------------------------------------------------------

    def names(self, rng: random.Random, leader: Leader, *, formal: bool) -> dict[str, str]:
        """First mention, later mention and a titled reference of ``leader`` (a readout is ``formal``)."""
        country = leader.country
        if self.language == "en":
            title = self.t["titles"].get(leader.role)
            forms = [f"{leader.full_name}", f"{country.possessive} {leader.full_name}"]
            if title:
                forms += [
                    f"{country.adjective} {title} {leader.full_name}",
                    f"{title} {leader.full_name} of {country.name}",
                ]
            first = f"{title} {leader.full_name}" if formal and title else rng.choice(forms)
            ref = f"{title} {leader.short_name}" if title else leader.short_name
        else:
            titles = self.t["titles"].get(leader.role)
            article = "la" if leader.female else "el"
            demonym = country.es_feminine if leader.female else country.es_masculine
            forms = [leader.full_name]
            if titles:
                title = titles[1] if leader.female else titles[0]
                forms += [f"{article} {title} {demonym} {leader.full_name}"] * 2 + [
                    f"{article} {title} {leader.full_name}"
                ]
                ref = f"{article} {title} {leader.short_name}"
            else:
                ref = leader.short_name
            first = forms[1] if formal and len(forms) > 1 else rng.choice(forms)
        return {"first": first, "short": leader.short_name, "ref": ref}

    def country_fields(self, side: str, leader: Leader) -> dict[str, str]:
        country = leader.country
        if self.language == "en":
            return {
                f"C{side}": country.name,
                f"C{side}_pos": country.possessive,
                f"D{side}": country.adjective,
                f"G{side}": f"the {country.adjective} government",
            }
        return {
            f"D{side}": country.es_masculine,
            f"D{side}_f": country.es_feminine,
            f"G{side}": f"el Gobierno {country.es_masculine}",
        }

    # --- dates -------------------------------------------------------------------------------------------

    def date_fields(self, day: dt.date) -> dict[str, str]:
        return {
            "weekday": self.weekdays[day.weekday()],
            "month": self.months[day.month - 1],
            "month_short": self.months_short[day.month - 1],
            "day": str(day.day),
            "dd": f"{day.day:02d}",
            "mm": f"{day.month:02d}",
            "year": str(day.year),
        }

    def when(self, rng: random.Random, form: str, call: dt.date, published: dt.date) -> str:
        """The phrase that dates the call in an article published on ``published`` (form from the plan)."""
        lag = (published - call).days
        same_week = call.isocalendar()[:2] == published.isocalendar()[:2]
        options = [
            t
            for t in self.t["dates"][form]
            if isinstance(t, str)
            or (lag >= t.get("min_lag", 0) and (not t.get("same_week") or (same_week and lag > 0)))
        ]
        return fill(rng.choice(options), self.date_fields(call), capital=False)

    def earlier(self, day: dt.date, published: dt.date) -> str:
        """An earlier call's date: month and day within the year before, else with the year."""
        form = "monthday" if (published - day).days < 300 else "full"
        template = self.t["dates"][form][0]
        return fill(_text(template), self.date_fields(day), capital=False)

    def future(self, rng: random.Random, published: dt.date) -> str:
        ahead = published + dt.timedelta(days=rng.randint(1, 5))
        return fill(rng.choice(self.t["future"]), self.date_fields(ahead), capital=False)

    # --- lists -------------------------------------------------------------------------------------------

    def join(self, items: Sequence[str]) -> str:
        if len(items) == 1:
            return items[0]
        conjunction = " and " if self.language == "en" else " y "
        return ", ".join(items[:-1]) + conjunction + items[-1]


def fill(template: Any, fields: Mapping[str, str], *, capital: bool = True) -> str:
    text = _text(template).format_map(fields)
    return capitalize(text) if capital else text


def _text(template: Any) -> str:
    return template["text"] if isinstance(template, dict) else str(template)
