"""The entry, :func:`find_officials`: aliases, role descriptions ("the Mexican president", "her U.S.
counterpart") resolved to their holder, and titled names the reference does not know ("el canciller
Juan Ramón de la Fuente", "la ministra de Defensa, Margarita Robles").
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import re

from hotline.extract.lexicon import Hit, LexiconHits, unquoted
from hotline.extract.officials.aliases import (
    alias_hit,
    another_persons_name,
    honorific_fillers_end,
    honorifics_alone,
    surnames_after_full_name,
    titled_at,
    with_middle_initial,
)
from hotline.extract.officials.countries import modifier_country, tail_country, with_dateline_country
from hotline.extract.officials.patterns import (
    NAME,
    NAME_TOKEN,
    OfficialHit,
    Patterns,
    country_of,
    patterns_of,
    reference_lexicon,
    slug,
    title_role,
    title_text,
)
from hotline.reference import Reference
from hotline.text import fold


def find_officials(
    text: str, folded: str, reference: Reference, on: dt.date | None, found: LexiconHits | None = None
) -> tuple[list[OfficialHit], list[tuple[int, int]]]:
    """Every official mention in the text, in order, without overlaps (names win over descriptions), and
    the span of every role title ("Economy Secretary"), named or not. ``found`` is the text's scan by
    :func:`reference_lexicon`, when the caller has it already."""
    patterns = patterns_of(reference)
    found = found if found is not None else reference_lexicon(reference).scan(folded)
    # Where role descriptions can start (a country word or a title), and the titles themselves.
    starts = found.longest("place", "title", "counterpart")
    places = found.longest("place")
    place_starts = [p.start for p in places]
    titles = [m for m in (patterns.title.match(folded, h.start) for h in found.longest("title")) if m is not None]
    hits: list[OfficialHit] = []
    taken: list[tuple[int, int]] = []

    title_ends = {m.end() for m in titles}
    title_starts = {m.start() for m in titles}  # a name that opens a title is another's ("..., Government Spokesman X")
    namesake_last: dict[str, bool] = {}  # per official: whether the last one named by its surname was a namesake
    for alias in found.longest("alias"):
        official = reference.officials[reference.alias_index[unquoted(alias.phrase)]]
        if " " not in alias.phrase:
            if not text[alias.start].isupper():
                continue  # a one-word alias is a name only when capitalized ("Rubio", not "rubio" = blond)
            if another_persons_name(text, alias.start, official, title_ends):
                namesake_last[official.official_id] = True  # "Lordina Mahama": later "Mrs Mahama" is she
                continue
            if namesake_last.get(official.official_id) and not titled_at(alias.start, title_ends):
                continue
        else:
            namesake_last[official.official_id] = False
        hits.append(
            alias_hit(alias.start, alias.end, official, reference, on, f"alias '{text[alias.start : alias.end]}'")
        )
        taken.append((alias.start, alias.end))

    # Every scan below looks hits up by offset (alias_at, a heap of spans), never rescans the earlier hits:
    # that was quadratic in the number of names ("Foreign Minister Marcelo Ebrard said. " * N).
    alias_at = {start: i for i, (start, _) in enumerate(taken)}  # hits[i] is the alias found at taken[i]
    named_ids = {h.official_id for h in hits}
    roles_at = sorted((h.start, h.role) for h in hits if h.role)  # whose counterpart a named counterpart is
    holders: dict[tuple[str, str], str | None] = {}

    def holder(role: str, country: str) -> str | None:
        """The one holder of ``role`` in ``country`` on the article's date, looked up once per article."""
        if (role, country) not in holders:
            holders[role, country] = holder_on(reference, role, country, on, named_ids)
        return holders[role, country]

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
        country = country_of(reference, patterns, match.group(country_group))
        if country is None:
            continue
        name = NAME.match(text, match.end())
        if name and (_only_places(reference, name.group("name")) or name.start("name") in title_starts):
            name = None  # "sus homólogos de Brasil y Colombia": countries, no one's name; "the Greek Prime
            # Minister, Government Spokesman X announced": another's title
        # the name may follow an honorific: "his Emirati counterpart Sheikh Mohamed bin Zayed"
        name_at = next(
            (
                position + gap
                for position in (match.end(), honorific_fillers_end(text, match.end()))
                for gap in range(4)
                if position + gap in alias_at
            ),
            None,
        )
        if name_at is not None:
            _attach_title(hits, alias_at[name_at], match, patterns, title_group, country)
            continue
        counterpart = title_group in ("t4", "t5")
        if name:  # "his Turkish counterpart Hakan Fidan": a counterpart by name is not always the leader
            role = "leader" if counterpart else patterns.title_roles.get(title_text(match, title_group), None)
            hit = _holder_named(text, reference, match, name, role, country, on) or _titled(
                text, match, name, _counterpart_role(roles_at, match.start()) if counterpart else role, country
            )
            hits.append(hit)
            if hit.role:
                bisect.insort(roles_at, (hit.start, hit.role))
            continue
        role = "leader" if counterpart else patterns.title_roles[title_text(match, title_group)]
        described = [(match.start(), match.end(), country)]
        # a country with both a president and a prime minister: an unnamed counterpart holds the speaker's office
        same = _counterpart_role(roles_at, match.start()) if counterpart else None
        same = same if same in reference.roles and reference.roles[same].is_leader else None
        if counterpart:  # "sus pares de Argentina, Brasil y Colombia": one counterpart per country listed
            described += _listed_countries(folded, match.end(), places, place_starts, reference, patterns)
            covered = described[-1][1]
        for start_at, end_at, country in described:
            official_id = holder(role, country) or (holder(same, country) if same else None)
            if official_id is None:
                continue
            official = reference.officials[official_id]
            office = role
            if role == "leader":  # "his Brazilian counterpart": the office the holder had then
                term = reference.role_on(official_id, on)
                office = term.role if term else None
            hits.append(
                OfficialHit(
                    start_at,
                    end_at,
                    "role",
                    official_id,
                    official.full_name,
                    country,
                    office,
                    True,
                    f"role description '{text[match.start() : end_at]}' resolved to the holder"
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
        after = honorific_fillers_end(text, match.end())
        if any(position + gap in alias_at for position in {match.end(), after} for gap in range(4)):
            continue  # a title before a known name ("President Donald Trump", "the Amir Sheikh Meshal al-Ahmad")
        name = NAME.match(text, after)  # past an honorific: "Governor-General Sir Bob Dadae"
        role = patterns.title_roles[" ".join(match.group(0).split())]
        country = modifier_country(reference, patterns, folded, match.start(), text)
        if not name:  # "la ministra de Administración Interna, Margarida Blasco"
            name = _APPOSITIVE.match(text, match.end())
            if name is None or alias_at.keys() & {
                name.start("name"),
                honorific_fillers_end(text, name.start("name") - 1),
            }:
                continue  # no name, or a known one ("el presidente electo de Uruguay, Yamandú Orsi")
            named, alone = tail_country(reference, patterns, folded[name.start("tail") : name.end("tail")])
            country = named or country
            if reference.roles[role].is_leader and not alone:  # "el presidente de la Generalitat, X": an
                role, country = None, None  # institution's head, not a country's ("el presidente de Benín, X")
        else:  # "el rey Abdalá de Arabia Saudí": the country after the name is no part of it
            name, country = _name_then_country(text, reference, patterns, match, name, country)
        if reference.official_by_alias(name.group("name").rstrip(".,")) or name.start("name") in title_starts:
            continue  # a known name, or another's title ("the Greek Prime Minister, Government Spokesman X said")
        holder = _holder_named(text, reference, match, name, role, country, on) if role and country else None
        hit = holder or _titled(text, match, name, role, country)
        hits.append(hit)
        heapq.heappush(pending, (hit.start, hit.end))

    hits.extend(with_middle_initial(text, reference, on, [(h.start, h.end) for h in hits]))
    hits.extend(surnames_after_full_name(text, reference, hits, [m.span() for m in titles]))
    hits.extend(honorifics_alone(text, hits))
    hits.sort(key=lambda h: (h.start, -h.end))
    return with_dateline_country(_without_overlaps(hits), text, reference), [m.span() for m in titles]


_NAME_BEFORE_PLACE = re.compile(rf"[ \t]*(?:,[ \t]*)?(?P<name>[A-ZÁÉÍÓÚÑÜ][\w’'-]+(?:[ \t]+{NAME_TOKEN}){{0,4}})\Z")
"""A name before "de <country>", one word enough: the country makes it a name ("el rey Abdalá de Arabia Saudí")."""
_OF_PLACE = re.compile(r"[ \t]+(?:de|del|of)[ \t]+(?P<place>[^\W\d_][\w .'’-]*)\Z")


def _name_then_country(
    text: str,
    reference: Reference,
    patterns: Patterns,
    match: re.Match[str],
    name: re.Match[str],
    country: str | None,
) -> tuple[re.Match[str], str | None]:
    """A titled name that ends in "de <country>" ("el rey Abdalá de Arabia Saudí", "President Faye of Senegal"):
    the name without it, and the country it gives (a country the title gave stays)."""
    tail = _OF_PLACE.search(name.group("name"))
    place = country_of(reference, patterns, fold(tail.group("place").rstrip(".,"))) if tail else None
    if tail is None or place is None:
        return name, country
    shorter = _NAME_BEFORE_PLACE.match(text, match.end(), name.start("name") + tail.start())
    return (shorter, country or place) if shorter else (name, country)


# A title, then what it is of, then the name after a comma: "la ministra de Administración Interna, Margarida
# Blasco", "la ministra secretaria general de Gobierno de Chile, Camila Vallejo" (at most eight words of tail),
# "el ministro de Asuntos Exteriores en funciones, José Manuel Albares".
_APPOSITIVE = re.compile(
    r"(?P<tail>(?:(?:[ \t]+[a-záéíóúñü]+){0,2}[ \t]+(?:de|del|of|for)(?:[ \t]+[\wÀ-ÿ'’-]+){1,6}?)?"
    r"(?:[ \t]+\([A-Z]{2,8}\))?"  # "del Fondo Monetario Internacional (FMI), Kristalina Georgieva"
    r"(?:[ \t]+(?:en[ \t]+funciones|interino|interina|designate|designado|designada|saliente|outgoing))?)[ \t]*,[ \t]*"
    rf"(?P<name>[A-ZÁÉÍÓÚÑÜ][\w’'-]+(?:[ \t]+{NAME_TOKEN}){{1,4}})"
)


_PLACE_JOINER = re.compile(r"\s+(?:y|e|and|de|del)\s+")


def _only_places(reference: Reference, name: str) -> bool:
    """Whether a "name" is only places ("Brasil y Colombia") or a place and a title ("Kuwait Amir" in a headline's
    "from Qatar Amir, Kuwait Amir and King of Bahrain")."""
    words = [w for w in _PLACE_JOINER.split(name.rstrip(".,")) if w]
    if all(reference.country_by_name(w) or reference.country_by_city(w) for w in words):
        return True
    first, _, rest = name.rstrip(".,").partition(" ")
    return bool(rest) and reference.country_by_name(first) is not None and title_role(reference, fold(rest)) is not None


_COUNTERPART_REACH = 300
"""Characters back from "his counterpart" to the official whose counterpart it is."""


def _counterpart_role(roles_at: list[tuple[int, str]], start: int) -> str | None:
    """A named counterpart holds the office of the official named last before it: "el primer ministro
    australiano, Anthony Albanese, tras conversar con su homólogo vanuatuense, Jotham Napat" is a prime minister,
    "Foreign Minister Wang Yi spoke with his Turkish counterpart Hakan Fidan" a foreign minister."""
    i = bisect.bisect_left(roles_at, (start, "")) - 1
    return roles_at[i][1] if i >= 0 and start - roles_at[i][0] <= _COUNTERPART_REACH else None


def _attach_title(
    hits: list[OfficialHit],
    i: int,
    match: re.Match[str],
    patterns: Patterns,
    group: str,
    country: str,
) -> None:
    """A description right before a name ("Mexican President Claudia Sheinbaum") marks the title span of the name,
    ``hits[i]``."""
    hit = hits[i]
    hits[i] = OfficialHit(
        hit.start,
        hit.end,
        hit.kind,
        hit.official_id,
        hit.full_name,
        hit.country_code or country,
        hit.role or patterns.title_roles.get(title_text(match, group)),
        True,
        hit.how,
        match.span(),
    )


def _titled(text: str, match: re.Match[str], name: re.Match[str], role: str | None, country: str | None) -> OfficialHit:
    full_name = " ".join(name.group("name").split()).rstrip(".,")
    written = name.group("name")
    return OfficialHit(
        name.start("name"),
        name.start("name") + len(written.rstrip(".,")),  # "... Jotham Napat." ends the sentence, not the name
        "titled",
        slug(full_name),
        full_name,
        country,
        role,
        False,
        f"title '{text[match.start() : match.end()]}' before the name",
        match.span(),
    )


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
    official_id = holder_on(reference, role, country, on, set())
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


_LIST_SEPARATOR = re.compile(
    r"\s*,\s*(?:(?:y|e|and)\s+)?(?:(?:de|del|of|from)\s+)?|\s+(?:y|e|and)\s+(?:(?:de|del|of|from)\s+)?"
)


def _listed_countries(
    folded: str, end: int, places: list[Hit], starts: list[int], reference: Reference, patterns: Patterns
) -> list[tuple[int, int, str]]:
    """The countries listed right after a counterpart's ("sus pares de Argentina, Brasil y Colombia", "his
    counterparts from Kenya, Uganda and Rwanda"): each place joined to the one before by a comma or "and".
    ``starts``: the places' starts, computed once per article (a bisection per description, not a scan)."""
    listed: list[tuple[int, int, str]] = []
    i = bisect.bisect_left(starts, end)
    while i < len(places) and _LIST_SEPARATOR.fullmatch(folded, end, places[i].start):
        country = country_of(reference, patterns, folded[places[i].start : places[i].end])
        if country is None:
            break
        listed.append((places[i].start, places[i].end, country))
        end, i = places[i].end, i + 1
    return listed


def holder_on(reference: Reference, role: str, country: str, on: dt.date | None, named: set[str | None]) -> str | None:
    """The one holder of ``role`` (``"leader"``: any leader's role) in ``country`` on ``on``; among several, the one
    the article ``named``; None when the text cannot tell one."""
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
