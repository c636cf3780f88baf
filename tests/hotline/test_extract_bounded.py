"""Extraction stays linear in an article's length, and a batch gives each article a time budget.

The growth tests are not timed unit tests of speed: each extracts one kind of adversarial text at ~100 KB and
~800 KB and compares the time per character. Linear work keeps the ratio near 1; work that grows with the square
of the length (every hit rescanning the earlier ones) makes it about 8.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time

import pytest

from hotline.config import Settings
from hotline.extract import budget as budget_module
from hotline.extract import extract_article, extract_articles_within_budget
from hotline.extract import workers as workers_module
from hotline.extract.budget import FAILURE_REASON, extract_parts_within_budget
from hotline.facts import Article, ArticleFacts, Evidence, OfficialMention, Rejection
from hotline.reference import Reference, load_reference

CALL = "Trump spoke by phone with Sheinbaum on Monday. "
WRAPPED = "they spoke by phone about cuba and migration and\nthe border wall and the tariffs and\n"  # one paragraph
# name: (text repeated to the size, text once before it)
ADVERSARIAL: dict[str, tuple[str, str]] = {
    "call_sentences": (CALL, ""),
    "spanish_call_sentences": ("Sheinbaum conversó por teléfono con Trump el lunes. ", ""),
    "titled_names": ("Foreign Minister Marcelo Ebrard said. ", ""),
    "role_descriptions": ("The Mexican president spoke with her U.S. counterpart. ", ""),
    "called_a_leader": ("Trump called Sheinbaum on Monday. ", ""),
    "calls_pointing_back": (
        "Sánchez habló con Obama. La llamada con Merkel fue larga. ",
        "",
    ),
    "trade_measures": ("The U.S. imposed 25% tariffs on Mexican steel. ", ""),
    "dates": ("On May 3, 2025 and on Tuesday, March 4 they met. ", ""),
    "negations": ("They did not discuss Cuba. ", CALL),
    # One sentence of megabytes: every per-sentence step must be linear in the sentence too.
    "one_sentence_of_calls": ("Trump spoke by phone with Sheinbaum on Monday, ", ""),
    "one_sentence_of_negations": ("they did not discuss Cuba, ", CALL),
    "one_sentence_of_negated_subjects": ("Cuba was not discussed, ", CALL),
    "hard_wrapped_paragraph": (WRAPPED, ""),
    "run_of_stops": ("....", ""),
}
SMALL, LARGE = 100_000, 800_000
MAX_RATIO = 3.0  # per-character time, LARGE over SMALL (8x the size): ~1 when linear, ~8 when quadratic


@pytest.fixture(scope="module")
def reference() -> Reference:
    reference = load_reference()
    extract_article(written(CALL + "They did not discuss Cuba. The U.S. imposed 25% tariffs."), reference)  # warm up
    return reference


def written(text: str, name: str = "written.txt") -> Article:
    return Article(
        article_id="b" * 16,
        source_name=name,
        source_format="txt",
        title=text.splitlines()[0] if text.strip() else "",
        text=text,
        content_hash="0" * 64,
        encoding="utf-8",
        byte_size=len(text.encode()),
        published_date=dt.date(2025, 6, 4),
        published_date_source="metadata",
    )


def adversarial(kind: str, size: int) -> Article:
    repeated, prefix = ADVERSARIAL[kind]
    return written(prefix + repeated * ((size - len(prefix)) // len(repeated)))


def seconds(article: Article, reference: Reference, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        extract_article(article, reference)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("kind", list(ADVERSARIAL))
def test_extraction_time_grows_linearly_with_the_article(reference: Reference, kind: str) -> None:
    small, large = adversarial(kind, SMALL), adversarial(kind, LARGE)
    per_char_small = seconds(small, reference, repeat=2) / len(small.text)
    ratio = seconds(large, reference, repeat=1) / len(large.text) / per_char_small
    if ratio >= MAX_RATIO:  # one slow run (another process, a collection) is not growth: measure again
        ratio = min(ratio, seconds(large, reference, repeat=2) / len(large.text) / per_char_small)
    assert ratio < MAX_RATIO, f"{kind}: {LARGE // SMALL}x the text took {ratio * LARGE / SMALL:.1f}x the time"


# --- the time budget per article ---------------------------------------------------------------------------


def slow_on_marker(article: Article, reference: Reference) -> ArticleFacts:
    """An extractor that never finishes an article saying SLOW (module level: it runs in worker processes)."""
    if "SLOW" in article.text:
        time.sleep(600)
    return extract_article(article, reference)


def raise_on_marker(article: Article, reference: Reference) -> ArticleFacts:
    if "BUG" in article.text:
        raise ValueError("a bug")
    return extract_article(article, reference)


def batch(texts: list[str]) -> list[Article]:
    return [written(text, f"a{i}.txt") for i, text in enumerate(texts)]


def assert_extracted(results: list[ArticleFacts | Rejection], articles: list[Article], reference: Reference) -> None:
    for result, article in zip(results, articles, strict=True):
        assert isinstance(result, ArticleFacts)
        assert repr(result) == repr(extract_article(article, reference))


def test_an_article_over_budget_is_rejected_and_the_others_are_extracted(reference: Reference) -> None:
    articles = batch([CALL, CALL + "SLOW", CALL + "They did not discuss Cuba.", "Nothing happened."])
    started = time.perf_counter()
    results = extract_articles_within_budget(articles, 0.5, extract=slow_on_marker)
    assert time.perf_counter() - started < 30  # the slow article was stopped, not waited for
    assert results[1] == Rejection(
        "a1.txt", "extraction took longer than 0.5 s (budget HOTLINE_ARTICLE_TIMEOUT_SECONDS)", articles[1].byte_size
    )
    assert_extracted([results[0], *results[2:]], [articles[0], *articles[2:]], reference)


def test_a_long_article_over_budget_is_stopped_while_another_worker_goes_on(
    reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget_module, "POOL_THRESHOLD", 2)  # two workers for a small batch
    texts = [CALL + f"They did not discuss item {i}." for i in range(8)]
    texts[5] = CALL * 40_000  # a real article of 2 MB: seconds of work, over a budget of half a second
    articles = batch(texts)
    results = extract_articles_within_budget(articles, 0.5, processes=2)
    assert results[5] == Rejection(
        "a5.txt", "extraction took longer than 0.5 s (budget HOTLINE_ARTICLE_TIMEOUT_SECONDS)", articles[5].byte_size
    )
    assert_extracted(results[:5] + results[6:], articles[:5] + articles[6:], reference)


@pytest.mark.parametrize("timeout", [5.0, 0.0])
def test_an_extractor_error_rejects_its_article_and_the_others_go_on(reference: Reference, timeout: float) -> None:
    articles = batch([CALL, CALL + "BUG", CALL, CALL + "BUG", CALL])
    results = extract_articles_within_budget(articles, timeout, extract=raise_on_marker)
    reason = FAILURE_REASON.format(error="ValueError('a bug')")
    assert results[1] == Rejection("a1.txt", reason, articles[1].byte_size)
    assert results[3] == Rejection("a3.txt", reason, articles[3].byte_size)
    assert_extracted([results[0], results[2], results[4]], [articles[0], articles[2], articles[4]], reference)


def test_no_budget_extracts_in_this_process(reference: Reference) -> None:
    articles = batch([CALL, CALL + "They did not discuss Cuba."])
    results = extract_articles_within_budget(articles, 0)
    assert_extracted(results, articles, reference)
    assert extract_articles_within_budget([], 5.0) == []


def slow_on_marker_with_pid(article: Article, reference: Reference) -> ArticleFacts:
    """:func:`slow_on_marker`, saying which process extracted the article (as an official "pid N")."""
    facts = slow_on_marker(article, reference)
    evidence = Evidence(article.article_id, 0, "", 0, 0)
    facts.officials.append(OfficialMention(article.article_id, f"pid {os.getpid()}", "", None, None, False, evidence))
    return facts


def test_parts_share_the_workers_and_each_article_keeps_its_budget(
    reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget_module, "POOL_THRESHOLD", 2)
    parts = [batch([CALL, "Nothing happened.", CALL]), batch([CALL, CALL + "SLOW", CALL]), batch([CALL, CALL])]
    results = list(extract_parts_within_budget(iter(parts), 0.5, processes=2, extract=slow_on_marker_with_pid))
    assert [len(part) for part in results] == [3, 3, 2]
    assert results[1][1] == Rejection(
        "a1.txt", "extraction took longer than 0.5 s (budget HOTLINE_ARTICLE_TIMEOUT_SECONDS)", parts[1][1].byte_size
    )
    pids = set()
    for part, articles in zip(results, parts, strict=True):
        for result, article in zip(part, articles, strict=True):
            if isinstance(result, ArticleFacts):
                pids.add(result.officials.pop().official_id)
                assert repr(result) == repr(extract_article(article, reference))
    # each part is one batch, for one worker: the first, then the one started in its place (4 if each part had its own)
    assert len(pids) == 2


def with_what_was_loaded(article: Article, reference: Reference) -> ArticleFacts:
    """The article's facts, and as an official whether the worker had the extractor loaded when it started."""
    facts = extract_article(article, reference)
    evidence = Evidence(article.article_id, 0, "", 0, 0)
    preloaded = f"preloaded {'hotline.extract.preload' in sys.modules} pid {os.getpid()}"
    facts.officials.append(OfficialMention(article.article_id, preloaded, "", None, None, False, evidence))
    return facts


