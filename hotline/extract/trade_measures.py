"""Trade measures named in article sentences: tariffs, exemptions, quotas, sanctions, agreement reviews.

A sentence yields a measure only when it holds a measure noun from ``rules/trade_measures.yaml`` (an
exemption verb counts: "exempted Canada from ..."). Measure nouns joined by "and"/"or" form one group;
each group is read inside its clause (clauses end at ";", ", but", ", although", ... and after an opening
"Although ...,") and within ``window_chars`` of the noun:

* **target**: a country after "on"/"against"/"contra" or, after the measure, "to"/"a"/"para"; a demonym on
  goods ("Mexican steel", "productos mexicanos"); an origin ("cars assembled in Mexico", "steel from
  Canada"); the object of an exemption or threat ("exempted Canada", "amenazó a México"); a subject that
  faces or was spared the measure. Coordinated lists ("Mexico, Canada and China") share the role.
* **imposer**: a country, capital or official written as the measure's modifier ("U.S. tariffs", "Trump's
  tariffs", "aranceles estadounidenses", "aranceles de Estados Unidos"), the agent after "by"/"por", else
  the nearest agent before the measure in the sentence that is not a target, else the first one after it.
  An official stands for their country. A speaker is taken when the measure names a target of another
  country ("Trump said tariffs on Mexico ...") or a pronoun follows the speech verb ("Trump said he
  will ..."), not otherwise ("Sheinbaum said tariffs would hurt ..."). An agent linked to another party of
  a call ("Trump and Carney discussed ...") leaves the imposer ambiguous, i.e. None. Imposer and target
  never coincide.
* **sectors** from the YAML vocabulary (one fact per distinct sector; none gives sector None), the **rate**
  ("25%", "25 percent", "25-percent", "del 25%"; "from 10% to 25%" gives 25) and the **status**: the cue
  nearest before the measure in its clause, else the last cue after it, else ``active`` by default.
  Exemptions are ``active`` unless lifted, announced or requested; agreement reviews are ``scheduled``.

A measure noun that names no imposer, target, sector or rate ("they discussed tariffs") yields nothing, nor
does a denied one ("ruled out tariffs", "no impondrá aranceles"). The measure type ``pause`` is never
emitted: a paused measure keeps its own type with status ``paused``. Agreement reviews carry no countries.

Every regex is compiled once at import (vocabularies become tries, so a phrase list costs one pass) or once
per :class:`~hotline.reference.Reference` (country words and aliases). Quantifiers around sub-patterns are
bounded, and every scan after the cheap prefilter is limited to a window around a bounded number of measure
nouns, so a pathological megabyte "sentence" stays linear.
"""

from __future__ import annotations

import bisect
import itertools
import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from hotline.extract.rules import load_rules
from hotline.extract.sentences import Sentence
from hotline.facts import Evidence, TradeMeasureFact
from hotline.reference import Reference, fold

_RULES: dict[str, Any] = load_rules("trade_measures")

WINDOW = int(_RULES["window_chars"])
REACH = int(_RULES["imposer_reach_chars"])
MAX_MEASURES = int(_RULES["max_measures_per_sentence"])
_NEAR = 60  # characters: how close a modifier or an absorbed measure noun must be
_CONTEXT = 60  # characters read on each side of a country word to find its role
_VERB_REACH = 25  # characters after a far agent within which its measure verb must start

REVIEW = "agreement_review"
EXEMPTION = "exemption"
_DENIED = "denied"

# --------------------------------------------------------------------------------------------------------
# Folding with offsets: every regex runs on folded text (lower case, no accents); offsets map back.
# --------------------------------------------------------------------------------------------------------


def _fold_table() -> tuple[dict[int, str], re.Pattern[str]]:
    """One-to-one fold for the Latin blocks, and a pattern finding characters that are not one-to-one."""
    table: dict[int, str] = {cp: chr(cp + 32) for cp in range(ord("A"), ord("Z") + 1)}
    unstable: list[str] = []
    for cp in range(0x80, 0x2500):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        folded = fold(chr(cp))
        if len(folded) == 1:
            table[cp] = folded
        else:
            unstable.append(chr(cp))
    return table, re.compile("[" + re.escape("".join(unstable)) + "\u2500-\U0010ffff]")


_FOLD_TABLE, _UNSTABLE = _fold_table()


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


@dataclass(frozen=True, slots=True)
class _Folded:
    """Folded text plus the original index of each folded character and a final sentinel (None when the
    fold is one-to-one)."""

    original: str
    text: str
    index: list[int] | None

    def surface(self, start: int, end: int) -> str:
        if self.index is None:
            return self.original[start:end]
        # The sentinel and the next character's index keep trailing combining marks in the quote.
        return self.original[self.index[start] : self.index[end]]


