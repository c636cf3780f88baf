"""The pair of leaders a sentence names when no call phrase links them by grammar ("Sheinbaum y Trump hablaron",
"ambos mandatarios sostuvieron una llamada"), and the link a call phrase makes between two leaders."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.leaders import is_leader
from hotline.extract.officials import OfficialHit
from hotline.text import phrase_alternation

_PAIRS = RULES["pairs"]
_BOTH = re.compile(r"(?<![\w])(?:" + phrase_alternation(_PAIRS["both_leaders"]) + r")(?![\w])")
_SPOKEN_OF = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(_PAIRS["spoken_of"]) + r")[ \t]+(?:[\w'’.-]+[ \t]+){0,4}\Z"
)
"""Words a few words before a leader's name that make the leader a subject of the talk ("conversan por teléfono
sobre los aranceles de Trump"), not a side of it."""
_POSSESSED_PERSON = re.compile(
    r"['’]s[ \t]+(?:[\w-]+[ \t]+)?(?:" + phrase_alternation(_PAIRS["possessed_people"]) + r")(?![\w])"
)
"""A leader's possessive before one of their people ("Netanyahu's chief of staff", "the Emir of Qatar's special
envoy"): that person, not the leader, is on the line."""


@dataclass(frozen=True, slots=True)
class Link:
    """Two leaders a call phrase links, first the subject (or the first of "between A and B")."""

    first: OfficialHit
    second: OfficialHit
    how: str

    @property
    def key(self) -> frozenset[str]:
        return frozenset((self.first.official_id or "", self.second.official_id or ""))


def distinct(hits: list[OfficialHit]) -> list[OfficialHit]:
    seen: dict[str, OfficialHit] = {}
    for hit in hits:
        seen.setdefault(hit.official_id or "", hit)
    return list(seen.values())


def sentence_pair(ctx: ArticleContext, index: int) -> Link | None:
    """The pair of a sentence that names exactly two leaders, of two countries ("Sheinbaum y Trump hablaron"); or,
    when it speaks of "the two leaders" ("ambos mandatarios sostuvieron una llamada"), the previous sentence's."""
    key = ("sentence_pair", index)
    if key not in ctx.memo:
        pair = _two_leaders(ctx, index, "the two leaders the sentence names")
        sentence = ctx.sentences[index]
        if pair is None and index > 0 and _BOTH.search(ctx.folded, sentence.start, sentence.end):
            pair = _two_leaders(ctx, index - 1, "'the two leaders': the two the sentence before names")
        ctx.memo[key] = pair
    found: Link | None = ctx.memo[key]
    return found


_WITH_BOTH = re.compile(
    r"(?<![\w])(?:"
    + phrase_alternation(_PAIRS["fronted_links"])
    + r")\s+(?:"
    + phrase_alternation(_PAIRS["both_leaders"])
    + r")(?![\w])"
)
"""The other side of a call phrase that is "both leaders" ("had spoken with both leaders by phone")."""
_BOTH_NEAR = 24
"""How far from the call phrase its "with both leaders" may stand ("spoken *with both leaders* by phone")."""


def with_both(ctx: ArticleContext, cue: Cue, index: int, told: list[Link]) -> list[Link]:
    """The calls of a phrase whose other side is "both leaders" after a leader who is its subject ("Lourenço, the
    chair of the African Union, had spoken with both leaders by phone"): one with each of the two leaders of the
    calls ``told`` before it (the pair of the one call, or the two a round's caller spoke with)."""
    sentence = ctx.sentences[index]
    both = _WITH_BOTH.search(ctx.folded, max(sentence.start, cue.start - _BOTH_NEAR - 24), sentence.end)
    if both is None or both.start() - cue.end > _BOTH_NEAR or cue.start - both.end() > _BOTH_NEAR:
        return []
    before = [h for h in ctx.in_sentence("officials", index) if h.end <= both.start() and is_leader(ctx, h, None)]
    if not before or with_object(ctx, before[0]) or not told:
        return []
    subject = before[0]
    if len(told) == 1:
        two = [told[0].first, told[0].second]
    else:  # a round: the two leaders its caller spoke with
        a, b = told[-2:]
        caller = {a.first.official_id, a.second.official_id} & {b.first.official_id, b.second.official_id}
        two = [h for link in (a, b) for h in (link.first, link.second) if h.official_id not in caller]
    if len(caller_free := distinct(two)) != 2 or subject.country_code in {h.country_code for h in caller_free}:
        return []
    how = "'both leaders': the two of the calls told before, with the phrase's subject"
    return [Link(subject, hit, how) for hit in caller_free]


_WITH_OBJECT = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(_PAIRS["fronted_links"]) + r")\s+(?:(?:el|la|the|su|his|her)\s+)?(?:\w+\s+)?\Z"
)
""""with"/"con" right before a name or its title: the other side of someone's call."""


def _two_leaders(ctx: ArticleContext, index: int, how: str) -> Link | None:
    leaders = distinct(
        [
            h
            for h in ctx.in_sentence("officials", index)
            if is_leader(ctx, h, None)
            and not _SPOKEN_OF.search(ctx.folded, max(0, h.start - 48), h.start)
            and not _POSSESSED_PERSON.match(ctx.folded, h.end)
        ]
    )
    if len(leaders) == 2 and leaders[0].country_code != leaders[1].country_code:
        if all(with_object(ctx, h) for h in leaders):
            return None  # "en la conversación con Hun Manet ..., mientras que con Phumtham": both someone else's
        return Link(leaders[0], leaders[1], how)
    return None


def with_object(ctx: ArticleContext, hit: OfficialHit) -> bool:
    start = hit.title_span[0] if hit.title_span else hit.start
    return _WITH_OBJECT.search(ctx.folded, max(0, start - 24), start) is not None
