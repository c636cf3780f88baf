"""A call's number in its pair's series: "their third call", "su segunda conversación", "seven calls so far"."""

from __future__ import annotations

import re

from hotline.extract.clauses import COMMA_CLAUSE, break_search
from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.dates import NUMBERS, ORDINALS
from hotline.extract.dates import count_of as _number
from hotline.text import holds_any, phrase_alternation

_NUM = phrase_alternation(list(NUMBERS))
_ORD = phrase_alternation([*ORDINALS, *(f"{n}{s}" for n in range(1, 31) for s in ("st", "nd", "rd", "th"))])
_SEQUENCE_ORDINAL = re.compile(
    rf"(?<![\w])(?P<ord>{_ORD})\s+(?:(?:{phrase_alternation(RULES['ordinal_adjectives'])})\s+)?"
    rf"(?:(?:phone|telephone|telefonica)\s+)?(?P<noun>{phrase_alternation(RULES['count_nouns'])})(?![\w])"
)
"""'the sixth call', 'their third known call', 'su segunda conversación telefónica'."""
_OF_A_ROUND = re.compile(
    r"(?:\s+(?:de|of)\s+[\w'’]+)?\s+(?:with|con)\s+(?:a|an|un|una|another|otro|otra)\s"
    r"|,\s+(?:with|con)\s"
    r"|(?:\s+[\w'’]+){0,2}?\s+(?:as|como)\s+(?:" + phrase_alternation(RULES["ordinal_office_words"]) + r")(?![\w])"
)
"""After the call noun: 'first call with a head of state', 'segunda conversación de Jerí con un mandatario', 'La
primera llamada, con Montenegro, ...', 'his first call as head of government': a leader's own round, not a pair's
series."""
_ELLIPTIC_ORDINAL = re.compile(
    rf"(?<![\w])(?:their|su|sus|the\s+(?:two\s+)?(?:leaders|pair|men|women)['’]s?)\s+(?P<ord>{_ORD})"
    r"(?=\s*[,;.)]|\s+(?:this|in|since|of|en|desde|de|del|este|esta)(?![\w]))"
    rf"|(?<![\w])(?:the|la|el)\s+(?P<ord2>{_ORD})\s+(?=(?:since|desde|que\s+(?:ambos|los\s+dos|las\s+dos))(?![\w]))"
)
"""'The 45-minute conversation, their second this year', 'la llamada, su tercera en un mes', 'the call was the
leaders' second', 'fue la segunda que ambos mandatarios sostienen', 'the third since January': the call noun left
out."""
_TIME_ORDINAL = re.compile(
    rf"(?<![\w])(?P<ord>{_ORD})\s+(?:time|vez)(?:\s+[\w'’]+){{0,9}}?\s+(?:"
    + phrase_alternation(RULES["series_talk_verbs"])
    + r")(?![\w])"
)
"""'the second time this year that the two presidents have spoken by phone', 'la tercera vez que ambos mandatarios
conversan': a count of the pair's talks."""
_TIME_WORDS = ("time", "vez")  # every _TIME_ORDINAL holds one, after white space and before it
_SEQUENCE_COUNT = re.compile(
    rf"(?<![\w])(?:held|had|sostenido|tenido|sumado)\s+(?P<n>\d{{1,2}}|{_NUM})\s+(?:phone\s+|telephone\s+)?"
    r"(?:calls|conversations|llamadas|conversaciones)(?![\w])"
    r"|(?<![\w])(?P<n2>\d{1,2}|" + _NUM + r")\s+(?:phone\s+)?(?:calls|conversations|llamadas|conversaciones)"
    r"(?:\s+[\w.']+){0,3}?\s+(?:so\s+far|to\s+date|hasta\s+ahora|en\s+lo\s+que\s+va)(?![\w])"
)
_WITH_COUNTERPARTS = re.compile(
    r"\s+(?:with|con)\s+(?:[\w'’]+\s+){0,2}?(?:" + phrase_alternation(RULES["round_counterparts"]) + r")(?![\w])"
)
"""'held two calls with neighbouring heads of state': a leader's round, not a pair's count."""
_COUNTED_NOUNS = ("calls", "conversations", "llamadas", "conversaciones")  # every _SEQUENCE_COUNT holds one
_PLURAL_COUNT_NOUNS = frozenset(RULES["plural_count_nouns"])
_SINCE = re.compile(
    r"(?:\s+[\w'’]+){0,6}?\s+(?:"
    + phrase_alternation(RULES["first_since"])
    + r")(?:\s+[\w'’]+){0,3}?\s+(?:\d{4}|"
    + phrase_alternation(RULES["first_since_spans"])
    + r")(?![\w])"
)
"""'first call since December 2022', 'with Putin in almost two years': the first in a while."""
_SINCE_EVENT = re.compile(
    r"(?:,?\s+[\w'’]+){0,8}?,?\s+(?:" + phrase_alternation(RULES["first_since_event"]) + r")(?![\w])"
)
"""'the first between the two since Trump returned to office', 'la primera desde que asumió': the first since an event
is the first in a while, no place in the pair's series ('the second call since' still numbers)."""
_HEDGED = re.compile(
    r"(?<![\w])(?:at\s+least|al\s+menos|por\s+lo\s+menos|no\s+less\s+than)\s+(?:the|la|el|their|su)?\s*\Z"
)
"""'at least the third time the two have spoken': a count the text will not state."""
_FIRST_TIME_SINCE = re.compile(
    r"(?<![\w])(?:the\s+first\s+time|por\s+primera\s+vez)\s+(?:since|desde|en\s+(?:mas\s+de|casi))(?![\w])"
)
"""'for the first time since the pontiff was elected', 'por primera vez desde': the first in a while."""
_INDEFINITE_BEFORE = re.compile(r"(?<![\w])(?:a|an|un|una)\s+\Z")
"""'In a third call, ...': the third of a round, not the pair's third."""
_NOT_THE_ORDINAL = re.compile(
    r"(?<![\w])(?:(?:" + phrase_alternation(RULES["ordinal_negations"]) + r")\s+(?:the|la|el|su|their|his|her)"
    r"|(?:" + phrase_alternation(RULES["ordinal_settings"]) + r")\s+(?:the|la|el))\s+\Z"
)
"""'It was not the first call', 'no fue la primera llamada', 'En la primera conversación, ...' (the first of the
article's round): no place in the pair's series."""


