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
import email.utils
import errno
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hotline.facts import Article, PublishedDateSource, Rejection
from hotline.ingest.decoding import MAX_CONTROL_SHARE as MAX_CONTROL_SHARE  # re-exported
from hotline.ingest.decoding import Rejected as _Rejected
from hotline.ingest.decoding import decode_file
from hotline.ingest.decoding import normalize_newlines as _normalize_newlines
from hotline.ingest.lines import Line, file_size_reason, iter_lines, sniff_feed
from hotline.ingest.repair import REPAIRED_SUFFIX, repair_mojibake

SUPPORTED_SUFFIXES = (".txt", ".md", ".json", ".jsonl")
# Field names real feeds and CMS exports use (schema.org NewsArticle, RSS, Spanish-language CMSs, post and podcast
# exports, newsletters), first found wins.
TEXT_KEYS = (
    "text",
    "body",
    "content",
    "articleBody",
    "article_body",
    "body_text",
    "full_text",
    "texto",
    "cuerpo",
    "contenido",
    "message",
    "description",
)
TITLE_KEYS = ("title", "headline", "titulo", "titular")
DATE_KEYS = (
    "published_at",
    "date",
    "published",
    "datePublished",
    "date_published",
    "published_date",
    "publication_date",
    "publish_date",
    "pubDate",
    "pub_date",
    "first_published",
    "created_time",
    "fecha",
    "fecha_publicacion",
    "fecha_de_publicacion",
    "publicado",
    # a post export, a podcast episode, a newsletter issue, a broadcast: the day it went out
    "created_at",
    "release_date",
    "sent",
    "air_date",
    "broadcast_date",
    "fecha_emision",
)
URL_KEYS = ("url",)
OUTLET_KEYS = ("source", "outlet")
MAX_DERIVED_TITLE_CHARS = 300
MAX_EVIDENCE_CHARS = 200

_ISO_DATE_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")
_FENCE_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_NON_SPACE = re.compile(r"\S")
_YAML_LOADER: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # every scalar stays the raw string

TextDateReader = Callable[[str], tuple[dt.date | None, str | None]]
"""Reads a publication date stated in an article's text: the date and how it was read, or (None, None)."""


