"""Who imposes a measure: the party written as its modifier, the agent after "by", the agent of a relative
clause, else the nearest agent before it that acts, else one right after it.

* **modifier**: "U.S. tariffs", "Trump's tariffs", "aranceles estadounidenses", "aranceles de Estados Unidos",
  "restricciones estadounidenses a la exportación" (a party inside the measure's words), "the tariffs that
  Mexico announced"; for an export restriction its origin ("the Indian onion export ban", "export curbs in
  Argentina").
* **nearest agent before**: a country, seat of government or official close to the measure or followed by a
  measure verb ("Trump threatened ..."); not a target, a speaker whose words merely mention the measure
  ("Sheinbaum said tariffs would hurt"), a party that only responds to it ("Canada will respond to these
  tariffs"), nor one in apposition to another ("Argentina, Brazil's main supplier, has restricted ...").
  Coordinated agents that act together are all imposers ("Francia y Alemania restringieran ..."); an agent
  linked to another party of a call ("Trump and Carney discussed ...") leaves the imposer ambiguous (None).
"""

from __future__ import annotations

import re

from hotline.extract.context import ArticleContext
from hotline.extract.trade import positions as pos
from hotline.extract.trade import rules as r
from hotline.extract.trade.acting import acted_before, acts, answers_with, reports_own_act
from hotline.extract.trade.groups import Group, verb_at
from hotline.extract.trade.parties import Party, between

_APPOSITION = re.compile(r"\s*,\s+(?:[\w.'-]+\s+){0,4}$")
_APPOSITION_END = re.compile(r"(?:'s)?(?:\s+[\w.'-]+){0,5}\s*,")
_RELATIVE_VS = re.compile(
    r"(?:\s+[^\s;:,]+){0,4}?\s+(?:que|which|that)\s+(?:[^\s,;:]+\s+){1,3}?"
    + r.ART
    + r"(?:(?:"
    + r.HEADS
    + r")\s+(?:de|del|of)\s+"
    + r.ART
    + r")?$"
)
_CALLED_WITH = re.compile(
    r"(?<![\w])(?:call|calls|conversation|talks|spoke|talked|met|llamada|conversación|conversó|habló|hablaron|"
    r"reunión|se reunió)\s+(?:(?:telefónica|by phone|por teléfono)\s+)?(?:with|con)\s+(?:[\w.'-]+\s+){0,4}$"
)
_IN_MARKET = re.compile(r"(?<![\w])(?:in|en)\s+(?:(?:the|el)\s+(?:market|mercado)(?:\s+(?:of|de))?\s+)?" + r.ART + "$")
_MARKET_NOUN = re.compile(r"(?<![\w])(?:market|mercado)\s+$")
_MARKET_AFTER = re.compile(r"\s+market(?![\w])")
_PAID_IN = re.compile(r"(?<![\w])(?:" + r.alt(r.RULES["paid_in_verbs"]) + r")\s+(?:in|en)\s+" + r.ART + "$")
"""Goods that pay a duty in a market ("los productos europeos pagan en Estados Unidos un arancel"): where it is
charged, so who charges it."""
_AND_FIRST = re.compile(r"\s+(?:and|y|e|or|o|u)\s")
_IN_PLACE = re.compile(r"(?<![\w])(?:in|en)\s+" + r.ART + "$")
_REPORTED_SUBJECT = re.compile(r"(?<![\w])" + r.alt(r.RULES["speech_verbs"]) + r"\s+(?:that\s+|que\s+)?" + r.ART + "$")


class Parties:
    """The parties of one sentence, sorted by start."""

    def __init__(self, index: int, start: int, end: int, parties: list[Party]):
        self.index, self.start, self.end = index, start, end
        self.parties = parties
        self.starts = [p.start for p in parties]

    def between(self, lo: int, hi: int) -> list[Party]:
        return between(self.parties, self.starts, lo, hi)