def _fold_aligned(text: str) -> _Folded:
    translated = text.translate(_FOLD_TABLE)
    if not _UNSTABLE.search(translated):
        return _Folded(text, translated, None)
    parts: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        piece = _fold_char(char)
        parts.append(piece)
        index.extend([i] * len(piece))
    index.append(len(text))
    return _Folded(text, "".join(parts), index)


# --------------------------------------------------------------------------------------------------------
# Phrase lists → trie patterns
# --------------------------------------------------------------------------------------------------------


def _variants(phrase: str) -> list[str]:
    """Folded spellings of a YAML phrase; a word in parentheses is optional."""
    choices: list[tuple[str, ...]] = []
    for word in fold(str(phrase)).split():
        if len(word) > 2 and word.startswith("(") and word.endswith(")"):
            choices.append(("", word[1:-1]))
        else:
            choices.append((word,))
    return [" ".join(w for w in combo if w) for combo in itertools.product(*choices)]


def _trie(phrases: Iterable[str]) -> str:
    """A regex body matching any folded phrase, longest first, without alternation backtracking."""
    root: dict[str, Any] = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    pattern = _emit(root)
    if not pattern:
        raise ValueError("empty phrase list in trade_measures.yaml")
    return pattern


def _emit(node: dict[str, Any]) -> str:
    alternatives = [
        (r"\s+" if key == " " else re.escape(key)) + _emit(child) for key, child in sorted(node.items()) if key != ""
    ]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return f"(?:{body})?" if "" in node else body


def _phrases(items: Iterable[Any]) -> list[str]:
    return [v for item in items for v in _variants(str(item))]


def _alt(items: Iterable[Any]) -> str:
    return _trie(_phrases(items))


def _norm(matched: str) -> str:
    return " ".join(matched.split())


class _Vocab:
    """Folded phrase → value, found by one compiled whole-word trie."""

    def __init__(self, mapping: dict[str, Any], prefix: str = "", suffix: str = ""):
        self.lookup: dict[str, Any] = {}
        for phrase, value in mapping.items():
            for variant in _variants(phrase):
                self.lookup.setdefault(variant, value)
        self.regex = re.compile(prefix + r"(?<!\w)(?:" + _trie(self.lookup) + r")(?!\w)" + suffix)

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, Any]]:
        for match in self.regex.finditer(text, start, end):
            yield match.start(), match.end(), self.lookup.get(_norm(match.group()))


def _by_value(section: dict[str, list[str]]) -> dict[str, str]:
    return {str(p): str(value) for value, phrases in section.items() for p in phrases}


# Runs on text folded by str.translate (same length, so offsets hold).
_PREFILTER = re.compile(_trie([fold(str(stem)) for stem in _RULES["prefilter_stems"]]))

_MEASURES = _Vocab(
    _by_value(_RULES["measures"]),
    prefix="".join(f"(?<!{re.escape(fold(s))})" for s in _RULES["exclude_before"]),
    suffix="".join(f"(?!{re.escape(fold(s))})" for s in _RULES["exclude_after"]),
)
_STATUS = _Vocab(
    {
        **_by_value(_RULES["status_cues"]),
        **dict.fromkeys(_RULES["denials"], _DENIED),
        **dict.fromkeys(_RULES["neutral_phrases"]),
    }
)
_EXEMPTION_STATUS = _Vocab(_by_value(_RULES["exemption_status_cues"]))
_SECTORS = _Vocab(_by_value(_RULES["sectors"]))
_USMCA = re.compile(r"(?<!\w)(?:" + _alt(_RULES["usmca_names"]) + r")(?!\w)")

_NUMBER_WORDS = {v: float(n) for word, n in _RULES["number_words"].items() for v in _variants(str(word))}
_NUMBER = r"(?:\d{1,3}(?:[.,]\d{1,2})?|" + _trie(_NUMBER_WORDS) + r")"
_PERCENT = r"(?:\s?%|(?:\s+|-)(?:percent|per\s+cent|por\s+ciento)(?!\w))"
_RATE_BODY = _NUMBER + _PERCENT
_RATE = re.compile(r"(?<![\w.,])(?P<value>" + _NUMBER + ")" + _PERCENT)
_RATE_CHAIN = re.compile(r"\s+(?:to|a|al|hasta)\s+(?=\d)")

_GOODS_WORDS = [*_RULES["goods"], *(p for ps in _RULES["sectors"].values() for p in ps)]
_GOODS = _alt(_GOODS_WORDS)
_GOODS_MODS = _alt(_RULES["goods_modifiers"])
_ART = r"(?:(?:the|el|la|los|las)\s+)?"
_MODS_EN = _alt(_RULES["measure_modifiers_en"])
_MODS_ES = _alt(_RULES["measure_modifiers_es"])
_HEADS = _alt(_RULES["agent_heads"])
_SECTOR_WORDS = _alt(p for ps in _RULES["sectors"].values() for p in ps)
_APOSTROPHES = "'\u2019"  # straight and typographic
_POSSESSIVE = f"(?:[{_APOSTROPHES}]s|')?"


