"""Publication dates stated in an article's text, read where real pages put them, in this order:

* after a publication cue: "Posted on 02/05/2025", " date 2026-01-29", "Publicado el lunes 18 de septiembre de 2023";
* in a dateline opening the story: "ABUJA, Thursday, March 16, 2017 -", "MONTEVIDEO, 25 nov 2024 (EFE).-";
* on a date line under the title: "Monday 7 November 2011", "28/06/2023 | Política", "Source: Xinhua | 2022-03-18
  22:26:49", "Periódico La Jornada Jueves 5 de enero de 2023, p. 3".

A date with no year ("PARIS, March 3 (Reuters) -") is no publication date. Other dates in the text are events.
A numeric date whose day/month order is ambiguous is read in the order the story's own dateline states in words
("05/08/2025 01:52 PM" above "KUALA LUMPUR, Aug 5 (Bernama) --" is 5 August), else in the order the article's own
full dates support: the publication cannot precede a fully dated event the article reports (e.g. a quoted post dated
"May 1, 2025" rules out reading "02/05/2025" as February 5). With no such evidence, English text is read
month/day and Spanish text day/month, and the evidence says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from hotline.extract.dates import DATE_WORDS, WEEKDAYS, DateExpr, find_dates, find_dates_from_words, safe_date
from hotline.extract.lexicon import Lexicon, LexiconHits
from hotline.extract.rules import load_rules
from hotline.text import compile_phrases, fold_text

_RULES = load_rules("published")
PUBLICATION_CUE = compile_phrases(_RULES["cues"])
_LINE_CUE = compile_phrases(_RULES["line_cues"])
_UPDATE_CUES = frozenset(_RULES["update_cues"])
"""Cues of the last update: its date is the publication date only when the page states no other."""
_HEADER_START = re.compile(r"[\n·|•—–.:-][ \t*_]*\Z")
"""Where a line cue stands in a header: after a line break or a separator (or at the very start)."""
_SPANISH = compile_phrases(_RULES["spanish_markers"])
_HEAD_CHARS = _RULES["head_chars"]
_DATE_LINES = _RULES["date_line_paragraphs"]
_DATE_LINE_CHARS = _RULES["date_line_max_chars"]
# Words allowed between a cue and its date: "published on", "publicado el lunes", "updated: Monday,".
PUBLICATION_GAP_WORDS = _GAP_WORDS = frozenset(
    {"on", "el", "the", "a", "las", "del", "de", "of", *WEEKDAYS, *_RULES["gap_words"]}
)
# A dateline: an upper-case place or places ("ANKARA/LONDON") (and region, or the agency in parentheses:
# "WASHINGTON (AP), "), then the date, at the start of the story's first paragraph.
_AGENCY = r"(?:\s*\([^()\n]{1,60}\))?"
_AGENCY_FIRST = r"(?:\([A-Za-zÀ-ÿ .&-]{2,30}\)\s*[–—-]+\s*)?"
"""An agency's name in parentheses and a dash before the place: "(ANSA) - ROME, MAY 16 2025 - "."""
_DATELINE_PLACE = re.compile(
    _AGENCY_FIRST + r"[A-ZÀ-Ý][A-ZÀ-Ý.'’ /-]{1,40}" + _AGENCY + r"(?:,\s*[A-Za-zÀ-ÿ.'’ -]{2,30})?(?:\.-|[,:–—-])\s*$"
)
# A place written in mixed case ("Ciudad de México, 8 de agosto de 2022.—") is a dateline only when a dash (or
# an agency in parentheses, then a dash), or a stop or colon before the story's first capital ("Bogotá,
# 12/03/2025. El presidente"), follows the date.
_MIXED_CASE_PLACE = re.compile(
    _AGENCY_FIRST
    + r"[A-ZÀ-Ý][\wÀ-ÿ.'’]*(?:/[A-ZÀ-Ý][\wÀ-ÿ.'’]*)?"  # one place or two joined by a slash ("Lagos/Acra")
    + r"(?: (?:[A-ZÀ-Ý][\wÀ-ÿ.'’]*|de|del|la|el|do|da|los|las)){0,4}"
    + _AGENCY
    + r",\s*$"
)
_DASH_AFTER = re.compile(
    r"\s*(?:\([^)]{1,80}\)|,\s*[A-Z]{2,10})?\s*(?:\.?\s*[–—-]|[.:][*_]*\s+(?=[A-ZÁÉÍÓÚÑ])|(?<=[.)])\s+(?=[A-ZÁÉÍÓÚÑ]))"
)  # "(EFE).-", ", SPA --", "(Oficina de Comunicaciones y Prensa del Congreso de la República). El", "17 abr. El",
# "**Ciudad de México, 8 de noviembre de 2024.** La" (a dateline in bold), "Abuja, Jan. 27, 2025 (NAN) President"
_SENTENCE_END = re.compile(r"\w[.!?][\"”’)]?\s*$")
_PROSE_WORDS = 2
_PARENTHESES = re.compile(r"\([^()\n]*\)")
"""A parenthesis in a header line is a note about the page ("(transcript excerpt, 10:14-10:22)"), not prose."""
"""A date line holds at most this many lower-case words besides its date ("p. 3", "huaxia"): more is prose."""