def modifier(ctx: ArticleContext, s: Parties, group: Group) -> Party | None:
    """The party written as the measure's own modifier, if any."""
    text = ctx.folded
    exports = r.EXPORT_RESTRICTION in group.types
    inside = s.between(*group.surface_span)  # "restricciones estadounidenses a la exportación"
    partner = inside and pos.PARTNER.search(text, max(0, inside[0].start - 20), inside[0].start)
    own = r.REVIEW not in group.types  # "review of the North American free trade pact": the agreement's party
    if own and inside and inside[0].end <= group.surface_span[1] and not inside[0].target and not partner:
        return inside[0]  # not "revisará con Marruecos el acuerdo": the partner of the agreement
    if r.EXEMPTION in group.types and group.end > group.surface_span[1]:
        # "an exemption from the U.S. tariffs on steel": the owner of the measure the exemption is from
        for e in s.between(group.surface_span[1], group.end):
            if e.is_name and not (e.target or e.after_prep or e.seeker):
                return e
            lifted = next(r.MEASURES.finditer(text, e.end, group.end), None)
            if lifted is not None and _owns_goods(text, e) and pos.MODIFIER_LOOSE.fullmatch(text, e.end, lifted[0]):
                return e  # "an exemption from U.S. steel tariffs"
    before = s.between(group.start - r.NEAR, group.start)
    if before:
        e = before[-1]
        pattern = pos.MODIFIER_STRICT if e.demonym_only else pos.MODIFIER_LOOSE
        # "against U.S. tariffs": the preposition governs the measure, so the country is its modifier.
        against = e.target_by == "preposition" and e.pair is None and r.EXEMPTION not in group.types
        allowed = not e.target or against or (exports and e.origin)  # not "la orden contra Brasil dejó fuera ..."
        allowed = allowed or _owns_goods(text, e)  # "the U.S. steel tariffs", "EU steel quotas"
        by = _POSSESSIVE.match(text, e.end) and _BY_AGENT_AFTER.match(text, group.end, group.segment[1])
        if by and any(a.start - by.end() <= 20 for a in s.between(by.end(), by.end() + 40)):
            e.target, e.cue = True, e.cue or (e.start, e.end)  # "Brazil's 50% tariff, imposed by Trump": on Brazil
            return None
        listed = _AND_FIRST.match(text, e.end)  # "the war in Ukraine and sanctions": listed beside, no modifier
        if e.end <= group.start and allowed and not listed and pattern.fullmatch(text, e.end, group.start):
            return e
        near = group.start - e.end <= 30 and not (group.compound and verb_at(text, group.start))
        if exports and e.origin and near and not pos.ORIGIN_BREAK.fullmatch(text, _end(e), group.start):
            return e  # "the Indian onion export ban", not "placed American firms on its export control list"
    after = s.between(group.end, group.end + r.NEAR + 40)
    if after:
        e = after[0]
        if e.start - group.end <= r.NEAR and (
            ("demonym" in e.kinds and pos.POST_DEMONYM.fullmatch(text, group.end, e.start))
            or (e.is_name and _owns(group) and pos.POST_OF.fullmatch(text, group.end, e.start))
            or (e.is_name and _owns(group) and pos.POST_SECTOR_OF.fullmatch(text, group.end, e.start))
            or (e.is_name and _owns(group) and pos.POST_RATE_OF.fullmatch(text, group.end, e.start))
            or (exports and e.is_name and pos.POST_IN.fullmatch(text, group.end, e.start))
        ):
            return e
        if e.is_name and not e.target and pos.RELATIVE.fullmatch(text, group.end, e.start) and acts(text, e):
            return e  # "los aranceles que México anunció el lunes"
        if (
            e.is_name
            and not e.target
            and _RELATIVE_VS.fullmatch(text, group.end, e.start)
            and acted_before(text, e, group.end)
        ):
            return e  # "las restricciones que había impuesto el gobierno de Alberto Fernández"
    return None


_RELATIVE_PRONOUN = re.compile(
    r"(?<![\w])(?:que|that|which)\s+(?:(?:the|el|la|los|las|de|of|" + r.HEADS + r")\s+){0,3}$"
)