@pytest.mark.skipif(workers_module.START_METHOD != "forkserver", reason="no fork server on this platform")
def test_workers_are_forked_ready_from_one_server_and_extract_the_same(
    reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget_module, "POOL_THRESHOLD", 2)
    articles = batch([CALL, CALL + "They did not discuss Cuba.", "Nothing happened.", CALL + "SLOW"])
    workers_module.start_workers_early()  # the server starts loading now; the workers below are forked from it
    first = extract_articles_within_budget(articles[:3], 5.0, processes=2, extract=with_what_was_loaded)
    again = extract_articles_within_budget(articles, 0.5, extract=slow_on_marker_with_pid)  # one killed, replaced
    assert again[3] == Rejection(
        "a3.txt", "extraction took longer than 0.5 s (budget HOTLINE_ARTICLE_TIMEOUT_SECONDS)", articles[3].byte_size
    )
    seen = set()
    for result, article in zip(first, articles[:3], strict=True):
        assert isinstance(result, ArticleFacts)
        seen.add(result.officials.pop().official_id.split(" pid ")[0])
        assert repr(result) == repr(extract_article(article, reference))
    assert seen == {"preloaded True"}


def test_the_budget_setting() -> None:
    assert Settings.from_env({}).article_timeout_seconds == 5.0
    assert Settings.from_env({"HOTLINE_ARTICLE_TIMEOUT_SECONDS": "0.5"}).article_timeout_seconds == 0.5
