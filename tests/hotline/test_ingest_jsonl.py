"""JSONL feeds: the size limit applies to each line, and a feed is read one line at a time in bounded memory.

Feeds are written by the tests under ``tmp_path``: short English and Spanish articles, one oversized line, broken
lines, NUL bytes, cp1252 lines, UTF-16/UTF-32 feeds. The publication-date reader is a stand-in (``no_text_date``)
so these tests look at ingest alone.
"""

from __future__ import annotations

import datetime as dt
import inspect
import io
import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from hotline import articles
from hotline.articles import Corpus, load_corpus, read_article_file
from hotline.facts import Rejection
from hotline.ingest import lines
from hotline.ingest.decoding import HEAD_BYTES

MAX = 2_000_000


def no_text_date(text: str) -> tuple[dt.date | None, str | None]:
    return None, None


def load(folder: Path, max_bytes: int = MAX) -> Corpus:
    return load_corpus(folder, max_bytes, date_from_text=no_text_date)


def article_line(number: int, size: int = 200) -> str:
    """One JSONL line of about ``size`` bytes (UTF-8), distinct for each ``number``."""
    head = f"Sheinbaum habló con Trump por teléfono, llamada número {number}. "
    body = head + "Discutieron aranceles y seguridad en la frontera. " * (max(size - len(head), 0) // 50)
    return json.dumps({"title": f"Llamada {number}", "text": body}, ensure_ascii=False)


def write_feed(path: Path, feed_lines: list[str], newline: str = "\n", encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((newline.join(feed_lines) + newline).encode(encoding))
    return path


# --- the limit applies to each line ----------------------------------------------------------------------


def test_four_megabyte_feed_ingests_every_good_line_and_rejects_the_oversized_one_alone(tmp_path: Path) -> None:
    feed_lines = [article_line(number, size=4_100) for number in range(1, 1001)]
    oversized = json.dumps({"text": "Trump llamó a Sheinbaum. " + "x" * 2_100_000})
    feed_lines.insert(500, oversized)  # line 501
    path = write_feed(tmp_path / "feed.jsonl", feed_lines)
    assert path.stat().st_size > 6_000_000  # 4 MB of good articles plus the 2.1 MB line

    corpus = load(tmp_path)

    assert len(corpus.articles) == 1000
    assert sum(len(line.encode()) for line in feed_lines if line is not oversized) > 4_000_000
    expected_names = [f"feed.jsonl#{number}" for number in [*range(1, 501), *range(502, 1002)]]
    assert [a.source_name for a in corpus.articles] == expected_names
    assert all(a.source_format == "jsonl" and a.encoding == "utf-8" for a in corpus.articles)
    assert corpus.rejections == [
        Rejection(
            "feed.jsonl#501",
            "article of 2.1 MB is over the limit of 2.0 MB (HOTLINE_MAX_ARTICLE_BYTES)",
            len(oversized.encode()),
        )
    ]


def test_oversized_line_with_broken_line_and_blank_lines(tmp_path: Path) -> None:
    big = json.dumps({"text": "y" * 300})
    feed = ["", article_line(2, 50), big, '{"text": "broken', "   ", article_line(6, 50)]
    write_feed(tmp_path / "feed.jsonl", feed)
    corpus = load(tmp_path, max_bytes=200)
    assert [a.source_name for a in corpus.articles] == ["feed.jsonl#2", "feed.jsonl#6"]
    assert len(big) == 312
    assert [(r.source_name, r.reason.split(":")[0], r.byte_size) for r in corpus.rejections] == [
        ("feed.jsonl#3", "article of 312 bytes is over the limit of 200 bytes (HOTLINE_MAX_ARTICLE_BYTES)", 312),
        ("feed.jsonl#4", "invalid JSON at line 4, column 10", 16),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_line_exactly_at_the_limit_loads_and_one_byte_more_is_rejected(tmp_path: Path, newline: str) -> None:
    at_limit = json.dumps({"text": "Llamada " + "a" * 100})
    over = json.dumps({"text": "Llamada " + "b" * 101})
    limit = len(at_limit.encode())
    write_feed(tmp_path / "feed.jsonl", [at_limit, over], newline=newline)
    corpus = load(tmp_path, max_bytes=limit)
    assert [(a.source_name, a.byte_size) for a in corpus.articles] == [("feed.jsonl#1", limit)]
    assert corpus.rejections == [
        Rejection(
            "feed.jsonl#2",
            f"article of {limit + 1} bytes is over the limit of {limit} bytes (HOTLINE_MAX_ARTICLE_BYTES)",
            limit + 1,
        )
    ]


def test_limit_counts_bytes_not_characters(tmp_path: Path) -> None:
    line = json.dumps({"text": "é" * 60}, ensure_ascii=False)  # 60 characters of text, 120 bytes
    write_feed(tmp_path / "feed.jsonl", [line])
    rejection = load(tmp_path, max_bytes=100).rejections[0]
    assert rejection.byte_size == len(line.encode()) == 132
    assert rejection.reason.startswith("article of 132 bytes is over the limit of 100 bytes")


def test_oversized_last_line_without_newline(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes((article_line(1, 50) + "\n" + json.dumps({"text": "z" * 5000})).encode())
    corpus = load(tmp_path, max_bytes=1000)
    assert [a.source_name for a in corpus.articles] == ["feed.jsonl#1"]
    assert [(r.source_name, r.byte_size) for r in corpus.rejections] == [("feed.jsonl#2", 5012)]


def test_non_jsonl_files_keep_the_per_file_limit(tmp_path: Path) -> None:
    content = json.dumps({"text": "Llamada " + "a" * 302})
    assert len(content) == 322
    (tmp_path / "a.json").write_text(content + "\n", encoding="utf-8")
    write_feed(tmp_path / "b.jsonl", [content])
    corpus = load(tmp_path, max_bytes=200)
    assert corpus.articles == []
    assert [(r.source_name, r.reason, r.byte_size) for r in corpus.rejections] == [
        ("a.json", "file is 323 bytes, over the 200 bytes limit (HOTLINE_MAX_ARTICLE_BYTES)", 323),  # with newline
        ("b.jsonl#1", "article of 322 bytes is over the limit of 200 bytes (HOTLINE_MAX_ARTICLE_BYTES)", 322),
    ]


def test_a_feed_larger_than_the_limit_is_not_rejected_from_its_size(tmp_path: Path) -> None:
    write_feed(tmp_path / "feed.jsonl", [article_line(number, 150) for number in range(1, 41)])
    assert (tmp_path / "feed.jsonl").stat().st_size > 5_000
    corpus = load(tmp_path, max_bytes=300)
    assert len(corpus.articles) == 40
    assert corpus.rejections == []


# --- line endings, per-line decoding ---------------------------------------------------------------------


def test_cr_crlf_and_lf_end_lines_as_before(tmp_path: Path) -> None:
    one, two, three = (json.dumps({"text": f"Llamada {n}"}) for n in (1, 2, 3))
    (tmp_path / "feed.jsonl").write_bytes(f"{one}\r\n{two}\r{three}\n\r\n".encode())
    corpus = load(tmp_path)
    assert [(a.source_name, a.text, a.byte_size) for a in corpus.articles] == [
        ("feed.jsonl#1", "Llamada 1", len(one)),
        ("feed.jsonl#2", "Llamada 2", len(two)),
        ("feed.jsonl#3", "Llamada 3", len(three)),
    ]
    assert corpus.rejections == []


def test_each_line_is_decoded_on_its_own(tmp_path: Path) -> None:
    utf8 = json.dumps({"text": "Sheinbaum habló con Trump — “acuerdo”"}, ensure_ascii=False).encode()
    cp1252 = json.dumps({"text": "Ebrard habló con Lutnick — “aranceles”"}, ensure_ascii=False).encode("cp1252")
    (tmp_path / "feed.jsonl").write_bytes(b"\xef\xbb\xbf" + utf8 + b"\n" + cp1252 + b"\n")
    corpus = load(tmp_path)
    assert [(a.text, a.encoding, a.byte_size) for a in corpus.articles] == [
        ("Sheinbaum habló con Trump — “acuerdo”", "utf-8", len(utf8)),
        ("Ebrard habló con Lutnick — “aranceles”", "cp1252", len(cp1252)),
    ]


def test_nul_bytes_after_the_head_reject_only_their_line(tmp_path: Path) -> None:
    filler = [article_line(number, 1_000) for number in range(1, 80)]  # more than HEAD_BYTES
    assert sum(len(line) for line in filler) > HEAD_BYTES
    path = write_feed(tmp_path / "feed.jsonl", filler)
    path.write_bytes(path.read_bytes() + b'{"text": "a\x00b"}\n' + article_line(81).encode() + b"\n")
    corpus = load(tmp_path)
    assert len(corpus.articles) == 80
    assert corpus.rejections == [Rejection("feed.jsonl#80", "binary content (NUL bytes)", 15)]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b'{"text": "a"}\n\x00\x01\x02\x03\n', "binary content (NUL bytes)"),
        (b"\x01\x02\x03\x04" * 10, "binary content (100% control characters)"),
        (b"\n  \n", "no text (only white space)"),
    ],
)
def test_whole_feed_rejections(tmp_path: Path, content: bytes, reason: str) -> None:
    (tmp_path / "feed.jsonl").write_bytes(content)
    assert load(tmp_path).rejections == [Rejection("feed.jsonl", reason, len(content))]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"])
def test_utf16_and_utf32_feeds(tmp_path: Path, encoding: str) -> None:
    texts = ["Sheinbaum habló con Trump — “acuerdo”", "Ebrard y Lutnick 🤝 aranceles"]
    feed_lines = [json.dumps({"text": text}, ensure_ascii=False) for text in texts]
    write_feed(tmp_path / "feed.jsonl", [feed_lines[0], "", feed_lines[1]], newline="\r\n", encoding=encoding)
    corpus = load(tmp_path)
    codec = encoding if encoding.endswith(("le", "be")) else encoding + "-le"  # Python writes a LE mark
    assert corpus.rejections == []
    assert [(a.source_name, a.text, a.encoding) for a in corpus.articles] == [
        ("feed.jsonl#1", texts[0], codec),
        ("feed.jsonl#3", texts[1], codec),
    ]
    assert [a.byte_size for a in corpus.articles] == [len(line.encode(codec)) for line in feed_lines]


def test_utf16_feed_limit_is_in_bytes(tmp_path: Path) -> None:
    small, big = json.dumps({"text": "Llamada"}), json.dumps({"text": "Llamada " + "a" * 100})
    write_feed(tmp_path / "feed.jsonl", [small, big, small.replace("Llamada", "Call")], encoding="utf-16-le")
    corpus = load(tmp_path, max_bytes=100)
    assert [a.source_name for a in corpus.articles] == ["feed.jsonl#1", "feed.jsonl#3"]
    assert corpus.rejections == [
        Rejection(
            "feed.jsonl#2",
            f"article of {2 * len(big)} bytes is over the limit of 100 bytes (HOTLINE_MAX_ARTICLE_BYTES)",
            2 * len(big),
        )
    ]


def test_undecodable_utf16_feed_keeps_the_lines_before_the_error(tmp_path: Path) -> None:
    good = [json.dumps({"text": f"Llamada {number}"}) for number in range(1, 501)]  # about 25 kB in UTF-16
    lone_surrogate = b"\x00\xdc"
    data = ("\n".join(good) + "\n").encode("utf-16-le") + lone_surrogate + "\nmore\n".encode("utf-16-le")
    (tmp_path / "feed.jsonl").write_bytes(b"\xff\xfe" + data)
    corpus = load(tmp_path)
    names = [a.source_name for a in corpus.articles] + [r.source_name for r in corpus.rejections]
    assert len(names) == len(set(names))
    assert "feed.jsonl" not in names  # never a whole-file rejection after line records
    assert len(corpus.articles) >= 300  # the text wrapper decodes 8 kB at a time: lines before that chunk load
    assert [a.source_name for a in corpus.articles] == [f"feed.jsonl#{n}" for n in range(1, len(corpus.articles) + 1)]
    assert len(corpus.rejections) == 1
    assert corpus.rejections[0].reason.startswith("undecodable text: read as UTF-16 LE (byte-order mark) but ")
    assert corpus.rejections[0].reason.endswith("(in this line or soon after; the rest is not read)")


# --- streaming: bounded memory ---------------------------------------------------------------------------


def test_feed_reader_is_a_generator() -> None:
    assert inspect.isgeneratorfunction(lines.iter_lines)
    assert inspect.isgeneratorfunction(articles._read_jsonl)


def test_jsonl_records_are_produced_lazily(tmp_path: Path) -> None:
    write_feed(tmp_path / "feed.jsonl", [article_line(number) for number in range(1, 4)])
    records = articles._read_file(tmp_path / "feed.jsonl", "feed.jsonl", MAX, no_text_date)
    assert inspect.isgenerator(records)
    assert next(iter(records)).source_name == "feed.jsonl#1"
    # the public helper still returns a list
    assert len(read_article_file(tmp_path / "feed.jsonl", tmp_path, MAX, date_from_text=no_text_date)) == 3


class ReadSpy(io.BufferedReader):
    """A binary file that records how much every read asked for."""

    requests: list[int | None]

    def __init__(self, raw: io.RawIOBase) -> None:
        super().__init__(raw)
        self.requests = []

    def read(self, size: int | None = -1, /) -> bytes:
        self.requests.append(size)
        return super().read(size)

    def read1(self, size: int = -1, /) -> bytes:
        self.requests.append(size)
        return super().read1(size)

    def readline(self, size: int | None = -1, /) -> bytes:
        self.requests.append(size)
        return super().readline(size)

    def readinto(self, buffer: Any, /) -> int:
        self.requests.append(len(buffer))
        return super().readinto(buffer)


def test_feed_is_never_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_feed(tmp_path / "feed.jsonl", [article_line(number, 2_000) for number in range(1, 301)])
    size = (tmp_path / "feed.jsonl").stat().st_size
    spies: list[ReadSpy] = []

    def spy_open(self: Path, mode: str = "r", *args: object, **kwargs: object) -> ReadSpy:
        assert mode == "rb"
        spy = ReadSpy(io.FileIO(self, "r"))
        spies.append(spy)
        return spy

    monkeypatch.setattr(Path, "open", spy_open)
    corpus = load(tmp_path)
    assert len(corpus.articles) == 300
    (spy,) = spies
    assert spy.requests, "the feed was not read through the file handle"
    assert all(request is not None and 0 <= request <= HEAD_BYTES for request in spy.requests), spy.requests
    assert len(spy.requests) > size // HEAD_BYTES  # many bounded reads, never one read of everything


def test_memory_stays_bounded_by_the_limit_not_the_feed(tmp_path: Path) -> None:
    # 24 MB of lines over the limit and 8 MB of copies of one article: none of it is kept, little is held at once.
    path = tmp_path / "feed.jsonl"
    oversized = json.dumps({"text": "x" * 100_000})
    copy = article_line(1, 8_000)
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(240):
            handle.write(oversized + "\n")
        for _ in range(1_000):
            handle.write(copy + "\n")
    assert path.stat().st_size > 30_000_000

    tracemalloc.start()
    try:
        corpus = load(tmp_path, max_bytes=50_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert [a.source_name for a in corpus.articles] == ["feed.jsonl#241"]
    assert len(corpus.rejections) == 240 + 999
    assert peak < 3_000_000, f"peak {peak:,} bytes while reading a {path.stat().st_size:,} byte feed"
