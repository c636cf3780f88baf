"""Who is on the line, call phrase by call phrase: the pairs of leaders a call phrase links.

A call phrase links its subject to the leaders its preposition introduces: "Ruto had spoken by telephone
*with* Abiy Ahmed *and* Hassan Sheikh Mohamud" gives two calls, "Con Lula y con Petro conversó" two more, "the
call *with* Albanese" one, "la llamada *del* mandatario chileno, Gabriel Boric" one. The subject is the
nearest leader before the phrase in its sentence; a sentence whose subject is a pronoun or a title ("He also
spoke with ...", "El presidente electo ya había recibido ...") takes the article's protagonist, the leader it
names most. "A call *between* A and B" links A and B. A call phrase whose first link is an official who is no
leader (a minister) links no leaders at all. Grammar and reference data only: no name is special.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from hotline.extract.context import RULES, ArticleContext, Cue
from hotline.extract.leaders import INSTITUTION, is_leader, leader_title, protagonist
from hotline.extract.link_gaps import AND, LINK, LINK_AT_END, MAX_LINKED, fronted_links, gap_ok, round_next
from hotline.extract.officials import OfficialHit
from hotline.extract.sentence_pairs import Link, distinct, with_object
from hotline.extract.subjects import (
    bare_title_between,
    plain_title_between,
    points_back,
    private_speaker,
    pronoun_object,
    pronoun_subject,
    someone_else_speaks,
    subject_after_phrase,
    title_subject,
)
from hotline.text import phrase_alternation

_PAIRS = RULES["pairs"]
_TALK_LINK = re.compile(
    r"(?<![\w])(?:" + phrase_alternation([w for w in _PAIRS["links"] if w not in _PAIRS["about_links"]]) + r")(?![\w])"
)
"""The links of a verb of speaking: "habló con X", not "habló de X" (talked about X)."""
_SPOKE_ABOUT = re.compile(
    r"[ \t]+(?:[a-z]+[ \t]+)?(?:about|of|sobre|acerca de|(?:" + phrase_alternation(_PAIRS["about_links"]) + r"))[ \t]+"
)
_ABOUT_REACH = 16
"""Characters from "habló de" to the person spoken of ("del presidente argentino, Javier Milei"), with no link
between ("habló de nuevo con Trump" speaks with him)."""
_BETWEEN = re.compile(r"(?<![\w])(?:" + phrase_alternation(_PAIRS["between"]) + r")(?![\w])")
_COMMA_ONLY = re.compile(r"\s*,\s*")
_SUBJECT_OF_A_CLAUSE = re.compile(
    r"[ \t]+(?!(?:"
    + phrase_alternation(_PAIRS["coordinators"] + _PAIRS["after_a_list"])
    + r")(?![\w]))[a-záéíóúüñ][\w'’-]*(?![\w'’-])"
)
"""A name after a comma followed by a word in lower case that is neither a coordinator nor one that may end a list
("Orsi, Sánchez *defendió*"): the subject of a clause of its own, not the next of a list ("con Orsi, Lula y Petro",
"phones Putin, Yushchenko as ...")."""
_AND_A_NOUN = re.compile(
    r"\s+(?:" + phrase_alternation(_PAIRS["coordinators"]) + r")\s+(?:the|a|an|its|el|la|los|las|un|una|su)\s"
)
"""A coordinator and a determiner after the one official a "between" links: the other side is a body, not a name."""
_PRIVATE_TITLE = re.compile(
    r"[ \t]+(?:[\w'’-]+[ \t]+){0,4}?(?:" + phrase_alternation(_PAIRS["private_titles"]) + r")(?![\w])"
)
"""A few words after a call phrase that links no leader, the title of someone in no public office: a company's
chief, a team's captain ("telefónica con el director ejecutivo de la naviera")."""
_POSSESSED = re.compile(
    r"['’]s[ \t]+(?!(?:[\w'’-]+[ \t]+){0,2}(?:" + phrase_alternation(_PAIRS["possessed_call_words"]) + r")(?![\w]))"
)
"""A leader's possessive before a word that leads to no call noun ("Putin's special envoy"): someone of the leader's."""
_POSSESSED_SUBJECT = re.compile(r"(?:[\w'’-]+[ \t]+){0,2}[\w'’-]+,[ \t]+(?:[\w]+[ \t]+)?\Z")
"""After the possessive, what it possesses as an appositive, then at most an adverb before the call phrase:
"Kirill Dmitriev, President Vladimir Putin's special envoy, spoke by phone" (not "Trump's office said he had
spoken"; "Putin's envoy spoke with", with no comma, is left: read so, it lost a test call's duration)."""
_RELATIVE_OF = re.compile(r"(?<![\w])(?:" + phrase_alternation(_PAIRS["relative_of"]) + r")(?![\w])")
"""Words between a call phrase and the one it links that make that one a leader's relative."""
_CAPITALIZED = r"[A-Z\u00c0-\u00de][\w'’-]+"
_PERSON_AFTER = re.compile(
    r"[ \t]+(?:(?:with|to|con|a)[ \t]+)?(?P<name>(?:" + _CAPITALIZED + r"[ \t]+){1,3}" + _CAPITALIZED + r")(?![\w])"
)
"""A name of two to four capitalized words right after a call phrase that links no one ("telephoned Mereani
Tuilau"): when none of its words is an alias, a place or a title of the reference, someone in no office."""
_RELATIVE_CLAUSE = re.compile(r"\s*,\s*(?:que|quien|quienes|who|which|whose)\b[^,;.:]*,\s*(?:\w+\s+){0,4}\Z")
"""A relative clause between commas right before the call phrase ("X, who ..., spoke"): its names are no subject."""
_OF_INSTITUTION = re.compile(
    r"\s+(?:of|del|de)\s+(?:(?:the|la|el|los|las)\s+)?(?:[\w'’-]+\s+){0,3}?(?:"
    + phrase_alternation(_PAIRS["institutions"])
    + r")(?![\w])"
)
"""An institution after a title ("the president of the ECOWAS Commission", "el presidente del Banco Mundial")."""
_OF_MINISTERS = re.compile(r"\s+(?:of|del|de)\s+(?:the\s+)?(?:council|consejo)\s+(?:of|de)\s+(?:ministers|ministros)")
"""A head of government's title ("President of the Council of Ministers", "presidente del Consejo de Ministros")."""
_BUT_CLAUSE = re.compile(r",\s*(?:but|pero|sino|aunque|while|mientras)(?![\w])")
"""A clause opened past a comma by "but" (or "while"): the name before it is no subject of the call after it."""
_RELATIVE_HITS = 4
"""Names a relative clause before the call phrase may hold, read back from the phrase for its subject."""
_CLAUSE_BEFORE_LINK = re.compile(
    r"[^,;:]*[,;:][^,;:]*?(?<![\w])(?:" + phrase_alternation(_PAIRS["links"]) + r")(?![\w])"
)