def _left(body: str) -> re.Pattern[str]:
    """A pattern for the text just before a country word (search with endpos at the word)."""
    return re.compile(r"(?<!\w)(?:" + body + r")\s+" + _ART + r"$")


_TARGET_BEFORE = _left(_alt(_RULES["target_before"]))
_AFTER_MEASURE = _left(_alt(_RULES["target_after_measure"]))
_NOT_TARGET = _left(_alt(_RULES["not_target_before"]))
_ORIGIN_STRONG = _left(_alt(_RULES["origin_strong"]))
_ORIGIN_WEAK = re.compile(
    r"(?<!\w)(?P<goods>" + _GOODS + r")\s+(?:" + _alt(_RULES["origin_weak"]) + r")\s+" + _ART + r"$"
)
_DEMONYM_ES = re.compile(r"(?<!\w)(?P<goods>" + _GOODS + r")\s+(?:(?:" + _GOODS_MODS + r")\s+)?$")
_DEMONYM_EN = re.compile(
    _POSSESSIVE
    + r"(?:"
    + _alt(_RULES["demonym_suffixes"])
    + r")?\s+(?P<goods>(?:(?:"
    + _GOODS_MODS
    + r")\s+)?(?:"
    + _GOODS
    + r"))(?!\w)"
)
_TARGET_SUBJECT = re.compile(_POSSESSIVE + r"\s+(?:" + _alt(_RULES["target_subject"]) + r")(?!\w)")
_SEEKER = re.compile(
    _POSSESSIVE
    + r"(?:\s+(?:"
    + _HEADS
    + r"))?\s+(?:"
    + _alt(_RULES["relief_seekers"])
    + r")\s+(?:[\w-]+\s+){0,2}?(?:"
    + _alt(_RULES["relief_words"])
    + r")(?!\w)"
)
_SPEAKER = re.compile(
    _POSSESSIVE + r"(?:\s+(?:" + _HEADS + r"))?\s+(?P<verb>" + _alt(_RULES["speech_verbs"]) + r")(?!\w)"
)
_ATTRIBUTED = _left(_alt(_RULES["attributions"]))
_PRONOUN = re.compile(r"(?<!\w)(?:" + _alt(_RULES["agent_pronouns"]) + r")(?!\w)")
_BY = re.compile(r"(?<!\w)(?:by|por)\s+(?:(?:the|el|la|los|las|de|of|" + _HEADS + r")\s+){0,3}$")
_MODIFIER_STRICT = re.compile(_POSSESSIVE + r"(?:\s+|-)(?:(?:" + _MODS_EN + "|" + _RATE_BODY + r")(?:\s+|-)){0,4}$")
_MODIFIER_LOOSE = re.compile(
    _POSSESSIVE + r"(?:\s+|-)(?:(?:" + "|".join((_MODS_EN, _RATE_BODY, _SECTOR_WORDS, _HEADS)) + r")(?:\s+|-)){0,4}$"
)
_POST_DEMONYM = re.compile(r"\s+(?:(?:" + _MODS_ES + r")\s+){0,2}$")
_POST_OF = re.compile(r"\s+(?:de|del|of)\s+(?:(?:la|el|los|las|the|de|of|" + _HEADS + r")\s+){0,3}$")
_COORD = re.compile(r"(?:\s*,\s*(?:(?P<w1>and|or|y|e|o|u)\s+)?|\s+(?P<w2>and|or|y|e|o|u|&)\s+)" + _ART + "$")
_LINK = re.compile(r"\s+(?:" + _alt(_RULES["participant_links"]) + r")\s+(?:[\w.'\u2019-]+\s+){0,4}$")
_TITLE_GAP = re.compile(r"\s+(?:[\w.'\u2019-]+\s+){0,3}$")
_GROUP_GAP = re.compile(r"\s*(?:(?:,|and/or|and|or|y|e|o|u|&|/)\s*){1,4}$")
_ABSORB = re.compile(r"(?<!\w)(?:from|de|del|of)\s+(?:[\w%.,-]+\s+){0,3}$")
_SEGMENT_CUT = re.compile(r",|(?<!\w)(?:and|y|e|while|as well as|mientras)(?!\w)")
_CLAUSE_BREAK = re.compile(
    r";|:(?=\s)|,\s*(?=(?:"
    + _alt(_RULES["clause_breaks_after_comma"])
    + r")(?!\w))|\s(?=(?:"
    + _alt(_RULES["clause_breaks_bare"])
    + r")\s)"
)
_SUBORDINATE = re.compile(r"[\W_]*(?:" + _alt(_RULES["subordinators"]) + r")(?!\w)")


