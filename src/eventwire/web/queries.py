"""The web app's SQL: map clusters, timeline bins and filter facets.

Every aggregation runs in the store (DuckDB) through ``Store.query`` so the
browser only ever receives a bounded number of rows, whatever the store holds.
The filter conditions come from the store itself (``Store.event_where``), so the
map, the timeline and the table can never disagree on what a filter means.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from eventwire.store import Filters, Store

# Map cells are this many per 256-pixel tile side: a cell is about 64 pixels
# on screen at any zoom, the usual size of a cluster marker's catchment.
CELLS_PER_TILE = 4
MAX_ZOOM = 20
MAX_CLUSTERS = 5000
# Web-mercator stops at ±85.0511°; coordinates beyond it are clamped so that
# polar points still fall in the first or last row of cells.
MERCATOR_LAT = 85.0511

_FROM = " FROM events e JOIN articles a ON a.id = e.article_id"
_ARTICLE_COLUMN = re.compile(r"\ba\.")


@dataclass(frozen=True)
class BBox:
    """A map view: west, south, east, north in degrees."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, value: str) -> BBox:
        parts = [float(p) for p in value.split(",")]
        if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
            raise ValueError("bbox is west,south,east,north in degrees")
        west, south, east, north = parts
        if south > north:
            raise ValueError("bbox south is north of north")
        return cls(west=west, south=south, east=east, north=north)


def where(store: Store, filters: Filters, *extra: str) -> tuple[str, list[Any]]:
    """The store's event conditions for ``filters``, plus ``extra`` SQL conditions."""
    # The store owns the meaning of every filter; reuse it rather than copy it.
    sql, params = store.event_where(filters)
    conds = [sql.removeprefix(" WHERE ")] if sql else []
    conds += list(extra)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def _from(where_sql: str) -> str:
    """Events alone, or joined to their articles when a condition needs them
    (the source filter): the join is most of an aggregation's cost."""
    return _FROM if _ARTICLE_COLUMN.search(where_sql) else " FROM events e"


def _bbox_conditions(bbox: BBox | None) -> tuple[list[str], list[Any]]:
    if bbox is None:
        return [], []
    conds = ["e.latitude BETWEEN ? AND ?"]
    params: list[Any] = [bbox.south, bbox.north]
    # A view wider than the world, or one crossing the antimeridian, keeps all longitudes.
    if bbox.east - bbox.west < 360 and -180 <= bbox.west <= bbox.east <= 180:
        conds.append("e.longitude BETWEEN ? AND ?")
        params += [bbox.west, bbox.east]
    return conds, params


def timeline(store: Store, filters: Filters) -> list[dict[str, Any]]:
    """Events per day, with their split by type (days without a known date are left out)."""
    sql, params = where(store, filters, "e.date_start IS NOT NULL")
    rows = store.query(
        "SELECT e.date_start AS day, count(*) AS n, histogram(e.type) AS types" + _from(sql) + sql
        + " GROUP BY ALL ORDER BY day", params)
    return [{"day": r["day"].isoformat(), "n": int(r["n"]),
             "types": {str(k): int(v) for k, v in dict(r["types"]).items()}} for r in rows]


def cell_size(zoom: int) -> float:
    """A cell's side in normalised mercator units (the world is 1 x 1)."""
    return 1.0 / float(2 ** max(0, min(zoom, MAX_ZOOM)) * CELLS_PER_TILE)


