"""`eventwire eval` and `eventwire bench-public`: option handling over
``eventwire.evaluate`` and ``eventwire.bench.public`` (kept out of cli.py so
the CLI module stays a table of thin commands)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventwire.errors import FloorBroken, GoldFileError


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _gold_dir(paths: list[Path]) -> Path:
    """The floors belong to one corpus folder: require exactly that."""
    if len(paths) != 1 or not paths[0].is_dir():
        raise GoldFileError(path=", ".join(map(str, paths)),
                            detail="floors need exactly one gold corpus folder (e.g. eval/gold)")
    return paths[0]


def _table(report_f1: dict[str, dict[str, float]]) -> str:
    lines = [f"{'component':<22}{'precision':>10}{'recall':>10}{'f1':>10}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name, fig in report_f1.items():
        if not isinstance(fig, dict) or "f1" not in fig:
            continue
        lines.append(f"{name:<22}{fig['precision']:>10.3f}{fig['recall']:>10.3f}{fig['f1']:>10.3f}"
                     f"{fig.get('tp', 0):>6}{fig.get('fp', 0):>6}{fig.get('fn', 0):>6}")
    return "\n".join(lines)


def run_eval(args: argparse.Namespace) -> int:
    from eventwire.evaluate import check_floors, evaluate, update_floors, write_report

    paths = [Path(p) for p in args.gold]
    report = evaluate(paths)
    data = report.to_dict()
    if args.json:
        print(json.dumps({k: v for k, v in data.items() if k != "files"} | {"files": data["files"]},
                         ensure_ascii=False, indent=2))
    else:
        print(f"{len(report.files)} gold files, micro-averaged:")
        print(_table(data))
    if args.details:
        print("\n".join(report.details()))
    if args.report:
        public = None
        if args.public:
            from eventwire.bench.public import run_public

            public = run_public(Path(args.bench_dir) if args.bench_dir else None, log=_say)
        md, png = write_report(report, Path(args.report), public=public)
        _say(f"report: {md} and {png}")
    if args.update_floors or args.lower_floors:
        if args.lower_floors and not (args.reason or "").strip():
            raise FloorBroken(detail="--lower-floors needs --reason 'why'")
        floors = Path(args.floors or "eval/floors.json")
        update_floors(report, floors, _gold_dir(paths), allow_lower=args.lower_floors, reason=args.reason)
        _say(f"floors pinned in {floors}")
    elif args.floors:
        broken = check_floors(report, Path(args.floors), _gold_dir(paths))
        if broken:
            raise FloorBroken(detail="; ".join(broken))
        _say(f"quality gate passed: every component at or above its floor in {args.floors}")
    return 0


def run_bench_public(args: argparse.Namespace) -> int:
    from eventwire.bench.public import run_public

    results = run_public(Path(args.bench_dir) if args.bench_dir else None, log=_say)
    if results is None:
        return 2
    if args.json:
        print(json.dumps(results, indent=2, default=str))
        return 0
    for corpus, entry in results.get("geoparsing", {}).items():
        print(f"geoparsing {corpus}")
        rows = {"eventwire": entry["eventwire"], **entry.get("peers", {})}
        print(f"  {'system':<14}{'e2e_acc161':>11}{'F1':>8}{'AUC':>8}")
        for system, fig in rows.items():
            print(f"  {system:<14}{fig.get('e2e_acc161', float('nan')):>11.3f}{fig.get('F1', float('nan')):>8.3f}"
                  f"{fig.get('AUC', float('nan')):>8.3f}")
    if "dates" in results:
        d = results["dates"]
        print(f"TempEval-3 platinum DATE values: accuracy {d.get('value_accuracy', float('nan')):.3f}"
              f" over {d.get('comparable', '?')} comparable expressions"
              f" (coverage {d.get('coverage', float('nan')):.3f}, {d.get('date_timexes', '?')} DATE expressions)")
    return 0