# --------------------------------------------------------------------------------------------------------
# Country words and officials of one Reference
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Word:
    code: str | None
    kinds: frozenset[str]  # country | demonym | agent | official
    case: str  # any | upper | title


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


class _EntityIndex:
    """Country names, demonyms, capitals and officials' aliases of one Reference, as one trie."""

    def __init__(self, reference: Reference):
        entries: dict[str, tuple[str | None, set[str], list[str]]] = {}

        def add(form: str, code: str | None, kind: str) -> None:
            for key in _variants(form):
                if not key:
                    continue
                entry = entries.setdefault(key, (code, set(), []))
                if entry[0] != code:
                    continue  # first code wins, as in Reference.country_by_name
                entry[1].add(kind)
                entry[2].append(form)

        for form in _RULES["not_countries"]:
            add(str(form), None, "blocked")
        for country in reference.countries.values():
            for form in (country.name, *country.names):
                add(form, country.code, "country")
            for form in country.demonyms:
                add(form, country.code, "demonym")
        for code, forms in _RULES["agents"].items():
            if str(code) in reference.countries:
                for form in forms:
                    add(str(form), str(code), "agent")
        for official in reference.officials.values():
            for form in (official.full_name, *official.aliases):
                key = fold(form)
                if key in entries and "official" not in entries[key][1]:
                    continue  # a country word is never read as a person
                add(form, official.country_code or None, "official")
        self.words = {
            key: _Word(code, frozenset(kinds), _case_rule(forms)) for key, (code, kinds, forms) in entries.items()
        }
        self.regex = re.compile(r"(?<!\w)(?:" + _trie(self.words) + r")(?!\w)") if self.words else None


_INDEXES: weakref.WeakKeyDictionary[Reference, _EntityIndex] = weakref.WeakKeyDictionary()


def _entity_index(reference: Reference) -> _EntityIndex:
    index = _INDEXES.get(reference)
    if index is None:
        index = _INDEXES[reference] = _EntityIndex(reference)
    return index


# --------------------------------------------------------------------------------------------------------
# Per-sentence records
# --------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Entity:
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

    @property
    def demonym_only(self) -> bool:
        return self.kinds == frozenset({"demonym"})

    @property
    def is_name(self) -> bool:
        return not self.demonym_only


@dataclass(slots=True)
class _Group:
    start: int
    end: int
    types: list[str]
    surface_span: tuple[int, int]
    clause: tuple[int, int] = (0, 0)
    segment: tuple[int, int] = (0, 0)
    modifier: _Entity | None = None


@dataclass(slots=True)
class _Context:
    article_id: str
    sentence: Sentence
    folded: _Folded
    folded_article: str
    entities: list[_Entity] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    def quote(self, start: int, end: int) -> str:
        return self.folded.surface(start, end)

    def between(self, lo: int, hi: int) -> list[_Entity]:
        return self.entities[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]


# --------------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------------


def find_trade_measures(
    article_id: str, text: str, sentences: list[Sentence], reference: Reference
) -> list[TradeMeasureFact]:
    """Trade measures stated in ``sentences`` of one article, de-duplicated (first evidence kept)."""
    index = _entity_index(reference)
    folded_article = text.translate(_FOLD_TABLE)
    facts: list[TradeMeasureFact] = []
    seen: set[tuple[Any, ...]] = set()
    usmca: dict[str, bool] = {}
    for sentence in _candidates(text, folded_article, sentences):
        ctx = _Context(article_id, sentence, _fold_aligned(sentence.text), folded_article)
        for fact in _sentence_facts(ctx, index, usmca):
            key = (
                fact.measure_type,
                fact.imposing_country_code,
                fact.target_country_code,
                fact.sector,
                fact.rate_percent,
                fact.status,
            )
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return facts


def _candidates(text: str, folded_article: str, sentences: list[Sentence]) -> list[Sentence]:
    """Sentences holding a measure stem: one scan of the article, mapped to sentences by offset."""
    if not sentences:
        return []
    starts = [s.start for s in sentences]
    aligned = starts == sorted(starts) and all(text[s.start : s.end] == s.text for s in (sentences[0], sentences[-1]))
    if not aligned:  # offsets that do not point into ``text``: test each sentence on its own
        return [s for s in sentences if _PREFILTER.search(s.text.translate(_FOLD_TABLE))]
    chosen: list[Sentence] = []
    for match in _PREFILTER.finditer(folded_article):
        i = bisect.bisect_right(starts, match.start()) - 1
        if i >= 0 and match.start() < sentences[i].end and (not chosen or chosen[-1] is not sentences[i]):
            chosen.append(sentences[i])
    return chosen


# --------------------------------------------------------------------------------------------------------
# Sentence analysis
# --------------------------------------------------------------------------------------------------------


