"""Publication dates stated in an article's text ("Posted on 02/05/2025", " date 2026-01-29", "Publicado el ...").

Only a date introduced by a publication cue counts; other dates in the text are events, not the publication.
A numeric date whose day/month order is ambiguous is read in the order the article's own full dates support:
the publication cannot precede a fully dated event the article reports (e.g. a quoted post dated
"May 1, 2025" rules out reading "02/05/2025" as February 5). With no such evidence, English text is read
month/day and Spanish text day/month, and the evidence says so.
"""

from __future__ import annotations

import datetime as dt

from hotline.extract.dates import DateExpr, find_dates, safe_date
from hotline.extract.rules import load_rules
from hotline.extract.text import compile_phrases, fold_text

_RULES = load_rules("published")
PUBLICATION_CUE = compile_phrases(_RULES["cues"])
_SPANISH = compile_phrases(_RULES["spanish_markers"])
_HEAD_CHARS = _RULES["head_chars"]


def published_date_from_text(text: str) -> tuple[dt.date | None, str | None]:
    """The publication date the text states near its top, and a sentence saying how it was read."""
    head = text[:_HEAD_CHARS]
    folded = fold_text(head)
    for cue in PUBLICATION_CUE.finditer(folded):
        window_end = min(len(folded), cue.end() + 40)
        dates = [d for d in find_dates(folded, head, cue.end(), window_end) if d.year is not None]
        if not dates or folded[cue.end() : dates[0].start].strip(" :,.-") not in ("", "on", "el", "the"):
            continue
        expr = dates[0]
        stated = head[cue.start() : expr.end]
        if expr.kind == "numeric":
            return _read_numeric(expr, stated, text)
        day = expr.as_date()
        if day is not None:
            return day, f"stated in the text: '{stated.strip()}'"
    return None, None


def _read_numeric(expr: DateExpr, stated: str, text: str) -> tuple[dt.date | None, str]:
    assert expr.year is not None and expr.month is not None and expr.day is not None and expr.alternative
    month_first = safe_date(expr.year, expr.month, expr.day)
    day_first = safe_date(expr.year, *expr.alternative)
    assert month_first is not None and day_first is not None
    folded = fold_text(text)
    dated_events = [d.as_date() for d in find_dates(folded, text) if d.kind == "absolute" and d.is_full and d.as_date()]
    latest = max((d for d in dated_events if d is not None), default=None)
    quote = f"'{stated.strip()}'"
    if latest is not None and (month_first < latest) != (day_first < latest):
        chosen = day_first if month_first < latest else month_first
        rejected = month_first if chosen is day_first else day_first
        order = "day/month" if chosen is day_first else "month/day"
        return chosen, (
            f"stated in the text: {quote}, read {order}: the other reading ({rejected.isoformat()}) "
            f"precedes the dated event {latest.isoformat()} the article reports"
        )
    if _SPANISH.search(folded):
        return (
            day_first,
            f"stated in the text: {quote}, read day/month (Spanish-language conventions in the text)",
        )
    return (
        month_first,
        f"stated in the text: {quote}, read month/day (no evidence for the order; English default)",
    )
