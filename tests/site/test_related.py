"""Related pages, series links and topic/hashtag stories as a reader meets them (issue 17):
every demo meeting page against the rules, small corpora for what the demo lacks, and the
judged pairs of tests/fixtures/judged/related.yaml."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.bench.relevance import imported_corpus, index_of, judged, related_figures
from generator.records.validate import validate_content
from generator.site.build import build_site
from generator.site.related import LEADS, related_pages
from tests.conftest import CONTENT
from tests.sitebuild import build, soup

FOLDERS = {"meetings": "meeting", "proposals": "proposal", "areas": "area", "systemmaps": "systemmap",
           "stakeholders": "stakeholder", "topics": "topic"}
DEMO_MEETINGS = sorted(p.stem for p in (CONTENT / "meetings").glob("*.yaml"))
K25, M20 = "2025-04-10-kkp12-vulnerable-groups", "2020-07-07-manang-vulnerable-groups"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(CONTENT, tmp_path_factory.mktemp("related") / "site")


def record_of(page_url: str, href: str) -> str | None:
    """'meetings/x' for a link to a record page, else None."""
    path = unquote(urljoin("/" + page_url, href.split("#")[0])).strip("/").split("/")
    return "/".join(path) if len(path) == 2 and path[0] in FOLDERS else None


def related_items(page: BeautifulSoup, url: str) -> list[tuple[str, str]]:
    items = page.select(".kb-related-list li")
    return [(str(record_of(url, li.select_one("a")["href"])), li.select_one(".kb-reason").get_text(strip=True))
            for li in items]


def linked_elsewhere(page: BeautifulSoup, url: str) -> set[str]:
    """Records the page links outside its related list and its series links."""
    article = page.select_one("article.kb-record")
    for part in article.select(".kb-related, .kb-series"):
        part.decompose()
    found = {record_of(url, a["href"]) for a in article.select("a[href]")}
    return {f for f in found if f}


@pytest.mark.slow
@pytest.mark.parametrize("meeting", DEMO_MEETINGS)
def test_every_demo_meeting_page_follows_the_related_rules(site: Path, meeting: str) -> None:
    url = f"meetings/{meeting}/"
    page = soup(site, url)
    items = related_items(page, url)
    assert 3 <= len(items) <= 6, items
    kinds = [FOLDERS[target.split("/")[0]] for target, _ in items]
    assert sum(kind in LEADS for kind in kinds) > len(kinds) / 2, kinds  # mostly what readers read next
    assert not {target for target, _ in items} & linked_elsewhere(page, url)
    assert f"meetings/{meeting}" not in {target for target, _ in items}
    for _, reason in items:
        assert re.search("[\u0e01-\u0e4e]", reason), reason  # a reason, in Thai


@pytest.mark.slow
def test_the_region12_meetings_on_vulnerable_groups_list_each_other(site: Path) -> None:
    on_k25 = dict(related_items(soup(site, f"meetings/{K25}/"), f"meetings/{K25}/"))
    on_m20 = dict(related_items(soup(site, f"meetings/{M20}/"), f"meetings/{M20}/"))
    assert f"meetings/{M20}" in on_k25 and f"meetings/{K25}" in on_m20
    reason = on_k25[f"meetings/{M20}"]
    assert "ประเด็นเดียวกัน" in reason and "ภาคีร่วม 1 แห่ง" in reason


@pytest.mark.slow
def test_topic_page_tells_the_story_over_time(site: Path) -> None:
    page = soup(site, "topics/vulnerable-groups/")
    years = [h.get_text() for h in page.select(".kb-story-meetings h3")]
    assert years == ["พ.ศ. 2568", "พ.ศ. 2563"]  # newest first, in the Buddhist era
    first = page.select(".kb-story-meetings .kb-cards")[0].select("a")
    assert any(a["href"] == f"../../meetings/{K25}/" for a in first)
    rows = {tr.select_one("a")["href"]: tr.select_one(".kb-status").get_text()
            for tr in page.select(".kb-story-proposals tbody tr")}
    assert rows["../../proposals/manang-single-database/"] == "ได้รับการยอมรับ"
    assert rows["../../proposals/kkp12-one-stop-service/"] == "เสนอ"
    assert "../../areas/palm-phatthana-manang/" in {a["href"] for a in page.select(".kb-story-areas a")}
    people = [(li.select_one("a")["href"], int(li.select_one(".kb-count").get_text().split()[0]))
              for li in page.select(".kb-story-people li")]
    assert people[0][0] == "../../stakeholders/kkp-region-12/"  # in every part of the story
    assert [n for _, n in people] == sorted((n for _, n in people), reverse=True)


@pytest.mark.slow
def test_hashtag_page_tells_the_story_too(site: Path) -> None:
    page = soup(site, "tags/กขป-เขต12/")
    assert [h.get_text() for h in page.select(".kb-story-meetings h3")] == ["พ.ศ. 2568"]
    assert page.select(".kb-story-proposals tbody tr")
    assert page.select(".kb-story-people li")


# ---- small corpora: what the demo content does not show ----

def write(content: Path, folder: str, record: dict[str, Any]) -> None:
    (content / folder).mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
    (content / folder / f"{record['id']}.yaml").write_text(text, "utf-8")


def meeting(record_id: str, day: str, **fields: Any) -> dict[str, Any]:
    return {"id": record_id, "title": f"การประชุม {record_id}", "date": day} | fields


def stakeholder(record_id: str) -> dict[str, Any]:
    return {"id": record_id, "title": f"ภาคี {record_id}", "kind": "organization", "name": f"หน่วยงาน {record_id}"}


def attending(*who: str) -> list[dict[str, str]]:
    return [{"who": w} for w in who]


def test_a_stakeholder_every_meeting_shares_counts_less_than_a_rare_one(tmp_path: Path) -> None:
    """m1 shares two region-wide bodies with m2 and one rare partner with m3: m3 leads."""
    content = tmp_path / "content"
    for s in ("everyone-a", "everyone-b", "rare"):
        write(content, "stakeholders", stakeholder(s))
    titles = iter(["ข้าว", "ปลา", "น้ำ", "ป่า", "เขา", "ทะเล", "ลม", "ฝน", "ดิน", "ไฟ", "ฟ้า"])
    def add(record_id: str, day: str, *who: str) -> None:  # different words, so no text in common
        write(content, "meetings", meeting(record_id, day, title=next(titles), attendees=attending(*who)))

    add("m1", "2024-06-01", "everyone-a", "everyone-b", "rare")
    add("m2", "2024-01-01", "everyone-a", "everyone-b")  # as far from m1 in time as m3
    add("m3", "2024-11-01", "rare")
    for n in range(4, 12):
        add(f"m{n}", f"20{10 + n}-01-01", "everyone-a", "everyone-b")
    loaded = validate_content(content)
    assert loaded.ok, loaded.diagnostics[:3]
    listed = [r for r in related_pages(index_of(loaded))["m1"] if not r.role]
    assert listed[0].id == "m3"
    assert listed[0].reason.startswith("ภาคีร่วม 1 แห่ง")


def test_meetings_in_a_series_link_back_and_on(tmp_path: Path) -> None:
    """a names b as its next meeting; b gives c's date only, and c shares b's organiser."""
    content = tmp_path / "content"
    write(content, "stakeholders", stakeholder("org"))
    write(content, "meetings", meeting("a", "2024-01-10", next_meetings=[
        {"date": "2024-02-10", "title": "ครั้งที่ 2", "meeting": "b"}]))
    write(content, "meetings", meeting("b", "2024-02-10", organizers=["org"], next_meetings=[
        {"date": "2024-03-10", "title": "ครั้งที่ 3"}]))
    write(content, "meetings", meeting("c", "2024-03-10", organizers=["org"]))
    write(content, "meetings", meeting("other-same-day", "2024-03-10"))
    loaded = validate_content(content)
    assert loaded.ok, loaded.diagnostics[:3]
    built = build_site(loaded)
    html = BeautifulSoup(built.page("meetings/b.md").html, "html.parser")
    series = {li.select_one(".kb-series-label").get_text(): li.select_one("a")["href"]
              for li in html.select(".kb-series li")}
    assert series == {"ครั้งก่อน": "../../meetings/a/", "ครั้งต่อไป": "../../meetings/c/"}
    first = BeautifulSoup(built.page("meetings/a.md").html, "html.parser")
    assert [li.get_text(" ", strip=True).split()[0] for li in first.select(".kb-series li")] == ["ครั้งต่อไป"]
    assert not BeautifulSoup(built.page("meetings/other-same-day.md").html, "html.parser").select(".kb-series")


def test_a_proposal_shows_its_current_status_on_its_topic_page(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write(content, "topics", {"id": "t", "title": "ประเด็น"})
    write(content, "meetings", meeting("m", "2024-01-10", topics=["t"]))
    write(content, "proposals", {"id": "p", "title": "ข้อเสนอ", "statement": "ข้อความ", "topics": ["t"], "history": [
        {"date": "2024-01-10", "status": "proposed", "meeting": "m"},
        {"date": "2024-06-01", "status": "in-progress"}]})
    loaded = validate_content(content)
    assert loaded.ok, loaded.diagnostics[:3]
    html = BeautifulSoup(build_site(loaded).page("topics/t.md").html, "html.parser")
    row = html.select_one(".kb-story-proposals tbody tr")
    assert row.select_one(".kb-status").get_text() == "กำลังดำเนินการ"
    assert row.select_one(".kb-date").get_text() == "1 มิถุนายน 2567"


# ---- the judged pairs ----

def test_judged_pairs_on_the_demo_content() -> None:
    index = index_of(validate_content(CONTENT))
    figures = related_figures(index, related_pages(index), judged()["demo"])
    assert figures.shown >= 12 and figures.precision >= 0.85
    assert figures.found >= 0.6
    assert figures.leads == 1.0


@pytest.mark.slow
def test_judged_pairs_on_imported_real_posts(tmp_path: Path) -> None:
    index = index_of(imported_corpus(tmp_path / "content"))
    cases = judged()
    figures = related_figures(index, related_pages(index), cases["imported_pairs"])
    assert figures.shown >= 10 and figures.precision >= 0.85
    assert figures.found >= 0.6
    assert figures.leads >= 0.9
    assert len(cases["demo"]) + len(cases["imported_pairs"]) >= 20
