"""Numbers written in news text: "6,500", "1.5 million", "two dozen", "twenty-five".

Shared by the dates extractor ("the past two weeks") and the counts extractor. The
words come from ``data/counts.json`` so that one table says what a number word is.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

from eventwire.errors import DataFileError

_DATA = "counts.json"


@functools.lru_cache(maxsize=1)
def counts_lexicon() -> dict[str, Any]:
    """The parsed ``data/counts.json`` (cached; read-only by convention)."""
    path = resources.files("eventwire.data").joinpath(_DATA)
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise DataFileError(path=str(path), detail=str(err)) from err
    for key in ("version", "number_words", "scale_words", "vague", "qualifiers", "kind_cues"):
        if key not in data:
            raise DataFileError(path=str(path), detail=f"missing key '{key}'")
    return data


@functools.lru_cache(maxsize=8)
def _words(key: str) -> dict[str, int]:
    # cached: parse_number runs per candidate figure; callers only read the table
    return {str(k): int(v) for k, v in counts_lexicon()[key].items()}


@functools.lru_cache(maxsize=1)
def number_pattern() -> str:
    """A regex (no groups) for one written number, digits or words, with scales.

    "a"/"an" count only before a scale word ("a dozen"), so the article alone never
    reads as 1; "m"/"bn" only right after digits ("2.5m").
    """
    words = _words("number_words")
    atoms = sorted((w for w in words if w not in ("a", "an")), key=len, reverse=True)
    scales = sorted((w for w in _words("scale_words") if len(w) > 2), key=len, reverse=True)
    word = "(?:" + "|".join(atoms) + ")"
    scale = "(?:" + "|".join(scales) + ")"
    digits = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    atom = f"(?:{digits}(?:m|bn)?|{word})"
    tail = rf"(?:(?:[ \t-]+|[ \t-]+and[ \t-]+)(?:{word}|{scale}))*"
    # "half a million", "a quarter of a million": a fraction of one scale unit
    fraction = r"(?:half[ \t]+(?:a|an)|(?:a|one|three)[ \t]+quarters?[ \t]+of[ \t]+(?:a|an))"
    return (rf"(?<![\w.,])(?:{fraction}[ \t]+{scale}|{atom}(?:[ \t]+{scale})?{tail}|(?:a|an)[ \t]+{scale}{tail})"
            r"(?![\w]|,\d|\.\d)")


@functools.lru_cache(maxsize=1)
def number_regex() -> re.Pattern[str]:
    return re.compile(number_pattern(), re.IGNORECASE)


_FRACTION = re.compile(r"(?:(half)|(?:a|one|(three))\s+quarters?\s+of)\s+(?=(?:a|an)\s)", re.IGNORECASE)


def parse_number(text: str) -> int | None:
    """The value of one written number, or None if ``text`` is not one.

    >>> parse_number("1.5 million"), parse_number("two hundred and fifty"), parse_number("6,500")
    (1500000, 250, 6500)
    """
    words = _words("number_words")
    scales = _words("scale_words")
    frac = _FRACTION.match(text.strip())
    if frac:  # "half a million" is 500,000, "three quarters of a million" 750,000
        rest = parse_number(text.strip()[frac.end():])
        share = 0.5 if frac.group(1) else (0.75 if frac.group(2) else 0.25)
        return None if rest is None else round(rest * share)
    parts = [p for p in re.split(r"[\s-]+", text.strip().lower()) if p and p != "and"]
    if not parts:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for part in parts:
        m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(m|bn)?", part)
        if m:
            current += float(m.group(1).replace(",", "") + (m.group(2) or ""))
            if m.group(3):
                current *= scales[m.group(3)]
            seen = True
        elif part in words:
            current += words[part]
            seen = True
        elif part in scales:
            mult = scales[part]
            if current == 0:
                current = 1
            if mult >= 1000:
                total += current * mult
                current = 0
            else:
                current *= mult
            seen = True
        else:
            return None
    return round(total + current) if seen else None