def cue_links(ctx: ArticleContext, cue: Cue, index: int) -> list[Link] | None:
    """The pairs of leaders ``cue`` links in sentence ``index``; an empty list when its first link is an
    official who is no leader (a minister's call); None when the phrase links nobody by grammar. Read once per
    cue and article (grouping, statuses and earlier calls all ask); the caller does not change the list."""
    key = ("cue_links", cue, index)
    if key not in ctx.memo:
        ctx.memo[key] = _cue_links(ctx, cue, index)
    links: list[Link] | None = ctx.memo[key]
    return links


def _cue_links(ctx: ArticleContext, cue: Cue, index: int) -> list[Link] | None:
    """:func:`cue_links`, read. The sentence's officials are reached by bisection around the phrase: a megabyte
    sentence of calls stays linear."""
    sentence = ctx.sentences[index]
    hits = ctx.in_sentence("officials", index)
    starts = ctx.starts_in("officials", index)
    if cue.kind == "talk" and (about := _SPOKE_ABOUT.match(ctx.folded, cue.end)):
        i = bisect_left(starts, about.end())
        spoken_of = (hits[i].title_span or (hits[i].start,))[0] if i < len(hits) else -1
        if 0 <= spoken_of - about.end() <= _ABOUT_REACH and not _TALK_LINK.search(ctx.folded, about.end(), spoken_of):
            return []  # "Orsi habló luego del presidente argentino, Javier Milei": spoke of him, not with him
    linked: list[OfficialHit] = []
    needs: re.Pattern[str] | None = _TALK_LINK if cue.kind == "talk" else LINK
    between = False
    if cue.kind == "phone" and LINK_AT_END.search(ctx.folded, cue.start, cue.end):  # "received a phone call
        needs = None  # from", "call between": the phrase holds its link
        between = _BETWEEN.search(ctx.folded, cue.start, cue.end) is not None
    position = cue.end
    for i in range(bisect_left(starts, cue.noun_start), len(hits)):
        hit = hits[i]
        if not (hit.official_id or hit.role):
            continue
        if hit.end <= cue.end:  # "called Sheinbaum": the name is part of the call phrase
            linked.append(hit)
            position, needs = hit.end, AND
            continue
        if len(linked) >= MAX_LINKED or not gap_ok(ctx, position, hit.start, needs):
            break
        if not linked and cue.kind == "noun" and _CLAUSE_BEFORE_LINK.match(ctx.folded, position, hit.start):
            break  # "tras esa conversación, la visita de Peña Nieto": another noun's link, past a comma
        if _RELATIVE_OF.search(ctx.folded, position, hit.start):
            break  # "with the wife of the President of France": the leader's relative on the line
        if (
            linked
            and needs is AND
            and _SUBJECT_OF_A_CLAUSE.match(ctx.text, hit.end)
            and _COMMA_ONLY.fullmatch(ctx.folded, position, hit.start)
        ):
            break  # "en la llamada con Orsi, Sánchez defendió que ...": the next clause's subject, no list item
        if linked and needs is AND and _call_phrase_between(ctx, index, max(position, cue.end), hit.start):
            break  # "una llamada de Obama, y ayer conversó con Merkel": Merkel is the next call phrase's
        if not linked and _POSSESSED.match(ctx.folded, hit.end):
            return []  # "spoke by phone with Steve Witkoff, President Donald Trump's envoy": the leader's envoy
        if needs is LINK:
            between = _BETWEEN.search(ctx.folded, position, hit.start) is not None
        linked.append(hit)
        position, needs = hit.end, AND
    if linked and needs is AND:
        linked += round_next(ctx, position, sentence.end, hits, starts, MAX_LINKED - len(linked))
    nearest = bisect_left(starts, cue.start) - 1
    while nearest >= 0 and (hits[nearest].end > cue.start or not (hits[nearest].official_id or hits[nearest].role)):
        nearest -= 1
    if nearest >= 0 and ";" in ctx.folded[hits[nearest].end : cue.start]:
        nearest = -1  # "King receives calls from Sisi, Sudani; phones UAE president": a clause of its own, the
        # subject left out
    for k in range(nearest - 1, max(-1, nearest - 1 - _RELATIVE_HITS), -1):
        if _RELATIVE_CLAUSE.match(ctx.folded, hits[k].end, cue.start):
            nearest = k  # "Alckmin, que ejerce la Presidencia mientras Lula viaja, mantuvo ...", "Randrianirina, que
            # juró como presidente tras la caída de Andry Rajoelina, ha solicitado ...": the clause's names
    fronted = fronted_links(ctx, sentence.start, hits, cue)
    linked = fronted + linked
    subjects = [hits[nearest]] if nearest >= 0 and hits[nearest] not in fronted else []
    owned = _POSSESSED.match(ctx.folded, subjects[0].end) if subjects else None
    if owned and _POSSESSED_SUBJECT.fullmatch(ctx.folded, owned.end(), cue.start):
        return []  # "Kirill Dmitriev, President Vladimir Putin's special envoy, spoke by phone": his envoy
    named_last = subjects[-1].end if subjects else 0  # the titles between are read from the name nearest the phrase
    if subjects and (with_object(ctx, subjects[0]) or _caller_object(ctx, subjects[0])):
        earlier = _subject_of_call_with(ctx, subjects[0], cue, index)
        if earlier is not None:  # "habló con Xi Jinping, a quien informó ..., y el jueves había llamado a
            subjects = [earlier]  # Ramaphosa": Xi is the other side of the call before, whose subject calls again
        elif with_object(ctx, subjects[0]) and _BUT_CLAUSE.search(ctx.folded, subjects[0].end, cue.start):
            subjects = _sentence_subject(ctx, hits[max(0, nearest - MAX_LINKED) : nearest])  # "Sánchez no abordó
            # con Macron el acuerdo, pero sí lo trató en su conversación con Lula": Macron is another verb's object
        elif with_object(ctx, subjects[0]) and _other_side_of_no_leaders_call(ctx, subjects[0], cue, index):
            return []  # "Guterres held a phone call with Pezeshkian, a day after speaking with Netanyahu": the
            # subject of both calls is the one who is no leader
    titled = bool(subjects) and bare_title_between(ctx, named_last, cue.start, hits)
    if titled:  # "The spokesman, Ambassador X, stated that the President received a phone call": the title's
        subjects = []
    elif subjects and plain_title_between(ctx, named_last, cue.start, hits):
        return []  # "Johannesen said the fisheries ministers had spoken by phone": no leaders' call
    if subjects and nearest > 0 and _minister_and(ctx, hits[nearest - 1], subjects[-1]):
        return []  # "Foreign Minister Beate Meinl-Reisinger and her Swiss counterpart Ignazio Cassis spoke by phone"
    if not linked and (called := pronoun_object(ctx, cue, index)) is not None:
        linked = [called]  # "Boko called her on Monday": the protagonist named just before
    after = None if subjects or fronted else subject_after_phrase(ctx, cue, linked)
    linked = [h for h in linked if h is not after]
    on = ctx.article.published_date
    leaders = distinct([h for h in linked if is_leader(ctx, h, on)])
    if between and len(leaders) >= 2 and linked[0] is leaders[0]:
        return _pairs(leaders[0], leaders[1:2], "a call between the two")
    if between and len(linked) == 1 and _AND_A_NOUN.match(ctx.folded, linked[0].end):
        return []  # "una llamada entre Saied y el Consejo Presidencial libio": the other side is no official
    if between and len(distinct(linked)) >= 2 and len(leaders) < 2:
        return []  # "una conversación entre la primera ministra X y el presidente del Senado, Y": a side no leader
    if subjects and not is_leader(ctx, subjects[-1], on) and not (not linked and points_back(ctx, cue)):
        return []  # "El ministro del Interior, Fernando Grande-Marlaska, habló por teléfono con ...": not a leader
    if not linked:
        return [] if _links_a_non_leader_title(ctx, cue, sentence.end) else None
    if not is_leader(ctx, linked[0], on):
        return []  # "spoke by phone with Foreign Minister X": no leaders' call
    if (
        not subjects
        and not after
        and not fronted
        and not titled
        and someone_else_speaks(ctx, sentence.start, cue.start)
    ):
        return []  # "Moratinos habla por teléfono con Chávez", "el titular de Exteriores había hablado con"
    if subjects:
        subject, how = subjects[-1], "subject of the call phrase"
    elif not between and points_back(ctx, cue) and len(leaders) == 1 and _is_protagonist(ctx, leaders[0]):
        return None  # "Those meetings were not part of the conversation with Støre" in a story about Støre: the
        # call told already, not one with the leader named last
    elif not between and points_back(ctx, cue) and len(leaders) == 1 and (told := _told_with(ctx, cue, leaders[0])):
        subject, how = told, "the other side of the call with that leader told before"  # "La llamada con Merkel"
    elif after is not None:
        subject, how = after, "the subject after the call phrase that opens the sentence"
    elif (titled_subject := title_subject(ctx, sentence.start, cue.start, leaders)) is not None:
        subject, how = titled_subject
        if not is_leader(ctx, subject, on):
            return []  # "His Highness the Crown Prince received a phone call from ...": an heir, no leader
    else:
        subject, how = pronoun_subject(ctx, cue, leaders)
    if subject is None:
        return None
    return _pairs(subject, leaders, how)


