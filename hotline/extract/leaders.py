"""Who is a leader in an article: a head of state or government of the reference on the day (or a president-elect,
or an acting head the article names), a leader the reference does not know introduced by a leader's title, and the
article's protagonist, the leader a pronoun or a bare title stands for.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from hotline.extract.context import RULES, ArticleContext
from hotline.extract.officials import OfficialHit, marked_former, title_role
from hotline.extract.officials.aliases import honorific_fillers_end
from hotline.reference import Term
from hotline.text import phrase_alternation

_PAIRS = RULES["pairs"]
_LEADER_LIKE = frozenset(RULES["leader_like_roles"])
_TITLED_NOT_LEADERS = frozenset(RULES["titled_not_leaders"])
_TRANSITION = dt.timedelta(days=int(RULES["pairs"]["transition_days"]))
"""How long before a first term an incoming leader already takes leaders' calls (an election to the swearing-in)."""
INSTITUTION = re.compile(r"(?<![\w])(?:" + phrase_alternation(_PAIRS["institutions"]) + r")(?![\w])[\w\s'’]{0,24}\Z")
"""Words of an institution before a title ("European Commission President", "el presidente del Senado")."""


def is_leader(ctx: ArticleContext, hit: OfficialHit, on: dt.date | None) -> bool:
    """A head of state or government (or a president-elect) of the reference, on ``on`` when given; or a leader
    the reference does not know, introduced by a leader's title of a country ("Beninese President Patrice
    Talon"): a participant with ``is_reference = false``. Read once per hit, day and article (the call rules ask
    again for every phrase of a sentence)."""
    if hit.official_id is None:
        return False
    key = ("is_leader", id(hit), on)  # by identity: hashing a hit's ten fields costs what the read saves
    known = ctx.memo.get(key)
    if known is None or known[0] is not hit:  # the memo holds the hit, so its id names no other hit meanwhile
        known = ctx.memo[key] = (hit, _is_leader(ctx, hit, on))
    return known[1]


def _is_leader(ctx: ArticleContext, hit: OfficialHit, on: dt.date | None) -> bool:
    """:func:`is_leader`, read."""
    if hit.official_id in _acting(ctx):
        return True
    if not hit.is_reference:
        role = ctx.reference.roles.get(hit.role or "")
        titled_leader = role is not None and role.is_leader and role.role not in _TITLED_NOT_LEADERS
        return (
            hit.kind == "titled"
            and hit.country_code is not None
            and titled_leader
            and not _subnational(ctx, hit)
            and not marked_former(hit, ctx)  # "former British Prime Minister Tony Blair": out of office
        )
    terms = ctx.reference.terms_of(hit.official_id)
    published = ctx.article.published_date
    if published is not None and terms and all(published + _TRANSITION < t.start for t in terms):
        return False  # a leader years later, not now ("su homólogo venezolano, Nicolás Maduro" in 2010)
    if on is not None:
        current = [t for t in terms if t.covers(on)]
        if not current and _former(ctx, hit):
            return False  # "el expresidente brasileño Jair Bolsonaro", "former President Obama": out of office,
            # also where a headline names them bare ("Evo Morales llamó a Cristina Fernández")
        if not current and _titled_otherwise(ctx, hit):
            return False  # out of office then, and titled so: "Cambodian Senate President Hun Sen"
        terms = current or terms
    elif (
        published is not None
        and not any(t.covers(published) for t in terms)
        and (_titled_otherwise(ctx, hit) or _former(ctx, hit))
    ):
        return False  # an undated call of someone out of office when the story ran, titled otherwise in it or
        # marked former there ("Former President Barack Obama ... spoke by phone last week")
    return any(is_leader_term(ctx, t) for t in terms)


_WORD_BEFORE_TITLE = re.compile(r"(?<![\w])([A-ZÁÉÍÓÚÑ][\w'’.-]*)[ \t]+\Z")
_TITLE_MODIFIERS = frozenset(RULES["title_modifiers"])


def _subnational(ctx: ArticleContext, hit: OfficialHit) -> bool:
    """A title right after a capitalized word that ends no country the reference knows ("Ontario Premier Doug Ford",
    "British Columbia Premier David Eby"): a province's or a state's leader, no head of government."""
    if hit.title_span is None:
        return False
    start = hit.title_span[0]
    word = _WORD_BEFORE_TITLE.search(ctx.text, max(0, start - 40), start)
    if word is None or word.group(1).lower() in _TITLE_MODIFIERS:
        return False
    end = word.end(1)
    return not any(h.end == end for h in ctx.reference_hits.within("place", max(0, end - 40), end))


def _former(ctx: ArticleContext, hit: OfficialHit) -> bool:
    """Whether the article marks the official a former holder, here or where it names them elsewhere."""
    return marked_former(hit, ctx) or hit.official_id in _named_former(ctx)


def _named_former(ctx: ArticleContext) -> frozenset[str]:
    """The officials the article marks former holders somewhere ("el expresidente de Bolivia Evo Morales")."""
    key = "named_former"
    if key not in ctx.memo:
        ctx.memo[key] = frozenset(h.official_id for h in ctx.officials if h.official_id and marked_former(h, ctx))
    found: frozenset[str] = ctx.memo[key]
    return found


_ACTING_REACH = 120
"""Characters from an official's name to the words that make them acting head ("X, que ejerce interinamente ...")."""


