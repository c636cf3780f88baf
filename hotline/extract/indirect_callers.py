"""Who placed a call, named without a name: by a surname the reference leaves unresolved ("at Mr Martin's
request"), by country and office ("the Norwegian leader called to discuss"), or by a pronoun: "the call, which he said
was made at his request" (outside quotes, the third person: the one participant its sentence names outside quotes),
'"La llamada fue a petición mía", dijo Mulino' (inside quotes, the first person: the speaker named right after the
quote, or the one participant named outside it).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from hotline.extract.context import RULES, ArticleContext
from hotline.facts import Participant
from hotline.text import QUOTE_REACH, fold, in_quote, phrase_alternation

_RULES = RULES["initiator"]
_THIRD = re.compile(r"(?<![\w])(?:" + phrase_alternation(_RULES["own_request_third"]) + r")(?![\w])")
_FIRST = re.compile(r"(?<![\w])(?:" + phrase_alternation(_RULES["own_request_first"]) + r")(?![\w])")
_MAX_HITS = 20
"""Names read per sentence: a megabyte sentence of names stays linear."""
_SPEAKER_REACH = 60
"""Characters after a closing quote read for its speaker ('", dijo Mulino', '," Anwar said')."""


def own_request(ctx: ArticleContext, index: int, participants: list[Participant]) -> tuple[str, str] | None:
    """The participant a pronoun in sentence ``index`` names as the caller, if the text says so unambiguously."""
    sentence = ctx.sentences[index]
    ids = {p.official_id for p in participants}
    for pattern, first_person in ((_THIRD, False), (_FIRST, True)):
        for found in pattern.finditer(ctx.folded, sentence.start, sentence.end):
            if in_quote(ctx.folded, found.start()) != first_person:
                continue  # "he" inside a quote, or "my" outside one: someone else's words
            speaker = _speaker_after_quote(ctx, found.end(), ids) if first_person else None
            named = speaker or _one_named_outside_quotes(ctx, index, ids)
            if named is not None:
                name = next(p.full_name for p in participants if p.official_id == named)
                return named, f"'{ctx.text[found.start() : found.end()]}' said by or of {name}"
    return None


def _one_named_outside_quotes(ctx: ArticleContext, index: int, ids: set[str]) -> str | None:
    named = {
        h.official_id
        for h in ctx.in_sentence("officials", index)[:_MAX_HITS]
        if h.official_id in ids and not in_quote(ctx.folded, h.start)
    }
    return named.pop() if len(named) == 1 else None


def _speaker_after_quote(ctx: ArticleContext, position: int, ids: set[str]) -> str | None:
    """The participant named within a few words after the quote that holds ``position`` closes."""
    close = ctx.folded.find('"', position, position + QUOTE_REACH)
    if close < 0 or "\n" in ctx.folded[position:close]:
        return None
    if "starts" not in ctx.memo.setdefault("own_request", {}):
        ctx.memo["own_request"]["starts"] = [h.start for h in ctx.officials]  # in text order
    i = bisect_right(ctx.memo["own_request"]["starts"], close)
    after = next((h for h in ctx.officials[i : i + 4] if h.official_id in ids), None)
    if after is None or after.start > close + _SPEAKER_REACH or '"' in ctx.folded[close + 1 : after.start]:
        return None
    return after.official_id


_HEAD_NOUNS = frozenset(RULES["leader_head_nouns"])


def by_description(ctx: ArticleContext, words: list[str], participants: list[Participant]) -> Participant | None:
    """The one participant of the country a few words name with a leader's head noun: "the Norwegian leader",
    "el mandatario chileno" (the words right before a calling verb)."""
    words = [w.strip(",;:'’\"") for w in words]
    pairs = {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}
    if not any(w in _HEAD_NOUNS for w in (*words, *pairs)):
        return None
    countries = {ctx.reference.country_by_name(w) for w in (*words, *pairs)} - {None}
    named = [p for p in participants if p.country_code in countries]
    return named[0] if len(named) == 1 and len(countries) == 1 else None


def by_surname(participants: list[Participant], words: list[str]) -> Participant | None:
    """The one participant whose surname (the last word of the full name) is one of ``words``: "Mr Martin's"."""
    words = [w.strip(",;:'’\"").removesuffix("'s").removesuffix("’s") for w in words]
    found = {p.official_id: p for p in participants for w in words if w and fold(p.full_name).split()[-1] == w}
    return next(iter(found.values())) if len(found) == 1 else None
