"""A JSONL feed read line by line, in bounded memory, with the size limit applied to each line.

:func:`sniff_feed` reads the first :data:`~hotline.ingest.decoding.HEAD_BYTES` of the open file to choose the
encoding (and rejects the whole file when it is empty or binary); :func:`iter_lines` then reads the rest through
an :class:`io.TextIOWrapper` with universal newlines (``\\n``, ``\\r\\n`` and ``\\r`` end a line, as they did
when a feed was read whole), asking ``readline`` for at most one character more than the limit allows. A line
over the limit is skipped in chunks of :data:`SKIP_CHARS` and reported with its size; its text is never held.
So memory is bounded by the limit, whatever the size of the file.

Byte-wise feeds (UTF-8, cp1252, Latin-1) travel through the wrapper as Latin-1 (one character per byte, so the
line's bytes come back exactly) and each line is decoded on its own: UTF-8, else cp1252, else Latin-1. UTF-16 and
UTF-32 feeds are decoded by the wrapper; a decoding error ends the file (the position of a bad code unit in a
UTF-16/32 stream is not known to the line).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from hotline.ingest.decoding import (
    HEAD_BYTES,
    WIDE_CODECS,
    Rejected,
    Sniffed,
    check_control_bytes,
    check_text,
    decode_bytes,
    sniff,
    wide_error_reason,
)

SKIP_CHARS = 1 << 16
"""Characters read at a time while skipping the rest of a line that is over the limit."""
LIMIT_SETTING = "HOTLINE_MAX_ARTICLE_BYTES"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a feed. ``text`` (without its newline) and ``encoding`` when it was read, else ``problem``:
    why it is rejected (over the limit, binary, undecodable). ``number`` counts from 1, blank lines included."""

    number: int
    byte_size: int | None
    text: str | None = None
    encoding: str | None = None
    problem: str | None = None


def sniff_feed(handle: BinaryIO) -> Sniffed:
    """The encoding of the feed open in ``handle`` (binary, at its start), read from its first bytes; leaves
    ``handle`` just after any byte-order mark. Raises :class:`Rejected` for an empty or binary file."""
    head = handle.read(HEAD_BYTES)
    if not head:
        raise Rejected("empty file")
    sniffed = sniff(head)
    if sniffed.codec is None:
        body = head[sniffed.bom_length :]
        if b"\x00" in body:
            raise Rejected("binary content (NUL bytes)")
        check_control_bytes(body)
    handle.seek(sniffed.bom_length)
    return sniffed


def iter_lines(handle: BinaryIO, sniffed: Sniffed, max_bytes: int) -> Iterator[Line]:
    """The lines of the feed open in ``handle`` (positioned by :func:`sniff_feed`), one at a time.

    Never raises for bad content: a line over ``max_bytes``, undecodable or binary is a :class:`Line` with a
    ``problem``; a decoding or read error in the middle of the file is one last such line.
    """
    codec = sniffed.codec or "latin-1"  # byte-wise lines travel as Latin-1: one character per byte
    most_chars = max(max_bytes, 0) // WIDE_CODECS.get(codec, 1) + 1  # more characters than this are over the limit
    reader = io.TextIOWrapper(handle, encoding=codec, errors="strict", newline=None)
    try:
        number = 0
        while True:
            number += 1
            try:
                chunk = reader.readline(most_chars)
                if not chunk:
                    return
                ended = chunk.endswith("\n")
                size = _byte_size(chunk[:-1] if ended else chunk, codec)
                if not ended and len(chunk) >= most_chars:  # over the limit: count the rest, keep none of it
                    while chunk and not chunk.endswith("\n"):
                        chunk = reader.readline(SKIP_CHARS)
                        size += _byte_size(chunk.removesuffix("\n"), codec)
            except UnicodeDecodeError as exc:
                reason = wide_error_reason(sniffed, exc, None)
                yield Line(number, None, problem=f"{reason} (in this line or soon after; the rest is not read)")
                return
            except OSError as exc:
                reason = exc.strerror or type(exc).__name__
                yield Line(number, None, problem=f"unreadable file: {reason} (the rest is not read)")
                return
            if size > max_bytes:
                yield Line(number, size, problem=article_size_reason(size, max_bytes))
            else:
                yield _decoded(number, chunk.removesuffix("\n"), size, sniffed)
    finally:
        reader.detach()  # the caller owns (and closes) the file


def _byte_size(text: str, codec: str) -> int:
    return len(text) if codec == "latin-1" else len(text.encode(codec))


def _decoded(number: int, line: str, size: int, sniffed: Sniffed) -> Line:
    try:
        if sniffed.codec is None:
            text, encoding = decode_bytes(line.encode("latin-1"))
        else:
            check_text(line)
            text, encoding = line, sniffed.codec
    except Rejected as rejected:
        return Line(number, size, problem=rejected.reason)
    return Line(number, size, text=text, encoding=encoding)


def human_size(size: int) -> str:
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def _sizes(size: int, max_bytes: int) -> tuple[str, str]:
    shown, limit = human_size(size), human_size(max_bytes)
    if shown == limit:  # rounding hides the difference: show exact byte counts
        shown, limit = f"{size:,} bytes", f"{max_bytes:,} bytes"
    return shown, limit


def file_size_reason(size: int, max_bytes: int) -> str:
    shown, limit = _sizes(size, max_bytes)
    return f"file is {shown}, over the {limit} limit ({LIMIT_SETTING})"


def article_size_reason(size: int, max_bytes: int) -> str:
    shown, limit = _sizes(size, max_bytes)
    return f"article of {shown} is over the limit of {limit} ({LIMIT_SETTING})"
