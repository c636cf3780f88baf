"""The date a call phrase's own words give: written inside it ("a Jan. 12 call"), right before it as a possessive
("Thursday's call") or after a verb that holds it ("mantuvo ayer una conversación"), right after it ("the call on
Thursday"), in the relative clause that holds it ("una conversación que ... mantuvieron el miércoles"), or opening
its sentence when the sentence has no other ("El pasado viernes, ... Obama ya le había telefoneado"), or before the
"when" clause that holds it ("desde el 30 de octubre, cuando el monarca llamó a Sánchez"), or opening the clause
joined by "and"/"y" whose verb it is ("..., y ayer, lunes, conversó con Merkel").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.date_events import other_event
from hotline.extract.dates import DateExpr
from hotline.text import phrase_alternation

_ATTACH_GAP = re.compile(
    r"\s*,?\s*(?:(?:conocida|conocido|known|reported|publica|publicada)\s+)?"
    r"(?:(?:to|with|con|a)\s+(?:him|her|them|each\s+other|one\s+another|el|ella|ellos|ellas)\s+|(?:entre|between)\s+(?:ambos|ambas|"
    r"los\s+dos|las\s+dos|them|the\s+two|both)\s+)?"
    r"(?:(?:was|were|took\s+place|was\s+held|happened|occurred|came|fue|ocurrio|tuvo\s+lugar|se\s+produjo"
    r"|se\s+celebro|se\s+realizo|held|made|placed|conducted|mantenida|sostenida|celebrada|realizada|efectuada"
    r"|data|datan|se\s+remonta|se\s+remontan|dates(?:\s+back)?|dated|goes\s+back|went\s+back)\s+)?"
    r"(?:on|of|from|to|a|del|de|el|on the|este|this|last|el pasado|in|en|el mismo|ese mismo|on that very|that very|,)?"
    r"\s*"
)
"""What may stand between a call phrase and its date: "call took place on", "llamada tuvo lugar el", "last spoke to
him in", "la conversación entre ambos se remonta a", "their last call dates back to", "hablado por teléfono el mismo
28 de abril"."""
_ATTACH_CHARS = 32
"""How far after a call phrase its date may start."""
_POSSESSIVE = re.compile(r"['’]s\s+(?:(?:phone|telephone|video)\s+)?")
_WHEN_CLAUSE = re.compile(r"\s*,\s*(?:when|cuando)\s+[^,;:.()]{0,80}\Z")
"""A clause opened by "when" right after a date, the call phrase in it: the call of that day ("since Oct. 30, when the
king called Sánchez")."""


def attached_date(ctx: ArticleContext, cue: Cue, index: int) -> DateExpr | None:
    """The date of sentence ``index`` written inside the call phrase ("a Jan. 12 call"), right before it as a
    possessive ("Thursday's call") or right after it ("the call on Thursday"). Only dates starting between the
    cue's start and ``_ATTACH_CHARS`` past its end qualify: those are found by bisection, not by reading every
    date of the sentence for every cue."""
    dates = ctx.in_sentence("dates", index)
    starts = ctx.starts_in("dates", index)
    before = bisect_left(starts, cue.start)
    if before and _POSSESSIVE.fullmatch(ctx.folded, dates[before - 1].end, cue.start):
        return dates[before - 1]  # "Thursday's call", "Wednesday's phone conversation"
    if before and _between_verb_and_call(ctx.folded, dates[before - 1], cue.start):
        return dates[before - 1]  # "mantuvo ayer una conversación telefónica", "sostuvo este martes una llamada"
    if before and (opening := _opening_its_clause(ctx.folded, dates, before - 1, cue.start)) is not None:
        return opening  # "..., y ayer, lunes, conversó con Merkel", "..., and on Thursday he had called Ramaphosa"
    for i in range(before, bisect_right(starts, cue.end + _ATTACH_CHARS)):
        date = dates[i]
        if cue.start <= date.start and date.end <= cue.noun_start:
            return date
        if 0 <= date.start - cue.end <= _ATTACH_CHARS and _ATTACH_GAP.fullmatch(ctx.folded, cue.end, date.start):
            return date
    if before and _WHEN_CLAUSE.fullmatch(ctx.folded, dates[before - 1].end, cue.start):
        return dates[before - 1]  # "desde el 30 de octubre, cuando el monarca llamó a Sánchez", "in March, when they"
    if cue.kind != "talk":
        for i in range(before, bisect_right(starts, cue.end + _HELD_IN_CLAUSE_CHARS)):
            if dates[i].start >= cue.end and _HELD_IN_CLAUSE.fullmatch(ctx.folded, cue.end, dates[i].start):
                return dates[i]  # "una conversación telefónica que los presidentes X y Y mantuvieron el miércoles"
    return None


