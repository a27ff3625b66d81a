"""The JSON API's request and response bodies (they become the OpenAPI schema)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    code: str = Field(description="eventwire error code (E2xx...) or HTTPnnn")
    message: str = Field(description="what happened and what to do")
    status: int


class ErrorOut(BaseModel):
    """Every error the API returns has this shape."""

    error: ErrorBody


class EventOut(BaseModel):
    article_id: str
    idx: int = Field(description="the event's index in its article's record")
    type: str
    subtype: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    place: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 of the event's place")
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    modality: str | None = None
    counts: dict[str, int] = Field(default_factory=dict)
    fatalities: int = 0
    attributed_to: str | None = None
    evidence: str | None = Field(None, description="the sentence the event was read from")
    confidence: float | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters")
    limit: int
    offset: int
    items: list[EventOut]


class TimelineDay(BaseModel):
    day: str
    n: int = Field(description="events that day")
    types: dict[str, int] = Field(description="the day's events per type")


class Timeline(BaseModel):
    days: list[TimelineDay]


class ClusterEvent(BaseModel):
    article_id: str
    idx: int
    type: str
    subtype: str | None
    place: str | None
    date: str | None
    precision: str | None = Field(None, description="point, admin2, admin1, country or region")


class Cluster(BaseModel):
    lat: float
    lon: float
    n: int = Field(description="events in the cell")
    type: str = Field(description="the cell's most frequent event type")
    fatalities: int
    bounds: list[float] = Field(description="south, west, north, east of the cell's events "
                                            "(a single point: one incident site)")
    event: ClusterEvent | None = Field(None, description="the event itself when the cell holds one")


class ClusterPage(BaseModel):
    zoom: int
    cell: float = Field(description="cell side in normalised web-mercator units")
    truncated: bool = Field(description="more cells matched than were returned")
    unplaced: int = Field(description="matching events without coordinates (not on the map)")
    items: list[Cluster]


class FacetValue(BaseModel):
    value: str
    n: int


class DateSpan(BaseModel):
    first: str | None
    last: str | None


class Facets(BaseModel):
    type: list[FacetValue]
    subtype: list[FacetValue]
    modality: list[FacetValue]
    country: list[FacetValue]
    source: list[FacetValue]
    dates: DateSpan
    events: int


class TermCount(BaseModel):
    term: str = Field(description="a loaded span's text, lower-cased")
    count: int


class ToneStats(BaseModel):
    mean: float | None
    median: float | None
    stdev: float | None = Field(description="population standard deviation")
    min: float | None
    max: float | None
    histogram: dict[str, int] = Field(description="articles per tone bin: -100..-60, -60..-20, -20..20, "
                                                  "20..60, 60..100 (lower bound in the bin, 100 in the last)")


class OutletProfile(BaseModel):
    source: str = Field(description="the outlet (article source; 'unknown' when missing)")
    articles: int
    words: int = Field(description="words of the titles and bodies (letters, inner hyphens and apostrophes)")
    loaded: int = Field(description="the outlet's own loaded-language spans (not speaker framing)")
    speaker_loaded: int = Field(description="loaded words inside quotes: the speakers' framing, not counted")
    loaded_per_1000_words: float
    by_category: dict[str, int] = Field(description="the outlet's loaded spans per category")
    top_terms: list[TermCount] = Field(description="the most used loaded terms, most used first")
    tone: ToneStats = Field(description="the articles' tone (-100 hostile .. +100)")


class Outlets(BaseModel):
    articles: int = Field(description="articles the filters select")
    items: list[OutletProfile] = Field(description="one profile per outlet, by name")


class TileLayer(BaseModel):
    url: str
    attribution: str


class AppConfig(BaseModel):
    version: str
    ingest: bool = Field(description="POST /api/articles is enabled (a token is set)")
    max_body: int = Field(description="largest request body accepted, in bytes")
    tiles: TileLayer | None = Field(None, description="an online tile layer, when the operator set one")


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, description="the article body (plain text)")
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    source: str | None = None
    url: str | None = None
    id: str | None = Field(None, description="your id for the article (default: hash of the cleaned text)")


class Ingested(BaseModel):
    article_id: str
    stored: bool = Field(description="false when the same article was already stored")
    events: int
    places: int
    quotes: int


def event_out(row: dict[str, Any]) -> EventOut:
    """A stored event row (dates as date objects, counts as JSON text) as API output."""

    def iso(value: Any) -> str | None:
        return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value

    counts = row.get("counts")
    return EventOut(
        article_id=row["article_id"], idx=int(row["idx"]), type=row["type"], subtype=row.get("subtype"),
        actor1=row.get("actor1"), actor2=row.get("actor2"), place=row.get("place"),
        country=row.get("country"), admin1=row.get("admin1"), latitude=row.get("latitude"),
        longitude=row.get("longitude"), geo_precision=row.get("geo_precision"),
        date_start=iso(row.get("date_start")), date_end=iso(row.get("date_end")),
        date_precision=row.get("date_precision"), modality=row.get("modality"),
        counts=json.loads(counts) if isinstance(counts, str) else dict(counts or {}),
        fatalities=int(row.get("fatalities") or 0), attributed_to=row.get("attributed_to"),
        evidence=row.get("evidence"), confidence=row.get("confidence"), source=row.get("source"),
        url=row.get("url"), published=iso(row.get("published")), title=row.get("title"),
    )
