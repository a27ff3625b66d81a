"""The dask engine: the same pipeline on a Dask distributed cluster.

Without an address it starts a LocalCluster (one single-threaded worker
process per core); with ``scheduler="tcp://host:8786"`` it uses a running
cluster (Slurm, Kubernetes: see docs/scale.md). Each worker loads the model
once, through a WorkerPlugin, also on workers that join later.

The driver reads and cleans documents lazily and submits one task per batch
(a partition), keeping at most ``window`` partitions in flight with
``distributed.as_completed``; results therefore come back in completion order,
each with its origin. A worker turns its partition's results into one Parquet
file (``engines/parquet.py``), writes it under ``parquet_dir`` when one is
given (a folder every worker can reach: on a cluster, shared storage) and
sends the same bytes back, which the driver decodes and yields, so the store
receives exactly what the Parquet files hold.

A worker that dies is replaced by the cluster and its task rerun elsewhere (up
to ``distributed.scheduler.allowed-failures`` times); a partition that still
fails is retried article by article so only the article at fault becomes a
Failure.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import distributed
from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from eventwire.engines import parquet
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

PLUGIN_NAME = "eventwire-model"

# distributed annotates only part of its API (its constructors and as_completed
# are untyped), so its objects are handled as Any in this module.
Client: Any = distributed.Client
LocalCluster: Any = distributed.LocalCluster
as_completed: Any = distributed.as_completed
Future = Any


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model (and every lexicon) once per worker process."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        warm(self.settings)


@dataclass(frozen=True)
class Part:
    """One partition back from a worker: its Parquet bytes and the worker's figures."""

    index: int
    data: bytes
    worker: str
    peak_rss: int
    setup_error: tuple[str, dict[str, Any]] | None = None
    cpu_seconds: float = 0.0

    def batch_result(self) -> BatchResult:
        results = parquet.decode(self.data) if self.setup_error is None else []
        return BatchResult(results=results, worker=self.worker, peak_rss=self.peak_rss,
                           setup_error=self.setup_error, cpu_seconds=self.cpu_seconds)


def _worker_name() -> str:
    try:
        return f"dask {get_worker().address}"
    except ValueError:  # not inside a dask worker (a direct call, in tests)
        return f"dask pid {os.getpid()}"


def analyse_part(docs: Sequence[RawDocument], settings: Settings, fn: BatchFn, index: int,
                 name: str, parquet_dir: str | None) -> Part:
    """The task each worker runs on one partition."""
    back = run_batch(docs, settings, fn, worker=_worker_name())
    if back.setup_error is not None:
        return Part(index=index, data=b"", worker=back.worker, peak_rss=back.peak_rss,
                    setup_error=back.setup_error)
    data = parquet.encode(index, back.results)
    if parquet_dir is not None:
        parquet.write_part(parquet_dir, name, data)
    return Part(index=index, data=data, worker=back.worker, peak_rss=back.peak_rss, cpu_seconds=back.cpu_seconds)


class _Session:
    """The client (and the LocalCluster it may own), started on first use so
    that a run where every article is already stored starts nothing."""

    def __init__(self, *, scheduler: str | None, workers: int | None, settings: Settings) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.settings = settings
        self.cluster: Any = None
        self._client: Any = None

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> Any:
        if self.scheduler:
            client = Client(self.scheduler, set_as_default=False)
        else:
            # One single-threaded worker process per core: spaCy and the
            # extractors hold the GIL, so threads would only contend.
            self.cluster = LocalCluster(n_workers=default_workers(self.workers), threads_per_worker=1,
                                        processes=True, dashboard_address=":0", silence_logs=logging.ERROR)
            client = Client(self.cluster, set_as_default=False)
        client.register_plugin(ModelPlugin(self.settings), name=PLUGIN_NAME)
        return client

    def worker_count(self) -> int:
        return len(self.client.scheduler_info().get("workers", {})) or 1

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self.cluster is not None:
            self.cluster.close()


