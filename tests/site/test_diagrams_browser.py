"""Diagrams people can read and explore, in headless Chromium on the built demo site: zoom and pan
on system maps and ego diagrams, the presentation view with its loops, the network explorer
(filters, search, tooltip, click), and a 10,000-stakeholder network drawn in time. No test may
leave an error in the browser console."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.bench.explorer import big_network, write_explorer_site
from generator.graph.explorer import Layout, explorer_data
from generator.graph.knowledge import build_graph
from generator.graph.network import network_metrics
from generator.records.validate import validate_content
from tests.browser import chromium, console_errors, serve
from tests.conftest import CONTENT
from tests.sitebuild import build

pytestmark = [pytest.mark.browser, pytest.mark.slow]
MAP = "systemmaps/kkp12-vulnerable-groups/"
IN_MAP = "const doc = document.querySelector('.kb-mapview object').contentDocument;"
PALETTE = ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5"]
NODE_WIDTH = IN_MAP + "return doc.getElementById('svg-' + arguments[0]).getBoundingClientRect().width;"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    site = build(CONTENT, tmp_path_factory.mktemp("diagrams") / "site")
    with serve(site) as base, chromium(tmp_path_factory.mktemp("chromium")) as driver:
        driver.set_script_timeout(30)
        yield base, driver


@pytest.fixture
def page(browser: tuple[str, Any]) -> Iterator[Any]:
    """The browser, its console emptied before the test and required empty after it."""
    from selenium.webdriver.support.ui import WebDriverWait

    base, driver = browser
    driver.get(base)
    console_errors(driver)
    driver.base = base
    size = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    yield driver
    if driver.execute_script("return document.fullscreenElement !== null"):
        driver.execute_script("document.exitFullscreen()")
    # leaving full screen ends after the call returns: the next test's page must not load while
    # the window still shrinks back (its layout would move under a busy machine)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return document.fullscreenElement === null ? [window.innerWidth, window.innerHeight] : null") == size)
    assert console_errors(driver) == []


def open_map(driver: Any) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(driver.base + MAP)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        IN_MAP + "return doc && doc.documentElement.classList.contains('kb-zoom__svg')"))


def click(driver: Any, selector: str) -> None:
    from selenium.webdriver.common.by import By

    element = driver.find_element(By.CSS_SELECTOR, selector)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()
    time.sleep(0.15)


def centre_of(driver: Any, selector: str) -> tuple[float, float]:
    """A view scrolled to the middle of the window; its centre in window pixels."""
    box = driver.execute_script(
        "const v = document.querySelector(arguments[0]); v.scrollIntoView({block: 'center'});"
        "return v.getBoundingClientRect().toJSON();", selector)
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def mouse(driver: Any, kind: str, x: float, y: float, **extra: Any) -> None:
    driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, **extra})


def test_zoom_in_enlarges_a_node_and_reset_restores_it(page: Any) -> None:
    open_map(page)
    first = page.execute_script(NODE_WIDTH, "wellbeing")
    click(page, ".kb-mapview [data-kb-zoom='in']")
    click(page, ".kb-mapview [data-kb-zoom='in']")
    assert page.execute_script(NODE_WIDTH, "wellbeing") > first * 1.5
    click(page, ".kb-mapview [data-kb-zoom='out']")
    assert first * 1.1 < page.execute_script(NODE_WIDTH, "wellbeing") < first * 1.4
    click(page, ".kb-mapview [data-kb-zoom='reset']")
    assert page.execute_script(NODE_WIDTH, "wellbeing") == pytest.approx(first, abs=0.5)
    # the first view fits the width: the whole map is inside the view, edge to edge
    fit = page.execute_script(IN_MAP + "const g = doc.querySelector('g.graph').getBoundingClientRect();"
                              "return [g.width, doc.documentElement.getBoundingClientRect().width];")
    assert fit[0] == pytest.approx(fit[1], rel=0.02)


def test_ego_diagram_zooms_too(page: Any) -> None:
    page.get(page.base + "stakeholders/ppho-trang/")
    width = "return document.querySelector('.kb-ego a rect').getBoundingClientRect().width"
    first = page.execute_script(width)
    click(page, ".kb-ego [data-kb-zoom='in']")
    assert page.execute_script(width) == pytest.approx(first * 1.25, rel=0.02)
    click(page, ".kb-ego [data-kb-zoom='reset']")
    assert page.execute_script(width) == pytest.approx(first, abs=0.5)


def test_ctrl_wheel_zooms_and_a_plain_wheel_scrolls_the_page(page: Any) -> None:
    open_map(page)
    first = page.execute_script(NODE_WIDTH, "wellbeing")
    x, y = centre_of(page, ".kb-mapview .kb-zoom__view")
    scrolled = page.execute_script("return scrollY")
    mouse(page, "mouseWheel", x, y, deltaX=0, deltaY=-240, modifiers=2)  # Ctrl held
    time.sleep(0.3)
    assert page.execute_script(NODE_WIDTH, "wellbeing") > first * 1.3
    assert page.execute_script("return scrollY") == scrolled  # the page did not move
    zoomed = page.execute_script(NODE_WIDTH, "wellbeing")
    mouse(page, "mouseWheel", x, y, deltaX=0, deltaY=200)
    time.sleep(0.4)
    assert page.execute_script(NODE_WIDTH, "wellbeing") == pytest.approx(zoomed)
    assert page.execute_script("return scrollY") > scrolled


def test_keys_zoom_while_the_diagram_has_focus(page: Any) -> None:
    from selenium.webdriver.common.by import By

    open_map(page)
    first = page.execute_script(NODE_WIDTH, "wellbeing")
    view = page.find_element(By.CSS_SELECTOR, ".kb-mapview .kb-zoom__view")
    page.execute_script("arguments[0].focus()", view)
    view.send_keys("+")
    assert page.execute_script(NODE_WIDTH, "wellbeing") == pytest.approx(first * 1.25, rel=0.02)
    view.send_keys("-", "-")
    assert page.execute_script(NODE_WIDTH, "wellbeing") < first
    view.send_keys("0")
    assert page.execute_script(NODE_WIDTH, "wellbeing") == pytest.approx(first, abs=0.5)


def test_drag_pans_and_a_click_on_a_node_still_opens_its_page(page: Any) -> None:
    open_map(page)
    where = IN_MAP + "return doc.getElementById('svg-wellbeing').getBoundingClientRect().toJSON()"
    click(page, ".kb-mapview [data-kb-zoom='in']")
    x, y = centre_of(page, ".kb-mapview .kb-zoom__view")
    before = page.execute_script(where)
    mouse(page, "mousePressed", x, y, button="left", clickCount=1)
    for step in range(1, 6):
        mouse(page, "mouseMoved", x + 20 * step, y + 10 * step, button="left")
    mouse(page, "mouseReleased", x + 100, y + 50, button="left", clickCount=1)
    after = page.execute_script(where)
    assert after["x"] - before["x"] == pytest.approx(100, abs=2)
    assert after["y"] - before["y"] == pytest.approx(50, abs=2)
    assert page.current_url == page.base + MAP
    # a node that leads to one meeting: a real click on it opens the meeting
    click(page, ".kb-mapview [data-kb-zoom='reset']")
    box = page.execute_script(
        "const o = document.querySelector('.kb-mapview object').getBoundingClientRect();"
        + IN_MAP + "const a = doc.querySelector('a[*|href^=\"../../meetings/\"] :is(path, polygon)');"
        "const r = a.getBoundingClientRect(); return [o.x + r.x + r.width / 2, o.y + r.y + r.height / 2];")
    mouse(page, "mousePressed", box[0], box[1], button="left", clickCount=1)
    mouse(page, "mouseReleased", box[0], box[1], button="left", clickCount=1)
    time.sleep(1)
    assert "/meetings/" in page.current_url


def test_pinch_zooms(page: Any) -> None:
    open_map(page)
    first = page.execute_script(NODE_WIDTH, "wellbeing")
    x, y = centre_of(page, ".kb-mapview .kb-zoom__view")
    touch = "Input.dispatchTouchEvent"
    page.execute_cdp_cmd(touch, {"type": "touchStart", "touchPoints": [{"x": x - 20, "y": y, "id": 1},
                                                                        {"x": x + 20, "y": y, "id": 2}]})
    for step in range(1, 6):
        page.execute_cdp_cmd(touch, {"type": "touchMove", "touchPoints": [
            {"x": x - 20 - 12 * step, "y": y, "id": 1}, {"x": x + 20 + 12 * step, "y": y, "id": 2}]})
    page.execute_cdp_cmd(touch, {"type": "touchEnd", "touchPoints": []})
    time.sleep(0.2)
    assert page.execute_script(NODE_WIDTH, "wellbeing") > first * 1.8


def test_full_screen_uses_the_whole_window(page: Any) -> None:
    from selenium.webdriver.common.keys import Keys

    open_map(page)
    click(page, ".kb-mapview [data-kb-zoom='full']")
    time.sleep(0.4)
    view, window = page.execute_script(
        "return [document.querySelector('.kb-mapview .kb-zoom__view').getBoundingClientRect().toJSON(),"
        " [innerWidth, innerHeight]]")
    assert view["width"] >= window[0] - 40 and view["height"] >= window[1] * 0.75
    page.switch_to.active_element.send_keys(Keys.ESCAPE)
    time.sleep(0.4)
    assert not page.execute_script("return document.querySelector('.kb-zoom--full')")


def test_clicking_a_loop_highlights_its_nodes_and_dims_the_rest(page: Any) -> None:
    open_map(page)
    opacity = IN_MAP + "return getComputedStyle(doc.getElementById('svg-' + arguments[0])).opacity"
    lit = IN_MAP + "return [...doc.querySelectorAll('.kb-on')].map(g => g.classList.contains('node')" \
                   " ? g.id.slice(4) : g.querySelector('title').textContent)"
    click(page, "#loop-R1 [data-kb-loop]")
    time.sleep(0.4)  # the fade
    nodes = page.execute_script("return document.querySelector('#loop-R1 [data-kb-loop]').dataset.kbLoop").split()
    shown = page.execute_script(lit)
    assert sorted(n for n in shown if "->" not in n) == sorted(nodes)
    assert sorted(n for n in shown if "->" in n) == sorted(
        f"{a}->{b}" for a, b in zip(nodes, nodes[1:] + nodes[:1], strict=True))
    assert float(page.execute_script(opacity, nodes[0])) == 1
    assert float(page.execute_script(opacity, "wellbeing")) < 0.3
    assert page.execute_script("return document.querySelector('#loop-R1 [data-kb-loop]')"
                               ".getAttribute('aria-pressed')") == "true"
    click(page, "#loop-R1 [data-kb-loop]")  # again: everything back
    time.sleep(0.4)
    assert page.execute_script(lit) == [] and float(page.execute_script(opacity, "wellbeing")) == 1


def test_presentation_view_shows_the_map_full_screen_beside_its_loops(page: Any) -> None:
    open_map(page)
    click(page, "[data-kb-present]")
    time.sleep(0.4)
    view, loops, window = page.execute_script(
        "return [document.querySelector('.kb-mapview .kb-zoom__view').getBoundingClientRect().toJSON(),"
        " document.querySelector('.kb-mapview .kb-loops').getBoundingClientRect().toJSON(),"
        " [innerWidth, innerHeight]]")
    assert loops["left"] >= view["right"] - 1  # beside the map
    assert view["width"] > loops["width"] and view["width"] + loops["width"] > window[0] * 0.85
    assert view["height"] > window[1] * 0.6
    click(page, "#loop-R2 [data-kb-loop]")
    assert page.execute_script(IN_MAP + "return doc.documentElement.classList.contains('kb-dim')")
    pdf = page.execute_script("return document.querySelector('.kb-loops__print a').href")
    assert page.execute_script("return fetch(arguments[0]).then(r => r.headers.get('content-type'))", pdf) \
        == "application/pdf"
    click(page, "[data-kb-present]")
    assert not page.execute_script("return document.querySelector('.kb-present--on')")


def open_network(driver: Any) -> None:
    driver.get(driver.base + "network/")
    driver.execute_async_script("const done = arguments[arguments.length - 1]; kbNetwork.ready.then(() => done())")


def choose(driver: Any, name: str, value: str) -> int:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.CSS_SELECTOR, f"[data-kb-filter='{name}']")).select_by_value(value)
    return int(driver.execute_script("return kbNetwork.visible()"))


def test_filters_reduce_the_visible_nodes(page: Any) -> None:
    from selenium.webdriver.common.by import By

    open_network(page)
    assert page.execute_script("return kbNetwork.visible()") == 81
    region = choose(page, "region", "12")
    assert 0 < region < 81
    assert page.find_element(By.CSS_SELECTOR, "[data-kb-network-count]").text == f"แสดงภาคี {region} จาก 81 แห่ง"
    both = choose(page, "province", "ตรัง")  # filters combine
    assert 0 < both < region
    choose(page, "region", "")
    choose(page, "province", "")
    assert 0 < choose(page, "kind", "kind:person") == 11
    assert 0 < choose(page, "kind", "type:government") < 81
    choose(page, "kind", "")
    assert 0 < choose(page, "topic", "covid-19") < 81
    assert choose(page, "topic", "") == 81


def test_search_focuses_a_node(page: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_network(page)
    before = page.execute_script("return kbNetwork.nodeScreen('ppho-trang')")
    box = page.find_element(By.CSS_SELECTOR, "[data-kb-network-search] input")
    box.send_keys("สสจ.ตรัง", Keys.ENTER)
    time.sleep(0.2)
    assert page.execute_script("return kbNetwork.focused()") == "ppho-trang"
    node = page.execute_script("return kbNetwork.nodeScreen('ppho-trang')")
    view = page.execute_script("return document.querySelector('.kb-explorer__view').getBoundingClientRect().toJSON()")
    assert node["x"] == pytest.approx(view["x"] + view["width"] / 2, abs=2)  # centred
    assert node["r"] > before["r"]  # and brought close
    info = page.find_element(By.CSS_SELECTOR, ".kb-explorer__info")
    assert info.text.startswith("สสจ.ตรัง · เชื่อมกับ 13 แห่ง")
    assert info.find_element(By.CSS_SELECTOR, "a").get_attribute("href") == page.base + "stakeholders/ppho-trang/"
    assert page.find_element(By.CSS_SELECTOR, ".kb-explorer__tip").is_displayed()
    box.clear()
    box.send_keys("ไม่มีภาคีนี้แน่นอน", Keys.ENTER)
    assert page.find_element(By.CSS_SELECTOR, "[data-kb-network-count]").text == "ไม่พบภาคีชื่อนี้"


def test_network_zooms_hover_shows_name_and_ties_and_a_click_opens_the_page(page: Any) -> None:
    from selenium.webdriver.common.by import By

    open_network(page)
    centre_of(page, ".kb-explorer__view")
    first = page.execute_script("return kbNetwork.nodeScreen('kkp-region-12').r")
    click(page, ".kb-explorer [data-kb-zoom='in']")
    assert page.execute_script("return kbNetwork.nodeScreen('kkp-region-12').r") == pytest.approx(first * 1.25)
    click(page, ".kb-explorer [data-kb-zoom='reset']")
    node = page.execute_script("return kbNetwork.nodeScreen('kkp-region-12')")
    assert node["r"] == pytest.approx(first)
    mouse(page, "mouseMoved", node["x"], node["y"])
    time.sleep(0.2)
    tip = page.find_element(By.CSS_SELECTOR, ".kb-explorer__tip")
    assert tip.is_displayed() and tip.text.startswith("คณะกรรมการเขตสุขภาพเพื่อประชาชน เขต 12")
    assert "เชื่อมกับ 22 แห่ง" in tip.text and "ทำงานร่วมกับ:" in tip.text
    mouse(page, "mousePressed", node["x"], node["y"], button="left", clickCount=1)
    mouse(page, "mouseReleased", node["x"], node["y"], button="left", clickCount=1)
    time.sleep(1)
    assert page.current_url == page.base + "stakeholders/kkp-region-12/"


def test_ten_thousand_stakeholders_are_all_drawn_and_can_be_found(tmp_path: Path) -> None:
    """The demo's network page with the data of 10,000 stakeholders and 50,000 ties (places at
    random: sfdp would take 20 s over so many). How fast it draws is a benchmark's figure
    (`python -m generator.bench.explorer`), not this test's: a busy machine must not fail it."""
    site = tmp_path / "site"
    write_explorer_site(validate_content(CONTENT).records, site)
    records, network = big_network(10_000, 50_000)
    metrics = network_metrics(network)
    rng = random.Random(18)
    placed = Layout(b"", {n: (rng.uniform(0, 9000), rng.uniform(0, 6000)) for n in network},
                    {n: PALETTE[m.community % len(PALETTE)] for n, m in metrics.items()})
    data = explorer_data({r.id: r for r in records}, build_graph(records), network, metrics, placed,
                         "../stakeholders/")
    (site / "network" / "explorer.json").write_bytes(data.json())
    last = records[-1]
    with serve(site) as base, chromium(tmp_path / "chromium") as driver:
        driver.set_script_timeout(60)
        driver.get(base + "network/")
        shown = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "kbNetwork.ready.then(() => done(kbNetwork.visible())).catch((e) => done(String(e)));")
        assert shown == 10_000
        form = driver.find_element("css selector", "[data-kb-network-search]")
        form.find_element("name", "q").send_keys(last.title)
        form.submit()
        assert driver.execute_script("return kbNetwork.focused()") == last.id
        assert [e for e in console_errors(driver) if "favicon.ico" not in e] == []  # (a site of one page)


def test_nothing_moves_when_the_diagrams_start(page: Any) -> None:
    """The buttons are in the page and every view has its size before its script runs: no
    element moves up or down (a scrollbar appearing mid-load moves things sideways only)."""
    moved = ("const done = arguments[arguments.length - 1]; const found = [];"
             "new PerformanceObserver((l) => { for (const e of l.getEntries()) for (const s of e.sources)"
             " if (s.previousRect.top !== s.currentRect.top && s.previousRect.height && s.currentRect.height)"
             " found.push(s.node ? s.node.nodeName + '.' + s.node.className : '?'); })"
             ".observe({type: 'layout-shift', buffered: true}); setTimeout(() => done(found), 600);")
    page.execute_cdp_cmd("Network.enable", {})  # slow requests: the page is drawn before the data arrive
    page.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": 250, "downloadThroughput": -1, "uploadThroughput": -1})
    try:
        open_map(page)
        assert page.execute_async_script(moved) == []
        click(page, "#loop-R1 [data-kb-loop]")
        open_network(page)
        assert page.execute_async_script(moved) == []
        page.get(page.base + "stakeholders/ppho-trang/")
        assert page.execute_async_script(moved) == []
    finally:
        page.execute_cdp_cmd("Network.disable", {})