_AND_COUNTERPART = re.compile(r"\s+(?:and|y|e)\s+(?:(?:her|his|their|su|sus)\s+)?(?:[\w'’-]+\s+){0,3}\Z")


def _minister_and(ctx: ArticleContext, first: OfficialHit, second: OfficialHit) -> bool:
    """Two subjects joined by "and" ("A and her Swiss counterpart B") the first of whom holds an office that is no
    leader's on the article's date: ministers on the phone, not leaders."""
    if first.role is None:
        return False
    if first.official_id is not None and is_leader(ctx, first, ctx.article.published_date):
        return False
    role = ctx.reference.roles.get(first.role)
    return role is not None and not role.is_leader and bool(_AND_COUNTERPART.match(ctx.folded, first.end, second.start))


def _is_protagonist(ctx: ArticleContext, hit: OfficialHit) -> bool:
    main = protagonist(ctx)
    return main is not None and main.official_id == hit.official_id


def _links_a_non_leader_title(ctx: ArticleContext, cue: Cue, sentence_end: int) -> bool:
    """Whether the call phrase links a title that is no leader's, its holder unknown to the reference ("spoke by
    phone with European Commission President Ursula von der Leyen", "habló con su homólogo, el canciller X"), or
    someone who holds no public office ("con el director ejecutivo de la naviera", "phoned captain Siya Kolisi")."""
    if _PRIVATE_TITLE.match(ctx.folded, cue.end, sentence_end):
        return True
    if (person := _PERSON_AFTER.match(ctx.text, cue.end, sentence_end)) is not None:
        start, end = person.span("name")
        if not any(ctx.reference_hits.find(kind, start, end) for kind in ("alias", "place", "title")):
            return True  # "telephoned Mereani Tuilau, the nurse who ...": a person the reference knows as no official
    spans = ctx.title_spans
    i = bisect_left(spans, (cue.end, cue.end))
    needs = None if LINK_AT_END.search(ctx.folded, cue.start, cue.end) else LINK  # "call between": holds it
    if i == len(spans) or spans[i][1] > sentence_end or not gap_ok(ctx, cue.end, spans[i][0], needs):
        return False
    start, end = spans[i]
    if INSTITUTION.search(ctx.folded, max(cue.end, start - 40), start):
        return True  # "European Commission President", "el presidente del Consejo Europeo": no head of state
    if _OF_INSTITUTION.match(ctx.folded, end) and not _OF_MINISTERS.match(ctx.folded, end):
        return True  # "the president of the ECOWAS Commission"; not "President of the Council of Ministers"
    return not leader_title(ctx, ctx.folded[start:end])


