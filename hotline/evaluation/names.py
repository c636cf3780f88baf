"""Do two spellings name the same person? Accent-, case- and transliteration-tolerant.

"Zelenskyy" = "Volodymyr Zelensky" = "Zelenski"; "Lula" = "Luiz Inácio Lula da Silva"; "Mohammad bin Salman" =
"Mohammed bin Salman"; but "Mohammed bin Salman" != "Mohammed bin Zayed" and "Pedro Sánchez" != "Pedro Castillo":
either the last names agree (and the first names do not differ), or every word of the shorter name is in the longer one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hotline.text import fold

PARTICLES = frozenset(
    {
        "da",
        "de",
        "del",
        "do",
        "dos",
        "la",
        "las",
        "los",
        "y",
        "e",
        "bin",
        "ibn",
        "al",
        "el",
        "von",
        "van",
        "der",
        "den",
        "di",
        "le",
        "jr",
        "sr",
        "ii",
        "iii",
    }
)


@lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    folded = fold(name).replace("ß", "ss")
    words = re.findall(r"[a-z0-9]+", folded)
    return tuple(word for word in words if word not in PARTICLES) or tuple(words)


def _close(a: str, b: str) -> bool:
    """Equal, or one edit apart for words of five letters or more, two for eight or more
    (Zelensky/Zelenskyy, Mohammed/Mohammad, Zelenski/Zelenskyy)."""
    if a == b:
        return True
    shortest = min(len(a), len(b))
    allowed = 2 if shortest >= 8 else 1 if shortest >= 5 else 0
    if abs(len(a) - len(b)) > allowed:
        return False
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1] <= allowed


def same_person(a: str, b: str) -> bool:
    words_a, words_b = name_words(a), name_words(b)
    if not words_a or not words_b:
        return False
    if _close(words_a[-1], words_b[-1]) and (min(len(words_a), len(words_b)) == 1 or words_a[0][0] == words_b[0][0]):
        return True  # same surname, and no two different first names (Alberto / Cristina Fernández)
    short, long = sorted((words_a, words_b), key=len)
    return all(any(_close(word, other) for other in long) for word in short)
