"""Ingest: turn a folder of article files into :class:`Article` and :class:`Rejection` records.

Every file ends as article(s) or rejection(s) with a reason a person can act on ("empty file",
"binary content (NUL bytes)", "invalid JSON at line 3, column 5: ..."); nothing is skipped silently and bad
input never raises. Only a missing articles folder raises (a configuration error).

Formats (suffix, case-insensitive):

- ``.txt``: title = first non-empty line; ``text`` = the whole file (title line included), so character
  offsets refer to the file after decoding, BOM removal and newline normalization.
- ``.md``: optional YAML front matter between ``---`` lines (keys ``title``/``headline``, ``published_at``/
  ``date``/``published`` and the other names of :data:`DATE_KEYS`, ``url``, ``source``/``outlet``); ``text`` = the
  body after the closing fence; title = front matter title, else the first non-empty line with its ``#`` heading
  marks removed.
- ``.json``: one object with ``text`` (or ``body``/``content``/``articleBody``, see :data:`TEXT_KEYS`) and the same
  optional keys.
- ``.jsonl``: one such object per non-empty line; each line is its own article or rejection, named
  ``<path>#<line number>`` (line numbers start at 1 and count blank lines; ``\\n``, ``\\r\\n`` and ``\\r``
  end a line).

Size limit (``max_bytes``, ``HOTLINE_MAX_ARTICLE_BYTES``): a ``.txt``/``.md``/``.json`` file over it is rejected
from its size, unread. In a ``.jsonl`` feed the limit applies to each line: a line over it is rejected alone
(``article of 2.5 MB is over the limit of 2.0 MB``) and the others load. Feeds are read streaming, one line at a
time (:mod:`hotline.ingest.lines`), so memory is bounded by the limit, not by the size of the feed.

Decoding (:mod:`hotline.ingest.decoding`): a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE; the
mark is dropped). Without one, NUL bytes mean UTF-16/UTF-32 text (recognized from the NUL pattern, else by
``charset-normalizer``) or binary content. Other bytes are UTF-8; else cp1252; else Latin-1 when they hold no C0
control character other than tab, newline and carriage return; NUL bytes or more than 10% control bytes mean
binary content. A ``.jsonl`` feed sniffs UTF-16/32 and binary content from its first 64 KiB and decodes
UTF-8/cp1252/Latin-1 line by line. ``encoding`` records the codec (``utf-8``, ``cp1252``, ``latin-1``,
``utf-16-le``, ``utf-16-be``, ``utf-32-le``, ``utf-32-be``). Newlines are normalized to ``\\n`` before anything
else looks at the text.

Mojibake (:mod:`hotline.ingest.repair`): text, title and outlet are repaired with ftfy's encoding fix only
(``MÃ©xico`` → ``México``, ``â€œ`` → a curly opening quote); quotes, dashes and everything else stay as they are, and
text without mojibake is unchanged. A repair is recorded by appending ``+ftfy`` to ``encoding``
(``utf-8+ftfy``, ``cp1252+ftfy``).

Identity: ``content_hash`` = sha256 of UTF-8 ``title + "\\n" + text``; ``article_id`` = its first 16 hex
characters. The same content under a second name (in sorted order) is rejected as a duplicate of the first.

The walk is depth-first in the byte order of the relative POSIX paths, so results are deterministic. Hidden
files and folders (name starting with ``.``) are rejected, not read. Symlinks are followed (a symlinked file
is read once, under its own name); loops, broken links and a second link to a folder already read are
rejected.
File names are data: they are only ever used as strings, never interpolated into anything executable.

Design choices worth knowing:

- A metadata date that cannot be parsed is not a rejection: ``published_date`` is None, the source is
  ``"unknown"`` and the evidence says ``unparseable metadata date '...'`` (the text is not searched then).
  Datetimes keep the calendar date as written; no time-zone conversion.
- Titles taken from a first line are whitespace-collapsed and cut at :data:`MAX_DERIVED_TITLE_CHARS`;
  metadata titles are whitespace-collapsed only.
- Optional metadata fields of the wrong type (a number for ``url``, a list for ``title``) reject the article
  with a reason naming the field; NUL characters or unpaired surrogates from JSON escapes are rejected too,
  so every string that leaves this module encodes as UTF-8.
- File names that are not valid UTF-8 are kept, with the bad bytes written as ``\\xNN`` in ``source_name``.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hotline.facts import Article, Rejection
from hotline.ingest.decoding import MAX_CONTROL_SHARE as MAX_CONTROL_SHARE  # re-exported
from hotline.ingest.decoding import Rejected as _Rejected
from hotline.ingest.decoding import decode_file
from hotline.ingest.lines import file_size_reason, iter_lines, sniff_feed
from hotline.ingest.records import (
    DATE_KEYS,
    MAX_DERIVED_TITLE_CHARS,
    MAX_EVIDENCE_CHARS,
    OUTLET_KEYS,
    TEXT_KEYS,
    TITLE_KEYS,
    URL_KEYS,
    WRAPPER_KEYS,
    TextDateReader,
    jsonl_record,
    parse,
    parse_metadata_date,
)
from hotline.ingest.walk import os_reason, safe_name, walk

SUPPORTED_SUFFIXES = (".txt", ".md", ".json", ".jsonl")

__all__ = [
    "DATE_KEYS",
    "MAX_CONTROL_SHARE",
    "MAX_DERIVED_TITLE_CHARS",
    "MAX_EVIDENCE_CHARS",
    "OUTLET_KEYS",
    "SUPPORTED_SUFFIXES",
    "TEXT_KEYS",
    "TITLE_KEYS",
    "URL_KEYS",
    "WRAPPER_KEYS",
    "Corpus",
    "TextDateReader",
    "default_date_from_text",
    "load_corpus",
    "parse_metadata_date",
    "read_article_file",
    "read_hashed",
    "read_records",
    "walk_folder",
]


@dataclass(frozen=True, slots=True)
class Corpus:
    """What a folder held: the loaded articles and every file or line that was not loaded, with why."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def default_date_from_text(text: str) -> tuple[dt.date | None, str | None]:
    """The default :data:`TextDateReader`: ``hotline.extract.published``, imported on first use."""
    from hotline.extract.published import published_date_from_text as read_date

    return read_date(text)


