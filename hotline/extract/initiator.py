"""Who placed the call, when the text says it: the subject of a calling verb ("Sánchez telefoneó a Erdoğan",
"Trump called Sheinbaum"), the leader a call came from ("recibió la llamada del mandatario chileno, Gabriel
Boric", "a call from Xi"), or the leader at whose request it took place ("at Putin's request", "a pedido de
Lula"). Only a participant of the call can be its initiator; with no such evidence it stays unknown.
"""

from __future__ import annotations

import re

from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.officials import OfficialHit
from hotline.extract.rules import load_rules
from hotline.facts import Participant
from hotline.text import fold, phrase_alternation

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
_BY_REQUEST_ANY = re.compile(r"(?<![\w])(?:" + phrase_alternation(_RULES["at_the_request_of"]) + r")(?![\w])")
_ORDER_WORDS = {"latter": 1, "former": 0, "ultimo": 1, "primero": 0}
_INSTITUTIONS = {fold(k): v for k, v in load_rules("officials")["institutions"].items()}
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
            lo = max(sentence_start, hit.start - 80)
            if ctx.lex.may_match("call_from", ctx.folded, lo, hit.start) and _FROM.search(ctx.folded, lo, hit.start):
                return hit.official_id, f"the call came from {hit.full_name}"
            asked = ctx.lex.may_match("request", ctx.folded, lo, hit.start)
            if (asked and _BY_REQUEST.search(ctx.folded, lo, hit.start)) or _REQUEST_AFTER.match(ctx.folded, hit.end):
                return hit.official_id, f"the call took place at {hit.full_name}'s request"
    # "at the latter's request", "a petición de la Casa Blanca", in a call sentence or the one after it ("It was
    # held at the U.S. side's request").
    told = dict.fromkeys(j for _, i in cues[:_MAX_CUES] for j in (i, i + 1) if j < len(ctx.sentences))
    for index in told:
        found = _requesting_side(ctx, index, participants)
        if found is not None:
            return found
    return None, None


_PARTY_WORDS = 4
"""Words read after "at the request of" (or before "'s request") for the side that asked."""


def _requesting_side(ctx: ArticleContext, index: int, participants: list[Participant]) -> tuple[str, str] | None:
    """The participant whose side asked for the call, named by its country, capital or seat of power ("a petición
    de la Casa Blanca", "at Washington's request", "at the request of the U.S. side") or as "the latter" / "the
    former" of the sentence's two leaders."""
    sentence = ctx.sentences[index]
    asked = ctx.lex.may_match("request", ctx.folded, sentence.start, sentence.end)
    for request in _BY_REQUEST_ANY.finditer(ctx.folded, sentence.start, sentence.end) if asked else ():
        words = ctx.folded[request.end() : sentence.end].split()[:_PARTY_WORDS]
        found = _side(ctx, words, participants, index)
        if found:
            return found[0], f"the call took place at the request of {found[1]}"
    for request in _REQUEST_AFTER.finditer(ctx.folded, sentence.start, sentence.end):
        words = ctx.folded[max(sentence.start, request.start() - 40) : request.start()].split()[-_PARTY_WORDS:]
        found = _side(ctx, words, participants, index)
        if found:
            return found[0], f"the call took place at {found[1]}'s request"
    return None


def _side(ctx: ArticleContext, words: list[str], participants: list[Participant], index: int) -> tuple[str, str] | None:
    """The participant a few words name by side: the first of them that is a country, a capital or an institution
    of a participant's country, or "the latter"/"the former"."""
    by_country = {p.country_code: p for p in participants}
    words = [w.strip(",;:'’\"").removesuffix("'s").removesuffix("’s") for w in words]
    for word in words:
        if word.rstrip(".") in _ORDER_WORDS:
            ids_on_call = {p.official_id for p in participants}
            named = [h for h in ctx.in_sentence("officials", index) if h.official_id in ids_on_call]
            ids = list(dict.fromkeys(h.official_id for h in named))
            if len(ids) == 2:
                return ids[_ORDER_WORDS[word.rstrip(".")]], f"'{word}'"
            return None
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            for candidate in (phrase, phrase.rstrip(".")):
                country = (
                    ctx.reference.country_by_name(candidate)
                    or ctx.reference.country_by_city(candidate)
                    or _INSTITUTIONS.get(candidate)
                )
                if country in by_country:
                    return by_country[country].official_id, f"'{candidate}' ({by_country[country].full_name}'s side)"
    return None


def _named_in(cue: Cue, hits: list[OfficialHit]) -> str | None:
    """The official named inside the call phrase itself ("called Sheinbaum"): the one called."""
    return next((h.official_id for h in hits if cue.start <= h.start and h.end <= cue.end), None)
