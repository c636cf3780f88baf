"""Calls that did not take place: the status of every call phrase (held, planned, requested, refused,
cancelled, denied, no call), and the planned or refused calls kept and flagged, one per pair.
"""

from __future__ import annotations

from hotline.extract.call_status import (
    CLAIMED,
    DENIAL_OF_A_CLAIM,
    FINALITY,
    HELD,
    NO_CALL,
    REPORTED_BY,
    CallStatus,
    call_status,
)
from hotline.extract.calls.grouping import introduces_a_call
from hotline.extract.calls.layout import CallLayout
from hotline.extract.calls.participants import call_participants, cue_pair, linked
from hotline.extract.context import ArticleContext, Cue
from hotline.extract.story_year import story_date
from hotline.facts import CallDate, CallMention


def _plan_status(ctx: ArticleContext, cue: Cue) -> CallStatus:
    """A plan phrase ("tiene previsto telefonear a") is a call planned, unless its clause denies the plan ("no tiene
    previsto telefonear a Trump": refused) or says no call at all."""
    status = _status(ctx, cue)
    if status.status in ("refused", NO_CALL):
        return status
    return CallStatus("planned", ctx.folded[cue.start : cue.end])


def cue_statuses(ctx: ArticleContext, cues: list[Cue]) -> dict[int, CallStatus]:
    """The status of every cue, by ``id``. A bare call noun ("the call", "la llamada") refers back to the call
    the article introduced: while no call of its pair (or, naming none, no call) was reported held before it, it
    takes the status of the first one that was not ("Albanese prevé hablar por teléfono con Xi ... no precisó la
    fecha de la llamada")."""
    statuses: dict[int, CallStatus] = {}
    introduced: CallStatus | None = None  # the first call the article told of, held or not
    introduced_pair: frozenset[str] | None = None
    held_pairs: set[frozenset[str] | None] = set()  # of the call phrases that told a call held before the cue
    for cue in cues:  # in text order
        status = _status(ctx, cue) if cue.kind != "planned" else _plan_status(ctx, cue)
        inherits = cue.kind == "noun" or (
            cue.kind in ("phone", "talk")
            and introduced is not None
            and introduced.status == "denied"
            and (introduced_pair is None or _pair_key(ctx, cue) in (introduced_pair, None))  # not "Putin llamó a
            # Aliyev en diciembre" after a denied call of Aliyev and Pashinián
        )
        if (
            inherits
            and status.status == HELD
            and introduced is not None
            and introduced.status != HELD
            and not (cue.kind == "noun" and held_pairs and _pair_key(ctx, cue) in {None, *held_pairs})
        ):
            status = introduced  # "the call" / "a call between the two leaders" after a denied one is that call
        if cue.kind in ("phone", "talk") and status.status == HELD and not _claimed(ctx, cue):  # "Boric conversó
            held_pairs.add(_pair_key(ctx, cue))  # por teléfono con Lula. La llamada duró 20 minutos": that call
        if introduced is None and status.status != NO_CALL:
            introduced, introduced_pair = status, _pair_key(ctx, cue)
        statuses[id(cue)] = status
    # A call told as a claim and denied in the article ("reports claiming that X held a telephone conversation with
    # Y ... no such conversation", "Trump said he had a great call with Xi. Beijing said no such call took place").
    denied = next((c for c in cues if statuses[id(c)].status == "denied"), None)
    if denied is not None:
        denial, denied_pair = statuses[id(denied)], _pair_key(ctx, denied)
        for cue in cues:
            if statuses[id(cue)].status != HELD:
                continue
            if _claimed(ctx, cue) or (_reported(ctx, cue) and _same_call(ctx, cue, denied, denied_pair)):
                statuses[id(cue)] = denial
    # A call told as a rumour and one side saying the two have not spoken ("There are reports that Ruto and Samia
    # spoke by phone ... The President has not spoken with President Samia"): denied.
    not_spoken = {
        key: statuses[id(c)]
        for c in cues
        if statuses[id(c)].status == NO_CALL and (key := _pair_key(ctx, c)) is not None
    }
    for cue in cues:
        if (
            statuses[id(cue)].status == HELD
            and not_spoken
            and _claimed(ctx, cue)
            and (answer := not_spoken.get(_pair_key(ctx, cue))) is not None
        ):
            statuses[id(cue)] = CallStatus("denied", answer.cue, answer.start, answer.end)
    for cue in cues:  # "Trump aseguró que habló con Mulino. Mulino lo desmintió": a denial with no call phrase
        if statuses[id(cue)].status == HELD and _reported(ctx, cue) and (found := _denied_after(ctx, cue)):
            statuses[id(cue)] = found
    return statuses


