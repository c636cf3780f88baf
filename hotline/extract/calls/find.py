"""The entry, :func:`find_calls`: which call phrases tell of a call held, and the calls they make.

Also the tests a call phrase must pass first: a phone phrase or call noun, not in a question, not a video
conference of many, or a title that names the call.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from hotline.extract.attached_dates import attached_date
from hotline.extract.call_status import HELD, NO_CALL, call_status
from hotline.extract.calls.earlier import (
    earlier_calls,
    referenced_calls,
    same_phrase,
    told_as_earlier,
    told_as_earlier_by_date,
)
from hotline.extract.calls.grouping import split_by_date, split_by_pair
from hotline.extract.calls.layout import CallLayout
from hotline.extract.calls.not_held import cue_statuses, headline_end, no_call, not_held_calls
from hotline.extract.calls.numbering import number_calls
from hotline.extract.calls.reported import reported_call
from hotline.extract.context import RULES, ArticleContext, Cue, with_audience
from hotline.extract.dates import DateExpr
from hotline.extract.leaders import is_leader
from hotline.extract.pairs import cue_links
from hotline.extract.rules import load_rules
from hotline.extract.sentence_pairs import sentence_pair
from hotline.extract.subjects import points_back
from hotline.facts import CallDate, CallMention
from hotline.text import fold, fold_text, phrase_alternation

_CALL_WORDS = frozenset({"call", "calls", "llamada", "llamadas", "phone call"})
_CONFERENCE_WORDS = frozenset(" ".join(fold(w).split()) for w in RULES["conference_words"])
_JOINED = re.compile(
    r"(?<![\w])(?:"
    + phrase_alternation(RULES["takes_part"])
    + r")\s+(?:(?:the|a|an|this|that|la|una|el|esa|esta)\s+)?\Z"
)
"""A verb of taking part right before a call phrase: "joined the call", "participó en la videoconferencia"."""
_JOINT = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["joint_words"]) + r")(?![\w])")
_JOINT_NEAR = 24
"""How far before or after a call phrase its "joint" may stand ("held a joint call", "una llamada conjunta")."""
CALL_TITLE = re.compile(
    r"(?<![\w])(?:" + phrase_alternation([*RULES["phone_cues"], *RULES["title_call_words"]]) + r")(?![\w])"
)
_PARTICIPLES = frozenset(RULES["talk_participles"])
_PERFECT = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["perfect_auxiliaries"]) + r")\s+(?:\w+\s+)?\Z")
_INDIRECT_QUESTION = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(RULES["indirect_questions"]) + r")(?![\w])[^.;:,]*\Z"
)
_QUESTION_REACH = 48
"""Characters back from a verb of calling or speaking to the indirect question it is the verb of."""
_TOOK_PLACE_AFTER = re.compile(
    r"[^.;:,]*?(?<![\w])(?:" + phrase_alternation(load_rules("call_status")["took_place"]) + r")(?![\w])"
)
"""The verb that asks whether a call took place, after the call noun ("... the conversation with Ali has taken
place")."""
TALK_TITLE = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["title_talk_verbs"]) + r")(?![\w])")


def _is_reference_cue(ctx: ArticleContext, cue: Cue, sentence_start: int) -> bool:
    return cue.earlier or ctx.lex.find("other_clause", sentence_start, cue.start) is not None


def _names_a_leader(ctx: ArticleContext, index: int) -> bool:
    """Whether sentence ``index`` names a leader (asked once per sentence, not once per cue in it)."""
    key = ("names_a_leader", index)
    if key not in ctx.memo:
        ctx.memo[key] = any(is_leader(ctx, h, None) for h in ctx.in_sentence("officials", index))
    return bool(ctx.memo[key])


