"""A measure on a group of countries the text does not list: named by the agreement they lack ("imports from
countries with which Mexico has no free trade agreement", "países sin tratado comercial") or, in a later sentence
of an article that named such a group, by "those countries" / "esos países". No code names that group: the
measure's target is null, as the labels write it, and the countries given after it as its examples ("entre ellos
China, Corea del Sur e India") are none of its targets. The row keeps :data:`GROUP_NOTE` in its evidence, so the
merge neither fills in a target from the article's other measures nor drops it for naming none.
"""

from __future__ import annotations

import re

from hotline.extract.context import ArticleContext
from hotline.extract.trade import rules as r
from hotline.extract.trade.groups import Group
from hotline.extract.trade.merge import GROUP_NOTE
from hotline.extract.trade.parties import Party

__all__ = ["GROUP_NOTE", "unlisted_group"]


def unlisted_group(ctx: ArticleContext, sentence_start: int, group: Group, lo: int, hi: int) -> re.Match[str] | None:
    """The words naming the unlisted group the measure of ``group`` is on, read in its window ``lo``..``hi``."""
    text = ctx.folded
    named = r.UNLISTED.search(text, lo, hi)
    if named is not None:
        return named
    again = r.UNLISTED_ANAPHORA.search(text, lo, hi)
    if again is not None and r.UNLISTED.search(text, 0, sentence_start) is not None:
        return again
    return None


def names_group(text: str, at: int) -> bool:
    """The word at ``at`` ("sin", "without") belongs to the words naming an unlisted group."""
    found = r.UNLISTED.search(text, max(0, at - _NOUN_REACH), at + _NOUN_REACH * 2)
    return found is not None and found.start() < at < found.end()


_NOUN_REACH = 40  # characters: from a group noun to what it lacks


def its_examples(text: str, unlisted: re.Match[str], targets: list[Party]) -> list[Party]:
    """The countries listed as examples of the group right after its words ("países sin tratado, entre ellos Corea
    del Sur, China e India"); not the origin of goods given as an example ("entre ellas los automóviles procedentes
    de China": a measure on China's cars)."""
    opener = r.EXAMPLES.search(text, unlisted.end(), unlisted.end() + _OPENER_REACH)
    if opener is None or not _TO_OPENER.fullmatch(text, unlisted.end(), opener.start()):
        return []
    listed: list[Party] = []
    at = opener.end()
    for t in sorted(targets, key=lambda t: t.start):
        if t.start < at:
            continue
        if not _LIST_GAP.fullmatch(text, at, t.start):
            break
        listed.append(t)
        at = t.end
    return listed


_OPENER_REACH = 60
_TO_OPENER = re.compile(r"[^.;:]*")  # the rest of the group's words ("con México,"), no sentence or clause end
_LIST_GAP = re.compile(r"(?:\s|,|(?<![\w])(?:and|y|e|the|el|la)(?![\w]))*")
