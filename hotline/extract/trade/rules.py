"""The rules of ``rules/trade_measures.yaml``, ``trade_status.yaml``, ``trade_goods.yaml`` and
``trade_parties.yaml``, compiled once at import.

Every pattern runs on the article's folded text (:func:`hotline.text.fold_text`, same offsets as the article).
Vocabularies become tries (:mod:`hotline.text`), so a phrase list costs one pass; the patterns written as
"the text just before a word" (``left``) are searched with ``endpos`` at that word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from hotline.extract.rules import load_rule_set
from hotline.text import Vocabulary, fold, phrase_alternation, phrase_variants

RULES: dict[str, Any] = load_rule_set("trade_measures", "trade_status", "trade_goods", "trade_parties")
"""The measures, their status, the goods they are on and their parties: one mapping."""

WINDOW = int(RULES["window_chars"])
REACH = int(RULES["imposer_reach_chars"])
MAX_MEASURES = int(RULES["max_measures_per_sentence"])
NEAR = 60  # characters: how close a modifier or an absorbed measure noun must be
CLOSE = 40  # characters: an agent this close before the measure needs no measure verb to be its imposer
CONTEXT = 60  # characters read on each side of a country word to find its role
VERB_REACH = 25  # characters after a far agent within which its measure verb must start

REVIEW = "agreement_review"
EXEMPTION = "exemption"
EXPORT_RESTRICTION = "export_restriction"
TARIFF = "tariff"
IMPORTER_MEASURES = frozenset({TARIFF, EXEMPTION})  # measures the market the goods go to imposes or grants
SANCTION = "sanction"
QUOTA = "quota"
DENIED = "denied"
REQUESTED = "requested"
ALL = "ALL"
STATUSES = ("imposed", "threatened", "paused", "exempted", "lifted", "reduced")


def alt(items: Iterable[Any]) -> str:
    """One trie group for rule phrases (with their optional words)."""
    return phrase_alternation(v for item in items for v in phrase_variants(str(item)))


def word_pattern(items: Iterable[Any]) -> str:
    return r"(?<![\w])" + alt(items) + r"(?![\w])"


ART = r"(?:(?:the|el|la|los|las)\s+)?"


def left(body: str) -> re.Pattern[str]:
    """A pattern for the text just before a word (search with ``endpos`` at the word)."""
    return re.compile(r"(?<![\w])(?:" + body + r")\s+" + ART + r"$")


MEASURES = Vocabulary.by_value(
    RULES["measures"],
    prefix="".join(f"(?<!{re.escape(str(s))})" for s in RULES["exclude_before"]),
    suffix="".join(f"(?!{re.escape(str(s))})" for s in RULES["exclude_after"]),
)


def keys(phrases: Iterable[Any]) -> frozenset[str]:
    """The folded spellings of rule phrases: what the article context's lexicon reports them as."""
    return frozenset(v for p in phrases for v in phrase_variants(str(p)))


_MEASURE_WORD = r"(?!(?:" + alt(p for ps in RULES["measures"].values() for p in ps) + r")(?![\w]))"


def _compound(rule: dict[str, Any]) -> tuple[str, frozenset[str], re.Pattern[str]]:
    """A head and its object a few words apart; no measure noun between them ("suspended tariffs on exports" is
    a tariff, not an export restriction)."""
    gap = int(rule["gap_words"])
    heads, objects = alt(rule["heads"]), alt(rule["objects"])
    words = r"(?:[\s\"]+" + _MEASURE_WORD + r"[\w'-]+){0," + str(gap) + r"}?[\s\"]+"
    pattern = rf"(?<![\w])(?:{heads}{words}{objects}|{objects}(?:[\s\"]+[\w'-]+)?[\s\"]+{heads})(?![\w])"
    return str(rule["type"]), keys(rule[rule["found_by"]]), re.compile(pattern)


COMPOUNDS = [_compound(rule) for rule in RULES["compound_measures"]]
STATUS = Vocabulary(
    {
        **{str(p): str(value) for value, phrases in RULES["status_cues"].items() for p in phrases},
        **dict.fromkeys(map(str, RULES["denials"]), DENIED),
        **dict.fromkeys(map(str, RULES["neutral_phrases"])),
    }
)


