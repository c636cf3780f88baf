"""Extraction never crashes and keeps its invariants on arbitrary text (hypothesis).

Random Unicode, random words from the cue vocabularies glued together, and random publication dates: the
extractor must return facts whose evidence offsets point into the text.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotline.extract import extract_article
from hotline.facts import Article
from hotline.reference import load_reference

REFERENCE = load_reference()
WORDS = [
    "Trump",
    "Sheinbaum",
    "Carney",
    "López Obrador",
    "the Mexican president",
    "spoke",
    "by phone",
    "call",
    "llamada telefónica",
    "on",
    "Thursday",
    "May 22",
    "Jan. 12",
    "17 days after",
    "did not discuss",
    "Cuba",
    "neither",
    "nor",
    "tariffs",
    "steel",
    "25%",
    "the sixth",
    "seven calls so far",
    "lasted",
    "40 minutes",
    "no se habló de",
    "remesas",
    "ayer",
    ".",
    ",",
    "\n",
    "“",
    "”",
    "—",
    "U.S.",
    "President",
    "Secretary",
]


def article(text: str, published: dt.date | None) -> Article:
    return Article("f" * 16, "fuzz.txt", "txt", "t", text, "0" * 64, "utf-8", len(text), published)


def check(text: str, published: dt.date | None) -> None:
    facts = extract_article(article(text, published), REFERENCE)
    evidences = [c.evidence for c in facts.calls] + [t.evidence for t in facts.topics]
    evidences += [o.evidence for o in facts.officials] + [m.evidence for m in facts.trade_measures]
    for evidence in evidences:
        assert 0 <= evidence.start <= evidence.end <= len(text)
        assert text[evidence.start : evidence.end] == evidence.text
    for call in facts.calls:
        if call.date.date is not None:
            assert call.date.precision == "day"


dates = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600), dates)
def test_random_unicode(text: str, published: dt.date | None) -> None:
    check(text, published)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=80), dates)
def test_random_cue_soup(words: list[str], published: dt.date | None) -> None:
    check(" ".join(words), published)
