"""Earlier calls named again by a pronoun with the call noun left out, set against a numbered call just told:
"Es la segunda conversación telefónica entre ambos, después de la que mantuvieron en marzo", "Se trata de la
tercera llamada. La anterior se produjo el 1 de agosto", "their third call, after the one they held in May"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from hotline.extract.cue import Cue
from hotline.extract.rules import load_rules
from hotline.text import phrase_alternation

if TYPE_CHECKING:
    from hotline.extract.context import ArticleContext

RULES: dict[str, Any] = load_rules("calls")

_ELIDED = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["elided_earlier_calls"]) + r")(?![\w])")
_NUMBERED = re.compile(
    r"(?<![\w])(?:"
    + phrase_alternation(RULES["numbered_calls"])
    + r")\s+(?:[\w]+\s+){0,2}?(?:"
    + phrase_alternation(RULES["call_nouns"])
    + r")(?![\w])"
)
_REACH = int(RULES["elided_reach_chars"])


def elided_earlier_calls(ctx: ArticleContext) -> list[Cue]:
    """One earlier-call cue per elided phrase with a numbered call noun within reach before it, in its sentence or
    the one before (a numbered meeting gives none: "la segunda reunión ... la que mantuvieron")."""
    cues = []
    for found in _ELIDED.finditer(ctx.folded):
        index = ctx.sentence_of(found.start())
        start = ctx.sentences[max(0, index - 1)].start
        if _NUMBERED.search(ctx.folded, max(start, found.start() - _REACH), found.start()):
            cues.append(Cue(found.start(), found.end(), "noun", True, found.start(), elided=True))
    return cues
