"""Decoding: UTF-16 and UTF-32, with and without a byte-order mark, are read (or rejected with the right reason);
binary content and the UTF-8 → cp1252 → Latin-1 fallback behave as before.

Inputs are short English and Spanish texts written by the tests under ``tmp_path`` in each encoding, plus binary
look-alikes (NUL bytes in ASCII text, control bytes). One property test (hypothesis) round-trips generated news
text through every UTF-16/UTF-32 form.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotline.articles import Corpus, load_corpus
from hotline.facts import Article, Rejection
from hotline.ingest.decoding import Rejected, decode_file, sniff

TEXT = "Sheinbaum habló con Trump — “acuerdo” sobre aranceles en México.\nThe call didn’t touch Cuba.\n"
BOMS = {
    "utf-16-le": b"\xff\xfe",
    "utf-16-be": b"\xfe\xff",
    "utf-32-le": b"\xff\xfe\x00\x00",
    "utf-32-be": b"\x00\x00\xfe\xff",
}
WIDE = list(BOMS)


def no_text_date(text: str) -> tuple[dt.date | None, str | None]:
    return None, None


def load(folder: Path, max_bytes: int = 2_000_000) -> Corpus:
    return load_corpus(folder, max_bytes, date_from_text=no_text_date)


def only_article(corpus: Corpus) -> Article:
    assert corpus.rejections == []
    assert len(corpus.articles) == 1
    return corpus.articles[0]


def only_rejection(corpus: Corpus) -> Rejection:
    assert corpus.articles == []
    assert len(corpus.rejections) == 1
    return corpus.rejections[0]


# --- UTF-16 / UTF-32 files --------------------------------------------------------------------------------


@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
@pytest.mark.parametrize("codec", WIDE)
def test_utf16_and_utf32_text_is_decoded(tmp_path: Path, codec: str, bom: bool) -> None:
    data = (BOMS[codec] if bom else b"") + TEXT.replace("\n", "\r\n").encode(codec)
    (tmp_path / "a.txt").write_bytes(data)
    article = only_article(load(tmp_path))
    assert article.text == TEXT
    assert article.title == "Sheinbaum habló con Trump — “acuerdo” sobre aranceles en México."
    assert article.encoding == codec
    assert article.byte_size == len(data)


@pytest.mark.parametrize("codec", WIDE)
def test_utf32_bom_is_not_read_as_utf16(codec: str) -> None:
    assert sniff(BOMS[codec] + "Hola".encode(codec)).codec == codec
    assert decode_file(BOMS[codec] + "Hola".encode(codec)) == ("Hola", codec)


@pytest.mark.parametrize("text", ["a", "Hi", "{}", "é", "“Sí”—dijo.", "A B", "x\n"])
@pytest.mark.parametrize("codec", WIDE)
def test_short_bomless_text_gets_the_right_byte_order(codec: str, text: str) -> None:
    # charset-normalizer alone reads b"a\x00" as UTF-16 BE ("愀"); the NUL pattern decides first.
    assert decode_file(text.encode(codec)) == (text, codec)


@pytest.mark.parametrize(
    "text",
    [
        "Президент Владимир Путин провел телефонный разговор с президентом США 29 января 2026 года.\n",
        "习近平 与 特朗普 通电话 2025 年 5 月 1 日。双方 就 贸易 问题 交换 了 意见。\n",
    ],
)
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_in_other_scripts_is_found_by_charset_normalizer(codec: str, text: str) -> None:
    assert decode_file(text.encode(codec)) == (text, codec)


@pytest.mark.parametrize("codec", WIDE)
def test_json_and_markdown_in_utf16_and_utf32(tmp_path: Path, codec: str) -> None:
    obj = {"title": "Llamada telefónica", "text": "Ebrard habló con Lutnick.", "source": "El País"}
    (tmp_path / "a.json").write_bytes(json.dumps(obj, ensure_ascii=False).encode(codec))
    (tmp_path / "b.md").write_bytes(BOMS[codec] + "---\ntitle: Aranceles\n---\n# Llamada\nTexto.\n".encode(codec))
    corpus = load(tmp_path)
    assert corpus.rejections == []
    assert [(a.source_name, a.title, a.encoding) for a in corpus.articles] == [
        ("a.json", "Llamada telefónica", codec),
        ("b.md", "Aranceles", codec),
    ]
    assert corpus.articles[0].outlet == "El País"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("Hola".encode("utf-16-le") + b"!", "undecodable text: read as UTF-16 LE (detected, no byte-order mark) but "),
        (BOMS["utf-16-be"] + b"\xdc\x00\x00a", "undecodable text: read as UTF-16 BE (byte-order mark) but "),
        (BOMS["utf-32-le"] + b"\x00\x00\x11\x00", "undecodable text: read as UTF-32 LE (byte-order mark) but "),
        (BOMS["utf-32-be"] + "Hola".encode("utf-32-be")[:-1], "undecodable text: read as UTF-32 BE (byte-order "),
        (BOMS["utf-16-le"] + "Hola\x00".encode("utf-16-le"), "binary content (NUL characters)"),
        (BOMS["utf-16-le"] + "a\x01\x02\x03".encode("utf-16-le"), "binary content (75% control characters)"),
        (b"\x00" * 100, "binary content (NUL characters)"),
    ],
)
def test_bad_utf16_and_utf32_is_rejected_with_the_right_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    (tmp_path / "a.txt").write_bytes(content)
    rejection = only_rejection(load(tmp_path))
    assert rejection.reason.startswith(reason)
    assert rejection.byte_size == len(content)


def test_utf16_byte_order_mark_alone_is_no_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(BOMS["utf-16-le"])
    assert only_rejection(load(tmp_path)).reason == "no text (only white space)"


# --- binary stays binary, the byte-wise fallback stays as it was -------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"Title\x00\x01\x02 body",
        b"\x00\x00",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(1, 256)),
        # ASCII text with a few NUL bytes: ASCII byte pairs would decode as CJK in UTF-16
        b"the president spoke with trump\x00about tariffs on thursday and the border\x00 security plan\x00",
    ],
)
def test_nul_bytes_that_are_not_utf16_or_utf32_are_binary(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "a.txt").write_bytes(content)
    assert only_rejection(load(tmp_path)).reason == "binary content (NUL bytes)"


def test_sniff_rejects_binary_and_reads_plain_bytes_bytewise() -> None:
    with pytest.raises(Rejected, match=r"binary content \(NUL bytes\)"):
        sniff(b"abc\x00\x01\x02def")
    assert sniff("Canciller Ebrard habló".encode("cp1252")).codec is None
    assert sniff(b"\xef\xbb\xbfHola").bom_length == 3


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Canciller Ebrard habló — “acuerdo”".encode(), "Canciller Ebrard habló — “acuerdo”", "utf-8"),
        (b"\xef\xbb\xbfHola\r\n", "Hola\n", "utf-8"),
        ("Canciller Ebrard habló — “acuerdo”".encode("cp1252"), "Canciller Ebrard habló — “acuerdo”", "cp1252"),
        ("habló\x81 con".encode("latin-1"), "habló\x81 con", "latin-1"),
    ],
)
def test_bytewise_fallback_is_unchanged(data: bytes, text: str, encoding: str) -> None:
    assert decode_file(data) == (text, encoding)


# --- property ---------------------------------------------------------------------------------------------

VOCABULARY = (
    "the president said she didn’t discuss tariffs with Trump on Thursday",
    "la presidenta habló con Sheinbaum por teléfono sobre aranceles México Canadá año según también",
    "pingüino Ñandú niño mañana después información 25% 2025 1º O’Brien café",
)
WORDS = [word for line in VOCABULARY for word in line.split()]
news_text = st.lists(
    st.tuples(
        st.sampled_from(["", "", "“", "‘", "«", "¿", "¡", "("]),
        st.sampled_from(WORDS),
        st.sampled_from(["", "", "”", "’", "»", "?", "!", ")", ",", ".", " —", "…"]),
        st.sampled_from([" ", " ", "\n", " – ", "\t"]),
    ).map("".join),
    min_size=1,
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=news_text, codec=st.sampled_from(WIDE), bom=st.booleans())
def test_news_text_round_trips_through_every_utf16_and_utf32_form(text: str, codec: str, bom: bool) -> None:
    data = (BOMS[codec] if bom else b"") + text.encode(codec)
    assert decode_file(data) == (text, codec)
