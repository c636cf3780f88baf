"""How the extraction workers of :mod:`hotline.extract.budget` start: forked ready from a fork server.

A worker loads the extractor's modules, the reference data, and compiles every pattern before it takes an article
(so that one-time cost is never charged to an article's budget). Spawned, each worker paid it anew: 2 s of CPU,
a worker per core and again for each one that replaced a worker killed over its budget. Forked from a fork server
(:data:`START_METHOD`), it is paid once: the server is a fresh single-threaded process that imports
:mod:`hotline.extract.preload` (the modules, the reference data and a warm-up article: 1.2-1.5 s of CPU, mostly
compiling regular expressions), and every worker forked from it starts ready for about 0.2 s of CPU. Never a
plain fork of the pipeline's process: polars and DuckDB run threads, and a forked child of a threaded parent can
deadlock. "spawn" where the platform has no fork server.

The server lives as long as the process that started it; :func:`start_workers_early` starts it ahead of need, so
it loads while the articles to extract are being listed. The reference data a worker uses is the server's, read
when the server started (as a process's own extraction uses the data it read first).
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.context import BaseContext

from hotline.extract import extract_article
from hotline.facts import Article
from hotline.reference import Reference, load_reference

START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
"""How workers start: forked from a fork server that imported :mod:`hotline.extract.preload`, else spawned."""
PRELOAD = ["__main__", "hotline.extract.preload"]
"""What the fork server imports before it forks a worker (``__main__``: the program, as every worker needs it)."""

_WARM_UP_TEXT = "Trump spoke by phone with Sheinbaum on Monday about the 25% tariffs on Mexican steel."
_WARM_UP = Article("0" * 16, "warm-up", "txt", "warm-up", _WARM_UP_TEXT, "0" * 64, "utf-8", len(_WARM_UP_TEXT))


def warm_up() -> Reference:
    """The reference data, with every pattern the extractor compiles on its first article compiled."""
    reference = load_reference()
    extract_article(_WARM_UP, reference)
    return reference


def context() -> BaseContext:
    """The multiprocessing context workers start in (the fork server told what to load first)."""
    started = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        # the one fork server of the process: one another library started first without it is only slower
        started.set_forkserver_preload(PRELOAD)  # type: ignore[attr-defined]
    return started


def start_workers_early() -> None:
    """Start the fork server now, without waiting for it: it loads the extractor while the caller goes on, so
    the first worker starts at once. Nothing with "spawn"."""
    if START_METHOD == "forkserver":
        context()
        from multiprocessing import forkserver

        forkserver.ensure_running()
