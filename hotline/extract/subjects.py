"""Who the subject of a call phrase is when the sentence does not name it right before the phrase: a pronoun ("He
also spoke with ..."), a bare title ("El presidente electo ya había recibido ...", "the President received a phone
call"), a readout's unnamed leader ("The Prime Minister spoke to President Stubb" under a London dateline), a
pronoun object ("Boko called her"); and whether the words before the phrase name someone who is no leader.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.leaders import is_leader, leader_title, protagonist
from hotline.extract.officials import (
    OfficialHit,
    dateline_country,
    head_source,
    holder_on,
    outlet_country,
    title_role,
)
from hotline.text import fold, phrase_alternation

_PAIRS = RULES["pairs"]
_SUBJECT_REACH = 160
"""Characters before a call phrase read for its subject's title."""
SUBJECT = re.compile(r"\s*([A-ZÀ-Ý][\w'’-]+)\s+(?:\w+\s+){0,2}")
"""A capitalized word opening the sentence, at most two words before the call phrase: its subject."""
NOT_A_NAME = frozenset(RULES["not_a_subject_name"])
_PRONOUN_REACH = 12
"""How many officials' mentions back a pronoun subject may reach when it is not the protagonist."""


_POINTING = frozenset(RULES["pointing_determiners"])


def points_back(ctx: ArticleContext, cue: Cue) -> bool:
    """A call noun with a definite determiner ("la llamada", "the call"): it points back to a call told already
    and has no subject of its own ("Según la portavoz, Kang Yu-jung, la llamada, de unos 25 minutos, fue ...")."""
    determiner = ctx.folded[cue.start : cue.noun_start].split()
    return cue.kind == "noun" and bool(determiner) and determiner[0] in _POINTING


def _unnamed_titles(ctx: ArticleContext, start: int, end: int, hits: list[OfficialHit]) -> Iterator[tuple[int, int]]:
    """The spans of the titles in ``[start, end)`` that go with no name (no hit holds the title or follows it)."""
    spans = ctx.title_spans
    for title_start, title_end in spans[bisect_left(spans, (start, start)) : bisect_left(spans, (end, end))]:
        if not any(h.title_span == (title_start, title_end) or 0 <= h.start - title_end <= 3 for h in hits):
            yield title_start, title_end


def bare_title_between(ctx: ArticleContext, start: int, end: int, hits: list[OfficialHit]) -> bool:
    """A leader's title with no name, between a name and the call phrase: the subject of the phrase's clause."""
    for title_start, title_end in _unnamed_titles(ctx, start, end, hits):
        if _APPOSITIVE.fullmatch(ctx.folded, start, title_start):
            continue  # "Donald Trump, then president-elect, took a call": the name's own title, not a new subject
        governed = _GOVERNED.search(ctx.folded, max(start, title_start - 16), title_start)  # "ante el Rey"
        if governed is None and leader_title(ctx, ctx.folded[title_start:title_end]):
            return True
    return False


_APPOSITIVE = re.compile(r",[ \t]*(?:(?:then|now|the|at the time|el|la|entonces|ahora|ya)[ \t]+)*")
"""Between a name and a title that is its appositive: a comma and words of time or a determiner."""


def plain_title_between(ctx: ArticleContext, start: int, end: int, hits: list[OfficialHit]) -> bool:
    """A title that is no leader's, with no name, after a determiner, between a name and the call phrase, or an
    office in the plural the reference has no role for: the subject of a clause of its own ("Johannesen said the
    fisheries ministers had spoken by phone")."""
    for title_start, title_end in _unnamed_titles(ctx, start, end, hits):
        if leader_title(ctx, ctx.folded[title_start:title_end]):
            continue
        if _DETERMINED.search(ctx.folded, max(start, title_start - 32), title_start):
            return True
    for office in _PLURAL_OFFICES.finditer(ctx.folded, max(start, end - _SUBJECT_REACH), end):
        if _OF_BEFORE.search(ctx.folded, max(0, office.start() - 5), office.start()):
            continue  # "the Council of Ministers", "el Consejo de Ministros": an institution's name
        if _DETERMINED.search(ctx.folded, max(start, office.start() - 32), office.start()):
            return True  # "the fisheries ministers", "los ministros de Pesca": no role of the reference, no leaders
    return False