def _relative_agent(text: str, after: list[Party], group: Group, targets: set[str]) -> Party | None:
    """The agent of a relative clause later in the measure's sentence, its measure verb right after it and no
    other measure between ("the 25% tariffs on steel and cars that Washington imposes on everyone", "the tariffs on
    Canadian steel, which Washington imposed in March")."""
    for e in after:
        if e.is_name and not e.in_another_role and e.code not in targets:
            relative = _RELATIVE_PRONOUN.search(text, max(group.end, e.start - 50), e.start)
            if relative is None or not acts(text, e):
                return None
            return None if next(r.MEASURES.finditer(text, group.end, relative.start()), None) else e
    return None


def _owns_goods(text: str, e: Party) -> bool:
    """A name, no possessive, right before the goods of its measure owns the measure ("the U.S. steel tariffs")."""
    return e.is_name and e.origin and e.pair is not None and text[e.end : e.end + 1].isspace()


_POSSESSIVE = re.compile(r"'s?(?![\w])")
_BY_AGENT_AFTER = re.compile(
    r"\s*,?\s+(?:" + r.alt(r.RULES["by_participles"]) + r")\s+(?:[\w.'-]+\s+){0,3}?(?:by|por)\s"
)
"""A participle and its agent right after the measure ("Brazil's 50% tariff, imposed by Trump in July")."""


def imposers(
    ctx: ArticleContext,
    s: Parties,
    group: Group,
    targets: set[str],
    modifiers: set[int],
    market_from: int | None = None,
    market_to: int | None = None,
) -> tuple[list[Party], str]:
    """The imposing parties (as the words that name them) and a phrase saying how they were found; ``modifiers``
    are the ids of the parties that own another measure of the sentence ("as long as the U.S. tariffs remain").
    When none is named, the market the exports go to, named from ``market_from`` up to the measure, or up to
    ``market_to`` after it ("Tonga's exports to the United States face the 10 per cent tariff", "tariffs of 36% on
    their exports to the United States"): None for a measure on exports themselves."""
    found = _named_imposers(ctx, s, group, targets, modifiers)
    if found[0] or market_from is None:
        return found
    end = group.start if market_to is None else market_to
    markets = [e for e in s.between(market_from, end) if e.destination and e.code not in targets]
    if not markets:
        return found
    market = markets[-1]
    return [market], f"imposer from '{ctx.text[market.start : market.end]}', where the exports go"


