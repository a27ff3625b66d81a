"""Engines: the same pipeline on one process, on every local core, or on a Dask cluster.

``run_engine`` has the contract of ``pipeline.run``: it consumes a stream of
documents lazily and yields ``(origin, Record or Failure)`` for each one it
analyses (articles that ``skip`` drops yield nothing), so a caller swaps one
iterator for the other. Records are identical whatever engine produced them.
The returned iterator also carries ``report`` (articles, articles per second,
failures, peak memory per worker), complete once it is exhausted.

- ``serial``: ``pipeline.run`` in this process (no start-up cost; the default).
- ``local``: one worker process per core (``engines/local.py``).
- ``dask``: a LocalCluster, or an existing cluster by address (``engines/dask.py``).
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterable, Iterator

from eventwire.engines.common import (
    EngineProgress,
    EngineReport,
    EngineRun,
    ProgressFn,
    Result,
    SkipFn,
    Tracker,
    peak_rss,
)
from eventwire.schema import Failure, RawDocument, Record
from eventwire.settings import Settings

ENGINES = ("serial", "local", "dask")

__all__ = ["ENGINES", "EngineProgress", "EngineReport", "EngineRun", "run_engine"]


def run_engine(items: Iterable[RawDocument | Failure], *, engine: str = "serial", workers: int | None = None,
               scheduler: str | None = None, settings: Settings | None = None, skip: SkipFn | None = None,
               progress: ProgressFn | None = None, batch_size: int | None = None, window: int | None = None,
               parquet_dir: str | os.PathLike[str] | None = None) -> EngineRun:
    """Analyse ``items`` with the named engine; see the module docstring.

    ``workers``: processes for ``local`` and for the dask LocalCluster
    (default: every core). ``scheduler``: address of a running Dask scheduler
    (dask only). ``batch_size``: articles per batch/partition (default
    ``settings.batch_size``). ``window``: batches in flight (default two per
    worker). ``parquet_dir``: where the dask workers write result partitions."""
    settings = settings or Settings.from_env()
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise ValueError("--scheduler needs --engine dask")
    if parquet_dir is not None and engine != "dask":
        raise ValueError("parquet_dir needs the dask engine")
    if engine == "local":
        from eventwire.engines.local import run_local

        return run_local(items, workers=workers, settings=settings, skip=skip, batch_size=batch_size,
                         window=window, progress=progress)
    if engine == "dask":
        from eventwire.engines.dask import run_dask

        return run_dask(items, workers=workers, scheduler=scheduler, settings=settings, skip=skip,
                        batch_size=batch_size, window=window, progress=progress, parquet_dir=parquet_dir)
    report = EngineReport(engine="serial", workers=1)
    return EngineRun(_serial(items, settings=settings, skip=skip, tracker=Tracker(report, progress),
                             batch_size=batch_size), report)


def _serial(items: Iterable[RawDocument | Failure], *, settings: Settings, skip: SkipFn | None,
            tracker: Tracker, batch_size: int | None) -> Iterator[Result]:
    """``pipeline.run`` itself, counted like the other engines."""
    from eventwire.pipeline import run

    if batch_size:
        settings = dataclasses.replace(settings, batch_size=batch_size)
    report = tracker.report

    def counting_skip(article: object) -> bool:
        # Called for every article that cleaned: those not dropped are analysed.
        dropped = skip is not None and skip(article)  # type: ignore[arg-type]
        report.skipped += dropped
        report.articles += not dropped
        return dropped

    cpu = time.process_time()
    try:
        for origin, item in run(items, settings=settings, skip=counting_skip):
            report.records += isinstance(item, Record)
            yield tracker.count((origin, item))
    finally:
        report.peak_rss["serial (this process)"] = peak_rss()
        report.cpu_seconds = time.process_time() - cpu  # includes reading the input, as in pipeline.run
        tracker.done()
