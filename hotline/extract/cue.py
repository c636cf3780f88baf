"""A call phrase found in an article: where it stands and what kind of phrase it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    kind: str  # phone | noun | talk | planned
    earlier: bool = False
    noun_start: int = 0
    calls_a_pronoun: bool = False  # "called her", "la llamó": the other side is a pronoun (pairs.pronoun_object)
    elided: bool = False  # "después de la que mantuvieron en marzo": an earlier call, its noun left out (elided.py)
