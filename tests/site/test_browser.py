"""Headless Chromium opens the built site: Thai titles, links that work, nothing failing,
and no script from content ever runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.browser import chromium, console_errors, failed_requests, serve
from tests.conftest import CONTENT, FIXTURES
from tests.sitebuild import build

pytestmark = [pytest.mark.browser, pytest.mark.slow]
M000 = "meetings/2025-04-10-kkp12-vulnerable-groups/"
PAYLOADS = {
    "script": "<script>window.__kbPwned='script'</script>",
    "img": "<img src=x onerror=\"window.__kbPwned='img'\">",
    "svg": "\"><svg onload=\"window.__kbPwned='svg'\">",
    "link": "[คลิก](javascript:window.__kbPwned='link')",
}


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(CONTENT, tmp_path_factory.mktemp("browser") / "site")


def test_home_and_meeting_pages_work_in_chromium(demo_site: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    with serve(demo_site) as base, chromium(tmp_path) as driver:
        driver.get(base)
        assert driver.find_element(By.CSS_SELECTOR, "article h1, .kb-home h1").text == "คลังความรู้ กขป."
        driver.find_element(By.CSS_SELECTOR, ".kb-latest .kb-cards a").click()
        assert driver.current_url == base + M000
        assert driver.find_element(By.CSS_SELECTOR, "article h1").text == \
            "กขป.เขต 12 สุขภาวะกลุ่มเปราะบางทางสังคม"
        driver.find_element(By.CSS_SELECTOR, ".kb-attendees td a").click()
        assert "/stakeholders/" in driver.current_url
        assert driver.find_element(By.CSS_SELECTOR, "article h1").text
        assert failed_requests(driver, base) == []
        assert console_errors(driver) == []


def injected_content(tmp: Path) -> Path:
    root = tmp / "content"
    shutil.copytree(FIXTURES / "valid", root)
    meeting = root / "meetings" / "2025-04-10-kkp12.yaml"
    text = meeting.read_text("utf-8")
    q = {k: json.dumps(v, ensure_ascii=False) for k, v in PAYLOADS.items()}
    text = text.replace("title: กขป.เขต 12 สุขภาวะกลุ่มเปราะบางทางสังคม", f"title: {q['script']}")
    text = text.replace("body: |\n  เนื้อหาการประชุม",
                        f"summary: {q['img']}\nvenue: {q['svg']}\nsource:\n"
                        "  url: 'https://example.org/\"><svg/onload=window.__kbPwned=1>'\n"
                        f"  publisher: {q['script']}\nbody: |\n"
                        + "".join(f"  {v}\n\n" for v in PAYLOADS.values()))
    text = text.replace('hashtags: ["#กขป.เขต 12"]', 'hashtags: ["#<script>x</script>", "#กขป.เขต 12"]')
    text = text.replace("role: ผู้นำเสนอ", f"role: {q['img']}")
    meeting.write_text(text, "utf-8")
    vg = root / "systemmaps" / "vg-map.yaml"
    vg.write_text(vg.read_text("utf-8").replace(
        "label: สุขภาวะกลุ่มเปราะบาง", f"label: {json.dumps(PAYLOADS['svg'])}"), "utf-8")
    return root


def test_injected_markup_never_runs(tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    site = build(injected_content(tmp_path), tmp_path / "site")
    for page in site.rglob("*.html"):
        html = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for tag in html.find_all(True):
            for name, value in tag.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                assert not (name.startswith("on") and "__kbPwned" in text), (page, tag)
                assert not text.strip().lower().startswith("javascript:"), (page, tag)
        for script in html.find_all("script"):
            assert "__kbPwned" not in script.get_text(), page
    from selenium.webdriver.common.by import By

    pages = ["meetings/2025-04-10-kkp12/", "", "meetings/", "systemmaps/vg-map/",
             "stakeholders/ppho-trang/", "tags/"]
    with serve(site) as base, chromium(tmp_path) as driver:
        for url in pages:
            driver.get(base + url)
            assert driver.execute_script("return window.__kbPwned === undefined"), url
        driver.get(base + pages[0])
        assert driver.find_element(By.CSS_SELECTOR, "article h1").text == PAYLOADS["script"]
        for link in driver.find_elements(By.CSS_SELECTOR, "article a"):
            link_href = link.get_attribute("href") or ""
            assert not link_href.startswith("javascript:"), link_href


def test_system_map_nodes_are_clickable(demo_site: Path, tmp_path: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    with serve(demo_site) as base, chromium(tmp_path) as driver:
        driver.get(base + "systemmaps/kkp12-vulnerable-groups/")
        WebDriverWait(driver, 10).until(lambda d: d.execute_script(
            "const o = document.querySelector('.kb-diagram object');"
            "return o && o.contentDocument && o.contentDocument.querySelector('a') !== null"))
        driver.execute_script(
            "const a = document.querySelector('.kb-diagram object').contentDocument"
            ".querySelector('a[*|href^=\"../../meetings/\"]');"
            "a.dispatchEvent(new MouseEvent('click',"
            " {bubbles: true, cancelable: true, view: a.ownerDocument.defaultView}));")
        WebDriverWait(driver, 10).until(lambda d: "/meetings/" in d.current_url)
        assert driver.current_url == base + M000
