"""A call phrase's clause breaks from the article's lexicon pass are those the break pattern finds: the break words
by their lexicon hits, the marks by a pattern without the words, the window searched whole where its end cuts a
word; and the claim and report patterns are searched only where the lexicon found one of their words.

Examples written for these tests (never taken from the seed corpus).
"""

from __future__ import annotations

import pytest

from hotline.extract import call_status as cs
from hotline.extract import clauses
from hotline.extract.context import build_context
from hotline.extract.lexicon import LexiconHits
from hotline.facts import Article
from hotline.reference import load_reference

TEXTS = [
    "Ruto spoke by phone with Samia on Monday, but the talks, which had been planned, were later postponed.",
    "El presidente, quien viajaba a Quito, habló por teléfono con Noboa; después de que colgó, dijo que aunque no hubo"
    " acuerdo, mientras tanto seguirán - sin prisa - y luego se verán.",
    "Butler said the whileaway talks were over: although both sides, claiming that they spoke, denied it afterwards",
    'They spoke "but" briefly, discussing trade, and then the call ended! Tras la llamada, pero sin fecha...',
]


def _lexicon(text: str) -> tuple[str, LexiconHits]:
    ctx = build_context(Article("b" * 16, "t.txt", "txt", "t", text, "0" * 64, "utf-8", len(text)), load_reference())
    return ctx.folded, ctx.lex


@pytest.mark.parametrize("text", TEXTS)
def test_the_breaks_of_every_window_are_those_the_break_pattern_finds(text: str) -> None:
    folded, lex = _lexicon(text)
    for start in range(len(folded)):
        for end in range(start, len(folded) + 1, 3):  # ends inside words too: "whileaway", "Butler"
            expected = clauses.BREAK.search(folded, start, end)
            found = clauses.break_search(folded, start, end, lex)
            assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group()))


def test_a_window_whose_end_cuts_a_break_word_is_searched_whole() -> None:
    folded, lex = _lexicon("Ruto spoke, butter aside, with Samia.")
    end = folded.index("butter") + 3  # "but|ter": the window's scan sees the word "but"
    found = clauses.break_search(folded, folded.index("butter"), end, lex)
    assert found is not None
    assert found.group() == "but"


@pytest.mark.parametrize("text", TEXTS)
def test_the_claim_and_report_words_are_lexicon_hits_where_their_patterns_match(text: str) -> None:
    folded, lex = _lexicon(text)
    for start in range(0, len(folded), 5):
        for end in range(start, len(folded) + 1, 7):
            if cs.CLAIMED.search(folded, start, end):
                assert lex.may_match("claimed", folded, start, end) or lex.may_match("claim_verb", folded, start, end)
            if cs.REPORTED_BY.search(folded, start, end):
                assert lex.may_match("reported_by", folded, start, end)
