"""Search ranking and equivalents in Chromium, on a small site made for it (issue 17): the whole
phrase above its words apart, title above summary above body, a light prior for meetings, short
abbreviations only where written as such, one gram looked up for a word with equivalents."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from generator.bench.search import write_search_site
from tests.browser import chromium, serve

pytestmark = pytest.mark.browser
PHRASE = "ธนาคารขยะชุมชน"  # a community waste bank
RECORDS: list[tuple[str, dict[str, Any]]] = [
    ("meetings", {"id": "m-title", "title": f"{PHRASE}บ้านนา", "date": "2024-01-10"}),
    ("meetings", {"id": "m-summary", "title": "ประชุมประจำเดือน", "date": "2024-02-10",
                  "summary": f"ที่ประชุมทบทวน{PHRASE}ของตำบล"}),
    ("meetings", {"id": "m-body", "title": "ประชุมสภาองค์กร", "date": "2024-03-10",
                  "body": f"ที่ประชุมเล่าเรื่อง{PHRASE}ที่ตั้งขึ้นปีก่อน"}),
    ("areas", {"id": "a-body", "title": "พื้นที่บ้านนา", "level": "village",  # the phrase twice
               "practices": [f"เล่าเรื่อง{PHRASE}ที่ตั้งขึ้นปีก่อน", f"ขยาย{PHRASE}ไปหมู่บ้านอื่น"]}),
    ("stakeholders", {"id": "s-apart", "title": "ธนาคารหมู่บ้าน", "kind": "organization",
                      "name": "ธนาคารหมู่บ้านนา", "aliases": ["ผู้ดูแลขยะชุมชน"]}),
    ("meetings", {"id": "m-word", "title": "ประชุมชาวบ้าน", "date": "2024-04-10", "body": "เรื่องสิ่งรอบตัว"}),
    ("meetings", {"id": "m-abbr", "title": "ประชุมท้องถิ่น", "date": "2024-05-10",
                  "body": "จับมืออบต.บ้านนา ร่วมกับสปสช.เขต 12"}),
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    content = tmp_path_factory.mktemp("ranking") / "content"
    for folder, record in RECORDS:
        (content / folder).mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
        (content / folder / f"{record['id']}.yaml").write_text(text, "utf-8")
    site = tmp_path_factory.mktemp("ranking-site")
    write_search_site(content, site)
    with serve(site) as base, chromium(tmp_path_factory.mktemp("chromium")) as driver:
        driver.set_script_timeout(30)
        driver.get(base)
        yield base, driver


def search(browser, query: str) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    base, driver = browser
    found = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "kbSearch(arguments[0]).then(done, e => done([{error: String(e)}]));", query)
    assert "error" not in found[0] if found else True, found
    return [r | {"id": r["url"].rstrip("/").rsplit("/", 1)[-1]} for r in found]


def test_title_then_summary_then_body(browser) -> None:  # type: ignore[no-untyped-def]
    ids = [r["id"] for r in search(browser, PHRASE)]
    assert ids.index("m-title") < ids.index("m-summary") < ids.index("m-body")


def test_a_meeting_ranks_above_another_page_holding_the_word_alike(browser) -> None:  # type: ignore[no-untyped-def]
    """Both hold it in their text, the area twice: the meeting prior still puts the report first."""
    ids = [r["id"] for r in search(browser, PHRASE)]
    assert ids.index("m-body") < ids.index("a-body")


def test_the_whole_phrase_ranks_above_its_words_apart(browser) -> None:  # type: ignore[no-untyped-def]
    results = search(browser, "ธนาคาร ขยะชุมชน")  # s-apart has ธนาคาร in its title, ขยะชุมชน elsewhere
    ids = [r["id"] for r in results]
    assert set(ids[:4]) == {"m-title", "m-summary", "m-body", "a-body"}
    assert all(r["whole"] for r in results[:4])
    assert ids[4] == "s-apart" and not results[4]["whole"]


def test_results_are_labelled_by_kind(browser) -> None:  # type: ignore[no-untyped-def]
    kinds = {r["id"]: (r["type"], r["kind"]) for r in search(browser, PHRASE)}
    assert kinds["m-title"] == ("meeting", "การประชุม")
    assert kinds["a-body"] == ("area", "พื้นที่ต้นแบบ")


def test_a_short_abbreviation_counts_only_where_written_as_one(browser) -> None:  # type: ignore[no-untyped-def]
    assert [r["id"] for r in search(browser, "อบต")] == ["m-abbr"]  # not m-word's สิ่งรอบตัว
    assert [r["id"] for r in search(browser, "องค์การบริหารส่วนตำบล")] == ["m-abbr"]
    assert [r["id"] for r in search(browser, "รอบตัว")] == ["m-word"]  # typed as a word, it is one


def test_a_word_with_equivalents_looks_up_one_gram(browser) -> None:  # type: ignore[no-untyped-def]
    """The long full name of สปสช. (33 letters, 12 grams if looked up letter by letter) costs one
    shard: every form of it shares one token in the index."""
    base, driver = browser
    driver.get(base + "?fresh")
    results = search(browser, "สำนักงานหลักประกันสุขภาพแห่งชาติ")
    assert [r["id"] for r in results] == ["m-abbr"]
    fetched = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert len([u for u in fetched if "/search/g/" in u or "/search/b/" in u]) == 1
    assert results[0]["snippet"]["match"] == "สปสช"
