"""The clause of a call phrase: where it ends (clause breaks, relative clauses it steps over) and how far its words
reach, read by :mod:`hotline.extract.call_status`."""

from __future__ import annotations

import re

from hotline.extract.lexicon import LexiconHits
from hotline.extract.rules import load_rules
from hotline.text import phrase_alternation, phrase_pattern

_RULES = load_rules("call_status")
RIGHT_WORDS = int(_RULES["right_window_words"])
# A participle after a comma opens a clause of its own (", discussing a plan to ...").
# A relative clause between commas (", who plans to visit Beijing in April,") speaks of its own verb.
_RELATIVE = r",\s*(?:" + "|".join(_RULES["relative_pronouns"]) + r")\b[^,;.]*,"
RELATIVE_CLAUSE = re.compile(_RELATIVE)
BREAK_MARKS = r"|" + _RELATIVE + r"|[;:!?]|\s[-–—]\s|,\s+[a-z]+ing(?![\w])"  # not ".": sentences are split already
BREAK = re.compile(phrase_pattern(_RULES["clause_breaks"]) + BREAK_MARKS)
MARK = re.compile(BREAK_MARKS[1:])
"""The breaks that are no words: the words are the lexicon's ``clause_break`` hits (:func:`break_search`)."""
COMMA_CLAUSE = re.compile(r",\s*(?:" + phrase_alternation(_RULES["comma_clause_openers"]) + r")(?![\w])")
"""A clause of another event after a comma ("..., as European leaders step up pressure"), besides the breaks."""
WORD = re.compile(r"\w+")


def break_search(folded: str, start: int, end: int, lex: LexiconHits | None) -> re.Match[str] | None:
    """``BREAK.search(folded, start, end)``: the first word of the lexicon's ``clause_break`` hits in the window,
    or the first mark (:data:`MARK`) before it. The window is searched whole when ``end`` cuts a word (the cut
    may end a break word the text does not) or there is no lexicon."""
    if lex is None or (0 < end < len(folded) and _WORD_CHAR.match(folded, end - 1, end + 1)):
        return BREAK.search(folded, start, end)
    mark = MARK.search(folded, start, end)
    word = lex.find("clause_break", start, end)
    if word is None or (mark is not None and mark.start() < word.start):
        return mark  # a word and a mark never start at the same character
    return BREAK.match(folded, word.start, end) or BREAK.search(folded, start, end)


_WORD_CHAR = re.compile(r"\w\w")  # a window's end between these two cuts a word


def clause_end(
    folded: str, call_end: int, window_end: int, text: str | None = None, lex: LexiconHits | None = None
) -> tuple[int, list[tuple[int, int]]]:
    """Where the call phrase's clause ends, and the relative clauses it steps over (", which had been expected this
    week, has been postponed"): their words neither end the clause nor use up its reach."""
    relatives: list[tuple[int, int]] = []
    position, end = call_end, window_end
    while (stop := break_search(folded, position, window_end, lex)) is not None:
        if not RELATIVE_CLAUSE.fullmatch(stop.group()):
            end = stop.start()
            break
        relatives.append(stop.span())
        position = stop.end() - 1  # the closing comma may open the next break
    counted, reach = 0, end
    words = WORD.finditer(folded, call_end, end)  # to the ``right_window_words``-th word, or the last: one ahead
    word = next(words, None)
    upper_before: bool | None = None  # the word before is capitalized (None: no word before)
    while word is not None:
        following = next(words, None)
        at = word.start()
        upper = text is not None and text[at].isupper()
        if relatives and any(start <= at < stop for start, stop in relatives):
            pass
        elif upper or (
            upper_before and following is not None and text is not None and text[following.start()].isupper()
        ):
            pass  # names and titles ("Prime Minister Anthony Albanese", "President of the Federated States of
            # Micronesia": a word between two capitalized ones) do not use up the reach
        else:
            counted += 1
            if counted == RIGHT_WORDS:
                return word.end(), relatives
            reach = word.end()
        upper_before, word = upper, following
    return reach, relatives
