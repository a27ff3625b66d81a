"""The CI quality gate: F1 floors pinned to a hash of the gold corpus.

``eval/floors.json``::

    {"corpus_sha256": "...",
     "floors": {"places": 0.812, "counts": 0.5, ...},
     "lowered": [{"component", "from", "to", "reason", "date"}, ...]}

Floors are F1 values, truncated (not rounded) to three decimals so that the
run that set them passes. Raising a floor is routine; lowering one needs
``allow_lower`` and a reason, and every lowering is kept in ``lowered`` for
review. When the corpus changes the floors no longer mean anything, so checking
refuses (CorpusChanged) until they are re-pinned; a re-pin that would lower a
floor needs the flag and a reason too, and records the corpus change with it.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.errors import CorpusChanged, DataFileError, FileNotFound, FloorBroken, GoldFileError
from eventwire.eval_gold import load_gold

if TYPE_CHECKING:  # evaluate imports this module
    from eventwire.evaluate import EvalReport

_EPS = 1e-9


def gold_files(gold_dir: Path) -> list[Path]:
    files = sorted(Path(gold_dir).glob("*.gold.json"))
    if not files:
        raise GoldFileError(path=gold_dir, detail="the folder holds no *.gold.json file")
    return files


def corpus_hash(gold_dir: Path) -> str:
    """sha256 over the gold files (sorted by name) and the articles they point to."""
    h = hashlib.sha256()
    for path in gold_files(gold_dir):
        gold = load_gold(path)
        # Length-prefixed parts, so that moving bytes between files changes the hash.
        for part in (path.name.encode(), path.read_bytes(), gold.input.file.read_bytes()):
            h.update(len(part).to_bytes(8, "big"))
            h.update(part)
    return h.hexdigest()


def floor_value(f1: float) -> float:
    return math.floor(f1 * 1000 + _EPS) / 1000


def read_floors(floors_path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(floors_path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFound(path=floors_path) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataFileError(path=floors_path, detail=str(exc)) from None
    ok = (isinstance(data, dict) and isinstance(data.get("corpus_sha256"), str)
          and isinstance(data.get("floors"), dict)
          and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in data["floors"].values())
          and isinstance(data.get("lowered", []), list))
    if not ok:
        raise DataFileError(path=floors_path,
                            detail="expected {'corpus_sha256': str, 'floors': {component: number}}")
    return data  # type: ignore[no-any-return]


def check_floors(report: EvalReport, floors_path: Path, gold_dir: Path) -> list[str]:
    """The floors the report breaks, one sentence each (empty: the gate passes).

    Raises CorpusChanged when the gold corpus is not the one the floors were set on.
    """
    data = read_floors(floors_path)
    found = corpus_hash(gold_dir)
    if found != data["corpus_sha256"]:
        raise CorpusChanged(found=found[:12], pinned=str(data["corpus_sha256"])[:12])
    f1 = report.f1()
    broken: list[str] = []
    for component, floor in data["floors"].items():
        if component not in f1:
            broken.append(f"{component}: no gold file scores it (floor {floor:.3f})")
        elif f1[component] + _EPS < floor:
            broken.append(f"{component}: F1 {f1[component]:.3f} is below its floor {floor:.3f}")
    return broken


def update_floors(report: EvalReport, floors_path: Path, gold_dir: Path, *, allow_lower: bool = False,
                  reason: str | None = None, today: date | None = None) -> dict[str, Any]:
    """Pin the report's F1 figures as floors and return what was written.

    A floor may only go down with ``allow_lower`` and a non-empty ``reason``,
    on the same corpus or a changed one; otherwise nothing is written and
    FloorBroken says which floors would drop. Components the report does not
    score keep theirs.
    """
    floors_path = Path(floors_path)
    new_hash = corpus_hash(gold_dir)
    old = read_floors(floors_path) if floors_path.exists() else None
    old_floors: dict[str, float] = dict(old["floors"]) if old else {}
    current = {name: floor_value(v) for name, v in report.f1().items()}
    drops = [(c, old_floors[c], v) for c, v in current.items() if c in old_floors and v < old_floors[c]]
    same_corpus = old is not None and old["corpus_sha256"] == new_hash
    # A grown corpus may lower a score honestly, but never silently: the flag and
    # a reason are needed whatever changed.
    if drops:
        listed = ", ".join(f"{c} {a:.3f} -> {b:.3f}" for c, a, b in drops)
        if not allow_lower:
            raise FloorBroken(detail=f"updating would lower floors ({listed})")
        if not reason or not reason.strip():
            raise FloorBroken(detail=f"lowering floors ({listed}) needs a reason")
    why = reason.strip() if reason and reason.strip() else None
    if not same_corpus and old is not None:
        change = f"gold corpus changed ({str(old['corpus_sha256'])[:12]} -> {new_hash[:12]})"
        why = f"{change}: {why}" if why else change
    day = (today or date.today()).isoformat()
    lowered = list(old.get("lowered", [])) if old else []
    lowered += [{"component": c, "from": a, "to": b, "reason": why, "date": day} for c, a, b in drops]
    floors = {**old_floors, **current}
    data: dict[str, Any] = {"corpus_sha256": new_hash, "floors": dict(sorted(floors.items())),
                            "lowered": lowered}
    floors_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = floors_path.with_name(floors_path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, floors_path)  # never leave a half-written floors file behind
    return data