_OF_BEFORE = re.compile(r"(?<![\w])(?:of|de)[ \t]+\Z")
_PLURAL_OFFICES = re.compile(r"(?<![\w])(?:" + phrase_alternation(RULES["plural_offices"]) + r")(?![\w])")
_DETERMINED = re.compile(
    r"(?<![\w])(?:the|their|his|her|its|both|el|la|los|las|sus|ambos|ambas)[ \t]+(?:[\w-]+[ \t]+){0,2}\Z"
)
_GOVERNED = re.compile(
    r"(?<![\w])(?:"
    + phrase_alternation([*_PAIRS["links"], "ante", "por", "para", "by", "for", "before", "of", "on"])
    + r")[ \t]+(?:(?:the|el|la|los|las|su|his|her)[ \t]+)?\Z"
)


def pronoun_object(ctx: ArticleContext, cue: Cue, index: int) -> OfficialHit | None:
    """Who "her" is in "Boko called her on Monday" ("Boko la llamó"): the article's protagonist, when the
    sentence or the one before names them (a pronoun's antecedent is near)."""
    if not cue.calls_a_pronoun:
        return None
    main = protagonist(ctx)
    if main is None:
        return None
    near = [*ctx.in_sentence("officials", index), *(ctx.in_sentence("officials", index - 1) if index else [])]
    return main if any(h.official_id == main.official_id and h.start < cue.start for h in near) else None


def title_subject(
    ctx: ArticleContext, start: int, end: int, linked: list[OfficialHit]
) -> tuple[OfficialHit, str] | None:
    """A title without a name as the subject ("El presidente electo ya había recibido la llamada de Boric"): the
    official of the article who holds that title, the most named if several."""
    start = max(start, end - _SUBJECT_REACH)
    spans = ctx.title_spans
    first, last = bisect_left(spans, (start, start)), bisect_left(spans, (end, end))
    if first == last:
        return None
    title_start, title_end = spans[last - 1]
    role = title_role(ctx.reference, ctx.folded[title_start:title_end])
    index = ctx.sentence_of(title_start)
    hits, starts = ctx.in_sentence("officials", index), ctx.starts_in("officials", index)
    i = bisect_left(starts, title_start)
    if role is None or (i < len(hits) and hits[i].start < title_end + 3) or (i > 0 and hits[i - 1].end > title_start):
        return None  # no title, or one that goes with a name
    holders = _holders_by_role(ctx).get(role, {})
    others = {h.official_id for h in linked}
    candidates = [hit for official_id, hit in holders.items() if official_id not in others]
    if not candidates:  # "The Prime Minister spoke to President Stubb" under "LONDON, 10 March 2025": no one holds
        # it, or only the one spoken to ("The Prime Minister spoke to Prime Minister Narendra Modi of India")
        found = _dateline_holder(ctx, role, title_start, title_end)
        return (found, found.how) if found is not None and found.official_id not in others else None
    how = f"the article's {ctx.reference.roles[role].role_name} as the subject"
    if len(candidates) > 1:  # "His Highness the Amir" in a story datelined Kuwait City: Kuwait's
        candidates = [h for h in candidates if h.country_code == _home_country(ctx)]
        how = f"the {ctx.reference.roles[role].role_name} of the dateline's country as the subject"
    return (candidates[0], how) if len(candidates) == 1 else None


def _dateline_holder(ctx: ArticleContext, role: str, start: int, end: int) -> OfficialHit | None:
    """The one holder of a leader's title in the dateline's country on the publication date, for a title no one
    the article names holds (a government's readout calls its own leader "the Prime Minister")."""
    country, on = _home_country(ctx), ctx.article.published_date
    if country is None or on is None or not ctx.reference.roles[role].is_leader:
        return None
    official_id = holder_on(ctx.reference, role, country, on, set())
    if official_id is None:
        return None
    official = ctx.reference.officials[official_id]
    how = f"the {ctx.reference.roles[role].role_name} of the dateline's country on {on.isoformat()} as the subject"
    return OfficialHit(start, end, "titled", official.official_id, official.full_name, country, role, True, how)


def _home_country(ctx: ArticleContext) -> str | None:
    """The country whose government the story speaks from: its dateline's, else the one its outlet names ("Prime
    Minister's Office, 10 Downing Street", on its metadata or a "From:" line at its head). Computed once per article."""
    if "home_country" not in ctx.memo:
        found = dateline_country(ctx.text, ctx.reference)
        ctx.memo["home_country"] = (
            found[0] if found else outlet_country(ctx.article.outlet or head_source(ctx.text), ctx.reference)
        )
    country: str | None = ctx.memo["home_country"]
    return country


