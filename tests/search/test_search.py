"""Thai search: index normalisation (Python) and, in Chromium, the same rules and the queries
readers type, through window.kbSearch and through the search box."""

from __future__ import annotations

import json

import pytest

from generator.search.equivalents import equivalents
from generator.search.index import normalize, shard_of, trigrams
from tests.conftest import FIXTURES

QUERIES = json.loads((FIXTURES / "search-queries.json").read_text("utf-8"))  # copy of ../shared/
SAMPLES = ["พมจ.ตรัง,สตูล,ยะลา", "เขต ๑๒", "กขป.เขต 12", "iMed@home", "(กปท.)", "กองทุนฟื้นฟูฯ",
           "วันที่ ๗ กรกฎาคม ๒๕๖๓", "ผู้สุงอายุ กลุ่งเสียง", "TPMAP ของ พม.", "น้ำ นํ้า", "Trang Care"]


@pytest.mark.parametrize(("text", "expected"), [
    ("เขต ๑๒", "เขต12"), ("เขต 12", "เขต12"), ("๒๕๖๗", "2567"), ("กปท.", "กปท"), ("กปท", "กปท"),
    ("สสจ.ตรัง", "สสจตรัง"), ("iMed@home", "imedhome"), ("trang care", "trangcare"),
    ("กองทุนฟื้นฟูฯ", "กองทุนฟื้นฟู"), ("นํ้า", "น้ำ"),
])
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_marks_are_kept_so_similar_words_stay_apart() -> None:
    assert normalize("กลุ่ม") != normalize("กลม")
    assert normalize("ตรัง") != normalize("ตรง")


def test_a_phrase_typed_with_or_without_spaces_has_the_same_grams() -> None:
    assert trigrams(normalize("กองทุน ฟื้นฟู")) == trigrams(normalize("กองทุนฟื้นฟู"))


def test_glossary_abbreviations_and_full_names_are_one_group() -> None:
    group = equivalents().form_group
    assert group["สสจ"] == group["สำนักงานสาธารณสุขจังหวัด"]
    assert all(len(form) >= 2 for form in group)


def test_shard_hash_is_stable() -> None:
    assert shard_of("กขป", 1) == 0
    assert shard_of("กขป", 97) == shard_of("กขป", 97)


def kb_search(driver, query: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "kbSearch(arguments[0]).then(done, e => done({error: String(e)}));", query)


def paths(base: str, results: list[dict]) -> list[str]:
    return [r["url"].removeprefix(base.rstrip("/")) for r in results]


@pytest.mark.browser
def test_browser_normalizes_like_the_index(browser) -> None:  # type: ignore[no-untyped-def]
    _, driver = browser
    got = driver.execute_script("return arguments[0].map(kbSearchNormalize)", SAMPLES)
    assert got == [normalize(s) for s in SAMPLES]


@pytest.mark.browser
@pytest.mark.parametrize("case", QUERIES, ids=[c["q"] for c in QUERIES])
def test_example_queries_through_kbsearch(browser, case: dict) -> None:  # type: ignore[no-untyped-def]
    base, driver = browser
    results = kb_search(driver, case["q"])
    found = paths(base, results)
    if not case["expect"]:
        assert found == []
    for meeting in case["expect"]:
        assert f"/meetings/{meeting}/" in found[:10], (case["q"], found)
    assert all(set(r) >= {"url", "title"} for r in results)


@pytest.mark.browser
@pytest.mark.parametrize(("query", "same_as"), [
    ("เขต ๑๒", "เขต 12"), ("กปท", "กปท."), ("สสจ.", "สำนักงานสาธารณสุขจังหวัด"),
    ("กองทุน ฟื้นฟู", "กองทุนฟื้นฟู"), ("IMED@HOME", "imed home"),
])
def test_equivalent_queries_find_the_same_pages(browser, query: str, same_as: str) -> None:  # type: ignore[no-untyped-def]
    """The same pages hold the whole phrase (words typed apart also bring pages holding them
    apart, after those)."""
    base, driver = browser
    first, second = (paths(base, [r for r in kb_search(driver, q) if r["whole"]]) for q in (query, same_as))
    assert first and sorted(first) == sorted(second)