def load_corpus(
    folder: Path,
    max_bytes: int,
    *,
    date_from_text: TextDateReader = default_date_from_text,
    on_progress: Callable[[int], None] | None = None,
) -> Corpus:
    """Read every file under ``folder`` (recursively, sorted) into articles and rejections.

    Raises :class:`FileNotFoundError` / :class:`NotADirectoryError` only when ``folder`` itself is missing or
    not a folder; every problem with a file inside it becomes a :class:`Rejection`. ``date_from_text`` is
    asked for the publication date of articles whose metadata gives none (tests pass a stand-in).
    ``on_progress`` is told the number of files read so far after each file.
    """
    articles: list[Article] = []
    rejections: list[Rejection] = []
    first_by_hash: dict[str, str] = {}
    for files, item in enumerate(walk_folder(folder), start=1):
        if isinstance(item, Rejection):
            rejections.append(item)
        else:
            path, source_name = item
            for record in _read_file(path, source_name, max_bytes, date_from_text):
                if isinstance(record, Rejection):
                    rejections.append(record)
                    continue
                first = first_by_hash.setdefault(record.content_hash, record.source_name)
                if first != record.source_name:
                    reason = f"duplicate of {first} (same content)"
                    rejections.append(Rejection(record.source_name, reason, record.byte_size))
                else:
                    articles.append(record)
        if on_progress is not None:
            on_progress(files)
    return Corpus(articles=articles, rejections=rejections)


def walk_folder(folder: Path) -> Iterator[tuple[Path, str] | Rejection]:
    """The files under ``folder`` as :func:`load_corpus` reads them (``(path, source_name)``, in its order) and the
    folders it rejects unread. Raises like :func:`load_corpus` when ``folder`` is missing or not a folder."""
    root = Path(folder)
    if not root.exists():
        raise FileNotFoundError(f"articles folder does not exist: {root} (check HOTLINE_ARTICLES_DIR)")
    if not root.is_dir():
        raise NotADirectoryError(f"articles folder is not a folder: {root} (check HOTLINE_ARTICLES_DIR)")
    return walk(root)


def read_records(
    path: Path, source_name: str, max_bytes: int, *, date_from_text: TextDateReader = default_date_from_text
) -> list[Article | Rejection]:
    """The article(s) or rejection(s) of one file :func:`walk_folder` yielded, in file order (no duplicate check)."""
    return read_hashed(path, source_name, max_bytes, date_from_text=date_from_text)[0]


