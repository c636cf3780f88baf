"""The year of a story whose dateline gives only its month and day ("PARIS, March 3 (Reuters) -", "QUITO, 12 jun
(EFE).-") and which carries no publication date: fixed by evidence, never guessed.

A year fits when both participants of the call held a leader's office (head of state or government, or
president-elect) on that day of it. It is fixed when exactly one year fits

* the participants' terms alone (two leaders whose terms overlap for less than a year), or with the weekday the
  dateline itself names ("ABUJA, Thursday, March 16 -") or the story tells as its own day in the present perfect
  ("ROMA, 21 Oct. - ... ha conversado este lunes por teléfono") or with the reporting verb of a wire's lead
  ("PRAGUE, March 25 (Reuters) - Fiala said on Monday he had spoken ..."), that weekday the dateline's day or, when
  it is that in no year, the day before it (a wire filed past midnight: "LISBON, Jan 14 - ... said on Monday"); or
* a full date the article states within weeks of that day ("due in Port Moresby on Tuesday, September 16,
  2025" under "PORT MORESBY, Sept 12"): the one year in which it lies that near;
* the years the article writes (a bare "2024", a range "2023-2028", a month or date on or before that day of the
  year: "in July 2023" under "MANILA, Aug 14"): the one year that fits among them. Years the text writes outside
  the participants' shared office (background, a term's end), or only in a month after that day of the year,
  never count.

The participants' terms are those the reference data knows: a participant it does not know bounds nothing, but
one known participant at least is needed.

With several years left the story's day stays month/day only, and says so.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from hotline.extract.context import RULES, ArticleContext
from hotline.extract.dates import WEEKDAY_NAMES, WEEKDAYS, safe_date
from hotline.extract.leaders import is_leader_term, title_before
from hotline.extract.officials.countries import marked_former
from hotline.extract.officials.patterns import title_role
from hotline.extract.published import dateline_month_day, dateline_spans
from hotline.extract.rules import load_rules
from hotline.text import fold, phrase_alternation

_OPEN_TERM = dt.timedelta(days=365 * int(RULES["open_term_years"]) + 1)
_ONE_YEAR = dt.timedelta(days=365)
_NEAR = dt.timedelta(days=45)
"""How close to the story's day a stated full date must lie to give it its year."""
_YEAR = re.compile(r"(?<![\w.,$€£/-])(?:19|20)\d{2}(?![\w/]|[.,]\d)")
"""A year written in the text: four digits standing alone ("2024", "2023-2028"), not part of an amount
("14.000", "$2,024") or of a numeric date or path."""


_DATE_RULES = load_rules("dates")
_HODIERNAL = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(_DATE_RULES["hodiernal_auxiliaries"]) + r")\s+"
    r"(?:\w+\s+)?\w+(?:ado|ido|cho|sto|ito|ierto|uelto)"  # "ha conversado", "han informado", "ha dicho"
    r"(?P<gap>(?:\s+\w+){0,4}?)\s+este\s+(?P<weekday>" + phrase_alternation(WEEKDAYS) + r")(?![\w])"
)
"""A present perfect with "este" and a weekday: the story's own day ("ha conversado este lunes por teléfono",
"según han informado este jueves fuentes de Moncloa")."""
_HODIERNAL_GAP = frozenset(_DATE_RULES["hodiernal_gap_words"])
_LEAD_REPORT = re.compile(
    r"(?<![\w])(?:" + phrase_alternation(_DATE_RULES["lead_report_verbs"]) + r")\s+(?:on\s+)?"
    r"(?P<weekday>" + phrase_alternation(WEEKDAYS) + r")(?![\w])"
)
_LEAD_REPORT_AFTER = re.compile(
    r"(?<![\w])on\s+(?P<weekday>" + phrase_alternation(WEEKDAYS) + r")\s+"
    r"(?:" + phrase_alternation(_DATE_RULES["lead_report_verbs"]) + r")(?![\w])"
)
"""In a wire story's lead, a reporting verb with a weekday: the story's own day ("PRAGUE, March 25 (Reuters) -
Czech Prime Minister Petr Fiala said on Monday he had spoken ...", "COPENHAGEN, March 4 (Reuters) - Denmark's
government on Tuesday denied ...")."""


