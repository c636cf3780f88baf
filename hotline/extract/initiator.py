"""Who placed the call, when the text says it: the subject of a calling verb ("Sánchez telefoneó a Erdoğan",
"Trump called Sheinbaum"), the leader a call came from ("recibió la llamada del mandatario chileno, Gabriel
Boric", "a call from Xi"), or the leader at whose request it took place ("at Putin's request", "a pedido de
Lula"). Only a participant of the call can be its initiator; with no such evidence it stays unknown.
"""

from __future__ import annotations

import re

from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.officials import OfficialHit
from hotline.facts import Participant
from hotline.text import phrase_alternation

_RULES = RULES["initiator"]
_CALLING = re.compile(r"(?<![\w])(?:" + phrase_alternation(_RULES["calling_verbs"]) + r")(?![\w])")
_FILLER = r"(?:(?!(?:" + phrase_alternation(_RULES["not_fillers"]) + r")(?![\w]))[\w'’.,-]+[ \t]+)"
"""A word between the phrase and the name: titles and countries, never a link to someone else ("con", "with")."""
_FROM = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(_RULES["call_from"]) + r")(?![\w])[ \t]+" + _FILLER + r"{0,5}?\Z"
)
_BY_REQUEST = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(_RULES["at_the_request_of"]) + r")(?![\w])[ \t]+" + _FILLER + r"{0,4}?\Z"
)
_MAX_CUES, _MAX_HITS = 8, 20
"""Call phrases and names read per call: a megabyte sentence of names stays linear."""
_REQUEST_AFTER = re.compile(r"['’]s?[ \t]+(?:" + phrase_alternation(_RULES["request_nouns"]) + r")(?![\w])")


def find_initiator(
    ctx: ArticleContext, cues: list[tuple[Cue, int]], participants: list[Participant]
) -> tuple[str | None, str | None]:
    """The official id of the participant who placed the call and how the text says so, else (None, None)."""
    if len(participants) < 2:
        return None, None
    ids = {p.official_id for p in participants}
    for cue, index in cues[:_MAX_CUES]:
        hits = [h for h in ctx.in_sentence("officials", index)[:_MAX_HITS] if h.official_id in ids]
        verb = _CALLING.match(ctx.folded, cue.start)
        if verb is not None:
            before = [h for h in hits if h.end <= cue.start]
            if before and before[-1].official_id != _named_in(cue, hits):
                return before[-1].official_id, f"subject of '{ctx.text[cue.start : verb.end()]}'"
        for hit in hits:
            sentence_start = ctx.sentences[index].start
            if _FROM.search(ctx.folded, max(sentence_start, hit.start - 80), hit.start):
                return hit.official_id, f"the call came from {hit.full_name}"
            if _BY_REQUEST.search(ctx.folded, max(sentence_start, hit.start - 80), hit.start) or _REQUEST_AFTER.match(
                ctx.folded, hit.end
            ):
                return hit.official_id, f"the call took place at {hit.full_name}'s request"
    return None, None


def _named_in(cue: Cue, hits: list[OfficialHit]) -> str | None:
    """The official named inside the call phrase itself ("called Sheinbaum"): the one called."""
    return next((h.official_id for h in hits if cue.start <= h.start and h.end <= cue.end), None)