def read_hashed(
    path: Path, source_name: str, max_bytes: int, *, date_from_text: TextDateReader = default_date_from_text
) -> tuple[list[Article | Rejection], str | None]:
    """:func:`read_records` and the sha256 of the bytes they were read from, when the file was read whole (None for
    a feed, read as a stream, and for a file rejected unread): the ingest keeps it without reading the file again."""
    read: list[bytes] = []
    records = list(_read_file(Path(path), source_name, max_bytes, date_from_text, read))
    return records, hashlib.sha256(read[0]).hexdigest() if read else None


def read_article_file(
    path: Path, folder: Path, max_bytes: int, *, date_from_text: TextDateReader = default_date_from_text
) -> list[Article | Rejection]:
    """The article(s) or rejection(s) of one file; ``source_name`` is its path relative to ``folder``.

    No duplicate check (that needs the whole corpus, see :func:`load_corpus`).
    """
    path = Path(path)
    relative = path.relative_to(folder)
    source_name = "/".join(safe_name(part) for part in relative.parts)
    return list(_read_file(path, source_name, max_bytes, date_from_text))


# --- one file --------------------------------------------------------------------------------------------


def _read_file(
    path: Path, source_name: str, max_bytes: int, dates: TextDateReader, read: list[bytes] | None = None
) -> Iterable[Article | Rejection]:
    """The records of one file: a list, or for a ``.jsonl`` feed a generator that reads it line by line. The bytes
    of a file read whole are appended to ``read``."""
    if path.name.startswith("."):
        return [Rejection(source_name, "hidden file")]
    try:
        file_stat = path.stat()
    except OSError as exc:
        return [Rejection(source_name, _stat_reason(path, exc))]
    if not stat.S_ISREG(file_stat.st_mode):
        return [Rejection(source_name, f"not a regular file ({_file_kind(file_stat.st_mode)})")]
    size = file_stat.st_size
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"type {suffix}" if suffix else "type: no extension"
        expected = ", ".join(SUPPORTED_SUFFIXES)
        return [Rejection(source_name, f"unsupported file {shown} (expected {expected})", size)]
    if suffix == ".jsonl":  # the limit applies to each line
        return _read_jsonl(path, source_name, size, max_bytes, dates)
    if size > max_bytes:
        return [Rejection(source_name, file_size_reason(size, max_bytes), size)]
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return [Rejection(source_name, f"unreadable file: {os_reason(exc)}", size)]
    if len(data) > max_bytes:  # grew since stat
        return [Rejection(source_name, file_size_reason(len(data), max_bytes), len(data))]
    if read is not None:
        read.append(data)
    try:
        text, encoding = decode_file(data)
        return [parse(suffix, text, encoding, source_name, len(data), dates)]
    except _Rejected as rejected:
        return [Rejection(source_name, rejected.reason, len(data))]


def _stat_reason(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if isinstance(exc, FileNotFoundError) and path.is_symlink():
        try:
            target = os.fspath(path.readlink())
        except OSError:
            return "broken symlink (its target does not exist)"
        return f"broken symlink to {safe_name(target)!r} (its target does not exist)"
    return f"unreadable file: {os_reason(exc)}"


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    return "special file"


def _read_jsonl(
    path: Path, source_name: str, size: int, max_bytes: int, dates: TextDateReader
) -> Iterator[Article | Rejection]:
    """A feed's records, one line at a time; only the current line is in memory (:mod:`hotline.ingest.lines`).

    A whole-file rejection (unreadable, empty, binary, nothing but blank lines) is never mixed with line records.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Rejection(source_name, f"unreadable file: {os_reason(exc)}", size)
        return
    with handle:
        try:
            sniffed = sniff_feed(handle)
        except _Rejected as rejected:
            yield Rejection(source_name, rejected.reason, size)
            return
        except OSError as exc:
            yield Rejection(source_name, f"unreadable file: {os_reason(exc)}", size)
            return
        found = False
        for line in iter_lines(handle, sniffed, max_bytes):
            record = jsonl_record(line, source_name, dates)
            if record is not None:
                found = True
                yield record
    if not found:
        yield Rejection(source_name, "no text (only white space)", size)
