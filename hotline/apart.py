"""Run one function in a fresh Python process of its own and return its result (or raise its exception).

For steps whose memory should not add to their caller's: DuckDB holds up to its memory limit while it copies the
warehouse (publish, exports), and a long-lived process keeps what it once held. Apart, the step's peak is its own,
the caller's stays the caller's, and what the step held goes back to the system when it ends. The process is
started with "spawn", not "fork": polars and DuckDB run thread pools, and a forked child of a threaded parent can
deadlock. Arguments, result and exception cross by pickle.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


def apart(func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``func(*args, **kwargs)`` in a process of its own (``func`` importable by name: a module's function)."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(func, args, kwargs)
