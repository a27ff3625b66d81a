"""The store's tables: DDL per schema version, and a Record cut into rows.

Kept apart from ``store.py`` so the mapping from the record contract to
columns can be read (and tested against ``schema.py``) on its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from eventwire.schema import Record

# Each entry upgrades the file by one version; never edit a released entry,
# append a new one (ALTER TABLE ...) instead.
MIGRATIONS: list[list[str]] = [
    [
        "CREATE TABLE IF NOT EXISTS eventwire_meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        """CREATE TABLE articles (
            id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL UNIQUE, title VARCHAR,
            text VARCHAR NOT NULL, source VARCHAR, url VARCHAR, published DATE,
            language VARCHAR, removed JSON, tone DOUBLE, words INTEGER, origin VARCHAR,
            ingested_at TIMESTAMP, record JSON NOT NULL)""",
        """CREATE TABLE actors (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, name VARCHAR NOT NULL,
            type VARCHAR, country VARCHAR, PRIMARY KEY (article_id, idx))""",
        """CREATE TABLE places (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, name VARCHAR NOT NULL,
            lat DOUBLE, lon DOUBLE, geonameid BIGINT, country VARCHAR, admin1 VARCHAR, kind VARCHAR,
            precision VARCHAR, PRIMARY KEY (article_id, idx))""",
        """CREATE TABLE mentions (article_id VARCHAR NOT NULL, owner VARCHAR NOT NULL, owner_idx INTEGER NOT NULL,
            text VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, field VARCHAR NOT NULL)""",
        """CREATE TABLE counts (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, kind VARCHAR, value BIGINT,
            low BIGINT, high BIGINT, qualifier VARCHAR, what VARCHAR, text VARCHAR, start INTEGER,
            "end" INTEGER, field VARCHAR, place VARCHAR, period_start DATE, period_end DATE, scope VARCHAR,
            status VARCHAR, hedged BOOLEAN, claimed_by VARCHAR, PRIMARY KEY (article_id, idx))""",
        """CREATE TABLE quotes (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, start INTEGER,
            "end" INTEGER, field VARCHAR, kind VARCHAR, cue VARCHAR, speaker_name VARCHAR,
            speaker_role VARCHAR, speaker_organization VARCHAR, speaker_text VARCHAR,
            speaker_start INTEGER, speaker_end INTEGER, speaker_field VARCHAR,
            PRIMARY KEY (article_id, idx))""",
        """CREATE TABLE sources_cited (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, name VARCHAR,
            text VARCHAR, start INTEGER, "end" INTEGER, field VARCHAR, PRIMARY KEY (article_id, idx))""",
        """CREATE TABLE events (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, type VARCHAR NOT NULL,
            subtype VARCHAR, actor1 VARCHAR, actor2 VARCHAR, place VARCHAR, date_start DATE, date_end DATE,
            date_precision VARCHAR, modality VARCHAR, counts JSON, fatalities BIGINT, attributed_to VARCHAR,
            sentence_start INTEGER, sentence_end INTEGER, sentence_field VARCHAR, evidence VARCHAR,
            confidence DOUBLE, latitude DOUBLE, longitude DOUBLE, country VARCHAR, admin1 VARCHAR,
            geo_precision VARCHAR, PRIMARY KEY (article_id, idx))""",
        """CREATE TABLE loaded (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, start INTEGER,
            "end" INTEGER, field VARCHAR, category VARCHAR, speaker_framing BOOLEAN, neutral VARCHAR,
            PRIMARY KEY (article_id, idx))""",
        "CREATE SEQUENCE failures_seq",
        """CREATE TABLE failures (id BIGINT PRIMARY KEY DEFAULT nextval('failures_seq'), origin VARCHAR,
            code VARCHAR, message VARCHAR, article_id VARCHAR, failed_at TIMESTAMP)""",
        "CREATE INDEX events_date ON events (date_start)",
        "CREATE INDEX events_type ON events (type)",
    ],
    [
        # v2: the offset words of a place named as an anchor ("10 km north of").
        "ALTER TABLE mentions ADD COLUMN relative VARCHAR",
    ],
]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def rows_for(record: Record, *, origin: str | None, ingested_at: dt.datetime) -> dict[str, list[dict[str, Any]]]:
    """One record as rows of every table (the inverse lives in ``articles.record``)."""
    art = record.article
    aid = art.id
    sources = {"text": art.text, "title": art.title or ""}
    places = {p.name: p for p in record.places}
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": [{
            "id": aid, "content_hash": hashlib.sha256(art.text.encode("utf-8")).hexdigest(),
            "title": art.title, "text": art.text, "source": art.source, "url": art.url,
            "published": _date(art.published), "language": art.language,
            "removed": json.dumps([{"text": r.text, "reason": r.reason} for r in art.removed], ensure_ascii=False),
            "tone": record.framing.tone, "words": len(art.text.split()), "origin": origin,
            "ingested_at": ingested_at, "record": record.to_json(indent=None),
        }],
        "actors": [], "places": [], "mentions": [], "counts": [], "quotes": [],
        "sources_cited": [], "events": [], "loaded": [],
    }
    for i, a in enumerate(record.actors):
        rows["actors"].append({"article_id": aid, "idx": i, "name": a.name, "type": a.type, "country": a.country})
        rows["mentions"] += [{"article_id": aid, "owner": "actor", "owner_idx": i, "text": m.text,
                              "start": m.start, "end": m.end, "field": m.field} for m in a.mentions]
    for i, p in enumerate(record.places):
        rows["places"].append({"article_id": aid, "idx": i, "name": p.name, "lat": p.lat, "lon": p.lon,
                               "geonameid": p.geonameid, "country": p.country, "admin1": p.admin1,
                               "kind": p.kind, "precision": p.precision})
        rows["mentions"] += [{"article_id": aid, "owner": "place", "owner_idx": i, "text": m.text,
                              "start": m.start, "end": m.end, "field": m.field, "relative": m.relative}
                             for m in p.mentions]
    for i, c in enumerate(record.counts):
        rows["counts"].append({
            "article_id": aid, "idx": i, "kind": c.kind, "value": c.value, "low": c.low, "high": c.high,
            "qualifier": c.qualifier, "what": c.what, "text": c.text, "start": c.start, "end": c.end,
            "field": c.field, "place": c.place,
            "period_start": _date(c.period.start) if c.period else None,
            "period_end": _date(c.period.end) if c.period else None,
            "scope": c.scope, "status": c.status, "hedged": c.hedged, "claimed_by": c.claimed_by})
    for i, q in enumerate(record.quotes):
        s = q.speaker
        rows["quotes"].append({
            "article_id": aid, "idx": i, "text": q.text, "start": q.start, "end": q.end, "field": q.field,
            "kind": q.kind, "cue": q.cue,
            "speaker_name": s.name if s else None, "speaker_role": s.role if s else None,
            "speaker_organization": s.organization if s else None, "speaker_text": s.text if s else None,
            "speaker_start": s.start if s else None, "speaker_end": s.end if s else None,
            "speaker_field": s.field if s else None})
    for i, sc in enumerate(record.sources_cited):
        rows["sources_cited"].append({"article_id": aid, "idx": i, "name": sc.name, "text": sc.text,
                                      "start": sc.start, "end": sc.end, "field": sc.field})
    for i, e in enumerate(record.events):
        place = places.get(e.place) if e.place else None
        rows["events"].append({
            "article_id": aid, "idx": i, "type": e.type, "subtype": e.subtype, "actor1": e.actor1,
            "actor2": e.actor2, "place": e.place, "date_start": _date(e.date.start),
            "date_end": _date(e.date.end), "date_precision": e.date.precision, "modality": e.modality,
            "counts": json.dumps(e.counts), "fatalities": e.counts.get("killed", 0),
            "attributed_to": e.attributed_to, "sentence_start": e.sentence.start,
            "sentence_end": e.sentence.end, "sentence_field": e.sentence.field,
            "evidence": sources[e.sentence.field][e.sentence.start:e.sentence.end],
            "confidence": e.confidence,
            "latitude": place.lat if place else None, "longitude": place.lon if place else None,
            "country": place.country if place else None, "admin1": place.admin1 if place else None,
            "geo_precision": place.precision if place else None})
    for i, ls in enumerate((*record.framing.loaded, *record.framing.quoted)):
        rows["loaded"].append({"article_id": aid, "idx": i, "text": ls.text, "start": ls.start, "end": ls.end,
                               "field": ls.field, "category": ls.category,
                               "speaker_framing": ls.speaker_framing, "neutral": ls.neutral})
    return rows