def _pairs(subject: OfficialHit, others: list[OfficialHit], how: str) -> list[Link]:
    return [
        Link(subject, other, how)
        for other in others
        if other.official_id != subject.official_id and other.country_code != subject.country_code
    ]


_BESIDE = 48
"""Characters either side of a call phrase that links nobody within which another phrase of the same call may stand."""


def beside_a_call_of_no_leader(ctx: ArticleContext, cue: Cue, index: int) -> bool:
    """Whether a call phrase that links nobody ("sostuvo", "by phone") stands just before one of the same sentence
    that links someone who is no leader ("... una conversación telefónica con el director ejecutivo de la naviera"),
    or just after one whose subject is no leader ("CEO Jim Farley said he had spoken with President Trump by
    phone"): the leaders the sentence names elsewhere are not on that call."""
    start = ctx.sentences[index].start
    return any(
        other is not cue
        and (
            cue.start <= other.start < cue.end + _BESIDE
            or (cue.start - _BESIDE < other.end <= cue.start and private_speaker(ctx, start, other.start))
        )
        and cue_links(ctx, other, index) == []
        for other in ctx.in_sentence("cues", index)
    )


_COORDINATED_REACH = 300  # characters from the other side of one call to the next call phrase it is joined to
_COORDINATOR = re.compile(r"[ \t,](?:" + phrase_alternation(_PAIRS["coordinators"]) + r")[ \t]")