def _spelled() -> dict[str, dict[str, str]]:
    """The status cues that fold alike but mean different states, by their written spelling ("aplicara": imposed,
    "aplicará": threatened; "prorroga": imposed, "prórroga": paused)."""
    by_key: dict[str, dict[str, str]] = {}
    for value, phrases in RULES["status_cues"].items():
        for phrase in map(str, phrases):
            if "(" not in phrase:  # the cues that differ by an accent are single words
                by_key.setdefault(fold(phrase), {})[phrase.lower()] = str(value)
    return {key: spellings for key, spellings in by_key.items() if len(set(spellings.values())) > 1}


SPELLED = _spelled()


def as_written(text: str, start: int, end: int, value: Any) -> Any:
    """The state of the cue ``text[start:end]`` (the article's own spelling) when its folded form is ambiguous."""
    spellings = SPELLED.get(fold(text[start:end]))
    return value if spellings is None else spellings.get(" ".join(text[start:end].lower().split()), value)


# A later state of the measure told of it by an object pronoun further on in the sentence ("announced
# countermeasures but last week postponed them", "anunció aranceles, pero luego los suspendió").
_LATER_CUES = alt(p for value in ("paused", "lifted", "reduced") for p in RULES["status_cues"][value])
LATER_STATUS = re.compile(
    r"(?<![\w])(?:(?P<en>" + _LATER_CUES + r")\s+(?:them|it)|(?:los|las|lo|la)\s+(?P<es>" + _LATER_CUES + r")"
    # or the verb of a relative clause on the measure ("both of which the United States put on hold")
    r"|(?:which|that|que|los cuales|las cuales)\s+(?:[\w.'-]+\s+){0,3}?(?P<rel>" + _LATER_CUES + r"))(?![\w])"
)
# A relative clause whose verb has an object of its own is about that object ("sanciones, que rebajó el precio").
OBJECT_AFTER = re.compile(r"\s+(?:the|a|an|its|their|el|la|los|las|un|una|su|sus)(?![\w])")
DEMANDED = re.compile(r"(?<![\w])(?:" + alt(RULES["demand_openers"]) + r")\s+[^,;:.]{0,50}$")
CALLED_FOR = re.compile(r"(?<![\w])(?P<opener>" + alt(RULES["call_openers"]) + r")\s+[^;:]{0,80}$")
THRESHOLD = re.compile(
    r"(?<![\w])(?:" + alt(RULES["quota_thresholds"]) + r")\s+(?:(?:" + alt(RULES["quota_determiners"]) + r")\s+)?$"
)
UNLESS = re.compile(word_pattern(RULES["unless_openers"]))  # "from August 1 unless they reach a deal": not yet
CONDITIONAL = re.compile(r"(?<![\w])(?:" + alt(RULES["conditional_openers"]) + r")\s+[^,;:.]{0,40}$")
EXEMPTION_STATUS = Vocabulary.by_value(RULES["exemption_status_cues"])
EXEMPTION_PHRASES = re.compile(word_pattern(RULES["exemption_phrases"]))
EXEMPT_PREDICATE = re.compile(r"(?<![\w])(?:" + alt(RULES["exempt_copulas"]) + r")\s+(?:[\w-]+\s+){0,3}?$")
EXEMPT_WORDS = keys(RULES["exempt_words"])
EXEMPT_SUBJECT_PHRASES = keys(RULES["exempt_subject_phrases"])
EXEMPTION_KEYS = keys(RULES["exemption_phrases"])
EXCLUSIONS = re.compile(  # "excluye de los aranceles", "was excluded from the tariffs"
    word_pattern(RULES["exclusion_verbs"])
    + r"(?=\s+(?:[\w%.,'-]+\s+){0,6}?(?:from|de|del)\s+(?:(?:the|its|their|los|las|el|la|sus|su)\s+)?(?:[\w-]+\s+)?"
    + alt(RULES["measures"]["tariff"])
    + r"(?![\w]))"
)
MEASURE_KEYS = keys(p for phrases in RULES["measures"].values() for p in phrases)
REVIEW_DEMAND = re.compile(word_pattern(RULES["review_demand_cues"]))
SECTORS = Vocabulary.by_value(RULES["sectors"])
NOT_SECTOR_AFTER = re.compile(r"(?<![\w])(?:" + alt(RULES["sector_not_after"]) + r")\s+$")
IMPACT = re.compile(
    r"(?<![\w])(?:" + alt(RULES["impact_nouns"]) + r")(?![\w])[^.;:]{0,30}?(?<![\w])(?:in|en)\s[^,.;:()]*"
)
"""Where a measure's cost falls, to the next comma: the sector words in it are no goods of the measure."""
APPOSITION = re.compile(r"\s*,[^,;:]{1,80},")  # "Zambia, Africa's second copper producer, lifted ..."
TOPIC_BEFORE = re.compile(r"(?<![\w])(?:" + alt(RULES["topic_verbs"]) + r")\s+" + ART + r"$")
TOPIC_LIST_AFTER = re.compile(r"\s*,\s*(?!(?:on|of|to|for|from|against|de|del|a|al|para|sobre|contra|en|in)\s)[\w]")
SECTOR_PARTS = {str(k): str(v) for k, v in RULES["sector_parts"].items()}
USMCA = re.compile(word_pattern(RULES["usmca_names"]))
BLOC = re.compile(r"(?<![\w])(?:the|el|del|al)\s+" + word_pattern(RULES["bloc_words"]))
OTHER_BLOCS = re.compile(word_pattern(RULES["other_blocs"]))
EXPORT_LISTS = re.compile(word_pattern(RULES["export_lists"]))
SOME_COUNTRIES = re.compile(
    word_pattern(RULES["some_countries"])
    + r"|(?<![\w])(?:from|of|in|de|desde|del|en)\s+(?:(?:the|el|la)\s+)?"
    + alt(RULES["some_regions"])
    + r"(?![\w])"
)
NEGATED_EXEMPTION = re.compile(
    r"(?:(?<![\w])(?:"
    + alt(RULES["exemption_negations"])
    + r")|n't)\s+(?:(?:"
    + alt([*RULES["exempt_copulas"], *RULES["exemption_negation_gap"]])
    + r")\s+){0,2}$"
)
"""A negation and at most two copulas or auxiliaries right before an exemption's words ("were not exempted")."""
UNLISTED = re.compile(
    r"(?<![\w])(?:"
    + alt(RULES["unlisted_nouns"])
    + r")\s+(?:"
    + alt(RULES["unlisted_lacks"])
    + r"|"
    + alt(RULES["unlisted_relatives"])
    + r"(?:\s+[\w.'-]+){0,3}?\s+(?:no|not|never|nunca))(?:\s+[\w.'-]+){0,3}?\s+"
    + alt(RULES["unlisted_pacts"])
    + r"(?![\w])|"
    + word_pattern(RULES["unlisted_phrases"])
)
"""A group of countries named by the agreement they lack ("countries with which Mexico has no free trade
agreement", "países sin tratado comercial"): a target no code names."""
UNLISTED_ANAPHORA = re.compile(word_pattern(RULES["unlisted_anaphora"]))
GOODS_WIDE = (TARIFF, "quota", EXEMPTION)  # on goods naming no country: every country
AFTER_CALL = re.compile(word_pattern(RULES["after_call_cues"]))
RETALIATION = re.compile(word_pattern(RULES["retaliation_cues"]))
ANSWERED = re.compile(r"\s+(?:to|for|against|a|al|contra|por)\s+(?:" + ART + r")?(?:[\w.'-]+\s+){0,3}?")
"""From a retaliation cue to the measure it answers ("in response to U.S. tariffs", "en respuesta a los aranceles")."""
STANCE = re.compile(word_pattern(RULES["stance_cues"]))
COUNTRY_ANAPHORA = re.compile(r"\s+" + word_pattern(RULES["country_anaphora"]))
SUBJECT_PRONOUN = re.compile(word_pattern(RULES["subject_pronouns"]))
# "over" opens a reason unless an amount or a stretch of time follows ("a penalty over India's purchases of
# Russian oil", not "duties of over 20%", "over the next five years").
_OVER = r"(?<![\w])over\s+(?![\d$€£]|(?:" + alt(RULES["not_reason_after_over"]) + r")(?![\w]))"
REASON = re.compile(word_pattern(RULES["reason_openers"]) + "|" + _OVER)
CAUSE_BEFORE = re.compile(word_pattern(RULES["cause_openers"]) + "|" + _OVER)
"""A cause told before a measure: the goods and countries in it are no targets of the measure after it."""
EXAMPLES = re.compile(word_pattern(RULES["example_openers"]))
# Goods named by their kind, then examples ("700 productos, entre ellos aviones civiles", "U.S. goods, including
# bourbon"): the examples are no sector of the measure.
GOODS_EXAMPLES = re.compile(
    r"(?<![\w])(?:" + alt(RULES["goods"]) + r")\s*,?\s+" + word_pattern(RULES["example_openers"])
)
OFFICE_AFTER = re.compile(r"\s+" + word_pattern(RULES["office_after"]))
OFFICE_BEFORE = re.compile(word_pattern(RULES["office_before"]) + r"\s+$")
MIXED_GOODS = re.compile(r"\s*,?\s+" + word_pattern(RULES["mixed_goods"]))
EFFECTIVE = re.compile(r"(?<![\w])(?:" + alt(RULES["effective_cues"]) + r")\s+(?:the\s+|el\s+|la\s+)?$")

