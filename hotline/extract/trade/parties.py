"""The parties around a measure: countries, the EU, seats of government and officials, and the role the words
around each give it.

Country names and demonyms come from the article context's one scan of the reference data (``place`` hits),
officials from its official mentions (an official stands for their country); only the seats of government of
the rules ("Washington", "Bruselas") and the names that merely contain a country word ("New Mexico") are
looked for here, in the few sentences that name a measure.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from hotline.extract.context import ArticleContext
from hotline.extract.lexicon import unquoted
from hotline.extract.rules import load_rules
from hotline.extract.trade import positions as pos
from hotline.extract.trade import rules as r
from hotline.extract.trade.both import both_countries
from hotline.reference import Reference
from hotline.text import Vocabulary, fold, phrase_key


@dataclass(frozen=True, slots=True)
class Word:
    code: str | None
    kinds: frozenset[str]  # country | demonym | agent | official | blocked
    case: str  # any | upper | title


@dataclass(slots=True)
class Party:
    start: int
    end: int
    code: str
    kinds: frozenset[str]
    target: bool = False
    target_by: str | None = None  # "preposition" when only "on"/"against"/... made it a target
    after_prep: bool = False  # a target only when it follows the measure
    seeker: bool = False
    pair: str | None = None  # the sector of the goods it qualifies ("Mexican steel")
    cue: tuple[int, int] | None = None  # the span quoted as the target evidence
    speaker_verb_end: int | None = None
    attributed: bool = False
    imposer: bool = False  # already read as the imposer of a measure in this sentence
    origin: bool = False  # a demonym on goods ("Indian onion"): the origin of an export
    destination: bool = False  # where exports go ("exports to the United States")
    owners_market: bool = False  # where the exports of a party named before go ("their exports to the United States")
    generic: bool = False  # a target by its goods in general ("Ghana's goods", "productos paraguayos"): no sector
    chain: int | None = None  # parties of one list ("Mexico, Canada and China") share the start of the list

    @property
    def in_another_role(self) -> bool:
        """A target, a seeker of relief, a party after a preposition, where exports go or a source: no agent."""
        return self.target or self.seeker or self.after_prep or self.destination or self.attributed

    @property
    def demonym_only(self) -> bool:
        return self.kinds == frozenset({"demonym"})

    @property
    def is_name(self) -> bool:
        return not self.demonym_only


def _case_rule(forms: Iterable[str]) -> str:
    rules = set()
    for form in forms:
        letters = [c for c in form if c.isalpha()]
        if not letters:
            continue
        if letters[0].islower():
            return "any"
        rules.add("upper" if len(letters) > 1 and all(c.isupper() for c in letters) else "title")
    return "upper" if rules == {"upper"} else "title"


def _case_ok(surface: str, rule: str) -> bool:
    if rule == "any":
        return True
    if rule == "upper":
        return surface == surface.upper()
    return surface[:1].isupper() or not surface[:1].isalpha()


class PartyIndex:
    """Every country word, seat of government and blocked name of one Reference: folded form → :class:`Word`."""

    def __init__(self, reference: Reference):
        entries: dict[str, tuple[str | None, set[str], list[str]]] = {}

        def add(form: str, code: str | None, kind: str) -> None:
            key = phrase_key(form)
            entry = entries.setdefault(key, (code, set(), []))
            if key and entry[0] == code:  # first code wins, as in Reference.country_by_name
                entry[1].add(kind)
                entry[2].append(form)

        for form in r.RULES["not_countries"]:
            add(str(form), None, "blocked")
        for country in reference.countries.values():
            for form in (country.name, *country.names):
                add(form, country.code, "country")
            for form in country.demonyms:
                add(form, country.code, "demonym")
        seats = {str(k): [str(code)] for k, code in load_rules("officials")["institutions"].items()}
        for code, forms in r.RULES["agents"].items():
            for form in forms:
                seats.setdefault(str(form), []).append(str(code))
        named = {
            fold(word) for o in reference.officials.values() for n in (o.full_name, *o.aliases) for word in n.split()
        }
        for form, code in reference.cities.items():  # "Harare will keep its ban": a capital stands for its government,
            if fold(form) not in named:  # unless it is also a name people bear ("Santiago Peña")
                seats.setdefault(form, []).append(code)
        agents: dict[str, str | None] = {}
        for form, codes in seats.items():
            if codes[0] in reference.countries:
                add(form, codes[0], "agent")
                agents[form] = codes[0]
        for rule, kind in (("extra_names", "country"), ("extra_demonyms", "demonym")):
            for code, forms in r.RULES[rule].items():  # looked for with the seats: the reference leaves them out
                for form in forms if str(code) in reference.countries else ():
                    add(str(form), str(code), kind)
                    agents[str(form)] = str(code)
        for form in r.RULES["not_countries"]:
            agents[str(form)] = None
        self.words = {
            key: Word(code, frozenset(kinds), _case_rule(forms)) for key, (code, kinds, forms) in entries.items()
        }
        self.seats = Vocabulary(agents) if agents else None


@cache
def party_index(reference: Reference) -> PartyIndex:
    return PartyIndex(reference)


def find_parties(ctx: ArticleContext, index: PartyIndex, sentence: int, regions: list[tuple[int, int]]) -> list[Party]:
    """The parties within ``regions`` of one sentence, leftmost-longest, with their roles marked."""
    candidates: list[tuple[int, int, Word, bool]] = []  # start, end, word, check the case
    officials = ctx.in_sentence("officials", sentence)
    starts = ctx.starts_in("officials", sentence)
    for lo, hi in regions:
        for hit in ctx.reference_hits.within("place", lo, hi):
            word = index.words.get(unquoted(hit.phrase))
            if word is not None:
                candidates.append((hit.start, hit.end, word, True))
        if index.seats is not None:
            for start, end, _ in index.seats.finditer(ctx.folded, lo, hi):
                word = index.words.get(" ".join(ctx.folded[start:end].split()))
                if word is not None:
                    candidates.append((start, end, word, True))
        for hit in officials[bisect_left(starts, lo) : bisect_left(starts, hi)]:
            if hit.kind == "alias" and hit.country_code and hit.end <= hi:
                candidates.append((hit.start, hit.end, Word(hit.country_code, frozenset({"official"}), "any"), False))
    candidates.extend(_the_bloc(ctx, regions, candidates))
    candidates.sort(key=lambda c: (c[0], -c[1]))
    parties: list[Party] = []
    reach = -1
    for start, end, word, check in candidates:
        if start < reach:
            continue
        reach = end
        if word.code is None or (check and not _case_ok(ctx.text[start:end], word.case)):
            continue
        if word.kinds == frozenset({"agent"}) and _in_longer_name(ctx.text, end):
            continue  # "la Comisión Antidistorsiones", "the Commission for Trade Remedies": another body
        parties.append(Party(start, end, word.code, word.kinds))
    both = both_countries(ctx, index.words, sentence, regions, [(p.start, p.end, p.code) for p in parties])
    covered = [(p.start, p.end) for p in parties]
    parties.extend(
        Party(start, end, code, _BOTH, chain=start)  # "both countries": two parties of one list
        for start, end, code in both
        if not any(a < end and start < b for a, b in covered)
    )
    parties.sort(key=lambda p: p.start)
    for party in parties:
        _mark_roles(ctx.folded, party, _phrases_before(ctx.folded, party))
        if party.kinds is _BOTH and _FOR.search(ctx.folded, max(0, party.start - 6), party.start):
            party.after_prep = False  # "the impact of the duties for both economies": no one the duties are on
    _coordinate(ctx.folded, parties)
    return parties


_BOTH = frozenset({"country", "both"})  # a country "both countries" stands for: a target, never an agent
_FOR = re.compile(r"(?<![\w])(?:for|para)\s+$")


_NAME_GOES_ON = re.compile(r" [A-ZÁÉÍÓÚÑ]")


def _in_longer_name(text: str, end: int) -> bool:
    """A seat of government followed by a capitalized word is part of a longer name ("Comisión Nacional")."""
    return bool(_NAME_GOES_ON.match(text, end))


_EU_BLOC = Word("EU", frozenset({"agent"}), "any")


def _the_bloc(
    ctx: ArticleContext, regions: list[tuple[int, int]], found: list[tuple[int, int, Word, bool]]
) -> list[tuple[int, int, Word, bool]]:
    """ "The bloc" as the EU: its sentence names the EU and the article names no other bloc."""
    blocs = [(m.start(), m.end()) for lo, hi in regions for m in r.BLOC.finditer(ctx.folded, lo, hi)]
    if not blocs or not any(c[2].code == "EU" and "agent" not in c[2].kinds for c in found):
        return []
    if r.OTHER_BLOCS.search(ctx.folded):
        return []
    return [(start + ctx.folded[start:end].index(" ") + 1, end, _EU_BLOC, False) for start, end in blocs]


_ARTICLES = ("the", "el", "la", "los", "las")  # trade.rules.ART


def _phrases_before(text: str, e: Party) -> frozenset[str]:
    """Which patterns read just before a party (a phrase, white space, an optional article, the party) can match:
    "left" (the :func:`rules.left` patterns), "origin" (``ORIGIN_WEAK``), those whose phrases have a last word that
    ends the text where the phrase would end. The others are not searched."""
    lo, end = max(0, e.start - r.CONTEXT), e.start
    j = end
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == end:
        return frozenset()  # no white space before the party
    ends = [j]
    for article in _ARTICLES:
        k = j - len(article)
        if k - 1 >= lo and text.startswith(article, k) and text[k - 1].isspace():
            while k > lo and text[k - 1].isspace():
                k -= 1
            ends.append(k)
    found = set()
    for position in ends:
        before = text[lo:position].rsplit(None, 1)  # the phrase's last word ends its last run of non-space
        token = before[-1] if before else ""
        for i in range(len(token)):
            if token[i:] in pos.LEFT_LAST_WORDS:
                found.add("left")
            if token[i:] in pos.ORIGIN_LAST_WORDS:
                found.add("origin")
    return frozenset(found)


_SEAT = frozenset({"agent"})


def _mark_roles(text: str, e: Party, before: frozenset[str]) -> None:
    """``before``: the vocabularies whose patterns may match just before the party (see :func:`_phrases_before`)."""
    phrase_before = "left" in before
    lo = max(0, e.start - r.CONTEXT)
    hi = min(len(text), e.end + r.CONTEXT)
    if phrase_before and pos.NOT_TARGET.search(text, lo, e.start):
        pass
    elif phrase_before and (match := pos.DESTINATION_BEFORE.search(text, lo, e.start)):
        e.destination, e.cue = True, (match.start(), e.end)
        e.owners_market = bool(pos.OWN_EXPORTS_TO.search(text, lo, e.start))  # "sus exportaciones a Estados Unidos"
    elif phrase_before and (match := pos.TARGET_BEFORE.search(text, lo, e.start)):
        e.target, e.cue, e.target_by = True, (match.start(), e.end), "preposition"
    elif phrase_before and (match := pos.ORIGIN_STRONG.search(text, lo, e.start)):
        e.target, e.cue = True, (match.start(), e.end)
    elif "origin" in before and e.kinds != _SEAT and (match := pos.ORIGIN_WEAK.search(text, lo, e.start)):
        # a seat of government after "de"/"from" owns the measure, it is no origin of goods ("los aranceles
        # siderúrgicos de Washington")
        e.target, e.cue, e.pair = True, (match.start(), e.end), sector_of(match.group("goods"))
        e.generic = e.pair is None and _in_general(text, match.start("goods"), e.end)
    elif (
        phrase_before
        and (match := pos.AFTER_MEASURE.search(text, lo, e.start))
        and e.is_name
        and ("country" in e.kinds or not pos.SPANISH_A.search(text, lo, e.start))  # not "a White House readout"
    ):
        e.after_prep, e.cue = True, (match.start(), e.end)
    if "country" in e.kinds and e.pair is None and not e.target and (match := pos.OWN_GOODS.match(text, e.end, hi)):
        e.target, e.cue, e.origin = True, (e.start, match.end()), True  # "Tonga's exports", "Trinidad and Tobago goods"
        kinds = next(r.SECTORS.finditer(text, e.end, match.start("goods")), None)  # "Russia's largest oil companies"
        e.generic = kinds is None and _in_general(text, e.start, match.end())
    if "demonym" in e.kinds and e.pair is None:
        # "Mexican steel", "acero mexicano": a target (or an export's origin), and the goods it qualifies.
        if match := pos.DEMONYM_EN.match(text, e.end, hi):
            e.target, e.cue, e.pair = True, (e.start, match.end()), sector_of(match.group("goods"))
            e.origin, e.generic = True, e.pair is None and _in_general(text, e.start, match.end())
        elif match := pos.DEMONYM_ES.search(text, lo, e.start):
            e.target, e.cue, e.pair = True, (match.start(), e.end), sector_of(match.group("goods"))
            e.origin, e.generic = True, e.pair is None and _in_general(text, match.start("goods"), e.end)
    match = None if e.target or e.destination else pos.TARGET_SUBJECT.match(text, e.end, hi)
    # "Sudáfrica, por su parte, enfrenta": an aside after a subject, not after "exportaciones ... a Estados Unidos"
    if match and ("," not in text[e.end : match.end()] or not pos.AFTER_PREPOSITION.search(text, lo, e.start)):
        e.target, e.cue = True, (e.start, match.end())
    if not e.target and pos.SEEKER.match(text, e.end, hi):
        e.seeker = True
    if match := pos.SPEAKER.match(text, e.end, hi):
        e.speaker_verb_end = match.end()
    if phrase_before and (
        pos.ATTRIBUTED.search(text, lo, e.start)
        or (pos.ATTRIBUTED_AT_END.search(text, lo, e.start) and pos.CLAUSE_END.match(text, e.end, hi))
    ):
        e.attributed = True


def _in_general(text: str, start: int, end: int) -> bool:
    """Goods written from ``start`` to ``end`` are named in general: no kind of goods follows or precedes them."""
    if r.GOODS_KIND_AFTER.match(text, end):
        return False
    lo = max(0, start - 80)
    comma = text.rfind(",", lo, start)
    for link_start in {comma, *(m.start() for m in _COORDINATOR.finditer(text, max(lo, start - 40), start))}:
        if (
            link_start > lo
            and r.GOODS_KIND_LINK.fullmatch(text, link_start, start)
            and r.GOODS_KIND_BEFORE.search(text, max(lo, link_start - 40), link_start)
        ):
            return False  # "cereals, oilseeds and derived products", "los productos farmacéuticos, uno de ..."
    return True


_COORDINATOR = re.compile(r"\s+(?:and|y|e|or|o)\s")


def sector_of(goods: str) -> str | None:
    value = r.SECTORS.first(goods)
    return None if value is None else str(value)


def _coordinate(text: str, parties: list[Party]) -> None:
    """Country lists joined by commas and a final 'and'/'or' share their target role."""
    i = 0
    while i < len(parties):
        chain = [parties[i]]
        worded = False
        last_worded = False
        while i + 1 < len(parties):
            a, b = parties[i], parties[i + 1]
            match = pos.COORD.fullmatch(text, a.end, b.start) if b.start - a.end <= 12 else None
            if match is None or "official" in a.kinds or "official" in b.kinds:
                break
            last_worded = bool(match.group("w1") or match.group("w2"))
            worded = worded or last_worded
            chain.append(b)
            i += 1
        i += 1
        if len(chain) < 2 or not (worded and last_worded):
            continue
        for e in chain:
            e.chain = chain[0].start
        for role in ("target", "after_prep"):
            if any(getattr(e, role) for e in chain):
                for e in chain:
                    if not e.target:
                        setattr(e, role, True)
                        e.cue = e.cue or (e.start, e.end)
        pairs = [e.pair for e in chain if e.pair]
        if pairs:
            lead = chain[0].pair if chain[0].is_name else None  # "farm products from Russia and Belarus"
            for e in chain:
                if e.pair is None and (e.demonym_only or lead):
                    e.pair = lead or pairs[-1]


def a_name(ctx: ArticleContext, start: int, end: int) -> bool:
    """The words ``[start, end)`` are a name, which no cue is even when its folded spelling is one ("que Quito
    aplica", "Quito ha mantenido": not "quitó"): capitalized after another word of the sentence, or a capital."""
    if not ctx.text[start].isupper():
        return False
    return _WORD_BEFORE.search(ctx.text, max(0, start - 8), start) is not None or bool(
        ctx.reference.country_by_city(ctx.text[start:end])
    )


_WORD_BEFORE = re.compile(r"[\w,]\s+\Z")


def between(parties: list[Party], starts: list[int], lo: int, hi: int) -> list[Party]:
    return parties[bisect_left(starts, lo) : bisect_left(starts, hi)]
