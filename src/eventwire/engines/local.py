"""The local engine: every core of one machine, one worker process each.

Workers are started with ``spawn`` (a fresh interpreter: forking a driver that
holds a DuckDB connection and its threads is not safe) and each loads the model
once, in the pool's initializer. Batches go out in input order, at most
``window`` at a time, and come back in the same order: the driver waits on the
oldest batch first, so results are yielded exactly in input order.

A batch that raises is retried article by article inside the worker (see
``common.run_batch``). A worker that dies (killed for memory, a crash in native
code) breaks the whole pool: the pool is restarted and the batches that were
in flight are retried one article at a time, so only the article that kills a
worker becomes a Failure.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from eventwire.engines.common import (
    Batch,
    BatchFn,
    BatchResult,
    EngineReport,
    EngineRun,
    ProgressFn,
    Result,
    SkipFn,
    Tracker,
    analyse_batch,
    crash_failure,
    default_workers,
    plan,
    run_batch,
    warm,
)
from eventwire.schema import Failure, RawDocument
from eventwire.settings import Settings


def _task(docs: Sequence[RawDocument], settings: Settings, fn: BatchFn) -> BatchResult:
    return run_batch(docs, settings, fn, worker=f"local pid {os.getpid()}")


class _Pool:
    """A process pool started on first use and restarted if a worker dies."""

    def __init__(self, workers: int, settings: Settings, start_method: str) -> None:
        self.workers = workers
        self.settings = settings
        self.context = multiprocessing.get_context(start_method)
        self.executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=self.context,
                                            initializer=warm, initargs=(self.settings,))
        return self.executor

    def submit(self, docs: Sequence[RawDocument], fn: BatchFn) -> Future[BatchResult]:
        executor = self.executor or self._start()
        try:
            return executor.submit(_task, docs, self.settings, fn)
        except BrokenProcessPool:
            return self._start().submit(_task, docs, self.settings, fn)

    def retry_singly(self, docs: Sequence[RawDocument], fn: BatchFn) -> BatchResult:
        """After a batch was lost with its worker: each article alone, so the one
        that kills a worker is found and the others are still analysed."""
        results: list[Result] = []
        worker, peak, cpu = "local (retried)", 0, 0.0
        for doc in docs:
            try:
                single = self.submit((doc,), fn).result()
            except Exception as err:
                results.append((doc.origin, crash_failure(doc, err)))
                continue
            if single.setup_error is not None:
                return single
            results.extend(single.results)
            worker, peak, cpu = single.worker, max(peak, single.peak_rss), cpu + single.cpu_seconds
        return BatchResult(results=results, worker=worker, peak_rss=peak, cpu_seconds=cpu)

    def shutdown(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


def run_local(items: Iterable[RawDocument | Failure], *, workers: int | None = None,
              settings: Settings | None = None, skip: SkipFn | None = None,
              batch_size: int | None = None, window: int | None = None,
              progress: ProgressFn | None = None, batch_fn: BatchFn = analyse_batch,
              start_method: str = "spawn") -> EngineRun:
    """Analyse ``items`` on ``workers`` processes (default: every core).

    ``batch_size`` articles go to a worker at a time (default
    ``settings.batch_size``); at most ``window`` batches are in flight (default
    two per worker, so a worker never waits for the driver)."""
    settings = settings or Settings.from_env()
    n = default_workers(workers)
    report = EngineReport(engine="local", workers=n)
    size = batch_size or settings.batch_size
    results = _drive(items, pool=_Pool(n, settings, start_method), settings=settings, skip=skip, size=size,
                     window=window or 2 * n, tracker=Tracker(report, progress), fn=batch_fn)
    return EngineRun(results, report)


def _drive(items: Iterable[RawDocument | Failure], *, pool: _Pool, settings: Settings, skip: SkipFn | None,
           size: int, window: int, tracker: Tracker, fn: BatchFn) -> Iterator[Result]:
    in_flight: deque[tuple[Batch, Future[BatchResult]]] = deque()

    def collect() -> Iterator[Result]:
        batch, future = in_flight.popleft()
        try:
            back = future.result()
        except Exception:
            back = pool.retry_singly(batch.docs, fn)
        yield from tracker.finished(back)

    try:
        for item in plan(items, settings=settings, skip=skip, size=size, report=tracker.report):
            if isinstance(item, Batch):
                in_flight.append((item, pool.submit(item.docs, fn)))
                tracker.submitted()
                while len(in_flight) >= window:
                    yield from collect()
            else:
                yield tracker.count(item)
        while in_flight:
            yield from collect()
    finally:
        pool.shutdown()
        tracker.done()
