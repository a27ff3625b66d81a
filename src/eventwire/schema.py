"""The analysis record of ``shared/spec/output.md`` as frozen dataclasses.

Every other module imports its record types from here, the store derives its
tables from these fields, and ``Record.to_dict`` is the JSON contract. Spans
normally point into ``article.text``; a span found in the headline carries
``field="title"`` and points into ``article.title`` instead (the contract's
body-only spans are unchanged: the key is omitted for them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

from eventwire.errors import ProvenanceError

SCHEMA_VERSION = "1"

SpanField = Literal["text", "title"]

ActorType = str  # open vocabulary: state_military, rebel_group, government, ...
PlaceKind = Literal["populated_place", "admin_area", "country", "region", "water", "camp", "site", "other"]
PlacePrecision = Literal["point", "admin2", "admin1", "country", "region"]
CountKind = Literal[
    "killed", "injured", "displaced", "detained", "released", "surrendered",
    "returned", "trapped", "missing", "troops", "other",
]
Qualifier = Literal["exact", "about", "more_than", "at_least", "less_than", "up_to", "range", "vague"]
Scope = Literal["event", "background"]
CountStatus = Literal["asserted", "negated", "hypothetical"]
QuoteKind = Literal["direct", "indirect", "partial"]
DatePrecision = Literal["day", "days", "week", "month", "year", "unknown"]
Modality = Literal["asserted", "planned", "possible", "negated", "historical"]
LoadedCategory = Literal["name_calling", "loaded_language", "exaggeration", "appeal_to_fear", "doubt", "other"]

COUNT_KINDS: tuple[str, ...] = CountKind.__args__  # type: ignore[attr-defined]
QUALIFIERS: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]
PLACE_KINDS: tuple[str, ...] = PlaceKind.__args__  # type: ignore[attr-defined]
PRECISIONS: tuple[str, ...] = PlacePrecision.__args__  # type: ignore[attr-defined]
MODALITIES: tuple[str, ...] = Modality.__args__  # type: ignore[attr-defined]
LOADED_CATEGORIES: tuple[str, ...] = LoadedCategory.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int
    field: SpanField = "text"
    # For a place named as an anchor ("four miles outside of Baghuz", "east of the
    # Euphrates"): the offset words, kept as text; no coordinates are invented.
    relative: str | None = None


@dataclass(frozen=True)
class Removed:
    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    id: str
    title: str | None
    text: str
    source: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str = "en"
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True)
class Actor:
    name: str
    type: ActorType
    country: str | None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Place:
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    country: str | None
    admin1: str | None
    kind: PlaceKind
    precision: PlacePrecision
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Period:
    start: str  # YYYY-MM-DD
    end: str


@dataclass(frozen=True)
class TimeExpression:
    """A resolved temporal expression. Internal: events and counts use it; the
    record carries only its resolution (``Period``, ``EventDate``)."""

    text: str
    start: int
    end: int
    date_start: str | None
    date_end: str | None
    precision: DatePrecision
    field: SpanField = "text"


@dataclass(frozen=True)
class Count:
    kind: CountKind
    value: int
    low: int | None
    high: int | None
    qualifier: Qualifier
    what: str
    text: str
    start: int
    end: int
    place: str | None = None
    period: Period | None = None
    scope: Scope = "event"
    status: CountStatus = "asserted"
    hedged: bool = False
    claimed_by: str | None = None
    field: SpanField = "text"


@dataclass(frozen=True)
class Speaker:
    name: str | None
    role: str | None
    organization: str | None
    text: str
    start: int
    end: int
    field: SpanField = "text"


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None
    speaker: Speaker | None
    field: SpanField = "text"


@dataclass(frozen=True)
class SourceCited:
    name: str
    text: str
    start: int
    end: int
    field: SpanField = "text"


@dataclass(frozen=True)
class EventDate:
    start: str | None
    end: str | None
    precision: DatePrecision = "unknown"


@dataclass(frozen=True)
class SentenceRef:
    start: int
    end: int
    field: SpanField = "text"


@dataclass(frozen=True)
class Event:
    type: str
    subtype: str | None
    actor1: str | None
    actor2: str | None
    place: str | None
    date: EventDate
    modality: Modality
    counts: dict[str, int]
    attributed_to: str | None
    sentence: SentenceRef
    confidence: float


@dataclass(frozen=True)
class LoadedSpan:
    text: str
    start: int
    end: int
    category: LoadedCategory
    field: SpanField = "text"
    # Loaded words inside a direct quote are the speaker's framing, not the outlet's.
    speaker_framing: bool = False
    # For a loaded label of a known actor ("ISIS fanatics"), the neutral label
    # ("Islamic State fighters").
    neutral: str | None = None


@dataclass(frozen=True)
class Framing:
    tone: float = 0.0
    loaded: tuple[LoadedSpan, ...] = ()   # the outlet's own loaded language
    # Loaded words inside direct quotes: the speaker's framing, kept apart so they
    # never count as the outlet's (omitted from the JSON when empty).
    quoted: tuple[LoadedSpan, ...] = ()


@dataclass(frozen=True)
class RawDocument:
    """One article as a reader found it, before cleaning."""

    origin: str                   # file path, with "#line" or "#record" inside containers
    text: str                     # body (with the title as first line when title_is_first_line)
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    id: str | None = None         # the caller's id, when it gives one
    title_is_first_line: bool = False


@dataclass(frozen=True)
class Failure:
    """One input that could not be analysed; stored, never raised mid-batch."""

    path: str
    code: str
    message: str
    article_id: str | None = None


# Keys that the JSON form omits when they hold their default, so that the
# contract's body-only spans print exactly as output.md shows them.
_OMIT_DEFAULT: dict[str, Any] = {"field": "text", "speaker_framing": False, "neutral": None, "quoted": (),
                                  "relative": None}


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in fields(value):
            v = getattr(value, f.name)
            if f.name in _OMIT_DEFAULT and v == _OMIT_DEFAULT[f.name]:
                continue
            out[f.name] = _plain(v)
        return out
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Record:
    article: Article
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    counts: tuple[Count, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources_cited: tuple[SourceCited, ...] = ()
    events: tuple[Event, ...] = ()
    framing: Framing = field(default_factory=Framing)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of output.md, keys in the contract's order."""
        d = _plain(self)
        order = ["schema_version", "article", "actors", "places", "counts", "quotes",
                 "sources_cited", "events", "framing"]
        return {k: d[k] for k in order}

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return record_from_dict(data)

    def spans(self) -> list[tuple[str, str, int, int, str]]:
        """Every (where, text, start, end, field) span the record holds."""
        out: list[tuple[str, str, int, int, str]] = []
        for i, a in enumerate(self.actors):
            out += [(f"actors[{i}]", m.text, m.start, m.end, m.field) for m in a.mentions]
        for i, p in enumerate(self.places):
            out += [(f"places[{i}]", m.text, m.start, m.end, m.field) for m in p.mentions]
        for i, c in enumerate(self.counts):
            out.append((f"counts[{i}]", c.text, c.start, c.end, c.field))
        for i, q in enumerate(self.quotes):
            out.append((f"quotes[{i}]", q.text, q.start, q.end, q.field))
            if q.speaker is not None:
                s = q.speaker
                out.append((f"quotes[{i}].speaker", s.text, s.start, s.end, s.field))
        for i, sc in enumerate(self.sources_cited):
            out.append((f"sources_cited[{i}]", sc.text, sc.start, sc.end, sc.field))
        for i, ls in enumerate(self.framing.loaded):
            out.append((f"framing.loaded[{i}]", ls.text, ls.start, ls.end, ls.field))
        for i, ls in enumerate(self.framing.quoted):
            out.append((f"framing.quoted[{i}]", ls.text, ls.start, ls.end, ls.field))
        return out

    def check_provenance(self) -> None:
        """Raise ProvenanceError unless every span's text is what its offsets cut."""
        sources = {"text": self.article.text, "title": self.article.title or ""}
        for where, text, start, end, fld in self.spans():
            base = sources[fld]
            if not (0 <= start <= end <= len(base)) or base[start:end] != text:
                raise ProvenanceError(where=where, text=text, start=start, end=end, field=fld)
        for i, ev in enumerate(self.events):
            base = sources[ev.sentence.field]
            if not (0 <= ev.sentence.start < ev.sentence.end <= len(base)):
                raise ProvenanceError(where=f"events[{i}].sentence", text="",
                                      start=ev.sentence.start, end=ev.sentence.end,
                                      field=ev.sentence.field)