def _sentence_facts(ctx: _Context, index: _EntityIndex, usmca_cache: dict[str, bool]) -> list[TradeMeasureFact]:
    text = ctx.folded.text
    anchors = [
        (start, end, mtype)
        for start, end, mtype in itertools.islice(_MEASURES.finditer(text, 0, len(text)), MAX_MEASURES)
        if mtype
    ]
    if not anchors:
        return []
    breaks = _clause_breaks(text, anchors[-1][1] + WINDOW)
    groups = _groups(text, anchors, breaks)
    _find_entities(ctx, index, groups)
    for group in groups:
        group.modifier = _modifier(ctx, group)
    modifiers = {id(g.modifier) for g in groups if g.modifier is not None}
    facts: list[TradeMeasureFact] = []
    for group in groups:
        for mtype in group.types:
            if mtype == REVIEW:
                facts.extend(_review_facts(ctx, group, usmca_cache))
            else:
                facts.extend(_measure_facts(ctx, group, mtype, modifiers))
    return facts


def _clause_breaks(text: str, limit: int) -> list[int]:
    """Positions where a clause ends, up to ``limit``."""
    points: list[int] = []
    opening = _SUBORDINATE.match(text)
    if opening:
        comma = text.find(",", opening.end(), limit)
        if comma >= 0:
            points.append(comma)
    points.extend(m.start() for m in _CLAUSE_BREAK.finditer(text, 0, min(len(text), limit)))
    return sorted(set(points))


def _clause_of(breaks: list[int], start: int, end: int, length: int) -> tuple[int, int]:
    i = bisect.bisect_right(breaks, start)
    lo = breaks[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(breaks, end)
    hi = breaks[j] if j < len(breaks) else length
    return lo, hi


def _groups(text: str, anchors: list[tuple[int, int, str]], breaks: list[int]) -> list[_Group]:
    """Measure nouns → groups: exemptions absorb the measure they lift ("exempted X from the tariffs");
    nouns joined by "and"/"or" share one group; each group gets its clause and its segment of it."""
    groups: list[_Group] = []
    last_exemption: _Group | None = None
    for start, end, mtype in anchors:
        clause = _clause_of(breaks, start, end, len(text))
        if (
            mtype not in (EXEMPTION, REVIEW)
            and last_exemption is not None
            and last_exemption.clause == clause
            and start - last_exemption.end <= _NEAR + 20
            and _ABSORB.search(text, last_exemption.end, start)
        ):
            last_exemption.end = end
            continue
        previous = groups[-1] if groups else None
        if (
            previous is not None
            and EXEMPTION not in previous.types
            and mtype != EXEMPTION
            and previous.clause == clause
            and start - previous.end <= 20
            and _GROUP_GAP.fullmatch(text, previous.end, start)
        ):
            previous.end = end
            if mtype not in previous.types:
                previous.types.append(mtype)
            continue
        group = _Group(start, end, [mtype], (start, end), clause)
        groups.append(group)
        last_exemption = group if mtype == EXEMPTION else last_exemption
    for i, group in enumerate(groups):
        lo, hi = group.clause
        before = groups[i - 1] if i > 0 and groups[i - 1].clause == group.clause else None
        after = groups[i + 1] if i + 1 < len(groups) and groups[i + 1].clause == group.clause else None
        seg_lo = _cut(text, before.end, group.start) if before else lo
        seg_hi = _cut(text, group.end, after.start) if after else hi
        group.segment = (seg_lo, seg_hi)
    return groups


def _cut(text: str, lo: int, hi: int) -> int:
    """Where the segment of one group ends and the next begins: the last comma or 'and' between them."""
    cut = hi
    for match in _SEGMENT_CUT.finditer(text, lo, hi):
        cut = match.start()
    return cut


# --------------------------------------------------------------------------------------------------------
# Entities and their roles
# --------------------------------------------------------------------------------------------------------


def _find_entities(ctx: _Context, index: _EntityIndex, groups: list[_Group]) -> None:
    if index.regex is None:
        return
    text = ctx.folded.text
    regions: list[list[int]] = []
    for group in groups:
        lo, hi = max(0, group.start - REACH), min(len(text), group.end + WINDOW)
        if regions and lo <= regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], hi)
        else:
            regions.append([lo, hi])
    for lo, hi in regions:
        for match in index.regex.finditer(text, lo, min(len(text), hi + 40)):
            if match.start() >= hi:
                break
            word = index.words.get(_norm(match.group()))
            if word is None or word.code is None:
                continue
            if not _case_ok(ctx.quote(match.start(), match.end()), word.case):
                continue
            if ctx.entities and match.start() < ctx.entities[-1].end:
                continue
            ctx.entities.append(_Entity(match.start(), match.end(), word.code, word.kinds))
    ctx.starts = [e.start for e in ctx.entities]
    for entity in ctx.entities:
        _mark_roles(text, entity)
    _coordinate(text, ctx.entities)


