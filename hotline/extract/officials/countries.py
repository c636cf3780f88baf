"""Countries of officials: the story's dateline, a country named before a title or in its tail, and whether
a reference official named is a former office holder (:func:`is_former`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from hotline.extract.officials.patterns import OFFICIAL_RULES, OfficialHit, Patterns, country_of
from hotline.reference import Reference
from hotline.text import phrase_alternation

if TYPE_CHECKING:
    from hotline.extract.context import ArticleContext


# A dateline's place at the start of one of the first lines: "NEW DELHI, Aug 8 (PTI) -", "WASHINGTON (AP) —",
# "CHENGDU (China), 24 dic (EFE).-"; the place in capitals, or in mixed case when a date follows.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,3})[ \t]*"
    r"(?:\((?P<region>[^()\n]{2,30})\))?[ \t]*(?P<after>,[ \t]*[\w]|\.-|[—–-])",
    re.MULTILINE,
)
_DATELINE_LINES = 4
_COMMA_DIGIT = re.compile(r",\s*\d")


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
        if not upper and not _COMMA_DIGIT.match(line[match.start("after") :]):
            continue
        region = match.group("region")
        country = reference.country_by_city(place) or (reference.country_by_name(region) if region else None)
        if country is not None:
            return country, line[match.start("place") : match.end("region") + 1 if region else match.end("place")]
    return None


_OUTLET_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")
_OUTLET_SPAN = 4
"""The most words a place or a country's name in an outlet takes ("Palacio de la Moncloa")."""


def outlet_country(outlet: str | None, reference: Reference) -> str | None:
    """The one country an outlet names by a seat of government, a capital or a country's name or demonym
    ("Prime Minister's Office, 10 Downing Street", "Office of the President of the Republic of Finland",
    "Presidencia de la República Dominicana"): a government's own readout, or an outlet of that country. None when
    it names none or several ("Reuters", "Agence France-Presse")."""
    if not outlet:
        return None
    words = [m.group().strip(".") for m in _OUTLET_WORDS.finditer(outlet)]
    found = set()
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + _OUTLET_SPAN) + 1):
            name = " ".join(words[i:j])
            code = reference.country_by_city(name) or reference.country_by_name(name)
            if code is not None:
                found.add(code)
    return found.pop() if len(found) == 1 else None


_SOURCE_LINE = re.compile(
    r"^[ \t]*(?:from|source|fuente|issued by|emitido por)[ \t]*:[ \t]*(?P<source>[^\n]{3,120})$",
    re.MULTILINE | re.IGNORECASE,
)
"""A line at the head of a text naming who issued it ("From: Prime Minister's Office, 10 Downing Street",
"Fuente: Presidencia de la República"), as government pages and press releases print it."""


def head_source(text: str) -> str | None:
    """Who a text says issued it on a "From:" or "Source:" line among its first lines, else None."""
    head = "\n".join(text.splitlines()[: _DATELINE_LINES * 2])
    found = _SOURCE_LINE.search(head)
    return found.group("source").strip() if found else None


def with_dateline_country(hits: list[OfficialHit], text: str, reference: Reference) -> list[OfficialHit]:
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


_TAIL_LINKS = frozenset({"de", "del", "of", "for", "la", "the"})


def tail_country(reference: Reference, patterns: Patterns, tail: str) -> tuple[str | None, bool]:
    """The country a title's tail names, leftmost first ("de administracion interna de portugal" → PT, "de
    mexico en estados unidos" → MX), and whether the tail is that country alone ("de benin")."""
    words = tail.split()
    for i in range(len(words)):
        for size in (3, 2, 1):
            if i + size > len(words):
                continue
            country = country_of(reference, patterns, " ".join(words[i : i + size]))
            if country:
                alone = i + size == len(words) and all(w in _TAIL_LINKS for w in words[:i])
                return country, alone
    return None, False


_CLAUSE_END = re.compile(r"[,;:!?()]|(?<=[a-z]{3})\.\s")
"""Where a clause ends before a title: punctuation, or a full stop after a word ("Erdogan. La ministra"; not
"U.S. Secretary")."""
_MODIFIER_WORD = re.compile(r"[^\s,;:.()\x22]+(?:\.[^\s,;:()\x22]+)*\.?")
_TITLE_JOINERS = frozenset({"and", "of", "&", "y", "e", "de"})


