"""System maps committee staff can read and present (issue 25), measured in headless Chromium on
the built demo site: a label's size is its font size times its on-screen scale, on both demo
maps, at 1280×800 and on a 390×844 phone, and in the presentation view with each loop chosen;
a presenter's clicker (PageDown, PageUp), the arrow keys and space step through the loops."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests import maplabels
from tests.browser import chromium, console_errors, serve
from tests.conftest import CONTENT
from tests.sitebuild import build

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PRESSED = "return [...document.querySelectorAll('[data-kb-loop]')].findIndex(b => b.ariaPressed === 'true')"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    site = build(CONTENT, tmp_path_factory.mktemp("maps") / "site")
    with serve(site) as base, chromium(tmp_path_factory.mktemp("chromium")) as driver:
        yield base, driver


@pytest.fixture
def page(browser: tuple[str, Any]) -> Iterator[Any]:
    """The browser at 1280×800, its console required empty after the test."""
    base, driver = browser
    maplabels.emulate(driver, maplabels.DESKTOP)
    driver.base = base
    yield driver
    maplabels.leave(driver)
    assert console_errors(driver) == []


@pytest.mark.parametrize("size", [maplabels.DESKTOP, maplabels.PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("map_id", maplabels.MAPS)
def test_labels_are_readable_without_zooming(page: Any, map_id: str, size: tuple[int, int]) -> None:
    maplabels.emulate(page, size)
    maplabels.open_map(page, page.base, map_id)
    maplabels.scroll_to_map(page)
    found = maplabels.summary(maplabels.sizes(page))
    assert found["n"] >= 25, found  # most of the map is in the first view, not a corner of it
    assert found["median"] >= 12 and found["p10"] >= 10, found


@pytest.mark.parametrize("map_id", maplabels.MAPS)
def test_presenting_a_loop_fits_it_to_the_screen_and_dims_the_rest(page: Any, map_id: str) -> None:
    maplabels.open_map(page, page.base, map_id)
    maplabels.present(page, "R1")
    found = maplabels.summary(maplabels.sizes(page, lit_only=True))
    loop = page.execute_script("return document.querySelector('#loop-R1 [data-kb-loop]').dataset.kbLoop").split()
    assert found["n"] >= len(loop) and found["p10"] >= 20, found
    assert page.execute_script(maplabels.IN_MAP + "return doc.documentElement.classList.contains('kb-dim')")
    # the loop's name is shown, as the list names it
    assert page.execute_script("return document.querySelector('.kb-loops__now').textContent").startswith("R1 ")


@pytest.mark.parametrize("map_id", maplabels.MAPS)
def test_every_loop_is_presented_at_20_px(page: Any, map_id: str) -> None:
    """Each loop in turn, at 1280×800: framed on the map, or drawn alone when the map's layout
    would leave it smaller (a loop of 7 factors, top to bottom, read at 17 px), the map dimmed."""
    maplabels.open_map(page, page.base, map_id)
    maplabels.present(page, None)
    found = {}
    for name in maplabels.loop_names(page):
        maplabels.choose(page, name)
        found[name] = each = maplabels.summary(maplabels.sizes(page, lit_only=True))
        loop = page.execute_script(f"return document.querySelector('#loop-{name} [data-kb-loop]').dataset.kbLoop")
        assert each["n"] >= len(loop.split()), (name, each)
        assert page.execute_script(maplabels.IN_MAP + "return doc.documentElement.classList.contains('kb-dim')")
    small = {name: each for name, each in found.items() if min(each["median"], each["p10"]) < 20}
    assert len(found) >= 2 and not small, found


def test_presenter_keys_step_through_the_loops_and_back_to_the_whole_map(page: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    def press(key: str) -> int:
        ActionChains(page).send_keys(key).perform()
        time.sleep(0.2)
        return int(page.execute_script(PRESSED))

    maplabels.open_map(page, page.base, maplabels.MAPS[1])
    loops = page.execute_script("return document.querySelectorAll('[data-kb-loop]').length")
    page.execute_script("document.querySelector('[data-kb-present]').click()")
    time.sleep(0.3)
    whole = page.execute_script(maplabels.IN_MAP + "return doc.documentElement.getAttribute('viewBox')")
    assert press(Keys.PAGE_DOWN) == 0  # R1
    assert press(Keys.PAGE_DOWN) == 1
    assert press(Keys.PAGE_UP) == 0
    assert press(Keys.ARROW_RIGHT) == 1 and press(Keys.SPACE) == 2 and press(Keys.ARROW_LEFT) == 1
    assert page.execute_script("return document.querySelector('.kb-present--on')")  # still presenting
    for _ in range(loops - 2):  # on to the last loop
        press(Keys.PAGE_DOWN)
    assert press(Keys.PAGE_DOWN) == -1  # past the last loop: the whole map again
    assert page.execute_script(maplabels.IN_MAP + "return doc.documentElement.getAttribute('viewBox')") == whole
    assert press(Keys.PAGE_UP) == loops - 1
    press(Keys.ESCAPE)
    assert not page.execute_script("return document.querySelector('.kb-present--on')")
    scrolled = page.execute_script("return scrollY")
    press(Keys.PAGE_DOWN)  # outside the presentation the keys are the page's again
    assert page.execute_script("return scrollY") > scrolled