def published_date_from_text(text: str) -> tuple[dt.date | None, str | None]:
    """The publication date the text states near its top, and a sentence saying how it was read."""
    head = text[:_HEAD_CHARS]
    folded = fold_text(head)
    updated: tuple[dt.date | None, str | None] | None = None
    for cue in _cues(folded):
        window_end = min(len(folded), cue.end() + 60)
        dates = [d for d in find_dates(folded, head, cue.end(), window_end) if d.year is not None]
        if not dates or not set(re.findall(r"\w+", folded[cue.end() : dates[0].start])) <= _GAP_WORDS:
            continue
        found = _read(dates[0], head[cue.start() : dates[0].end], text, "stated in the text")
        if found[0] is not None and cue.group() not in _UPDATE_CUES:
            return found
        updated = updated or (found if found[0] is not None else None)  # "Updated ... | First published ..."
    return updated or _from_date_lines(head, folded, text)


def _cues(folded: str) -> list[re.Match[str]]:
    """The publication cues of the head in order: anywhere, and the line cues where a header puts them."""
    found = list(PUBLICATION_CUE.finditer(folded))
    for cue in _LINE_CUE.finditer(folded):
        before = folded[max(0, cue.start() - 8) : cue.start()]
        if _HEADER_START.search(before) or (cue.start() <= 8 and not before.strip(" \t*_")):
            found.append(cue)
    return sorted(found, key=lambda c: c.start())


_SLASHED_ISO = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")


def date_from_value(value: str) -> dt.date | None:
    """The date of a metadata value (front matter, a JSON field) written in words or numbers, in English or
    Spanish ("May 2, 2025", "2 de mayo de 2025", "2025/05/02"): the one full date it holds, read by the same reader
    as the dates of the text. A numeric date whose day/month order is ambiguous ("02/05/2025") is not guessed."""
    text = " ".join(value.split())
    slashed = _SLASHED_ISO.fullmatch(text)
    if slashed:
        return safe_date(int(slashed[1]), int(slashed[2]), int(slashed[3]))
    dates = [d for d in find_dates(fold_text(text)) if d.is_full or d.kind == "numeric"]
    return dates[0].as_date() if len(dates) == 1 and dates[0].kind == "absolute" else None


def _from_date_lines(head: str, folded: str, text: str) -> tuple[dt.date | None, str | None]:
    """A dateline opening the story, or a short date line under the title, among the first paragraphs."""
    for expr, where, stated in _head_dates(head, folded, with_year=True):
        return _read(expr, stated, text, where)
    return None, None


def dateline_spans(text: str, folded: str, lex: LexiconHits | None = None) -> list[tuple[int, int]]:
    """Where the story's own date stands in a dateline or a date line ("QUITO, Jan 12 —", "28/06/2023 |"),
    year or not: the date of the story, never the date of an event it reports. ``folded``: ``fold_text(text)``;
    ``lex``: its lexicon pass with ``date_word`` (:func:`hotline.extract.context.article_lexicon`), if at hand."""
    head = text[:_HEAD_CHARS]
    # the span starts where the line does: a weekday before the date ("ABUJA, Thursday, March 16, 2017 -") is
    # the story's too
    lines = _dateline_dates(head, folded[:_HEAD_CHARS], _head_words(text, folded, lex))
    return [(expr.end - len(stated), _weekday_after(folded, expr.end)) for expr, _, stated in lines]


_WEEKDAY_AFTER = re.compile(r"\s*\(\s*(?P<day>[^\W\d_]+)\s*\)")