NUMBER_WORDS = {v: float(n) for word, n in RULES["number_words"].items() for v in phrase_variants(str(word))}
_NUMBER = r"(?:\d{1,3}(?:[.,]\d{1,2})?|" + alt(NUMBER_WORDS) + r")"
_PERCENT = r"(?:\s?%|(?:\s+|-)(?:percent|per[\s-]+cent|por\s+ciento)(?![\w]))"  # "25-per-cent" (Canadian style)
RATE_BODY = _NUMBER + _PERCENT
RATE = re.compile(r"(?<![\w.,])(?P<value>" + _NUMBER + ")" + _PERCENT)
DEAL_CUTS = re.compile(
    r"(?<![\w])(?:"
    + alt(RULES["deal_nouns"])
    # the deal is the verb's subject: no comma between them but an apposition's pair ("the trade agreement with
    # the EU, concluded after a decade of talks, is expected to remove ...", not "under the deal, Japan will cut")
    + r")(?![\w])[^.;:,]{0,60}?(?:,[^.;:,]{1,80},[^.;:,]{0,40}?)?(?<![\w])(?:"
    + alt(RULES["deal_cuts"])
    + r")(?![\w])"
)
"""A deal and the verb by which it cuts duties (``rules/trade_measures.yaml`` deal_cuts)."""


