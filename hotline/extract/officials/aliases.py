"""Reference officials by name: an alias hit with its role on the day, a name written with a middle initial
the aliases do not list, and a surname that is also a country once the full name was given.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from hotline.extract.officials.patterns import OfficialHit
from hotline.reference import Official, Reference


def alias_hit(
    start: int, end: int, official: Official, reference: Reference, on: dt.date | None, how: str
) -> OfficialHit:
    """A reference official named at ``text[start:end]``, with the role held on ``on``."""
    term = reference.role_on(official.official_id, on)
    return OfficialHit(
        start,
        end,
        "alias",
        official.official_id,
        official.full_name,
        official.country_code,
        term.role if term else None,
        True,
        how,
    )


# A first name, a middle initial, then the rest of the name: "Benigno S. Aquino III", "George W. Bush".
_MIDDLE_INITIAL = re.compile(
    r"(?<![\w.])(?P<first>[A-ZÁÉÍÓÚÑ][\w’'-]+)[ \t]+[A-Z]\.[ \t]+"
    r"(?P<rest>[A-ZÁÉÍÓÚÑ][\w’'-]+(?:[ \t]+(?:[A-ZÁÉÍÓÚÑ][\w’'-]+|Jr\.))*)"
)


def with_middle_initial(
    text: str, reference: Reference, on: dt.date | None, taken: list[tuple[int, int]]
) -> list[OfficialHit]:
    """A reference name written with a middle initial the aliases do not list ("Benigno S. Aquino III" for
    "Benigno Aquino III"): the name without the initial, and the longest run of the rest it names."""
    if not _MIDDLE_INITIAL.search(text):
        return []
    ends = sorted(taken)
    found = []
    for match in _MIDDLE_INITIAL.finditer(text):
        i = bisect.bisect_right(ends, (match.start(), len(text))) - 1
        if i >= 0 and ends[i][1] > match.start():
            continue  # inside a name found already
        words = match.group("rest").split()
        for size in range(len(words), 0, -1):
            official = reference.official_by_alias(" ".join([match.group("first"), *words[:size]]))
            if official is None:
                continue
            end = text.index(words[size - 1], match.start("rest")) + len(words[size - 1])
            alias = " ".join([match.group("first"), *words[:size]])
            how = f"'{text[match.start() : end]}': alias '{alias}' with a middle initial"
            found.append(alias_hit(match.start(), end, official, reference, on, how))
            break
    return found


_PLACE_PREPOSITION = re.compile(r"(?:\b(?:in|of|to|from|with|and|de|en|a|con|y|desde|hacia|para)|,)\s+\Z", re.I)


def surnames_that_name_countries(
    text: str, reference: Reference, on: dt.date | None, hits: list[OfficialHit], taken: list[tuple[int, int]]
) -> list[OfficialHit]:
    """A surname that is also a country ("Montenegro") is no alias of its own; once the article has named the
    person in full ("Luís Montenegro"), the capitalized surname alone later on is that person, unless a
    preposition makes it the place ("in Montenegro", "de Montenegro")."""
    found: list[OfficialHit] = []
    for first in {h.official_id: h for h in reversed(hits)}.values():
        official = reference.officials.get(first.official_id or "")
        surname = official.full_name.split()[-1] if official else ""
        if not official or reference.country_by_name(surname) is None:
            continue
        for match in re.finditer(rf"(?<![\w]){re.escape(surname)}(?![\w])", text[first.end :]):
            start, end = first.end + match.start(), first.end + match.end()
            if _PLACE_PREPOSITION.search(text, max(0, start - 12), start) or any(a <= start < b for a, b in taken):
                continue
            how = f"'{surname}' after the full name '{first.full_name}'"
            found.append(alias_hit(start, end, official, reference, on, how))
            taken.append((start, end))
    return found