def series_ordinals(ctx: ArticleContext) -> list[tuple[int, int, int]]:
    """Every ordinal that numbers a call in the pair's series, as (number, start, end) in text order: "the sixth
    call", "su tercera conversación", "their second call in less than a month", "the call, their second this
    year". Not "the first call since December" or "in two years" (the first in a while), "his first calls as prime
    minister" (a round), "a third call" (of a round), "not the first call", "in the first conversation", nor an
    ordinal in a sentence about a call still to come ("a third call is expected next week"). Read once per
    article."""
    found: list[tuple[int, int, int]] | None = ctx.memo.get("series_ordinals")
    if found is not None:
        return found
    found = ctx.memo["series_ordinals"] = []
    in_a_while = False  # a first call told as the first since a time or an event
    for start, end in _counting_sentences(ctx):
        for match in _SEQUENCE_ORDINAL.finditer(ctx.folded, start, end):
            if ORDINALS.get(match.group("ord")) == 1 and (
                _SINCE.match(ctx.folded, match.end()) or _SINCE_EVENT.match(ctx.folded, match.end())
            ):
                in_a_while = True
                continue
            if (
                match.group("noun") in _PLURAL_COUNT_NOUNS
                or _HEDGED.search(ctx.folded, max(0, match.start() - 24), match.start())
                or _INDEFINITE_BEFORE.search(ctx.folded, max(0, match.start() - 5), match.start())
                or _NOT_THE_ORDINAL.search(ctx.folded, max(0, match.start() - 24), match.start())
                or _OF_A_ROUND.match(ctx.folded, match.end())
                or _about_the_future(ctx, match.start())
            ):
                continue
            token = match.group("ord")
            found.append((ORDINALS.get(token) or int(re.sub(r"\D", "", token)), match.start(), match.end()))
        # "The conversation, their second this year": a later ordinal only ("their first" is ambiguous), and not one
        # after a call still to come ("a call is expected next week, their third this year").
        for match in _ELLIPTIC_ORDINAL.finditer(ctx.folded, start, end):
            number = ORDINALS.get(match.group("ord") or match.group("ord2")) or 0
            if number >= 2 and ctx.lex.find("future", start, match.end()) is None:
                found.append((number, match.start(), match.end()))
    for match in _time_ordinals(ctx.folded):
        number = ORDINALS.get(match.group("ord")) or 0
        hedged = _HEDGED.search(ctx.folded, max(0, match.start() - 24), match.start())
        if number >= 2 and not hedged and not _about_the_future(ctx, match.start()):
            found.append((number, match.start(), match.end()))
    firsts = any(ordinal[0] == 1 for ordinal in found)
    if firsts and (in_a_while or _FIRST_TIME_SINCE.search(ctx.folded)):  # "Putin spoke with Pope Leo for the first
        found[:] = [ordinal for ordinal in found if ordinal[0] != 1]  # time since his election": a headline's too
    found.sort(key=lambda ordinal: ordinal[1])
    return found


