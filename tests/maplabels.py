"""How big a system map's labels are on screen, in headless Chromium (issue 25).

A label's size is its font size times its on-screen scale (the text's screen transform), in CSS
pixels, as a reader sees it. Used by tests/site/test_map_readability.py; run it alone to measure
a built site and save screenshots:

    .venv/bin/python -m tests.maplabels SITE_DIR OUT_DIR PREFIX
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DESKTOP = (1280, 800)
PHONE = (390, 844)
MAPS = ("kkp12-vulnerable-groups", "kkp12-long-term-care")
IN_MAP = "const doc = document.querySelector('.kb-mapview object').contentDocument;"
# the labels a reader can see: inside the window and the map's view (and lit, when a loop is
# chosen), or those of the loop's own drawing when the presentation view shows it instead
SIZES = """
const alone = document.querySelector('.kb-mapview .kb-loopview--ready');
const shown = alone || document.querySelector('.kb-mapview object');
const doc = shown.contentDocument;
const only = arguments[0] && !alone; const out = [];
const frame = shown.getBoundingClientRect();
const view = document.querySelector('.kb-mapview .kb-zoom__view').getBoundingClientRect();
for (const t of doc.querySelectorAll('text')) {
  if (only && !t.closest('.kb-on')) continue;
  const m = t.getScreenCTM(); const box = t.getBoundingClientRect();
  const x = frame.x + box.x + box.width / 2, y = frame.y + box.y + box.height / 2;
  if (x < Math.max(0, view.left) || y < Math.max(0, view.top)) continue;
  if (x > Math.min(innerWidth, view.right) || y > Math.min(innerHeight, view.bottom)) continue;
  out.push(parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b));
}
return out;"""


def emulate(driver: Any, size: tuple[int, int]) -> None:
    """The viewport of a desktop window or of a phone (touch, mobile layout)."""
    phone = size[0] < 600
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": size[0], "height": size[1], "deviceScaleFactor": 2 if phone else 1, "mobile": phone})
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": phone})


def open_map(driver: Any, base: str, map_id: str) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{base}systemmaps/{map_id}/")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        IN_MAP + "return doc && doc.documentElement.classList.contains('kb-zoom__svg')"))
    time.sleep(0.3)


def scroll_to_map(driver: Any) -> None:
    """The map's top at the top of the window, as after a reader scrolls (or taps) to it."""
    driver.execute_script("const v = document.querySelector('.kb-mapview .kb-zoom');"
                          "const header = document.querySelector('.md-header').offsetHeight;"
                          "scrollTo(0, v.getBoundingClientRect().top + scrollY - header - 8);")
    time.sleep(0.2)


def present(driver: Any, loop: str | None = "R1") -> None:
    """The presentation view, with a loop chosen (None: the whole map)."""
    driver.execute_script("document.querySelector('[data-kb-present]').click()")
    time.sleep(0.4)
    if loop:
        choose(driver, loop)


def choose(driver: Any, loop: str) -> None:
    """A loop chosen, and its own drawing loaded when the view shows that instead of the map."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_script(f"document.querySelector('#loop-{loop} [data-kb-loop]').click()")
    time.sleep(0.6)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return !document.querySelector('.kb-zoom__view--alone') || document.querySelector('.kb-loopview--ready')"))
    time.sleep(0.1)


def leave(driver: Any) -> None:
    if driver.execute_script("return Boolean(document.querySelector('.kb-present--on'))"):
        driver.execute_script("document.querySelector('[data-kb-present]').click()")
    if driver.execute_script("return document.fullscreenElement !== null"):
        driver.execute_script("document.exitFullscreen()")


def sizes(driver: Any, lit_only: bool = False) -> list[float]:
    return [float(s) for s in driver.execute_script(SIZES, lit_only)]


def summary(values: list[float]) -> dict[str, float]:
    """Median and 10th percentile (the size nine labels in ten are at least)."""
    if not values:
        return {"n": 0, "median": 0.0, "p10": 0.0}
    ordered = sorted(values)
    p10 = ordered[int(0.1 * (len(ordered) - 1))]
    return {"n": len(values), "median": round(statistics.median(values), 1), "p10": round(p10, 1)}


def screenshot(driver: Any, path: Path) -> None:
    """A PNG kept small: the viewport, palette-reduced by Pillow."""
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(driver.get_screenshot_as_png())).convert("RGB")
    if image.width > 800:
        image = image.resize((image.width * 3 // 4, image.height * 3 // 4), Image.Resampling.LANCZOS)
    image.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def loop_names(driver: Any) -> list[str]:
    """The map's loops as its page lists them: R1, R2 … B1 …"""
    return [str(name) for name in driver.execute_script(
        "return [...document.querySelectorAll('.kb-loops__list li')].map(li => li.id.slice(5))")]


def present_each(driver: Any) -> dict[str, dict[str, float]]:
    """Every loop in the presentation view, chosen in turn: its labels' sizes."""
    present(driver, None)
    found = {}
    for name in loop_names(driver):
        choose(driver, name)
        found[name] = summary(sizes(driver, lit_only=True))
    return found


def measure_all(driver: Any, base: str, out: Path | None = None, prefix: str = "") -> dict[str, dict]:
    """Desktop, phone (the map's first view, scrolled to) and presentation with each loop chosen
    (the screenshot with the last)."""
    found: dict[str, dict] = {}
    for map_id in MAPS:
        for view, size in (("desktop", DESKTOP), ("phone", PHONE), ("present", DESKTOP)):
            emulate(driver, size)
            try:
                open_map(driver, base, map_id)
            except Exception:  # noqa: BLE001 - a map the site does not have (the before site)
                break
            if view == "present":
                found |= {f"{map_id} present {name}": each for name, each in present_each(driver).items()}
            else:
                scroll_to_map(driver)
                found[f"{map_id} {view}"] = summary(sizes(driver))
            if out is not None:
                screenshot(driver, out / f"{prefix}-{map_id}-{view}.png")
            leave(driver)
    return found


def main() -> None:
    from tests.browser import chromium, serve

    site, out, prefix = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, serve(site) as base, chromium(Path(tmp)) as driver:
        for name, figures in measure_all(driver, base, out, prefix).items():
            print(f"{name:<40} {figures}")


if __name__ == "__main__":
    main()
