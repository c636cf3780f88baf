"""A group of leaders named as a gathering, not as the medium of a call: where someone goes ("invited him to the
G20 Leaders' Summit") or where something happens in person ("agreed to coordinate closely at the Group of Seven
summit"), not "a video conference of G7 leaders"."""

from __future__ import annotations

import re

from hotline.extract.rules import load_rules
from hotline.text import phrase_alternation

_RULES = load_rules("call_status")
_EVENT_SETTING = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(_RULES["event_settings"]) + r")\s+(?:the\s+|la\s+|el\s+|a\s+|una\s+)?\Z"
)
_EVENT_AFTER = re.compile(r"(?:\s+[\w'’-]+)?\s+(?:" + phrase_alternation(_RULES["event_nouns"]) + r")(?![\w])")
_VIRTUAL = re.compile(r"(?<![\w])(?:" + phrase_alternation(_RULES["virtual_words"]) + r")(?![\w])")
_TOWARD = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, _RULES["toward"])) + r")\s+(?:[\w'’-]+\s+){0,5}\Z")


def gathering_not_medium(folded: str, found: re.Match[str], window_start: int) -> bool:
    """Whether the group ``found`` (a multilateral phrase) is where someone goes or an event held in person."""
    if _TOWARD.search(folded, max(window_start, found.start() - 32), found.start()):
        return True
    return _in_person_event(folded, found, window_start)


def _in_person_event(folded: str, found: re.Match[str], window_start: int) -> bool:
    """A group named as the gathering held in person where something happens ("at the Group of Seven summit", "en
    la cumbre del G20"), not as the participants of a conference ("a video conference of G7 leaders")."""
    before = max(window_start, found.start() - 32)
    return (
        _EVENT_SETTING.search(folded, before, found.start()) is not None
        and _EVENT_AFTER.match(folded, found.end()) is not None
        and _VIRTUAL.search(folded, before, found.end() + 24) is None
    )
