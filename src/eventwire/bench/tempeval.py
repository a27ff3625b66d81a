"""TempEval-3 (platinum test set) value accuracy of ``extract.dates.resolve_expression``.

For each TIMEX3 of type DATE in the TimeML files (the document creation time aside),
the annotated text is resolved against the document creation time (DCT) and compared
with the gold ``value`` at the gold value's own granularity: "2013" (year), "2013-03"
(month), "2013-W10" (ISO week), "2013-03-05" (day). A resolution is right when its start
and its end both fall in the gold period (so "the past week" resolved to a seven-day
window is wrong for "2013-W11"). Unresolved expressions count as wrong; coverage says
how many were resolved. Gold values that name no calendar period (PRESENT_REF,
PAST_REF, seasons such as "2012-SU", "XXXX-..." or centuries) cannot be compared and
are reported apart. ``strict_accuracy`` also requires our own precision to equal the
gold granularity. The benchmark's files are read where they lie; nothing is copied.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.extractors.dates import resolve_expression

_GRANULARITY = (
    ("day", re.compile(r"^\d{4}-\d{2}-\d{2}$")),
    ("week", re.compile(r"^\d{4}-W\d{2}$")),
    ("month", re.compile(r"^\d{4}-\d{2}$")),
    ("year", re.compile(r"^\d{4}$")),
)


def granularity(value: str) -> str | None:
    """The calendar granularity of a TIMEX3 value, or None if it names no calendar period."""
    for name, pattern in _GRANULARITY:
        if pattern.match(value):
            return name
    return None


def format_at(d: date, gran: str) -> str:
    """``d`` written as a TIMEX3 value of granularity ``gran``."""
    if gran == "day":
        return d.isoformat()
    if gran == "week":
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}"
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _timexes(path: Path) -> tuple[date | None, list[tuple[str, str]]]:
    """(DCT, [(text, value)]) for the DATE TIMEX3s of one TimeML file."""
    root = ET.parse(path).getroot()
    dct: date | None = None
    items: list[tuple[str, str]] = []
    for el in root.iter("TIMEX3"):
        value = el.get("value") or ""
        if el.get("functionInDocument") == "CREATION_TIME":
            if re.match(r"^\d{4}-\d{2}-\d{2}", value):
                dct = date.fromisoformat(value[:10])
            continue
        if el.get("type") == "DATE":
            items.append(("".join(el.itertext()).strip(), value))
    return dct, items


def run_tempeval(bench_dir: Path, *, max_errors: int = 40) -> dict[str, Any]:
    """Score date resolution on the TimeML files under ``bench_dir``.

    Returns counts, ``accuracy`` (right / comparable expressions, unresolved counted
    wrong), ``coverage`` (resolved / comparable), ``strict_accuracy``, a per-granularity
    breakdown, the non-comparable gold values by kind, and up to ``max_errors`` misses
    (for diagnosis at run time only).
    """
    files = sorted(Path(bench_dir).rglob("*.tml"))
    total = comparable = resolved = right = strict = 0
    by_gran: dict[str, dict[str, int]] = {}
    skipped: dict[str, int] = {}
    errors: list[dict[str, str | None]] = []
    for path in files:
        dct, items = _timexes(path)
        for text, value in items:
            total += 1
            gran = granularity(value)
            if gran is None or dct is None:
                kind = re.sub(r"\d", "9", value) if value else "(empty)"
                skipped[kind] = skipped.get(kind, 0) + 1
                continue
            comparable += 1
            row = by_gran.setdefault(gran, {"n": 0, "resolved": 0, "right": 0})
            row["n"] += 1
            found = resolve_expression(text, dct)
            got: str | None = None
            ok = False
            if found is not None:
                resolved += 1
                row["resolved"] += 1
                start, end, precision = found
                got = f"{start.isoformat()}..{end.isoformat()} ({precision})"
                ok = format_at(start, gran) == value == format_at(end, gran)
                if ok:
                    right += 1
                    row["right"] += 1
                    strict += precision == gran
            if not ok and len(errors) < max_errors:
                errors.append({"file": path.name, "text": text, "dct": dct.isoformat(), "gold": value, "got": got})
    return {
        "files": len(files),
        "date_timexes": total,
        "comparable": comparable,
        "resolved": resolved,
        "right": right,
        "accuracy": round(right / comparable, 4) if comparable else 0.0,
        "coverage": round(resolved / comparable, 4) if comparable else 0.0,
        "accuracy_when_resolved": round(right / resolved, 4) if resolved else 0.0,
        "strict_accuracy": round(strict / comparable, 4) if comparable else 0.0,
        "by_granularity": by_gran,
        "not_comparable": dict(sorted(skipped.items(), key=lambda kv: -kv[1])),
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    bench = Path(args[0]) if args else Path("/work/shared/bench/temporal/te3-platinum")
    sys.stdout.write(json.dumps(run_tempeval(bench), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