def _weekday_after(folded: str, end: int) -> int:
    """Where the story's date ends with the weekday it names in parentheses after it ("KUALA LUMPUR, Sept 29, 2025
    (Monday) --"): that weekday is the story's day, not an event's."""
    found = _WEEKDAY_AFTER.match(folded, end)
    return found.end() if found and found.group("day") in WEEKDAYS else end


_POST_SIGNATURE = re.compile(
    r"^>?[ \t]*[—–-]+[ \t]*[^\n()]{1,80}\(@\w{1,30}\),?[ \t]+(?P<date>[^\n]{6,40}?)[ \t]*$", re.M
)
"""The signature line of an embedded post: "— Miguel Díaz-Canel (@DiazCanelB) August 6, 2022", "— Volodymyr
Zelenskyy (@ZelenskyyUa), 5:42 PM · Mar 14, 2025"."""
_QUOTED_LINE = re.compile(r"^>[^\n]*\n", re.M)
_QUOTED_PARAGRAPH = re.compile(r"[ \t]*[\"“][^\n]*\n+\Z")
"""The paragraph right above a signature, in quotation marks: the post's words when no line is quoted with '>'."""


def post_dates(text: str) -> list[tuple[int, int, dt.date, str]]:
    """Embedded posts: the quoted lines (``> ...``) above a signature that gives the author's handle and the post's
    date, as (start of the quote, end of the signature, date, signature). A post's date is the day its own words
    ("I have just spoken with ...") speak of, whatever the article's."""
    found = []
    for signature in _POST_SIGNATURE.finditer(text):
        day = date_from_value(signature.group("date"))
        if day is None:
            continue
        start = signature.start()
        while True:
            line_start = text.rfind("\n", 0, max(0, start - 1)) + 1
            if line_start >= start or not _QUOTED_LINE.match(text, line_start):
                break
            start = line_start
        if start == signature.start():  # no '>' lines: the quoted paragraph above, if any
            above = text.rfind("\n\n", 0, max(0, start - 1))
            above = 0 if above < 0 else above + 2
            if _QUOTED_PARAGRAPH.match(text, above, start):
                start = above
        found.append((start, signature.end(), day, signature.group().strip(" >")))
    return found