RATE_MARKS = ("%", "cent", "cien")  # every rate holds one: "%", "percent", "per cent", "por ciento"
RATE_ELLIPSIS = re.compile(
    r"\s*,?\s+(?:and|y|e|while|mientras)\s+(?:(?:del|de|un|una|a|at)\s+)?" + RATE_BODY + r"(?:\s+[^\s,;:.]+){0,4}\s+"
)
RATE_CHAIN = re.compile(r"\s+(?:to|a|al|hasta)\s+(?=\d)")
RATE_RANGE = re.compile(
    r"(?<![\w])(?:between|entre)\s+\d{1,3}(?:[.,]\d{1,2})?\s*(?:%|percent|por\s+ciento)?\s+(?:and|y)\s+$"
)

_GOODS_WORDS = [*RULES["goods"], *(p for ps in RULES["sectors"].values() for p in ps)]
GOODS = alt(_GOODS_WORDS)
GOODS_MODS = alt(RULES["goods_modifiers"])
_NO_ORIGIN = r"(?![\w])(?!\s+(?:from|de|desde|del|procedentes|provenientes|originating)\s)"
"""Imported goods named with no origin after them ("imported cars", not "textiles importados de Asia")."""

_GAP_OPEN = r"(?:,\s*|\s+)(?:" + alt(RULES["gapped_openers"]) + r")\s+(?:(?:the|el|los|las)\s+)?"
_GAP_ART = r"(?:\s+(?:a\s+rate\s+of|a|an|un|una|del|de|at))?\s+"
_GAP_VERB = r"(?:\s+(?:" + alt(RULES["gapped_verbs"]) + r"))?" + _GAP_ART
_GAP_FROM = r"(?:" + GOODS + r")\s+(?:from|de|desde|del)\s+(?:[^\s,;:.]+\s+){0,2}?[^\s,;:.]+,?"
GAPPED_CLAUSE = re.compile(
    _GAP_OPEN
    + r"(?:(?:[^\s,;:.]+\s+){0,3}?[^\s,;:.]+\s+(?:"
    + alt(RULES["gapped_verbs"])
    + r")"
    + _GAP_ART
    + r"|"
    + _GAP_FROM
    + _GAP_ART
    + r")"
    + RATE_BODY
)
"""A clause of a measure said again for another party's goods with their own rate after them: a verb of paying or
facing before the rate, or the goods' origin right before it (rules gapped_*)."""
GAPPED_BEFORE = re.compile(r"[^;:.]*?" + _GAP_OPEN + r"(?:(?:" + GOODS + r")\s+(?:from|de|desde|del)\s+(?:the\s+)?)?")
"""From the measure or the previous target to the party: the gapped clause's opening ("..., while ")."""
GAPPED_AFTER = re.compile(r"(?:\s+(?:" + GOODS + r"|ones))?,?" + _GAP_VERB + r"(?=" + RATE_BODY + ")")
"""From the party to its own rate ("Cambodian products pay 49%", "goods from Vietnam 46 percent")."""
ANY_ORIGIN = re.compile(word_pattern(RULES["any_origin"]))
ALL_COUNTRIES = re.compile(
    word_pattern([*RULES["all_countries"], *RULES["any_origin"]])
    + r"|(?<![\w])(?:"
    + alt(RULES["all_goods_before"])
    + r")\s+(?:[\w-]+\s+){0,2}?(?:"
    + GOODS
    + r")"
    + _NO_ORIGIN
    + r"|(?<![\w])(?:"
    + GOODS
    + r")\s+(?:"
    + alt(RULES["all_goods_after"])
    + r")"
    + _NO_ORIGIN
)
LIST_MEASURES = keys(RULES["list_measures"])
EXPORT_TAXES = keys(RULES["export_taxes"])  # export restrictions stated as tariffs
QUOTA_EASED = keys(RULES["quota_eased"])  # the reductions that ease a quota rather than shrink it
RESUME_HEADS = frozenset(fold(str(w)) for w in RULES["resume_heads"])  # "resumed imports": the ban is lifted
FUTURE_HEADS = frozenset(fold(str(w)) for w in RULES["future_heads"])  # "prohibirá": a measure verb in the future
LIST_STATUS = Vocabulary.by_value(RULES["list_status"])
OWNER = re.compile(
    r"(?<![\w])(?:" + alt(RULES["possessive_pronouns"]) + r")\s+(?:(?:" + alt(RULES["measure_modifiers_en"]) + r"|"
    r"[\d.,]+\s?%)(?:\s+|-))*$"
)
MODS_EN = alt(RULES["measure_modifiers_en"])
MODS_ES = alt(RULES["measure_modifiers_es"])
HEADS = alt(RULES["agent_heads"])
SECTOR_WORDS = alt(p for ps in RULES["sectors"].values() for p in ps)
# A sector word (with the others listed beside it) qualifying those who make or sell the goods: no measure's sector.
SUFFERERS = re.compile(
    r"(?:\s*(?:,|and|y|e|or|o)\s*(?:" + SECTOR_WORDS + r"))*\s+(?:" + alt(RULES["sufferers"]) + r")(?![\w])"
)
BEARS = re.compile(r"(?:\s*,?\s+[\w-]+){0,4}?,?\s+(?:" + alt(RULES["target_subject"]) + r")(?![\w])")
"""From the makers of goods to the verb by which they bear a measure ("Steel exporters, meanwhile, continue to face a
50% duty"): the goods they make are the measure's."""
# Right after a demonym: those of that country who make or sell goods ("Korean automakers", "Canadian steel
# producers"): whom a measure hurts, not whom it is on, when the measure is said to cover every country.
SUFFERER_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:" + alt(RULES["sufferers"]) + r"|[\w-]+makers|[\w-]+producers)(?![\w])"
)
POSSESSIVE = "(?:'s|')?"  # the folded text has straight apostrophes only
# Goods named in general ("Ghana's goods") unless their kind follows ("exportaciones mexicanas de acero", "U.S.
# products such as pork") or precedes them in a list or apposition ("cereals, oilseeds and derived products from
# Russia", "los productos farmacéuticos, uno de los principales envíos de la India").
GOODS_KIND_AFTER = re.compile(r"\s*,?\s+(?:de|del|of|como|" + alt(RULES["example_openers"]) + r")(?![\w])")
# The link after the kind, searched from a comma or a coordinator just before the goods (cheap), then the kind.
GOODS_KIND_LINK = re.compile(r"(?:\s*,\s*[^,;:]{0,50}|\s+(?:and|y|e|or|o)\s+(?:[\w-]+\s+)?)$")
GOODS_KIND_BEFORE = re.compile(r"(?<![\w])(?:" + SECTOR_WORDS + r")$")