_HOLDING_VERB = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["holding_verbs"]) + r")(?:\s+\w+){0,3}?\s+\Z")
"""A verb of holding, then at most three words of the date's ("sostuvo la noche del lunes una conversación")."""


_HELD_IN_CLAUSE = re.compile(
    r"(?:\s+[\w-]+)?,?\s+(?:que|that|which)\s+(?:[\w'’.-]+\s+){0,10}?(?:"
    + phrase_alternation(RULES["holding_verbs"])
    + r")\s+(?:(?:on|in|el|la|en|last|this|este|esta|el pasado|la noche del)\s+)?\Z"
)
"""The call noun, then a relative clause whose verb holds it and whose date follows: "a phone call that the two
presidents held on Wednesday", "una conversación telefónica que los presidentes X y Y mantuvieron el miércoles"."""
_HELD_IN_CLAUSE_CHARS = 160


_DETERMINER_GAP = re.compile(r"\s*(?:(?:una|un|a|an|la|el|su)\s+)?")


_TO = (
    r"\s*(?:by\s+(?:tele)?phone\s+|por\s+telefono\s+|telefonica\s+|telephone\s+|phone\s+)?"
    r"(?:with|to|con|a|al|between|entre)\s+(?:[\w'’.-]+,?\s+){0,4}?"
)
_TO_THE_LEADER = re.compile(_TO + r"\Z")
"""From a call phrase to the leader it links: "conversation with Singapore Prime Minister ", "spoke by phone to ",
"conversación telefónica entre ", "con el presidente francés, "."""
_TO_A_LEADER = re.compile(_TO + r"(?:" + phrase_alternation(RULES["leader_head_nouns"]) + r")(?![\w])")
"""From a call phrase to a leader it names by office, not by name: "spoke with a South Korean leader", "habló con su
homólogo brasileño"."""
_AND_THE_LEADER = re.compile(r"\s+(?:and|y|e|&)\s+(?:[\w'’.-]+\s+){0,4}?\Z")
"""From one leader to a second the phrase links with him ("between Putin and Turkish President ")."""
_AND_WITH_THE_LEADER = re.compile(r"(?:,\s*|\s+)(?:and|y|e)\s+(?:with|to|con|a|al)\s+(?:[\w'’.,-]+\s+){0,5}?\Z")
"""From a coordinated clause's start to the leader it links to the same call phrase ("... with Trump on Friday
and with Japanese Prime Minister ", "... con Macron el martes y con el canciller alemán, ")."""
_LEADER_REACH = 80


