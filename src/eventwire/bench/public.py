"""Run the public third-party benchmarks (``shared/bench``) and gather their figures.

The benchmark data are other people's work and stay outside the repository: by
default the folder ``../shared/bench`` beside the repository. The runners live
in ``eventwire.bench.geoparse`` and ``eventwire.bench.tempeval`` and are
imported only when a benchmark runs (they load the pipeline and its model).

Expected runner interfaces:
- ``geoparse.run_geoparsing(bench_dir, corpus, out_path) -> {metric: value}``:
  writes eventwire's output for ``corpus`` to ``out_path`` in the benchmark's
  line format and returns its scores (the keys of ``score.py``: ``e2e_acc161``,
  ``F1``, ``AUC``...);
- ``geoparse.peer_scores(bench_dir, corpus) -> {system: {metric: value}}``:
  the nine stored peer outputs scored the same way;
- ``tempeval.run_tempeval(bench_dir) -> {metric: value}`` with
  ``value_accuracy`` (or ``accuracy``, copied to ``value_accuracy``).

The result has the shape ``eval_report.write_report`` reads::

    {"geoparsing": {corpus: {"eventwire": {...}, "peers": {system: {...}}}},
     "dates": {...}}
"""

from __future__ import annotations

import importlib
import logging
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

GEO_CORPORA: tuple[str, ...] = ("GeoWebNews", "LGL", "TR-News")
GEO_MODULE = "eventwire.bench.geoparse"
TEMPEVAL_MODULE = "eventwire.bench.tempeval"

_log = logging.getLogger(__name__)


def _repo_root() -> Path | None:
    for folder in Path(__file__).resolve().parents:
        if (folder / "pyproject.toml").is_file():
            return folder
    return None


def default_bench_dir() -> Path | None:
    """``../shared/bench`` relative to the repository (None outside a checkout)."""
    root = _repo_root()
    return None if root is None else root.parent / "shared" / "bench"


def find_bench_dir(bench_dir: Path | None = None) -> Path | None:
    """The benchmark folder to use, or None when it is not there."""
    candidate = Path(bench_dir) if bench_dir is not None else default_bench_dir()
    if candidate is None or not candidate.is_dir():
        return None
    return candidate


def _import(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:  # the runner exists but something it needs is missing: a real error
            raise
        return None


def run_public(bench_dir: Path | None = None, *, out_dir: Path | None = None,
               corpora: Sequence[str] = GEO_CORPORA,
               log: Callable[[str], None] | None = None) -> dict[str, Any] | None:
    """Run the public benchmarks found in ``bench_dir`` (default ``../shared/bench``).

    Returns None, after saying why through ``log`` (default: the logging
    module), when the folder is absent. A runner module that is not installed
    or a corpus that is missing is skipped with a message, so the result holds
    what could run. Geoparsing outputs go to ``out_dir`` (default: a temporary
    folder removed afterwards).
    """
    say = log or _log.warning
    found = find_bench_dir(bench_dir)
    if found is None:
        where = bench_dir if bench_dir is not None else default_bench_dir()
        say(f"public benchmarks skipped: no benchmark folder at {where}. Put the shared benchmarks "
            "at ../shared/bench beside the repository, or give their folder explicitly.")
        return None
    results: dict[str, Any] = {}
    geo = _import(GEO_MODULE)
    if geo is None:
        say(f"geoparsing benchmark skipped: {GEO_MODULE} is not installed")
    else:
        if out_dir is None:
            with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
                geo_results = _run_geoparsing(geo, found, Path(tmp), corpora, say)
        else:
            Path(out_dir).mkdir(parents=True, exist_ok=True)
            geo_results = _run_geoparsing(geo, found, Path(out_dir), corpora, say)
        if geo_results:
            results["geoparsing"] = geo_results
    tempeval = _import(TEMPEVAL_MODULE)
    if tempeval is None:
        say(f"date benchmark skipped: {TEMPEVAL_MODULE} is not installed")
    elif not (found / "temporal").is_dir():
        say(f"date benchmark skipped: no {found / 'temporal'} folder")
    else:
        dates = dict(tempeval.run_tempeval(found))
        # The runner calls its headline figure "accuracy"; the report reads "value_accuracy".
        if "value_accuracy" not in dates and "accuracy" in dates:
            dates = {"value_accuracy": dates["accuracy"], **dates}
        results["dates"] = dates
    return results


def _run_geoparsing(geo: ModuleType, bench_dir: Path, out_dir: Path, corpora: Sequence[str],
                    say: Callable[[str], None]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for corpus in corpora:
        if not (bench_dir / "geoparsing" / "corpora" / corpus).is_dir():
            say(f"geoparsing corpus {corpus} skipped: not in {bench_dir / 'geoparsing' / 'corpora'}")
            continue
        entry: dict[str, Any] = {
            "eventwire": dict(geo.run_geoparsing(bench_dir, corpus, out_dir / f"{corpus}_eventwire.txt")),
        }
        peers = getattr(geo, "peer_scores", None)
        if peers is None:
            say(f"peer scores skipped: {GEO_MODULE} has no peer_scores(bench_dir, corpus)")
        else:
            entry["peers"] = {str(k): dict(v) for k, v in peers(bench_dir, corpus).items()}
        out[corpus] = entry
    return out
