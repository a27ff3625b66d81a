"""The outlets view's API (`GET /api/outlets`): framing profiles per outlet
computed in the store, checked against the library (`outlet_profiles`) on
hand-made records of a calm and a loaded outlet (no NLP model)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.extractors.framing import count_words, outlet_profiles
from eventwire.schema import Article, Framing, LoadedCategory, LoadedSpan, Record, SpanField
from eventwire.store import Filters, Store
from eventwire.web import queries
from eventwire.web.app import WebSettings, create_app
from eventwire.web.synthetic import synthetic_records
from tests.records import sample_record
from tests.test_web_api import assert_error, evil_record, fake_extractor

CALM, LOADED = "Calm Gazette", "Loaded Tribune"
Span = tuple[str, LoadedCategory]


def _spans(text: str, wanted: Sequence[Span], *, field: SpanField = "text", speaker: bool = False) -> list[LoadedSpan]:
    out = []
    for sub, category in wanted:
        start = text.index(sub)
        out.append(LoadedSpan(text=sub, start=start, end=start + len(sub), category=category,
                              field=field, speaker_framing=speaker))
    return out


def outlet_record(*, source: str | None, title: str | None, text: str, published: str | None, tone: float,
                  loaded: Sequence[Span] = (), title_loaded: Sequence[Span] = (), quoted: Sequence[Span] = (),
                  speaker_quoted: bool = True, flagged: Sequence[Span] = ()) -> Record:
    """An article with its framing only. ``quoted``: loaded words inside quotes
    (``framing.quoted``); ``flagged``: ones left in ``framing.loaded`` but marked
    as speaker framing, as a hand-built record may do."""
    spans = [*_spans(title or "", title_loaded, field="title"), *_spans(text, loaded),
             *_spans(text, flagged, speaker=True)]
    article = Article(id=hashlib.sha256(text.encode()).hexdigest()[:16], title=title, text=text, source=source,
                      url=None, published=published)
    return Record(article=article, framing=Framing(tone=tone, loaded=tuple(spans),
                                                    quoted=tuple(_spans(text, quoted, speaker=speaker_quoted))))


def outlet_records() -> list[Record]:
    """A calm outlet (no loaded words) and a loaded one, plus an article without a source."""
    return [
        outlet_record(source=CALM, title="Talks resume in the capital",
                      text="Delegates met in the capital on Monday and agreed to meet again next week.",
                      published="2024-03-02", tone=5.0),
        outlet_record(source=CALM, title="Shelling reported near the border",
                      text='Shelling hit two villages near the border, officials said. "These thugs will pay," '
                           "a minister said.",
                      published="2024-04-11", tone=-10.1, quoted=[("thugs", "name_calling")]),
        outlet_record(source=LOADED, title="Savage thugs shell the city",
                      text="The butchers shelled the old city again on Monday. The brutal regime's terror went on, "
                           'and "barbaric" is how a mayor put it.',
                      published="2024-03-01", tone=-72.5, title_loaded=[("Savage thugs", "name_calling")],
                      loaded=[("butchers", "name_calling"), ("brutal regime", "loaded_language"),
                              ("terror", "appeal_to_fear")],
                      quoted=[("barbaric", "loaded_language")]),
        outlet_record(source=LOADED, title="Regime strikes again",
                      text="The Brutal  Regime struck the market again. Thugs looted the shops, a \"cowardly\" act "
                           "according to a shopkeeper.",
                      published="2024-03-05", tone=-45.0,
                      loaded=[("Brutal  Regime", "loaded_language"), ("Thugs", "name_calling")],
                      flagged=[("cowardly", "name_calling")]),
        outlet_record(source=LOADED, title=None,
                      text='Terror returned to the streets. "Monsters," a witness said of the gunmen.',
                      published="2024-04-20", tone=-20.0, loaded=[("Terror", "appeal_to_fear")],
                      quoted=[("Monsters", "name_calling")], speaker_quoted=False),
        outlet_record(source=None, title="Unsigned note", text="A short note with no outlet named.",
                      published=None, tone=0.0),
    ]


def outlet_store() -> Store:
    store = Store.open(":memory:")
    store.add(outlet_records())
    return store


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    s = outlet_store()
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store, settings=WebSettings()))


def selected(records: list[Record], filters: Filters) -> list[Record]:
    """The records the outlet filters keep, in Python (what the SQL must mean)."""
    def keep(r: Record) -> bool:
        a = r.article
        if filters.source and filters.source.lower() not in (a.source or "").lower():
            return False
        if filters.since or filters.until:
            return a.published is not None and (filters.since or "0001") <= a.published <= (filters.until or "9999")
        return True
    return [r for r in records if keep(r)]


def by_outlet(client: TestClient, **params: Any) -> dict[str, dict[str, Any]]:
    response = client.get("/api/outlets", params=params)
    assert response.status_code == 200, response.text
    return {item["source"]: item for item in response.json()["items"]}


# --- the SQL and the library agree ---------------------------------------------

@pytest.mark.parametrize("filters", [
    Filters(), Filters(source="tribune"), Filters(since="2024-03-02"), Filters(until="2024-03-31"),
    Filters(since="2024-03-01", until="2024-03-05", source="e"),
])
@pytest.mark.parametrize("top", [1, 2, 10])
def test_sql_profiles_are_the_librarys(store: Store, filters: Filters, top: int) -> None:
    expected = outlet_profiles(selected(outlet_records(), filters), top=top)
    assert queries.outlets(store, filters, top=top) == expected


def test_sql_profiles_are_the_librarys_on_a_mixed_store() -> None:
    records = [*synthetic_records(40, seed=11), sample_record(), evil_record(), *outlet_records()]
    store = Store.open(":memory:")
    store.add(records)
    assert queries.outlets(store, Filters(), top=3) == outlet_profiles(store.iter_records(), top=3)
    store.close()


def test_words_are_title_and_body_words_not_the_stored_column(store: Store) -> None:
    text = "Delegates met in the capital on Monday and agreed to meet again next week."
    assert count_words("Talks resume in the capital") + count_words(text) == 5 + 14
    # The store's own column counts body words split on spaces: a different number.
    weird = outlet_record(source="Odd Wire", title="Well-known o'clock 2nd", text="it’s 10 km — naïve x²",
                          published="2024-01-01", tone=0.0)
    s = Store.open(":memory:")
    s.add([weird])
    assert s.query("SELECT words FROM articles")[0]["words"] == 6
    assert queries.outlets(s, Filters())["Odd Wire"]["words"] == 3 + 4 == count_words("Well-known o'clock 2nd") \
        + count_words("it’s 10 km — naïve x²")
    s.close()


# --- GET /api/outlets -----------------------------------------------------------

def test_outlets_profile_a_calm_and_a_loaded_outlet(client: TestClient) -> None:
    body = client.get("/api/outlets").json()
    assert body["articles"] == 6
    assert [i["source"] for i in body["items"]] == [CALM, LOADED, "unknown"]
    calm, loaded = by_outlet(client)[CALM], by_outlet(client)[LOADED]
    assert calm["loaded"] == 0 and calm["loaded_per_1000_words"] == 0.0 and calm["top_terms"] == []
    assert calm["speaker_loaded"] == 1  # the minister's "thugs" is the minister's word
    # Savage thugs, butchers, brutal regime, terror / Brutal Regime, Thugs / Terror.
    assert loaded["loaded"] == 7
    assert loaded["speaker_loaded"] == 3  # barbaric, cowardly (flagged), Monsters (in quoted, unflagged)
    assert loaded["loaded_per_1000_words"] == round(7000 / loaded["words"], 2) > 100
    assert loaded["top_terms"][:3] == [{"term": "brutal regime", "count": 2}, {"term": "terror", "count": 2},
                                       {"term": "savage thugs", "count": 1}]
    assert loaded["by_category"] == {"name_calling": 3, "loaded_language": 2, "appeal_to_fear": 2}
    assert loaded["tone"] == {"mean": -45.8, "median": -45.0, "stdev": 21.4, "min": -72.5, "max": -20.0,
                              "histogram": {"-100..-60": 1, "-60..-20": 1, "-20..20": 1, "20..60": 0, "60..100": 0}}
    assert calm["tone"]["median"] == calm["tone"]["mean"] == round((5.0 - 10.1) / 2, 1)
    assert calm["tone"]["histogram"]["-20..20"] == 2


def test_outlets_follow_the_filters(client: TestClient) -> None:
    assert set(by_outlet(client, source="gazette")) == {CALM}
    march = by_outlet(client, since="2024-03-01", until="2024-03-31")
    assert set(march) == {CALM, LOADED}  # undated articles fall out of a date filter
    assert march[LOADED]["articles"] == 2 and march[CALM]["articles"] == 1
    assert by_outlet(client, since="2024-04-15")[LOADED]["top_terms"] == [{"term": "terror", "count": 1}]
    assert by_outlet(client, top=1)[LOADED]["top_terms"] == [{"term": "brutal regime", "count": 2}]
    assert client.get("/api/outlets", params={"source": "nobody"}).json() == {"articles": 0, "items": []}


@pytest.mark.parametrize(("params", "status", "code"), [
    ({"since": "March"}, 400, "E206"), ({"until": "2024-13-01"}, 400, "E206"),
    ({"top": 0}, 422, "HTTP422"), ({"top": 101}, 422, "HTTP422"),
])
def test_bad_outlet_parameters_have_the_error_shape(client: TestClient, params: dict[str, Any], status: int,
                                                    code: str) -> None:
    assert_error(client.get("/api/outlets", params=params), status, code)


def test_outlet_names_are_data() -> None:
    store = outlet_store()
    store.add([evil_record()])
    items = by_outlet(TestClient(create_app(store, settings=WebSettings())))
    assert items["<b>Bold Wire</b>"]["top_terms"] == [{"term": "air strike", "count": 1}]
    store.close()


def test_outlets_follow_an_ingest() -> None:
    store = outlet_store()
    client = TestClient(create_app(store, settings=WebSettings(token="t0ken"), extractor=fake_extractor))
    assert set(by_outlet(client)) == {CALM, LOADED, "unknown"}
    response = client.post("/api/articles", json={"text": sample_record().article.text, "source": "Posted Wire"},
                           headers={"Authorization": "Bearer t0ken"})
    assert response.status_code == 201, response.text
    assert by_outlet(client)["Posted Wire"]["loaded"] == 1


def test_an_empty_store_has_no_outlets() -> None:
    client = TestClient(create_app(Store.open(":memory:"), settings=WebSettings()))
    assert client.get("/api/outlets").json() == {"articles": 0, "items": []}


def test_openapi_documents_the_outlets(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    op = spec["paths"]["/api/outlets"]["get"]
    assert {p["name"] for p in op["parameters"]} == {"since", "until", "source", "top"}
    assert op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Outlets")
    assert "ErrorOut" in str(op["responses"]["400"])
    profile = spec["components"]["schemas"]["OutletProfile"]["properties"]
    assert {"loaded_per_1000_words", "top_terms", "tone", "by_category"} <= set(profile)
