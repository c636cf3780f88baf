"""Officials by name: a reference alias hit with its role on the day, a name written with a middle initial the
aliases do not list, and a surname alone once the full name was given.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache

from hotline.extract.lexicon import is_word_char
from hotline.extract.officials.patterns import OFFICIAL_RULES, OfficialHit
from hotline.reference import Official, Reference
from hotline.text import fold


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
# The capital before the look-behind: a pattern that opens with a character class is searched for it in C.
_MIDDLE_INITIAL = re.compile(
    r"(?P<first>[A-ZÁÉÍÓÚÑ](?<![\w.][A-ZÁÉÍÓÚÑ])[\w’'-]+)[ \t]+[A-Z]\.[ \t]+"
    r"(?P<rest>[A-ZÁÉÍÓÚÑ][\w’'-]+(?:[ \t]+(?:[A-ZÁÉÍÓÚÑ][\w’'-]+|Jr\.))*)"
)
_INITIAL = re.compile(r"\.(?<=[ \t][A-Z]\.)[ \t]+[A-ZÁÉÍÓÚÑ]")
"""The middle initial of :data:`_MIDDLE_INITIAL` and the capital after it, searched from the stop (in C): a text
with none has no such name, and is not tried at every capital."""


def with_middle_initial(
    text: str, reference: Reference, on: dt.date | None, taken: list[tuple[int, int]]
) -> list[OfficialHit]:
    """A reference name written with a middle initial the aliases do not list ("Benigno S. Aquino III" for
    "Benigno Aquino III"): the name without the initial, and the longest run of the rest it names."""
    if not _INITIAL.search(text) or not _MIDDLE_INITIAL.search(text):
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


_SENTENCE_OPENERS = frozenset(w.lower() for w in OFFICIAL_RULES["sentence_openers"])
_PLACE_PREPOSITION = re.compile(r"(?:\b(?:in|of|to|from|with|and|de|en|a|con|y|desde|hacia|para)|,)\s+\Z", re.I)
# Countries whose names are written family name first ("Xi Jinping", "Lee Jae-myung", "Pham Minh Chinh").
_FAMILY_NAME_FIRST = frozenset({"CN", "TW", "KR", "KP", "VN"})
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_NAME_PARTICLES = frozenset(
    {"al", "bin", "bint", "ibn", "de", "del", "la", "da", "do", "dos", "das", "van", "von", "di", "le", "el"}
)


_HONORIFIC_WORDS = frozenset(w.lower() for w in OFFICIAL_RULES["honorific_fillers"])
_CALENDAR_WORDS = frozenset(w.lower() for w in OFFICIAL_RULES["calendar_words"])
_SAINT_WORDS = frozenset(w.lower() for w in OFFICIAL_RULES["saint_words"])
_TRANSLITERATION = 0.6  # how alike two spellings of one name are (difflib's ratio)
_WORD_BEFORE = re.compile(r"(?<![\w’'.-])([A-ZÁÉÍÓÚÑÜ][\w’'-]*)[ \t]+\Z")
_LINE_REACH = 160  # characters of the line read either side of a name: a megabyte line stays linear
_LINE_WORDS = re.compile(r"[^\W\d_][\w’'-]{3,}")


def titled_at(start: int, title_ends: set[int]) -> bool:
    """Whether a title ends one or two characters before ``start`` ("President Mahama")."""
    return any(start - gap in title_ends for gap in (1, 2))


def another_persons_name(text: str, start: int, official: Official, title_ends: set[int]) -> bool:
    """Whether the one-word alias at ``start`` ("Mahama") is another person's surname, a capitalized given name
    right before it that is none of the official's own names: "Lordina Mahama", "Senator Oluremi Tinubu" (spouses,
    children, namesakes); or a place or a saint, a saint's word before it ("SAN FRANCISCO —"). Not when the word
    opens the sentence ("But Tinubu said"), is a title ("President Mahama"), an honorific, a possessive ("Ghana's
    Mahama"), a weekday or month, an acronym, or when its line is a headline in title case ("Tinubu Calls Mahama
    Over Border")."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or titled_at(start, title_ends):
        return False
    word = before.group(1)
    lowered = word.lower()
    if lowered in _SAINT_WORDS:
        return True  # a place or a saint of that name ("SAN FRANCISCO —", "Santa Isabel")
    if (
        word.isupper()
        or lowered in _SENTENCE_OPENERS
        or lowered in _HONORIFIC_WORDS
        or lowered in _CALENDAR_WORDS
        or lowered.endswith(("'s", "’s"))
        or lowered in _NAME_PARTICLES
        or _one_of_their_names(lowered, official)
    ):
        return False
    line_start = max(text.rfind("\n", max(0, start - _LINE_REACH), start) + 1, start - _LINE_REACH)
    line_end = text.find("\n", start, start + _LINE_REACH)
    words = _LINE_WORDS.findall(text, line_start, min(len(text), start + _LINE_REACH) if line_end < 0 else line_end)
    return not words or sum(w[0].islower() for w in words) > 0.2 * len(words)  # a headline capitalizes them all


def _one_of_their_names(word: str, official: Official) -> bool:
    """Whether ``word`` (lower case) is one of the official's names or a transliteration of one ("Yeihun" for
    "Jeyhun", "Mamadi" for "Mamady", "Volodímir" for "Volodymyr")."""
    folded = fold(word)
    for name in (official.full_name, *official.aliases):
        for own in fold(name).replace("-", " ").split():
            if own == folded or SequenceMatcher(None, own, folded).ratio() >= _TRANSLITERATION:
                return True
    return False


def _surname(hit: OfficialHit) -> str | None:
    """The word a full name is later referred to by: the family name (last word; first in Chinese, Korean and
    Vietnamese names), none when a particle makes it part of a longer surname ("Al Thani", "de León")."""
    return _surname_of(hit.full_name, hit.country_code)


@lru_cache(maxsize=8192)  # the same officials article after article
def _surname_of(full_name: str, country_code: str | None) -> str | None:
    words = [w for w in full_name.split() if w.lower().rstrip(".") not in _NAME_SUFFIXES]
    if len(words) < 2:
        return None
    if country_code in _FAMILY_NAME_FIRST:
        return words[0].rstrip(".,")
    if words[-2].lower() in _NAME_PARTICLES:
        return None
    surname = words[-1].rstrip(".,")
    return surname if len(surname) >= 3 else None


def surnames_after_full_name(
    text: str, reference: Reference, hits: list[OfficialHit], titles: list[tuple[int, int]]
) -> list[OfficialHit]:
    """A person the article has named in full ("Pedro Sánchez", "Norwegian Prime Minister Jonas Gahr Støre") is
    later that person by surname alone ("Sánchez", "Støre"), as every outlet writes, when:

    - no other official of the article has that surname, and the surname is capitalized;
    - it is no part of a longer name: no capitalized word right after it, none right before it other than a title
      ("President Støre"): "Juan Sánchez" is someone else, "Costa Rica" a country;
    - a surname that is also a country ("Montenegro") is no place here: no preposition before it ("in Montenegro").
    """
    by_surname: dict[str, set[str | None]] = {}
    first_of: dict[str, OfficialHit] = {}
    for hit in hits:
        written = text[hit.start : hit.end]
        surname = _surname(hit) if hit.kind in ("alias", "titled") and " " in written.strip() else None
        if surname is None or surname not in written:
            continue
        by_surname.setdefault(surname, set()).add(hit.official_id)
        if surname not in first_of or hit.start < first_of[surname].start:
            first_of[surname] = hit
    usable = {
        surname: first
        for surname, first in first_of.items()
        if len(by_surname[surname]) == 1
        and reference.official_by_alias(surname) in (None, reference.officials.get(first.official_id or ""))
    }
    if not usable:
        return []
    taken = sorted((h.start, h.end) for h in hits)
    title_ends = {end for _, end in titles}
    found: list[OfficialHit] = []
    for surname, start, end in _surname_matches(text, usable, min(first.end for first in usable.values())):
        first = usable[surname]
        if start < first.end:
            continue  # before the full name
        i = bisect.bisect_right(taken, (start, len(text))) - 1
        if i >= 0 and taken[i][1] > start:
            continue  # inside a name found already
        after = _CAPITAL_AFTER.match(text[end : end + 3])
        before = text[max(0, start - 40) : start]
        word_before = _WORD_AT_END.search(before)
        titled = any(start - gap in title_ends for gap in (0, 1, 2))
        if after or (
            word_before
            and word_before.group(1)[0].isupper()
            and not titled
            and word_before.group(1).lower() not in _SENTENCE_OPENERS
        ):
            continue  # "Juan Sánchez" is someone else; "Fue Chaves quien llamó", "But Støre said" are the person
        if reference.country_by_name(surname) is not None and _PLACE_PREPOSITION.search(before[-12:]):
            continue
        found.append(
            OfficialHit(
                start,
                end,
                first.kind,
                first.official_id,
                first.full_name,
                first.country_code,
                first.role,
                first.is_reference,
                f"'{surname}' after the full name '{first.full_name}'",
            )
        )
    return found


_CAPITAL_AFTER = re.compile(r"[ \t]+([A-ZÁÉÍÓÚÑÜ])")
_WORD_AT_END = re.compile(r"([\w’'-]+)[ \t]+\Z")


def _possessive_at(text: str, end: int) -> bool:
    """Whether a possessive "'s" ends the word at ``end`` ("Lee's office"), no longer name ("O'Neill")."""
    return (
        text[end] in "’'"
        and text[end + 1 : end + 2] == "s"
        and (end + 2 == len(text) or not is_word_char(text[end + 2]))
    )


def _surname_matches(text: str, surnames: Iterable[str], position: int) -> list[tuple[str, int, int]]:
    """(surname, start, end) of each surname standing as a word from ``position`` on, leftmost first and the longest
    at a start, never overlapping: what one alternation of them all finds, but by a
    substring search per surname (in C; no pattern to compile for each new surname) and a look at the characters
    either side: no word character before, none of a word, an apostrophe or a hyphen after (but a possessive "'s")."""
    found = []
    for surname in surnames:
        size = len(surname)
        at = text.find(surname, position)
        while at >= 0:
            end = at + size
            if (at == 0 or not is_word_char(text[at - 1])) and (
                end == len(text) or not (is_word_char(text[end]) or text[end] in "’'-") or _possessive_at(text, end)
            ):
                found.append((at, -size, end, surname))
                at = text.find(surname, end)
            else:
                at = text.find(surname, at + 1)
    found.sort()
    kept = []
    reach = -1
    for start, _, end, surname in found:
        if start >= reach:
            kept.append((surname, start, end))
            reach = end
    return kept


_HONORIFIC = re.compile(
    r"(?<![\w])(?:"
    + "|".join(map(re.escape, sorted(OFFICIAL_RULES["honorifics"], key=len, reverse=True)))
    + r")(?![\w])"
)
_HONORIFIC_FILLERS = re.compile(
    r"[ \t]+(?:(?:"
    + "|".join(map(re.escape, sorted(OFFICIAL_RULES["honorific_fillers"], key=len, reverse=True)))
    + r")[ \t]+){0,2}"
)


def honorific_fillers_end(text: str, start: int) -> int:
    """Where a name starts after the words an honorific or a title may have before it ("Sheikh", "Prince")."""
    fillers = _HONORIFIC_FILLERS.match(text, start)
    return fillers.end() if fillers else start


_AMBIGUOUS = OfficialHit(0, 0, "alias", None, "", None, None, False, "")


def honorifics_alone(text: str, hits: list[OfficialHit]) -> list[OfficialHit]:
    """An honorific first given with a name ("His Royal Highness Prince Mohammed bin Salman") stands alone for that
    person later, as monarchies' readouts write ("His Royal Highness received a phone call from ..."); one given to
    two people stands for neither."""
    if not any(honorific in text for honorific in OFFICIAL_RULES["honorifics"]):
        return []  # a substring test per honorific runs in C: most texts have none
    ordered = sorted((h for h in hits if h.official_id), key=lambda h: h.start)
    starts = [h.start for h in ordered]
    owner: dict[str, OfficialHit] = {}
    found: list[OfficialHit] = []
    for match in _HONORIFIC.finditer(text):
        position = honorific_fillers_end(text, match.end())
        i = bisect.bisect_left(starts, match.end())
        named = ordered[i] if i < len(ordered) and ordered[i].start <= position else None
        key = match.group(0).lower()
        if named is not None:
            known = owner.setdefault(key, named)
            if known.official_id != named.official_id:
                owner[key] = _AMBIGUOUS
            continue
        first = owner.get(key)
        if first is None or first is _AMBIGUOUS:
            continue
        how = f"honorific '{match.group(0)}' first given to '{first.full_name}'"
        found.append(replace(first, start=match.start(), end=match.end(), how=how, title_span=None))
    return found
