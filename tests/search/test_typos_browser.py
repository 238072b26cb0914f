"""Forgiving one slip (issue 29) in Chromium on the built demo site: the issue's four queries
find their page, marked as found by a close spelling, with "หมายถึง …?" linking the spelling
the site uses; exact results rank above forgiven ones; nonsense shows the empty state; the
browser names slips and corrects queries as generator.search.typos does."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from generator.search.text import normalize
from generator.search.typos import TRIES, corrections, load_words, one_slip
from tests.browser import console_errors
from tests.search.test_typos import JUDGED, demo

pytestmark = pytest.mark.browser
ISSUE = [  # the query, what the site writes, the page it must find
    ("แรงานนอกระบบ", "แรงงานนอกระบบ", "meetings/2020-01-06-region12-informal-workers/"),
    ("ธรรมนูนโควิด", "ธรรมนูญโควิด", "meetings/2021-08-03-region10-covid-charter/"),
    ("กลุ่มเปาะบาง", "กลุ่มเปราะบาง", "meetings/2025-04-10-kkp12-vulnerable-groups/"),
    ("ศูนประสานหลักประกันสุขภาพ", "ศูนย์ประสานหลักประกันสุขภาพ", "meetings/2022-05-12-chumphon-coordination-centre/"),
]


def call(driver, function: str, *args: object):  # type: ignore[no-untyped-def]
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"{function}(...Array.from(arguments).slice(0, -1)).then(done, e => done({{error: String(e)}}));", *args)


def wait_for(driver, selector: str):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, selector))
    return driver.find_elements(By.CSS_SELECTOR, selector)


@pytest.mark.parametrize(("typed", "right", "page"), ISSUE, ids=[i[0] for i in ISSUE])
def test_a_query_with_one_slip_finds_its_page_marked_forgiven(browser, typed: str, right: str, page: str) -> None:  # type: ignore[no-untyped-def]
    base, driver = browser
    results = call(driver, "kbSearch", typed)
    found = [r["url"].removeprefix(base) for r in results]
    assert page in found[:10], found
    hit = results[found.index(page)]
    assert hit["forgiven"] is True and hit["suggestion"] == right and not hit["whole"]


@pytest.mark.parametrize(("typed", "right", "page"), ISSUE, ids=[i[0] for i in ISSUE])
def test_the_search_page_offers_the_sites_spelling_and_runs_it(browser, typed: str, right: str, page: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    base, driver = browser
    driver.get(base + "search/?q=" + quote(typed))
    offer = wait_for(driver, "#kb-search-page .kb-search__suggest")[0]
    assert offer.text == f"หมายถึง {right}?"
    marks = driver.find_elements(By.CSS_SELECTOR, "#kb-search-page .kb-search__forgiven")
    assert marks and {m.text for m in marks} == {f"ผลจากคำสะกดใกล้เคียง: {right}"}
    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#kb-search-page .kb-search__link")]
    assert base + page in hrefs
    link = offer.find_element(By.CSS_SELECTOR, "a.kb-search__suggestion")
    assert link.get_attribute("href") == base + "search/?q=" + quote(right)
    link.click()
    wait_for(driver, "#kb-search-page .kb-search__link")
    assert driver.find_element(By.CSS_SELECTOR, "#kb-search-page input").get_attribute("value") == right
    assert not driver.find_elements(By.CSS_SELECTOR, "#kb-search-page .kb-search__suggest, .kb-search__forgiven")
    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#kb-search-page .kb-search__link")]
    assert base + page in hrefs
    assert console_errors(driver) == []


def test_the_header_box_marks_forgiven_results_too(browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    base, driver = browser
    driver.get(base + "meetings/")
    driver.find_element(By.CSS_SELECTOR, ".md-header form.kb-search input").send_keys("ธรรมนูนโควิด")
    offer = wait_for(driver, ".md-header .kb-search__results .kb-search__suggest")[0]
    assert offer.text == "หมายถึง ธรรมนูญโควิด?"
    first = driver.find_elements(By.CSS_SELECTOR, ".md-header .kb-search__results .kb-search__item")[0]
    assert first.find_element(By.CSS_SELECTOR, ".kb-search__forgiven").text == "ผลจากคำสะกดใกล้เคียง: ธรรมนูญโควิด"
    assert first.find_element(By.CSS_SELECTOR, "a").get_attribute("href") == \
        base + "meetings/2021-08-03-region10-covid-charter/"


def test_exact_results_rank_above_forgiven_ones(browser) -> None:  # type: ignore[no-untyped-def]
    """Two pages write ผู้สุงอายุ (sic): they come first, then the pages with ผู้สูงอายุ."""
    base, driver = browser
    results = call(driver, "kbSearch", "ผู้สุงอายุ")
    forgiven = [bool(r.get("forgiven")) for r in results]
    assert forgiven[:2] == [False, False] and True in forgiven
    assert forgiven == sorted(forgiven)  # no exact result after a forgiven one
    assert {r["url"].removeprefix(base) for r in results if not r.get("forgiven")} == {
        "meetings/2021-08-03-region10-covid-charter/", "proposals/thawisin-covid-five-points/"}


@pytest.mark.parametrize("query", JUDGED["nonsense"])
def test_nonsense_finds_nothing(browser, query: str) -> None:  # type: ignore[no-untyped-def]
    assert call(browser[1], "kbSearch", query) == []


def test_nonsense_shows_the_empty_state(browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    base, driver = browser
    driver.get(base + "search/?q=" + quote("ไดโนเสาร์"))
    assert wait_for(driver, "#kb-search-page .kb-search__empty")[0].text == "ไม่พบ “ไดโนเสาร์”"
    assert not driver.find_elements(By.CSS_SELECTOR, "#kb-search-page .kb-search__suggest, .kb-search__link")


SLIPS = [("แรงงาน", "แรงาน"), ("ประสาน", "ปะรสาน"), ("ประสาน", "ประสานน"), ("ประชาชน", "ประชาขน"),
         ("ธรรมนูญ", "ธรรมนูน"), ("วัคซีน", "วัคซิน"), ("พี่เลี้ยง", "พี่เลี่ยง"), ("ศูนย์", "ศูน"),
         ("แรงงาน", "แราน"), ("พัทลุง", "มัทลุง"), ("ศูนย์", "ศู"), ("กลุ่ม", "กลม"), ("ดำเนิน", "โำเนิน")]


def test_the_browser_names_slips_as_the_index_does(browser) -> None:  # type: ignore[no-untyped-def]
    got = [call(browser[1], "kbSearchSlip", word, typed) for word, typed in SLIPS]
    assert got == [one_slip(word, typed) is not None for word, typed in SLIPS]


def test_the_browser_corrects_queries_as_the_index_does(browser) -> None:  # type: ignore[no-untyped-def]
    files, _ = demo()
    for case in JUDGED["demo"]:
        norm = normalize(case["q"])
        expected = [fix.applied(norm) for fix in corrections(norm, load_words(files, norm))]
        assert call(browser[1], "kbSearchCorrections", case["q"])[:TRIES * 2] == expected[:TRIES * 2], case["q"]