def _denied_after(ctx: ArticleContext, cue: Cue) -> CallStatus | None:
    """A denial of what one side said, after a reported call phrase in its sentence or in the next one."""
    index = ctx.sentence_of(cue.start)
    end = ctx.sentences[min(index + 1, len(ctx.sentences) - 1)].end
    found = DENIAL_OF_A_CLAIM.search(ctx.folded, cue.end, end)
    if found is None:
        return None
    return CallStatus("denied", " ".join(found.group().split()), found.start(), found.end())


_CLAIM_REACH = 200
"""Characters back from a call phrase to the words that make it a claim (a title and a name between)."""


def _claimed(ctx: ArticleContext, cue: Cue) -> bool:
    """Whether the call phrase is told as someone's claim ("reports claiming that ...", "versiones de que ...")."""
    sentence = ctx.sentences[ctx.sentence_of(cue.start)]
    start = max(sentence.start, cue.start - _CLAIM_REACH)
    if not (
        ctx.lex.may_match("claimed", ctx.folded, start, cue.start)
        or ctx.lex.may_match("claim_verb", ctx.folded, start, cue.start)
    ):
        return False  # none of its phrases or verbs there: no search
    return CLAIMED.search(ctx.folded, start, cue.start) is not None


def _same_call(ctx: ArticleContext, cue: Cue, denied: Cue, denied_pair: frozenset[str] | None) -> bool:
    """Whether a denial is of the call a reported phrase tells: it names the same two leaders, or, naming none, it
    answers in the same or the next sentence ("... a great call with Xi. Beijing said no such call took place")."""
    if denied_pair is not None:
        return denied_pair == _pair_key(ctx, cue)
    return 0 <= ctx.sentence_of(denied.start) - ctx.sentence_of(cue.start) <= 1


def _reported(ctx: ArticleContext, cue: Cue) -> bool:
    """Whether the call phrase is told as one side's word ("Trump said he had a great call with Xi")."""
    sentence = ctx.sentences[ctx.sentence_of(cue.start)]
    start = max(sentence.start, cue.start - _CLAIM_REACH)
    return ctx.lex.may_match("reported_by", ctx.folded, start, cue.start) and (
        REPORTED_BY.search(ctx.folded, start, cue.start) is not None
    )


def _status(ctx: ArticleContext, cue: Cue) -> CallStatus:
    """Held, planned, requested, refused, cancelled, denied or no call, from the cues of the cue's clause."""
    sentence = ctx.sentences[ctx.sentence_of(cue.start)]
    return call_status(
        ctx.folded,
        cue.start,
        cue.end,
        sentence.start,
        sentence.end,
        spoken=cue.kind in ("talk", "noun"),
        text=ctx.text,
        lex=ctx.lex,
    )


def no_call(ctx: ArticleContext, layout: CallLayout, cues: list[Cue], statuses: dict[int, CallStatus]) -> CallLayout:
    """No leaders' call took place: the first call that was planned, requested, refused, cancelled or denied is
    kept, flagged, and so is the first of each other pair (a call that "has not" happened is none at all)."""
    not_held = [  # in text order
        c for c in cues if statuses[id(c)].status not in (HELD, NO_CALL) and not _talk_of_a_meeting(ctx, c)
    ]
    if not_held:  # the first such call, with the most final word the article has on it (planned, then cancelled)
        first = not_held[0]
        pair = _pair_key(ctx, first)
        same = [c for c in not_held if _pair_key(ctx, c) in (pair, None)]
        final = max(same, key=lambda c: FINALITY.index(statuses[id(c)].status))
        _planned_call(ctx, layout, first, statuses[id(final)])
        not_held_calls(ctx, layout, cues, statuses)
    return layout


def _talk_of_a_meeting(ctx: ArticleContext, cue: Cue) -> bool:
    """A verb of speaking ("Mnangagwa, Hichilema to talk") in an article that tells of an encounter in person
    ("when they meet at the SADC summit") and of no phone, video or call at all: talks planned face to face."""
    if cue.kind != "talk" or ctx.lex.find("in_person") is None:
        return False
    if ctx.lex.find("phone") is not None or ctx.lex.find("call_with") is not None:
        return False
    return all(h.phrase == ctx.folded[cue.start : cue.end] for h in ctx.lex.all("call_noun"))  # "talks" alone


