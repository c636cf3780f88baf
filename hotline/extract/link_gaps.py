"""How far a call phrase's links reach: the words between it and the leaders it links ("spoke by phone on June 9
*with* ... *and* ..."), the next calls of a round later in the sentence ("luego con ..."), and leaders linked ahead of
the phrase ("Con Lula y con Petro conversó")."""

from __future__ import annotations

import re
from bisect import bisect_left

from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.dates import DateExpr
from hotline.extract.officials import OfficialHit
from hotline.text import phrase_alternation

_PAIRS = RULES["pairs"]
WORD = re.compile(r"[\w'’.-]+")
LINK = re.compile(r"(?<![\w])(?:" + phrase_alternation(_PAIRS["links"]) + r")(?![\w])")
LINK_AT_END = re.compile(r"(?<![\w])(?:" + phrase_alternation(_PAIRS["links"]) + r")\Z")
AND = re.compile(r"(?:,|(?<![\w])(?:" + phrase_alternation(_PAIRS["coordinators"]) + r")(?![\w]))")
_LIST_SEMICOLON = re.compile(r";(?=\s*(?:" + phrase_alternation(_PAIRS["links"]) + r")(?![\w]))")
"""A semicolon between items of a list, each opened by its link ("de Brasil, A; de Argentina, B, y de Chile, C")."""
_ITEM_SEMICOLON = re.compile(r";\s*(?:(?:" + phrase_alternation(_PAIRS["coordinators"]) + r")\s+)?(?:[^,;]*,\s*)?\Z")
_ITEM_TITLED = re.compile(r",[^;,]*\Z")
"""A list item given its title after a comma, then a semicolon and the next item's name, an "and" or its title at
most between ("with A, Britain's prime minister; B, ...; and C, ...", "con el primer ministro portugués, A; el
presidente francés, B, y ...")."""
_ITEM_NAME = re.compile(
    r"(?:(?:[A-ZÀ-Þ][\w'’.-]*|"
    + phrase_alternation(_PAIRS["name_particles"])
    + r")[ \t]+){0,5}?[A-ZÀ-Þ][\w'’.-]*[ \t]*[,;]"
)
"""The next item's name right after such a semicolon, followed by its own title after a comma, or by the next
semicolon: an item of the list, not the subject of a clause of its own ("...; Macron said")."""
_STOP = re.compile(r"(?:[;:()\x22“”]|(?<![\w])(?:" + phrase_alternation(_PAIRS["stops"]) + r")(?![\w]))")
_FRONTED = re.compile(
    r"[\s,]*(?:(?:"
    + phrase_alternation(_PAIRS["coordinators"])
    + r")[ \t]+)?(?:"
    + phrase_alternation(_PAIRS["fronted_links"])
    + r")[ \t]+(?:[\w'’.,-]+[ \t]+){0,6}?"
)
_CLAUSE_FRONTED = re.compile(
    r"(?:[,;]|(?<![\w])que)[ \t]+(?:(?:"
    + phrase_alternation(_PAIRS["coordinators"])
    + r")[ \t]+)?(?:"
    + phrase_alternation(_PAIRS["fronted_links"])
    + r")[ \t]+(?:[\w'’.-]+[ \t]+){0,3}?\Z"
)
"""A link fronted inside the sentence, right before the leader it links: ", mientras que con Boric"."""
_ROUND_NEXT = re.compile(r"(?<![\w])(?:" + phrase_alternation(_PAIRS["round_next"]) + r")[ \t]+")
"""The next call of a round in the same sentence: "...; luego con el presidente de Bolivia, Rodrigo Paz"."""
_ROUND_REACH = 400
"""Characters from one call of a round to the words that open the next (its clauses between): read no further, so
a sentence of many call phrases stays linear."""
_MAX_GAP_WORDS = int(_PAIRS["max_gap_words"])
MAX_LINKED = int(_PAIRS["max_counterparts"])


