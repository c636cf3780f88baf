"""The walk of an articles folder: depth-first in the byte order of the relative POSIX paths, hidden folders, symlink
loops and second links to a folder rejected unread (see :mod:`hotline.articles`)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from hotline.facts import Rejection


def walk(root: Path) -> Iterator[tuple[Path, str] | Rejection]:
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
        source_name = prefix + safe_name(entry.name)
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
            yield Rejection(source_name, f"unreadable folder: {os_reason(exc)}")
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


def safe_name(name: str) -> str:
    """The name as valid UTF-8: bytes the OS could not decode are written as ``\\xNN``."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def os_reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
