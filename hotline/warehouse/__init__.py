"""DuckDB I/O: one writer at a time, Arrow writes into ``raw``, atomic publish, read-only reads.

DuckDB lets one process write a database file, and a read-only open fails while a writer holds it. So:

* every writer takes :func:`writer_lock` (an ``fcntl`` lock next to the published file) and turns a
  conflict into :class:`WarehouseBusyError` with the holder's pid, instead of DuckDB's raw lock error;
* ingest, extract and dbt write a private *build* file (``settings.build_path``); BI tools only ever open
  the *published* file, which :func:`publish` replaces in one ``os.replace`` (readers that already have
  it open keep reading the old copy until they reconnect);
* SQL takes bound parameters, and the only identifiers ever spliced into SQL come from fixed allow-lists
  (:data:`hotline.schemas.RAW_TABLES`, :data:`AUDIT_TABLES`) or match :data:`QUALIFIED_NAME`.
"""

from hotline.warehouse.core import (
    AUDIT_TABLES,
    DUCKDB_MEMORY_LIMIT,
    QUALIFIED_NAME,
    conform_raw,
    connect_build,
    connect_read_only,
    read_table,
    record_validation,
    transaction,
    write_audit_table,
    write_raw_tables,
)
from hotline.warehouse.locking import LockHolder, WarehouseBusyError, lock_holder, writer_lock
from hotline.warehouse.publishing import (
    PUBLISHED_SCHEMAS,
    STORAGE_VERSION,
    UNCOMPARED_COLUMNS,
    file_stamp,
    pid_alive,
    publish,
    remove_stale_publish_files,
    spare_path,
)

__all__ = [
    "AUDIT_TABLES",
    "DUCKDB_MEMORY_LIMIT",
    "PUBLISHED_SCHEMAS",
    "QUALIFIED_NAME",
    "STORAGE_VERSION",
    "UNCOMPARED_COLUMNS",
    "LockHolder",
    "WarehouseBusyError",
    "conform_raw",
    "connect_build",
    "connect_read_only",
    "file_stamp",
    "lock_holder",
    "pid_alive",
    "publish",
    "read_table",
    "record_validation",
    "remove_stale_publish_files",
    "spare_path",
    "transaction",
    "write_audit_table",
    "write_raw_tables",
    "writer_lock",
]
