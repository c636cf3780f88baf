"""One group of measure nouns read into facts: type, imposing and target party, sector, rate, status and the
date it takes effect.

* **target**: see :mod:`.targets`; a market's own exports and a predicative exemption's subject, :mod:`.markets`.
  What follows a reason ("como castigo por la compra de crudo ruso") is not read. Makers named by their country
  after the measure ("a heavy blow to Korean automakers") suffer it: neither its target nor its imposer.
* **imposer**: see :mod:`.agents`. Imposer and target never coincide.
* **sector**: none for a measure on a country's goods in general ("most goods from Ghana", "productos
  paraguayos", "Tonga's exports": what those goods mostly are is not the measure's scope); else the sector words
  around the measure, but not those of an official's title ("Agriculture Minister"), of the imposer's own goods,
  listed beside the measure ("tariffs and critical minerals"), of makers who suffer it ("citrus exporters say the duty
  has cost jobs", not "steel exporters face a 50% duty") or given as examples of a sector already named
  ("consumer products ranging from whiskey and orange juice"); a product with a code of its own beside others of
  its broad sector is that sector ("cocoa, coffee and beef": agriculture).
* **status**: the cue nearest before the measure in its clause, else the nearest after it, else ``imposed``;
  exemptions are ``exempted`` unless lifted (a requested or negated exemption is no measure: "were not
  exempted"); a review is ``threatened`` when demanded, else ``imposed``. A denied measure ("ruled out tariffs")
  yields nothing, nor does a measure noun that names no party, sector or rate ("they discussed tariffs").
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right

from hotline.extract.context import ArticleContext
from hotline.extract.trade import positions as pos
from hotline.extract.trade import rules as r
from hotline.extract.trade.agents import Parties, imposers
from hotline.extract.trade.effective import effective_date, starts_later_unless
from hotline.extract.trade.groups import Group
from hotline.extract.trade.markets import exempted_subject, owners_market
from hotline.extract.trade.parties import Party, a_name
from hotline.extract.trade.rates import Found, rate_for, rates_in
from hotline.extract.trade.targets import (
    all_countries,
    listed_beside,
    named_before,
    read_from,
    suffers,
    targets_of,
)
from hotline.extract.trade.unlisted import GROUP_NOTE, its_examples, names_group, unlisted_group
from hotline.facts import TradeMeasureFact
from hotline.text import Vocabulary, fold, phrase_key


def _quote(ctx: ArticleContext, start: int, end: int) -> str:
    return ctx.text[start:end]


def status(ctx: ArticleContext, group: Group, vocab: Vocabulary) -> tuple[str | None, str | None]:
    """The cue nearest before the group in its clause, else one inside it, else the nearest after it in its segment."""
    lo = max(group.clause[0], group.start - r.WINDOW, group.cues_from or 0)
    hi = max(group.end, min(group.segment[1], group.end + r.WINDOW))
    relative = pos.RELATIVE_AFTER.search(ctx.folded, group.end, hi)
    hi = relative.start() if relative else hi
    before = after = None
    for s, e, found in vocab.finditer(ctx.folded, lo, hi):
        v = r.as_written(ctx.text, s, e, found) if vocab is r.STATUS else found  # "aplicará", not "aplicara"
        if v is None or (group.compound and group.start <= s < group.end) or a_name(ctx, s, e):
            continue  # a neutral phrase, the measure's own head ("suspendió las exportaciones"), a name ("Quito")
        if r.CONDITIONAL.search(ctx.folded, max(lo, s - 60), s):
            continue  # "... unless Washington removes its levies": hypothetical
        if v == r.DENIED and s >= group.end and names_group(ctx.folded, s):
            continue  # "a productos de naciones sin acuerdo comercial": whom it is on, no denial
        if v in ("reduced", "lifted", "paused") and r.DEMANDED.search(ctx.folded, max(lo, s - 70), s):
            break  # "called for the government to lower its tariff, a proposal ...": asked for, so still in place
        if e <= group.start:
            before = (s, e, v)
        elif s >= group.start:
            after = (s, e, v)
            break
    if before is not None and before[2] not in _GOVERNING:
        threat = _threat_governing(ctx.folded, vocab, lo, before[0])  # "threatening to hit Brazil with a tariff"
        before = threat or before
    head = ctx.folded[group.start : group.end].split(" ", 1)[0]
    if vocab is r.STATUS and group.compound and head in r.FUTURE_HEADS:  # "anunció que prohibirá las exportaciones"
        before = (group.start, group.end, "threatened")
    elif vocab is r.STATUS and group.compound and head in r.RESUME_HEADS:  # "reanudó las importaciones de carne"
        before = (group.start, group.end, "lifted")
    if before is None and vocab is r.STATUS:  # a modal before the measure makes it a verb: "would sanction"
        future = _FUTURE_HEAD.search(ctx.folded, max(lo, group.start - 30), group.start)
        if future is not None:  # "will ban exports"
            before = (future.start(), future.end(), "threatened")
    found = before or after
    return (str(found[2]), _quote(ctx, found[0], found[1])) if found else (None, None)


_FUTURE_HEAD = re.compile(
    r"(?<![\w])(?:will|would|could|might|may|shall|plans?\s+to|planning\s+to|intends?\s+to|set\s+to|va\s+a|van\s+a|"
    r"planea|planean|preve|preven)\s+\Z"
)
"""A modal or plan right before a measure named by its verb ("will ban exports", "plans to restrict sales")."""
_TO = re.compile(r"(?:(?:\s+[\w.]+){0,3}?\s+(?:to|on|con|de|en))?\s+\Z")
"""From a governing cue to the verb it governs: "threatening to hit", "proposed on Tuesday to cut", "would hold off
for 90 days on raising", "floated raising", "amenazó con subir"."""
_GOVERNING = ("threatened", "paused", r.DENIED)  # "descartó imponer aranceles": ruled out