@dataclass(frozen=True, slots=True)
class Corpus:
    """What a folder held: the loaded articles and every file or line that was not loaded, with why."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Meta:
    title: str | None = None
    date: object = None
    url: str | None = None
    outlet: str | None = None


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
    return _walk(root)


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
    source_name = "/".join(_safe_name(part) for part in relative.parts)
    return list(_read_file(path, source_name, max_bytes, date_from_text))


def parse_metadata_date(value: str) -> dt.date | None:
    """The calendar date of a metadata date string, or None when it is not a form we read.

    ISO dates and datetimes (``2025-05-02``, ``2025-05-02T10:00:00Z``), then dates in words or numbers in English or
    Spanish (``May 2, 2025``, ``2 de mayo de 2025``, ``2025/05/02``) through the one date reader of the extractor
    (:func:`hotline.extract.published.date_from_value`, imported on first use), then RFC 2822 (``Fri, 02 May 2025
    10:00:00 +0000``).
    """
    from hotline.extract.published import date_from_value

    text = " ".join(value.split())
    match = _ISO_DATE_PREFIX.match(text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    found = date_from_value(text)
    if found is not None:
        return found
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


# --- walking ---------------------------------------------------------------------------------------------


def _walk(root: Path) -> Iterator[tuple[Path, str] | Rejection]:
    """Files to read (path, source_name) and rejected folders, depth-first in sorted path order."""
    root_stat = root.stat()
    root_id = (root_stat.st_dev, root_stat.st_ino)
    folders_read: dict[tuple[int, int], str] = {root_id: "."}
    stack: list[tuple[Iterator[os.DirEntry[str]], str, frozenset[tuple[int, int]]]] = [
        (iter(_sorted_entries(root)), "", frozenset({root_id}))
    ]
    while stack:
        entries, prefix, ancestors = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        source_name = prefix + _safe_name(entry.name)
        if not _is_dir(entry):
            yield Path(entry.path), source_name
            continue
        if entry.name.startswith("."):
            yield Rejection(source_name, "hidden folder (not read)")
            continue
        try:
            folder_stat = entry.stat()
            identity = (folder_stat.st_dev, folder_stat.st_ino)
            if identity in ancestors:
                yield Rejection(source_name, "symlink loop (points back to an enclosing folder)")
                continue
            if entry.is_symlink() and identity in folders_read:
                yield Rejection(source_name, f"symlink to a folder already read as {folders_read[identity]}")
                continue
            children = _sorted_entries(Path(entry.path))
        except OSError as exc:
            yield Rejection(source_name, f"unreadable folder: {_os_reason(exc)}")
            continue
        folders_read.setdefault(identity, source_name)
        stack.append((iter(children), source_name + "/", ancestors | {identity}))


def _sorted_entries(folder: Path) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as scan:
        entries = list(scan)
    # A folder sorts as "name/" so the depth-first walk visits paths in plain string order.
    entries.sort(key=lambda entry: entry.name + "/" if _is_dir(entry) else entry.name)
    return entries


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _safe_name(name: str) -> str:
    """The name as valid UTF-8: bytes the OS could not decode are written as ``\\xNN``."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def _os_reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


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
        return [Rejection(source_name, f"unreadable file: {_os_reason(exc)}", size)]
    if len(data) > max_bytes:  # grew since stat
        return [Rejection(source_name, file_size_reason(len(data), max_bytes), len(data))]
    if read is not None:
        read.append(data)
    try:
        text, encoding = decode_file(data)
        return [_parse(suffix, text, encoding, source_name, len(data), dates)]
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
        return f"broken symlink to {_safe_name(target)!r} (its target does not exist)"
    return f"unreadable file: {_os_reason(exc)}"


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


# --- formats ---------------------------------------------------------------------------------------------


def _parse(suffix: str, text: str, encoding: str, source_name: str, byte_size: int, dates: TextDateReader) -> Article:
    if suffix == ".txt":
        return _article(source_name, "txt", text, encoding, byte_size, _Meta(), dates)
    if suffix == ".md":
        front, body = _front_matter(text)
        meta = _metadata(front, "front matter field") if front is not None else _Meta()
        return _article(source_name, "md", body, encoding, byte_size, meta, dates)
    obj = _json_object(text, first_line=1)
    return _json_article(obj, source_name, "json", encoding, byte_size, dates)


