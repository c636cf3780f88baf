"""The files an ingest parses, read on every core: in the order given, the same records as one process reads.

A first run parses every file (at 100,000 articles, most of the ingest's time, on one core while the other
waited). The first :data:`POOL_FROM_FILES` files are parsed in this process, so a run that reads a few files
starts no process; beyond, chunks of :data:`CHUNK_FILES` files go to ``processes`` worker processes (started
with "spawn", as the extraction's: polars and DuckDB run threads) and come back in order, a few chunks in
flight at a time, so memory stays that of those chunks.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar

from hotline.articles import TextDateReader, default_date_from_text, read_records
from hotline.facts import Article, Rejection

CHUNK_FILES = 32
"""Files a worker parses at a time (one message each way)."""
POOL_FROM_FILES = 1_000
"""Files parsed in this process before the rest go to worker processes (each costs about a second to start)."""
_HASH_CHUNK = 1 << 20

Extra = TypeVar("Extra")
Parsed = tuple[list[Article | Rejection], str | None]
"""A file's records, and the sha256 of its bytes when it held an article (None otherwise)."""


def file_hash(path: Path) -> str | None:
    """sha256 of a file's bytes (None when it cannot be read)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_HASH_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def read_file(path: Path, name: str, max_bytes: int, date_from_text: TextDateReader = default_date_from_text) -> Parsed:
    """One file's records (:func:`hotline.articles.read_records`) and, when it held an article, its hash."""
    records = read_records(path, name, max_bytes, date_from_text=date_from_text)
    return records, file_hash(path) if any(isinstance(r, Article) for r in records) else None


def _read_chunk(files: list[tuple[Path, str]], max_bytes: int) -> list[Parsed]:
    return [read_file(path, name, max_bytes) for path, name in files]


def read_files(
    files: Iterable[tuple[Path, str, Extra]],
    max_bytes: int,
    processes: int,
    date_from_text: TextDateReader = default_date_from_text,
) -> Iterator[tuple[str, Extra, Parsed]]:
    """``(name, extra, parsed)`` for each ``(path, name, extra)`` of ``files`` (a stream), in that order. Worker
    processes only with the default date reader (another may not cross to a process) and ``processes`` > 1."""
    stream = iter(files)
    for count, (path, name, extra) in enumerate(stream, start=1):
        yield name, extra, read_file(path, name, max_bytes, date_from_text)
        if count == POOL_FROM_FILES and processes > 1 and date_from_text is default_date_from_text:
            yield from _read_in_workers(stream, max_bytes, processes)
            return


def _read_in_workers(
    files: Iterator[tuple[Path, str, Extra]], max_bytes: int, processes: int
) -> Iterator[tuple[str, Extra, Parsed]]:
    in_flight: deque[tuple[list[tuple[str, Extra]], Future[list[Parsed]]]] = deque()
    with ProcessPoolExecutor(processes, mp_context=get_context("spawn")) as pool:
        while True:
            chunk = [item for _, item in zip(range(CHUNK_FILES), files, strict=False)]
            if chunk:
                future = pool.submit(_read_chunk, [(path, name) for path, name, _ in chunk], max_bytes)
                in_flight.append(([(name, extra) for _, name, extra in chunk], future))
            if in_flight and (len(in_flight) > 2 * processes or not chunk):
                named, done = in_flight.popleft()
                for (name, extra), parsed in zip(named, done.result(), strict=True):
                    yield name, extra, parsed
            if not chunk and not in_flight:
                return
