"""The web app's JSON API, through FastAPI's test client (no browser, no NLP model)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.schema import Record
from eventwire.store import Filters, Store
from eventwire.web import make_app
from eventwire.web.app import STATIC, WebSettings, create_app
from eventwire.web.synthetic import synthetic_records
from tests.records import TEXT, TITLE, sample_record

TOKEN = "test-token-123"
EVIL_TITLE = '<img src=x onerror="document.title=1">Hodeidah <script>alert("title")</script>'
EVIL_TEXT = ('An air strike killed at least seven people at a market in Hodeidah <script>alert("body")</script>'
             ' on Sunday, medics said.\n\n"We carried out the wounded by hand," a nurse told Reuters.')


def evil_record() -> Record:
    record = sample_record(text=EVIL_TEXT, title=EVIL_TITLE, source="<b>Bold Wire</b>")
    return dataclasses.replace(record, article=dataclasses.replace(record.article, url="javascript:alert(1)"))


def fake_extractor(**article: Any) -> Record:
    """Stands in for the pipeline: the text must hold the sample record's spans."""
    return sample_record(text=article["text"], title=article.get("title") or TITLE,
                         source=article.get("source") or "Posted Wire")


def filled_store() -> Store:
    store = Store.open(":memory:")
    store.add(list(synthetic_records(60, events_per_article=2, seed=7)))
    store.add([sample_record(), evil_record()])
    return store


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    s = filled_store()
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store, settings=WebSettings()))


def writable_client(*, token: str | None = TOKEN, max_body: int = 20_000) -> TestClient:
    app = create_app(filled_store(), settings=WebSettings(token=token, max_body=max_body), extractor=fake_extractor)
    return TestClient(app)


def assert_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["status"] == status
    assert body["error"]["message"]


# --- events: pagination and the CLI's filters -------------------------------

def test_events_are_paginated(client: TestClient, store: Store) -> None:
    first = client.get("/api/events", params={"limit": 7}).json()
    second = client.get("/api/events", params={"limit": 7, "offset": 7}).json()
    assert first["total"] == second["total"] == store.count_events() == 122
    assert len(first["items"]) == len(second["items"]) == 7
    keys = {(e["article_id"], e["idx"]) for e in first["items"]}
    assert keys.isdisjoint({(e["article_id"], e["idx"]) for e in second["items"]})
    last = client.get("/api/events", params={"limit": 50, "offset": 120}).json()
    assert len(last["items"]) == 2


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1001}, {"offset": -1}])
def test_page_bounds_are_checked(client: TestClient, params: dict[str, int]) -> None:
    assert_error(client.get("/api/events", params=params), 422, "HTTP422")


@pytest.mark.parametrize("params", [
    {"type": "battle"},
    {"subtype": "air_drone_strike"},
    {"country": "SY"},
    {"country": "Yemen"},
    {"actor": "rebel"},
    {"place": "Aleppo"},
    {"source": "ledger"},
    {"modality": "possible"},
    {"since": "2023-01-01", "until": "2023-03-31"},
    {"type": "remote_violence", "country": "UA", "since": "2022-06-01"},
])
def test_filters_mean_what_the_cli_means(client: TestClient, store: Store, params: dict[str, str]) -> None:
    page = client.get("/api/events", params={**params, "limit": 1000}).json()
    expected = store.count_events(Filters(**params))
    assert 0 < expected < store.count_events()
    assert page["total"] == len(page["items"]) == expected
    for e in page["items"]:
        if "type" in params:
            assert e["type"] == params["type"]
        if params.get("country") == "SY":
            assert e["country"] == "SY"
        if "since" in params:
            assert e["date_end"] >= params["since"]
        if "modality" in params:
            assert e["modality"] == params["modality"]


@pytest.mark.parametrize(("params", "option"), [({"since": "2024-13-01"}, "--since"),
                                                ({"country": "Narnia"}, "--country")])
def test_bad_filters_are_400_with_the_store_error(client: TestClient, params: dict[str, str], option: str) -> None:
    response = client.get("/api/events", params=params)
    assert_error(response, 400, "E206")
    assert option in response.json()["error"]["message"]


# --- aggregations -----------------------------------------------------------

def test_timeline_bins_add_up_to_the_filtered_count(client: TestClient, store: Store) -> None:
    days = client.get("/api/timeline", params={"type": "battle"}).json()["days"]
    assert sum(d["n"] for d in days) == store.count_events(Filters(type="battle"))
    assert all(d["types"] == {"battle": d["n"]} for d in days)
    assert [d["day"] for d in days] == sorted({d["day"] for d in days})
    everything = client.get("/api/timeline").json()["days"]
    assert sum(d["n"] for d in everything) == store.count_events()
    assert all(sum(d["types"].values()) == d["n"] for d in everything)


