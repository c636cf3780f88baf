"""Ingest tests: every format, every way a file can be bad, identity and ordering.

Examples written by us for this module: short English and Spanish news sentences and deliberately broken files
(empty, binary, cp1252, bad JSON, bad front matter, hostile file names), created under ``tmp_path``. No test
reads the project's ``seeds/`` folder. How a date stated in the text is read belongs to
``hotline.extract.published`` and its tests: most tests here pass a stand-in reader (``no_text_date``) so they
test ingest alone; the ``real_reader`` tests only check that text-only articles get a valid date source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from hotline.articles import Corpus, load_corpus, parse_metadata_date, read_article_file
from hotline.facts import Article, Rejection

MAX = 2_000_000
CALL = "Sheinbaum spoke with Trump by phone on Thursday about tariffs.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def no_text_date(text: str) -> tuple[dt.date | None, str | None]:
    return None, None


def load(folder: Path, max_bytes: int = MAX) -> Corpus:
    return load_corpus(folder, max_bytes, date_from_text=no_text_date)


def assert_valid_text_date(article: Article) -> None:
    assert article.published_date_source in ("stated_in_text", "unknown")
    if article.published_date_source == "stated_in_text":
        assert article.published_date is not None
        assert article.published_date_evidence
    else:
        assert article.published_date is None


def only_article(corpus: Corpus) -> Article:
    assert corpus.rejections == []
    assert len(corpus.articles) == 1
    return corpus.articles[0]


def only_rejection(corpus: Corpus) -> Rejection:
    assert corpus.articles == []
    assert len(corpus.rejections) == 1
    return corpus.rejections[0]


def sha(title: str, text: str) -> str:
    return hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()


# --- formats ----------------------------------------------------------------------------------------------


def test_txt_title_is_first_non_empty_line_and_text_is_whole_file(tmp_path: Path) -> None:
    content = "\n  Mexico and U.S. leaders talk  \n\n" + CALL
    write(tmp_path, "call.txt", content)
    article = only_article(load(tmp_path))
    assert article.source_name == "call.txt"
    assert article.source_format == "txt"
    assert article.title == "Mexico and U.S. leaders talk"
    assert article.text == content
    assert article.encoding == "utf-8"
    assert article.byte_size == len(content.encode())
    assert article.content_hash == sha(article.title, content)
    assert article.article_id == article.content_hash[:16]
    assert article.url is None
    assert article.outlet is None


def test_txt_newlines_normalized_and_bom_dropped(tmp_path: Path) -> None:
    write(tmp_path, "crlf.txt", b"\xef\xbb\xbfTitle\r\nLine two\rLine three\r\n")
    article = only_article(load(tmp_path))
    assert article.text == "Title\nLine two\nLine three\n"
    assert article.title == "Title"
    assert article.encoding == "utf-8"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.txt", "Leaders talk\nPosted on May 2, 2025\n" + CALL),
        ("b.md", "# Leaders talk\n\n" + CALL),
        ("c.json", json.dumps({"text": "Leaders talk\n" + CALL})),
        ("d.jsonl", json.dumps({"text": "Publicado el 2 de mayo de 2025. " + CALL})),
    ],
)
def test_real_reader_text_only_article_gets_a_date_source(tmp_path: Path, name: str, content: str) -> None:
    write(tmp_path, name, content)
    assert_valid_text_date(only_article(load_corpus(tmp_path, MAX)))


def test_text_date_reader_result_is_recorded(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Leaders talk\n" + CALL)
    write(tmp_path, "b.json", json.dumps({"text": CALL, "date": "2025-05-01"}))
    seen: list[str] = []

    def reader(text: str) -> tuple[dt.date | None, str | None]:
        seen.append(text)
        return dt.date(2025, 5, 2), "stated in the text: 'May 2, 2025'"

    corpus = load_corpus(tmp_path, MAX, date_from_text=reader)
    by_name = {a.source_name: a for a in corpus.articles}
    assert seen == ["Leaders talk\n" + CALL]  # metadata dates are not second-guessed
    assert by_name["a.txt"].published_date == dt.date(2025, 5, 2)
    assert by_name["a.txt"].published_date_source == "stated_in_text"
    assert by_name["a.txt"].published_date_evidence == "stated in the text: 'May 2, 2025'"
    assert by_name["b.json"].published_date_source == "metadata"
    assert by_name["b.json"].published_date_evidence == "2025-05-01"
    assert_valid_text_date(by_name["a.txt"])


def test_md_with_front_matter(tmp_path: Path) -> None:
    body = "\n# Ignored heading\n\n" + CALL
    content = (
        "---\n"
        "title: Sheinbaum and Trump talk tariffs\n"
        "published_at: 2025-05-02T10:00:00Z\n"
        "url: https://example.com/a?x=1\n"
        "source: Example News\n"
        "---\n" + body
    )
    write(tmp_path, "a.md", content)
    article = only_article(load(tmp_path))
    assert article.source_format == "md"
    assert article.title == "Sheinbaum and Trump talk tariffs"
    assert article.text == body
    assert article.published_date == dt.date(2025, 5, 2)
    assert article.published_date_source == "metadata"
    assert article.published_date_evidence == "2025-05-02T10:00:00Z"
    assert article.url == "https://example.com/a?x=1"
    assert article.outlet == "Example News"


def test_md_front_matter_date_key_and_heading_title(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "---\ndate: May 2, 2025\noutlet: Diario\n---\n\n## Llamada con Trump ##\n" + CALL)
    article = only_article(load(tmp_path))
    assert article.title == "Llamada con Trump ##"
    assert article.published_date == dt.date(2025, 5, 2)
    assert article.published_date_evidence == "May 2, 2025"
    assert article.outlet == "Diario"


def test_md_without_front_matter(tmp_path: Path) -> None:
    content = "\n#   Leaders   talk\n\n" + CALL
    write(tmp_path, "a.md", content)
    article = only_article(load(tmp_path))
    assert article.title == "Leaders talk"
    assert article.text == content
    assert article.published_date_source == "unknown"
    assert article.published_date_evidence is None


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("#\n\n### Real title\ntext\n", "Real title"),
        ("#\n##\n", "#"),  # nothing but heading marks: the first line as is
        ("  Plain   first line \n", "Plain first line"),
        ("x" * 400, "x" * 300),
    ],
)
def test_md_derived_title(tmp_path: Path, body: str, title: str) -> None:
    write(tmp_path, "a.md", body)
    article = only_article(load(tmp_path))
    assert article.title == title
    assert article.text == body


def test_md_empty_front_matter_is_allowed(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "---\n---\nHeadline\n" + CALL)
    article = only_article(load(tmp_path))
    assert article.title == "Headline"
    assert article.text == "Headline\n" + CALL


@pytest.mark.parametrize(
    ("content", "reason_start"),
    [
        ("---\ntitle: [unclosed\n---\nbody\n", "front matter is not valid YAML: "),
        ("---\ntitle: a\n  b: c\n---\nbody\n", "front matter is not valid YAML: "),
        ("---\n- a\n- b\n---\nbody\n", "front matter must be YAML keys and values"),
        ("---\njust text\n---\nbody\n", "front matter must be YAML keys and values"),
        ("---\ntitle: never closed\nbody\n", "front matter opened with '---' on line 1 is never closed"),
        ("---", "front matter opened with '---' on line 1 is never closed"),
        ("---\ntitle: [a, b]\n---\nbody\n", "front matter field 'title' must be text (got array)"),
        ("---\ntitle: only front matter\n---\n", "no text"),
    ],
)
def test_md_bad_front_matter_is_rejected(tmp_path: Path, content: str, reason_start: str) -> None:
    write(tmp_path, "bad.md", content)
    rejection = only_rejection(load(tmp_path))
    assert rejection.source_name == "bad.md"
    assert rejection.reason.startswith(reason_start)


def test_md_yaml_error_names_the_file_line(tmp_path: Path) -> None:
    write(tmp_path, "bad.md", "---\ntitle: ok\nurl: [broken\n---\nbody\n")
    reason = only_rejection(load(tmp_path)).reason
    assert reason.startswith("front matter is not valid YAML: ")
    assert "(line " in reason


def test_md_front_matter_values_stay_raw_strings(tmp_path: Path) -> None:
    # YAML would read these as a bool and a number; the raw text is what the author wrote.
    write(tmp_path, "a.md", "---\ntitle: yes\nsource: 2025\n---\nBody\n")
    article = only_article(load(tmp_path))
    assert article.title == "yes"
    assert article.outlet == "2025"


@pytest.mark.parametrize("text_key", ["text", "body", "content"])
def test_json_article_with_each_text_key(tmp_path: Path, text_key: str) -> None:
    obj = {
        text_key: "Ebrard habló con Lutnick.\r\nSegunda línea.",
        "title": "  Llamada\n comercial ",
        "published": "2025-05-02",
        "url": "https://example.com/b",
        "outlet": "El Diario",
    }
    write(tmp_path, "a.json", json.dumps(obj, ensure_ascii=False))
    article = only_article(load(tmp_path))
    assert article.source_format == "json"
    assert article.text == "Ebrard habló con Lutnick.\nSegunda línea."
    assert article.title == "Llamada comercial"
    assert article.published_date == dt.date(2025, 5, 2)
    assert article.published_date_source == "metadata"
    assert article.url == "https://example.com/b"
    assert article.outlet == "El Diario"


@pytest.mark.parametrize(
    ("fields", "date_key"),
    [
        ({"headline": "Llamada comercial", "articleBody": "Ebrard habló con Lutnick."}, "datePublished"),
        ({"titulo": "Llamada comercial", "cuerpo": "Ebrard habló con Lutnick."}, "fecha"),
        ({"titulo": "Llamada comercial", "contenido": "Ebrard habló con Lutnick."}, "fecha_publicacion"),
        ({"headline": "Llamada comercial", "article_body": "Ebrard habló con Lutnick."}, "datePublished"),
        ({"headline": "Llamada comercial", "body": "Ebrard habló con Lutnick.", "event_date": None}, "first_published"),
    ],
)
def test_json_feed_field_names_of_real_feeds(tmp_path: Path, fields: dict[str, object], date_key: str) -> None:
    write(tmp_path, "a.json", json.dumps({**fields, date_key: "2025-10-15T09:12:00Z"}, ensure_ascii=False))
    article = only_article(load(tmp_path))
    assert (article.title, article.text) == ("Llamada comercial", "Ebrard habló con Lutnick.")
    assert (article.published_date, article.published_date_source) == (dt.date(2025, 10, 15), "metadata")


def test_json_article_nested_under_a_wrapper_key(tmp_path: Path) -> None:
    item = {"title": "Leaders talk", "pubDate": "Thu, 10 Jul 2025 14:02:00 +0100", "description": CALL}
    write(tmp_path, "a.json", json.dumps({"channel": "Monitor - Latest", "item": item}))
    article = only_article(load(tmp_path))
    assert (article.title, article.text, article.published_date) == ("Leaders talk", CALL, dt.date(2025, 7, 10))


def test_json_social_post_export(tmp_path: Path) -> None:
    post = {"platform": "facebook", "created_time": "2025-10-26T09:05:12+0800", "message": "Leaders talk\n" + CALL}
    write(tmp_path, "a.json", json.dumps(post))
    article = only_article(load(tmp_path))
    assert (article.title, article.published_date) == ("Leaders talk", dt.date(2025, 10, 26))


def test_json_post_export_created_at(tmp_path: Path) -> None:
    post = {"platform": "x", "created_at": "2026-02-03T08:15:00+11:00", "text": "Leaders talk\n" + CALL}
    write(tmp_path, "a.json", json.dumps(post))
    assert only_article(load(tmp_path)).published_date == dt.date(2026, 2, 3)


@pytest.mark.parametrize(
    ("key", "value", "day"),
    [
        ("release_date", "14.03.2026", dt.date(2026, 3, 14)),  # a podcast episode, day-first (14 is no month)
        ("sent", '"Tuesday, 3 February 2026"', dt.date(2026, 2, 3)),  # a newsletter issue
        ("fecha_emision", "2026-02-03", dt.date(2026, 2, 3)),  # a broadcast
    ],
)
def test_md_front_matter_release_sent_and_broadcast_dates(tmp_path: Path, key: str, value: str, day: dt.date) -> None:
    write(tmp_path, "a.md", f"---\ntitle: Episode 12\n{key}: {value}\n---\nThe leaders spoke by phone.\n")
    article = only_article(load(tmp_path))
    assert (article.published_date, article.published_date_source) == (day, "metadata")


def test_md_spanish_front_matter_date(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "---\ntitulo: Llamada\nfecha: 2025-02-12\n---\nEl presidente habló por teléfono.\n")
    article = only_article(load(tmp_path))
    assert (article.title, article.published_date) == ("Llamada", dt.date(2025, 2, 12))


NO_TEXT = (
    "JSON article has no text (expected one of: text, body, content, articleBody, article_body, body_text, full_text,"
    " texto, cuerpo, contenido, message, description)"
)


def test_json_without_title_uses_first_line_and_text_date_path(tmp_path: Path) -> None:
    write(tmp_path, "a.json", json.dumps({"body": "\nLeaders talk\n" + CALL}))
    article = only_article(load(tmp_path))
    assert article.title == "Leaders talk"
    assert article.published_date_source == "unknown"


def test_json_body_as_a_list_of_paragraphs_is_read_in_order(tmp_path: Path) -> None:
    """A CMS export that keeps the body as an array of paragraphs: one text, paragraphs apart."""
    first, second = CALL.strip(), "The two leaders agreed to speak again soon."
    write(tmp_path, "a.json", json.dumps({"title": "Call", "content": [first, "  ", second]}))
    assert only_article(load(tmp_path)).text == f"{first}\n\n{second}"


def test_json_source_key_wins_over_outlet(tmp_path: Path) -> None:
    write(tmp_path, "a.json", json.dumps({"text": CALL, "source": "Reuters", "outlet": "Other"}))
    assert only_article(load(tmp_path)).outlet == "Reuters"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('[{"text": "a"}]', "JSON must be one article object; got array"),
        ('"just a string"', "JSON must be one article object; got string"),
        ("42", "JSON must be one article object; got number"),
        ("null", "JSON must be one article object; got null"),
        ('{"title": "No body"}', NO_TEXT),
        ('{"text": null}', NO_TEXT),
        (
            '{"text": ["a", 5]}',
            "JSON field 'text' must be text or a list of text paragraphs (got array holding number)",
        ),
        ('{"text": []}', "JSON field 'text' must be text or a list of text paragraphs (got array)"),
        ('{"text": {"p": "a"}}', "JSON field 'text' must be text or a list of text paragraphs (got object)"),
        ('{"text": "   \\n  "}', "no text (only white space)"),
        ('{"text": "a\\u0000b"}', "JSON field 'text' contains NUL characters"),
        ('{"text": "a\\ud800b"}', "text contains invalid Unicode (an unpaired surrogate)"),
        ('{"text": "a", "url": 5}', "JSON field 'url' must be text (got number)"),
        (
            '{"text": "a", "title": "\\udc00"}',
            "JSON field 'title' contains invalid Unicode (an unpaired surrogate)",
        ),
        ('{\n\n  "text": "a",\n  oops\n}', "invalid JSON at line 4, column 3: "),
        ("[" * 100_000, "invalid JSON: nested too deeply"),
    ],
)
def test_bad_json_is_rejected(tmp_path: Path, content: str, reason: str) -> None:
    write(tmp_path, "a.json", content)
    rejection = only_rejection(load(tmp_path))
    assert rejection.source_name == "a.json"
    assert rejection.reason.startswith(reason)
    assert rejection.byte_size == len(content.encode())


def test_jsonl_one_article_per_line_and_broken_line_rejected(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "First call.", "title": "One"}),
        "",
        '{"text": "broken',
        "   ",
        json.dumps({"text": "Second call.", "date": "2025-05-03"}),
        json.dumps(["not", "an", "object"]),
    ]
    write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    corpus = load(tmp_path)
    assert [a.source_name for a in corpus.articles] == ["feed.jsonl#1", "feed.jsonl#5"]
    assert [a.source_format for a in corpus.articles] == ["jsonl", "jsonl"]
    assert corpus.articles[0].title == "One"
    assert corpus.articles[0].byte_size == len(lines[0].encode())
    assert corpus.articles[1].published_date == dt.date(2025, 5, 3)
    assert [(r.source_name, r.reason.split(":")[0]) for r in corpus.rejections] == [
        ("feed.jsonl#3", "invalid JSON at line 3, column 10"),
        ("feed.jsonl#6", "JSON must be one article object; got array"),
    ]


def test_jsonl_duplicate_lines_point_at_first_line(tmp_path: Path) -> None:
    line = json.dumps({"text": "Same call."})
    write(tmp_path, "feed.jsonl", f"{line}\n{line}\n")
    corpus = load(tmp_path)
    assert [a.source_name for a in corpus.articles] == ["feed.jsonl#1"]
    assert corpus.rejections == [
        Rejection("feed.jsonl#2", "duplicate of feed.jsonl#1 (same content)", len(line.encode()))
    ]


def test_jsonl_with_only_blank_lines_is_one_rejection(tmp_path: Path) -> None:
    write(tmp_path, "feed.jsonl", "\n  \n\n")
    assert only_rejection(load(tmp_path)) == Rejection("feed.jsonl", "no text (only white space)", 5)


# --- bad files ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("bom-only.txt", b"\xef\xbb\xbf", "no text (only white space)"),
        ("blank.txt", b"  \n\t\r\n  ", "no text (only white space)"),
        ("blank.md", b"\n\n", "no text (only white space)"),
        ("blank.json", b"  \n", "invalid JSON at line 2, column 1: Expecting value"),
        ("nul.txt", b"Title\x00\x01\x02 body", "binary content (NUL bytes)"),
        ("controls.txt", b"ab\x01\x02\x03\x04cd", "binary content (50% control characters)"),
        (
            "utf16.txt",
            "Hola".encode("utf-16-le") + b"!",
            "undecodable text: read as UTF-16 LE (detected, no byte-order mark) but truncated data at byte 8",
        ),
        (
            "utf32.txt",
            b"\xff\xfe\x00\x00" + "Hola".encode("utf-32-le")[:-2],
            "undecodable text: read as UTF-32 LE (byte-order mark) but truncated data at byte 16",
        ),
        ("utf16-nul.txt", b"\xfe\xff\x00H\x00\x00", "binary content (NUL characters)"),
        ("ctl.txt", b"caf\xe9 \x81 " + b"x" * 30 + b"\x01", "undecodable text: "),
    ],
)
def test_bad_content_is_rejected(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    write(tmp_path, name, content)
    rejection = only_rejection(load(tmp_path))
    assert rejection.source_name == name
    assert rejection.reason.startswith(reason)


def test_cp1252_text_is_decoded_and_recorded(tmp_path: Path) -> None:
    text = "Canciller Ebrard habló con el presidente — “acuerdo” sobre aranceles\n"
    write(tmp_path, "es.txt", text.encode("cp1252"))
    article = only_article(load(tmp_path))
    assert article.encoding == "cp1252"
    assert article.text == text
    assert article.byte_size == len(text.encode("cp1252"))


def test_latin1_text_decodes_correctly(tmp_path: Path) -> None:
    # Latin-1 letters are the same bytes in cp1252, so plain Latin-1 text reads as cp1252.
    text = "Canciller Ebrard habló con el presidente de México\n"
    write(tmp_path, "es.txt", text.encode("latin-1"))
    article = only_article(load(tmp_path))
    assert article.text == text
    assert article.encoding == "cp1252"


def test_latin1_fallback_when_cp1252_fails(tmp_path: Path) -> None:
    # 0x81 has no cp1252 character; without C0 controls the file reads as Latin-1.
    text = "Canciller Ebrard habló\x81 con el presidente\n"
    write(tmp_path, "es.txt", text.encode("latin-1"))
    article = only_article(load(tmp_path))
    assert article.encoding == "latin-1"
    assert article.text == text


def test_oversized_file_rejected_from_stat_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "big.txt", "x" * 5000)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("an oversized file must not be opened")

    monkeypatch.setattr(Path, "open", no_open)
    rejection = only_rejection(load(tmp_path, max_bytes=2000))
    assert rejection == Rejection("big.txt", "file is 5.0 kB, over the 2.0 kB limit (HOTLINE_MAX_ARTICLE_BYTES)", 5000)


@pytest.mark.parametrize(
    ("size", "max_bytes", "reason"),
    [
        (5_000_000, 2_000_000, "file is 5.0 MB, over the 2.0 MB limit (HOTLINE_MAX_ARTICLE_BYTES)"),
        (101, 100, "file is 101 bytes, over the 100 bytes limit (HOTLINE_MAX_ARTICLE_BYTES)"),
        (2001, 2000, "file is 2,001 bytes, over the 2,000 bytes limit (HOTLINE_MAX_ARTICLE_BYTES)"),
    ],
)
def test_size_reason_reads_well(tmp_path: Path, size: int, max_bytes: int, reason: str) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(size)  # sparse: the size is all that matters
    assert only_rejection(load(tmp_path, max_bytes=max_bytes)).reason == reason


def test_file_exactly_at_limit_loads(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "x" * 100)
    assert only_article(load(tmp_path, max_bytes=100)).byte_size == 100


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("paper.pdf", "unsupported file type .pdf (expected .txt, .md, .json, .jsonl)"),
        ("README", "unsupported file type: no extension (expected .txt, .md, .json, .jsonl)"),
        ("notes.txt~", "unsupported file type .txt~ (expected .txt, .md, .json, .jsonl)"),
    ],
)
def test_unsupported_extension(tmp_path: Path, name: str, reason: str) -> None:
    write(tmp_path, name, CALL)
    assert only_rejection(load(tmp_path)) == Rejection(name, reason, len(CALL))


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    write(tmp_path, "LOUD.TXT", CALL)
    assert only_article(load(tmp_path)).source_format == "txt"


def test_hidden_file_and_hidden_folder(tmp_path: Path) -> None:
    write(tmp_path, ".DS_Store", b"\x00\x01")
    write(tmp_path, ".git/objects/x.txt", CALL)
    write(tmp_path, "sub/.draft.txt", CALL)
    corpus = load(tmp_path)
    assert corpus.articles == []
    assert [(r.source_name, r.reason) for r in corpus.rejections] == [
        (".DS_Store", "hidden file"),
        (".git", "hidden folder (not read)"),
        ("sub/.draft.txt", "hidden file"),
    ]


def test_unreadable_file_rejected_with_os_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "locked.txt", CALL)
    write(tmp_path, "open.txt", "Other\n" + CALL)
    real_open = Path.open

    def guarded_open(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", guarded_open)
    corpus = load(tmp_path)
    assert [a.source_name for a in corpus.articles] == ["open.txt"]
    assert corpus.rejections == [Rejection("locked.txt", "unreadable file: Permission denied", len(CALL))]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_file_on_disk(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", CALL)
    path.chmod(0)
    try:
        assert only_rejection(load(tmp_path)).reason == "unreadable file: Permission denied"
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_rejected_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert only_rejection(load(tmp_path)) == Rejection("pipe.txt", "not a regular file (named pipe)")


# --- symlinks ---------------------------------------------------------------------------------------------


def test_symlinked_file_is_read_once_under_its_name(tmp_path: Path) -> None:
    outside = write(tmp_path / "elsewhere", "real.txt", CALL)
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "link.txt").symlink_to(outside)
    article = only_article(load(corpus_dir))
    assert article.source_name == "link.txt"
    assert article.text == CALL


def test_symlink_to_file_in_folder_is_a_duplicate(tmp_path: Path) -> None:
    target = write(tmp_path, "a.txt", CALL)
    (tmp_path / "b.txt").symlink_to(target)
    corpus = load(tmp_path)
    assert [a.source_name for a in corpus.articles] == ["a.txt"]
    assert corpus.rejections == [Rejection("b.txt", "duplicate of a.txt (same content)", len(CALL))]


def test_broken_symlink_and_symlink_loops(tmp_path: Path) -> None:
    write(tmp_path, "sub/a.txt", CALL)
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    (tmp_path / "sub2").symlink_to(tmp_path / "sub")
    corpus = load(tmp_path)
    assert [a.source_name for a in corpus.articles] == ["sub/a.txt"]
    reasons = {r.source_name: r.reason for r in corpus.rejections}
    assert reasons["broken.txt"].startswith("broken symlink to ")
    assert reasons["self.txt"] == "symlink loop (too many levels of symbolic links)"
    assert reasons["sub/up"] == "symlink loop (points back to an enclosing folder)"
    assert reasons["sub2"] == "symlink to a folder already read as sub"
    assert len(reasons) == 4


# --- identity, order, names -------------------------------------------------------------------------------


def test_nested_folders_and_sorted_order(tmp_path: Path) -> None:
    names = ["b.txt", "a/z.txt", "a/b/c.txt", "a.txt", "a-b.txt", "A.txt", "a/b.txt", "ü.txt"]
    for number, name in enumerate(names):
        write(tmp_path, name, f"Title {number}\n{CALL}")
    corpus = load(tmp_path)
    got = [a.source_name for a in corpus.articles]
    assert got == sorted(names)
    assert "a/b/c.txt" in got


def test_duplicate_content_first_in_sorted_order_wins(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "Same\n" + CALL)
    write(tmp_path, "a/z.txt", "Same\n" + CALL)
    write(tmp_path, "c.txt", "Different\n" + CALL)
    corpus = load(tmp_path)
    assert [a.source_name for a in corpus.articles] == ["a/z.txt", "c.txt"]
    assert corpus.rejections == [
        Rejection("b.txt", "duplicate of a/z.txt (same content)", len(("Same\n" + CALL).encode()))
    ]


def test_same_content_across_formats_is_a_duplicate(tmp_path: Path) -> None:
    text = "Leaders talk\n" + CALL
    write(tmp_path, "a.txt", text)
    write(tmp_path, "b.json", json.dumps({"title": "Leaders talk", "text": text}))
    corpus = load(tmp_path)
    assert [a.source_name for a in corpus.articles] == ["a.txt"]
    assert corpus.rejections[0].reason == "duplicate of a.txt (same content)"


def test_sql_looking_file_name_is_just_a_name(tmp_path: Path) -> None:
    name = "x'; drop table raw.articles; --.txt"
    write(tmp_path, name, "Robert'); DROP TABLE students;--\n" + CALL)
    article = only_article(load(tmp_path))
    assert article.source_name == name
    assert article.source_format == "txt"


def test_file_name_that_is_not_utf8_is_escaped(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    try:
        with open(raw, "wb") as handle:  # noqa: PTH123 - pathlib has no bytes paths
            handle.write(CALL.encode())
    except OSError:
        pytest.skip("file system refuses non-UTF-8 names")
    article = only_article(load(tmp_path))
    assert article.source_name == "caf\\xe9.txt"
    article.source_name.encode("utf-8")


def test_article_id_is_stable_across_loads_and_folders(tmp_path: Path) -> None:
    write(tmp_path / "one", "x/a.txt", "Leaders talk\r\n" + CALL)
    write(tmp_path / "one", "b.json", json.dumps({"text": "Second", "date": "2025-01-02"}))
    shutil.copytree(tmp_path / "one", tmp_path / "two")
    first, again, copy = load(tmp_path / "one"), load(tmp_path / "one"), load(tmp_path / "two")
    assert first == again == copy
    assert [a.article_id for a in first.articles] == [sha(a.title, a.text)[:16] for a in first.articles]


def test_mixed_folder_every_file_accounted_for_exactly_once(tmp_path: Path) -> None:
    files: dict[str, bytes] = {
        "a.txt": b"Title A\nbody",
        "b.md": b"---\ntitle: B\n---\nbody b",
        "c.json": b'{"text": "c"}',
        "d.json": b"[1]",
        "e.pdf": b"%PDF-1.4",
        "f.txt": b"",
        "g.txt": b"\x00\x00",
        "h/i.txt": b"Title A\nbody",
        "h/.hidden.md": b"x",
        "j.txt": "señal".encode("cp1252"),
    }
    for name, content in files.items():
        write(tmp_path, name, content)
    write(tmp_path, "k.jsonl", '{"text": "k1"}\n\nnot json\n{"text": "k4"}\n')
    corpus = load(tmp_path)
    names = [r.source_name for r in corpus.articles] + [r.source_name for r in corpus.rejections]
    assert sorted(names) == sorted([*files, "k.jsonl#1", "k.jsonl#3", "k.jsonl#4"])
    assert len(names) == len(set(names))
    assert [a.source_name for a in corpus.articles] == [
        "a.txt",
        "b.md",
        "c.json",
        "j.txt",
        "k.jsonl#1",
        "k.jsonl#4",
    ]


def test_results_are_in_sorted_order(tmp_path: Path) -> None:
    for name in ["z.txt", "m/n.txt", "b.pdf", "a.json"]:
        write(tmp_path, name, f"{name}\nbody")
    corpus = load(tmp_path)
    articles = [a.source_name for a in corpus.articles]
    rejections = [r.source_name for r in corpus.rejections]
    assert articles == sorted(articles)
    assert rejections == sorted(rejections)


# --- read_article_file, folder errors ---------------------------------------------------------------------


def test_read_article_file_one_file(tmp_path: Path) -> None:
    path = write(tmp_path, "sub/feed.jsonl", '{"text": "a"}\n{"text": "a"}\n')
    records = read_article_file(path, tmp_path, MAX, date_from_text=no_text_date)
    assert [type(r).__name__ for r in records] == ["Article", "Article"]  # no duplicate check per file
    assert [r.source_name for r in records] == ["sub/feed.jsonl#1", "sub/feed.jsonl#2"]


def test_read_article_file_on_a_folder_is_a_rejection(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    assert read_article_file(tmp_path / "sub", tmp_path, MAX, date_from_text=no_text_date) == [
        Rejection("sub", "not a regular file (folder)")
    ]


def test_missing_folder_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"articles folder does not exist: .*HOTLINE_ARTICLES_DIR"):
        load(tmp_path / "nope")


def test_folder_that_is_a_file_is_a_configuration_error(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", CALL)
    with pytest.raises(NotADirectoryError, match="articles folder is not a folder"):
        load(path)


def test_empty_folder_is_an_empty_corpus(tmp_path: Path) -> None:
    assert load(tmp_path) == Corpus(articles=[], rejections=[])


# --- metadata dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-05-02", dt.date(2025, 5, 2)),
        ("  2025-05-02  ", dt.date(2025, 5, 2)),
        ("2025-05-02T10:00:00Z", dt.date(2025, 5, 2)),
        ("2025-05-02T23:30:00-06:00", dt.date(2025, 5, 2)),  # the date as written, no time-zone shift
        ("2025-05-02 10:00:00 UTC", dt.date(2025, 5, 2)),
        ("20250502", dt.date(2025, 5, 2)),
        ("May 2, 2025", dt.date(2025, 5, 2)),
        ("may 2 2025", dt.date(2025, 5, 2)),
        ("Sep 30, 2025", dt.date(2025, 9, 30)),
        ("2 May 2025", dt.date(2025, 5, 2)),
        ("2025/05/02", dt.date(2025, 5, 2)),
        ("Fri, 02 May 2025 10:00:00 +0000", dt.date(2025, 5, 2)),
        ("2025-02-30", None),
        ("02/05/2025", None),  # day/month order unknown: not guessed
        ("next Tuesday", None),
        ("", None),
        ("2025", None),
    ],
)
def test_parse_metadata_date(raw: str, expected: dt.date | None) -> None:
    assert parse_metadata_date(raw) == expected


@pytest.mark.parametrize(
    ("value", "evidence"),
    [
        ('"sometime in May"', "unparseable metadata date 'sometime in May'"),
        ("1746180000", "unparseable metadata date '1746180000'"),
        ('["2025-05-02"]', "unparseable metadata date '[\"2025-05-02\"]'"),
    ],
)
def test_unparseable_metadata_date_is_kept_as_evidence(tmp_path: Path, value: str, evidence: str) -> None:
    write(tmp_path, "a.json", f'{{"text": "Body text", "published_at": {value}}}')
    article = only_article(load(tmp_path))
    assert article.published_date is None
    assert article.published_date_source == "unknown"
    assert article.published_date_evidence == evidence
