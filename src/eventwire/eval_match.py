"""The matching rules of ``shared/eval/README.md``, applied to one record.

Every component follows the same steps: list the (gold item, record item)
pairs that satisfy the rule, give each pair a quality, then assign one-to-one,
best pair first. Matched gold items are true positives (optional ones too: they
are credit when found). An unmatched *required* gold item is a false negative.
A record item that matches no gold item at all is a false positive; one that
matches a gold item already taken by a better record item is a *duplicate*
(the same place twice, a loaded word repeated in the text): listed, but neutral,
because the README counts against precision only what "matches no gold item".

Gold texts (evidence, quotes, loaded words) carry no offsets, so they are
located in the record's own article, headline and body, case-, accent-,
quote-mark- and white-space-insensitively. A span found in the headline only
meets record spans with ``field == "title"``, one in the body only body spans.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Protocol, TypeVar

from eventwire.eval_gold import Gold, GoldCount, GoldEvent, GoldPlace, GoldQuote
from eventwire.schema import Article, Count, Event, Place, Quote, Record

Span = tuple[str, int, int]  # (field, start, end), field "title" or "text"

QUOTE_MIN_OVERLAP = 0.8  # of the shorter of gold and record quote
EVENT_PLACE_KM = 50.0
NO_MATCH = "(none)"  # the confusion table's row/column for "nothing matched"

# Typographic variants that say the same thing; NFKD then turns "…" into "...".
_FOLD_TABLE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201b": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch.translate(_FOLD_TABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """Case-, accent- and typography-insensitive form, white space collapsed."""
    return " ".join("".join(_fold_char(c) for c in text).split())


@dataclass(frozen=True)
class _Folded:
    text: str
    index: tuple[int, ...]  # source offset of each folded character


def _fold_map(source: str) -> _Folded:
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(source):
        for c in _fold_char(ch):
            if c.isspace():
                if out and out[-1] != " ":
                    out.append(" ")
                    index.append(i)
                continue
            out.append(c)
            index.append(i)
    return _Folded("".join(out), tuple(index))


class ArticleText:
    """Finds gold texts in a record's headline and body, in record offsets."""

    def __init__(self, article: Article) -> None:
        self._fields = {"title": _fold_map(article.title or ""), "text": _fold_map(article.text)}
        self._sources = {"title": article.title or "", "text": article.text}

    def locate(self, needle: str) -> tuple[Span, ...]:
        key = fold(needle)
        spans: list[Span] = []
        if not key:
            return ()
        for fld in ("title", "text"):
            folded = self._fields[fld]
            pos = folded.text.find(key)
            while pos != -1:
                spans.append((fld, folded.index[pos], folded.index[pos + len(key) - 1] + 1))
                pos = folded.text.find(key, pos + 1)
        return tuple(spans)

    def cut(self, span: Span) -> str:
        return self._sources[span[0]][span[1]:span[2]]


def overlap(a: Span, b: Span) -> int:
    if a[0] != b[0]:
        return 0
    return max(0, min(a[2], b[2]) - max(a[1], b[1]))


