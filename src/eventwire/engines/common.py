"""What every engine shares: the driver-side plan, the worker-side batch, the report.

The split between driver and workers follows one rule: whatever touches the
store stays in the driver. So the driver cleans each document (``prepare``),
asks ``skip`` whether the store already holds it, and only then ships the raw
document to a worker, in batches. A worker runs the very same
``pipeline.run`` as the one-process path, which is what makes records identical
whatever engine produced them (the cleaning is repeated there: it costs well
under a millisecond an article, against tens of milliseconds for the parse).

Memory stays flat: documents are read lazily, batches are bounded, and the
number of batches in flight is bounded by a window, so the driver never holds
more than ``(window + 1) * batch`` documents however long the corpus is.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from eventwire.errors import EventwireError
from eventwire.schema import Article, Failure, RawDocument, Record
from eventwire.settings import Settings

Result = tuple[str, Record | Failure]
SkipFn = Callable[[Article], bool]


class BatchFn(Protocol):
    """The function a worker applies to one batch (the default runs the pipeline)."""

    def __call__(self, docs: Sequence[RawDocument], settings: Settings) -> list[Result]: ...


def analyse_batch(docs: Sequence[RawDocument], settings: Settings) -> list[Result]:
    """The default worker task: the one-process pipeline over one batch."""
    from eventwire.pipeline import run  # imported in the worker, not at driver import time

    return list(run(docs, settings=settings))


def warm(settings: Settings) -> None:
    """Load the spaCy model, gazetteer and lexicons once per worker process,
    by running the pipeline over one short text (every cache fills on first use).

    A setup error (model not installed, bad gazetteer file) is kept rather than
    raised: a raising pool initializer only shows as a broken pool, so the
    worker's first task reports it and the driver raises it with its code."""
    global _SETUP_ERROR  # per worker process; read by run_batch
    from eventwire import nlp

    try:
        nlp.load_model(settings.model)
        analyse_batch([RawDocument(origin="<warm-up>", text="Troops entered the town of Kherson on Monday.",
                                   published="2024-05-15")], settings)
    except EventwireError as err:
        _SETUP_ERROR = (type(err).__name__, dict(err.info))


_SETUP_ERROR: tuple[str, dict[str, Any]] | None = None


def raise_setup_error(setup_error: tuple[str, dict[str, Any]] | None) -> None:
    """Raise, in the driver, the coded error a worker met while loading.
    (Coded errors take keyword arguments, so they are rebuilt from their
    class name and info rather than pickled.)"""
    if setup_error is None:
        return
    from eventwire import errors

    name, info = setup_error
    cls = getattr(errors, name, None)
    if isinstance(cls, type) and issubclass(cls, EventwireError):
        raise cls(**info)
    raise RuntimeError(f"worker setup failed: {name} {info}")


