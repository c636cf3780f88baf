"""Who placed the call, when the text says it: the subject of a calling verb ("Sánchez telefoneó a Erdoğan",
"Trump called Sheinbaum"), the leader a call came from ("recibió la llamada del mandatario chileno, Gabriel
Boric", "a call from Xi"), or the leader at whose request it took place ("at Putin's request", "a pedido de
Lula"). Only a participant of the call can be its initiator; with no such evidence it stays unknown.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.indirect_callers import by_description, by_surname, own_request
from hotline.extract.officials import OfficialHit
from hotline.extract.officials.patterns import title_role
from hotline.extract.rules import load_rules
from hotline.facts import Participant
from hotline.text import anchor_words, fold, holds_any, phrase_alternation

_RULES = RULES["initiator"]
_CALLING = re.compile(r"(?<![\w])(?:" + phrase_alternation(_RULES["calling_verbs"]) + r")(?![\w])")
_FILLER = r"(?:(?!(?:" + phrase_alternation(_RULES["not_fillers"]) + r")(?![\w]))[\w'’.,-]+[ \t]+)"
"""A word between the phrase and the name: titles and countries, never a link to someone else ("con", "with")."""
_FROM = re.compile(
    r"(?<![\w])(?:"
    + phrase_alternation(_RULES["call_nouns"])
    + r")(?:[ \t]+(?:"
    + phrase_alternation([*_RULES["call_when_words"], *_RULES["call_kind_words"]])
    + r")(?![\w])){0,3}[ \t]+(?:"
    + phrase_alternation(_RULES["call_from"])
    + r")(?![\w])[ \t]+"
    + _FILLER
    + r"{0,9}?\Z"
)


def _verb_just_before(verbs: list[str], words: int = 2) -> re.Pattern[str]:
    """One of ``verbs``, then at most ``words`` words, right before a call phrase (searched with the phrase's start
    as the end)."""
    return re.compile(
        r"(?<![\w])(?:" + phrase_alternation(verbs) + r")(?:[ \t]+[\w'’]+){0," + str(words) + r"}?[ \t]+\Z"
    )


_VERB_BEFORE = _verb_just_before(_RULES["calling_verbs"], 4)
"""A calling verb a few words before a phone phrase: "llamó anoche por teléfono a", "phoned late on Monday", "llamó
el pasado martes por teléfono"."""
_CALLED_TO = re.compile(
    r"[ \t]+(?:(?:had|has|also|then|ya|tambien)[ \t]+)*(?:"
    + phrase_alternation(_RULES["calling_verbs"])
    + r")[ \t]+(?:"
    + phrase_alternation(_RULES["called_for_purpose"])
    + r")[ \t]+[a-z]"
)
"""A calling verb with no object, then its purpose, right after a name: "Kristersson called to express", "Boric llamó
para ofrecer": the one named placed the call."""
_WHICH_BEFORE = re.compile(
    r"(?<![\w])(?:"
    + phrase_alternation(_RULES["call_nouns"])
    + r")[ \t]*,?[ \t]+(?:"
    + phrase_alternation(_RULES["call_relatives"])
    + r")[ \t]+"
    + _FILLER
    + r"{0,4}?\Z"
)
_PLACED_AFTER = re.compile(r"[ \t]+(?:" + phrase_alternation(_RULES["placed_after_name"]) + r")(?![\w])")
"""'the call, which Ms Takaichi requested', 'la llamada, que pidió Lula': the one named asked for it or placed it."""
_WHO_CALLED = re.compile(
    r"[ \t]*,[ \t]*(?:"
    + phrase_alternation(_RULES["relative_callers"])
    + r")[ \t]+(?:"
    + phrase_alternation(_RULES["calling_verbs"])
    + r")(?![\w])(?!\s+(?:"
    + phrase_alternation(RULES["not_call_after"])
    + r")(?![\w]))"  # "Milei, who has called for lower tariffs": an appeal
)
_WHOM_CALLED = re.compile(
    r"[ \t]*,[ \t]*(?:"
    + phrase_alternation(_RULES["relative_called"])
    + r")[ \t]+(?:(?:lo|la|le|had|has)[ \t]+)?(?:"
    + phrase_alternation(_RULES["calling_verbs"])
    + r")(?![\w])"
)
_FRONTED = re.compile(
    r"(?<![\w])(?:"
    + phrase_alternation(_RULES["fronted_call_nouns"])
    + r")[ \t]+(?:"
    + phrase_alternation(_RULES["fronted_placing"])
    + r")[ \t]+"
    + _FILLER
    + r"{0,4}?\Z"
)
"""'La llamada la hizo Lula': the call noun put first, a pronoun, the verb that placed it, then its subject."""
_CLITIC_BEFORE = re.compile(r"(?<![\w])(?:" + phrase_alternation(_RULES["object_clitics"]) + r")[ \t]+\Z")
"""An object pronoun right before the calling verb ("Me llamó el presidente Lee"): its subject comes after it."""
_PLACING = _verb_just_before(_RULES["placing_verbs"])
"""A verb that places a call a few words before it: "made a phone call to", "realizó este martes una llamada"."""
_PLACED_TO = re.compile(r"(?:[ \t]+[\w'’]+)?[ \t]+(?:" + phrase_alternation(_RULES["placed_to"]) + r")(?![\w])")
_WINDOW = 160
"""Characters read before a name for the phrase that says the call came from it or was placed at its request."""
_BY_REQUEST = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(_RULES["at_the_request_of"]) + r")(?![\w])[ \t]+" + _FILLER + r"{0,4}?\Z"
)
_MAX_CUES, _MAX_HITS = 8, 20
"""Call phrases and names read per call: a megabyte sentence of names stays linear."""
_BY_REQUEST_ANY = re.compile(r"(?<![\w])(?:" + phrase_alternation(_RULES["at_the_request_of"]) + r")(?![\w])")
_CLEFT_BEFORE = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(_RULES["cleft_openers"]) + r")[ \t]+(?:[\w'’.-]+[ \t]+){0,3}?\Z"
)
_CLEFT_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:"
    + phrase_alternation(_RULES["cleft_relatives"])
    + r")[ \t]+(?:"
    + phrase_alternation(_RULES["cleft_verbs"])
    + r")(?![\w])"
)
"""'Fue Chaves quien llamó', 'It was Milei who called': the name between names the caller."""
_ONE_WHO = re.compile(
    r"[ \t]+(?:"
    + phrase_alternation(_RULES["cleft_after_name"])
    + r")[ \t]+(?:"
    + phrase_alternation(_RULES["cleft_verbs"])
    + r")(?![\w])"
)
"""'Brown was the one who placed the call', 'Lula fue quien llamó': the name before names the caller."""
_PLACED_IT = re.compile(
    r"(?:[ \t]*,[ \t]*(?:"
    + phrase_alternation(_RULES["placed_relatives"])
    + r"))?[ \t]+(?:"
    + phrase_alternation(_RULES["placed_the_call"])
    + r")[ \t]+(?:[\w'’]+[ \t]+){0,2}?(?:"
    + phrase_alternation(_RULES["placed_call_nouns"])
    + r")(?![\w])|[ \t]+(?:"
    + phrase_alternation(_RULES["placed_it"])
    + r")(?![\w])|[ \t]+(?:"
    + phrase_alternation(_RULES["gave_a_call"])
    + r")[ \t]+(?:[\w'’]+[ \t]+){0,2}?an?[ \t]+(?:"
    + phrase_alternation(_RULES["given_call_nouns"])
    + r")(?![\w])"
)
"""'Lee initiated the call', "Merz placed Wednesday's call", 'Lula pidió la llamada', 'Marcos, who had requested the
call', "Samia initiated it", "the Ghanaian leader placing the call", "Trump gave Carney a call": the name
before placed it."""
_PASSIVE_AGENT = re.compile(
    r"[ \t]+(?:"
    + phrase_alternation(_RULES["passive_agents"])
    + r")[ \t]+(?!(?:"
    + phrase_alternation(_RULES["means_not_agents"])
    + r")(?![\w]))"
)
"""The agent of a calling verb in the passive ("was on Thursday telephoned by Tinubu"), not a phone ("called by
phone")."""
_SPANISH_CALLING = re.compile(r"(?:" + phrase_alternation(_RULES["spanish_calling_verbs"]) + r")\Z")
_PERSONAL_OBJECT = re.compile(r"(?<![\w])(?:" + phrase_alternation(_RULES["personal_objects"]) + r")(?![\w])")
_CLEFT_SENTENCES = 4
"""A cleft about the call follows its call phrase within this many sentences (the phrase's own included)."""
_ORDER_WORDS = {"latter": 1, "former": 0, "ultimo": 1, "primero": 0}
_INSTITUTIONS = {fold(k): v for k, v in load_rules("officials")["institutions"].items()}
_REQUEST_AFTER = re.compile(r"['’]s?[ \t]+(?:" + phrase_alternation(_RULES["request_nouns"]) + r")(?![\w])")