def _read_jsonl(
    path: Path, source_name: str, size: int, max_bytes: int, dates: TextDateReader
) -> Iterator[Article | Rejection]:
    """A feed's records, one line at a time; only the current line is in memory (:mod:`hotline.ingest.lines`).

    A whole-file rejection (unreadable, empty, binary, nothing but blank lines) is never mixed with line records.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Rejection(source_name, f"unreadable file: {_os_reason(exc)}", size)
        return
    with handle:
        try:
            sniffed = sniff_feed(handle)
        except _Rejected as rejected:
            yield Rejection(source_name, rejected.reason, size)
            return
        except OSError as exc:
            yield Rejection(source_name, f"unreadable file: {_os_reason(exc)}", size)
            return
        found = False
        for line in iter_lines(handle, sniffed, max_bytes):
            record = _jsonl_record(line, source_name, dates)
            if record is not None:
                found = True
                yield record
    if not found:
        yield Rejection(source_name, "no text (only white space)", size)


def _jsonl_record(line: Line, source_name: str, dates: TextDateReader) -> Article | Rejection | None:
    """The article or rejection of one feed line; None for a blank line."""
    line_name = f"{source_name}#{line.number}"
    if line.problem is not None:
        return Rejection(line_name, line.problem, line.byte_size)
    assert line.text is not None and line.encoding is not None and line.byte_size is not None
    if not line.text or line.text.isspace():
        return None
    try:
        obj = _json_object(line.text, first_line=line.number)
        return _json_article(obj, line_name, "jsonl", line.encoding, line.byte_size, dates)
    except _Rejected as rejected:
        return Rejection(line_name, rejected.reason, line.byte_size)


def _json_object(text: str, first_line: int) -> Mapping[str, Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        line = exc.lineno + first_line - 1
        raise _Rejected(f"invalid JSON at line {line}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise _Rejected("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer with too many digits
        raise _Rejected(f"invalid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise _Rejected(f"JSON must be one article object; got {_json_kind(value)}")
    return value


WRAPPER_KEYS = ("item", "article", "entry", "post", "data")
"""Keys an export nests its one article under (an RSS item as JSON: ``{"channel": ..., "item": {...}}``)."""


def _json_article(
    obj: Mapping[str, Any],
    source_name: str,
    source_format: str,
    encoding: str,
    byte_size: int,
    dates: TextDateReader,
) -> Article:
    key, value = _first_present(obj, TEXT_KEYS)
    if key is None:  # the article nested one level down, under a wrapper key
        nested = next((v for k in WRAPPER_KEYS if isinstance(v := obj.get(k), dict)), None)
        if nested is not None and _first_present(nested, TEXT_KEYS)[0] is not None:
            obj = nested
            key, value = _first_present(obj, TEXT_KEYS)
    if key is None:
        raise _Rejected(f"JSON article has no text (expected one of: {', '.join(TEXT_KEYS)})")
    if not isinstance(value, str):
        raise _Rejected(f"JSON field '{key}' must be text (got {_json_kind(value)})")
    if "\x00" in value:
        raise _Rejected(f"JSON field '{key}' contains NUL characters")
    meta = _metadata(obj, "JSON field")
    text = _normalize_newlines(value)
    return _article(source_name, source_format, text, encoding, byte_size, meta, dates)


def _front_matter(text: str) -> tuple[Mapping[str, Any] | None, str]:
    """The front matter mapping (None when the file has none) and the body after it."""
    first_end = text.find("\n")
    first_line = text if first_end == -1 else text[:first_end]
    if first_line.rstrip() != "---":
        return None, text
    close = _FENCE_CLOSE.search(text, first_end + 1) if first_end != -1 else None
    if close is None:
        raise _Rejected("front matter opened with '---' on line 1 is never closed")
    try:
        data = yaml.load(text[first_end + 1 : close.start()], Loader=_YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or exc.context or "syntax error"
        where = f" (line {exc.problem_mark.line + 2})" if exc.problem_mark is not None else ""
        raise _Rejected(f"front matter is not valid YAML: {problem}{where}") from None
    except yaml.YAMLError as exc:
        raise _Rejected(f"front matter is not valid YAML: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise _Rejected("front matter is not valid YAML: nested too deeply") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _Rejected(
            f"front matter must be YAML keys and values (title, published_at, url, source); got {_yaml_kind(data)}"
        )
    return data, text[close.end() + 1 :]


def _metadata(obj: Mapping[str, Any], where: str) -> _Meta:
    _, date = _first_present(obj, DATE_KEYS)
    return _Meta(
        title=_optional_text(obj, TITLE_KEYS, where, collapse=True),
        date=date,
        url=_optional_text(obj, URL_KEYS, where, collapse=False),
        outlet=_optional_text(obj, OUTLET_KEYS, where, collapse=True),
    )


def _first_present(obj: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[str | None, Any]:
    for key in keys:
        value = obj.get(key)
        if value is not None:
            return key, value
    return None, None


def _optional_text(obj: Mapping[str, Any], keys: tuple[str, ...], where: str, *, collapse: bool) -> str | None:
    key, value = _first_present(obj, keys)
    if key is None:
        return None
    if not isinstance(value, str):
        raise _Rejected(f"{where} '{key}' must be text (got {_json_kind(value)})")
    if "\x00" in value:
        raise _Rejected(f"{where} '{key}' contains NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _Rejected(f"{where} '{key}' contains invalid Unicode (an unpaired surrogate)") from None
    cleaned = " ".join(value.split()) if collapse else value.strip()
    return cleaned or None


def _json_kind(value: object) -> str:
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    return "number"


def _yaml_kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "plain text"
    return type(value).__name__


# --- the article -----------------------------------------------------------------------------------------


def _article(
    source_name: str,
    source_format: str,
    text: str,
    encoding: str,
    byte_size: int,
    meta: _Meta,
    dates: TextDateReader,
) -> Article:
    if not text or text.isspace():
        raise _Rejected("no text (only white space)")
    text, text_repaired = repair_mojibake(text)
    meta_title, title_repaired = _repaired(meta.title)
    outlet, outlet_repaired = _repaired(meta.outlet)
    if text_repaired or title_repaired or outlet_repaired:
        encoding += REPAIRED_SUFFIX
    title = meta_title or _derive_title(text, markdown=source_format == "md")
    try:  # a title taken from the text shares its Unicode problems
        digest = hashlib.sha256(title.encode("utf-8"))
        digest.update(b"\n")
        digest.update(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise _Rejected("text contains invalid Unicode (an unpaired surrogate)") from None
    content_hash = digest.hexdigest()
    published_date, date_source, evidence = _published(meta.date, text, dates)
    return Article(
        article_id=content_hash[:16],
        source_name=source_name,
        source_format=source_format,
        title=title,
        text=text,
        content_hash=content_hash,
        encoding=encoding,
        byte_size=byte_size,
        published_date=published_date,
        published_date_source=date_source,
        published_date_evidence=evidence,
        url=meta.url,
        outlet=outlet,
    )


def _repaired(value: str | None) -> tuple[str | None, bool]:
    return repair_mojibake(value) if value is not None else (None, False)


def _derive_title(text: str, *, markdown: bool) -> str:
    """The first non-empty line, white space collapsed.

    For Markdown, the first line that has more than ``#`` heading marks, without them (a body of nothing but
    ``#`` marks keeps its first line as is).
    """
    position = 0
    first_line = ""
    while (found := _NON_SPACE.search(text, position)) is not None:
        end = text.find("\n", found.start())
        end = len(text) if end == -1 else end
        line = " ".join(text[found.start() : end].split())
        first_line = first_line or line
        title = " ".join(line.lstrip("#").split()) if markdown else line
        if title:
            return title[:MAX_DERIVED_TITLE_CHARS].rstrip()
        position = end + 1
    return first_line[:MAX_DERIVED_TITLE_CHARS].rstrip()


def _published(raw: object, text: str, dates: TextDateReader) -> tuple[dt.date | None, PublishedDateSource, str | None]:
    if raw is not None and not (isinstance(raw, str) and not raw.strip()):
        shown = _evidence_text(raw)
        parsed = parse_metadata_date(raw) if isinstance(raw, str) else None
        if parsed is not None:
            return parsed, "metadata", shown
        return None, "unknown", f"unparseable metadata date '{shown}'"
    found, how = dates(text)
    if found is not None:
        return found, "stated_in_text", how
    return None, "unknown", None


def _evidence_text(raw: object) -> str:
    if isinstance(raw, str):
        shown = raw.strip()
    elif isinstance(raw, (dict, list)):
        try:
            shown = json.dumps(raw, ensure_ascii=False, default=str)
        except (RecursionError, ValueError):
            shown = _json_kind(raw)
    else:
        shown = str(raw)
    shown = shown.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")
    if len(shown) > MAX_EVIDENCE_CHARS:
        shown = shown[:MAX_EVIDENCE_CHARS] + "…"
    return shown