def peak_rss() -> int:
    """Peak resident memory of this process, in bytes (0 where the OS will not say).

    On Linux this is VmHWM, the high-water mark of this process's own memory:
    ``getrusage``'s ru_maxrss would not do, because a spawned worker inherits
    the peak of the process that forked it."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows: no getrusage
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # macOS reports bytes, the other BSDs kibibytes.
    return int(peak if sys.platform == "darwin" else peak * 1024)


def crash_failure(doc: RawDocument, err: BaseException) -> Failure:
    """A Failure row for an article whose analysis raised or killed its worker."""
    return Failure(path=doc.origin, code="E900",
                   message=f"{doc.origin}: analysis failed in a worker ({type(err).__name__}: {err}). "
                           "The article was skipped; please report it with the file.",
                   article_id=doc.id)


@dataclass(frozen=True)
class BatchResult:
    """What one worker sends back for one batch."""

    results: list[Result]
    worker: str
    peak_rss: int
    setup_error: tuple[str, dict[str, Any]] | None = None
    cpu_seconds: float = 0.0      # the worker's CPU time on this batch


def run_batch(docs: Sequence[RawDocument], settings: Settings, fn: BatchFn, worker: str) -> BatchResult:
    """Run ``fn`` over a batch inside a worker. If the batch as a whole raises,
    each article is retried alone so that only the bad one becomes a Failure."""
    if _SETUP_ERROR is not None:
        return BatchResult(results=[], worker=worker, peak_rss=peak_rss(), setup_error=_SETUP_ERROR)
    cpu = time.process_time()
    try:
        results = fn(docs, settings)
    except Exception:
        results = []
        for doc in docs:
            try:
                results.extend(fn([doc], settings))
            except Exception as err:
                results.append((doc.origin, crash_failure(doc, err)))
    return BatchResult(results=results, worker=worker, peak_rss=peak_rss(),
                       cpu_seconds=time.process_time() - cpu)


@dataclass(frozen=True)
class Batch:
    index: int
    docs: tuple[RawDocument, ...]


def plan(items: Iterable[RawDocument | Failure], *, settings: Settings, skip: SkipFn | None,
         size: int, report: EngineReport) -> Iterator[Batch | Result]:
    """Driver side: Failures ready now (reader failures, articles that do not
    clean) and batches of documents for the workers, in input order."""
    from eventwire.pipeline import admit

    def counted_skip(article: Article) -> bool:
        held = skip is not None and skip(article)
        report.skipped += held
        return held

    pending: list[RawDocument] = []
    index = 0
    for admitted in admit(items, counted_skip):
        if isinstance(admitted, Failure):
            yield admitted.path, admitted
            continue
        pending.append(admitted[0])
        if len(pending) >= size:
            yield Batch(index=index, docs=tuple(pending))
            index += 1
            pending = []
    if pending:
        yield Batch(index=index, docs=tuple(pending))


@dataclass
class EngineProgress:
    """Sent to the progress callback after each batch comes back."""

    engine: str
    batches: int
    articles: int          # analysed by workers so far
    failed: int            # failures so far, driver-side ones included
    seconds: float
    in_flight: int         # batches submitted and not yet back

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0


@dataclass
class EngineReport:
    """The final figures of one engine run (filled as results are consumed)."""

    engine: str
    workers: int
    articles: int = 0      # analysed by workers (records + failures they returned)
    records: int = 0
    failed: int = 0        # every Failure yielded, driver-side ones included
    skipped: int = 0       # dropped by ``skip`` before any parse
    batches: int = 0
    seconds: float = 0.0
    max_in_flight: int = 0
    peak_rss: dict[str, int] = field(default_factory=dict)   # worker -> peak resident bytes
    cpu_seconds: float = 0.0   # summed over workers: articles / cpu_seconds is the rate per busy core

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, object]:
        return {"engine": self.engine, "workers": self.workers, "articles": self.articles,
                "records": self.records, "failed": self.failed, "skipped": self.skipped,
                "batches": self.batches, "seconds": round(self.seconds, 2),
                "articles_per_second": round(self.articles_per_second, 2),
                "cpu_seconds": round(self.cpu_seconds, 2),
                "peak_rss_mb": {w: round(b / 2**20, 1) for w, b in sorted(self.peak_rss.items())}}


ProgressFn = Callable[[EngineProgress], None]


class Tracker:
    """Keeps the report and calls the progress callback; engines feed it."""

    def __init__(self, report: EngineReport, progress: ProgressFn | None) -> None:
        self.report = report
        self.progress = progress
        self.started = time.perf_counter()
        self.in_flight = 0

    def submitted(self) -> None:
        self.in_flight += 1
        self.report.max_in_flight = max(self.report.max_in_flight, self.in_flight)

    def done(self) -> None:
        self.report.seconds = time.perf_counter() - self.started

    def count(self, result: Result) -> Result:
        if isinstance(result[1], Failure):
            self.report.failed += 1
        self.report.seconds = time.perf_counter() - self.started
        return result

    def finished(self, batch: BatchResult) -> Iterator[Result]:
        """Account for one batch back from a worker; yields its results."""
        raise_setup_error(batch.setup_error)
        self.in_flight -= 1
        report = self.report
        report.batches += 1
        report.articles += len(batch.results)
        report.records += sum(1 for _, r in batch.results if isinstance(r, Record))
        report.cpu_seconds += batch.cpu_seconds
        report.peak_rss[batch.worker] = max(report.peak_rss.get(batch.worker, 0), batch.peak_rss)
        for result in batch.results:
            yield self.count(result)
        if self.progress is not None:
            self.progress(EngineProgress(engine=report.engine, batches=report.batches, articles=report.articles,
                                         failed=report.failed, seconds=report.seconds, in_flight=self.in_flight))


def default_workers(workers: int | None) -> int:
    if workers is not None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        return workers
    return os.cpu_count() or 1


class EngineRun(Iterator[Result]):
    """The iterator an engine returns: (origin, Record or Failure) pairs, plus
    ``report``, final once the iterator is exhausted. ``close()`` (or leaving a
    ``with`` block) stops the workers early."""

    def __init__(self, results: Iterator[Result], report: EngineReport) -> None:
        self._results = results
        self.report = report

    def __iter__(self) -> EngineRun:
        return self

    def __next__(self) -> Result:
        return next(self._results)

    def close(self) -> None:
        close = getattr(self._results, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> EngineRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
