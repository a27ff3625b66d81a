"""The gazetteer: name folding, the embedded data, variants, and GeoNames dump loading."""

from __future__ import annotations

import csv
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from eventwire.errors import GazetteerFileError
from eventwire.gazetteer import (
    KINDS,
    PRECISIONS,
    Gazetteer,
    default_gazetteer,
    display_name,
    distance_km,
    load_geonames_dump,
    normalize,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize(("a", "b"), [
    ("al-Hawl", "Hawl"),
    ("Al Ḩawl", "al-Hawl"),
    ("Deir al-Zor", "Deir ez-Zor"),
    ("Khar’kov", "Kharkov"),
    ("the Gaza Strip", "Gaza Strip"),
    ("São Paulo", "sao paulo"),
])
def test_normalize_folds_spellings_together(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(("a", "b"), [("Paris", "Parma"), ("Al Bab", "Bab Hawa"), ("El Paso", "Paso Robles")])
def test_normalize_keeps_different_names_apart(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


def test_display_name_drops_transliteration_marks_only() -> None:
    assert display_name("Sinjār") == "Sinjar"
    assert display_name("‘Ayn al ‘Arab") == "Ayn al Arab"
    assert display_name("Ménaka") == "Ménaka"


def _top(gaz: Gazetteer, name: str) -> list[tuple[str, str | None, str]]:
    return [(m.entry.name, m.entry.country, m.entry.kind) for m in gaz.lookup(name) if m.strong]


@pytest.mark.parametrize("variant", ["Baghuz", "Baghouz", "Al Baghuz Fawqani", "al-Baghuz"])
def test_baghuz_variants(gaz: Gazetteer, variant: str) -> None:
    entries = [m.entry for m in gaz.lookup(variant) if m.strong]
    assert entries, variant
    assert any(e.name == "Baghuz" and distance_km(e.lat, e.lon, 34.45, 40.94) < 5 for e in entries)


@pytest.mark.parametrize("variant", ["al-Hawl", "al-Hol", "Al Hol", "Hawl"])
def test_al_hawl_camp_variants(gaz: Gazetteer, variant: str) -> None:
    assert ("al-Hawl", "SY", "camp") in _top(gaz, variant)


@pytest.mark.parametrize("variant", ["Deir al-Zor", "Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor"])
def test_deir_ez_zor_variants(gaz: Gazetteer, variant: str) -> None:
    ids = {m.entry.geonameid for m in gaz.lookup(variant)}
    assert 170794 in ids


@pytest.mark.parametrize(("variant", "name", "kind"), [
    ("Tskhinval", "Tskhinvali", "populated_place"), ("Ts'khinvali", "Tskhinvali", "populated_place"),
    ("Rusizi Plain", "Ruzizi Plain", "region"), ("Guma local government area", "Guma", "admin_area"),
    ("Nasarawa state", "Nasarawa State", "admin_area"), ("Pampur", "Pampore", "populated_place"),
    ("East Africa", "East Africa", "region")])
def test_round6_spellings_and_areas(gaz: Gazetteer, variant: str, name: str, kind: str) -> None:
    assert any(m.strong and m.entry.name == name and m.entry.kind == kind for m in gaz.lookup(variant)), variant


def test_kharkiv_city_and_oblast(gaz: Gazetteer) -> None:
    city = next(m.entry for m in gaz.lookup("Kharkiv") if m.entry.kind == "populated_place")
    assert (city.geonameid, city.country, city.admin1, city.precision) == (706483, "UA", "Kharkiv", "point")
    oblast = [m.entry for m in gaz.lookup("Kharkiv Oblast")]
    assert [(e.kind, e.precision) for e in oblast] == [("admin_area", "admin1")]
    assert not any(m.entry.kind == "admin_area" for m in gaz.lookup("Kharkiv"))


@pytest.mark.parametrize(("alias", "iso"), [("DRC", "CD"), ("Burma", "MM"), ("U.S.", "US"), ("Britain", "GB"),
                                            ("Türkiye", "TR"), ("Syria", "SY")])
def test_country_aliases(gaz: Gazetteer, alias: str, iso: str) -> None:
    assert any(m.entry.kind == "country" and m.entry.country == iso for m in gaz.lookup(alias))


@pytest.mark.parametrize(("word", "iso"), [("Syrian", "SY"), ("Americans", "US"), ("Brits", "GB"), ("Iraqi", "IQ")])
def test_demonyms(gaz: Gazetteer, word: str, iso: str) -> None:
    assert gaz.demonym_country(word) == iso


def test_state_abbreviations_match_only_as_written(gaz: Gazetteer) -> None:
    assert [m.entry.name for m in gaz.lookup_exact("W.Va.")] == ["West Virginia"]
    assert not any(m.entry.name == "Mississippi" for m in gaz.lookup("Miss"))


def test_supplement_file_is_complete_and_plausible(gaz: Gazetteer) -> None:
    text = resources.files("eventwire").joinpath("data", "gazetteer_supplement.csv").read_text("utf-8")
    assert text.startswith("# version:")
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    assert len(rows) >= 150
    for row in rows:
        assert row["kind"] in KINDS and row["precision"] in PRECISIONS, row
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        assert row["source"], row
        if row["country"] and row["kind"] != "region":
            country = gaz.country(row["country"])
            assert country is not None
            # every place lies within its country's reach (catches swapped lat/lon)
            assert distance_km(lat, lon, country.lat, country.lon) < 2500, row["name"]


_DUMP_ROWS = [
    # geonameid, name, asciiname, alternatenames, lat, lon, fclass, fcode, cc, cc2, admin1..4,
    # population, elevation, dem, timezone, modified
    ["9000001", "Qaryat Zarqa", "Qaryat Zarqa", "Zarqa Village,Qaryet Zerqa", "35.1", "40.2", "P", "PPL",
     "SY", "", "07", "", "", "", "1200", "", "200", "Asia/Damascus", "2024-01-01"],
    ["9000002", "Wadi Test", "Wadi Test", "", "35.2", "40.3", "H", "WAD", "SY", "", "07", "", "", "", "0",
     "", "210", "Asia/Damascus", "2024-01-01"],
    ["9000003", "Mukhayyam Test", "Mukhayyam Test", "Test Refugee Camp", "35.3", "40.4", "S", "CMPRF", "SY",
     "", "07", "", "", "", "0", "", "220", "Asia/Damascus", "2024-01-01"],
    ["9000004", "Some Mosque", "Some Mosque", "", "35.4", "40.5", "A", "PCLI", "SY", "", "", "", "", "", "0",
     "", "0", "Asia/Damascus", "2024-01-01"],
]


def _dump_text() -> str:
    return "".join("\t".join(row) + "\n" for row in _DUMP_ROWS)


def test_load_geonames_dump_txt(tmp_path: Path) -> None:
    src = tmp_path / "SY.txt"
    src.write_text(_dump_text(), encoding="utf-8")
    stats = load_geonames_dump(src, tmp_path / "out" / "gaz.pkl")
    assert (stats.rows, stats.kept) == (4, 3)  # the PCLI row is skipped: countries come built in
    gaz = Gazetteer.from_file(tmp_path / "out" / "gaz.pkl")
    village = gaz.lookup("Qaryet Zerqa")[0].entry
    assert (village.name, village.kind, village.admin1, village.population) == (
        "Qaryat Zarqa", "populated_place", "Deir ez-Zor", 1200)
    assert gaz.lookup("Test Refugee Camp")[0].entry.kind == "camp"
    assert gaz.lookup("Wadi Test")[0].entry.kind == "water"
    assert any(m.entry.kind == "country" for m in gaz.lookup("Syria"))
    assert gaz.lookup("Roj")  # the supplement comes along


def test_load_geonames_dump_zip(tmp_path: Path) -> None:
    src = tmp_path / "SY.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("readme.txt", "not data\n")
        zf.writestr("SY.txt", _dump_text())
    stats = load_geonames_dump(src, tmp_path / "gaz.pkl")
    assert stats.kept == 3
    assert Gazetteer.from_file(tmp_path / "gaz.pkl").lookup("Qaryat Zarqa")


@pytest.mark.parametrize(("name", "content"), [
    ("short.txt", "1\tonly\tthree\n"),
    ("badlat.txt", "\t".join([*_DUMP_ROWS[0][:4], "north", *_DUMP_ROWS[0][5:]]) + "\n"),
    ("empty.txt", "\n\n"),
    ("fake.zip", "this is not a zip archive"),
])
def test_load_geonames_dump_rejects_bad_input(tmp_path: Path, name: str, content: str) -> None:
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerFileError):
        load_geonames_dump(src, tmp_path / "gaz.pkl")
    assert not (tmp_path / "gaz.pkl").exists()


def test_from_file_rejects_other_files(tmp_path: Path) -> None:
    bad = tmp_path / "x.pkl"
    bad.write_bytes(b"not a pickle")
    with pytest.raises(GazetteerFileError):
        Gazetteer.from_file(bad)
    with pytest.raises(GazetteerFileError):
        Gazetteer.from_file(tmp_path / "missing.pkl")


@pytest.mark.parametrize(("name", "expected", "country", "kind"), [
    ("Kiev", "Kyiv", "UA", "populated_place"),          # older English spelling, a strong alias
    ("Nabatiyeh", "Nabatieh", "LB", "populated_place"),
    ("Gaza", "Gaza Strip", "PS", "admin_area"),        # "Gaza" alone names the Strip in news
    ("Cauca", "Cauca", "CO", "admin_area"),
    ("Akkar", "Akkar", "LB", "admin_area"),
    ("Mitiga airport", "Mitiga", "LY", "site"),
])
def test_supplement_and_admin1_rows(gaz: Gazetteer, name: str, expected: str, country: str, kind: str) -> None:
    strong = [m.entry for m in gaz.lookup(name) if m.strong]
    assert any(e.name == expected and e.country == country and e.kind == kind for e in strong)


@pytest.mark.parametrize("phrase", ["northern Mali", "south Lebanon", "north-eastern Syria", "eastern DRC"])
def test_direction_and_country_is_no_gazetteer_name(gaz: Gazetteer, phrase: str) -> None:
    # The country is the place; places.py keeps the direction as the mention's offset words.
    assert all(m.entry.kind != "region" for m in gaz.lookup(phrase))


def test_news_spellings_of_geonames_names() -> None:
    from eventwire.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    # the article run into the name ("El Wak" -> "Elwak")
    assert any(m.strong and m.entry.country == "KE" for m in gaz.lookup("Elwak"))
    # a city without its "City" outside the US ("Marawi City" -> "Marawi"), weak: "Sadr" is also a man
    assert any(not m.strong and m.entry.name == "Marawi City" for m in gaz.lookup("Marawi"))
    assert not any(m.strong and m.entry.name == "Sadr City" for m in gaz.lookup("Sadr"))
    # a country is never a demonym, even when it looks like a plural of one
    assert gaz.demonym_country("Philippines") is None
    assert gaz.demonym_country("Filipinos") == "PH" or gaz.demonym_country("Philippine") == "PH"


@pytest.mark.parametrize(("variant", "name", "country", "precision"), [
    ("Hiiraan region", "Hiraan", "SO", "admin1"),
    ("Shabeellaha Hoose", "Lower Shabelle", "SO", "admin1"),
    ("Galguduud", "Galgaduud", "SO", "admin1"),
    ("Misraq Shewa", "East Shewa", "ET", "admin2"),
    ("Horo Gudru Welega", "Horo Guduru Wollega", "ET", "admin2"),
    ("North Welo", "North Wollo", "ET", "admin2"),
    ("Niger state", "Niger State", "NG", "admin1"),
    ("Sokoto State", "Sokoto", "NG", "admin1"),
])
def test_admin_areas_named_with_their_admin_word(gaz: Gazetteer, variant: str, name: str, country: str, precision: str) -> None:
    found = [m.entry for m in gaz.lookup(variant) if m.strong and m.entry.kind == "admin_area"]
    assert [(e.name, e.country, e.precision) for e in found] == [(name, country, precision)]


def test_niger_state_is_never_the_country(gaz: Gazetteer) -> None:
    assert all(m.entry.kind != "country" for m in gaz.lookup("Niger State"))


@pytest.mark.parametrize(("variant", "name", "kind"), [
    ("Sambisa forest", "Sambisa", "region"),
    ("Bolan pass", "Bolan Pass", "site"),
    ("Kakhovka reservoir", "Kakhovka Reservoir", "water"),
    ("Rugu forest", "Rugu Forest", "region"),
])
def test_natural_features_named_as_written(gaz: Gazetteer, variant: str, name: str, kind: str) -> None:
    assert [(m.entry.name, m.entry.kind) for m in gaz.lookup(variant) if m.strong] == [(name, kind)]


@pytest.mark.parametrize(("name", "country"), [
    ("Far North", "CM"), ("Extreme North", "CM"), ("Vayots Dzor", "AM"), ("Syunik Province", "AM"),
    ("Mayo-Sava", "CM"), ("Tinzaouaten", "ML"), ("Neelum Valley", "PK"), ("Pétion-Ville", "HT"),
])
def test_district_seats_and_areas_are_known(name: str, country: str) -> None:
    assert any(m.strong and m.entry.country == country for m in default_gazetteer().lookup(name))