def find_initiator(
    ctx: ArticleContext, cues: list[tuple[Cue, int]], participants: list[Participant], *, nearby: bool = True
) -> tuple[str | None, str | None]:
    """The official id of the participant who placed the call and how the text says so, else (None, None).
    ``nearby``: also read the sentences after the call's (a request, a cleft); not for a call told in passing,
    whose next sentences tell of another."""
    if len(participants) < 2:
        return None, None
    ids = {p.official_id for p in participants}
    for cue, index in cues[:_MAX_CUES]:
        hits = [h for h in ctx.in_sentence("officials", index)[:_MAX_HITS] if h.official_id in ids]
        sentence_start = ctx.sentences[index].start
        verb = _calling_verb(ctx, cue, sentence_start)
        if verb is not None and _PASSIVE_AGENT.match(ctx.folded, verb[1]):
            verb = None  # "was telephoned by Tinubu": the agent after it called (read below as "telephoned by")
        if verb is not None:
            before = [h for h in hits if h.end <= verb[0]]
            if before and before[-1].official_id != _named_in(cue, hits):
                return before[-1].official_id, f"subject of '{ctx.text[verb[0] : verb[1]]}'"
            if not before and (titled := _titled_caller(ctx, verb[0], sentence_start, participants)) is not None:
                return titled  # "the King placed the call": the one participant who holds that title
            called = [h for h in hits if h.start >= verb[0]][:1]
            if (
                not before
                and called
                and (
                    _CLITIC_BEFORE.search(ctx.folded, max(0, verb[0] - 8), verb[0])
                    or _subject_after(ctx, verb, called[0])
                )
            ):
                return called[0].official_id, f"'{ctx.text[verb[0] : verb[1]]}' with its subject after it"
            if not before and called and len(ids) == 2:  # "He later made a phone call to Sisi": the other one
                caller = next(p for p in participants if p.official_id != called[0].official_id)
                return caller.official_id, f"'{ctx.text[verb[0] : verb[1]]}' {called[0].full_name}: the other called"
        for hit in hits:
            window = max(sentence_start, hit.start - _WINDOW)
            if ctx.lex.may_match("initiator_call", ctx.folded, window, hit.start) and _FROM.search(
                ctx.folded, window, hit.start
            ):
                return hit.official_id, f"the call came from {hit.full_name}"
            if _FRONTED.search(ctx.folded, window, hit.start):
                return hit.official_id, f"the call was placed by {hit.full_name}"
            if _CALLED_TO.match(ctx.folded, hit.end):
                return hit.official_id, f"{hit.full_name} called to do something"
            if _PLACED_AFTER.match(ctx.folded, hit.end) and _WHICH_BEFORE.search(ctx.folded, window, hit.start):
                return hit.official_id, f"the call, which {hit.full_name} asked for or placed"
            asked = ctx.lex.may_match("request", ctx.folded, window, hit.start)
            if (asked and _BY_REQUEST.search(ctx.folded, window, hit.start)) or _REQUEST_AFTER.match(
                ctx.folded, hit.end
            ):
                return hit.official_id, f"the call took place at {hit.full_name}'s request"
            if _WHO_CALLED.match(ctx.folded, hit.end):
                return hit.official_id, f"{hit.full_name} is who called"
            if len(ids) == 2 and _WHOM_CALLED.match(ctx.folded, hit.end):  # "Orsi, a quien llamó": the other one
                caller = next(p for p in participants if p.official_id != hit.official_id)
                return caller.official_id, f"{hit.full_name} is whom {caller.full_name} called"
        if (found := _surname_caller(ctx, index, participants, _CALLED_TO)) is not None:
            return found
    if not nearby:
        return None, None
    # "at the latter's request", "a petición de la Casa Blanca", in a call sentence or the one after it ("It was
    # held at the U.S. side's request").
    told = dict.fromkeys(j for _, i in cues[:_MAX_CUES] for j in (i, i + 1) if j < len(ctx.sentences))
    for index in told:
        found = (
            _requesting_side(ctx, index, participants)
            or own_request(ctx, index, participants)
            # "The Mexican president called to discuss", in a sentence that tells of no call of its own
            or (_surname_caller(ctx, index, participants, _CALLED_TO) if not ctx.in_sentence("cues", index) else None)
        )
        if found is not None:
            return found
    near = dict.fromkeys(
        j for _, i in cues[:_MAX_CUES] for j in range(i, min(i + _CLEFT_SENTENCES, len(ctx.sentences)))
    )
    for index in near:
        found = _cleft(ctx, index, participants)
        if found is not None:
            return found
    return None, None


