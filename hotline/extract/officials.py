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

import bisect
import datetime as dt
import heapq
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from hotline.extract.lexicon import Lexicon, LexiconHits
from hotline.extract.rules import load_rules
from hotline.reference import Official, Reference
from hotline.text import fold, phrase_alternation

if TYPE_CHECKING:
    from hotline.extract.context import ArticleContext

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
        rf"|(?P<t5>{counterpart})\s+(?P<c5>{countries})"
        r")(?![\w])"
    )
    return _Patterns(
        lexicon=Lexicon(
            {
                "alias": reference.alias_index,
                "place": [*reference.country_words, *institutions],
                "title": title_roles,
                "counterpart": _RULES["counterpart_words"],
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
    starts = found.longest("place", "title", "counterpart")
    titles = [m for m in (patterns.title.match(folded, h.start) for h in found.longest("title")) if m is not None]
    hits: list[OfficialHit] = []
    taken: list[tuple[int, int]] = []

    for alias in found.longest("alias"):
        official = reference.officials[reference.alias_index[alias.phrase]]
        if " " not in alias.phrase and not text[alias.start].isupper():
            continue  # a one-word alias is a name only when capitalized ("Rubio", not "rubio" = blond)
        hits.append(
            _alias_hit(alias.start, alias.end, official, reference, on, f"alias '{text[alias.start : alias.end]}'")
        )
        taken.append((alias.start, alias.end))

    hits += _surnames_that_name_countries(text, reference, on, hits, taken)

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
        title_group = next(g for g in ("t1", "t2", "t3", "t4", "t5") if match.group(g))
        country_group = "c" + title_group[1]
        country = _country(reference, patterns, match.group(country_group))
        if country is None:
            continue
        name = _NAME.match(text, match.end())
        followed_by_alias = any(match.end() + gap in alias_at for gap in range(4))
        if followed_by_alias:
            _attach_title(hits, alias_at, match, patterns, title_group, country)
            continue
        counterpart = title_group in ("t4", "t5")
        if name:  # "his Turkish counterpart Hakan Fidan": a counterpart by name is not always the leader
            role = "leader" if counterpart else patterns.title_roles.get(_title(match, title_group), None)
            hits.append(
                _holder_named(text, reference, match, name, role, country, on)
                or _titled(text, match, name, None if counterpart else role, country)
            )
            continue
        role = "leader" if counterpart else patterns.title_roles[_title(match, title_group)]
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
        role = patterns.title_roles[" ".join(match.group(0).split())]
        country = _modifier_country(reference, patterns, folded, match.start(), text)
        if not name:  # "la ministra de Administración Interna, Margarida Blasco"
            name = _APPOSITIVE.match(text, match.end())
            if name is None or name.start("name") in alias_at:
                continue  # no name, or a known one ("el presidente electo de Uruguay, Yamandú Orsi")
            named, alone = _tail_country(reference, patterns, folded[name.start("tail") : name.end("tail")])
            country = named or country
            if reference.roles[role].is_leader and not alone:  # "el presidente de la Generalitat, X": an
                role, country = None, None  # institution's head, not a country's ("el presidente de Benín, X")
        if reference.official_by_alias(name.group("name").rstrip(".,")):
            continue
        hit = _titled(text, match, name, role, country)
        hits.append(hit)
        heapq.heappush(pending, (hit.start, hit.end))

    hits.extend(_with_middle_initial(text, reference, on, [(h.start, h.end) for h in hits]))
    hits.sort(key=lambda h: (h.start, -h.end))
    return _with_dateline_country(_without_overlaps(hits), text, reference), [m.span() for m in titles]


# A first name, a middle initial, then the rest of the name: "Benigno S. Aquino III", "George W. Bush".
_MIDDLE_INITIAL = re.compile(
    r"(?<![\w.])(?P<first>[A-ZÁÉÍÓÚÑ][\w’'-]+)[ \t]+[A-Z]\.[ \t]+"
    r"(?P<rest>[A-ZÁÉÍÓÚÑ][\w’'-]+(?:[ \t]+(?:[A-ZÁÉÍÓÚÑ][\w’'-]+|Jr\.))*)"
)


def _with_middle_initial(
    text: str, reference: Reference, on: dt.date | None, taken: list[tuple[int, int]]
) -> list[OfficialHit]:
    """A reference name written with a middle initial the aliases do not list ("Benigno S. Aquino III" for
    "Benigno Aquino III"): the name without the initial, and the longest run of the rest it names."""
    if not _MIDDLE_INITIAL.search(text):
        return []
    ends = sorted(taken)
    found = []
    for match in _MIDDLE_INITIAL.finditer(text):
        i = bisect.bisect_right(ends, (match.start(), len(text))) - 1
        if i >= 0 and ends[i][1] > match.start():
            continue  # inside a name found already
        words = match.group("rest").split()
        for size in range(len(words), 0, -1):
            official = reference.official_by_alias(" ".join([match.group("first"), *words[:size]]))
            if official is None:
                continue
            end = text.index(words[size - 1], match.start("rest")) + len(words[size - 1])
            alias = " ".join([match.group("first"), *words[:size]])
            how = f"'{text[match.start() : end]}': alias '{alias}' with a middle initial"
            found.append(_alias_hit(match.start(), end, official, reference, on, how))
            break
    return found


# A dateline's place at the start of one of the first lines: "NEW DELHI, Aug 8 (PTI) -", "WASHINGTON (AP) —",
# "CHENGDU (China), 24 dic (EFE).-"; the place in capitals, or in mixed case when a date follows.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,3})[ \t]*"
    r"(?:\((?P<region>[^()\n]{2,30})\))?[ \t]*(?P<after>,[ \t]*[\w]|\.-|[—–-])",
    re.MULTILINE,
)
_DATELINE_LINES = 4


def dateline_country(text: str, reference: Reference) -> tuple[str, str] | None:
    """The country of the story's dateline, with the place as written: a capital or seat of government
    (``cities`` seed) or a country in parentheses after the place ("CHENGDU (China), ..."). None without one."""
    lines = [line for line in text.splitlines()[: _DATELINE_LINES * 3] if line.strip()][:_DATELINE_LINES]
    for line in lines:
        match = _DATELINE.match(line)
        if match is None:
            continue
        place = match.group("place")
        upper = place == place.upper()
        if not upper and not re.match(r",\s*\d", line[match.start("after") :]):
            continue
        region = match.group("region")
        country = reference.country_by_city(place) or (reference.country_by_name(region) if region else None)
        if country is not None:
            return country, line[match.start("place") : match.end("region") + 1 if region else match.end("place")]
    return None


def _with_dateline_country(hits: list[OfficialHit], text: str, reference: Reference) -> list[OfficialHit]:
    """An official found by title with no country ("la ministra de Defensa, Margarita Robles") serves the
    government of the story's dateline: outlets mark a foreign official's country ("el canciller marroquí")
    and leave their own government's officials unmarked. No dateline (or one whose country no known official of
    the article serves), no country."""
    if not any(h.kind == "titled" and h.country_code is None for h in hits):
        return hits
    found = dateline_country(text, reference)
    if found is None:
        return hits
    country, place = found
    if all(h.country_code != country for h in hits if h.is_reference):
        return hits  # a story filed from a summit's host ("NUKU'ALOFA", Tonga): not that government's officials
    return [
        replace(hit, country_code=country, how=f"{hit.how}; country of the dateline '{place}'")
        if hit.kind == "titled" and hit.country_code is None
        else hit
        for hit in hits
    ]


# A title, then what it is of, then the name after a comma: "la ministra de Administración Interna, Margarida
# Blasco", "la ministra secretaria general de Gobierno de Chile, Camila Vallejo" (at most eight words of tail).
_APPOSITIVE = re.compile(
    r"(?P<tail>(?:[ \t]+[a-záéíóúñü]+){0,2}[ \t]+(?:de|del|of|for)(?:[ \t]+[\wÀ-ÿ'’-]+){1,6}?)[ \t]*,[ \t]*"
    rf"(?P<name>[A-ZÁÉÍÓÚÑÜ][\w’'-]+(?:[ \t]+{_NAME_TOKEN}){{1,4}})"
)
_TAIL_LINKS = frozenset({"de", "del", "of", "for", "la", "the"})


def _tail_country(reference: Reference, patterns: _Patterns, tail: str) -> tuple[str | None, bool]:
    """The country a title's tail names, leftmost first ("de administracion interna de portugal" → PT, "de
    mexico en estados unidos" → MX), and whether the tail is that country alone ("de benin")."""
    words = tail.split()
    for i in range(len(words)):
        for size in (3, 2, 1):
            if i + size > len(words):
                continue
            country = _country(reference, patterns, " ".join(words[i : i + size]))
            if country:
                alone = i + size == len(words) and all(w in _TAIL_LINKS for w in words[:i])
                return country, alone
    return None, False


_PLACE_PREPOSITION = re.compile(r"(?:\b(?:in|of|to|from|with|and|de|en|a|con|y|desde|hacia|para)|,)\s+\Z", re.I)


def _surnames_that_name_countries(
    text: str, reference: Reference, on: dt.date | None, hits: list[OfficialHit], taken: list[tuple[int, int]]
) -> list[OfficialHit]:
    """A surname that is also a country ("Montenegro") is no alias of its own; once the article has named the
    person in full ("Luís Montenegro"), the capitalized surname alone later on is that person, unless a
    preposition makes it the place ("in Montenegro", "de Montenegro")."""
    found: list[OfficialHit] = []
    for first in {h.official_id: h for h in reversed(hits)}.values():
        official = reference.officials.get(first.official_id or "")
        surname = official.full_name.split()[-1] if official else ""
        if not official or reference.country_by_name(surname) is None:
            continue
        for match in re.finditer(rf"(?<![\w]){re.escape(surname)}(?![\w])", text[first.end :]):
            start, end = first.end + match.start(), first.end + match.end()
            if _PLACE_PREPOSITION.search(text, max(0, start - 12), start) or any(a <= start < b for a, b in taken):
                continue
            how = f"'{surname}' after the full name '{first.full_name}'"
            found.append(_alias_hit(start, end, official, reference, on, how))
            taken.append((start, end))
    return found


def _alias_hit(
    start: int, end: int, official: Official, reference: Reference, on: dt.date | None, how: str
) -> OfficialHit:
    """A reference official named at ``text[start:end]``, with the role held on ``on``."""
    term = reference.role_on(official.official_id, on)
    return OfficialHit(
        start,
        end,
        "alias",
        official.official_id,
        official.full_name,
        official.country_code,
        term.role if term else None,
        True,
        how,
    )


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


_CLAUSE_END = re.compile(r"[,;:!?()]|(?<=[a-z]{3})\.\s")
"""Where a clause ends before a title: punctuation, or a full stop after a word ("Erdogan. La ministra"; not
"U.S. Secretary")."""
_TITLE_JOINERS = frozenset({"and", "of", "&", "y", "e", "de"})


def _modifier_country(
    reference: Reference, patterns: _Patterns, folded: str, title_start: int, text: str | None = None
) -> str | None:
    """Country named before a title, directly or past the capitalized words of a longer title: "U.S. Secretary
    of State", "White House press secretary", "Brazil's Mines and Energy Minister", "Chinese Commerce
    Minister"; or the country of a leader whose title it is ("Erdogan's spokesman")."""
    start = max(0, title_start - 48)
    for boundary in _CLAUSE_END.finditer(folded, start, title_start):  # within the title's own clause
        start = boundary.end()
    words = list(re.finditer(r"[^\s,;:.()\x22]+(?:\.[^\s,;:()\x22]+)*\.?", folded[start:title_start]))
    for end in range(len(words), 0, -1):
        for size in (3, 2, 1):
            if end - size < 0:
                continue
            candidate = " ".join(w.group() for w in words[end - size : end]).removesuffix("'s")
            country = _country(reference, patterns, candidate)
            if country is None and candidate != words[end - 1].group():  # "erdogan's": the leader's country
                official = reference.official_by_alias(candidate) if size == 1 else None
                country = official.country_code if official else None
            if country:
                return country
        word = words[end - 1]
        if text is None or not (text[start + word.start()].isupper() or word.group() in _TITLE_JOINERS):
            return None  # only the capitalized words of a longer title between ("Mines and Energy")
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


_FORMER = re.compile(rf"(?:{phrase_alternation(_RULES['former_markers'])})[\s-]*$")


def is_former(hit: OfficialHit, ctx: ArticleContext) -> bool:
    """A reference official named on a date after every term the reference knows ended, and not given an
    office by the text ("former President George Bush", "los expresidentes Tabaré Vázquez y José Mujica"):
    not an official of the article. A title right before the name keeps them ("then-prime minister Ariel
    Henry", "Foreign Secretary David Cameron"); a future office holder is kept (they may hold another). A
    titled name the seed does not know is former when its title is ("former president Ronald Reagan")."""
    if hit.kind == "titled" and hit.title_span is not None:  # "former president Ronald Reagan", not in the seed
        return _FORMER.search(ctx.folded, max(0, hit.title_span[0] - 20), hit.title_span[0]) is not None
    on = ctx.article.published_date
    if on is None or not hit.is_reference or hit.kind != "alias" or hit.official_id is None:
        return False
    terms = ctx.reference.terms_of(hit.official_id)
    if not terms or any(t.end is None or t.end >= on for t in terms):
        return False
    i = bisect.bisect_right(ctx.title_spans, (hit.start, hit.start)) - 1
    titled = i >= 0 and 0 <= hit.start - ctx.title_spans[i][1] <= 3
    if hit.title_span is not None:
        titled, title_start = True, hit.title_span[0]
    elif titled:
        title_start = ctx.title_spans[i][0]
    return not titled or _FORMER.search(ctx.folded, max(0, title_start - 20), title_start) is not None


def _without_overlaps(hits: list[OfficialHit]) -> list[OfficialHit]:
    kept: list[OfficialHit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept
