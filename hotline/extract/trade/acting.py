"""Whether a party acts on a measure: a measure verb close after it ("Trump threatened", "India's Commerce
Ministry restricted"), close before it in a relative clause ("los aranceles que impuso Washington"), after "que"
in its own report ("Trump dijo que impondrá aranceles"), or a stance answered with the measure ("responded to
the U.S. tariffs with counter-tariffs")."""

from __future__ import annotations

import re

from hotline.extract.trade import rules as r
from hotline.extract.trade.parties import Party

_SKIP_APPOSITION = re.compile(r"\s*,[^,;:]{1,80},")  # "la Secretaría de Economía, encabezada por ..., impuso"
_OFFICE = re.compile(
    r"(?:'s)?\s+(?:[\w-]+\s+){0,2}?(?:ministry|department|office|agency|board|commission|council|cabinet|"
    r"ministerio|secretaria|departamento|oficina|agencia|consejo|comision)(?![\w])"
)
"""A country's office named after it: the country acts through it ("India's Commerce Ministry", "Zimbabwe's
Ministry of Mines and Mining Development"); its verb may follow the office's name."""
_WORD = re.compile(r"\s+[\w-]+")


def acts(text: str, e: Party) -> bool:
    """A measure verb follows the agent closely ("Trump threatened", "Trump, who imposed ...", "la Secretaría de
    Economía, encabezada por Ildefonso Guajardo, impuso ...")."""
    start = e.end
    apposition = _SKIP_APPOSITION.match(text, start)
    begins = [start, apposition.end()] if apposition else [start]
    office = _OFFICE.match(text, start)  # "Zimbabwe's Ministry of Mines and Mining Development warned ..."
    if office is not None:
        begins.extend(m.end() for m in _WORD.finditer(text, office.end(), office.end() + 60))
    for begin in begins:
        end = min(len(text), begin + r.VERB_REACH + 30)  # a cue that starts within reach
        for cue_start, _, value in r.STATUS.finditer(text, begin, end):
            if cue_start - begin > r.VERB_REACH:
                break
            if value not in (None, r.DENIED):
                return True
    return False


_WITH = re.compile(r"(?<![\w])(?:with|con)\s")


def answers_with(text: str, stance_end: int, start: int) -> bool:
    """The stance is toward another measure, answered with this one ("responded to the U.S. tariffs with
    counter-tariffs", "respondió a los aranceles con un gravamen"): the party imposes this one."""
    other = next(r.MEASURES.finditer(text, stance_end, start), None)
    return other is not None and _WITH.search(text, other[1], start) is not None


_THAT = re.compile(r"\s+(?:que|that)\s+")


def reports_own_act(text: str, verb_end: int) -> bool:
    """A speaker who reports what they will do, the subject left out ("Trump dijo que impondrá aranceles"): a
    measure verb right after "que"/"that"."""
    that = _THAT.match(text, verb_end)
    if that is None:
        return False
    return any(
        value not in (None, r.DENIED)
        for start, _, value in r.STATUS.finditer(text, that.end(), that.end() + r.VERB_REACH)
        if start == that.end()
    )


def acted_before(text: str, e: Party, lo: int) -> bool:
    """A measure verb just before the agent, in the verb-subject order of a relative clause ("los aranceles que
    impuso Washington", "que había impuesto el gobierno de Alberto Fernández")."""
    cues = r.STATUS.finditer(text, max(lo, e.start - 60), e.start)
    return any(v not in (None, r.DENIED) and e.start - end <= 30 for _, end, v in cues)
