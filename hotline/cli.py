"""The hotline command: run the pipeline, export, report, evaluate, document, and say how things stand.

Every option falls back to its HOTLINE_* variable through the one Settings (hotline.config). Nothing heavy is
imported until a command needs it, so hotline --help answers at once; the Dagster runner lives in orchestration/
and is loaded by name.
"""

from __future__ import annotations

import atexit
import contextlib
import enum
import functools
import gc
import http.server
import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from hotline.config import DBT_PROJECT_DIR, Settings

if TYPE_CHECKING:
    from hotline.console import PublishedStatus

EXIT_OK, EXIT_FAILED, EXIT_BUSY = 0, 1, 2
EXIT_CODES = "Exit codes: 0 published or done; 1 failed (nothing published); 2 busy (another run holds the warehouse)."

app = typer.Typer(
    name="hotline",
    help="Phone calls between heads of state, from news articles into a DuckDB warehouse.",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

Articles = Annotated[Path | None, typer.Option("--articles", help="Folder of articles (HOTLINE_ARTICLES_DIR).")]
Warehouse = Annotated[
    Path | None, typer.Option("--warehouse", help="The published DuckDB file (HOTLINE_WAREHOUSE_PATH).")
]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Show Dagster's event log and dbt's output too.")]


class Engine(enum.StrEnum):
    duckdb = "duckdb"
    spark = "spark"


EngineOption = Annotated[Engine | None, typer.Option("--engine", help="What dbt builds on (HOTLINE_ENGINE).")]


class Format(enum.StrEnum):
    parquet = "parquet"
    csv = "csv"


Command = TypeVar("Command", bound=Callable[..., Any])


def _errors_to_codes(command: Command) -> Command:
    """Turn the errors a person can act on into a message and an exit code instead of a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from hotline.warehouse import WarehouseBusyError
        from orchestration.manifest import ParseFailed  # no Dagster in it

        try:
            return command(*args, **kwargs)
        except WarehouseBusyError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(EXIT_BUSY) from exc
        except (FileNotFoundError, NotADirectoryError, ValueError, ParseFailed, subprocess.CalledProcessError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(EXIT_FAILED) from exc

    return wrapper  # type: ignore[return-value]


def _settings(**overrides: Any) -> Settings:
    return Settings.from_env().replace(**overrides)


@app.command(epilog=EXIT_CODES)
@_errors_to_codes
def run(
    articles: Articles = None, warehouse: Warehouse = None, engine: EngineOption = None, verbose: Verbose = False
) -> None:
    """Ingest, extract, dbt build, checks and publish: the whole pipeline once, recorded in DAGSTER_HOME.

    Bad content does not stop it (implausible facts are quarantined); a failed step or blocking check does,
    and then nothing is published.
    """
    settings = _settings(articles_dir=articles, warehouse_path=warehouse, engine=engine and engine.value)
    runner = importlib.import_module("orchestration.runner")
    code = runner.run(settings, verbose=verbose)
    # The run is recorded and its files are closed. When this process exits, its heap (Dagster's definitions, the
    # dbt manifest, Great Expectations) is freed whole: frozen first, the interpreter's last collections skip it
    # instead of walking it (2-4 s after a run at load 4-6, 0.2-0.4 s frozen).
    atexit.register(gc.freeze)
    raise typer.Exit(code)


@app.command(epilog=EXIT_CODES)
@_errors_to_codes
def export(
    fmt: Annotated[Format, typer.Option("--format", help="File format of the tables.")] = Format.parquet,
    to: Annotated[
        Path | None, typer.Option("--to", help="Folder to write (default: exports/FORMAT beside the warehouse).")
    ] = None,
    warehouse: Warehouse = None,
) -> None:
    """Write every table of the published warehouse as one file per table, with a manifest.json."""
    from hotline.export import export_marts

    settings = _settings(warehouse_path=warehouse)
    folder = (to or settings.exports_dir / fmt.value).resolve()
    written = export_marts(settings.warehouse_path, folder, fmt.value)
    typer.echo(f"exported {len(written)} files to {folder}")


@app.command(epilog=EXIT_CODES)
@_errors_to_codes
def report(
    to: Annotated[
        Path | None, typer.Option("--to", help="Folder to write (default: report/ beside the warehouse).")
    ] = None,
    warehouse: Warehouse = None,
) -> None:
    """Render the HTML report with its charts from the published warehouse."""
    from hotline.report import build_report

    settings = _settings(warehouse_path=warehouse)
    page = build_report(settings.warehouse_path, (to or settings.report_dir).resolve())
    typer.echo(f"report: {page}")


@app.command("eval", epilog="Exit codes: 0 scored; 1 the pipeline failed; 3 the labels are malformed.")
def evaluate(
    folder: Annotated[
        Path | None, typer.Argument(help="Labeled folder (HOTLINE_EVAL_DIR, default tests/eval/test).")
    ] = None,
    no_errors: Annotated[bool, typer.Option("--no-errors", help="Print the table of scores only.")] = False,
    warehouse: Annotated[
        Path | None, typer.Option("--warehouse", help="Score this built warehouse; do not run.")
    ] = None,
    raise_floors: Annotated[bool, typer.Option("--raise-floors", help="Raise the ratchet where figures rose.")] = False,
) -> None:
    """Score the pipeline on a labeled folder: precision, recall and F1 per field, then every error."""
    from hotline.evaluation.__main__ import main as evaluation_main

    argv = [str(folder)] if folder else []
    argv += ["--no-errors"] if no_errors else []
    argv += ["--warehouse", str(warehouse)] if warehouse else []
    argv += ["--raise-floors"] if raise_floors else []
    raise typer.Exit(evaluation_main(argv))


@app.command(epilog=EXIT_CODES)
@_errors_to_codes
def docs(
    serve: Annotated[bool, typer.Option("--serve", help="Serve the site on 127.0.0.1 after generating it.")] = False,
    port: Annotated[int, typer.Option("--port", help="Port to serve on.")] = 8080,
    warehouse: Warehouse = None,
) -> None:
    """Generate the dbt docs site (models, columns, tests, lineage) from the published warehouse, offline.

    dbt reads a copy of the published file, never the build file, so this works while a run is writing.
    """
    settings = _settings(warehouse_path=warehouse)
    site = generate_docs(settings)
    typer.echo(f"dbt docs: {site / 'static_index.html'} (a single file that opens offline)")
    if serve:
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
        with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
            typer.echo(f"serving http://127.0.0.1:{port}/ (Ctrl-C stops)")
            with contextlib.suppress(KeyboardInterrupt):
                server.serve_forever()


def generate_docs(settings: Settings) -> Path:
    """``dbt docs generate --static`` into ``docs/`` beside the warehouse, with the catalog read from a copy of
    the published file (it is replaced whole by each publish, never written in place, so a copy is a consistent
    snapshot); returns the folder."""
    from orchestration.manifest import build_path_vars  # no Dagster in it

    site = settings.warehouse_path.parent / "docs"
    site.mkdir(parents=True, exist_ok=True)
    copy = site / settings.warehouse_path.name  # same file name: the same database name as the build
    if not settings.warehouse_path.exists():
        raise FileNotFoundError(f"no warehouse at {settings.warehouse_path}: run the pipeline first (hotline run)")
    shutil.copyfile(settings.warehouse_path, copy)
    copy.chmod(0o644)
    try:
        subprocess.run(
            [
                str(Path(sys.executable).with_name("dbt")),
                "docs",
                "generate",
                "--static",
                "--quiet",
                *("--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)),
                *("--target-path", str(site), "--log-path", str(site)),
                *build_path_vars(copy),
            ],
            cwd=DBT_PROJECT_DIR,
            env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"},
            check=True,
        )
    finally:
        copy.unlink(missing_ok=True)
    return site


@app.command(epilog=EXIT_CODES)
@_errors_to_codes
def status(warehouse: Warehouse = None) -> None:
    """How things stand: the last run, the published marts, quarantined facts, rejected files, validation."""
    from hotline.console import render_status

    settings = _settings(warehouse_path=warehouse)
    last = importlib.import_module("orchestration.runner").last_run(settings)
    published = read_status(settings.warehouse_path) if settings.warehouse_path.exists() else None
    render_status(settings.warehouse_path, last, published)
    if published is None:
        raise typer.Exit(EXIT_FAILED)


QUARANTINE_LISTED = 200


def read_status(path: Path) -> PublishedStatus:
    """Row counts of the marts and the audit tables of the published file, read-only."""
    from hotline.console import PublishedStatus
    from hotline.warehouse import connect_read_only

    con = connect_read_only(path)
    try:

        def rows(sql: str) -> list[dict[str, Any]]:
            cursor = con.execute(sql)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

        tables = [row["table_name"] for row in rows(TABLES_SQL)]
        marts = {table: con.execute(f'select count(*) from marts."{table}"').fetchone()[0] for table in tables}
        return PublishedStatus(
            marts=marts,
            validation=rows("select * from audit.validation_results order by suite_name, table_name"),
            quarantined_total=con.execute("select count(*) from audit.quarantined_facts").fetchone()[0],
            quarantined=rows(
                "select source_name, rule, reason from audit.quarantined_facts "
                f"order by rule, source_name limit {QUARANTINE_LISTED}"
            ),
            rejected=rows("select source_name, reason from audit.rejected_articles order by source_name"),
        )
    finally:
        con.close()


TABLES_SQL = "select table_name from duckdb_tables() where schema_name = 'marts' order by table_name"


@app.command(epilog="Exit codes: 0 parsed or already current; 1 dbt parse failed.")
@_errors_to_codes
def manifest(warehouse: Warehouse = None) -> None:
    """Parse the dbt project into dbt_project/target, only when it changed since the last parse."""
    from orchestration.manifest import ensure_manifest

    seconds = ensure_manifest(_settings(warehouse_path=warehouse).build_path)
    typer.echo("dbt manifest is current" if seconds is None else f"dbt manifest parsed in {seconds:.1f}s")


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []},
    epilog="Exit codes: 0 written; 1 the arguments or the folder were refused.",
)
def generate(ctx: typer.Context) -> int:
    """Write N generated articles with known truth to DIR: hotline generate N DIR [--seed S] [--bad-share F]."""
    from hotline.generate import main as generate_main

    try:
        return int(generate_main(ctx.args))
    except SystemExit as exc:  # argparse: --help (0) or a command line it cannot read (2, which means busy here)
        return EXIT_OK if exc.code in (0, None) else EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    """The console script: run the command line, return its exit code. A command line it cannot read is 1, not
    click's usual 2, so that 2 always means busy."""
    try:
        result = app(args=list(argv) if argv is not None else None, standalone_mode=False, prog_name="hotline")
    except typer.Abort:
        typer.echo("aborted", err=True)
        return EXIT_FAILED
    except Exception as exc:
        if not callable(getattr(exc, "show", None)):  # click's usage errors (typer vendors click) can show themselves
            raise
        exc.show()
        return EXIT_FAILED
    return result if isinstance(result, int) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