def find_calls(ctx: ArticleContext) -> CallLayout:
    layout = CallLayout()
    cues = ctx.cues
    statuses = cue_statuses(ctx, cues)
    held = [
        c
        for c in cues
        if statuses[id(c)].status == HELD and not _in_a_question(ctx, c) and not _conference_of_many(ctx, c)
    ]
    held = _not_the_conference_again(ctx, cues, held)
    if _headline_only(ctx, held):
        held = []  # "Starmer on the phone" over "took part in a call with European leaders": no leaders' call
    said = any(_says_a_call(ctx, c) for c in held)
    if not said and any(_says_a_call(ctx, c) for c in cues if statuses[id(c)].status != NO_CALL):
        # The article's call by phone did not take place ("hablará esta tarde por teléfono con Boluarte"): a verb
        # of speaking tells of another call only when it links a leader ("conversó además con Luis Arce").
        held = [c for c in held if c.kind == "talk" and cue_links(ctx, c, ctx.sentence_of(c.start))]
        said = bool(held)
    by_title = not said and bool(held) and (_title_says_call(ctx) or _says_they_have_spoken(ctx, held))
    if not (said or by_title):
        return no_call(ctx, layout, cues, statuses)

    reference_cues: list[tuple[Cue, DateExpr, int]] = []
    primary_cues: list[tuple[Cue, int]] = []
    earlier_cues: list[tuple[Cue, int]] = []
    for cue in held:
        index = ctx.sentence_of(cue.start)
        sentence = ctx.sentences[index]
        date = attached_date(ctx, cue, index)
        earlier = (
            told_as_earlier(ctx, cue)
            or bool(earlier_cues and same_phrase(ctx, earlier_cues[-1][0], cue))
            or told_as_earlier_by_date(ctx, cue, date)
        )
        if cue.kind == "talk" and not earlier and not _names_a_leader(ctx, index):
            continue
        if date is not None and date.kind == "absolute" and _is_reference_cue(ctx, cue, sentence.start):
            reference_cues.append((cue, date, index))
        elif earlier:
            earlier_cues.append((cue, index))
        else:
            primary_cues.append((cue, index))
    reference_keys = {(d.month, d.day) for _, d, _ in reference_cues}
    still_primary = []
    for cue, index in primary_cues:
        date = attached_date(ctx, cue, index)
        if date is not None and date.kind == "absolute" and (date.month, date.day) in reference_keys:
            reference_cues.append((cue, date, index))
        else:
            still_primary.append((cue, index))
    primary_cues = still_primary
    if not primary_cues:  # only an earlier call is told held ("They last spoke in January"): it, and what did not
        layout = no_call(ctx, layout, cues, statuses)  # happen ("expects to speak with Xi soon")
        earlier_calls(ctx, layout, earlier_cues, layout.reported, first_index=1, statuses=statuses)
        return layout

    layout.call_sentences = {index for _, index in primary_cues}
    groups = split_by_date(ctx, split_by_pair(ctx, primary_cues))
    if by_title:  # the title names the call: only phrases that link two leaders tell of it
        groups = [(link, group) for link, group in groups if link is not None]
    if not groups:
        return no_call(ctx, layout, cues, statuses)
    reference_dates = {id(d) for _, d, _ in reference_cues}
    reported = [
        reported_call(ctx, group, reference_dates, call_index, link) for call_index, (link, group) in enumerate(groups)
    ]
    kept = [(call, group) for call, (_, group) in zip(reported, groups, strict=True) if len(call.participants) >= 2]
    if not kept:  # no two leaders on the line (a minister's call, an unknown speaker): no leaders' call held
        return no_call(ctx, layout, cues, statuses)
    reported = [replace(call, mention_id=f"{call.article_id}:{i}", call_index=i) for i, (call, _) in enumerate(kept)]
    reported = _dated_by_the_call_before(ctx, reported, [group for _, group in kept])
    main = reported[0]
    layout.reported = main
    layout.others = reported[1:]
    for other, group in zip(reported[1:], [group for _, group in kept[1:]], strict=True):
        for _, index in group:
            layout.other_reported_sentences[index] = other
    call_date = main.date
    layout.participant_ids = tuple(p.official_id for p in main.participants)
    layout.date_keys = {
        (call_date.year, call_date.month, call_date.day),
        (None, call_date.month, call_date.day),
    }
    layout.weekday = (
        call_date.weekday if call_date.weekday is not None else (call_date.date.weekday() if call_date.date else None)
    )
    referenced_calls(ctx, layout, reference_cues, call_date, list(main.participants), first_index=len(reported))
    earlier_calls(
        ctx,
        layout,
        earlier_cues,
        main,
        first_index=1 + max(m.call_index for m in layout.mentions()),
        statuses=statuses,
    )
    not_held_calls(ctx, layout, cues, statuses)
    number_calls(ctx, layout)
    return layout


