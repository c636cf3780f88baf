"""Whether a date of a call sentence is another event's: the day the call was announced ("said on Monday that she
had spoken with ..."), a date a noun of another event owns ("the summit on Friday"), a deadline ("until April 2"),
the article's own date ("Posted on ..."), or a date held by a relative clause or by the main clause while the call
is told in a subordinate one.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from hotline.extract.context import RULES, ArticleContext
from hotline.extract.dates import WEEKDAYS, DateExpr
from hotline.extract.published import PUBLICATION_CUE, PUBLICATION_GAP_WORDS
from hotline.extract.rules import load_rules
from hotline.text import phrase_alternation

_WORDS = re.compile(r"\w+")
_ANNOUNCEMENT_FILLERS = frozenset(RULES["announcement_fillers"])
_RELATIVE_CLAUSE = re.compile(
    r",\s+(?:whose|whom|who|which|where|when|cuyo|cuya|cuyos|cuyas|quien|quienes|que|donde|el cual|la cual)(?![\w])"
)
"""Opens a relative clause after a comma ("Lee, who took office last Wednesday, ..."): its dates are its own."""
_RELATIVE_TO_THE_CALL = re.compile(
    r"[\s,]*(?:" + phrase_alternation(RULES["relative_to_the_call"]) + r")\s+(?:(?:the|their|that|this|his|her|"
    r"la|el|esa|ese|esta|este|su)\s+)?\Z"
)
"""What stands between a date and the call phrase when the date is another event's, before or after the call."""
_ATTRIBUTED = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(RULES["announcement_attributions"]) + r")(?![\w])[^,;:.()]*\Z"
)
"""An attribution opened before the date, in its clause ("according to a statement read on Wednesday")."""
_LABEL = re.compile(r"[*_]*:")
"""A colon right after a date that opens its sentence: the label of what follows ("Today: ...", "Esta semana:")."""
_POSSESSIVE = re.compile(r"'s\s+")
"""A date in the possessive ("Sunday's result", "Thursday's 40-minute call"): it dates the noun it owns."""
_SINCE = re.compile(r"(?<![\w])(?:" + phrase_alternation(load_rules("dates")["since_clause_openers"]) + r")(?![\w])")
"""Opens a clause that counts from another event ("desde que asumió el cargo, el 8 de noviembre")."""
_TELLING_AFTER = re.compile(
    r"\s+(?:" + phrase_alternation(load_rules("dates")["telling_verbs_after_the_day"]) + r")(?![\w])"
)
"""A reporting verb right after a day ("on Monday said he had spoken ..."): the day the call was told of."""
_TELLING_OPENER = re.compile(
    r"[\W_]*(?:" + phrase_alternation(load_rules("dates")["telling_openers"]) + r")(?![\w])[^,;:()]*\Z"
)
"""The occasion of a telling opening the sentence up to a date ("Speaking to reporters in Sydney on")."""
_OWNED_CHARS = 25
"""How far the owned noun phrase reaches ("Thursday's long-awaited phone call")."""
_DEADLINE_GAP_WORDS = frozenset({"el", "the", "on", *WEEKDAYS})
"""Between a deadline marker and its date: an article, "on", a weekday ("desde el jueves 3 de abril")."""


def other_event(ctx: ArticleContext, date: DateExpr, sentence_start: int, cue_starts: list[int]) -> str | None:
    """``"announcement"`` when ``date`` is the day the call was told of ("said on Monday that ..."), ``"other"``
    when it belongs to another event of the sentence or is the article's own date ("Posted on ..."), else None.
    ``cue_starts``: where the sentence's call cues start, sorted."""
    folded, lex = ctx.folded, ctx.lex
    if (weekday := _restated(ctx, date)) is not None:  # "said on Friday (Jan 17)": the weekday's day, told again
        return other_event(ctx, weekday, sentence_start, cue_starts)
    for cue in PUBLICATION_CUE.finditer(folded, max(sentence_start, date.start - 40), date.start):
        if set(_WORDS.findall(folded, cue.end(), date.start)) <= PUBLICATION_GAP_WORDS:
            return "other"  # "Posted on ...", "a post published on Tuesday, 21 October": a page's date
    for marker in lex.within("deadline", max(sentence_start, date.start - 24), date.start):
        if set(_WORDS.findall(folded, marker.end, date.start)) <= _DEADLINE_GAP_WORDS:
            return "other"  # "until April 2", "desde el jueves 3 de abril": a deadline or a start, not the call's day
    before = bisect_left(cue_starts, date.start)  # the last cue before the date and the first after, by bisection
    previous = cue_starts[before - 1] if before else sentence_start
    following = cue_starts[before] if before < len(cue_starts) else None
    sentence_end = ctx.sentences[ctx.sentence_of(date.start)].end
    if _LABEL.match(folded, date.end) and not folded[sentence_start : date.start].strip(" *_#"):
        return "other"  # "This week: what Sunday's result means, a call that went unreported, ...": an issue's label
    if before == 0 and _opens_a_telling(ctx, date, sentence_start, following):
        return "announcement"  # "Speaking to reporters on Monday, Albanese said he had spoken with ..."
    if lex.find("other_event", date.end, min(date.end + 25, sentence_end)):
        return "other"
    owned = _POSSESSIVE.match(folded, date.end)
    if owned and lex.find("call_noun", owned.end(), min(owned.end() + _OWNED_CHARS, sentence_end)) is None:
        # "what Sunday's result means": the possessive day is the result's; "Sunday's call" is the call's
        return "other"
    if owned:  # "The White House said Wednesday's call focused on ...": the call's day, not the telling's
        return "other" if lex.find("other_clause", previous, date.start) is not None else None
    if following is not None and _RELATIVE_TO_THE_CALL.match(folded, date.end, following):
        return "other"  # "speaking in Tirana on Sunday before the conversation": the call came after Sunday
    for noun in lex.within("other_event", max(previous, date.start - 40), date.start):
        if lex.find("complementizer", noun.end, date.start) is None:
            return "other"  # "the summit on Friday"; not "en su conferencia matutina que ayer sostuvo ..."
    if (told := _TELLING_AFTER.match(folded, date.end)) and (following is None or told.end() <= following):
        return "announcement"  # "Fiala on Monday said he had spoken with ...": the call came on or before Monday
    if _ATTRIBUTED.search(folded, previous, date.start):
        return "announcement"  # "..., according to a statement read on state television on Wednesday"
    for verb in lex.within("announcement", max(sentence_start, date.start - _TOLD_AT_CHARS), date.start):
        if set(_WORDS.findall(folded, verb.end, date.start)) <= _ANNOUNCEMENT_FILLERS and date.start - verb.end <= 30:
            return "announcement"  # "said on Monday (that he had spoken ...)": the call came on or before it
        if _told_at(ctx, verb.end, date.start):
            return "announcement"  # "told reporters at the State Palace on Tuesday (that he had discussed ...)"
    if lex.find("other_clause", previous, date.start) is not None or _SINCE.search(folded, previous, date.start):
        return "other"
    if _RELATIVE_CLAUSE.search(folded, previous, date.start) and "," in folded[date.end : following or date.end + 80]:
        return "other"  # ", who took office last Wednesday,": a relative clause tells its own event
    if following is not None and before == 0 and _inside_relative_clause(folded, date.end, following):
        return "other"  # "spoke on Friday with Frederiksen, who told him of her call with Trump": the main clause's
    if following is not None and before == 0:
        opener = lex.find("other_clause", date.end, following)
        if opener is not None and "," not in folded[opener.end : following]:
            return "other"  # "began on Sunday, after Trudeau called ...": the main clause's day, not the call's
    return None


