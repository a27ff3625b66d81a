"""The CLI end to end on texts written here: exit statuses, idempotent ingest, exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.cli import main

ARTICLE_A = """Drone strike kills three in Kherson

A Russian drone strike killed three people and wounded five in Kherson on Monday, the regional governor said.

"The drone hit a bus stop near the market," governor Oleksandr Prokudin told reporters.

Share this article
"""

ARTICLE_B = """Floods force thousands from homes in Beledweyne

More than 2,000 families have fled rising waters in Beledweyne since Saturday, according to the UN, which warned that up to 10,000 more people could be displaced.

Read more
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "README.md").write_text("not an article")
    return folder


def test_extract_prints_the_contract_record(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["extract", str(corpus / "a.txt"), "--published", "2024-06-04", "--source", "Test Wire"])
    assert status == 0
    record = json.loads(capsys.readouterr().out)
    assert record["article"]["title"] == "Drone strike kills three in Kherson"
    assert record["article"]["source"] == "Test Wire" and record["article"]["published"] == "2024-06-04"
    assert [r["reason"] for r in record["article"]["removed"]] == ["share_prompt"]
    text = record["article"]["text"]
    for place in record["places"]:
        for m in place["mentions"]:
            base = record["article"]["title"] if m.get("field") == "title" else text
            assert base[m["start"]:m["end"]] == m["text"]
    assert any(p["name"] == "Kherson" for p in record["places"])


def test_extract_text_format(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(corpus / "b.txt"), "--format", "text", "--published", "2023-11-13"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Floods force thousands") and "Beledweyne" in out


def test_missing_file_exits_2_with_a_coded_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    assert "[E006]" in capsys.readouterr().err


def test_ingest_twice_changes_nothing_and_queries_read_the_store(
        corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "t.duckdb")
    assert main(["ingest", str(corpus), "--db", db, "--published", "2024-06-04", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["summary", "--db", db]) == 0
    first = capsys.readouterr().out
    assert "articles 2" in first
    assert main(["ingest", str(corpus), "--db", db, "--quiet"]) == 0
    assert "already stored 2" in capsys.readouterr().out
    main(["summary", "--db", db])
    assert capsys.readouterr().out == first

    out = tmp_path / "events.geojson"
    assert main(["export", "--db", db, "--format", "geojson", "--out", str(out)]) == 0
    assert "events ->" in capsys.readouterr().out
    gj = json.loads(out.read_text())
    assert gj["type"] == "FeatureCollection"
    for f in gj["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90

    assert main(["events", "--db", db, "--format", "csv"]) == 0
    csv_text = capsys.readouterr().out
    assert csv_text.startswith("event_date,event_type,sub_event_type,actor1,actor2,country")
    assert main(["places", "--db", db, "--format", "json", "--country", "Somalia"]) == 0
    places = json.loads(capsys.readouterr().out)
    assert places and all(p["country"] == "SO" for p in places)


def test_ingest_with_a_bad_file_exits_3_and_records_it(
        corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "broken.txt").write_bytes(b"\x00\x00garbage")
    db = str(tmp_path / "t.duckdb")
    assert main(["ingest", str(corpus), "--db", db, "--quiet"]) == 3
    captured = capsys.readouterr()
    assert "failed 1" in captured.out and "broken.txt" in captured.err
    assert main(["failures", "--db", db, "--format", "json"]) == 0
    [failure] = json.loads(capsys.readouterr().out)
    assert failure["code"] == "E002" and failure["origin"].endswith("broken.txt")


def test_ingest_where_nothing_can_be_done_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00")
    assert main(["ingest", str(bad), "--db", str(tmp_path / "t.duckdb"), "--quiet"]) == 1


def test_show_and_unknown_id(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "t.duckdb")
    main(["ingest", str(corpus / "a.txt"), "--db", db, "--quiet"])
    capsys.readouterr()
    assert main(["places", "--db", db, "--format", "json"]) == 0
    article_id = json.loads(capsys.readouterr().out)[0]["article_id"]
    assert main(["show", article_id[:10], "--db", db, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["article"]["id"] == article_id
    assert main(["show", "ffff0000", "--db", db]) == 2
    assert "[E204]" in capsys.readouterr().err


def test_outlets_profile_each_source(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "t.duckdb")
    main(["ingest", str(corpus / "a.txt"), "--db", db, "--quiet", "--source", "Calm Wire"])
    tabloid = corpus / "c.txt"
    tabloid.write_text("Evil thugs' cowardly blitz\n\nDepraved thugs unleashed a cowardly blitz of terror on "
                       "the helpless town, in a sickening orgy of violence.", encoding="utf-8")
    main(["ingest", str(tabloid), "--db", db, "--quiet", "--source", "Shouty Daily"])
    capsys.readouterr()
    assert main(["outlets", "--db", db, "--format", "json"]) == 0
    profiles = json.loads(capsys.readouterr().out)
    assert set(profiles) == {"Calm Wire", "Shouty Daily"}
    assert profiles["Shouty Daily"]["loaded_per_1000_words"] > profiles["Calm Wire"]["loaded_per_1000_words"]


def test_local_engine_stores_the_same_records_as_serial(
        corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from eventwire.store import Store

    serial, local = str(tmp_path / "s.duckdb"), str(tmp_path / "l.duckdb")
    assert main(["ingest", str(corpus), "--db", serial, "--quiet", "--published", "2024-06-04"]) == 0
    assert main(["ingest", str(corpus), "--db", local, "--quiet", "--published", "2024-06-04",
                 "--engine", "local", "--workers", "2"]) == 0
    assert "engine local:" in capsys.readouterr().out
    with Store.open(serial, read_only=True) as a, Store.open(local, read_only=True) as b:
        assert [r.to_dict() for r in a.iter_records()] == [r.to_dict() for r in b.iter_records()]


def test_engine_options_that_do_not_fit_exit_2(corpus: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "t.duckdb")
    assert main(["ingest", str(corpus), "--db", db, "--quiet", "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "[E008]" in capsys.readouterr().err