def _threat_governing(text: str, vocab: Vocabulary, lo: int, cue_start: int) -> tuple[int, int, str] | None:
    """A threat, a pause or a denial whose verb is the cue at ``cue_start``: the change it governs is not made."""
    for s, e, v in vocab.finditer(text, max(lo, cue_start - 40), cue_start):
        if v in _GOVERNING and _TO.match(text, e, cue_start) is not None:
            return s, e, str(v)
    return None


def _status_of(ctx: ArticleContext, group: Group, mtype: str) -> tuple[str | None, str]:
    """The status in the labels' vocabulary and how it was read; None for a measure that is not one."""
    if mtype == r.EXEMPTION:
        start = group.surface_span[0]
        if r.NEGATED_EXEMPTION.search(ctx.folded, max(group.clause[0], start - 40), start):
            return None, "not exempted"  # "Textiles were not exempted", "no quedaron fuera del arancel"
        found, cue = status(ctx, group, r.EXEMPTION_STATUS)
        denied, denial = status(ctx, group, r.STATUS)
        if denied == r.DENIED and found is None:
            return None, f"denied ('{denial}')"  # "ruled out any exemption for Canada"
        if found == r.REQUESTED:
            return None, f"requested ('{cue}')"
        found = found or "exempted"
    elif mtype == r.REVIEW:
        found, cue = status(ctx, group, r.STATUS)
        demand = r.REVIEW_DEMAND.search(ctx.folded, max(group.clause[0], group.start - r.CLOSE), group.start)
        if demand is not None:
            found, cue = "threatened", _quote(ctx, demand.start(), demand.end())
        elif found not in ("paused", "threatened", "lifted", r.DENIED):
            found, cue = "imposed", None
    elif phrase_key(ctx.folded[slice(*group.surface_span)]) in r.LIST_MEASURES:
        found, cue = status(ctx, group, r.LIST_STATUS)  # struck off a white list: restricted
        if found is None:
            found, cue = status(ctx, group, r.STATUS)
    else:
        found, cue = status(ctx, group, r.STATUS)
    if found == r.DENIED:
        return None, f"denied ('{cue}')"
    if found is None:
        return "imposed", "status imposed by default (no cue)"
    if mtype == r.QUOTA and found == "reduced" and cue and phrase_key(fold(cue)) not in r.QUOTA_EASED:
        return "imposed", f"status imposed from '{cue}' (a smaller quota tightens it)"  # "cut steel quotas by half"
    return found, f"status {found} from '{cue}'" if cue else f"status {found} by default"


