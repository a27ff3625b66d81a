"""Exports: ACLED-like CSV, RFC 7946 GeoJSON, Parquet, JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eventwire import export
from eventwire.store import Store
from tests.records import sample_record


def _rows(tmp_path: Path) -> list[dict[str, object]]:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add([sample_record()])
        return [export.acled_row(r) for r in store.events()]


def test_csv_has_acled_columns_and_codes(tmp_path: Path) -> None:
    rows = _rows(tmp_path)
    parsed = list(csv.DictReader(io.StringIO(export.to_csv(rows))))
    assert list(parsed[0])[: len(export.ACLED_COLUMNS)] == list(export.ACLED_COLUMNS)
    row = parsed[0]
    assert row["event_date"] == "2023-06-11" and row["event_type"] == "remote_violence"
    assert row["geo_precision"] == "1" and row["time_precision"] == "1"
    assert row["fatalities"] == "7" and row["notes"].startswith("An air strike killed")


def test_geojson_is_a_valid_feature_collection(tmp_path: Path) -> None:
    rows = [*_rows(tmp_path), {**_rows(tmp_path)[0], "latitude": None}]
    gj = export.to_geojson(rows)
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 1 and gj["unlocated"] == 1
    feature = gj["features"][0]
    assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert (lon, lat) == (42.95452, 14.79781)  # RFC 7946: longitude first
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    json.dumps(gj)  # serialisable: dates became strings


def test_parquet_and_jsonl_round_trip(tmp_path: Path) -> None:
    rows = _rows(tmp_path)
    out = tmp_path / "e.parquet"
    assert export.write(rows, "parquet", out) == 1
    table = pq.read_table(out)
    assert table.num_rows == 1 and "event_type" in table.column_names
    lines = export.to_jsonl(rows).splitlines()
    assert json.loads(lines[0])["counts"] == {"killed": 7}


def test_failed_export_keeps_the_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    out.write_text("previous export")
    with pytest.raises(ValueError):
        export.write([{"a": 1}], "nonsense", out)
    assert out.read_text() == "previous export"
    assert not (tmp_path / "e.csv.partial").exists()