def _acting(ctx: ArticleContext) -> frozenset[str]:
    """The officials the article makes acting head of state or government: named right after the words ("acting
    President Geraldo Alckmin") or before them in the same sentence ("Alckmin, que ejerce interinamente la
    Presidencia mientras Lula ...")."""
    key = "acting"
    if key not in ctx.memo:
        acting: set[str] = set()
        starts = [h.start for h in ctx.officials]
        for words in ctx.reference_hits.longest("acting"):  # as a scan with their pattern finds them
            i = bisect_left(starts, words.end)
            after = ctx.officials[i] if i < len(starts) else None
            before = ctx.officials[i - 1] if i > 0 else None
            if after is not None and after.official_id and after.start - words.end <= 3:
                acting.add(after.official_id)
            elif (
                before is not None
                and before.official_id
                and 0 <= words.start - before.end <= _ACTING_REACH
                and ctx.sentence_of(before.start) == ctx.sentence_of(words.start)
            ):
                acting.add(before.official_id)
        ctx.memo[key] = frozenset(acting)
    found: frozenset[str] = ctx.memo[key]
    return found


def title_before(ctx: ArticleContext, hit: OfficialHit) -> tuple[int, int] | None:
    """The span of the title right before a name ("President Han", "Acting President Han Duck-soo"), past the
    styles a title may have before a name ("the Crown Prince Sheikh Sabah"), else None."""
    span = _last_title_before(ctx, hit)
    if span is None or (not 0 <= hit.start - span[1] <= 2 and honorific_fillers_end(ctx.text, span[1]) != hit.start):
        return None
    return span


def _last_title_before(ctx: ArticleContext, hit: OfficialHit) -> tuple[int, int] | None:
    """The span of the last title that starts before the name, wherever it ends."""
    i = bisect_left(ctx.title_spans, (hit.start, hit.start)) - 1
    return ctx.title_spans[i] if i >= 0 else None


def _titled_otherwise(ctx: ArticleContext, hit: OfficialHit) -> bool:
    """Whether the article gives the official an office that is no leader's, or the title right before the name
    is no leader's or an institution's ("Senate President", "NATO Secretary General", "el presidente del Senado" is
    read by the institution before the title)."""
    role = ctx.reference.roles.get(hit.role or "")
    if role is not None and not role.is_leader and role.role not in _LEADER_LIKE:
        return True  # the article gives them another office ("el presidente del Senado camboyano, Hun Sen")
    span, comma = title_before(ctx, hit), None
    if span is None and (appositive := _appositive_title(ctx, hit)) is not None:
        span, comma = appositive
    if span is None:
        return False
    start, end = span
    title = ctx.folded[start:end]
    return (
        not leader_title(ctx, title)
        or title_role(ctx.reference, title) in _TITLED_NOT_LEADERS  # "the Crown Prince Sheikh Sabah", once premier
        or bool(INSTITUTION.search(ctx.folded, max(0, start - 40), start))
        or (comma is not None and INSTITUTION.search(ctx.folded, end, comma) is not None)  # "de la OTAN, Rutte"
    )


_APPOSITIVE = re.compile(r"(?:[ \t]+(?:of|de|del)[ \t]+[^,.;:\n]{1,48}?)?,[ \t]*")
"""What stands between a title and the name it is given to after a comma: "el presidente del Consejo Europeo, ",
"the Secretary General of NATO, "."""


def _appositive_title(ctx: ArticleContext, hit: OfficialHit) -> tuple[tuple[int, int], int] | None:
    """The span of the title an appositive gives a name ("el secretario general de la OTAN, Mark Rutte", "the
    Secretary General of NATO, Mark Rutte") and where its comma stands (its complement ends), else None."""
    span = _last_title_before(ctx, hit)
    gap = _APPOSITIVE.fullmatch(ctx.folded, span[1], hit.start) if span is not None else None
    if span is None or gap is None:
        return None
    return span, gap.start() + gap.group().index(",")


def is_leader_term(ctx: ArticleContext, term: Term) -> bool:
    """A term as head of state or government, or as president-elect (who takes leaders' calls already)."""
    role = ctx.reference.roles.get(term.role)
    return (role is not None and role.is_leader) or term.role in _LEADER_LIKE


_AS_OBJECT = re.compile(
    r"(?<![\w])(?:"
    + phrase_alternation(_PAIRS["links"])
    + r")\s+(?:(?:el|la|los|las|the|su|sus|his|her)\s+)?(?:\w+\s+)?\Z"
)
"""A preposition right before a name, or before its title ("a los presidentes", "with President")."""


def protagonist(ctx: ArticleContext) -> OfficialHit | None:
    """The leader the article names most, not counting where a preposition makes them the object ("agradece a
    Fernández", "con Lula"); ties go to the one named first. The subject a pronoun stands for."""
    key = "protagonist"
    if key not in ctx.memo:
        counts: dict[str, int] = {}
        first: dict[str, OfficialHit] = {}
        for hit in ctx.officials:
            start = hit.title_span[0] if hit.title_span else hit.start
            if _AS_OBJECT.search(ctx.folded, max(0, start - 24), start):
                continue
            if hit.official_id and is_leader(ctx, hit, None):
                counts[hit.official_id] = counts.get(hit.official_id, 0) + 1
                first.setdefault(hit.official_id, hit)
        ranked = sorted(first.values(), key=lambda h: (-counts[h.official_id or ""], h.start))
        ctx.memo[key] = ranked[0] if ranked else None
    found: OfficialHit | None = ctx.memo[key]
    return found


def leader_title(ctx: ArticleContext, title: str) -> bool:
    """Whether a title ("prime minister", "el presidente", "el presidente electo") is a head of state's or
    government's, or a president-elect's, who takes leaders' calls already."""
    role = title_role(ctx.reference, title)
    return role is not None and (ctx.reference.roles[role].is_leader or role in _LEADER_LIKE)