def gap_ok(ctx: ArticleContext, start: int, end: int, needs: re.Pattern[str] | None) -> bool:
    """The words between two hits: few, none that ends the phrase, and (when asked) one that links them."""
    if end < start:
        return False
    gap = _LIST_SEMICOLON.sub(",", ctx.folded[start:end])
    if needs is AND and _list_semicolon(ctx, start, end, gap):
        gap = gap.replace(";", ",")
    if _STOP.search(gap):
        return False
    titled = 0
    if needs is AND:  # the next item of a list: its title ("y con el Primer Ministro de San Vicente y las
        spans = ctx.title_spans  # Granadinas, Honorable") does not use up the reach
        first, last = bisect_left(spans, (start, start)), bisect_left(spans, (end, end))
        titled = sum(
            len(WORD.findall(ctx.folded, max(a, start), min(b, end))) for a, b in spans[max(0, first - 1) : last]
        )
    dated = sum(  # nor does a date ("sostuvo el 9 de junio con el primer ministro de Japón")
        len(WORD.findall(ctx.folded, d.start, d.end)) for d in _dates_within(ctx, start, end)
    )
    if len(WORD.findall(gap)) - titled - dated > _MAX_GAP_WORDS:
        return False
    return needs is None or needs.search(gap) is not None


def _list_semicolon(ctx: ArticleContext, start: int, end: int, gap: str) -> bool:
    """Whether the one semicolon of ``gap`` (``start`` to ``end``) parts two items of a list given their titles."""
    item = _ITEM_SEMICOLON.search(gap) if gap.count(";") == 1 else None
    return (
        item is not None
        and _ITEM_TITLED.search(ctx.folded, max(0, start - 48), start + item.start()) is not None
        and _ITEM_NAME.match(ctx.text, end) is not None
    )


def _dates_within(ctx: ArticleContext, start: int, end: int) -> list[DateExpr]:
    """The dates of the sentence holding ``start`` that lie in ``[start, end)`` (a gap within one sentence)."""
    index = ctx.sentence_of(start)
    dates = ctx.in_sentence("dates", index)
    i = bisect_left(ctx.starts_in("dates", index), start)
    found = []
    while i < len(dates) and dates[i].end <= end:
        found.append(dates[i])
        i += 1
    return found


def round_next(
    ctx: ArticleContext, start: int, end: int, hits: list[OfficialHit], starts: list[int], room: int
) -> list[OfficialHit]:
    """The leaders of the next calls of a round told further on in the sentence, each right after its own "then
    with" / "luego con" (its title between does not count): "habló primero con A, con quien acordó ...; luego con
    el presidente de Bolivia, B, a quien pidió ..., y por último con el mandatario colombiano, C"."""
    found: list[OfficialHit] = []
    while len(found) < room and (match := _ROUND_NEXT.search(ctx.folded, start, min(end, start + _ROUND_REACH))):
        i = bisect_left(starts, match.end())
        while i < len(hits) and not (hits[i].official_id or hits[i].role):
            i += 1
        if i == len(hits) or not gap_ok(ctx, match.end(), hits[i].start, None):
            break
        found.append(hits[i])
        start = hits[i].end
    return found


def fronted_links(ctx: ArticleContext, start: int, hits: list[OfficialHit], cue: Cue) -> list[OfficialHit]:
    """Leaders linked ahead of the call phrase at the head of the sentence: "Con Alberto Fernández habló el
    sábado", "Con Lula y con Petro, en tanto, conversó"."""
    fronted: list[OfficialHit] = []
    position = start
    for hit in hits:
        if hit.end > cue.start or len(fronted) >= MAX_LINKED:
            break
        if not _FRONTED.fullmatch(ctx.folded, position, hit.start):
            break
        fronted.append(hit)
        position = hit.end
    if fronted and not gap_ok(ctx, fronted[-1].end, cue.start, None):
        fronted = []
    if not fronted:  # a later clause fronts its own link: "..., mientras que con Boric conversó sobre ..."
        i = bisect_left(ctx.starts_in("officials", ctx.sentence_of(cue.start)), cue.start) - 1
        while i >= 0 and hits[i].end > cue.start:
            i -= 1
        last = hits[i] if i >= 0 else None
        if (
            last is not None
            and last.start >= start
            and _CLAUSE_FRONTED.search(ctx.folded, max(start, last.start - 40), last.start)
            and len(WORD.findall(ctx.folded, last.end, cue.start)) <= 2
        ):
            fronted = [last]
    return fronted
