"""Exports: rows from the store to CSV, JSON, JSON Lines, GeoJSON and Parquet.

Event rows become ACLED-like columns so analysts can load them where they load
ACLED data; ``geo_precision``/``time_precision`` use ACLED's 1-3 codes, and the
finer eventwire precision is kept beside them (``eventwire_geo_precision``...).
Exports read the store; they never re-run the pipeline.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from eventwire.errors import ExportError

ACLED_COLUMNS = (
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "time_precision", "source", "notes", "fatalities",
    "article_id", "url",
)
EXTRA_COLUMNS = ("date_end", "modality", "attributed_to", "confidence", "counts",
                 "eventwire_geo_precision", "eventwire_time_precision")

_GEO_CODE = {"point": 1, "admin2": 2, "admin1": 3, "country": 3, "region": 3}
_TIME_CODE = {"day": 1, "days": 2, "week": 2, "month": 3, "year": 3}


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One stored event row as ACLED-like columns (plus eventwire's extras)."""
    return {
        "event_date": _iso(event.get("date_start")),
        "event_type": event["type"],
        "sub_event_type": event.get("subtype"),
        "actor1": event.get("actor1"),
        "actor2": event.get("actor2"),
        "country": event.get("country"),
        "admin1": event.get("admin1"),
        "location": event.get("place"),
        "latitude": event.get("latitude"),
        "longitude": event.get("longitude"),
        "geo_precision": _GEO_CODE.get(event.get("geo_precision") or ""),
        "time_precision": _TIME_CODE.get(event.get("date_precision") or ""),
        "source": event.get("source"),
        "notes": event.get("evidence"),
        "fatalities": event.get("fatalities") or 0,
        "article_id": event["article_id"],
        "url": event.get("url"),
        "date_end": _iso(event.get("date_end")),
        "modality": event.get("modality"),
        "attributed_to": event.get("attributed_to"),
        "confidence": event.get("confidence"),
        "counts": event.get("counts"),
        "eventwire_geo_precision": event.get("geo_precision"),
        "eventwire_time_precision": event.get("date_precision"),
    }


def plain(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with dates as ISO strings and JSON columns decoded, for JSON output."""
    out = []
    for row in rows:
        item = {k: _iso(v) for k, v in row.items()}
        if isinstance(item.get("counts"), str):
            item["counts"] = json.loads(item["counts"])
        out.append(item)
    return out


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _iso(v) for k, v in r.items()} for r in rows)
    return buf.getvalue()


def to_json(rows: Sequence[dict[str, Any]]) -> str:
    return json.dumps(plain(rows), ensure_ascii=False, indent=2)


def to_jsonl(rows: Sequence[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in plain(rows))


def to_geojson(events: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection per RFC 7946: [longitude, latitude] points in WGS 84,
    one Feature per located event; events without coordinates are left out
    (their count is in the collection's ``unlocated`` member)."""
    features: list[dict[str, Any]] = []
    unlocated = 0
    for row in plain(events):
        lat, lon = row.get("latitude"), row.get("longitude")
        if lat is None or lon is None:
            unlocated += 1
            continue
        props = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
        features.append({
            "type": "Feature",
            "id": f"{row['article_id']}:{row.get('idx', len(features))}",
            "geometry": {"type": "Point", "coordinates": [round(float(lon), 6), round(float(lat), 6)]},
            "properties": props,
        })
    return {"type": "FeatureCollection", "features": features, "unlocated": unlocated}


def write_parquet(rows: Sequence[dict[str, Any]], out: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([{k: v for k, v in r.items()} for r in rows])
    pq.write_table(table, out)


def write(rows: Sequence[dict[str, Any]], fmt: str, out: Path, *, geo: bool = True) -> int:
    """Write rows to ``out`` in ``fmt``; returns the number written. The file is
    written next to its final name and renamed, so a failed export never leaves
    a half-written file in place of a good one."""
    tmp = out.with_name(out.name + ".partial")
    try:
        if fmt == "parquet":
            write_parquet(rows, tmp)
        else:
            text = render(rows, fmt, geo=geo)
            tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise ExportError(path=str(out), detail=err.strerror or str(err)) from None
    return len(rows)


def render(rows: Sequence[dict[str, Any]], fmt: str, *, geo: bool = True) -> str:
    if fmt == "csv":
        return to_csv(rows)
    if fmt == "json":
        return to_json(rows)
    if fmt == "jsonl":
        return to_jsonl(rows)
    if fmt == "geojson":
        if not geo:
            raise ValueError("geojson needs event or place rows with coordinates")
        return json.dumps(to_geojson(rows), ensure_ascii=False)
    raise ValueError(f"unknown format {fmt!r}")
