"""The built website of the demo content: what a reader sees, checked with CSS selectors."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from tests.conftest import CONTENT
from tests.sitebuild import build, soup

pytestmark = pytest.mark.slow
M000 = "meetings/2025-04-10-kkp12-vulnerable-groups/"
M001 = "meetings/2020-07-07-manang-vulnerable-groups/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(CONTENT, tmp_path_factory.mktemp("demo") / "site")


def test_meeting_page_shows_be_date_mode_and_region(site: Path) -> None:
    page = soup(site, M000)
    assert page.select_one("article h1").get_text() == "กขป.เขต 12 สุขภาวะกลุ่มเปราะบางทางสังคม"
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True)
             for dt in page.select(".kb-facts dt")}
    assert facts["วันที่"] == "10 เมษายน 2568"
    assert facts["รูปแบบ"] == "ประชุมทางไกล (ออนไลน์)"
    assert facts["จำนวนผู้เข้าร่วม"] == "32 คน"
    assert page.select_one(".kb-facts a[href='../../regions/12/']").get_text() == "เขตสุขภาพที่ 12"


def test_meeting_attendees_link_to_stakeholder_pages(site: Path) -> None:
    links = soup(site, M000).select(".kb-attendees td a")
    assert len(links) >= 10
    for link in links:
        target = urljoin("/" + M000, link["href"])
        assert (site / target.strip("/") / "index.html").is_file(), target
    assert "ppho-trang" in {link["href"].split("/")[-2] for link in links}


def test_related_topics_have_reasons(site: Path) -> None:
    items = soup(site, M000).select(".kb-related-list li")
    assert 1 <= len(items) <= 5
    for item in items:
        assert item.select_one("a")["href"].startswith("../../")
        assert item.select_one(".kb-reason").get_text().strip()
    assert soup(site, M000).select_one("#kb-related-h").get_text() == "เรื่องที่เกี่ยวข้อง"


def test_stakeholder_page_lists_its_meetings_and_proposals(site: Path) -> None:
    page = soup(site, "stakeholders/ppho-trang/")
    meetings = [a["href"] for a in page.select(".kb-meetings li > a")]
    assert "../../" + M000 in meetings
    leads = [a["href"] for a in soup(site, "stakeholders/nhso-region-12/").select(".kb-leads li a")]
    assert "../../proposals/kkp12-central-information-system/" in leads


def test_area_page_shows_where_it_was_presented(site: Path) -> None:
    page = soup(site, "areas/tamnan-phatthalung/")
    assert [a["href"] for a in page.select(".kb-presented a")] == ["../../" + M000]


def test_hashtag_forms_meet_on_one_tag_page(site: Path) -> None:
    index = soup(site, "tags/")
    labels = [a.get_text() for a in index.select(".kb-tag-index a")]
    assert labels.count("#กขป.เขต 12") == 1
    page = soup(site, "tags/กขป-เขต12/")
    hrefs = {a["href"] for a in page.select(".kb-cards a")}
    assert "../../" + M000 in hrefs


def test_lists_are_newest_first_and_thai_ordered(site: Path) -> None:
    dates = [li.select_one(".kb-date").get_text() for li in soup(site, "meetings/").select(".kb-card")]
    assert dates[0] == "10 เมษายน 2568" and dates[-1] == "6 มกราคม 2563"
    titles = [a.get_text() for a in soup(site, "topics/").select(".kb-card > a")]
    from generator.thai import thai_sorted
    assert titles == thai_sorted(titles)


def test_sidebar_lists_sections_not_records(site: Path) -> None:
    nav = soup(site, M000).select(".md-nav--primary a.md-nav__link")
    assert 5 <= len(nav) <= 15
    assert not any("2025-04-10" in a.get("href", "") for a in nav)


def test_province_region_and_timeline_pages(site: Path) -> None:
    assert soup(site, "provinces/trang/").select_one("h1").get_text() == "จังหวัดตรัง"
    assert soup(site, "regions/12/").select(".kb-cards a")
    years = [h.get_text() for h in soup(site, "timeline/").select("h2")]
    assert years == ["พ.ศ. 2568", "พ.ศ. 2565", "พ.ศ. 2564", "พ.ศ. 2563"]


def test_the_timeline_has_a_page_per_year_with_its_meetings_month_by_month(site: Path) -> None:
    timeline = soup(site, "timeline/")
    row = timeline.select_one("#y2563").find_parent("section")
    assert row.select_one("h2 a")["href"] == "../timeline/2563/"
    assert row.select_one(".kb-timeline-months").get_text() == "2 เรื่อง: กรกฎาคม (1) · มกราคม (1)"
    assert row.select(".kb-timeline-months a")[1]["href"] == "../timeline/2563/#m1"
    year = soup(site, "timeline/2563/")
    assert year.select_one("h1").get_text() == "ลำดับเวลา พ.ศ. 2563"
    assert [h.get_text() for h in year.select("h2")] == ["กรกฎาคม 2563", "มกราคม 2563"]
    assert [a["href"] for a in year.select("#m1 + ul > li > a")] == [
        "../../meetings/2020-01-06-region12-informal-workers/"]
    assert year.select_one(".kb-pager strong[aria-current='page']").get_text() == "พ.ศ. 2563"
    assert [a.get_text() for a in year.select_one(".kb-pager").select("a")] == ["พ.ศ. 2568", "พ.ศ. 2565", "พ.ศ. 2564"]
    assert "2025-04-10-kkp12-vulnerable-groups" not in str(year.select_one("article"))  # another year's


def test_home_page_has_latest_meetings_and_entry_points(site: Path) -> None:
    page = soup(site, "")
    assert page.select_one(".kb-latest .kb-cards a")["href"] == M000
    for target in ("topics/", "provinces/", "systemmaps/", "tags/"):
        assert page.select(f"a[href='{target}']"), target


def test_system_map_page_has_inline_svg_and_marked_leverage_points(site: Path) -> None:
    page = soup(site, "systemmaps/kkp12-vulnerable-groups/")
    embedded = page.select_one(".kb-diagram object[type='image/svg+xml']")
    assert embedded["aria-label"].startswith("แผนภาพ")
    svg = site / urljoin("systemmaps/kkp12-vulnerable-groups/", embedded["data"])
    assert svg.read_bytes().startswith(b"<svg") and b"<a " in svg.read_bytes()
    assert len(page.select("tr.kb-node-leverage")) == 4
    assert page.select_one("#node-rights-awareness")


def test_titles_descriptions_and_open_graph(site: Path) -> None:
    page = soup(site, M000)
    assert page.title.get_text().startswith("กขป.เขต 12 สุขภาวะกลุ่มเปราะบางทางสังคม")
    assert page.select_one("meta[name=description]")["content"]
    assert page.select_one("meta[property='og:title']")["content"].startswith("กขป.เขต 12")


def test_feed_and_sitemap(site: Path) -> None:
    feed = ET.parse(site / "feed.xml").getroot()
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 5
    assert entries[0].findtext("{http://www.w3.org/2005/Atom}title") == "กขป.เขต 12 สุขภาวะกลุ่มเปราะบางทางสังคม"
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert M000 in sitemap


def test_no_request_leaves_the_site(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
        html = BeautifulSoup(text, "html.parser")
        assert html.select("iframe, embed, frame") == [], page  # no third-party widget or pixel
        for tag in html.select("script[src], link[href], img[src], audio[src], video[src], object[data]"):
            ref = tag.get("src") or tag.get("href") or tag.get("data")
            canonical = tag.name == "link" and tag.get("rel") == ["canonical"]
            assert not urlparse(ref).netloc or canonical, (page, ref)
        for tag in html.select("img[srcset], source[srcset]"):
            assert all(not urlparse(c.split()[0]).netloc for c in tag["srcset"].split(",")), (page, tag)


def test_every_internal_link_resolves(site: Path) -> None:
    broken = []
    for page in site.rglob("*.html"):
        url = "/" + str(page.relative_to(site)).removesuffix("index.html")
        for tag in BeautifulSoup(page.read_text("utf-8"), "html.parser").select("[href], [src]"):
            ref = tag.get("href") or tag.get("src")
            if urlparse(ref).scheme or ref.startswith(("#", "mailto:")):
                continue
            target = unquote(urlparse(urljoin(url, ref)).path).lstrip("/")
            path = site / target
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append((url, ref))
    assert broken == []


def test_failed_build_keeps_the_previous_site(site: Path, tmp_path: Path) -> None:
    import shutil

    from generator.cli import main

    bad = tmp_path / "content"
    shutil.copytree(CONTENT, bad)
    path = (bad / M000.rstrip("/")).with_suffix(".yaml")
    path.write_text(path.read_text("utf-8").replace("mode: online", "mode: no"), "utf-8")
    output = tmp_path / "site"
    shutil.copytree(site, output)
    before = sorted(p.name for p in output.iterdir())
    assert main(["build", str(bad), "-o", str(output)]) == 1
    assert sorted(p.name for p in output.iterdir()) == before
    assert (output / M000 / "index.html").is_file()
    assert not list(tmp_path.glob(".site-new-*"))
