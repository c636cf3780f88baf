"""Did a call take place? ``held``, ``planned``, ``requested``, ``refused``, ``cancelled`` or ``denied``, from
the cue nearest the call phrase in its clause (rules: ``rules/call_status.yaml``), with that cue as evidence.

"Erdoğan did not rule out speaking by phone with Putin" is planned; "Abinader se negó a atender una llamada
de Henry" refused; "Kigali and Kinshasa both deny Kagame-Tshisekedi phone call" denied; "has not spoken with"
is no call at all (:data:`NO_CALL`). A cue after the call phrase counts only in the same clause ("a call that
was later cancelled"). "At the request of" and "as planned" are no cues: that call was held.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from hotline.extract.clauses import COMMA_CLAUSE, WORD, break_search, clause_end
from hotline.extract.gatherings import gathering_not_medium
from hotline.extract.lexicon import LexiconHits
from hotline.extract.rules import load_rules
from hotline.text import fold, holds_any, phrase_alternation, phrase_pattern

_RULES = load_rules("call_status")
HELD = "held"
NO_CALL = "no_call"
FINALITY = (HELD, "planned", "requested", "refused", "denied", "cancelled", NO_CALL)
"""Statuses from the least to the most final: a call scheduled, then called off, was cancelled."""
STATUSES = (HELD, "planned", "requested", "refused", "cancelled", "denied")

_CUES = {phrase: status for status, phrases in _RULES["statuses"].items() for phrase in phrases}
_ACCENTED_FUTURES = frozenset(_RULES["accented_futures"])
_CUES.update(dict.fromkeys(_RULES["no_call"], NO_CALL))
_NEGATED_CALLS = frozenset(_RULES["negated_calls"])
_CUES.update(dict.fromkeys(_NEGATED_CALLS, NO_CALL))
_TOOK_PLACE = re.compile(
    r"(?:\s+[\w'’.,-]+){0,10}?\s+(?P<done>" + phrase_alternation(_RULES["took_place"]) + r")(?![\w])"
)
"""After "no telephone conversation": said not to have taken place, a denial of a call someone claims."""
_NOT_TAKEN_PLACE = re.compile(
    r"(?<![\w])(?:no|not)[ \t]+(?:" + phrase_alternation(_RULES["took_place"]) + r")[ \t]+(?:[\w'’-]+[ \t]+)?\Z"
)
"""Before "ningún contacto telefónico": "No ha tenido lugar ...", said not to have taken place (Spanish order)."""
_SINCE = re.compile(r"\s+(?:since|desde|in recent|en los ultimos|en las ultimas)(?![\w])")
_BEFORE_ONLY = frozenset(" ".join(p.split()) for p in _RULES["planned_before"])
_CUES.update(dict.fromkeys(_BEFORE_ONLY, "planned"))
VOCABULARIES = {
    "status_cue": [*_CUES, *_RULES["neutral"]],
    "in_person": _RULES["in_person"],  # an in-person encounter ("on the sidelines"): the call finder reads it too
    "multilateral": _RULES["multilateral"],
    "address": _RULES["addresses"],
    "claimed": _RULES["claimed"],
    "claim_verb": _RULES["claim_verbs"],
    "reported_by": _RULES["reported_by"],
    "clause_break": _RULES["clause_breaks"],
}
"""Phrase vocabularies of the status rules, also matched in the article's lexicon pass: a window with none of a
vocabulary's phrases is not searched (see :func:`_finditer`)."""
_CUE = re.compile(phrase_pattern(VOCABULARIES["status_cue"]))
_IN_PERSON = re.compile(phrase_pattern(VOCABULARIES["in_person"]))
_MULTILATERAL = re.compile(phrase_pattern(VOCABULARIES["multilateral"]))
_ADDRESS = re.compile(phrase_pattern(VOCABULARIES["address"]))
_ASSEMBLY_ADDRESS = re.compile(
    r"(?<![\w])(?:"
    + phrase_alternation(_RULES["assembly_address_verbs"])
    + r")\s+(?:[\w.'’-]+\s+){0,3}?(?:"
    + phrase_alternation(_RULES["assembly_nouns"])
    + r")(?![\w])"
)
"""A leader's address to an assembly with up to three words between ("addressed the Japanese parliament")."""
_ASSEMBLY_VERBS = tuple(_RULES["assembly_address_verbs"])
_GENERIC = re.compile(
    r"(?:(?:that|que)\s+)?(?P<det>" + phrase_alternation(_RULES["generic_call_determiners"]) + r")\s+(?!a\s|an\s)"
)
"""No call in particular ("such calls", "but that any call would ..."), past a "that" the phrase took as its own."""
_ANY_CALL = frozenset(_RULES["any_call_determiners"])
_NO_BEFORE = re.compile(r"(?<![\w])(?:no|not|any|ninguna|ningun)\s+\Z")
_HYPOTHESIS = re.compile(r"\s+\x22?(?P<modal>" + phrase_alternation(_RULES["hypothesis_modals"]) + r")(?![\w])")
_INDEFINITE = re.compile(r"(?<![\w])(?:a|an|un|una|such a)\s+(?:[\w'’-]+\s+){0,2}\Z")
_REFUSED_POSSESSED = re.compile(
    r"(?<![\w])(?P<verb>"
    + phrase_alternation(_RULES["refusing_verbs_of_a_possessed_call"])
    + r")\s+(?:[\w.-]+\s+){0,2}[\w.-]+\Z"
)
"""A verb of refusing whose object is a leader's call, the call phrase being the possessive ("Modi *declined*
Trump's calls", "had ignored Zelensky's call"): refused."""
_ADDRESS_GAP = 24
"""Characters at most between such an address and the call phrase that is its medium ("... parliament by video")."""
_POSTPONEMENTS = frozenset(_RULES["postponements"])
_RESCHEDULED = re.compile(
    r"(?:\s+[\w'’]+){0,2}?\s+"
    + phrase_alternation(_RULES["rescheduled_prepositions"])
    + r"\s+"
    + phrase_alternation(_RULES["rescheduled_times"])
    + r"(?![\w])"
)
"""The later time a postponed call moved to: " to next week", " hasta el lunes"."""
_INSERT_BEFORE = re.compile(r",(?P<insert>[^,;:]{1,160}),\s*(?:(?:a|an|the|una|un|la|el|su)\s+)?\Z")
"""An insert between commas right before the call phrase ("has asked, through diplomatic channels, for a ..."): its
words do not use up the clause's reach."""
_TO_BEFORE = re.compile(r"(?<![\w])to\s+\Z")
_ATTRIBUTIVE = re.compile(r"(?<![\w])(?:a|an|the|its|their|his|her|un|una|el|la|los|las|su|sus)\s+\Z")
"""A determiner right before a status word after the call phrase: it qualifies a noun of its own ("a planned
highway", "el previsto corredor"), not the call."""
_DOES_SO_LATER = re.compile(phrase_pattern(_RULES["does_so_later"]))
"""After a call not had yet, the plan to have it ("has not yet spoken with La'auli but expects to do so")."""
CLAIMED = re.compile(
    phrase_pattern(_RULES["claimed"])
    + r"|(?<![\w])"
    + phrase_alternation(_RULES["claim_verbs"])
    + r"(?:\s+[\w-]+){1,3}\s+(?:that|que)(?![\w])"
)
"""Words that tell a call as someone's claim ("reports claiming that ..."): the call a denial in the article denies."""
REPORTED_BY = re.compile(phrase_pattern(_RULES["reported_by"]))
"""Verbs that report one side's word for a call ("Trump said he had a great call with Xi")."""
DENIAL_OF_A_CLAIM = re.compile(phrase_pattern(_RULES["denials_of_a_claim"]))
"""A denial of what one side said with no call phrase of its own ("Mulino lo desmintió", "denied it")."""
_DENIAL_VERBS = tuple(_RULES["denial_verbs"])
_DENIED_HAVING = re.compile(
    r"(?<![\w])(?:" + "|".join(map(re.escape, _RULES["denial_verbs"])) + r")\s+(?:[\w'’]+\s+){1,3}?"
    r"(?:" + "|".join(map(re.escape, _RULES["denial_objects"])) + r")(?![\w])"
)
"""A denial with a date or an adverb before what it denies: "negó este jueves haber mantenido", "denied on Monday
having spoken"."""
_DENIED_THAT = re.compile(
    r"(?<![\w])(?:" + "|".join(map(re.escape, _RULES["denial_verbs"])) + r")\s+(?:[\w'’]+\s+){0,3}?que\s+"
    rf"(?:[\w'’.,]+\s+){{1,{int(_RULES['denied_span_words'])}}}?"
    r"(?:"
    + "|".join(_RULES["denied_subjunctives"])
    + r")\s+(?:"
    + "|".join(_RULES["denied_participles"])
    + r")(?![\w])"
)
"""A denial of what others did, the speakers named between: "negó este martes que Putin y Zelenski hayan mantenido"."""
_SETTING = re.compile(
    r"(?<![\w])(?:" + "|".join(map(re.escape, _RULES["setting"])) + r")\s+(?:(?:a|an|the|their|una|la|su)\s+)?"
    r"(?:[\w-]+\s+)?\Z"
)
"""The call phrase as the setting of its clause ("in a phone call", "en una videollamada"): what was asked or
refused there was asked in a call that took place."""
_ASKED_IN_THE_CALL = frozenset({"requested", "refused"})
_OVERTAKEN = frozenset({"planned", "requested"})
"""Statuses a later word in the clause overtakes ("a planned call ... was postponed", "sought a call ... refused")."""
_OTHER_EVENT = re.compile(phrase_pattern(load_rules("calls")["other_event_nouns"]))
"""Another event named after the call phrase ("the visit", "la cumbre"): a cue beyond it is about that event."""
_QUESTION = re.compile(phrase_pattern(load_rules("calls")["question_cues"]))
"""A question the call's plan is asked in ("asked whether he planned to speak to ...", "preguntado sobre si")."""
_WINDOW_WORDS = int(_RULES["window_words"])
# Characters read before and after a call phrase: its clause is at most ``window_words`` words, and news words
# average well under 12 characters. Reading no further keeps each call phrase from reading its whole sentence,
# which made a megabyte "sentence" of call phrases quadratic (minutes for 100 KB).
_WINDOW_CHARS = 12 * _WINDOW_WORDS