def _opens_a_telling(ctx: ArticleContext, date: DateExpr, sentence_start: int, following: int | None) -> bool:
    """Whether ``date`` lies in the occasion of a telling that opens the sentence, and the main clause after its
    comma tells, with an announcement verb, of the call that follows ("Speaking to reporters in Sydney on Monday,
    Mr Albanese said he had spoken with ...")."""
    if following is None or not _TELLING_OPENER.match(ctx.folded, sentence_start, date.start):
        return False
    comma = ctx.folded.find(",", date.end, following)
    return comma >= 0 and ctx.lex.find("announcement", comma, following) is not None


_OPEN_PARENTHESIS = re.compile(r"\s*\(\s*\Z")
_CLOSE_PARENTHESIS = re.compile(r"\s*\)")


def _restated(ctx: ArticleContext, date: DateExpr) -> DateExpr | None:
    """The weekday a date in parentheses right after it restates ("on Friday (Jan 17)", "el viernes (17 de
    enero)"): the two name one day, which plays one part in the sentence."""
    if date.kind != "absolute" or not _CLOSE_PARENTHESIS.match(ctx.folded, date.end):
        return None
    index = ctx.sentence_of(date.start)
    at = bisect_left(ctx.starts_in("dates", index), date.start)  # the date itself; the one before it, by bisection
    weekday = ctx.in_sentence("dates", index)[at - 1] if at else None
    if weekday is None or weekday.kind != "weekday" or weekday.end > date.start:
        return None
    return weekday if _OPEN_PARENTHESIS.match(ctx.folded, weekday.end, date.start) else None


_TOLD_AT = re.compile(
    r"(?P<before>(?:\s+\w+){0,3}?)\s+(?:at|in|from|en|desde)\s+(?:(?:the|a|an|his|her|their|la|el|los|las|su|sus)\s+)?"
    r"(?P<place>[^\W\d_][\w'’.-]*(?:\s+(?:of|de|del|la|el|[^\W\d_][\w'’.-]*)){0,4}?)"
    r"(?P<after>(?:\s+(?:on|this|last|early|late|el|este|esta|pasado|la|noche|tarde|manana)){0,3})\s+\Z"
)
"""An announcement verb, its fillers, then where it was told ("told reporters at the State Palace on", "said in Oslo
on", "declaró en el Palacio de Planalto el"): a place in capitals or an occasion of the telling."""
_TOLD_AT_CHARS = 80
_OCCASIONS = frozenset(RULES["announcement_occasions"])


def _told_at(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether ``ctx.text[start:end]`` (after an announcement verb, before a date) is fillers and one place or
    occasion of the telling, no call noun among them: the date is the day the call was told of, there."""
    found = _TOLD_AT.fullmatch(ctx.folded, start, end)
    if found is None or ctx.lex.find("call_noun", start, end) is not None:
        return False
    fillers = _WORDS.findall(ctx.folded, found.start("before"), found.end("before"))
    fillers += _WORDS.findall(ctx.folded, found.start("after"), found.end("after"))
    if not set(fillers) <= _ANNOUNCEMENT_FILLERS:
        return False
    place = found.group("place")
    written = ctx.text[found.start("place") : found.end("place")].split()
    named = all(word[0].isupper() for word in written if word not in ("of", "de", "del", "la", "el"))
    return named or " ".join(place.split()) in _OCCASIONS


def _inside_relative_clause(folded: str, start: int, cue_start: int) -> bool:
    """Whether the call phrase at ``cue_start`` lies in a relative clause opened after ``start`` and not yet closed."""
    last = None
    for found in _RELATIVE_CLAUSE.finditer(folded, start, cue_start):
        last = found
    return last is not None and "," not in folded[last.end() : cue_start]