def _holders_by_role(ctx: ArticleContext) -> dict[str, dict[str, OfficialHit]]:
    """Every official of the article by role, each with its first hit (computed once per article)."""
    key = "holders_by_role"
    if key not in ctx.memo:
        by_role: dict[str, dict[str, OfficialHit]] = {}
        for hit in ctx.officials:
            if hit.role and hit.official_id:
                by_role.setdefault(hit.role, {}).setdefault(hit.official_id, hit)
        ctx.memo[key] = by_role
    found: dict[str, dict[str, OfficialHit]] = ctx.memo[key]
    return found


def pronoun_subject(ctx: ArticleContext, cue: Cue, linked: list[OfficialHit]) -> tuple[OfficialHit | None, str]:
    """Who "he", "she" or a title subject is: the leader the sentence before opens with when "he" or "she" is the
    subject ("Carney was sworn in on Friday. On Saturday, he held his first calls with ..."), else the article's
    protagonist, unless the phrase calls the protagonist (or a compatriot) — "He said he had called Albanese in
    April" in a story about Albanese — then the leader named last before the phrase who is not on the linked side."""
    countries = {h.country_code for h in linked}
    before = _subject_before(ctx, cue)
    if before is not None and before.country_code not in countries:
        return before, "the leader the sentence before opens with, as the subject 'he' or 'she' stands for"
    main = protagonist(ctx)
    if main is None or (main.country_code not in countries and main.official_id not in {h.official_id for h in linked}):
        return main, "the article's protagonist as the subject"
    on = ctx.article.published_date
    starts = ctx.memo.get("official_starts")
    if starts is None:
        starts = ctx.memo["official_starts"] = [h.start for h in ctx.officials]
    i = bisect_left(starts, cue.start) - 1
    for hit in reversed(ctx.officials[max(0, i - _PRONOUN_REACH) : i + 1]):
        if hit.official_id and hit.country_code not in countries and is_leader(ctx, hit, on):
            return hit, "the leader named last before the phrase as the subject (the protagonist is called)"
    return None, "no subject"


_HE_OR_SHE = re.compile(
    r"(?:[^.;:]*,\s*)?(?:" + phrase_alternation(RULES["subject_pronouns"]) + r")\s+(?:[\w'’]+\s+){0,4}\Z"
)
"""A pronoun subject opening the call's clause, after a time set off by a comma at most ("On Saturday, he held")."""
_OPENS_WITH = re.compile(r"\W*(?:[\w'’-]+\s+){0,2}\Z")
"""At most two words (a nationality: "Canadian") before a sentence's first leader and its title."""
_POSSESSIVE = re.compile(r"['’]s(?![\w])")


def _subject_before(ctx: ArticleContext, cue: Cue) -> OfficialHit | None:
    """The leader who opens the sentence before the call's, when "he" or "she" opens the call's clause: its subject,
    the one the pronoun stands for ("Merz took office on 6 May. The next day, he held his first call with ...")."""
    index = ctx.sentence_of(cue.start)
    sentence = ctx.sentences[index]
    if index == 0 or not _HE_OR_SHE.fullmatch(ctx.folded, sentence.start, cue.start):
        return None
    hits = ctx.in_sentence("officials", index - 1)
    if not hits or not hits[0].official_id or _POSSESSIVE.match(ctx.folded, hits[0].end):
        return None
    first = hits[0].title_span[0] if hits[0].title_span else hits[0].start
    if not _OPENS_WITH.fullmatch(ctx.folded, ctx.sentences[index - 1].start, first):
        return None
    return hits[0] if is_leader(ctx, hits[0], ctx.article.published_date) else None


_PRIVATE_SPEAKER = re.compile(
    r"(?i:(?<![\w])(?:"
    + phrase_alternation(_PAIRS["private_titles"])
    + r")(?:\s+(?:of|de|del)\s+[\w'’.-]+)?),?\s+(?:[A-ZÀ-Ý][\w'’.-]+\s+){1,3}?[A-ZÀ-Ý][\w'’.-]+,?\s+(?i:"
    + phrase_alternation(RULES["speech_verbs"])
    + r")\s+(?:(?:that|que)\s+)?(?i:"
    + phrase_alternation(RULES["subject_pronouns"])
    + r")?\s*(?:[\w'’]+\s+){0,2}\Z"
)
"""Someone in no public office named with their title, then what they said of their own call ("after CEO Jim Farley
said he had spoken with ...", "el director ejecutivo de Ford, Jim Farley, dijo que había hablado con")."""