@dataclass(frozen=True, slots=True)
class CallStatus:
    status: str  # one of STATUSES, or NO_CALL
    cue: str | None = None  # the folded cue phrase that decided it
    start: int | None = None  # its offsets in the text
    end: int | None = None

    @property
    def how(self) -> str:
        return f"'{self.cue}' before or after the call phrase" if self.cue else "no cue: the call is reported as held"


def _phrase(matched: str) -> str:
    """A matched cue as its phrase: single spaces, quotes dropped ('had "no intention" of': phrases match across
    double quotes, see :data:`hotline.text.SPACE`)."""
    return " ".join(matched.replace('"', " ").split())


def _status_of(cue: str) -> str | None:
    return _CUES.get(_phrase(cue))


def call_status(
    folded: str,
    call_start: int,
    call_end: int,
    sentence_start: int,
    sentence_end: int,
    *,
    spoken: bool = False,
    text: str | None = None,
    lex: LexiconHits | None = None,
) -> CallStatus:
    """The status of the call phrase at ``folded[call_start:call_end]`` within its sentence. ``spoken``: the
    phrase is a verb of speaking ("spoke", "hablaron"), which an in-person encounter in the sentence makes no
    call ("spoke for 45 minutes on the sidelines of the summit"). ``lex``: the article's lexicon pass, when the
    call phrase is in an article (with :data:`VOCABULARIES`)."""
    # Only a bounded window around the call phrase is read: linear in the text however long its sentences.
    window_start = max(sentence_start, call_start - _WINDOW_CHARS)
    window_end = min(sentence_end, call_end + _WINDOW_CHARS)
    # A semicolon joins another clause's event ("ya habían hablado de los aranceles; a finales de ese mes Lee recibió
    # a los líderes en la cumbre"): no encounter or cue of it speaks for this call phrase.
    window_start = max(window_start, folded.rfind(";", window_start, call_start) + 1)
    if (semicolon := folded.find(";", call_end, window_end)) >= 0:
        window_end = semicolon
    for encounter, name in ((_MULTILATERAL, "multilateral"), (_IN_PERSON, "in_person"))[: 2 if spoken else 1]:
        for found in _finditer(encounter, name, folded, window_start, window_end, lex):
            if encounter is _MULTILATERAL and gathering_not_medium(folded, found, window_start):
                continue  # "invited him to the G20 Leaders' Summit", "agreed to coordinate closely at the Group of
                # Seven summit": where someone goes or something happens, not how they spoke
            if found.start() >= call_end and (
                break_search(folded, call_end, found.start(), lex)
                or COMMA_CLAUSE.search(folded, call_end, found.start())
            ):
                continue  # "spoke to Carney this afternoon, Downing Street said, as European leaders step up ...":
                # another clause's subject
            return CallStatus(NO_CALL, _phrase(found.group()), found.start(), found.end())
    left = _clause_start(folded, window_start, call_start, text, lex)
    for found in _finditer(_ADDRESS, "address", folded, left, window_end, lex):
        if found.start() < call_end:  # "addressed the delegates by video link", "se dirigió por videoconferencia a"
            return CallStatus(NO_CALL, _phrase(found.group()), found.start(), found.end())
    addressed = holds_any(folded, _ASSEMBLY_VERBS, left, window_end)  # the verbs are rare: no search without one
    found = _ASSEMBLY_ADDRESS.search(folded, left, window_end) if addressed else None
    if found is not None and found.start() < call_end and call_start - found.end() <= _ADDRESS_GAP:
        return CallStatus(NO_CALL, _phrase(found.group()), found.start(), found.end())  # "addressed the Japanese
        # parliament by video link"; not "addressed parliament on Monday and later spoke by phone with ..."
    if (
        (generic := _GENERIC.match(folded, call_start))
        and (generic.group("det") in _ANY_CALL or not _HYPOTHESIS.match(folded, call_end))
        and not _NO_BEFORE.search(folded, max(0, call_start - 8), call_start)  # "no such conversation": a denial
    ):
        return CallStatus(NO_CALL, _phrase(generic.group("det")), generic.start(), generic.end("det"))  # "such calls"
    if (modal := _HYPOTHESIS.match(folded, call_end)) and _INDEFINITE.search(folded, left, call_start):
        return CallStatus("planned", modal.group("modal"), modal.start("modal"), modal.end())  # "a call would help"
    if folded.startswith(("'s", "’s"), call_start) and (refusal := _REFUSED_POSSESSED.search(folded, left, call_start)):
        return CallStatus("refused", _phrase(refusal.group("verb")), refusal.start(), refusal.end("verb"))
    best: re.Match[str] | None = None
    governing: list[re.Match[str]] = []  # status cues before the nearest: "declined an invitation to speak by phone"
    for match in _finditer(_CUE, "status_cue", folded, left, call_end, lex):
        if not _future_as_written(match, text):
            continue
        if best is not None and _status_of(best.group()) is not None:
            governing.append(best)
        best = match  # the nearest before the call phrase (or holding it: "has not spoken") wins
    denying = holds_any(folded, _DENIAL_VERBS, left, call_start)  # both patterns open on a denial verb
    for denials in (_DENIED_HAVING, _DENIED_THAT) if denying else ():  # "negó este jueves haber mantenido una
        for denial in denials.finditer(folded, left, call_end):  # ...", "negó que X y Y hayan mantenido" (its
            # participle may be the call phrase: "negó que Lula haya conversado por teléfono")
            if best is None or denial.end() > best.end():
                return CallStatus("denied", _phrase(denial.group()), denial.start(), denial.end())
    before = [best] if best is not None and _status_of(best.group()) is not None else []
    if before:
        if _status_of(before[0].group()) in ("planned", "requested") and (
            question := _QUESTION.search(folded, left, before[0].start())
        ):  # "Asked whether he planned to speak to Maduro, Petro did not answer": a question, no plan
            return CallStatus(NO_CALL, _phrase(question.group()), question.start(), question.end())
        if _status_of(before[0].group()) in _ASKED_IN_THE_CALL and _SETTING.search(folded, left, call_start):
            return CallStatus(HELD)  # "pidió a Trump, en una videollamada, que retire ...": asked during the call
        if _status_of(before[0].group()) == NO_CALL and (later := _DOES_SO_LATER.search(folded, call_end, window_end)):
            return CallStatus("planned", _phrase(later.group()), later.start(), later.end())
        if _status_of(before[0].group()) not in _OVERTAKEN:
            return _found(before[0])
    # "a call ... that had been scheduled for Monday was called off", "a planned call ... was postponed": the most
    # final word in the clause wins
    right_end = min(sentence_end, call_end + 2 * _WINDOW_CHARS)  # names and titles after it use up no reach
    found = before + (governing if before else []) + _cues_after(folded, call_end, right_end, text, lex)
    if found and _planned_then_held(max(found, key=_finality), folded, call_end, right_end, text, lex):
        return CallStatus(HELD)
    return _found(max(found, key=_finality)) if found else CallStatus(HELD)


_NOT_BEFORE = re.compile(r"(?<![\w])(?:not|never|no|nunca|jamas)\s+(?:[\w'’-]+\s+)?\Z")


def _planned_then_held(
    top: re.Match[str], folded: str, call_end: int, window_end: int, text: str | None, lex: LexiconHits | None
) -> bool:
    """A call once only planned said in its own clause to have taken place ("the expected call between them took
    place on Tuesday", "la llamada prevista para el lunes se produjo el martes"): held."""
    if _status_of(top.group()) != "planned" or (done := _TOOK_PLACE.match(folded, call_end)) is None:
        return False
    right, _ = clause_end(folded, call_end, window_end, text, lex)
    start = done.start("done")
    return top.end() <= start and done.end() <= right and not _NOT_BEFORE.search(folded, max(0, start - 24), start)


def _finality(match: re.Match[str]) -> int:
    return FINALITY.index(_status_of(match.group()) or HELD)


def _cues_after(
    folded: str, call_end: int, window_end: int, text: str | None, lex: LexiconHits | None
) -> list[re.Match[str]]:
    """The status cues after the call phrase in its clause, up to another event it names or a neutral phrase."""
    right, relatives = clause_end(folded, call_end, window_end, text, lex)
    other = next(_finditer(_OTHER_EVENT, "other_event", folded, call_end, right, lex), None)
    right = other.start() if other else right  # "... tras esa conversación, la visita fue pospuesta": the visit's
    after: list[re.Match[str]] = []
    for match in _finditer(_CUE, "status_cue", folded, call_end, right, lex):
        if any(start <= match.start() < end for start, end in relatives):
            continue  # ", which had been expected this week,": the relative clause's verb, not the call's
        if not _future_as_written(match, text) or _phrase(match.group()) in _BEFORE_ONLY:
            continue  # "called Petro to talk with him about Venezuela": what for, not a plan
        if _ATTRIBUTIVE.search(folded, max(call_end, match.start() - 8), match.start()):
            continue  # "spoke by phone about a planned highway": the word describes another thing
        if match.group().startswith("to ") or _TO_BEFORE.search(
            folded, max(call_end, match.start() - 3), match.start()
        ):
            continue  # "agreed in a phone call to set up a working group", "... to arrange a visit": what for
        if _of_another_call(match, folded):
            continue  # "spoke by phone on Monday and agreed to speak again soon": the status of the next call
        if _phrase(match.group()) in _PLANS_WITH_AN_OBJECT and not _WORDS_OF_A_CALL.match(folded, match.end()):
            continue  # "and that he looked forward to productive discussions in Johannesburg": not a call planned
        if _status_of(match.group()) == "cancelled" and _cancels_another_thing(folded, match.end()):
            continue  # "tras otra conversación ..., Trump aplazó 90 días el alza": the rise was put off, not the call
        if _status_of(match.group()) is None:
            break  # a neutral phrase right after ("at the request of") settles it
        after.append(match)
    return after


_OBJECT_AFTER = re.compile(
    r"\s+(?:\d+\s+(?:days|weeks|months|dias|semanas|meses)\s+)?"
    r"(?:the|its|his|her|their|el|la|los|las|su|sus)\s+(?P<object>[\w-]+(?:\s+[\w-]+){0,2})"
)
_CALL_NOUNS = frozenset(" ".join(fold(noun).split()) for noun in load_rules("calls")["call_nouns"])
_TIME_WORDS = frozenset(_RULES["time_objects"])
_PLANS_WITH_AN_OBJECT = frozenset(_RULES["plans_with_an_object"])
_CALL_WORDS = _CALL_NOUNS | frozenset(_RULES["object_speaking_words"])
_WORDS_OF_A_CALL = re.compile(
    r"(?:\s+[\w'’\x22-]+){0,3}?\s+\x22?(?:" + phrase_alternation(sorted(_CALL_WORDS)) + r")(?![\w])"
)


def _of_another_call(match: re.Match[str], folded: str) -> bool:
    """A status cue after the call phrase that holds or governs a call phrase of its own ("... and agreed to *speak*
    again", "and said he would *call* him next week"): it is that call's status, not the one before."""
    if _status_of(match.group()) not in _OVERTAKEN:
        return False  # a call put off or refused after it was named is that call ("... was postponed")
    own = set(_phrase(match.group()).split()) & _CALL_WORDS
    return bool(own) or _WORDS_OF_A_CALL.match(folded, match.end()) is not None


