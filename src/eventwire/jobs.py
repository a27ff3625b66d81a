"""Jobs that tie readers, pipeline and store together (the CLI and the web app
call these; they never print, they report through a callback)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.engines import run_engine
from eventwire.ingest import iter_documents
from eventwire.pipeline import content_hash
from eventwire.schema import Failure, RawDocument, Record
from eventwire.settings import Settings
from eventwire.store import Store


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0            # already in the store (same content)
    failed: int = 0
    seconds: float = 0.0
    totals: dict[str, int] = field(default_factory=dict)   # places, counts... of stored records
    failures: list[Failure] = field(default_factory=list)
    engine: dict[str, Any] = field(default_factory=dict)    # the engine's own report

    @property
    def exit_status(self) -> int:
        """0: all stored; 3: some failed; 1: nothing could be done."""
        if self.failed and not (self.stored or self.skipped):
            return 1
        return 3 if self.failed else 0

    def as_dict(self) -> dict[str, Any]:
        return {"stored": self.stored, "skipped": self.skipped, "failed": self.failed,
                "seconds": round(self.seconds, 2), **self.totals}


def _tally(report: IngestReport, record: Record) -> None:
    for name, items in (("places", record.places), ("counts", record.counts), ("quotes", record.quotes),
                        ("events", record.events), ("actors", record.actors)):
        report.totals[name] = report.totals.get(name, 0) + len(items)


def ingest(paths: Iterable[str | Path], store: Store, *, settings: Settings | None = None,
           meta: dict[str, Any] | None = None,
           progress: Callable[[str, Record | Failure | None], None] | None = None,
           engine: str = "serial", workers: int | None = None, scheduler: str | None = None,
           parquet_dir: str | None = None) -> IngestReport:
    """Read, analyse and store every article under ``paths``, committing every
    ``settings.batch_size`` articles. Idempotent: an article whose cleaned text
    is already stored is skipped before it is parsed. ``engine`` is serial (this
    process), local (every core) or dask (a cluster); the records are the same."""
    settings = settings or Settings.from_env()
    report = IngestReport(totals={"places": 0, "counts": 0, "quotes": 0, "events": 0, "actors": 0})
    started = time.perf_counter()
    seen: set[str] = set()

    def skip(article: Any) -> bool:
        key = content_hash(article.text)
        if key in seen or store.has_content(key) or store.has_article(article.id):
            report.skipped += 1
            if progress:
                progress("skipped", None)
            return True
        seen.add(key)
        return False

    records: list[Record] = []
    failures: list[Failure] = []
    origins: list[str] = []
    docs: Iterator[RawDocument | Failure] = iter_documents(paths, **(meta or {}))
    results = run_engine(docs, engine=engine, workers=workers, scheduler=scheduler, settings=settings,
                         skip=skip, parquet_dir=parquet_dir)
    for origin, item in results:
        if isinstance(item, Failure):
            failures.append(item)
            report.failed += 1
            report.failures.append(item)
            if progress:
                progress("failed", item)
        else:
            records.append(item)
            origins.append(origin)
            _tally(report, item)
            if progress:
                progress("stored", item)
        if len(records) + len(failures) >= settings.batch_size:
            report.stored += store.add(records, failures, origins=origins)
            records, failures, origins = [], [], []
    if records or failures:
        report.stored += store.add(records, failures, origins=origins)
    report.seconds = time.perf_counter() - started
    report.engine = results.report.as_dict()
    return report