def _best_overlap(span: Span, others: Sequence[Span]) -> int:
    return max((overlap(span, o) for o in others), default=0)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class ComponentScore:
    """True/false positives and negatives of one component, with what they were.

    With nothing asserted precision is 1.0, with nothing to find recall is 1.0
    (vacuously true); F1 is 0.0 unless something was both asked and found, or
    nothing was asked and nothing asserted.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    matched: tuple[tuple[str, str], ...] = ()  # (gold, record) descriptions
    misses: tuple[str, ...] = ()  # required gold items not found
    false_positives: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = ()  # matched an already-taken gold item: neutral

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: ComponentScore) -> ComponentScore:
        return ComponentScore(
            self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
            self.matched + other.matched, self.misses + other.misses,
            self.false_positives + other.false_positives, self.duplicates + other.duplicates,
        )

    def figures(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class FileScore:
    path: str
    components: dict[str, ComponentScore]  # only the components the gold annotates
    quote_speaker: ComponentScore | None = None  # gold quotes that name a speaker
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # gold type -> record type
    warnings: tuple[str, ...] = ()


class _Optional(Protocol):
    @property
    def required(self) -> bool: ...


G = TypeVar("G", bound=_Optional)
R = TypeVar("R")
Pairs = list[tuple[int, int, float]]  # (gold index, record index, quality)


def assign(pairs: Pairs, required: Sequence[bool]) -> dict[int, int]:
    """One-to-one: required gold first (an optional alias must not take the record
    item a required item needs), then best quality, then order."""
    taken_gold: dict[int, int] = {}
    taken_record: set[int] = set()
    for g, r, _q in sorted(pairs, key=lambda p: (not required[p[0]], -p[2], p[0], p[1])):
        if g not in taken_gold and r not in taken_record:
            taken_gold[g] = r
            taken_record.add(r)
    return taken_gold


def _tally(gold: Sequence[G], records: Sequence[R], pairs: Pairs,
           show_gold: Callable[[G], str], show_record: Callable[[R], str]) -> ComponentScore:
    assigned = assign(pairs, [g.required for g in gold])
    used = set(assigned.values())
    candidates = {r for _g, r, _q in pairs}
    return ComponentScore(
        tp=len(assigned),
        fp=sum(1 for j in range(len(records)) if j not in candidates),
        fn=sum(1 for i, g in enumerate(gold) if g.required and i not in assigned),
        matched=tuple((show_gold(gold[i]), show_record(records[j])) for i, j in sorted(assigned.items())),
        misses=tuple(show_gold(g) for i, g in enumerate(gold) if g.required and i not in assigned),
        false_positives=tuple(show_record(r) for j, r in enumerate(records) if j not in candidates),
        duplicates=tuple(show_record(r) for j, r in enumerate(records) if j in candidates and j not in used),
    )


# ---- places -------------------------------------------------------------------------------------

def place_quality(g: GoldPlace, p: Place) -> float | None:
    """How well record place ``p`` matches gold place ``g``; None: no match.

    The name must match the record's name or one of its mentions. Then, by the
    kind of gold entry: with coordinates, the record point lies within
    ``tolerance_km``; a country-level entry (no point, a country code) needs the
    same country, and a record place that *is* that country matches on the
    country alone (whatever it is named); no point and no country: name only.
    """
    gname = fold(g.name)
    by_name = 2.0 if gname == fold(p.name) else 1.0 if gname in {fold(m.text) for m in p.mentions} else 0.0
    if g.lat is not None and g.lon is not None:
        if not by_name or p.lat is None or p.lon is None:
            return None
        km = haversine_km(g.lat, g.lon, p.lat, p.lon)
        return by_name + 0.5 * (1 - km / g.tolerance_km) if km <= g.tolerance_km else None
    if g.country is not None:
        if (p.country or "").upper() != g.country:
            return None
        if by_name:
            return by_name + 0.5
        return 0.5 if p.kind == "country" or p.precision == "country" else None
    return by_name or None


def _show_gold_place(g: GoldPlace) -> str:
    if g.lat is not None and g.lon is not None:
        return f"{g.name} ({g.lat:.2f}, {g.lon:.2f} ±{g.tolerance_km:g} km)"
    return f"{g.name} [{g.country}]" if g.country else g.name


def _show_place(p: Place) -> str:
    where = f" ({p.lat:.2f}, {p.lon:.2f})" if p.lat is not None and p.lon is not None else ""
    return f"{p.name}{where} [{p.country or '-'}]"


def score_places(gold: Sequence[GoldPlace], places: Sequence[Place]) -> ComponentScore:
    pairs = [(i, j, q) for i, g in enumerate(gold) for j, p in enumerate(places)
             if (q := place_quality(g, p)) is not None]
    return _tally(gold, places, pairs, _show_gold_place, _show_place)


# ---- counts -------------------------------------------------------------------------------------

def count_quality(g: GoldCount, c: Count, evidence: Sequence[Span]) -> float | None:
    """Same kind and value (or low); a vague gold count: same kind, span on the evidence."""
    if c.kind != g.kind:
        return None
    ov = _best_overlap((c.field, c.start, c.end), evidence)
    if g.qualifier == "vague":
        return 1.0 + ov / max(1, c.end - c.start) if ov else None
    if c.value == g.value:
        q = 2.0
    elif c.low == g.value:
        q = 1.5
    else:
        return None
    return q + (1.0 if ov else 0.0)  # the same figure at the evidence beats one elsewhere


def _show_gold_count(g: GoldCount) -> str:
    return f"{g.kind} {g.value} ({g.qualifier or '?'}): «{g.evidence or ''}»"


def _show_count(c: Count) -> str:
    return f"{c.kind} {c.value} ({c.qualifier}): «{c.text}»"


# ---- quotes -------------------------------------------------------------------------------------

def quote_overlap(g: GoldQuote, q: Quote, located: Sequence[Span]) -> float:
    """Overlap of gold and record quote as a share of the shorter one.

    Where the gold text is found in the article the overlap is measured on
    positions; otherwise (an annotator's paraphrase of punctuation) on the
    longest common run of the two folded texts.
    """
    rspan: Span = (q.field, q.start, q.end)
    if located:
        return max((overlap(rspan, s) / min(s[2] - s[1], q.end - q.start)
                    for s in located if min(s[2] - s[1], q.end - q.start) > 0), default=0.0)
    a, b = fold(g.text), fold(q.text)
    if not a or not b:
        return 0.0
    run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return run.size / min(len(a), len(b))


def speaker_ok(g: GoldQuote, q: Quote) -> bool:
    """Gold speaker/organization, where given, appear in the record speaker's name, role or organization."""
    wanted = [fold(w) for w in (g.speaker, g.organization) if w]
    if not wanted:
        return True
    if q.speaker is None:
        return False
    have = [fold(x) for x in (q.speaker.name, q.speaker.role, q.speaker.organization) if x]
    return all(any(w in h for h in have) for w in wanted)


def _show_gold_quote(g: GoldQuote) -> str:
    who = " / ".join(w for w in (g.speaker, g.organization) if w)
    return f"«{g.text}»" + (f" — {who}" if who else "")


def _show_quote(q: Quote) -> str:
    s = q.speaker
    who = " / ".join(w for w in (s.name, s.role, s.organization) if w) if s else ""
    return f"«{q.text}»" + (f" — {who}" if who else " — (no speaker)")


# ---- events -------------------------------------------------------------------------------------

def dates_overlap(g: GoldEvent, ev: Event) -> bool:
    """Gold range (open where a bound is missing) meets the record's; no record date: no."""
    if ev.date.start is None and ev.date.end is None:
        return False
    lo = max(g.date_start or "0000-01-01", ev.date.start or "0000-01-01")
    hi = min(g.date_end or "9999-12-31", ev.date.end or "9999-12-31")
    return lo <= hi


def event_place_ok(gold_place: str, ev: Event, record: Record, gold_places: dict[str, GoldPlace]) -> bool:
    """The event's record place matches the gold place as places do, or lies within 50 km of it."""
    if ev.place is None:
        return False
    gp = gold_places.get(fold(gold_place), GoldPlace(name=gold_place))
    rp = next((p for p in record.places if fold(p.name) == fold(ev.place)), None)
    if rp is None:  # a dangling name: all there is to compare is the name
        return fold(ev.place) == fold(gold_place)
    if place_quality(gp, rp) is not None:
        return True
    if gp.lat is None or gp.lon is None or rp.lat is None or rp.lon is None:
        return False
    return haversine_km(gp.lat, gp.lon, rp.lat, rp.lon) <= EVENT_PLACE_KM


def _sentence(ev: Event) -> Span:
    return (ev.sentence.field, ev.sentence.start, ev.sentence.end)


def _show_gold_event(g: GoldEvent) -> str:
    extra = ", ".join(x for x in (g.modality, g.place, g.date_start, g.date_end) if x)
    return f"{g.type}" + (f" [{extra}]" if extra else "") + f": «{g.evidence}»"


def event_confusion(gold: Sequence[GoldEvent], events: Sequence[Event],
                    evidence: Sequence[Sequence[Span]]) -> dict[str, dict[str, int]]:
    """Gold type against the type of the record event told in the same sentence."""
    pairs: Pairs = []
    for i, g in enumerate(gold):
        for j, ev in enumerate(events):
            ov = _best_overlap(_sentence(ev), evidence[i])
            if ov:
                pairs.append((i, j, (1.0 if ev.type == g.type else 0.0) + ov / max(1, len(g.evidence))))
    assigned = assign(pairs, [True] * len(gold))
    table: dict[str, dict[str, int]] = {}

    def add(gold_type: str, record_type: str) -> None:
        row = table.setdefault(gold_type, {})
        row[record_type] = row.get(record_type, 0) + 1

    for i, g in enumerate(gold):
        add(g.type, events[assigned[i]].type if i in assigned else NO_MATCH)
    touching = {j for _i, j, _q in pairs}
    for j, ev in enumerate(events):
        if j not in touching:
            add(NO_MATCH, ev.type)
    return table


# ---- the whole record ---------------------------------------------------------------------------

def score_record(gold: Gold, record: Record) -> FileScore:
    """Score one record against its gold, component by component."""
    text = ArticleText(record.article)
    warnings: list[str] = []

    def find(what: str, needle: str) -> tuple[Span, ...]:
        spans = text.locate(needle)
        if not spans:
            warnings.append(f"{what}: «{needle}» is not in the article")
        return spans

    comps: dict[str, ComponentScore] = {}
    quote_speaker: ComponentScore | None = None
    confusion: dict[str, dict[str, int]] = {}

    if gold.places is not None:
        comps["places"] = score_places(gold.places, record.places)

    if gold.counts is not None:
        ev_c = [find(f"counts[{i}].evidence", g.evidence) if g.evidence else ()
                for i, g in enumerate(gold.counts)]
        pairs = [(i, j, q) for i, g in enumerate(gold.counts) for j, c in enumerate(record.counts)
                 if (q := count_quality(g, c, ev_c[i])) is not None]
        comps["counts"] = _tally(gold.counts, record.counts, pairs, _show_gold_count, _show_count)

    if gold.quotes is not None:
        gq = gold.quotes
        located = [find(f"quotes[{i}].text", g.text) for i, g in enumerate(gq)]
        by_text = [(i, j, ov) for i, g in enumerate(gq) for j, q in enumerate(record.quotes)
                   if (ov := quote_overlap(g, q, located[i])) >= QUOTE_MIN_OVERLAP]
        pairs = [(i, j, ov) for i, j, ov in by_text if speaker_ok(gq[i], record.quotes[j])]
        comps["quotes"] = _tally(gq, record.quotes, pairs, _show_gold_quote, _show_quote)
        quote_speaker = _speaker_score(gq, record.quotes, by_text, pairs)

    if gold.sources_cited is not None:
        pairs = [(i, j, 1.0) for i, g in enumerate(gold.sources_cited)
                 for j, s in enumerate(record.sources_cited) if fold(g.name) == fold(s.name)]
        comps["sources_cited"] = _tally(gold.sources_cited, record.sources_cited, pairs,
                                        lambda g: g.name, lambda s: f"{s.name} «{s.text}»")

    if gold.events is not None:
        ev_e = [find(f"events[{i}].evidence", g.evidence) for i, g in enumerate(gold.events)]
        gold_places = {fold(p.name): p for p in gold.places or ()}
        pairs = []
        for i, g in enumerate(gold.events):
            for j, ev in enumerate(record.events):
                q = _event_quality(g, ev, ev_e[i], record, gold_places)
                if q is not None:
                    pairs.append((i, j, q))

        def show_event(ev: Event) -> str:
            extra = ", ".join(x for x in (ev.modality, ev.place, ev.date.start, ev.date.end) if x)
            return f"{ev.type} [{extra}]: «{text.cut(_sentence(ev)).strip()}»"

        comps["events"] = _tally(gold.events, record.events, pairs, _show_gold_event, show_event)
        confusion = event_confusion(gold.events, record.events, ev_e)

    if gold.loaded is not None:
        ev_l = [find(f"loaded[{i}].text", g.text) for i, g in enumerate(gold.loaded)]
        pairs = []
        for i in range(len(gold.loaded)):
            for j, ls in enumerate(record.framing.loaded):
                ov = _best_overlap((ls.field, ls.start, ls.end), ev_l[i])
                if ov:
                    pairs.append((i, j, ov / max(1, ls.end - ls.start)))
        comps["loaded"] = _tally(gold.loaded, record.framing.loaded, pairs,
                                 lambda g: f"«{g.text}»", lambda ls: f"«{ls.text}» ({ls.category})")

    return FileScore(path=str(gold.path), components=comps, quote_speaker=quote_speaker,
                     confusion=confusion, warnings=tuple(warnings))


def _event_quality(g: GoldEvent, ev: Event, evidence: Sequence[Span], record: Record,
                   gold_places: dict[str, GoldPlace]) -> float | None:
    if ev.type != g.type or (g.modality is not None and ev.modality != g.modality):
        return None
    ov = _best_overlap(_sentence(ev), evidence)
    if not ov:
        return None
    if g.place is not None and not event_place_ok(g.place, ev, record, gold_places):
        return None
    if (g.date_start is not None or g.date_end is not None) and not dates_overlap(g, ev):
        return None
    longest = max(s[2] - s[1] for s in evidence)
    return 1.0 + ov / max(1, longest) + (0.1 if g.subtype is not None and g.subtype == ev.subtype else 0.0)


def _speaker_score(gold: Sequence[GoldQuote], quotes: Sequence[Quote],
                   by_text: Pairs, full: Pairs) -> ComponentScore | None:
    """Attribution over gold quotes that name a speaker.

    A record quote on such a gold quote's text but not credited to it (wrong or
    missing speaker, and matching no other gold quote) is a false positive.
    """
    named = {i for i, g in enumerate(gold) if g.speaker}
    if not named:
        return None
    assigned = assign(full, [g.required for g in gold])
    credited = set(assigned.values())
    tp_gold = [i for i in sorted(named) if i in assigned]
    missed = [i for i in sorted(named) if i not in assigned and gold[i].required]
    wrong = sorted({j for i, j, _ov in by_text if i in named and j not in credited})
    return ComponentScore(
        tp=len(tp_gold), fp=len(wrong), fn=len(missed),
        matched=tuple((_show_gold_quote(gold[i]), _show_quote(quotes[assigned[i]])) for i in tp_gold),
        misses=tuple(_show_gold_quote(gold[i]) for i in missed),
        false_positives=tuple(_show_quote(quotes[j]) for j in wrong),
    )
