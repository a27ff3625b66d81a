"""The FastAPI app: a JSON API over the store and the page that uses it.

Read-only unless the operator sets a token; every aggregation is SQL in
``queries.py``; the page's scripts, styles and base map are files in
``static/`` (built from ``web/`` at the repository root), so the app works
with no network.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from eventwire import __version__
from eventwire.errors import ArticleNotFound, EventwireError
from eventwire.schema import Record
from eventwire.store import Filters, Store
from eventwire.web import queries
from eventwire.web.models import (
    AppConfig,
    ArticleIn,
    ClusterPage,
    ErrorOut,
    EventOut,
    EventPage,
    Facets,
    Ingested,
    OutletProfile,
    Outlets,
    TileLayer,
    Timeline,
    event_out,
)
from eventwire.web.security import DEFAULT_MAX_BODY, BodyLimit, SecurityHeaders, content_security_policy, token_ok

STATIC = Path(__file__).parent / "static"
MAX_PAGE = 1000
MAX_CACHED = 64  # cached aggregates (facets, outlet profiles per filter set)

Extractor = Callable[..., Record]


@dataclass(frozen=True)
class WebSettings:
    """What the operator configures (environment variables, see docs/web.md)."""

    token: str | None = None          # EVENTWIRE_API_TOKEN: enables POST /api/articles
    max_body: int = DEFAULT_MAX_BODY  # EVENTWIRE_MAX_BODY: bytes
    tiles: str | None = None          # EVENTWIRE_TILES: online tile URL template (off by default)
    tiles_attribution: str = ""       # EVENTWIRE_TILES_ATTRIBUTION

    @classmethod
    def from_env(cls) -> WebSettings:
        raw_max = os.environ.get("EVENTWIRE_MAX_BODY", "")
        return cls(token=os.environ.get("EVENTWIRE_API_TOKEN") or None,
                   max_body=int(raw_max) if raw_max.strip() else DEFAULT_MAX_BODY,
                   tiles=os.environ.get("EVENTWIRE_TILES") or None,
                   tiles_attribution=os.environ.get("EVENTWIRE_TILES_ATTRIBUTION", ""))


@dataclass(frozen=True)
class _State:
    store: Store
    settings: WebSettings
    extractor: Extractor
    # Facets of a store only this process writes to: computed once, dropped on ingest.
    cache: dict[Any, Any] = field(default_factory=dict)


def _default_extractor(**article: Any) -> Record:
    from eventwire.pipeline import extract  # loads spaCy: only when someone ingests

    text = article.pop("text")
    return extract(text, **article)


def _state(request: Request) -> _State:
    state: _State = request.app.state.eventwire
    return state


def _store(request: Request) -> Iterator[Store]:
    """A cursor of the app's connection per request: DuckDB connections must not
    be shared by threads, cursors may be used one per thread."""
    base = _state(request).store
    store = Store(base.con.cursor(), base.path, read_only=base.read_only)
    try:
        yield store
    finally:
        store.close()


def _filters(
    type: Annotated[str | None, Query(description="event type, e.g. remote_violence")] = None,
    subtype: Annotated[str | None, Query(description="event subtype, e.g. air_drone_strike")] = None,
    place: Annotated[str | None, Query(description="place name contains")] = None,
    country: Annotated[str | None, Query(description="ISO code (SY) or English name (Syria)")] = None,
    actor: Annotated[str | None, Query(description="actor1 or actor2 contains")] = None,
    since: Annotated[str | None, Query(description="YYYY-MM-DD: events ending on or after")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD: events starting on or before")] = None,
    source: Annotated[str | None, Query(description="outlet name contains")] = None,
    modality: Annotated[str | None, Query(description="asserted, planned, possible, negated, historical")] = None,
) -> Filters:
    """The CLI's filters (``eventwire events --type ...``) as query parameters."""

    def clean(value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    return Filters(type=clean(type), subtype=clean(subtype), place=clean(place), country=clean(country),
                   actor=clean(actor), since=clean(since), until=clean(until), source=clean(source),
                   modality=clean(modality))


StoreDep = Annotated[Store, Depends(_store)]
FiltersDep = Annotated[Filters, Depends(_filters)]
ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorOut}, 422: {"model": ErrorOut}}


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "status": status}}, status_code=status)