def after_the_leader(
    ctx: ArticleContext, cue: Cue, index: int, participant_ids: tuple[str, ...] = ()
) -> DateExpr | None:
    """A date right after the leader(s) the call phrase links, only the words that may follow a call phrase between
    ("a conversation with Wong on Monday night", "habló por teléfono con Lula el martes", "la conversación entre
    Putin y Erdogan se produjo el 8 de septiembre", "last spoke with a South Korean leader on Dec. 15"): the call's
    own, whatever other day the sentence gives (the day of the statement that tells it). Not a possessive day
    ("with Modi on Tuesday's attack"). In a round the phrase links ("talks with Trump on Friday and with Ishiba on
    Monday"), the call of ``participant_ids`` takes the day after its own leader, not the first one's."""
    end = _the_leaders_end(ctx, cue, index, participant_ids)
    if end is None:
        return None
    dates = ctx.in_sentence("dates", index)
    after = bisect_left(ctx.starts_in("dates", index), end)
    date = dates[after] if after < len(dates) else None
    if date is None or date.start - end > _ATTACH_CHARS or not _ATTACH_GAP.fullmatch(ctx.folded, end, date.start):
        return None
    return None if _POSSESSIVE.match(ctx.folded, date.end) else date


def _the_leaders_end(ctx: ArticleContext, cue: Cue, index: int, participant_ids: tuple[str, ...]) -> int | None:
    """Where the leaders a call phrase links end: the leader named right after it and a second joined to him ("with
    Wong", "entre Putin y Erdogan"), else a leader told by office ("with his French counterpart"); when the first
    is none of ``participant_ids``, the call's leader a coordinated clause links ("and with Ishiba")."""
    hits = ctx.in_sentence("officials", index)
    first = bisect_left(ctx.starts_in("officials", index), cue.end)  # by bisection: a long sentence has many
    near = first < len(hits) and hits[first].start <= cue.end + _LEADER_REACH
    if near and _TO_THE_LEADER.fullmatch(ctx.folded, cue.end, hits[first].start):
        end = hits[first].end
        if participant_ids and hits[first].official_id and hits[first].official_id not in participant_ids:
            joined = (
                h.end
                for h in hits[first + 1 :]
                if h.official_id in participant_ids
                and _AND_WITH_THE_LEADER.search(ctx.folded, max(end, h.start - _LEADER_REACH), h.start)
            )
            return next(joined, end)
        if first + 1 < len(hits) and _AND_THE_LEADER.fullmatch(ctx.folded, end, hits[first + 1].start):
            end = hits[first + 1].end
        return end
    office = _TO_A_LEADER.match(ctx.folded, cue.end, cue.end + _LEADER_REACH)
    return office.end() if office else None


_TO_ITS_VERB = re.compile(
    r"\s*,?\s*(?:(?:he|she|they|ya|also|then|had|has|have|habia|habian|ha|han|tambien)\s+){0,3}\Z"
)
"""From the day opening a clause to its call verb: a pronoun and an auxiliary at most ("he had called")."""
_APPOSED_DAY = re.compile(r"\s*,\s*\Z")


def _opening_its_clause(folded: str, dates: list[DateExpr], last: int, cue_start: int) -> DateExpr | None:
    """The day that opens a clause joined by "and"/"y" and whose verb is the call phrase ("..., y ayer, lunes,
    conversó con Merkel", "..., and on Thursday he had called Ramaphosa"): the call of that clause's day, not the day
    the sentence opened with. ``last``: the sentence's last date before the phrase; a day set beside it after a comma
    ("ayer, lunes") opens the clause with it."""
    date = dates[last]
    if not _TO_ITS_VERB.fullmatch(folded, date.end, cue_start):
        return None
    first = last - 1 if last and _APPOSED_DAY.fullmatch(folded, dates[last - 1].end, date.start) else last
    opening = dates[first].start
    return date if _AND_THEN.search(folded, max(0, opening - 24), opening) else None


def _between_verb_and_call(folded: str, date: DateExpr, cue_start: int) -> bool:
    """A date between a verb of holding and the call phrase it holds ("mantuvo ayer una conversación")."""
    return _DETERMINER_GAP.fullmatch(folded, date.end, cue_start) is not None and bool(
        _HOLDING_VERB.search(folded, max(0, date.start - 40), date.start)
    )