_SAME_DAY = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["same_day_markers"]) + r")(?![\w])")
_LATER_STRETCH = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["later_stretch_markers"]) + r")(?![\w])")
_WEEK = 7


def _dated_by_the_call_before(
    ctx: ArticleContext, reported: list[CallMention], groups: list[list[tuple[Cue, int]]]
) -> list[CallMention]:
    """A call of a round told with no date of its own takes the date of the call told before it when the very
    phrase that linked that call links it ("He spoke with Petro about Venezuela and with Boric about trade": one
    verb, one time), or a word puts it on that call's day ("Posteriormente, el Presidente recibió una llamada de
    ...", "later that day", "also received a phone call from ..."); after "later in the week", "had since" it
    lies between that call's day and the publication date."""
    for i in range(1, len(reported)):
        call, before = reported[i], reported[i - 1]
        if call.date.precision != "unknown" or before.date.precision == "unknown":
            continue
        cue, index = min(groups[i], key=lambda item: item[0].start)
        if ctx.in_sentence("dates", index):
            continue  # a date in its sentence is its own ("He also spoke with Starmer in February")
        if any(c is cue for c, _ in groups[i - 1]):
            how = f"one phrase tells this call and the one before it: its date ({before.date.how})"
            reported[i] = replace(call, date=replace(before.date, how=how))
            continue
        if before.date.date is None:
            continue
        start = max(ctx.sentences[index].start, min(c.end for c, _ in groups[i - 1]))
        if (later := _LATER_STRETCH.search(ctx.folded, start, cue.end)) is not None and later.start() < cue.start:
            reported[i] = replace(call, date=_after(ctx, before.date.date, ctx.text[later.start() : later.end()]))
            continue  # never the same day
        marker = _SAME_DAY.search(ctx.folded, start, cue.end)
        # "also received" may hold the call phrase's verb; "esa misma noche llamadas" its determiner
        if marker is not None and marker.start() < max(cue.start, cue.noun_start):
            how = f"'{ctx.text[marker.start() : marker.end()]}': the day of the call told before it ({before.date.how})"
            reported[i] = replace(call, date=CallDate.on(before.date.date, "same_day", how))
    return reported


def _after(ctx: ArticleContext, day: dt.date, words: str) -> CallDate:
    """Bounds from the day of the call told before to the publication date ("Later in the week Heine also spoke
    with Albanese"); no date when the story's day is not known."""
    published = ctx.article.published_date
    if published is None or published < day:
        return CallDate(how=f"'{words}': after the call told before it, with no publication date to bound it")
    how = f"'{words}': after the call told before it ({day.isoformat()}), on or before the publication date"
    precision = "week" if (published - day).days <= _WEEK else "month"
    return CallDate(precision=precision, basis="after_the_call_before", how=how, earliest=day, latest=published)


def _headline_only(ctx: ArticleContext, held: list[Cue]) -> bool:
    """Only the headline tells of a call held, linking no two leaders, while the body's call words (a phone phrase
    or a call noun) all tell of none: a conference of many, a call planned or refused, "every call he has made".
    The headline sums that body up ("Starmer on the phone" over "took part in a call with European leaders")."""
    end = headline_end(ctx)
    if not held or end is None:
        return False  # no title line at the head of the text
    if any(c.start >= end or cue_links(ctx, c, ctx.sentence_of(c.start)) for c in held):
        return False
    return any(h.start >= end for name in ("phone", "call_noun", "call_with") for h in ctx.lex.all(name))


def _says_they_have_spoken(ctx: ArticleContext, held: list[Cue]) -> bool:
    """A leader says they have spoken with a leader abroad ("Montenegro said on Thursday he had spoken with Lula
    earlier this week", "Petro dijo que había hablado con Maduro") in an article that tells of no encounter in
    person: leaders far apart speak by phone."""
    if _met_in_person(ctx):
        return False
    for cue in held:
        if cue.kind != "talk" or ctx.folded[cue.start : cue.end] not in _PARTICIPLES:
            continue
        if _PERFECT.search(ctx.folded, max(0, cue.start - 24), cue.start) and cue_links(
            ctx, cue, ctx.sentence_of(cue.start)
        ):
            return True
    return False


