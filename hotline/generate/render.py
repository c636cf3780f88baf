"""One event of the plan → its articles (title, paragraphs, publication date, outlet) and its truth.

Every fact an article states is drawn first and recorded in the truth; the text is then written from the
templates, so the truth is exactly what a careful reader takes from the text. Each event draws from its own
random generator (seeded with the corpus seed and the call's index), so chunks render independently.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from hotline.generate.phrases import Phrases, capitalize, fill
from hotline.generate.plan import CallPlan, pick
from hotline.generate.vocabulary import Leader, Vocabulary

SPANISH_SHARE = 0.4
DATE_FORMS = {"weekday": 0.25, "today": 0.12, "yesterday": 0.12, "monthday": 0.2, "full": 0.13, "none": 0.18}
LAGS = {"weekday": (0, 6), "today": (0, 0), "yesterday": (1, 1), "monthday": (0, 20), "full": (0, 60), "none": (0, 4)}
"""Days from the call to the article, per date form (a weekday only within the week before)."""
MINUTES = (15, 20, 25, 30, 35, 40, 45, 50, 60, 75, 90)
RATES = (10, 15, 20, 25, 30, 50)
WORDS = {"readout": (90, 220), "default": (300, 950)}


@dataclass(slots=True)
class Draft:
    """One article before it has a file: everything the writers need."""

    language: str
    outlet: dict[str, str]
    title: str
    paragraphs: list[str]
    published: dt.date
    dateline: str  # a dateline to open the first paragraph, or a date line under the title
    date_line: str
    truth: dict[str, Any]
    words: int = 0

    @property
    def slug(self) -> str:
        ascii_name = unicodedata.normalize("NFKD", self.outlet["name"]).encode("ascii", "ignore").decode("ascii")
        return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


@dataclass(slots=True)
class _Facts:
    """What is true of the call: drawn once, stated by each article in part."""

    discussed: list[str] = field(default_factory=list)
    not_discussed: list[str] = field(default_factory=list)
    minutes: int | None = None
    measure: dict[str, Any] | None = None


def event_rng(seed: int, index: int) -> random.Random:
    return random.Random(seed * 1_000_003 + index)


def render_call(vocab: Vocabulary, phrases: dict[str, Phrases], call: CallPlan, seed: int) -> tuple[list[Draft], dict]:
    """The articles of one event and its truth record (``articles`` lists each article's own truth)."""
    rng = event_rng(seed, call.index)
    a, b = vocab.leader(call.a), vocab.leader(call.b)
    facts = _facts(vocab, rng, call) if call.status == "held" else _Facts()
    drafts: list[Draft] = []
    used: set[str] = set()
    for k in range(call.outlets):
        language = "es" if rng.random() < SPANISH_SHARE else "en"
        outlets = [o for o in vocab.common["outlets"][language] if o["name"] not in used]
        if call.status != "held" or k > 0:
            outlets = [o for o in outlets if o["kind"] != "readout"] or outlets
        outlet = rng.choice(outlets)
        used.add(outlet["name"])
        drafts.append(_article(phrases[language], rng, call, a, b, outlet, facts, k))
    stated = [d.truth for d in drafts]
    truth = {
        "key": call.key,
        "status": call.status,
        "participants": [a.official_id, b.official_id],
        "countries": [a.country.code, b.country.code],
        "date": call.day.isoformat() if call.status in ("held", "in_person") else None,
        "as_of": call.day.isoformat(),  # the day the news is about: both leaders are in office then
        "duration_minutes": facts.minutes if any(t["duration_minutes"] for t in stated) else None,
        "topics_discussed": sorted({c for t in stated for c in t["topics_discussed"]}),
        "topics_not_discussed": sorted({c for t in stated for c in t["topics_not_discussed"]}),
        "trade_measures": [facts.measure] if facts.measure and any(t["trade_measure"] for t in stated) else [],
        "previous_call": call.previous[0] if call.previous else None,
        "articles": stated,
    }
    return drafts, truth


def _facts(vocab: Vocabulary, rng: random.Random, call: CallPlan) -> _Facts:
    countries = (call.a.country_code, call.b.country_code)
    fitting = [t.code for t in vocab.topics if t.fits(countries, call.day)]
    n_discussed = pick(rng, {1: 0.25, 2: 0.35, 3: 0.25, 4: 0.15})
    n_negated = pick(rng, {0: 0.55, 1: 0.35, 2: 0.10})
    chosen = rng.sample(fitting, k=min(len(fitting), n_discussed + n_negated))
    facts = _Facts(discussed=chosen[:n_discussed], not_discussed=chosen[n_discussed:])
    if rng.random() < 0.35:
        facts.minutes = rng.choice(MINUTES)
    if rng.random() < 0.12:
        imposing, target = countries if rng.random() < 0.5 else countries[::-1]
        facts.measure = {
            "type": "tariff",
            "imposing": imposing,
            "target": target,
            "sector": rng.choice(sorted(vocab.common["trade_sectors"])),
            "rate_percent": rng.choice(RATES),
            "status": pick(rng, {"imposed": 0.5, "threatened": 0.35, "paused": 0.15}),
        }
    return facts


def _article(
    p: Phrases, rng: random.Random, call: CallPlan, a: Leader, b: Leader, outlet: dict[str, str], facts: _Facts, k: int
) -> Draft:
    held = call.status == "held"
    readout = outlet["kind"] == "readout"
    form = pick(rng, DATE_FORMS) if call.status in ("held", "in_person") else "none"
    low, high = LAGS[form]
    published = call.day + dt.timedelta(days=rng.randint(low, high))
    names_a, names_b = p.names(rng, a, formal=readout), p.names(rng, b, formal=readout)
    city = rng.choice(p.cities)
    f: dict[str, str] = {
        "A": names_a["first"],
        "B": names_b["first"],
        "a": names_a["short"],
        "b": names_b["short"],
        "a_ref": names_a["ref"],
        "b_ref": names_b["ref"],
        **p.country_fields("A", a),
        **p.country_fields("B", b),
        "outlet": outlet["name"],
        "city": city,
        "city_title": city.title(),
        "forum": rng.choice(p.forums),
        "when": "" if form == "none" else p.when(rng, form, call.day, published),
        "when_future": p.future(rng, published),
    }
    f["source"] = fill(rng.choice(p.t["sources"]), f, capital=False)
    truth: dict[str, Any] = {
        "name": None,  # set by the writer
        "language": p.language,
        "outlet": outlet["name"],
        "published_date": published.isoformat(),
        "date_form": form,
        "date": call.day.isoformat() if held and form != "none" else None,
        "duration_minutes": None,
        "topics_discussed": [],
        "topics_not_discussed": [],
        "trade_measure": False,
        "earlier_call": None,
        "earlier_call_date": None,
    }
    if held:
        paragraphs, title = _held(p, rng, call, f, facts, truth, readout, k, published)
    else:
        title = _headline(p, rng, call.status, f)
        paragraphs = [p.sentence(rng, call.status, f), p.sentence(rng, "non_call_context", f)]
    paragraphs = [p.tidy(text) for text in paragraphs]  # background needs no tidying: its fields are never empty
    _pad(p, rng, paragraphs, f, WORDS["readout" if readout else "default"])
    if held and not readout and rng.random() < 0.6:
        paragraphs.append(p.tidy(p.sentence(rng, "closings", f)))
    dates = p.date_fields(published)
    return Draft(
        language=p.language,
        outlet=outlet,
        title=p.tidy(title),
        paragraphs=paragraphs,
        published=published,
        dateline=fill(rng.choice(p.t["datelines"]), {**f, **dates}),  # the publication date, not a background year
        date_line=fill(rng.choice(p.t["date_lines"]), dates),
        truth=truth,
        words=len(title.split()) + sum(len(text.split()) for text in paragraphs),
    )


def _headline(p: Phrases, rng: random.Random, key: str, f: dict[str, str]) -> str:
    found = p.choose(rng, p.t["headlines"][key], f)
    assert found is not None, f"no {p.language} headline for {key}"
    return found


def _held(
    p: Phrases,
    rng: random.Random,
    call: CallPlan,
    f: dict[str, str],
    facts: _Facts,
    truth: dict[str, Any],
    readout: bool,
    k: int,
    published: dt.date,
) -> tuple[list[str], str]:
    """The paragraphs of an article about a held call; records in ``truth`` what it states."""
    first = k == 0  # the first outlet states everything, the others a part
    discussed = [c for c in facts.discussed if first or rng.random() < 0.6] or facts.discussed[:1]
    negated = [c for c in facts.not_discussed if first or rng.random() < 0.5]
    f["topics"] = p.join([rng.choice(p.topics[c]) for c in discussed])
    if len(discussed) > 1:
        f["topics_list"] = f["topics"]
    f["topic"] = rng.choice(p.topics[discussed[0]])
    lead = p.choose(rng, p.t["leads"]["readout" if readout else rng.choice(["wire", "press", "broadcast"])], f)
    assert lead is not None
    paragraphs = [lead]
    if facts.minutes and (first or rng.random() < 0.6):
        f["minutes"] = str(facts.minutes)
        paragraphs[0] += " " + p.sentence(rng, "duration", f)
        truth["duration_minutes"] = facts.minutes
    body = p.sentence(rng, "discussed", f)
    if len(negated) == 1:
        f["neg"] = rng.choice(p.topics[negated[0]])
        body += " " + fill(rng.choice(p.t["not_discussed"]["one"]), f)
    elif len(negated) == 2:
        f["neg1"], f["neg2"] = (rng.choice(p.topics[c]) for c in negated)
        body += " " + fill(rng.choice(p.t["not_discussed"]["two"]), f)
    paragraphs.append(body)
    truth["topics_discussed"] = sorted(discussed)
    truth["topics_not_discussed"] = sorted(negated)
    if not readout and rng.random() < 0.5:
        paragraphs.append(p.sentence(rng, "quotes", f))
    if facts.measure and (first or rng.random() < 0.7) and not readout:
        measure = facts.measure
        mine = measure["imposing"] == call.a.country_code
        sides = {
            "CA": f.get("CA" if mine else "CB", ""),
            "CB": f.get("CB" if mine else "CA", ""),
            "GA": f.get("GA" if mine else "GB", ""),
            "DB": f.get("DB" if mine else "DA", ""),
        }
        fields = {**f, **sides, "rate": str(measure["rate_percent"]), "sector": p.sectors[measure["sector"]]}
        paragraphs.append(fill(rng.choice(p.t["trade"][measure["status"]]), fields))
        truth["trade_measure"] = True
    if call.previous and rng.random() < 0.3 and not readout:
        key, day = call.previous
        f["prev"] = p.earlier(day, published)
        paragraphs.append(p.sentence(rng, "previous", f))
        truth["earlier_call"], truth["earlier_call_date"] = key, day.isoformat()
    if readout:
        paragraphs.append(p.sentence(rng, "readout_closings", f))
    title = _headline(p, rng, "readout" if readout else "held", f)
    return paragraphs, title


def _pad(p: Phrases, rng: random.Random, paragraphs: list[str], f: dict[str, str], words: tuple[int, int]) -> None:
    """Background paragraphs (no call, no topic, no date) until the article reaches about its length."""
    target = rng.randint(*words)
    count = sum(len(text.split()) for text in paragraphs)
    pool, sizes = p.t["background"], p.background_sizes
    wanted = min(len(pool), max(0, target - count) // p.background_words + 1)
    order = rng.sample(range(len(pool)), wanted)  # no sentence twice in one article
    random_ = rng.random
    while count < target and order:
        sentences = []
        for _ in range(min(2 + int(random_() * 3), len(order))):
            f["year"], f["num"] = str(1950 + int(random_() * 56)), str(12 + int(random_() * 74))
            index = order.pop()
            sentences.append(capitalize(pool[index].format_map(f)))
            count += sizes[index]
        paragraphs.insert(
            2 + int(random_() * (len(paragraphs) - 1)) if len(paragraphs) > 2 else len(paragraphs), " ".join(sentences)
        )