_SINCE_BEFORE = re.compile(
    r"(?<![\w])(?:since|desde|as of|a partir de|until|hasta|before|antes de|\w{3,}(?:ed|en)\s+in"
    r"|\w{2,}(?:ado|ido|ada|ida)s?\s+en)\s+\Z"
)
"""Before a year, words that make it a bound of another time, not the story's year: "since 2022", or a completed
event it locates ("the talks that were interrupted in 2022", "firmado en 2023"): the story comes after it."""
_SINCE_PHRASE = re.compile(r"(?<![\w])(?:since|desde)\s+(?:[\w'’-]+\s+){1,5}\Z")
"""A year that closes a "since" phrase naming the event it dates ("since the Russian invasion in February 2022",
"desde la firma del acuerdo en 2019"): the start of a stretch the story lies in, not the story's year."""
_SINCE_REACH = 60


@dataclass(frozen=True, slots=True)
class StoryDay:
    """The story's own day from its dateline: month and day, and the date when one year fits the evidence."""

    month: int
    day: int
    stated: str
    date: dt.date | None
    how: str


def story_day(ctx: ArticleContext, participant_ids: tuple[str, ...]) -> StoryDay | None:
    """The day of a story whose dateline gives no year, with the year when the evidence fixes exactly one."""
    own = dateline_month_day(ctx.text, ctx.folded, ctx.lex)
    if own is None:
        return None
    month, day, stated = own
    years = office_years(ctx, participant_ids, month, day)
    weekday, named = _dateline_weekday(stated), ""
    if weekday is not None:
        years = [y for y in years if day_in(y, month, day).weekday() == weekday]
        named = f" and the dateline's {WEEKDAY_NAMES[weekday]}"
    elif (told := _told_weekday(ctx)) is not None:
        latest = ctx.reference.as_of + _ONE_YEAR  # past it, a term is an open guess: no year to tell apart there
        for shift, after in ((0, ""), (-1, ", the day before its dateline")):  # a wire filed past midnight
            fitting = [
                y
                for y in years
                if day_in(y, month, day, shift).weekday() == told[0] and day_in(y, month, day) <= latest
            ]
            if fitting:
                years, named = fitting, f" and the story's own {WEEKDAY_NAMES[told[0]]} ('{told[1]}'){after}"
                break
    if len(years) > 1 and (titled := _titled_years(ctx, participant_ids, years, month, day)) is not None:
        years, named = titled[0], f"{named} and the terms of {titled[1]}"
    near = _near_full_dates(ctx, years, month, day)
    if len(years) > 1 and len(near) == 1:
        ((year, stated_date),) = near.items()
        how = f"year from a date the article states: {stated_date} lies within weeks of that day only in {year}"
        return StoryDay(month, day, stated, day_in(year, month, day), how)
    if len(years) == 1:
        how = f"year from the participants' terms: {years[0]} is the only year they held office on that day{named}"
        return StoryDay(month, day, stated, day_in(years[0], month, day), how)
    written = sorted(written_years(ctx, month, day) & set(years))
    if len(written) == 1:
        how = (
            f"year written in the article: {written[0]} is the only year it writes in which the participants "
            f"held office on that day{named}"
        )
        return StoryDay(month, day, stated, day_in(written[0], month, day), how)
    how = f"no evidence fixes its year ({len(years)} years fit the participants' terms{named})"
    return StoryDay(month, day, stated, None, how)


def story_date(ctx: ArticleContext, participant_ids: tuple[str, ...]) -> dt.date | None:
    """The story's own day of an article with no publication date, when its dateline and the evidence fix it: what
    a call the article tells without dating it (a requested or denied call) gives the article."""
    if ctx.article.published_date is not None:
        return None
    story = story_day(ctx, participant_ids)
    return story.date if story is not None else None