_HEADING_LINE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?[*_]*(?P<value>[^\n*_#]{8,40}?)[*_]*[ \t]*$", re.M)


def day_heading_above(text: str, offset: int) -> tuple[dt.date, str] | None:
    """The day heading (:func:`day_headings`) the text at ``offset`` stands under, if any: (its date, as stated)."""
    above = [(day, stated) for end, day, stated in day_headings(text) if end <= offset]
    return above[-1] if above else None


@lru_cache(maxsize=2)  # read once per article, by each of its call dates
def day_headings(text: str) -> tuple[tuple[int, dt.date, str], ...]:
    """The day headings of a page that runs over several days (a live blog's "## Tuesday 7 October 2025"): lines
    that hold one full date and nothing else but its weekday, as (where the line ends, the date, as stated). The
    entries under such a heading are of its day, whatever the page's publication date."""
    found = []
    for line in _HEADING_LINE.finditer(text):
        value = line.group("value").strip()
        folded = fold_text(value)
        dates = [d for d in find_dates(folded, value) if d.kind == "absolute"]
        if len(dates) != 1 or not dates[0].is_full or (day := dates[0].as_date()) is None:
            continue
        rest = re.findall(r"[^\W\d_]+", folded[: dates[0].start] + " " + folded[dates[0].end :])
        if all(word in WEEKDAYS or word in ("de", "del") for word in rest):
            found.append((line.end(), day, value))
    return tuple(found)


def dateline_month_day(text: str, folded: str, lex: LexiconHits | None = None) -> tuple[int, int, str] | None:
    """The month and day of a dateline that gives no year ("LISBON, April 28 (Reuters) -", "QUITO, 12 jun (EFE).-"),
    with the date as stated: a story's own day without its year. ``folded``, ``lex``: as for :func:`dateline_spans`."""
    head = text[:_HEAD_CHARS]
    for expr, _, stated in _dateline_dates(head, folded[:_HEAD_CHARS], _head_words(text, folded, lex)):
        if expr.year is None and expr.month is not None and expr.day is not None:
            return expr.month, expr.day, stated.strip()
        return None
    return None


def dateline_date(text: str, folded: str, lex: LexiconHits | None = None) -> tuple[DateExpr, str] | None:
    """The first date of the story's dateline or date line, year or not, as stated ("WASHINGTON, May 5 (AP)").
    ``folded``, ``lex``: as for :func:`dateline_spans`."""
    head = text[:_HEAD_CHARS]
    lines = _dateline_dates(head, folded[:_HEAD_CHARS], _head_words(text, folded, lex))
    return (lines[0][0], lines[0][2].strip()) if lines else None


@lru_cache(maxsize=2)  # one article's dateline is read by the context, its story year and its call dates
def _dateline_dates(
    head: str, folded: str, words: tuple[tuple[int, int], ...] | None
) -> tuple[tuple[DateExpr, str, str], ...]:
    return tuple(_head_dates(head, folded, with_year=False, words=words))


_DATE_WORD_LEXICON = Lexicon({"date_word": DATE_WORDS})
"""The date words of a story's head in one pass (its lines are read one by one)."""


def _head_words(text: str, folded: str, lex: LexiconHits | None) -> tuple[tuple[int, int], ...] | None:
    """The date words of the story's head (``folded[:head_chars]``) from the whole text's lexicon pass: those that
    end in the head. None (the head is scanned) when the head's end cuts a word in a line that is read (the head
    alone may end a phrase there)."""
    size = _HEAD_CHARS
    if lex is None:
        return None
    if size < len(folded) and (folded[size].isalnum() or folded[size] == "_"):
        cut_line = text.rfind("\n", 0, size) + 1
        if sum(1 for line in text[:cut_line].split("\n") if line.strip()) < _DATE_LINES:
            return None
    return tuple((h.start, h.end) for h in lex.all("date_word") if h.end <= size)


def _head_dates(
    head: str, folded: str, *, with_year: bool, words: tuple[tuple[int, int], ...] | None = None
) -> Iterator[tuple[DateExpr, str, str]]:
    """The first date of each dateline or date line among the first paragraphs: (date, which, as stated).
    ``words``: where the date words of ``folded`` stand, if known (see :func:`_head_words`)."""
    paragraphs = [m for m in re.finditer(r"[^\n]+", head) if m.group().strip()][:_DATE_LINES]
    if not paragraphs:
        words = ()
    elif words is None:
        words = tuple((h.start, h.end) for h in _DATE_WORD_LEXICON.scan(folded).all("date_word"))
    for paragraph in paragraphs:
        start, end = paragraph.span()
        line = paragraph.group().strip()
        dates = [
            d
            for d in find_dates_from_words(folded, head, words, start, end)  # a line ends where a word does
            if d.kind in ("absolute", "numeric") and d.month is not None and (d.year is not None or not with_year)
        ]
        if not dates:
            continue
        first = dates[0]
        before = head[start : first.start]
        opens_story = not before.strip() and len(line) > _DATE_LINE_CHARS  # "March 16, 2017 - President ..."
        place = _without_weekday(before).lstrip("*_")  # "**Ciudad de México, 8 de noviembre de 2024.**"
        dated_place = before.strip() and (
            _DATELINE_PLACE.fullmatch(place)
            or (_MIXED_CASE_PLACE.fullmatch(place) and _DASH_AFTER.match(head, first.end))
        )
        if opens_story or dated_place:
            yield first, "dateline", head[start : first.end].strip()
            continue
        rest = _PARENTHESES.sub(" ", head[start : first.start] + head[first.end : end])  # "(transcript excerpt)"
        prose = sum(word[0].islower() for word in re.findall(r"[^\W\d_][\w.]*", rest))
        if len(line) <= _DATE_LINE_CHARS and not _SENTENCE_END.search(line) and prose <= _PROSE_WORDS:
            yield first, "date line", line
        elif first.year is not None and (alone := _date_alone(head, start, end, first)):
            yield first, "date line", alone


_ALONE_BEFORE = re.compile(
    r"(?:[|·•—–]\s+(?P<place>[A-ZÀ-Ý][\wÀ-ÿ.'’]*(?: (?:[A-ZÀ-Ý][\wÀ-ÿ.'’]*|de|del|la|el|do|da)){0,3}),\s+"
    r"|(?:^|[.!?|—–]\s+|\s\()\s*(?:(?P<weekday>[^\W\d_]+),?\s+)?|,\s+(?P<after_comma>[^\W\d_]+),?\s+)$"
)
"""Before a date that ends a header line: a separator and the place it was written in ("Presidencia de la República
— Montevideo, 15 de diciembre de 2025"), a stop or separator and a weekday, or a comma and a weekday."""
_ALONE_AFTER = re.compile(r"\)?[.]?(?:\s*\([^()\n]{1,40}\))?\s*(?:[|·•][^\n]*)?$")
"""What may follow a date that ends a header line: a closing parenthesis, a stop, a note in parentheses
("(fragmento)", "(excerpt)"), the rest of a header after "|" or "·"."""


def _date_alone(head: str, start: int, end: int, expr: DateExpr) -> str | None:
    """A full date that stands alone at the end of a line of prose or of a part of a header line set off by "|" or
    "·": its own sentence after a standfirst ("... from around the region. Friday 12 September 2025."), in
    parentheses closing a title ("Weekly Media Briefing (June 05, 2025)") or after a comma and a weekday ("Press
    Briefing by the Spokesperson, Friday, 16 May 2025", "Weekly Bulletin | Quito, lunes 2 de marzo de 2026 |
    Suscriptores"), with a note after it ("Conferencia de prensa matutina, jueves 22 de mayo de 2025 (fragmento)").
    As stated, or None."""
    before = _ALONE_BEFORE.search(head, start, expr.start)
    if before is None or not _ALONE_AFTER.fullmatch(head, expr.end, end):
        return None
    weekday = before.group("weekday") or before.group("after_comma")  # ", Friday, 16 May 2025": a weekday after a comma
    if weekday is not None and fold_text(weekday) not in WEEKDAYS:
        return None
    if ("(" in before.group()) != head[expr.end : end].lstrip().startswith(")"):
        return None
    noted = head[expr.end : end].lstrip().startswith("(")  # "... de 2025 (fragmento)": the note is not stated
    stated = head[before.end() - len(before.group().lstrip(" .!?|—–(,")) : expr.end if noted else end]
    return re.split(r"[|·•]", stated)[0].strip().rstrip(").").strip()


def _without_weekday(before: str) -> str:
    """The dateline's place with a weekday after its comma dropped: "ABUJA, Thursday, " -> "ABUJA, ". A weekday
    that is part of the place's name stays ("SANTO DOMINGO, ")."""
    place, comma, last = before.rstrip(" ,").rpartition(",")
    if comma and fold_text(last).strip(" .") in WEEKDAYS:
        return place.rstrip() + ", "
    return before


def _read(expr: DateExpr, stated: str, text: str, where: str) -> tuple[dt.date | None, str | None]:
    if expr.kind == "numeric":
        return _read_numeric(expr, stated, text, where)
    day = expr.as_date()
    return (day, f"{where}: '{stated.strip()}'") if day is not None else (None, None)


def _read_numeric(expr: DateExpr, stated: str, text: str, where: str) -> tuple[dt.date | None, str]:
    assert expr.year is not None and expr.month is not None and expr.day is not None and expr.alternative
    month_first = safe_date(expr.year, expr.month, expr.day)
    day_first = safe_date(expr.year, *expr.alternative)
    assert month_first is not None and day_first is not None
    folded = fold_text(text)
    quote = f"'{stated.strip()}'"
    for expr_line, _, line in _dateline_dates(text[:_HEAD_CHARS], folded[:_HEAD_CHARS], None):
        if expr_line.year is not None or expr_line.kind != "absolute":
            continue
        told = (expr_line.month, expr_line.day)
        if told in ((month_first.month, month_first.day), (day_first.month, day_first.day)):
            chosen = month_first if told == (month_first.month, month_first.day) else day_first
            order = "month/day" if chosen is month_first else "day/month"
            return chosen, f"{where}: {quote}, read {order}: the story's dateline '{line.strip()}' states the day"
    dated_events = [d.as_date() for d in find_dates(folded, text) if d.kind == "absolute" and d.is_full and d.as_date()]
    latest = max((d for d in dated_events if d is not None), default=None)
    if latest is not None and (month_first < latest) != (day_first < latest):
        chosen = day_first if month_first < latest else month_first
        rejected = month_first if chosen is day_first else day_first
        order = "day/month" if chosen is day_first else "month/day"
        return chosen, (
            f"{where}: {quote}, read {order}: the other reading ({rejected.isoformat()}) "
            f"precedes the dated event {latest.isoformat()} the article reports"
        )
    if _SPANISH.search(folded):
        return (
            day_first,
            f"{where}: {quote}, read day/month (Spanish-language conventions in the text)",
        )
    return (
        month_first,
        f"{where}: {quote}, read month/day (no evidence for the order; English default)",
    )
