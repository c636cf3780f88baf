"""Who is on the receiving end of a measure whatever the grammar suggests.

A tariff on a party's own exports to a market: "Malaysia and Cambodia keep the 19% tariffs imposed on their
exports to the United States", "Costa Rica paga un arancel del 15 % sobre sus exportaciones hacia Estados Unidos".

The market the exports go to imposes the tariff; the owner of the exports (the party named last before the
measure, with the list it closes) is its target, whatever other role the grammar around it suggests ("que
mantienen los aranceles" reads like an agent).

An exemption said of its subject ("Mexico, as a partner, is exempt", "la industria farmacéutica suiza sigue
exenta", "de los que México y Canadá quedaron fuera") exempts that subject: it is the target, never the imposer.
"""

from __future__ import annotations

from hotline.extract.trade import rules as r
from hotline.extract.trade.agents import Parties
from hotline.extract.trade.groups import Group
from hotline.extract.trade.parties import Party
from hotline.extract.trade.targets import in_aside, share_asides
from hotline.text import phrase_key


def owners_market(s: Parties, group: Group, mtype: str, hi: int) -> tuple[Party, list[Party]] | None:
    """The market and the owners of the exports, when a tariff is on "its/their/sus" exports to a named market."""
    if mtype != r.TARIFF:
        return None
    market = next((e for e in s.between(group.end, hi) if e.owners_market), None)
    if market is None:
        return None
    before = [e for e in s.between(group.clause[0], group.start) if e.is_name and e.code != market.code]
    if not before:
        return None
    last = before[-1]
    owners = [e for e in before if e.chain is not None and e.chain == last.chain] or [last]
    for e in owners:
        e.cue = e.cue or (e.start, e.end)
    return market, owners


def exempted_subject(text: str, s: Parties, group: Group, mtype: str) -> list[Party]:
    """The subject of a predicative exemption ("X is exempt from ..."), with the list it opens."""
    if mtype != r.EXEMPTION:
        return []
    words = phrase_key(text[slice(*group.surface_span)])
    said_of_subject = words in r.EXEMPT_SUBJECT_PHRASES  # "de los que México y Canadá quedaron fuera"
    if not said_of_subject and (
        words not in r.EXEMPT_WORDS
        or not r.EXEMPT_PREDICATE.search(text, max(group.clause[0], group.start - 40), group.start)
    ):
        return []
    asides = share_asides(text, group.clause[0], group.start)  # "Shrimp, which account for ... of Ecuador's sales"
    before = [e for e in s.between(group.clause[0], group.start) if not e.imposer and not in_aside(e, asides)]
    if said_of_subject:  # not a party of an apposition ("Los productos farmacéuticos, envíos a EE.UU., quedan ...")
        before = [
            e for e in before if e.is_name and group.start - e.end <= r.NEAR and "," not in text[e.end : group.start]
        ]
    if not before:
        return []
    # the clause's subject, not a party of an apposition after it ("..., the country's biggest export to the United
    # States, remain exempt"); a subject phrase's own subject stands right before it, after any other party
    first = before[-1] if said_of_subject else before[0]
    subject = [e for e in before if e.chain is not None and e.chain == first.chain] or [first]
    for e in subject:
        e.cue = e.cue or (e.start, e.end)
    return subject