def _subject_after(ctx: ArticleContext, verb: tuple[int, int], named: OfficialHit) -> bool:
    """A Spanish calling verb with the participant after it and no personal "a" between ("Por la tarde llamó
    Meloni", not "llamó a Meloni"): the one named is the verb's subject."""
    if not _SPANISH_CALLING.search(ctx.folded, verb[0], verb[1]):
        return False
    gap = ctx.folded[verb[1] : named.start]
    return len(gap) <= _WINDOW and _PERSONAL_OBJECT.search(gap) is None


def _titled_caller(
    ctx: ArticleContext, verb_start: int, sentence_start: int, participants: list[Participant]
) -> tuple[str, str] | None:
    """A title with no name right before the calling verb ("the King placed the call", "el presidente llamó"): the
    one participant who holds it."""
    spans = ctx.title_spans
    i = bisect_left(spans, (verb_start, verb_start)) - 1
    if i < 0 or spans[i][0] < sentence_start or not _TITLE_GAP.fullmatch(ctx.folded, spans[i][1], verb_start):
        return None
    holder = _one_holder(participants, title_role(ctx.reference, ctx.folded[spans[i][0] : spans[i][1]]))
    if holder is None:
        return None
    return holder.official_id, f"the {ctx.text[spans[i][0] : spans[i][1]]} ({holder.full_name}) placed it"