def private_speaker(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether the words before ``end`` (from ``start``) end with someone in no public office saying they spoke."""
    return _PRIVATE_SPEAKER.search(ctx.text, max(start, end - _SUBJECT_REACH), end) is not None


def someone_else_speaks(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether the words before the call phrase name a subject who is no leader: a title that is no leader's
    ("el titular de Exteriores", "Foreign Minister"), a capitalized name the reference does not know
    ("Moratinos habla por teléfono"), or someone in no public office who says they spoke ("CEO Jim Farley said he
    had spoken")."""
    start = max(start, end - _SUBJECT_REACH)  # the subject's clause, not a megabyte sentence before it
    if private_speaker(ctx, start, end):
        return True
    spans = ctx.title_spans  # in text order: found by bisection
    first, last = bisect_left(spans, (start, start)), bisect_left(spans, (end, end))
    if any(not leader_title(ctx, ctx.folded[a:b]) for a, b in spans[first:last]):
        return True
    match = SUBJECT.fullmatch(ctx.text, start, end)
    if match is None or fold(match.group(1)) in NOT_A_NAME:
        return False
    return ctx.reference.country_by_name(match.group(1)) is None


_OPENS_THE_SENTENCE = re.compile(
    r"\W*(?:(?:" + phrase_alternation(_PAIRS["fronted_call_openers"]) + r")[ \t]+(?:[\w'’-]+[ \t]+){0,2}?)?"
)
"""What may stand before a call phrase that opens its sentence: "In a phone call with ...", "Speaking by phone with
...", "Durante una conversación telefónica con ..."."""
_NOT_BEFORE_SUBJECT = (
    r"(?!(?:"
    + phrase_alternation([*(w for w in _PAIRS["links"] if w not in _PAIRS["about_links"]), *_PAIRS["stops"]])
    + r")(?![\w]))"
)
_CLAUSE_END = re.compile(r"[^,;:.]{0,60}?,[ \t]+(?:" + _NOT_BEFORE_SUBJECT + r"[\w'’.-]+[ \t]+){0,5}?\Z")
"""From the last name the phrase links to the name after the comma that closes it: "on Tuesday, German Chancellor";
not a link or a clause ("..., mientras que con Phumtham": another call's side)."""


def subject_after_phrase(ctx: ArticleContext, cue: Cue, linked: list[OfficialHit]) -> OfficialHit | None:
    """The subject of a sentence opened by its call phrase, named after the comma that closes the phrase ("In a
    phone call with Tusk on Tuesday, German Chancellor Friedrich Merz pledged ...", "Speaking on the phone with
    Sisi, King Abdullah II stressed ...", "En una llamada con Lula, Petro dijo ...")."""
    index = ctx.sentence_of(cue.start)
    if not linked or not _OPENS_THE_SENTENCE.fullmatch(ctx.folded, ctx.sentences[index].start, cue.start):
        return None
    if (
        len(linked) > 1
        and _CLAUSE_END.fullmatch(ctx.folded, linked[-2].end, _first_word(linked[-1], linked[-2].end))
        and not _COORDINATED.search(ctx.folded, linked[-2].end, linked[-1].start)
    ):  # read as the last of the phrase's list ("with Tusk on Tuesday, German Chancellor Friedrich Merz")
        return linked[-1] if is_leader(ctx, linked[-1], ctx.article.published_date) else None
    hits = ctx.in_sentence("officials", index)
    last = linked[-1].end
    for hit in hits[bisect_left(ctx.starts_in("officials", index), last) :]:
        if hit.start < last or not hit.official_id:
            continue
        if _CLAUSE_END.fullmatch(ctx.folded, last, _first_word(hit, last)) and is_leader(
            ctx, hit, ctx.article.published_date
        ):
            return hit
        return None
    return None


_COORDINATED = re.compile(r"(?<![\w])(?:" + phrase_alternation(_PAIRS["coordinators"]) + r")(?![\w])")


def _first_word(hit: OfficialHit, after: int) -> int:
    """Where a name's mention starts, its title included when the title lies after ``after``."""
    return hit.title_span[0] if hit.title_span and hit.title_span[0] >= after else hit.start
