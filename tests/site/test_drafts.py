"""Drafts on the demo site: the public build leaves them out everywhere (pages, listings, search,
feed, sitemap, graph and CSV exports, related lists, the network), links to them show as plain
text, and the preview (`kb build --drafts`) shows them with a draft banner."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import networkx as nx
import pytest
from bs4 import BeautifulSoup

from generator.cli import main
from generator.records.validate import validate_content
from generator.site.build import build_site
from generator.site.model import Site
from tests.conftest import CONTENT, ROOT
from tests.site.test_page_cache import pages
from tests.sitebuild import build, soup

pytestmark = pytest.mark.slow
DRAFT = "2020-01-06-region12-informal-workers"  # photos, actions, hashtags; a system map names it
DRAFT_TITLE = "ประชุมคณะทำงานระดับเขต12สงขลา(ทีมบริหารโครงการฯ)"
PERSON = "ppho-trang"  # a stakeholder made a draft: a published meeting lists it among attendees
SKELETON = "2026-01-05-skeleton"  # `kb new meeting`, left as written (title: "")
M000 = "meetings/2025-04-10-kkp12-vulnerable-groups/"
MAP = "half-drawn-map"  # a draft map: a node with no id yet, a link to nowhere yet
PROPOSAL = "proposals/kkp12-central-information-system"  # made to name the draft meeting as its origin


def make_draft(path: Path) -> None:
    path.write_text("draft: true\n" + path.read_text("utf-8"), "utf-8")


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("drafts") / "content"
    shutil.copytree(CONTENT, root)
    make_draft(root / "meetings" / f"{DRAFT}.yaml")
    make_draft(root / "stakeholders" / f"{PERSON}.yaml")
    proposal = root / f"{PROPOSAL}.yaml"
    text = proposal.read_text("utf-8")
    proposal.write_text(text.replace("origin:\n", f"origin:\n  - {DRAFT}\n", 1), "utf-8")
    assert main(["new", "meeting", "--id", SKELETON, "--content", str(root)]) == 0
    (root / "systemmaps" / f"{MAP}.yaml").write_text(
        f'id: {MAP}\ndraft: true\ntitle: ""\nnodes:\n  - label: ยังไม่มีรหัส\n  - {{id: a, label: ก, kind: factor}}\n'
        'links:\n  - {from: a, to: ""}\n', "utf-8")
    return root


@pytest.fixture(scope="module")
def site(content: Path) -> Path:
    """An unfilled skeleton no longer stops `kb build`."""
    return build(content, content.parent / "site")


@pytest.fixture(scope="module")
def preview(content: Path, site: Path) -> Path:
    output = content.parent / "preview"
    with pytest.MonkeyPatch.context() as env:  # kb build --drafts sets KB_DRAFTS: not for later tests
        env.setenv("KB_DRAFTS", "false")
        assert main(["build", str(content), "-o", str(output), "-q", "--drafts"]) == 0
    return output


def test_a_draft_has_no_page_and_its_id_is_nowhere_in_the_public_site(site: Path) -> None:
    """Not in a listing, a tag, province or timeline page, a related list, the search index,
    the feed, the sitemap, the network explorer's data or the published media."""
    assert not (site / "meetings" / DRAFT).exists()
    assert not (site / "meetings" / SKELETON).exists()
    assert not (site / "stakeholders" / PERSON).exists()
    for file in site.rglob("*"):
        if file.is_file():
            shown = reader_sees(file)
            for name in (DRAFT, SKELETON, PERSON, MAP):
                assert name not in shown, f"{name} in {file.relative_to(site)}"


def reader_sees(file: Path) -> str:
    """A page's text and where it links (pages, images); other files whole. (A published record's
    own data, embedded for a script, may name a draft's id: that is its text, not a link to it.)"""
    if file.suffix != ".html":
        return file.read_bytes().decode("utf-8", "replace")
    page = BeautifulSoup(file.read_text("utf-8"), "html.parser")
    for data in page.select('script[type="application/json"]'):
        data.decompose()
    links = [str(tag.get(name)) for tag in page.find_all(True) for name in ("href", "src", "srcset", "data")]
    return page.get_text(" ") + " ".join(links)


def test_feed_and_sitemap_list_published_pages_only(site: Path) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    links = [e.get("href", "") for e in ET.parse(site / "feed.xml").getroot().iter(f"{atom}link")]
    assert any("meetings/2025-04-10-kkp12-vulnerable-groups/" in link for link in links)
    assert not any(DRAFT in link or SKELETON in link for link in links)
    urls = [e.text or "" for e in ET.parse(site / "sitemap.xml").getroot().iter()]
    assert any(M000 in url for url in urls) and not any(DRAFT in url or PERSON in url for url in urls)


