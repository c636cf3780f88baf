"""Call phrases a calling verb makes with the one it names: "Trump called Sheinbaum on Monday", "Chávez llamó
en la noche del miércoles a su homólogo colombiano", "Boko la llamó el lunes" (read by the article context)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from hotline.extract.cue import Cue
from hotline.extract.rules import load_rules
from hotline.text import phrase_alternation

if TYPE_CHECKING:
    from hotline.extract.context import ArticleContext

RULES: dict[str, Any] = load_rules("calls")

_GAP_WORD = re.compile(r"[\w'’.-]+")
_CALLED_MAX_GAP = int(RULES["called_max_gap_words"])
_CALLED_LINKS = frozenset(RULES["called_links"])
_POSSESSIVE = re.compile(r"['’]s?(?![\w])")
"""A name in the possessive is no one called ("called the German chancellor's move a ...")."""
_SUBJECT_BEFORE = re.compile(r"[ \t]+(?:[\w'’.-]+[ \t]+){0,3}")
"""The words between a passive calling verb and the name before it, its subject ("Carney on Monday was called by")."""
_CALLED_MAX_CHARS = 16 * _CALLED_MAX_GAP
_CALLED_STOP = re.compile(r"(?:[;:()\x22“”\n]|(?<![\w])(?:" + phrase_alternation(RULES["called_stops"]) + r")(?![\w]))")
_NAMING = re.compile(
    r"\s*(?:(?:" + "|".join(re.escape(w) for w in RULES["naming_after"] if w[0].isalpha()) + r")(?![\w])"
    r"(?!\s+(?:" + phrase_alternation(RULES["naming_times"]) + r")(?![\w]))"  # "called X the day after": a time
    r"|[" + "".join(re.escape(w) for w in RULES["naming_after"] if not w[0].isalpha()) + r"]"
    r"(?!\s*(?:" + phrase_alternation(RULES["quoted_when"]) + r")(?![\w])))"  # not 'call Zelensky "in the coming days"'
)
"""What follows a name that is called something ("called Sheinbaum a great leader", 'called Trudeau "Governor"')."""


def called_a_leader(ctx: ArticleContext) -> list[Cue]:
    """ "Trump called Sheinbaum on Monday", "Merkel called Russian Prime Minister Vladimir Putin", "Chávez llamó
    en la noche del miércoles a su homólogo colombiano, Juan Manuel Santos": a phone call, when the next name after
    the calling verb is reached through words that only time, link or title it (a date, "a su homólogo", a
    country, a capitalized title) and no naming phrase follows the name ("called Sheinbaum a great leader",
    "called the tariffs unjustified, Sheinbaum said" is no call)."""
    folded, officials = ctx.folded, ctx.officials
    order = [hit.start for hit in officials]  # officials are in text order
    date_starts = [d.start for d in ctx.dates]
    country_words = ctx.reference.country_words
    cues = []
    passive = ctx.lex.all("passive_call")
    for verb in (
        sorted([*ctx.lex.all("call_verb"), *passive], key=lambda h: h.start) if passive else ctx.lex.all("call_verb")
    ):
        i = bisect_left(order, verb.end)
        if i == len(officials) or (
            verb in passive and not (i and _SUBJECT_BEFORE.fullmatch(folded, officials[i - 1].end, verb.start))
        ):
            continue  # "Carney was called by Starmer": the passive's subject right before it, or no leaders' call
        named = officials[i]
        if named.start - verb.end > _CALLED_MAX_CHARS:
            continue  # too far for a name the verb calls; and no long slice per verb
        gap = folded[verb.end : named.start]
        if not gap or not gap[0].isspace() or _NAMING.match(folded, named.end) or _POSSESSIVE.match(folded, named.end):
            continue
        words = list(_GAP_WORD.finditer(folded, verb.end, named.start))
        if len(words) > _CALLED_MAX_GAP or _CALLED_STOP.search(gap):
            continue
        j = bisect_left(date_starts, verb.end)
        dated = [(d.start, d.end) for d in ctx.dates[j : j + 3] if d.end <= named.start]
        if all(
            w.group() in _CALLED_LINKS
            or w.group().strip(".,") in country_words
            or ctx.text[w.start()].isupper()
            or any(a <= w.start() < b for a, b in dated)
            for w in words
        ):
            cues.append(Cue(verb.start, named.end, "phone", noun_start=verb.start))
    return cues


_PRONOUN_AFTER = re.compile(r"[ \t]+(?:" + phrase_alternation(RULES["called_pronouns_after"]) + r")(?![\w])")
_RELATIVE_BEFORE = re.compile(r"(?<![\w])(?:quien|que|who|which)[ \t]+\Z")
"""A relative pronoun before the verb ("Peña, quien lo llamó"): the clause restates a call its sentence tells."""
_PRONOUN_BEFORE = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["called_pronouns_before"]) + r")[ \t]+\Z")


def called_a_pronoun(ctx: ArticleContext) -> list[Cue]:
    """ "Boko called her on Monday", "Boko la llamó el lunes": a call whose other side is a pronoun (see
    :func:`hotline.extract.pairs.pronoun_object`), unless a naming phrase follows ("called him a liar")."""
    cues = []
    for verb in ctx.lex.all("call_verb"):
        after = _PRONOUN_AFTER.match(ctx.folded, verb.end)
        relative = _RELATIVE_BEFORE.search(ctx.folded, max(0, verb.start - 8), verb.start)
        if after is not None and not relative and not _NAMING.match(ctx.folded, after.end()):
            cues.append(Cue(verb.start, after.end(), "phone", noun_start=verb.start, calls_a_pronoun=True))
        elif (before := _PRONOUN_BEFORE.search(ctx.folded, max(0, verb.start - 4), verb.start)) is not None and not (
            _RELATIVE_BEFORE.search(ctx.folded, max(0, before.start() - 8), before.start())
        ):
            cues.append(Cue(before.start(), verb.end, "phone", noun_start=before.start(), calls_a_pronoun=True))
    return cues