def measure_facts(
    ctx: ArticleContext,
    s: Parties,
    group: Group,
    mtype: str,
    modifiers: set[int],
    answering: set[int],
    worldwide: set[int],
    exports: set[int],
) -> list[TradeMeasureFact]:
    """The facts of one measure type of one group; the ids of those that answer another measure ("counter-tariffs")
    are added to ``answering``, those of export restrictions that name no destination to ``worldwide``, those of
    taxes on exports to ``exports``."""
    text = ctx.folded
    seg_lo, seg_hi = group.segment
    lo, hi = max(seg_lo, group.start - r.WINDOW), min(seg_hi, group.end + r.WINDOW)
    reason = r.REASON.search(text, group.end, hi)
    hi = reason.start() if reason else hi
    if r.TOPIC_BEFORE.search(text, max(seg_lo, group.start - 40), group.start) and r.TOPIC_LIST_AFTER.match(
        text, group.end
    ):
        hi = group.end  # "discussed tariffs, cooperation on shipbuilding and ...": the next topics are not its own
    if mtype == r.REVIEW:
        lo, hi = max(lo, group.start - r.NEAR), min(hi, group.end + r.NEAR)
    threshold = mtype == r.QUOTA and r.THRESHOLD.search(text, max(0, group.start - 40), group.start) is not None
    if threshold:  # "a 50% tariff on imports above that quota": the clause's quota, read with its goods and cue
        lo, group.cues_from = max(group.clause[0], group.start - r.WINDOW), None
    state, how_status = _status_of(ctx, group, mtype)
    if state is None or _called_for(ctx.folded, group, state, how_status):
        return []
    if state in ("imposed", "threatened"):
        state, how_status = _later_status(ctx, s, group, state, how_status)

    targets = targets_of(text, s, group, mtype, (read_from(text, group, lo), hi), modifiers)
    if mtype == r.EXEMPTION and group.end > group.surface_span[1]:
        targets = _not_the_absorbed(text, group, targets)  # "una exención de las sanciones al petróleo ruso"
    if not targets and mtype == r.EXEMPTION and r.COUNTRY_ANAPHORA.match(text, group.surface_span[1]):
        targets = named_before(s, group)  # "... to the UAE, exempting the country from the export ban"
    if not targets and group.next is not None:  # "the 25% tariff on steel and 10% tariff on aluminum ... on Canada"
        following = group.next
        targets = targets_of(text, s, following, mtype, (following.start, following.segment[1]), modifiers)
    market_from = None if mtype == r.EXPORT_RESTRICTION else lo  # the market imposes a tariff, not an export ban
    market_to = hi if mtype in r.IMPORTER_MEASURES else None  # "tariffs of 36% on their exports to the U.S."
    exempted = exempted_subject(text, s, group, mtype)  # "Mexico, as a CUSMA partner, is exempt from the quotas"
    kept = [t for t in targets if not suffers(text, group, t)]  # "hurting Canadian producers": no target, no imposer
    hurt = {t.code for t in targets} - {t.code for t in kept}
    targets = exempted or kept
    owned = None if group.modifier is not None else owners_market(s, group, mtype, hi)
    if owned is not None:  # "... los aranceles impuestos a sus exportaciones a Estados Unidos"
        market, targets = owned[0], owned[1]
        agents, imposer_how = [market], f"imposer from '{ctx.text[market.start : market.end]}', where its exports go"
    else:
        named = {t.code for t in targets} | hurt
        agents, imposer_how = imposers(ctx, s, group, named, modifiers, market_from, market_to)
    for agent in agents:
        agent.imposer = True
    codes = [a.code for a in agents]
    targets = [t for t in targets if t.code not in codes]
    unlisted = unlisted_group(ctx, s.start, group, lo, hi)  # "a países con los que no tiene tratado, entre ellos"
    if unlisted is not None:  # the countries it gives as examples are no targets of their own
        examples = its_examples(text, unlisted, targets)
        targets = [t for t in targets if t not in examples]
    stated_type = r.TARIFF if phrase_key(text[slice(*group.surface_span)]) in r.EXPORT_TAXES else mtype
    every, targets = all_countries(ctx, group, lo, hi, targets)
    if unlisted is not None and not targets:
        every = None
    elif not targets:
        if every is None and stated_type != mtype:  # a tax on exports that names no destination: every destination
            every = Party(group.start, group.end, r.ALL, frozenset({"all"}), target=True)
        if every is not None:
            targets = [every]
    sectors = [] if any(t.generic for t in targets) else _sectors(ctx, s, group, mtype, lo, hi, targets)
    rates = [] if threshold else rates_in(text, lo, hi)  # the rate is the duty's above the quota
    if mtype != r.REVIEW and not agents and not targets and not sectors and not rates:
        return []  # a measure noun with nothing to say ("they discussed tariffs")

    effective, effective_how = effective_date(ctx, s.index, group, state)
    if state == "imposed" and starts_later_unless(ctx, effective, group.end, s.end):
        state, how_status = "threatened", f"{how_status}; threatened: it starts later, unless a condition is met"
    answers = r.RETALIATION.search(text, max(seg_lo, group.start - r.CLOSE), min(seg_hi, group.end + 20))
    if answers is not None and r.ANSWERED.fullmatch(text, answers.end(), group.start):
        answers = None  # "en respuesta a los aranceles de Washington": the measure answered, not the answer
    measure_how = f"{stated_type} from '{_quote(ctx, *group.surface_span)}'"
    facts: list[TradeMeasureFact] = []
    for agent, (target, sector) in itertools.product(agents or [None], _combinations(targets, sectors)):
        rate = rate_for(text, rates, sector, group, target)
        how = [measure_how, how_status, imposer_how]
        if target is not None:
            cue = target.cue or (target.start, target.end)
            how.append(f"target from '{_quote(ctx, *cue)}' ({target.code})")
        else:
            how.append("no target named")
        if sector is not None:
            how.append(f"sector from '{_quote(ctx, sector.start, sector.end)}'")
        if rate is not None:
            how.append(f"rate from '{_quote(ctx, rate.start, rate.end)}'")
        if effective is not None:
            how.append(effective_how)
        if unlisted is not None and target is None:
            how.append(f"{GROUP_NOTE} ('{_quote(ctx, unlisted.start(), unlisted.end())}')")
        facts.append(
            TradeMeasureFact(
                article_id=ctx.article.article_id,
                mention_id=None,
                measure_type=stated_type,
                imposing_country_code=agent.code if agent else None,
                target_country_code=target.code if target else None,
                sector=sector.value if sector else None,
                rate_percent=rate.value if rate else None,
                status=state,
                evidence=ctx.evidence(s.index, "; ".join(how)),
                effective_date=effective,
            )
        )
    if stated_type != mtype:
        exports.update(id(f) for f in facts)
    if answers is not None:
        answering.update(id(f) for f in facts if f.target_country_code is None)
    if mtype == r.EXPORT_RESTRICTION and not r.EXPORT_LISTS.search(text, *group.surface_span):
        worldwide.update(id(f) for f in facts if f.target_country_code is None)
    elif mtype in r.GOODS_WIDE and unlisted is None and not r.SOME_COUNTRIES.search(text, lo, hi):
        # "the import duty on rice"
        worldwide.update(id(f) for f in facts if f.target_country_code is None and f.sector)
    return facts


