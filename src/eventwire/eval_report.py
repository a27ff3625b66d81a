"""The evaluation report as a markdown file and PNG bar charts.

``public`` is what ``eventwire.bench.public.run_public`` returns::

    {"geoparsing": {corpus: {"eventwire": {"e2e_acc161", "F1", "AUC", ...},
                             "peers": {system: {...}}}},
     "dates": {"value_accuracy": float, ...}}

Either part may be missing. Charts are drawn on a bare matplotlib ``Figure``
(Agg canvas) so no pyplot state or GUI backend is ever touched.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventwire.evaluate import EvalReport

REPORT_MD = "eval-report.md"
REPORT_PNG = "eval-report.png"
GEO_PNG = "eval-geoparsing.png"
GEO_METRICS = ("e2e_acc161", "F1", "AUC")
EVENTWIRE = "eventwire"
HEIDELTIME_F1 = 0.78  # shared/bench/README.md, the date benchmark's reference figure


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return None if math.isnan(value) else float(value)


def metric(scores: Mapping[str, Any], name: str) -> float | None:
    """A metric by name, whatever the case of the key (``F1``/``f1``, ``AUC``/``auc``)."""
    for key, value in scores.items():
        if key.lower() == name.lower():
            return _num(value)
    return None


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(r) + " |" for r in rows), ""]


def _geo_systems(corpus: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    systems: dict[str, Mapping[str, Any]] = {}
    if isinstance(corpus.get(EVENTWIRE), Mapping):
        systems[EVENTWIRE] = corpus[EVENTWIRE]
    for name, scores in (corpus.get("peers") or {}).items():
        if isinstance(scores, Mapping):
            systems[str(name)] = scores
    return systems


def _public_markdown(public: Mapping[str, Any], geo_png: Path | None) -> list[str]:
    lines = ["## Public benchmarks", ""]
    geo = public.get("geoparsing") or {}
    for corpus, results in geo.items():
        systems = _geo_systems(results)
        ranked = sorted(systems.items(), key=lambda kv: -(metric(kv[1], "e2e_acc161") or -1.0))
        lines += [f"### Geoparsing: {corpus}", ""]
        lines += _table(["system", *GEO_METRICS], [
            [f"**{name}**" if name == EVENTWIRE else name, *(_fmt(metric(s, m)) for m in GEO_METRICS)]
            for name, s in ranked
        ])
    if geo:
        lines += ["e2e_acc161: gold toponyms found and placed within 161 km, over all gold toponyms "
                  "(higher is better); AUC of the error curve: lower is better.", ""]
    if geo_png is not None:
        lines += [f"![geoparsing]({geo_png.name})", ""]
    dates = public.get("dates")
    if isinstance(dates, Mapping):
        rows = [[str(k), str(v) if isinstance(v, int) else _fmt(_num(v))]
                for k, v in dates.items() if _num(v) is not None]
        lines += ["### Dates: TempEval-3 platinum (value accuracy)", ""]
        lines += _table(["metric", "value"], rows)
        lines += [f"For comparison: HeidelTime's published value F1 on this set is about "
                  f"{HEIDELTIME_F1}.", ""]
    return lines


def _markdown(report: EvalReport, public: Mapping[str, Any] | None, png: Path, geo_png: Path | None) -> str:
    totals = report.totals()
    lines = ["# eventwire evaluation", "",
             f"{len(report.files)} gold file(s); figures are micro-averaged over files.", ""]
    lines += _table(["component", "precision", "recall", "F1", "TP", "FP", "FN"], [
        [name, _fmt(s.precision), _fmt(s.recall), _fmt(s.f1), str(s.tp), str(s.fp), str(s.fn)]
        for name, s in totals.items()
    ])
    lines += [f"![scores]({png.name})", ""]
    names = list(totals)
    if len(report.files) > 1:
        lines += ["## F1 per file", ""]
        lines += _table(["file", *names], [
            [Path(f.path).name, *(_fmt(f.components[n].f1) if n in f.components else
                                  _fmt(f.quote_speaker.f1) if n == "quotes_with_speaker" and f.quote_speaker
                                  else "–" for n in names)]
            for f in report.files
        ])
    confusion = report.confusion()
    if confusion:
        cols = sorted({c for row in confusion.values() for c in row})
        lines += ["## Event types (gold, rows; record event told in the same sentence, columns)", ""]
        lines += _table(["gold \\ record", *cols],
                        [[g, *(str(confusion[g].get(c, "")) for c in cols)] for g in sorted(confusion)])
    if public:
        lines += _public_markdown(public, geo_png)
    return "\n".join(lines).rstrip() + "\n"


def _score_chart(report: EvalReport, path: Path) -> None:
    from matplotlib.figure import Figure

    totals = report.totals()
    names = list(totals) or ["(nothing scored)"]
    fig = Figure(figsize=(max(6.0, 1.3 * len(names)), 4.0))
    ax = fig.subplots()
    width = 0.27
    for k, label in enumerate(("precision", "recall", "F1")):
        values = [getattr(totals[n], label.lower()) if n in totals else 0.0 for n in names]
        ax.bar([i + (k - 1) * width for i in range(len(names))], values, width, label=label)
    ax.set_xticks(range(len(names)), names, rotation=20, ha="right")
    ax.set_ylim(0, 1.15)  # headroom so the legend never hides a perfect score
    ax.set_title("eventwire on the gold corpus (micro-averaged)")
    ax.legend(loc="upper center", ncols=3, fontsize="small", frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def _geo_chart(geo: Mapping[str, Any], path: Path) -> None:
    from matplotlib.figure import Figure

    corpora = list(geo)
    fig = Figure(figsize=(4.5 * len(corpora), 4.0))
    axes = fig.subplots(1, len(corpora), squeeze=False)[0]
    for ax, corpus in zip(axes, corpora, strict=True):
        ranked = sorted(((n, metric(s, "e2e_acc161") or 0.0) for n, s in _geo_systems(geo[corpus]).items()),
                        key=lambda kv: kv[1])
        ax.barh([n for n, _ in ranked], [v for _, v in ranked],
                color=["tab:red" if n == EVENTWIRE else "tab:gray" for n, _ in ranked])
        ax.set_xlim(0, 1)
        ax.set_title(f"{corpus}: e2e_acc161")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def write_report(report: EvalReport, out_dir: Path, *,
                 public: dict[str, Any] | None = None) -> tuple[Path, Path]:
    """Write the markdown report and the score chart into ``out_dir``; return both paths.

    With ``public`` results the markdown gains their tables and, for
    geoparsing, a second chart (``eval-geoparsing.png``) beside the first.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    md, png = out_dir / REPORT_MD, out_dir / REPORT_PNG
    geo = (public or {}).get("geoparsing") or {}
    geo_png = out_dir / GEO_PNG if geo else None
    _score_chart(report, png)
    if geo_png is not None:
        _geo_chart(geo, geo_png)
    md.write_text(_markdown(report, public, png, geo_png), encoding="utf-8")
    return md, png
