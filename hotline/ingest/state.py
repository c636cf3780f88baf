"""What the build file remembers between runs, so a run reads and extracts only what changed.

Schema ``state`` of the build file (never published):

* ``state.files``: each file read, with its size, mtime and ctime (the first filter) and the sha256 of its bytes
  when it held an article (the confirmation: a file touched but not changed is not parsed again);
* ``state.parsed``: every article those files held, duplicates included, in the columns of ``raw.articles`` plus
  where it sits (``file_name``, ``position``) and ``is_first`` (the first of its content in walk order);
* ``state.rejections``: the records of those files that were rejected, with their reasons;
* ``state.unread``: what this run's walk rejected without reading a file (hidden, broken link...), written anew;
* ``state.extracted``: the articles whose facts are in the ``raw`` fact tables (from which ``source_name``, and
  the reason when extraction ran over its time budget);
* ``state.replaced``: what the files read again held when the last ingest ended, until this one ends (files are
  written in committed batches of :data:`INGEST_BATCH_CHARS`, so memory stays flat in corpus size; an ingest that
  stopped half-way is finished right by the next);
* ``state.meta``: the :func:`extractor_version` all of it was made with. Another version (the extractor, its rules,
  the reference data, ingest itself or a limit changed) empties everything: every file is read again.

``raw.articles`` is a view of the first of each content in ``state.parsed`` (what :func:`hotline.articles.load_corpus`
keeps), the fact tables keep their rows between runs (deleted and inserted per article), ``raw.rejected_articles``
is written anew each run (a rejection keeps its first ``rejected_at``), and ``raw.removed_articles`` lists the
articles that left because their file was deleted or changed, until the same content comes back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from hotline.articles import TextDateReader, default_date_from_text, read_hashed, read_records, walk_folder
from hotline.config import PROJECT_ROOT, REFERENCE_DIR, Settings
from hotline.facts import Article, ArticleFacts, Rejection
from hotline.normalize import FACT_TABLES, to_frames
from hotline.schemas import RAW_TABLES
from hotline.warehouse import transaction

VERSION_SOURCES = (
    "hotline/extract/**/*.py",
    "hotline/extract/**/*.yaml",
    "hotline/ingest/*.py",
    "hotline/articles.py",
    "hotline/text.py",
    "hotline/facts.py",
    "hotline/schemas.py",
    "hotline/normalize.py",
    "hotline/reference.py",
)
"""The code and rules whose output the build file keeps; with the reference seeds, the extractor version."""
STATE_TABLES = {
    "meta": "name string, value string",
    "files": "file_name string, size bigint, mtime_ns bigint, ctime_ns bigint, file_hash string",
    "rejections": "file_name string, position int, source_name string, reason string, byte_size bigint",
    "extracted": "article_id string, source_name string, reason string",
    "unread": "source_name string, reason string, byte_size bigint",
    "replaced": "article_id string, file_name string, source_name string, is_first boolean, row_hash string",
}
_ARTICLE_COLUMNS = RAW_TABLES["articles"].names()
_HASH_CHUNK = 1 << 20
INGEST_BATCH_CHARS = 32_000_000
"""Characters of article text parsed before they are written to the build file (memory flat in corpus size)."""
TABLES_OF = "select table_name from duckdb_tables() where schema_name = ?"
_ROW_HASH = f"md5(cast(row({', '.join(_ARTICLE_COLUMNS)}) as string))"
"""A digest of an article's row in ``state.parsed``: what its facts were extracted from."""


def extractor_version(settings: Settings, root: Path = PROJECT_ROOT, seeds: Path = REFERENCE_DIR) -> str:
    """sha256 of every file in :data:`VERSION_SOURCES` (under ``root``), the reference seeds and the limits that
    decide what a file yields (size limit, extraction time budget). Compute it once per run."""
    digest = hashlib.sha256()
    files = {path for pattern in VERSION_SOURCES for path in root.glob(pattern)} | set(seeds.glob("*.csv"))
    for path in sorted(files):
        name = path.relative_to(seeds if path.is_relative_to(seeds) else root).as_posix()
        digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    digest.update(f"max_bytes={settings.max_article_bytes};budget={settings.article_timeout_seconds}".encode())
    return digest.hexdigest()


