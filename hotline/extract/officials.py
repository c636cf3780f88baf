"""Officials in an article: names from the reference aliases, role descriptions, titled newcomers.

Three kinds of hit, all with offsets into the article text:

* ``alias``: a reference alias ("Sheinbaum", "López Obrador", "AMLO").
* ``role``: a description that names an office, not a person ("the Mexican president", "el mandatario
  estadounidense", "her U.S. counterpart"); resolved to the holder on the article's date, preferring a holder
  the article names.
* ``titled``: a title followed by a capitalized name that is not in the reference data ("White House deputy
  press secretary Anna Kelly", "el canciller Juan Ramón de la Fuente"): discovered with role and country.
  A capitalized name without a title (a suspect, a journalist) is never an official.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from dataclasses import dataclass
from functools import cache

from hotline.extract.lexicon import Lexicon, LexiconHits
from hotline.extract.rules import load_rules
from hotline.reference import Reference
from hotline.text import fold, phrase_alternation

_RULES = load_rules("officials")
_NAME_TOKEN = r"(?:[A-ZÁÉÍÓÚÑÜ][\w’'-]*\.?|(?:de|del|la|las|los|y|van|von|da|di|bin|al)(?=\s+[A-ZÁÉÍÓÚÑÜ]))"
# "[ \t]*(?:,[ \t]*)?", not "[ \t]*,?[ \t]*": the same text, but a run of blanks is not split between two
# stars in every possible way (quadratic in the run) before the name fails to match.
_NAME = re.compile(rf"[ \t]*(?:,[ \t]*)?(?P<name>[A-ZÁÉÍÓÚÑÜ][\w’'-]+(?:[ \t]+{_NAME_TOKEN}){{1,4}})")


@dataclass(frozen=True, slots=True)
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


def slug(name: str) -> str:
    """official_id of a person: ASCII snake_case of the full name ("Ramón de la Fuente" → ramon_de_la_fuente)."""
    return re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_")


@dataclass(frozen=True)
class _Patterns:
    lexicon: Lexicon
    title: re.Pattern[str]
    title_roles: dict[str, str]
    role_description: re.Pattern[str]
    institutions: dict[str, str]


@cache
def _patterns(reference: Reference) -> _Patterns:
    title_roles: dict[str, str] = {}
    for role in reference.roles.values():
        for title in role.titles:
            title_roles.setdefault(" ".join(fold(title).split()), role.role)
    institutions = {fold(k): v for k, v in _RULES["institutions"].items()}
    countries = phrase_alternation([*reference.country_words, *institutions])
    titles = phrase_alternation(title_roles)
    counterpart = phrase_alternation(_RULES["counterpart_words"])
    role_description = re.compile(
        r"(?<![\w])(?:"
        rf"(?P<c1>{countries})(?:'s)?\s+(?:(?:new|current|former|incoming|outgoing)\s+)?(?P<t1>{titles})"
        rf"|(?P<t2>{titles})\s+(?:of|de|del|de\s+la)\s+(?P<c2>{countries})"
        rf"|(?P<t3>{titles})\s+(?P<c3>{countries})"
        rf"|(?P<c4>{countries})\s+(?P<t4>{counterpart})"
        r")(?![\w])"
    )
    return _Patterns(
        lexicon=Lexicon(
            {
                "alias": reference.alias_index,
                "place": [*reference.country_words, *institutions],
                "title": title_roles,
                "topic": reference.topic_keywords(),
            }
        ),
        title=re.compile(r"(?:" + titles + r")(?![\w])"),
        title_roles=title_roles,
        role_description=role_description,
        institutions=institutions,
    )


def title_role(reference: Reference, folded_title: str) -> str | None:
    """The role a title introduces ("foreign minister" -> ``foreign_minister``), from the folded title."""
    return _patterns(reference).title_roles.get(" ".join(folded_title.split()))


def reference_lexicon(reference: Reference) -> Lexicon:
    """One pass over a text finds every alias, country word, title and topic keyword of the reference data."""
    return _patterns(reference).lexicon


def _country(reference: Reference, patterns: _Patterns, word: str) -> str | None:
    folded = " ".join(word.split())
    return reference.country_by_name(folded) or patterns.institutions.get(folded)


def find_officials(
    text: str, folded: str, reference: Reference, on: dt.date | None, found: LexiconHits | None = None
) -> tuple[list[OfficialHit], list[tuple[int, int]]]:
    """Every official mention in the text, in order, without overlaps (names win over descriptions), and
    the span of every role title ("Economy Secretary"), named or not. ``found`` is the text's scan by
    :func:`reference_lexicon`, when the caller has it already."""
    patterns = _patterns(reference)
    found = found if found is not None else patterns.lexicon.scan(folded)
    # Where role descriptions can start (a country word or a title), and the titles themselves.
    starts = found.longest("place", "title")
    titles = [m for m in (patterns.title.match(folded, h.start) for h in found.longest("title")) if m is not None]
    hits: list[OfficialHit] = []
    taken: list[tuple[int, int]] = []

    for alias in found.longest("alias"):
        official = reference.officials[reference.alias_index[alias.phrase]]
        if " " not in alias.phrase and not text[alias.start].isupper():
            continue  # a one-word alias is a name only when capitalized ("Rubio", not "rubio" = blond)
        term = reference.role_on(official.official_id, on)
        hits.append(
            OfficialHit(
                alias.start,
                alias.end,
                "alias",
                official.official_id,
                official.full_name,
                official.country_code,
                term.role if term else None,
                True,
                f"alias '{text[alias.start : alias.end]}'",
            )
        )
        taken.append((alias.start, alias.end))

    # Every scan below looks hits up by offset (alias_at, a heap of spans), never rescans the earlier hits:
    # that was quadratic in the number of names ("Foreign Minister Marcelo Ebrard said. " * N).
    alias_at = {start: i for i, (start, _) in enumerate(taken)}  # hits[i] is the alias found at taken[i]
    named_ids = {h.official_id for h in hits}
    holders: dict[tuple[str, str], str | None] = {}
    covered = 0
    for start in starts:
        if start.start < covered:
            continue
        match = patterns.role_description.match(folded, start.start)
        if match is None:
            continue
        covered = match.end()
        title_group = next(g for g in ("t1", "t2", "t3", "t4") if match.group(g))
        country_group = "c" + title_group[1]
        country = _country(reference, patterns, match.group(country_group))
        if country is None:
            continue
        name = _NAME.match(text, match.end())
        followed_by_alias = any(match.end() + gap in alias_at for gap in range(4))
        if followed_by_alias:
            _attach_title(hits, alias_at, match, patterns, title_group, country)
            continue
        if name and title_group != "t4":
            role = patterns.title_roles.get(_title(match, title_group), None)
            hits.append(
                _holder_named(text, reference, match, name, role, country, on)
                or _titled(text, match, name, role, country)
            )
            continue
        role = "leader" if title_group == "t4" else patterns.title_roles[_title(match, title_group)]
        if (role, country) not in holders:
            holders[role, country] = _holder(reference, role, country, on, named_ids)
        official_id = holders[role, country]
        if official_id is None:
            continue
        official = reference.officials[official_id]
        if role == "leader":  # "his Brazilian counterpart": the office the holder had then
            term = reference.role_on(official_id, on)
            role = term.role if term else None
        hits.append(
            OfficialHit(
                match.start(),
                match.end(),
                "role",
                official_id,
                official.full_name,
                country,
                role,
                True,
                f"role description '{text[match.start() : match.end()]}' resolved to the holder"
                + (f" on {on.isoformat()}" if on else " named in the article"),
            )
        )

    # Titles come in order of start, and a hit added here starts after its title: sweep the hits by start,
    # keeping the furthest end among those that start at or before the title (inside a hit when it is beyond).
    pending = [(h.start, h.end) for h in hits]  # the alias spans (``taken``) are among them
    heapq.heapify(pending)
    reach = -1
    for match in titles:
        while pending and pending[0][0] <= match.start():
            reach = max(reach, heapq.heappop(pending)[1])
        if reach > match.start():
            continue  # inside a name or a description found already
        if any(match.end() + gap in alias_at for gap in range(4)):
            continue  # a title before a known name ("President Donald Trump")
        name = _NAME.match(text, match.end())
        if not name or reference.official_by_alias(name.group("name").rstrip(".,")):
            continue
        role = patterns.title_roles[" ".join(match.group(0).split())]
        country = _modifier_country(reference, patterns, folded, match.start())
        hit = _titled(text, match, name, role, country)
        hits.append(hit)
        heapq.heappush(pending, (hit.start, hit.end))

    hits.sort(key=lambda h: (h.start, -h.end))
    return _without_overlaps(hits), [m.span() for m in titles]


def _title(match: re.Match[str], group: str) -> str:
    return " ".join(match.group(group).split())


def _attach_title(
    hits: list[OfficialHit],
    alias_at: dict[int, int],
    match: re.Match[str],
    patterns: _Patterns,
    group: str,
    country: str,
) -> None:
    """A description right before a name ("Mexican President Claudia Sheinbaum") marks the name's title span.
    ``alias_at`` maps where each alias starts to its place in ``hits``."""
    for gap in range(4):
        i = alias_at.get(match.end() + gap)
        if i is not None:
            hit = hits[i]
            hits[i] = OfficialHit(
                hit.start,
                hit.end,
                hit.kind,
                hit.official_id,
                hit.full_name,
                hit.country_code or country,
                hit.role or patterns.title_roles.get(_title(match, group)),
                True,
                hit.how,
                match.span(),
            )


def _titled(text: str, match: re.Match[str], name: re.Match[str], role: str | None, country: str | None) -> OfficialHit:
    full_name = " ".join(name.group("name").split()).rstrip(".,")
    return OfficialHit(
        name.start("name"),
        name.end("name"),
        "titled",
        slug(full_name),
        full_name,
        country,
        role,
        False,
        f"title '{text[match.start() : match.end()]}' before the name",
        match.span(),
    )


def _modifier_country(reference: Reference, patterns: _Patterns, folded: str, title_start: int) -> str | None:
    """Country named just before a title: "U.S. Secretary of State", "White House press secretary"."""
    before = folded[max(0, title_start - 30) : title_start].rstrip()
    for size in (3, 2, 1):
        words = before.split()[-size:]
        if len(words) == size:
            candidate = " ".join(words).removesuffix("'s")
            country = _country(reference, patterns, candidate)
            if country:
                return country
    return None


_LIGHT_NAME_WORDS = frozenset(
    {"al", "bin", "bint", "ibn", "de", "del", "la", "da", "dos", "van", "von", "el", "sheikh"}
)


def _holder_named(
    text: str,
    reference: Reference,
    match: re.Match[str],
    name: re.Match[str],
    role: str | None,
    country: str,
    on: dt.date | None,
) -> OfficialHit | None:
    """A titled name the reference does not list under that spelling ("UAE President Sheikh Mohamed bin Zayed Al
    Nahyan") that shares a name word with the title's holder on the article's date is that holder."""
    if role is None or on is None:
        return None
    official_id = _holder(reference, role, country, on, set())
    if official_id is None:
        return None
    official = reference.officials[official_id]
    written = {w for w in fold(name.group("name")).replace("-", " ").split() if w not in _LIGHT_NAME_WORDS}
    known = {w for w in fold(official.full_name).replace("-", " ").split() if w not in _LIGHT_NAME_WORDS}
    if not written & known:
        return None
    term = reference.role_on(official_id, on)
    return OfficialHit(
        name.start("name"),
        name.end("name"),
        "alias",
        official_id,
        official.full_name,
        official.country_code,
        term.role if term else role,
        True,
        f"'{text[name.start('name') : name.end('name')]}' after the title "
        f"'{text[match.start() : match.end()]}': its holder on {on.isoformat()}",
    )


def _holder(reference: Reference, role: str, country: str, on: dt.date | None, named: set[str | None]) -> str | None:
    roles = [r.role for r in reference.roles.values() if r.is_leader] if role == "leader" else [role]
    candidates = sorted({h for r in roles for h in reference.holders(r, country, on)})
    if on is None:
        candidates = [c for c in candidates if c in named] or []
    elif len(candidates) > 1:
        candidates = [c for c in candidates if c in named] or candidates
    return candidates[0] if len(candidates) == 1 else None


def _without_overlaps(hits: list[OfficialHit]) -> list[OfficialHit]:
    kept: list[OfficialHit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept
