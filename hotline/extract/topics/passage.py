"""The sentences that belong to each call (:func:`call_block`), by discourse structure.

A call's *block* is the sentences reporting it, a sentence saying what was discussed (a readout's list, "Los
mandatarios abordaron ..."), and the sentences that follow one of these, in its paragraph or in a new paragraph
that goes on about the participants ("She said ..."), until the text moves to another event: another date (not
one inside what was discussed, nor one that dates a noun: "the earthquake of March 11"), another event named before
any discussion ("the summit", "la visita"), a sentence that opens on another time ("Earlier", "El año pasado"),
or one whose actors are other officials ("Foreign Minister X has held talks with Y on ...", "El ministro del
Interior habló por teléfono con ..."). What follows an open question is no claim; a list marker ("2.") of a
numbered readout does not end the passage. A sentence about an earlier call gives topics to that call.
"""

from __future__ import annotations

import re

from hotline.extract.calls import CallLayout
from hotline.extract.context import ArticleContext
from hotline.extract.officials.patterns import title_role
from hotline.extract.sentences import Sentence
from hotline.extract.topics.clauses import question_in
from hotline.extract.topics.hits import TOPIC_RULES
from hotline.extract.topics.rounds import Round, earlier_ids, named_call, round_of
from hotline.facts import CallMention
from hotline.text import phrase_alternation

__all__ = ["CONTINUES", "DISCUSSED", "EARLIER", "REPORTS", "SPEAKS", "call_block"]

_OTHER_TIME = re.compile(r"[\s\"'“”«»*—–-]*(?:" + phrase_alternation(TOPIC_RULES["other_time_openers"]) + r")(?![\w])")

# Why a sentence belongs to a call: the evidence's ``how``.
REPORTS = "in a sentence reporting the call"
EARLIER = "in a sentence about an earlier call"
DISCUSSED = "says what was discussed, in the call's passage"
CONTINUES = "continues the passage reporting the call"
SPEAKS = "a participant's words, in an article reporting the call"


def call_block(
    ctx: ArticleContext, layout: CallLayout, round_: Round | None = None
) -> dict[int, tuple[CallMention, str]]:
    """Sentence index → (the call it belongs to, why) for every sentence of a call's passage; one pass.
    ``round_`` is :func:`round_of` the layout, when the caller has it."""
    block: dict[int, tuple[CallMention, str]] = {}
    round_ = round_ or round_of(layout)
    current: CallMention | None = None
    last: Sentence | None = None  # the last sentence of the open passage
    everyone = {p.official_id for m in layout.mentions() for p in m.participants}
    encounters, discussions = ctx.firsts("encounter"), ctx.firsts("discussion")  # per sentence, read once
    for sentence in ctx.sentences:
        index = sentence.index
        # "2." of a numbered readout: the passage goes on
        if len(sentence.text) <= _LIST_MARKER_MAX and _LIST_MARKER.fullmatch(sentence.text):
            continue
        if index in layout.reference_sentences and _earlier_aside(ctx, sentence):  # "The leaders, who had also
            current, how = current or layout.reported, DISCUSSED  # spoken by phone earlier this month, did not ..."
        elif index in layout.reference_sentences:
            current, how = layout.reference_sentences[index], EARLIER
        elif index in layout.call_sentences or index in layout.other_reported_sentences:
            if _others_only(ctx, index, everyone):  # "The interior minister spoke by phone with ..."
                current = None
                continue
            if not (  # "... quedó fuera de la conversación", naming no one: the call its paragraph is about
                current is not None
                and last is not None
                and last.paragraph == sentence.paragraph
                and not ctx.in_sentence("officials", index)
            ):
                current = layout.call_of(index)
            how = REPORTS
        elif index in encounters or (  # "last met in person in July"
            (discussion := discussions.get(index)) is not None
            and _others_discuss(ctx, sentence, discussion.start, everyone)
        ):
            current = None
            continue
        elif (
            discussion is not None
            and (
                _participants_discuss(ctx, sentence, discussion.start, current or layout.call_of(index))
                or not (_moves_on(ctx, layout, sentence, discussion.start) or _in_the_perfect(ctx, sentence))
            )
        ) or _participant_tells(ctx, layout, sentence, current or layout.call_of(index)):
            new_paragraph = last is None or last.paragraph != sentence.paragraph
            if current is None or (new_paragraph and current.mention_id in earlier_ids(layout)):
                current = layout.call_of(index)
            how = DISCUSSED
        elif _moves_on(ctx, layout, sentence):
            current = None
            continue
        elif (
            current is not None
            and last is not None
            and question_in(ctx, last.start, last.end) is None  # what follows an open question is no claim
            and _continues(ctx, last, sentence, current)
        ):
            if _in_the_perfect(ctx, sentence) or _unvoiced(ctx, sentence) or _said_before(ctx, sentence):
                last = sentence  # background: the passage goes on past it
                continue
            how = CONTINUES
        elif _participant_speaks(ctx, layout, sentence):
            current, how = layout.call_of(index), SPEAKS
        else:
            current = None
            continue
        if current is not None:
            if how != EARLIER:
                current = named_call(ctx, round_, index, current)
            block[index] = (current, how)
            last = sentence
    return block


_LIST_MARKER = re.compile(r"\s*(?:\(?(?:\d{1,2}|[ivxIVX]{1,4}|[a-h])[.)]|[-•*–—])\s*")
_LIST_MARKER_MAX = 6
"""The longest sentence :data:`_LIST_MARKER` matches whole ("(viii)": a sentence is stripped of white space)."""


def _named(ctx: ArticleContext, index: int, start: int, end: int) -> set[str]:
    return {h.official_id for h in ctx.in_sentence("officials", index) if h.official_id and start <= h.start < end}


def _others_only(ctx: ArticleContext, index: int, participants: set[str]) -> bool:
    """A sentence that reports a call naming officials, none of them a participant of the article's calls, tells of
    another call ("El ministro del Interior habló por teléfono con ...")."""
    sentence = ctx.sentences[index]
    named = _named(ctx, index, sentence.start, sentence.end)
    return bool(named) and not named & participants


def _others_discuss(ctx: ArticleContext, sentence: Sentence, cue_start: int, participants: set[str]) -> bool:
    """ "Foreign Minister X has held talks with Y on ...", "... was blocked by Prime Minister X and will be discussed
    at a summit": officials who take no part in the article's calls are the subject of the discussion (named
    before it, with no verb of speech between that would make them report it)."""
    named = _named(ctx, sentence.index, sentence.start, cue_start)
    if not named or named & participants:
        return False
    return ctx.lex.find("speech", sentence.start, cue_start) is None and not _ACCORDING.search(
        ctx.folded, sentence.start, cue_start
    )


_ACCORDING = re.compile(r"(?<![\w])" + phrase_alternation(TOPIC_RULES["attributions"]) + r"(?![\w])")


def _participants_discuss(ctx: ArticleContext, sentence: Sentence, cue_start: int, call: CallMention | None) -> bool:
    """ "Ambos mandatarios hablaron de ...", "The two leaders also discussed ...": the participants are the subject
    of the discussion (named, or "both", "the two leaders" before the cue), so the sentence is the call's even when
    it dates another event further on ("the summit to be held in London on April 2") — unless it opens on
    another time ("Last year, the two leaders discussed ...")."""
    if call is None or _OTHER_TIME.match(ctx.folded, sentence.start, sentence.end):
        return False
    if ctx.lex.find("continuation", sentence.start, cue_start) is not None:
        return True
    participants = {p.official_id for p in call.participants}
    return any(
        h.official_id in participants and h.start < cue_start for h in ctx.in_sentence("officials", sentence.index)
    )


def _participant_tells(ctx: ArticleContext, layout: CallLayout, sentence: Sentence, call: CallMention | None) -> bool:
    """ "Meloni congratulated Milei on the October elections", "El emir felicitó a Tokayev por los preparativos de la
    cumbre": a participant (named, "both leaders", a leader's title) is the subject of a verb of what leaders tell
    each other on a call, so what follows it (an election, a summit, their dates) is what was said, not another
    event. Not when the sentence opens on another time or a date other than the call's stands before the verb."""
    verb = ctx.first_in("readout", sentence.index)
    if call is None or verb is None or _anchored_elsewhere(ctx, layout, sentence.index, verb.start):
        return False
    if _participants_discuss(ctx, sentence, verb.start, call):
        return True
    participants = {p.official_id for p in call.participants}
    named = _named(ctx, sentence.index, sentence.start, verb.start)
    return (
        not named - participants
        and not _OTHER_TIME.match(ctx.folded, sentence.start, sentence.end)
        and _opens_on_a_leader(ctx, sentence)
    )


def _continues(ctx: ArticleContext, last: Sentence, sentence: Sentence, call: CallMention) -> bool:
    """The sentence goes on about the call: next in the passage's paragraph, opening on a pronoun or a phrase
    that continues ("She", "Ambos", "Under the agreement"), or a new paragraph about a participant. A sentence
    that names officials, none of them a participant, tells what others did or said ("Foreign Minister X will
    travel to Washington ...")."""
    participants = {p.official_id for p in call.participants}
    named = {h.official_id for h in ctx.in_sentence("officials", sentence.index) if h.official_id}
    if named and not named & participants:
        return False
    if last.paragraph == sentence.paragraph and last.index == sentence.index - 1:
        return True
    if ctx.lex.at("continuation", _first_word(ctx, sentence)) is not None or _opens_on_a_leader(ctx, sentence):
        return True
    return bool(named & participants)