@pytest.mark.parametrize("zoom", [0, 3, 8, 14])
def test_clusters_hold_every_placed_event_once(client: TestClient, store: Store, zoom: int) -> None:
    page = client.get("/api/clusters", params={"zoom": zoom}).json()
    assert sum(c["n"] for c in page["items"]) + page["unplaced"] == store.count_events()
    for c in page["items"]:
        south, west, north, east = c["bounds"]
        assert south <= c["lat"] <= north and west <= c["lon"] <= east
        assert (c["event"] is not None) == (c["n"] == 1)
    if zoom == 14:  # cells are ~100 m wide: a cell is one incident site
        hodeidah = [c for c in page["items"] if c["bounds"][0] == 14.79781]
        assert len(hodeidah) == 1 and hodeidah[0]["n"] == 2


def test_clusters_split_as_the_map_zooms_in(client: TestClient) -> None:
    counts = [len(client.get("/api/clusters", params={"zoom": z}).json()["items"]) for z in (1, 5, 12)]
    assert counts[0] < counts[1] < counts[2]


def test_clusters_follow_filters_and_view(client: TestClient, store: Store) -> None:
    sourced = client.get("/api/clusters", params={"zoom": 2, "source": "ledger"}).json()
    assert sum(c["n"] for c in sourced["items"]) == store.count_events(Filters(source="ledger")) > 0
    ukraine = "22,44,40,53"  # west,south,east,north
    page = client.get("/api/clusters", params={"zoom": 4, "bbox": ukraine, "modality": "asserted"}).json()
    in_view = [e for e in store.events(Filters(modality="asserted")) if e["country"] == "UA"]
    assert sum(c["n"] for c in page["items"]) == len(in_view) > 0
    assert_error(client.get("/api/clusters", params={"bbox": "1,2,3"}), 400, "HTTP400")


def test_events_at_lists_a_cluster(client: TestClient) -> None:
    events = client.get("/api/events/at", params={"bbox": "42.9,14.7,43.0,14.9"}).json()
    assert {e["place"] for e in events} == {"Hodeidah"}
    assert any(e["title"] == TITLE for e in events)


def test_facets_offer_the_stored_values(client: TestClient, store: Store) -> None:
    facets = client.get("/api/facets").json()
    assert sum(f["n"] for f in facets["type"]) == facets["events"] == store.count_events()
    assert "YE" in {f["value"] for f in facets["country"]}
    assert {"Example Wire", "<b>Bold Wire</b>"} <= {f["value"] for f in facets["source"]}
    assert facets["dates"]["first"] <= facets["dates"]["last"]


