"""One article file's text as an :class:`~hotline.facts.Article`: the formats (``.txt``, ``.md`` with front matter,
``.json``, one ``.jsonl`` line), their metadata fields, and the article record with its title, identity and
publication date (see :mod:`hotline.articles` for the rules)."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from hotline.facts import Article, PublishedDateSource, Rejection
from hotline.ingest.decoding import Rejected as _Rejected
from hotline.ingest.decoding import normalize_newlines as _normalize_newlines
from hotline.ingest.lines import Line
from hotline.ingest.markup import strip_markup
from hotline.ingest.repair import REPAIRED_SUFFIX, repair_mojibake

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
class _Meta:
    title: str | None = None
    date: object = None
    url: str | None = None
    outlet: str | None = None


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


# --- formats ---------------------------------------------------------------------------------------------


def parse(suffix: str, text: str, encoding: str, source_name: str, byte_size: int, dates: TextDateReader) -> Article:
    if suffix == ".txt":
        return _article(source_name, "txt", text, encoding, byte_size, _Meta(), dates)
    if suffix == ".md":
        front, body = _front_matter(text)
        meta = _metadata(front, "front matter field") if front is not None else _Meta()
        return _article(source_name, "md", body, encoding, byte_size, meta, dates)
    obj = _json_object(text, first_line=1)
    return _json_article(obj, source_name, "json", encoding, byte_size, dates)


def jsonl_record(line: Line, source_name: str, dates: TextDateReader) -> Article | Rejection | None:
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
    if isinstance(value, list) and value and all(isinstance(part, str) for part in value):
        value = "\n\n".join(part.strip() for part in value if part.strip())  # a CMS's paragraphs, in order
    if not isinstance(value, str):
        kind = _json_kind(value)
        if isinstance(value, list) and value:
            kind += " holding " + _json_kind(next(part for part in value if not isinstance(part, str)))
        raise _Rejected(f"JSON field '{key}' must be text or a list of text paragraphs (got {kind})")
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
    text, _ = strip_markup(text)  # a CMS's HTML: "<p>Carney&rsquo;s call</p>"
    if not text:
        raise _Rejected("no text (only HTML markup)")
    text, text_repaired = repair_mojibake(text)
    meta_title, title_repaired = _repaired(strip_markup(meta.title)[0] if meta.title else None)
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
