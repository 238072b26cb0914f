"""Pages filled into the theme's shell are byte for byte what MkDocs' own rendering gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import CONTENT
from tests.sitebuild import build, soup


def site_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_demo_site_is_identical_with_and_without_shell_fill(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_SHELL", "false")
    theme_rendered = site_files(build(CONTENT, tmp_path / "theme"))
    monkeypatch.setenv("KB_SHELL", "true")
    filled = site_files(build(CONTENT, tmp_path / "filled"))
    assert sorted(filled) == sorted(theme_rendered)
    differing = [name for name in filled if filled[name] != theme_rendered[name]]
    assert differing == []
    sitemap = filled["sitemap.xml"].decode()
    assert sitemap.count("<loc>") == len([n for n in filled if n.endswith("index.html")])
    assert "/meetings/2025-04-10-kkp12-vulnerable-groups/</loc>" in sitemap


def test_a_title_holding_a_slot_marker_is_printed_as_written(valid_tree: Path, tmp_path: Path) -> None:
    meeting = next((valid_tree / "meetings").glob("*.yaml"))
    data = yaml.safe_load(meeting.read_text("utf-8"))
    data["title"] = "ประชุม kbslot7c1e-name และ kbslot7c1e-title"
    meeting.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    site = build(valid_tree, tmp_path / "site")
    page = soup(site, f"meetings/{meeting.stem}/")
    assert page.select_one("article h1").get_text() == data["title"]
    assert page.title.get_text().startswith(data["title"])
    assert page.select_one('link[rel="canonical"]')["href"].endswith(f"/meetings/{meeting.stem}/")
