"""The DuckDB store: tables from records, idempotency, safety of what is stored."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from eventwire.errors import BadFilter, DatabaseCorrupt, DatabaseLocked, DatabaseNewer
from eventwire.schema import Failure
from eventwire.store import Filters, Store
from eventwire.store_tables import MIGRATIONS
from tests.records import TEXT, sample_record


def test_add_stores_every_table_and_the_whole_record(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    record = sample_record()
    with Store.open(db) as store:
        assert store.add([record], [Failure(path="x.txt", code="E002", message="bad bytes")]) == 1
        counts = store.counts()
        assert store.record(record.article.id) == record
        assert store.record(record.article.id[:12]) == record  # id prefixes work like git's
    assert counts == {"articles": 1, "actors": 2, "mentions": 4, "places": 1, "counts": 1, "quotes": 1,
                      "sources_cited": 1, "events": 1, "loaded": 1, "failures": 1}


def test_same_content_is_not_stored_twice(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    record = sample_record()
    renamed = dataclasses.replace(record, article=dataclasses.replace(record.article, id="caller-id"))
    with Store.open(db) as store:
        assert store.add([record, renamed]) == 1
        assert store.add([record]) == 0
        assert store.counts()["articles"] == 1


def test_event_rows_carry_place_coordinates_and_evidence(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add([sample_record()])
        [row] = store.events()
    assert row["latitude"] == pytest.approx(14.79781) and row["country"] == "YE"
    assert row["evidence"] == TEXT.split("\n\n")[0]
    assert row["fatalities"] == 7 and row["source"] == "Example Wire"


def test_filters(tmp_path: Path) -> None:
    other = sample_record(text=TEXT + " Two more died later.", source="Other Paper")
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add([sample_record(), other])
        assert len(store.events(Filters(country="Yemen"))) == 2
        assert len(store.events(Filters(country="ye", source="other"))) == 1
        assert store.events(Filters(type="battle")) == []
        assert len(store.events(Filters(since="2023-06-11", until="2023-06-11"))) == 2
        assert store.events(Filters(since="2023-06-12")) == []
        assert len(store.events(Filters(actor="civil"))) == 2
        assert store.count_events(Filters(place="hodei")) == 2
        assert store.count_events(Filters(place="taiz")) == 0
    with pytest.raises(BadFilter):
        Filters(since="yesterday")


def test_unknown_country_filter_says_what_to_give(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store, pytest.raises(BadFilter) as info:
        store.events(Filters(country="Narnia"))
    assert "ISO" in str(info.value)


def test_failed_batch_leaves_stored_data_untouched(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    good = sample_record()
    with Store.open(db) as store:
        store.add([good])
        broken = sample_record(text=TEXT + " More.")
        # An event row that violates NOT NULL makes the insert fail mid-batch.
        broken = dataclasses.replace(broken, events=(dataclasses.replace(broken.events[0], type=None),))  # type: ignore[arg-type]
        with pytest.raises(Exception):  # noqa: B017 - any database error will do
            store.add([broken])
        assert store.counts()["articles"] == 1
        assert store.record(good.article.id) == good


def test_not_a_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_text("these are my notes")
    with pytest.raises(DatabaseCorrupt) as info:
        Store.open(db)
    assert info.value.code == "E203"
    assert db.read_text() == "these are my notes"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        store.con.execute("UPDATE eventwire_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(DatabaseNewer):
        Store.open(db)


def test_migrations_run_once(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store.open(db).close()
    with Store.open(db) as store:
        row = store.con.execute("SELECT value FROM eventwire_meta").fetchone()
    assert row is not None and int(row[0]) == len(MIGRATIONS)


def test_locked_database_gives_a_coded_error(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store.open(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(db)!r})
            print("ready", flush=True)
            time.sleep(30)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseLocked) as info:
            Store.open(db)
        assert info.value.code == "E201" and str(db) in str(info.value)
    finally:
        holder.kill()
        holder.wait()


def test_reading_a_missing_store_is_empty_not_an_error(tmp_path: Path) -> None:
    with Store.open(tmp_path / "none.duckdb", read_only=True) as store:
        assert store.events() == []
    assert not (tmp_path / "none.duckdb").exists()


def test_an_older_file_is_upgraded_in_place_keeping_its_rows(tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(db))
    for sql in MIGRATIONS[0]:
        con.execute(sql)
    con.execute("INSERT INTO eventwire_meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO mentions VALUES ('a', 'place', 0, 'Homs', 0, 4, 'text')")
    con.close()
    with Store.open(db) as store:
        assert store.con.execute("SELECT value FROM eventwire_meta").fetchone() == (str(len(MIGRATIONS)),)
        assert store.con.execute("SELECT text, relative FROM mentions").fetchall() == [("Homs", None)]
        store.add([sample_record()])
        assert store.counts()["articles"] == 1