def _mark_roles(text: str, e: _Entity) -> None:
    lo = max(0, e.start - _CONTEXT)
    hi = min(len(text), e.end + _CONTEXT)
    if _NOT_TARGET.search(text, lo, e.start):
        pass
    elif match := _TARGET_BEFORE.search(text, lo, e.start):
        e.target, e.cue, e.target_by = True, (match.start(), e.end), "preposition"
    elif match := _ORIGIN_STRONG.search(text, lo, e.start):
        e.target, e.cue = True, (match.start(), e.end)
    elif match := _ORIGIN_WEAK.search(text, lo, e.start):
        e.target, e.cue, e.pair = True, (match.start(), e.end), _sector_of(match.group("goods"))
    elif (match := _AFTER_MEASURE.search(text, lo, e.start)) and e.is_name:
        e.after_prep, e.cue = True, (match.start(), e.end)
    if "demonym" in e.kinds and e.pair is None:
        # "Mexican steel", "acero mexicano": a target, and the goods it qualifies (quoted as the cue).
        if match := _DEMONYM_EN.match(text, e.end, hi):
            e.target, e.cue, e.pair = True, (e.start, match.end()), _sector_of(match.group("goods"))
        elif match := _DEMONYM_ES.search(text, lo, e.start):
            e.target, e.cue, e.pair = True, (match.start(), e.end), _sector_of(match.group("goods"))
    if not e.target and (match := _TARGET_SUBJECT.match(text, e.end, hi)):
        e.target, e.cue = True, (e.start, match.end())
    if not e.target and _SEEKER.match(text, e.end, hi):
        e.seeker = True
    if match := _SPEAKER.match(text, e.end, hi):
        e.speaker_verb_end = match.end()
    if _ATTRIBUTED.search(text, lo, e.start):
        e.attributed = True


def _sector_of(goods: str) -> str | None:
    for _, _, sector in _SECTORS.finditer(goods, 0, len(goods)):
        if sector:
            return str(sector)
    return None


def _coordinate(text: str, entities: list[_Entity]) -> None:
    """Country lists joined by commas and a final 'and'/'or' share their target role."""
    i = 0
    while i < len(entities):
        chain = [entities[i]]
        worded = False
        last_worded = False
        while i + 1 < len(entities):
            a, b = entities[i], entities[i + 1]
            match = _COORD.fullmatch(text, a.end, b.start) if b.start - a.end <= 12 else None
            if match is None or "official" in a.kinds or "official" in b.kinds:
                break
            last_worded = bool(match.group("w1") or match.group("w2"))
            worded = worded or last_worded
            chain.append(b)
            i += 1
        i += 1
        if len(chain) < 2 or not (worded and last_worded):
            continue
        for role in ("target", "after_prep"):
            if any(getattr(e, role) for e in chain):
                for e in chain:
                    if not e.target:
                        setattr(e, role, True)
                        e.cue = e.cue or (e.start, e.end)
        pairs = [e.pair for e in chain if e.pair]
        if pairs:
            for e in chain:
                if e.pair is None and e.demonym_only:
                    e.pair = pairs[-1]


def _modifier(ctx: _Context, group: _Group) -> _Entity | None:
    """The country or official written as the measure's own modifier: "U.S. tariffs", "Trump's 25%
    tariffs", "aranceles estadounidenses", "aranceles de Estados Unidos"."""
    text = ctx.folded.text
    before = ctx.between(group.start - _NEAR, group.start)
    if before:
        e = before[-1]
        pattern = _MODIFIER_STRICT if e.demonym_only else _MODIFIER_LOOSE
        # "against U.S. tariffs": the preposition governs the measure, so the country is its modifier.
        allowed = not e.target or (e.target_by == "preposition" and e.pair is None)
        if e.end <= group.start and allowed and pattern.fullmatch(text, e.end, group.start):
            return e
    after = ctx.between(group.end, group.end + _NEAR)
    if after:
        e = after[0]
        if ("demonym" in e.kinds and _POST_DEMONYM.fullmatch(text, group.end, e.start)) or (
            e.is_name and _POST_OF.fullmatch(text, group.end, e.start)
        ):
            return e
    return None


# --------------------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------------------


def _evidence(ctx: _Context, how: str) -> Evidence:
    s = ctx.sentence
    return Evidence(ctx.article_id, s.index, s.text, s.start, s.end, how)


def _fact(
    ctx: _Context,
    mtype: str,
    imposer: str | None,
    target: str | None,
    sector: str | None,
    rate: float | None,
    status: str,
    how: str,
) -> TradeMeasureFact:
    return TradeMeasureFact(
        article_id=ctx.article_id,
        mention_id=None,
        measure_type=mtype,
        imposing_country_code=imposer,
        target_country_code=target,
        sector=sector,
        rate_percent=rate,
        status=status,
        evidence=_evidence(ctx, how),
    )


