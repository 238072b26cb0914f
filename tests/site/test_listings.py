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