def _call_phrase_between(ctx: ArticleContext, index: int, start: int, end: int) -> bool:
    """Whether another call phrase of sentence ``index`` starts in ``[start, end)`` (by bisection: a sentence of many
    calls stays linear)."""
    starts = ctx.starts_in("cues", index)
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


def _told_with(ctx: ArticleContext, cue: Cue, leader: OfficialHit) -> OfficialHit | None:
    """The other side of the first call told before ``cue`` that linked ``leader`` ("... conversó con la canciller
    alemana, Angela Merkel. La llamada con Merkel, a iniciativa de la canciller, se centró en ..."). The article's
    call phrases are read once, in order, whatever the order of the questions: linear in the article."""
    scan = ctx.memo.get("told_with")
    if scan is None:  # the next call phrase to read, and each leader's first call: (its start, the other side)
        scan = ctx.memo["told_with"] = [0, {}]
    cues = ctx.cues
    while scan[0] < len(cues) and cues[scan[0]].end <= cue.start:
        earlier = cues[scan[0]]
        for link in cue_links(ctx, earlier, ctx.sentence_of(earlier.start)) or ():
            for one, other in ((link.first, link.second), (link.second, link.first)):
                scan[1].setdefault(one.official_id, (earlier.start, other))
        scan[0] += 1
    first = scan[1].get(leader.official_id)
    return first[1] if first is not None and first[0] < cue.start else None


