"""What an official hit is (:class:`OfficialHit`) and the patterns built once per reference: the lexicon of
aliases, country words, titles and topic keywords, the role descriptions, and the title of each role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from hotline.extract.lexicon import Lexicon
from hotline.extract.rules import load_rules
from hotline.reference import Reference
from hotline.text import fold, phrase_alternation

OFFICIAL_RULES = load_rules("officials")
_PARTICLES = r"(?:de|del|der|den|du|la|las|le|los|y|van|von|da|das|di|do|dos|bin|bint|ibn|al|el|ter|ten)"
# A capitalized word, or a particle before one, or before another particle ("Ursula von der Leyen"); a stop only
# after an initial ("Donald J. Trump"), never after a word ("el canciller Alberto van Klaveren. La Casa Blanca").
NAME_TOKEN = rf"(?:[A-ZÁÉÍÓÚÑÜ]\.|[A-ZÁÉÍÓÚÑÜ][\w’'-]*|{_PARTICLES}(?=\s+(?:[A-ZÁÉÍÓÚÑÜ]|{_PARTICLES}\s+[A-ZÁÉÍÓÚÑÜ])))"
# "[ \t]*(?:,[ \t]*)?", not "[ \t]*,?[ \t]*": the same text, but a run of blanks is not split between two
# stars in every possible way (quadratic in the run) before the name fails to match.
# A name: two words or more, or an initial and one word ("S. Jaishankar"); "y" joins a compound surname ("Ortega y
# Gasset"), never a lone word to the next ("Sánchez y Lula repasaron": two people).
NAME = re.compile(
    rf"[ \t]*(?:,[ \t]*)?(?P<name>(?![A-ZÁÉÍÓÚÑÜ][\w’'-]+[ \t]+y[ \t])[A-ZÁÉÍÓÚÑÜ][\w’'-]+(?:[ \t]+{NAME_TOKEN}){{1,4}}"
    rf"|[A-ZÁÉÍÓÚÑÜ]\.[ \t]+[A-ZÁÉÍÓÚÑÜ][\w’'-]+(?:[ \t]+{NAME_TOKEN}){{0,3}})"
)


@dataclass(slots=True, unsafe_hash=True)  # not frozen, half the cost to make: see lexicon.Hit
class OfficialHit:
    start: int
    end: int
    kind: str  # alias | role | titled
    official_id: str | None
    full_name: str
    country_code: str | None
    role: str | None
    is_reference: bool
    how: str
    title_span: tuple[int, int] | None = None


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """official_id of a person: ASCII snake_case of the full name ("Ramón de la Fuente" → ramon_de_la_fuente)."""
    return _NOT_SLUG.sub("_", fold(name)).strip("_")


@dataclass(frozen=True)
class Patterns:
    vocabularies: dict[str, Any]
    title: re.Pattern[str]
    title_roles: dict[str, str]
    role_description: re.Pattern[str]
    institutions: dict[str, str]


@cache
def patterns_of(reference: Reference) -> Patterns:
    title_roles: dict[str, str] = {}
    for role in reference.roles.values():
        for title in role.titles:
            title_roles.setdefault(" ".join(fold(title).split()), role.role)
    institutions = {fold(k): v for k, v in OFFICIAL_RULES["institutions"].items()}
    countries = phrase_alternation([*reference.country_words, *institutions])
    titles = phrase_alternation(title_roles)
    counterpart = phrase_alternation(OFFICIAL_RULES["counterpart_words"])
    role_description = re.compile(
        r"(?<![\w])(?:"
        rf"(?P<c1>{countries})(?:'s)?\s+(?:(?:new|current|former|incoming|outgoing)\s+)?(?P<t1>{titles})"
        rf"|(?P<t2>{titles})\s+(?:of(?:\s+the)?|de|del|de\s+la)\s+(?P<c2>{countries})"
        rf"|(?P<t3>{titles})\s+(?P<c3>{countries})"
        rf"|(?P<c4>{countries})\s+(?P<t4>{counterpart})"
        rf"|(?P<t5>{counterpart})\s+(?:(?:de|of|from|in)\s+)?(?P<c5>{countries})"
        r")(?![\w])"
    )
    return Patterns(
        vocabularies={
            "alias": reference.alias_index,
            "place": [*reference.country_words, *institutions],
            "title": title_roles,
            "counterpart": OFFICIAL_RULES["counterpart_words"],
            "topic": reference.topic_keywords(),
            "acting": OFFICIAL_RULES["acting_markers"],
        },
        title=re.compile(r"(?:" + titles + r")(?![\w])"),
        title_roles=title_roles,
        role_description=role_description,
        institutions=institutions,
    )


def title_role(reference: Reference, folded_title: str) -> str | None:
    """The role a title introduces ("foreign minister" -> ``foreign_minister``), from the folded title."""
    return patterns_of(reference).title_roles.get(" ".join(folded_title.split()))


def reference_vocabularies(reference: Reference) -> dict[str, Any]:
    """The phrases of the reference data by vocabulary: aliases, country words, titles, counterparts, topics (and
    the officials rules' acting markers, read with them)."""
    return patterns_of(reference).vocabularies


@cache
def reference_lexicon(reference: Reference) -> Lexicon:
    """One pass over a text finds every alias, country word, title and topic keyword of the reference data."""
    return Lexicon(reference_vocabularies(reference))


def country_of(reference: Reference, patterns: Patterns, word: str) -> str | None:
    folded = " ".join(word.split())
    return reference.country_by_name(folded) or patterns.institutions.get(folded)


def title_text(match: re.Match[str], group: str) -> str:
    return " ".join(match.group(group).split())