def _mentions(items: list[dict[str, Any]] | None) -> tuple[Mention, ...]:
    return tuple(Mention(**m) for m in items or [])


def record_from_dict(data: dict[str, Any]) -> Record:
    """Rebuild a typed Record from its JSON form (the inverse of ``to_dict``)."""
    a = dict(data["article"])
    a["removed"] = tuple(Removed(**r) for r in a.get("removed") or [])
    article = Article(**a)
    actors = tuple(Actor(**{**x, "mentions": _mentions(x.get("mentions"))}) for x in data.get("actors", []))
    places = tuple(Place(**{**x, "mentions": _mentions(x.get("mentions"))}) for x in data.get("places", []))
    counts = tuple(
        Count(**{**x, "period": Period(**x["period"]) if x.get("period") else None})
        for x in data.get("counts", [])
    )
    quotes = tuple(
        Quote(**{**x, "speaker": Speaker(**x["speaker"]) if x.get("speaker") else None})
        for x in data.get("quotes", [])
    )
    sources = tuple(SourceCited(**x) for x in data.get("sources_cited", []))
    events = tuple(
        Event(**{**x, "date": EventDate(**x["date"]), "sentence": SentenceRef(**x["sentence"])})
        for x in data.get("events", [])
    )
    fr = data.get("framing") or {}
    framing = Framing(tone=float(fr.get("tone", 0.0)),
                      loaded=tuple(LoadedSpan(**x) for x in fr.get("loaded", [])),
                      quoted=tuple(LoadedSpan(**x) for x in fr.get("quoted", [])))
    return Record(article=article, actors=actors, places=places, counts=counts, quotes=quotes,
                  sources_cited=sources, events=events, framing=framing,
                  schema_version=str(data.get("schema_version", SCHEMA_VERSION)))