@dataclass
class IngestReport:
    """What an incremental ingest did."""

    files: int = 0
    """Files the folder holds (and folders rejected unread)."""
    read: int = 0
    """Files parsed this run (new or changed)."""
    confirmed: int = 0
    """Files whose size or times changed but whose bytes did not (hashed, not parsed)."""
    added: list[str] = field(default_factory=list)
    """Articles new in ``raw.articles`` (ids)."""
    removed: list[str] = field(default_factory=list)
    """Articles that left ``raw.articles`` (ids)."""
    articles: int = 0
    rejected: int = 0
    reset: str | None = None
    """Why everything was read again (no state yet, another extractor version); None when incremental."""

    @property
    def unchanged(self) -> int:
        return self.files - self.read

    @property
    def changed(self) -> bool:
        return bool(self.read or self.added or self.removed or self.reset)


@dataclass
class _Scan:
    """What the walk saw; the files to parse again go to the database in batches (:data:`INGEST_BATCH_CHARS`)."""

    transient: list[Rejection] = field(default_factory=list)
    confirmed: list[tuple[str, os.stat_result]] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    files: int = 0
    read: int = 0


_Changed = dict[str, tuple[os.stat_result, str | None, list[Article | Rejection]]]
"""Files parsed again in one batch: their stat, hash and records."""


# --------------------------------------------------------------------------------------------------- ingest


