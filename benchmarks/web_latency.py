"""Latency of the web API's main endpoints on a store of 100,000 events.

Builds the store from synthetic records (schema types, ``Store.add`` in
batches; no NLP model), serves it with uvicorn on 127.0.0.1 and times each
endpoint over real HTTP: a bounded number of sequential requests per endpoint
after a warm-up. Prints p50/p95 in milliseconds (and JSON with --json).

    .venv/bin/python benchmarks/web_latency.py                 # 100,000 events
    .venv/bin/python benchmarks/web_latency.py --db /tmp/w.duckdb --keep   # reuse later
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from eventwire.store import Store  # noqa: E402
from eventwire.web.app import WebSettings, create_app  # noqa: E402
from eventwire.web.synthetic import synthetic_records  # noqa: E402

EVENTS_PER_ARTICLE = 4
BATCH = 2000  # articles per Store.add transaction


def build(path: Path, events: int) -> float:
    """Fill ``path`` with ``events`` events; returns the seconds it took."""
    started = time.perf_counter()
    articles = events // EVENTS_PER_ARTICLE
    with Store.open(path) as store:
        batch = []
        for record in synthetic_records(articles, events_per_article=EVENTS_PER_ARTICLE, seed=11,
                                        days=1095):
            batch.append(record)
            if len(batch) == BATCH:
                store.add(batch)
                batch = []
        if batch:
            store.add(batch)
    return time.perf_counter() - started


def endpoints(sample_article: str) -> dict[str, tuple[str, dict[str, Any]]]:
    return {
        "events page 1": ("/api/events", {"limit": 50}),
        "events filtered": ("/api/events", {"type": "battle", "country": "UA", "since": "2023-01-01", "limit": 50}),
        "events deep page": ("/api/events", {"limit": 50, "offset": 90_000}),
        "events actor text": ("/api/events", {"actor": "rebel", "limit": 50}),
        "clusters world z2": ("/api/clusters", {"zoom": 2, "bbox": "-180,-85,180,85"}),
        "clusters region z7": ("/api/clusters", {"zoom": 7, "bbox": "34,31,42,38"}),
        "clusters filtered": ("/api/clusters", {"zoom": 3, "type": "remote_violence", "modality": "asserted"}),
        "timeline all": ("/api/timeline", {}),
        "timeline filtered": ("/api/timeline", {"type": "protest", "source": "ledger"}),
        "facets": ("/api/facets", {}),
        "events at cell": ("/api/events/at", {"bbox": "36,35.5,38,37"}),
        "article": (f"/api/articles/{sample_article}", {}),
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=40, help="timed requests per endpoint")
    parser.add_argument("--db", type=Path, help="store file (built when missing)")
    parser.add_argument("--keep", action="store_true", help="keep the store file")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    path = args.db or Path(tempfile.mkdtemp(prefix="eventwire-web-bench-")) / "web-bench.duckdb"
    built = build(path, args.events) if not path.exists() else 0.0
    store = Store.open(path, read_only=True)
    total = store.count_events()
    sample = store.query("SELECT min(id) AS id FROM articles")[0]["id"]

    server = uvicorn.Server(uvicorn.Config(create_app(store, settings=WebSettings()), host="127.0.0.1",
                                           port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]

    results: dict[str, dict[str, float]] = {}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        for name, (url, params) in endpoints(sample).items():
            for _ in range(3):  # warm-up: DuckDB caches, first-request imports
                client.get(url, params=params).raise_for_status()
            times = []
            size = 0
            for _ in range(args.requests):
                started = time.perf_counter()
                response = client.get(url, params=params)
                times.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()
                size = len(response.content)
            results[name] = {"p50_ms": round(statistics.median(times), 1),
                             "p95_ms": round(percentile(times, 0.95), 1), "bytes": size}
    server.should_exit = True
    thread.join(timeout=10)
    store.close()
    if args.db is None:
        if args.keep:
            print(f"store kept at {path}", file=sys.stderr)
        else:
            shutil.rmtree(path.parent)

    if args.json:
        print(json.dumps({"events": total, "build_seconds": round(built, 1), "endpoints": results}, indent=2))
        return
    print(f"store: {total:,} events" + (f" (built in {built:.1f}s)" if built else " (reused)"))
    print(f"{'endpoint':<22}{'p50 ms':>9}{'p95 ms':>9}{'bytes':>10}")
    for name, r in results.items():
        print(f"{name:<22}{r['p50_ms']:>9.1f}{r['p95_ms']:>9.1f}{int(r['bytes']):>10,}")


if __name__ == "__main__":
    main()
