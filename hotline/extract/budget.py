"""A batch of articles extracted with a time budget per article (``HOTLINE_ARTICLE_TIMEOUT_SECONDS``).

Extraction is linear in an article's length, yet one pathological article must not hold up a run. Each article
is extracted in a worker process; a worker that spends longer than the budget on an article is killed, the
article becomes a :class:`~hotline.facts.Rejection` saying so, and a fresh worker carries on with the articles
after it. The run goes on.

* One worker for a small batch, up to ``processes`` from :data:`~hotline.extract.POOL_THRESHOLD` articles on
  (as :func:`hotline.normalize.extracted_frames`). A worker loads the reference data and compiles every pattern
  before it takes an article, so that one-time cost is never charged to an article's budget.
* Workers are forked ready from a fork server that loaded the extractor once (:mod:`hotline.extract.workers`).
* The parent pauses the cyclic garbage collector while answers come in: each article's facts are some twenty
  objects that all live until the part is written, so collections came again and again and walked the whole heap
  (Dagster's and dbt's modules with it), for nothing: an answer holds no reference cycle.
* The parent sends a worker a few articles at a time and receives each article's facts as soon as they are
  extracted: an article's clock starts when the previous one ends (or, for a worker that was idle, when its batch
  is sent). One message per article costs tens of microseconds next to the milliseconds of extracting it.
* A worker holds two batches: it starts the next as soon as it ends one, instead of waiting for the parent (on a
  busy machine the parent, a third process on two cores, answered late: a worker sat idle ~30% of the time). A
  thread of the worker reads the pipe as batches come, so the parent never blocks on a send while a worker is
  busy. The parent reads the answers every :data:`_READ_EVERY` seconds rather than on each (each woke it, and it
  took a core from a worker); each answer says when its article ended, the start of the next article's clock.
* :func:`extract_parts_within_budget` keeps the same workers for a stream of parts (a bucket's parts of 10,000
  articles): a worker starts once, not once a part.
* Why a process and not a ``SIGALRM`` timer: a signal reaches only the main thread (Dagster may run a step in
  another), replaces any other alarm of the process, and waits for the C call in progress (a regex search) to
  return. Killing a process stops anything, in any thread.

An exception the extractor raises on an article is a bug, yet one article must not stop the others: the article
becomes a :class:`~hotline.facts.Rejection` whose reason names the error (:data:`FAILURE_REASON`), its traceback
goes to the log, and the run goes on. A worker that dies on an article (killed for memory, say) rejects that
article with the reason too.
"""

from __future__ import annotations

import gc
import logging
import queue
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from hotline.extract import POOL_THRESHOLD, extract_article
from hotline.extract.workers import context, warm_up
from hotline.facts import Article, ArticleFacts, Rejection
from hotline.reference import Reference, load_reference

__all__ = ["TIMEOUT_REASON", "extract_articles_within_budget", "extract_parts_within_budget"]

TIMEOUT_REASON = "extraction took longer than {seconds:g} s (budget HOTLINE_ARTICLE_TIMEOUT_SECONDS)"
"""The rejection reason of an article over budget (``seconds`` is the budget)."""

Extractor = Callable[[Article, Reference], ArticleFacts]
Progress = Callable[[int, int], None]

_BATCH_ARTICLES = 32  # articles sent to a worker at a time (a few per core even out slow ones) ...
_BATCH_CHARS = 1_000_000  # ... or fewer, when they are long
_IN_FLIGHT = 2  # batches a worker holds: the one it works on and the next
_READ_EVERY = 0.02  # seconds the parent lets answers gather before it reads them
_START_SECONDS = 120.0  # a worker not ready by then (imports, reference data, patterns) is a broken setup
_STOP_SECONDS = 5.0  # how long a worker told to stop may take before it is killed


def extract_articles_within_budget(
    articles: Sequence[Article],
    timeout_seconds: float,
    processes: int = 1,
    *,
    extract: Extractor = extract_article,
    on_progress: Progress | None = None,
) -> list[ArticleFacts | Rejection]:
    """For each article, in input order, its facts or, when extracting it took longer than ``timeout_seconds``,
    a :class:`~hotline.facts.Rejection` with the reason :data:`TIMEOUT_REASON` (with :data:`FAILURE_REASON` when
    the extractor raised on it).

    ``timeout_seconds`` <= 0 means no budget: the articles are extracted in this process. ``extract`` is what
    runs on each article (by default :func:`~hotline.extract.extract_article`, with the reference data of
    :func:`~hotline.reference.load_reference`); it runs in worker processes, so it must be a module-level
    function. ``on_progress`` is told
    (articles done, articles in all) each time an article is done.
    """
    parts = extract_parts_within_budget(
        [articles], timeout_seconds, processes, extract=extract, on_progress=on_progress
    )
    with closing(parts):
        return next(parts)