_TO_COME = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(load_rules("call_status")["in_person_to_come"]) + r")\s+(?:[\w'’-]+\s+){0,3}\Z"
)


def _met_in_person(ctx: ArticleContext) -> bool:
    """Whether the article tells of an encounter in person (call_status's phrases) held, not only one still to come
    ("The leaders agreed to meet in person on the margins of the G7 Summit", "when they meet")."""
    return any(
        not hit.phrase.startswith(("when ", "cuando "))
        and _TO_COME.search(ctx.folded, max(0, hit.start - 48), hit.start) is None
        for hit in ctx.lex.all("in_person")
    )


_BY_VIDEO = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["video_words"]) + r")")
_THE = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["pointing_determiners"]) + r")\s+\Z")


def _not_the_conference_again(ctx: ArticleContext, cues: list[Cue], held: list[Cue]) -> list[Cue]:
    """The held cues but a video conference named again with a definite article after one that was a conference
    of many ("participó en la videoconferencia ... con una veintena de líderes" ... "La videoconferencia de este
    sábado es la continuación de la cumbre que Starmer organizó"): the same conference, no call of two; so is "the
    call" that links no two leaders when no other call was told since ("thanked the leaders after the call")."""
    kept_ids = {id(c) for c in held}
    first = next((c for c in cues if _is_conference(ctx, c) and id(c) not in kept_ids), None)
    if first is None:
        return held
    kept: list[Cue] = []
    told_since = False  # a cue kept after the conference: a call of two told since (held is in text order)
    for c in held:
        after = c.start > first.end
        if after and (points_back(ctx, c) or _THE.search(ctx.folded, max(0, c.start - 8), c.start)):
            if _is_conference(ctx, c) or _BY_VIDEO.search(ctx.folded, c.start, c.end):
                continue
            index = ctx.sentence_of(c.start)
            if not told_since and not cue_links(ctx, c, index) and sentence_pair(ctx, index) is None:
                continue  # "Zelensky thanked the leaders ... after the call": no call of two told since
        kept.append(c)
        told_since = told_since or after
    return kept


def _is_conference(ctx: ArticleContext, cue: Cue) -> bool:
    """A video conference's phrase ("videoconferencia", "virtual summit"): one of many leaders or a call of two."""
    return " ".join(ctx.folded[cue.noun_start : cue.end].split()) in _CONFERENCE_WORDS


def _says_a_call(ctx: ArticleContext, cue: Cue) -> bool:
    """A phone phrase ("by phone", "videollamada") or a call noun ("a call", "la llamada"): more than a verb of
    speaking, which may tell of a meeting, unless a relative clause after it says the one spoken with called
    ("spoke with Trump, who called him on Tuesday", "conversó con Macron, quien lo llamó")."""
    if cue.kind == "talk":
        end = ctx.sentences[ctx.sentence_of(cue.start)].end
        verb = ctx.lex.find("call_verb", cue.end, end)
        return (
            verb is not None
            and _WHO_CALLED_HIM.search(ctx.folded, max(cue.end, verb.start - 24), verb.end + 5) is not None
        ) or _apart_by_the_clock(ctx, cue)
    return cue.kind == "phone" or (cue.kind == "noun" and ctx.folded[cue.noun_start : cue.end] in _CALL_WORDS)


_PLACE = r"[A-ZÀ-Ý][\w.’'-]*(?:[ \t]+[A-ZÀ-Ý][\w.’'-]*)?"
_CLOCK = re.compile(
    rf"(?<![\w]){_PLACE}[ \t]+(?:{phrase_alternation(RULES['clock_after_place'])})(?![\w])"
    rf"|(?<![\w])(?i:{phrase_alternation([*RULES['clock_before_place'], *RULES['local_clocks']])})(?![\w])"
)


def _apart_by_the_clock(ctx: ArticleContext, cue: Cue) -> bool:
    """Two leaders spoke at a time told by two clocks ("spoke with Albanese late Tuesday Ottawa time, Wednesday
    morning in Canberra", "on Monday evening Wellington time, Monday afternoon in Tokyo", "conversó con Milei el
    martes, hora de Madrid, cuando en Buenos Aires era martes por la tarde"): they were apart, so they spoke by
    phone, unless the sentence tells of a meeting in person."""
    index = ctx.sentence_of(cue.start)
    sentence = ctx.sentences[index]
    days = [d for d in ctx.in_sentence("dates", index) if d.kind == "weekday" and d.start > cue.start]
    if len(days) < 2 or ctx.lex.find("in_person", sentence.start, sentence.end) is not None:
        return False  # "spoke with Xi on Thursday morning local time, ... meeting face to face": they met
    return _CLOCK.search(ctx.text, cue.end, sentence.end) is not None and bool(cue_links(ctx, cue, index))


