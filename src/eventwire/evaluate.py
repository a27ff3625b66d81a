"""Evaluation against gold annotations: the scores behind `eventwire eval` and the CI gate.

``evaluate(paths)`` runs the pipeline on each gold file's article and scores the
record with the matching rules of ``shared/eval/README.md`` (``eval_match``).
Figures are per file and micro-averaged: true/false positives and negatives are
summed over the files before precision and recall are taken, so a long article
weighs more than a short one, as it holds more to find.

The rest lives beside this module and is re-exported here, so callers import
from ``eventwire.evaluate`` only: gold files in ``eval_gold``, matching in
``eval_match``, floors and the corpus hash in ``eval_gate``, the markdown and
PNG report in ``eval_report``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import GoldFileError
from eventwire.eval_gate import check_floors, corpus_hash, gold_files, update_floors
from eventwire.eval_gold import COMPONENTS, Gold, load_gold, parse_gold, read_input
from eventwire.eval_match import ComponentScore, FileScore, score_record
from eventwire.eval_report import write_report
from eventwire.schema import Record

__all__ = [
    "COMPONENTS", "QUOTE_SPEAKER", "ComponentScore", "EvalReport", "ExtractFn", "FileScore", "Gold",
    "check_floors", "corpus_hash", "evaluate", "expand_gold_paths", "load_gold", "parse_gold",
    "read_input", "score_record", "update_floors", "write_report",
]

# The attribution score (gold quotes that name a speaker) sits beside the six components.
QUOTE_SPEAKER = "quotes_with_speaker"

ExtractFn = Callable[..., Record]


def _sum(scores: Iterable[ComponentScore]) -> ComponentScore:
    total = ComponentScore()
    for s in scores:
        total = total + s
    return total


@dataclass(frozen=True)
class EvalReport:
    files: tuple[FileScore, ...]

    def totals(self) -> dict[str, ComponentScore]:
        """Micro-averaged scores of every component at least one gold file annotates."""
        out: dict[str, ComponentScore] = {}
        for name in COMPONENTS:
            scored = [f.components[name] for f in self.files if name in f.components]
            if scored:
                out[name] = _sum(scored)
        speaker = [f.quote_speaker for f in self.files if f.quote_speaker is not None]
        if speaker:
            out[QUOTE_SPEAKER] = _sum(speaker)
        return out

    def f1(self) -> dict[str, float]:
        return {name: s.f1 for name, s in self.totals().items()}

    def confusion(self) -> dict[str, dict[str, int]]:
        """Event types: gold type -> record type told in the same sentence -> n, over all files."""
        table: dict[str, dict[str, int]] = {}
        for f in self.files:
            for gold_type, row in f.confusion.items():
                out = table.setdefault(gold_type, {})
                for record_type, n in row.items():
                    out[record_type] = out.get(record_type, 0) + n
        return table

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: s.figures() for name, s in self.totals().items()}
        data["event_type_confusion"] = self.confusion()
        data["files"] = [
            {"path": f.path,
             **{name: s.figures() for name, s in f.components.items()},
             **({QUOTE_SPEAKER: f.quote_speaker.figures()} if f.quote_speaker else {}),
             "warnings": list(f.warnings)}
            for f in self.files
        ]
        return data

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def details(self) -> list[str]:
        """One line per miss, false positive, duplicate and warning, file by file."""
        lines: list[str] = []
        for f in self.files:
            lines.append(f"== {f.path}")
            lines += [f"  warning: {w}" for w in f.warnings]
            named = [*f.components.items(), *([(QUOTE_SPEAKER, f.quote_speaker)] if f.quote_speaker else [])]
            for name, s in named:
                lines += [f"  {name}: MISS {m}" for m in s.misses]
                lines += [f"  {name}: FALSE POSITIVE {m}" for m in s.false_positives]
                lines += [f"  {name}: duplicate (not counted) {m}" for m in s.duplicates]
        return lines


def expand_gold_paths(paths: Sequence[Path]) -> list[Path]:
    """Gold files as given, a folder standing for its ``*.gold.json`` files."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += gold_files(p)
        elif p.is_file():
            out.append(p)
        else:
            raise GoldFileError(path=p, detail="no such file or folder")
    return out


def evaluate(paths: Sequence[Path], *, extract_fn: ExtractFn | None = None) -> EvalReport:
    """Run the pipeline on each gold file's article and score the records.

    ``extract_fn`` defaults to ``eventwire.pipeline.extract``; it is called as
    ``extract_fn(body, title=..., published="YYYY-MM-DD" | None, source=...,
    title_is_first_line=False)`` because the headline has already been split off
    the file as the gold says (``read_input``).
    """
    if extract_fn is None:
        from eventwire.pipeline import extract  # the pipeline loads spaCy: only when needed

        extract_fn = extract
    scores: list[FileScore] = []
    for path in expand_gold_paths(paths):
        gold = load_gold(path)
        body, title = read_input(gold)
        record = extract_fn(body, title=title, published=gold.input.published,
                            source=gold.input.source, title_is_first_line=False)
        scores.append(score_record(gold, record))
    return EvalReport(files=tuple(scores))
