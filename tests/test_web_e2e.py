"""The page in a real headless Chromium (Debian's chromium + chromium-driver,
driven by Selenium) against a store built from hand-made records.

Skipped, with the reason, when the browser, its driver or Selenium is missing:
`scripts/install-browser.sh` installs them. Screenshots go to reports/web-e2e/
(gitignored); EVENTWIRE_UPDATE_SCREENSHOT=1 also rewrites docs/screenshot.png.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.store import Store
from eventwire.web.app import WebSettings, create_app
from eventwire.web.synthetic import synthetic_records
from tests.records import sample_record
from tests.test_web_api import EVIL_TITLE, evil_record
from tests.test_web_outlets import CALM, LOADED, outlet_records

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "reports" / "web-e2e"
CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = os.environ.get("EVENTWIRE_CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"

if not Path(CHROMIUM).is_file() or not Path(DRIVER).is_file():
    pytest.skip(f"headless Chromium not installed ({CHROMIUM}, {DRIVER}): run scripts/install-browser.sh",
                allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed: run "
                                "scripts/install-browser.sh (or pip install the dev extras)")

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    import uvicorn

    store = Store.open(":memory:")
    store.add(list(synthetic_records(150, events_per_article=2, seed=3)))
    store.add([sample_record(), evil_record()])
    store.add(outlet_records())  # framing only, no events: the map and the table do not change
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(store, settings=WebSettings()), host="127.0.0.1",
                                        port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start in 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,900", "--lang=en-US"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def wait(driver: Any, condition: Callable[[Any], Any], *, timeout: float = 15, what: str = "") -> Any:
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition, message=what)


def js(driver: Any, script: str, *args: Any) -> Any:
    return driver.execute_script(script, *args)


def open_page(driver: Any, url: str) -> None:
    driver.get(url)
    wait(driver, lambda d: js(d, "return document.body.dataset.ready === '1'"), what="page never got ready")
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors


def settle(driver: Any) -> None:
    wait(driver, lambda d: js(d, "return !document.body.dataset.loading"), what="requests never finished")


def shot(driver: Any, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def table_rows(driver: Any) -> list[dict[str, str]]:
    return list(js(driver, "return [...document.querySelectorAll('#events tbody tr')].map(r => ({...r.dataset}))"))


def markers(driver: Any) -> int:
    return int(js(driver, "return document.querySelectorAll('#map .ew-cluster, #map path.ew-event').length"))


def test_map_shows_markers(browser: Any, server: str) -> None:
    open_page(browser, server)
    at_world = markers(browser)
    assert at_world > 0
    # The base map is drawn from the bundled country outlines.
    wait(browser, lambda d: js(d, "return document.querySelectorAll('.leaflet-base-pane path').length") > 100,
         what="country outlines never drawn")
    browser.find_element(By.CSS_SELECTOR, ".leaflet-control-zoom-in").click()
    browser.find_element(By.CSS_SELECTOR, ".leaflet-control-zoom-in").click()
    wait(browser, lambda d: markers(d) != at_world, what="markers did not change on zoom")
    shot(browser, "map")


def test_filtering_by_type_changes_the_table(browser: Any, server: str) -> None:
    open_page(browser, server)
    before = browser.find_element(By.ID, "page-info").text
    assert len({r["type"] for r in table_rows(browser)}) > 1
    Select(browser.find_element(By.NAME, "type")).select_by_value("battle")
    wait(browser, lambda d: d.find_element(By.ID, "page-info").text != before, what="table did not change")
    settle(browser)
    rows = table_rows(browser)
    assert rows and {r["type"] for r in rows} == {"battle"}
    clusters = js(browser, "return [...document.querySelectorAll('#map path.ew-event')]"
                           ".map(p => p.getAttribute('class'))")
    assert all("ew-type-battle" in c for c in clusters)
    shot(browser, "filter-type")


def test_timeline_brush_filters_the_table(browser: Any, server: str) -> None:
    open_page(browser, server)
    total = browser.find_element(By.ID, "page-info").text
    svg = browser.find_element(By.ID, "timeline-svg")
    width = svg.size["width"]
    (ActionChains(browser).move_to_element_with_offset(svg, -width // 6, 0).click_and_hold()
     .move_by_offset(width // 8, 0).release().perform())
    wait(browser, lambda d: d.find_element(By.NAME, "since").get_attribute("value"), what="brush set no date")
    wait(browser, lambda d: d.find_element(By.ID, "page-info").text != total, what="table ignored the brush")
    settle(browser)
    since = browser.find_element(By.NAME, "since").get_attribute("value")
    until = browser.find_element(By.NAME, "until").get_attribute("value")
    assert since <= until
    dates = js(browser, "return [...document.querySelectorAll('#events tbody td.date')].map(td => td.textContent)")
    assert dates and all(since <= d <= until for d in dates)
    path = shot(browser, "timeline-brush")
    if os.environ.get("EVENTWIRE_UPDATE_SCREENSHOT") == "1":  # the README's picture
        shutil.copyfile(path, ROOT / "docs" / "screenshot.png")


def test_a_cluster_on_one_site_lists_its_events(browser: Any, server: str) -> None:
    open_page(browser, server)
    browser.find_element(By.NAME, "actor").send_keys("civilians")  # the two hand-made events, one site
    wait(browser, lambda d: js(d, "return document.querySelectorAll('#map .ew-cluster').length") == 1
         and markers(d) == 1, what="the two events did not make one cluster")
    browser.find_element(By.CSS_SELECTOR, "#map .ew-cluster").click()
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".ew-popup-event")) == 2, what="no event list")
    browser.find_elements(By.CSS_SELECTOR, ".ew-popup-event button")[0].click()
    wait(browser, lambda d: d.find_element(By.ID, "article").is_displayed(), what="article view never opened")
    shot(browser, "cluster-popup")


def open_article(driver: Any, server: str, article_id: str) -> None:
    open_page(driver, server)
    box = driver.find_element(By.NAME, "actor")
    box.send_keys("civilians")  # only the hand-made records have this actor
    wait(driver, lambda d: any(r["article"] == article_id for r in table_rows(d)), what="article not listed")
    driver.find_element(By.CSS_SELECTOR, f'#events tbody tr[data-article="{article_id}"]').click()
    wait(driver, lambda d: d.find_element(By.ID, "article").is_displayed(), what="article view never opened")
    wait(driver, lambda d: js(d, "return document.getElementById('article-body').dataset.article") == article_id)


def test_article_view_highlights_a_quote_and_its_speaker(browser: Any, server: str) -> None:
    record = sample_record()
    quote, speaker = record.quotes[0], record.quotes[0].speaker
    assert speaker is not None
    open_article(browser, server, record.article.id)
    text = "return [...document.querySelectorAll(arguments[0])].map(n => n.textContent).join('')"
    assert js(browser, text, '.article-text .hl-quote[data-quote="0"]') == quote.text
    assert js(browser, text, '.article-text .hl-speaker[data-speaker="0"]') == speaker.text
    assert js(browser, text, ".article-text .hl-place") == "Hodeidah"
    assert js(browser, text, ".article-text .hl-count") == "at least seven people"
    assert "air strike" in js(browser, text, ".article-text .hl-loaded")
    # The event's evidence sentence is marked and focused (opened from its row).
    assert js(browser, text, ".article-text .hl-evidence.focus").startswith("An air strike killed")
    removed = browser.find_element(By.CSS_SELECTOR, "#article-body .removed").text
    assert removed == "Read more"
    browser.find_element(By.CSS_SELECTOR, '.article-text .hl-quote[data-quote="0"]').click()
    assert js(browser, text, '.article-text .hl-quote.active') == quote.text
    assert js(browser, text, '.article-text .hl-speaker.active') == speaker.text
    shot(browser, "article")


def test_article_text_cannot_inject_markup(browser: Any, server: str) -> None:
    record = evil_record()
    open_article(browser, server, record.article.id)
    body = browser.find_element(By.ID, "article-body")
    assert body.find_elements(By.CSS_SELECTOR, "script, img, b") == []
    assert browser.find_element(By.CSS_SELECTOR, ".article-title").text == EVIL_TITLE
    assert '<script>alert("body")</script>' in browser.find_element(By.CSS_SELECTOR, ".article-text").text
    assert browser.title == "eventwire"
    assert body.find_elements(By.CSS_SELECTOR, "a") == []  # a javascript: URL is never a link
    assert "javascript:alert(1)" in body.find_element(By.CSS_SELECTOR, ".meta").text
    shot(browser, "escaping")


# --- the outlets view -----------------------------------------------------------

def outlet_rows(driver: Any) -> list[dict[str, str]]:
    return list(js(driver, "return [...document.querySelectorAll('#outlets tbody tr')].map(r => ({...r.dataset,"
                           " bars: r.querySelectorAll('.tone-bar').length, text: r.textContent}))"))


def test_outlets_view_shows_the_loaded_outlet_denser(browser: Any, server: str) -> None:
    open_page(browser, server)
    assert not browser.find_element(By.ID, "outlets-panel").is_displayed()
    browser.find_element(By.ID, "tab-outlets").click()
    wait(browser, lambda d: {CALM, LOADED} <= {r["source"] for r in outlet_rows(d)}, what="outlets not listed")
    settle(browser)
    assert not browser.find_element(By.ID, "events").is_displayed()
    rows = {r["source"]: r for r in outlet_rows(browser)}
    assert float(rows[LOADED]["density"]) > float(rows[CALM]["density"]) == 0.0
    assert outlet_rows(browser)[0]["source"] == LOADED  # densest first
    assert float(rows[LOADED]["tone"]) < float(rows[CALM]["tone"])
    assert rows[LOADED]["bars"] == 5
    assert "brutal regime ×2" in rows[LOADED]["text"]
    # An outlet name with markup stays text.
    assert "<b>Bold Wire</b>" in rows
    assert browser.find_elements(By.CSS_SELECTOR, "#outlets b, #outlets script") == []
    shot(browser, "outlets")
    # The date filter applies to the outlets too (by publication date).
    js(browser, "const f = document.getElementById('filters'); f.elements.since.value = '2024-04-15';"
                "f.elements.since.dispatchEvent(new Event('change', {bubbles: true}))")
    wait(browser, lambda d: [r["source"] for r in outlet_rows(d)] == [LOADED], what="outlets ignored the dates")
    browser.find_element(By.ID, "tab-events").click()
    assert browser.find_element(By.ID, "events").is_displayed()
