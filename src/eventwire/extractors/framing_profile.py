"""Outlet framing profiles over stored records (split from ``framing``)."""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from eventwire.schema import Record

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def count_words(text: str | None) -> int:
    """Words as the outlet profile counts them (letters, with inner hyphens/apostrophes)."""
    return len(_WORD.findall(text or ""))


class _Profile:
    """Running totals for one outlet, so profiles stream over a whole store."""

    def __init__(self) -> None:
        self.n = self.words = self.loaded = self.speaker = 0
        self.categories: Counter[str] = Counter()
        self.terms: Counter[str] = Counter()
        self.sources: Counter[str] = Counter()
        self.tones: list[float] = []

    def add(self, rec: Record) -> None:
        self.n += 1
        self.words += count_words(rec.article.title) + count_words(rec.article.text)
        self.sources[rec.article.source or "unknown"] += 1
        self.tones.append(rec.framing.tone)
        # The pipeline keeps quoted loaded words in framing.quoted; a record built
        # by hand may still flag them inside framing.loaded.
        self.speaker += len(rec.framing.quoted)
        for span in rec.framing.loaded:
            if span.speaker_framing:
                self.speaker += 1
                continue
            self.loaded += 1
            self.categories[span.category] += 1
            self.terms[" ".join(span.text.lower().split())] += 1

    def result(self, top: int) -> dict[str, Any]:
        tones = self.tones
        bins = Counter(min(4, int((t + 100) // 40)) for t in tones)
        edges = ["-100..-60", "-60..-20", "-20..20", "20..60", "60..100"]
        return {
            "articles": self.n,
            "sources": dict(self.sources.most_common()),
            "words": self.words,
            "loaded": self.loaded,
            "speaker_loaded": self.speaker,
            "loaded_per_1000_words": round(1000.0 * self.loaded / self.words, 2) if self.words else 0.0,
            "by_category": dict(self.categories.most_common()),
            "top_terms": [{"term": t, "count": c} for t, c in self.terms.most_common(top)],
            "tone": {
                "mean": round(statistics.fmean(tones), 1) if tones else None,
                "median": round(statistics.median(tones), 1) if tones else None,
                "stdev": round(statistics.pstdev(tones), 1) if tones else None,
                "min": min(tones) if tones else None,
                "max": max(tones) if tones else None,
                "histogram": {edges[i]: bins.get(i, 0) for i in range(5)},
            },
        }


def outlet_profile(records: Iterable[Record], *, top: int = 10) -> dict[str, Any]:
    """Framing profile of a set of records (typically one outlet's): outlet loaded spans
    per 1,000 words, spans by category, the most used terms and the tone distribution.
    Speaker framing (quoted loaded words) is counted apart and not in the density."""
    profile = _Profile()
    for rec in records:
        profile.add(rec)
    return profile.result(top)


def outlet_profiles(records: Iterable[Record], *, top: int = 10) -> dict[str, dict[str, Any]]:
    """``outlet_profile`` per ``article.source`` ("unknown" when missing), for ``eventwire outlets``.
    Streams: only running totals per outlet are kept, never the records."""
    groups: dict[str, _Profile] = defaultdict(_Profile)
    for rec in records:
        groups[rec.article.source or "unknown"].add(rec)
    return {src: prof.result(top) for src, prof in sorted(groups.items())}