def sentence_date(ctx: ArticleContext, index: int) -> DateExpr | None:
    """The date that opens a call sentence, when it is the sentence's only date and belongs to no other event
    ("El pasado viernes, tras el primer discurso de Mubarak, Obama ya le había telefoneado")."""
    key = ("sentence_date", index)  # once per sentence: a megabyte sentence of calls asks for every cue
    if key not in ctx.memo:
        dates = [d for d in ctx.in_sentence("dates", index)[:2] if not d.is_future]
        found = None
        if len(ctx.in_sentence("dates", index)) == 1 and len(dates) == 1 and opens_sentence(ctx, dates[0]):
            starts = ctx.starts_in("cues", index)
            found = dates[0] if other_event(ctx, dates[0], ctx.sentences[index].start, starts) is None else None
        ctx.memo[key] = found
    date: DateExpr | None = ctx.memo[key]
    return date


def opens_sentence(ctx: ArticleContext, date: DateExpr) -> bool:
    """A month that frames the call sentence ("In March, ... spoke by phone"): before any call phrase of it. A month
    further on belongs to an event the sentence adds ("since the downing of a jet in November")."""
    index = ctx.sentence_of(date.start)
    return all(date.end <= cue.start for cue in ctx.in_sentence("cues", index))


def naming_the_pair(
    ctx: ArticleContext, candidates: list[tuple[DateExpr, int, str]], participant_ids: tuple[str, ...]
) -> list[tuple[DateExpr, int, str]]:
    """The ``candidates`` (date, sentence, where) but those of a sentence that names someone besides the call's
    participants and not all of them, when another candidate's sentence names them all (by name or office): in a
    round of calls ("In Thursday's call, ... Ishiba expressed ..." and "On Friday morning, Albanese called Choi
    ..."), a day told with another leader is another call's. Else all of them."""
    wanted = {p for p in participant_ids if p}
    if len(wanted) < 2:
        return candidates
    named = {index: _named_in(ctx, index) for index in {index for _, index, _ in candidates}}
    kept = [item for item in candidates if wanted <= named[item[1]] or named[item[1]] <= wanted]
    if len(kept) == len(candidates) or not any(wanted <= named[index] for _, index, _ in kept):
        return candidates
    return kept


def _named_in(ctx: ArticleContext, index: int) -> frozenset[str]:
    """The officials sentence ``index`` names, by name or office: read once per sentence (a sentence of a hundred
    calls is asked by each of them)."""
    key = ("named_in", index)
    if key not in ctx.memo:
        ctx.memo[key] = frozenset(h.official_id for h in ctx.in_sentence("officials", index) if h.official_id)
    named: frozenset[str] = ctx.memo[key]
    return named


_AND_THEN = re.compile(r"(?:,\s*|\s+)(?:and|y|e)\s+(?:(?:on|el|la|this|este|esta|last|el pasado)\s+)?\Z")
"""What joins a clause that opens with its day ("..., and on Thursday he had called", "y el jueves había llamado")."""


def another_calls_clause(ctx: ArticleContext, date: DateExpr, index: int, participant_ids: tuple[str, ...]) -> bool:
    """A day opening a clause joined by "and"/"y" that tells a call with a leader who is none of ``participant_ids``,
    after a leader of theirs ("habló ese mismo día con Xi, y el jueves había llamado a Ramaphosa"): the day of that
    other call, not of this one."""
    if len(participant_ids) < 2 or not _AND_THEN.search(ctx.folded, max(0, date.start - 24), date.start):
        return False
    hits = ctx.in_sentence("officials", index)
    after = bisect_left(ctx.starts_in("officials", index), date.end)
    then = next((h for h in hits[after:] if h.official_id), None)
    if then is None or then.official_id in participant_ids:
        return False
    told = any(date.end <= cue.start < then.start for cue in ctx.in_sentence("cues", index))
    return told and any(h.official_id in participant_ids for h in hits[:after])
