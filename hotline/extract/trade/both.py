"""Two countries named together by a collective phrase: "both countries face a 36% tariff", "on goods from both
countries", "the two neighbours", "ambos países", "las dos economías".

The phrase stands for the two countries the text names most often before it, from a few sentences back (country
names, demonyms and officials, who stand for their country; the latest first among equals), leaving out those its
own sentence names as an agent or a measure's owner ("the tariffs that the United States imposed on goods from
both countries", "The two neighbours face U.S. tariffs": not the United States). When the text before names fewer
than two, the phrase stands for no one.
"""

from __future__ import annotations

import re

from hotline.extract.context import ArticleContext
from hotline.extract.lexicon import unquoted
from hotline.extract.trade import rules as r

BOTH = re.compile(r"(?<![\w])(?:" + r.alt(r.RULES["both_countries"]) + r")(?![\w])")
_LOOKBACK = 5  # sentences read back for the two countries


def both_countries(
    ctx: ArticleContext, words: dict, sentence: int, regions: list[tuple[int, int]], named: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """``(start, end, code)`` twice per collective phrase within ``regions``: the phrase and each of its two
    countries. ``words`` maps a folded country word to its :class:`~hotline.extract.trade.parties.Word`, ``named``
    holds the parties the sentence names itself (start, end, code)."""
    found = [m.span() for lo, hi in regions for m in BOTH.finditer(ctx.folded, lo, hi)]
    result = []
    for start, end in found:
        others = {code for _, b, code in named if _acts(ctx.folded, b) or _owns_measure(ctx.folded, b)}
        codes = _two_most_named(ctx, words, sentence, start, others)
        if len(codes) == 2:
            result.extend((start, end, code) for code in codes)
    return result


_OWNER = re.compile(r"(?:'s?)?\s+(?:[\w-]+\s+)?$")


def _owns_measure(text: str, end: int) -> bool:
    """A measure noun follows the party within a word ("U.S. tariffs", "a 36 percent US tariff")."""
    following = next(r.MEASURES.finditer(text, end, min(len(text), end + 30)), None)
    return following is not None and _OWNER.match(text[end : following[0]]) is not None


def _acts(text: str, end: int) -> bool:
    """A measure verb follows the party closely ("the United States imposed", "que Washington impuso")."""
    return any(
        v not in (None, r.DENIED) and s - end <= r.VERB_REACH for s, _, v in r.STATUS.finditer(text, end, end + 40)
    )


def _two_most_named(ctx: ArticleContext, words: dict, sentence: int, hi: int, others: set[str]) -> list[str]:
    lo = ctx.sentences[max(0, sentence - _LOOKBACK)].start
    mentions: list[tuple[int, str]] = []
    for hit in ctx.reference_hits.within("place", lo, hi):
        word = words.get(unquoted(hit.phrase))
        if word is not None and word.code and ({"country", "demonym"} & word.kinds):
            mentions.append((hit.start, word.code))
    mentions.extend((h.start, h.country_code) for h in ctx.officials if lo <= h.start < hi and h.country_code)
    count: dict[str, int] = {}
    latest: dict[str, int] = {}
    for start, code in mentions:
        if code not in others and code != r.ALL:
            count[code] = count.get(code, 0) + 1
            latest[code] = max(latest.get(code, -1), start)
    return sorted(count, key=lambda c: (-count[c], -latest[c]))[:2]
