"""Date expressions in English and Spanish news text, and how they resolve against an anchor date.

``find_dates`` scans folded text (see :func:`hotline.extract.text.fold_text`) once with one compiled
pattern and returns :class:`DateExpr` records: absolute dates with or without a year ("May 22",
"Jan. 12, 2026", "3 de febrero de 2025", "2026-01-29"), numeric dates whose day/month order may be
ambiguous ("02/05/2025"), weekdays ("on Thursday", "el pasado jueves", "next Monday") and relative days
("yesterday", "ayer"), stretches of days ("over the weekend", "earlier this week", "durante el fin de
semana"), months without a year after a preposition ("in March", "el pasado noviembre") and months of last year
("in May last year", "data de mayo del año pasado"). Nothing here invents a year: a missing part stays ``None``
until :func:`latest_on_or_before` or the caller supplies it from evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ahocorasick_rs import AhoCorasick

from hotline.extract.rules import load_rules
from hotline.text import phrase_alternation, phrase_pattern

_RULES = load_rules("dates")
MONTHS: dict[str, int] = {name: int(num) for num, names in _RULES["months"].items() for name in names}
WEEKDAYS: dict[str, int] = {name: int(num) for num, names in _RULES["weekdays"].items() for name in names}
RELATIVE_DAYS: dict[str, int] = {k: int(v) for k, v in _RULES["relative_days"].items()}
NUMBERS: dict[str, int] = {str(k): int(v) for k, v in _RULES["numbers"].items()}
NUMBERS.update(
    {
        f"{ten}{join}{unit}": int(tens) + int(units)
        for rule in _RULES["number_compounds"].values()
        for join in rule["joins"]
        for ten, tens in rule["tens"].items()
        for unit, units in rule["units"].items()
    }
)
"""Compound numbers too: "twenty-five", "treinta y cinco" (rules/dates.yaml ``number_compounds``)."""
ORDINALS: dict[str, int] = {str(k): int(v) for k, v in _RULES["ordinals"].items()}
OFFSET_UNITS: dict[str, int] = {str(k): int(v) for k, v in _RULES["offset_units"].items()}
OFFSET_AFTER: frozenset[str] = frozenset(_RULES["offset_after"])
OFFSET_BEFORE: frozenset[str] = frozenset(_RULES["offset_before"])
DAY_AFTER: tuple[str, ...] = tuple(_RULES["day_after"])
DAY_BEFORE: tuple[str, ...] = tuple(_RULES["day_before"])
EVE_OF_THE_TELLING: tuple[str, ...] = tuple(_RULES["eve_of_the_telling"])
IN_PERSON_VERBS: tuple[str, ...] = tuple(_RULES["in_person_verbs"])
ROUND_OF_CALLS: tuple[str, ...] = tuple(_RULES["round_of_calls"])
QUOTING_VERBS: tuple[str, ...] = tuple(_RULES["quoting_verbs"])
PERIODS: dict[str, str] = {phrase: code for code, phrases in _RULES["periods"].items() for phrase in phrases}
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June"]
MONTH_NAMES += ["July", "August", "September", "October", "November", "December"]

_MON = "(?:" + phrase_alternation(MONTHS) + r")\.?"
_WD = "(?:" + phrase_alternation(WEEKDAYS) + ")"
_FUTURE = phrase_pattern(_RULES["future_weekday_markers"])
MONTH_PARTS: dict[str, tuple[int, int]] = {
    part: (int(rule["days"][0]), int(rule["days"][1])) for part, rule in _RULES["month_parts"].items()
}
_MONTH_PART = re.compile(
    r"(?<![\w])(?:"
    + "|".join(rf"(?P<{part}>{phrase_alternation(rule['words'])})" for part, rule in _RULES["month_parts"].items())
    + r")(?:\s+|(?<=mid)-)\Z"
)
_MONTH_PREPOSITION = re.compile(rf"(?<![\w])(?:{phrase_alternation(_RULES['month_prepositions'])})(?:\s+|(?<=mid)-)\Z")
_FUTURE_AFTER = re.compile(
    rf"(?:\s+(?:y|and)\s+(?:el\s+)?{'(?:' + phrase_alternation(WEEKDAYS) + ')'})?\s+(?:"
    + phrase_alternation(_RULES["future_after_weekday"])
    + r")(?![\w])"
)
_CLOCK = r"\s*(?:a\.?m\b|p\.?m\b|h\b|hrs?\b|hours?\b|horas?\b|minutes?\b|minutos?\b)"
"""A clock time or a count after a weekday's number ("Monday 10 a.m."): no day of the month."""
_THIS_MONTH = phrase_alternation(_RULES["this_month"])
_AFTER_MID = r"(?<=mid-)"  # a month after "mid-" ("mid-September"): a hyphen before a word opens no date otherwise
_MID = re.compile(_AFTER_MID)
_PATTERN = re.compile(
    rf"(?:(?<![\w/-])|{_AFTER_MID})(?:"
    r"(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})"
    r"(?:t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?(?![\d])"  # "2025-03-12T10:45:00Z"
    r"|(?P<num_a>\d{1,2})/(?P<num_b>\d{1,2})/(?P<num_y>\d{4})(?![\d])"
    r"|(?P<dot_d>\d{1,2})\.(?P<dot_m>\d{1,2})\.(?P<dot_y>\d{4})(?![\d])"  # "12.03.2025": day first, as written
    rf"|(?P<mdy_m>{_MON})\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d\w])(?:,?\s+(?P<mdy_y>\d{{4}})(?![\d]))?"
    rf"|(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th|o)?\s+(?:de\s+|of\s+)?(?P<dmy_m>{_MON})(?![\w])"
    r"(?:,?\s+(?:de(?:l)?\s+)?(?P<dmy_y>\d{4})(?![\d]))?"
    rf"|(?P<my_m>{_MON})\s+(?:de(?:l)?\s+)?(?P<my_y>(?:19|20)\d{{2}})(?![\d])"
    r"|(?P<period>" + phrase_alternation(PERIODS) + r")"
    rf"|(?P<wd_mod>(?:{_FUTURE}|last|past|el\s+pasado|este|this)\s+)?(?P<wd>{_WD})(?![\w])"
    rf"(?:\s+(?P<wd_dom>\d{{1,2}})(?:st|nd|rd|th)?(?![\w]|[:.,]\d|\s*(?:de\s+|of\s+)?{_MON}(?![\w])|{_CLOCK}))?"
    rf"|(?:(?<=the\s)|(?<=dia\s)|(?=\d{{1,2}}\s+(?:{_THIS_MONTH})(?![\w])))"  # "el 12 de este mes"
    r"(?P<dom>\d{1,2})(?:st|nd|rd|th)?(?![\w-]|\s*(?:minute|hour|min\b|minuto|hora))"
    r"(?!\s+(?:" + phrase_alternation(_RULES["ordinal_nouns"]) + r")(?![\w]))"  # "the 19th package": no day
    r"|(?P<rel>" + phrase_alternation(RELATIVE_DAYS) + r")"
    rf"|(?P<mo_m>{_MON})(?P<mo_last>\s+(?:of\s+)?last\s+year|\s+del?\s+ano\s+pasado)?"
    r")(?![\w])"
)
_FUTURE_RE = re.compile(_FUTURE)
DATE_WORDS = [
    *MONTHS,
    *WEEKDAYS,
    *RELATIVE_DAYS,
    *PERIODS,
    *_RULES["future_weekday_markers"],
    "last",
    "past",
    "el pasado",
    "este",
    "this",
]
"""The words a date expression can start with (or a digit)."""
# Where a date expression can start: a digit or one of the date words. One cheap pass finds these; the full
# pattern is then tried only there.
_CANDIDATE = re.compile(rf"(?:(?<![\w/-])|{_AFTER_MID})(?:\d|" + phrase_alternation(DATE_WORDS) + r"(?![\w]))")
_FIRST_DIGIT = re.compile(r"\d(?<![\w/-]\d)")
"""The first digit of a number: a pattern that opens with a digit is searched for it in C."""
_DIGITS = AhoCorasick(list("0123456789"))
"""The ASCII digits, found in one pass in Rust: a regex tries every character against ``\\d`` (any script's)."""


