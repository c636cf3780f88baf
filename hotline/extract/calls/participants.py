"""Who is on the line: the two leaders a call phrase links or, failing that, the most-named leaders of the
two most-named countries; no leader when the call sentence names another official or an unknown subject.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from hotline.extract.call_status import NO_CALL, CallStatus
from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.leaders import is_leader, leader_title
from hotline.extract.officials import OfficialHit, title_role
from hotline.extract.pairs import beside_a_call_of_no_leader, cue_links
from hotline.extract.sentence_pairs import Link, sentence_pair
from hotline.extract.subjects import NOT_A_NAME, SUBJECT
from hotline.facts import Participant
from hotline.text import fold


def call_participants(ctx: ArticleContext, sentences: list[int], on: dt.date | None) -> list[Participant]:
    """The leaders of the call: the most-mentioned leader of each of the two most-mentioned countries,
    counted in the call sentences first and, when fewer than two are found there, in the whole article."""
    counts: dict[str, int] = {}
    first: dict[str, OfficialHit] = {}
    for index in sentences:
        sentence_counts, sentence_first = _named(ctx, index)
        for official_id, count in sentence_counts.items():
            counts[official_id] = counts.get(official_id, 0) + count
            hit = sentence_first[official_id]
            if official_id not in first or hit.start < first[official_id].start:
                first[official_id] = hit
    chosen = _top_by_country(ctx, counts, first, on)
    how = "named in a sentence reporting the call"
    if len(chosen) < 2 and not _with_an_official(ctx, sentences[0], chosen):
        chosen = _top_by_country(ctx, *_named(ctx, None), on)
        how = "leader named elsewhere in the article"
    return _as_participants(ctx, chosen, on, how)


def linked(ctx: ArticleContext, link: Link, on: dt.date | None) -> list[Participant]:
    """The two leaders a call phrase links, in text order."""
    return _as_participants(ctx, sorted((link.first, link.second), key=lambda h: h.start), on, link.how)


def _as_participants(ctx: ArticleContext, hits: list[OfficialHit], on: dt.date | None, how: str) -> list[Participant]:
    """Participants from official hits, each with its role on ``on`` and how it was chosen."""
    result = []
    for hit in hits:
        term = ctx.reference.role_on(hit.official_id or "", on)
        result.append(
            Participant(
                official_id=hit.official_id or "",
                full_name=hit.full_name,
                country_code=hit.country_code,
                role=term.role if term else hit.role,
                evidence=ctx.evidence(ctx.sentence_of(hit.start), f"{how}: {hit.how}"),
            )
        )
    return result


def _with_an_official(ctx: ArticleContext, index: int, leaders: list[OfficialHit]) -> bool:
    """Whether the call sentence names one leader at most and an official who is no leader: a minister's call
    ("Scholz spoke by phone with European Commission President Ursula von der Leyen", "Albares habló por
    teléfono con su homólogo argelino, Ahmed Attaf"). Its other party is that official, never a leader named
    elsewhere in the article."""
    leader_ids = {hit.official_id for hit in leaders}
    if any(
        hit.official_id not in leader_ids and hit.role is not None and not is_leader(ctx, hit, None)
        for hit in ctx.in_sentence("officials", index)
    ):
        return True
    if _unknown_subject(ctx, index) or _links_an_unknown_name(ctx, index):
        return True
    if leaders:
        return False
    # No leader named: a minister's title in the sentence ("Los cancilleres de ambos países ... sostuvieron una
    # llamada", "Foreign Minister Albares spoke by phone") makes it their call, not the leaders' of the article.
    sentence = ctx.sentences[index]
    spans = ctx.title_spans  # in text order: the sentence's titles are found by bisection
    first = bisect_left(spans, (sentence.start, sentence.start))
    last = bisect_left(spans, (sentence.end, sentence.end))
    return any(not leader_title(ctx, ctx.folded[start:end]) for start, end in spans[first:last])


def _unknown_subject(ctx: ArticleContext, index: int) -> bool:
    """The call sentence opens with a person the reference does not know as its subject, right before the
    call phrase ("Albares había hablado por teléfono ...", "Moratinos habla por teléfono con Chávez"): that
    person is on the line, not a leader named elsewhere in the article."""
    sentence = ctx.sentences[index]
    cues = [c for c in ctx.in_sentence("cues", index) if c.kind in ("phone", "talk")]
    if not cues:
        return False
    match = SUBJECT.fullmatch(ctx.text, sentence.start, cues[0].start)
    if match is None or fold(match.group(1)) in NOT_A_NAME:
        return False
    name_start, name_end = match.span(1)
    if any(h.start < name_end and name_start < h.end for h in ctx.in_sentence("officials", index)):
        return False
    return ctx.reference.country_by_name(match.group(1)) is None


# A call phrase's link word, then whom it links: a name of two words or more ("spoke by phone with Apple CEO Tim
# Cook"; one word may be a leader's spelling the reference lacks), one after a Spanish article ("a la Albirroja"),
# someone indefinite ("with a senior official", "la primera llamada fue de una docente") or a group ("a los
# jugadores", "with the troops").
_LINKED = re.compile(
    r"[ \t]+(?:(?:was|came|fue|vino)[ \t]+)?(?:with|to|from|con|a|al|de)[ \t]+"
    r"(?:(?:los|las|the|sus|his|her|their)[ \t]+(?P<group>[a-záéíóúñü]{3,}s)(?![\w])|(?:(?:the|el|la)[ \t]+)?"
    r"(?:(?P<someone>an?|una?)[ \t]+(?=[a-záéíóúñü])|(?P<name>[A-ZÁÉÍÓÚÑÜ][\w’'-]+)(?=[ \t]+[A-ZÁÉÍÓÚÑÜ])"
    r"|(?<=el |la )(?P<single>[A-ZÁÉÍÓÚÑÜ][\w’'-]+)))"
)
_LEADER_GROUPS = frozenset(RULES["leader_group_nouns"])
"""Plural nouns for leaders ("con los mandatarios de ..."): a group of them may be on the line."""
_LINKED_REACH = 60
"""Characters after the link, up to the clause's end, read for a leader it may introduce ("with Kremlin chief
Vladimir Putin")."""
_CLAUSE_END = re.compile(r"[.,;:!?()]")


def _links_an_unknown_name(ctx: ArticleContext, index: int) -> bool:
    """The sentence's call phrase links a name the reference does not know or someone indefinite, with no title,
    place or official near ("Biden spoke by phone with Apple CEO Tim Cook", "la primera llamada fue de una
    docente"): that person is on the line, not a leader named elsewhere. Asked once per sentence."""
    key = ("links_an_unknown_name", index)
    if key not in ctx.memo:
        ctx.memo[key] = any(_links_someone_else(ctx, cue, index) for cue in ctx.in_sentence("cues", index))
    return bool(ctx.memo[key])


def _links_someone_else(ctx: ArticleContext, cue: Cue, index: int) -> bool:
    match = _LINKED.match(ctx.text, cue.end) if cue.kind in ("phone", "talk", "noun") else None
    if match is None:
        return False
    group = next(g for g in ("group", "someone", "name", "single") if match.group(g))
    start, end = match.span(group)
    clause = _CLAUSE_END.search(ctx.text, end, end + _LINKED_REACH)
    reach = min(clause.start() if clause else end + _LINKED_REACH, ctx.sentences[index].end)
    noun = fold(match.group(group))
    if group == "group" and (noun in _LEADER_GROUPS or title_role(ctx.reference, noun)):
        return False  # "con los mandatarios de Chile y Perú", "with the presidents"
    name = match.group("name") or match.group("single")
    if name and (
        fold(name) in NOT_A_NAME or ctx.reference.country_by_name(name) or ctx.reference.country_by_city(name)
    ):
        return False  # "spoke with Washington"
    if ctx.reference_hits.find("place", start, reach) is not None:
        return False  # "with Kremlin chief Vladimir Putin", "with Mexico's president"
    hits, starts = ctx.in_sentence("officials", index), ctx.starts_in("officials", index)
    j = bisect_left(starts, start)
    if j < len(hits) and hits[j].start < reach:
        return False
    spans = ctx.title_spans
    i = bisect_left(spans, (start, start))
    return not (i < len(spans) and spans[i][0] < reach)


def _named(ctx: ArticleContext, index: int | None) -> tuple[dict[str, int], dict[str, OfficialHit]]:
    """How often each reference official is named in sentence ``index`` (None: the whole article), and where
    first. Computed once per sentence: every call of the article reads these counts, not the hits again."""
    key = ("named", index)
    if key not in ctx.memo:
        hits = ctx.officials if index is None else ctx.in_sentence("officials", index)  # each hit is in a sentence
        counts: dict[str, int] = {}
        first: dict[str, OfficialHit] = {}
        for hit in hits:
            if hit.official_id is None or not hit.is_reference:
                continue  # never a leader (see is_leader)
            counts[hit.official_id] = counts.get(hit.official_id, 0) + 1
            first.setdefault(hit.official_id, hit)
        ctx.memo[key] = (counts, first)
    named: tuple[dict[str, int], dict[str, OfficialHit]] = ctx.memo[key]
    return named


def _top_by_country(
    ctx: ArticleContext, counts: dict[str, int], first: dict[str, OfficialHit], on: dt.date | None
) -> list[OfficialHit]:
    """Of the leaders (on ``on``) among the officials counted, the most-named of each of the two most-named
    countries, each as its first hit, in text order. Ties go to the one named first."""
    leaders = [hit for hit in first.values() if is_leader(ctx, hit, on)]
    by_country: dict[str | None, OfficialHit] = {}
    for hit in sorted(leaders, key=lambda h: (-counts[h.official_id or ""], h.start)):
        by_country.setdefault(hit.country_code, hit)
    ranked = sorted(by_country.values(), key=lambda h: (-counts[h.official_id or ""], h.start))
    return sorted(ranked[:2], key=lambda h: h.start)


def first_pair(ctx: ArticleContext, statuses: dict[int, CallStatus]) -> list[Participant] | None:
    """The two leaders of the article's first call phrase that links two, held or not: who "the two leaders" of a
    later sentence are ("Luxon and Albanese drop planned phone call ... The two leaders last spoke in July")."""
    for cue in ctx.cues:
        if statuses[id(cue)].status == NO_CALL:
            continue
        pair = cue_pair(ctx, cue)
        if pair is not None and len(participants := linked(ctx, pair, ctx.article.published_date)) >= 2:
            return participants  # not a headline's "PM to speak with Canada's Carney", its PM unknown
    return None


def cue_pair(ctx: ArticleContext, cue: Cue) -> Link | None:
    """The first pair a call phrase links, else (when it links nobody by grammar) the two leaders its sentence
    names; None without either, or when it (or a call phrase right after it) links a minister or someone spoken of.
    Read once per cue and article (statuses, grouping and the not-held calls all ask)."""
    key = ("cue_pair", cue)
    if key not in ctx.memo:
        ctx.memo[key] = _cue_pair(ctx, cue)
    pair: Link | None = ctx.memo[key]
    return pair


def _cue_pair(ctx: ArticleContext, cue: Cue) -> Link | None:
    index = ctx.sentence_of(cue.start)
    links = cue_links(ctx, cue, index)
    if links is None and beside_a_call_of_no_leader(ctx, cue, index):
        return None
    return links[0] if links else sentence_pair(ctx, index) if links is None else None