def ingest(
    settings: Settings,
    version: str,
    *,
    date_from_text: TextDateReader = default_date_from_text,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Bring ``raw.articles``, ``raw.rejected_articles`` and ``raw.removed_articles`` of the build file up to date
    with the articles folder, reading only files that are new or changed since the last run. Facts of articles
    that left or changed are deleted; :func:`pending_articles` then lists what to extract."""
    report = IngestReport()
    with transaction(settings.build_path, "raw", "state") as con:
        report.reset = _ensure_state(con, version)
    known = _known_files(settings.build_path)
    scan = _Scan()
    for changed in _scan(settings.articles_dir, known, settings.max_article_bytes, date_from_text, on_progress, scan):
        with transaction(settings.build_path, "state") as con:  # one batch at a time: memory stays that of a batch
            _replace_files(con, changed.keys(), changed)
    report.files, report.read, report.confirmed = scan.files, scan.read, len(scan.confirmed)
    with transaction(settings.build_path, "raw", "state") as con:
        _replace_files(con, set(known) - scan.seen, {})
        before = {  # the first of each content when the last ingest ended: still there, or replaced since
            article_id: (file_name, source_name)
            for article_id, file_name, source_name in con.execute(
                "select article_id, file_name, source_name from state.parsed where is_first union all "
                "select article_id, file_name, source_name from state.replaced where is_first"
            ).fetchall()
        }
        _settle(con, scan.confirmed)
        after = {row[0] for row in con.execute("select article_id from state.parsed where is_first").fetchall()}
        report.added = sorted(after - set(before))
        report.removed = sorted(set(before) - after)
        _record_removed(con, before, after, scan)
        _forget_stale_facts(con)
        con.execute("delete from state.unread")
        insert_rows(con, "state.unread", [(r.source_name, r.reason, r.byte_size) for r in scan.transient])
        report.rejected = write_rejected(con)
        report.articles = len(after)
    return report


def _ensure_state(con: duckdb.DuckDBPyConnection, version: str) -> str | None:
    """Create the state tables; empty them and the raw tables when they were made by another version."""
    tables = {row[0] for row in con.execute(TABLES_OF, ["state"]).fetchall()}
    stored = None
    if "meta" in tables:
        row = con.execute("select value from state.meta where name = 'extractor_version'").fetchone()
        stored = row[0] if row else None
    if stored == version:
        return None
    for name, columns in STATE_TABLES.items():
        con.execute(f"create or replace table state.{name} ({columns})")
    empty = pl.DataFrame(schema=RAW_TABLES["articles"]).with_columns(
        file_name=pl.lit(None, pl.String), position=pl.lit(None, pl.Int32), is_first=pl.lit(None, pl.Boolean)
    )
    con.register("_empty_parsed", empty.to_arrow())
    con.execute("create or replace table state.parsed as select * from _empty_parsed")
    con.unregister("_empty_parsed")
    kind = con.execute(
        "select table_type from information_schema.tables where table_schema = 'raw' and table_name = 'articles'"
    ).fetchone()
    if kind is not None:  # a build file of an older layout may hold it as a table
        con.execute(f"drop {'view' if kind[0] == 'VIEW' else 'table'} raw.articles")
    con.execute(f"create view raw.articles as select {', '.join(_ARTICLE_COLUMNS)} from state.parsed where is_first")
    for table, schema in RAW_TABLES.items():
        if table != "articles":
            con.register("_empty", pl.DataFrame(schema=schema).to_arrow())
            con.execute(f"create or replace table raw.{table} as select * from _empty")
            con.unregister("_empty")
    con.execute("insert into state.meta values ('extractor_version', ?)", [version])
    return "first run on this build file" if stored is None else "the extractor, its rules or reference data changed"


def _known_files(build_path: Path) -> dict[str, tuple[int, int, int, str | None]]:
    with transaction(build_path) as con:
        rows = con.execute("select file_name, size, mtime_ns, ctime_ns, file_hash from state.files").fetchall()
    return {name: (size, mtime, ctime, digest) for name, size, mtime, ctime, digest in rows}


def _scan(
    folder: Path,
    known: Mapping[str, tuple[int, int, int, str | None]],
    max_bytes: int,
    date_from_text: TextDateReader,
    on_progress: Callable[[int], None] | None,
    scan: _Scan,
) -> Iterator[_Changed]:
    """Walk the folder; parse only files whose size or times changed and whose bytes (hashed) changed too. Yields
    the parsed files in batches of about :data:`INGEST_BATCH_CHARS` characters of text (memory stays flat however
    many files change); what else the walk sees goes into ``scan``."""
    changed: _Changed = {}
    chars = 0
    for scan.files, item in enumerate(walk_folder(folder), start=1):
        if on_progress is not None:
            on_progress(scan.files)
        if isinstance(item, Rejection):
            scan.transient.append(item)
            continue
        path, name = item
        try:
            stat = path.stat()
        except OSError:  # broken link, loop, vanished: read_records says why, every run
            scan.transient.extend(r for r in read_records(path, name, max_bytes) if isinstance(r, Rejection))
            continue
        scan.seen.add(name)
        old = known.get(name)
        if old is not None and old[:3] == (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns):
            continue
        if old is not None and old[3] is not None and _file_hash(path) == old[3]:
            scan.confirmed.append((name, stat))
            continue
        records, digest = read_hashed(path, name, max_bytes, date_from_text=date_from_text)
        held = any(isinstance(r, Article) for r in records)
        digest = (digest or _file_hash(path)) if held else None  # a feed is read as a stream: hashed apart
        changed[name] = (stat, digest, records)
        scan.read += 1
        chars += sum(len(r.text) for r in records if isinstance(r, Article))
        if chars >= INGEST_BATCH_CHARS:
            yield changed
            changed, chars = {}, 0
    if changed:
        yield changed


def _file_hash(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_HASH_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _replace_files(con: duckdb.DuckDBPyConnection, stale: Iterable[str], changed: _Changed) -> None:
    """Forget what the ``stale`` files held and write what the ``changed`` files hold now (a changed file is also
    stale; a deleted one has nothing new). What the files held when the last ingest ended goes to
    ``state.replaced`` (each article's place, whether it was the first of its content, and a hash of its row), for
    :func:`_settle`: an article parsed again the same keeps its facts. Rows this ingest wrote are not kept there,
    so an ingest that stopped half-way is finished right by the next one."""
    names = pl.DataFrame({"file_name": sorted(stale)}, schema={"file_name": pl.String})
    con.register("_stale", names.to_arrow())
    con.execute(
        f"insert into state.replaced select article_id, file_name, source_name, is_first, {_ROW_HASH} as row_hash "
        "from state.parsed where file_name in (select file_name from _stale) "
        "and source_name not in (select source_name from state.replaced)"
    )
    for table in ("files", "parsed", "rejections"):
        con.execute(f"delete from state.{table} where file_name in (select file_name from _stale)")
    con.unregister("_stale")
    files, parsed, rejections = [], [], []
    for name, (stat, digest, records) in changed.items():
        files.append((name, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, digest))
        for position, record in enumerate(records):
            if isinstance(record, Article):
                parsed.append((name, position, record))
            else:
                rejections.append((name, position, record.source_name, record.reason, record.byte_size))
    insert_rows(con, "state.files", files)
    insert_rows(con, "state.rejections", rejections)
    if parsed:
        frame = to_frames([ArticleFacts(article=article) for _, _, article in parsed])["articles"]
        # to_frames sorts by article_id: put each row's place back beside it
        places = pl.DataFrame(
            {
                "article_id": [a.article_id for _, _, a in parsed],
                "source_name": [a.source_name for _, _, a in parsed],
                "file_name": [name for name, _, _ in parsed],
                "position": [position for _, position, _ in parsed],
            },
            schema_overrides={"position": pl.Int32},
        )
        frame = frame.join(places, on=["article_id", "source_name"], how="inner").with_columns(is_first=pl.lit(False))
        con.register("_parsed", frame.to_arrow())
        con.execute("insert into state.parsed by name select * from _parsed")
        con.unregister("_parsed")


def _settle(con: duckdb.DuckDBPyConnection, confirmed: list[tuple[str, os.stat_result]]) -> None:
    """Once every file is replaced: new times of files touched but not changed, facts of an article parsed again
    with other metadata (a date, a title) forgotten (it is extracted again), and the first of each content."""
    for name, stat in confirmed:
        con.execute(
            "update state.files set size = ?, mtime_ns = ?, ctime_ns = ? where file_name = ?",
            [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, name],
        )
    con.execute(
        "delete from state.extracted where source_name in (select source_name from state.replaced) and source_name "
        f"not in (select source_name from (select source_name, {_ROW_HASH} as row_hash from state.parsed) as parsed "
        "join state.replaced using (source_name, row_hash))"
    )
    con.execute("delete from state.replaced")
    con.execute(
        "update state.parsed as parsed set is_first = ranked.rank = 1 from (select file_name, position, "
        "row_number() over (partition by article_id order by file_name, position) as rank from state.parsed) as ranked "
        "where parsed.file_name = ranked.file_name and parsed.position = ranked.position "
        "and parsed.is_first is distinct from (ranked.rank = 1)"
    )


def _record_removed(
    con: duckdb.DuckDBPyConnection, before: Mapping[str, tuple[str, str]], after: set[str], scan: _Scan
) -> None:
    """List the articles that left (their file deleted, or changed to other content); forget those back."""
    now = dt.datetime.now(dt.UTC)
    rows = []
    for article_id in sorted(set(before) - after):
        file_name, source_name = before[article_id]
        reason = "its file was changed" if file_name in scan.seen else "its file was deleted"
        rows.append((article_id, source_name, reason, now))
    con.execute(
        "delete from raw.removed_articles where article_id in (select article_id from state.parsed where is_first)"
    )
    if rows:
        removed = {row[0] for row in rows}
        con.execute("delete from raw.removed_articles where list_contains(?, article_id)", [sorted(removed)])
        insert_rows(con, "raw.removed_articles", rows)


def _forget_stale_facts(con: duckdb.DuckDBPyConnection) -> None:
    """Delete the facts of articles no longer in ``raw.articles`` as they were extracted: gone, another file now
    first with that content, or its file parsed again (``_apply`` forgot those). Facts exist only for articles
    in ``state.extracted``."""
    con.execute(
        "delete from state.extracted where not exists (select 1 from state.parsed where parsed.is_first "
        "and parsed.article_id = extracted.article_id and parsed.source_name = extracted.source_name)"
    )
    for table in FACT_TABLES:
        con.execute(f"delete from raw.{table} where article_id not in (select article_id from state.extracted)")


def write_rejected(con: duckdb.DuckDBPyConnection) -> int:
    """Write ``raw.rejected_articles`` anew: files this run rejected unread, records rejected when their file was
    read, duplicates (not first of their content) and articles over the extraction budget. A rejection seen
    before keeps its ``rejected_at``. Returns the rows written."""
    now = dt.datetime.now(dt.UTC)
    con.execute(
        """
        create or replace temp table _rejected as
        with current_rejections as (
            select source_name, reason, byte_size from state.unread
            union all
            select source_name, reason, byte_size from state.rejections
            union all
            select duplicate.source_name, 'duplicate of ' || first.source_name || ' (same content)', duplicate.byte_size
            from state.parsed as duplicate
            join state.parsed as first on first.article_id = duplicate.article_id and first.is_first
            where not duplicate.is_first
            union all
            select extracted.source_name, extracted.reason, articles.byte_size
            from state.extracted as extracted join raw.articles as articles using (article_id)
            where extracted.reason is not null
        )
        select current_rejections.*, coalesce(earlier.rejected_at, ?) as rejected_at
        from current_rejections
        left join raw.rejected_articles as earlier
            on earlier.source_name = current_rejections.source_name and earlier.reason = current_rejections.reason
        order by source_name, reason
        """,
        [now],
    )
    con.execute("delete from raw.rejected_articles")
    con.execute("insert into raw.rejected_articles by name select * from _rejected")
    count = con.execute("select count(*) from _rejected").fetchone()
    con.execute("drop table _rejected")
    return int(count[0]) if count else 0


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[object, ...]]) -> None:
    """Insert ``rows`` into ``table`` (a fixed name of this module) in one go, through Arrow (``executemany`` goes
    row by row: seconds for ten thousand files)."""
    if not rows:
        return
    columns = [f"column_{i}" for i in range(len(rows[0]))]
    con.register("_rows", pl.DataFrame(rows, schema=columns, orient="row", infer_schema_length=None).to_arrow())
    con.execute(f"insert into {table} select * from _rows")
    con.unregister("_rows")