def _review_facts(ctx: _Context, group: _Group, usmca_cache: dict[str, bool]) -> list[TradeMeasureFact]:
    text = ctx.folded.text
    phrase = ctx.quote(*group.surface_span)
    lo, hi = group.clause
    how = [f"agreement review cue '{phrase}'"]
    if _USMCA.search(text, lo, hi):
        sector: str | None = "usmca"
        how.append("sector usmca named in the clause")
    else:
        if ctx.article_id not in usmca_cache:
            usmca_cache[ctx.article_id] = bool(_USMCA.search(ctx.folded_article))
        sector = "usmca" if usmca_cache[ctx.article_id] else None
        how.append("sector usmca named in the article" if sector else "agreement not named")
    status, cue = _status(ctx, group, _STATUS)
    if status not in ("paused", "proposed"):
        status, cue = "scheduled", None
    how.append(f"status {status} from '{cue}'" if cue else "status scheduled (default for reviews)")
    return [_fact(ctx, REVIEW, None, None, sector, None, status, "; ".join(how))]


def _status(ctx: _Context, group: _Group, vocab: _Vocab) -> tuple[str | None, str | None]:
    """The cue nearest before the group in its clause, else the last cue after it in its segment."""
    text = ctx.folded.text
    clause_lo = group.clause[0]
    before = [
        (s, e, v)
        for s, e, v in vocab.finditer(text, max(clause_lo, group.start - WINDOW), group.start)
        if v is not None
    ]
    if before:
        s, e, v = before[-1]
        return str(v), ctx.quote(s, e)
    seg_hi = min(group.segment[1], group.end + WINDOW)
    after = [(s, e, v) for s, e, v in vocab.finditer(text, group.end, seg_hi) if v is not None]
    if after:
        s, e, v = after[-1]
        return str(v), ctx.quote(s, e)
    return None, None


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    value: Any


def _measure_facts(ctx: _Context, group: _Group, mtype: str, modifiers: set[int]) -> list[TradeMeasureFact]:
    text = ctx.folded.text
    seg_lo, seg_hi = group.segment
    lo, hi = max(seg_lo, group.start - WINDOW), min(seg_hi, group.end + WINDOW)

    if mtype == EXEMPTION:
        status, status_cue = _status(ctx, group, _EXEMPTION_STATUS)
    else:
        status, status_cue = _status(ctx, group, _STATUS)
    if status == _DENIED:
        return []

    targets: list[_Entity] = []
    for e in ctx.between(lo, hi):
        if id(e) in modifiers or e is group.modifier:
            continue
        is_target = e.target or (e.after_prep and e.start >= group.end)
        if mtype == EXEMPTION and e.seeker:
            is_target = True
            e.cue = e.cue or (e.start, e.end)
        if is_target and all(t.code != e.code or t.pair != e.pair for t in targets):
            targets.append(e)
    target_codes = {t.code for t in targets}

    agent, imposer_how = _imposer(ctx, group, target_codes)
    imposer = agent.code if agent is not None else None
    if agent is not None:
        agent.imposer = True

    sectors: list[_Found] = []
    for s, e, sector in _SECTORS.finditer(text, lo, hi):
        if sector and all(f.value != sector for f in sectors):
            sectors.append(_Found(s, e, str(sector)))
    rates = [
        _Found(m.start(), m.end(), _rate_value(m.group("value")))
        for m in _RATE.finditer(text, lo, hi)
        if not _RATE_CHAIN.match(text, m.end())
    ]

    if imposer is None and not targets and not sectors and not rates:
        return []  # a measure noun with nothing to say ("they discussed tariffs")

    how_status = f"status {status} from '{status_cue}'" if status else "status active by default (no cue)"
    status = status or "active"
    measure_how = f"{mtype} from '{ctx.quote(*group.surface_span)}'"

    facts: list[TradeMeasureFact] = []
    for target, sector in _combinations(targets, sectors):
        rate = _rate_for(rates, sector, group)
        how = [measure_how, how_status, imposer_how]
        if target is not None:
            cue = target.cue or (target.start, target.end)
            how.append(f"target from '{ctx.quote(*cue)}' ({target.code})")
        else:
            how.append("no target named")
        if sector is not None:
            how.append(f"sector from '{ctx.quote(sector.start, sector.end)}'")
        if rate is not None:
            how.append(f"rate from '{ctx.quote(rate.start, rate.end)}'")
        facts.append(
            _fact(
                ctx,
                mtype,
                imposer,
                target.code if target else None,
                sector.value if sector else None,
                rate.value if rate else None,
                status,
                "; ".join(how),
            )
        )
    return facts