def _planned_call(ctx: ArticleContext, layout: CallLayout, cue: Cue, status: CallStatus) -> None:
    """A call that did not take place (planned, requested, refused, cancelled or denied), kept and flagged."""
    layout.reported = _not_held(ctx, cue, status, 0)
    layout.call_sentences = {ctx.sentence_of(cue.start)}
    layout.participant_ids = tuple(p.official_id for p in layout.reported.participants)


def not_held_calls(ctx: ArticleContext, layout: CallLayout, cues: list[Cue], statuses: dict[int, CallStatus]) -> None:
    """Beside the held calls, the calls that did not take place: of other pairs ("Boric conversó esta mañana con
    Arce" and "hablará esta tarde con Boluarte"), or a held pair's next call, planned in a sentence of its own ("We
    spoke in November ... Next week we will speak by phone again"): one per pair, with the most final word on it,
    after the held."""
    pairs = {frozenset(p.official_id for p in m.participants) for m in layout.mentions() if m.is_directly_reported}
    held = {
        frozenset(p.official_id for p in m.participants)
        for m in layout.mentions()
        if m.is_directly_reported and m.call_status == HELD
    }
    found: dict[frozenset[str], tuple[Cue, CallStatus]] = {}
    for cue in cues:
        status = statuses[id(cue)]
        if status.status in (HELD, NO_CALL) or not introduces_a_call(ctx, cue) or _talk_of_a_meeting(ctx, cue):
            continue  # "the call" points back; "a call with Merz was being arranged" is another
        pair = _pair_key(ctx, cue)
        if pair is None:
            continue
        if pair in pairs and (
            pair not in held or status.status != "planned" or ctx.sentence_of(cue.start) in layout.call_sentences
        ):
            continue  # the pair's call told already; a planned one in a sentence of its own is their next call
        if (
            pair in held
            and status.status == "planned"
            and _in_headline(ctx, cue)
            and not _planned_in_body(ctx, cue, pair, cues, statuses)
        ):
            continue  # "Albanese to speak with Luxon" over "Albanese spoke with Luxon on Wednesday night" and no
            # plan in the body: the preview's headline, kept over the story of the call held
        first, known = found.get(pair, (cue, status))
        found[pair] = (first, max(known, status, key=lambda s: FINALITY.index(s.status)))
    for first, status in found.values():
        mention = _not_held(ctx, first, status, 1 + max(m.call_index for m in layout.mentions()))
        if len({p.official_id for p in mention.participants}) == 2:
            layout.others.append(mention)


def _planned_in_body(
    ctx: ArticleContext, headline: Cue, pair: frozenset[str], cues: list[Cue], statuses: dict[int, CallStatus]
) -> bool:
    """Whether a call phrase after the headline tells of a call of the pair (or of no pair named) still planned."""
    return any(
        c.start > headline.end
        and statuses[id(c)].status == "planned"
        and introduces_a_call(ctx, c)  # not "the call" pointing back to the headline's
        and _pair_key(ctx, c) in (pair, None)
        for c in cues
    )


def headline_end(ctx: ArticleContext) -> int | None:
    """Where the article's title line ends when the text opens with it; None when no title line heads the text."""
    title = (ctx.article.title or "").strip()
    start = ctx.text.find(title) if title else -1
    if start < 0 or start > len(ctx.text) - len(ctx.text.lstrip()):
        return None
    return start + len(title)


def _in_headline(ctx: ArticleContext, cue: Cue) -> bool:
    """Whether the call phrase is in the article's title line, at the head of its text."""
    end = headline_end(ctx)
    return end is not None and cue.start < end


def _not_held(ctx: ArticleContext, cue: Cue, status: CallStatus, call_index: int) -> CallMention:
    index = ctx.sentence_of(cue.start)
    pair = cue_pair(ctx, cue)
    on = ctx.article.published_date
    participants = linked(ctx, pair, on) if pair else call_participants(ctx, [index], on)
    return CallMention.of(
        ctx.article.article_id,
        call_index,
        is_directly_reported=True,
        is_planned=True,
        participants=tuple(participants),
        date=CallDate(
            how=f"a {status.status} call, not held; no date of its own",
            story_date=story_date(ctx, tuple(p.official_id for p in participants)),
        ),
        evidence=ctx.evidence(index, f"a call {status.status}: {status.how}"),
        call_status=status.status,
        status_evidence=status.cue,
    )


def _pair_key(ctx: ArticleContext, cue: Cue) -> frozenset[str] | None:
    """The two leaders a call phrase links (or its sentence names), or None."""
    pair = cue_pair(ctx, cue)
    return pair.key if pair else None
