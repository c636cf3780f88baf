"""Where a party stands to a measure, as patterns of ``rules/trade_parties.yaml`` on the folded text: before or
after it as its target, origin, destination or owner; its agent after "by" or in a relative clause; a speaker, a
seeker of relief; the gaps that join the items of a list and the cuts that end a measure's segment or clause.

Built from the vocabularies of :mod:`hotline.extract.trade.rules`; the ``left`` patterns are searched with
``endpos`` at the party.
"""

from __future__ import annotations

import re

from hotline.extract.trade.rules import (
    ART,
    GOODS,
    GOODS_MODS,
    HEADS,
    MODS_EN,
    MODS_ES,
    POSSESSIVE,
    RATE_BODY,
    RULES,
    SECTOR_WORDS,
    alt,
    left,
    word_pattern,
)
from hotline.text import phrase_variants

TARGET_BEFORE = left(alt(RULES["target_before"]))
AFTER_MEASURE = left(alt(RULES["target_after_measure"]))
DESTINATION_BEFORE = left(
    alt(RULES["destination_before"])
    # "exports of electric vehicles to", "las exportaciones de carne vacuna a": the goods between
    + r"|(?:"
    + alt(RULES["sent_goods"])
    + r")\s+(?:of|de)\s+(?:[\w'-]+\s+){1,4}?(?:to|a|al|hacia)|(?:"
    + alt(RULES["sent_kinds"])
    + r")\s+(?:[\w'-]+\s+){1,2}?(?:to|a|al|hacia)"
)
OWN_EXPORTS_TO = left(alt(RULES["own_exports_to"]))
_ONE_WORD = r"(?!(?:and|or|y|e|o|of|de|del|the|el|la|los|las|to|a|in|en|on|for|with|by|its|their|said)\s)[\w-]+"
"""Any one word of their kind before those who make goods ("U.S. drone makers", "Chinese potash producers")."""
OWN_GOODS = re.compile(
    POSSESSIVE
    + r"\s+(?:(?:"
    + alt(RULES["own_goods_modifiers"])
    + "|"
    + SECTOR_WORDS  # "South Africa's citrus exports"
    + r")\s+){0,3}(?:"
    + _ONE_WORD
    + r"\s+)?(?P<goods>"
    + alt(RULES["own_goods"])
    + r")(?![\w])"
)
SPANISH_A = re.compile(r"(?<![\w])(?:a|al)\s+" + ART + r"$")  # "a" is also the English article: countries only
NOT_TARGET = left(alt(RULES["not_target_before"]))
ORIGIN_STRONG = left(alt(RULES["origin_strong"]))
ORIGIN_WEAK = re.compile(r"(?<![\w])(?P<goods>" + GOODS + r")\s+(?:" + alt(RULES["origin_weak"]) + r")\s+" + ART + r"$")
DEMONYM_ES = re.compile(r"(?<![\w])(?P<goods>" + GOODS + r")\s+(?:(?:" + GOODS_MODS + r")\s+)?$")
DEMONYM_EN = re.compile(
    POSSESSIVE
    + r"(?:"
    + alt(RULES["demonym_suffixes"])
    + r")?\s+(?P<goods>(?:(?:"
    + GOODS_MODS
    + r")\s+)?(?:"
    + GOODS
    + r")|"
    + _ONE_WORD
    + r"\s+(?:"
    + alt(RULES["own_goods"])
    + r"))(?![\w])"
)
# "Sudáfrica, por su parte, enfrenta ...": a short aside between the subject and its verb
_ASIDE = r"(?:\s*,[^,;:.]{1,30},)?"
AFTER_PREPOSITION = re.compile(
    r"(?<![\w])(?:a|al|to|de|del|of|en|in|con|with|para|for|hacia|from|desde|into|on|sobre)\s+" + ART + "$"
)
_RELATIVE_SUBJECT = r"(?:\s*,\s*(?:which|who|que|quien|el\s+cual|la\s+cual)(?=\s))?"  # "Vietnam, which faces ..."
_SUBJECT_ADVERB = r"(?:\s+(?:now|already|also|currently|ahora|ya|tambien|actualmente))?"  # folded text
# "Uruguay's beef now pays": a country's goods of a kind, then the verb
_OWN_KIND = r"(?:'s?\s+(?:" + SECTOR_WORDS + r")(?:\s+(?:and|or)\s+(?:" + SECTOR_WORDS + r"))?" + _SUBJECT_ADVERB + ")?"
TARGET_SUBJECT = re.compile(
    POSSESSIVE
    + r"(?:"
    + _OWN_KIND
    + _ASIDE
    + _RELATIVE_SUBJECT
    + r"(?:\s+(?:"
    + alt(RULES["subject_modals"])
    + r"))?\s+(?:"
    + alt(RULES["target_subject"])
    + r")|\s*,\s+(?:"  # "Brazil, hit with a 50% tariff", "Brasil, castigado con un arancel"
    + alt(RULES["target_apposition"])
    + r"))(?![\w])"
)
SEEKER = re.compile(
    POSSESSIVE
    + r"(?:\s+(?:"
    + HEADS
    + r"))?\s+(?:"
    + alt(RULES["relief_seekers"])
    + r")\s+(?:[\w-]+\s+){0,2}?(?:"
    + alt(RULES["relief_words"])
    + r")(?![\w])"
)
_LISTING = r"(?![\w])(?!(?<=added)(?:\s+[\w.'-]+){1,6}\s+to\s)"  # "added 11 firms to its entity list": no speech
_SPEECH = alt(RULES["speech_verbs"])
SPEAKER = re.compile(POSSESSIVE + r"(?:\s+(?:" + HEADS + r"))?\s+(?P<verb>" + _SPEECH + ")" + _LISTING)
ATTRIBUTED = left(alt(RULES["attributions"]))
ATTRIBUTED_AT_END = left(alt(RULES["attributions_at_clause_end"]))