_WHO_CALLED_HIM = re.compile(
    r",[ \t]*(?:who(?:[ \t]+(?:had|has|also))*[ \t]+(?:"
    + phrase_alternation(RULES["call_verbs"])
    + r")[ \t]+(?:him|her)|(?:quien|que)(?:[ \t]+(?:ya|tambien))?[ \t]+(?:lo|la|le)[ \t]+(?:"
    + phrase_alternation(RULES["call_verbs"])
    + r"))(?![\w])"
)
"""A relative clause that says the one just named called the subject: ", who called him", ", quien lo llamó"."""


def _conference_of_many(ctx: ArticleContext, cue: Cue) -> bool:
    """A video conference that is no call between two leaders: its sentence names more or fewer than two ("En la
    reunión virtual participaron Macron, Meloni y Tusk", "La videoconferencia no sustituye ..."), or a leader
    takes part in it ("Carney took part in a video conference convened by Starmer"); a call that leaders join is
    one of many ("Leaders from 13 member states joined the call"), and so is a joint call of three or more ("Starmer,
    Macron and Merz held a joint call with Trump")."""
    conference = _is_conference(ctx, cue)
    joined = _JOINED.search(ctx.folded, max(0, cue.start - 40), cue.start) is not None
    index = ctx.sentence_of(cue.start)
    sentence = ctx.sentences[index]
    joint = (
        _JOINT.search(
            ctx.folded, max(sentence.start, cue.start - _JOINT_NEAR), min(sentence.end, cue.end + _JOINT_NEAR)
        )
        is not None
    )
    if not conference and not joined and not joint:  # "Leaders from 13 member states joined the call"
        return False
    leaders = {h.official_id for h in ctx.in_sentence("officials", index) if is_leader(ctx, h, None)}
    if joint and len(leaders) > 2:  # "Starmer, Macron and Merz held a joint call with Trump": a call of many
        return True
    if not conference:  # "the Trade Representative joined the phone call between Trump and Carney";
        return len(leaders) != 2  # "Zelensky joined the call, alongside leaders including Merz, Meloni and Carney"
    return len(leaders) != 2 or joined


def _in_a_question(ctx: ArticleContext, cue: Cue) -> bool:
    """A call phrase in a question ("¿Ha hablado con el presidente Sánchez?") or an indirect one ("Un oyente quiso
    saber si había hablado por teléfono con Milei") claims no call."""
    sentence = ctx.sentences[ctx.sentence_of(cue.start)]
    text = sentence.text.strip()
    if text.endswith("?") or text.startswith(("¿", "—¿", "-¿")):
        return True
    asked = (
        _INDIRECT_QUESTION.search(ctx.folded, max(sentence.start, cue.start - _QUESTION_REACH), cue.start) is not None
    )
    if asked and cue.kind == "noun":  # "whether they discussed Taiwan in the call": the call is taken as given,
        # unless the question is whether it took place ("asked whether the call with President Ali has taken place")
        reach = min(sentence.end, cue.end + 2 * _QUESTION_REACH)
        return _TOOK_PLACE_AFTER.match(ctx.folded, cue.end, reach) is not None
    return asked


def _title_says_call(ctx: ArticleContext) -> bool:
    """A title that names a call ("Readout of President Biden's Call with ...") or says two leaders spoke ("Prime
    Minister Carney speaks with Prime Minister of Australia Anthony Albanese", a government readout) in an article
    that tells of no in-person encounter: the body's "spoke with" is that call."""
    title = fold_text(ctx.article.title or "")
    found = CALL_TITLE.search(title) or (TALK_TITLE.search(title) if not _met_in_person(ctx) else None)
    if found is None or with_audience(title, found.end()):
        return False  # "President Ruto's Christmas video call with Kenyan officers in Haiti"
    return call_status(title, found.start(), found.end(), 0, len(title)).status == HELD
