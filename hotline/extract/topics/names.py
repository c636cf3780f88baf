"""A topic keyword written as a word of the name of an institution ("the Economic Community of West African
States", "el Ministerio de Relaciones Exteriores", "the Finnish Border Guard", "la Unión Económica Euroasiática")
names the institution, not a subject of the talk.

The name is the run of capitalised words around the keyword, joined by particles ("of", "de") when a capitalised
word follows them; it names an institution when another word of it is an institution's noun (``institution_nouns``:
"Community", "Ministerio", "Guard"). A name of another thing keeps its keyword's topic ("the Paris Climate
Agreement", "el Tren Maya", "the Special Strategic Partnership"). Not in a headline written in title case (most of
its words capitalised, no full stop), not for a keyword in capitals ("NATO", "IMF"), and not for topics whose
keywords are names themselves (``named_topics``: "the UN Security Council"). A keyword that is the first word of a
place's name ("Port Moresby", "PORT LOUIS", "Puerto Príncipe") names the place (``place_name_heads``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hotline.extract.context import TOPIC_RULES, ArticleContext
from hotline.text import fold

__all__ = ["NAMED_TOPICS", "in_a_name", "names_a_place"]

_PARTICLES = frozenset(TOPIC_RULES["name_particles"])
_COORDINATORS = frozenset(TOPIC_RULES["name_coordinators"])
_INSTITUTIONS = frozenset(fold(w) for w in TOPIC_RULES["institution_nouns"])
NAMED_TOPICS = frozenset(TOPIC_RULES["named_topics"])
_PLACE_HEADS = frozenset(fold(w) for w in TOPIC_RULES["place_name_heads"])
_WORD_BEFORE = re.compile(r"([\w'’.-]+)[ \t]+\Z")
_WORD_AFTER = re.compile(r"[ \t]+([\w'’.-]+)")
_WORDS = re.compile(r"[^\W\d_][\w'’-]{3,}")
_CLOSED = re.compile(r"[.!?;:][\"'”»)*\s]*\Z")  # a headline has no full stop
_REACH = 40  # characters looked at for the next word
_NAME_WORDS = 6  # capitalised words looked at each side of the keyword
_MAX_PARTICLES = 2  # particles in a row that join two words of a name ("de la", "of the")
_HEADLINE_SHARE = 0.6  # a sentence with this share of its longer words capitalised is a title-case headline


def in_a_name(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether the keyword at ``[start, end)`` is a word of an institution's name (see the module)."""
    text = ctx.text
    written = text[start:end]
    if not written[:1].isupper() or written.isupper():
        return False
    words = [*_name_words_before(text, start), *_name_words_after(text, end)]
    if not any(fold(w.lower()) in _INSTITUTIONS for w in words):
        return False
    sentence = ctx.sentences[ctx.sentence_of(start)]
    if _CLOSED.search(sentence.text):
        return True
    longer = _WORDS.findall(text, sentence.start, sentence.end)
    return sum(1 for w in longer if w[0].isupper()) < _HEADLINE_SHARE * len(longer)


def names_a_place(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether the keyword at ``[start, end)`` begins a place's name ("Port Moresby", "PORT LOUIS", "Puerto
    Príncipe"): one of ``place_name_heads``, capitalised, with a capitalised word right after it."""
    written = ctx.text[start:end]
    return (
        written[:1].isupper()
        and fold(written.split()[0].lower()) in _PLACE_HEADS
        and (after := _WORD_AFTER.match(ctx.text, end, end + _REACH)) is not None
        and after.group(1)[:1].isupper()
        and after.group(1).lower() not in _PARTICLES  # "the Port of Darwin" is a port
    )


def _name_words_before(text: str, start: int) -> Iterator[str]:
    """The capitalised words of the name before ``start``, nearest first. A coordinator right before the keyword
    joins two names ("Petrobras y Pemex"), not the words of one."""
    for n in range(_NAME_WORDS):
        word = _WORD_BEFORE.search(text, max(0, start - _REACH), start)
        if word is None:
            return
        lowered = word.group(1).lower()
        if lowered in _PARTICLES and not (n == 0 and lowered in _COORDINATORS):
            for _ in range(_MAX_PARTICLES):  # "el Ministerio de la Defensa": a run of particles joins the words
                word = _WORD_BEFORE.search(text, max(0, word.start() - _REACH), word.start())
                if word is None or word.group(1).lower() not in _PARTICLES:
                    break
        if word is None or not word.group(1)[:1].isupper():
            return
        yield word.group(1)
        start = word.start()


def _name_words_after(text: str, end: int) -> Iterator[str]:
    """The capitalised words of the name after ``end``, nearest first."""
    for _ in range(_NAME_WORDS):
        word = _WORD_AFTER.match(text, end, end + _REACH)
        for _ in range(_MAX_PARTICLES):  # "Ministry of the Interior", "Secretaría de la Función Pública"
            if word is None or word.group(1).lower() not in _PARTICLES:
                break
            word = _WORD_AFTER.match(text, word.end(), word.end() + _REACH)
        if word is None or not word.group(1)[:1].isupper():
            return
        yield word.group(1)
        end = word.end()
