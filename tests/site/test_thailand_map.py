"""The map of Thailand (issue 28 item 1) on the built demo site: 77 provinces shaded by the records
the content places in them, links to the provinces with records, the name and count on hover and
on keyboard focus (Chromium), the page's own province marked, a region page zoomed to its region."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from generator.graph.index import province_slug
from generator.site.thailand_map import range_label, shade_classes, shade_of
from generator.thai import load_provinces, province_by_name
from tests.browser import PHONE, console_errors
from tests.conftest import CONTENT
from tests.sitebuild import soup

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def content_counts() -> Counter[str]:
    """Published records per province, read from the content files themselves."""
    counts: Counter[str] = Counter()
    for file in CONTENT.rglob("*.yaml"):
        data = yaml.safe_load(file.read_text("utf-8"))
        if not isinstance(data, dict) or data.get("draft"):
            continue
        names = [data.get("province"), *(data.get("provinces") or [])]
        found = {info["name"] for n in names if isinstance(n, str) and (info := province_by_name(n))}
        counts.update(found)
    return counts


def shapes(page: BeautifulSoup) -> dict[str, Tag]:
    found = page.select("svg.kb-thmap-svg [data-province]")
    by_name = {s["data-province"]: s for s in found}
    assert len(by_name) == len(found), "a province drawn twice"
    return by_name


def test_home_map_draws_all_77_provinces_and_13_regions(site: Path) -> None:
    home = soup(site, "")
    assert sorted(shapes(home)) == sorted(load_provinces())
    assert sorted(int(r["data-region"]) for r in home.select(".kb-thmap-regions path")) == list(range(1, 14))
    assert home.select_one("svg.kb-thmap-svg")["viewbox"] == "0 0 484 889"


def test_shading_and_legend_follow_the_counts_in_the_content(site: Path) -> None:
    counts = content_counts()
    assert counts["สงขลา"] > 1 and len(counts) > 5  # the demo content places records in several provinces
    classes = shade_classes(max(counts.values()))
    home = soup(site, "")
    for name, shape in shapes(home).items():
        assert int(shape["data-count"]) == counts[name], name
        assert f"kb-thmap-s{shade_of(counts[name], classes)}" in shape["class"], name
    darkest = [n for n, s in shapes(home).items() if f"kb-thmap-s{len(classes)}" in s["class"]]
    assert darkest and all(counts[n] >= classes[-1][0] for n in darkest)
    legend = [li.get_text(strip=True) for li in home.select(".kb-thmap-legend li")]
    assert legend == ["ยังไม่มีเรื่อง", *(range_label(lo, hi) for lo, hi in classes), "เขตสุขภาพ"]
    assert range_label(2, 2) == "2 เรื่อง" and range_label(3, 5) == "3–5 เรื่อง"


def test_shade_classes() -> None:
    assert shade_classes(0) == []
    assert shade_classes(3) == [(1, 1), (2, 2), (3, 3)]
    assert shade_classes(13) == [(1, 2), (3, 4), (5, 7), (8, 13)]
    assert shade_classes(1000) == [(1, 6), (7, 32), (33, 178), (179, 1000)]
    assert [shade_of(n, shade_classes(13)) for n in (0, 1, 2, 3, 7, 8, 13)] == [0, 1, 1, 2, 3, 4, 4]


def test_provinces_with_records_link_to_their_pages_and_the_rest_do_not(site: Path) -> None:
    counts = content_counts()
    for name, shape in shapes(soup(site, "")).items():
        link = shape.find_parent("a")
        if not counts[name]:
            assert link is None, name
            region = load_provinces()[name]["health_region"]
            assert shape.title.get_text() == f"จ.{name} · เขตสุขภาพที่ {region} · ยังไม่มีเรื่อง"
            continue
        assert link is not None and link["href"] == f"provinces/{province_slug(name)}/", name
        assert soup(site, link["href"]).h1.get_text(strip=True) == f"จังหวัด{name}"
        region = load_provinces()[name]["health_region"]
        assert shape.title.get_text() == link["aria-label"] == f"จ.{name} · เขตสุขภาพที่ {region} · {counts[name]} เรื่อง"


def test_the_list_beside_the_map_gives_the_same_counts(site: Path) -> None:
    counts = content_counts()
    items = soup(site, "").select(".kb-thmap-list ol li")
    listed = [(li.a.get_text(), li.select_one(".kb-count").get_text()) for li in items]
    assert sorted(listed) == sorted((f"จ.{n}", f"{c} เรื่อง") for n, c in counts.items())
    assert [int(c.split()[0]) for _n, c in listed] == sorted(counts.values(), reverse=True)
    assert soup(site, "").select_one(".kb-thmap-list summary").get_text() == f"จังหวัดที่มีเรื่อง {len(counts)} จังหวัด"


def test_the_map_is_on_the_provinces_region_and_province_pages(site: Path) -> None:
    assert len(shapes(soup(site, "provinces/"))) == 77
    region = soup(site, "regions/12/")
    in_region = {n for n, p in load_provinces().items() if p["health_region"] == 12}
    drawn = shapes(region)
    assert in_region < set(drawn) and len(drawn) < 77  # zoomed: the region and its neighbours
    assert {n for n, s in drawn.items() if "kb-thmap-outside" not in s["class"]} == in_region
    width = float(region.select_one("svg.kb-thmap-svg")["viewbox"].split()[2])
    assert width < 484 / 2
    trang = shapes(soup(site, "provinces/trang/"))
    assert [n for n, s in trang.items() if "kb-thmap-current" in s["class"]] == ["ตรัง"]
    assert soup(site, "provinces/trang/").select_one("path.kb-thmap-mark")["d"] == trang["ตรัง"]["d"]


SHAPE_POINT = """
const shape = document.querySelector(`[data-province="${arguments[0]}"]`);
shape.scrollIntoView({block: "center"});
const box = shape.getBBox(), ctm = shape.getScreenCTM(), svg = shape.ownerSVGElement;
for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {
  const p = svg.createSVGPoint(); p.x = box.x + box.width * i / 20; p.y = box.y + box.height * j / 20;
  if (!shape.isPointInFill(p)) continue;
  const c = p.matrixTransform(ctm);
  if (document.elementFromPoint(c.x, c.y) === shape) return [Math.round(c.x), Math.round(c.y)];
}
return null;
"""
TIP = "const t = document.querySelector('.kb-thmap-tip'); return t.hidden ? null : t.textContent;"


def hover(driver: object, name: str) -> None:
    x, y = driver.execute_script(SHAPE_POINT, name)  # type: ignore[attr-defined]
    driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})  # type: ignore[attr-defined]


def test_hover_and_keyboard_focus_show_the_name_and_count(browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, driver = browser
    driver.set_window_size(1280, 900)
    driver.get(base)
    counts = content_counts()
    hover(driver, "สตูล")
    assert driver.execute_script(TIP) == f"จ.สตูล · เขตสุขภาพที่ 12 · {counts['สตูล']} เรื่อง"
    hover(driver, "เชียงใหม่")  # no records: named all the same
    assert driver.execute_script(TIP) == "จ.เชียงใหม่ · เขตสุขภาพที่ 1 · ยังไม่มีเรื่อง"
    cursor = driver.execute_script("return getComputedStyle(arguments[0]).cursor",
                                   driver.find_element(By.CSS_SELECTOR, '[data-province="สตูล"]'))
    assert cursor == "pointer"

    driver.get(base)  # keyboard alone: Tab reaches the provinces with records, in the map's order
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    focused: list[str] = []
    for _ in range(80):
        name = driver.execute_script(
            "const a = document.activeElement; const s = a && a.closest && a.closest('.kb-thmap-link');"
            "return s ? s.querySelector('[data-province]').dataset.province : null;")
        if name:
            focused.append(name)
            region = load_provinces()[name]["health_region"]
            assert driver.execute_script(TIP) == f"จ.{name} · เขตสุขภาพที่ {region} · {counts[name]} เรื่อง"
            ring = driver.execute_script(
                "return getComputedStyle(document.activeElement.querySelector('path')).strokeWidth")
            assert ring == "2.5px"
            assert driver.execute_script(  # drawn again on top, so no neighbour hides its outline
                "return document.querySelector('.kb-thmap-ring').getAttribute('d')"
                " === document.activeElement.querySelector('path').getAttribute('d')")
        elif focused:
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    assert sorted(focused) == sorted(counts)
    assert driver.execute_script(TIP) is None  # gone once focus leaves the map
    assert console_errors(driver) == []


def test_a_province_page_marks_its_province(browser) -> None:  # type: ignore[no-untyped-def]
    base, driver = browser
    driver.set_window_size(1280, 900)
    driver.get(base + "provinces/trang/")
    mark = driver.execute_script(
        "const m = document.querySelector('.kb-thmap-mark'), s = getComputedStyle(m);"
        "const r = m.getBoundingClientRect();"
        "const t = document.querySelector('[data-province=\"ตรัง\"]').getBoundingClientRect();"
        "return [s.stroke, s.fill, Math.round(r.width), Math.round(t.width), Math.round(r.left - t.left)]")
    assert mark[0] == "rgb(230, 81, 0)" and mark[1] == "none"
    assert mark[2] == mark[3] > 5 and mark[4] == 0


def test_readable_on_a_phone_in_both_colour_schemes(browser) -> None:  # type: ignore[no-untyped-def]
    base, driver = browser
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        for url in ("", "provinces/", "regions/12/", "provinces/trang/"):
            driver.get(base + url)
            fills = {}
            for scheme in ("default", "slate"):  # what the theme's light and dark toggles set
                driver.execute_script("document.body.setAttribute('data-md-color-scheme', arguments[0])", scheme)
                width, svg, folded, colours = driver.execute_script(
                    "const svg = document.querySelector('.kb-thmap-svg').getBoundingClientRect();"
                    "const list = document.querySelector('.kb-thmap-list');"
                    "const fill = n => getComputedStyle(document.querySelector('.kb-thmap-s' + n)).fill;"
                    "return [document.documentElement.scrollWidth, [svg.left, svg.right, svg.width],"
                    " list ? !list.open : null, [getComputedStyle(document.body).backgroundColor, fill(0), fill(1)]]")
                assert width <= 390 and svg[0] >= 0 and svg[1] <= 390 and svg[2] >= 100, (scheme, url)
                assert folded in (True, None), url  # the list folds away under the map on a phone
                assert len(set(colours)) == 3, (scheme, colours)  # page, no records, some records: three colours
                fills[scheme] = colours
            assert fills["default"] != fills["slate"]
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_the_map_loads_nothing_from_elsewhere(site: Path) -> None:
    html = (site / "index.html").read_text("utf-8")
    svg = re.search(r"<svg class=\"kb-thmap-svg\".*?</svg>", html, re.S)
    assert svg and "http" not in svg.group(0) and "<image" not in svg.group(0)