def office_years(ctx: ArticleContext, participant_ids: tuple[str, ...], month: int, day: int) -> list[int]:
    """The years in which every participant the reference data knows (at least one of two) held a leader's office
    on ``month``/``day``."""
    if len(set(participant_ids)) < 2:
        return []
    titled = _titled_roles(ctx)
    spans = []
    for official_id in set(participant_ids):
        terms = ctx.reference.terms_of(official_id)
        as_titled = [t for t in terms if t.role in titled.get(official_id, ())]
        leader = [(t.start, term_end(ctx, t.start, t.end)) for t in as_titled or terms if is_leader_term(ctx, t)]
        if leader:
            spans.append(leader)
        elif terms:
            return []  # known, but never a leader: no year fits
    if not spans:
        return []
    first = max(min(start for start, _ in s) for s in spans).year
    last = min(max(end for _, end in s) for s in spans).year
    years = []
    for year in range(first, last + 1):
        on = safe_date(year, month, day)
        if on is not None and all(any(start <= on < end for start, end in s) for s in spans):
            years.append(year)
    return years


_THEN = re.compile(r"(?<![\w])(?:then|entonces|by then)[\s-]*\Z")


def _titled_years(
    ctx: ArticleContext, participant_ids: tuple[str, ...], years: list[int], month: int, day: int
) -> tuple[list[int], str] | None:
    """The ``years`` in which every other official the article names with a title ("Thai Prime Minister
    Paetongtarn Shinawatra", "Chancellor Olaf Scholz", "Foreign Minister Antonio Tajani") held that office on
    ``month``/``day``, when they narrow the list and leave a year, with who narrowed it. A title the text marks
    as past ("former President", "then-Chancellor") and an office the reference data has no term of bound
    nothing. Read once per article and participants (an article of many calls asks for each)."""
    key = ("titled_years", participant_ids, tuple(years), month, day)
    if key not in ctx.memo:
        ctx.memo[key] = _narrowed_by_titles(ctx, participant_ids, years, month, day)
    found: tuple[list[int], str] | None = ctx.memo[key]
    return found


def _narrowed_by_titles(
    ctx: ArticleContext, participant_ids: tuple[str, ...], years: list[int], month: int, day: int
) -> tuple[list[int], str] | None:
    kept, named = set(years), []
    for hit in ctx.officials:
        span = title_before(ctx, hit) if hit.official_id and hit.official_id not in participant_ids else None
        role = title_role(ctx.reference, ctx.folded[span[0] : span[1]]) if span else None
        if span is None or role is None or marked_former(hit, ctx):
            continue
        if _THEN.search(ctx.folded, max(0, span[0] - 12), span[0]):
            continue
        terms = [t for t in ctx.reference.terms_of(hit.official_id or "") if t.role == role]
        if not terms:
            continue
        held = {y for y in kept if any(t.start <= day_in(y, month, day) < term_end(ctx, t.start, t.end) for t in terms)}
        if held and held != kept:
            kept, named = held, [*named, ctx.text[span[0] : hit.end]]
    if not named or not kept:
        return None
    return sorted(kept), ", ".join(f"'{n}'" for n in named)


def _titled_roles(ctx: ArticleContext) -> dict[str, set[str]]:
    """The roles the titles right before the article's names give each official ("Acting President Han":
    president): a leader who held two offices (prime minister, then acting president) is dated by the one the
    article names. Read once per article."""
    roles: dict[str, set[str]] | None = ctx.memo.get("titled_roles")
    if roles is None:
        roles = ctx.memo["titled_roles"] = {}
        for hit in ctx.officials:
            span = title_before(ctx, hit) if hit.official_id else None
            role = title_role(ctx.reference, ctx.folded[span[0] : span[1]]) if span else None
            if hit.official_id and role is not None:
                roles.setdefault(hit.official_id, set()).add(role)
    return roles


def term_end(ctx: ArticleContext, start: dt.date, end: dt.date | None) -> dt.date:
    """A term's end; an open term lasts, for this bound, six years from its start and at least a year past the
    date the reference data was last updated (long-serving leaders are still in office)."""
    return end or max(start + _OPEN_TERM, ctx.reference.as_of + _ONE_YEAR)