def _cancels_another_thing(folded: str, verb_end: int) -> bool:
    """A verb of putting off followed by its own object that names no call ("postponed the tariff increase",
    "aplazó 90 días el alza"): it cancels that thing, not the call phrase before it."""
    found = _OBJECT_AFTER.match(folded, verb_end)
    if found is None or found.group("object").split()[0] in _TIME_WORDS:
        return False  # "was cancelled the same day", "se suspendió la semana pasada": when, not what
    return not any(word in _CALL_NOUNS for word in found.group("object").split())


def _finditer(
    pattern: re.Pattern[str], name: str, folded: str, start: int, end: int, lex: LexiconHits | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(folded, start, end)``, not run when the lexicon pass found none of its phrases (the
    vocabulary ``name``) there. A match in the window is a whole-word hit of the whole text too, unless ``end`` cuts
    a word (the cut may end a phrase the text does not): then the window is searched."""
    if lex is not None and not lex.may_match(name, folded, start, end):
        return iter(())
    return pattern.finditer(folded, start, end)


def _future_as_written(match: re.Match[str], text: str | None) -> bool:
    """A Spanish future cue ("hablará", "conversarán", "hablaré") folds like the past subjunctive ("hablara",
    "que Scholz conversara el viernes"): with the text at hand, the future needs its written accent."""
    phrase = _phrase(match.group())
    if text is None or phrase not in _ACCENTED_FUTURES:
        return True
    word = text[match.start() : match.end()].rstrip()
    return word.endswith(("á", "Á", "án", "ÁN", "é", "É"))


def _found(match: re.Match[str]) -> CallStatus:
    status = _status_of(match.group())
    assert status is not None
    phrase = _phrase(match.group())
    done = _TOOK_PLACE.match(match.string, match.end()) if phrase in _NEGATED_CALLS else None
    if done is not None and not _SINCE.match(match.string, done.end()):  # not "... has taken place since July"
        return CallStatus("denied", f"{phrase} ... {' '.join(done['done'].split())}", match.start(), done.end())
    before = _NOT_TAKEN_PLACE.search(match.string, max(0, match.start() - 40), match.start())
    if phrase in _NEGATED_CALLS and before is not None:  # "No ha tenido lugar ningún contacto telefónico entre ..."
        return CallStatus("denied", f"{' '.join(before.group().split())} {phrase}", before.start(), match.end())
    if phrase in _POSTPONEMENTS and (to := _RESCHEDULED.match(match.string, match.end())):
        return CallStatus("planned", f"{phrase}{to.group()}", match.start(), to.end())
    return CallStatus(status, phrase, match.start(), match.end())


def _clause_start(
    folded: str, window_start: int, call_start: int, text: str | None = None, lex: LexiconHits | None = None
) -> int:
    """Where the call phrase's clause starts: the last break before it, at most ``window_words`` words back (names
    and titles in capitals not counted: "desmintió que el presidente Ilham Aliyev y el primer ministro de Armenia,
    Nikol Pashinián, mantuvieran una conversación")."""
    start = window_start
    while (match := break_search(folded, start, call_start, lex)) is not None:  # ``_BREAK.finditer``
        start = match.end()
    words = [word.start() for word in WORD.finditer(folded, start, call_start)]
    if len(words) <= _WINDOW_WORDS:
        return start  # within the reach: no word to leave out or count
    if (insert := _INSERT_BEFORE.search(folded, start, call_start)) is not None:
        inside = range(insert.start(), insert.end("insert"))  # "ha solicitado formalmente, por los canales
        words = [at for at in words if at not in inside]  # diplomáticos ..., una conversación": not the clause's
    if len(words) > _WINDOW_WORDS and text is not None:  # fewer words than the reach: none to leave out
        words = [at for at in words if not text[at].isupper()]
    if len(words) > _WINDOW_WORDS:
        start = words[-_WINDOW_WORDS]
        for phrase in _CUE.finditer(folded, max(0, start - 24), min(call_start, start + 24)):
            if phrase.start() < start < phrase.end() and _status_of(phrase.group()) is None:
                return phrase.start()  # a neutral phrase the reach cuts ("Union's | plan to") is read whole
    return start