def _combinations(targets: list[_Entity], sectors: list[_Found]) -> list[tuple[_Entity | None, _Found | None]]:
    """One (target, sector) per fact: a demonym's own goods pair with it ("Mexican steel"); other sectors
    go with the unpaired targets, or with every target country when all are paired."""
    by_sector = {f.value: f for f in sectors}
    paired = [t for t in targets if t.pair and t.pair in by_sector]
    combos: list[tuple[_Entity | None, _Found | None]] = [(t, by_sector[str(t.pair)]) for t in paired]
    paired_sectors = {t.pair for t in paired}
    loose_targets: list[_Entity | None] = [t for t in targets if t not in paired]
    loose_sectors: list[_Found | None] = [f for f in sectors if f.value not in paired_sectors]
    if not loose_targets:
        if combos and not loose_sectors:
            return combos
        first_of_code: dict[str, _Entity] = {}
        for t in targets:
            first_of_code.setdefault(t.code, t)
        loose_targets = list(first_of_code.values()) or [None]
    combos.extend(itertools.product(loose_targets, loose_sectors or [None]))
    return combos


def _rate_value(raw: str) -> float:
    key = _norm(raw)
    if key in _NUMBER_WORDS:
        return _NUMBER_WORDS[key]
    return float(key.replace(",", "."))


def _rate_for(rates: list[_Found], sector: _Found | None, group: _Group) -> _Found | None:
    if not rates:
        return None
    if len(rates) == 1:
        return rates[0]
    if sector is not None:
        before = [r for r in rates if r.end <= sector.start]
        if before:
            return before[-1]
        return min(rates, key=lambda r: r.start - sector.end)
    return min(rates, key=lambda r: min(abs(r.end - group.start), abs(r.start - group.end)))


def _imposer(ctx: _Context, group: _Group, targets: set[str]) -> tuple[_Entity | None, str]:
    """The imposing country (as the entity that names it) and a phrase saying how it was found."""
    text = ctx.folded.text

    def label(e: _Entity, reason: str) -> str:
        kind = (
            "official's country" if "official" in e.kinds else "seat of government" if "agent" in e.kinds else "country"
        )
        return f"imposer from '{ctx.quote(e.start, e.end)}' ({e.code}, {kind}; {reason})"

    e = group.modifier
    if e is not None and e.code not in targets:
        return e, label(e, "next to the measure")

    after = ctx.between(group.end, min(group.segment[1], group.end + WINDOW))
    for e in after:
        if e.code not in targets and _BY.search(text, max(0, e.start - 60), e.start):
            return e, label(e, "agent after 'by'")

    before = ctx.between(max(0, group.start - REACH), group.start)
    for k in range(len(before) - 1, max(-1, len(before) - 13), -1):
        e = before[k]
        if e.target or e.seeker or e.code in targets or e.attributed:
            continue
        if e.speaker_verb_end is not None and not (targets or _PRONOUN.search(text, e.speaker_verb_end, group.start)):
            continue  # "Sheinbaum said tariffs would hurt": a speaker, not an agent
        if not (e.imposer or group.start - e.end <= _NEAR or _acts(text, e)):
            continue  # "Mexico agreed to deploy troops ... in exchange for a pause on the tariffs"
        other = _linked_party(text, before, k, targets)
        if other is not None:
            return None, (
                f"imposer ambiguous between '{ctx.quote(other.start, other.end)}' and '{ctx.quote(e.start, e.end)}'"
            )
        return e, label(e, "nearest agent before the measure")

    for e in after:
        if e.target or e.seeker or e.after_prep or e.code in targets or e.attributed:
            continue
        if e.speaker_verb_end is not None:
            continue
        return e, label(e, "agent after the measure")
    return None, "no imposer named"


def _acts(text: str, e: _Entity) -> bool:
    """A measure verb follows the agent closely ("Trump threatened", "Trump, who imposed ...")."""
    end = min(len(text), e.end + _VERB_REACH)
    return any(value not in (None, _DENIED) for _, _, value in _STATUS.finditer(text, e.end, end))


def _linked_party(text: str, before: list[_Entity], k: int, targets: set[str]) -> _Entity | None:
    """Another party linked to ``before[k]`` ("Trump and Carney", "spoke with Canadian Prime Minister Mark
    Carney"): an agent of a different country, so the imposer is ambiguous."""
    e = before[k]
    j = k
    while j > 0 and before[j - 1].code == e.code and _TITLE_GAP.fullmatch(text, before[j - 1].end, before[j].start):
        j -= 1
    if j == 0:
        return None
    other = before[j - 1]
    if other.code == e.code or other.code in targets or other.target:
        return None
    start = before[j].start
    if start - other.end <= 60 and _LINK.fullmatch(text, other.end, start):
        return other
    return None
