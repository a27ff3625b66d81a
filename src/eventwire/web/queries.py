"""The web app's SQL: map clusters, timeline bins and filter facets.

Every aggregation runs in the store (DuckDB) through ``Store.query`` so the
browser only ever receives a bounded number of rows, whatever the store holds.
The filter conditions come from the store itself (``Store.event_where``), so the
map, the timeline and the table can never disagree on what a filter means.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
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


# --- outlets: the framing profile of each source ------------------------------
#
# The same numbers as ``eventwire.extractors.framing.outlet_profiles`` (the CLI's
# ``eventwire outlets``), computed in the store so a large store never streams
# through Python. The definitions are the library's, restated in SQL:
# - words: ``count_words(title) + count_words(text)`` (``articles.words`` counts
#   body words split on spaces, a different number, so it is not used);
# - a span is the outlet's when it is in ``framing.loaded`` without
#   ``speaker_framing``; ``framing.quoted`` spans follow them in the ``loaded``
#   table (``idx`` at or past the length of ``framing.loaded``) and are the
#   speakers' whatever their flag says;
# - terms: the span text lower-cased with its whitespace runs made one space;
# - ties in the top terms and categories go to the one met first while reading
#   the records in ``Store.iter_records`` order (published, id), as the
#   library's Counter does.

# count_words' pattern (letters, i.e. word characters that are not digits or
# "_", with inner hyphens/apostrophes) for DuckDB's RE2: Python's \w is Unicode.
_LETTERS = r"[\pL\p{Nl}\p{No}]"
WORD_PATTERN = rf"{_LETTERS}+(?:['’-]{_LETTERS}+)*"
# What str.split() splits on (RE2's \s is ASCII only).
_NOT_SPACE = (r"[^\t\n\x{0b}\f\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}"
              r"\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]+")
TONE_BINS = ("-100..-60", "-60..-20", "-20..20", "20..60", "60..100")


def _article_conditions(filters: Filters) -> tuple[str, list[Any]]:
    """Outlet filters on articles ``a``: ``source`` contains, ``since``/``until``
    on the publication date (what the CLI's filters mean for article-level rows)."""
    conds: list[str] = []
    params: list[Any] = []
    if filters.source:
        conds.append("a.source ILIKE ?")
        params.append(f"%{filters.source}%")
    if filters.since or filters.until:
        conds.append("a.published BETWEEN coalesce(?::DATE, DATE '0001-01-01')"
                     " AND coalesce(?::DATE, DATE '9999-12-31')")
        params += [filters.since, filters.until]
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def _art_cte(filters: Filters) -> tuple[str, list[Any]]:
    """``art``: the selected articles with their rank in ``iter_records`` order;
    ``spans``: their loaded and quoted spans, each marked the outlet's or a speaker's."""
    sql, params = _article_conditions(filters)
    return (
        "WITH art AS (SELECT a.id, coalesce(nullif(a.source, ''), 'unknown') AS outlet, a.tone,"
        " row_number() OVER (ORDER BY a.published NULLS LAST, a.id) AS rank FROM articles a" + sql + "),"
        # framing.loaded's length, read once per selected article that has spans.
        " own AS (SELECT art.id, art.outlet, art.rank,"
        " coalesce(json_array_length(a.record, '$.framing.loaded'), 0) AS n"
        " FROM art JOIN articles a ON a.id = art.id"
        " WHERE EXISTS (SELECT 1 FROM loaded l WHERE l.article_id = art.id)),"
        " spans AS (SELECT own.outlet, own.rank * 4294967296 + l.idx AS seen, l.category,"
        " array_to_string(regexp_extract_all(lower(l.text), ?), ' ') AS term,"
        " (l.speaker_framing OR l.idx >= own.n) AS speaker"
        " FROM loaded l JOIN own ON own.id = l.article_id)"
    ), [*params, _NOT_SPACE]


# One pass over the spans: per outlet, the counts (level 3), the outlet's spans
# per category (level 2) and its top terms (level 1), ties to the first seen.
_SPAN_GROUPS = (
    " SELECT outlet, speaker, level, term, category, n FROM ("
    " SELECT *, row_number() OVER (PARTITION BY outlet, speaker, level ORDER BY n DESC, seen) AS r FROM ("
    " SELECT outlet, speaker, term, category, GROUPING(term, category) AS level, count(*) AS n, min(seen) AS seen"
    " FROM spans GROUP BY GROUPING SETS ((outlet, speaker), (outlet, speaker, term), (outlet, speaker, category))))"
    " WHERE level = 3 OR (NOT speaker AND (level = 2 OR r <= ?)) ORDER BY outlet, level, r")


def outlets(store: Store, filters: Filters, *, top: int = 10) -> dict[str, dict[str, Any]]:
    """Framing profile per outlet ("unknown" for articles without a source), by
    outlet name: ``outlet_profiles`` over the articles ``filters`` select."""
    where_sql, params = _article_conditions(filters)
    totals = store.query(
        "SELECT coalesce(nullif(a.source, ''), 'unknown') AS outlet, count(*) AS n,"
        " sum(len(regexp_extract_all(coalesce(a.title, ''), ?)) + len(regexp_extract_all(a.text, ?))) AS words,"
        " fsum(a.tone) AS tone_sum, stddev_pop(a.tone) AS tone_sd, min(a.tone) AS tone_min,"
        " max(a.tone) AS tone_max,"
        + ", ".join(f"count(*) FILTER (WHERE least(4, floor((a.tone + 100) / 40)) = {i}) AS bin{i}"
                    for i in range(len(TONE_BINS)))
        + " FROM articles a" + where_sql + " GROUP BY 1 ORDER BY 1", [WORD_PATTERN, WORD_PATTERN, *params])
    if not totals:
        return {}
    cte, cte_params = _art_cte(filters)
    # statistics.median: the middle value, or the mean of the two middle ones.
    middles = store.query(
        cte + " SELECT outlet, tone, rn, n FROM (SELECT outlet, tone, count(*) OVER (PARTITION BY outlet) AS n,"
        " row_number() OVER (PARTITION BY outlet ORDER BY tone) AS rn FROM art)"
        " WHERE rn IN ((n + 1) // 2, n // 2 + 1) ORDER BY outlet, rn", cte_params)
    groups = store.query(cte + _SPAN_GROUPS, [*cte_params, top])

    medians: dict[str, list[float]] = defaultdict(list)
    for r in middles:
        medians[r["outlet"]].append(float(r["tone"]))
    by_category: dict[str, dict[str, int]] = defaultdict(dict)
    top_terms: dict[str, list[dict[str, Any]]] = defaultdict(list)
    span_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # the outlet's, the speakers'
    for r in groups:
        if r["level"] == 3:
            span_counts[r["outlet"]][1 if r["speaker"] else 0] = int(r["n"])
        elif r["level"] == 2:
            by_category[r["outlet"]][r["category"]] = int(r["n"])
        else:
            top_terms[r["outlet"]].append({"term": r["term"], "count": int(r["n"])})
    out: dict[str, dict[str, Any]] = {}
    for t in totals:
        name, n, words = str(t["outlet"]), int(t["n"]), int(t["words"] or 0)
        loaded, speaker = span_counts.get(name, [0, 0])
        mid = medians.get(name, [])
        out[name] = {
            "articles": n,
            "sources": {name: n},
            "words": words,
            "loaded": loaded,
            "speaker_loaded": speaker,
            "loaded_per_1000_words": round(1000.0 * loaded / words, 2) if words else 0.0,
            "by_category": by_category.get(name, {}),
            "top_terms": top_terms.get(name, []),
            "tone": {
                # Rounded here, as the library rounds (Python's round, not SQL's).
                "mean": round(float(t["tone_sum"]) / n, 1),
                "median": round((mid[0] + mid[-1]) / 2 if len(mid) == 2 else mid[0], 1) if mid else None,
                "stdev": round(float(t["tone_sd"]), 1),
                "min": t["tone_min"],
                "max": t["tone_max"],
                "histogram": {edge: int(t[f"bin{i}"]) for i, edge in enumerate(TONE_BINS)},
            },
        }
    return out
