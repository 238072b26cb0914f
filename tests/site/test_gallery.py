"""A meeting with 20 photos in headless Chromium: lazy images load as they are scrolled to,
the lightbox opens, arrows move, the caption is a live region, Esc closes and focus returns,
no console error, no failed request, no layout shift."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from tests.browser import console_errors, failed_requests, served_chromium, wait
from tests.conftest import FIXTURES, ROOT
from tests.sitebuild import build

pytestmark = [pytest.mark.browser, pytest.mark.slow]
MEETING = "2025-04-10-kkp12"
PAGE = f"meetings/{MEETING}/"
PHOTOS = 20
VENDOR = ROOT / "site_templates" / "docs" / "assets" / "vendor" / "photoswipe"
NPM = ROOT / "tools" / "vendor" / "node_modules" / "photoswipe"


def caption(n: int) -> str:
    return f"ภาพการประชุมช่วงที่ {n}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("gallery")
    tree = root / "content"
    shutil.copytree(FIXTURES / "valid", tree)
    folder = tree / "media" / MEETING
    folder.mkdir(parents=True)
    items = []
    for n in range(1, PHOTOS + 1):
        image = Image.new("RGB", (800, 600), (20 + n * 11, 90, 200 - n * 8))
        ImageDraw.Draw(image).rectangle((100 + n * 20, 150, 400 + n * 10, 450), fill=(240, 240, 230))
        image.save(folder / f"IMG_{n:04d}.jpg", quality=80)
        items += ["  - kind: photo", f"    file: IMG_{n:04d}.jpg", f"    caption: {caption(n)}"]
    record = tree / "meetings" / f"{MEETING}.yaml"
    text = record.read_text("utf-8").replace("body: |\n  เนื้อหาการประชุม\n", "")
    body = "".join(f"  ย่อหน้าที่ {n} ของบันทึกการประชุม กลุ่มเปราะบางทางสังคมและการดูแลคุณภาพชีวิต\n\n" for n in range(80))
    record.write_text(text + "body: |\n" + body + "media:\n" + "\n".join(items) + "\n", "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_CACHE_DIR", str(root / "cache"))
        yield build(tree, root / "site")


@pytest.fixture(scope="module")
def browser(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, object]]:
    with served_chromium(site, tmp_path_factory.mktemp("chromium")) as served:
        yield served



LOADED = "return [...document.querySelectorAll('.kb-gallery img')].map(i => i.complete && i.naturalWidth > 0)"
# Layout shifts since the page started loading: all of them, and those of media elements (the
# theme's header moves a few pixels as the scroll bar appears; that is not ours)
SHIFTS = """window.kbShift = 0; window.kbMediaShifts = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) {
  window.kbShift += e.value;
  if (e.sources.some(s => s.node && s.node.closest && s.node.closest('.kb-media'))) window.kbMediaShifts += 1;
} }).observe({type: 'layout-shift', buffered: true});"""
CAPTION = "const c = document.querySelector('.pswp__kb-caption'); return c ? c.textContent : null"
FOCUSED = ("const links = [...document.querySelectorAll('a.kb-gallery__link')];"
           "const a = document.activeElement; return {index: links.indexOf(a) + 1,"
           " inDialog: !!(a && a.closest('.pswp'))}")


def test_lazy_images_load_as_they_are_scrolled_to(browser) -> None:  # type: ignore[no-untyped-def]
    base, driver = browser
    driver.set_window_size(1280, 900)
    driver.get(base + PAGE)
    driver.execute_script(SHIFTS)
    wait(lambda: driver.execute_script("return document.readyState") == "complete")
    time.sleep(0.5)
    loaded = driver.execute_script(LOADED)
    assert len(loaded) == PHOTOS
    assert not any(loaded[1:]), "photos far below the first screen were fetched at once"
    for n in range(PHOTOS):
        driver.execute_script("document.querySelectorAll('.kb-gallery li')[arguments[0]].scrollIntoView()", n)
        time.sleep(0.05)
    wait(lambda: all(driver.execute_script(LOADED)))
    webp = driver.execute_script("return [...document.querySelectorAll('.kb-gallery img')].map(i => i.currentSrc)")
    assert all(src.endswith(".webp") for src in webp)
    assert driver.execute_script("return window.kbMediaShifts") == 0
    assert driver.execute_script("return window.kbShift") < 0.01
    assert console_errors(driver) == []
    assert failed_requests(driver, base) == []


def open_at(driver, n: int, keyboard: bool) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    link = driver.find_elements(By.CSS_SELECTOR, "a.kb-gallery__link")[n - 1]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    if keyboard:
        driver.execute_script("arguments[0].focus()", link)
        link.send_keys(Keys.ENTER)
    else:
        link.click()
    wait(lambda: driver.execute_script("return !!document.querySelector('.pswp--open')"))
    wait(lambda: f"ภาพที่ {n} จาก {PHOTOS}" in (driver.execute_script(CAPTION) or ""))


def press(driver, key: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(key).perform()


@pytest.mark.parametrize("keyboard", [False, True], ids=["click", "enter"])
def test_lightbox_arrows_esc_and_focus(browser, keyboard: bool) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.keys import Keys

    base, driver = browser
    driver.get(base + PAGE)
    driver.execute_script(SHIFTS)
    open_at(driver, 3, keyboard)
    dialog = driver.execute_script("const d = document.querySelector('.pswp'); return ['role', 'aria-modal',"
                                   " 'aria-label'].map(name => d.getAttribute(name))")
    assert dialog == ["dialog", "true", "ภาพประกอบขนาดใหญ่"]
    live = driver.execute_script("return document.querySelector('.pswp__kb-caption').getAttribute('aria-live')")
    assert live == "polite"  # read out by screen readers as it changes
    assert driver.execute_script(CAPTION) == f"{caption(3)} (ภาพที่ 3 จาก {PHOTOS})"
    wait(lambda: driver.execute_script(FOCUSED)["inDialog"])
    press(driver, Keys.ARROW_RIGHT)
    wait(lambda: driver.execute_script(CAPTION) == f"{caption(4)} (ภาพที่ 4 จาก {PHOTOS})")
    shown = driver.execute_script("const i = document.querySelector('.pswp__item[aria-hidden=false] img.pswp__img');"
                                  "return i && i.currentSrc")
    assert shown and shown.endswith(".webp")
    press(driver, Keys.ARROW_LEFT)
    wait(lambda: driver.execute_script(CAPTION) == f"{caption(3)} (ภาพที่ 3 จาก {PHOTOS})")
    press(driver, Keys.ESCAPE)
    wait(lambda: driver.execute_script("return !document.querySelector('.pswp')"))
    assert driver.execute_script(FOCUSED) == {"index": 3, "inDialog": False}
    assert console_errors(driver) == []
    assert failed_requests(driver, base) == []


def test_without_javascript_each_thumbnail_links_to_the_large_image(site: Path) -> None:
    from tests.sitebuild import soup

    links = soup(site, PAGE).select("a.kb-gallery__link")
    assert len(links) == PHOTOS
    for link in links:
        target = site / link["href"].replace("../../", "")
        with Image.open(target) as image:
            assert image.format == "JPEG" and image.size == (800, 600)


def test_the_vendored_lightbox_is_the_npm_release() -> None:
    for name in ("photoswipe-lightbox.esm.min.js", "photoswipe.esm.min.js", "photoswipe.css"):
        assert (VENDOR / name).read_bytes() == (NPM / "dist" / name).read_bytes(), name
    assert (VENDOR / "LICENSE").read_bytes() == (NPM / "LICENSE").read_bytes()