def _not_the_absorbed(text: str, group: Group, targets: list[Party]) -> list[Party]:
    """The targets of an exemption from a measure it names ("granted Hungary an exemption from the sanctions on
    Russian oil"): those named after that measure are its targets, not the exemption's, when one stands before."""
    absorbed = None
    for start, _, _ in r.MEASURES.finditer(text, group.surface_span[1], group.end):
        absorbed = start
    if absorbed is None:
        return targets
    before = [t for t in targets if t.start < absorbed]
    return before or targets


def _called_for(text: str, group: Group, state: str, how: str) -> bool:
    """A new measure someone calls for, urges or fears is not stated ("called on the EU to adopt further sanctions",
    "pushed for a sixteenth package of sanctions", "exporters fear provisional duties"): asked for, proposed or by
    default, with a call before it in its clause, and no owner named ("lower its 35% tariff" is in place)."""
    if (state != "threatened" and "by default" not in how) or group.modifier is not None:
        return False  # "called on the Commission to tighten the EU's steel quotas": an existing measure, owned
    lo = max(group.clause[0], group.start - r.NEAR - 30)
    call = r.CALLED_FOR.search(text, lo, group.start)
    # "lower its 35% tariff", "tighten the EU's steel quotas": a measure in place, owned
    return (
        call is not None
        and not r.OWNER.search(text, lo, group.start)
        and "'s " not in text[call.end("opener") : group.start]
    )