def _status_for(err: EventwireError) -> int:
    if isinstance(err, ArticleNotFound):
        return 404
    return 400 if err.exit_status == 2 else 500


def _bbox(value: str | None) -> queries.BBox | None:
    if value is None:
        return None
    try:
        return queries.BBox.parse(value)
    except ValueError as err:
        raise HTTPException(400, f"bbox {value!r}: {err}") from None


def create_app(store: Store, *, settings: WebSettings | None = None,
               extractor: Extractor | None = None) -> FastAPI:
    """The app over an open ``store``. ``extractor`` (default: the pipeline)
    turns a POSTed article into a record; tests pass a stand-in."""
    settings = settings or WebSettings()
    app = FastAPI(
        title="eventwire", version=__version__,
        description="Events read from conflict news: filter, aggregate and read them with their evidence. "
                    "Read-only unless the operator sets EVENTWIRE_API_TOKEN. Records follow the "
                    "eventwire record contract (schema_version 1).",
        # The stock API explorers load their scripts from a CDN: the app serves
        # none of that; /openapi.json is the documentation (see docs/web.md).
        docs_url=None, redoc_url=None,
    )
    app.state.eventwire = _State(store=store, settings=settings, extractor=extractor or _default_extractor)
    app.add_middleware(BodyLimit, limit=settings.max_body)
    app.add_middleware(SecurityHeaders, csp=content_security_policy(settings.tiles))

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, err: EventwireError) -> JSONResponse:
        return _error(_status_for(err), err.code, err.message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException) -> JSONResponse:
        return _error(err.status_code, f"HTTP{err.status_code}", str(err.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, err: RequestValidationError) -> JSONResponse:
        where = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors())
        return _error(422, "HTTP422", where)

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})

    @app.get("/api/config", response_model=AppConfig, tags=["meta"])
    def config(request: Request) -> AppConfig:
        """What the page needs to know: whether ingest is on, the optional tile layer."""
        s = _state(request).settings
        tiles = TileLayer(url=s.tiles, attribution=s.tiles_attribution) if s.tiles else None
        return AppConfig(version=__version__, ingest=_ingest_enabled(request), max_body=s.max_body, tiles=tiles)

    @app.get("/api/summary", tags=["meta"])
    def summary(store: StoreDep) -> dict[str, int]:
        """Rows per table (articles, events, places...)."""
        return store.counts()

    @app.get("/api/events", response_model=EventPage, responses=ERRORS, tags=["events"])
    def events(store: StoreDep, filters: FiltersDep,
               limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
               offset: Annotated[int, Query(ge=0)] = 0) -> EventPage:
        """Events matching the filters, a page at a time, in date order."""
        rows = store.events(filters, limit=limit, offset=offset)
        return EventPage(total=store.count_events(filters), limit=limit, offset=offset,
                         items=[event_out(r) for r in rows])

    @app.get("/api/events/at", response_model=list[EventOut], responses=ERRORS, tags=["events"])
    def events_at(store: StoreDep, filters: FiltersDep,
                  bbox: Annotated[str, Query(description="west,south,east,north (a cluster's bounds)")],
                  limit: Annotated[int, Query(ge=1, le=200)] = 50) -> list[EventOut]:
        """Matching events inside a box, newest first: what a map cluster holds."""
        box = _bbox(bbox) or queries.BBox(west=-180, south=-90, east=180, north=90)
        return [event_out(r) for r in queries.events_at(store, filters, bbox=box, limit=limit)]

    @app.get("/api/clusters", response_model=ClusterPage, responses=ERRORS, tags=["aggregates"])
    def clusters(store: StoreDep, filters: FiltersDep,
                 zoom: Annotated[int, Query(ge=0, le=queries.MAX_ZOOM)] = 2,
                 bbox: Annotated[str | None, Query(description="west,south,east,north: only this view")] = None,
                 ) -> ClusterPage:
        """Matching events binned on a map grid fitted to the zoom level."""
        return ClusterPage(**queries.clusters(store, filters, zoom=zoom, bbox=_bbox(bbox)))

    @app.get("/api/timeline", response_model=Timeline, responses=ERRORS, tags=["aggregates"])
    def timeline(store: StoreDep, filters: FiltersDep) -> Timeline:
        """Matching events per day and type."""
        return Timeline.model_validate({"days": queries.timeline(store, filters)})

    @app.get("/api/facets", response_model=Facets, tags=["aggregates"])
    def facets(request: Request, store: StoreDep) -> Facets:
        """Values the filters can take, with their event counts, and the date range."""
        cache = _state(request).cache
        if "facets" not in cache:
            cache["facets"] = Facets.model_validate(queries.facets(store))
        result: Facets = cache["facets"]
        return result

    @app.get("/api/outlets", response_model=Outlets, responses=ERRORS, tags=["aggregates"])
    def outlets(request: Request, store: StoreDep,
                since: Annotated[str | None, Query(description="YYYY-MM-DD: articles published on or after")] = None,
                until: Annotated[str | None, Query(description="YYYY-MM-DD: articles published on or before")] = None,
                source: Annotated[str | None, Query(description="outlet name contains")] = None,
                top: Annotated[int, Query(ge=1, le=100, description="most used loaded terms per outlet")] = 10,
                ) -> Outlets:
        """How each outlet frames what it reports (`eventwire outlets`): its own loaded
        spans per 1,000 words, the most used terms, spans by category, the tone's
        distribution. Dates filter on the articles' publication date."""
        filters = _filters(since=since, until=until, source=source)
        key = ("outlets", filters.since, filters.until, filters.source, top)
        cache = _state(request).cache
        if key not in cache:
            # Counting words runs a pattern over every selected text: seconds on a
            # large store, so a result is kept until the next ingest.
            profiles = queries.outlets(store, filters, top=top)
            if len(cache) > MAX_CACHED:
                cache.clear()
            cache[key] = Outlets(articles=sum(p["articles"] for p in profiles.values()),
                                 items=[OutletProfile(source=name, **p) for name, p in profiles.items()])
        result: Outlets = cache[key]
        return result

    @app.get("/api/articles/{article_id}", tags=["articles"],
             responses={404: {"model": ErrorOut}})
    def article(store: StoreDep, article_id: str) -> dict[str, Any]:
        """One article's whole record (the JSON of the record contract)."""
        return store.record(article_id).to_dict()

    @app.post("/api/articles", response_model=Ingested, status_code=201, tags=["articles"],
              responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 413: {"model": ErrorOut},
                         422: {"model": ErrorOut}})
    def ingest(request: Request, store: StoreDep, body: ArticleIn,
               authorization: Annotated[str | None, Header()] = None) -> Ingested:
        """Analyse one article and store it. Needs `Authorization: Bearer <EVENTWIRE_API_TOKEN>`."""
        state = _state(request)
        if not _ingest_enabled(request) or state.settings.token is None:
            raise HTTPException(403, "ingest is off: the operator starts `eventwire serve` with "
                                     "EVENTWIRE_API_TOKEN set to enable it")
        if not token_ok(authorization, state.settings.token):
            raise HTTPException(401, "missing or wrong token: send Authorization: Bearer <token>")
        record = state.extractor(**body.model_dump())
        stored = store.add([record], origins=["api"]) == 1
        state.cache.clear()
        return Ingested(article_id=record.article.id, stored=stored, events=len(record.events),
                        places=len(record.places), quotes=len(record.quotes))

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _ingest_enabled(request: Request) -> bool:
    state = _state(request)
    return state.settings.token is not None and not state.store.read_only