def test_a_listing_shows_the_published_meetings(site: Path) -> None:
    hrefs = [a["href"] for a in soup(site, "meetings/").select(".kb-card > a")]
    assert len(hrefs) == 4 and f"{DRAFT}/" not in " ".join(hrefs)


def test_links_to_a_draft_show_its_title_as_plain_text(site: Path) -> None:
    origin = soup(site, PROPOSAL + "/").find("h2", string="เกิดจากการประชุม").find_next("ul")
    assert [li.get_text() for li in origin.select("li")] == [
        "กขป.เขต 12 สุขภาวะกลุ่มเปราะบางทางสังคม", DRAFT_TITLE]
    assert [li.find("a") is None for li in origin.select("li")] == [False, True]
    cells = [td for td in soup(site, M000).select(".kb-attendees td") if td.get_text(strip=True) == "สสจ.ตรัง"]
    assert len(cells) == 1 and cells[0].find("a") is None


def test_graph_exports_and_csv_leave_drafts_out(content: Path, tmp_path: Path) -> None:
    assert main(["graph", "-o", str(tmp_path / "g.graphml"), "--content", str(content)]) == 0
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert "2025-04-10-kkp12-vulnerable-groups" in graph
    assert not {DRAFT, SKELETON, PERSON, MAP} & set(graph.nodes)
    assert main(["export", "-o", str(tmp_path / "csv"), "--content", str(content)]) == 0
    with (tmp_path / "csv" / "actions.csv").open(encoding="utf-8-sig") as handle:
        meetings = {row["meeting"] for row in csv.DictReader(handle)}
    assert meetings and DRAFT not in meetings



def test_a_draft_with_an_error_stops_kb_validate_but_not_the_exports(content: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """As kb build: exports are published material, so a draft's problem stops only drafts' use."""
    root = tmp_path / "content"
    shutil.copytree(content, root)
    (root / "meetings" / "2026-02-01-be-year.yaml").write_text(
        'draft: true\nid: 2026-02-01-be-year\ntitle: ประชุมที่พิมพ์ปี พ.ศ.\ndate: "2569-02-01"\n', "utf-8")
    assert main(["validate", str(root)]) == 1
    assert "2569" in capsys.readouterr().out
    assert main(["export", "-o", str(tmp_path / "csv"), "--content", str(root)]) == 0
    assert main(["graph", "-o", str(tmp_path / "g.graphml"), "--content", str(root)]) == 0
    assert "2026-02-01-be-year" not in nx.read_graphml(tmp_path / "g.graphml")

def test_the_preview_shows_drafts_with_a_banner(preview: Path) -> None:
    banner = soup(preview, f"meetings/{DRAFT}/").select_one("article .kb-draft-banner[role=note]")
    assert banner is not None and "ฉบับร่าง — ยังไม่เผยแพร่ / Draft — not published" in banner.get_text()
    skeleton = soup(preview, f"meetings/{SKELETON}/")
    assert skeleton.select_one(".kb-draft-banner") and skeleton.select_one("article h1").get_text() == SKELETON
    assert soup(preview, M000).select_one(".kb-draft-banner") is None  # published pages: none
    assert soup(preview, f"systemmaps/{MAP}/").select_one(".kb-draft-banner")  # drawn as far as written
    assert (preview / "systemmaps" / MAP / f"{MAP}.svg").is_file()
    links = [a["href"] for a in soup(preview, M000).select(".kb-attendees td a")]
    assert f"../../stakeholders/{PERSON}/" in links


def test_public_and_draft_builds_share_the_caches_without_mixing(
        content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages and the other files (search index, feed, network data): each mode's warm build,
    after a build of the other mode, equals its cold build byte for byte."""
    everything = validate_content(content)
    assert everything.ok and len(everything.published().drafts) == 4
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "warm"))
    public = outputs(build_site(everything.published()))
    drafts = outputs(build_site(everything))
    assert f"meetings/{DRAFT}.md" in drafts and f"meetings/{DRAFT}.md" not in public
    warm = outputs(build_site(everything.published()))
    warm_drafts = outputs(build_site(everything))
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cold"))
    assert outputs(build_site(everything.published())) == warm == public
    assert outputs(build_site(everything)) == warm_drafts == drafts


def outputs(site: Site) -> dict[str, str | bytes]:
    return {**pages(site), **site.files}


@pytest.mark.parametrize(("value", "shown"), [("true", True), ("false", False)])
def test_kb_drafts_sets_the_plugin_option(value: str, shown: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """How kb serve (KB_DRAFTS=true) and kb build (--drafts or not) reach the plugin."""
    from mkdocs.config import load_config

    from generator.mkdocs.config import project_options

    monkeypatch.setenv("KB_DRAFTS", value)
    config_file = ROOT / "mkdocs.yml"
    config = load_config(str(config_file), **project_options(config_file))
    assert config.plugins["thai-kb"].config.drafts is shown
