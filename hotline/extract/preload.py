"""Imported once by the extraction workers' fork server (:mod:`hotline.extract.workers`), before it forks any
worker: the extractor's modules, the reference data and every pattern a first article compiles, inherited
ready by every worker forked from it.

The objects are then frozen out of the garbage collector's reach (:func:`gc.freeze`): a worker's collections
skip them instead of walking (and so copying) every page it shares with the server. A failure here is left for
the worker to meet again and report (:func:`hotline.extract.workers.warm_up` runs in it too, at once when ready).
"""

from __future__ import annotations

import contextlib
import gc

with contextlib.suppress(Exception):
    from hotline.extract.workers import warm_up

    warm_up()
gc.freeze()
