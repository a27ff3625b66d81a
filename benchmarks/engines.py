"""Engine throughput, measured in one run on the same texts as benchmarks/run.py.

Prints articles per second for spaCy alone, the whole pipeline in one process
(the serial engine, i.e. ``pipeline.run``), the local engine on every core and
the dask engine on a two-worker LocalCluster; the ratios between them; and the
peak resident memory of each worker process.

Each parallel engine is timed twice: "wall" includes starting the workers
(spawning interpreters, loading the model in each), "steady" is the rate once
the first batch is back, which is what a long run (a day of articles) sees.
"per CPU-second" divides articles by the CPU time the workers spent on them:
on a machine other jobs share, it is the figure least moved by their load.

    .venv/bin/python benchmarks/engines.py --articles 200 [--workers 2] [--json out.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire import nlp  # noqa: E402
from eventwire import pipeline as pl  # noqa: E402
from eventwire.engines import EngineProgress, run_engine  # noqa: E402
from eventwire.extractors.context import compose  # noqa: E402
from eventwire.schema import RawDocument  # noqa: E402
from eventwire.settings import Settings  # noqa: E402


def same_corpus(n: int) -> list[RawDocument]:
    """The texts benchmarks/run.py measures (imported, so both stay in step)."""
    spec = importlib.util.spec_from_file_location("eventwire_bench_run", ROOT / "benchmarks" / "run.py")
    if spec is None or spec.loader is None:
        raise SystemExit("benchmarks/run.py not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    docs: list[RawDocument] = module.corpus(n)
    return docs


def measure(engine: str, docs: list[RawDocument], settings: Settings, **options: Any) -> dict[str, Any]:
    ticks: list[tuple[float, int]] = []

    def tick(p: EngineProgress) -> None:
        ticks.append((p.seconds, p.articles))

    start, cpu = time.perf_counter(), time.process_time()
    run = run_engine(docs, engine=engine, settings=settings, progress=tick, **options)
    n = sum(1 for _ in run)
    wall, driver_cpu = time.perf_counter() - start, time.process_time() - cpu
    report = run.report
    steady = None
    if len(ticks) >= 2 and ticks[-1][0] > ticks[0][0]:
        steady = (ticks[-1][1] - ticks[0][1]) / (ticks[-1][0] - ticks[0][0])
    return {"engine": engine, "workers": report.workers, "results": n, "failed": report.failed,
            "wall_s": wall, "wall_aps": n / wall, "steady_aps": steady or n / wall,
            "cpu_aps": report.articles / report.cpu_seconds if report.cpu_seconds else None,
            "driver_cpu_ms_per_article": 1000 * driver_cpu / max(n, 1),
            "peak_rss_mb": {w: b / 2**20 for w, b in sorted(report.peak_rss.items())}}


def flatness(total: int, docs: list[RawDocument], settings: Settings, batch_size: int) -> dict[str, float]:
    """Driver memory while the local engine consumes a lazy stream of ``total``
    articles (copies of the corpus, made one at a time): it should not grow."""
    def stream() -> Iterator[RawDocument]:
        for i in range(total):
            d = docs[i % len(docs)]
            yield RawDocument(origin=f"flat#{i}", text=d.text + f"\n\nStream item {i}.", published=d.published,
                              title_is_first_line=d.title_is_first_line)

    process = psutil.Process()
    marks = {max(1, total * p // 100): f"{p}%" for p in (10, 50, 100)}
    samples: dict[str, float] = {}
    for done, _ in enumerate(run_engine(stream(), engine="local", settings=settings, batch_size=batch_size), 1):
        if done in marks:
            samples[marks[done]] = process.memory_info().rss / 2**20
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=None, help="local engine processes (default: every core)")
    parser.add_argument("--batch-size", type=int, default=8, help="articles per batch sent to a worker")
    parser.add_argument("--flat", type=int, default=0, metavar="N",
                        help="also stream N articles lazily through the local engine and sample driver memory")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    settings = Settings.from_env()
    docs = same_corpus(args.articles)
    texts = [compose(a.title, a.text)[0] for a in (pl.prepare(d) for d in docs)]
    cores = os.cpu_count() or 1
    load_before = os.getloadavg()[0]

    # spaCy alone and the serial pipeline, warmed up as in benchmarks/run.py.
    nlp.load_model(settings.model)
    list(pl.run(docs[:5], settings=settings))
    start = time.perf_counter()
    for _ in nlp.parse_many(texts, model=settings.model, batch_size=settings.batch_size):
        pass
    spacy_aps = len(texts) / (time.perf_counter() - start)
    serial = measure("serial", docs, settings)
    local = measure("local", docs, settings, workers=args.workers, batch_size=args.batch_size)
    dask = measure("dask", docs, settings, workers=2, batch_size=args.batch_size)
    driver_mb = psutil.Process().memory_info().rss / 2**20

    n = len(docs)
    load_after = os.getloadavg()[0]
    print(f"eventwire engines {dt.date.today()} | {n} articles, {sum(len(t.split()) for t in texts)} words, "
          f"model {settings.model}, {cores} cores, batch {args.batch_size}, "
          f"load average {load_before:.1f} -> {load_after:.1f}")
    print(f"  spaCy alone (1 process)        {spacy_aps:8.1f} articles/s")
    print(f"  pipeline, serial (1 process)   {serial['wall_aps']:8.1f} articles/s")
    for r, label in ((local, f"pipeline, local x{local['workers']}"), (dask, f"pipeline, dask x{dask['workers']}")):
        print(f"  {label:<30} {r['steady_aps']:8.1f} articles/s steady, {r['wall_aps']:8.1f} with start-up "
              f"({r['wall_s']:.1f}s)")
    base = serial["wall_aps"]
    print(f"  ratio serial/spaCy             {base / spacy_aps:8.3f}")
    print(f"  ratio local/serial (steady)    {local['steady_aps'] / base:8.3f}")
    print(f"  ratio dask/serial (steady)     {dask['steady_aps'] / base:8.3f}")
    print(f"  ratio dask/local (steady)      {dask['steady_aps'] / local['steady_aps']:8.3f}")
    print("  per worker CPU-second: " + ", ".join(
        f"{r['engine']} {r['cpu_aps']:.2f}" for r in (serial, local, dask) if r["cpu_aps"]) + " articles")
    print("  driver CPU per article: " + ", ".join(
        f"{r['engine']} {r['driver_cpu_ms_per_article']:.1f} ms" for r in (local, dask)))
    print("  peak memory per process:")
    for r in (serial, local, dask):
        for worker, mb in r["peak_rss_mb"].items():
            print(f"    {worker:<40} {mb:7.0f} MB")
    print(f"  driver resident now            {driver_mb:7.0f} MB (holds the benchmark corpus and a model)")
    flat = flatness(args.flat, docs, settings, args.batch_size) if args.flat else None
    if flat:
        print(f"  flat memory: local engine over a lazy stream of {args.flat} articles, driver resident MB at "
              + ", ".join(f"{k} done {v:.0f}" for k, v in flat.items()))
    if args.json:
        Path(args.json).write_text(json.dumps({
            "date": dt.date.today().isoformat(), "articles": n, "cores": cores, "model": settings.model,
            "batch_size": args.batch_size, "load": [load_before, load_after],
            "spacy_aps": spacy_aps, "flat": flat, "serial": serial, "local": local, "dask": dask,
        }, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
