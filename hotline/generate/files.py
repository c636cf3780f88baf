"""Drafts → files in every format ingest reads, and the bad files it must reject, with the reason it gives.

Layout under the articles folder: ``YYYY/MM/<outlet>-<call>-<k>.{txt,md,json}`` by publication month, and
``feeds/feed-<chunk>-<n>.jsonl`` feeds of up to :data:`FEED_LINES` lines (an article in a feed is named
``feeds/feed-....jsonl#<line>``, as ingest names it). Bad files sit among the good ones.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import unicodedata
from pathlib import Path
from typing import IO, Any

from hotline.generate.plan import pick
from hotline.generate.render import Draft

FEED_LINES = 1_000
FORMATS = {
    "wire": {"txt": 0.55, "jsonl": 0.45},
    "press": {"md": 0.45, "txt": 0.3, "json": 0.25},
    "broadcast": {"json": 0.4, "jsonl": 0.4, "md": 0.2},
    "readout": {"md": 0.6, "json": 0.4},
}
OVERSIZE_BYTES = 2_100_000
"""Over the default HOTLINE_MAX_ARTICLE_BYTES (2,000,000)."""
REASONS = {
    "binary": "binary content",
    "empty": "empty file",
    "bad_json": "invalid JSON",
    "bad_jsonl_line": "invalid JSON",
    "wrong_extension": "unsupported file type",
    "duplicate": "duplicate of",
    "unclosed_front_matter": "front matter opened with '---' on line 1 is never closed",
    "json_without_text": "JSON article has no text",
    "oversize": "over the",
}
"""What ``hotline.articles.load_corpus`` says about each kind of bad file (a part of its reason)."""
_SLUG = re.compile(r"[^a-z0-9]+")


class ChunkWriter:
    """Writes the drafts and bad files of one chunk; feeds are named after the chunk, so chunks never collide."""

    def __init__(self, root: Path, chunk: int, formats: tuple[str, ...] | None = None) -> None:
        self.root = root
        self.chunk = chunk
        self.formats = formats
        self.folders: set[Path] = set()
        self.feed: IO[str] | None = None
        self.feed_name = ""
        self.feed_count = 0
        self.feed_lines = 0
        self.last_single: str | None = None
        self.counts: dict[str, int] = {}
        self.words = 0

    def close(self) -> None:
        if self.feed is not None:
            self.feed.close()
            self.feed = None

    def write(self, rng: random.Random, draft: Draft, stem: str) -> str:
        """Write one article; returns its source name (what ingest will call it)."""
        choices = FORMATS[draft.outlet["kind"]]
        if self.formats:
            choices = dict.fromkeys(self.formats, 1.0)
        fmt = pick(rng, choices)
        self.counts[fmt] = self.counts.get(fmt, 0) + 1
        self.words += draft.words
        if fmt == "jsonl":
            return self._feed_line(json.dumps(_json(rng, draft), ensure_ascii=False))
        name = f"{draft.published:%Y/%m}/{draft.slug}-{stem}.{fmt}"
        text = _txt(rng, draft) if fmt == "txt" else _md(rng, draft) if fmt == "md" else _json_file(rng, draft)
        self._path(name).write_text(text, encoding="utf-8")
        self.last_single = name
        return name

    def bad(self, rng: random.Random, index: int, kind: str, day: dt.date) -> dict[str, str]:
        """Write one bad file (or feed line) of ``kind``; returns its truth: name, kind and the expected reason."""
        folder = f"{day:%Y/%m}"
        reason = REASONS[kind]
        if kind == "duplicate" and self.last_single is None:
            kind, reason = "binary", REASONS["binary"]
        if kind == "bad_jsonl_line":
            name = self._feed_line('{"title": "Late edition", "text": "The statement was cut off mid-sen')
            return {"name": name, "kind": kind, "reason": reason}
        if kind == "duplicate":
            assert self.last_single is not None
            original = self.last_single
            stem, _, suffix = original.rpartition(".")
            name = f"{stem}_{index + 1}.{suffix}"  # "_" sorts after ".": the copy is the one rejected
            self._path(name).write_bytes((self.root / original).read_bytes())
            return {"name": name, "kind": kind, "reason": f"{reason} {original}"}
        name, data = _bad_file(rng, index, kind, folder)
        self._path(name).write_bytes(data)
        return {"name": name, "kind": kind, "reason": reason}

    def _path(self, name: str) -> Path:
        path = self.root / name
        if path.parent not in self.folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(path.parent)
        return path

    def _feed_line(self, line: str) -> str:
        if self.feed is None or self.feed_lines >= FEED_LINES:
            self.close()
            self.feed_count += 1
            self.feed_name = f"feeds/feed-{self.chunk:04d}-{self.feed_count:02d}.jsonl"
            self.feed = self._path(self.feed_name).open("w", encoding="utf-8", newline="\n")
            self.feed_lines = 0
        self.feed.write(line + "\n")
        self.feed_lines += 1
        return f"{self.feed_name}#{self.feed_lines}"


def _meta_date(rng: random.Random, draft: Draft, *, rfc: bool) -> str:
    day = draft.published
    hour, minute = rng.randint(5, 22), rng.randint(0, 59)
    forms = [day.isoformat(), f"{day.isoformat()}T{hour:02d}:{minute:02d}:00Z"]
    if draft.language == "en":
        forms.append(f"{day:%B} {day.day}, {day.year}")
    if rfc:
        forms.append(f"{day:%a}, {day:%d} {day:%b} {day.year} {hour:02d}:{minute:02d}:00 +0000")
    return rng.choice(forms)


def _url(draft: Draft) -> str:
    ascii_title = unicodedata.normalize("NFKD", draft.title).encode("ascii", "ignore").decode("ascii").lower()
    slug = _SLUG.sub("-", ascii_title).strip("-")[:80]
    return f"https://{draft.outlet['domain']}/{draft.published:%Y/%m/%d}/{slug}"


def _body(draft: Draft, dated: bool) -> str:
    """The paragraphs; when the metadata does not date the article, a dateline opens it."""
    paragraphs = list(draft.paragraphs)
    if not dated:
        paragraphs[0] = f"{draft.dateline} {paragraphs[0]}"
    return "\n\n".join(paragraphs) + "\n"


def _txt(rng: random.Random, draft: Draft) -> str:
    if rng.random() < 0.7:
        return f"{draft.title}\n\n{_body(draft, dated=False)}"
    return f"{draft.title}\n{draft.date_line}\n\n{_body(draft, dated=True)}"


def _md(rng: random.Random, draft: Draft) -> str:
    dated = rng.random() < 0.9
    lines = ["---", f"title: {json.dumps(draft.title, ensure_ascii=False)}"]
    if dated:
        lines.append(f"published_at: {json.dumps(_meta_date(rng, draft, rfc=False))}")
    lines += [f"source: {json.dumps(draft.outlet['name'], ensure_ascii=False)}", f"url: {_url(draft)}", "---", ""]
    heading = f"# {draft.title}\n\n" if rng.random() < 0.5 else ""
    return "\n".join(lines) + heading + _body(draft, dated)


def _json(rng: random.Random, draft: Draft) -> dict[str, Any]:
    dated = rng.random() < 0.9
    obj: dict[str, Any] = {"title": draft.title}
    if dated:
        obj["published_at"] = _meta_date(rng, draft, rfc=True)
    obj["source"] = draft.outlet["name"]
    obj["url"] = _url(draft)
    obj[rng.choice(("text", "text", "body", "content"))] = _body(draft, dated).rstrip("\n")
    return obj


def _json_file(rng: random.Random, draft: Draft) -> str:
    return json.dumps(_json(rng, draft), ensure_ascii=False, indent=2) + "\n"


def _bad_file(rng: random.Random, index: int, kind: str, folder: str) -> tuple[str, bytes]:
    if kind == "binary":
        return f"{folder}/scan-{index:06d}.txt", b"%PDF-1.7\n\x00\x01" + rng.randbytes(4096)
    if kind == "empty":
        return f"{folder}/draft-{index:06d}.md", b""
    if kind == "bad_json":
        return f"{folder}/export-{index:06d}.json", b'{"title": "Evening wrap", "text": "Leaders spoke about'
    if kind == "wrong_extension":
        suffix = rng.choice(("pdf", "docx", "html", "csv", "xml"))
        return f"{folder}/attachment-{index:06d}.{suffix}", b"Attachment sent with the evening newsletter.\n"
    if kind == "unclosed_front_matter":
        return f"{folder}/note-{index:06d}.md", b"---\ntitle: Unfinished note\nsource: desk\n\nThe body never came.\n"
    if kind == "json_without_text":
        return f"{folder}/meta-{index:06d}.json", b'{"title": "Photo gallery", "published_at": "2020-01-01"}\n'
    if kind == "oversize":
        line = b"Transcript of a long parliamentary session, kept for the archive.\n"
        return f"{folder}/transcript-{index:06d}.txt", line * (OVERSIZE_BYTES // len(line) + 1)
    raise ValueError(f"unknown kind of bad file: {kind}")