def extract_parts_within_budget(
    parts: Iterable[Sequence[Article]],
    timeout_seconds: float,
    processes: int = 1,
    *,
    extract: Extractor = extract_article,
    on_progress: Progress | None = None,
) -> Iterator[list[ArticleFacts | Rejection]]:
    """:func:`extract_articles_within_budget` on each of ``parts`` in turn (a stream: read one when the last is
    done), yielding each part's results, with the same worker processes throughout: a worker starts once, not once
    per part (its imports, reference data and patterns cost about a second of CPU). ``on_progress`` is told the
    progress within the part."""
    run = _BudgetedRun(timeout_seconds, extract)
    reference: Reference | None = None
    try:
        for articles in parts:
            if not articles:
                yield []
            elif timeout_seconds > 0:
                workers = 1 if len(articles) < POOL_THRESHOLD else max(1, min(processes, len(articles)))
                yield run.run(articles, workers, on_progress)
            else:
                reference = reference or load_reference()
                yield _extract_here(articles, reference, extract, on_progress)
    finally:
        run.close()


def _extract_here(
    articles: Sequence[Article], reference: Reference, extract: Extractor, on_progress: Progress | None
) -> list[ArticleFacts | Rejection]:
    """No budget: the articles extracted in this process."""
    results: list[ArticleFacts | Rejection] = []
    for article in articles:
        try:
            results.append(extract(article, reference))
        except Exception as exc:  # a bug: the article is rejected with the error, the others go on
            results.append(_rejected(article, repr(exc), traceback.format_exc()))
        if on_progress is not None:
            on_progress(len(results), len(articles))
    return results


FAILURE_REASON = "extraction failed (a bug in the extractor: report it with this article): {error}"
_LOG = logging.getLogger(__name__)


def _rejected(article: Article, error: str, trace: str) -> Rejection:
    """The article an extractor error stopped on, rejected with the error; the traceback goes to the log."""
    _LOG.error("extraction failed on %s (article_id %s): %s\n%s", article.source_name, article.article_id, error, trace)
    return Rejection(article.source_name, FAILURE_REASON.format(error=error), article.byte_size)


def _take_current(worker: _Worker, answered: int | None = None) -> int:
    """The worker's current article off its batch (the end of that batch with it when it is the last), checked
    against the position the worker ``answered`` for."""
    assert worker.batch and (answered is None or worker.batch[0] == answered)
    position = worker.batch.popleft()
    if worker.ends[0] == position:
        worker.ends.popleft()
    return position


# --- the worker ---------------------------------------------------------------------------------------


def _serve(conn: Connection, extract: Extractor) -> None:
    """A worker: get ready, then extract the batches the parent sends, one message per article, until None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    reference = warm_up()  # every pattern compiled now, not on the first article's budget (done: forked ready)
    conn.send(("ready", -1, None))
    inbox: queue.SimpleQueue[list[tuple[int, Article]] | None] = queue.SimpleQueue()
    threading.Thread(target=_read_batches, args=(conn, inbox), name="hotline-extract-inbox", daemon=True).start()
    while (batch := inbox.get()) is not None:
        for position, article in batch:
            try:
                facts = extract(article, reference)
            except Exception as exc:  # the article is rejected with the error; the worker goes on
                conn.send(("failed", position, (time.monotonic(), repr(exc), traceback.format_exc())))
                continue
            # The article is the parent's already: send only what was found in it.
            ended = time.monotonic()  # the same clock in every process of the machine
            conn.send(("done", position, (ended, facts.calls, facts.topics, facts.officials, facts.trade_measures)))


def _read_batches(conn: Connection, inbox: queue.SimpleQueue[list[tuple[int, Article]] | None]) -> None:
    """The worker's reader: batches from the pipe to ``inbox`` as they come, until None (or the parent is gone)."""
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            batch = None
        inbox.put(batch)
        if batch is None:
            return


# --- the parent ---------------------------------------------------------------------------------------


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    since: float  # when it started, then when its current article started
    ready: bool = False
    batch: deque[int] = field(default_factory=deque)  # positions sent and not answered yet, in order
    ends: deque[int] = field(default_factory=deque)  # the last position of each batch sent and not answered yet


