"""What a public reader sees first (issue 28, items 2–5), in headless Chromium on the demo site:
proposal outcomes counted from the content, share links that carry the page's address and
Thai title, a phone-sized gallery, no page wider than a phone, and a meeting printed on A4."""

from __future__ import annotations

import base64
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from generator.site.labels import LABELS
from generator.thai import format_thai_date
from tests.browser import PHONE, console_errors, wait
from tests.conftest import CONTENT, ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]
GALLERY = "meetings/2020-01-06-region12-informal-workers/"
PAGE_KINDS = ["", "meetings/", GALLERY, "meetings/2025-04-10-kkp12-vulnerable-groups/", "areas/",
              "areas/tamnan-phatthalung/", "stakeholders/", "stakeholders/kkp-region-12/", "proposals/",
              "proposals/status/accepted/", "proposals/kkp12-central-information-system/", "systemmaps/",
              "systemmaps/kkp12-vulnerable-groups/", "topics/", "topics/vulnerable-groups/", "tags/",
              "tags/กขป-เขต12/", "provinces/", "provinces/trang/", "regions/12/", "timeline/",
              "search/?q=วัคซีน", "network/"]


@pytest.fixture
def phone(browser: tuple[str, object]) -> Iterator[tuple[str, object]]:
    base, driver = browser
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)  # type: ignore[attr-defined]
    try:
        yield base, driver
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})  # type: ignore[attr-defined]


def proposals() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in sorted((CONTENT / "proposals").glob("*.yaml"))}


def test_statuses_are_the_schemas(site: Path) -> None:
    schema = json.loads((ROOT / "schemas" / "proposal.schema.json").read_text("utf-8"))
    assert list(LABELS["proposal_status"]) == schema["properties"]["status"]["enum"]


def test_status_counts_match_the_content_and_link_to_those_proposals(browser) -> None:
    from selenium.webdriver.common.by import By

    base, driver = browser
    records = proposals()
    expected = Counter(p["status"] for p in records.values())
    driver.get(base)
    shown = {}
    for item in driver.find_elements(By.CSS_SELECTOR, ".kb-home-outcomes .kb-outcome"):
        label = item.find_element(By.CSS_SELECTOR, ".kb-status").text
        links = item.find_elements(By.CSS_SELECTOR, "a")
        shown[label] = (int(item.find_element(By.CSS_SELECTOR, "strong").text),
                        links[0].get_attribute("href") if links else None)
    page = {s: base + f"proposals/status/{s}/" if expected[s] else None for s in LABELS["proposal_status"]}
    assert shown == {label: (expected[s], page[s]) for s, label in LABELS["proposal_status"].items()}
    for status, count in expected.items():
        driver.get(base + f"proposals/status/{status}/")
        titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".kb-cards .kb-card > a")]
        assert sorted(titles) == sorted(p["title"] for p in records.values() if p["status"] == status)
        assert len(titles) == count
        current = driver.find_element(By.CSS_SELECTOR, ".kb-status-filter [aria-current=page]").text
        assert current == f"{LABELS['proposal_status'][status]} {count}"


def test_proposals_listing_shows_status_and_latest_change(browser) -> None:
    from selenium.webdriver.common.by import By

    base, driver = browser
    records = {p["title"]: p for p in proposals().values()}
    driver.get(base + "proposals/")
    cards = driver.find_elements(By.CSS_SELECTOR, ".kb-cards .kb-card")
    assert len(cards) == len(records)
    for card in cards:
        record = records[card.find_element(By.CSS_SELECTOR, "a").text]
        latest = max(h["date"] for h in record["history"])
        assert card.find_element(By.CSS_SELECTOR, ".kb-status").text == LABELS["proposal_status"][record["status"]]
        assert card.find_element(By.CSS_SELECTOR, ".kb-date").text == f"ปรับสถานะล่าสุด {format_thai_date(latest)}"
    filters = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".kb-status-filter a")]
    assert filters == [base + f"proposals/status/{s}/" for s in LABELS["proposal_status"]
                       if any(r["status"] == s for r in records.values())]


SHARE_FAKE = ("window.kbShared = [];"
              "navigator.share = (data) => { window.kbShared.push(data); return Promise.resolve(); };"
              "navigator.canShare = () => true;")


