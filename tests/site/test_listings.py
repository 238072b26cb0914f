"""Listing pages: a section longer than one page links every page of it, the current one marked."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from generator.records.validate import validate_content
from generator.site.build import build_site
from generator.site.listings import PER_PAGE, Pager
from tests.conftest import demo_copy


def test_a_pager_lists_every_page_and_marks_the_current_one() -> None:
    assert list(Pager("meetings", 2, 3)) == [("1", "meetings/", False), ("2", "meetings/page/2/", True),
                                             ("3", "meetings/page/3/", False)]
    assert not Pager("meetings", 1, 1) and list(Pager("meetings", 1, 1)) == []
    assert repr(Pager("meetings", 2, 3)) == "Pager(folder='meetings', number=2, count=3)"  # its cache key


def test_a_section_of_two_pages_links_each_from_the_other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = demo_copy(tmp_path, monkeypatch, "cache")
    for number in range(PER_PAGE):
        (root / "meetings" / f"extra-{number}.yaml").write_text(
            f'id: extra-{number}\ntitle: ประชุมครั้งที่ {number}\ndate: "2019-01-{number % 28 + 1:02d}"\n', "utf-8")
    pages = {page.src_uri: page.html for page in build_site(validate_content(root)).pages}
    first = BeautifulSoup(pages["meetings/index.md"], "html.parser").select("nav.kb-pager")
    second = BeautifulSoup(pages["meetings/page/2.md"], "html.parser").select("nav.kb-pager")
    assert len(first) == len(second) == 2  # above and below the list
    assert [n.select("[aria-current=page]")[0].get_text() for n in first + second] == ["1", "1", "2", "2"]
    assert [(a.get_text(), urljoin("/meetings/", str(a["href"]))) for a in first[0].select("a")] == [
        ("2", "/meetings/page/2/")]
    assert [(a.get_text(), urljoin("/meetings/page/2/", str(a["href"]))) for a in second[0].select("a")] == [
        ("1", "/meetings/")]


def test_a_province_and_its_region_list_their_records_in_pages_the_map_on_the_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 10,000 meetings a health region's page held a thousand cards (670 KB): a province's
    and a region's records come in pages of PER_PAGE, each record on exactly one of them."""
    root = demo_copy(tmp_path, monkeypatch, "cache")
    for number in range(PER_PAGE):
        (root / "meetings" / f"trang-{number}.yaml").write_text(
            f'id: trang-{number}\ntitle: ประชุมตรังครั้งที่ {number}\ndate: "2019-02-{number % 28 + 1:02d}"\n'
            "province: ตรัง\n", "utf-8")
    pages = {page.src_uri: page.html for page in build_site(validate_content(root)).pages}
    for folder in ("provinces/trang", "regions/12"):
        first = BeautifulSoup(pages[f"{folder}.md"], "html.parser")
        second = BeautifulSoup(pages[f"{folder}/page/2.md"], "html.parser")
        count = 1 + sum(src.startswith(f"{folder}/page/") for src in pages)
        rest = [BeautifulSoup(pages[f"{folder}/page/{n}.md"], "html.parser") for n in range(3, count + 1)]
        assert first.select_one("svg.kb-thmap-svg") and not second.select_one("svg.kb-thmap-svg")
        assert [n.select_one("[aria-current=page]").get_text() for n in second.select("nav.kb-pager")] == ["2", "2"]
        others = [f"/{folder}/"] + [f"/{folder}/page/{n}/" for n in range(3, count + 1)]
        assert [urljoin(f"/{folder}/page/2/", str(a["href"])) for a in second.select("nav.kb-pager a")] == others * 2
        listed = [a["href"].rstrip("/").rsplit("/", 1)[-1] for page in (first, second, *rest)
                  for a in page.select(".kb-cards .kb-card > a")]
        assert len(first.select(".kb-cards .kb-card")) == PER_PAGE
        assert len(listed) == len(set(listed)) and {f"trang-{n}" for n in range(PER_PAGE)} <= set(listed)
        assert f"{len(listed)} เรื่อง" in first.get_text()  # the whole count, on every page's first
    assert "ตรัง (หน้า 2)" in BeautifulSoup(pages["provinces/trang/page/2.md"], "html.parser").select_one("h1").get_text()
