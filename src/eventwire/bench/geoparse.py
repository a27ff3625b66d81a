"""Geoparsing benchmark: eventwire's place recognition and resolution on EUPEG's corpora.

The corpora, gold files, peer outputs and scorer live in ``shared/bench/geoparsing``
(third-party data, never copied into the repository). Each document is parsed with
``eventwire.nlp``, given a Context with no title and no publication date, and passed to
``extract_places``; every mention becomes one line item of the benchmark's format
``name,,surface,,lat,,lon,,start,,end`` joined by ``||``, one line per document. The
benchmark's own ``score.py`` scores the file (imported by path, never copied).
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from eventwire.extractors.context import Context
from eventwire.extractors.places import extract_places
from eventwire.gazetteer import Gazetteer, default_gazetteer
from eventwire.nlp import parse_many
from eventwire.schema import Place

CORPORA = ("GeoWebNews", "LGL", "TR-News")


def _geo_dir(bench_dir: Path) -> Path:
    """Accept shared/bench or shared/bench/geoparsing."""
    return bench_dir if (bench_dir / "score.py").exists() else bench_dir / "geoparsing"


def _scorer(bench_dir: Path) -> ModuleType:
    path = _geo_dir(bench_dir) / "score.py"
    spec = importlib.util.spec_from_file_location("eupeg_score", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _documents(corpus_dir: Path) -> Iterator[str]:
    """Documents 0..n-1 in order; offsets are Python str indices, so no newline translation."""
    names = sorted((p.name for p in corpus_dir.iterdir() if p.name.isdigit()), key=int)
    for name in names:
        with open(corpus_dir / name, encoding="utf-8", errors="replace", newline="") as fh:
            yield fh.read()


def _clean(value: str) -> str:
    return value.replace("||", " ").replace(",,", ",").replace("\n", " ")


def format_line(places: list[Place]) -> str:
    """One document's places in the benchmark's line format, mentions in text order."""
    items = []
    for place in places:
        for m in place.mentions:
            items.append((m.start, f"{_clean(place.name)},,{_clean(m.text)},,{place.lat},,{place.lon},,"
                                   f"{m.start},,{m.end}"))
    return "||".join(item for _start, item in sorted(items))


def predict_corpus(bench_dir: Path, corpus: str, out_path: Path, *,
                   gazetteer: Gazetteer | None = None, limit: int | None = None) -> dict[str, Any]:
    """Write eventwire's predictions for one corpus; returns counts and timing."""
    corpus_dir = _geo_dir(bench_dir) / "corpora" / corpus
    texts = list(_documents(corpus_dir))[:limit]
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    began = time.perf_counter()
    lines = []
    n_places = 0
    for doc in parse_many(texts):
        places = extract_places(Context(doc=doc, body_start=0, published=None), gazetteer=gaz)
        n_places += sum(len(p.mentions) for p in places)
        lines.append(format_line(places))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return {"documents": len(texts), "mentions": n_places, "seconds": round(time.perf_counter() - began, 2)}


def score_file(bench_dir: Path, corpus: str, pred_path: Path) -> dict[str, float]:
    """Score a prediction file with the benchmark's own scorer."""
    scorer = _scorer(bench_dir)
    gold = scorer.load(str(_geo_dir(bench_dir) / "gold" / f"{corpus}_gold.txt"))
    result: dict[str, float] = scorer.score(gold, scorer.load(str(pred_path)))
    return result


def run_geoparsing(bench_dir: Path, corpus: str, out_path: Path) -> dict[str, Any]:
    """Predict one corpus with eventwire, write ``out_path`` and return the scorer's figures
    (P, R, F1, acc161, mean_km, median_km, AUC, e2e_acc161, ...) plus timing."""
    if corpus not in CORPORA:
        raise ValueError(f"unknown corpus {corpus!r}; choose one of {', '.join(CORPORA)}")
    run = predict_corpus(bench_dir, corpus, out_path)
    scores: dict[str, Any] = dict(score_file(bench_dir, corpus, out_path))
    scores.update(run)
    return scores


def peer_scores(bench_dir: Path, corpus: str) -> dict[str, dict[str, float]]:
    """The nine stored geoparsers' scores on one corpus, scored the same way."""
    scorer = _scorer(bench_dir)
    geo = _geo_dir(bench_dir)
    gold = scorer.load(str(geo / "gold" / f"{corpus}_gold.txt"))
    out: dict[str, dict[str, float]] = {}
    for path in sorted((geo / "peer_output").glob(f"{corpus}_*.txt")):
        out[path.stem[len(corpus) + 1 :]] = scorer.score(gold, scorer.load(str(path)))
    return out


def best_peers(bench_dir: Path, corpus: str) -> dict[str, tuple[str, float]]:
    """Best peer per headline figure: e2e_acc161 and F1 (higher is better), AUC (lower)."""
    peers = peer_scores(bench_dir, corpus)
    best: dict[str, tuple[str, float]] = {}
    for metric, higher in (("e2e_acc161", True), ("F1", True), ("AUC", False)):
        valid = {k: v[metric] for k, v in peers.items() if v[metric] == v[metric]}  # skip NaN
        name = (max if higher else min)(valid, key=lambda k: valid[k])
        best[metric] = (name, valid[name])
    return best