@pytest.mark.browser
@pytest.mark.parametrize("query", ["ไดโนเสาร์", "รถไฟฟ้า", "zzzz", "ก"])
def test_queries_in_no_page_return_nothing(browser, query: str) -> None:  # type: ignore[no-untyped-def]
    assert kb_search(browser[1], query) == []


@pytest.mark.browser
def test_title_matches_rank_above_body_matches(browser) -> None:  # type: ignore[no-untyped-def]
    base, driver = browser
    found = paths(base, kb_search(driver, "ศูนย์อาสาสมัคร ม.อ."))
    assert found[0] == "/stakeholders/psu-volunteer-centre/"


@pytest.mark.browser
def test_results_carry_kind_thai_date_and_highlighted_snippet(browser) -> None:  # type: ignore[no-untyped-def]
    base, driver = browser
    result = kb_search(driver, "วัคซีน")[0]
    assert result["kind"] == "การประชุม" and result["date"] == "3 สิงหาคม 2564"
    assert result["snippet"]["match"] == "วัคซีน"


@pytest.mark.browser
def test_search_box_shows_the_same_results(browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, driver = browser
    driver.get(base + "meetings/")
    box = driver.find_element(By.CSS_SELECTOR, ".md-header form.kb-search input")
    box.send_keys("ขยะติดเชื้อ")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".kb-search__results .kb-search__link"))
    links = driver.find_elements(By.CSS_SELECTOR, ".kb-search__results .kb-search__link")
    shown = [link.get_attribute("href") for link in links]
    assert shown == [r["url"] for r in kb_search(driver, "ขยะติดเชื้อ")]
    marks = driver.find_elements(By.CSS_SELECTOR, ".kb-search__results mark")
    assert marks and marks[0].text == "ขยะติดเชื้อ"
    links[0].click()
    assert driver.find_element(By.CSS_SELECTOR, "article h1").text


@pytest.mark.browser
def test_search_page_reads_the_query_from_the_url(browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, driver = browser
    driver.get(base + "search/?q=" + "พี่เลี้ยง")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#kb-search-page .kb-search__link"))
    hrefs = [a.get_attribute("href") for a in
             driver.find_elements(By.CSS_SELECTOR, "#kb-search-page .kb-search__link")]
    assert base + "meetings/2020-01-06-region12-informal-workers/" in hrefs


@pytest.mark.browser
@pytest.mark.parametrize(("query", "page"), [
    ("COVID", "/meetings/2021-08-03-region10-covid-charter/"),  # the pages say โควิด-19
    ("NHSO", "/stakeholders/nhso/"),  # สปสช.
    ("Songkhla", "/meetings/2020-01-06-region12-informal-workers/"),  # สงขลา
    ("โหนดแฟลกชิป", "/meetings/2025-04-10-kkp12-vulnerable-groups/"),  # node flagship
    ("การดูแลระยะยาว", "/meetings/2022-05-12-chumphon-coordination-centre/"),  # กองทุน ltc
])
def test_a_query_finds_pages_written_in_the_other_script(browser, query: str, page: str) -> None:  # type: ignore[no-untyped-def]
    base, driver = browser
    assert page in paths(base, kb_search(driver, query))[:10]


@pytest.mark.browser
def test_search_page_groups_results_by_kind(browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, driver = browser
    ranked = kb_search(driver, "อาสาสมัคร")
    driver.get(base + "search/?q=" + "อาสาสมัคร")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#kb-search-page .kb-search__group"))
    groups = driver.find_elements(By.CSS_SELECTOR, "#kb-search-page .kb-search__group")
    kinds = [g.get_attribute("data-kind") for g in groups]
    assert kinds == list(dict.fromkeys(r["type"] for r in ranked))  # in the order their best page ranks
    assert len(kinds) >= 3
    for group in groups:
        items = group.find_elements(By.CSS_SELECTOR, ".kb-search__item")
        assert {i.get_attribute("data-kind") for i in items} == {group.get_attribute("data-kind")}
        assert group.find_element(By.CSS_SELECTOR, "h2").text.endswith(f"({len(items)})")
