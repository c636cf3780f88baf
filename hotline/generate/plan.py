"""The schedule of a corpus: which leaders talk (or meet, or plan to) on which day, how many outlets report it,
and where the bad files go. Drawn sequentially from the seed, small (a tuple per call), and cut into chunks that
can be rendered independently, in any order or process, with the same bytes.

Dates rise with the call index over :data:`FIRST_DAY`..:data:`LAST_DAY`; both leaders hold a leader's term on
the call's day (the seeds' ``official_terms``), so the truth is consistent with the reference data. A share of
calls repeats a recent pair, which gives pairs a history an article can refer back to.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate
from typing import TypeVar

from hotline.generate.vocabulary import FIRST_DAY, LAST_DAY, Vocabulary
from hotline.reference import Term

STATUSES = {
    "held": 0.80,
    "planned": 0.05,
    "requested": 0.03,
    "in_person": 0.06,
    "cancelled": 0.02,
    "denied": 0.02,
    "refused": 0.02,
}
"""What the articles of an event say happened; only ``held`` is a call that took place."""
OUTLETS_HELD = {1: 0.40, 2: 0.30, 3: 0.18, 4: 0.12}
OUTLETS_OTHER = {1: 0.75, 2: 0.25}
REPEAT_SHARE = 0.4
"""Share of calls that repeat a recent pair (sequences of calls between the same leaders)."""
CHUNK_ARTICLES = 4_000
"""Articles per chunk: the unit of parallel rendering, holding up to four JSONL feeds."""
BAD_KINDS = {
    "binary": 0.18,
    "empty": 0.14,
    "bad_json": 0.14,
    "bad_jsonl_line": 0.12,
    "wrong_extension": 0.14,
    "duplicate": 0.10,
    "unclosed_front_matter": 0.06,
    "json_without_text": 0.06,
    "oversize": 0.06,
}
OVERSIZE_PER_ARTICLES = 20_000
"""At most one oversize file (over 2 MB) per this many articles, plus one: they cost disk, not information."""
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CallPlan:
    index: int
    a: Term
    b: Term
    day: dt.date
    status: str
    outlets: int
    previous: tuple[str, dt.date] | None = None  # key and day of this pair's previous held call

    @property
    def key(self) -> str:
        return call_key(self.index)


@dataclass(frozen=True, slots=True)
class Chunk:
    number: int
    calls: tuple[CallPlan, ...]
    bad: tuple[tuple[int, str], ...]  # (bad file index, kind)


def call_key(index: int) -> str:
    return f"c{index:07d}"


def pick(rng: random.Random, weights: Mapping[T, float]) -> T:
    """One key of ``weights``, drawn with those weights."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class _Leaders:
    """Leader terms by month with cumulative weights, to draw a leader in office on a day quickly."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.months: dict[tuple[int, int], tuple[list[Term], list[int]]] = {}
        month = dt.date(FIRST_DAY.year, FIRST_DAY.month, 1)
        while month <= LAST_DAY:
            following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
            terms = [t for t in vocab.terms if t.overlaps(month, following - dt.timedelta(days=1))]
            self.months[(month.year, month.month)] = (terms, list(accumulate(vocab.weight(t) for t in terms)))
            month = following

    def draw(self, rng: random.Random, day: dt.date, other: Term | None = None) -> Term:
        terms, cumulative = self.months[(day.year, day.month)]
        for _ in range(200):
            term = terms[bisect.bisect_right(cumulative, rng.random() * cumulative[-1])]
            if term.covers(day) and (other is None or term.country_code != other.country_code):
                return term
        raise RuntimeError(f"no leader in office on {day}")  # the seeds cover every month: a bug if reached


def plan_corpus(vocab: Vocabulary, n: int, seed: int, bad_share: float) -> list[Chunk]:
    """The whole schedule for ``n`` good articles plus ``round(n * bad_share)`` bad files, in chunks."""
    rng = random.Random(seed)
    kinds: list[tuple[str, int]] = []  # (status, outlets) per call, until the articles add up to n
    total = 0
    while total < n:
        status = pick(rng, STATUSES)
        outlets = min(pick(rng, OUTLETS_HELD if status == "held" else OUTLETS_OTHER), n - total)
        kinds.append((status, outlets))
        total += outlets
    leaders = _Leaders(vocab)
    span = (LAST_DAY - FIRST_DAY).days
    recent: deque[tuple[Term, Term]] = deque(maxlen=300)
    last_held: dict[tuple[str, str], tuple[str, dt.date]] = {}
    calls: list[CallPlan] = []
    for index, (status, outlets) in enumerate(kinds):
        day = FIRST_DAY + dt.timedelta(days=int((index + rng.random()) * span / len(kinds)))
        a, b = _pair(rng, leaders, recent, last_held, day)
        pair = _pair_key(a, b)
        previous = last_held.get(pair)
        calls.append(CallPlan(index, a, b, day, status, outlets, previous if status == "held" else None))
        if status == "held":
            last_held[pair] = (call_key(index), day)
        recent.append((a, b))
    return _chunks(rng, calls, n, round(n * bad_share))


def _pair_key(a: Term, b: Term) -> tuple[str, str]:
    first, second = sorted((a.official_id, b.official_id))
    return first, second


def _pair(
    rng: random.Random,
    leaders: _Leaders,
    recent: deque[tuple[Term, Term]],
    last_held: dict[tuple[str, str], tuple[str, dt.date]],
    day: dt.date,
) -> tuple[Term, Term]:
    """Two leaders of different countries in office on ``day``: often a recent pair, else a fresh draw."""
    if recent and rng.random() < REPEAT_SHARE:
        for _ in range(5):
            a, b = recent[rng.randrange(len(recent))]
            before = last_held.get(_pair_key(a, b))
            if a.covers(day) and b.covers(day) and (before is None or (day - before[1]).days > 2):
                return (a, b) if rng.random() < 0.5 else (b, a)
    for _ in range(20):
        a = leaders.draw(rng, day)
        b = leaders.draw(rng, day, other=a)
        before = last_held.get(_pair_key(a, b))
        if before is None or (day - before[1]).days > 2:
            return a, b
    return a, b


def _chunks(rng: random.Random, calls: list[CallPlan], n: int, bad: int) -> list[Chunk]:
    """Consecutive calls of about :data:`CHUNK_ARTICLES` articles each, with the bad files spread evenly."""
    bad_at = [int((j + 0.5) * n / bad) for j in range(bad)] if bad else []
    oversize_left = 1 + n // OVERSIZE_PER_ARTICLES
    chunks: list[Chunk] = []
    current: list[CallPlan] = []
    articles = start = 0
    j = 0
    for call in calls:
        current.append(call)
        articles += call.outlets
        if articles - start >= CHUNK_ARTICLES or call is calls[-1]:
            chosen: list[tuple[int, str]] = []
            while j < len(bad_at) and (bad_at[j] < articles or call is calls[-1]):
                kind = pick(rng, BAD_KINDS)
                if kind == "oversize":
                    kind = kind if oversize_left > 0 else "binary"
                    oversize_left -= kind == "oversize"
                chosen.append((j, kind))
                j += 1
            chunks.append(Chunk(len(chunks), tuple(current), tuple(chosen)))
            current, start = [], articles
    return chunks