def test_share_links_carry_the_page_url_and_thai_title(browser) -> None:
    from selenium.webdriver.common.by import By

    base, driver = browser
    driver.get(base + GALLERY)
    canonical = driver.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
    title = driver.find_element(By.CSS_SELECTOR, "article h1").text
    links = {a.text.split("\n")[0].replace(" (เปิดหน้าต่างใหม่)", ""): a.get_attribute("href")
             for a in driver.find_elements(By.CSS_SELECTOR, ".kb-share__link")}
    params = {name: parse_qs(urlsplit(href).query, strict_parsing=True) for name, href in links.items()
              if name != "คัดลอกลิงก์"}
    assert params == {"LINE": {"url": [canonical], "text": [title]}, "Facebook": {"u": [canonical]},
                      "X": {"url": [canonical], "text": [title]}}
    assert {name: urlsplit(href)[:3] for name, href in links.items()} == {
        "LINE": ("https", "social-plugins.line.me", "/lineit/share"),
        "Facebook": ("https", "www.facebook.com", "/sharer/sharer.php"),
        "X": ("https", "twitter.com", "/intent/tweet"),
        "คัดลอกลิงก์": urlsplit(canonical)[:3]}
    assert "%E0%B8" in links["LINE"] and title.isascii() is False  # Thai as UTF-8 percent-escapes


def test_copy_link_and_the_phones_share_sheet(phone) -> None:
    from selenium.webdriver.common.by import By

    base, driver = phone
    origin = base.rstrip("/")
    driver.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SHARE_FAKE})
    try:
        driver.get(base + GALLERY)
        canonical = driver.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
        title = driver.find_element(By.CSS_SELECTOR, "article h1").text
        button = driver.find_element(By.CSS_SELECTOR, ".kb-share__native")
        wait(button.is_displayed)
        assert button.text == "แชร์…"
        assert not driver.find_element(By.CSS_SELECTOR, ".kb-share__links").is_displayed()
        button.click()
        assert wait(lambda: driver.execute_script("return window.kbShared")) == [{"title": title, "url": canonical}]
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        wait(lambda: not button.is_displayed())  # on a wide screen: the links, copy link among them
        driver.find_element(By.CSS_SELECTOR, ".kb-share__copy").click()
        status = driver.find_element(By.CSS_SELECTOR, ".kb-share [role=status]")
        assert wait(lambda: status.text) == "คัดลอกลิงก์แล้ว"
        assert driver.current_url == base + GALLERY  # copied, not followed
        copied = driver.execute_async_script(
            "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done(String(e)));")
        assert copied == canonical
        assert console_errors(driver) == []
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def requested_urls(driver: object) -> list[str]:
    """Every URL the pages asked for since the log was last read (DevTools performance log)."""
    urls = []
    for entry in driver.get_log("performance"):  # type: ignore[attr-defined]
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_record_pages_load_nothing_from_outside_their_origin(browser) -> None:
    from selenium.webdriver.common.by import By

    base, driver = browser
    requested_urls(driver)  # the log so far
    for url in [GALLERY, "proposals/kkp12-central-information-system/", "stakeholders/kkp-region-12/"]:
        driver.get(base + url)
        assert driver.find_elements(By.CSS_SELECTOR, ".kb-share__link")
        assert driver.find_elements(By.CSS_SELECTOR, "iframe") == []
    outside = [u for u in requested_urls(driver) if not u.startswith((base, "data:", "blob:"))]
    assert outside == []


def test_phone_gallery_is_folded_and_opens_at_the_first_photo_not_shown(phone) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, driver = phone
    record = yaml.safe_load((CONTENT / "meetings" / f"{GALLERY.split('/')[1]}.yaml").read_text("utf-8"))
    count = sum(1 for m in record["media"] if m["kind"] == "photo")
    driver.get(base + GALLERY)
    items = driver.find_elements(By.CSS_SELECTOR, ".kb-gallery > li")
    assert len(items) == count == 20
    wait(lambda: not items[-1].is_displayed())
    shown = [i for i, item in enumerate(items) if item.is_displayed()]
    columns = driver.execute_script(
        "return getComputedStyle(document.querySelector('.kb-gallery')).gridTemplateColumns.split(' ').length")
    assert columns in (2, 3) and shown == list(range(3 * columns)) and 6 <= len(shown) <= 9
    screen = driver.execute_script("return innerHeight")
    height = driver.execute_script("return document.querySelector('.kb-gallery').getBoundingClientRect().height")
    assert height < 1.5 * screen, (height, screen)
    more = driver.find_element(By.CSS_SELECTOR, ".kb-gallery__all")
    assert more.text == f"ดูทั้งหมด {count} ภาพ"
    more.click()
    caption = ("const c = document.querySelector('.pswp__kb-caption'); return c ? c.textContent : ''")
    text = wait(lambda: driver.execute_script(caption))
    assert text.endswith(f"(ภาพที่ {len(shown) + 1} จาก {count})"), text
    assert driver.execute_script("return document.querySelectorAll('.pswp').length") == 1
    wait(lambda: driver.execute_script("return !!document.activeElement.closest('.pswp')"))
    ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
    assert wait(lambda: driver.execute_script(caption).endswith(f"(ภาพที่ {len(shown) + 2} จาก {count})"))
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    wait(lambda: not driver.find_elements(By.CSS_SELECTOR, ".pswp"))
    assert wait(lambda: driver.execute_script("return document.activeElement.matches('.kb-gallery__all')"))


