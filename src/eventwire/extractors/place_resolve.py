"""Places, second half: resolution of recognised names to gazetteer entries and the check
that each resolved place fits the article (see places.py for the whole design).

Resolution (one sense per name and article) scores every candidate entry: a prior from its kind
and population, plus evidence from the article (countries and admin1 areas it names or whose
demonyms it uses, the countries of the other places, closeness to them, the feature word next
to the name). ``keep`` then drops a town in a country the article never points to.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from eventwire.extractors.place_cues import PlaceWords as _Words
from eventwire.gazetteer import Entry, Gazetteer, Match, distance_km

ORG_MIN_POPULATION = 100_000     # a town the tagger gave another label must be this big
POINTED_ENOUGH = 2.0             # country evidence beyond which a town elsewhere is doubted (keep)
# Endings that make an adjective of a place name ("Siwa" -> "Siwan", "Gaza" -> "Gazan").
_ADJECTIVE_SUFFIXES = ("n", "an", "ian", "i", "ese", "ite")

@dataclass
class Candidate:
    start: int                       # doc char offsets of the place words
    end: int
    key: str
    matches: list[Match]
    features: set[str] = field(default_factory=set)
    tier: int = 0                    # SURE, WEAK or MAYBE (see _accept)
    cue: bool = False                # a locative cue: "in X", "the town of X", "10 km north of X"
    relative: str | None = None      # offset words before the name: "10 km north of", "northern"
    modifier: bool = False           # the name qualifies the noun after it: "Siwan music"
    head: str = ""                   # ... and that noun, lower case: "military" of "the US military"
    written: str | None = None       # the name as written when it is not the entry's: "Zaporizhzhia Oblast"
    as_kind: str | None = None       # a natural feature named after the entry: "Kakhovka Reservoir" (water)
    conj: int | None = None          # the first conjunct's token when the name is one of a list ("X, Y and Z")


def curated(entry: Entry) -> bool:
    return entry.source != "geonames"


# How sure recognition is of a candidate. SURE: spaCy calls it a place or the gazetteer entry is
# curated. WEAK: a GeoNames town of some size found as a proper noun; kept unless the article
# points to other countries. MAYBE: a small town the tagger calls a person or an organisation
# ("between Gao and Ansongo"); kept only with a locative cue and in a country the article names.
SURE, WEAK, MAYBE = 0, 1, 2


def _prior(entry: Entry, strong: bool) -> float:
    if entry.kind == "country":
        p = 10.5
    elif entry.source == "continent":
        p = 9.0
    elif entry.kind == "admin_area":
        p = 8.5 if entry.precision == "admin1" else 5.5
    elif entry.source == "supplement":
        fixed = {"region": 7.5, "water": 7.5, "camp": 7.0, "site": 6.5}
        p = fixed.get(entry.kind, max(6.0, math.log10(entry.population + 10) + 0.5))
    else:
        p = math.log10(entry.population + 10)
    return p if strong else p - 2.0


def compass(key: str, words: _Words) -> bool:
    """A name made of direction words only ("north west", "south-west"): many countries have one."""
    return all(t in words.directions for t in key.split())


def country_evidence(doc: Doc, gaz: Gazetteer, cands: list[Candidate],
                      words: _Words) -> dict[str, dict[str, float]]:
    """What the article says about countries before any name is resolved: country and
    admin1 names, and demonyms ("Syrian", "Iraqi"), by the name that says it ("" for
    demonyms), so that a name is not its own evidence."""
    raw: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for cand in cands:
        kinds = {m.entry.kind for m in cand.matches if m.strong}
        if "country" in kinds:
            for m in cand.matches:
                if m.entry.kind == "country" and m.entry.country:
                    raw[cand.key][m.entry.country] += 1.0
        elif kinds == {"admin_area"}:
            if compass(cand.key, words):
                continue  # "the North West" names a region of many countries: no evidence by itself
            for m in cand.matches:
                if m.entry.country:
                    raw[cand.key][m.entry.country] += 0.7
    for tok in doc:
        if tok.text[:1].isupper() and tok.is_alpha:
            cc = gaz.demonym_country(tok.text)
            if cc:
                raw[""][cc] += 0.5
    return raw


def _evidence_without(raw: dict[str, dict[str, float]], key: str) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for source, per_country in raw.items():
        if source != key:
            for cc, value in per_country.items():
                out[cc] += value
    return out


def _score(entry: Entry, strong: bool, cand: Candidate, evidence: dict[str, float],
           admins: set[tuple[str, str]], anchors: list[tuple[float, float]]) -> float:
    s = _prior(entry, strong)
    if entry.country:
        s += 3.0 * min(1.0, evidence.get(entry.country, 0.0) / 2.0)
    if entry.kind != "admin_area" and entry.country and entry.admin1_code \
            and (entry.country, entry.admin1_code) in admins:
        s += 2.0
    if anchors and entry.kind not in ("country", "region", "water"):
        near = min(distance_km(entry.lat, entry.lon, lat, lon) for lat, lon in anchors)
        s += 1.5 if near < 100 else 1.0 if near < 300 else 0.5 if near < 800 else 0.0
    if entry.kind in cand.features:
        s += 2.0
    return s


def _best(cand: Candidate, evidence: dict[str, float], admins: set[tuple[str, str]],
          anchors: list[tuple[float, float]]) -> tuple[Entry, float]:
    scored = sorted(((_score(m.entry, m.strong, cand, evidence, admins, anchors), -m.entry.index, m.entry)
                     for m in cand.matches), key=lambda t: (t[0], t[1]), reverse=True)
    margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 10.0
    return scored[0][2], margin


def resolve(cands: list[Candidate], raw: dict[str, dict[str, float]], words: _Words) -> dict[str, Entry]:
    """One entry per normalised name (one sense per article)."""
    groups: dict[str, Candidate] = {}
    for cand in cands:
        g = groups.get(cand.key)
        if g is None:
            groups[cand.key] = Candidate(cand.start, cand.end, cand.key, cand.matches, set(cand.features),
                                          tier=cand.tier)
        else:
            g.features |= cand.features
            g.tier = min(g.tier, cand.tier)
    admins = {(m.entry.country, m.entry.admin1_code) for c in groups.values() for m in c.matches
              if m.strong and m.entry.kind == "admin_area" and m.entry.country and m.entry.admin1_code
              and all(x.entry.kind in ("admin_area", "country") for x in c.matches if x.strong)}
    first = {key: _best(g, _evidence_without(raw, key), admins, []) for key, g in groups.items()}
    chosen: dict[str, Entry] = {}
    for key, g in groups.items():
        evidence = _evidence_without(raw, key)
        anchors: list[tuple[float, float]] = []
        for other, (entry, margin) in first.items():
            if other == key or groups[other].tier == MAYBE or compass(other, words):
                continue  # a MAYBE name or a "North West" is no evidence for others
            if entry.country and entry.kind != "country":
                evidence[entry.country] = evidence.get(entry.country, 0.0) + 0.5
            if margin >= 1.0 and entry.kind not in ("country", "region", "water"):
                anchors.append((entry.lat, entry.lon))
        chosen[key] = _best(g, evidence, admins, anchors)[0]
    return _town_beside_area(groups, chosen, words)


def _town_beside_area(groups: dict[str, Candidate], chosen: dict[str, Entry], words: _Words) -> dict[str, Entry]:
    """A bare name that is both a town and an admin area ("Kherson") is the town when the article
    also names the area with its admin word ("the Kherson region"): writing the admin word is
    what tells the area apart, so a city and its region both named are two places."""
    # admin areas named somewhere with their admin word ("Kherson region", not "Gaza Strip")
    written = {entry.index for key, entry in chosen.items() if entry.kind == "admin_area"
               and words.feature_kind.get(key.split()[-1]) == "admin_area"}
    for key, g in groups.items():
        entry = chosen[key]
        if entry.kind != "admin_area" or entry.index not in written:
            continue
        towns = [m.entry for m in g.matches if m.strong and m.entry.kind == "populated_place"
                 and m.entry.country == entry.country]
        if towns and len(key.split()) == 1:
            chosen[key] = max(towns, key=lambda e: e.population)
    return chosen


def keep(cands: list[Candidate], chosen: dict[str, Entry], raw: dict[str, dict[str, float]],
          words: _Words, text: str = "") -> set[str]:
    """Names whose resolved place fits the article. The countries the article points to come
    from the other names: country and admin1 names, demonyms, and the places of SURE names.
    Where it clearly points somewhere (a weight of POINTED_ENOUGH or more), a GeoNames town
    in a country it never points to is dropped unless it is big ("Siwa" read as Siwan in
    India, "Bello" in Colombia in a Nigerian story); a MAYBE name always needs its country
    pointed to and a locative cue, and so does an area named by directions only ("North-West")."""
    tier: dict[str, int] = {}
    cue: dict[str, bool] = defaultdict(bool)
    for cand in cands:
        tier[cand.key] = min(tier.get(cand.key, MAYBE), cand.tier)
        cue[cand.key] |= cand.cue
    weight: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))  # country -> name -> w
    for source, per_country in raw.items():
        for cc, value in per_country.items():
            weight[cc][source] += value
    for key, entry in chosen.items():
        if entry.country and (tier[key] == SURE or curated(entry)) and not compass(key, words):
            weight[entry.country][key] += 1.0
    # A name listed with a place that needs no vouching ("Pattani, Yala and Narathiwat") has its cue.
    listed: dict[int, set[str]] = defaultdict(set)
    for cand in cands:
        if cand.conj is not None:
            listed[cand.conj].add(cand.key)
    for cand in cands:
        if cand.conj is not None and not cue[cand.key]:
            entry = chosen[cand.key]
            cue[cand.key] = any(tier[other] != MAYBE and chosen[other].country == entry.country
                                for other in listed[cand.conj] if other != cand.key)
    keep: set[str] = set()
    modifiers = {c.key for c in cands if c.modifier} - {c.key for c in cands if not c.modifier}
    # A name that only ever qualifies the word after it, never as part of a hyphened compound
    # ("Asia-Pacific" is still a region).
    desks = modifiers - {c.key for c in cands if text[c.end : c.end + 1] == "-"}
    for key, entry in chosen.items():
        if key in modifiers and not curated(entry) and any(
                key.endswith(suffix) and key[: -len(suffix)] in chosen for suffix in _ADJECTIVE_SUFFIXES):
            continue  # "Siwan folk music" in a story about Siwa: an adjective of a place, not a place
        if key in desks and (entry.source == "continent" or (entry.kind == "region" and entry.country is None)):
            continue  # "our weekly Africa briefing", "the Sahel juntas": a beat, a desk, a label, not a place
        if key in desks and entry.kind == "country" and all(
                _nationality(text, c.start, c.end) or (c.head in words.forces and _initials(text[c.start : c.end]))
                for c in cands if c.key == key):
            continue  # "13 US service members", "a U.S. destroyer": a nationality, not the country as a place
        own = sum(w for name, w in weight.get(entry.country or "", {}).items() if name != key)
        elsewhere = sum(w for cc, per in weight.items() if cc != entry.country
                        for name, w in per.items() if name != key)
        fits = own > 0
        if tier[key] == MAYBE:
            ok = fits and cue[key]
        elif compass(key, words):
            ok = fits  # Cameroon's "North-West" only in a story that points to Cameroon
        else:
            # A supplement town is curated, but its name may still be a surname ("Jenny Palma" in
            # a Toronto story is no town in Mozambique): it too needs its country where the
            # article clearly points elsewhere.
            town = entry.source == "supplement" and entry.kind == "populated_place"
            ok = ((curated(entry) and not town) or fits or entry.country is None or elsewhere < POINTED_ENOUGH
                  or (tier[key] == SURE and entry.population >= ORG_MIN_POPULATION))
        if ok:
            keep.add(key)
    return keep


_COUNTED_BEFORE = re.compile(r"(?:^|\s)(?:[Aa]n?|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|"
                             r"dozens of|hundreds of|thousands of)\s+$", re.IGNORECASE)


def _nationality(text: str, start: int, end: int) -> bool:
    """Country initials used as a nationality: "US", "U.S.", "UK" (a modifier, checked by the caller)
    after a number or an indefinite article: "13 US service members", "a U.S. destroyer". Other
    modifier uses ("the US embassy", "US forces") stay places, as geoparsing benchmarks count them."""
    return _initials(text[start:end]) and _COUNTED_BEFORE.search(text[max(0, start - 20) : start]) is not None


def _initials(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 3