def _time_ordinals(folded: str) -> list[re.Match[str]]:
    """The matches of :data:`_TIME_ORDINAL` in text order, as ``finditer`` gives them, tried only at the word before
    each "time"/"vez" (every match opens with the ordinal right before one), not at every character of the text."""
    found: list[re.Match[str]] = []
    for at in _time_words(folded):
        before = at  # the white space before the word, then the ordinal's first character
        while before > 0 and folded[before - 1].isspace():
            before -= 1
        start = before
        while start > 0 and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
            start -= 1
        if start == before or (found and start < found[-1].end()):
            continue  # no word before, or inside the match before (``finditer`` does not overlap)
        if (match := _TIME_ORDINAL.match(folded, start)) is not None:
            found.append(match)
    return found


def _time_words(folded: str) -> list[int]:
    """Where "time" and "vez" stand as words between white space, in text order (``str.find``, in C)."""
    found = []
    for word in _TIME_WORDS:
        at = folded.find(word)
        while at != -1:
            end = at + len(word)
            if at > 0 and folded[at - 1].isspace() and end < len(folded) and folded[end].isspace():
                found.append(at)
            at = folded.find(word, end)
    return sorted(found)


def first_of_a_later_series(ctx: ArticleContext, cue: Cue) -> bool:
    """ "Their first telephone conversation, late last month, ..." in an article that numbers its call the second:
    the first call of the series is an earlier one."""
    ordinals = series_ordinals(ctx)
    return any(number >= 2 for number, _, _ in ordinals) and any(
        number == 1 and start <= cue.noun_start < end for number, start, end in ordinals
    )


def counted_calls(ctx: ArticleContext) -> tuple[int, str] | None:
    """A count of the pair's calls ("seven calls so far", "have held three calls"), with its words; not a leader's
    round ("held two calls with neighbouring heads of state")."""
    for start, end in (span for span in _counting_sentences(ctx) if holds_any(ctx.folded, _COUNTED_NOUNS, *span)):
        for count in _SEQUENCE_COUNT.finditer(ctx.folded, start, end):
            if not _about_the_future(ctx, count.start()) and not _WITH_COUNTERPARTS.match(ctx.folded, count.end()):
                return _number(count.group("n") or count.group("n2")), ctx.text[count.start() : count.end()]
    return None


def _counting_sentences(ctx: ArticleContext) -> list[tuple[int, int]]:
    """The spans of the sentences that name calls with a count noun, in text order: only they can number calls, so
    they are scanned, not the whole text."""
    return sorted(
        {(s.start, s.end) for s in (ctx.sentences[ctx.sentence_of(h.start)] for h in ctx.lex.all("count_noun"))}
    )


def _about_the_future(ctx: ArticleContext, offset: int) -> bool:
    """Whether the clause of ``offset`` speaks of what is to come ("a third call is expected next week"); a future
    in another clause of the sentence does not count ("their second call in four days, as Trump prepares to meet
    Putin next week")."""
    sentence = ctx.sentences[ctx.sentence_of(offset)]
    if ctx.lex.find("future", sentence.start, sentence.end) is None:
        return False
    start, end = _clause(ctx, sentence.start, sentence.end, offset)
    return ctx.lex.find("future", start, end) is not None


def _clause(ctx: ArticleContext, start: int, end: int, offset: int) -> tuple[int, int]:
    """The span of the clause that holds ``offset`` between ``start`` and ``end`` (a sentence)."""
    position = start
    while (stop := break_search(ctx.folded, position, offset, ctx.lex)) is not None:
        start = position = max(stop.end(), position + 1)
    for comma in COMMA_CLAUSE.finditer(ctx.folded, start, offset):
        start = comma.end()
    after = break_search(ctx.folded, offset, end, ctx.lex)
    comma = COMMA_CLAUSE.search(ctx.folded, offset, end)
    return start, min(m.start() for m in (after, comma) if m is not None) if after or comma else end