class _BudgetedRun:
    """Workers that outlive a batch of articles (:meth:`run` again and again), until :meth:`close`."""

    def __init__(self, timeout: float, extract: Extractor):
        self.timeout = timeout
        self.extract = extract
        self.context = context()
        self.workers: list[_Worker] = []
        self.articles: Sequence[Article] = ()
        self.on_progress: Progress | None = None
        self.results: list[ArticleFacts | Rejection | None] = []
        self.left = 0
        self.pending: deque[list[int]] = deque()

    def run(
        self, articles: Sequence[Article], size: int, on_progress: Progress | None
    ) -> list[ArticleFacts | Rejection]:
        """Every article's facts or rejection, in input order, on up to ``size`` workers (more, when an earlier
        batch started more: an idle worker costs nothing)."""
        self.articles, self.on_progress = articles, on_progress
        self.results = [None] * len(articles)
        self.left = len(articles)
        self.pending = deque(_batches(articles))
        collecting = gc.isenabled()
        gc.disable()
        try:
            self.workers += [self._start() for _ in range(min(size, len(self.pending)) - len(self.workers))]
            while self.left:
                self._hand_out()
                busy = [w for w in self.workers if w.batch or not w.ready]
                assert busy, "articles left but no worker on them"
                deadline = min(w.since + (self.timeout if w.ready else _START_SECONDS) for w in busy)
                answered = wait([w.conn for w in busy], timeout=max(0.0, deadline - time.monotonic()))
                for conn in answered:
                    self._receive(next(w for w in busy if w.conn is conn))
                self._enforce_budget()
                if answered:
                    time.sleep(_READ_EVERY)
        except BaseException:
            self.close()
            raise
        finally:
            if collecting:
                gc.enable()
        done = [r for r in self.results if r is not None]
        assert len(done) == len(self.articles)
        return done

    def close(self) -> None:
        """Stop every worker: told to when idle, killed when it still holds articles (a run that failed)."""
        for worker in self.workers:
            self._stop(worker, kill=bool(worker.batch))
        self.workers = []

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(child, self.extract), name="hotline-extract", daemon=True)
        process.start()
        child.close()  # the worker holds the only other end: its death reads as end of file
        return _Worker(process, parent, since=time.monotonic())

    def _stop(self, worker: _Worker, kill: bool) -> None:
        if not kill:
            try:
                worker.conn.send(None)
                worker.process.join(_STOP_SECONDS)
            except OSError:
                pass  # already gone
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()

    def _hand_out(self) -> None:
        for worker in list(self.workers):
            while worker.ready and len(worker.ends) < _IN_FLIGHT and self.pending:
                batch = self.pending.popleft()
                try:
                    worker.conn.send([(position, self.articles[position]) for position in batch])
                except OSError:  # gone: a busy worker's death is read from its pipe; an idle one is replaced now
                    self.pending.appendleft(batch)
                    if not worker.batch:
                        self._stop(worker, kill=True)
                        self.workers.remove(worker)
                        self.workers.append(self._start())
                    break
                if not worker.batch:  # an idle worker's clock starts now; a busy one's runs from its last answer
                    worker.since = time.monotonic()
                worker.batch.extend(batch)
                worker.ends.append(batch[-1])

    def _receive(self, worker: _Worker) -> None:
        while worker.conn.poll():
            try:
                kind, position, payload = worker.conn.recv()
            except (EOFError, OSError):
                self._died(worker)
                return
            if kind == "ready":
                worker.ready = True
                worker.since = time.monotonic()
            elif kind == "done":
                _take_current(worker, position)
                worker.since, calls, topics, officials, measures = payload
                self._settle(position, ArticleFacts(self.articles[position], calls, topics, officials, measures))
            else:
                _take_current(worker, position)
                worker.since, error, trace = payload
                self._settle(position, _rejected(self.articles[position], error, trace))

    def _enforce_budget(self) -> None:
        now = time.monotonic()
        for worker in list(self.workers):
            if not worker.ready and now - worker.since > _START_SECONDS:
                raise RuntimeError(f"an extraction worker process did not start within {_START_SECONDS:g} s")
            if worker.batch and now - worker.since > self.timeout and not worker.conn.poll():
                self._replace(worker, TIMEOUT_REASON.format(seconds=self.timeout))

    def _died(self, worker: _Worker) -> None:
        worker.process.join(_STOP_SECONDS)
        if not worker.batch:
            raise RuntimeError(f"an extraction worker process exited on start (exit code {worker.process.exitcode})")
        self._replace(worker, f"the extraction process died on it (exit code {worker.process.exitcode})")

    def _replace(self, worker: _Worker, reason: str) -> None:
        """Reject the worker's current article, stop the worker, and queue the rest of its batches again."""
        position = _take_current(worker)
        article = self.articles[position]
        self._settle(position, Rejection(article.source_name, reason, article.byte_size))
        self._stop(worker, kill=True)
        self.workers.remove(worker)
        rest, batches, start = list(worker.batch), [], 0
        for end in worker.ends:  # back in the queue as they were cut
            cut = rest.index(end, start) + 1
            batches.append(rest[start:cut])
            start = cut
        self.pending.extendleft(reversed(batches))
        if self.pending:
            self.workers.append(self._start())

    def _settle(self, position: int, result: ArticleFacts | Rejection) -> None:
        self.results[position] = result
        self.left -= 1
        if self.on_progress is not None:
            self.on_progress(len(self.articles) - self.left, len(self.articles))


def _batches(articles: Sequence[Article]) -> Iterator[list[int]]:
    batch: list[int] = []
    chars = 0
    for position, article in enumerate(articles):
        if batch and (len(batch) >= _BATCH_ARTICLES or chars + len(article.text) > _BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(position)
        chars += len(article.text)
    if batch:
        yield batch