def _one_holder(participants: list[Participant], role: str | None) -> Participant | None:
    """The one participant who holds ``role``, if exactly one does."""
    holders = [p for p in participants if p.role == role] if role is not None else []
    return holders[0] if len(holders) == 1 else None


_TITLE_GAP = re.compile(r"[ \t]+(?:[\w'’]+[ \t]+){0,2}?")
"""Between a title and its verb: at most two words ("the King personally placed", "el presidente también llamó")."""


def _cleft(ctx: ArticleContext, index: int, participants: list[Participant]) -> tuple[str, str] | None:
    """The participant a cleft names as the caller: "Fue Chaves quien llamó", "It was Milei who called", "Mr Brown
    was the one who placed the call" (a participant's surname will do)."""
    ids = {p.official_id for p in participants}
    start = ctx.sentences[index].start
    for hit in ctx.in_sentence("officials", index)[:_MAX_HITS]:
        if (
            hit.official_id in ids
            and _CLEFT_AFTER.match(ctx.folded, hit.end)
            and _CLEFT_BEFORE.search(ctx.folded, max(start, hit.start - 40), hit.start)
        ) or (
            hit.official_id in ids and (_ONE_WHO.match(ctx.folded, hit.end) or _PLACED_IT.match(ctx.folded, hit.end))
        ):
            return hit.official_id, f"the text names {hit.full_name} as the caller"
    return _surname_caller(ctx, index, participants, _ONE_WHO) or _surname_caller(ctx, index, participants, _PLACED_IT)