def clusters(store: Store, filters: Filters, *, zoom: int, bbox: BBox | None = None,
             limit: int = MAX_CLUSTERS) -> dict[str, Any]:
    """Events binned on a web-mercator grid fitted to ``zoom``.

    A cell holding one place gives one marker per incident; its event is
    returned whole when it is alone, so a popup needs no second request.
    """
    cell = cell_size(zoom)
    extra, extra_params = _bbox_conditions(bbox)
    sql, params = where(store, filters, "e.latitude IS NOT NULL", "e.longitude IS NOT NULL", *extra)
    lat = f"greatest(least(e.latitude, {MERCATOR_LAT}), -{MERCATOR_LAT})"
    x = "(e.longitude + 180.0) / 360.0"
    y = f"(1.0 - ln(tan(radians({lat})) + 1.0 / cos(radians({lat}))) / pi()) / 2.0"
    query = (
        f"SELECT floor({x} / ?) AS gx, floor({y} / ?) AS gy, count(*) AS n,"
        " avg(e.latitude) AS lat, avg(e.longitude) AS lon,"
        " min(e.latitude) AS south, max(e.latitude) AS north,"
        " min(e.longitude) AS west, max(e.longitude) AS east,"
        " mode(e.type) AS type, sum(coalesce(e.fatalities, 0)) AS fatalities,"
        " min(e.article_id) AS article_id, min(e.idx) AS idx, min(e.place) AS place,"
        " min(e.subtype) AS subtype, min(e.date_start) AS date, min(e.geo_precision) AS precision"
        + _from(sql) + sql + " GROUP BY gx, gy ORDER BY n DESC LIMIT ?")
    rows = store.query(query, [cell, cell, *params, *extra_params, limit + 1])
    items = []
    for r in rows[:limit]:
        n = int(r["n"])
        item: dict[str, Any] = {
            "lat": r["lat"], "lon": r["lon"], "n": n, "type": r["type"],
            "fatalities": int(r["fatalities"] or 0),
            "bounds": [r["south"], r["west"], r["north"], r["east"]], "event": None,
        }
        if n == 1:
            item["event"] = {"article_id": r["article_id"], "idx": int(r["idx"]), "type": r["type"],
                             "subtype": r["subtype"], "place": r["place"],
                             "date": r["date"].isoformat() if r["date"] else None,
                             "precision": r["precision"]}
        items.append(item)
    unplaced_sql, unplaced_params = where(store, filters, "(e.latitude IS NULL OR e.longitude IS NULL)")
    unplaced = store.query("SELECT count(*) AS n" + _from(unplaced_sql) + unplaced_sql, unplaced_params)
    return {"zoom": zoom, "cell": cell, "truncated": len(rows) > limit, "items": items,
            "unplaced": int(unplaced[0]["n"]) if unplaced else 0}


def events_at(store: Store, filters: Filters, *, bbox: BBox, limit: int = 50) -> list[dict[str, Any]]:
    """The events inside a small box (a cluster's bounds), newest first."""
    extra, extra_params = _bbox_conditions(bbox)
    sql, params = where(store, filters, *extra)
    return store.query(
        "SELECT e.*, a.source, a.url, a.published, a.title" + _FROM + sql
        + " ORDER BY e.date_start DESC NULLS LAST, e.article_id, e.idx LIMIT ?",
        [*params, *extra_params, limit])


FACETS = {"type": "e.type", "subtype": "e.subtype", "modality": "e.modality",
          "country": "e.country", "source": "a.source"}


def facets(store: Store, *, top: int = 200) -> dict[str, Any]:
    """Distinct values (with their event counts) that the filter menus offer,
    and the stored date range."""
    out: dict[str, Any] = {}
    for name, column in FACETS.items():
        rows = store.query(
            f"SELECT {column} AS value, count(*) AS n" + _from(column)
            + f" WHERE {column} IS NOT NULL GROUP BY 1 ORDER BY n DESC, value LIMIT ?", [top])
        out[name] = [{"value": str(r["value"]), "n": int(r["n"])} for r in rows]
    span = store.query("SELECT min(date_start) AS first, max(coalesce(date_end, date_start)) AS last,"
                       " count(*) AS n FROM events")
    first = span[0]["first"] if span else None
    last = span[0]["last"] if span else None
    out["dates"] = {"first": first.isoformat() if first else None, "last": last.isoformat() if last else None}
    out["events"] = int(span[0]["n"]) if span else 0
    return out
