"""The evaluation harness: gold files, every matching rule, floors, the report.

Records are built by hand (no model, no pipeline) on a short article written
for these tests; each gold is a dict run through the real gold parser.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import CorpusChanged, FloorBroken, GoldFileError
from eventwire.eval_gold import Gold, parse_gold
from eventwire.eval_match import fold
from eventwire.evaluate import (
    EvalReport,
    check_floors,
    corpus_hash,
    evaluate,
    load_gold,
    read_input,
    score_record,
    update_floors,
    write_report,
)
from eventwire.schema import (
    Article,
    Count,
    Event,
    EventDate,
    Framing,
    LoadedSpan,
    Mention,
    Place,
    Quote,
    Record,
    SentenceRef,
    SourceCited,
    Speaker,
)

TITLE = "Shelling hits Kharkiv market as hundreds flee"
BODY = (
    "Russian artillery killed at least 12 people at a market in Kharkiv on Monday, officials said.\n\n"
    '"We counted the dead one by one and there were children among them," council head '
    "Olena Marchuk told reporters.\n\n"
    "More than 400 residents fled Vovchansk, according to Radio Svoboda, and dozens of families "
    "remain trapped in cellars.\n\n"
    "The brutal onslaught will continue, a military analyst warned."
)
ARTICLE = Article(id="test", title=TITLE, text=BODY, published="2024-05-15")


# ---- builders ---------------------------------------------------------------------------------

def at(needle: str, field: str = "text") -> tuple[int, int]:
    base = TITLE if field == "title" else BODY
    start = base.index(needle)
    return start, start + len(needle)


def mention(needle: str, field: str = "text") -> Mention:
    s, e = at(needle, field)
    return Mention(needle, s, e, field)  # type: ignore[arg-type]


def place(name: str, lat: float | None, lon: float | None, *, country: str | None = "UA",
          kind: str = "populated_place", mentions: tuple[Mention, ...] = ()) -> Place:
    return Place(name=name, lat=lat, lon=lon, geonameid=None, country=country, admin1=None,
                 kind=kind, precision="country" if kind == "country" else "point",  # type: ignore[arg-type]
                 mentions=mentions)


KHARKIV = place("Kharkiv", 49.99, 36.23, mentions=(mention("Kharkiv"),))
VOVCHANSK = place("Vovchansk", 50.29, 36.94, mentions=(mention("Vovchansk"),))
CHUHUIV = place("Chuhuiv", 49.84, 36.69)  # about 37 km from Kharkiv
UKRAINE = place("Ukraine", 49.0, 32.0, kind="country")


def count(needle: str, kind: str, value: int, *, low: int | None = None, qualifier: str = "exact",
          field: str = "text") -> Count:
    s, e = at(needle, field)
    return Count(kind=kind, value=value, low=low, high=None, qualifier=qualifier,  # type: ignore[arg-type]
                 what="people", text=needle, start=s, end=e, field=field)  # type: ignore[arg-type]


def quote(needle: str, *, name: str | None = None, role: str | None = None,
          organization: str | None = None) -> Quote:
    s, e = at(needle)
    speaker = None
    if name or role or organization:
        speaker = Speaker(name=name, role=role, organization=organization, text="x", start=0, end=1)
    return Quote(text=needle, start=s, end=e, kind="direct", cue="told", speaker=speaker)


def event(type_: str, sentence: str, *, field: str = "text", modality: str = "asserted",
          place_name: str | None = None, start: str | None = None, end: str | None = None) -> Event:
    s, e = at(sentence, field)
    return Event(type=type_, subtype=None, actor1=None, actor2=None, place=place_name,
                 date=EventDate(start, end, "day" if start else "unknown"),
                 modality=modality, counts={}, attributed_to=None,  # type: ignore[arg-type]
                 sentence=SentenceRef(s, e, field), confidence=0.8)  # type: ignore[arg-type]


def loaded_span(needle: str, field: str = "text") -> LoadedSpan:
    s, e = at(needle, field)
    return LoadedSpan(text=needle, start=s, end=e, category="loaded_language", field=field)  # type: ignore[arg-type]


def record(*, loaded: tuple[LoadedSpan, ...] | list[LoadedSpan] = (), **parts: Any) -> Record:
    items: dict[str, Any] = {k: tuple(v) for k, v in parts.items()}
    return Record(article=ARTICLE, framing=Framing(loaded=tuple(loaded)), **items)


def gold(**sections: Any) -> Gold:
    return parse_gold({"input": {"file": "a.txt"}, **sections}, path=Path("/nowhere/t.gold.json"))


def figures(g: Gold, r: Record, component: str) -> tuple[int, int, int]:
    s = score_record(g, r).components[component]
    return s.tp, s.fp, s.fn


# ---- gold files -------------------------------------------------------------------------------

def write_gold(folder: Path, name: str, data: dict[str, Any], article: str = TITLE + "\n\n" + BODY) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(article, encoding="utf-8")
    path = folder / f"{name}.gold.json"
    path.write_text(json.dumps({"input": {"file": f"{name}.txt", "title_is_first_line": True,
                                          "published": "2024-05-15", "source": "Test Wire"}, **data}),
                    encoding="utf-8")
    return path


def test_load_gold_resolves_the_input_beside_the_gold_file(tmp_path: Path) -> None:
    path = write_gold(tmp_path / "gold", "kh", {"places": [{"name": "Kharkiv", "lat": 49.99, "lon": 36.23}]})
    g = load_gold(path)
    assert g.input.file == (tmp_path / "gold" / "kh.txt").resolve()
    assert g.input.published == "2024-05-15" and g.input.source == "Test Wire"
    assert g.places is not None and g.places[0].required and g.places[0].tolerance_km == 25
    assert g.counts is None  # absent section: not annotated, not scored
    body, title = read_input(g)
    assert title == TITLE and body == BODY


def test_first_line_is_a_title_only_when_a_blank_line_follows(tmp_path: Path) -> None:
    g = load_gold(write_gold(tmp_path, "x", {}, article="Line one\nLine two\n"))
    assert read_input(g) == ("Line one\nLine two\n", None)


@pytest.mark.parametrize(("data", "fragment"), [
    ({"places": [{"name": "X", "lat": 1.0}]}, "only one of lat/lon"),
    ({"counts": [{"kind": "killed", "value": 3, "qualifier": "vague"}]}, "needs its 'evidence'"),
    ({"counts": [{"kind": "slain", "value": 3}]}, "not one of"),
    ({"counts": [{"kind": "killed", "value": True}]}, "must be an integer"),
    ({"quotes": [{"text": "x", "requried": False}]}, "unknown key(s) requried"),
    ({"events": [{"type": "battle"}]}, "events[0].evidence is required"),
    ({"events": [{"type": "battle", "evidence": "x", "date_start": "2024-13-01"}]}, "not a YYYY-MM-DD"),
    ({"loaded": {"text": "x"}}, "'loaded' must be a list"),
    ({"placez": []}, "unknown key(s) placez"),
])
def test_bad_gold_files_are_refused_with_the_reason(tmp_path: Path, data: dict[str, Any],
                                                    fragment: str) -> None:
    path = write_gold(tmp_path, "bad", data)
    with pytest.raises(GoldFileError) as err:
        load_gold(path)
    assert fragment in str(err.value) and "E301" in str(err.value)


def test_unreadable_gold_files_raise_gold_file_error(tmp_path: Path) -> None:
    (tmp_path / "broken.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldFileError, match="not JSON"):
        load_gold(tmp_path / "broken.gold.json")
    (tmp_path / "orphan.gold.json").write_text('{"input": {"file": "missing.txt"}}', encoding="utf-8")
    with pytest.raises(GoldFileError, match="does not exist"):
        load_gold(tmp_path / "orphan.gold.json")
    with pytest.raises(GoldFileError, match="no such file"):
        load_gold(tmp_path / "absent.gold.json")


# ---- places -----------------------------------------------------------------------------------

def test_fold_ignores_case_accents_and_typography() -> None:
    assert fold("  Ḩamāh’s  Dar‘a—SOUTH ") == fold("hamah's dar'a-south")


@pytest.mark.parametrize(("gold_place", "record_place", "matches"), [
    # name (any case, any accents) and point within tolerance
    ({"name": "KHÁRKIV", "lat": 50.0, "lon": 36.25, "tolerance_km": 10}, KHARKIV, True),
    # the name may be one of the record place's mentions
    ({"name": "Kharkiv", "lat": 50.0, "lon": 36.25},
     place("Kharkiv Oblast", 49.99, 36.23, mentions=(mention("Kharkiv"),)), True),
    ({"name": "Kharkiv", "lat": 50.5, "lon": 36.23, "tolerance_km": 25}, KHARKIV, False),  # ~57 km off
    ({"name": "Kharkiv", "lat": 49.99, "lon": 36.23}, place("Kharkiv", None, None), False),  # no point
    ({"name": "Kharkov", "lat": 49.99, "lon": 36.23}, KHARKIV, False),  # right point, other name
    # country-level: the country code decides, not the point
    ({"name": "Ukraine", "lat": None, "lon": None, "country": "UA"}, UKRAINE, True),
    ({"name": "Ukraine", "lat": None, "lon": None, "country": "UA"},
     place("Ukraine", 49.0, 32.0, country="RU", kind="country"), False),
    ({"name": "Ukraine", "lat": None, "lon": None, "country": "UA"},
     place("Ukrayina", 48.0, 31.0, kind="country"), True),  # the country itself, named otherwise
    # a place in the country is not the country
    ({"name": "Ukraine", "lat": None, "lon": None, "country": "UA"}, KHARKIV, False),
    # lat/lon null and no country: name only
    ({"name": "Donets river", "lat": None, "lon": None},
     place("Siverskyi Donets", 49.0, 37.0, country=None, kind="water",
           mentions=(Mention("Donets River", 0, 12),)), True),
])
def test_place_matching(gold_place: dict[str, Any], record_place: Place, matches: bool) -> None:
    tp, fp, fn = figures(gold(places=[gold_place]), record(places=[record_place]), "places")
    assert (tp, fp, fn) == ((1, 0, 0) if matches else (0, 1, 1))


def test_optional_places_are_credit_when_found_and_never_a_miss() -> None:
    g = gold(places=[{"name": "Kharkiv", "lat": 49.99, "lon": 36.23},
                     {"name": "Vovchansk", "lat": 50.29, "lon": 36.94, "required": False},
                     {"name": "Chuhuiv", "lat": 49.84, "lon": 36.69, "required": False}])
    s = score_record(g, record(places=[KHARKIV, VOVCHANSK, UKRAINE])).components["places"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)  # Vovchansk credited, Chuhuiv not missed, Ukraine unasked
    assert s.false_positives == ("Ukraine (49.00, 32.00) [UA]",)
    assert (s.precision, s.recall) == (2 / 3, 1.0)


def test_places_match_one_to_one_and_a_repeat_is_neutral() -> None:
    g = gold(places=[{"name": "Kharkiv", "lat": 49.99, "lon": 36.23}])
    s = score_record(g, record(places=[KHARKIV, KHARKIV])).components["places"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0) and len(s.duplicates) == 1


def test_best_pair_is_taken_first() -> None:
    # Two gold entries, both within reach of the far record place; greedy-best
    # pairs the near record place with the entry it fits best, leaving the
    # other record place for the wider entry.
    near = place("Kharkiv", 49.99, 36.23)
    far = place("Kharkiv", 50.20, 36.23, mentions=())  # ~23 km north
    g = gold(places=[{"name": "Kharkiv", "lat": 50.2, "lon": 36.23, "tolerance_km": 50},
                     {"name": "Kharkiv", "lat": 49.99, "lon": 36.23, "tolerance_km": 5}])
    s = score_record(g, record(places=[near, far])).components["places"]
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)


# ---- counts -----------------------------------------------------------------------------------

def test_counts_match_on_kind_and_value_or_low() -> None:
    g = gold(counts=[{"kind": "killed", "value": 12, "qualifier": "at_least"},
                     {"kind": "displaced", "value": 400, "qualifier": "more_than"}])
    r = record(counts=[count("at least 12 people", "killed", 12),
                       count("More than 400 residents", "displaced", 401, low=400)])
    assert figures(g, r, "counts") == (2, 0, 0)
    wrong = record(counts=[count("at least 12 people", "injured", 12),
                           count("More than 400 residents", "displaced", 401)])
    assert figures(g, wrong, "counts") == (0, 2, 2)


def test_vague_count_matches_by_overlap_with_its_evidence() -> None:
    g = gold(counts=[{"kind": "trapped", "value": 12, "qualifier": "vague",
                      "evidence": "dozens of families remain trapped"}])
    at_evidence = count("dozens of families", "trapped", 24, qualifier="vague")
    assert figures(g, record(counts=[at_evidence]), "counts") == (1, 0, 0)
    elsewhere = count("at least 12 people", "trapped", 12, qualifier="vague")  # right value, wrong place
    assert figures(g, record(counts=[elsewhere]), "counts") == (0, 1, 1)
    other_kind = count("dozens of families", "displaced", 12, qualifier="vague")
    assert figures(g, record(counts=[other_kind]), "counts") == (0, 1, 1)


def test_evidence_in_the_headline_meets_headline_spans_only() -> None:
    g = gold(counts=[{"kind": "displaced", "value": 100, "qualifier": "vague",
                      "evidence": "hundreds flee"}])
    in_title = count("hundreds", "displaced", 100, qualifier="vague", field="title")
    assert figures(g, record(counts=[in_title]), "counts") == (1, 0, 0)
    # the same offsets read as a body span point somewhere else
    s, e = at("hundreds", "title")
    as_body = Count(kind="displaced", value=100, low=None, high=None, qualifier="vague", what="people",
                    text=BODY[s:e], start=s, end=e)
    assert figures(g, record(counts=[as_body]), "counts") == (0, 1, 1)


def test_same_figure_prefers_the_one_at_the_evidence() -> None:
    g = gold(counts=[{"kind": "killed", "value": 12, "evidence": "killed at least 12 people"}])
    title_count = count("hundreds", "killed", 12, field="title")
    body_count = count("at least 12 people", "killed", 12)
    s = score_record(g, record(counts=[title_count, body_count])).components["counts"]
    assert s.matched[0][1].endswith("«at least 12 people»")
    assert (s.tp, s.fp, s.fn, len(s.duplicates)) == (1, 0, 0, 1)


def test_unfound_evidence_is_a_warning() -> None:
    g = gold(counts=[{"kind": "killed", "value": 3, "evidence": "three soldiers died"}])
    assert score_record(g, record()).warnings == (
        "counts[0].evidence: «three soldiers died» is not in the article",)


# ---- quotes -----------------------------------------------------------------------------------

QUOTE = "We counted the dead one by one and there were children among them"


def test_quotes_need_eighty_percent_of_the_shorter_text() -> None:
    g = gold(quotes=[{"text": QUOTE}])
    assert figures(g, record(quotes=[quote(QUOTE)]), "quotes") == (1, 0, 0)
    # a fragment lies wholly inside the gold quote: 100% of the shorter one
    assert figures(g, record(quotes=[quote("there were children among them")]), "quotes") == (1, 0, 0)


@pytest.mark.parametrize(("record_text", "ok"), [
    ("counted the dead one by one and there were", True),   # 27 of the gold's 30 characters
    ("nted the dead one by one and there were", True),      # 24 of 30: exactly 80%
    ("ted the dead one by one and there were", False),      # 23 of 30: 77%
    ("the dead one by one and there were", False),
])
def test_quote_overlap_threshold_sits_at_eighty_percent(record_text: str, ok: bool) -> None:
    g = gold(quotes=[{"text": "We counted the dead one by one"}])  # 30 characters, shorter than each record
    assert figures(g, record(quotes=[quote(record_text)]), "quotes") == ((1, 0, 0) if ok else (0, 1, 1))


@pytest.mark.parametrize(("gold_quote", "speaker", "ok"), [
    ({"speaker": "Marchuk"}, {"name": "Olena Marchuk", "role": "council head"}, True),
    ({"speaker": "COUNCIL HEAD"}, {"name": "Olena Marchuk", "role": "council head"}, True),
    ({"speaker": "Marchuk", "organization": "city council"},
     {"name": "Olena Marchuk", "organization": "Kharkiv city council"}, True),
    ({"speaker": "Marchuk", "organization": "army"}, {"name": "Olena Marchuk"}, False),
    ({"speaker": "governor"}, {"name": "Olena Marchuk", "role": "council head"}, False),
    ({"speaker": "Marchuk"}, {}, False),  # no speaker at all
])
def test_quote_speaker_must_appear_in_name_role_or_organization(
        gold_quote: dict[str, Any], speaker: dict[str, str], ok: bool) -> None:
    g = gold(quotes=[{"text": QUOTE, **gold_quote}])
    r = record(quotes=[quote(QUOTE, **speaker)])
    assert figures(g, r, "quotes") == ((1, 0, 0) if ok else (0, 1, 1))
    attribution = score_record(g, r).quote_speaker
    assert attribution is not None
    assert (attribution.tp, attribution.fp, attribution.fn) == ((1, 0, 0) if ok else (0, 1, 1))


def test_speaker_score_only_counts_gold_quotes_that_name_a_speaker() -> None:
    g = gold(quotes=[{"text": QUOTE}])
    assert score_record(g, record(quotes=[quote(QUOTE)])).quote_speaker is None


def test_sources_match_by_name_case_insensitively() -> None:
    g = gold(sources_cited=[{"name": "Radio Svoboda"}, {"name": "Reuters"}])
    s, e = at("Radio Svoboda")
    r = record(sources_cited=[SourceCited(name="radio svoboda", text="Radio Svoboda", start=s, end=e)])
    assert figures(g, r, "sources_cited") == (1, 0, 1)


# ---- events -----------------------------------------------------------------------------------

SENT1 = "Russian artillery killed at least 12 people at a market in Kharkiv on Monday, officials said."
SENT3 = "More than 400 residents fled Vovchansk"


def test_event_needs_type_and_a_sentence_on_the_evidence() -> None:
    g = gold(events=[{"type": "shelling", "evidence": "artillery killed at least 12 people"}])
    assert figures(g, record(events=[event("shelling", SENT1)]), "events") == (1, 0, 0)
    assert figures(g, record(events=[event("battle", SENT1)]), "events") == (0, 1, 1)
    assert figures(g, record(events=[event("shelling", SENT3)]), "events") == (0, 1, 1)


def test_event_modality_counts_only_where_gold_gives_one() -> None:
    g = gold(events=[{"type": "shelling", "evidence": "onslaught will continue", "modality": "possible"}])
    sentence = "The brutal onslaught will continue, a military analyst warned."
    possible = event("shelling", sentence, modality="possible")
    assert figures(g, record(events=[possible]), "events") == (1, 0, 0)
    assert figures(g, record(events=[event("shelling", sentence)]), "events") == (0, 1, 1)
    free = gold(events=[{"type": "shelling", "evidence": "onslaught will continue"}])
    assert figures(free, record(events=[event("shelling", sentence)]), "events") == (1, 0, 0)


@pytest.mark.parametrize(("record_place", "ok"), [
    (KHARKIV, True),            # same name
    (CHUHUIV, True),            # another name, ~37 km away: within 50 km
    (VOVCHANSK, False),         # ~60 km away
    (place("Kharkiv", None, None), False),  # as for places: a gold point needs a record point
])
def test_event_place_matches_as_places_or_within_50_km(record_place: Place, ok: bool) -> None:
    g = gold(places=[{"name": "Kharkiv", "lat": 49.99, "lon": 36.23, "tolerance_km": 10}],
             events=[{"type": "shelling", "place": "Kharkiv", "evidence": "killed at least 12 people"}])
    r = record(places=[record_place], events=[event("shelling", SENT1, place_name=record_place.name)])
    assert figures(g, r, "events") == ((1, 0, 0) if ok else (0, 1, 1))


def test_event_place_not_in_gold_places_matches_by_name() -> None:
    g = gold(events=[{"type": "shelling", "place": "KHARKIV", "evidence": "killed at least 12 people"}])
    for record_place, ok in ((place("Kharkiv", None, None), True), (CHUHUIV, False)):
        r = record(places=[record_place], events=[event("shelling", SENT1, place_name=record_place.name)])
        assert figures(g, r, "events") == ((1, 0, 0) if ok else (0, 1, 1))


def test_event_without_a_place_misses_a_gold_place() -> None:
    g = gold(events=[{"type": "shelling", "place": "Kharkiv", "evidence": "killed at least 12 people"}])
    assert figures(g, record(events=[event("shelling", SENT1)]), "events") == (0, 1, 1)


@pytest.mark.parametrize(("start", "end", "ok"), [
    ("2024-05-13", "2024-05-13", True),
    ("2024-05-10", "2024-05-14", True),   # overlaps
    ("2024-05-14", "2024-05-15", False),  # after the gold range
    (None, None, False),                   # no date: cannot meet a dated gold event
    (None, "2024-05-13", True),            # open start
])
def test_event_dates_must_overlap(start: str | None, end: str | None, ok: bool) -> None:
    g = gold(events=[{"type": "shelling", "evidence": "killed at least 12 people",
                      "date_start": "2024-05-13", "date_end": "2024-05-13"}])
    r = record(events=[event("shelling", SENT1, start=start, end=end)])
    assert figures(g, r, "events") == ((1, 0, 0) if ok else (0, 1, 1))


def test_event_type_confusion_pairs_by_sentence() -> None:
    g = gold(events=[{"type": "shelling", "evidence": "artillery killed at least 12 people"},
                     {"type": "displacement", "evidence": "400 residents fled"},
                     {"type": "detention", "evidence": "council head Olena Marchuk", "required": False}])
    r = record(events=[event("shelling", SENT1), event("battle", SENT3),
                       event("threat", "The brutal onslaught will continue")])
    table = score_record(g, r).confusion
    assert table == {"shelling": {"shelling": 1}, "displacement": {"battle": 1},
                     "detention": {"(none)": 1}, "(none)": {"threat": 1}}


# ---- loaded words -----------------------------------------------------------------------------

def test_loaded_words_match_by_overlap_in_the_right_field() -> None:
    g = gold(loaded=[{"text": "brutal onslaught"}, {"text": "Shelling hits", "required": False}])
    r = record(loaded=[loaded_span("onslaught"), loaded_span("Shelling", "title")])
    assert figures(g, r, "loaded") == (2, 0, 0)
    r2 = record(loaded=[loaded_span("military analyst")])
    assert figures(g, r2, "loaded") == (0, 1, 1)


# ---- evaluate() -------------------------------------------------------------------------------

def test_evaluate_runs_the_extractor_and_micro_averages(tmp_path: Path) -> None:
    one = write_gold(tmp_path, "one", {"places": [{"name": "Kharkiv", "lat": 49.99, "lon": 36.23}]})
    two = write_gold(tmp_path, "two", {"places": [{"name": "Vovchansk", "lat": 50.29, "lon": 36.94},
                                                  {"name": "Chuhuiv", "lat": 49.84, "lon": 36.69}]})
    calls: list[dict[str, Any]] = []

    def fake_extract(text: str, **kwargs: Any) -> Record:
        calls.append({"text": text, **kwargs})
        return record(places=[KHARKIV, VOVCHANSK])

    report = evaluate([one, two], extract_fn=fake_extract)
    assert calls[0] == {"text": BODY, "title": TITLE, "published": "2024-05-15", "source": "Test Wire",
                        "title_is_first_line": False}
    totals = report.totals()["places"]
    # file one: TP 1, FP 1 (Vovchansk); file two: TP 1, FP 1 (Kharkiv), FN 1 (Chuhuiv)
    assert (totals.tp, totals.fp, totals.fn) == (2, 2, 1)
    data = json.loads(report.to_json())
    assert data["places"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714, "tp": 2, "fp": 2, "fn": 1}
    assert [f["path"] for f in data["files"]] == [str(one), str(two)]
    assert "counts" not in data  # no gold file annotates counts
    details = report.details()
    assert "  places: MISS Chuhuiv (49.84, 36.69 ±25 km)" in details
    assert "  places: FALSE POSITIVE Vovchansk (50.29, 36.94) [UA]" in details
    # a folder stands for its gold files
    assert len(evaluate([tmp_path], extract_fn=fake_extract).files) == 2


# ---- floors -----------------------------------------------------------------------------------

def report_with(places: list[Place]) -> EvalReport:
    g = gold(places=[{"name": "Kharkiv", "lat": 49.99, "lon": 36.23},
                     {"name": "Vovchansk", "lat": 50.29, "lon": 36.94}])
    return EvalReport(files=(score_record(g, record(places=places)),))


def test_floors_pin_raise_and_check(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    write_gold(gold_dir, "kh", {})
    floors = tmp_path / "floors.json"
    half = report_with([KHARKIV])  # P 1, R 0.5: F1 0.667
    data = update_floors(half, floors, gold_dir)
    assert data["floors"] == {"places": 0.666} and data["corpus_sha256"] == corpus_hash(gold_dir)
    assert check_floors(half, floors, gold_dir) == []
    full = report_with([KHARKIV, VOVCHANSK])
    assert update_floors(full, floors, gold_dir)["floors"] == {"places": 1.0}  # raising is routine
    assert check_floors(half, floors, gold_dir) == ["places: F1 0.667 is below its floor 1.000"]


def test_lowering_a_floor_needs_allow_lower_and_a_reason(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    write_gold(gold_dir, "kh", {})
    floors = tmp_path / "floors.json"
    update_floors(report_with([KHARKIV, VOVCHANSK]), floors, gold_dir)
    worse = report_with([KHARKIV])
    with pytest.raises(FloorBroken, match="would lower floors"):
        update_floors(worse, floors, gold_dir)
    with pytest.raises(FloorBroken, match="needs a reason"):
        update_floors(worse, floors, gold_dir, allow_lower=True, reason="  ")
    assert json.loads(floors.read_text())["floors"] == {"places": 1.0}  # refused: untouched
    data = update_floors(worse, floors, gold_dir, allow_lower=True, reason="gazetteer swap",
                         today=date(2024, 6, 1))
    assert data["floors"] == {"places": 0.666}
    assert json.loads(floors.read_text())["lowered"] == [
        {"component": "places", "from": 1.0, "to": 0.666, "reason": "gazetteer swap", "date": "2024-06-01"}]


def test_a_changed_corpus_is_detected(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    write_gold(gold_dir, "kh", {})
    floors = tmp_path / "floors.json"
    update_floors(report_with([KHARKIV]), floors, gold_dir)
    before = corpus_hash(gold_dir)
    (gold_dir / "kh.txt").write_text("A different article.\n", encoding="utf-8")  # the article, not the gold
    assert corpus_hash(gold_dir) != before
    with pytest.raises(CorpusChanged):
        check_floors(report_with([KHARKIV]), floors, gold_dir)
    write_gold(gold_dir, "more", {})
    assert corpus_hash(gold_dir) != before


def test_a_changed_corpus_does_not_lower_floors_silently(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    write_gold(gold_dir, "kh", {})
    floors = tmp_path / "floors.json"
    update_floors(report_with([KHARKIV, VOVCHANSK]), floors, gold_dir)
    write_gold(gold_dir, "more", {})
    with pytest.raises(FloorBroken, match="would lower floors"):
        update_floors(report_with([KHARKIV]), floors, gold_dir)
    data = update_floors(report_with([KHARKIV]), floors, gold_dir, allow_lower=True, reason="harder articles",
                         today=date(2024, 6, 1))
    [entry] = data["lowered"]
    assert entry["reason"].startswith("gold corpus changed") and entry["reason"].endswith("harder articles")


# ---- report -----------------------------------------------------------------------------------

def test_write_report_writes_markdown_and_charts(tmp_path: Path) -> None:
    g = gold(places=[{"name": "Kharkiv", "lat": 49.99, "lon": 36.23}],
             events=[{"type": "shelling", "evidence": "artillery killed"}])
    report = EvalReport(files=(score_record(g, record(places=[KHARKIV], events=[event("battle", SENT1)])),))
    public = {
        "geoparsing": {"LGL": {"eventwire": {"e2e_acc161": 0.51, "F1": 0.7, "AUC": 0.2},
                               "peers": {"Yahoo": {"e2e_acc161": 0.473, "f1": 0.69, "auc": 0.25}}}},
        "dates": {"value_accuracy": 0.812, "n": 138},
    }
    md, png = write_report(report, tmp_path / "out", public=public)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "out" / "eval-geoparsing.png").is_file()
    text = md.read_text(encoding="utf-8")
    assert "| places | 1.000 | 1.000 | 1.000 | 1 | 0 | 0 |" in text
    assert "| events | 0.000 | 0.000 | 0.000 | 0 | 1 | 1 |" in text
    assert "| shelling | 1 |" in text  # confusion: gold shelling told as battle
    assert "| **eventwire** | 0.510 | 0.700 | 0.200 |" in text
    assert "| Yahoo | 0.473 | 0.690 | 0.250 |" in text
    assert "| value_accuracy | 0.812 |" in text and "| n | 138 |" in text


def test_write_report_without_public_results(tmp_path: Path) -> None:
    report = EvalReport(files=(score_record(gold(places=[]), record()),))
    md, png = write_report(report, tmp_path)
    assert png.is_file() and "Public benchmarks" not in md.read_text(encoding="utf-8")
    assert not (tmp_path / "eval-geoparsing.png").exists()


# ---- public benchmarks ------------------------------------------------------------------------

def test_run_public_without_the_bench_folder_says_so(tmp_path: Path) -> None:
    from eventwire.bench.public import run_public

    said: list[str] = []
    assert run_public(tmp_path / "absent", log=said.append) is None
    assert len(said) == 1 and str(tmp_path / "absent") in said[0]


def test_run_public_gathers_geoparsing_peers_and_dates(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    from types import ModuleType

    from eventwire.bench.public import run_public

    bench = tmp_path / "bench"
    (bench / "geoparsing" / "corpora" / "LGL").mkdir(parents=True)
    (bench / "temporal").mkdir()
    written: list[Path] = []

    def run_geoparsing(bench_dir: Path, corpus: str, out_path: Path) -> dict[str, float]:
        assert bench_dir == bench
        out_path.write_text("", encoding="utf-8")
        written.append(out_path)
        return {"e2e_acc161": 0.5, "F1": 0.7, "AUC": 0.2}

    geo = ModuleType("eventwire.bench.geoparse")
    geo.run_geoparsing = run_geoparsing  # type: ignore[attr-defined]
    geo.peer_scores = lambda bench_dir, corpus: {"Yahoo": {"e2e_acc161": 0.47}}  # type: ignore[attr-defined]
    tempeval = ModuleType("eventwire.bench.tempeval")
    tempeval.run_tempeval = lambda bench_dir: {"value_accuracy": 0.8}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "eventwire.bench.geoparse", geo)
    monkeypatch.setitem(sys.modules, "eventwire.bench.tempeval", tempeval)

    said: list[str] = []
    result = run_public(bench, out_dir=tmp_path / "out", corpora=("LGL", "TR-News"), log=said.append)
    assert result == {
        "geoparsing": {"LGL": {"eventwire": {"e2e_acc161": 0.5, "F1": 0.7, "AUC": 0.2},
                               "peers": {"Yahoo": {"e2e_acc161": 0.47}}}},
        "dates": {"value_accuracy": 0.8},
    }
    assert written == [tmp_path / "out" / "LGL_eventwire.txt"]
    assert any("TR-News" in line for line in said)  # a missing corpus is skipped, and said


def test_a_required_item_wins_the_record_item_over_an_optional_alias() -> None:
    from eventwire.eval_match import assign

    # gold 0 is required and matches by mention (quality 1); gold 1 is an optional
    # alias matching the record's name exactly (quality 2): the required one wins.
    assert assign([(0, 0, 1.0), (1, 0, 2.0)], [True, False]) == {0: 0}
    assert assign([(0, 0, 1.0), (1, 0, 2.0)], [True, True]) == {1: 0}