_FROM_BEFORE = re.compile(r"(?<![\w])(?:from|de|del)\s+(?:(?:the|el|la)\s+)?(?:[\w'’-]+\s+)?\Z")


def _caller_object(ctx: ArticleContext, hit: OfficialHit) -> bool:
    """ "from"/"de" right before a name or its title: the caller of someone's call ("recibió una llamada *del*
    presidente de Estados Unidos, Barack Obama"), no subject of the next clause."""
    start = hit.title_span[0] if hit.title_span else hit.start
    return _FROM_BEFORE.search(ctx.folded, max(0, start - 24), start) is not None


def _sentence_subject(ctx: ArticleContext, before: list[OfficialHit]) -> list[OfficialHit]:
    """The first leader of ``before`` (the sentence's names before the phrase) that no link makes an object."""
    on = ctx.article.published_date
    for hit in before:
        if hit.official_id and not with_object(ctx, hit) and not _caller_object(ctx, hit) and is_leader(ctx, hit, on):
            return [hit]
    return []


def _other_side_of_no_leaders_call(ctx: ArticleContext, hit: OfficialHit, cue: Cue, index: int) -> bool:
    """Whether ``hit`` is what an earlier call phrase of the sentence links, right after it, when that phrase links
    no leaders' call (someone who is no leader calls ``hit``): the later phrase has that one's subject too."""
    start = hit.title_span[0] if hit.title_span else hit.start
    for earlier in ctx.in_sentence("cues", index)[:MAX_LINKED]:
        if earlier.start < cue.start and 0 <= start - earlier.end <= _OTHER_SIDE_REACH:
            return cue_links(ctx, earlier, index) == []
    return False


_OTHER_SIDE_REACH = 24
"""Characters at most from a call phrase to the one it links ("held a phone call with Iranian President X")."""


def _subject_of_call_with(ctx: ArticleContext, hit: OfficialHit, cue: Cue, index: int) -> OfficialHit | None:
    """The subject of the sentence's call phrase before ``cue`` whose other side ``hit`` is, when a coordinator
    joins the two clauses ("... con Xi, a quien informó ..., y el jueves había llamado a Ramaphosa"; not "with
    Frederiksen, who briefed him on her own conversation with Trump", where ``hit`` opens the clause)."""
    if cue.start - hit.end > _COORDINATED_REACH or _COORDINATOR.search(ctx.folded, hit.end, cue.start) is None:
        return None
    for earlier in ctx.in_sentence("cues", index)[:MAX_LINKED]:
        if earlier.end <= hit.start and earlier.start < cue.start:
            for link in cue_links(ctx, earlier, index) or ():
                if link.second.official_id == hit.official_id and link.first.official_id != hit.official_id:
                    return link.first
    return None