def _number_starts(folded: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The span of each match of :data:`_FIRST_DIGIT` in ``folded[start:stop]``: the digits of an ASCII window
    from the automaton, each kept unless a word character, "/" or "-" stands before it; another window by the
    pattern (a digit of another script is a ``\\d`` too)."""
    window = folded[start:stop]
    if not window.isascii():
        return [(m.start(), m.end()) for m in _FIRST_DIGIT.finditer(folded, start, stop)]
    found = []
    for _, at, _ in _DIGITS.find_matches_as_indexes(window):
        at += start
        if at and (folded[at - 1].isalnum() or folded[at - 1] in "_/-"):
            continue  # inside a number or a word ("B2", "2025" past its first digit), or after "/" or "-"
        found.append((at, at + 1))
    return found


@dataclass(slots=True, unsafe_hash=True)  # not frozen, half the cost to make: see lexicon.Hit
class DateExpr:
    """One date expression; offsets index the text it was found in."""

    start: int
    end: int
    kind: str  # absolute | numeric | month | weekday | relative | day_of_month | period
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    relative_days: int | None = None
    is_future: bool = False
    alternative: tuple[int, int] | None = None  # (month, day) of the other reading of an ambiguous numeric date
    period: str | None = None  # weekend | last_weekend | earlier_week | this_week | last_week (rules/dates.yaml)
    part: str | None = None  # early | mid | late: the part of a named month ("a finales de enero")
    last_year: bool = False  # a month of the year before the reference day's ("in May last year")

    @property
    def is_full(self) -> bool:
        return self.year is not None and self.month is not None and self.day is not None

    def as_date(self) -> dt.date | None:
        if not self.is_full:
            return None
        assert self.year is not None and self.month is not None and self.day is not None
        return safe_date(self.year, self.month, self.day)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month(token: str) -> int:
    return MONTHS[token.rstrip(".")]


def _expr(match: re.Match[str]) -> DateExpr | None:
    g = match.groupdict()
    start, end = match.span()
    if g["iso_y"]:
        year, month, day = int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
        if safe_date(year, month, day) is None:
            return None
        return DateExpr(start, end, "absolute", year, month, day)
    if g["dot_d"]:
        year, month, day = int(g["dot_y"]), int(g["dot_m"]), int(g["dot_d"])
        return DateExpr(start, end, "absolute", year, month, day) if safe_date(year, month, day) else None
    if g["num_a"]:
        a, b, year = int(g["num_a"]), int(g["num_b"]), int(g["num_y"])
        month_first = safe_date(year, a, b)
        day_first = safe_date(year, b, a)
        if month_first and day_first and a != b:
            return DateExpr(start, end, "numeric", year, a, b, alternative=(b, a))
        if month_first:
            return DateExpr(start, end, "absolute", year, a, b)
        if day_first:
            return DateExpr(start, end, "absolute", year, b, a)
        return None
    if g["mdy_m"]:
        month, day = _month(g["mdy_m"]), int(g["mdy_d"])
        year = int(g["mdy_y"]) if g["mdy_y"] else None
        return _checked(DateExpr(start, end, "absolute", year, month, day))
    if g["dmy_m"]:
        month, day = _month(g["dmy_m"]), int(g["dmy_d"])
        year = int(g["dmy_y"]) if g["dmy_y"] else None
        return _checked(DateExpr(start, end, "absolute", year, month, day))
    if g["my_m"]:
        return DateExpr(start, end, "month", int(g["my_y"]), _month(g["my_m"]))
    if g["wd"]:
        modifier = (g["wd_mod"] or "").strip()
        day = int(g["wd_dom"]) if g["wd_dom"] else None  # "el martes 18": that Tuesday, the 18th
        return DateExpr(
            start,
            end,
            "weekday",
            day=day if day is not None and 1 <= day <= 31 else None,
            weekday=WEEKDAYS[g["wd"]],
            is_future=bool(_FUTURE_RE.fullmatch(modifier)),
        )
    if g["dom"]:
        day = int(g["dom"])
        return DateExpr(start, end, "day_of_month", day=day) if 1 <= day <= 31 else None
    if g["rel"]:
        offset = RELATIVE_DAYS[" ".join(g["rel"].split())]
        return DateExpr(start, end, "relative", relative_days=offset, is_future=offset > 0)
    if g["period"]:
        return DateExpr(start, end, "period", period=PERIODS[" ".join(g["period"].split())])
    if g["mo_m"]:
        return DateExpr(start, end, "month", month=_month(g["mo_m"]), last_year=bool(g["mo_last"]))
    return None


def _checked(expr: DateExpr) -> DateExpr | None:
    # 2024 is a leap year: a month/day that exists in no year (April 31) is not a date.
    assert expr.month is not None and expr.day is not None
    if safe_date(expr.year or 2024, expr.month, expr.day) is None:
        return None
    return expr


# English month names that are also everyday words count only when capitalized ("may 2 be" is no date).
_WORD_MONTHS = frozenset({"may", "mar"})


def find_dates(folded: str, original: str | None = None, start: int = 0, end: int | None = None) -> list[DateExpr]:
    """Every date expression in ``folded[start:end]``, in order of appearance.

    ``original`` is the unfolded text (same offsets); when given, "may"/"mar" must be capitalized there.
    """
    stop = len(folded) if end is None else end
    return _dates_at(folded, original, [m.start() for m in _CANDIDATE.finditer(folded, start, stop)], stop)


def find_dates_from_words(
    folded: str, original: str | None, words: Sequence[tuple[int, int]], start: int = 0, end: int | None = None
) -> list[DateExpr]:
    """:func:`find_dates` over ``folded[start:end]``, given where the :data:`DATE_WORDS` stand in the text (every
    whole-word match as ``(start, end)``, from a pass the caller made already; those beyond the range are left):
    only the numbers are searched for. A range ends where a word does (a line's end, the text's)."""
    stop = len(folded) if end is None else end
    longest: dict[int, int] = {}
    for first, last in words:
        opens = first == 0 or folded[first - 1] not in "/-" or _MID.match(folded, first)  # not "2025-05", "/may"
        if start <= first and last <= stop and opens:
            longest[first] = max(last, longest.get(first, last))
    spans = sorted(_number_starts(folded, start, stop) + list(longest.items()))
    starts = []
    reach = 0
    for first, last in spans:  # leftmost-longest and never overlapping, as a scan with _CANDIDATE finds them
        if first >= reach:
            starts.append(first)
            reach = last
    return _dates_at(folded, original, starts, stop)


def _dates_at(folded: str, original: str | None, candidates: list[int], stop: int) -> list[DateExpr]:
    """The date expressions that start at the ``candidates`` (in order), each read to at most ``stop``."""
    found = []
    covered = 0
    for candidate in candidates:
        if candidate < covered:
            continue
        match = _PATTERN.match(folded, candidate, stop)
        if match is None:
            continue
        covered = match.end()
        month_group = (
            (match.group("mdy_m") and "mdy_m") or (match.group("my_m") and "my_m") or (match.group("mo_m") and "mo_m")
        )
        if (
            month_group == "mo_m"
            and not match.group("mo_last")
            and not _MONTH_PREPOSITION.search(folded, max(0, match.start() - 24), match.start())
        ):
            continue  # a month name alone is a month only after a preposition ("in March", "en noviembre") or
            # before "last year" ("data de mayo del año pasado")
        if (
            original is not None
            and month_group
            and match.group(month_group).rstrip(".") in _WORD_MONTHS
            and not original[match.start(month_group)].isupper()
        ):
            continue
        expr = _expr(match)
        if (
            expr is not None
            and expr.kind == "month"
            and (part := _MONTH_PART.search(folded, max(0, match.start() - 24), match.start()))
        ):
            expr = replace(expr, part=part.lastgroup)  # "a finales de enero", "in early March"
        if expr is not None and expr.kind == "weekday" and _FUTURE_AFTER.match(folded, match.end()):
            expr = replace(expr, is_future=True)  # "el lunes y el martes proximos"
        if expr is not None:
            found.append(expr)
    return found


def latest_on_or_before(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The last ``month``/``day`` on or before ``anchor`` (within a year)."""
    for year in (anchor.year, anchor.year - 1):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate <= anchor:
            return candidate
    return safe_date(anchor.year - 4, month, day)  # Feb 29: the leap year before


def latest_day_of_month(day: int, anchor: dt.date) -> dt.date | None:
    """The last date whose day of the month is ``day``, on or before ``anchor`` (within two months)."""
    year, month = anchor.year, anchor.month
    for _ in range(3):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate <= anchor:
            return candidate
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def weekday_near(weekday: int, anchor: dt.date, future: bool) -> dt.date:
    """The ``weekday`` on or before ``anchor`` (or strictly after it when ``future``)."""
    if future:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def resolve(expr: DateExpr, anchor: dt.date | None) -> tuple[dt.date | None, str]:
    """Resolve ``expr`` to a calendar date using ``anchor`` (the publication date); say how."""
    if expr.is_full and expr.kind == "absolute":
        return expr.as_date(), "stated"
    if anchor is None:
        return None, "no anchor date"
    if expr.kind == "absolute" and expr.month and expr.day:
        return latest_on_or_before(expr.month, expr.day, anchor), (
            f"year from the publication date {anchor.isoformat()} (the latest such day on or before it)"
        )
    if expr.kind == "weekday" and expr.weekday is not None and expr.day is not None:
        return _weekday_of_month(expr.weekday, expr.day, anchor, expr.is_future)
    if expr.kind == "weekday" and expr.weekday is not None:
        day = weekday_near(expr.weekday, anchor, expr.is_future)
        direction = "after" if expr.is_future else "on or before"
        return day, f"{WEEKDAY_NAMES[expr.weekday]} {direction} the publication date {anchor.isoformat()}"
    if expr.kind == "day_of_month" and expr.day is not None:
        day = latest_day_of_month(expr.day, anchor)
        if day is not None:
            return day, f"the latest day {expr.day} on or before the publication date {anchor.isoformat()}"
    if expr.kind == "relative" and expr.relative_days is not None:
        return anchor + dt.timedelta(days=expr.relative_days), (
            f"{expr.relative_days:+d} day(s) from the publication date {anchor.isoformat()}"
        )
    return None, "not resolvable"


def _weekday_of_month(weekday: int, day: int, anchor: dt.date, future: bool) -> tuple[dt.date | None, str]:
    """A weekday with its day of the month ("el martes 18", "on Tuesday 18th"): the nearest such day on or before
    ``anchor`` (after it when ``future``), when it falls on that weekday; else none, as the text does not agree."""
    stated = f"{WEEKDAY_NAMES[weekday]} {day}"
    if future:
        found = next((d for d in (_day_in(anchor, day, k) for k in (0, 1)) if d is not None and d > anchor), None)
        direction = "after"
    else:
        found = latest_day_of_month(day, anchor)
        direction = "on or before"
    if found is None or found.weekday() != weekday:
        return None, f"no {stated} {direction} the publication date {anchor.isoformat()} in the month around it"
    return found, f"{stated}: the nearest day {day}, a {WEEKDAY_NAMES[weekday]}, {direction} the publication date"


def _day_in(anchor: dt.date, day: int, months_ahead: int) -> dt.date | None:
    month = anchor.month - 1 + months_ahead
    return safe_date(anchor.year + month // 12, month % 12 + 1, day)


def count_of(token: str) -> int:
    """A count written in digits or words ("3", "three", "tres")."""
    return int(token) if token.isdigit() else NUMBERS[" ".join(token.split())]