def _named_imposers(
    ctx: ArticleContext, s: Parties, group: Group, targets: set[str], modifiers: set[int]
) -> tuple[list[Party], str]:
    """:func:`imposers` named by grammar: next to the measure, after "by", before it, after it, or a pronoun."""
    text = ctx.folded

    def label(found: list[Party], reason: str) -> str:
        names = ", ".join(f"'{ctx.text[e.start : e.end]}' ({e.code}, {_kind(e)})" for e in found)
        return f"imposer from {names}; {reason}"

    e = group.modifier
    if e is not None and e.code not in targets:
        found = [e, *_listed_before(text, s.between(max(s.start, e.start - 80), e.start), e, targets)]
        return found, label(found, "next to the measure")

    after = s.between(group.end, min(group.segment[1], group.end + r.WINDOW))
    for k, e in enumerate(after):
        by = pos.BY.search(text, max(0, e.start - 60), e.start) if e.code not in targets else None
        if by and (
            by.start() - group.end <= 15
            or pos.BY_PARTICIPLE.search(text, group.end, by.start() + 4)
            or pos.BY_NOMINAL.search(text, max(0, group.start - 40), group.start)  # "the imposition of ... by X"
        ):
            found = [e, *_listed_after(text, after, k, targets)]
            return found, label(found, "agent after 'by'")
    relative = _relative_agent(text, after, group, targets)
    if relative is not None:  # "del arancel de 25 por ciento al acero ... que Estados Unidos aplica"
        return [relative], label([relative], "agent of a relative clause on the measure")

    reach = r.NEAR * 2 if r.REVIEW in group.types else r.REACH  # a review's demander stands close to it
    before = s.between(max(s.start, group.start - reach), group.start)
    owned = r.OWNER.search(text, max(s.start, group.start - 80), group.start)  # "its export controls"
    for k in range(len(before) - 1, max(-1, len(before) - 13), -1):
        e = before[k]
        if e.in_another_role or e.code in targets or "both" in e.kinds:
            continue
        pronoun = e.speaker_verb_end is not None and (
            pos.PRONOUN.search(text, e.speaker_verb_end, group.start) or reports_own_act(text, e.speaker_verb_end)
        )
        if e.speaker_verb_end is not None and not (targets or pronoun):
            continue  # "Sheinbaum said tariffs would hurt": a speaker, not an agent
        paid_in = r.TARIFF in group.types and _PAID_IN.search(text, max(0, e.start - 30), e.start) is not None
        if _IN_PLACE.search(text, max(0, e.start - 12), e.start) and not (paid_in or acts(text, e)):
            continue  # "la guerra en Ucrania ni las sanciones": a place, not an agent
        if _with_before(text, e.start) and _CALLED_WITH.search(text, max(0, e.start - 60), e.start):
            continue  # "after a phone call with Mexican President Claudia Sheinbaum, leaving the duty": a participant
        if (stance := r.STANCE.search(text, e.end, group.start)) and not answers_with(text, stance.end(), group.start):
            continue  # "Canada will continue to respond to these tariffs"
        if owned and "official" in e.kinds and text.startswith(("its", "their"), owned.start()):
            continue  # "its levy": a country's or government's, not a person's ("former president Bolsonaro")
        close = group.start - e.end <= r.CLOSE or _REPORTED_SUBJECT.search(text, max(0, e.start - 30), e.start)
        subject = _opens_clause(text, group, e, before[k + 1 :])
        if not (e.imposer or close or pronoun or owned or subject or paid_in or acts(text, e)):
            continue  # "Mexico agreed to deploy troops ... in exchange for a pause on the tariffs"
        if r.REVIEW in group.types and not (close or r.REVIEW_DEMAND.search(text, e.end, e.end + r.VERB_REACH)):
            continue  # "Ottawa keeps its quotas, and the lobby asked ... ahead of the review": no demander
        if k > 0 and _in_apposition(text, before[k - 1], e, group.start):
            continue  # "Argentina, Brazil's main wheat supplier, has restricted grain exports"
        other = _linked_party(text, before, k, targets)
        if other is not None:
            if pos.COORD.fullmatch(text, other.end, e.start) and acts(text, e) and "official" not in e.kinds:
                return [other, e], label([other, e], "agents acting together before the measure")
            quoted = f"'{ctx.text[other.start : other.end]}' and '{ctx.text[e.start : e.end]}'"
            return [], f"imposer ambiguous between {quoted}"
        return [e], label([e], "nearest agent before the measure")

    for e in after:
        if e.start - group.end > r.NEAR or any(c in ",;:" for c in text[group.end : e.start]):
            break
        if e.in_another_role or e.code in targets or e.speaker_verb_end:
            continue
        if id(e) in modifiers:
            break  # the owner of the next measure
        # "the tariffs Washington imposed", "que había impuesto el gobierno de X", "un arancel del 50 % en Estados
        # Unidos" (where it is charged); not "Tariff pause gives Lesotho's mills"
        market = r.TARIFF in group.types and _IN_MARKET.search(text, max(group.end, e.start - 30), e.start)
        if market and not e.is_name and not _MARKET_NOUN.search(text, max(group.end, e.start - 12), e.start):
            market = _MARKET_AFTER.match(text, e.end)  # a demonym owns the market ("en el mercado estadounidense",
            # "in the American market"), not goods ("en productos chilenos")
        if (e.is_name or market) and (market or acts(text, e) or acted_before(text, e, group.end)):
            return [e], label([e], "agent after the measure")
    return _pronoun_subject(ctx, s, group, targets)


_CLAUSE_OPENING = re.compile(r"\s*(?:[^,;:]{0,50},\s*)?(?:[^\s,;:]+\s+){0,2}")
"""Before a clause's subject: a few words ("The", "On Tuesday") or an opening phrase and its comma."""


def _opens_clause(text: str, group: Group, e: Party, later: list[Party]) -> bool:
    """The subject that opens the measure's clause, the measure named by its own verb and no other party acting
    between them ("Beijing added 11 U.S. defence firms to its entity list and restricted rare-earth exports")."""
    if e.start < group.clause[0] or any(not p.in_another_role and acts(text, p) for p in later):
        return False
    if not _CLAUSE_OPENING.fullmatch(text, group.clause[0], e.start):
        return False
    verbs = r.STATUS.finditer(text, max(e.end, group.start - r.VERB_REACH), group.start + r.VERB_REACH)
    return any(v not in (None, r.DENIED) and start <= group.start for start, _, v in verbs)