def modifier_country(
    reference: Reference, patterns: Patterns, folded: str, title_start: int, text: str | None = None
) -> str | None:
    """Country named before a title, directly or past the capitalized words of a longer title: "U.S. Secretary
    of State", "White House press secretary", "Brazil's Mines and Energy Minister", "Chinese Commerce
    Minister"; or the country of a leader whose title it is ("Erdogan's spokesman")."""
    start = max(0, title_start - 48)
    for boundary in _CLAUSE_END.finditer(folded, start, title_start):  # within the title's own clause
        start = boundary.end()
    words = list(_MODIFIER_WORD.finditer(folded[start:title_start]))
    written = [w.group() for w in words]
    for end in range(len(words), 0, -1):
        for size in (3, 2, 1):
            if end - size < 0:
                continue
            candidate = " ".join(written[end - size : end]).removesuffix("'s")
            country = country_of(reference, patterns, candidate)
            if country is None and candidate != written[end - 1]:  # "erdogan's": the leader's country
                official = reference.official_by_alias(candidate) if size == 1 else None
                country = official.country_code if official else None
            if country:
                return country
        word = words[end - 1]
        if text is None or not (text[start + word.start()].isupper() or word.group() in _TITLE_JOINERS):
            return None  # only the capitalized words of a longer title between ("Mines and Energy")
    return None


_FORMER_MARKERS = phrase_alternation(OFFICIAL_RULES["former_markers"])
_FORMER = re.compile(rf"(?:{_FORMER_MARKERS})[\s-]*$")
_FORMER_BEFORE = re.compile(rf"(?<![\w])(?:{_FORMER_MARKERS})(?:[\s-]+[\w.]+){{0,2}}[\s-]*\Z")
_FORMER_REACH = 40
"""Characters read before a name for a word that makes its holder a former one ("el expresidente brasileño")."""


def marked_former(hit: OfficialHit, ctx: ArticleContext) -> bool:
    """Whether the text marks the official a former holder, the marker before the name or its title with at most
    two words between ("el expresidente brasileño Jair Bolsonaro", "former President Obama"), or inside the title
    ("Taiwan's former president Tsai Ing-wen")."""
    starts = (hit.title_span[0], hit.start) if hit.title_span else (hit.start,)
    return any(_FORMER_BEFORE.search(ctx.folded, max(0, start - _FORMER_REACH), start) for start in starts)


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


def inferred_country(hit: OfficialHit, ctx: ArticleContext) -> tuple[str | None, str]:
    """The country of an official the text names without one ("informó el vocero presidencial, Jorge Richter"):
    the country another mention of them gives; else the country of the leader named first before them in their
    sentence ("el presidente argentino, Javier Milei, confirmó que ... la canciller Diana Mondino"); else the
    country of the article's protagonist, whose government an unmarked official most often serves. With the how."""
    if hit.country_code is not None:
        return hit.country_code, ""
    if (country := _countries_by_official(ctx).get(hit.official_id)) is not None:
        return country, "; country of another mention"
    from hotline.extract.leaders import is_leader, protagonist  # leaders reads officials: import at use

    index = ctx.sentence_of(hit.start)
    for other in ctx.in_sentence("officials", index):
        if other.end <= hit.start and other.country_code and is_leader(ctx, other, None):
            return other.country_code, f"; country of {other.full_name}, the leader named first in the sentence"
    main = protagonist(ctx)
    if main is not None and main.country_code:
        return main.country_code, f"; country of {main.full_name}, the article's protagonist"
    return None, ""


def _countries_by_official(ctx: ArticleContext) -> dict[str | None, str]:
    """The first country any mention gives each official of the article (built once per article, not once per
    official: linear in the mentions)."""
    if "countries_by_official" not in ctx.memo:
        found: dict[str | None, str] = {}
        for hit in ctx.officials:
            if hit.country_code is not None:
                found.setdefault(hit.official_id, hit.country_code)
        ctx.memo["countries_by_official"] = found
    countries: dict[str | None, str] = ctx.memo["countries_by_official"]
    return countries