def _earlier_aside(ctx: ArticleContext, sentence: Sentence) -> bool:
    """ "The leaders, who had also spoken by phone earlier this month, did not discuss ...": every call phrase of the
    sentence stands in a relative clause set off by commas, so the earlier call is an aside and the main clause goes
    on about the passage's call."""
    folded = ctx.folded
    cues = ctx.starts_in("cues", sentence.index)
    return bool(cues) and all(
        _ASIDE_OPENS.search(folded, sentence.start, cue) and _ASIDE_CLOSES.match(folded, cue, sentence.end)
        for cue in cues
    )


_ASIDE_OPENS = re.compile(r",\s+(?:" + phrase_alternation(TOPIC_RULES["relative_pronouns"]) + r")\s+[^,;:.\"“”]*\Z")
_ASIDE_CLOSES = re.compile(r"[^,;:.\"“”]*,\s+\w")


def _in_the_perfect(ctx: ArticleContext, sentence: Sentence) -> bool:
    """ "Trump has threatened a 30% tariff on Mexican goods", "Noboa había impuesto un arancel": the main clause is
    in the perfect and no one is quoted, so the sentence tells what happened before the call: it claims nothing,
    and the passage goes on past it."""
    if ctx.first_in("speech", sentence.index) is not None:
        return False
    end = min(sentence.end, sentence.start + _PERFECT_REACH)
    return (
        _PERFECT.match(ctx.folded, sentence.start, end) or _STATE.match(ctx.folded, sentence.start, end)
    ) is not None


def _unvoiced(ctx: ArticleContext, sentence: Sentence) -> bool:
    """ "Shipments above the quota now pay a 50 per cent surtax", "El acuerdo crearía una zona de libre comercio":
    a sentence that goes on in the passage with no one's voice in it (no official, speech, readout or discussion
    verb, quote, attribution, pronoun or leader opening it, nor a first person or a stance) describes the world the
    call happened in: it claims nothing, and the passage goes on past it."""
    start, end, lex = sentence.start, sentence.end, ctx.lex
    if ctx.in_sentence("officials", sentence.index) or _VOICE.search(ctx.folded, start, end):
        return False
    opener = lex.at("continuation", _first_word(ctx, sentence))
    if (
        opener is not None
        and not (  # "El acuerdo ..." opens on the article, "Él ..." on the pronoun
            (opener.phrase in _HOMOGRAPHS and ctx.text[opener.start : opener.end].lower() == opener.phrase)
            or _COLLECTIVE.match(ctx.folded, opener.end, end)  # "Both economies face ...": not the leaders
        )
    ):
        return False
    return not any(lex.find(kind, start, end) for kind in ("speech", "readout", "discussion"))


_HOMOGRAPHS = frozenset(TOPIC_RULES["article_homographs"])
_COLLECTIVE = re.compile(r"\s+(?:" + phrase_alternation(TOPIC_RULES["non_leader_collectives"]) + r")(?![\w])")
_VOICE = re.compile(
    r"[\"“”«»]|(?<![\w])(?:"
    + phrase_alternation([*TOPIC_RULES["voice_words"], *TOPIC_RULES["attributions"]])
    + r")(?![\w])"
)


_PERFECT_REACH = int(TOPIC_RULES["background_tense_reach"])
_PERFECT = re.compile(  # a subject of a few words, then the auxiliary: no quote opens the sentence
    r"[\s*—–-]*(?:[^\s,;:\"'“”«»‘’]+\s+){1,6}?(?:"
    + phrase_alternation(TOPIC_RULES["background_auxiliaries"])
    + r")\s+(?:(?:"
    + phrase_alternation(TOPIC_RULES["background_adverbs"])
    + r")\s+){0,2}(?:\w+(?:"
    + "|".join(TOPIC_RULES["participle_endings"])
    + r")|"
    + phrase_alternation(TOPIC_RULES["irregular_participles"])
    + r")(?![\w])"
)


_STATE = re.compile(
    r"[\s*—–-]*(?:[^\s,;:\"'“”«»‘’]+\s+){1,6}?(?:"
    + phrase_alternation(TOPIC_RULES["background_states"])
    + r")(?![\w])(?!\s+(?:(?:"
    + phrase_alternation(TOPIC_RULES["background_state_not_before"])
    + r")|\w+(?:ing|ando|iendo))(?![\w]))"
)