def _pronoun_subject(ctx: ArticleContext, s: Parties, group: Group, targets: set[str]) -> tuple[list[Party], str]:
    """ "In January he threatened to impose tariffs": a pronoun acting on the measure in its clause stands for the
    official named last before it, in this sentence or the one before."""
    text = ctx.folded
    lo = max(group.clause[0], group.start - r.REACH)
    pronoun = None
    for found in r.SUBJECT_PRONOUN.finditer(text, lo, group.start):
        pronoun = found  # the last one before the measure
    if pronoun is None or not acts(text, Party(pronoun.start(), pronoun.end(), "", frozenset())):
        return [], "no imposer named"
    first = ctx.sentences[max(0, s.index - 1)].start
    named = [
        h
        for index in range(max(0, s.index - 1), s.index + 1)
        for h in ctx.in_sentence("officials", index)
        if h.kind == "alias" and h.country_code and first <= h.start < pronoun.start()
    ]
    if not named or named[-1].country_code in targets:
        return [], "no imposer named"
    hit = named[-1]
    e = Party(hit.start, hit.end, str(hit.country_code), frozenset({"official"}))
    quoted = f"'{ctx.text[pronoun.start() : pronoun.end()]}' = '{ctx.text[hit.start : hit.end]}'"
    return [e], f"imposer from {quoted} ({e.code}, official's country; named last)"


def _end(e: Party) -> int:
    """Where the party's phrase ends: its goods too ("American companies")."""
    return e.cue[1] if e.cue else e.end


def _kind(e: Party) -> str:
    if "official" in e.kinds:
        return "official's country"
    return "seat of government" if "agent" in e.kinds else "country"


def _with_before(text: str, start: int) -> bool:
    """Cheap test first: "with"/"con" stands in the 60 characters before ``start``."""
    lo = max(0, start - 60)
    return text.find(" with ", lo, start) >= 0 or text.find(" con ", lo, start) >= 0


def _owns(group: Group) -> bool:
    """ "X of COUNTRY" after the measure names the measure's owner, unless the measure is a review or named by
    its object ("froze the assets of Russia's central bank": the object's owner is the target)."""
    return r.REVIEW not in group.types and not group.compound


def _listed_before(text: str, before: list[Party], e: Party, targets: set[str]) -> list[Party]:
    """The parties listed right before ``e`` with it ("Francia y Alemania restringieran ...")."""
    if e.chain is None:
        return []
    return [p for p in before if p.chain == e.chain and p.code not in targets and p.code != e.code]


def _listed_after(text: str, parties: list[Party], k: int, targets: set[str]) -> list[Party]:
    """The parties listed right after ``parties[k]`` ("by the United States and the European Union")."""
    listed = []
    while k + 1 < len(parties) and pos.COORD.fullmatch(text, parties[k].end, parties[k + 1].start):
        k += 1
        if parties[k].code not in targets:
            listed.append(parties[k])
    return listed


def _in_apposition(text: str, previous: Party, e: Party, measure_start: int) -> bool:
    return bool(
        _APPOSITION.fullmatch(text, previous.end, e.start) and _APPOSITION_END.match(text, e.end, measure_start)
    )


def _linked_party(text: str, before: list[Party], k: int, targets: set[str]) -> Party | None:
    """Another party linked to ``before[k]`` ("Trump and Carney", "spoke with Canadian Prime Minister Mark
    Carney"): an agent of a different country."""
    e = before[k]
    j = k
    while j > 0 and before[j - 1].code == e.code and pos.TITLE_GAP.fullmatch(text, before[j - 1].end, before[j].start):
        j -= 1
    if j == 0:
        return None
    other = before[j - 1]
    if other.code == e.code or other.code in targets or other.target:
        return None
    start = before[j].start
    if start - other.end <= 60 and pos.LINK.fullmatch(text, other.end, start):
        return other
    return None