def test_no_page_scrolls_sideways_on_a_phone(phone) -> None:
    base, driver = phone
    wide = {}
    for url in PAGE_KINDS:
        driver.get(base + url)
        sizes = driver.execute_script("return [document.scrollingElement.scrollWidth, innerWidth]")
        if sizes[0] > sizes[1] or sizes[1] != PHONE["width"]:
            wide[url] = sizes
    assert wide == {}


def test_home_counters_are_cards_without_bullets(browser) -> None:
    base, driver = browser
    driver.get(base)
    styles = driver.execute_script(
        "return [...document.querySelectorAll('.kb-counts li, .kb-outcomes li')]"
        ".map(li => getComputedStyle(li).listStyleType)")
    assert len(styles) == 12 and set(styles) == {"none"}
    tops = driver.execute_script("return [...document.querySelectorAll('.kb-counts li')].map(li => li.offsetTop)")
    assert tops[0] == tops[1] == tops[2]  # cards side by side on a wide screen, not a bulleted column


PRINT_PAGES = 7  # A4 pages at most for the 20-photo meeting (6 now; its photos a grid of five a row)
NAVIGATION = ["หน้าแรก", "ลำดับเวลา", "เครือข่ายภาคี", "แชร์หน้านี้", "คัดลอกลิงก์", "ดูทั้งหมด", "Facebook",
              "ค้นหาในคลังความรู้", "การประชุมก่อนหน้า"]


# Chromium's PDF text gives Thai marks positioned by the font as the private-use code points
# of the old Windows Thai shaping table, and sara am as nikhahit + sara aa: read back as Thai
PDF_THAI = str.maketrans({0xF700: "ฐ", 0xF701: "ิ", 0xF702: "ี", 0xF703: "ึ", 0xF704: "ื", 0xF705: "่",
                          0xF706: "้", 0xF707: "๊", 0xF708: "๋", 0xF709: "์", 0xF70A: "่", 0xF70B: "้",
                          0xF70C: "๊", 0xF70D: "๋", 0xF70E: "์", 0xF70F: "ญ", 0xF710: "ั", 0xF711: "ํ",
                          0xF712: "็", 0xF713: "่", 0xF714: "้", 0xF715: "๊", 0xF716: "๋", 0xF717: "์",
                          0xF718: "ุ", 0xF719: "ู", 0xF71A: "ฺ"})


def bare(text: str) -> str:
    """Without tone marks and spaces: the PDF's text may give a vowel and a tone mark above a
    letter in either order, and a space after a shifted mark."""
    return re.sub(r"[\s\u0e48-\u0e4d]", "", text)


def pdf_text(pdf: object) -> str:
    text = "".join(page.extract_text() for page in pdf.pages)  # type: ignore[attr-defined]
    return bare(text.translate(PDF_THAI).replace("\u0e4d\u0e32", "\u0e33"))


def printed(driver: object) -> bytes:
    result = driver.execute_cdp_cmd("Page.printToPDF", {  # type: ignore[attr-defined]
        "preferCSSPageSize": True, "printBackground": False})
    return base64.b64decode(result["data"])


def test_meeting_prints_as_an_a4_report(browser) -> None:
    from pypdf import PdfReader

    base, driver = browser
    driver.get(base + GALLERY)
    driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    pdf = PdfReader(io.BytesIO(printed(driver)))
    text = pdf_text(pdf)
    width, height = (float(v) for v in pdf.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert 1 <= len(pdf.pages) <= PRINT_PAGES
    assert [word for word in NAVIGATION if bare(word) in text] == []
    for heading in ("ผู้เข้าร่วม", "สิ่งที่ต้องทำต่อ", "ภาพและสื่อประกอบ", "ที่มา"):  # the report is there
        assert bare(heading) in text, heading
    assert base + "stakeholders/" in text  # an in-site link written out in full