def written_years(ctx: ArticleContext, month: int, day: int) -> set[int]:
    """The years the article writes that can be the year of ``month``/``day``: written alone ("2024", "2023-2028")
    or in a date or month on or before that day of the year ("in July 2023" for August 14). A year written only in
    a month after that day ("el protocolo de noviembre de 2023" for October 21) speaks of another time."""
    if "written_years" not in ctx.memo:
        dated = [d for d in ctx.dates if d.year and d.month]  # in order of appearance: found by bisection
        starts = [d.start for d in dated]
        uses: dict[int, list[tuple[int, int]]] = {}
        for match in _YEAR.finditer(ctx.folded):
            if _SINCE_BEFORE.search(ctx.folded, max(0, match.start() - 16), match.start()) or _SINCE_PHRASE.search(
                ctx.folded, max(0, match.start() - _SINCE_REACH), match.start()
            ):
                continue  # "have doubled since 2022", "desde 2023": a time the story comes after
            year, at = int(match.group()), bisect_right(starts, match.start()) - 1
            inside = dated[at] if at >= 0 and match.start() < dated[at].end and dated[at].year == year else None
            uses.setdefault(year, []).append((inside.month or 0, inside.day or 1) if inside else (0, 0))
        ctx.memo["written_years"] = uses
    written: dict[int, list[tuple[int, int]]] = ctx.memo["written_years"]
    return {year for year, found in written.items() if any(when <= (month, day) for when in found)}


def _near_full_dates(ctx: ArticleContext, years: list[int], month: int, day: int) -> dict[int, str]:
    """The years (of ``years``) in which a full date the article states lies within ``_NEAR`` of ``month``/``day``,
    with that date."""
    near: dict[int, str] = {}
    for expr in ctx.dates:
        stated = expr.as_date() if expr.kind == "absolute" else None
        if stated is None:
            continue
        for year in (stated.year - 1, stated.year, stated.year + 1):
            if year in years and abs((day_in(year, month, day) - stated).days) <= _NEAR.days:
                near.setdefault(year, ctx.text[expr.start : expr.end])
    return near


def _told_weekday(ctx: ArticleContext) -> tuple[int, str] | None:
    """The story's own weekday as its text tells it in the present perfect ("ha conversado este lunes"), with the
    words; None when the text tells none, or tells two different days so."""
    found: dict[int, str] = {}
    for match in _HODIERNAL.finditer(ctx.folded):
        if set(match.group("gap").split()) <= _HODIERNAL_GAP:
            found.setdefault(WEEKDAYS[match.group("weekday")], ctx.text[match.start() : match.end()])
    for match in _lead_reports(ctx):
        found.setdefault(WEEKDAYS[match.group("weekday")], ctx.text[match.start() : match.end()])
    return next(iter(found.items())) if len(found) == 1 else None


def _lead_reports(ctx: ArticleContext) -> list[re.Match[str]]:
    """The reporting verbs with a weekday in the sentence of the story's dateline, after it (its lead)."""
    spans = dateline_spans(ctx.text, ctx.folded, ctx.lex)
    if not spans:
        return []
    end = spans[0][1]
    sentence = ctx.sentences[ctx.sentence_of(end)]
    stop = max(end, sentence.end)
    return [*_LEAD_REPORT.finditer(ctx.folded, end, stop), *_LEAD_REPORT_AFTER.finditer(ctx.folded, end, stop)]


def _dateline_weekday(stated: str) -> int | None:
    """The weekday a dateline names after its place ("ABUJA, Thursday, March 16"), not a place's name ("SANTO
    DOMINGO, 24 feb")."""
    for part in stated.split(",")[1:]:
        word = fold(part).strip(" .")
        if word in WEEKDAYS:
            return WEEKDAYS[word]
    return None


def day_in(year: int, month: int, day: int, shift: int = 0) -> dt.date:
    """The day ``shift`` days from ``year``-``month``-``day``, a day that exists (one office_years gives)."""
    found = safe_date(year, month, day)
    assert found is not None
    return found + dt.timedelta(days=shift)