def test_facets_follow_an_ingest() -> None:
    client = writable_client()
    before = client.get("/api/facets").json()["events"]
    article = {"text": TEXT + "\n\nA later report.", "source": "Brand New Wire"}
    assert client.post("/api/articles", json=article, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 201
    after = client.get("/api/facets").json()
    assert after["events"] == before + 1
    assert "Brand New Wire" in {f["value"] for f in after["source"]}


# --- articles and escaping ----------------------------------------------------

def test_article_record_is_the_contract_json(client: TestClient) -> None:
    record = sample_record()
    body = client.get(f"/api/articles/{record.article.id}").json()
    assert body == record.to_dict()
    assert body["quotes"][0]["speaker"]["text"] == "a nurse"


def test_unknown_article_is_404(client: TestClient) -> None:
    assert_error(client.get("/api/articles/feedface"), 404, "E204")


def test_article_markup_is_data_never_page(client: TestClient) -> None:
    record = evil_record()
    body = client.get(f"/api/articles/{record.article.id}")
    assert body.headers["content-type"].startswith("application/json")
    assert body.json()["article"]["title"] == EVIL_TITLE  # returned verbatim, as JSON data
    page = client.get("/")
    assert page.headers["content-type"].startswith("text/html")
    assert "alert" not in page.text and "Hodeidah" not in page.text  # the page holds no article text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"


def test_page_and_assets_are_served_locally(client: TestClient) -> None:
    page = client.get("/").text
    assert "http://" not in page and "https://" not in page and "//" not in page.replace("<!--", "")
    for asset in ("app.js", "app.css", "countries-50m.json", "THIRD_PARTY_LICENSES.txt"):
        response = client.get(f"/static/{asset}")
        assert response.status_code == 200, asset
        assert len(response.content) > 1000
    assert (STATIC / "index.html").read_text(encoding="utf-8") == page
    assert client.head("/").status_code == 200


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/clusters", "/api/timeline", "/api/facets", "/api/articles/{article_id}",
            "/api/articles", "/api/config"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert params == {"type", "subtype", "place", "country", "actor", "since", "until", "source", "modality",
                      "limit", "offset"}


def test_no_online_tiles_by_default(client: TestClient) -> None:
    config = client.get("/api/config").json()
    assert config["tiles"] is None and config["ingest"] is False


def test_an_operator_can_add_online_tiles(store: Store) -> None:
    url = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    app = create_app(store, settings=WebSettings(tiles=url, tiles_attribution="© Example"))
    with TestClient(app) as c:
        assert c.get("/api/config").json()["tiles"] == {"url": url, "attribution": "© Example"}
        assert "img-src 'self' data: https://*.tiles.example.org;" in c.get("/").headers["content-security-policy"]
    with pytest.raises(ValueError, match="tile URL"):
        create_app(store, settings=WebSettings(tiles="javascript:alert(1)//{z}"))


# --- ingest: token and size limit -------------------------------------------

def test_ingest_needs_the_token() -> None:
    client = writable_client()
    article = {"text": TEXT + "\n\nUpdate: the market reopened.", "title": TITLE, "published": "2023-06-12"}
    assert_error(client.post("/api/articles", json=article), 401, "HTTP401")
    assert_error(client.post("/api/articles", json=article, headers={"Authorization": "Bearer nope"}),
                 401, "HTTP401")
    assert_error(client.post("/api/articles", json=article, headers={"Authorization": TOKEN}), 401, "HTTP401")
    before = client.get("/api/events").json()["total"]
    ok = client.post("/api/articles", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201, ok.text
    assert ok.json()["stored"] is True and ok.json()["events"] == 1
    assert client.get("/api/events").json()["total"] == before + 1
    again = client.post("/api/articles", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json()["stored"] is False


def test_ingest_is_off_without_a_token() -> None:
    client = writable_client(token=None)
    response = client.post("/api/articles", json={"text": TEXT}, headers={"Authorization": "Bearer "})
    assert_error(response, 403, "HTTP403")
    assert "EVENTWIRE_API_TOKEN" in response.json()["error"]["message"]


def test_ingest_is_off_on_a_read_only_store(tmp_path: Any) -> None:
    path = tmp_path / "ro.duckdb"
    Store.open(path).close()
    app = create_app(Store.open(path, read_only=True), settings=WebSettings(token=TOKEN),
                     extractor=fake_extractor)
    response = TestClient(app).post("/api/articles", json={"text": TEXT},
                                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error(response, 403, "HTTP403")


def test_request_bodies_have_a_size_limit() -> None:
    client = writable_client(max_body=2000)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    big = {"text": TEXT + " filler" * 400}
    assert_error(client.post("/api/articles", json=big, headers=headers), 413, "HTTP413")

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit applies while reading
        yield b'{"text": "'
        for _ in range(50):
            yield b"x" * 100
        yield b'"}'

    response = client.post("/api/articles", content=chunks(),
                           headers={**headers, "content-type": "application/json"})
    assert_error(response, 413, "HTTP413")
    small = client.post("/api/articles", json={"text": TEXT + " Short update."}, headers=headers)
    assert small.status_code == 201, small.text


def test_ingest_validates_the_body() -> None:
    client = writable_client()
    response = client.post("/api/articles", json={"title": "no text"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error(response, 422, "HTTP422")
    assert "text" in response.json()["error"]["message"]


# --- configuration ------------------------------------------------------------

def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_API_TOKEN", "abc")
    monkeypatch.setenv("EVENTWIRE_MAX_BODY", "5000")
    monkeypatch.setenv("EVENTWIRE_TILES", "https://tiles.example.org/{z}/{x}/{y}.png")
    s = WebSettings.from_env()
    assert (s.token, s.max_body, s.tiles) == ("abc", 5000, "https://tiles.example.org/{z}/{x}/{y}.png")
    for name in ("EVENTWIRE_API_TOKEN", "EVENTWIRE_MAX_BODY", "EVENTWIRE_TILES"):
        monkeypatch.delenv(name)
    assert WebSettings.from_env() == WebSettings()


def test_make_app_opens_the_file_read_only(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTWIRE_API_TOKEN", raising=False)
    path = tmp_path / "web.duckdb"
    with Store.open(path) as s:
        s.add([sample_record()])
    app = make_app(str(path))
    with TestClient(app) as c:
        assert c.get("/api/events").json()["total"] == 1
        assert c.get("/api/config").json()["ingest"] is False
    assert app.state.eventwire.store.read_only
    app.state.eventwire.store.close()


def test_an_empty_store_answers_empty() -> None:
    with Store.open(":memory:") as empty, TestClient(create_app(empty)) as c:
        assert c.get("/api/events").json() == {"total": 0, "limit": 50, "offset": 0, "items": []}
        assert c.get("/api/timeline").json() == {"days": []}
        assert c.get("/api/clusters").json()["items"] == []
        facets = c.get("/api/facets").json()
        assert facets["events"] == 0 and facets["dates"] == {"first": None, "last": None}
        assert c.get("/").status_code == 200


def test_built_page_is_its_source() -> None:
    """static/ is built from web/ (cd web && npm ci && npm run build): a stale build fails here."""
    source = STATIC.parents[3] / "web" / "src" / "index.html"
    assert (STATIC / "index.html").read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