def _later_status(ctx: ArticleContext, s: Parties, group: Group, state: str, how: str) -> tuple[str, str]:
    """A later state told of by an object pronoun or a relative clause after the measure, no other measure
    between them."""
    later = r.LATER_STATUS.search(ctx.folded, group.end, min(s.end, group.end + r.WINDOW))
    if later is None or next(r.MEASURES.finditer(ctx.folded, group.end, later.start()), None) is not None:
        return state, how
    if later.group("rel") and (later.start() - group.end > r.NEAR or r.OBJECT_AFTER.match(ctx.folded, later.end())):
        return state, how  # a relative clause far from the measure, or about an object of its own
    if r.DEMANDED.search(ctx.folded, max(group.end, later.start() - 70), later.start()):
        return state, how  # "dismissing calls from miners to relax it": asked for, so still in place
    if r.CONDITIONAL.search(ctx.folded, max(group.end, later.start() - 60), later.start()):
        return state, how  # "instead of lifting it", "unless Ottawa drops them": not done
    value = r.STATUS.first(later.group("en") or later.group("es") or later.group("rel"))
    if value is None or value == r.DENIED or a_name(ctx, *later.span(later.lastgroup or 0)):
        return state, how
    return str(value), f"status {value} from '{_quote(ctx, later.start(), later.end())}' (a pronoun for the measure)"