def _surname_caller(
    ctx: ArticleContext, index: int, participants: list[Participant], pattern: re.Pattern[str]
) -> tuple[str, str] | None:
    """The participant whose surname, one the reference leaves unresolved, or whose country and office stand right
    before ``pattern`` in sentence ``index`` ("Mr Brown was the one who placed the call", "when Mr Brown phoned to
    offer condolences", "the Norwegian leader called to discuss")."""
    start, end = ctx.sentences[index].start, ctx.sentences[index].end
    if not holds_any(ctx.folded, _PATTERN_WORDS[pattern], start, end):
        return None  # none of the words every match holds: no search (it tries each space of the sentence)
    for found in pattern.finditer(ctx.folded, start, end):
        words = ctx.folded[max(start, found.start() - 40) : found.start()].split()
        if (named := by_surname(participants, words[-1:]) or by_description(ctx, words[-4:], participants)) is not None:
            return named.official_id, f"{named.full_name} placed the call"
    return None


_PATTERN_WORDS = {
    _CALLED_TO: anchor_words(_RULES["calling_verbs"]),
    _ONE_WHO: anchor_words(_RULES["cleft_verbs"]),
    _PLACED_IT: anchor_words([*_RULES["placed_call_nouns"], *_RULES["placed_it"], *_RULES["given_call_nouns"]]),
}
"""Per pattern :func:`_surname_caller` reads, words one of which every match holds (one per alternative's
required phrases): a sentence holding none is not searched."""

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
    for size in (3, 2, 1):  # "at the Prime Minister's initiative": the one participant holding that title
        for i in range(len(words) - size + 1):
            title = " ".join(words[i : i + size])
            if (holder := _one_holder(participants, title_role(ctx.reference, title))) is not None:
                return holder.official_id, f"'{title}' ({holder.full_name})"
    if (named := by_surname(participants, words)) is not None:  # "at Mr Martin's request"
        return named.official_id, f"'{named.full_name}'"
    for word in words:  # "the Korean side": a word that ends the name of one participant's country only
        ends = {c for w, c in ctx.reference.country_words.items() if c in by_country and w.endswith(" " + word)}
        if len(ends) == 1:
            country = ends.pop()
            return by_country[country].official_id, f"'{word}' ({by_country[country].full_name}'s side)"
    return None


def _calling_verb(ctx: ArticleContext, cue: Cue, sentence_start: int) -> tuple[int, int] | None:
    """The span of the calling verb of a call phrase: the phrase itself ("called", "telefoneó"), a verb a few words
    before a phone phrase ("llamó anoche por teléfono"), or one that places the call to someone ("made a phone call
    to")."""
    verb = _CALLING.match(ctx.folded, cue.start)
    if verb is not None:
        return cue.start, verb.end()
    if cue.kind == "phone":
        before = _VERB_BEFORE.search(ctx.folded, max(sentence_start, cue.start - 40), cue.start)
        if before is not None:
            return before.start(), cue.end
    placing = _PLACING.search(ctx.folded, max(sentence_start, cue.start - 40), cue.start)
    if placing is not None and (cue.kind == "noun" or _PLACED_TO.match(ctx.folded, cue.end)):
        return placing.start(), cue.end  # "made a phone call to Sisi", "Chapo placed the call"
    return None


def _named_in(cue: Cue, hits: list[OfficialHit]) -> str | None:
    """The official named inside the call phrase itself ("called Sheinbaum"): the one called."""
    return next((h.official_id for h in hits if cue.start <= h.start and h.end <= cue.end), None)