def _last_words(*rules: str) -> frozenset[str]:
    phrases = [variant for rule in rules for item in RULES[rule] for variant in phrase_variants(str(item))]
    return frozenset(phrase.split(" ")[-1] for phrase in phrases if phrase)


LEFT_LAST_WORDS = _last_words(
    "not_target_before",
    "target_before",
    "destination_before",
    "own_exports_to",
    "origin_strong",
    "target_after_measure",
    "attributions",
    "attributions_at_clause_end",
)
"""The last word of every phrase of the :func:`left` patterns: one of them ends the text they match before the
white space (and optional article) before a party."""
ORIGIN_LAST_WORDS = _last_words("origin_weak")
"""The same for ``ORIGIN_WEAK``."""
CLAUSE_END = re.compile(r"(?:\s+[\w.'-]+){0,3}\s*(?:[,.;:\"]|$)")
PRONOUN = re.compile(word_pattern(RULES["agent_pronouns"]))
BY_PARTICIPLE = re.compile(r"(?<![\w])(?:" + alt(RULES["by_participles"]) + r")(?:\s+[\w,.%-]+){0,6}?\s+(?:by|por)\s")
# "by the government of", "por parte de"
BY = re.compile(r"(?<![\w])(?:by|por)\s+(?:(?:the|el|la|los|las|de|of|parte|" + HEADS + r")\s+){0,3}$")
BY_NOMINAL = re.compile(r"(?<![\w])(?:" + alt(RULES["by_nominals"]) + r")\s+(?:[\w%.,-]+\s+){0,3}$")
_AND = r"and|y|or"  # "U.S. anti-dumping and countervailing duties"
MODIFIER_STRICT = re.compile(
    POSSESSIVE + r"(?:\s+|-)(?:(?:" + "|".join((MODS_EN, RATE_BODY, _AND)) + r")(?:\s+|-)){0,4}$"
)
MODIFIER_LOOSE = re.compile(
    POSSESSIVE + r"(?:\s+|-)(?:(?:" + "|".join((MODS_EN, RATE_BODY, SECTOR_WORDS, HEADS, _AND)) + r")(?:\s+|-)){0,4}$"
)
POST_DEMONYM = re.compile(r"\s+(?:(?:" + MODS_ES + r")\s+){0,2}$")
# Words between a demonym and an export measure that make the demonym no origin of the exports ("placed American
# firms on its export control list").
ORIGIN_BREAK = re.compile(r"\s+(?:on|onto|to|in|into|a|al|en)\s+(?:(?:its|their|his|her|the|su|sus|la|el|los|las)\s+)?")
PARTNER = left(r"with|con")  # the other party of an agreement under review
AIMED_AT = left(r"on|onto|to|against|a|al|contra|para|sobre|hacia")  # "on Chinese companies": whom it is on
POST_IN = re.compile(r"\s+(?:in|en)\s+$")  # "export curbs in Argentina": where an export is restricted
# "the tariffs that Mexico announced", "los aranceles que impone Pekín": the agent of a relative clause.
RELATIVE = re.compile(r"(?:,?\s+[^\s;:,]+){0,6}?,?\s+(?:that|which|que)\s+(?:[^\s,;:]+\s+){0,2}?" + ART + r"$")
POST_OF = re.compile(r"\s+(?:de|del|of)\s+(?:(?:la|el|los|las|the|de|of|" + HEADS + r")\s+){0,3}$")
# "los aranceles siderúrgicos de Washington": a sector adjective of the measure, then its owner
POST_SECTOR_OF = re.compile(r"(?:\s+(?:" + SECTOR_WORDS + r")){1,2}" + POST_OF.pattern)
# "un arancel del 10 % de Estados Unidos": the measure's rate, then its owner
POST_RATE_OF = re.compile(r"\s+(?:de|del)\s+(?:un\s+)?" + RATE_BODY + POST_OF.pattern)
# A list's items may repeat their preposition ("imports from Brazil and from Colombia", "de Brasil y de Colombia").
COORD = re.compile(
    r"(?:\s*,\s*(?:(?P<w1>and|or|y|e|o|u)\s+)?|\s+(?P<w2>and|or|y|e|o|u|&)\s+)"
    r"(?:(?:from|on|against|to|de|desde|del|sobre|contra|a|al)\s+)?" + ART + "$"
)
LINK = re.compile(r"\s+(?:" + alt(RULES["participant_links"]) + r")\s+(?:[\w.'-]+\s+){0,4}$")
TITLE_GAP = re.compile(r"\s+(?:[\w.'-]+\s+){0,3}$")
GROUP_GAP = re.compile(r"\s*(?:(?:,|and/or|and|or|y|e|o|u|&|/)\s*){1,4}$")
LIST_GAP = re.compile(r"\s*(?:(?:,|and|or|y|e|o|u)\s*){1,2}(?:(?:on|to|a|al|sobre|contra)\s+)?" + ART)
"""Between two items of a list, with a repeated preposition or article ("... and Mexican tomatoes", "y a los autos")."""
LISTED_BEFORE = re.compile(r"(?:\s*,\s*[^,;:.]{1,40}?)*\s*,?\s+(?:and|y|e|or|o)\s+" + ART)
"""From an item to the owner of a measure listed after it ("electric vehicles and Beijing's new duties on brandy",
"agriculture, automobiles and the EU's carbon levy"): the item is no goods of the measure."""
ABSORB = re.compile(r"(?<![\w])(?:from|de|del|of)\s+(?:[\w%.,'-]+\s+){0,5}$")
COORDINATED = re.compile(r"(?<![\w])(?:and|y|e|as well as)\s+(?:[^\s,;:]+\s+){0,4}$")
# "with" too: "responded to Ottawa's surtaxes with a 100% tariff" (the rate before the second measure is its own)
SEGMENT_CUT = re.compile(r",|(?<![\w])(?:and|y|e|while|as well as|mientras|with|con)(?![\w])")
STRONG_CUT = re.compile(r",\s*(?:and|y|e|while|but|pero|mientras|whereas)(?![\w])")  # a comma and a conjunction
CLAUSE_BREAK = re.compile(
    r";|:(?=\s)|,\s*and\s+(?=[a-z]+ed(?![\w]))|\s+and,|,\s*(?=(?:"
    + alt(RULES["clause_breaks_after_comma"])
    + r")(?![\w]))|\s(?=(?:"
    + alt(RULES["clause_breaks_bare"])
    + r")\s)"
)
# A non-restrictive relative clause after a measure describes something else: its cues are not the measure's
# ("suspendió la venta de electricidad a Ecuador, que sufrió apagones por una sequía que redujo ...").
RELATIVE_AFTER = re.compile(r",\s*(?:que|which|who|where|donde|quien|quienes|cuyo|cuya)(?![\w])")
SUBORDINATE = re.compile(r"[\W_]*(?:" + alt(RULES["subordinators"]) + r")(?![\w])")
SHARE_ASIDE = re.compile(
    r",\s*(?:which|that|que|los\s+cuales|las\s+cuales)\s+(?:" + alt(RULES["share_verbs"]) + r")(?![\w])[^,;:.]{0,120},"
)
"""A relative aside on goods telling their share of a country's sales: the countries in it are no targets."""
