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


if __name__ == "__main__":
    main()