def _opens_on_a_leader(ctx: ArticleContext, sentence: Sentence) -> bool:
    """ "The interim President assured ...", "Her Romanian counterpart ...", "El mandatario ecuatoriano ...": the
    sentence's subject is a leader by title or a counterpart (a determiner, a modifier or a country's word before
    it), so it goes on about a participant when no other official is named (:func:`_continues` checks that)."""
    folded, lex = ctx.folded, ctx.lex
    position = _first_word(ctx, sentence)
    for _ in range(_SUBJECT_WORDS):
        if lex.at("counterpart", position) is not None:
            return True
        title = lex.at("title", position)
        if title is not None:
            role = ctx.reference.roles.get(title_role(ctx.reference, title.phrase) or "")
            return role is not None and role.is_leader
        place = lex.at("place", position)
        word = _WORD.match(folded, position, sentence.end)
        if place is not None:
            position = place.end
        elif word is not None and word.group() in _SUBJECT_MODIFIERS:
            position = word.end()
        else:
            return False
        position = _LEAD.match(folded, position, sentence.end).end()
    return False


_SUBJECT_WORDS = 4
_SUBJECT_MODIFIERS = frozenset(TOPIC_RULES["title_subject_modifiers"])
_WORD = re.compile(r"[\w'-]+")


def _participant_speaks(ctx: ArticleContext, layout: CallLayout, sentence: Sentence) -> bool:
    """ "On the Ukraine crisis, Xi said ...": a participant of the reported call speaks (the sentence is not
    about another event, see :func:`_moves_on`, nor said before the call, see :func:`_said_before`)."""
    if layout.reported is None or ctx.first_in("speech", sentence.index) is None or _said_before(ctx, sentence):
        return False
    participants = {p.official_id for p in layout.reported.participants}
    return any(h.official_id in participants for h in ctx.in_sentence("officials", sentence.index))


def _said_before(ctx: ArticleContext, sentence: Sentence) -> bool:
    """ "Tusk has repeatedly said ...", "Sánchez dijo el mes pasado que ...": the sentence's first verb of speech
    is in the perfect or names another time right after it: the words were said before the call, background."""
    speech = ctx.first_in("speech", sentence.index)
    if speech is None:
        return False
    start, end = speech.start, speech.end
    return bool(
        _SAID_PERFECT.search(ctx.folded, sentence.start, start) or _OTHER_TIME.match(ctx.folded, end, sentence.end)
    )


_SAID_PERFECT = re.compile(
    r"(?<![\w])(?:"
    + phrase_alternation(TOPIC_RULES["background_auxiliaries"])
    + r")\s+(?:(?:"
    + phrase_alternation(TOPIC_RULES["background_adverbs"])
    + r")\s+){0,2}\Z"
)


def _first_word(ctx: ArticleContext, sentence: Sentence) -> int:
    match = _LEAD.match(ctx.folded, sentence.start, sentence.end)
    return match.end() if match else sentence.start


_LEAD = re.compile(r"[\s\"'“”«»*—–-]*")


def _moves_on(ctx: ArticleContext, layout: CallLayout, sentence: Sentence, dated_before: int | None = None) -> bool:
    """The sentence tells of another event: it opens on another time ("Earlier", "Last year"), is dated
    otherwise than the call, or names another event before saying anything was discussed. With
    ``dated_before`` (where a discussion verb stands), only a date before it counts: one after it dates what was
    discussed ("también trataron la cumbre que se celebrará el 9 de agosto")."""
    if _OTHER_TIME.match(ctx.folded, sentence.start, sentence.end):
        return True
    if _anchored_elsewhere(ctx, layout, sentence.index, dated_before):
        return True
    event = ctx.first_in("other_event", sentence.index)
    return event is not None and ctx.lex.find("discussion", sentence.start, event.start) is None


def _anchored_elsewhere(ctx: ArticleContext, layout: CallLayout, index: int, before: int | None = None) -> bool:
    """The sentence is dated (a day, a weekday, a month; before ``before`` if given), and its date is not the
    call's: it tells of another event."""
    dates = ctx.in_sentence("dates", index)
    if not dates or (not layout.date_keys and layout.weekday is None):
        return False
    months = {month for _, month, _ in layout.date_keys if month}
    for date in dates:
        if before is not None and date.start >= before:
            break  # dates are in text order
        if date.day is not None and _OF_DATE.search(ctx.folded, max(0, date.start - 5), date.start):
            continue  # "the earthquake of March 11", "el terremoto del 11 de marzo": it dates a noun, not the sentence
        if date.kind == "weekday":
            if date.weekday != layout.weekday:
                return True
        elif (date.kind == "absolute" and (date.year, date.month, date.day) not in layout.date_keys) or (
            date.kind == "month" and months and date.month not in months  # "en julio", "since April"
        ):
            return True
    return False


_OF_DATE = re.compile(r"(?<![\w])" + phrase_alternation(TOPIC_RULES["date_complements"]) + r"\s+\Z")
