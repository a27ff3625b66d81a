"""Quote regions (the speaker's words) and the outlet tone score (split from ``framing``;
the method is described in the ``framing`` module docstring)."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc

from eventwire.extractors.framing_lexicon import load_lexicon
from eventwire.schema import Quote

TONE_SCALE = 55.0          # net weighted words per 100 giving tanh(1) = -76
LOADED_FACTOR = 5.0        # one point of loaded-span weight counts as five tone words
MIN_WORDS = 40             # denominator floor for short texts
_NEG_WINDOW = 3            # tokens before a tone word searched for a negator


# ----------------------------------------------------------------- quotes ------------

_OPEN_DOUBLE, _CLOSE_DOUBLE = "“„«", "”»"


def quote_regions(text: str, quotes: Sequence[Quote] = ()) -> list[tuple[int, int]]:
    """Character ranges that are a speaker's words: direct and partial quotes, and
    any text between quote marks. A quote left open runs to the end of its paragraph."""
    regions = [(q.start, q.end) for q in quotes if q.kind in ("direct", "partial")]
    pos = 0
    for para in text.split("\n"):
        opened: int | None = None
        single: int | None = None
        for i, ch in enumerate(para):
            if ch in _OPEN_DOUBLE or (ch == '"' and opened is None) or (ch == "”" and opened is None):
                if opened is None:
                    opened = i
                continue
            if (ch in _CLOSE_DOUBLE or ch == '"') and opened is not None:
                regions.append((pos + opened + 1, pos + i))
                opened = None
                continue
            if ch in "‘'" and (i == 0 or not para[i - 1].isalnum()) and i + 1 < len(para) \
                    and para[i + 1].isalnum():
                single = i
            elif ch in "’'" and single is not None and (para[i - 1].isalnum() or para[i - 1] in ".,!?…") \
                    and (i + 1 == len(para) or not para[i + 1].isalnum()) and i - single <= 200:
                regions.append((pos + single + 1, pos + i))
                single = None
        if opened is not None:
            regions.append((pos + opened + 1, pos + len(para)))
        pos += len(para) + 1
    return sorted(regions)


class Regions:
    """Disjoint, sorted character ranges with a point/range membership test."""

    def __init__(self, regions: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(regions):  # a quote object and its marks overlap: merge them
            if merged and a <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        self.regions = merged
        self.starts = [a for a, _ in merged]

    def contains(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self.starts, start) - 1
        # a span may run onto the closing mark, hence ``b + 1``
        return i >= 0 and self.regions[i][0] <= start and end <= self.regions[i][1] + 1



def tone_score(doc: Doc, regions: list[tuple[int, int]], *, skip: AbstractSet[int] = frozenset(),
               loaded_weight: float = 0.0) -> float:
    """-100..+100 tone of the outlet's words (tokens outside ``regions``); see the module doc.
    ``skip``: token indices already scored as loaded spans; ``loaded_weight``: their
    signed weight (negative for hostile framing)."""
    lex = load_lexicon()
    inside = Regions(regions)
    words, net = 0, LOADED_FACTOR * loaded_weight
    for tok in doc:
        if not tok.is_alpha or inside.contains(tok.idx):
            continue
        words += 1
        if tok.i in skip:
            continue
        keys = (tok.lemma_.lower(), tok.lower_)
        neg = next((lex.tone_negative[k] for k in keys if k in lex.tone_negative), 0.0)
        pos = next((lex.tone_positive[k] for k in keys if k in lex.tone_positive), 0.0)
        if not neg and not pos:
            continue
        window = doc[max(tok.sent.start, tok.i - _NEG_WINDOW):tok.i]
        if any(t.lower_ in lex.negators for t in window):
            continue
        net += pos - neg
    rate = 100.0 * net / max(words, MIN_WORDS)
    return round(100.0 * math.tanh(rate / TONE_SCALE), 1)