def _sectors(
    ctx: ArticleContext, s: Parties, group: Group, mtype: str, lo: int, hi: int, targets: list[Party]
) -> list[Found]:
    text = ctx.folded
    found: list[Found] = []
    if mtype == r.REVIEW and r.USMCA.search(text, *group.clause):
        found.append(Found(group.start, group.end, "usmca"))
    titles = ctx.title_spans
    title_starts = [t[0] for t in titles]
    no_target = [e for e in s.between(lo, hi) if not e.target or listed_beside(text, group, e)]
    others = [e.cue for e in no_target if e.pair and e.cue and e not in targets]
    examples = None
    listed = r.GOODS_EXAMPLES.search(text, group.end, hi)
    sectors = r.SECTORS.finditer(text, lo, hi) if ctx.lex.may_match("sector", text, lo, hi) else ()
    asides = [m.span() for e in s.between(lo, group.start) if (m := r.APPOSITION.match(text, e.end))]
    impacts = [m.span() for m in r.IMPACT.finditer(text, group.end, hi)]  # "cost jobs in agriculture"
    aside: list[Found] = []  # said of a party in apposition: the measure's only when it names none of its own
    for start, end, sector in sectors:
        if not sector or any(f.value == sector for f in found):
            continue
        i = bisect_right(title_starts, start) - 1
        office = r.OFFICE_AFTER.match(text, end) or r.OFFICE_BEFORE.search(text, max(lo, start - 20), start)
        if (i >= 0 and titles[i][1] >= end) or office:
            continue  # "Agriculture Minister Antonio Andrade", "Ministerio de Agricultura"
        if r.NOT_SECTOR_AFTER.search(text, max(lo, start - 10), start):
            continue  # "ha ganado peso": a verb
        if (mtype != r.SANCTION and _suffer(text, group, end, targets)) or any(a <= start < b for a, b in impacts):
            continue  # "citrus and automotive exporters say the duty has cost jobs": who suffers, not the goods
        if any(a <= start and end <= b <= group.start for a, b in asides):
            aside.append(Found(start, end, str(sector)))  # "Zambia, segundo productor de cobre, prohibió ..."
            continue
        if any(cue[0] <= start and end <= cue[1] for cue in others) or group.lists_before_owner(text, end):
            continue  # the goods of a party that is no target here, or listed before the measure's owner
        if start >= group.end and pos.GROUP_GAP.fullmatch(text, group.end, start):
            continue  # "U.S. tariffs and critical minerals": listed beside the measure, not its sector
        if listed is not None and start >= listed.end():
            continue  # "U.S. goods, including bourbon": examples of the goods, not the measure's sector
        if found and start >= group.end:
            examples = examples or r.EXAMPLES.search(text, group.end, hi)
            if examples and start >= examples.end() and any(f.start < examples.start() for f in found):
                continue  # examples of a sector already named
        if mtype == r.REVIEW and start < group.start:
            continue  # "Hablamos del acero, del aluminio y de la revisión del T-MEC": topics beside the review
        if r.MIXED_GOODS.match(text, end):
            return []  # "productos agrícolas e industriales": more than the sectors named
        found.append(Found(start, end, str(sector)))
    found = found or aside  # "el Congo, primer productor de cobalto, prohibió exportar ese metal"
    values = {f.value for f in found}
    return [f for f in found if r.SECTOR_PARTS.get(f.value) not in values]  # "cocoa, coffee and beef": agriculture


def _suffer(text: str, group: Group, end: int, targets: list[Party]) -> bool:
    """The goods ending at ``end`` name makers who suffer the measure, not the goods it is on; unless the makers are
    the subject that bears a measure on no country ("Steel exporters continue to face a 50% duty"; not "Kenya's tea
    growers face a 10% levy": the levy on Kenya's goods in general)."""
    makers = r.SUFFERERS.match(text, end)
    if makers is None:
        return False
    if any(t.code != r.ALL for t in targets):
        return True
    bears = r.BEARS.match(text, makers.end(), group.start) if makers.end() < group.start else None
    return bears is None or group.start - bears.end() > r.CLOSE


def _combinations(targets: list[Party], sectors: list[Found]) -> list[tuple[Party | None, Found | None]]:
    """One (target, sector) per fact: a demonym's own goods pair with it ("Mexican steel"); other sectors
    go with the unpaired targets, or with every target country when all are paired."""
    by_sector = {f.value: f for f in sectors}
    paired = [t for t in targets if t.pair and t.pair in by_sector]
    combos: list[tuple[Party | None, Found | None]] = [(t, by_sector[str(t.pair)]) for t in paired]
    paired_sectors = {t.pair for t in paired}
    loose_targets: list[Party | None] = [t for t in targets if t not in paired]
    loose_sectors: list[Found | None] = [f for f in sectors if f.value not in paired_sectors]
    if not loose_targets:
        if combos and not loose_sectors:
            return combos
        first_of_code: dict[str, Party] = {}
        for t in targets:
            first_of_code.setdefault(t.code, t)
        loose_targets = list(first_of_code.values()) or [None]
    combos.extend(itertools.product(loose_targets, loose_sectors or [None]))
    return combos