def run_dask(items: Iterable[RawDocument | Failure], *, workers: int | None = None,
             scheduler: str | None = None, settings: Settings | None = None, skip: SkipFn | None = None,
             batch_size: int | None = None, window: int | None = None, progress: ProgressFn | None = None,
             batch_fn: BatchFn = analyse_batch, parquet_dir: str | os.PathLike[str] | None = None) -> EngineRun:
    """Analyse ``items`` on a Dask cluster: a LocalCluster of ``workers``
    processes (default: every core), or the cluster at ``scheduler``.

    ``batch_size`` articles make one partition (default ``settings.batch_size``);
    at most ``window`` partitions are in flight (default two per worker)."""
    settings = settings or Settings.from_env()
    if scheduler and workers:
        raise ValueError("give --workers to size a local cluster, or --scheduler for an existing one, not both")
    report = EngineReport(engine="dask", workers=default_workers(workers) if not scheduler else 0)
    out = None
    if parquet_dir is not None:
        os.makedirs(parquet_dir, exist_ok=True)
        out = os.fspath(parquet_dir)
    session = _Session(scheduler=scheduler, workers=workers, settings=settings)
    results = _drive(items, session=session, settings=settings, skip=skip, size=batch_size or settings.batch_size,
                     window=window, tracker=Tracker(report, progress), fn=batch_fn, parquet_dir=out)
    return EngineRun(results, report)


def _drive(items: Iterable[RawDocument | Failure], *, session: _Session, settings: Settings, skip: SkipFn | None,
           size: int, window: int | None, tracker: Tracker, fn: BatchFn,
           parquet_dir: str | None) -> Iterator[Result]:
    # Part files of several runs can share a folder: the run id keeps names apart.
    run_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    pending: Any = None  # as_completed, made once the client (and its loop) exists
    batches: dict[str, Batch] = {}
    limit = 0  # set when the first partition is submitted (the cluster starts then)

    def submit(batch: Batch, name: str) -> Future:
        return session.client.submit(analyse_part, batch.docs, settings, fn, batch.index, name, parquet_dir,
                                     key=name.removesuffix(".parquet"), pure=False)

    def collect(future: Future) -> Iterator[Result]:
        batch = batches.pop(str(future.key))
        try:
            back = future.result().batch_result()
        except Exception:
            back = _retry_singly(batch, submit, run_id)
        future.release()
        yield from tracker.finished(back)

    try:
        for item in plan(items, settings=settings, skip=skip, size=size, report=tracker.report):
            if not isinstance(item, Batch):
                yield tracker.count(item)
                continue
            if not limit:
                tracker.report.workers = session.worker_count()
                limit = window or 2 * tracker.report.workers
            future = submit(item, parquet.part_name(run_id, item.index))
            batches[str(future.key)] = item
            if pending is None:
                pending = as_completed([future], loop=session.client.loop)
            else:
                pending.add(future)
            tracker.submitted()
            while pending.count() >= limit:
                yield from collect(next(pending))
        while pending is not None and not pending.is_empty():
            yield from collect(next(pending))
    finally:
        if pending is not None:
            pending.clear()
        session.close()
        tracker.done()


def _retry_singly(batch: Batch, submit: Any, run_id: str) -> BatchResult:
    """Each article of a lost partition alone (part names ``-<index>-<n>``)."""
    results: list[Result] = []
    worker, peak, cpu = "dask (retried)", 0, 0.0
    for n, doc in enumerate(batch.docs):
        single = Batch(index=batch.index, docs=(doc,))
        try:
            part = submit(single, parquet.part_name(run_id, batch.index).replace(".parquet", f"-{n}.parquet"))
            back: BatchResult = part.result().batch_result()
        except Exception as err:
            results.append((doc.origin, crash_failure(doc, err)))
            continue
        if back.setup_error is not None:
            return back
        results.extend(back.results)
        worker, peak, cpu = back.worker, max(peak, back.peak_rss), cpu + back.cpu_seconds
    return BatchResult(results=results, worker=worker, peak_rss=peak, cpu_seconds=cpu)
